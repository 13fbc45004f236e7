/** The single entry point that frames a whole recording buffer of a given container format. */
import { hexAt, makeIssue } from "./bytes.js";
import { frameFinal } from "./final.js";
import type { PacketContext } from "./link.js";
import { framePcap, pcapFormat } from "./pcap.js";
import { framePcapng, isPcapng } from "./pcapng.js";
import { frameUnits, GPS_HEADER, GPS_LAYOUT, RAW_LAYOUT, RPLY_LAYOUT } from "./sequential.js";
import { newFramingStats, type Framing, type FrameOptions, type FramingItem, type FramingStats } from "./types.js";

/**
 * Yields, in file order, every ASTERIX data block of `buf` read as `framing`, and an issue for every
 * span of bytes that is not a valid block (the reader goes on after it). Pure: no I/O, no copies
 * (blocks are subarrays of `buf`). An empty buffer yields nothing. Never throws: a buffer that is not of the given framing yields
 * issues (e.g. one issue "not a pcap file: …" covering it), not made-up blocks.
 *
 * - raw: blocks back to back; resynchronises after garbage or a lying length field (see `frameUnits`).
 * - gps: 2200-byte header, then [block][10-byte trailer]; blocks carry `timeOfDay` (trailer bytes 6..8, 1/128 s).
 * - rply: [u32 LE length][u32 LE ms since previous][block]; blocks carry `delay` (s).
 * - final: EUROCONTROL final format records; blocks carry `timeOfDay` (10 ms units in the header).
 * - pcap/pcapng: UDP (IPv4/IPv6 over Ethernet, VLAN, SLL, SLL2, raw IP, loopback) and 802.3/LLC payloads;
 *   blocks carry `time` (UTC s) and `packet`. Non-ASTERIX packets are skipped and counted in the stats.
 *
 * @returns (as the generator's return value) the counters, also kept in `options.stats` when given.
 */
export function* frameBlocks(
  buf: Uint8Array, framing: Framing, options: FrameOptions = {},
): Generator<FramingItem, FramingStats, undefined> {
  const stats = options.stats ?? newFramingStats();
  const ctx: PacketContext = {
    stats,
    oradis: options.oradis ?? "auto",
    ports: options.udpPorts === undefined ? null : new Set(options.udpPorts),
  };
  if (buf.length === 0) return stats;
  switch (framing) {
    case "pcap": yield* framePcap(buf, ctx); break;
    case "pcapng": yield* framePcapng(buf, ctx); break;
    case "final": yield* frameFinal(buf, stats); break;
    case "rply": yield* frameUnits(buf, 0, buf.length, RPLY_LAYOUT, stats, options.validate); break;
    case "gps":
      if (buf.length < GPS_HEADER) {
        if (buf.length > 0) yield makeIssue(0, buf.length, `gps recording of ${buf.length} bytes is shorter than its ${GPS_HEADER}-byte header`, stats);
      } else {
        yield* frameUnits(buf, GPS_HEADER, buf.length, GPS_LAYOUT, stats, options.validate);
      }
      break;
    case "raw":
      if (pcapFormat(buf) !== null || isPcapng(buf)) {
        const kind = isPcapng(buf) ? "pcapng" : "pcap";
        yield makeIssue(0, buf.length, `the buffer starts with the ${kind} magic number (${hexAt(buf, 0, 4)}): it is a packet capture, not raw ASTERIX; read it with framing "${kind}"`, stats);
      } else {
        yield* frameUnits(buf, 0, buf.length, RAW_LAYOUT, stats, options.validate);
      }
      break;
    default:
      yield makeIssue(0, buf.length, `unknown framing ${JSON.stringify(framing)}`, stats);
  }
  return stats;
}
