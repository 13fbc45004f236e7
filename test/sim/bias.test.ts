/**
 * Radar biases (range, azimuth, time), the systematic errors the tracker's bias estimation has
 * to find: with zero noise, each plot differs from the truth by exactly the configured biases,
 * also after CAT048 encoding and decoding (within the format's resolution); everything else is
 * the output of the same radar without biases, and zero biases change nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsterixDecoderStream } from "../../src/formats/asterix/index.js";
import { DEG, destination, geodeticToPolar, wrapPi } from "../../src/geo/index.js";
import {
  compileScenario, encodeBatch, loadScenario, NeutralRecorder, radarSite, scenarioReports, ScenarioError, sensorBiases,
  type RadarSpec, type ReportBatch, type TargetSpec,
} from "../../src/sim/index.js";
import type { PlotReport } from "../../src/types/index.js";

const START = 1_767_225_600;
const radar: RadarSpec = { sac: 98, sic: 1, name: "R", latDeg: 47.02, lonDeg: 28.83, groundHeight: 150, antennaHeight: 15, clutterRatePerScan: 10 };
const site = radarSite(radar);

/** Four Mode S / primary-only targets around the radar, 20–120 km out. */
function targets(): TargetSpec[] {
  return [[30, 20_000, "modeS"], [100, 60_000, "none"], [200, 90_000, "modeAC"], [300, 120_000, "modeS"]].map(([brg, d, tr], i) => {
    const a = destination(site, (brg as number) * DEG, d as number, 0);
    const b = destination(a, (((brg as number) + 80) % 360) * DEG, 20_000, 0);
    return {
      id: `T${i}`, targetClass: tr === "none" ? "drone" : "airliner", transponder: tr as TargetSpec["transponder"],
      identities: [tr === "none" ? {} : { icaoAddress: 0x504000 + i, mode3A: 0o1000 + i }],
      route: { waypoints: [{ latDeg: a.lat / DEG, lonDeg: a.lon / DEG, altitude: 3000 + 1000 * i, speed: 200 }, { latDeg: b.lat / DEG, lonDeg: b.lon / DEG, altitude: 3000 + 1000 * i, speed: 200 }] },
    };
  });
}

function run(r: RadarSpec, ideal: boolean, duration = 24): ReportBatch[] {
  return [...scenarioReports(compileScenario({ name: "bias", radars: [r], targets: targets() }), { startTime: START, duration, seed: 5, ideal })];
}

const plotsOf = (batches: ReportBatch[]): PlotReport[] => batches.flatMap((b) => b.reports.filter((r): r is PlotReport => r.kind === "plot"));

describe("radar biases", () => {
  it("shift each noiseless plot from the truth by exactly the biases (property)", () => {
    const bias = fc.record({
      range: fc.double({ min: -500, max: 500, noNaN: true }),
      azimuthDeg: fc.double({ min: -1, max: 1, noNaN: true }),
      time: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    });
    fc.assert(fc.property(bias, (b) => {
      const r: RadarSpec = { ...radar, rangeBias: b.range, azimuthBias: b.azimuthDeg * DEG, timeBias: b.time };
      let n = 0;
      for (const batch of run(r, true, 12)) {
        for (const t of batch.truth ?? []) {
          if (t.plot === undefined) continue;
          n++;
          const exact = geodeticToPolar(site, t.position);
          expect(t.plot.range - exact.range).toBeCloseTo(b.range, 6);
          expect(wrapPi(t.plot.azimuth - exact.azimuth)).toBeCloseTo(b.azimuthDeg * DEG, 12);
          expect(Math.abs(t.plot.time - t.time - b.time)).toBeLessThan(1e-6); // UTC seconds near 1.8e9: 2.4e-7 s steps
          if (t.plot.elevation !== undefined) expect(t.plot.elevation).toBeCloseTo(exact.elevation, 12); // elevation unbiased
        }
      }
      expect(n).toBeGreaterThan(8);
    }), { numRuns: 8 });
  });

  it("survive CAT048 encoding: decoded plots differ from the truth by the biases within the format's resolution", () => {
    const r: RadarSpec = { ...radar, rangeBias: 120, azimuthBias: 0.08 * DEG, timeBias: 0.05 };
    const decoder = new AsterixDecoderStream({ referenceTime: START });
    let offset = 0;
    let n = 0;
    for (const batch of run(r, true)) {
      const enc = encodeBatch(batch);
      if (enc === undefined) continue;
      const d = decoder.decode({ data: enc.bytes, offset });
      offset += enc.bytes.length;
      expect(d.result.error).toBeUndefined();
      const truths = (batch.truth ?? []).filter((t) => t.plot !== undefined);
      const decoded = d.reports.filter((x): x is PlotReport => x.kind === "plot");
      expect(decoded.length).toBe(truths.length);
      decoded.forEach((q, i) => {
        const exact = geodeticToPolar(site, truths[i].position);
        expect(Math.abs(q.range - exact.range - 120)).toBeLessThanOrEqual(1852 / 256 / 2 + 1e-6); // I048/040 RHO: half an LSB
        expect(Math.abs(wrapPi(q.azimuth - exact.azimuth) - 0.08 * DEG)).toBeLessThanOrEqual(Math.PI / 65536 + 1e-9); // THETA
        expect(Math.abs(q.time - truths[i].time - 0.05)).toBeLessThanOrEqual(1 / 256 + 1e-6); // I048/140: 1/128 s
        n++;
      });
    }
    expect(n).toBeGreaterThan(20);
  });

  it("change nothing but range, azimuth, time (and the 3D height from the range); zero biases change nothing", () => {
    const plain = run(radar, false);
    const zero = run({ ...radar, rangeBias: 0, azimuthBias: 0, timeBias: 0 }, false);
    expect(JSON.stringify(zero)).toBe(JSON.stringify(plain));
    const biased = run({ ...radar, rangeBias: -150, azimuthBias: -0.06 * DEG, timeBias: 0.05 }, false);
    expect(biased.map((b) => [b.time, b.reports.length])).toEqual(plain.map((b) => [b.time, b.reports.length]));
    const [p, q] = [plotsOf(plain), plotsOf(biased)];
    expect(q.length).toBe(p.length);
    expect(p.length).toBeGreaterThan(50); // targets and clutter
    q.forEach((x, i) => {
      const y = p[i];
      const { range, azimuth, time, height3D, ...rest } = x;
      const { range: r0, azimuth: a0, time: t0, height3D: h0, ...rest0 } = y;
      expect(rest).toEqual(rest0);
      expect(range - r0).toBeCloseTo(-150, 6);
      expect(wrapPi(azimuth - a0)).toBeCloseTo(-0.06 * DEG, 12);
      expect(time - t0).toBeCloseTo(0.05, 6);
      expect(height3D === undefined).toBe(h0 === undefined);
    });
    // The truth is the truth: biases do not move the targets.
    expect(JSON.stringify(biased.map((b) => b.truth?.map((t) => [t.targetId, t.time, t.position])))).toBe(JSON.stringify(plain.map((b) => b.truth?.map((t) => [t.targetId, t.time, t.position]))));
  });
});

