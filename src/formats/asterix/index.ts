/**
 * Public face of the ASTERIX module: category tables, the generic decode/encode engine,
 * CAT048/CAT034 ⇄ reports, and the per-stream decoder.
 */
export type { CategorySpec, Content, Variation, Field, Spare } from "./spec.js";
export { DecodeError } from "./errors.js";
export { compileCategory, decodeRecord, type AsterixRecord, type ItemObject, type ItemValue, type CompiledCategory } from "./decode.js";
export { encodeDataBlock, encodeRecord, EncodeError } from "./encode.js";
export { decodeBlock, blockValidator, type BlockResult } from "./block.js";
export { CategoryRegistry, DEFAULT_EDITIONS, EDITIONS, type EditionChoice } from "./registry.js";
export { resolveTimeOfDay, TimeOfDayResolver } from "./time.js";
export { cat048ToPlot, plotToCat048, encodeCat048Block, parseSensorId } from "./cat048.js";
export { cat034ToService, serviceToCat034, encodeCat034Block } from "./cat034.js";
export { cat001ToPlot, cat002ToService, untruncateTime } from "./cat001.js";
export { cat021ToAdsb, adsbToCat021, encodeCat021Block } from "./cat021.js";
export { cat062ToTrack, systemTrackToCat062, encodeCat062Block, encodeCat065Block, type Cat062OutputOptions, type Cat065Message } from "./cat062.js";
export { mlatToReport } from "./mlat.js";
export {
  AsterixDecoderStream, type DecodeStats, type DecodedBlock, type DecodedReports, type DecoderStreamOptions, type TimedBlockInput,
} from "./stream.js";
export {
  compileProjection, projectorFor, type Projected, type ProjectionSpec, type Projector, type SlotKind, type SlotRef,
} from "./projection.js";
