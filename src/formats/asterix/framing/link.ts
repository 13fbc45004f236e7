/**
 * One captured packet → the ASTERIX data blocks it carries: link layer (Ethernet II / 802.3 LLC with
 * 802.1Q/802.1ad tags, Linux cooked SLL/SLL2, raw IP, BSD loopback), IPv4/IPv6, UDP, then the payload
 * (data blocks back to back, or ORADIS-wrapped). Packets without ASTERIX are skipped and counted;
 * malformed ones and IP fragments are reported as issues.
 *
 * Link-type numbers: tcpdump.org LINKTYPE_* list. IPv4: RFC 791; IPv6: RFC 8200; UDP: RFC 768;
 * LLC: IEEE 802.2 (UI frame, control 0x03); SNAP: RFC 1042.
 */
import { isBlockChain, splitDataBlocks } from "./blocks.js";
import { makeBlock, makeIssue, u16be } from "./bytes.js";
import { isOradisChain, splitOradis } from "./oradis.js";
import type { FrameOptions, FramingIssue, FramingItem, FramingStats, PacketInfo, SkipReason } from "./types.js";

/** Link types this module reads. */
export const LINKTYPE = {
  NULL: 0, ETHERNET: 1, RAW_OLD_12: 12, RAW_OLD_14: 14, RAW: 101, LOOP: 108, LINUX_SLL: 113,
  IPV4: 228, IPV6: 229, LINUX_SLL2: 276,
} as const;

const SUPPORTED = new Set<number>(Object.values(LINKTYPE));

/** True when packets of link type `lt` can be read. */
export function isSupportedLinkType(lt: number): boolean {
  return SUPPORTED.has(lt);
}

/** Per-capture state the packet reader needs. */
export interface PacketContext {
  stats: FramingStats;
  oradis: NonNullable<FrameOptions["oradis"]>;
  ports: ReadonlySet<number> | null;
}

/** Time and identity of the packet being read. */
interface Pkt {
  time: number | undefined;
  frame: number;
  interfaceId: number;
}

type Gen = Generator<FramingItem, void, undefined>;

// LLC service access points of well-known non-ASTERIX protocols (IEEE 802.2 SAP assignments).
const NON_ASTERIX_SAPS = new Set([0x06, 0x42, 0x98, 0xaa, 0xe0, 0xf0, 0xf4, 0xfe, 0xff]);

/** Counts a skipped packet; returns undefined (what `locate` returns for it). */
function skip(ctx: PacketContext, why: SkipReason): undefined {
  ctx.stats.skipped[why] = (ctx.stats.skipped[why] ?? 0) + 1;
  return undefined;
}

/** Where a packet's payload lies, once the link, IP and UDP headers are read. */
interface Payload {
  kind: "payload";
  start: number;
  end: number;
  info: PacketInfo;
}

/** What reading a packet's headers gives: its payload, an issue, or undefined (skipped and counted). */
type Located = Payload | FramingIssue | undefined;

/**
 * Reads the packet `b[off, end)` of link type `linkType` and yields its data blocks and issues.
 * Offsets are absolute in `b`. Never throws.
 */
export function* framePacket(b: Uint8Array, off: number, end: number, linkType: number, pkt: Pkt, ctx: PacketContext): Gen {
  const r = locate(b, off, end, linkType, pkt, ctx);
  if (r === undefined) return;
  if (r.kind === "issue") {
    yield r;
    return;
  }
  yield* payload(b, r.start, r.end, r.info, pkt, ctx);
}

/** The payload of a packet (the headers are read by plain functions: no generator per layer). */
function locate(b: Uint8Array, off: number, end: number, linkType: number, pkt: Pkt, ctx: PacketContext): Located {
  switch (linkType) {
    case LINKTYPE.ETHERNET: return ethernet(b, off, end, pkt, ctx);
    case LINKTYPE.LINUX_SLL:
      if (end - off < 16) return short(b, off, end, "Linux cooked (SLL) header", 16, pkt, ctx);
      return etherType(b, u16be(b, off + 14), off + 16, end, pkt, ctx);
    case LINKTYPE.LINUX_SLL2:
      if (end - off < 20) return short(b, off, end, "Linux cooked (SLL2) header", 20, pkt, ctx);
      return etherType(b, u16be(b, off), off + 20, end, pkt, ctx);
    case LINKTYPE.NULL: case LINKTYPE.LOOP: {
      if (end - off < 4) return short(b, off, end, "loopback header", 4, pkt, ctx);
      // Address family in host order (NULL) or network order (LOOP): AF_INET 2; AF_INET6 24, 28 or 30.
      const le = b[off] | (b[off + 1] << 8) | (b[off + 2] << 16) | (b[off + 3] << 24);
      const be = (b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3];
      const fam = linkType === LINKTYPE.LOOP || (le >>> 0) > 0xffff ? be : le;
      if (fam === 2) return ipv4(b, off + 4, end, pkt, ctx);
      if (fam === 24 || fam === 28 || fam === 30) return ipv6(b, off + 4, end, pkt, ctx);
      return skip(ctx, "not-ip");
    }
    case LINKTYPE.RAW: case LINKTYPE.RAW_OLD_12: case LINKTYPE.RAW_OLD_14: case LINKTYPE.IPV4: case LINKTYPE.IPV6:
      if (end <= off) return short(b, off, end, "IP header", 20, pkt, ctx);
      if (b[off] >> 4 === 4) return ipv4(b, off, end, pkt, ctx);
      if (b[off] >> 4 === 6) return ipv6(b, off, end, pkt, ctx);
      return makeIssue(off, end - off, `packet ${pkt.frame}: IP version ${b[off] >> 4} is neither 4 nor 6`, ctx.stats);
    default:
      return skip(ctx, "unsupported-link");
  }
}

