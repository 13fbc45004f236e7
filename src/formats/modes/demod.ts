/**
 * Mode S demodulator for raw 8-bit I/Q recordings at 2 MS/s (the RTL-SDR format dump1090
 * reads with `--ifile`: unsigned bytes I, Q, I, Q… centred on 127.5).
 *
 * Reply waveform (ICAO Annex 10 Vol. IV §3.1.2.1.5, Figure 3-4): an 8 µs preamble of four
 * 0.5 µs pulses starting at 0, 1.0, 3.5 and 4.5 µs, then 56 or 112 bits of pulse-position
 * modulation, 1 µs each (pulse in the first half = 1). At 2 samples per µs the preamble pulses
 * fall on samples 0, 2, 7, 9 and the data starts at sample 16, two samples per bit.
 *
 * Detection: magnitude per sample from a 64 K table; a preamble candidate must show the four
 * pulses above their neighbouring gaps and quiet samples 4–6 and 10–15 below the pulse level;
 * bits are then sliced by comparing the two halves of each bit. A candidate is kept when its CRC
 * proves it: DF17/18 with syndrome 0 (or one corrected bit), DF11 with a valid II/SI overlay, and
 * address/parity formats (DF0/4/5/16/20/21) only when the recovered address was seen in a
 * CRC-proved reply earlier in the recording (the "ICAO filter" of dump1090, which keeps random
 * noise from passing as AP replies). Both the sample alignment and a half-sample-shifted
 * slicing are tried, as a reply's phase relative to the sampling clock is arbitrary.
 */
import { fixSingleBit112, syndrome } from "./crc.js";
import { messageBytes } from "./downlink.js";

/** |I + jQ| × 256 for every (I, Q) byte pair, centred on 127.5. */
const MAG: Uint16Array = (() => {
  const t = new Uint16Array(65536);
  for (let i = 0; i < 256; i++) {
    for (let q = 0; q < 256; q++) t[(i << 8) | q] = Math.round(Math.hypot(i - 127.5, q - 127.5) * 256);
  }
  return t;
})();

/** A reply found in a recording. */
export interface DemodFrame {
  /** The message bytes (7 or 14), CRC-proved (corrected when `correctedBit` ≥ 0). */
  bytes: Uint8Array;
  /** Sample index of the preamble start (2 samples per µs). */
  sample: number;
  /** Mean pulse magnitude relative to full scale (0–1). */
  level: number;
  correctedBit: number;
}

/** Counters of a demodulation run. */
export interface DemodStats {
  samples: number;
  preambles: number;
  frames: number;
  corrected: number;
}

/**
 * Finds the Mode S replies in a 2 MS/s 8-bit I/Q buffer.
 * @returns the frames in sample order and the counters.
 */
export function demodulate(iq: Uint8Array): { frames: DemodFrame[]; stats: DemodStats } {
  const n = iq.length >> 1;
  const m = new Uint16Array(n);
  for (let k = 0; k < n; k++) m[k] = MAG[(iq[2 * k] << 8) | iq[2 * k + 1]];
  const frames: DemodFrame[] = [];
  const stats: DemodStats = { samples: n, preambles: 0, frames: 0, corrected: 0 };
  const known = new Set<number>();
  const msg = new Uint8Array(14);
  const end = n - (16 + 2 * 112 + 2);
  for (let j = 0; j < end; j++) {
    const p0 = m[j], p2 = m[j + 2], p7 = m[j + 7], p9 = m[j + 9];
    if (!(p0 > m[j + 1] && p2 > m[j + 1] && p2 > m[j + 3] && p7 > m[j + 6] && p7 > m[j + 8] && p9 > m[j + 8] && p9 > m[j + 10])) continue;
    const high = (p0 + p2 + p7 + p9) >> 2;
    const gate = high >> 1;
    if (m[j + 4] >= gate || m[j + 5] >= gate || m[j + 11] >= gate || m[j + 12] >= gate || m[j + 13] >= gate || m[j + 14] >= gate) continue;
    stats.preambles++;
    let found = false;
    for (let shift = 0; shift < 2 && !found; shift++) {
      slice(m, j + 16 + shift, msg);
      const len = messageBytes(msg[0]);
      const df = msg[0] >> 3;
      let syn = syndrome(msg, 0, len);
      let corrected = -1;
      let ok = false;
      if (df === 17 || df === 18) {
        if (syn !== 0) {
          corrected = fixSingleBit112(msg, 0, syn);
          if (corrected >= 0) syn = 0;
        }
        ok = syn === 0;
        if (ok) known.add((msg[1] << 16) | (msg[2] << 8) | msg[3]);
      } else if (df === 11) {
        ok = syn < 80;
        if (ok && syn === 0) known.add((msg[1] << 16) | (msg[2] << 8) | msg[3]);
      } else if (df === 0 || df === 4 || df === 5 || df === 16 || df === 20 || df === 21) {
        ok = known.has(syn);
      }
      if (!ok) continue;
      found = true;
      stats.frames++;
      if (corrected >= 0) stats.corrected++;
      frames.push({ bytes: msg.slice(0, len), sample: j, level: high / (181 * 256), correctedBit: corrected });
      j += 16 + 2 * 8 * len - 1;
    }
  }
  return { frames, stats };
}

/** Slices 112 bits starting at sample `s` (two samples per bit, first half high = 1). */
function slice(m: Uint16Array, s: number, out: Uint8Array): void {
  for (let byte = 0; byte < 14; byte++) {
    let v = 0;
    for (let b = 0; b < 8; b++) {
      const k = s + 2 * (byte * 8 + b);
      v = (v << 1) | (m[k] > m[k + 1] ? 1 : 0);
    }
    out[byte] = v;
  }
}
