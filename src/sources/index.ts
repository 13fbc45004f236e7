/**
 * Sources: where surveillance data comes from — recording files (ASTERIX in every framing,
 * Mode S receiver formats), live UDP (ASTERIX) and TCP (Mode S receivers), the replay clock, and
 * the sensors file. Decoding into reports is done by the formats modules.
 */
export { readBlockFile, readRecording, type BlockSourceOptions } from "./block_file.js";
export { SourceError, type SourceErrorReason } from "./errors.js";
export type { FramedBlock, FramingIssue, Framing } from "../formats/asterix/framing/index.js";
export {
  readReportFile, readReportFileOrReport, mergeByTime, dateReference, type InputIssue, type ReportFileOptions, type FileStats,
} from "./report_files.js";
export { paced, type PaceOptions } from "./replay_clock.js";
export { readSensorsFile, parseSensors, SensorsFileError, SensorsFileSchema } from "./sensors_file.js";
export { readModeSFile, modeSFileFormat, type ModeSFileOptions, type ModeSFileStats } from "./modes_file.js";
export {
  ModeSTcpClient, parseFeedUrl, FeedUrlError, MODES_DEFAULT_PORTS, type ModeSTcpOptions, type ModeSTcpStats, type ModeSFeedAddress,
} from "./modes_tcp.js";
export { listenUdp, type UdpListener, type UdpListenOptions, type UdpStats, type UdpItem } from "./udp.js";
