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
import { decodeBlock, peekSensor, type BlockResult } from "./block.js";
import { cat001ToPlot, cat002ToService, untruncateTime } from "./cat001.js";
import { cat021ToAdsb } from "./cat021.js";
import { cat034ToService } from "./cat034.js";
import { CAT048_PLOT_FIELDS, cat048PlotFromFields, cat048ToPlot } from "./cat048.js";
import { CAT062_TRACK_FIELDS, cat062ToTrack, cat062TrackFromFields } from "./cat062.js";
import { decodeRecord, type AsterixRecord, type CompiledCategory, type ItemObject } from "./decode.js";
import { DecodeError } from "./errors.js";
import { value } from "./fields.js";
import { mlatToReport } from "./mlat.js";
import { projectorFor, type Projected, type ProjectionSpec, type Projector, type SlotRef } from "./projection.js";
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
  /** Blocks with a decode error per category (many of them usually mean a wrong edition). */
  errorsByCategory: Record<number, number>;
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

/** What a fast converter needs besides its own fields: the data source and the time of day. */
interface StreamFields {
  sac: number;
  sic: number;
  tod: number;
}

/**
 * A projection-based converter (see `projection.ts`): `fields` holds I010 SAC/SIC as `sac`/`sic`,
 * the category's time-of-day item (`TIME_ITEMS`, of which there must be one) as `tod`, and what
 * `toReport` reads, which gives the same report as the category's record converter.
 */
interface FastConverter {
  fields: ProjectionSpec;
  toReport(f: StreamFields, b: Uint8Array, sensorId: string, time: number): SensorReport | undefined;
}

function fastConverter<P extends ProjectionSpec>(
  category: number, fields: P, toReport: (f: Projected<P>, b: Uint8Array, sensorId: string, time: number) => SensorReport | undefined,
): FastConverter {
  const times = TIME_ITEMS[category];
  if (times.length !== 1) throw new Error(`CAT${category}: a fast converter needs exactly one time-of-day item`);
  const all: Record<string, SlotRef> = {
    ...fields,
    sac: { path: ["010", "SAC"], as: "num" },
    sic: { path: ["010", "SIC"], as: "num" },
    tod: { path: [times[0], "VALUE"], as: "num" },
  };
  return { fields: all, toReport: toReport as unknown as FastConverter["toReport"] };
}

/** Projection-based converters by category: the fast path of `decodeReports`. */
const FAST_CONVERTERS: Record<number, FastConverter> = {
  48: fastConverter(48, CAT048_PLOT_FIELDS, cat048PlotFromFields),
  62: fastConverter(62, CAT062_TRACK_FIELDS, (f, _b, sensorId, time) => cat062TrackFromFields(f, sensorId, time)),
};

/** What `decodeReports` gives for one block. */
export interface DecodedReports {
  category: number;
  /** Byte offset of the block in the input. */
  offset: number;
  /** The reports of the block's records, in order. */
  reports: SensorReport[];
  /** Set when the block or one of its records is malformed; the reports of the records before it are kept. */
  error?: DecodeError;
  /** True when the category is not supported: the block is passed over whole (counted, not an error). */
  unsupported?: boolean;
}

/** The state of one block's record loop. */
interface BlockRun {
  /** The data source, propagated from record to record. */
  sensorId: string | undefined;
  /** Absolute time of the block from its container (given or resolved from a time of day), when known. */
  containerTime: number | undefined;
  /** Capture time of the block (`TimedBlockInput.time`): records older than it by `lateAfter` are late. */
  arrival: number | undefined;
  reports: SensorReport[];
  /** Sources of the records (only when records are returned). */
  sources?: DecodedBlock["sources"];
  /** The first data source of the block, and its records that came late. */
  blockSensor: string | undefined;
  late: number;
}

/** A compiled projection with the object it fills (one per stream and edition). */
interface Lane {
  projector: Projector<StreamFields>;
  fields: StreamFields;
  convert: FastConverter["toReport"];
}

/** Decodes the blocks of one stream in order. */
export class AsterixDecoderStream {
  readonly registry: CategoryRegistry;
  readonly stats: DecodeStats = {
    blocks: 0, records: 0, reports: 0, errors: 0, unsupportedBlocks: 0, skippedRecords: 0, byCategory: {}, errorsByCategory: {}, bySensor: {},
    sensors: {},
  };
  private readonly lateAfter: number;
  private readonly resolver: TimeOfDayResolver;
  private readonly lanes = new Map<CompiledCategory, Lane | null>();
  private readonly names = new Map<number, string>();
  private lastKey = -1;
  private lastName = "";