function short(b: Uint8Array, off: number, end: number, what: string, need: number, pkt: Pkt, ctx: PacketContext): FramingIssue {
  return makeIssue(off, Math.max(0, end - off), `packet ${pkt.frame}: ${Math.max(0, end - off)} bytes, too few for the ${need}-byte ${what}`, ctx.stats);
}

function ethernet(b: Uint8Array, off: number, end: number, pkt: Pkt, ctx: PacketContext): Located {
  if (end - off < 14) return short(b, off, end, "Ethernet header", 14, pkt, ctx);
  const type = u16be(b, off + 12);
  if (type <= 1500) {
    // IEEE 802.3: the field is the LLC frame length; bytes past it are padding to the 60-byte minimum.
    return llc(b, off + 14, Math.min(end, off + 14 + type), pkt, ctx);
  }
  return etherType(b, type, off + 14, end, pkt, ctx);
}

function etherType(b: Uint8Array, type: number, q: number, end: number, pkt: Pkt, ctx: PacketContext): Located {
  // 802.1Q (0x8100), 802.1ad (0x88a8) and the old QinQ 0x9100 tags: 2 bytes TCI + 2 bytes inner type.
  while (type === 0x8100 || type === 0x88a8 || type === 0x9100) {
    if (end - q < 4) return short(b, q, end, "VLAN tag", 4, pkt, ctx);
    type = u16be(b, q + 2);
    q += 4;
  }
  if (type === 0x0800) return ipv4(b, q, end, pkt, ctx);
  if (type === 0x86dd) return ipv6(b, q, end, pkt, ctx);
  if (type === 0x0004) return llc(b, q, end, pkt, ctx); // Linux SLL: 802.2 LLC frame
  return skip(ctx, "not-ip");
}

function llc(b: Uint8Array, q: number, end: number, pkt: Pkt, ctx: PacketContext): Located {
  if (end - q < 3) return short(b, q, end, "LLC header", 3, pkt, ctx);
  const dsap = b[q], ssap = b[q + 1], control = b[q + 2];
  if (dsap === 0xaa && ssap === 0xaa && control === 0x03 && end - q >= 8 && b[q + 3] === 0 && b[q + 4] === 0 && b[q + 5] === 0) {
    return etherType(b, u16be(b, q + 6), q + 8, end, pkt, ctx); // SNAP, OUI 0: an EtherType follows
  }
  if (control !== 0x03 || NON_ASTERIX_SAPS.has(dsap)) return skip(ctx, "non-asterix-llc");
  return { kind: "payload", start: q + 3, end, info: { frame: pkt.frame, interfaceId: pkt.interfaceId } };
}

/** Dotted IPv4 addresses already written, by 32-bit value (a capture has few; the cache is bounded). */
const IPV4_NAMES = new Map<number, string>();

/** Dotted text of the IPv4 address at `i`. */
function ipv4Addr(b: Uint8Array, i: number): string {
  const key = b[i] * 0x1000000 + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
  let name = IPV4_NAMES.get(key);
  if (name === undefined) {
    if (IPV4_NAMES.size >= 4096) IPV4_NAMES.clear();
    name = `${b[i]}.${b[i + 1]}.${b[i + 2]}.${b[i + 3]}`;
    IPV4_NAMES.set(key, name);
  }
  return name;
}

function ipv4(b: Uint8Array, p: number, end: number, pkt: Pkt, ctx: PacketContext): Located {
  if (end - p < 20) return short(b, p, end, "IPv4 header", 20, pkt, ctx);
  const ihl = (b[p] & 15) * 4;
  const total = u16be(b, p + 2);
  if (b[p] >> 4 !== 4 || ihl < 20 || total < ihl || end - p < ihl) {
    return makeIssue(p, end - p, `packet ${pkt.frame}: malformed IPv4 header (version ${b[p] >> 4}, header length ${ihl}, total length ${total})`, ctx.stats);
  }
  const ipEnd = Math.min(end, p + total);
  const frag = u16be(b, p + 6);
  if ((frag & 0x3fff) !== 0) {
    const more = (frag & 0x2000) !== 0;
    return makeIssue(p, ipEnd - p,
      `packet ${pkt.frame}: IPv4 fragment ${ipv4Addr(b, p + 12)} → ${ipv4Addr(b, p + 16)} (id ${u16be(b, p + 4)}, offset ${(frag & 0x1fff) * 8}${more ? ", more fragments" : ", last"}): fragments are not reassembled`, ctx.stats);
  }
  if (b[p + 9] !== 17) return skip(ctx, "not-udp");
  return udp(b, p + ihl, ipEnd, b, p + 12, p + 16, 4, pkt, ctx);
}

