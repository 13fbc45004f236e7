/**
 * Mode-S Beast binary framing (the format of dump1090/readsb port 30005 and of the Mode-S
 * Beast receiver; documented by its maker, Günter Köllner, and in dump1090's `net_io.c`):
 *
 * `0x1A <type> <6-byte MLAT counter> <1-byte signal> <payload>` with type `0x31` Mode A/C
 * (2 bytes), `0x32` Mode S short (7 bytes), `0x33` Mode S long (14 bytes), `0x34` receiver
 * status (14 bytes). Inside a frame every 0x1A byte is sent twice (escape). The counter is a
 * 12 MHz clock, big-endian, 48 bits; the signal byte is the RSSI as √(power)·255.
 *
 * The framer is incremental: chunks may split a frame (or an escape pair) anywhere. A lone
 * 0x1A inside a frame means the frame was cut short (a new one starts): it is counted as
 * corrupt and framing resumes at that byte. Bytes before the first 0x1A are skipped and
 * counted. Frames go to a callback with a view into the framer's buffer (no allocation).
 */

/** Beast frame types. */
export const BEAST_MODE_AC = 0x31;
export const BEAST_SHORT = 0x32;
export const BEAST_LONG = 0x33;
export const BEAST_STATUS = 0x34;

/** Payload length of each frame type (after counter and signal), or 0 for an unknown type. */
function payloadLength(type: number): number {
  return type === BEAST_SHORT ? 7 : type === BEAST_LONG ? 14 : type === BEAST_MODE_AC ? 2 : type === BEAST_STATUS ? 14 : 0;
}

/**
 * Receives Mode S frames: `buf[off … off+len)` is the message (7 or 14 bytes), `mlat` the
 * 48-bit 12 MHz counter (0 when the source has none), `signal` the raw signal byte (0–255).
 * The view is only valid during the call.
 */
export type FrameSink = (buf: Uint8Array, off: number, len: number, mlat: number, signal: number) => void;

/** Counters of a framer. */
export interface FramerStats {
  /** Mode S frames delivered. */
  frames: number;
  /** Mode A/C frames (counted, not delivered). */
  modeAc: number;
  /** Receiver status frames (counted, not delivered). */
  status: number;
  /** Frames dropped: cut short, unknown type, bad length or bad characters. */
  corrupt: number;
  /** Bytes outside any frame. */
  skipped: number;
}

/** RSSI in dBFS of a Beast signal byte: 20·log10(s/255); NaN for 0. Table-driven. */
export const BEAST_SIGNAL_DBFS: Float64Array = (() => {
  const t = new Float64Array(256);
  t[0] = NaN;
  for (let s = 1; s < 256; s++) t[s] = 20 * Math.log10(s / 255);
  return t;
})();

const SEEK = 0;
const TYPE = 1;
const BODY = 2;
const ESC = 3;

/** Incremental Beast decoder (see module doc). */
export class BeastFramer {
  readonly stats: FramerStats = { frames: 0, modeAc: 0, status: 0, corrupt: 0, skipped: 0 };
  private state = SEEK;
  private type = 0;
  private need = 0;
  private have = 0;
  private readonly frame = new Uint8Array(32);

