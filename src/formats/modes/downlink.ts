/**
 * Mode S downlink formats (ICAO Annex 10 Vol. IV §3.1.2.3 and Figure 3-8): one decoder that
 * fills a reusable {@link ModeSMessage} without allocating (the hot path of every source).
 *
 * | DF | reply | fields |
 * | --- | --- | --- |
 * | 0 | short air-air surveillance (ACAS) | VS, CC, SL, RI, AC, AP |
 * | 4 | surveillance, altitude | FS, DR, UM, AC, AP |
 * | 5 | surveillance, identity | FS, DR, UM, ID, AP |
 * | 11 | all-call | CA, AA, PI (II/SI) |
 * | 16 | long air-air surveillance (ACAS) | VS, SL, RI, AC, MV, AP |
 * | 17 | extended squitter | CA, AA, ME, PI |
 * | 18 | extended squitter / non-transponder (ADS-B, TIS-B, ADS-R by CF) | CF, AA, ME, PI |
 * | 20 | Comm-B, altitude | FS, DR, UM, AC, MB, AP |
 * | 21 | Comm-B, identity | FS, DR, UM, ID, MB, AP |
 *
 * Lengths: DF 0–15 are 56 bits, DF 16 and above 112 bits (Annex 10 Vol. IV §3.1.2.3.2.1.2:
 * the first bit of the DF tells the length). DF 24 stands for the Comm-D "11…" formats.
 */
import { bits } from "./bits.js";
import { fixSingleBit112, syndrome } from "./crc.js";
import { decodeAc13, decodeId13 } from "./altitude.js";
import { decodeExtendedSquitter } from "./adsb.js";
import { EsSource, ModeSMessage } from "./message.js";
import { ModeSDecodeError } from "./errors.js";
import { hexInto } from "./bits.js";

/** Message length in bytes implied by the first byte (its DF): 14 for DF ≥ 16, else 7. */
export function messageBytes(firstByte: number): 7 | 14 {
  return firstByte & 0x80 ? 14 : 7;
}

/** DF18 control field → ES source (DO-260B §2.2.3.2.1.5). */
const CF_SOURCE = [EsSource.Adsb, EsSource.AdsbNonIcao, EsSource.TisbFine, EsSource.TisbCoarse, EsSource.TisbManagement, EsSource.TisbFine, EsSource.Adsr, EsSource.Reserved];

/** Options of {@link decodeModeS}. */
export interface ModeSDecodeOptions {
  /** Correct a single-bit error in DF17/18 (default false). */
  fixErrors?: boolean;
}

/**
 * Decodes one Mode S reply of `len` bytes at `off` in `buf` into `out` (reset first).
 *
 * @returns false when `len` is not the length the DF requires (7 or 14 bytes) — `out.df` is
 *   then -1 and nothing else is set; true otherwise, whatever the CRC (see `out.crcOk`,
 *   `out.syndrome`). Never throws.
 */
export function decodeModeS(out: ModeSMessage, buf: Uint8Array, off: number, len: number, fixErrors = false): boolean {
  out.reset();
  if (len !== 7 && len !== 14) return false;
  const first = buf[off];
  if (messageBytes(first) !== len) return false;
  const raw = out.raw;
  for (let i = 0; i < len; i++) raw[i] = buf[off + i];
  out.bytes = len;
  let df = first >> 3;
  if (df >= 24) df = 24;
  out.df = df;
  let syn = syndrome(raw, 0, len);
  out.syndrome = syn;
  switch (df) {
    case 0:
      out.vs = (first >> 2) & 1;
      out.onGround = out.vs;
      out.cc = (first >> 1) & 1;
      out.sl = raw[1] >> 5;
      out.ri = ((raw[1] & 7) << 1) | (raw[2] >> 7);
      parityAddress(out, syn);
      altitudeCode(out);
      break;
    case 4:
    case 5:
    case 20:
    case 21:
      out.fs = first & 7;
      out.onGround = out.fs === 1 || out.fs === 3 ? 1 : out.fs === 0 || out.fs === 2 ? 0 : -1;
      out.dr = raw[1] >> 3;
      out.um = ((raw[1] & 7) << 3) | (raw[2] >> 5);
      parityAddress(out, syn);
      if (df === 4 || df === 20) altitudeCode(out);
      else out.squawk = decodeId13(((raw[2] & 0x1f) << 8) | raw[3]);
      break;
    case 11:
      out.ca = first & 7;
      out.onGround = out.ca === 4 ? 1 : out.ca === 5 ? 0 : -1;
      out.icao = (raw[1] << 16) | (raw[2] << 8) | raw[3];
      if (syn < 80) {
        out.crcOk = true;
        out.interrogator = syn;
      }
      break;
    case 16:
      out.vs = (first >> 2) & 1;
      out.onGround = out.vs;
      out.sl = raw[1] >> 5;
      out.ri = ((raw[1] & 7) << 1) | (raw[2] >> 7);
      parityAddress(out, syn);
      altitudeCode(out);
      break;
    case 17:
    case 18:
      if (syn !== 0 && fixErrors) {
        const fixed = fixSingleBit112(raw, 0, syn);
        if (fixed >= 0) {
          out.correctedBit = fixed;
          syn = 0;
        }
      }
      out.crcOk = syn === 0;
      out.icao = (raw[1] << 16) | (raw[2] << 8) | raw[3];
      if (df === 17) {
        out.ca = raw[0] & 7;
        out.onGround = out.ca === 4 ? 1 : out.ca === 5 ? 0 : -1;
        out.esSource = EsSource.Adsb;
      } else {
        out.cf = raw[0] & 7;
        out.esSource = CF_SOURCE[out.cf];
      }
      decodeExtendedSquitter(out);
      break;
    default:
      break; // DF19 (military), DF22, DF24 (Comm-D) and reserved formats: length and CRC only
  }
  return true;
}

function parityAddress(out: ModeSMessage, syn: number): void {
  out.icao = syn;
  out.addressFromParity = true;
}

function altitudeCode(out: ModeSMessage): void {
  const ac = bits(out.raw, 0, 20, 13);
  out.ac13 = ac;
  out.altitudeFt = decodeAc13(ac);
}

/**
 * Convenience decoder for one message given as hex (14 or 28 digits, case-insensitive), into a
 * fresh {@link ModeSMessage}.
 * @throws ModeSDecodeError on bad hex or a length that does not match the DF.
 */
export function decodeHex(hex: string, fixErrors = false): ModeSMessage {
  const text = hex.trim();
  const buf = new Uint8Array(14);
  if (text.length !== 14 && text.length !== 28) {
    throw new ModeSDecodeError("bad-length", `expected 14 or 28 hex digits, got ${text.length}`, 0);
  }
  if (hexInto(text, 0, text.length, buf, 0) < 0) throw new ModeSDecodeError("bad-hex", `not hex: "${text}"`, 0);
  const m = new ModeSMessage();
  if (!decodeModeS(m, buf, 0, text.length >> 1, fixErrors)) {
    throw new ModeSDecodeError("bad-length", `DF ${buf[0] >> 3} needs ${messageBytes(buf[0])} bytes, got ${text.length >> 1}`, 0);
  }
  return m;
}
