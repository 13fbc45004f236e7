/**
 * Tracker parameters, their meaning, units and defaults.
 */
import type { Geodetic } from "../types/index.js";
import { STANDARD_K } from "../geo/index.js";
import type { MotionModelOption } from "./motion_models.js";

/** Every parameter of the tracker. Units are SI unless the name says otherwise. */
export interface TrackerOptions {
  /**
   * Origin of the system ENU tangent plane (WGS-84 radians, metres). Default: undefined,
   * meaning the site of the first sensor given to `createTracker`.
   */
  origin?: Geodetic;
  /** Refraction factor k of the effective earth radius; 4/3 = standard atmosphere (ITU-R P.453). */
  refractionK: number;

  /**
   * Motion models of the IMM filter (`imm.ts`), 1 to 8; a single model gives a plain Kalman
   * filter. Default: a quiet NCV for straight flight, left and right coordinated turns at
   * 3°/s, and a noisy NCV for manoeuvres (see `DEFAULT_MOTION_MODELS`).
   */
  motionModels: MotionModelOption[];
  /**
   * Vertical manoeuvre adaptation of every model's vertical process noise (`imm.ts`,
   * `VerticalAdaptation`): memory λ of the smoothed normalised vertical innovation, the
   * threshold above which the noise is raised, and the largest scale (1 turns it off). The
   * models are vertically quiet (level flight averages the height errors of a 3D radar down);
   * this lets a Mode C or ADS-B height follow a climb or descent as it starts.
   */
  verticalNisMemory: number;
  verticalNisThreshold: number;
  maxVerticalQScale: number;
  /**
   * Process-noise scale (≥ 1) applied to the predictions of a track that has missed a scan, so
   * that its gate opens for a target that manoeuvred out of it; back to 1 at the next update.
   */
  missQScale: number;

  /**
   * Polar plot → system frame: "linearised" (EKF: Jacobian of the conversion) or "unscented"
   * (UKF: sigma points through the conversion, which also removes the conversion bias at long
   * range); see `measurement.ts`.
   */
  measurementConversion: "linearised" | "unscented";
  /** 1-sigma Mode C altitude error when the sensor gives none, metres (25 ft quantisation plus lag). */
  modeCSigma: number;
  /** 1-sigma 3D-radar height error when no elevation sigma is known, metres. */
  height3DSigma: number;
  /** Assumed height (m above the ellipsoid) of a plot without any height when no track gives one (PSR-only 2D). */
  defaultHeight: number;
  /** 1-sigma of `defaultHeight`, metres. */
  defaultHeightSigma: number;
  /** Extra 1-sigma (m) added in quadrature to a track's predicted height sigma when it serves as a 2D plot's height. */
  trackHeightSigmaFloor: number;

  /** 1-sigma of each horizontal velocity component of a new track (zero mean), m/s. */
  initialSpeedSigma: number;
  /** 1-sigma of the vertical velocity of a new track (zero mean), m/s. */
  initialVerticalSpeedSigma: number;
  /** Maximum target speed, m/s: a one-plot track only takes a second plot reachable at this speed. */
  maxSpeed: number;

  /** Gate probability P_G of the chi-square Mahalanobis gate (0 < P_G < 1). */
  gateProbability: number;
  /** Gate probability used when plot and track carry the same Mode S address (wider). */
  modeSGateProbability: number;
  /**
   * A plot and a track with the same Mode S address are associated, whatever the Mahalanobis
   * distance, when the plot lies within `maxSpeed`·Δt + 3σ of the predicted position plus this
   * margin, metres. The address is unique per airframe (ICAO Annex 10 Vol. III, §3.1.2.4.1.2.3),
   * so a large innovation means a poor measurement or a manoeuvre, not another aircraft; the
   * update then down-weights the plot (its covariance scaled by d²/γ) instead of dropping it.
   */
  modeSReach: number;
  /**
   * A confirmed track with a Mode S address coasts up to this long without update before it
   * is deleted (instead of `maxMissedScans` scans): it bridges the cone of silence over the
   * radar and short fades, and the address re-associates it afterwards. Seconds.
   */
  modeSMaxCoastTime: number;
  /**
   * A new track whose Mode S address belonged to a track deleted at most this long ago takes
   * that track's number back, so that an aircraft keeps one system track number through a long
   * fade (terrain, a long stop on the apron, leaving and re-entering coverage).
   * Seconds; 0 disables it. Numbers are never given to another address.
   */
  modeSNumberMemory: number;
  /**
   * Cost of leaving a plot unassigned (it then starts a tentative track), in the units of the
   * association cost d² + ln(|S|/|R|) (dimensionless; see `association.ts`).
   */
  nonAssignmentCost: number;
  /**
   * Cost added for a pair with a tentative track: a plot is more likely to belong to an
   * established track, which keeps a fresh tentative track from seducing a plot away from a
   * manoeuvring confirmed one.
   */
  tentativeTrackPenalty: number;
  /** Cost subtracted when plot and track have the same Mode S address. */
  modeSMatchBonus: number;
  /** Cost subtracted when plot and track have the same Mode 3/A code. */
  mode3AMatchBonus: number;
  /** Cost added when plot and track both have a Mode 3/A code and they differ (codes can change; not forbidden). */
  mode3AMismatchPenalty: number;