describe("biases in scenario files and in the output", () => {
  const file = (extra: Record<string, unknown>): string => JSON.stringify({
    name: "b", durationS: 10, radars: [{ sac: 98, sic: 1, name: "R", latDeg: 47, lonDeg: 28.9, groundHeightM: 100, ...extra }],
  });

  it("reads rangeBiasM, azimuthBiasDeg and timeBiasS (default 0) into SI", () => {
    const r = loadScenario(file({ rangeBiasM: 120, azimuthBiasDeg: 0.08, timeBiasS: 0.05 })).scenario.radars[0];
    expect(r.rangeBias).toBe(120);
    expect(r.azimuthBias).toBeCloseTo(0.08 * DEG, 15);
    expect(r.timeBias).toBe(0.05);
    const d = loadScenario(file({})).scenario.radars[0];
    expect([d.rangeBias, d.azimuthBias, d.timeBias]).toEqual([0, 0, 0]);
  });

  it("names the bad bias field", () => {
    expect(() => loadScenario(file({ rangeBiasM: "120" }))).toThrow(/radars\.0\.rangeBiasM: range bias must be a number of metres/);
    expect(() => loadScenario(file({ azimuthBiasDeg: 45 }))).toThrow(/radars\.0\.azimuthBiasDeg: azimuth bias must be within ±10°/);
    expect(() => loadScenario(file({ timeBiasS: -100 }))).toThrow(/radars\.0\.timeBiasS: time bias must be within ±60 s/);
    expect(() => loadScenario(file({ timeBiasS: -100 }))).toThrow(ScenarioError);
  });

  it("writes every radar's biases to scenario.json → sensor_biases (SI, and degrees)", () => {
    const sim = loadScenario(JSON.stringify({
      name: "b", durationS: 10,
      radars: [
        { sac: 98, sic: 1, name: "A", latDeg: 47, lonDeg: 28.9, groundHeightM: 100, rangeBiasM: 120, azimuthBiasDeg: 0.08 },
        { sac: 98, sic: 2, name: "B", latDeg: 47.8, lonDeg: 27.8, groundHeightM: 200, rangeBiasM: -150, azimuthBiasDeg: -0.06, timeBiasS: 0.05 },
      ],
    }));
    const json = new NeutralRecorder(sim.scenario, sim.referenceSensor, sim.startTime).scenarioJson({ name: sim.name, seed: sim.seed, duration: sim.duration });
    const biases = json.sensor_biases as ReturnType<typeof sensorBiases>;
    expect(biases).toHaveLength(2);
    expect(biases[0]).toMatchObject({ sensor_id: "98/1", sac: 98, sic: 1, name: "A", range_bias_m: 120, time_bias_s: 0 });
    expect(biases[0].azimuth_bias_rad).toBeCloseTo(0.08 * DEG, 15);
    expect(biases[0].azimuth_bias_deg).toBeCloseTo(0.08, 12);
    expect(biases[1]).toMatchObject({ sensor_id: "98/2", range_bias_m: -150, time_bias_s: 0.05 });
    expect(biases[1].azimuth_bias_deg).toBe(-0.06);
  });
});
