/**
 * The tracker's internal track record and its public snapshot (`SystemTrack`).
 *
 * State lives here and in the tracker's track table only. The filter state (x, P) is kept at
 * the time of the last update `t`; predictions for output or association are computed into
 * scratch space and never written back, so coasting does not inflate P step by step.
 */
import type { Geodetic, ModeOfMovement, PlotReport, SensorId, SensorUpdate, SystemTrack, TrackIdentity, TrackStatus, UpdateTechnology } from "../types/index.js";
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
  /**
   * The last update of each sensor of `sensors`, at the same index (CAT062 I062/290 ages):
   * read-only entries, replaced on update ({@link noteSensorUpdate}), so snapshots share them.
   */
  sensorUpdates: SensorUpdate[];
  /** The IMM filter state at time `t`; `x` and `p` above are its combined state and covariance (same arrays). */
  imm: ImmState;
  /** Process-noise scale (≥ 1) of predictions: raised after a missed scan, 1 after an update. */
  qScale: number;
  /** The latest ADS-B report of the track (position at the height used for it), the reference of radar bias estimation. */
  adsbReference?: { time: number; position: Geodetic; sigma: number };
  /** UTC seconds of the latest emitted snapshot (update or coast). */
  eventTime: number;
  /** Index of the track in its tracker's table (`track_table.ts`), −1 when not held by one. */
  slot: number;
}

const xs = new Float64Array(6);
const ps = new Float64Array(36);
const mu = new Float64Array(8);
const acc = new Float64Array(6);

/** The surveillance technology of a plot (I062/290 columns); ADS-B reports reach the tracker as plots without detection type. */
export function technologyOf(plot: PlotReport, adsb: boolean): UpdateTechnology {
  if (adsb) return "adsb";
  switch (plot.detection) {
    case "modeSAllCall":
    case "modeSRollCall":
    case "modeSAllCall+psr":
    case "modeSRollCall+psr":
      return "modeS";
    case "ssr":
    case "ssr+psr":
      return "ssr";
    default:
      return "psr";
  }
}

/**
 * A per-sensor update entry: entries are never changed (their fields are read-only), only
 * replaced, so that every snapshot can share them (a track fused from many radars carries one
 * per radar).
 */
export function sensorUpdateEntry(sensorId: SensorId, plot: PlotReport): SensorUpdate {
  return { sensorId, time: plot.time, technology: technologyOf(plot, plot.detection === "none") };
}

/**
 * Records that `sensorId` updated the track with `plot`: its entry in `sensorUpdates` replaced
 * (I062/290 ages), or the sensor added to `sensors` at its first contribution.
 */
export function noteSensorUpdate(track: Track, sensorId: SensorId, plot: PlotReport): void {
  const entry = sensorUpdateEntry(sensorId, plot);
  const i = track.sensors.indexOf(sensorId);
  if (i >= 0) {
    track.sensorUpdates[i] = entry;
  } else {
    track.sensors.push(sensorId);
    track.sensorUpdates.push(entry);
  }
}

/** Model probability above which a mode of movement is stated rather than "undetermined". */
const MODE_CONFIDENCE = 0.5;

const enum ModelKind { Other, Left, Right, Quiet }

const kindsByFilter = new WeakMap<ImmFilter, ModelKind[]>();

/** Each model of a filter as a left turn, a right turn, the quietest straight model, or other (computed once per filter). */
function modelKinds(filter: ImmFilter): ModelKind[] {
  let kinds = kindsByFilter.get(filter);
  if (kinds) return kinds;
  let quietQ = Infinity;
  for (const m of filter.models) {
    const q = m.processNoise?.[0] ?? Infinity;
    if ((m.turnRate ?? 0) === 0 && q < quietQ) quietQ = q;
  }
  kinds = filter.models.map((m) => {
    const w = m.turnRate ?? 0;
    if (w > 0) return ModelKind.Left;
    if (w < 0) return ModelKind.Right;
    return (m.processNoise?.[0] ?? Infinity) === quietQ ? ModelKind.Quiet : ModelKind.Other;
  });
  kindsByFilter.set(filter, kinds);
  return kinds;
}

/**
 * Mode of movement from the IMM model probabilities `mu` and the vertical rate: a turn when the
 * turn models of one sense hold most of the probability, straight when the quietest straight
 * model does; constant speed when the models that keep the speed (quiet NCV, turns) do; level
 * when the vertical rate is within max(1 m/s, 2σ) of zero (ASTERIX CAT062 I062/200).
 */
function modeOfMovement(filter: ImmFilter, mu: Float64Array, climb: number, climbSigma: number): ModeOfMovement {
  const kinds = modelKinds(filter);
  let left = 0, right = 0, quiet = 0;
  for (let j = 0; j < kinds.length; j++) {
    const k = kinds[j];
    if (k === ModelKind.Left) left += mu[j];
    else if (k === ModelKind.Right) right += mu[j];
    else if (k === ModelKind.Quiet) quiet += mu[j];
  }
  const transversal = left > MODE_CONFIDENCE ? "left" : right > MODE_CONFIDENCE ? "right" : quiet > MODE_CONFIDENCE ? "straight" : "undetermined";
  const longitudinal = left + right + quiet > MODE_CONFIDENCE ? "constant" : "undetermined";
  const level = Math.max(1, 2 * climbSigma);
  const vertical = Math.abs(climb) <= level ? "level" : climb > 0 ? "climb" : "descent";
  return { transversal, longitudinal, vertical };
}

/**
 * Snapshot of a track at `time` (UTC s): the state predicted from `t` (never backwards),
 * position converted to WGS-84 and velocity rotated into the ENU frame at the track's position.
 */
export function snapshot(track: Track, time: number, filter: ImmFilter, frame: SystemFrame): SystemTrack {
  const at = Math.max(time, track.t);
  const dt = at - track.t;
  filter.predict(track.imm, dt, xs, ps, track.qScale, mu);
  const position = frame.toGeodetic(xs[0], xs[1], xs[2]);
  const gamma = frame.convergence(xs[0], xs[1], position);
  const velocity = frame.velocityToEnu(xs, position, gamma);
  // Acceleration: the turn models' ω × v, weighted by their probabilities.
  let omega = 0;
  for (let j = 0; j < filter.models.length; j++) omega += mu[j] * (filter.models[j].turnRate ?? 0);
  acc.set(xs);
  acc[3] = -omega * xs[4];
  acc[4] = omega * xs[3];
  acc[5] = 0;

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
    acceleration: frame.velocityToEnu(acc, position, gamma),
    modeOfMovement: modeOfMovement(filter, mu, xs[5], Math.sqrt(ps[35])),
    sensorUpdates: track.sensorUpdates.slice(),
    velocitySigma: Math.sqrt(0.5 * (ps[21] + ps[28])),
    heightSigma: Math.sqrt(ps[14]),
  };
  if (track.pressureAltitude !== undefined) out.pressureAltitude = track.pressureAltitude;
  return out;
}
