/**
 * Section 1 — neutral scenarios (`../shared/bench/scenarios/s1..s3`, README there): the Skywatch
 * tracker is run on each scenario's `detections.csv` through `trackNeutral` (the runner of
 * `skywatch bench-track`, which never reads the truth labels), scored with Skywatch's own
 * evaluation (as `skywatch evaluate`: c = 1000 m, p = 2, α = 2, truth aligned by interpolation)
 * and, when available, with the reference scorer `gospa.py` as a cross-check, then compared
 * with the best Stone Soup results in `../shared/bench/results/<scenario>/`.
 *
 * Goals (issue #6): mean GOSPA ≤ 0.8 × the best Stone Soup mean GOSPA; fewer ID switches than
 * the fewest of Stone Soup; throughput ≥ 1000 × Stone Soup's best detections/s.
 *
 * Throughput is detections (clutter included) over the wall time of `trackNeutral`'s timed loop
 * (association, filtering, track management and the in-memory output rows; excludes reading the
 * CSV and building the plot reports), like the peer's `timing.json`. *Cold* is the first run in a
 * fresh Node process (a child process, so the JIT has seen no tracker code); *warm* is the best of
 * 3 further runs in this process. The warm figure is the one compared (a tracker runs for hours;
 * the peer's Python has no JIT to warm up); the cold one is printed beside it.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { trackNeutral } from "../../src/cli/evaluate.js";
import { evaluate, parseNeutralScenario, parseTruthCsv, type BenchSummary, type TrackPoint } from "../../src/evaluation/index.js";
import { gospaPyUnavailable, scoreWithGospaPy } from "./gospa_py.js";
import { SHARED_BENCH } from "./paths.js";
import { peerBest, type PeerBest } from "./peer_results.js";
import { fmt, fmtInt, goalsTable, heading, table, type Goal, type SectionResult } from "./report.js";

/** Scenarios of the neutral benchmark. */
export const NEUTRAL_SCENARIOS = ["s1", "s2", "s3"] as const;
/** Warm runs after the cold one (the best is kept): at least this many … */
const WARM_RUNS = 10;
/** … and at least this many seconds of them, so that the JIT settles on the short scenarios (s1 runs in ~40 ms). */
const WARM_SECONDS = 2;
/** GOSPA goal: at most this fraction of the peer's best. */
const GOSPA_FACTOR = 0.8;
/** Throughput goal: at least this multiple of the peer's best. */
const SPEED_FACTOR = 1000;

/** The figures of one scenario. */
export interface NeutralFigures {
  scenario: string;
  detections: number;
  coldS: number;
  coldSource: "child process" | "first run in this process";
  warmS: number;
  /** Best process CPU time (user + system) of a whole warm `trackNeutral` call, s: includes CSV parsing and building the reports, so it bounds the timed loop from above; a busy machine disturbs it less than the wall time. */
  warmCallCpuS: number;
  coldDetectionsPerS: number;
  warmDetectionsPerS: number;
  deterministic: boolean;
  trackRows: number;
  skywatch: BenchSummary;
  gospaPy: Record<string, number> | null;
  gospaPyNote?: string;
  peer: PeerBest | null;
}

/** A digest of the track rows, to check that repeated runs give the same output. */
function rowsDigest(rows: readonly TrackPoint[]): string {
  const h = createHash("sha256");
  for (const r of rows) h.update(`${r.time},${r.trackId},${r.east},${r.north},${r.up}\n`);
  return h.digest("hex");
}

/**
 * The cold run: `trackNeutral` once in a fresh Node process (this script with
 * `--cold-neutral DIR`), returning its timed seconds; undefined when the child fails.
 */
function coldRunInChild(dir: string): number | undefined {
  const entry = process.argv[1];
  if (entry === undefined) return undefined;
  const r = spawnSync(process.execPath, [entry, "--cold-neutral", dir], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) return undefined;
  const m = /cold-neutral wall_s=([0-9.eE+-]+)/.exec(r.stdout);
  return m ? Number(m[1]) : undefined;
}

/** The worker of {@link coldRunInChild}: runs once and prints the timed seconds. */
export function coldNeutralWorker(dir: string): void {
  const scen = parseNeutralScenario(readFileSync(join(dir, "scenario.json"), "utf8"));
  const res = trackNeutral(scen, readFileSync(join(dir, "detections.csv"), "utf8"));
  process.stdout.write(`cold-neutral wall_s=${res.wallS} detections=${res.detections}\n`);
}

