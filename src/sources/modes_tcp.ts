/**
 * Live ADS-B / Mode S receivers over TCP: a client to the usual dump1090/readsb ports —
 * Beast binary 30005, AVR text 30002, SBS-1 BaseStation 30003 — yielding `SensorReport`s.
 *
 * The connection is kept up: on error or close the client waits and reconnects, the wait
 * doubling from `minBackoff` to `maxBackoff` (reset once a connection delivered data). Each
 * connection is a new byte stream: a frame cut by the drop is counted as corrupt and framing
 * restarts cleanly on the next connection, so no complete frame is lost or duplicated by the
 * reconnect itself. Every dropped or corrupt frame is counted (`stats()`).
 */
import { connect, type Socket } from "node:net";
import { ModeSReceiver, type AircraftStoreOptions, type ModeSFeedFormat, type ModeSReceiverStats } from "../formats/modes/index.js";
import type { SensorReport } from "../types/index.js";

/** Default port of each feed format. */
export const MODES_DEFAULT_PORTS: Record<ModeSFeedFormat, number> = { beast: 30005, avr: 30002, sbs: 30003 };

/** A receiver feed address: `beast://HOST[:PORT][?name=N&lat=L&lon=L]` (also `avr://`, `sbs://`). */
export interface ModeSFeedAddress {
  format: ModeSFeedFormat;
  host: string;
  port: number;
  /** Receiver name (sensor id "adsb:<name>"); default HOST:PORT. */
  name: string;
  /** Receiver position, degrees, when given. */
  receiver?: { latDeg: number; lonDeg: number };
}

/** Thrown by {@link parseFeedUrl} for a malformed address. */
export class FeedUrlError extends Error {
  override readonly name = "FeedUrlError";
}

/**
 * Parses a feed address (see {@link ModeSFeedAddress}).
 * @throws FeedUrlError when the scheme, host, port or query is invalid.
 */
export function parseFeedUrl(text: string): ModeSFeedAddress {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new FeedUrlError(`"${text}" is not an address like beast://HOST:PORT`);
  }
  const format = u.protocol.replace(/:$/, "") as ModeSFeedFormat;
  if (!(format in MODES_DEFAULT_PORTS)) throw new FeedUrlError(`unknown feed "${u.protocol}" in "${text}": use beast://, avr:// or sbs://`);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (!host) throw new FeedUrlError(`no host in "${text}"`);
  const port = u.port ? Number(u.port) : MODES_DEFAULT_PORTS[format];
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new FeedUrlError(`bad port in "${text}"`);
  const lat = u.searchParams.get("lat");
  const lon = u.searchParams.get("lon");
  const out: ModeSFeedAddress = { format, host, port, name: u.searchParams.get("name") ?? `${host}:${port}` };
  if (lat !== null || lon !== null) {
    const la = Number(lat);
    const lo = Number(lon);
    if (!(Math.abs(la) <= 90 && Math.abs(lo) <= 180) || lat === null || lon === null) throw new FeedUrlError(`bad lat/lon in "${text}"`);
    out.receiver = { latDeg: la, lonDeg: lo };
  }
  return out;
}

/** Options of {@link ModeSTcpClient}. */
export interface ModeSTcpOptions extends Partial<AircraftStoreOptions> {
  host: string;
  port: number;
  format: ModeSFeedFormat;
  /** First wait before reconnecting, seconds (default 0.5). */
  minBackoff?: number;
  /** Longest wait, seconds (default 30). */
  maxBackoff?: number;
  /** Stops the client. */
  signal?: AbortSignal;
  /** Arrival-time clock, UTC seconds (default `Date.now() / 1000`). */
  now?: () => number;
  /** Connection events, for logs. */
  onEvent?: (e: { type: "connected" | "disconnected" | "error"; message?: string }) => void;
}

/** Counters of a TCP feed. */
export interface ModeSTcpStats {
  connections: number;
  disconnects: number;
  bytes: number;
  receiver: ModeSReceiverStats;
}

/** A reconnecting TCP client to a receiver feed; iterate `reports()` to consume. */
export class ModeSTcpClient {
  private readonly rx: ModeSReceiver;
  private readonly o: ModeSTcpOptions;
  private readonly queue: SensorReport[] = [];
  private wake: (() => void) | undefined;
  private socket: Socket | undefined;
  private connections = 0;
  private disconnects = 0;
  private bytes = 0;

  constructor(options: ModeSTcpOptions) {
    this.o = options;
    this.rx = new ModeSReceiver({ ...options, live: true, sensorId: options.sensorId ?? `adsb:${options.host}:${options.port}` });
  }

  /** Counters (connections, bytes, framing and decoding). */
  stats(): ModeSTcpStats {
    return { connections: this.connections, disconnects: this.disconnects, bytes: this.bytes, receiver: this.rx.stats() };
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** One connection: resolves when it closes (true when it delivered data). */
  private session(): Promise<boolean> {
    return new Promise((resolveSession) => {
      const now = this.o.now ?? ((): number => Date.now() / 1000);
      let gotData = false;
      let done = false;
      const s = connect({ host: this.o.host, port: this.o.port });
      this.socket = s;
      s.setNoDelay(true);
      s.on("connect", () => {
        this.connections++;
        this.o.onEvent?.({ type: "connected" });
      });
      s.on("data", (chunk: Buffer) => {
        gotData = true;
        this.bytes += chunk.length;
        this.rx.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), now(), this.queue);
        if (this.queue.length) this.notify();
      });
      const finish = (err?: Error): void => {
        if (done) return;
        done = true;
        if (err) this.o.onEvent?.({ type: "error", message: err.message });
        this.rx.end(this.queue); // the cut frame is counted; the next connection starts clean
        this.disconnects++;
        this.o.onEvent?.({ type: "disconnected" });
        this.socket = undefined;
        this.notify();
        resolveSession(gotData);
      };
      s.on("error", (e) => finish(e));
      s.on("close", () => finish());
    });
  }

  /** Runs the connection loop in the background; ends when the signal aborts. */
  private async run(): Promise<void> {
    const min = this.o.minBackoff ?? 0.5;
    const max = this.o.maxBackoff ?? 30;
    let wait = min;
    const signal = this.o.signal;
    while (!signal?.aborted) {
      const ok = await this.session();
      if (signal?.aborted) break;
      wait = ok ? min : Math.min(max, wait * 2);
      await new Promise<void>((r) => {
        const t = setTimeout(r, wait * 1000);
        signal?.addEventListener("abort", () => {
          clearTimeout(t);
          r();
        }, { once: true });
      });
    }
    this.notify();
  }

  /** The reports, as they arrive; ends when the signal aborts. */
  async *reports(): AsyncGenerator<SensorReport> {
    const signal = this.o.signal;
    const onAbort = (): void => {
      this.socket?.destroy();
      this.notify();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const loop = this.run();
    try {
      while (true) {
        while (this.queue.length) yield this.queue.shift() as SensorReport;
        if (signal?.aborted) break;
        await new Promise<void>((r) => {
          this.wake = r;
        });
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      this.socket?.destroy();
      await loop;
    }
  }
}
