/**
 * The summary `../shared/bench/gospa.py` writes to `gospa.json`, computed from the scan
 * association: means over all scans (empty scans count, with GOSPA 0), RMS and mean of d over
 * assigned pairs, missed targets and false tracks per scan, distinct track ids, ID switches.
 * Field names are the scorer's, so the two JSON files compare key by key.
 */
import type { ScanResult } from "./scan_association.js";
import type { TargetTruth } from "./truth_alignment.js";
import type { Alignment, GospaParams, ScanGrid, TrackPoint } from "./types.js";
import { idSwitchCount } from "./continuity.js";

/** `gospa.json` fields (snake_case as the scorer writes them). Means are over all scans; null when undefined. */
export interface BenchSummary {
  c: number; p: number; alpha: number; align: Alignment; scan_period_s: number; n_scans: number;
  mean_gospa: number | null; mean_ospa: number | null;
  mean_localisation: number | null; mean_missed: number | null; mean_false: number | null;
  rms_localisation_m: number | null; mean_localisation_error_m: number | null;
  mean_truth_per_scan: number | null; mean_tracks_per_scan: number | null;
  mean_missed_targets_per_scan: number | null; mean_false_tracks_per_scan: number | null;
  n_track_ids: number; n_truth_targets: number; n_targets_ever_assigned: number; id_switches: number;
  track_rows: number; track_rows_outside_scans: number;
}

/** Mean of a list, null for an empty list. */
export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** The `gospa.json` summary of an association. */
export function benchSummary(scans: readonly ScanResult[], targets: readonly TargetTruth[], tracks: readonly TrackPoint[], rowsOutside: number, grid: ScanGrid, params: GospaParams, align: Alignment): BenchSummary {
  const d = scans.flatMap((s) => s.pairs.map((q) => q.distance));
  const two = params.alpha === 2;
  const assigned = new Set(scans.flatMap((s) => s.pairs.map((q) => q.targetId)));
  return {
    c: params.c, p: params.p, alpha: params.alpha, align, scan_period_s: grid.period, n_scans: scans.length,
    mean_gospa: mean(scans.map((s) => s.gospa)),
    mean_ospa: mean(scans.map((s) => s.ospa)),
    mean_localisation: mean(scans.map((s) => s.localisation)),
    mean_missed: two ? mean(scans.map((s) => s.missed)) : null,
    mean_false: two ? mean(scans.map((s) => s.false)) : null,
    rms_localisation_m: d.length > 0 ? Math.sqrt(mean(d.map((x) => x * x)) as number) : null,
    mean_localisation_error_m: mean(d),
    mean_truth_per_scan: mean(scans.map((s) => s.targets.length)),
    mean_tracks_per_scan: mean(scans.map((s) => s.tracks.length)),
    mean_missed_targets_per_scan: mean(scans.map((s) => s.targets.length - s.pairs.length)),
    mean_false_tracks_per_scan: mean(scans.map((s) => s.tracks.length - s.pairs.length)),
    n_track_ids: new Set(tracks.map((t) => t.trackId)).size,
    n_truth_targets: targets.length,
    n_targets_ever_assigned: assigned.size,
    id_switches: idSwitchCount(scans),
    track_rows: tracks.length,
    track_rows_outside_scans: rowsOutside,
  };
}
