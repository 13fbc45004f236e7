/** A small WebSocket test client that records every server message and waits for one. */
import WebSocket from "ws";
import type { ServerMessage } from "../../src/server/index.js";

export class RecordingClient {
  readonly messages: ServerMessage[] = [];
  private waiters: Array<{ pred: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const msg = JSON.parse(String(data)) as ServerMessage;
      this.messages.push(msg);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(msg)) return true;
        w.resolve(msg);
        return false;
      });
    });
  }

  /** Connects to `<httpUrl>/ws`. */
  static async connect(httpUrl: string): Promise<RecordingClient> {
    const socket = new WebSocket(httpUrl.replace(/^http/, "ws") + "/ws");
    const client = new RecordingClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return client;
  }

  /** Resolves with the first message (already received or future) matching `pred`. */
  next(pred: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const seen = this.messages.find(pred);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no matching message in time")), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Resolves with the first message matching `pred` that arrives after this call. */
  nextNew(pred: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const from = this.messages.length;
    return this.next((m) => this.messages.indexOf(m) >= from && pred(m), timeoutMs);
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.close();
    });
  }
}
