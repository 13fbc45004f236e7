/**
 * libpcap capture files: global header (magic a1b2c3d4 µs / a1b23c4d ns, either byte order; a1b2cd34
 * "modified" pcap with 24-byte record headers), then per packet a record header and the captured bytes.
 * Source: draft-ietf-opsawg-pcap (File Header, Packet Record), tcpdump.org LINKTYPE list.
 */
import { hexAt, makeIssue, u32 } from "./bytes.js";
import { framePacket, isSupportedLinkType, type PacketContext } from "./link.js";
import type { FramingItem } from "./types.js";

/** Captured lengths above this are taken as a corrupt record header (largest snapshot length in use is 262144). */
export const MAX_CAPTURED = 1 << 20;

/** Byte order, timestamp unit and record header size of a pcap file, from its magic number; `null` if not pcap. */
export function pcapFormat(b: Uint8Array): { le: boolean; nano: boolean; recordHeader: number } | null {
  if (b.length < 4) return null;
  const be = u32(b, 0, false), le = u32(b, 0, true);
  for (const [magic, nano, rec] of [[0xa1b2c3d4, false, 16], [0xa1b23c4d, true, 16], [0xa1b2cd34, false, 24]] as const) {
    if (be === magic) return { le: false, nano, recordHeader: rec };
    if (le === magic) return { le: true, nano, recordHeader: rec };
  }
  return null;
}

/** Frames a whole pcap file. Never throws; a non-pcap buffer gives one issue. */
export function* framePcap(b: Uint8Array, ctx: PacketContext): Generator<FramingItem, void, undefined> {
  const fmt = pcapFormat(b);
  if (fmt === null) {
    yield makeIssue(0, b.length, `not a pcap file: magic number ${hexAt(b, 0, 4) || "(empty)"} is none of a1b2c3d4/a1b23c4d (either byte order)`, ctx.stats);
    return;
  }
  if (b.length < 24) {
    yield makeIssue(0, b.length, `pcap file of ${b.length} bytes is shorter than its 24-byte header`, ctx.stats);
    return;
  }
  const { le, nano, recordHeader } = fmt;
  const network = u32(b, 20, le);
  const linkType = network & 0xffff;
  // Bit 26 set: the top 4 bits give the FCS length in 16-bit words (draft-ietf-opsawg-pcap §4).
  const fcs = (network & 0x04000000) !== 0 ? (network >>> 28) * 2 : 0;
  if (!isSupportedLinkType(linkType)) {
    yield makeIssue(20, 4, `pcap link type ${linkType} is not supported; its packets are skipped`, ctx.stats);
  }
  const unit = nano ? 1e-9 : 1e-6;
  const fracMax = nano ? 1e9 : 1e6;
  /** A record header at `k` that could be real: lengths in range, fraction of second valid, time near the last one. */
  const plausible = (k: number, lastSec: number | undefined): boolean => {
    if (b.length - k < recordHeader) return false;
    const incl = u32(b, k + 8, le);
    const orig = u32(b, k + 12, le);
    const sec = u32(b, k, le);
    return incl <= MAX_CAPTURED && incl <= b.length - k - recordHeader && orig >= incl && orig <= MAX_CAPTURED
      && u32(b, k + 4, le) < fracMax && (lastSec === undefined || Math.abs(sec - lastSec) <= 86400);
  };
  /** The next offset after `from` where two plausible record headers follow one another (or one ends the file). */
  const resync = (from: number, lastSec: number | undefined): number => {
    for (let k = from; k + recordHeader <= b.length; k++) {
      if (!plausible(k, lastSec)) continue;
      const next = k + recordHeader + u32(b, k + 8, le);
      if (next === b.length || plausible(next, u32(b, k, le))) return k;
    }
    return -1;
  };
  let o = 24;
  let frame = 0;
  let lastSec: number | undefined;
  while (o < b.length) {
    const left = b.length - o;
    if (left < recordHeader) {
      yield makeIssue(o, left, `truncated pcap record header at byte ${o}: ${left} of ${recordHeader} bytes (file cut short)`, ctx.stats);
      return;
    }
    const incl = u32(b, o + 8, le);
    if (!plausible(o, lastSec)) {
      // A corrupt record header: skip to the next place where packets plausibly go on.
      const k = resync(o + 1, lastSec);
      const why = incl > MAX_CAPTURED ? `declares an implausible captured length ${incl}`
        : incl > left - recordHeader ? `declares ${incl} captured bytes but only ${left - recordHeader} remain`
          : "is not a plausible packet record header (lengths or time stamp out of range)";
      if (k < 0) {
        yield makeIssue(o, left, `pcap record at byte ${o} ${why}; no further packet found, the rest of the file (${left} bytes) is skipped`, ctx.stats);
        return;
      }
      yield makeIssue(o, k - o, `pcap record at byte ${o} ${why}; ${k - o} bytes skipped up to the next packet record at byte ${k}`, ctx.stats);
      o = k;
      continue;
    }
    frame++;
    ctx.stats.packets++;
    lastSec = u32(b, o, le);
    const time = lastSec + u32(b, o + 4, le) * unit;
    const start = o + recordHeader;
    yield* framePacket(b, start, start + Math.max(0, incl - fcs), linkType, { time, frame, interfaceId: 0 }, ctx);
    o = start + incl;
  }
}
