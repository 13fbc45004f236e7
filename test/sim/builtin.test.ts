import { describe, expect, it } from "vitest";
import { DEG, geodeticToEcef, geodeticToPolar, polarToGeodetic, type Geodetic } from "../../src/geo/index.js";
import type { PlotReport } from "../../src/types/index.js";
import {
  activeTargets, BUILTIN_RADAR, builtinScenario, builtinScenarioReports, builtinSensors, builtinTruthAt,
  inCoverage, radarSite, ScenarioError, type ReportBatch,
} from "../../src/sim/index.js";

const START = 1_767_225_600; // 2026-01-01T00:00:00Z
const site = radarSite(BUILTIN_RADAR);
const collect = (o: Parameters<typeof builtinScenarioReports>[0]): ReportBatch[] => [...builtinScenarioReports(o)];
const plotsOf = (batches: ReportBatch[]): PlotReport[] =>
  batches.flatMap((b) => b.reports.filter((r): r is PlotReport => r.kind === "plot"));
const dist = (a: Geodetic, b: Geodetic): number => {
  const p = geodeticToEcef(a);
  const q = geodeticToEcef(b);
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
};

describe("built-in scenario", () => {
  it("describes one radar near Chișinău", () => {
    const [s, ...rest] = builtinSensors();
    expect(rest).toHaveLength(0);
    expect(s.id).toBe("98/1");
    expect(s.site.lat / DEG).toBeCloseTo(47.02, 6);
    expect(s.site.lon / DEG).toBeCloseTo(28.83, 6);
    expect(s.site.height).toBe(180);
    expect(s.rotationPeriod).toBe(4);
  });

  it("is deterministic: the same seed gives identical reports, another seed different ones", () => {
    const a = collect({ startTime: START, duration: 60, seed: 11 });
    const b = collect({ startTime: START, duration: 60, seed: 11 });
    const c = collect({ startTime: START, duration: 60, seed: 12 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(plotsOf(a))).not.toBe(JSON.stringify(plotsOf(c)));
    // A longer run starts with the same reports as a shorter one (lazy, no look-ahead).
    const longer = collect({ startTime: START, duration: 120, seed: 11 }).slice(0, a.length);
    expect(JSON.stringify(longer)).toBe(JSON.stringify(a));
  });

  it("rejects bad run options", () => {
    expect(() => collect({ startTime: NaN })).toThrow(ScenarioError);
    expect(() => collect({ startTime: START, duration: -1 })).toThrow(ScenarioError);
    expect(() => collect({ startTime: START, seed: 1.5 })).toThrow(ScenarioError);
  });

  it("shows at least 8 aircraft in the first 8 s, for any seed", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const plots = plotsOf(collect({ startTime: START, duration: 8, seed }));
      const ids = new Set(plots.filter((p) => p.icaoAddress !== undefined).map((p) => p.icaoAddress));
      expect(ids.size).toBeGreaterThanOrEqual(8);
      expect(plots.some((p) => p.detection === "psr")).toBe(true);
    }
  });

  it("streams batches in time order: each sector's plots after the beam leaves it, then the CAT034 message", () => {
    const batches = collect({ startTime: START, duration: 40 });
    let last = -Infinity;
    let northMarkers = 0;
    let sectorCrossings = 0;
    for (const b of batches) {
      expect(b.time).toBeGreaterThanOrEqual(last);
      last = b.time;
      for (const r of b.reports) {
        expect(r.sensorId).toBe("98/1");
        if (r.kind === "service") {
          expect(r.time).toBe(b.time);
          if (r.messageType === "northMarker") northMarkers++;
          else sectorCrossings++;
        } else {
          expect(r.time).toBeLessThanOrEqual(b.time);
          expect(r.time).toBeGreaterThan(b.time - 4 / 16);
        }
      }
    }
    expect(northMarkers).toBe(10);
    expect(sectorCrossings).toBe(150);
  });

  it("spreads detection times over the scan, following the azimuth", () => {
    const batches = collect({ startTime: START, duration: 8, ideal: true });
    const scan0 = plotsOf(batches).filter((p) => p.time < START + 4);
    const times = scan0.map((p) => p.time - START);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(2);
    expect(new Set(times).size).toBe(times.length);
    for (const p of scan0) expect(p.time - START).toBeCloseTo((4 * p.azimuth) / (2 * Math.PI), 6);
  });

  it("in ideal mode, every plot converts back to the truth position (1e-6 relative)", () => {
    let checked = 0;
    for (const b of builtinScenarioReports({ startTime: START, duration: 120, ideal: true })) {
      for (const tr of b.truth ?? []) {
        expect(tr.inCoverage).toBe(true);
        const p = tr.plot!;
        expect(p).toBeDefined();
        const back = polarToGeodetic(site, p.range, p.azimuth, tr.position.height);
        expect(dist(back, tr.position) / p.range).toBeLessThan(1e-6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("keeps drones and the ultralight PSR-only, with a 3D height and no Mode S address", () => {
    const batches = collect({ startTime: START, duration: 120 });
    const nonCoop = batches.flatMap((b) => b.truth ?? []).filter((t) => t.targetId.startsWith("UAS") || t.targetId === "GA-NOXPDR");
    expect(new Set(nonCoop.map((t) => t.targetId)).size).toBe(3);
    const plots = nonCoop.flatMap((t) => (t.plot ? [{ t, p: t.plot }] : []));
    expect(plots.length).toBeGreaterThan(60);
    for (const { t, p } of plots) {
      expect(p.detection).toBe("psr");
      expect(p.icaoAddress).toBeUndefined();
      expect(p.mode3A).toBeUndefined();
      expect(p.modeC).toBeUndefined();
      expect(p.callsign).toBeUndefined();
      // 3D height error ≈ range × σ_elevation (0.3°): within 5 σ.
      expect(Math.abs(p.height3D! - t.position.height)).toBeLessThan(5 * p.range * 0.3 * DEG + 50);
      if (t.targetClass === "drone") {
        expect(t.position.height).toBeLessThan(500);
        expect(Math.hypot(t.velocity.east, t.velocity.north)).toBeGreaterThan(19);
        expect(Math.hypot(t.velocity.east, t.velocity.north)).toBeLessThan(41);
      }
    }
  });
});

describe("built-in traffic over a day", () => {
  const sc = builtinScenario();

  it("never runs empty, keeps every target in coverage and every identity unique at any time", () => {
    for (let t = 0; t < 86_400; t += 97) {
      const truth = builtinTruthAt(START, START + t);
      expect(truth.length).toBeGreaterThanOrEqual(10);
      const airborne = truth.filter((x) => x.identity.callsign !== undefined);
      expect(airborne.length).toBeGreaterThanOrEqual(6);
      for (const x of truth) {
        const p = geodeticToPolar(site, x.position);
        if (!inCoverage(BUILTIN_RADAR, site, p.range, p.elevation, x.position.height)) {
          throw new Error(`${x.targetId} out of coverage at t=${t}: ${(p.range / 1000).toFixed(1)} km, ${(p.elevation / DEG).toFixed(2)}°`);
        }
      }
      for (const key of ["callsign", "icaoAddress", "mode3A"] as const) {
        const values = truth.map((x) => x.identity[key]).filter((v) => v !== undefined);
        expect(new Set(values).size).toBe(values.length);
      }
    }
  });

  it("has plausible kinematics: airliners 60–260 m/s, under 25 m/s vertical, below FL410", () => {
    for (let t = 0; t < 7200; t += 13) {
      for (const x of builtinTruthAt(START, START + t)) {
        const gs = Math.hypot(x.velocity.east, x.velocity.north);
        if (x.targetClass === "airliner") {
          expect(gs).toBeGreaterThan(60);
          expect(gs).toBeLessThan(260);
          expect(x.position.height).toBeLessThan(12_500);
          expect(x.position.height).toBeGreaterThan(120);
        }
        expect(Math.abs(x.velocity.up)).toBeLessThan(25);
      }
    }
  });

  it("recurs: flows start new flights forever, so instance numbers grow", () => {
    const later = activeTargets(sc, 86_400, 86_404).map((i) => i.id);
    expect(later.some((id) => /^ARR-SW#\d+$/.test(id) && Number(id.split("#")[1]) >= 70)).toBe(true);
  });
});
