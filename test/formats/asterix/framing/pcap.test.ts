/** pcap and pcapng framing on captures built here: link types, VLAN, IPv4/IPv6, fragments, non-UDP, LLC, ORADIS. */
import { describe, expect, it } from "vitest";
import {
  frameBlocks, newFramingStats, type FramedBlock, type FramingIssue, type FramingItem, type FrameOptions,
} from "../../../../src/formats/asterix/framing/index.js";
import {
  block, cat, ethernet, ipv4Udp, ipv6Udp, llcFrame, ngEpb, ngIdb, ngNrb, ngShb, ngSpb, pcapFile, sll, sll2,
} from "./builders.js";

function split(items: Iterable<FramingItem>): { blocks: FramedBlock[]; issues: FramingIssue[] } {
  const blocks: FramedBlock[] = [];
  const issues: FramingIssue[] = [];
  for (const item of items) { if (item.kind === "block") blocks.push(item); else issues.push(item); }
  return { blocks, issues };
}

function run(buf: Uint8Array, framing: "pcap" | "pcapng", options: FrameOptions = {}) {
  const stats = newFramingStats();
  return { ...split(frameBlocks(buf, framing, { ...options, stats })), stats };
}

const A = block(48, 20);
const B = block(34, 7);
const C = block(62, 33);
const udp = (payload: Uint8Array, opts = {}) => ethernet(0x0800, ipv4Udp(payload, opts));

