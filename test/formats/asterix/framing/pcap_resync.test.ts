/** A corrupt pcap record header or junk between records costs only the bytes concerned: the packets after them are read. */
import { describe, expect, it } from "vitest";
import { frameBlocks } from "../../../../src/formats/asterix/framing/index.js";
import { block, cat, ethernet, ipv4Udp, noise, pcapFile } from "./builders.js";

function capture(n: number): { file: Uint8Array; offsets: number[] } {
  const packets = Array.from({ length: n }, (_, i) => ({ data: ethernet(0x0800, ipv4Udp(block(48, [0x80, i, i + 1]))), sec: 1_600_000_000 + i, frac: 1000 * i }));
  const file = pcapFile(packets);
  const offsets: number[] = [];
  let o = 24;
  for (let i = 0; i < n; i++) {
    offsets.push(o);
    o += 16 + (file[o + 8] | (file[o + 9] << 8));
  }
  return { file, offsets };
}

describe("pcap resynchronisation", () => {
  it("junk between two records: one issue, every packet read", () => {
    const { file, offsets } = capture(12);
    const at = offsets[5];
    const bad = cat(file.subarray(0, at), noise(37, 9), file.subarray(at));
    const items = [...frameBlocks(bad, "pcap")];
    expect(items.filter((x) => x.kind === "block").length).toBe(12);
    const issues = items.filter((x) => x.kind === "issue");
    expect(issues.length).toBe(1);
    expect(issues[0].offset).toBe(at);
    expect(issues[0].length).toBe(37);
  });
  it("a record header whose length lies: only that packet is lost", () => {
    const { file, offsets } = capture(12);
    const bad = file.slice();
    new DataView(bad.buffer).setUint32(offsets[7] + 8, 5_000_000, true);
    const items = [...frameBlocks(bad, "pcap")];
    expect(items.filter((x) => x.kind === "block").length).toBe(11);
    const issue = items.find((x) => x.kind === "issue")!;
    expect(issue.offset).toBe(offsets[7]);
    expect(issue.kind === "issue" && issue.message).toMatch(/skipped up to the next packet record at byte \d+/);
  });
});
