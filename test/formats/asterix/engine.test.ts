import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AsterixDecoderStream, CategoryRegistry, cat048ToPlot, decodeBlock, DecodeError, encodeCat034Block,
  encodeCat048Block, encodeRecord, EDITIONS,
} from "../../../src/formats/asterix/index.js";
import type { PlotReport, ServiceReport } from "../../../src/types/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA } from "../../shared_data.js";

const DEG = Math.PI / 180;
const registry = new CategoryRegistry();

const plotArb: fc.Arbitrary<PlotReport> = fc.record({
  kind: fc.constant("plot" as const),
  sensorId: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([a, b]) => `${a}/${b}`),
  time: fc.integer({ min: 0, max: 86400 * 128 - 1 }).map((t) => 1_700_000_000 - (1_700_000_000 % 86400) + t / 128),
  range: fc.integer({ min: 0, max: 65535 }).map((r) => (r / 256) * 1852),
  azimuth: fc.integer({ min: 0, max: 65535 }).map((a) => ((a * 360) / 65536) * DEG),
  detection: fc.constantFrom("psr", "ssr", "ssr+psr", "modeSRollCall+psr", "modeSAllCall"),
  mode3A: fc.option(fc.record({
    code: fc.integer({ min: 0, max: 0o7777 }), validated: fc.boolean(), garbled: fc.boolean(), smoothed: fc.boolean(),
  }), { nil: undefined }),
  modeC: fc.option(fc.record({
    pressureAltitude: fc.integer({ min: -48, max: 5000 }).map((q) => (q / 4) * 100 * 0.3048),
    validated: fc.boolean(), garbled: fc.boolean(),
  }), { nil: undefined }),
  icaoAddress: fc.option(fc.integer({ min: 0, max: 0xffffff }), { nil: undefined }),
  callsign: fc.option(fc.stringMatching(/^[A-Z0-9]{1,8}$/), { nil: undefined }),
  height3D: fc.option(fc.integer({ min: -8192, max: 8191 }).map((h) => h * 25 * 0.3048), { nil: undefined }),
}, { requiredKeys: ["kind", "sensorId", "time", "range", "azimuth", "detection"] }) as fc.Arbitrary<PlotReport>;

function stripUndefined<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

describe("ASTERIX engine", () => {
  it("CAT048: plot → encode → decode → plot is the identity on quantised values", () => {
    fc.assert(fc.property(fc.array(plotArb, { minLength: 1, maxLength: 20 }), (plots) => {
      const block = encodeCat048Block(plots);
      const r = decodeBlock(registry, block);
      expect(r.error).toBeUndefined();
      expect(r.records.length).toBe(plots.length);
      r.records.forEach((rec, i) => {
        const back = cat048ToPlot(rec, plots[i].sensorId, plots[i].time)!;
        const want = stripUndefined(plots[i]);
        const got = stripUndefined({ ...back, category: undefined });
        expect(got.range).toBeCloseTo(want.range, 6);
        expect(got.azimuth).toBeCloseTo(want.azimuth, 9);
        expect(got.modeC?.pressureAltitude ?? null).toBeCloseTo(want.modeC?.pressureAltitude ?? null as never, 6);
        expect(got.height3D ?? null).toBeCloseTo(want.height3D ?? null as never, 6);
        expect({ ...got, range: 0, azimuth: 0, modeC: got.modeC && { ...got.modeC, pressureAltitude: 0 }, height3D: 0 })
          .toEqual({ ...want, range: 0, azimuth: 0, modeC: want.modeC && { ...want.modeC, pressureAltitude: 0 }, height3D: 0 });
      });
    }), { numRuns: 300 });
  });

  it("CAT034: service messages round-trip", () => {
    const msgs: ServiceReport[] = [
      { kind: "service", sensorId: "20/129", time: 1_700_000_123.5, messageType: "northMarker", antennaRotationPeriod: 4.0 },
      { kind: "service", sensorId: "20/129", time: 1_700_000_124, messageType: "sectorCrossing", sectorAzimuth: 45 * DEG },
    ];
    const s = new AsterixDecoderStream({ referenceTime: 1_700_000_000 });
    const { reports, result } = s.decode({ data: encodeCat034Block(msgs), offset: 0 });
    expect(result.error).toBeUndefined();
    expect(reports).toEqual(msgs.map((m) => ({ ...m, category: 34 })));
  });

  it("any byte string decodes to records or a DecodeError with its offset, never another exception", () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), fc.constantFrom(48, 34, 1, 62),
      (body, cat) => {
        const block = new Uint8Array(body.length + 3);
        block[0] = cat;
        block[1] = block.length >> 8;
        block[2] = block.length & 0xff;
        block.set(body, 3);
        const r = decodeBlock(registry, block, 1000);
        if (r.error) {
          expect(r.error).toBeInstanceOf(DecodeError);
          expect(r.error.offset).toBeGreaterThanOrEqual(1000);
          expect(r.error.offset).toBeLessThanOrEqual(1000 + block.length);
        }
      }), { numRuns: 5000 });
  });

  it("a record cut short reports the offset and keeps the records before it", () => {
    const plots: PlotReport[] = [0, 1, 2].map((i) => ({
      kind: "plot", sensorId: "1/2", time: 1000 + i, range: 10_000 * (i + 1), azimuth: i, detection: "psr",
    }));
    const block = encodeCat048Block(plots);
    const cut = block.slice(0, block.length - 2);
    cut[1] = cut.length >> 8;
    cut[2] = cut.length & 0xff;
    const r = decodeBlock(registry, cut, 500);
    expect(r.records.length).toBe(2);
    expect(r.error).toBeInstanceOf(DecodeError);
    expect(r.error!.message).toMatch(/byte offset 5\d\d/);
  });

  it("a block whose length field disagrees with its size is an error, not a crash", () => {
    const block = encodeCat048Block([{ kind: "plot", sensorId: "1/2", time: 5, range: 1000, azimuth: 0, detection: "psr" }]);
    block[2] += 5;
    const r = decodeBlock(registry, block, 0);
    expect(r.error?.message).toMatch(/length field/);
  });

  it("FSPEC bits of FRNs the edition does not use are reported", () => {
    const block = new Uint8Array([48, 0, 6, 0x01, 0x01, 0x00]); // FX chain ending in an empty octet
    expect(decodeBlock(registry, block).error).toBeInstanceOf(DecodeError);
    const spare = new Uint8Array([34, 0, 7, 0x01, 0x01, 0x02, 0]); // CAT034 FRN 21? beyond UAP
    expect(decodeBlock(registry, spare).error).toBeInstanceOf(DecodeError);
  });

  it.skipIf(!HAS_SHARED_DATA)("re-encoding every decoded record of real recordings gives back the same bytes", () => {
    for (const file of ["cat048_cat034_akapetanovic_jahorina.raw", "cat048_lebl_upc_230502_0800.ast"]) {
      const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, file)));
      let pos = 0;
      let n = 0;
      while (pos < buf.length) {
        const len = (buf[pos + 1] << 8) | buf[pos + 2];
        const block = buf.subarray(pos, pos + len);
        const r = decodeBlock(registry, block, pos);
        expect(r.error).toBeUndefined();
        const spec = EDITIONS[block[0]][block[0] === 48 ? "1.31" : "1.29"];
        for (const rec of r.records) {
          const again = encodeRecord(spec, rec.items);
          expect(Buffer.from(again).toString("hex")).toBe(Buffer.from(buf.subarray(rec.offset, rec.offset + rec.length)).toString("hex"));
          n++;
        }
        pos += len;
      }
      expect(n).toBeGreaterThan(2000);
    }
  });
});