  /**
   * How plots update tracks: "gnn" (global nearest neighbour: the one plot of an optimal
   * assignment per cluster) or "jpda" (joint probabilistic data association: each track is
   * updated with all its gated plots weighted by their marginal association probabilities over
   * the cluster, `jpda.ts`; the GNN assignment still decides hits, misses and initiation, and a
   * Mode S match is a hard update). JPDA helps in dense clutter at some cost in speed.
   */
  associator: "gnn" | "jpda";
  /** Detection probability assumed by JPDA. */
  detectionProbability: number;
  /** Spatial density of false plots with height (3D radar, Mode C) assumed by JPDA, per m³. */
  clutterDensity3D: number;
  /** Spatial density of false plots without height assumed by JPDA, per m². */
  clutterDensity2D: number;

  /** M of the M-of-N confirmation logic: hits needed … */
  confirmHits: number;
  /** … within the last N scans (1 ≤ M ≤ N ≤ 30). */
  confirmWindow: number;
  /** A confirmed or coasting track is deleted after this many consecutive missed scans. */
  maxMissedScans: number;
  /**
   * Delete a track (without Mode S address) at its first missed scan when its predicted position
   * lies outside the stated coverage of every sensor (`Sensor.coverage`: range, elevation,
   * radar horizon): its target has left the covered volume, and coasting would only show a
   * false track. Needs every sensor to state its coverage; otherwise it never triggers.
   */
  deleteOutOfCoverage: boolean;
  /** A tentative track is deleted after this many consecutive missed scans. */
  maxMissedScansTentative: number;
  /** Any track is deleted when it has not been updated for this long, seconds. */
  maxCoastTime: number;
  /** A scan counts as missed once `(1 + missTolerance)` scan periods have passed without a plot (fraction of a period). */
  missTolerance: number;
  /** Scan period of a sensor without a `rotationPeriod`, seconds. */
  defaultScanPeriod: number;

  /** A sensor's plot batch is flushed when it spans more than this fraction of the rotation period. */
  batchWindowFraction: number;
  /** Batch time span for a sensor without rotation period, seconds. */
  batchWindow: number;
  /**
   * A report older than a track's state by up to this much is still associated to it and folded
   * in by an out-of-sequence update (retrodiction, `imm.ts`); an older one is not, seconds. Plots
   * of several radars and ADS-B reach the tracker out of time order by up to a batch window.
   */
  outOfSequenceLag: number;

  /**
   * Nominal update period of an ADS-B receiver, seconds: the "scan" of tracks updated by ADS-B
   * (airborne position squitters come at 2 Hz, DO-260B §2.2.3.3.1.1; a receiver hears most of
   * them), used for M-of-N confirmation and miss counting. Each receiver is a sensor of its own.
   */
  adsbUpdatePeriod: number;
  /** Horizontal 1-sigma per axis of an ADS-B position without NACp/NUCp, metres. */
  adsbPositionSigma: number;

  /**
   * Estimate each radar's range, azimuth and time biases against ADS-B: every radar plot
   * associated to a track whose latest ADS-B report is at most `biasReferenceMaxAge` old is a
   * sample (`bias.ts`); `Tracker.biasEstimates()` reports them.
   */
  estimateBiases: boolean;
  /** Remove the estimated biases from each radar's plots before association (once an estimate exists). */
  correctBiases: boolean;
  /** Largest time between a plot and the ADS-B report used as its reference, seconds. */
  biasReferenceMaxAge: number;
  /** Samples a sensor needs before its bias estimate is reported and used. */
  biasMinSamples: number;
}

const DEG = Math.PI / 180;

/**
 * Default IMM models, tuned on the scenario library and the neutral benchmark scenarios
 * (see `docs/tracker-tuning.md`).
 */
