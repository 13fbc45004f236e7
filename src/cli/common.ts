/**
 * Shared pieces of the command line: option parsing, buffered NDJSON output with back-pressure,
 * and problem reporting to stderr.
 */
import type { WriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { InvalidArgumentError } from "commander";
import { EDITIONS, type DecodeStats, type EditionChoice } from "../formats/asterix/index.js";
import { FRAMINGS, type Framing } from "../formats/asterix/framing/index.js";
import { dateReference, type FileStats, type InputIssue } from "../sources/index.js";

/** Parses `--format`. */
export function parseFraming(value: string): Framing {
  if (!(FRAMINGS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${FRAMINGS.join(", ")}`);
  }
  return value as Framing;
}

/** Parses `--date YYYY-MM-DD` into a reference time (noon UTC of that day). */
export function parseDate(value: string): number {
  try {
    return dateReference(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** Parses a positive number option (`--speed`). */
export function parsePositive(value: string): number {
  const n = value === "max" || value === "inf" ? Infinity : Number(value);
  if (!(n > 0)) throw new InvalidArgumentError(`expected a positive number or "max", got "${value}"`);
  return n;
}

/** Parses a TCP port (decimal digits, 0-65535). */
export function parsePort(value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new InvalidArgumentError(`expected a port 0-65535, got "${value}"`);
  return n;
}

/** Parses a count ≥ 1 (decimal digits): `--limit`. */
export function parseCount(value: string): number {
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1)) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${value}"`);
  return n;
}

/** Parses an integer (optionally negative, decimal digits): `--seed`. */
export function parseInteger(value: string): number {
  const n = /^-?\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected an integer, got "${value}"`);
  return n;
}

/** Parses a non-empty host name or address. */
export function parseHost(value: string): string {
  if (value.trim() === "" || /\s/.test(value)) throw new InvalidArgumentError(`expected a host name or address, got "${value}"`);
  return value;
}

/** Log levels the server accepts. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Parses a log level. */
export function parseLogLevel(value: string): string {
  if (!LOG_LEVELS.includes(value)) throw new InvalidArgumentError(`expected one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
  return value;
}

/** Accumulates `--edition CAT=ED` (repeatable; `CAT=ED@SAC/SIC` for one sensor). */
export function collectEdition(value: string, previous: EditionChoice = {}): EditionChoice {
  const m = /^(\d{1,3})=(\d+\.\d+)(?:@(\d{1,3})\/(\d{1,3}))?$/.exec(value);
  const bad = !m || Number(m[1]) > 255 || (m[3] !== undefined && (Number(m[3]) > 255 || Number(m[4]) > 255));
  if (bad) throw new InvalidArgumentError(`expected CAT=EDITION (e.g. 48=1.27) or CAT=EDITION@SAC/SIC (0-255 each), got "${value}"`);
  const [, cat, ed] = m!;
  const sensor = m![3] !== undefined ? `${Number(m![3])}/${Number(m![4])}` : undefined;
  if (sensor) return { ...previous, bySensor: { ...previous.bySensor, [`${sensor}:${Number(cat)}`]: ed } };
  return { ...previous, byCategory: { ...previous.byCategory, [Number(cat)]: ed } };
}

/** Prints a problem with a file to stderr, `FILE: byte offset N: message`; returns the running count. */
export function issuePrinter(max = 50): { print: (i: InputIssue) => void; count: () => number } {
  let n = 0;
  return {
    print(i) {
      n++;
      // Framing messages may begin with their own "at byte N:"; the offset is printed once.
      const message = i.message.replace(new RegExp(`^at byte ${i.offset}: `), "");
      // A fatal problem's message usually names the file itself (it is about the whole file).
      const named = message.includes(i.file);
      if (n <= max) process.stderr.write(i.fatal ? (named ? `${message}\n` : `${i.file}: ${message}\n`) : `${i.file}: byte offset ${i.offset}: ${message}\n`);
      else if (n === max + 1) process.stderr.write(`(further problems counted, not printed)\n`);
    },
    count: () => n,
  };
}

/** A command-line error: printed as one line, exit code 1. */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** Line writer with buffering and back-pressure, to stdout or a file. */
export class LineWriter {
  private chunks: string[] = [];
  private size = 0;
  private failure?: Error;

  private constructor(private readonly out: Writable, private readonly file?: WriteStream, private readonly path?: string) {
    out.on("error", (e: Error) => (this.failure = e));
  }

  /**
   * Opens the output: stdout for undefined or "-", else the file (created or truncated).
   * Throws CliError when the file is also one of `inputs` (it would be destroyed) or cannot be opened.
   */
  static async open(path: string | undefined, inputs: string[] = []): Promise<LineWriter> {
    if (!path || path === "-") return new LineWriter(process.stdout);
    refuseOverwrite(path, inputs, `--out ${path}`);
    let handle;
    try {
      handle = await open(path, "w");
    } catch (e) {
      throw new CliError(`cannot write ${path}: ${(e as Error).message}`);
    }
    const stream = handle.createWriteStream();
    return new LineWriter(stream, stream, path);
  }

  /** Appends one line (without newline). */
  async line(text: string): Promise<void> {
    this.chunks.push(text, "\n");
    this.size += text.length + 1;
    if (this.size >= 1 << 16) await this.flush();
  }

  /** Writes what is buffered, waiting for the stream to drain when it asks. Throws CliError on a write error. */
  async flush(): Promise<void> {
    this.check();
    if (this.size === 0) return;
    const ok = this.out.write(this.chunks.join(""));
    this.chunks = [];
    this.size = 0;
    if (!ok) {
      // Wait for the drain (or a failure), removing both listeners whichever comes.
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.out.off("drain", done);
          this.out.off("error", done);
          resolve();
        };
        this.out.on("drain", done);
        this.out.on("error", done);
      });
    }
    this.check();
  }

  /** Flushes and closes a file output. */
  async close(): Promise<void> {
    await this.flush();
    if (this.file) {
      this.file.end();
      await once(this.file, "close");
    }
    this.check();
  }

  private check(): void {
    if (this.failure) throw new CliError(`cannot write ${this.path ?? "standard output"}: ${this.failure.message}`);
  }
}


