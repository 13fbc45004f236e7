/**
 * `skywatch evaluate --truth truth.csv --tracks T --report DIR`: scores tracks against truth
 * (GOSPA/OSPA and components, RMS, continuity, SIAP, …) and writes `report.html` (self-contained,
 * inline SVG), `summary.json` and `per_scan.csv`. Tracks are a neutral `tracks.csv` or the
 * NDJSON of `skywatch track --out` (converted to the ENU frame of `scenario.json`'s radar site).
 *
 * `skywatch bench-track SCENARIO_DIR --out tracks.csv`: runs the Skywatch tracker on a neutral
 * benchmark scenario's `detections.csv` (never reading its truth labels) and writes the
 * neutral `tracks.csv` (+ `timing.json`), so Skywatch is scored on the same detections as the
 * peer trackers of `../shared/bench/`.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import {
  evaluate, htmlReport, parseDetectionsCsv, parseNeutralScenario, parseTracksCsv, parseTruthCsv, seriesCsv, writeTracksCsv,
  type Alignment, type NeutralScenario, type TrackPoint,
} from "../evaluation/index.js";
import { enuFrame, fromDegrees, geodeticToEnu, rotateEnu, type EnuFrame } from "../geo/index.js";
import { neutralReports, neutralSensor } from "../sim/index.js";
import { ensureDir, readText, refuseOverwrite } from "./common.js";
import { createTracker, type TrackerOptions, type TrackerStats } from "../tracking/index.js";
import type { SystemTrack, TrackUpdate } from "../types/index.js";

function parseNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got "${v}"`);
  return n;
}

function parseJsonObject(v: string): Record<string, unknown> {
  let o: unknown;
  try {
    o = JSON.parse(v);
  } catch {
    throw new InvalidArgumentError("expected a JSON object");
  }
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new InvalidArgumentError("expected a JSON object");
  return o as Record<string, unknown>;
}

function siteFrame(s: NeutralScenario): EnuFrame {
  return enuFrame(fromDegrees(s.site.latDeg, s.site.lonDeg, s.site.heightM));
}

/** A system track as a neutral track row (ENU of `frame`, time from `epoch`). */
export function trackRow(t: SystemTrack, frame: EnuFrame, epoch: number, updated: boolean): TrackPoint {
  const p = geodeticToEnu(t.position, frame);
  const v = rotateEnu(t.velocity, enuFrame(t.position), frame);
  return { time: t.time - epoch, trackId: String(t.trackNumber), east: p.east, north: p.north, up: p.up, velEast: v.east, velNorth: v.north, velUp: v.up, updated };
}

/**
 * Track rows from `skywatch track` NDJSON lines: updates of confirmed and coasting tracks
 * (tentative tracks and deletions left out), converted to the ENU frame.
 * @throws Error naming the line of bad JSON.
 */
export function trackPointsFromNdjson(text: string, frame: EnuFrame, epoch: number): TrackPoint[] {
  const out: TrackPoint[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let o: { time: number; event: string; status: string; trackNumber: number; latDeg: number; lonDeg: number; altitudeM: number; velocityMps: { east: number; north: number; up: number } };
    try {
      o = JSON.parse(line);
    } catch {
      throw new Error(`tracks line ${i + 1}: not JSON`);
    }
    if (o.event === "deleted" || o.status === "tentative") return;
    const pos = fromDegrees(o.latDeg, o.lonDeg, o.altitudeM);
    const p = geodeticToEnu(pos, frame);
    const v = rotateEnu(o.velocityMps, enuFrame(pos), frame);
    out.push({ time: o.time - epoch, trackId: String(o.trackNumber), east: p.east, north: p.north, up: p.up, velEast: v.east, velNorth: v.north, velUp: v.up, updated: o.event !== "coasting" });
  });
  return out;
}

const DEG = Math.PI / 180;

/** The radar horizon of a neutral scenario (`earth.horizon_masking`), as tracker coverage fields. */
function horizonOf(scen: NeutralScenario): { antennaAgl: number; k: number } | undefined {
  const earth = scen.raw.earth as { horizon_masking?: unknown; horizon_k_factor?: unknown } | undefined;
  if (earth?.horizon_masking === false) return undefined;
  const k = typeof earth?.horizon_k_factor === "number" ? earth.horizon_k_factor : 4 / 3;
  return { antennaAgl: scen.site.antennaHeightAglM, k };
}