/** Runs, scores and compares one scenario. */
export function runNeutralScenario(name: string, pyUnavailable: string | undefined): NeutralFigures {
  const dir = join(SHARED_BENCH, "scenarios", name);
  const scen = parseNeutralScenario(readFileSync(join(dir, "scenario.json"), "utf8"));
  const detectionsText = readFileSync(join(dir, "detections.csv"), "utf8");
  const childCold = coldRunInChild(dir);
  const first = trackNeutral(scen, detectionsText);
  const digest = rowsDigest(first.rows);
  let warmS = Infinity;
  let warmCallCpuS = Infinity;
  let deterministic = true;
  let rows = first.rows;
  let warmRuns = 0;
  for (const w0 = performance.now(); warmRuns < WARM_RUNS || performance.now() - w0 < WARM_SECONDS * 1000; warmRuns++) {
    const c0 = process.cpuUsage();
    const r = trackNeutral(scen, detectionsText);
    const c = process.cpuUsage(c0);
    warmCallCpuS = Math.min(warmCallCpuS, (c.user + c.system) / 1e6);
    warmS = Math.min(warmS, r.wallS);
    if (rowsDigest(r.rows) !== digest) deterministic = false;
    rows = r.rows;
  }
  const coldS = childCold ?? first.wallS;
  // Scoring reads the truth, never given to the tracker.
  const truth = parseTruthCsv(readFileSync(join(dir, "truth.csv"), "utf8"), join(dir, "truth.csv"));
  const ev = evaluate(truth, rows, scen.grid, { gospa: { c: 1000, p: 2, alpha: 2 }, align: "interp" });
  let gospaPy: Record<string, number> | null = null;
  let gospaPyNote: string | undefined = pyUnavailable;
  if (pyUnavailable === undefined) {
    try {
      gospaPy = scoreWithGospaPy(dir, rows);
    } catch (e) {
      gospaPyNote = (e as Error).message;
    }
  }
  return {
    scenario: name, detections: first.detections, coldS, coldSource: childCold !== undefined ? "child process" : "first run in this process",
    warmS, warmCallCpuS, coldDetectionsPerS: first.detections / coldS, warmDetectionsPerS: first.detections / warmS, deterministic,
    trackRows: rows.length, skywatch: ev.bench, gospaPy, ...(gospaPyNote !== undefined ? { gospaPyNote } : {}),
    peer: peerBest(join(SHARED_BENCH, "results", name)) ?? null,
  };
}

/** The goals of one scenario. */
function goalsOf(f: NeutralFigures): Goal[] {
  const g = f.skywatch.mean_gospa;
  const p = f.peer;
  const goals: Goal[] = [];
  goals.push({
    goal: `${f.scenario} mean GOSPA ≤ ${GOSPA_FACTOR} × Stone Soup best`,
    measured: p && g !== null ? `${fmt(g)} m vs ${fmt(GOSPA_FACTOR * p.gospa.value)} m (${fmt(g / p.gospa.value, 3)} × ${p.gospa.run})` : "no peer result",
    verdict: p && g !== null ? g <= GOSPA_FACTOR * p.gospa.value : null,
  });
  goals.push({
    goal: `${f.scenario} ID switches < Stone Soup fewest`,
    measured: p ? `${f.skywatch.id_switches} vs ${p.idSwitches.value} (${p.idSwitches.run})` : "no peer result",
    verdict: p ? f.skywatch.id_switches < p.idSwitches.value : null,
  });
  const ok = p !== null && Number.isFinite(p.detectionsPerS.value);
  goals.push({
    goal: `${f.scenario} warm throughput ≥ ${SPEED_FACTOR} × Stone Soup best`,
    measured: ok ? `${fmtInt(f.warmDetectionsPerS)} vs ${fmtInt(SPEED_FACTOR * p.detectionsPerS.value)} det/s (${fmt(f.warmDetectionsPerS / p.detectionsPerS.value, 0)} ×; cold ${fmt(f.coldDetectionsPerS / p.detectionsPerS.value, 0)} ×)` : "no peer timing",
    verdict: ok ? f.warmDetectionsPerS >= SPEED_FACTOR * p.detectionsPerS.value : null,
  });
  return goals;
}

