/** Byte builders for framing tests: data blocks, Ethernet/IP/UDP packets, pcap and pcapng files. */

/** Concatenates byte arrays. */
export function cat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) { out.set(a, o); o += a.length; }
  return out;
}

function be16(v: number): number[] { return [(v >> 8) & 255, v & 255]; }
function be32(v: number): number[] { return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]; }
function le32(v: number): number[] { return [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255]; }
function le16(v: number): number[] { return [v & 255, (v >> 8) & 255]; }

/** `n` pseudo-random bytes (deterministic for a given seed). */
export function noise(n: number, seed: number): number[] {
  let x = (seed * 2654435761 + 12345) >>> 0;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 24;
  });
}

/** A data block of category `category` whose records are `body` bytes (default: n bytes, a 0xF0 FSPEC then pseudo-random bytes). */
export function block(category: number, body: number | number[] = 4, lenOverride?: number): Uint8Array {
  const bytes = typeof body === "number" ? [0xf0, ...noise(body - 1, category * 65536 + body)] : body;
  const len = lenOverride ?? bytes.length + 3;
  return Uint8Array.from([category, ...be16(len), ...bytes]);
}

/** IPv4 header (no options unless given) + UDP header + payload. */
export function ipv4Udp(payload: Uint8Array, opts: { proto?: number; frag?: number; options?: number[]; dstPort?: number; srcPort?: number } = {}): Uint8Array {
  const optBytes = opts.options ?? [];
  const ihl = 20 + optBytes.length;
  const proto = opts.proto ?? 17;
  const l4 = proto === 17 ? cat([...be16(opts.srcPort ?? 40000), ...be16(opts.dstPort ?? 8600), ...be16(payload.length + 8), 0, 0], payload) : payload;
  const total = ihl + l4.length;
  return cat([0x40 | (ihl / 4), 0, ...be16(total), 0x12, 0x34, ...be16(opts.frag ?? 0), 64, proto, 0, 0, 10, 0, 0, 1, 232, 1, 1, 31], optBytes, l4);
}

/** IPv6 header (optionally with a hop-by-hop extension header) + UDP + payload. */
export function ipv6Udp(payload: Uint8Array, opts: { hopByHop?: boolean; fragment?: boolean } = {}): Uint8Array {
  const udpPart = cat([...be16(40000), ...be16(8600), ...be16(payload.length + 8), 0, 0], payload);
  let next = 17;
  let ext: number[] = [];
  if (opts.fragment) { ext = [17, 0, 0, 1, 0, 0, 0, 7]; next = 44; }
  else if (opts.hopByHop) { ext = [17, 0, 1, 4, 0, 0, 0, 0]; next = 0; }
  const plen = ext.length + udpPart.length;
  const src = Array.from({ length: 16 }, (_, i) => (i === 0 ? 0xfe : i === 1 ? 0x80 : i === 15 ? 1 : 0));
  const dst = Array.from({ length: 16 }, (_, i) => (i === 0 ? 0xff : i === 1 ? 0x02 : i === 15 ? 2 : 0));
  return cat([0x60, 0, 0, 0, ...be16(plen), next, 64], src, dst, ext, udpPart);
}

const MACS = [0x01, 0x00, 0x5e, 0x01, 0x01, 0x1f, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55];

/** Ethernet II frame; `vlans` adds 802.1Q tags. */
export function ethernet(etherType: number, payload: Uint8Array, vlans: number[] = []): Uint8Array {
  const tags = vlans.flatMap((id) => [0x81, 0x00, ...be16(id)]);
  return cat(MACS, tags, be16(etherType), payload);
}

/** IEEE 802.3 frame with an LLC UI header, padded to 60 bytes. */
export function llcFrame(payload: Uint8Array, dsap = 0x48, ssap = 0x48, control = 0x03): Uint8Array {
  const f = cat(MACS, be16(payload.length + 3), [dsap, ssap, control], payload);
  return f.length >= 60 ? f : cat(f, new Uint8Array(60 - f.length));
}

