/**
 * Public face of the tracking module: the multi-target tracker and its parts.
 *
 * ## Model
 * - Frames: WGS-84 ⇄ the *system frame* (`system_frame.ts`): azimuthal equidistant plane on the
 *   local sphere about the first sensor's site or `options.origin`, plus height above the
 *   ellipsoid, so that level straight flight is a straight line.
 * - Measurement: a radar plot (slant range, azimuth, and Mode C altitude / 3D height /
 *   elevation) is converted to the system frame through the 4/3-effective-earth model of
 *   `geo/radar.ts`, its covariance through the Jacobian of the conversion (converted-measurement
 *   EKF); a plot without height takes the associated track's predicted height, or
 *   `defaultHeight` (± `defaultHeightSigma`) when starting a track, and updates only x/y.
 * - Filter: interacting multiple model (`imm.ts`) over the state [x, y, h, ẋ, ẏ, ḣ] (m, m/s)
 *   with the models of `options.motionModels` (default: quiet NCV, left and right coordinated
 *   turns, noisy NCV for manoeuvres; `motion_model.ts`, `motion_models.ts`), Joseph-form updates.
 *   A track that misses a scan predicts with its process noise scaled by `missQScale`.
 * - Gating: a per-batch grid over the plane (`spatial_index.ts`) picks the candidate tracks of
 *   each plot, then a χ² Mahalanobis gate on the combined IMM prediction.
 * - Association: per-sensor plot batches, χ² Mahalanobis gate, global nearest neighbour by
 *   optimal assignment per independent cluster, costs d² + ln(|S|/|R|) with identity terms
 *   (Mode S equal favoured / different forbidden; Mode 3/A equal favoured / different penalised).
 * - ADS-B: a report's WGS-84 position goes straight to the system frame (`convertAdsb`, pressure
 *   altitude preferred, covariance from NACp/NUCp), associated first by ICAO address; each
 *   receiver is a sensor with the nominal update period `adsbUpdatePeriod`.
 * - Track management: tentative → confirmed by M-of-N scans → coasting on a missed scan →
 *   deleted after too many misses, too long without update, or at a miss where no sensor's
 *   stated coverage holds the track (`coverage_check.ts`). Track numbers start at 1 and
 *   are never reused.
 */
export { createTracker } from "./tracker.js";
export type { Tracker, TrackerStats } from "./tracker.js";
export { DEFAULT_TRACKER_OPTIONS, DEFAULT_MOTION_MODELS, TrackerConfigError } from "./options.js";
export type { TrackerOptions } from "./options.js";
export { linearAssignment, assignWithMissCost, AssignmentError } from "./assignment.js";
export type { AssignmentResult } from "./assignment.js";
export { chiSquareQuantile, chiSquareCdf, chiSquareGate } from "./gating.js";
export type { Gate } from "./gating.js";
export { ncvModel, STATE_DIM } from "./motion_model.js";
export type { MotionModel } from "./motion_model.js";
export { convertPlot, convertAdsb } from "./measurement.js";
export { systemFrame } from "./system_frame.js";
export type { SystemFrame } from "./system_frame.js";
export { createImm, ImmConfigError, MAX_MODELS } from "./imm.js";
export type { ImmFilter, ImmState, ImmModelSpec } from "./imm.js";
export { ctModel, motionModelOf } from "./motion_models.js";
export type { MotionModelOption, MotionModelKind } from "./motion_models.js";
export { DiscGrid } from "./spatial_index.js";
export { inCoverage } from "./coverage_check.js";
export { jpdaMarginals, pdaUpdate, logLikelihoodFromCost, JpdaError } from "./jpda.js";
export type { JpdaOptions, JpdaMarginals, JpdaPair } from "./jpda.js";
export { BiasEstimator, biasSample, correctPlot, BiasOptionsError, DEFAULT_BIAS_OPTIONS } from "./bias.js";
export type { BiasSample, BiasReference, SensorBiasEstimate, BiasEstimatorOptions } from "./bias.js";
export type { CoverageAnswer } from "./coverage_check.js";
export type { ConvertedPlot, HeightSource, MeasurementOptions, AdsbMeasurementOptions } from "./measurement.js";
