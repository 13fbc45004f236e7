/**
 * Acceptance: Skywatch's GOSPA, OSPA and their components for every peer result in
 * `../shared/bench/results/` equal the `gospa.json` that `../shared/bench/gospa.py` wrote,
 * to 1e-6 relative, and the per-scan values equal `gospa_per_scan.csv`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, parseNeutralScenario, parseTracksCsv, parseTruthCsv } from "../../src/evaluation/index.js";
import { REPO_ROOT } from "../shared_data.js";

const BENCH = resolve(REPO_ROOT, "../shared/bench");
const HAS_BENCH = existsSync(join(BENCH, "results"));
if (!HAS_BENCH) console.warn(`${BENCH} not found: peer GOSPA agreement skipped`);

const results = HAS_BENCH
  ? readdirSync(join(BENCH, "results")).flatMap((s) => readdirSync(join(BENCH, "results", s)).map((t) => ({ scenario: s, tracker: t })))
  : [];

function close(a: number | null, b: number | null, rel = 1e-6): void {
  if (a === null || b === null) {
    expect(a).toBe(b);
    return;
  }
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(b), 1e-9));
}

describe.skipIf(!HAS_BENCH)("GOSPA/OSPA agree with the peer scorer gospa.py", () => {
  it.each(results)("$scenario / $tracker", ({ scenario, tracker }) => {
    const sdir = join(BENCH, "scenarios", scenario);
    const rdir = join(BENCH, "results", scenario, tracker);
    const scen = parseNeutralScenario(readFileSync(join(sdir, "scenario.json"), "utf8"));
    const truth = parseTruthCsv(readFileSync(join(sdir, "truth.csv"), "utf8"));
    const tracks = parseTracksCsv(readFileSync(join(rdir, "tracks.csv"), "utf8"));
    const ref = JSON.parse(readFileSync(join(rdir, "gospa.json"), "utf8")) as Record<string, number>;
    const ev = evaluate(truth, tracks, scen.grid);
    const b = ev.bench;
    for (const key of ["mean_gospa", "mean_ospa", "mean_localisation", "mean_missed", "mean_false", "rms_localisation_m", "mean_localisation_error_m",
      "mean_truth_per_scan", "mean_tracks_per_scan", "mean_missed_targets_per_scan", "mean_false_tracks_per_scan"] as const) {
      close(b[key], ref[key]);
    }
    expect(b.n_scans).toBe(ref.n_scans);
    expect(b.n_track_ids).toBe(ref.n_track_ids);
    expect(b.n_truth_targets).toBe(ref.n_truth_targets);
    expect(b.n_targets_ever_assigned).toBe(ref.n_targets_ever_assigned);
    expect(b.id_switches).toBe(ref.id_switches);
    expect(b.track_rows).toBe(ref.track_rows);
    // Per scan.
    const lines = readFileSync(join(rdir, "gospa_per_scan.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
    expect(lines.length).toBe(ev.series.length);
    lines.forEach((l, k) => {
      const s = ev.series[k];
      expect([s.nTruth, s.nTracks, s.nAssigned]).toEqual([l[1], l[2], l[3]]);
      close(s.gospa, l[6]);
      close(s.ospa, l[7]);
      close(s.localisation, l[8]);
      close(s.missed, l[9]);
      close(s.false, l[10]);
    });
  });
});
