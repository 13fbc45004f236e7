/**
 * Bad input never crashes `skywatch decode`: it names the file and the byte offset of the
 * problem, and the good blocks around it are still decoded.
 */
import { linkSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCat048Block } from "../../src/formats/asterix/index.js";
import type { PlotReport } from "../../src/types/index.js";
import { skywatch } from "./cli_helpers.js";

const dir = mkdtempSync(join(tmpdir(), "skywatch-bad-"));

/** Ten valid CAT048 blocks of 3 plots each, and their byte offsets. */
function goodBlocks(): { blocks: Uint8Array[]; offsets: number[] } {
  const blocks: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (let b = 0; b < 10; b++) {
    const plots: PlotReport[] = [0, 1, 2].map((i) => ({
      kind: "plot", sensorId: "20/129", time: 28_800 + b * 4 + i * 0.1, range: 20_000 + 1000 * i + 37 * b,
      azimuth: 0.1 * b + 0.01 * i, detection: "ssr+psr", icaoAddress: 0x3c0000 + b * 3 + i,
      mode3A: { code: 0o1000 + b, validated: true, garbled: false, smoothed: false },
      modeC: { pressureAltitude: 3000 + b * 30, validated: true, garbled: false },
    }));
    const blk = encodeCat048Block(plots);
    blocks.push(blk);
    offsets.push(at);
    at += blk.length;
  }
  return { blocks, offsets };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function write(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

function records(stdout: string): Array<{ offset: number; category: number }> {
  return stdout.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
}

describe("skywatch decode on bad input", () => {
  const { blocks, offsets } = goodBlocks();
  beforeAll(() => undefined);

  it("decodes a clean file fully", () => {
    const f = write("clean.ast", concat(blocks));
    const r = skywatch("decode", f, "--format", "raw");
    expect(r.status).toBe(0);
    expect(records(r.stdout).length).toBe(30);
    expect(r.stderr).toMatch(/0 problem\(s\)/);
  });

  it("truncated file: the blocks before the cut are decoded, the cut is named with its offset", () => {
    const whole = concat(blocks);
    const cutAt = offsets[9] + 10;
    const f = write("truncated.ast", whole.subarray(0, cutAt));
    const r = skywatch("decode", f);
    expect(r.status).toBe(0);
    expect(records(r.stdout).length).toBe(27);
    expect(r.stderr).toContain(`${f}: byte offset ${offsets[9]}`);
  });

  it("random bytes in the middle: the blocks before and after are decoded", () => {
    let seed = 7;
    const junk = new Uint8Array(200).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    const f = write("junk.ast", concat([...blocks.slice(0, 5), junk, ...blocks.slice(5)]));
    const r = skywatch("decode", f, "--format", "raw");
    expect(r.status).toBe(0);
    const recs = records(r.stdout);
    expect(recs.length).toBe(30);
    expect(r.stderr).toContain(`${f}: byte offset ${offsets[5]}`);
  });

  it("a block whose length field lies: the blocks after it are still decoded", () => {
    const liar = blocks[4].slice();
    liar[1] = 0x40; // claims 16 kB more than it holds
    const f = write("liar.ast", concat([...blocks.slice(0, 4), liar, ...blocks.slice(5)]));
    const r = skywatch("decode", f, "--format", "raw");
    expect(r.status).toBe(0);
    const recs = records(r.stdout);
    expect(recs.length).toBeGreaterThanOrEqual(27);
    expect(recs.filter((x) => x.offset > offsets[5]).length).toBe(15);
    expect(r.stderr).toContain(`${f}: byte offset ${offsets[4]}`);
  });

  it("a file of random bytes is refused with a message naming it", () => {
    let seed = 11;
    const f = write("random.bin", new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)));
    const r = skywatch("decode", f);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(f);
    expect(r.stdout).toBe("");
  });

  it("wrong framing forced: a clear message, no garbage records", () => {
    const f = write("clean2.ast", concat(blocks));
    const r = skywatch("decode", f, "--format", "pcap");
    expect(records(r.stdout).length).toBe(0);
    expect(r.stderr).toContain(f);
    expect(r.stderr).toMatch(/pcap/i);
  });

  it("a first block whose length lies but lands on a block: no made-up records, the real ones decode", () => {
    const liar = blocks[0].slice();
    const claimed = blocks[0].length + blocks[1].length + blocks[2].length - 3; // ends 3 bytes into block 3
    liar[1] = claimed >> 8;
    liar[2] = claimed & 0xff;
    const f = write("liar_first.ast", concat([liar, ...blocks.slice(1)]));
    const r = skywatch("decode", f, "--format", "raw");
    const recs = records(r.stdout);
    // Every record printed is a real one (at a real block's offset + 3), and blocks 1.. are all there.
    const real = new Set(offsets.flatMap((o, k) => [0, 1, 2].map((i) => o + 3 + i * (blocks[k].length - 3) / 3)));
    expect(recs.every((x) => real.has(x.offset))).toBe(true);
    expect(recs.filter((x) => x.offset > offsets[1]).length).toBe(27);
    expect(r.stderr).toContain(`${f}: byte offset 0`);
  });

  it("refuses --out when it is the input, also through a hard link", () => {
    const f = write("keep.ast", concat(blocks));
    const link = join(dir, "keep_link.ast");
    linkSync(f, link);
    const r = skywatch("decode", f, "--out", link);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is also an input/);
    expect(readFileSync(f).length).toBe(concat(blocks).length);
  });

  it("a missing file gives a clear error", () => {
    const r = skywatch("decode", join(dir, "nope.ast"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nope\.ast/);
  });
});
