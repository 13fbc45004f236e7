/**
 * Public face of the tracking module: the multi-target tracker and its parts.
 *
 * ## Model
 * - Frames: WGS-84 ⇄ ECEF ⇄ a local ENU tangent plane (the *system frame*) at the first
 *   sensor's site or `options.origin` (`geo/wgs84.ts`).
 * - Measurement: a radar plot (slant range, azimuth, and Mode C altitude / 3D height /
 *   elevation) is converted to the system frame through the 4/3-effective-earth model of
 *   `geo/radar.ts`; a plot without height takes the associated track's predicted height, or
 *   `defaultHeight` (± `defaultHeightSigma`) when starting a track, and updates only east/north.
 * - Filter: converted-measurement extended Kalman filter (covariance propagated through the
 *   Jacobian of the conversion), nearly-constant-velocity model with state
 *   [e, n, u, ve, vn, vu] (m, m/s), separate horizontal/vertical process noise, Joseph-form
 *   update with symmetrisation. Manoeuvres: the process noise of a track is scaled up (≤
 *   `maxQScale`) while its smoothed normalised innovation squared exceeds `nisThreshold`, and
 *   after a missed scan (single-model stand-in for an IMM).
 * - Association: per-sensor plot batches, χ² Mahalanobis gate, global nearest neighbour by
 *   optimal assignment per independent cluster, costs d² + ln(|S|/|R|) with identity terms
 *   (Mode S equal favoured / different forbidden; Mode 3/A equal favoured / different penalised).
 * - ADS-B: a report's WGS-84 position goes straight to the system frame (`convertAdsb`, pressure
 *   altitude preferred, covariance from NACp/NUCp), associated first by ICAO address; each
 *   receiver is a sensor with the nominal update period `adsbUpdatePeriod`.
 * - Track management: tentative → confirmed by M-of-N scans → coasting on a missed scan →
 *   deleted after too many misses or too long without update. Track numbers start at 1 and
 *   are never reused.
 */
export { createTracker } from "./tracker.js";
export type { Tracker, TrackerStats } from "./tracker.js";
export { DEFAULT_TRACKER_OPTIONS, TrackerConfigError } from "./options.js";
export type { TrackerOptions } from "./options.js";
export { linearAssignment, assignWithMissCost, AssignmentError } from "./assignment.js";
export type { AssignmentResult } from "./assignment.js";
export { chiSquareQuantile, chiSquareCdf, chiSquareGate } from "./gating.js";
export type { Gate } from "./gating.js";
export { ncvModel, STATE_DIM } from "./motion_model.js";
export type { MotionModel } from "./motion_model.js";
export { convertPlot, convertAdsb } from "./measurement.js";
export type { ConvertedPlot, HeightSource, MeasurementOptions, AdsbMeasurementOptions } from "./measurement.js";