function ipv6Addr(b: Uint8Array, i: number): string {
  const g: string[] = [];
  for (let k = 0; k < 16; k += 2) g.push(u16be(b, i + k).toString(16));
  return g.join(":");
}

function ipv6(b: Uint8Array, p: number, end: number, pkt: Pkt, ctx: PacketContext): Located {
  if (end - p < 40) return short(b, p, end, "IPv6 header", 40, pkt, ctx);
  if (b[p] >> 4 !== 6) return makeIssue(p, end - p, `packet ${pkt.frame}: malformed IPv6 header (version ${b[p] >> 4})`, ctx.stats);
  const plen = u16be(b, p + 4);
  const ipEnd = plen === 0 ? end : Math.min(end, p + 40 + plen); // 0: jumbogram (RFC 2675)
  let next = b[p + 6];
  let q = p + 40;
  // Extension headers (RFC 8200 §4): hop-by-hop 0, routing 43, destination options 60, mobility 135: (len+1)×8; AH 51: (len+2)×4.
  for (let hops = 0; hops < 16; hops++) {
    if (next === 17) return udp(b, q, ipEnd, b, p + 8, p + 24, 6, pkt, ctx);
    if (next === 44) {
      return makeIssue(p, ipEnd - p, `packet ${pkt.frame}: IPv6 fragment: fragments are not reassembled`, ctx.stats);
    }
    if (next !== 0 && next !== 43 && next !== 60 && next !== 135 && next !== 51) return skip(ctx, "not-udp");
    if (ipEnd - q < 8) return short(b, q, ipEnd, "IPv6 extension header", 8, pkt, ctx);
    const size = next === 51 ? (b[q + 1] + 2) * 4 : (b[q + 1] + 1) * 8;
    next = b[q];
    q += size;
  }
  return skip(ctx, "not-udp");
}

/** The UDP datagram at `q`; its addresses are at `src`/`dst` of `a`, IP version `v` (texts made only when the datagram is kept). */
function udp(b: Uint8Array, q: number, end: number, a: Uint8Array, src: number, dst: number, v: 4 | 6, pkt: Pkt, ctx: PacketContext): Located {
  if (end - q < 8) return short(b, q, end, "UDP header", 8, pkt, ctx);
  const srcPort = u16be(b, q), dstPort = u16be(b, q + 2), ulen = u16be(b, q + 4);
  if (ctx.ports !== null && !ctx.ports.has(srcPort) && !ctx.ports.has(dstPort)) return skip(ctx, "port-filter");
  if (ulen !== 0 && ulen < 8) return makeIssue(q, end - q, `packet ${pkt.frame}: UDP length ${ulen} is less than its 8-byte header`, ctx.stats);
  const uEnd = ulen === 0 ? end : Math.min(end, q + ulen);
  const srcAddr = v === 4 ? ipv4Addr(a, src) : ipv6Addr(a, src);
  const dstAddr = v === 4 ? ipv4Addr(a, dst) : ipv6Addr(a, dst);
  const info: PacketInfo = { frame: pkt.frame, interfaceId: pkt.interfaceId, srcAddr, dstAddr, srcPort, dstPort };
  return { kind: "payload", start: q + 8, end: uEnd, info };
}

function* payload(b: Uint8Array, start: number, end: number, info: PacketInfo, pkt: Pkt, ctx: PacketContext): Gen {
  if (end <= start) {
    skip(ctx, "empty-payload");
    return;
  }
  const extra = pkt.time === undefined ? { packet: info } : { time: pkt.time, packet: info };
  if (ctx.oradis !== "always" && isBlockChain(b, start, end)) {
    // Data blocks back to back (the usual case): each is valid, so there is nothing to report.
    for (let i = start; i < end; i += u16be(b, i + 1)) yield makeBlock(b.subarray(i, i + u16be(b, i + 1)), i, extra, ctx.stats);
    return;
  }
  const data = b.subarray(start, end);
  const oradis = ctx.oradis === "always" || (ctx.oradis === "auto" && isOradisChain(data));
  const items = oradis ? splitOradis(data, start, extra, ctx.stats) : splitDataBlocks(data, start, extra, ctx.stats);
  for (const item of items) {
    if (item.kind === "issue") item.message = `packet ${pkt.frame}: ${item.message}`;
    yield item;
  }
}