describe("pcap", () => {
  it("reads several blocks per datagram, with capture time and packet info (LE, µs)", () => {
    const f = pcapFile([{ data: udp(cat(A, B)), sec: 1462433756, frac: 444561 }, { data: udp(C), sec: 1462433757, frac: 0 }]);
    const { blocks, issues, stats } = run(f, "pcap");
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.data[0])).toEqual([48, 34, 62]);
    expect(blocks[0].time).toBeCloseTo(1462433756.444561, 6);
    expect(blocks[0].packet).toEqual({ frame: 1, interfaceId: 0, srcAddr: "10.0.0.1", dstAddr: "232.1.1.31", srcPort: 40000, dstPort: 8600 });
    expect(blocks[1].packet).toBe(blocks[0].packet);
    expect(blocks[2].packet?.frame).toBe(2);
    // 24 file header + 16 record header + 14 Ethernet + 20 IPv4 + 8 UDP
    expect(blocks[0].offset).toBe(82);
    expect(f[blocks[0].offset]).toBe(48);
    expect(stats.packets).toBe(2);
    expect(stats.blocks).toBe(3);
  });

  it("reads big-endian nanosecond captures", () => {
    const f = pcapFile([{ data: udp(A), sec: 100, frac: 123456789 }], { bigEndian: true, nano: true });
    const { blocks } = run(f, "pcap");
    expect(blocks).toHaveLength(1);
    expect(blocks[0].time).toBeCloseTo(100.123456789, 9);
  });

  it("reads 802.1Q and stacked VLAN tags, IPv4 options", () => {
    const f = pcapFile([
      { data: ethernet(0x0800, ipv4Udp(A), [100]), sec: 1, frac: 0 },
      { data: ethernet(0x0800, ipv4Udp(B, { options: [1, 1, 1, 1, 0x44, 4, 5, 0] }), [10, 20]), sec: 2, frac: 0 },
    ]);
    const { blocks, issues } = run(f, "pcap");
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.data[0])).toEqual([48, 34]);
  });

  it("reads IPv6 (with a hop-by-hop header) and reports IPv6 fragments", () => {
    const f = pcapFile([
      { data: ethernet(0x86dd, ipv6Udp(A, { hopByHop: true })), sec: 1, frac: 0 },
      { data: ethernet(0x86dd, ipv6Udp(B, { fragment: true })), sec: 2, frac: 0 },
    ]);
    const { blocks, issues } = run(f, "pcap");
    expect(blocks.map((b) => b.data[0])).toEqual([48]);
    expect(blocks[0].packet?.dstAddr).toBe("ff02:0:0:0:0:0:0:2");
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/packet 2: IPv6 fragment/);
  });

  it("reports IPv4 fragments as issues instead of misreading them", () => {
    const f = pcapFile([
      { data: udp(cat(A, B), { frag: 0x2000 }), sec: 1, frac: 0 }, // first fragment, MF set
      { data: udp(C, { frag: 0x0005 }), sec: 2, frac: 0 }, // later fragment, offset 40
      { data: udp(A), sec: 3, frac: 0 },
    ]);
    const { blocks, issues } = run(f, "pcap");
    expect(blocks.map((b) => b.packet?.frame)).toEqual([3]);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^packet 1: IPv4 fragment .*offset 0, more fragments/),
      expect.stringMatching(/^packet 2: IPv4 fragment .*offset 40, last/),
    ]);
    expect(issues[0].offset).toBe(24 + 16 + 14);
  });

  it("skips and counts TCP, ARP and other-port traffic without misreading it", () => {
    const f = pcapFile([
      { data: udp(A, { dstPort: 8600 }), sec: 1, frac: 0 },
      { data: ethernet(0x0800, ipv4Udp(cat(A, B), { proto: 6 })), sec: 2, frac: 0 },
      { data: ethernet(0x0806, Uint8Array.from(new Array(28).fill(1))), sec: 3, frac: 0 },
      { data: udp(B, { dstPort: 53, srcPort: 53 }), sec: 4, frac: 0 },
      { data: udp(new Uint8Array(0)), sec: 5, frac: 0 },
    ]);
    const { blocks, issues, stats } = run(f, "pcap", { udpPorts: [8600] });
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.data[0])).toEqual([48]);
    expect(stats.skipped).toEqual({ "not-udp": 1, "not-ip": 1, "port-filter": 1, "empty-payload": 1 });
    expect(stats.packets).toBe(5);
  });

  it("reads Linux cooked captures (SLL and SLL2) and raw IPv4", () => {
    const one = (linkType: number, data: Uint8Array) => run(pcapFile([{ data, sec: 1, frac: 0 }], { linkType }), "pcap");
    expect(one(113, sll(0x0800, ipv4Udp(A))).blocks.map((b) => b.data[0])).toEqual([48]);
    expect(one(276, sll2(0x0800, ipv4Udp(B))).blocks.map((b) => b.data[0])).toEqual([34]);
    expect(one(101, ipv4Udp(C)).blocks.map((b) => b.data[0])).toEqual([62]);
    expect(one(228, ipv4Udp(C)).blocks.map((b) => b.data[0])).toEqual([62]);
    expect(one(276, sll2(0x86dd, ipv6Udp(A))).blocks.map((b) => b.data[0])).toEqual([48]);
  });

  it("reads 802.3/LLC frames (ignoring Ethernet padding) and skips spanning tree", () => {
    const small = block(2, 5);
    const f = pcapFile([
      { data: llcFrame(small, 0xb0, 0xb0), sec: 1, frac: 0 },
      { data: llcFrame(cat(A, B)), sec: 2, frac: 0 },
      { data: llcFrame(Uint8Array.from(new Array(35).fill(0)), 0x42, 0x42), sec: 3, frac: 0 },
    ]);
    const { blocks, issues, stats } = run(f, "pcap");
    expect(issues).toEqual([]);
    expect(blocks.map((b) => [b.data[0], b.data.length])).toEqual([[2, 8], [48, 23], [34, 10]]);
    expect(blocks[0].packet).toEqual({ frame: 1, interfaceId: 0 });
    expect(stats.skipped).toEqual({ "non-asterix-llc": 1 });
  });

  it("unwraps ORADIS payloads (auto) and reports junk after the last block", () => {
    const oradis = (b: Uint8Array) => cat([(b.length + 6) >> 8, (b.length + 6) & 255, 0x02, 0xbb, 0x40, 0x35], b);
    const f = pcapFile([
      { data: udp(cat(oradis(A), oradis(B))), sec: 1, frac: 0 },
      { data: udp(cat(C, [0x40, 0x02, 0x20, 9, 9, 9, 9, 9])), sec: 2, frac: 0 },
    ]);
    const { blocks, issues } = run(f, "pcap");
    expect(blocks.map((b) => b.data[0])).toEqual([48, 34, 62]);
    expect(f[blocks[0].offset]).toBe(48);
    expect(issues).toHaveLength(1);
    expect(issues[0].length).toBe(8);
    expect(issues[0].message).toMatch(/^packet 2: data block length 544 exceeds the 8 bytes left/);
  });

  it("gives the good packets of a truncated capture, then an issue at the cut record", () => {
    const f = pcapFile([{ data: udp(A), sec: 1, frac: 0 }, { data: udp(B), sec: 2, frac: 0 }, { data: udp(C), sec: 3, frac: 0 }]);
    const cutAt = f.length - 20;
    const { blocks, issues } = run(f.subarray(0, cutAt), "pcap");
    expect(blocks.map((b) => b.data[0])).toEqual([48, 34]);
    const third = 24 + 2 * 16 + udp(A).length + udp(B).length;
    expect(issues).toEqual([{ kind: "issue", offset: third, length: cutAt - third, message: expect.stringContaining(`pcap record at byte ${third}`) }]);
  });

  it("reports a snapshot-truncated packet's cut block", () => {
    const data = udp(cat(A, C)).subarray(0, 42 + A.length + 10);
    const { blocks, issues } = run(pcapFile([{ data, sec: 1, frac: 0 }]), "pcap");
    expect(blocks.map((b) => b.data[0])).toEqual([48]);
    expect(issues[0].message).toMatch(/data block length 36 exceeds the 10 bytes left/);
  });

  it("reports an unsupported link type once and counts its packets", () => {
    const f = pcapFile([{ data: A, sec: 1, frac: 0 }, { data: B, sec: 2, frac: 0 }], { linkType: 105 });
    const { blocks, issues, stats } = run(f, "pcap");
    expect(blocks).toEqual([]);
    expect(issues).toEqual([{ kind: "issue", offset: 20, length: 4, message: expect.stringContaining("link type 105") }]);
    expect(stats.skipped).toEqual({ "unsupported-link": 2 });
  });
});

