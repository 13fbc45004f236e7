/**
 * Recording files → `SensorReport`s: framing (detected or given), ASTERIX decoding, and the
 * bookkeeping of everything that went wrong, each problem named with its file and byte offset.
 * A bad block is counted and reported; the good blocks around it are still decoded.
 */
import { AsterixDecoderStream, blockValidator, type DecodeStats, type EditionChoice } from "../formats/asterix/index.js";
import type { Framing } from "../formats/asterix/framing/index.js";
import { readBlockFile } from "./block_file.js";
import { SourceError } from "./errors.js";
import type { SensorReport } from "../types/index.js";

/** A problem met while reading a file: bad framing or a malformed block/record. */
export interface InputIssue {
  file: string;
  /** Byte offset in the file. */
  offset: number;
  message: string;
  /** The whole file could not be read. */
  fatal?: boolean;
}

/** Options for reading recordings. */
export interface ReportFileOptions {
  /** Container format; detected from the content when absent. */
  format?: Framing;
  /** UTC s used to resolve ASTERIX times of day when the container has no absolute time (noon of the recording's date: see `dateReference`). Default: now. */
  referenceTime?: number;
  /** ASTERIX editions per category / sensor. */
  editions?: EditionChoice;
  /** Called for each problem (framing issue or decode error). */
  onIssue?: (issue: InputIssue) => void;
}

/** Counters of one file. */
export interface FileStats {
  file: string;
  /** The framing given, or "detected". */
  framing: Framing | "detected";
  decode: DecodeStats;
  framingIssues: number;
  /** True when the container gave absolute times (pcap); false when times of day were resolved against the reference. */
  absoluteTimes: boolean;
  /** Times a sensor's reports went back in time by more than 2 s within the file. */
  timeReversals: number;
}

/**
 * Reads one recording and yields its reports in file order (the file is read whole: see
 * `readBlockFile`). Throws SourceError when the file cannot be read or its framing cannot be
 * recognised; bad bytes inside it go to `onIssue` and are counted in `stats` (filled as it goes).
 */
export async function* readReportFile(
  path: string,
  options: ReportFileOptions = {},
  stats?: (s: FileStats) => void,
): AsyncGenerator<SensorReport> {
  const decoder = new AsterixDecoderStream({
    referenceTime: options.referenceTime ?? Date.now() / 1000,
    editions: options.editions,
  });
  const fileStats: FileStats = {
    file: path, framing: options.format ?? "detected", decode: decoder.stats, framingIssues: 0, absoluteTimes: false, timeReversals: 0,
  };
  const lastTime = new Map<string, number>();
  stats?.(fileStats);
  for await (const x of readBlockFile(path, { framing: options.format, validate: blockValidator(decoder.registry) })) {
    if (x.kind === "issue") {
      fileStats.framingIssues++;
      options.onIssue?.({ file: path, offset: x.offset, message: x.message });
      continue;
    }
    if (x.time !== undefined) fileStats.absoluteTimes = true;
    const { error, reports } = decoder.decodeReports(x);
    if (error) options.onIssue?.({ file: path, offset: error.offset, message: error.message });
    for (const r of reports) {
      const last = lastTime.get(r.sensorId);
      if (last !== undefined && r.time < last - 2) {
        // Reports are played in file order; a jump back in time is worth knowing (duplicate tracks follow).
        if (fileStats.timeReversals++ === 0) {
          options.onIssue?.({ file: path, offset: x.offset, message: `time of sensor ${r.sensorId} goes back by ${(last - r.time).toFixed(1)} s (further jumps back are counted)` });
        }
      }
      lastTime.set(r.sensorId, r.time);
      yield r;
    }
  }
}

/**
 * Merges time-ordered report streams into one time-ordered stream (ties keep stream order),
 * so recordings of several sensors made at the same time play together.
 */
export async function* mergeByTime(streams: Array<AsyncIterable<SensorReport>>): AsyncGenerator<SensorReport> {
  const its = streams.map((s) => s[Symbol.asyncIterator]());
  const heads = await Promise.all(its.map((it) => it.next()));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      if (!heads[i].done && (best < 0 || heads[i].value.time < heads[best].value.time)) best = i;
    }
    if (best < 0) return;
    yield heads[best].value as SensorReport;
    heads[best] = await its[best].next();
  }
}

/**
 * The reference time (UTC s) of a recording's date "YYYY-MM-DD": noon of that day, so that every
 * time of day of the first records resolves to that date (see `resolveTimeOfDay`).
 * Throws RangeError when malformed.
 */
export function dateReference(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000 : NaN;
  if (!Number.isFinite(t) || new Date(t * 1000).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  }
  return t + 43200;
}

/**
 * Reads a recording like `readReportFile`, but a file that cannot be read or framed at all is
 * reported through `onIssue` (offset 0) and yields nothing, so that the other files of a run go on.
 */
export async function* readReportFileOrReport(
  path: string,
  options: ReportFileOptions = {},
  stats?: (s: FileStats) => void,
): AsyncGenerator<SensorReport> {
  try {
    yield* readReportFile(path, options, stats);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    options.onIssue?.({ file: path, offset: 0, message: e.message, fatal: true });
  }
}