/**
 * Runs the tracker over a neutral scenario's detections; returns the rows and the timed seconds.
 * Rows: every update of a confirmed track, and at the end of each scan every live confirmed
 * track not updated in it, predicted to the scan's end, as long as it has missed at most
 * `reportCoastScans` scans in a row (a track missed twice with Pd 0.9 is more likely gone than
 * present; the tracker still holds it for re-association until `maxMissedScans`).
 */
export function trackNeutral(scen: NeutralScenario, detectionsText: string, options: Partial<TrackerOptions> = {}, reportCoastScans = 1): { rows: TrackPoint[]; wallS: number; detections: number; stats: TrackerStats } {
  const dets = parseDetectionsCsv(detectionsText).map((d) => ({ time: d.time, range: d.range, azimuth: d.azimuth, elevation: d.elevation }));
  const radar = {
    latDeg: scen.site.latDeg, lonDeg: scen.site.lonDeg, heightM: scen.site.heightM, scanPeriod: scen.grid.period, nScans: scen.grid.nScans,
    sigmaRange: scen.radar.sigmaRangeM, sigmaAzimuth: scen.radar.sigmaAzimuthRad, sigmaElevation: scen.radar.sigmaElevationRad,
  };
  const epoch = 1_700_000_000;
  const reports = neutralReports(radar, dets, epoch);
  const frame = siteFrame(scen);
  const T = scen.grid.period;
  const started = performance.now();
  const coverage = {
    minRange: scen.radar.minRangeM, maxRange: scen.radar.maxRangeM, minElevation: scen.radar.elevationMinDeg * DEG, maxElevation: scen.radar.elevationMaxDeg * DEG,
    ...(horizonOf(scen) ?? {}),
  };
  const tracker = createTracker([{ ...neutralSensor(radar), coverage }], { refractionK: 1, ...options });
  const rows: TrackPoint[] = [];
  const lastScan = new Map<number, number>();
  const take = (us: TrackUpdate[]): void => {
    for (const u of us) {
      if (u.event === "deleted" || u.event === "coasting" || u.track.status === "tentative") continue;
      const row = trackRow(u.track, frame, epoch, true);
      rows.push(row);
      lastScan.set(u.track.trackNumber, Math.floor(row.time / T));
    }
  };
  for (const r of reports) {
    take(tracker.process(r));
    if (r.kind === "service" && r.messageType === "northMarker") {
      // Every live confirmed track is reported at least once per scan: predict the silent ones to the scan's end.
      const k = Math.round((r.time - epoch) / T) - 1;
      if (k < 0) continue;
      const tEnd = epoch + (k + 1) * T - 1e-3;
      for (const t of tracker.tracks()) {
        if (t.status === "tentative" || lastScan.get(t.trackNumber) === k) continue;
        // A track silent for more than `reportCoastScans` scans is more likely gone than missed.
        if (k - Math.floor((t.lastUpdateTime - epoch) / T) > reportCoastScans) continue;
        const dt = tEnd - t.time;
        const f = enuFrame(t.position);
        const e = geodeticToEnu(t.position, frame);
        const v = rotateEnu(t.velocity, f, frame);
        rows.push({ time: tEnd - epoch, trackId: String(t.trackNumber), east: e.east + v.east * dt, north: e.north + v.north * dt, up: e.up + v.up * dt, velEast: v.east, velNorth: v.north, velUp: v.up, updated: false });
        lastScan.set(t.trackNumber, k);
      }
    }
  }
  const wallS = (performance.now() - started) / 1000;
  return { rows, wallS, detections: dets.length, stats: tracker.stats() };
}

interface EvaluateOptions {
  truth: string;
  tracks: string;
  scenario?: string;
  report: string;
  c?: number;
  p?: number;
  alpha?: number;
  align?: Alignment;
  title?: string;
}

