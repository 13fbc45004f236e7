import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { AsterixDecoderStream } from "../../src/formats/asterix/index.js";
import type { PlotReport, SensorReport } from "../../src/types/index.js";
import { builtinScenarioBlocks, builtinScenarioReports } from "../../src/sim/index.js";

const START = 1_767_225_600 + 3600.5; // 2026-01-01T01:00:00.5Z
const digest = (seed: number, duration: number): string => {
  const h = createHash("sha256");
  for (const b of builtinScenarioBlocks({ startTime: START, duration, seed })) {
    h.update(String(b.time));
    h.update(b.data);
  }
  return h.digest("hex");
};

describe("built-in scenario as ASTERIX", () => {
  it("gives byte-identical blocks for the same seed, different ones for another", () => {
    expect(digest(3, 60)).toBe(digest(3, 60));
    expect(digest(3, 60)).not.toBe(digest(4, 60));
  });

  it("decodes back (CAT048 plots, CAT034 service messages) to the simulated reports within ASTERIX resolution", () => {
    const expected: SensorReport[] = [];
    for (const b of builtinScenarioReports({ startTime: START, duration: 20 })) expected.push(...b.reports);
    const decoder = new AsterixDecoderStream({ referenceTime: START - 60 });
    const decoded: SensorReport[] = [];
    let offset = 0;
    let lastTime = -Infinity;
    for (const b of builtinScenarioBlocks({ startTime: START, duration: 20 })) {
      expect(b.time).toBeGreaterThanOrEqual(lastTime);
      lastTime = b.time;
      expect([34, 48]).toContain(b.data[0]);
      const d = decoder.decode({ data: b.data, offset });
      expect(d.result.error).toBeUndefined();
      decoded.push(...d.reports);
      offset += b.data.length;
    }
    expect(decoded.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
      const e = expected[i];
      const d = decoded[i];
      expect(d.kind).toBe(e.kind);
      expect(d.sensorId).toBe(e.sensorId);
      expect(Math.abs(d.time - e.time)).toBeLessThanOrEqual(1 / 128); // I048/140, I034/030 LSB
      if (e.kind === "service" && d.kind === "service") {
        expect(d.messageType).toBe(e.messageType);
        if (e.sectorAzimuth !== undefined) expect(Math.abs(d.sectorAzimuth! - e.sectorAzimuth)).toBeLessThan(0.01);
      }
      if (e.kind === "plot" && d.kind === "plot") {
        const p = d as PlotReport;
        expect(Math.abs(p.range - e.range)).toBeLessThanOrEqual(1852 / 256); // I048/040 RHO LSB
        expect(Math.abs(Math.sin(p.azimuth - e.azimuth))).toBeLessThan((2 * Math.PI) / 65536);
        expect(p.detection).toBe(e.detection);
        expect(p.icaoAddress).toBe(e.icaoAddress);
        expect(p.callsign).toBe(e.callsign);
        expect(p.mode3A?.code).toBe(e.mode3A?.code);
        if (e.modeC) expect(Math.abs(p.modeC!.pressureAltitude - e.modeC.pressureAltitude)).toBeLessThan(0.01);
        if (e.height3D !== undefined) expect(Math.abs(p.height3D! - e.height3D)).toBeLessThanOrEqual(25 * 0.3048); // I048/110 LSB
      }
    }
  });
});
