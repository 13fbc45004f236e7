/**
 * The fast path from data blocks to reports (`AsterixDecoderStream.decodeReports`, generated
 * projections) gives what the generic path gives (`decode`: records, then the record converters):
 * the same reports property for property and in the same key order, the same errors (message and
 * offset), the same counters — on every real recording that holds CAT048 or CAT062, on random
 * encoded records of every CAT048 and CAT062 edition, and on those records damaged.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AsterixDecoderStream, blockValidator, CategoryRegistry, decodeBlock, EDITIONS, encodeDataBlock, type EditionChoice, type TimedBlockInput,
} from "../../../src/formats/asterix/index.js";
import { CAT048_PLOT_FIELDS } from "../../../src/formats/asterix/cat048.js";
import { CAT062_TRACK_FIELDS } from "../../../src/formats/asterix/cat062.js";
import { detectFraming, frameBlocks } from "../../../src/formats/asterix/framing/index.js";
import { compileProjection } from "../../../src/formats/asterix/projection.js";
import type { SensorReport } from "../../../src/types/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA, SKIP_MESSAGE } from "../../shared_data.js";
import { recordArbitrary } from "./spec_arbitrary.js";

/** Reports as text with key order, typed arrays and non-finite numbers kept visible. */
function text(reports: SensorReport[]): string {
  return JSON.stringify(reports, (_k, v: unknown) =>
    v instanceof Uint8Array ? ["Uint8Array", ...v] : typeof v === "number" && !Number.isFinite(v) ? String(v) : v);
}

/** Feeds the same blocks to a generic and a fast stream and checks that they agree; returns the generic stream's report count. */
function compare(blocks: Iterable<TimedBlockInput>, options: { referenceTime: number; editions?: EditionChoice }, what: string): number {
  const slow = new AsterixDecoderStream(options);
  const fast = new AsterixDecoderStream(options);
  for (const x of blocks) {
    const a = slow.decode(x);
    const b = fast.decodeReports(x);
    // Checked cheaply first; expect() only runs on a difference, to print it.
    const same = isDeepStrictEqual(a.reports, b.reports) && text(a.reports) === text(b.reports)
      && a.result.error?.message === b.error?.message && a.result.error?.offset === b.error?.offset
      && (a.result.unsupported ?? false) === (b.unsupported ?? false) && (b.error === undefined || b.error.name === "DecodeError");
    if (!same) {
      const where = `${what}, block at byte ${x.offset}`;
      expect(b.reports, where).toStrictEqual(a.reports);
      expect(text(b.reports), where).toBe(text(a.reports));
      expect(b.error?.message, where).toBe(a.result.error?.message);
      expect(b.error?.offset, where).toBe(a.result.error?.offset);
      expect(b.unsupported ?? false, where).toBe(a.result.unsupported ?? false);
      expect(b.error?.name, where).toBe("DecodeError");
    }
  }
  expect(fast.stats, what).toStrictEqual(slow.stats);
  return slow.stats.reports;
}

/** The data blocks of a recording. */
function blocksOf(file: string): TimedBlockInput[] {
  const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, file)));
  const out: TimedBlockInput[] = [];
  for (const x of frameBlocks(buf, detectFraming(buf, file))) if (x.kind === "block") out.push(x);
  return out;
}

const RECORDING = /\.(ast|pcap|pcapng|gps|rply|raw|bin|ff)$/;
const NOON = Date.parse("2023-05-02T12:00:00Z") / 1000;
const STREAM_FIELDS = {
  sac: { path: ["010", "SAC"], as: "num" },
  sic: { path: ["010", "SIC"], as: "num" },
} as const;

