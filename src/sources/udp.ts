/**
 * Live ASTERIX over UDP: a listener (unicast or multicast) yielding the data blocks of every
 * datagram as they arrive, and its counters.
 *
 * Datagrams are queued between the socket and the consumer. The queue is bounded
 * (`maxQueuedDatagrams`): when the consumer falls behind, new datagrams are dropped, counted and
 * logged once per second — never silently, never by growing memory without limit.
 */
import dgram from "node:dgram";
import { splitDataBlocks, type FramedBlock, type FramingIssue } from "../formats/asterix/framing/index.js";

/** Where to listen. */
export interface UdpListenOptions {
  /** UDP port. */
  port: number;
  /** Local address to bind (default "0.0.0.0"; "127.0.0.1" for loopback only). */
  host?: string;
  /** Multicast group to join (e.g. "232.1.1.1"). */
  multicastGroup?: string;
  /** Local interface address for the multicast membership. */
  multicastInterface?: string;
  /** Largest number of datagrams waiting for the consumer (default 100,000). */
  maxQueuedDatagrams?: number;
  /** Stops the listener. */
  signal?: AbortSignal;
  /** Called with a message when datagrams are dropped (at most once a second). */
  onDrop?: (message: string) => void;
}

/** Counters of a UDP listener. */
export interface UdpStats {
  datagrams: number;
  bytes: number;
  /** Datagrams dropped because the consumer fell behind. */
  dropped: number;
  /** Datagrams waiting now. */
  queued: number;
}

/** A received datagram's framed content, with the receive time (UTC s) as the block time. */
export type UdpItem = FramedBlock | FramingIssue;

/** A running UDP listener. */
export interface UdpListener {
  /** The data blocks (and framing issues) of every datagram, in arrival order. Ends when aborted or closed. */
  items: AsyncIterable<UdpItem>;
  /** Local address and port actually bound (port 0 → the chosen port). */
  address(): { address: string; port: number };
  stats: UdpStats;
  close(): Promise<void>;
}

/**
 * Starts listening. Resolves once the socket is bound (and the multicast group joined).
 * Rejects with the socket error (e.g. EADDRINUSE) when it cannot bind.
 */
export function listenUdp(options: UdpListenOptions): Promise<UdpListener> {
  const max = options.maxQueuedDatagrams ?? 100_000;
  const socket = dgram.createSocket({ type: "udp4", reuseAddr: true });
  const stats: UdpStats = { datagrams: 0, bytes: 0, dropped: 0, queued: 0 };
  const queue: Array<{ data: Uint8Array; time: number }> = [];
  let wake: (() => void) | undefined;
  let closed = false;
  let lastDropLog = 0;
  let droppedSinceLog = 0;

  socket.on("message", (msg) => {
    stats.datagrams++;
    stats.bytes += msg.length;
    if (queue.length >= max) {
      stats.dropped++;
      droppedSinceLog++;
      const now = Date.now();
      if (now - lastDropLog >= 1000) {
        options.onDrop?.(`UDP ${options.port}: consumer behind, ${droppedSinceLog} datagram(s) dropped (queue full at ${max})`);
        lastDropLog = now;
        droppedSinceLog = 0;
      }
      return;
    }
    queue.push({ data: new Uint8Array(msg.buffer, msg.byteOffset, msg.length), time: Date.now() / 1000 });
    stats.queued = queue.length;
    wake?.();
  });

  const close = (): Promise<void> =>
    new Promise((resolve) => {
      if (closed) return resolve();
      closed = true;
      wake?.();
      socket.close(() => resolve());
    });
  options.signal?.addEventListener("abort", () => void close(), { once: true });

  let offset = 0;
  async function* items(): AsyncGenerator<UdpItem> {
    for (;;) {
      while (queue.length === 0) {
        if (closed) return;
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
      }
      const d = queue.shift()!;
      stats.queued = queue.length;
      // Offsets count bytes received on this listener, so problems can be located in a capture of it.
      yield* splitDataBlocks(d.data, offset, { time: d.time });
      offset += d.data.length;
    }
  }

  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(options.port, options.host ?? "0.0.0.0", () => {
      try {
        if (options.multicastGroup) socket.addMembership(options.multicastGroup, options.multicastInterface);
      } catch (e) {
        socket.close();
        reject(e);
        return;
      }
      socket.off("error", reject);
      socket.on("error", () => void close());
      const a = socket.address();
      resolve({ items: items(), address: () => ({ address: a.address, port: a.port }), stats, close });
    });
  });
}
