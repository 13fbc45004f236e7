/**
 * Section 4 — fusion: the two-radar + ADS-B scenario `scenarios/moldova_two_radars_adsb.yaml`,
 * simulated in memory with `src/sim` (truth kept), tracked (a) with both radars and ADS-B
 * together and (b) with each radar alone. Every 4 s of scenario time (after the reports sent up
 * to then are processed) the confirmed and coasting tracks, predicted to that instant, are
 * matched with the true targets in the horizontal plane of the reference radar
 * (`duplicates.ts`, gate 1 km). Goals (issue #6): duplicates < 1% of the assigned truth-scans
 * of (a); horizontal RMS of (a) below that of each radar alone (compared on the truth-scans both
 * runs assigned; each run's own RMS is printed too); estimated sensor biases within 20% of the
 * simulated ones (`biases.ts`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { enuFrame, geodeticToEnu, rotateEnu, type EnuFrame } from "../../src/geo/index.js";
import { loadScenario, radarSensor, scenarioReports, truthAt, type Simulation } from "../../src/sim/index.js";
import { createTracker, type TrackerStats } from "../../src/tracking/index.js";
import type { Sensor, SensorReport } from "../../src/types/index.js";
import { compareBiases, simulatedBiases, type BiasEstimate, type MaybeBiasTracker } from "./biases.js";
import { commonRms, fusionScore, matchScan, type FusionScore, type PlanePoint, type ScanMatch } from "./duplicates.js";
import { REPO_ROOT } from "./paths.js";
import { fmt, fmtInt, fmtPct, goalsTable, heading, table, type Goal, type SectionResult } from "./report.js";

const SCENARIO = join(REPO_ROOT, "scenarios", "moldova_two_radars_adsb.yaml");
/** Evaluation period, s of scenario time. */
const EVAL_PERIOD = 4;
/** Horizontal gate of the truth–track match, m. */
const GATE = 1000;
/** Goal: duplicated truth-scans / assigned truth-scans. */
const MAX_DUPLICATE_SHARE = 0.01;
/** Goal: relative error of the bias estimates. */
const BIAS_TOLERANCE = 0.2;

interface Timed {
  /** Send time of the batch the report came in (UTC s). */
  at: number;
  report: SensorReport;
}

/** The result of one configuration. */
interface RunResult {
  name: string;
  scans: ScanMatch[];
  score: FusionScore;
  stats: TrackerStats;
  seconds: number;
  biasEstimates?: BiasEstimate[] | undefined;
  hasBiasMethod: boolean;
}

function loadSimulation(): Simulation {
  return loadScenario(readFileSync(SCENARIO, "utf8"), (p) => readFileSync(isAbsolute(p) ? p : resolve(dirname(SCENARIO), p), "utf8"));
}

/** Tracks `reports` with `sensors` and scores them every `EVAL_PERIOD` s against the truth. */
function runConfig(name: string, sim: Simulation, sensors: Sensor[], reports: readonly Timed[], frame: EnuFrame): RunResult {
  const tracker = createTracker(sensors) as MaybeBiasTracker;
  const scans: ScanMatch[] = [];
  const trackCounts: number[] = [];
  let i = 0;
  let seconds = 0;
  for (let k = 1; k * EVAL_PERIOD <= sim.duration; k++) {
    const t = sim.startTime + k * EVAL_PERIOD;
    const t0 = performance.now();
    while (i < reports.length && reports[i].at <= t) tracker.process(reports[i++].report);
    seconds += (performance.now() - t0) / 1000;
    const truths: PlanePoint[] = truthAt(sim.scenario, t - sim.startTime, sim.startTime).map((s) => {
      const p = geodeticToEnu(s.position, frame);
      return { id: s.targetId, east: p.east, north: p.north };
    });
    const tracks: PlanePoint[] = [];
    for (const tr of tracker.tracks()) {
      if (tr.status !== "confirmed" && tr.status !== "coasting") continue;
      const p = geodeticToEnu(tr.position, frame);
      const v = rotateEnu(tr.velocity, enuFrame(tr.position), frame);
      const dt = t - tr.time;
      tracks.push({ id: String(tr.trackNumber), east: p.east + v.east * dt, north: p.north + v.north * dt });
    }
    scans.push(matchScan(truths, tracks, GATE));
    trackCounts.push(tracks.length);
  }
  const hasBiasMethod = typeof tracker.biasEstimates === "function";
  return {
    name, scans, score: fusionScore(scans, trackCounts), stats: tracker.stats(), seconds, hasBiasMethod,
    ...(hasBiasMethod ? { biasEstimates: tracker.biasEstimates!() } : {}),
  };
}