  /** Feeds a chunk; complete frames go to `sink`. Never throws on bad input. */
  push(chunk: Uint8Array, sink: FrameSink): void {
    const n = chunk.length;
    const f = this.frame;
    let state = this.state;
    let have = this.have;
    let need = this.need;
    for (let i = 0; i < n; i++) {
      const b = chunk[i];
      if (state === BODY) {
        if (b === 0x1a) {
          state = ESC;
          continue;
        }
        f[have++] = b;
      } else if (state === ESC) {
        if (b !== 0x1a) {
          // A lone 0x1A: the frame was cut short and a new one starts with type b.
          this.stats.corrupt++;
          state = this.startType(b);
          have = 0;
          need = this.need;
          continue;
        }
        f[have++] = 0x1a;
        state = BODY;
      } else if (state === SEEK) {
        if (b !== 0x1a) {
          this.stats.skipped++;
          continue;
        }
        // Fast path: a whole frame without escapes inside this chunk is delivered in place.
        const t = i + 1 < n ? chunk[i + 1] : 0;
        const len = t === BEAST_LONG ? 14 : t === BEAST_SHORT ? 7 : 0;
        if (len !== 0 && i + 9 + len <= n) {
          let clean = true;
          for (let k = i + 2, e = i + 9 + len; k < e; k++) {
            if (chunk[k] === 0x1a) {
              clean = false;
              break;
            }
          }
          if (clean) {
            this.deliverFrom(chunk, i + 2, len, sink);
            i += 8 + len;
            continue;
          }
        }
        state = TYPE;
        continue;
      } else {
        // TYPE
        if (b === 0x1a) {
          this.stats.skipped++; // 0x1A 0x1A outside a frame: stay in TYPE
          continue;
        }
        state = this.startType(b);
        have = 0;
        need = this.need;
        continue;
      }
      if (have === need) {
        state = SEEK;
        this.deliver(sink, need);
      }
    }
    this.state = state;
    this.have = have;
    this.need = need;
  }

  private startType(b: number): number {
    const len = payloadLength(b);
    if (len === 0) {
      this.stats.corrupt++;
      return SEEK;
    }
    this.type = b;
    this.need = 7 + len;
    return BODY;
  }

  private deliver(sink: FrameSink, total: number): void {
    const f = this.frame;
    if (this.type === BEAST_MODE_AC) {
      this.stats.modeAc++;
      return;
    }
    if (this.type === BEAST_STATUS) {
      this.stats.status++;
      return;
    }
    const len = total - 7;
    // A long frame must hold a long DF (first bit 1) and a short one a short DF.
    if (((f[7] & 0x80) !== 0) !== (len === 14)) {
      this.stats.corrupt++;
      return;
    }
    const mlat = (f[0] * 0x10000 + ((f[1] << 8) | f[2])) * 0x1000000 + ((f[3] << 16) | (f[4] << 8) | f[5]);
    this.stats.frames++;
    sink(f, 7, len, mlat, f[6]);
  }

  /** Delivers a frame whose counter starts at `p` in `c` (payload at p + 7), after the length/DF check. */
  private deliverFrom(c: Uint8Array, p: number, len: number, sink: FrameSink): void {
    if (((c[p + 7] & 0x80) !== 0) !== (len === 14)) {
      this.stats.corrupt++;
      return;
    }
    const mlat = (c[p] * 0x10000 + ((c[p + 1] << 8) | c[p + 2])) * 0x1000000 + ((c[p + 3] << 16) | (c[p + 4] << 8) | c[p + 5]);
    this.stats.frames++;
    sink(c, p + 7, len, mlat, c[p + 6]);
  }

  /** Declares the end of input: a frame left incomplete is counted as corrupt. */
  end(): void {
    if (this.state === BODY || this.state === ESC) this.stats.corrupt++;
    this.state = SEEK;
    this.have = 0;
  }
}

/**
 * Encodes one Mode S message as a Beast frame (for tests, replays and re-broadcast).
 * @param mlat 48-bit 12 MHz counter; @param signal raw signal byte.
 */
export function encodeBeast(msg: Uint8Array, mlat = 0, signal = 0): Uint8Array {
  const body = new Uint8Array(7 + msg.length);
  let t = mlat;
  for (let i = 5; i >= 0; i--) {
    body[i] = t % 256;
    t = Math.floor(t / 256);
  }
  body[6] = signal;
  body.set(msg, 7);
  const out: number[] = [0x1a, msg.length === 14 ? BEAST_LONG : msg.length === 7 ? BEAST_SHORT : BEAST_MODE_AC];
  for (const b of body) {
    out.push(b);
    if (b === 0x1a) out.push(0x1a);
  }
  return Uint8Array.from(out);
}