/** Linux cooked capture v1 header + payload. */
export function sll(protocol: number, payload: Uint8Array): Uint8Array {
  return cat([0, 0, 0, 1, 0, 6, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0], be16(protocol), payload);
}

/** Linux cooked capture v2 header + payload. */
export function sll2(protocol: number, payload: Uint8Array): Uint8Array {
  return cat(be16(protocol), [0, 0], be32(2), [0, 1, 0, 6, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0], payload);
}

/** A classic pcap file. */
export function pcapFile(packets: { data: Uint8Array; sec: number; frac: number }[], opts: { linkType?: number; bigEndian?: boolean; nano?: boolean } = {}): Uint8Array {
  const u32 = opts.bigEndian ? be32 : le32;
  const u16 = opts.bigEndian ? be16 : le16;
  const magic = opts.nano ? 0xa1b23c4d : 0xa1b2c3d4;
  const parts: (Uint8Array | number[])[] = [[...u32(magic), ...u16(2), ...u16(4), ...u32(0), ...u32(0), ...u32(65535), ...u32(opts.linkType ?? 1)]];
  for (const p of packets) parts.push([...u32(p.sec), ...u32(p.frac), ...u32(p.data.length), ...u32(p.data.length)], p.data);
  return cat(...parts);
}

function pad4(a: Uint8Array): Uint8Array {
  return a.length % 4 === 0 ? a : cat(a, new Uint8Array(4 - (a.length % 4)));
}

function ngBlock(type: number, body: Uint8Array): Uint8Array {
  const b = pad4(body);
  const len = b.length + 12;
  return cat(le32(type), le32(len), b, le32(len));
}

/** pcapng Section Header Block (little-endian). */
export function ngShb(): Uint8Array {
  return ngBlock(0x0a0d0d0a, Uint8Array.from([...le32(0x1a2b3c4d), ...le16(1), ...le16(0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
}

/** pcapng Interface Description Block, optional if_tsresol byte. */
export function ngIdb(linkType: number, tsresol?: number): Uint8Array {
  const opts = tsresol === undefined ? [] : [...le16(9), ...le16(1), tsresol, 0, 0, 0, ...le16(0), ...le16(0)];
  return ngBlock(1, Uint8Array.from([...le16(linkType), 0, 0, ...le32(0), ...opts]));
}

/** pcapng Enhanced Packet Block with a 64-bit timestamp in the interface's units. */
export function ngEpb(iface: number, ticks: bigint, data: Uint8Array): Uint8Array {
  const hi = Number(ticks >> 32n), lo = Number(ticks & 0xffffffffn);
  return ngBlock(6, cat([...le32(iface), ...le32(hi), ...le32(lo), ...le32(data.length), ...le32(data.length)], data));
}

/** pcapng Simple Packet Block. */
export function ngSpb(data: Uint8Array): Uint8Array {
  return ngBlock(3, cat(le32(data.length), data));
}

/** pcapng Name Resolution Block (empty): a block readers must pass over. */
export function ngNrb(): Uint8Array {
  return ngBlock(4, Uint8Array.from([0, 0, 0, 0]));
}

/** A .gps record: block + 10-byte trailer whose bytes 6..8 hold `tod128` (time of day × 128). */
export function gpsRecord(blk: Uint8Array, tod128: number): Uint8Array {
  return cat(blk, [0, 0, 0, 0, 0, 0, (tod128 >> 16) & 255, (tod128 >> 8) & 255, tod128 & 255, 0]);
}

/** A .rply record. */
export function rplyRecord(blk: Uint8Array, ms: number, lenOverride?: number): Uint8Array {
  return cat(le32(lenOverride ?? blk.length), le32(ms), blk);
}

/** A final-format record holding `blocks`, time of day in 10 ms units. */
export function finalRecord(blocks: Uint8Array[], tod10ms: number, padding = 0xa5): Uint8Array {
  const body = cat(...blocks);
  const count = body.length + 12;
  return cat([...be16(count), 1, 2, 3, (tod10ms >> 16) & 255, (tod10ms >> 8) & 255, tod10ms & 255], body, [padding, padding, padding, padding]);
}
