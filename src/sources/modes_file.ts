/**
 * Mode S / ADS-B recordings → `SensorReport`s: Beast binary, AVR text, SBS-1 CSV, timestamped
 * hex logs (pyModeS, jet1090), SeRo GRX1090 JSON and raw 2 MS/s I/Q. The format is detected from
 * the content (see `detectModeSFormat`) unless given. Files are read whole (see `readRecording`).
 *
 * Times: hex logs, SeRo and SBS carry absolute times. Beast and AVR carry at most a 12 MHz
 * counter, anchored at `referenceTime` (default: now); I/Q sample positions count from it too.
 * Every dropped frame is counted in the stats; a summary of problems goes to `onIssue`.
 */
import { basename } from "node:path";
import {
  AircraftStore, decodeModeS, demodulate, detectModeSFormat, hexInto, ModeSMessage, ModeSReceiver, parseHexLogLine,
  parseSeroJson, type AircraftStoreOptions, type ModeSFileFormat, type ModeSReceiverStats,
} from "../formats/modes/index.js";
import type { SensorReport } from "../types/index.js";
import { readRecording } from "./block_file.js";
import { SourceError } from "./errors.js";
import type { InputIssue } from "./report_files.js";

/** Options of {@link readModeSFile}. */
export interface ModeSFileOptions extends Partial<AircraftStoreOptions> {
  /** Format; detected when absent. */
  format?: ModeSFileFormat;
  /** UTC seconds of the start of a Beast/AVR/I-Q recording (no absolute time inside). Default: now. */
  referenceTime?: number;
  /** Correct single-bit errors of DF17/18 (default true). */
  fixErrors?: boolean;
  /** Called with a summary of the problems met (corrupt frames, CRC failures, bad lines). */
  onIssue?: (issue: InputIssue) => void;
}

/** Counters of one Mode S file. */
export interface ModeSFileStats {
  file: string;
  format: ModeSFileFormat;
  /** Lines or entries that could not be read (hex logs, SeRo). */
  badEntries: number;
  /** Messages offered to the decoder. */
  messages: number;
  receiver?: ModeSReceiverStats;
  store: AircraftStore["stats"];
}

/** The format of a file by its content (first 4 KB) and name, or undefined when it is not a Mode S recording. */
export function modeSFileFormat(data: Uint8Array, path: string): ModeSFileFormat | undefined {
  return detectModeSFormat(data.subarray(0, 4096), basename(path));
}

/**
 * Reads one Mode S recording and yields its reports in file order.
 * @throws SourceError when the file cannot be read or is not a Mode S recording.
 */
export async function* readModeSFile(
  path: string, options: ModeSFileOptions = {}, stats?: (s: ModeSFileStats) => void,
): AsyncGenerator<SensorReport> {
  const data = await readRecording(path);
  const format = options.format ?? modeSFileFormat(data, path);
  if (!format) throw new SourceError(path, "unknown-framing", `${path}: not a Mode S recording (Beast, AVR, SBS, hex log, SeRo JSON or I/Q)`);
  const t0 = options.referenceTime ?? Date.now() / 1000;
  const sensorId = options.sensorId ?? `adsb:${basename(path).replace(/\.[^.]*$/, "")}`;
  const opts = { ...options, sensorId };
  const out: SensorReport[] = [];
  if (format === "beast" || format === "avr" || format === "sbs") {
    const rx = new ModeSReceiver({ ...opts, format });
    const st: ModeSFileStats = { file: path, format, badEntries: 0, messages: 0, store: rx.store.stats };
    stats?.(st);
    const CHUNK = 1 << 16;
    for (let off = 0; off < data.length; off += CHUNK) {
      rx.push(data.subarray(off, Math.min(data.length, off + CHUNK)), t0, out);
      st.receiver = rx.stats();
      yield* out.splice(0);
    }
    rx.end(out);
    st.receiver = rx.stats();
    st.messages = "frames" in st.receiver.framing ? st.receiver.framing.frames : st.receiver.framing.lines;
    yield* out.splice(0);
    const f = st.receiver.framing;
    const bad = "corrupt" in f ? f.corrupt : 0;
    if (bad > 0) options.onIssue?.({ file: path, offset: data.length, message: `${bad} corrupt ${format === "sbs" ? "lines" : "frames"} skipped` });
    return;
  }
  const store = new AircraftStore(opts);
  const st: ModeSFileStats = { file: path, format, badEntries: 0, messages: 0, store: store.stats };
  stats?.(st);
  const m = new ModeSMessage();
  const buf = new Uint8Array(14);
  const fix = options.fixErrors ?? true;
  const take = (bytes: Uint8Array, len: number, time: number, signal: number): void => {
    st.messages++;
    if (!decodeModeS(m, bytes, 0, len, fix)) {
      st.badEntries++;
      return;
    }
    const r = store.ingest(m, time, signal);
    if (r) out.push(r);
  };
  if (format === "iq") {
    const { frames } = demodulate(data);
    for (const f of frames) take(f.bytes, f.bytes.length, t0 + f.sample / 2e6, 20 * Math.log10(f.level));
  } else if (format === "sero") {
    const { entries, skipped } = parseSeroJson(Buffer.from(data).toString("utf8"));
    st.badEntries += skipped;
    for (const e of entries) {
      hexInto(e.hex, 0, e.hex.length, buf, 0);
      take(buf, e.hex.length >> 1, e.time, e.signal);
    }
  } else {
    const text = Buffer.from(data).toString("utf8");
    let lineStart = 0;
    for (const line of text.split(/\r?\n/)) {
      const e = line.trim() ? parseHexLogLine(line) : undefined;
      if (line.trim() && !e) {
        st.badEntries++;
        options.onIssue?.({ file: path, offset: lineStart, message: `not a timestamped hex message: ${line.slice(0, 60)}` });
      } else if (e) {
        hexInto(e.hex, 0, e.hex.length, buf, 0);
        take(buf, e.hex.length >> 1, e.time, e.signal);
      }
      lineStart += Buffer.byteLength(line, "utf8") + 1;
      if (out.length >= 256) yield* out.splice(0);
    }
  }
  yield* out.splice(0);
  if (store.stats.crcFailed > 0) options.onIssue?.({ file: path, offset: data.length, message: `${store.stats.crcFailed} messages failed the CRC` });
}