describe("fast reports = generic reports", () => {
  it("the projections compile for the editions Skywatch decodes by default and the other CAT048/CAT062 ones", () => {
    for (const ed of Object.keys(EDITIONS[48])) {
      expect(() => compileProjection(EDITIONS[48][ed], { ...CAT048_PLOT_FIELDS, ...STREAM_FIELDS, tod: { path: ["140", "VALUE"], as: "num" } }), `CAT048 ${ed}`).not.toThrow();
    }
    // CAT062 0.17 (pre-1.0) has no I062/185, 245 or 500: no track projection; decodeReports takes the
    // generic path for it (test/formats/asterix/cat062_0_17.test.ts).
    for (const ed of Object.keys(EDITIONS[62]).filter((e) => e !== "0.17")) {
      expect(() => compileProjection(EDITIONS[62][ed], { ...CAT062_TRACK_FIELDS, ...STREAM_FIELDS, tod: { path: ["070", "VALUE"], as: "num" } }), `CAT062 ${ed}`).not.toThrow();
    }
  });

  it("a projection refuses a field of another kind or missing from the table", () => {
    expect(() => compileProjection(EDITIONS[48]["1.31"], { x: { path: ["240", "VALUE"], as: "num" } })).toThrow(/not a number/);
    expect(() => compileProjection(EDITIONS[48]["1.31"], { x: { path: ["040", "NOPE"], as: "num" } })).toThrow(/no field 040\/NOPE/);
    expect(() => compileProjection(EDITIONS[48]["1.31"], { x: { path: ["250"], as: "at", shape: { v: "explicit", kind: "SP" } } })).toThrow(/structure/);
    expect(() => compileProjection(EDITIONS[1]["1.4"], {})).toThrow(/UAP is chosen per record/);
  });

  it.skipIf(!HAS_SHARED_DATA)("on every real recording with CAT048 or CAT062, block by block", () => {
    if (!HAS_SHARED_DATA) return console.warn(SKIP_MESSAGE);
    const files = [
      ...readdirSync(ASTERIX_DATA).filter((f) => RECORDING.test(f)),
      ...readdirSync(join(ASTERIX_DATA, "singles")).filter((f) => RECORDING.test(f)).map((f) => join("singles", f)),
    ];
    let reports = 0;
    for (const file of files) {
      let blocks: TimedBlockInput[];
      try {
        blocks = blocksOf(file);
      } catch {
        continue; // not a recording the framing reads: nothing to compare
      }
      // Other categories take the generic path whole in both streams: nothing to compare.
      if (!blocks.some((x) => x.data[0] === 48 || x.data[0] === 62)) continue;
      reports += compare(blocks, { referenceTime: NOON }, file);
    }
    expect(reports).toBeGreaterThan(140_000);
  });

  it.skipIf(!HAS_SHARED_DATA)("with other editions chosen per category and per sensor", () => {
    const blocks = [...blocksOf("cat048_lebl_upc_230502_0800.ast").slice(0, 4000), ...blocksOf("cat062_jmatiasbro_fds260429.pcap").slice(0, 1000)];
    const sensor = new AsterixDecoderStream({ referenceTime: NOON }).decodeReports(blocks[0]).reports[0].sensorId;
    compare(blocks, { referenceTime: NOON, editions: { byCategory: { 48: "1.27", 62: "1.16" } } }, "48=1.27, 62=1.16");
    compare(blocks, { referenceTime: NOON, editions: { bySensor: { [`${sensor}:48`]: "1.29" } } }, `48=1.29 for ${sensor}`);
  });

  for (const [cat, time] of [[48, "140"], [62, "070"]] as const) {
    for (const edition of Object.keys(EDITIONS[cat])) {
      it(`random CAT${String(cat).padStart(3, "0")} ed. ${edition} blocks, whole and damaged`, () => {
        const spec = EDITIONS[cat][edition];
        const record = recordArbitrary(spec);
        // Most records carry a data source and a time, as real ones do.
        const withSource = fc.tuple(record, fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 ** 24 - 1 }), fc.boolean())
          .map(([r, sic, tod, keep]) => (keep ? { ...r, "010": { SAC: 1, SIC: sic & 3 }, [time]: { VALUE: tod / 128 } } : r));
        const damage = fc.oneof(
          fc.constant(null),
          fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })),
          fc.tuple(fc.nat(), fc.constant(-1)),
        );
        fc.assert(fc.property(fc.array(fc.array(withSource, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), damage, (recs, hit) => {
          const blocks = recs.map((r, i) => ({ data: encodeDataBlock(spec, r), offset: 1000 * i, time: i % 2 ? NOON + 600 : undefined }));
          if (hit) {
            // One byte changed, or the block cut short there (its length field then says so or is mended).
            const b = blocks[hit[0] % blocks.length];
            const at = 3 + (hit[0] % Math.max(1, b.data.length - 3));
            if (hit[1] >= 0) b.data[at] = hit[1];
            else {
              b.data = b.data.slice(0, at);
              if (hit[0] % 2) {
                b.data[1] = b.data.length >> 8;
                b.data[2] = b.data.length & 0xff;
              }
            }
          }
          compare(blocks, { referenceTime: NOON, editions: { byCategory: { [cat]: edition } } }, `CAT${cat} ${edition}`);
        }), { numRuns: edition === (cat === 48 ? "1.31" : "1.19") ? 200 : 40 });
      });
    }
  }

  it("random bytes as CAT048 and CAT062 blocks", () => {
    fc.assert(fc.property(fc.constantFrom(48, 62), fc.uint8Array({ minLength: 1, maxLength: 120 }), (cat, body) => {
      const data = new Uint8Array(body.length + 3);
      data[0] = cat;
      data[1] = data.length >> 8;
      data[2] = data.length & 0xff;
      data.set(body, 3);
      compare([{ data, offset: 7 }], { referenceTime: NOON }, `random CAT${cat}`);
    }), { numRuns: 1000 });
  });

  it("the block validator says what decodeBlock says, on random and on encoded blocks of every category", () => {
    const registry = new CategoryRegistry();
    const validate = blockValidator(registry);
    const slow = (block: Uint8Array): boolean | undefined => {
      const r = decodeBlock(registry, block, 0);
      return r.unsupported ? undefined : r.error === undefined && r.records.length > 0;
    };
    const cats = Object.keys(EDITIONS).map(Number);
    fc.assert(fc.property(fc.constantFrom(...cats, 4, 99), fc.uint8Array({ maxLength: 80 }), fc.boolean(), (cat, body, mend) => {
      const data = new Uint8Array(body.length + 3);
      data[0] = cat;
      data[1] = mend ? data.length >> 8 : body[0] ?? 0;
      data[2] = mend ? data.length & 0xff : body[1] ?? 0;
      data.set(body, 3);
      expect(validate(data)).toBe(slow(data));
    }), { numRuns: 3000 });
    for (const cat of cats) {
      const spec = EDITIONS[cat][new CategoryRegistry().get(cat)!.spec.edition];
      fc.assert(fc.property(fc.array(recordArbitrary(spec), { minLength: 1, maxLength: 3 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (recs, at, byte) => {
        const data = encodeDataBlock(spec, recs);
        expect(validate(data), `CAT${cat}`).toBe(true);
        data[3 + (at % (data.length - 3))] = byte;
        expect(validate(data), `CAT${cat}`).toBe(slow(data));
      }), { numRuns: 30 });
    }
  });
});
