/**
 * Shares the air picture as ASTERIX CAT062 system tracks over UDP: every `interval` seconds, the
 * latest update of each track that changed is sent (data blocks kept under the datagram size),
 * followed by a CAT065 end-of-batch message with the batch number.
 */
import { encodeCat062Block, encodeCat065Block } from "../formats/asterix/index.js";
import type { TrackUpdate } from "../types/index.js";
import type { UdpSender } from "./udp_sender.js";

/** Options of the CAT062 output. */
export interface Cat062ShareOptions {
  /** Skywatch's SDPS identifier "SAC/SIC" (I062/010, I065/010). */
  systemId: string;
  /** Seconds between batches (default 1). */
  interval?: number;
  /** Track updates per CAT062 data block (default 20: about 1 kB, one datagram each). */
  tracksPerBlock?: number;
}

/** Where track updates come from (the pipeline). */
export interface TrackSource {
  subscribe(listener: (updates: TrackUpdate[]) => void): () => void;
}

/**
 * Starts sharing; returns a function that stops it. Blocks that fail to encode are counted in
 * `sender.stats.errors` and skipped; the rest of the batch goes on.
 */
export function shareAsCat062(source: TrackSource, sender: UdpSender, options: Cat062ShareOptions): () => void {
  const pending = new Map<number, TrackUpdate>();
  const unsubscribe = source.subscribe((updates) => {
    for (const u of updates) pending.set(u.track.trackNumber, u);
  });
  const perBlock = options.tracksPerBlock ?? 20;
  let batch = 0;
  const timer = setInterval(() => {
    const updates = [...pending.values()];
    pending.clear();
    const blocks: Uint8Array[] = [];
    for (let i = 0; i < updates.length; i += perBlock) {
      try {
        blocks.push(encodeCat062Block(updates.slice(i, i + perBlock), { sensorId: options.systemId }));
      } catch {
        sender.stats.errors++;
      }
    }
    const time = updates.reduce((t, u) => Math.max(t, u.track.time), Date.now() / 1000);
    blocks.push(encodeCat065Block({ sensorId: options.systemId, time, message: "endOfBatch", batchNumber: batch++ }));
    void sender.send(blocks);
  }, (options.interval ?? 1) * 1000);
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