  /** Throws RangeError when an edition choice is unknown. */
  constructor(options: DecoderStreamOptions) {
    this.registry = new CategoryRegistry(options.editions);
    this.resolver = new TimeOfDayResolver(options.referenceTime);
    this.lateAfter = options.lateAfter ?? 8;
  }

  /**
   * Decodes one block into records (the generic decoder's, for JSON output) and reports; never
   * throws (errors are in `result.error` and counted).
   */
  decode(block: TimedBlockInput): DecodedBlock {
    const result = decodeBlock(this.registry, block.data, block.offset);
    const run = this.startBlock(block, result.error !== undefined, result.unsupported === true, result.category);
    run.sources = [];
    for (const rec of result.records) this.record(rec, run);
    this.endBlock(run, result.error !== undefined);
    return { result, reports: run.reports, sources: run.sources };
  }

  /**
   * Decodes one block into reports only: the same reports, errors and counters as `decode`, without
   * building the generic records (CAT048 and CAT062 go through generated projections, see
   * `projection.ts`; other categories, and records a projection does not take, through the generic
   * decoder). Never throws.
   */
  decodeReports(block: TimedBlockInput): DecodedReports {
    const data = block.data;
    const len = data.length;
    const fast = len > 3 && ((data[1] << 8) | data[2]) === len ? FAST_CONVERTERS[data[0]] : undefined;
    const perSensor = this.registry.hasSensorChoices();
    const first = fast && this.registry.get(data[0], perSensor ? peekSensor(data, 3) : undefined);
    if (!fast || !first) {
      // Malformed headers, unsupported and other categories: the generic path says what to say.
      const { result, reports } = this.decode(block);
      const out: DecodedReports = { category: result.category, offset: result.offset, reports };
      if (result.error) out.error = result.error;
      if (result.unsupported) out.unsupported = true;
      return out;
    }
    const category = data[0];
    const s = this.stats;
    const run = this.startBlock(block, false, false);
    let cat = first;
    let lane = this.lane(cat, fast);
    let error: DecodeError | undefined;
    let pos = 3;
    // Counters kept locally and added once per block (per sensor: once per run of one sensor).
    let records = 0, reports = 0, skipped = 0, late = 0, sensorRecords = 0;
    let sensorId: string | undefined;
    const arrival = block.time;
    while (pos < len) {
      if (perSensor) {
        const sensor = peekSensor(data, pos);
        if (sensor !== undefined) {
          cat = this.registry.get(category, sensor) ?? first;
          lane = this.lane(cat, fast);
        }
      }
      const next = lane === null ? -1 : lane.projector.project(data, pos, len, lane.fields);
      if (next < 0) {
        // Not projected: the generic decoder reads the record or says what is wrong with it.
        let rec: AsterixRecord;
        try {
          rec = decodeRecord(cat, data, pos, len, block.offset);
        } catch (e) {
          if (e instanceof DecodeError) {
            error = e;
            break;
          }
          throw e;
        }
        pos += rec.length;
        if (sensorId !== undefined) this.countSensor(sensorId, sensorRecords);
        sensorRecords = 0;
        run.sensorId = sensorId;
        this.record(rec, run);
        sensorId = run.sensorId;
        continue;
      }
      pos = next;
      const f = lane!.fields;
      records++;
      if (f.sac === f.sac && f.sic === f.sic) {
        const name = this.sensorName(f.sac, f.sic);
        if (name !== sensorId) {
          if (sensorId !== undefined) this.countSensor(sensorId, sensorRecords);
          sensorRecords = 0;
          sensorId = name;
        }
      }
      if (sensorId === undefined) {
        skipped++;
        continue;
      }
      sensorRecords++;
      if (run.blockSensor === undefined) run.blockSensor = sensorId;
      if (f.tod !== f.tod) {
        skipped++;
        continue;
      }
      const time = this.resolver.resolve(f.tod, run.containerTime);
      if (arrival !== undefined && arrival - time > this.lateAfter) late++;
      const report = lane!.convert(f, data, sensorId, time);
      if (report) {
        run.reports.push(report);
        reports++;
      } else skipped++;
    }
    if (sensorId !== undefined) this.countSensor(sensorId, sensorRecords);
    if (records > 0) {
      s.records += records;
      s.byCategory[category] = (s.byCategory[category] ?? 0) + records;
    }
    s.reports += reports;
    s.skippedRecords += skipped;
    run.late += late;
    if (error) {
      s.errors++;
      s.errorsByCategory[category] = (s.errorsByCategory[category] ?? 0) + 1;
    }
    this.endBlock(run, error !== undefined);
    const out: DecodedReports = { category, offset: block.offset, reports: run.reports };
    if (error) out.error = error;
    return out;
  }

