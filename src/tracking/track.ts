/**
 * The tracker's internal track record and its public snapshot (`SystemTrack`).
 *
 * State lives here and in the tracker's track table only. The filter state (x, P) is kept at
 * the time of the last update `t`; predictions for output or association are computed into
 * scratch space and never written back, so coasting does not inflate P step by step.
 */
import type { Geodetic, SensorId, SystemTrack, TrackIdentity, TrackStatus } from "../types/index.js";
import type { SystemFrame } from "./system_frame.js";
import type { ImmFilter, ImmState } from "./imm.js";

/** One track in the track table. */
export interface Track {
  /** System track number (≥ 1, never reused). */
  trackNumber: number;
  status: TrackStatus;
  /** Combined IMM state [x, y, h, ẋ, ẏ, ḣ] in the system frame (`system_frame.ts`) at time `t` (m, m/s). */
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
   * Time of the update that opened the current scan: a track updated several times per scan
   * period (several radars, ADS-B) counts scans from it, not from its last update.
   */
  scanStart: number;
  identity: TrackIdentity;
  /** Last Mode C pressure altitude, metres. */
  pressureAltitude?: number;
  /** Sensors that have updated the track, in order of first contribution. */
  sensors: SensorId[];
  /** The IMM filter state at time `t`; `x` and `p` above are its combined state and covariance (same arrays). */
  imm: ImmState;
  /** Process-noise scale (≥ 1) of predictions: raised after a missed scan, 1 after an update. */
  qScale: number;
  /** The latest ADS-B report of the track (position at the height used for it), the reference of radar bias estimation. */
  adsbReference?: { time: number; position: Geodetic; sigma: number };
  /** UTC seconds of the last update per contributing sensor (CAT062 I062/290 ages). */
  sensorUpdateTimes: Map<SensorId, number>;
  /** UTC seconds of the latest emitted snapshot (update or coast). */
  eventTime: number;
}

const xs = new Float64Array(6);
const ps = new Float64Array(36);

/**
 * Snapshot of a track at `time` (UTC s): the state predicted from `t` (never backwards),
 * position converted to WGS-84 and velocity rotated into the ENU frame at the track's position.
 */
export function snapshot(track: Track, time: number, filter: ImmFilter, frame: SystemFrame): SystemTrack {
  const at = Math.max(time, track.t);
  const dt = at - track.t;
  filter.predict(track.imm, dt, xs, ps, track.qScale);
  const position = frame.toGeodetic(xs[0], xs[1], xs[2]);
  const velocity = frame.velocityToEnu(xs);
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
