/** Data block splitting and raw framing: back to back blocks, garbage, lying length fields, truncation, random bytes. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectFraming, frameBlocks, FramingError, FRAMINGS, splitDataBlocks, KNOWN_CATEGORIES,
  type FramedBlock, type FramingIssue, type FramingItem,
} from "../../../../src/formats/asterix/framing/index.js";
import { block, cat } from "./builders.js";

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..", "../shared/data/asterix");

function split(items: Iterable<FramingItem>): { blocks: FramedBlock[]; issues: FramingIssue[] } {
  const blocks: FramedBlock[] = [];
  const issues: FramingIssue[] = [];
  for (const item of items) { if (item.kind === "block") blocks.push(item); else issues.push(item); }
  return { blocks, issues };
}

/** A raw file of `n` CAT048/CAT034 blocks of varied sizes, with the offset of each block. */
function rawFile(n: number): { buf: Uint8Array; offsets: number[]; sizes: number[] } {
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  const sizes: number[] = [];
  let o = 0;
  for (let k = 0; k < n; k++) {
    const b = block(k % 5 === 4 ? 34 : 48, 30 + ((k * 7) % 23));
    parts.push(b); offsets.push(o); sizes.push(b.length); o += b.length;
  }
  return { buf: cat(...parts), offsets, sizes };
}

describe("splitDataBlocks", () => {
  it("splits blocks back to back, with offsets from the base and the extra fields", () => {
    const payload = cat(block(48, 10), block(34, 5), block(48, 1));
    const { blocks, issues } = split(splitDataBlocks(payload, 1000, { time: 12.5 }));
    expect(issues).toEqual([]);
    expect(blocks.map((b) => [b.data[0], b.offset, b.data.length, b.time])).toEqual([[48, 1000, 13, 12.5], [34, 1013, 8, 12.5], [48, 1021, 4, 12.5]]);
    expect(blocks[1].data.buffer).toBe(payload.buffer);
  });

  it("delivers the block before trailing junk and reports the junk (the _trailer8 case)", () => {
    const payload = cat(block(48, 20), [0x40, 0x02, 0x20, 1, 2, 3, 4, 5]);
    const items = [...splitDataBlocks(payload, 50)];
    expect(items).toHaveLength(2);
    expect(items[0].kind).toBe("block");
    expect(items[1]).toEqual({ kind: "issue", offset: 73, length: 8, message: expect.stringContaining("data block length 544 exceeds the 8 bytes left") });
  });

  it.each([
    ["LEN below 3", [48, 0, 2, 1, 2], "less than the 3-byte header"],
    ["category 0", [0, 0, 5, 1, 2], "category 0"],
    ["two bytes", [48, 0], "too few for a data block header"],
    ["LEN beyond the end", [48, 0xfd, 0xe8, 1, 2, 3], "data block length 65000 exceeds the 6 bytes left"],
  ])("reports %s as one issue over the rest", (_name, bytes, text) => {
    const items = [...splitDataBlocks(Uint8Array.from(bytes), 7)];
    expect(items).toEqual([{ kind: "issue", offset: 7, length: bytes.length, message: expect.stringContaining(text) }]);
  });
});

