/** Public face of the server: the HTTP + WebSocket air-picture server and its wire protocol. */
export { startServer } from "./server.js";
export type { RunningServer, ServerOptions, StatusResponse, TrackFeed } from "./server.js";
export * from "./protocol.js";
export { TrackCoalescer } from "./coalescer.js";
export type { CoalescedBatch } from "./coalescer.js";
export { ClientSession } from "./client_session.js";
export type { SessionSocket, SessionStats } from "./client_session.js";
export { defaultWebRoot, findPackageRoot, hasBuiltApp } from "./web_root.js";
