/**
 * Bad bytes never take good data with them: junk between valid data blocks is reported with its
 * offset, and every block after it still decodes. And the per-sensor counters of a live stream.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsterixDecoderStream, blockValidator, encodeCat034Block, encodeCat048Block } from "../../../src/formats/asterix/index.js";
import { frameBlocks } from "../../../src/formats/asterix/framing/index.js";
import type { PlotReport } from "../../../src/types/index.js";

function good(k: number, time = 40_000 + k): Uint8Array {
  const plots: PlotReport[] = [0, 1].map((i) => ({
    kind: "plot", sensorId: "20/129", time, range: 20_000 + 100 * k + i, azimuth: 0.05 * k, detection: "ssr+psr", icaoAddress: k * 2 + i,
  }));
  return k % 5 === 4 ? encodeCat034Block([{ kind: "service", sensorId: "20/129", time, messageType: "sectorCrossing", sectorAzimuth: 0.1 * k }]) : encodeCat048Block(plots);
}

describe("decoding a stream with bad bytes", () => {
  it("junk between good blocks: reported at its offset, every block after it decodes", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }), fc.uint8Array({ minLength: 1, maxLength: 120 }), fc.integer({ min: 6, max: 12 }),
      (before, junk, after) => {
        const blocks = Array.from({ length: before + after }, (_, k) => good(k));
        const parts = [...blocks.slice(0, before), junk, ...blocks.slice(before)];
        const buf = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        const junkAt = blocks.slice(0, before).reduce((n, b) => n + b.length, 0);
        for (const p of parts) {
          buf.set(p, at);
          at += p.length;
        }
        const d = new AsterixDecoderStream({ referenceTime: 40_000 });
        const decodedOffsets = new Set<number>();
        const issues: number[] = [];
        for (const x of frameBlocks(buf, "raw", { validate: blockValidator(d.registry) })) {
          if (x.kind === "issue") {
            issues.push(x.offset);
            continue;
          }
          const r = d.decode(x);
          if (!r.result.error) decodedOffsets.add(x.offset);
        }
        // Every good block after the junk is decoded — except one that junk shaped like a valid
        // block (category, length, records that decode) swallowed: no decoder can tell those
        // bytes from data, and framing resynchronises after it.
        let swallowedTo = junkAt;
        for (const o of decodedOffsets) {
          if (o >= junkAt && o < junkAt + junk.length) swallowedTo = Math.max(swallowedTo, o + ((buf[o + 1] << 8) | buf[o + 2]));
        }
        let off = junkAt + junk.length;
        for (const b of blocks.slice(before)) {
          if (off >= swallowedTo) expect(decodedOffsets.has(off)).toBe(true);
          off += b.length;
        }
        // The problem is reported no later than the junk's end.
        // (Junk that itself frames as a block, e.g. an unknown category passed through whole, is data.)
        if (swallowedTo === junkAt && (decodedOffsets.size < blocks.length || issues.length > 0)) {
          expect(issues.some((o) => o <= junkAt + junk.length)).toBe(true);
        }
      },
    ), { numRuns: Number(process.env.FUZZ_RUNS ?? 400) });
  });

  it("counts blocks, errors and late records per sensor", () => {
    const d = new AsterixDecoderStream({ referenceTime: 40_000, lateAfter: 8 });
    d.decode({ data: good(0, 40_000), offset: 0, time: 40_001 });
    d.decode({ data: good(1, 40_000), offset: 100, time: 40_020 }); // 20 s old on arrival: 2 late records
    const bad = good(2).slice();
    bad[bad.length - 1] = 0xff;
    bad[4] |= 1; // FSPEC runs on: a decode error
    d.decode({ data: bad, offset: 200, time: 40_002 });
    expect(d.stats.sensors["20/129"].blocks).toBeGreaterThanOrEqual(2);
    expect(d.stats.sensors["20/129"].late).toBe(2);
    expect(d.stats.errors).toBe(1);
  });
});
