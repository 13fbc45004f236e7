/**
 * AVR text framing (dump1090/readsb port 30002, "raw" output), one message per line:
 *
 * - `*<hex>;` — message only (14 or 28 hex digits; 4 for Mode A/C);
 * - `@<12 hex: 12 MHz counter><hex>;` — with MLAT timestamp (dump1090 `--mlat`, "AVR-MLAT");
 * - `%<12 hex counter><hex>;` — same, as some feeders write it;
 * - `<<12 hex counter><2 hex signal><hex>;` — timestamp and signal (Beast ASCII).
 *
 * Lines end with CR and/or LF; the trailing ';' is optional. Incremental over byte chunks
 * (a line may be split anywhere). Bad lines are counted, never thrown.
 */
import { hexBytesInto, hexDigit } from "./bits.js";
import type { FrameSink, FramerStats } from "./beast.js";

const MAX_LINE = 80;

/** Incremental AVR decoder. */
export class AvrFramer {
  readonly stats: FramerStats = { frames: 0, modeAc: 0, status: 0, corrupt: 0, skipped: 0 };
  private readonly line = new Uint8Array(MAX_LINE);
  private len = 0;
  private overflow = false;
  private readonly msg = new Uint8Array(14);

  /** Feeds a chunk of text bytes; complete frames go to `sink` (signal 0 when absent). */
  push(chunk: Uint8Array, sink: FrameSink): void {
    const line = this.line;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x0a || b === 0x0d) {
        if (this.len > 0 || this.overflow) this.finishLine(sink);
        continue;
      }
      if (this.len < MAX_LINE) line[this.len++] = b;
      else this.overflow = true;
    }
  }

  /** Declares the end of input (a last line without newline is decoded). */
  end(sink: FrameSink): void {
    if (this.len > 0 || this.overflow) this.finishLine(sink);
  }

  private finishLine(sink: FrameSink): void {
    const line = this.line;
    let n = this.len;
    const over = this.overflow;
    this.len = 0;
    this.overflow = false;
    if (over) {
      this.stats.corrupt++;
      return;
    }
    while (n > 0 && (line[n - 1] === 0x20 || line[n - 1] === 0x09)) n--;
    if (n > 0 && line[n - 1] === 0x3b) n--; // ';'
    if (n === 0) return;
    const lead = line[0];
    let start = 1;
    let mlat = 0;
    let signal = 0;
    if (lead === 0x40 || lead === 0x25 || lead === 0x3c) {
      // '@', '%', '<': 12 hex digits of counter (+ 2 of signal for '<')
      if (n < 13) {
        this.stats.corrupt++;
        return;
      }
      for (let k = 1; k <= 12; k++) {
        const d = hexDigit(line[k]);
        if (d < 0) {
          this.stats.corrupt++;
          return;
        }
        mlat = mlat * 16 + d;
      }
      start = 13;
      if (lead === 0x3c) {
        const h = hexDigit(line[13]);
        const l = hexDigit(line[14]);
        if (n < 15 || h < 0 || l < 0) {
          this.stats.corrupt++;
          return;
        }
        signal = (h << 4) | l;
        start = 15;
      }
    } else if (lead !== 0x2a) {
      // '*'; anything else is not AVR
      this.stats.corrupt++;
      return;
    }
    const digits = n - start;
    if (digits === 4) {
      this.stats.modeAc++;
      return;
    }
    if ((digits !== 14 && digits !== 28) || hexBytesInto(line, start, digits, this.msg, 0) < 0) {
      this.stats.corrupt++;
      return;
    }
    const len = digits >> 1;
    if (((this.msg[0] & 0x80) !== 0) !== (len === 14)) {
      this.stats.corrupt++;
      return;
    }
    this.stats.frames++;
    sink(this.msg, 0, len, mlat, signal);
  }
}

/** One AVR line for a message: `*HEX;` or, with a counter, `@TTTTTTTTTTTTHEX;`. */
export function encodeAvr(msg: Uint8Array, mlat?: number): string {
  let hex = "";
  for (const b of msg) hex += b.toString(16).padStart(2, "0");
  hex = hex.toUpperCase();
  return mlat === undefined ? `*${hex};` : `@${mlat.toString(16).toUpperCase().padStart(12, "0")}${hex};`;
}
