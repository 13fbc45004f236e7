import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  GM200_DETECTION, DEFAULT_RCS, generateTraffic, loadScenario, nacpSigma, poisson, replayOpenSky, scenarioReports, snrDetectionProbability,
  streamFor, swerling1Pd, terrainMaskFrom, compileScenario, observe, radarSite, activeTargets, ScenarioError, type RadarSpec,
} from "../../src/sim/index.js";
import { HAS_SHARED_DATA, REPO_ROOT, SHARED_DATA, SKIP_MESSAGE } from "../shared_data.js";

const base = (extra: Record<string, unknown> = {}): string => JSON.stringify({
  name: "t", seed: 1, durationS: 20,
  radars: [{ sac: 1, sic: 2, name: "R", latDeg: 47, lonDeg: 28.9, groundHeightM: 100 }],
  ...extra,
});

describe("scenario files", () => {
  it("names the bad field", () => {
    expect(() => loadScenario(base({ radars: [{ sac: 1, sic: 2, name: "R", latDeg: 47, lonDeg: 28.9, groundHeightM: 100, rotationPeriodS: 9 }] }))).toThrow(/radars\.0\.rotationPeriodS/);
    expect(() => loadScenario(base({ targets: [{ id: "A", targetClass: "plane", waypoints: [] }] }))).toThrow(/targets\.0\.targetClass/);
    expect(() => loadScenario(base({ speed: 3 }))).toThrow(ScenarioError);
    expect(() => loadScenario("durationS: [")).toThrow(/not YAML/);
    expect(() => loadScenario(base({ generators: [{ kind: "airliners", count: 2, airports: ["XXXX", "LUKK"] }] }))).toThrow(/unknown airport XXXX/);
  });

  it("gives byte-identical output for the same file and seed", () => {
    const text = base({ generators: [{ kind: "drones", count: 3, centre: { latDeg: 47, lonDeg: 28.95 }, radiusM: 10000 }], radars: [{ sac: 1, sic: 2, name: "R", latDeg: 47, lonDeg: 28.9, groundHeightM: 100, clutterRatePerScan: 5 }] });
    const run = (): string => JSON.stringify([...scenarioReports(loadScenario(text).scenario, { startTime: 1e9, duration: 20, seed: 4 })].map((b) => b.reports));
    expect(run()).toBe(run());
  });

  it("loads every scenario of the library", () => {
    for (const f of ["straight_single", "crossing_targets", "manoeuvring_airliners", "dense_terminal", "drones_in_clutter"]) {
      const sim = loadScenario(readFileSync(join(REPO_ROOT, "scenarios", `${f}.yaml`), "utf8"));
      expect(sim.scenario.targets.length).toBeGreaterThan(0);
    }
  });
});

describe("sensor models", () => {
  it("Swerling 1 detection follows the radar equation (R⁴, RCS)", () => {
    expect(swerling1Pd(0, 1e-6)).toBeCloseTo(1e-6, 12);
    expect(snrDetectionProbability(GM200_DETECTION, 1, 100_000)).toBeCloseTo(Math.exp(Math.log(1e-6) / (1 + 10 ** 2.1)), 12);
    // Same SNR: 16 × the RCS at 2 × the range.
    expect(snrDetectionProbability(GM200_DETECTION, 16, 200_000)).toBeCloseTo(snrDetectionProbability(GM200_DETECTION, 1, 100_000), 12);
    expect(snrDetectionProbability(GM200_DETECTION, DEFAULT_RCS.drone, 60_000)).toBeLessThan(0.5);
    expect(snrDetectionProbability(GM200_DETECTION, DEFAULT_RCS.airliner, 200_000)).toBeGreaterThan(0.9);
  });

  it("draws Poisson clutter counts with the right mean", () => {
    const rng = streamFor(1, "poisson");
    let s = 0;
    for (let i = 0; i < 4000; i++) s += poisson(rng, 5);
    expect(s / 4000).toBeGreaterThan(4.8);
    expect(s / 4000).toBeLessThan(5.2);
  });

  it("masks targets behind terrain through the terrain hook", () => {
    const r: RadarSpec = { sac: 1, sic: 1, name: "R", latDeg: 47, lonDeg: 28.9, groundHeight: 100, antennaHeight: 15 };
    const sc = compileScenario({ name: "m", radars: [r], targets: [{ id: "A", targetClass: "airliner", transponder: "none", route: { waypoints: [{ latDeg: 47.3, lonDeg: 28.9, altitude: 3000, speed: 100 }, { latDeg: 47.4, lonDeg: 28.9, altitude: 3000, speed: 100 }] } }] });
    const inst = activeTargets(sc, 0, 4)[0];
    expect(observe(r, radarSite(r), inst, 0, { epoch: 0, seed: 1, ideal: true })?.inCoverage).toBe(true);
    const blocked = { ...r, terrain: terrainMaskFrom(() => false) };
    expect(observe(blocked, radarSite(r), inst, 0, { epoch: 0, seed: 1, ideal: true })?.inCoverage).toBe(false);
  });

  it("scales ADS-B position noise with NACp", () => {
    expect(nacpSigma(9)).toBeCloseTo(30 / 2.448, 9);
    expect(nacpSigma(11)).toBeLessThan(nacpSigma(8));
  });

  it("generates crossing pairs that meet at the same place and time", () => {
    const [a, b] = generateTraffic({ kind: "crossingPairs", count: 1, centre: { latDeg: 47, lonDeg: 28.9 }, radius: 20000, targetClass: "lightAircraft" }, 3, 600, 0);
    expect(a.id).not.toBe(b.id);
    const sc = compileScenario({ name: "x", radars: [], targets: [a, b] });
    const ia = activeTargets(sc, -1e6, 1e6).find((t) => t.id === a.id)!;
    const ib = activeTargets(sc, -1e6, 1e6).find((t) => t.id === b.id)!;
    let best = Infinity;
    for (let t = Math.max(ia.startTime, ib.startTime); t < Math.min(ia.startTime + ia.trajectory.duration, ib.startTime + ib.trajectory.duration); t += 0.5) {
      best = Math.min(best, horizontal(ia, ib, t));
    }
    expect(best).toBeLessThan(50);
  });
});

import { targetStateAt, type TargetInstance } from "../../src/sim/index.js";
import { geodeticToEcef } from "../../src/geo/index.js";
function horizontal(a: TargetInstance, b: TargetInstance, t: number): number {
  const pa = targetStateAt(a, t)!.position;
  const pb = targetStateAt(b, t)!.position;
  const ea = geodeticToEcef({ ...pa, height: 0 });
  const eb = geodeticToEcef({ ...pb, height: 0 });
  return Math.hypot(ea.x - eb.x, ea.y - eb.y, ea.z - eb.z);
}

describe.skipIf(!HAS_SHARED_DATA)("recorded trajectories", () => {
  it("replays an OpenSky recording as targets", () => {
    const text = readFileSync(join(SHARED_DATA, "adsb/trajectories/opensky/opensky_statevectors_20220202_lyon.csv"), "utf8");
    const targets = replayOpenSky(text, { moveTo: { latDeg: 47.5, lonDeg: 29 } });
    expect(targets.length).toBeGreaterThan(0);
    expect(targets[0].route.waypoints[0].latDeg).toBeCloseTo(47.5, 6);
    expect(() => compileScenario({ name: "r", radars: [], targets })).not.toThrow();
  });
});
if (!HAS_SHARED_DATA) console.warn(SKIP_MESSAGE);