export const DEFAULT_MOTION_MODELS: MotionModelOption[] = Object.freeze([
  { kind: "ncv", name: "cv", qHorizontal: 0.05, qVertical: 0.01, sojournTime: 400, initialProbability: 0.5 },
  { kind: "ct", name: "turn-left", qHorizontal: 0.1, qVertical: 0.01, turnRate: 2 * DEG, sojournTime: 60, initialProbability: 0.1 },
  { kind: "ct", name: "turn-right", qHorizontal: 0.1, qVertical: 0.01, turnRate: -2 * DEG, sojournTime: 60, initialProbability: 0.1 },
  { kind: "ncv", name: "manoeuvre", qHorizontal: 300, qVertical: 0.05, sojournTime: 15, initialProbability: 0.3 },
].map((m) => Object.freeze(m))) as MotionModelOption[];

/** Defaults suited to en-route and terminal radars with 4–12 s scans. */
export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = Object.freeze({
  origin: undefined,
  refractionK: STANDARD_K,
  motionModels: DEFAULT_MOTION_MODELS,
  missQScale: 4,
  verticalNisMemory: 0.5,
  verticalNisThreshold: 1.5,
  maxVerticalQScale: 400,
  measurementConversion: "linearised",
  modeCSigma: 30,
  height3DSigma: 500,
  defaultHeight: 1000,
  defaultHeightSigma: 1500,
  trackHeightSigmaFloor: 50,
  initialSpeedSigma: 250,
  initialVerticalSpeedSigma: 3,
  maxSpeed: 600,
  gateProbability: 0.99999,
  modeSGateProbability: 0.999999,
  modeSReach: 3000,
  modeSMaxCoastTime: 120,
  modeSNumberMemory: 3600,
  nonAssignmentCost: 60,
  tentativeTrackPenalty: 6,
  modeSMatchBonus: 10,
  mode3AMatchBonus: 3,
  mode3AMismatchPenalty: 6,
  associator: "gnn",
  detectionProbability: 0.9,
  clutterDensity3D: 1e-14,
  clutterDensity2D: 1e-10,
  confirmHits: 2,
  confirmWindow: 2,
  maxMissedScans: 3,
  maxMissedScansTentative: 2,
  deleteOutOfCoverage: true,
  maxCoastTime: 60,
  missTolerance: 0.5,
  defaultScanPeriod: 4,
  batchWindowFraction: 1 / 8,
  batchWindow: 0.5,
  outOfSequenceLag: 10,
  adsbUpdatePeriod: 2,
  adsbPositionSigma: 100,
  estimateBiases: true,
  correctBiases: true,
  biasReferenceMaxAge: 2,
  biasMinSamples: 50,
}) as TrackerOptions;

/** Thrown by `createTracker` for an invalid option or sensor list. */
export class TrackerConfigError extends Error {
  /** Name of the offending option (or "sensors"). */
  readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.name = "TrackerConfigError";
    this.option = option;
  }
}

/**
 * Merges user options over the defaults and validates them.
 * @throws TrackerConfigError naming the first invalid option.
 */
