import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluate, linearSumAssignment, parseNeutralScenario, parseTracksCsv, parseTruthCsv, setDistance, writeTracksCsv, writeTruthCsv,
  EvaluationError, type TrackPoint, type TruthPoint,
} from "../../src/evaluation/index.js";

const P = { c: 1000, p: 2, alpha: 2 };

function brute(cost: number[][]): number {
  const m = cost.length, n = cost[0]?.length ?? 0;
  const k = Math.min(m, n);
  let best = Infinity;
  const used = new Array<boolean>(n).fill(false);
  const rec = (i: number, picked: number, sum: number): void => {
    if (picked === k) { best = Math.min(best, sum); return; }
    if (i === m) return;
    if (m - i > k - picked) rec(i + 1, picked, sum); // leave row i out (only when rows > cols)
    for (let j = 0; j < n; j++) if (!used[j]) { used[j] = true; rec(i + 1, picked + 1, sum + cost[i][j]); used[j] = false; }
  };
  rec(0, 0, 0);
  return best;
}

describe("linear sum assignment", () => {
  it("finds the brute-force optimum on random rectangular matrices (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 25, maxLength: 25 }), (m, n, vals) => {
      const cost = Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => vals[i * 5 + j]));
      const sol = linearSumAssignment(Float64Array.from(cost.flat()), m, n);
      let sum = 0;
      const cols = new Set<number>();
      sol.forEach((j, i) => { if (j >= 0) { sum += cost[i][j]; cols.add(j); } });
      expect(cols.size).toBe(Math.min(m, n));
      expect(sum).toBe(brute(cost));
    }), { numRuns: 300 });
  });

  it("rejects a wrong size or a non-finite cost", () => {
    expect(() => linearSumAssignment(new Float64Array(3), 2, 2)).toThrow(EvaluationError);
    expect(() => linearSumAssignment(Float64Array.of(1, NaN), 1, 2)).toThrow(EvaluationError);
  });
});

describe("GOSPA and OSPA of one pair of sets", () => {
  it("gives the textbook values on small cases", () => {
    expect(setDistance(new Float64Array(0), 0, 0, P)).toMatchObject({ gospa: 0, ospa: 0 });
    const missed = setDistance(new Float64Array(0), 1, 0, P);
    expect(missed.gospa).toBeCloseTo(Math.sqrt(1e6 / 2), 9);
    expect(missed.ospa).toBe(1000);
    expect(missed.missed).toBe(5e5);
    const one = setDistance(Float64Array.of(300), 1, 1, P);
    expect(one.gospa).toBeCloseTo(300, 9);
    expect(one.ospa).toBeCloseTo(300, 9);
    expect(one.pairs).toHaveLength(1);
    // A pair beyond the cut-off counts as one missed + one false.
    const far = setDistance(Float64Array.of(5000), 1, 1, P);
    expect(far.gospa).toBeCloseTo(1000, 9);
    expect([far.localisation, far.missed, far.false]).toEqual([0, 5e5, 5e5]);
    // Two truths, one track near the second: the optimum pairs it with the second.
    const two = setDistance(Float64Array.of(900, 100), 2, 1, P);
    expect(two.pairs).toEqual([{ truth: 1, estimate: 0, distance: 100 }]);
    expect(two.gospa).toBeCloseTo(Math.sqrt(100 ** 2 + 5e5), 9);
    expect(two.ospa).toBeCloseTo(Math.sqrt((100 ** 2 + 1e6) / 2), 9);
  });

  it("splits GOSPA² into localisation + missed + false for α = 2 (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: 36, maxLength: 36 }), (m, n, d) => {
      const r = setDistance(Float64Array.from(d.slice(0, m * n)), m, n, P);
      expect(r.gospa ** 2).toBeCloseTo(r.localisation + r.missed + r.false, 3);
      expect(r.ospa).toBeLessThanOrEqual(1000 + 1e-9);
    }));
  });
});

const truthRow = (time: number, id: string, east: number): TruthPoint => ({ time, targetId: id, east, north: 0, up: 1000, velEast: 100, velNorth: 0, velUp: 0 });