/** Registers `evaluate` and `bench-track`. */
export function evaluateCommand(program: Command): void {
  program
    .command("evaluate")
    .description("score tracks against truth: HTML report with plots, summary.json, per_scan.csv")
    .requiredOption("--truth <file>", "truth.csv (neutral format)")
    .requiredOption("--tracks <file>", "tracks.csv (neutral format) or NDJSON from skywatch track")
    .option("--scenario <file>", "scenario.json (default: beside the truth)")
    .requiredOption("--report <dir>", "output directory")
    .option("--c <m>", "GOSPA/OSPA cut-off, metres (default 1000)", parseNumber)
    .option("--p <n>", "GOSPA/OSPA order (default 2)", parseNumber)
    .option("--alpha <a>", "GOSPA alpha (default 2)", parseNumber)
    .option("--align <mode>", "truth alignment: interp or none (default interp)", (v) => {
      if (v !== "interp" && v !== "none") throw new InvalidArgumentError("expected interp or none");
      return v as Alignment;
    })
    .option("--title <text>", "report title")
    .action((opts: EvaluateOptions) => {
      const truthText = readText(opts.truth, "truth");
      const text = readText(opts.tracks, "tracks");
      const scen = parseNeutralScenario(readText(opts.scenario ?? join(dirname(opts.truth), "scenario.json"), "scenario"));
      const truth = parseTruthCsv(truthText, opts.truth);
      const tracks = opts.tracks.endsWith(".csv") ? parseTracksCsv(text, opts.tracks) : trackPointsFromNdjson(text, siteFrame(scen), scen.startTimeUtc ?? 0);
      const ev = evaluate(truth, tracks, scen.grid, { gospa: { ...(opts.c !== undefined ? { c: opts.c } : {}), ...(opts.p !== undefined ? { p: opts.p } : {}), ...(opts.alpha !== undefined ? { alpha: opts.alpha } : {}) }, align: opts.align });
      ensureDir(opts.report);
      const reportFiles = ["report.html", "summary.json", "per_scan.csv"].map((f) => join(opts.report, f));
      for (const f of reportFiles) refuseOverwrite(f, [opts.truth, opts.tracks, opts.scenario ?? join(dirname(opts.truth), "scenario.json")]);
      const name = typeof scen.raw.scenario_name === "string" ? scen.raw.scenario_name : dirname(opts.truth);
      writeFileSync(join(opts.report, "report.html"), htmlReport(ev, opts.title ?? `Skywatch evaluation: ${name}`, [`truth ${opts.truth}; tracks ${opts.tracks}`]));
      const { series, timelines, ...summary } = ev;
      writeFileSync(join(opts.report, "summary.json"), JSON.stringify({ truth: opts.truth, tracks: opts.tracks, ...summary, continuity: { ...summary.continuity, targets: undefined } }, null, 1) + "\n");
      writeFileSync(join(opts.report, "per_scan.csv"), seriesCsv(series));
      void timelines;
      const b = ev.bench;
      process.stdout.write(`mean GOSPA ${b.mean_gospa?.toFixed(1)} m (loc ${b.mean_localisation?.toExponential(3)}, missed ${b.mean_missed?.toExponential(3)}, false ${b.mean_false?.toExponential(3)} m²), ` +
        `mean OSPA ${b.mean_ospa?.toFixed(1)} m, RMS ${b.rms_localisation_m?.toFixed(1)} m, ${b.n_track_ids} track ids, ${b.id_switches} ID switches; report in ${opts.report}\n`);
    });

  program
    .command("bench-track")
    .description("track a neutral benchmark scenario's detections.csv; write tracks.csv and timing.json")
    .argument("<scenarioDir>", "directory with detections.csv and scenario.json")
    .requiredOption("-o, --out <file>", "tracks.csv to write (timing.json beside it)")
    .option("--tracker-options <json>", "tracker option overrides as JSON, e.g. '{\"confirmHits\":2}'", parseJsonObject)
    .action((dir: string, opts: { out: string; trackerOptions?: Partial<TrackerOptions> }) => {
      const inputs = [join(dir, "scenario.json"), join(dir, "detections.csv"), join(dir, "truth.csv")];
      const timing = join(dirname(opts.out), "timing.json");
      refuseOverwrite(opts.out, inputs);
      refuseOverwrite(timing, inputs);
      const scen = parseNeutralScenario(readText(inputs[0], "scenario"));
      const res = trackNeutral(scen, readText(inputs[1], "detections"), opts.trackerOptions);
      ensureDir(dirname(opts.out));
      writeFileSync(opts.out, writeTracksCsv(res.rows));
      writeFileSync(timing, JSON.stringify({
        tracker: "skywatch", scenario: dir, wall_s: res.wallS, n_detections: res.detections, detections_per_s: res.detections / res.wallS,
        n_track_rows: res.rows.length, timed_section: "the tracker loop (association, filtering, initiation, deletion, in-memory rows); excludes CSV reading and writing and building the plot reports",
      }, null, 1) + "\n");
      process.stderr.write(`${res.detections} detections tracked in ${res.wallS.toFixed(2)} s (${(res.detections / res.wallS).toFixed(0)} detections/s); ${res.rows.length} track rows in ${opts.out}\n`);
      if (res.rows.length === 0) {
        process.stderr.write("skywatch: no confirmed track: check the scenario and the tracker options\n");
        process.exitCode = 1;
      }
    });
}