describe("raw framing", () => {
  it("frames a clean file exactly", () => {
    const { buf, offsets } = rawFile(50);
    const { blocks, issues } = split(frameBlocks(buf, "raw"));
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.offset)).toEqual(offsets);
    expect(blocks.every((b) => b.time === undefined && b.timeOfDay === undefined)).toBe(true);
  });

  it("does not let a too-long length field swallow the blocks after it", () => {
    const { buf, offsets, sizes } = rawFile(40);
    const k = 17;
    const lie = sizes[k] + 20;
    buf[offsets[k] + 1] = lie >> 8; buf[offsets[k] + 2] = lie & 255;
    const { blocks, issues } = split(frameBlocks(buf, "raw"));
    expect(issues).toHaveLength(1);
    expect(issues[0].offset).toBe(offsets[k]);
    expect(issues[0].length).toBe(sizes[k]);
    expect(blocks.map((b) => b.offset)).toEqual(offsets.filter((_, i) => i !== k));
  });

  it("delivers the prefix of a too-short block and reports the leftover bytes, then goes on", () => {
    const { buf, offsets, sizes } = rawFile(40);
    const k = 9;
    const lie = sizes[k] - 6;
    buf[offsets[k] + 1] = lie >> 8; buf[offsets[k] + 2] = lie & 255;
    const { blocks, issues } = split(frameBlocks(buf, "raw"));
    expect(issues).toEqual([{ kind: "issue", offset: offsets[k] + lie, length: 6, message: expect.any(String) }]);
    expect(blocks.map((b) => b.offset)).toEqual(offsets);
    expect(blocks[k].data.length).toBe(lie);
  });

  it("skips garbage between blocks as one issue with its offset and length", () => {
    const { buf, offsets, sizes } = rawFile(12);
    const garbage = Uint8Array.from({ length: 37 }, (_, i) => (i * 151 + 7) & 255);
    const at = offsets[6];
    const file = cat(buf.subarray(0, at), garbage, buf.subarray(at));
    const { blocks, issues } = split(frameBlocks(file, "raw"));
    expect(blocks).toHaveLength(12);
    expect(issues).toHaveLength(1);
    expect(issues[0].offset).toBe(at);
    expect(issues[0].length).toBe(37);
    expect(blocks[6].offset).toBe(at + 37);
    expect(sizes.length).toBe(12);
  });

  it("reports garbage at the start and resynchronises", () => {
    const { buf } = rawFile(6);
    const file = cat([0, 0, 0, 0xff, 0xff], buf);
    const { blocks, issues } = split(frameBlocks(file, "raw"));
    expect(blocks).toHaveLength(6);
    expect(issues).toEqual([{ kind: "issue", offset: 0, length: 5, message: expect.stringMatching(/^at byte 0: category 0/) }]);
  });

  it("gives the good blocks of a truncated file, then an issue naming the offset of the cut block", () => {
    const { buf, offsets } = rawFile(10);
    const cut = buf.subarray(0, offsets[9] + 10);
    const { blocks, issues } = split(frameBlocks(cut, "raw"));
    expect(blocks.map((b) => b.offset)).toEqual(offsets.slice(0, 9));
    expect(issues).toEqual([{ kind: "issue", offset: offsets[9], length: 10, message: expect.stringContaining(`at byte ${offsets[9]}`) }]);
    expect(issues[0].message).toMatch(/exceeds the 10 bytes left/);
  });

  it("reports a one-byte tail", () => {
    const { buf } = rawFile(3);
    const { blocks, issues } = split(frameBlocks(cat(buf, [48]), "raw"));
    expect(blocks).toHaveLength(3);
    expect(issues.map((i) => [i.offset, i.length])).toEqual([[buf.length, 1]]);
  });

  it("keeps runs of a category outside the plausible list", () => {
    const file = cat(block(48, 10), block(128, 12), block(128, 9), block(48, 4));
    const { blocks, issues } = split(frameBlocks(file, "raw"));
    expect(issues).toEqual([]);
    expect(blocks.map((b) => b.data[0])).toEqual([48, 128, 128, 48]);
  });

  it("refuses to read a pcap as raw, with a message saying so", () => {
    const pcapLike = Uint8Array.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, ...new Array(40).fill(0)]);
    const items = [...frameBlocks(pcapLike, "raw")];
    expect(items).toEqual([{ kind: "issue", offset: 0, length: pcapLike.length, message: expect.stringContaining('framing "pcap"') }]);
  });

  it("yields nothing for an empty buffer", () => {
    for (const f of FRAMINGS) expect([...frameBlocks(new Uint8Array(0), f)]).toEqual([]);
  });
});

describe("wrong framing forced", () => {
  const { buf } = rawFile(30);
  it("pcap on a raw file: one clear issue, no blocks", () => {
    const items = [...frameBlocks(buf, "pcap")];
    expect(items).toEqual([{ kind: "issue", offset: 0, length: buf.length, message: expect.stringContaining("not a pcap file") }]);
  });
  it("pcapng on a raw file: one clear issue, no blocks", () => {
    expect([...frameBlocks(buf, "pcapng")]).toEqual([{ kind: "issue", offset: 0, length: buf.length, message: expect.stringContaining("not a pcapng file") }]);
  });
  it("rply and final on a raw file: issues only", () => {
    for (const f of ["rply", "final"] as const) {
      const { blocks, issues } = split(frameBlocks(buf, f));
      expect(blocks).toEqual([]);
      expect(issues.reduce((n, i) => n + i.length, 0)).toBe(buf.length);
    }
  });
  it("gps, rply and final on a long raw file: no made-up blocks", () => {
    const long = rawFile(600).buf;
    for (const f of ["gps", "rply", "final"] as const) {
      const { blocks, issues } = split(frameBlocks(long, f));
      expect(blocks).toEqual([]);
      expect(issues.length).toBeGreaterThan(0);
    }
  });
  it("gps on a short raw file: an issue about the missing header", () => {
    expect([...frameBlocks(buf, "gps")]).toEqual([{ kind: "issue", offset: 0, length: buf.length, message: expect.stringContaining("2200-byte header") }]);
  });
});

