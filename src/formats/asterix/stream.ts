/**
 * The ASTERIX decoder of one input stream: data blocks in, decoded records and
 * `SensorReport`s out, with per-category and per-sensor counters.
 *
 * It keeps the two pieces of state a stream needs: the time-of-day resolver (ASTERIX carries
 * only time of day; see `time.ts`) and the SAC/SIC of the previous record of a block (a record
 * may omit I010 and take its data source from the record before it).
 */
import type { SensorReport } from "../../types/index.js";
import { sensorIdOf } from "../../types/index.js";
import { decodeBlock, type BlockResult } from "./block.js";
import { cat034ToService } from "./cat034.js";
import { cat048ToPlot } from "./cat048.js";
import type { AsterixRecord, ItemObject } from "./decode.js";
import type { DecodeError } from "./errors.js";
import { CategoryRegistry, type EditionChoice } from "./registry.js";
import { TimeOfDayResolver } from "./time.js";

/** Counters of one stream. */
export interface DecodeStats {
  blocks: number;
  records: number;
  reports: number;
  /** Blocks with a decode error (records before the error are still counted). */
  errors: number;
  /** Blocks of categories without a decoder, passed over whole. */
  unsupportedBlocks: number;
  /** Records decoded but not turned into reports (no position, no time, no source). */
  skippedRecords: number;
  /** Records per category. */
  byCategory: Record<number, number>;
  /** Records per sensor "SAC/SIC". */
  bySensor: Record<string, number>;
}

/** A data block with what its container says of its time. */
export interface TimedBlockInput {
  data: Uint8Array;
  /** Byte offset of the block in the input (file). */
  offset: number;
  /** Absolute UTC time (s) from the container (pcap capture time), when there is one. */
  time?: number;
}

/** What decoding one block gave. */
export interface DecodedBlock {
  result: BlockResult;
  reports: SensorReport[];
}

/** Options of a decoder stream. */
export interface DecoderStreamOptions {
  /** Edition choices (defaults: CAT048 1.31, CAT034 1.29). */
  editions?: EditionChoice;
  /**
   * Reference time (UTC s) for resolving the first time of day when the container has no
   * absolute time: midnight of the recording's date, or now for live data.
   */
  referenceTime: number;
}

/** Time of day item per category (I048/140, I034/030). */
const TIME_ITEM: Record<number, string> = { 48: "140", 34: "030" };

function timeOfDay(rec: AsterixRecord): number | undefined {
  const item = TIME_ITEM[rec.category];
  const v = item ? (rec.items[item] as ItemObject | undefined)?.VALUE : undefined;
  return typeof v === "number" ? v : undefined;
}

/** Decodes the blocks of one stream in order. */
export class AsterixDecoderStream {
  readonly registry: CategoryRegistry;
  readonly stats: DecodeStats = {
    blocks: 0, records: 0, reports: 0, errors: 0, unsupportedBlocks: 0, skippedRecords: 0, byCategory: {}, bySensor: {},
  };
  private readonly resolver: TimeOfDayResolver;

  /** Throws RangeError when an edition choice is unknown. */
  constructor(options: DecoderStreamOptions) {
    this.registry = new CategoryRegistry(options.editions);
    this.resolver = new TimeOfDayResolver(options.referenceTime);
  }

  /** Decodes one block; never throws (errors are in `result.error` and counted). */
  decode(block: TimedBlockInput): DecodedBlock {
    const result = decodeBlock(this.registry, block.data, block.offset);
    const s = this.stats;
    s.blocks++;
    if (result.error) s.errors++;
    if (result.unsupported) s.unsupportedBlocks++;
    const reports: SensorReport[] = [];
    let sensorId: string | undefined;
    for (const rec of result.records) {
      s.records++;
      s.byCategory[rec.category] = (s.byCategory[rec.category] ?? 0) + 1;
      const src = rec.items["010"] as ItemObject | undefined;
      if (src && typeof src.SAC === "number" && typeof src.SIC === "number") sensorId = sensorIdOf(src.SAC, src.SIC);
      if (sensorId === undefined) {
        s.skippedRecords++;
        continue;
      }
      s.bySensor[sensorId] = (s.bySensor[sensorId] ?? 0) + 1;
      const tod = timeOfDay(rec);
      if (tod === undefined) {
        s.skippedRecords++;
        continue;
      }
      const time = this.resolver.resolve(tod, block.time);
      const report =
        rec.category === 48 ? cat048ToPlot(rec, sensorId, time) : rec.category === 34 ? cat034ToService(rec, sensorId, time) : undefined;
      if (report) {
        reports.push(report);
        s.reports++;
      } else s.skippedRecords++;
    }
    return { result, reports };
  }
}

export type { DecodeError };
