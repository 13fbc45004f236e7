/**
 * The data the metrics work on: ground truth and track states as points in one local
 * Cartesian frame (ENU, metres, seconds from the scenario start), and the scan grid that
 * cuts time into evaluation instants. The neutral benchmark format (`neutral_format.ts`) and
 * the CLI fill them; every metric is a pure function of them.
 */

/** One ground-truth sample of one target (a `truth.csv` row). Position m, velocity m/s, ENU. */
export interface TruthPoint {
  /** Seconds from the scenario start. */
  time: number;
  /** Target identifier (any string; the neutral format uses integers ≥ 1). */
  targetId: string;
  east: number;
  north: number;
  up: number;
  velEast: number;
  velNorth: number;
  velUp: number;
}

/** One reported track state (a `tracks.csv` row). Position m, ENU; velocity m/s when the tracker gave it. */
export interface TrackPoint {
  /** Seconds from the scenario start: the instant the state is valid for. */
  time: number;
  /** Track identifier, stable for the life of the track (any string without commas). */
  trackId: string;
  east: number;
  north: number;
  up: number;
  velEast?: number;
  velNorth?: number;
  velUp?: number;
  /** False for a coasted (predicted, not measured) state; undefined when unknown (counted as an update). */
  updated?: boolean;
}

/** The evaluation instants: scan k is the interval [k·T, (k+1)·T), k = 0 … nScans − 1. */
export interface ScanGrid {
  /** Scan period T, seconds (> 0). */
  period: number;
  /** Number of scans (≥ 0). */
  nScans: number;
}

/** Parameters of OSPA/GOSPA (Schuhmacher et al. 2008; Rahmathullah, García-Fernández, Svensson 2017). */
export interface GospaParams {
  /** Cut-off distance c, metres (> 0). Default 1000. */
  c: number;
  /** Order p (≥ 1). Default 2. */
  p: number;
  /** GOSPA α, 0 < α ≤ 2. Default 2 (the value with the localisation/missed/false decomposition). */
  alpha: number;
}

/** The defaults of `../shared/bench/gospa.py`: c = 1000 m, p = 2, α = 2. */
export const DEFAULT_GOSPA: GospaParams = Object.freeze({ c: 1000, p: 2, alpha: 2 });

/** How the truth is brought to a track row's time: cubic Hermite interpolation ("interp") or the scan's truth row as is ("none"). */
export type Alignment = "interp" | "none";

/** Bad evaluation input or parameters (names the field or file line). */
export class EvaluationError extends Error {
  constructor(message: string, readonly where?: string) {
    super(where === undefined ? message : `${where}: ${message}`);
    this.name = "EvaluationError";
  }
}