describe("metrics over a run", () => {
  // Two targets over 10 scans of 4 s; track "a" follows target 1 with a 30 m offset, track "b" takes
  // over target 1 after scan 5 (an identity switch), track "c" is false, target 2 is tracked from scan 3.
  const truth: TruthPoint[] = [];
  const tracks: TrackPoint[] = [];
  for (let k = 0; k < 10; k++) {
    const t = 4 * k + 1;
    truth.push(truthRow(t, "1", 100 * t), truthRow(t, "2", 50_000 + 100 * t));
    tracks.push({ time: t, trackId: k < 5 ? "a" : "b", east: 100 * t + 30, north: 0, up: 1000, velEast: 102, velNorth: 0, velUp: 0, updated: k % 2 === 0 });
    if (k >= 3) tracks.push({ time: t, trackId: "d", east: 50_000 + 100 * t, north: 40, up: 1000 });
    tracks.push({ time: t, trackId: "c", east: -90_000, north: 0, up: 0 });
  }
  const ev = evaluate(truth, tracks, { period: 4, nScans: 10 });

  it("computes RMS, continuity, update probability, false tracks, initiation delay and SIAP", () => {
    expect(ev.accuracy.horizontalRms).toBeCloseTo(Math.sqrt((10 * 900 + 7 * 1600) / 17), 6);
    expect(ev.accuracy.velocityRmsHorizontal).toBeCloseTo(2, 6);
    expect(ev.continuity.idSwitches).toBe(1);
    expect(ev.bench.id_switches).toBe(1);
    expect(ev.continuity.targets.find((t) => t.targetId === "1")?.longestSegmentScans).toBe(5);
    expect(ev.updateProbability.updated).toBe(5 + 7);
    expect(ev.falseTracks.spuriousTrackIds).toEqual(["c"]);
    expect(ev.falseTracks.falseTrackScans).toBe(10);
    expect(ev.initiationDelay.delays.sort()).toEqual([0, 12]);
    expect(ev.siap.completeness).toBeCloseTo(17 / 20, 9);
    expect(ev.siap.ambiguity).toBe(1);
    expect(ev.siap.spuriousness).toBeCloseTo(10 / 27, 9);
  });

  it("round-trips the neutral CSV files", () => {
    expect(parseTruthCsv(writeTruthCsv(truth))).toEqual(truth);
    const back = parseTracksCsv(writeTracksCsv(tracks));
    expect(back.map((t) => [t.trackId, t.east, t.updated])).toEqual(tracks.map((t) => [t.trackId, t.east, t.updated]));
  });

  it("names the line and column of bad input", () => {
    expect(() => parseTruthCsv("time_s,target_id\n")).toThrow(/missing columns/);
    expect(() => parseTracksCsv("time_s,track_id,east_m,north_m,up_m\n1,a,2,x,4\n")).toThrow(/line 2: column north_m/);
    expect(() => parseNeutralScenario("{\"radar\":{}}")).toThrow(/radar.scan_period_s/);
    expect(() => evaluate(truth, tracks, { period: 0, nScans: 3 })).toThrow(EvaluationError);
  });
});

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { trackNeutral } from "../../src/cli/evaluate.js";
import { REPO_ROOT } from "../shared_data.js";

const S1 = resolve(REPO_ROOT, "../shared/bench/scenarios/s1");
describe.skipIf(!existsSync(S1))("Skywatch tracker on the neutral benchmark s1", () => {
  it("tracks the detections and scores within the peers' range", () => {
    const scen = parseNeutralScenario(readFileSync(resolve(S1, "scenario.json"), "utf8"));
    const { rows } = trackNeutral(scen, readFileSync(resolve(S1, "detections.csv"), "utf8"));
    const ev = evaluate(parseTruthCsv(readFileSync(resolve(S1, "truth.csv"), "utf8")), rows, scen.grid);
    // Stone Soup GNN scores 982.5 m mean GOSPA, RMS 266 m (../shared/bench/README.md); guard against regressions.
    expect(ev.bench.mean_gospa!).toBeLessThan(1300);
    expect(ev.bench.rms_localisation_m!).toBeLessThan(350);
    expect(ev.bench.n_targets_ever_assigned).toBe(20);
  });
});