  /** Adds `n` records to a sensor's count. */
  private countSensor(sensorId: string, n: number): void {
    if (n > 0) this.stats.bySensor[sensorId] = (this.stats.bySensor[sensorId] ?? 0) + n;
  }

  /** The projection lane of an edition for a fast converter, or null when the edition cannot be projected so. */
  private lane(cat: CompiledCategory, fast: FastConverter): Lane | null {
    let lane = this.lanes.get(cat);
    if (lane === undefined) {
      const projector = projectorFor(cat.spec, fast.fields) as Projector<StreamFields> | undefined;
      lane = projector ? { projector, fields: projector.fresh(), convert: fast.toReport } : null;
      this.lanes.set(cat, lane);
    }
    return lane;
  }

  /** "SAC/SIC", one string per data source. */
  private sensorName(sac: number, sic: number): string {
    const key = sac * 256 + sic;
    if (key === this.lastKey) return this.lastName;
    let name = this.names.get(key);
    if (name === undefined) this.names.set(key, (name = sensorIdOf(sac, sic)));
    this.lastKey = key;
    this.lastName = name;
    return name;
  }

  /** Counts a block and resolves its container time. */
  private startBlock(block: TimedBlockInput, error: boolean, unsupported: boolean, category?: number): BlockRun {
    // A container time of day (recording formats) becomes an absolute reference for the block.
    const containerTime = block.time ?? (block.timeOfDay !== undefined ? this.resolver.resolve(block.timeOfDay) : undefined);
    const s = this.stats;
    s.blocks++;
    if (error) {
      s.errors++;
      if (category !== undefined) s.errorsByCategory[category] = (s.errorsByCategory[category] ?? 0) + 1;
    }
    if (unsupported) s.unsupportedBlocks++;
    return { sensorId: undefined, containerTime, arrival: block.time, reports: [], blockSensor: undefined, late: 0 };
  }

  /** One generic record: data source, time, report, counters. */
  private record(rec: AsterixRecord, run: BlockRun): void {
    const s = this.stats;
    const source: { sensorId?: string; time?: number } = {};
    run.sources?.push(source);
    s.records++;
    s.byCategory[rec.category] = (s.byCategory[rec.category] ?? 0) + 1;
    const src = rec.items["010"] as ItemObject | undefined;
    if (src && typeof src.SAC === "number" && typeof src.SIC === "number") run.sensorId = this.sensorName(src.SAC, src.SIC);
    const sensorId = run.sensorId;
    if (sensorId === undefined) {
      s.skippedRecords++;
      return;
    }
    s.bySensor[sensorId] = (s.bySensor[sensorId] ?? 0) + 1;
    if (run.blockSensor === undefined) run.blockSensor = sensorId;
    source.sensorId = sensorId;
    let time: number;
    const truncated = rec.category === 1 ? value(rec, "141") : undefined;
    if (truncated !== undefined) {
      // CAT001 carries the time of day modulo 512 s: resolved against the stream's time.
      time = untruncateTime(truncated, run.containerTime ?? this.resolver.latest());
    } else {
      const tod = timeOfDay(rec);
      if (tod === undefined) {
        s.skippedRecords++;
        return;
      }
      time = this.resolver.resolve(tod, run.containerTime);
    }
    source.time = time;
    if (run.arrival !== undefined && run.arrival - time > this.lateAfter) run.late++;
    const report = CONVERTERS[rec.category]?.(rec, sensorId, time);
    if (report) {
      run.reports.push(report);
      s.reports++;
    } else s.skippedRecords++;
  }

  /** Per-sensor counters of a block. */
  private endBlock(run: BlockRun, error: boolean): void {
    if (run.blockSensor === undefined) return;
    const ps = (this.stats.sensors[run.blockSensor] ??= { blocks: 0, errors: 0, late: 0 });
    ps.blocks++;
    if (error) ps.errors++;
    ps.late += run.late;
  }
}
