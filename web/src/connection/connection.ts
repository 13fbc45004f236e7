/**
 * The WebSocket link to the server's `/ws`: parses messages, reports its state, and
 * reconnects with back-off when the link drops. A new connection starts with `hello` and a
 * snapshot, so nothing else needs to be resent.
 */
import type { ServerMessage } from "../protocol";
import { backoffDelay } from "./backoff";

/** Link state shown to the operator. */
export type LinkState =
  | { kind: "connecting"; attempt: number }
  | { kind: "live"; since: number }
  | { kind: "offline"; retryAt: number; attempt: number };

/** Callbacks of a {@link Connection}. */
export interface ConnectionHandlers {
  onMessage(message: ServerMessage): void;
  onState(state: LinkState): void;
}

/** URL of the stream on the page's own server. */
export function streamUrl(location: Location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws`;
}

/** A self-healing WebSocket connection. */
export class Connection {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private retryTimer: number | undefined;
  private stopped = false;
  /** Messages that could not be parsed (counted and skipped). */
  badMessages = 0;

  constructor(
    private readonly url: string,
    private readonly handlers: ConnectionHandlers,
  ) {}

  /** Opens the link (and keeps it open until {@link Connection.stop}). */
  start(): void {
    this.stopped = false;
    this.open();
  }

  /** Closes the link for good. */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== undefined) window.clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private open(): void {
    this.handlers.onState({ kind: "connecting", attempt: this.attempt });
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.attempt = 0;
      this.handlers.onState({ kind: "live", since: Date.now() });
    });
    socket.addEventListener("message", (ev) => {
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        this.badMessages += 1;
        return;
      }
      if (msg === null || typeof msg !== "object" || typeof msg.type !== "string") {
        this.badMessages += 1;
        return;
      }
      this.handlers.onMessage(msg);
    });
    socket.addEventListener("close", () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (!this.stopped) this.scheduleRetry();
    });
    // "error" is always followed by "close"; nothing to do here.
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, Math.random());
    this.attempt += 1;
    this.handlers.onState({ kind: "offline", retryAt: Date.now() + delay, attempt: this.attempt });
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) this.open();
    }, delay);
  }
}