describe("robustness (property-based)", () => {
  const bytes = fc.uint8Array({ minLength: 0, maxLength: 3000 });

  it("detectFraming returns a framing or throws FramingError, nothing else", () => {
    fc.assert(fc.property(bytes, fc.option(fc.constantFrom("x.gps", "x.ast", "x.pcap", "x.rply", "x.ff")), (b, name) => {
      try {
        expect(FRAMINGS).toContain(detectFraming(b, name ?? undefined));
      } catch (err) {
        expect(err).toBeInstanceOf(FramingError);
      }
    }), { numRuns: 300 });
  });

  it("frameBlocks never throws; blocks and issues lie inside the buffer, blocks are as long as their LEN", () => {
    fc.assert(fc.property(bytes, fc.constantFrom(...FRAMINGS), (b, framing) => {
      for (const item of frameBlocks(b, framing)) {
        if (item.kind === "block") {
          expect(item.data.length).toBe((item.data[1] << 8) | item.data[2]);
          expect(item.offset + item.data.length).toBeLessThanOrEqual(b.length);
        } else {
          expect(item.offset).toBeGreaterThanOrEqual(0);
          expect(item.offset + item.length).toBeLessThanOrEqual(b.length);
          expect(item.message.length).toBeGreaterThan(0);
        }
      }
    }), { numRuns: 400 });
  });

  it("raw framing covers every byte exactly once (blocks + issues, in order)", () => {
    fc.assert(fc.property(bytes, (b) => {
      let o = 0;
      for (const item of frameBlocks(b, "raw")) {
        expect(item.offset).toBe(o);
        o += item.kind === "block" ? item.data.length : item.length;
      }
      expect(o).toBe(b.length);
    }), { numRuns: 300 });
  });

  it("a raw chain of valid blocks is framed exactly, whatever the categories and sizes", () => {
    const blk = fc.record({ c: fc.constantFrom(...KNOWN_CATEGORIES), n: fc.integer({ min: 1, max: 300 }) });
    fc.assert(fc.property(fc.array(blk, { minLength: 1, maxLength: 40 }), (spec) => {
      const file = cat(...spec.map(({ c, n }) => block(c, n)));
      const { blocks, issues } = split(frameBlocks(file, "raw"));
      expect(issues).toEqual([]);
      expect(blocks.map((b) => [b.data[0], b.data.length - 3])).toEqual(spec.map(({ c, n }) => [c, n]));
      expect(detectFraming(file)).toBe("raw");
    }), { numRuns: 200 });
  });

  it("one corrupted length field costs at most the blocks next to it", () => {
    const { buf, offsets, sizes } = rawFile(60);
    // A lie that lands exactly on a later block boundary cannot be told from structure alone:
    // readers pass the decoder as validator (does the block decode completely?). Here the stand-in
    // for "decodes completely" is "has the length the block was built with".
    const size = new Map(offsets.map((o, i) => [o, sizes[i]]));
    const validate = (blk: Uint8Array): boolean => size.get(blk.byteOffset) === blk.length;
    fc.assert(fc.property(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 0xffff }), (k, lie) => {
      const b = buf.slice();
      b[offsets[k] + 1] = lie >> 8; b[offsets[k] + 2] = lie & 255;
      const { blocks } = split(frameBlocks(b, "raw", { validate }));
      const found = new Set(blocks.map((x) => x.offset));
      const lost = offsets.filter((o) => !found.has(o));
      expect(lost.length).toBeLessThanOrEqual(1);
    }), { numRuns: 300, examples: [[34, 1101]] }); // 1101 lands on the start of block 59
  });
});

const BIG = resolve(DATA, "cat048_lebl_upc_230502_0800.ast");
describe.skipIf(!existsSync(BIG))(existsSync(BIG) ? "raw resynchronisation on a real recording" : `skipped: ${BIG} not found`, () => {
  it("loses only the block whose length field was corrupted", () => {
    const buf = new Uint8Array(readFileSync(BIG));
    const offsets = [...frameBlocks(buf, "raw")].map((i) => i.offset);
    expect(offsets).toHaveLength(44085);
    const k = 20000;
    buf[offsets[k] + 1] = 0x40; // LEN + 16384
    const { blocks, issues } = split(frameBlocks(buf, "raw"));
    expect(blocks).toHaveLength(44084);
    expect(issues).toHaveLength(1);
    expect(issues[0].offset).toBe(offsets[k]);
    expect(issues[0].length).toBe(offsets[k + 1] - offsets[k]);
  });

  it("yields no blocks when read with a wrong framing", () => {
    const buf = new Uint8Array(readFileSync(BIG));
    for (const f of ["gps", "rply", "final", "pcap", "pcapng"] as const) {
      const { blocks, issues } = split(frameBlocks(buf, f));
      expect(blocks).toEqual([]);
      expect(issues).toHaveLength(1);
    }
  });
});
