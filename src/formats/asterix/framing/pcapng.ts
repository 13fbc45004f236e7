/**
 * pcapng capture files: sections (SHB), interfaces (IDB, with per-interface link type, timestamp
 * resolution `if_tsresol` and offset `if_tsoffset`), and packets (EPB, SPB, and the obsolete PB).
 * Other blocks (name resolution, statistics, secrets, custom) are passed over.
 * Source: draft-ietf-opsawg-pcapng (§4 block formats, §4.2 IDB options).
 */
import { hexAt, makeIssue, u16, u32 } from "./bytes.js";
import { framePacket, isSupportedLinkType, type PacketContext } from "./link.js";
import type { FramingItem } from "./types.js";

const SHB = 0x0a0d0d0a;
const IDB = 1;
const PB = 2;
const SPB = 3;
const EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

interface Iface {
  linkType: number;
  /** Ticks per second of the timestamps. */
  ticksPerSecond: number;
  /** Seconds added to every timestamp (if_tsoffset). */
  offset: number;
  /** FCS bytes at the end of each packet (if_fcslen). */
  fcs: number;
}

/** True when `b` starts with a pcapng Section Header Block (type and a valid byte-order magic). */
export function isPcapng(b: Uint8Array): boolean {
  if (b.length < 12 || u32(b, 0, true) !== SHB) return false;
  return u32(b, 8, true) === BYTE_ORDER_MAGIC || u32(b, 8, false) === BYTE_ORDER_MAGIC;
}

/** Parses an IDB body `[s, e)`. */
function readIdb(b: Uint8Array, s: number, e: number, le: boolean): Iface {
  const iface: Iface = { linkType: u16(b, s, le), ticksPerSecond: 1e6, offset: 0, fcs: 0 };
  let o = s + 8;
  while (o + 4 <= e) {
    const code = u16(b, o, le), len = u16(b, o + 2, le);
    const v = o + 4;
    if (code === 0 || v + len > e) break; // opt_endofopt
    if (code === 9 && len >= 1) {
      // if_tsresol: MSB clear → 10^-n s, set → 2^-n s.
      const r = b[v];
      iface.ticksPerSecond = (r & 0x80) === 0 ? 10 ** r : 2 ** (r & 0x7f);
    } else if (code === 14 && len >= 8) {
      const lo = u32(b, v + (le ? 0 : 4), le), hi = u32(b, v + (le ? 4 : 0), le);
      iface.offset = (hi >= 0x80000000 ? hi - 0x100000000 : hi) * 4294967296 + lo; // signed 64-bit seconds
    } else if (code === 13 && len >= 1) {
      iface.fcs = b[v];
    }
    o = v + ((len + 3) & ~3);
  }
  return iface;
}

/** Frames a whole pcapng file. Never throws; a non-pcapng buffer gives one issue. */
export function* framePcapng(b: Uint8Array, ctx: PacketContext): Generator<FramingItem, void, undefined> {
  if (!isPcapng(b)) {
    yield makeIssue(0, b.length, `not a pcapng file: it does not start with a Section Header Block (first bytes ${hexAt(b, 0, 12) || "(empty)"})`, ctx.stats);
    return;
  }
  let le = true;
  let ifaces: Iface[] = [];
  let frame = 0;
  let o = 0;
  while (o < b.length) {
    const left = b.length - o;
    if (left < 12) {
      yield makeIssue(o, left, `${left} bytes at byte ${o}, too few for a pcapng block (file cut short)`, ctx.stats);
      return;
    }
    if (u32(b, o, true) === SHB) {
      const bom = u32(b, o + 8, true);
      if (bom !== BYTE_ORDER_MAGIC && u32(b, o + 8, false) !== BYTE_ORDER_MAGIC) {
        yield makeIssue(o, left, `pcapng section header at byte ${o} has a bad byte-order magic ${hexAt(b, o + 8, 4)}`, ctx.stats);
        return;
      }
      le = bom === BYTE_ORDER_MAGIC;
      ifaces = [];
    }
    const type = u32(b, o, le);
    const len = u32(b, o + 4, le);
    if (len < 12 || len % 4 !== 0 || len > left || u32(b, o + len - 4, le) !== len) {
      const why = len > left ? `length ${len} exceeds the ${left} bytes left (file cut short)` : `has a bad length ${len}`;
      yield makeIssue(o, left, `pcapng block (type ${type}) at byte ${o} ${why}; the rest of the file is skipped`, ctx.stats);
      return;
    }
    const s = o + 8, e = o + len - 4;
    if (type === IDB && e - s >= 8) {
      const iface = readIdb(b, s, e, le);
      if (!isSupportedLinkType(iface.linkType)) {
        yield makeIssue(o, len, `pcapng interface ${ifaces.length}: link type ${iface.linkType} is not supported; its packets are skipped`, ctx.stats);
      }
      ifaces.push(iface);
    } else if ((type === EPB || type === PB) && e - s >= 20) {
      const id = type === EPB ? u32(b, s, le) : u16(b, s, le);
      const hi = u32(b, s + 4, le), lo = u32(b, s + 8, le);
      const cap = u32(b, s + 12, le);
      frame++;
      ctx.stats.packets++;
      const iface = ifaces[id];
      if (iface === undefined) {
        yield makeIssue(o, len, `packet ${frame}: pcapng packet block at byte ${o} names interface ${id}, which the section did not describe`, ctx.stats);
      } else if (cap > e - s - 20) {
        yield makeIssue(o, len, `packet ${frame}: captured length ${cap} exceeds the pcapng block at byte ${o}`, ctx.stats);
      } else {
        const time = (hi * 4294967296 + lo) / iface.ticksPerSecond + iface.offset;
        const start = s + 20;
        yield* framePacket(b, start, start + Math.max(0, cap - iface.fcs), iface.linkType, { time, frame, interfaceId: id }, ctx);
      }
    } else if (type === SPB && e - s >= 4) {
      frame++;
      ctx.stats.packets++;
      const iface = ifaces[0];
      if (iface === undefined) {
        yield makeIssue(o, len, `packet ${frame}: pcapng simple packet block at byte ${o} before any interface description`, ctx.stats);
      } else {
        const cap = Math.min(u32(b, s, le), e - s - 4);
        yield* framePacket(b, s + 4, s + 4 + Math.max(0, cap - iface.fcs), iface.linkType, { time: undefined, frame, interfaceId: 0 }, ctx);
      }
    }
    o += len;
  }
}
