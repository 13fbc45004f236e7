/** Public face of the status feature: the status bar. */
export { renderStatusBar } from "./status_bar";
export type { StatusModel } from "./status_bar";
