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
import { cat001ToPlot, cat002ToService, untruncateTime } from "./cat001.js";
import { cat021ToAdsb } from "./cat021.js";
import { cat034ToService } from "./cat034.js";
import { cat048ToPlot } from "./cat048.js";
import { cat062ToTrack } from "./cat062.js";
import type { AsterixRecord, ItemObject } from "./decode.js";
import { value } from "./fields.js";
import { mlatToReport } from "./mlat.js";
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
  /** Records decoded but not turned into reports (status messages, no position, no time, no source). */
  skippedRecords: number;
  /** Records per category. */
  byCategory: Record<number, number>;
  /** Records per sensor "SAC/SIC". */
  bySensor: Record<string, number>;
  /** Per sensor: data blocks, blocks with a decode error, and late records (older than `lateAfter` on arrival). */
  sensors: Record<string, { blocks: number; errors: number; late: number }>;
}

/** A data block with what its container says of its time. */
export interface TimedBlockInput {
  data: Uint8Array;
  /** Byte offset of the block in the input (file). */
  offset: number;
  /** Absolute UTC time (s) from the container (pcap capture time), when there is one. */
  time?: number;
  /** Time of day (s) from the container (.gps trailer, final format), when it gives only that. */
  timeOfDay?: number;
}

/** What decoding one block gave. */
export interface DecodedBlock {
  result: BlockResult;
  reports: SensorReport[];
  /** For each record of `result.records`: its data source ("SAC/SIC", propagated within the block) and resolved time, when known. */
  sources: Array<{ sensorId?: string; time?: number }>;
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
  /**
   * A record is counted late when its time is older than the block's arrival (container) time by
   * more than this, seconds (default 8: two scans of a 4 s radar).
   */
  lateAfter?: number;
}

/** Time-of-day items per category, in order of preference (CAT021 ed. 2.x: time of reception of position first). */
const TIME_ITEMS: Record<number, string[]> = {
  2: ["030"], 10: ["140"], 19: ["140"], 20: ["140"], 21: ["073", "071", "075", "077", "030"], 23: ["070"],
  34: ["030"], 48: ["140"], 62: ["070"], 63: ["030"], 65: ["030"], 247: ["030"],
};

function timeOfDay(rec: AsterixRecord): number | undefined {
  for (const item of TIME_ITEMS[rec.category] ?? []) {
    const v = value(rec, item);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Record → report converters by category. */
const CONVERTERS: Record<number, (rec: AsterixRecord, sensorId: string, time: number) => SensorReport | undefined> = {
  1: cat001ToPlot,
  2: cat002ToService,
  10: mlatToReport,
  20: mlatToReport,
  21: cat021ToAdsb,
  34: cat034ToService,
  48: cat048ToPlot,
  62: cat062ToTrack,
};

/** Decodes the blocks of one stream in order. */
export class AsterixDecoderStream {
  readonly registry: CategoryRegistry;
  readonly stats: DecodeStats = {
    blocks: 0, records: 0, reports: 0, errors: 0, unsupportedBlocks: 0, skippedRecords: 0, byCategory: {}, bySensor: {},
    sensors: {},
  };
  private readonly lateAfter: number;
  private readonly resolver: TimeOfDayResolver;

  /** Throws RangeError when an edition choice is unknown. */
  constructor(options: DecoderStreamOptions) {
    this.registry = new CategoryRegistry(options.editions);
    this.resolver = new TimeOfDayResolver(options.referenceTime);
    this.lateAfter = options.lateAfter ?? 8;
  }

  /** Decodes one block; never throws (errors are in `result.error` and counted). */
  decode(block: TimedBlockInput): DecodedBlock {
    const result = decodeBlock(this.registry, block.data, block.offset);
    // A container time of day (recording formats) becomes an absolute reference for the block.
    const containerTime = block.time ?? (block.timeOfDay !== undefined ? this.resolver.resolve(block.timeOfDay) : undefined);
    const s = this.stats;
    s.blocks++;
    if (result.error) s.errors++;
    if (result.unsupported) s.unsupportedBlocks++;
    const reports: SensorReport[] = [];
    const sources: DecodedBlock["sources"] = [];
    let sensorId: string | undefined;
    for (const rec of result.records) {
      const source: { sensorId?: string; time?: number } = {};
      sources.push(source);
      s.records++;
      s.byCategory[rec.category] = (s.byCategory[rec.category] ?? 0) + 1;
      const src = rec.items["010"] as ItemObject | undefined;
      if (src && typeof src.SAC === "number" && typeof src.SIC === "number") sensorId = sensorIdOf(src.SAC, src.SIC);
      if (sensorId === undefined) {
        s.skippedRecords++;
        continue;
      }
      s.bySensor[sensorId] = (s.bySensor[sensorId] ?? 0) + 1;
      source.sensorId = sensorId;
      let time: number;
      const truncated = rec.category === 1 ? value(rec, "141") : undefined;
      if (truncated !== undefined) {
        // CAT001 carries the time of day modulo 512 s: resolved against the stream's time.
        time = untruncateTime(truncated, containerTime ?? this.resolver.latest());
      } else {
        const tod = timeOfDay(rec);
        if (tod === undefined) {
          s.skippedRecords++;
          continue;
        }
        time = this.resolver.resolve(tod, containerTime);
      }
      source.time = time;
      const report = CONVERTERS[rec.category]?.(rec, sensorId, time);
      if (report) {
        reports.push(report);
        s.reports++;
      } else s.skippedRecords++;
    }
    const blockSensor = sources.find((x) => x.sensorId !== undefined)?.sensorId;
    if (blockSensor !== undefined) {
      const ps = (s.sensors[blockSensor] ??= { blocks: 0, errors: 0, late: 0 });
      ps.blocks++;
      if (result.error) ps.errors++;
      if (block.time !== undefined) {
        for (const src of sources) if (src.time !== undefined && block.time - src.time > this.lateAfter) ps.late++;
      }
    }
    return { result, reports, sources };
  }
}

