/**
 * One call for everything: associate tracks to truth scan by scan, then compute every metric
 * from that association. The result is plain data (JSON-ready) for the summary file and the
 * HTML report.
 */
import { accuracy, type Accuracy } from "./accuracy.js";
import { benchSummary, type BenchSummary } from "./bench_summary.js";
import { continuity, type TargetContinuity } from "./continuity.js";
import { falseTracks, type FalseTracks } from "./false_tracks.js";
import { initiationDelay, type InitiationDelay } from "./initiation_delay.js";
import { associateScans, type ScanResult } from "./scan_association.js";
import { siap, type Siap } from "./siap.js";
import { DEFAULT_GOSPA, type Alignment, type GospaParams, type ScanGrid, type TrackPoint, type TruthPoint } from "./types.js";
import { updateProbability, type UpdateProbability } from "./update_probability.js";

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** GOSPA/OSPA parameters (default c = 1000 m, p = 2, α = 2). */
  gospa?: Partial<GospaParams>;
  /** Truth alignment to the track times (default "interp"). */
  align?: Alignment;
}

/** Per-scan series (for plots and `per_scan.csv`). */
export interface ScanSeries {
  scan: number;
  /** Scan start, s. */
  time: number;
  nTruth: number;
  nTracks: number;
  nAssigned: number;
  gospa: number;
  ospa: number;
  localisation: number;
  missed: number;
  false: number;
  /** RMS distance of the scan's assigned pairs, m (null without pairs). */
  rmsError: number | null;
}

/** Everything `evaluate` computes. */
export interface Evaluation {
  params: GospaParams;
  align: Alignment;
  grid: ScanGrid;
  /** The `gospa.py`-compatible summary. */
  bench: BenchSummary;
  accuracy: Accuracy;
  updateProbability: UpdateProbability;
  continuity: {
    idSwitches: number;
    fragmentations: number;
    /** Mean over targets of the longest-segment fraction. */
    meanLongestSegmentFraction: number | null;
    targets: TargetContinuity[];
  };
  falseTracks: FalseTracks;
  initiationDelay: InitiationDelay;
  siap: Siap;
  series: ScanSeries[];
  /** Track timelines: per target, the scans with the track assigned (for the report). */
  timelines: { targetId: string; present: number[]; tracks: (string | null)[] }[];
}

/**
 * Evaluates tracks against truth on a scan grid.
 * @throws EvaluationError on invalid parameters or grid.
 */
export function evaluate(truth: readonly TruthPoint[], tracks: readonly TrackPoint[], grid: ScanGrid, options: EvaluateOptions = {}): Evaluation {
  const params: GospaParams = { ...DEFAULT_GOSPA, ...options.gospa };
  const align = options.align ?? "interp";
  const { scans, targets, rowsOutside } = associateScans(truth, tracks, grid, { gospa: params, align });
  const cont = continuity(scans);
  return {
    params, align, grid,
    bench: benchSummary(scans, targets, tracks, rowsOutside, grid, params, align),
    accuracy: accuracy(scans),
    updateProbability: updateProbability(scans),
    continuity: {
      idSwitches: cont.reduce((a, t) => a + t.idSwitches, 0),
      fragmentations: cont.reduce((a, t) => a + t.fragmentations, 0),
      meanLongestSegmentFraction: cont.length > 0 ? cont.reduce((a, t) => a + t.longestSegmentFraction, 0) / cont.length : null,
      targets: cont,
    },
    falseTracks: falseTracks(scans, grid.period),
    initiationDelay: initiationDelay(scans, grid.period),
    siap: siap(scans, params.c),
    series: scans.map(seriesOf(grid.period)),
    timelines: timelines(scans),
  };
}

function seriesOf(period: number) {
  return (s: ScanResult): ScanSeries => {
    const d2 = s.pairs.reduce((a, q) => a + q.distance * q.distance, 0);
    return {
      scan: s.scan, time: s.scan * period, nTruth: s.targets.length, nTracks: s.tracks.length, nAssigned: s.pairs.length,
      gospa: s.gospa, ospa: s.ospa, localisation: s.localisation, missed: s.missed, false: s.false,
      rmsError: s.pairs.length > 0 ? Math.sqrt(d2 / s.pairs.length) : null,
    };
  };
}

function timelines(scans: readonly ScanResult[]): Evaluation["timelines"] {
  const out = new Map<string, { targetId: string; present: number[]; tracks: (string | null)[] }>();
  for (const s of scans) {
    const by = new Map(s.pairs.map((q) => [q.targetId, q.trackId]));
    for (const id of s.targets) {
      let t = out.get(id);
      if (t === undefined) out.set(id, (t = { targetId: id, present: [], tracks: [] }));
      t.present.push(s.scan);
      t.tracks.push(by.get(id) ?? null);
    }
  }
  return [...out.values()];
}

/** Per-scan series as CSV (the columns of gospa.py's `gospa_per_scan.csv`, plus `rms_error_m`). */
export function seriesCsv(series: readonly ScanSeries[]): string {
  const lines = ["scan,n_truth,n_tracks,n_assigned,n_missed,n_false,gospa,ospa,localisation,missed,false,rms_error_m"];
  for (const s of series) {
    lines.push([s.scan, s.nTruth, s.nTracks, s.nAssigned, s.nTruth - s.nAssigned, s.nTracks - s.nAssigned, s.gospa, s.ospa, s.localisation, s.missed, s.false, s.rmsError ?? ""].join(","));
  }
  return lines.join("\n") + "\n";
}
