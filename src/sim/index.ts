/**
 * Public face of the simulator: scenarios (targets flying waypoint routes, traffic generators,
 * recorded flights), scenario files, a rotating 3D radar with Mode S (radar-equation detection,
 * clutter, horizon and terrain masking), an ADS-B ground station, ground truth, the neutral
 * benchmark format, and the built-in Chișinău scenario that `skywatch start` runs when no data
 * is given. Output is report-level (`SensorReport` batches with truth) or encoded
 * ASTERIX CAT048/CAT034 blocks, so simulated data goes through the same decoder and tracker as
 * recorded data. Deterministic: the same seed gives the same reports and bytes.
 */
import type { Sensor } from "../types/index.js";
import { BUILTIN_SCENARIO } from "./builtin.js";
import { scenarioBlocks, type TimedBlock } from "./blocks.js";
import { radarSensor } from "./radar.js";
import { compileScenario, truthAt, type CompiledScenario, type TruthSample } from "./scenario.js";
import { scenarioReports, type ReportBatch, type RunOptions } from "./stream.js";

export { ScenarioError } from "./errors.js";
export { mulberry32, gaussian, hash32, streamFor, skip, type Random } from "./random.js";
export {
  compileTrajectory, trajectoryStateAt, trajectoryPositionAt, trajectoryPositionInto, trajectoryAzimuthAt, azimuthView, targetStateAt,
  STANDARD_GRAVITY, DEFAULT_BANK_ANGLE, type AzimuthView, type Waypoint, type RouteSpec, type Trajectory, type TargetState, type TimedTrajectory,
} from "./trajectory.js";
export {
  RADAR_DEFAULTS, radarSensor, radarSite, inCoverage, beamTime, observe, serviceMessage,
  type RadarSpec, type RadarRunOptions,
} from "./radar.js";
export {
  compileScenario, activeTargets, truthAt,
  type TargetClass, type TransponderKind, type TargetIdentity, type TargetSpec, type ScenarioSpec,
  type CompiledTarget, type CompiledScenario, type TargetInstance, type TruthSample,
} from "./scenario.js";
export { scenarioReports, MAX_PLOTS_PER_BATCH, type ReportBatch, type RunOptions } from "./stream.js";
export { scenarioBlocks, type TimedBlock } from "./blocks.js";
export { BUILTIN_SCENARIO, BUILTIN_RADAR, BUILTIN_TARGETS, LUKK } from "./builtin.js";
export {
  GM200_DETECTION, DEFAULT_RCS, signalToNoise, swerling1Pd, snrDetectionProbability, poisson, type SnrDetectionModel,
} from "./detection.js";
export { clutterPlots, clutterEchoes } from "./clutter.js";
export { applyTerrain, terrainMaskFrom, viewshedTerrainMask, type TerrainMask } from "./terrain.js";
export { adsbWindow, nacpSigma, NACP_EPU, type AdsbStationSpec, type AdsbOutput, type AdsbRunOptions } from "./adsb.js";
export {
  modeSCrc, cprNL, cprEncode, encodeAirbornePosition, encodeAirborneVelocity, encodeIdentification, beastRecord, writeBeastRecord, MAX_BEAST_RECORD,
} from "./modes_encoder.js";
export { REGION_AIRPORTS, generateTraffic, type Airport, type GeneratorSpec, type LatLon } from "./traffic.js";
export { replayOpenSky, type ReplaySpec } from "./replay.js";
export { ScenarioFileSchema, loadScenario, type ScenarioFile, type Simulation } from "./scenario_file.js";
export { NeutralRecorder, sensorBiases, type NeutralTruthRow, type NeutralDetectionRow, type SensorBiasEntry } from "./neutral_output.js";
export { neutralSensor, neutralReports, NEUTRAL_SENSOR_ID, type NeutralRadar, type NeutralPlot } from "./neutral_input.js";
export { encodeBatch, type EncodedBatch } from "./output.js";

let compiled: CompiledScenario | undefined;

/** The built-in scenario, compiled once. */
export function builtinScenario(): CompiledScenario {
  compiled ??= compileScenario(BUILTIN_SCENARIO);
  return compiled;
}

/**
 * The built-in scenario as a time-ordered stream of encoded ASTERIX blocks (one CAT048 block
 * per sector with plots, one CAT034 block per sector crossing / north marker), lazily, from
 * `startTime` (UTC s, the first north marker) for `duration` s (default Infinity).
 * `seed` (integer, default 1) fixes the noise and detections: same seed, same bytes.
 * @throws ScenarioError on a non-finite start time, negative duration or non-integer seed.
 */
export function* builtinScenarioBlocks(options: { startTime: number; duration?: number; seed?: number }): Generator<TimedBlock> {
  yield* scenarioBlocks(builtinScenario(), options);
}

/** The sensors of the built-in scenario (for the tracker and the server). */
export function builtinSensors(): Sensor[] {
  return builtinScenario().radars.map(radarSensor);
}

/**
 * The built-in scenario at report level (before encoding), with the ground truth of every
 * target the beam passed in each plot batch. `ideal: true` gives noiseless plots with
 * detection probability 1 inside coverage (tests, evaluation baselines).
 * @throws ScenarioError on bad options.
 */
export function* builtinScenarioReports(options: RunOptions): Generator<ReportBatch> {
  yield* scenarioReports(builtinScenario(), options);
}

/** Ground truth of every target of the built-in scenario at UTC `time`, for a run started at `startTime` (UTC s). */
export function builtinTruthAt(startTime: number, time: number): TruthSample[] {
  return truthAt(builtinScenario(), time - startTime, startTime);
}