/** Runs section 1 and prints its tables; returns the figures. */
export function neutralSection(): SectionResult {
  console.log(heading("1. Neutral scenarios (../shared/bench/scenarios) vs Stone Soup"));
  const missing = NEUTRAL_SCENARIOS.filter((s) => !existsSync(join(SHARED_BENCH, "scenarios", s, "detections.csv")));
  if (missing.length === NEUTRAL_SCENARIOS.length) {
    const why = `no scenarios under ${join(SHARED_BENCH, "scenarios")}`;
    console.log(`skipped: ${why}`);
    return { section: "neutral", goals: [], figures: {}, skipped: why };
  }
  const py = gospaPyUnavailable();
  const all: NeutralFigures[] = [];
  for (const s of NEUTRAL_SCENARIOS) {
    if (missing.includes(s)) continue;
    const f = runNeutralScenario(s, py);
    all.push(f);
    process.stdout.write(`  ${s}: ${f.detections} detections, ${f.trackRows} track rows, warm ${fmt(f.warmS, 3)} s\n`);
  }
  console.log("\nAccuracy (Skywatch's evaluation; gospa.py cross-check; Stone Soup's best of its runs):");
  console.log(table(
    ["scenario", "mean GOSPA m", "gospa.py m", "SS best m", "ratio", "ID sw", "gospa.py", "SS fewest", "RMS m", "missed/scan", "false/scan", "track ids"],
    all.map((f) => {
      const b = f.skywatch;
      const p = f.peer;
      return [
        f.scenario, fmt(b.mean_gospa), f.gospaPy ? fmt(f.gospaPy.mean_gospa) : "n/a", p ? `${fmt(p.gospa.value)} ${p.gospa.run.replace("-stonesoup", "")}` : "–",
        p && b.mean_gospa !== null ? fmt(b.mean_gospa / p.gospa.value, 3) : "–",
        String(b.id_switches), f.gospaPy ? String(f.gospaPy.id_switches) : "n/a", p ? `${p.idSwitches.value} ${p.idSwitches.run.replace("-stonesoup", "")}` : "–",
        fmt(b.rms_localisation_m), fmt(b.mean_missed_targets_per_scan, 2), fmt(b.mean_false_tracks_per_scan, 2), String(b.n_track_ids),
      ];
    }),
  ));
  if (py !== undefined) console.log(`gospa.py cross-check not run: ${py}`);
  for (const f of all) if (f.gospaPyNote !== undefined && py === undefined) console.log(`gospa.py on ${f.scenario}: ${f.gospaPyNote}`);
  console.log(`\nThroughput (detections/s of the timed tracker loop; cold = fresh process, warm = best of ≥ ${WARM_RUNS} in-process runs over ≥ ${WARM_SECONDS} s; warm is compared):`);
  console.log(table(
    ["scenario", "detections", "cold s", "cold det/s", "warm s", "warm det/s", "SS best det/s", "warm ×SS", "cold ×SS", "call CPU s", "deterministic"],
    all.map((f) => {
      const ss = f.peer?.detectionsPerS.value ?? NaN;
      return [
        f.scenario, fmtInt(f.detections), fmt(f.coldS, 3), fmtInt(f.coldDetectionsPerS), fmt(f.warmS, 3), fmtInt(f.warmDetectionsPerS),
        `${fmt(ss)} ${f.peer?.detectionsPerS.run.replace("-stonesoup", "") ?? ""}`.trim(), fmt(f.warmDetectionsPerS / ss, 0), fmt(f.coldDetectionsPerS / ss, 0),
        fmt(f.warmCallCpuS, 3), f.deterministic ? "yes" : "NO",
      ];
    }),
  ));
  console.log("(call CPU s: best process CPU time of a whole warm call, CSV parsing and report building included — less disturbed by a busy machine than the wall times)");
  if (all.some((f) => f.coldSource !== "child process")) console.log("note: cold figure from the first in-process run (the child process failed)");
  const goals = all.flatMap(goalsOf);
  console.log("");
  console.log(goalsTable(goals));
  return { section: "neutral", goals, figures: { scenarios: all } };
}