export function resolveOptions(options: Partial<TrackerOptions> = {}): TrackerOptions {
  const o: TrackerOptions = { ...DEFAULT_TRACKER_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (!(key in DEFAULT_TRACKER_OPTIONS)) throw new TrackerConfigError(key, "unknown tracker option");
    if (value !== undefined) (o as unknown as Record<string, unknown>)[key] = value;
  }
  for (const key of ["deleteOutOfCoverage", "estimateBiases", "correctBiases"] as const) {
    if (typeof o[key] !== "boolean") throw new TrackerConfigError(key, `must be true or false, got ${String(o[key])}`);
  }
  if (o.origin !== undefined) {
    const g = o.origin as { lat?: unknown; lon?: unknown; height?: unknown };
    const ok = typeof g === "object" && g !== null && typeof g.lat === "number" && Math.abs(g.lat) <= Math.PI / 2 &&
      typeof g.lon === "number" && Math.abs(g.lon) <= 2 * Math.PI && typeof g.height === "number" && Number.isFinite(g.height);
    if (!ok) throw new TrackerConfigError("origin", "must be { lat, lon (radians), height (m) } on WGS-84");
  }
  const positive: (keyof TrackerOptions)[] = [
    "refractionK", "modeCSigma", "height3DSigma", "defaultHeightSigma", "initialSpeedSigma",
    "initialVerticalSpeedSigma", "maxSpeed", "maxCoastTime", "modeSReach", "modeSMaxCoastTime", "defaultScanPeriod", "batchWindowFraction", "batchWindow",
    "adsbUpdatePeriod", "adsbPositionSigma", "biasReferenceMaxAge", "biasMinSamples", "clutterDensity3D", "clutterDensity2D",
  ];
  for (const key of positive) {
    const v = o[key] as number;
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) throw new TrackerConfigError(key, `must be a positive number, got ${String(v)}`);
  }
  const nonNegative: (keyof TrackerOptions)[] = [
    "trackHeightSigmaFloor", "tentativeTrackPenalty", "modeSMatchBonus", "mode3AMatchBonus",
    "mode3AMismatchPenalty", "missTolerance", "outOfSequenceLag", "modeSNumberMemory",
  ];
  for (const key of nonNegative) {
    const v = o[key] as number;
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) throw new TrackerConfigError(key, `must be a non-negative number, got ${String(v)}`);
  }
  if (o.measurementConversion !== "linearised" && o.measurementConversion !== "unscented") {
    throw new TrackerConfigError("measurementConversion", `must be "linearised" or "unscented", got ${String(o.measurementConversion)}`);
  }
  if (o.associator !== "gnn" && o.associator !== "jpda") throw new TrackerConfigError("associator", `must be "gnn" or "jpda", got ${String(o.associator)}`);
  if (!(o.detectionProbability > 0 && o.detectionProbability <= 1)) throw new TrackerConfigError("detectionProbability", `must be in (0, 1], got ${o.detectionProbability}`);
  if (!(o.verticalNisMemory >= 0 && o.verticalNisMemory < 1)) throw new TrackerConfigError("verticalNisMemory", `must be in [0, 1), got ${o.verticalNisMemory}`);
  if (!(o.verticalNisThreshold > 0)) throw new TrackerConfigError("verticalNisThreshold", `must be positive, got ${o.verticalNisThreshold}`);
  if (!(o.maxVerticalQScale >= 1 && Number.isFinite(o.maxVerticalQScale))) throw new TrackerConfigError("maxVerticalQScale", `must be ≥ 1, got ${o.maxVerticalQScale}`);
  if (!(o.missQScale >= 1 && Number.isFinite(o.missQScale))) throw new TrackerConfigError("missQScale", `must be ≥ 1, got ${o.missQScale}`);
  if (!Array.isArray(o.motionModels) || o.motionModels.length < 1 || o.motionModels.length > 8) {
    throw new TrackerConfigError("motionModels", "must list 1 to 8 models");
  }
  o.motionModels.forEach((m, i) => {
    const where = `motionModels[${i}]`;
    if (m.kind !== "ncv" && m.kind !== "ct") throw new TrackerConfigError(where, `kind must be "ncv" or "ct", got ${String(m.kind)}`);
    for (const key of ["qHorizontal", "qVertical", "initialProbability"] as const) {
      if (!(Number.isFinite(m[key]) && m[key] >= 0)) throw new TrackerConfigError(`${where}.${key}`, `must be a non-negative number, got ${String(m[key])}`);
    }
    if (!(Number.isFinite(m.sojournTime) && m.sojournTime > 0)) throw new TrackerConfigError(`${where}.sojournTime`, `must be a positive number, got ${String(m.sojournTime)}`);
    if (m.kind === "ct" && !(Number.isFinite(m.turnRate) && m.turnRate !== 0)) throw new TrackerConfigError(`${where}.turnRate`, "a ct model needs a non-zero finite turn rate (rad/s)");
  });
  if (!(o.motionModels.reduce((a, m) => a + m.initialProbability, 0) > 0)) throw new TrackerConfigError("motionModels", "initial probabilities sum to zero");
  for (const key of ["gateProbability", "modeSGateProbability"] as const) {
    if (!(o[key] > 0 && o[key] < 1)) throw new TrackerConfigError(key, `must be in (0, 1), got ${o[key]}`);
  }
  if (!(Number.isFinite(o.nonAssignmentCost) && o.nonAssignmentCost > 0)) throw new TrackerConfigError("nonAssignmentCost", `must be a positive number, got ${String(o.nonAssignmentCost)}`);
  if (!Number.isFinite(o.defaultHeight)) throw new TrackerConfigError("defaultHeight", "must be finite");
  if (!(Number.isInteger(o.confirmWindow) && o.confirmWindow >= 1 && o.confirmWindow <= 30)) {
    throw new TrackerConfigError("confirmWindow", `must be an integer in [1, 30], got ${o.confirmWindow}`);
  }
  if (!(Number.isInteger(o.confirmHits) && o.confirmHits >= 1 && o.confirmHits <= o.confirmWindow)) {
    throw new TrackerConfigError("confirmHits", `must be an integer in [1, confirmWindow], got ${o.confirmHits}`);
  }
  for (const key of ["maxMissedScans", "maxMissedScansTentative"] as const) {
    if (!(Number.isInteger(o[key]) && o[key] >= 1)) throw new TrackerConfigError(key, `must be a positive integer, got ${o[key]}`);
  }
  return o;
}
