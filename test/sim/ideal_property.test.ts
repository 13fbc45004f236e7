/**
 * Acceptance property: with zero noise, detection probability 1 and no clutter (`ideal`),
 * every simulated plot converts back to the truth position within floating-point tolerance,
 * and after CAT048 encoding and decoding within the format's resolution; ideal ADS-B reports
 * carry the truth position exactly (altitude to the 25 ft step).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsterixDecoderStream } from "../../src/formats/asterix/index.js";
import { DEG, destination, geodeticToEcef, geodeticToPolar, polarElevationToGeodetic, polarToGeodetic, type Geodetic } from "../../src/geo/index.js";
import { activeTargets, compileScenario, encodeBatch, radarSite, scenarioReports, targetStateAt, type RadarSpec } from "../../src/sim/index.js";
import type { PlotReport } from "../../src/types/index.js";

const START = 1_767_225_600;
const radar: RadarSpec = {
  sac: 98, sic: 1, name: "R", latDeg: 47.02, lonDeg: 28.83, groundHeight: 150, antennaHeight: 15,
  detectionModel: {}, clutterRatePerScan: 30,
};
const site = radarSite(radar);
const dist = (a: Geodetic, b: Geodetic): number => {
  const p = geodeticToEcef(a);
  const q = geodeticToEcef(b);
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
};

const targetArb = fc.record({
  bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  distance: fc.double({ min: 5_000, max: 150_000, noNaN: true }),
  altitude: fc.double({ min: 1_000, max: 12_000, noNaN: true }),
  heading: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  speed: fc.double({ min: 30, max: 250, noNaN: true }),
  transponder: fc.constantFrom("modeS" as const, "modeAC" as const, "none" as const),
});

describe("ideal simulation decodes back to the truth", () => {
  it("every plot and ADS-B report, for random targets (property)", () => {
    fc.assert(fc.property(fc.array(targetArb, { minLength: 1, maxLength: 4 }), (specs) => {
      const targets = specs.map((s, i) => {
        const a = destination(site, s.bearing, s.distance, 0);
        const b = destination(a, s.heading, s.speed * 60, 0);
        return {
          id: `T${i}`, targetClass: (s.transponder === "none" ? "drone" : "airliner") as "drone" | "airliner", transponder: s.transponder,
          identities: [s.transponder === "modeS" ? { icaoAddress: 0x504000 + i, callsign: `TST${i}`, mode3A: 0o1000 + i } : s.transponder === "modeAC" ? { mode3A: 0o2000 + i } : {}],
          route: { waypoints: [{ latDeg: a.lat / DEG, lonDeg: a.lon / DEG, altitude: s.altitude, speed: s.speed }, { latDeg: b.lat / DEG, lonDeg: b.lon / DEG, altitude: s.altitude, speed: s.speed }] },
        };
      });
      const scenario = compileScenario({
        name: "prop", radars: [radar], targets,
        adsbStations: [{ sac: 98, sic: 10, name: "A", latDeg: 47.0, lonDeg: 28.9, height: 200 }],
      });
      const decoder = new AsterixDecoderStream({ referenceTime: START });
      let offset = 0;
      for (const batch of scenarioReports(scenario, { startTime: START, duration: 12, ideal: true, seed: 3 })) {
        for (const r of batch.reports) {
          if (r.kind !== "adsb") continue;
          const inst = activeTargets(scenario, r.time - START, r.time - START).find((t) => t.identity.icaoAddress === r.icaoAddress)!;
          const truth = targetStateAt(inst, r.time - START)!.position;
          expect(Math.abs(r.position!.lat - truth.lat)).toBeLessThan(1e-10); // UTC time rounding (2.4e-7 s at 1.7e9 s) × speed
          expect(Math.abs(r.position!.lon - truth.lon)).toBeLessThan(1e-10); // UTC time rounding (2.4e-7 s at 1.7e9 s) × speed
          expect(Math.abs(r.pressureAltitude! - truth.height)).toBeLessThanOrEqual(12.5 * 0.3048 + 1e-9);
        }
        const truthOf = new Map<PlotReport, Geodetic>();
        for (const t of batch.truth ?? []) {
          expect(t.plot !== undefined).toBe(t.inCoverage === true); // Pd = 1 inside coverage
          if (t.plot === undefined) continue;
          truthOf.set(t.plot, t.position);
          const p = t.plot;
          // Floating point: range/azimuth + the true height, and range/azimuth/elevation, give the truth back.
          expect(dist(polarToGeodetic(site, p.range, p.azimuth, t.position.height), t.position) / p.range).toBeLessThan(1e-9);
          if (p.elevation !== undefined) expect(dist(polarElevationToGeodetic(site, { range: p.range, azimuth: p.azimuth, elevation: p.elevation }), t.position) / p.range).toBeLessThan(1e-9);
        }
        const plots = batch.reports.filter((r): r is PlotReport => r.kind === "plot");
        expect(plots.every((p) => truthOf.has(p))).toBe(true); // no clutter
        const enc = encodeBatch(batch);
        if (enc === undefined || enc.format !== "asterix") continue;
        const d = decoder.decode({ data: enc.bytes, offset });
        offset += enc.bytes.length;
        expect(d.result.error).toBeUndefined();
        const decodedPlots = d.reports.filter((r): r is PlotReport => r.kind === "plot");
        expect(decodedPlots.length).toBe(plots.length);
        decodedPlots.forEach((q, i) => {
          const truth = truthOf.get(plots[i])!;
          const exact = geodeticToPolar(site, truth);
          expect(Math.abs(q.range - exact.range)).toBeLessThanOrEqual(1852 / 256 / 2 + 1e-6); // I048/040 RHO, half an LSB
          expect(Math.abs(Math.sin(q.azimuth - exact.azimuth))).toBeLessThanOrEqual(Math.PI / 65536 + 1e-9); // THETA, half an LSB
          const h = q.height3D ?? q.modeC?.pressureAltitude;
          expect(h).toBeDefined();
          expect(Math.abs(h! - truth.height)).toBeLessThanOrEqual(12.5 * 0.3048 + 1e-6); // I048/110 / I048/090: 25 ft steps
        });
      }
    }), { numRuns: 20 });
  });

  it("keeps the same output for the same seed (byte-identical blocks)", () => {
    const scenario = compileScenario({ name: "det", radars: [radar], targets: [], adsbStations: [] });
    const run = (): string => [...scenarioReports(scenario, { startTime: START, duration: 40, seed: 9 })].map((b) => Buffer.from(encodeBatch(b)?.bytes ?? []).toString("hex")).join("");
    expect(run()).toBe(run());
    expect(run().length).toBeGreaterThan(100); // clutter only, yet output
  });
});
