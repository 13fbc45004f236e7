/**
 * Sources: where ASTERIX (and later Mode S) data comes from. For now, recording files read whole
 * and framed into data blocks; decoding is wired in by the caller.
 */
export { readBlockFile, readRecording, type BlockSourceOptions } from "./block_file.js";
export { SourceError, type SourceErrorReason } from "./errors.js";
export type { FramedBlock, FramingIssue, Framing } from "../formats/asterix/framing/index.js";
export {
  readReportFile, mergeByTime, dateReference, type InputIssue, type ReportFileOptions, type FileStats,
} from "./report_files.js";
export { paced, type PaceOptions } from "./replay_clock.js";
export { readSensorsFile, parseSensors, SensorsFileError, SensorsFileSchema } from "./sensors_file.js";
export { readModeSFile, modeSFileFormat, type ModeSFileOptions, type ModeSFileStats } from "./modes_file.js";
export {
  ModeSTcpClient, parseFeedUrl, FeedUrlError, MODES_DEFAULT_PORTS, type ModeSTcpOptions, type ModeSTcpStats, type ModeSFeedAddress,
} from "./modes_tcp.js";
