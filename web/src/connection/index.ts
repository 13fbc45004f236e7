/** Public face of the connection feature: the WebSocket link with back-off. */
export { Connection, streamUrl } from "./connection";
export type { ConnectionHandlers, LinkState } from "./connection";
export { backoffDelay, DEFAULT_BACKOFF } from "./backoff";
export type { BackoffOptions } from "./backoff";
