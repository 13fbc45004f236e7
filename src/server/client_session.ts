/**
 * One browser connected to `/ws`: its coalescer and the rule for when to send.
 *
 * Back-pressure: a batch is only sent while the socket's send buffer holds less than
 * `maxBufferedBytes`; otherwise the changes stay coalesced (latest state per track) until the
 * client has drained. Memory per client is therefore bounded by one batch in the socket
 * plus one state per changed track.
 */
import { TrackCoalescer } from "./coalescer.js";
import type { DeletedMessage, ServerMessage, TrackView, TracksMessage } from "./protocol.js";

/** What a session needs of a WebSocket (the `ws` package's `WebSocket` satisfies it). */
export interface SessionSocket {
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
  /** 1 = OPEN (WebSocket readyState). */
  readonly readyState: number;
  send(data: string): void;
}

/** Counters of one session. */
export interface SessionStats {
  /** Batches (`tracks` or `deleted` messages) sent. */
  batchesSent: number;
  /** Flushes skipped because the client had not drained its previous data. */
  flushesDeferred: number;
  /** Track states overwritten before being sent. */
  statesDropped: number;
  /** Bytes of JSON handed to the socket. */
  bytesSent: number;
}

/** `WebSocket.OPEN`. */
const OPEN = 1;

/** A connected client. Create one per socket; call {@link ClientSession.tick} every coalescing window. */
export class ClientSession {
  readonly coalescer = new TrackCoalescer();
  private batches = 0;
  private deferred = 0;
  private bytes = 0;

  /**
   * @param socket the client's WebSocket.
   * @param maxBufferedBytes send no new batch while more than this many bytes are queued.
   * @param now clock, UTC seconds (for `serverTime`).
   */
  constructor(
    private readonly socket: SessionSocket,
    private readonly maxBufferedBytes: number,
    private readonly now: () => number,
  ) {}

  /** Sends one message now (hello and snapshot bypass coalescing). */
  send(message: ServerMessage): void {
    if (this.socket.readyState !== OPEN) return;
    const text = JSON.stringify(message);
    this.bytes += text.length;
    this.socket.send(text);
  }

  /** Sends the full picture and resets what the client is known to show. */
  sendSnapshot(views: TrackView[]): void {
    this.coalescer.markSnapshot(views);
    const msg: TracksMessage = { type: "tracks", snapshot: true, serverTime: this.now(), tracks: views };
    this.send(msg);
  }

  /**
   * Sends what has changed since the last tick, unless the client is still draining.
   * @returns true when something was sent.
   */
  tick(): boolean {
    if (this.socket.readyState !== OPEN) return false;
    if (this.coalescer.pendingCount === 0) return false;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.deferred += 1;
      return false;
    }
    const batch = this.coalescer.flush();
    if (batch === undefined) return false;
    const serverTime = this.now();
    if (batch.deleted.length > 0) {
      const msg: DeletedMessage = { type: "deleted", serverTime, trackNumbers: batch.deleted };
      this.send(msg);
      this.batches += 1;
    }
    if (batch.tracks.length > 0) {
      const msg: TracksMessage = { type: "tracks", snapshot: false, serverTime, tracks: batch.tracks };
      this.send(msg);
      this.batches += 1;
    }
    return true;
  }

  /** Counters so far. */
  stats(): SessionStats {
    return {
      batchesSent: this.batches,
      flushesDeferred: this.deferred,
      statesDropped: this.coalescer.dropped,
      bytesSent: this.bytes,
    };
  }
}
