/**
 * The tracker's internal track record and its public snapshot (`SystemTrack`).
 *
 * State lives here and in the tracker's track table only. The filter state (x, P) is kept at
 * the time of the last update `t`; predictions for output or association are computed into
 * scratch space and never written back, so coasting does not inflate P step by step.
 */
import type { SensorId, SystemTrack, TrackIdentity, TrackStatus } from "../types/index.js";
import { enuFrame, enuToGeodetic, rotateEnu, type EnuFrame } from "../geo/index.js";
import type { MotionModel } from "./motion_model.js";

/** One track in the track table. */
export interface Track {
  /** System track number (≥ 1, never reused). */
  trackNumber: number;
  status: TrackStatus;
  /** State [e, n, u, ve, vn, vu] in the system ENU frame at time `t` (m, m/s). */
  x: Float64Array;
  /** 6×6 row-major state covariance at time `t`. */
  p: Float64Array;
  /** UTC seconds of `x`, `p`. */
  t: number;
  /** UTC seconds of the last associated plot. */
  lastUpdateTime: number;
  /** Number of plots associated (the initiating plot included). */
  updates: number;
  /** Hit history, one bit per scan, bit 0 = the scan of the last update or miss. */
  hits: number;
  /** Scans elapsed since initiation (including the first). */
  scans: number;
  /** Consecutive missed scans counted so far. */
  misses: number;
  /** Scan period used for miss counting: that of the sensor of the last update, seconds. */
  scanPeriod: number;
  /**
   * Time of the update that opened the current scan, for sensors that report many times per
   * scan period (ADS-B). Undefined for radar-only tracks, whose scans are counted from the last
   * update (see `recordHit`).
   */
  scanStart?: number;
  identity: TrackIdentity;
  /** Last Mode C pressure altitude, metres. */
  pressureAltitude?: number;
  /** Sensors that have updated the track, in order of first contribution. */
  sensors: SensorId[];
  /** Filtered normalised innovation squared (d²/dim; 1 for a consistent filter), manoeuvre detector. */
  nis: number;
  /** Current process-noise scale (≥ 1), raised while `nis` shows a manoeuvre. */
  qScale: number;
  /** UTC seconds of the latest emitted snapshot (update or coast). */
  eventTime: number;
}

/** Parameters of the manoeuvre adaptation. */
export interface ManoeuvreOptions {
  /** λ: memory of the NIS filter (0 = last update only). */
  nisMemory: number;
  /** ν_th: smoothed NIS per dimension above which Q is scaled up. */
  nisThreshold: number;
  /** s_max: largest process-noise scale. */
  maxQScale: number;
}

/** Updates a track's manoeuvre detector after an update with squared Mahalanobis distance `d2` of dimension `dim`. */
export function adaptProcessNoise(track: Track, d2: number, dim: number, o: ManoeuvreOptions): void {
  track.nis = o.nisMemory * track.nis + (1 - o.nisMemory) * (d2 / dim);
  const r = track.nis / o.nisThreshold;
  track.qScale = Math.min(o.maxQScale, Math.max(1, r * r * r * r));
}

const xs = new Float64Array(6);
const ps = new Float64Array(36);

/**
 * Snapshot of a track at `time` (UTC s): the state predicted from `t` (never backwards),
 * position converted to WGS-84 and velocity rotated into the ENU frame at the track's position.
 */
export function snapshot(track: Track, time: number, model: MotionModel, frame: EnuFrame): SystemTrack {
  const at = Math.max(time, track.t);
  const dt = at - track.t;
  model.predictState(track.x, dt, xs);
  model.predictCovariance(track.p, dt, ps, track.qScale);
  const position = enuToGeodetic({ east: xs[0], north: xs[1], up: xs[2] }, frame);
  const velocity = rotateEnu({ east: xs[3], north: xs[4], up: xs[5] }, frame, enuFrame(position));
  const out: SystemTrack = {
    trackNumber: track.trackNumber,
    status: track.status,
    time: at,
    position,
    velocity,
    positionSigma: Math.sqrt(0.5 * (ps[0] + ps[7])),
    identity: { ...track.identity },
    sensors: track.sensors.slice(),
    updates: track.updates,
    lastUpdateTime: track.lastUpdateTime,
  };
  if (track.pressureAltitude !== undefined) out.pressureAltitude = track.pressureAltitude;
  return out;
}
