/**
 * Shared pieces of the command line: option parsing, buffered NDJSON output with back-pressure,
 * and problem reporting to stderr.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { InvalidArgumentError } from "commander";
import type { EditionChoice } from "../formats/asterix/index.js";
import { FRAMINGS, type Framing } from "../formats/asterix/framing/index.js";
import { dateReference, type InputIssue } from "../sources/index.js";

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

/** Parses a TCP port. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port 0-65535, got "${value}"`);
  return n;
}

/** Accumulates `--edition CAT=ED` (repeatable; `CAT=ED@SAC/SIC` for one sensor). */
export function collectEdition(value: string, previous: EditionChoice = {}): EditionChoice {
  const m = /^(\d{1,3})=(\d+\.\d+)(?:@(\d{1,3}\/\d{1,3}))?$/.exec(value);
  if (!m) throw new InvalidArgumentError(`expected CAT=EDITION (e.g. 48=1.27) or CAT=EDITION@SAC/SIC, got "${value}"`);
  const [, cat, ed, sensor] = m;
  if (sensor) return { ...previous, bySensor: { ...previous.bySensor, [`${sensor}:${Number(cat)}`]: ed } };
  return { ...previous, byCategory: { ...previous.byCategory, [Number(cat)]: ed } };
}

/** Prints a problem with a file to stderr, `FILE: byte offset N: message`; returns the running count. */
export function issuePrinter(max = 50): { print: (i: InputIssue) => void; count: () => number } {
  let n = 0;
  return {
    print(i) {
      n++;
      if (n <= max) process.stderr.write(`${i.file}: byte offset ${i.offset}: ${i.message}\n`);
      else if (n === max + 1) process.stderr.write(`(further problems counted, not printed)\n`);
    },
    count: () => n,
  };
}

/** Line writer with buffering and back-pressure, to stdout or a file. */
export class LineWriter {
  private chunks: string[] = [];
  private size = 0;
  private readonly out: Writable;
  private readonly file?: WriteStream;

  constructor(path?: string) {
    if (path && path !== "-") {
      this.file = createWriteStream(path);
      this.out = this.file;
    } else this.out = process.stdout;
  }

  /** Appends one line (without newline). */
  async line(text: string): Promise<void> {
    this.chunks.push(text, "\n");
    this.size += text.length + 1;
    if (this.size >= 1 << 16) await this.flush();
  }

  /** Writes what is buffered, waiting for the stream to drain when it asks. */
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const ok = this.out.write(this.chunks.join(""));
    this.chunks = [];
    this.size = 0;
    if (!ok) await once(this.out, "drain");
  }

  /** Flushes and closes a file output. */
  async close(): Promise<void> {
    await this.flush();
    if (this.file) {
      this.file.end();
      await once(this.file, "close");
    }
  }
}