describe("pcapng", () => {
  it("reads EPB/SPB on several interfaces with their own timestamp resolutions, passing over other blocks", () => {
    const f = cat(
      ngShb(),
      ngIdb(1), // Ethernet, default µs
      ngIdb(276, 9), // SLL2, ns
      ngNrb(),
      ngEpb(0, 1_600_000_000_123_456n, udp(A)),
      ngEpb(1, 1_600_000_001_987_654_321n, sll2(0x0800, ipv4Udp(cat(B, C)))),
      ngSpb(udp(C)),
    );
    const { blocks, issues, stats } = run(f, "pcapng");
    expect(issues).toEqual([]);
    expect(blocks.map((b) => [b.data[0], b.packet?.interfaceId, b.packet?.frame])).toEqual([[48, 0, 1], [34, 1, 2], [62, 1, 2], [62, 0, 3]]);
    expect(blocks[0].time).toBeCloseTo(1_600_000_000.123456, 6);
    expect(blocks[1].time).toBeCloseTo(1_600_000_001.987654321, 6);
    expect(blocks[3].time).toBeUndefined();
    expect(stats.packets).toBe(3);
    for (const b of blocks) expect(f[b.offset]).toBe(b.data[0]);
  });

  it("reads binary timestamp resolutions and a second section", () => {
    const f = cat(ngShb(), ngIdb(1, 0x80 | 10), ngEpb(0, 1024n * 5n + 512n, udp(A)), ngShb(), ngIdb(101), ngEpb(0, 7_000_000n, ipv4Udp(B)));
    const { blocks, issues } = run(f, "pcapng");
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.time)).toEqual([5.5, 7]);
  });

  it("reports a packet on an undescribed interface and a truncated last block", () => {
    const good = ngEpb(0, 1n, udp(A));
    const f = cat(ngShb(), ngIdb(1), ngEpb(3, 1n, udp(B)), good, good);
    const cut = f.subarray(0, f.length - 9);
    const { blocks, issues } = run(cut, "pcapng");
    expect(blocks.map((b) => b.data[0])).toEqual([48]);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining("names interface 3"),
      expect.stringContaining("file cut short"),
    ]);
    expect(issues[1].offset).toBe(f.length - good.length);
  });

  it("says so when the buffer is not pcapng", () => {
    const { blocks, issues } = run(cat(A, B), "pcapng");
    expect(blocks).toEqual([]);
    expect(issues[0].message).toMatch(/not a pcapng file/);
  });
});
