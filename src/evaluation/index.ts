/**
 * Public face of the evaluation module: truth-to-track assignment over time and the metrics
 * that judge a tracker — OSPA, GOSPA (localisation/missed/false), position and velocity RMS,
 * probability of update, continuity (ID switches, fragmentation, longest segment), false
 * tracks, initiation delay and the SIAP set — plus the neutral benchmark format
 * (`../shared/bench/README.md`) and the self-contained HTML report.
 *
 * Everything works in one local ENU frame (m, s from the scenario start) on a scan grid.
 * GOSPA/OSPA and the `gospa.json` summary follow `../shared/bench/gospa.py` exactly.
 */
export { DEFAULT_GOSPA, EvaluationError, type Alignment, type GospaParams, type ScanGrid, type TrackPoint, type TruthPoint } from "./types.js";
export { linearSumAssignment } from "./assignment.js";
export { setDistance, type SetDistance } from "./gospa.js";
export { indexTruth, truthPerScan, truthPositionAt, truthVelocityAt, type TargetTruth } from "./truth_alignment.js";
export { associateScans, type AssignedPair, type ScanResult, type AssociationOptions } from "./scan_association.js";
export { benchSummary, mean, type BenchSummary } from "./bench_summary.js";
export { accuracy, type Accuracy } from "./accuracy.js";
export { continuity, idSwitchCount, type TargetContinuity } from "./continuity.js";
export { updateProbability, type UpdateProbability } from "./update_probability.js";
export { falseTracks, type FalseTracks } from "./false_tracks.js";
export { initiationDelay, type InitiationDelay } from "./initiation_delay.js";
export { siap, type Siap } from "./siap.js";
export { evaluate, seriesCsv, type Evaluation, type EvaluateOptions, type ScanSeries } from "./evaluate.js";
export {
  NEUTRAL_FORMAT_VERSION, parseTruthCsv, parseTracksCsv, parseDetectionsCsv, parseNeutralScenario,
  writeTruthCsv, writeTracksCsv, writeDetectionsCsv, type DetectionRow, type NeutralScenario,
} from "./neutral_format.js";
export { htmlReport } from "./html_report.js";
export { lineChart, timelineChart, niceTicks, colourOf, esc, type Series } from "./svg_plot.js";