/** Runs section 4 and prints its tables; returns the figures. */
export function fusionSection(): SectionResult {
  console.log(heading("4. Fusion: two radars + ADS-B over Moldova (scenarios/moldova_two_radars_adsb.yaml)"));
  if (!existsSync(SCENARIO)) {
    const why = `${SCENARIO} not found`;
    console.log(`skipped: ${why}`);
    return { section: "fusion", goals: [], figures: {}, skipped: why };
  }
  const sim = loadSimulation();
  const reports: Timed[] = [];
  for (const b of scenarioReports(sim.scenario, { startTime: sim.startTime, duration: sim.duration, seed: sim.seed })) {
    for (const r of b.reports) reports.push({ at: b.time, report: r });
  }
  const radars = sim.scenario.radars.map(radarSensor);
  const reference = radars.find((s) => s.id === sim.referenceSensor) ?? radars[0];
  const frame = enuFrame(reference.site);
  const count = (pred: (r: SensorReport) => boolean): number => reports.reduce((n, x) => n + (pred(x.report) ? 1 : 0), 0);
  console.log(`${sim.scenario.targets.length} targets, ${sim.duration} s; ${radars.map((s) => `${s.id} ${fmtInt(count((r) => r.kind === "plot" && r.sensorId === s.id))} plots`).join(", ")}, ` +
    `${fmtInt(count((r) => r.kind === "adsb"))} ADS-B reports; evaluation every ${EVAL_PERIOD} s, horizontal gate ${GATE} m` +
    (sim.skipped.length > 0 ? `; ${sim.skipped.length} replayed flights skipped` : ""));
  const fused = runConfig("fused (both radars + ADS-B)", sim, radars, reports, frame);
  const alone = radars.map((s) => runConfig(`${s.id} alone (${s.name})`, sim, [s], reports.filter((x) => x.report.sensorId === s.id), frame));
  const runs = [fused, ...alone];
  const common = alone.map((r) => commonRms(fused.scans, r.scans));
  console.log(table(
    ["configuration", "assigned truth-scans", "duplicated", "share", "dup tracks", "tracks/scan", "RMS horiz m", "common n", "fused RMS m", "alone RMS m"],
    runs.map((r, j) => {
      const c = j > 0 ? common[j - 1] : undefined;
      return [
        r.name, fmtInt(r.score.assignedTruthScans), fmtInt(r.score.duplicatedTruthScans), fmtPct(r.score.duplicateShare), fmtInt(r.score.duplicateTracks),
        fmt(r.score.tracksPerScan), fmt(r.score.rmsHorizontal), c ? fmtInt(c.n) : "", c ? fmt(c.rmsA) : "", c ? fmt(c.rmsB) : "",
      ];
    }),
  ));
  console.log(`(tracker loop only: ${runs.map((r) => `${fmt(r.seconds, 2)} s`).join(", ")}; "common": truth-scans assigned in both the fused run and that radar's run)`);

  const goals: Goal[] = [{
    goal: `fused duplicates < ${MAX_DUPLICATE_SHARE * 100}% of track-time`,
    measured: `${fmtPct(fused.score.duplicateShare)} (${fused.score.duplicatedTruthScans} of ${fused.score.assignedTruthScans} truth-scans)`,
    verdict: Number.isFinite(fused.score.duplicateShare) ? fused.score.duplicateShare < MAX_DUPLICATE_SHARE : null,
  }];
  alone.forEach((r, j) => {
    const c = common[j];
    goals.push({
      goal: `fused horizontal RMS < ${r.name.split(" ")[0]} alone`,
      measured: `${fmt(c.rmsA)} vs ${fmt(c.rmsB)} m on ${fmtInt(c.n)} common truth-scans (own sets ${fmt(fused.score.rmsHorizontal)} vs ${fmt(r.score.rmsHorizontal)} m)`,
      verdict: c.n > 0 ? c.rmsA < c.rmsB : null,
    });
  });

  const sims = simulatedBiases(readFileSync(SCENARIO, "utf8"));
  console.log("\nSensor biases:");
  console.log(`  simulated: ${sims.length > 0 ? sims.map((s) => `${s.sensorId} range ${fmt(s.rangeBias)} m, azimuth ${fmt((s.azimuthBias * 180) / Math.PI, 3)}°, time ${fmt(s.timeBias, 3)} s`).join("; ") : "none in the scenario file"}`);
  if (!fused.hasBiasMethod) console.log("  estimated: not available (the tracker has no biasEstimates())");
  else {
    console.log(table(["sensor", "range m", "azimuth °", "time s", "samples"],
      (fused.biasEstimates ?? []).map((e) => [e.sensorId, fmt(e.rangeBias), fmt((e.azimuthBias * 180) / Math.PI, 3), fmt(e.timeBias, 3), fmtInt(e.samples)])));
  }
  const cmp = compareBiases(sims, fused.biasEstimates ?? [], BIAS_TOLERANCE);
  if (cmp.length > 0) {
    console.log(table(["sensor", "component", "simulated", "estimated", "rel. error", "within 20%"],
      cmp.map((c) => {
        const scale = c.component === "azimuth" ? 180 / Math.PI : 1;
        return [c.sensorId, c.component, fmt(c.simulated * scale, 3), fmt(c.estimated * scale, 3), fmtPct(c.relativeError, 1), c.ok === null ? "not judged" : c.ok ? "yes" : "no"];
      })));
  }
  const judged = cmp.filter((c) => c.ok !== null);
  goals.push({
    goal: `bias estimates within ${BIAS_TOLERANCE * 100}% of simulated`,
    measured: sims.length === 0 ? "scenario simulates no biases" : !fused.hasBiasMethod ? "not available (no biasEstimates())"
      : `${judged.filter((c) => c.ok).length} of ${judged.length} components within`,
    verdict: sims.length === 0 || judged.length === 0 ? null : !fused.hasBiasMethod ? false : judged.every((c) => c.ok),
  });
  console.log("");
  console.log(goalsTable(goals));
  return {
    section: "fusion", goals,
    figures: {
      scenario: SCENARIO, evalPeriodS: EVAL_PERIOD, gateM: GATE,
      runs: runs.map((r) => ({ name: r.name, score: r.score, trackerSeconds: r.seconds, stats: r.stats })),
      commonWithFused: alone.map((r, j) => ({ name: r.name, ...common[j] })),
      simulatedBiases: sims, biasEstimates: fused.hasBiasMethod ? fused.biasEstimates : "not available", biasComparison: cmp,
    },
  };
}
