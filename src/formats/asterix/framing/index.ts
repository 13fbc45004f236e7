/**
 * ASTERIX framing: finds the data blocks in recordings and captures (raw, pcap, pcapng, .gps, .rply,
 * EUROCONTROL final format) without decoding them. Pure functions over a `Uint8Array`; no I/O.
 */
export {
  FRAMINGS, FramingError, newFramingStats,
  type BlockExtra, type Framing, type FramedBlock, type FrameOptions, type FramingIssue, type FramingItem,
  type FramingStats, type PacketInfo, type SkipReason,
} from "./types.js";
export { frameBlocks } from "./frame.js";
export { detectFraming, DETECT_UNITS } from "./detect.js";
export { splitDataBlocks, isBlockChain, isPlausibleBlock, BLOCK_HEADER } from "./blocks.js";
export { isKnownCategory, KNOWN_CATEGORIES } from "./categories.js";
export { isOradisChain } from "./oradis.js";
export { GPS_HEADER, GPS_TRAILER, RESYNC_CHAIN } from "./sequential.js";
export { FINAL_HEADER, FINAL_PADDING } from "./final.js";
