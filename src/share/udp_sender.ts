/**
 * Sends ASTERIX data blocks over UDP (unicast or multicast), one block or a packed batch of
 * blocks per datagram, with counters. Blocks larger than the datagram limit are refused, not cut.
 */
import dgram from "node:dgram";

/** Where to send. */
export interface UdpSendOptions {
  host: string;
  port: number;
  /** Multicast TTL (hops), when sending to a multicast group. Default 1. */
  multicastTtl?: number;
  /** Local interface address for multicast output. */
  multicastInterface?: string;
  /** Largest datagram payload, bytes (default 1472: an Ethernet MTU without IP/UDP headers). */
  maxDatagram?: number;
}

/** Counters of a sender. */
export interface UdpSendStats {
  datagrams: number;
  blocks: number;
  bytes: number;
  /** Blocks refused (larger than `maxDatagram`) or lost to a send error. */
  errors: number;
}

/** A UDP sender of ASTERIX blocks. */
export interface UdpSender {
  /** Packs blocks into as few datagrams as fit and sends them; resolves when handed to the OS. */
  send(blocks: Uint8Array[]): Promise<void>;
  stats: UdpSendStats;
  close(): Promise<void>;
}

/** Packs blocks back to back into datagrams of at most `max` bytes. Blocks over `max` are returned apart. */
export function packDatagrams(blocks: Uint8Array[], max: number): { datagrams: Uint8Array[]; tooLarge: number } {
  const datagrams: Uint8Array[] = [];
  let tooLarge = 0;
  let cur: Uint8Array[] = [];
  let size = 0;
  const flush = (): void => {
    if (cur.length === 0) return;
    const d = new Uint8Array(size);
    let at = 0;
    for (const b of cur) {
      d.set(b, at);
      at += b.length;
    }
    datagrams.push(d);
    cur = [];
    size = 0;
  };
  for (const b of blocks) {
    if (b.length > max) {
      tooLarge++;
      continue;
    }
    if (size + b.length > max) flush();
    cur.push(b);
    size += b.length;
  }
  flush();
  return { datagrams, tooLarge };
}

/** Opens a sender. Resolves once the socket is ready. */
export function createUdpSender(options: UdpSendOptions): Promise<UdpSender> {
  const socket = dgram.createSocket({ type: "udp4" });
  const stats: UdpSendStats = { datagrams: 0, blocks: 0, bytes: 0, errors: 0 };
  const max = options.maxDatagram ?? 1472;
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(0, () => {
      socket.off("error", reject);
      socket.on("error", () => stats.errors++);
      socket.setMulticastTTL(options.multicastTtl ?? 1);
      if (options.multicastInterface) socket.setMulticastInterface(options.multicastInterface);
      resolve({
        stats,
        async send(blocks) {
          const { datagrams, tooLarge } = packDatagrams(blocks, max);
          stats.errors += tooLarge;
          stats.blocks += blocks.length - tooLarge;
          await Promise.all(datagrams.map((d) => new Promise<void>((done) => {
            socket.send(d, options.port, options.host, (err) => {
              if (err) stats.errors++;
              else {
                stats.datagrams++;
                stats.bytes += d.length;
              }
              done();
            });
          })));
        },
        close: () => new Promise((r) => socket.close(() => r())),
      });
    });
  });
}
