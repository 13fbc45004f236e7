/**
 * Truth-to-track assignment over time: per scan, the truth set and the track set (each track
 * represented by its latest row in the scan), the distances after bringing the truth to each
 * track row's own time (`truth_alignment.ts`), and the optimal GOSPA assignment of the scan.
 * Every other metric (RMS, continuity, SIAP, …) is computed from this one association, so
 * they all agree with the GOSPA figures. Same rules as `../shared/bench/gospa.py`.
 */
import { setDistance } from "./gospa.js";
import { indexTruth, truthPerScan, truthPositionAt, truthVelocityAt, type TargetTruth } from "./truth_alignment.js";
import { EvaluationError, type Alignment, type GospaParams, type ScanGrid, type TrackPoint, type TruthPoint } from "./types.js";

/** One truth–track pair assigned in a scan (distance below the cut-off c). */
export interface AssignedPair {
  targetId: string;
  trackId: string;
  /** 3D distance, m. */
  distance: number;
  /** The track's row in the scan. */
  track: TrackPoint;
  /** Truth position at the track row's time, ENU m. */
  truthPosition: [number, number, number];
  /** Truth velocity at the track row's time, ENU m/s. */
  truthVelocity: [number, number, number];
}

/** Everything about one scan. */
export interface ScanResult {
  scan: number;
  /** Target ids present in the scan (with a truth row in it). */
  targets: string[];
  /** Track ids present in the scan (with a row in it), each with its latest row. */
  tracks: TrackPoint[];
  gospa: number;
  ospa: number;
  localisation: number;
  missed: number;
  false: number;
  pairs: AssignedPair[];
  /** For each track of the scan (same order as `tracks`), the target nearest to it (any distance) and that distance, for SIAP. */
  nearest: { targetId: string | undefined; distance: number }[];
}

/** Options of the association. */
export interface AssociationOptions {
  gospa: GospaParams;
  align: Alignment;
}

/**
 * Associates tracks to truth scan by scan.
 * @throws EvaluationError on an invalid grid or GOSPA parameters.
 */
export function associateScans(truth: readonly TruthPoint[], tracks: readonly TrackPoint[], grid: ScanGrid, options: AssociationOptions): {
  scans: ScanResult[];
  targets: TargetTruth[];
  /** Track rows whose time falls outside every scan. */
  rowsOutside: number;
} {
  const { c, p, alpha } = options.gospa;
  if (!(grid.period > 0) || !(Number.isInteger(grid.nScans) && grid.nScans >= 0)) throw new EvaluationError(`bad scan grid: period ${grid.period} s, ${grid.nScans} scans`);
  if (!(c > 0) || !(p >= 1) || !(alpha > 0 && alpha <= 2)) throw new EvaluationError(`bad GOSPA parameters c=${c} p=${p} alpha=${alpha} (need c > 0, p ≥ 1, 0 < alpha ≤ 2)`);
  const targets = indexTruth(truth);
  const truthSets = truthPerScan(targets, grid);
  const trackSets = Array.from({ length: grid.nScans }, () => new Map<string, TrackPoint>());
  let rowsOutside = 0;
  for (const r of tracks) {
    const k = Math.floor(r.time / grid.period);
    if (!(k >= 0 && k < grid.nScans)) {
      rowsOutside++;
      continue;
    }
    const prev = trackSets[k].get(r.trackId);
    if (prev === undefined || r.time >= prev.time) trackSets[k].set(r.trackId, r);
  }
  const pos = new Float64Array(3);
  const vel = new Float64Array(3);
  const scans: ScanResult[] = [];
  for (let k = 0; k < grid.nScans; k++) {
    const tset = [...truthSets[k]];
    const trk = [...trackSets[k].values()];
    const m = tset.length;
    const n = trk.length;
    const dist = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      const [ti, idx] = tset[i];
      for (let j = 0; j < n; j++) {
        const y = trk[j];
        truthPositionAt(pos, targets[ti], idx, y.time, grid.period, options.align);
        dist[i * n + j] = Math.sqrt((pos[0] - y.east) ** 2 + (pos[1] - y.north) ** 2 + (pos[2] - y.up) ** 2);
      }
    }
    const sd = setDistance(dist, m, n, options.gospa);
    const pairs: AssignedPair[] = sd.pairs.map((q) => {
      const [ti, idx] = tset[q.truth];
      const y = trk[q.estimate];
      truthPositionAt(pos, targets[ti], idx, y.time, grid.period, options.align);
      truthVelocityAt(vel, targets[ti], idx, y.time, grid.period);
      return {
        targetId: targets[ti].targetId, trackId: y.trackId, distance: q.distance, track: y,
        truthPosition: [pos[0], pos[1], pos[2]], truthVelocity: [vel[0], vel[1], vel[2]],
      };
    });
    const nearest = trk.map((_, j) => {
      let best = Infinity;
      let id: string | undefined;
      for (let i = 0; i < m; i++) {
        if (dist[i * n + j] < best) {
          best = dist[i * n + j];
          id = targets[tset[i][0]].targetId;
        }
      }
      return { targetId: id, distance: best };
    });
    scans.push({
      scan: k, targets: tset.map(([ti]) => targets[ti].targetId), tracks: trk,
      gospa: sd.gospa, ospa: sd.ospa, localisation: sd.localisation, missed: sd.missed, false: sd.false, pairs, nearest,
    });
  }
  return { scans, targets, rowsOutside };
}
