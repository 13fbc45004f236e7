/** .gps, .rply and EUROCONTROL final format framing on buffers built here. */
import { describe, expect, it } from "vitest";
import { frameBlocks, GPS_HEADER, type FramedBlock, type FramingIssue, type FramingItem } from "../../../../src/formats/asterix/framing/index.js";
import { block, cat, finalRecord, gpsRecord, rplyRecord } from "./builders.js";

function split(items: Iterable<FramingItem>): { blocks: FramedBlock[]; issues: FramingIssue[] } {
  const blocks: FramedBlock[] = [];
  const issues: FramingIssue[] = [];
  for (const item of items) { if (item.kind === "block") blocks.push(item); else issues.push(item); }
  return { blocks, issues };
}

const header = new Uint8Array(GPS_HEADER).fill(0xcd);

describe("gps framing", () => {
  const blocks = [block(48, 40), block(34, 8), block(1, 12), block(48, 25)];
  const tods = [86399.5, 86399.9921875, 0, 12.25];
  const file = cat(header, ...blocks.map((b, i) => gpsRecord(b, Math.round(tods[i] * 128))));

  it("skips the 2200-byte header and the 10-byte trailers, and reads the time of day (1/128 s)", () => {
    const { blocks: got, issues } = split(frameBlocks(file, "gps"));
    expect(issues).toEqual([]);
    expect(got.map((b) => b.data.length)).toEqual(blocks.map((b) => b.length));
    expect(got.map((b) => b.timeOfDay)).toEqual(tods);
    expect(got[0].offset).toBe(GPS_HEADER);
    expect(got[1].offset).toBe(GPS_HEADER + blocks[0].length + 10);
  });

  it("reports a truncated last record and keeps the others", () => {
    const cut = file.subarray(0, file.length - 12);
    const { blocks: got, issues } = split(frameBlocks(cut, "gps"));
    expect(got).toHaveLength(3);
    expect(issues).toHaveLength(1);
    expect(issues[0].offset).toBe(file.length - (blocks[3].length + 10));
    expect(issues[0].offset + issues[0].length).toBe(cut.length);
  });

  it("resynchronises after a corrupted record", () => {
    const many = Array.from({ length: 12 }, (_, i) => block(i % 3 === 0 ? 34 : 48, 20 + i));
    const recs = many.map((b, i) => gpsRecord(b, i * 128));
    const bad = recs[5].slice();
    bad[1] = 0xff; // LEN = 0xff.. : far beyond the record
    const f = cat(header, ...recs.slice(0, 5), bad, ...recs.slice(6));
    const { blocks: got, issues } = split(frameBlocks(f, "gps"));
    expect(got.map((b) => b.timeOfDay)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
    expect(issues).toHaveLength(1);
    expect(issues[0].length).toBe(bad.length);
  });
});

describe("rply framing", () => {
  const blocks = [block(62, 50), block(65, 9), block(63, 14)];
  const file = cat(rplyRecord(blocks[0], 0), rplyRecord(blocks[1], 80), rplyRecord(blocks[2], 310));

  it("reads [u32 LE length][u32 LE ms][block] and gives the delay in seconds", () => {
    const { blocks: got, issues } = split(frameBlocks(file, "rply"));
    expect(issues).toEqual([]);
    expect(got.map((b) => [b.data[0], b.offset, b.delay])).toEqual([[62, 8, 0], [65, 8 + 53 + 8, 0.08], [63, 8 + 53 + 8 + 12 + 8, 0.31]]);
  });

  it("reports a record whose length disagrees with its block, and goes on", () => {
    const f = cat(rplyRecord(blocks[0], 0), rplyRecord(blocks[1], 80, 99), rplyRecord(blocks[2], 310), rplyRecord(blocks[0], 5));
    const { blocks: got, issues } = split(frameBlocks(f, "rply"));
    expect(got.map((b) => b.data[0])).toEqual([62, 63, 62]);
    expect(issues).toHaveLength(1);
    expect(issues[0].offset).toBe(61);
    expect(issues[0].message).toMatch(/replay record length 99 does not match its data block length 12/);
  });
});

describe("final format framing", () => {
  const r1 = finalRecord([block(48, 30), block(34, 6)], 3600 * 100 + 25); // 01:00:00.25
  const r2 = finalRecord([block(48, 11)], 3601 * 100);
  const r3 = finalRecord([block(62, 70)], 3602 * 100 + 1);

  it("reads every block of every record with the record's time of day (10 ms units)", () => {
    const { blocks, issues } = split(frameBlocks(cat(r1, r2, r3), "final"));
    expect(issues).toEqual([]);
    expect(blocks.map((b) => [b.data[0], b.timeOfDay])).toEqual([[48, 3600.25], [34, 3600.25], [48, 3601], [62, 3602.01]]);
    expect(blocks[0].offset).toBe(8);
    expect(blocks[1].offset).toBe(8 + 33);
    expect(blocks[2].offset).toBe(r1.length + 8);
  });

  it("reports a record without its A5A5A5A5 padding and resynchronises on the next record", () => {
    const bad = finalRecord([block(48, 20)], 5, 0x00);
    const { blocks, issues } = split(frameBlocks(cat(r1, bad, r2, r3), "final"));
    expect(blocks.map((b) => b.data[0])).toEqual([48, 34, 48, 62]);
    expect(issues).toEqual([{ kind: "issue", offset: r1.length, length: bad.length, message: expect.stringContaining("A5A5A5A5") }]);
  });

  it("reports a block overrunning its record but keeps the record's other blocks", () => {
    const inner = cat(block(48, 10), [48, 0, 50, 1, 2]);
    const count = inner.length + 12;
    const rec = cat([count >> 8, count & 255, 1, 1, 1, 0, 0, 100], inner, [0xa5, 0xa5, 0xa5, 0xa5]);
    const { blocks, issues } = split(frameBlocks(cat(rec, r2), "final"));
    expect(blocks.map((b) => b.data[0])).toEqual([48, 48]);
    expect(issues).toEqual([{ kind: "issue", offset: 8 + 13, length: 5, message: expect.stringContaining("exceeds the 5 bytes left") }]);
  });

  it("reports a truncated last record", () => {
    const f = cat(r1, r2, r3).subarray(0, r1.length + r2.length + 30);
    const { blocks, issues } = split(frameBlocks(f, "final"));
    expect(blocks).toHaveLength(3);
    expect(issues).toEqual([{ kind: "issue", offset: r1.length + r2.length, length: 30, message: expect.stringContaining(`at byte ${r1.length + r2.length}`) }]);
  });
});