/** Reads the first 4 KB of a file (for format detection); empty when it cannot be read (the reader reports it). */
export async function readHead(path: string): Promise<Uint8Array> {
  try {
    const fh = await open(path, "r");
    try {
      const buf = new Uint8Array(4096);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * Creates a directory and its missing parents, one level at a time from the nearest existing
 * ancestor (Node's recursive mkdir can spin forever on some virtual file systems, e.g. /proc).
 * @throws CliError naming the path when an ancestor is not a directory or a level cannot be made.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let p = resolve(dir);
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      isDir = undefined;
    }
    if (isDir === true) break;
    if (isDir === false) throw new CliError(`cannot create directory ${dir}: ${p} is not a directory`);
    missing.push(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (e) {
      throw new CliError(`cannot create directory ${dir}: ${(e as Error).message}`);
    }
  }
}

/**
 * Throws CliError when the output `path` is the same file as one of `inputs`: same device and
 * inode (symbolic and hard links included); a file that does not exist yet is no input.
 * `label` names the output in the message (default: the path).
 */
export function refuseOverwrite(path: string, inputs: string[], label = path): void {
  const id = (f: string): string | undefined => {
    try {
      const s = statSync(f);
      return `${s.dev}:${s.ino}`;
    } catch {
      return undefined;
    }
  };
  const target = id(path);
  if (target === undefined) return;
  for (const input of inputs) if (id(input) === target) throw new CliError(`${label} is also an input: refusing to overwrite it`);
}

/** Reads a text file; CliError naming what it is for when it cannot be read. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${what} ${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message}`);
  }
}

/** Warns that times of day were resolved against the present because no --date was given. */
export function warnNoDate(file: string): void {
  process.stderr.write(
    `${file}: warning: the recording carries times of day only and no --date was given: each is stamped with the UTC date that puts it nearest to now (yesterday, today or tomorrow)\n`,
  );
}

/** Parses a data source identifier "SAC/SIC" (0-255 each), normalised ("020/5" → "20/5"). */
export function parseSacSic(value: string): string {
  const m = /^(\d{1,3})\/(\d{1,3})$/.exec(value);
  if (!m || Number(m[1]) > 255 || Number(m[2]) > 255) throw new InvalidArgumentError(`expected SAC/SIC (0-255 each), got "${value}"`);
  return `${Number(m[1])}/${Number(m[2])}`;
}

/**
 * Warns about what a run of recordings could not use: records of sensors missing from the
 * sensors file, and times of day resolved against the present because no --date was given.
 */
export function warnAboutFiles(files: FileStats[], known: Set<string>, sensorsFile: string | undefined, date: number | undefined): void {
  for (const f of files) {
    warnEditionMismatch(f.file, f.decode);
    for (const [id, n] of Object.entries(f.decode.bySensor)) {
      if (!known.has(id)) process.stderr.write(`${f.file}: warning: ${n} record${n === 1 ? "" : "s"} from sensor ${id}, which is not in ${sensorsFile}: not tracked\n`);
    }
    if (date === undefined && !f.absoluteTimes && f.decode.records > 0) warnNoDate(f.file);
  }
}

/**
 * Warns when a category's blocks failed to decode as often as at least a tenth of its records
 * (and at least 3 times): the usual sign of a recording in another edition than the one chosen
 * (the edition cannot be read from the data, ASTERIX Part 1 §4). Names the known editions and
 * the `--edition` option.
 */
export function warnEditionMismatch(file: string, stats: DecodeStats): void {
  for (const [cat, errors] of Object.entries(stats.errorsByCategory)) {
    const records = stats.byCategory[Number(cat)] ?? 0;
    if (errors < 3 || errors < 0.1 * records) continue;
    const known = Object.keys(EDITIONS[Number(cat)] ?? {}).join(", ");
    const c = cat.padStart(3, "0");
    process.stderr.write(
      `${file}: warning: ${errors} CAT${c} blocks failed to decode (${records} records decoded): the recording may be in another ` +
      `CAT${c} edition than the one used; known: ${known}. Choose one with --edition ${Number(cat)}=ED (or ${Number(cat)}=ED@SAC/SIC for one sensor)\n`,
    );
  }
}
