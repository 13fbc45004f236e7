/**
 * A small Mode S extended-squitter encoder for the simulated ADS-B ground station: DF17
 * airborne position (TC 11, CPR), airborne velocity (TC 19 subtype 1) and identification
 * (TC 4), with the Mode S CRC-24 parity, framed as Mode-S Beast binary records.
 *
 * Sources: ICAO Doc 9871 (Technical Provisions for Mode S Services and Extended Squitter),
 * 2nd ed., Appendix A (ME field layouts: Table A-2-5 identification, A-2-11 airborne
 * position, A-2-9 airborne velocity) and Appendix C (CPR encoding, §C.2.6); ICAO Annex 10
 * Vol IV §3.1.2.3.3 (parity, generator polynomial 0x1FFF409). The Beast framing is
 * dump1090's (`0x1A`, type `'3'` for a 112-bit frame, 6-byte 12 MHz counter, signal byte,
 * `0x1A` doubled inside). The decoders live in `formats/modes`; this is the encoder side the
 * simulator needs.
 */

/** CRC-24 table for the Mode S generator polynomial (Annex 10 Vol IV, 3.1.2.3.3.1.2). */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 16;
    for (let k = 0; k < 8; k++) c = c & 0x800000 ? ((c << 1) ^ 0xfff409) & 0xffffff : (c << 1) & 0xffffff;
    t[i] = c;
  }
  return t;
})();

/** Mode S parity (CRC-24) of the first `length` bytes. */
export function modeSCrc(bytes: Uint8Array, length: number): number {
  let crc = 0;
  for (let i = 0; i < length; i++) crc = ((crc << 8) & 0xffffff) ^ CRC_TABLE[((crc >>> 16) ^ bytes[i]) & 0xff];
  return crc;
}

/** Number of CPR longitude zones NL(lat) (Doc 9871 §C.2.6.2), lat in degrees. */
export function cprNL(latDeg: number): number {
  const a = Math.abs(latDeg);
  if (a === 0) return 59;
  if (a === 87) return 2;
  if (a > 87) return 1;
  const nz = 15;
  const x = 1 - (1 - Math.cos(Math.PI / (2 * nz))) / Math.cos((Math.PI / 180) * a) ** 2;
  return Math.floor((2 * Math.PI) / Math.acos(x));
}

const mod = (x: number, y: number): number => x - y * Math.floor(x / y);

/**
 * Airborne CPR encoding (Doc 9871 §C.2.6.3, 17-bit): `odd` false → even format (i = 0).
 * @returns the 17-bit YZ (latitude) and XZ (longitude) fields.
 */
export function cprEncode(latDeg: number, lonDeg: number, odd: boolean): { yz: number; xz: number } {
  const i = odd ? 1 : 0;
  const dLat = 360 / (60 - i);
  const yz = Math.floor(131072 * (mod(latDeg, dLat) / dLat) + 0.5);
  const rLat = dLat * (yz / 131072 + Math.floor(latDeg / dLat));
  const nl = cprNL(rLat) - i;
  const dLon = nl > 0 ? 360 / nl : 360;
  const xz = Math.floor(131072 * (mod(lonDeg, dLon) / dLon) + 0.5);
  return { yz: yz & 0x1ffff, xz: xz & 0x1ffff };
}

/** ORs `value` (≤ 24 bits wide) MSB first into `bytes` at bit offset `bit` (the bits there are 0), a byte's share at a time. */
function put(bytes: Uint8Array, bit: number, width: number, value: number): void {
  let left = width;
  while (left > 0) {
    const room = 8 - (bit & 7);
    const n = room < left ? room : left;
    const chunk = (value >>> (left - n)) & ((1 << n) - 1);
    bytes[bit >> 3] |= chunk << (room - n);
    bit += n;
    left -= n;
  }
}

/** Clears a 14-byte frame (fresh one unless `out` is given) and writes DF 17, CA 5 and the address. */
function header(icao: number, out: Uint8Array | undefined): Uint8Array {
  const b = out ?? new Uint8Array(14);
  b.fill(0, 0, 14);
  put(b, 0, 5, 17); // DF 17
  put(b, 5, 3, 5); // CA 5: level 2+ transponder, airborne
  put(b, 8, 24, icao & 0xffffff);
  return b;
}

/** Writes the parity field (bits 88–111) over the first 11 bytes and returns the frame. */
function sealed(b: Uint8Array): Uint8Array {
  put(b, 88, 24, modeSCrc(b, 11));
  return b;
}

/**
 * DF17 airborne position with barometric altitude (TC 11, Doc 9871 Table A-2-11): 25 ft
 * altitude (Q = 1, clamped to −1000 … 50 175 ft), surveillance status 0, single antenna flag 0.
 * @param altitudeFt pressure altitude, feet.
 * @param out 14-byte array to fill and return instead of a new one.
 */
export function encodeAirbornePosition(icao: number, latDeg: number, lonDeg: number, altitudeFt: number, odd: boolean, typeCode = 11, out?: Uint8Array): Uint8Array {
  const n = Math.min(2047, Math.max(0, Math.round((altitudeFt + 1000) / 25)));
  const alt = ((n >> 4) << 5) | 0x10 | (n & 0xf);
  const { yz, xz } = cprEncode(latDeg, lonDeg, odd);
  const me = header(icao, out);
  const bit = 32;
  put(me, bit, 5, typeCode);
  put(me, bit + 8, 12, alt);
  put(me, bit + 21, 1, odd ? 1 : 0);
  put(me, bit + 22, 17, yz);
  put(me, bit + 39, 17, xz);
  return sealed(me);
}

/**
 * DF17 airborne velocity, subtype 1 (ground speed, subsonic; Doc 9871 Table A-2-9):
 * east/north components in knots (1 kt steps, 1022 kt max), vertical rate in ft/min (64 ft/min
 * steps, barometric source), NACv 1. `out` (14 bytes) is filled and returned instead of a new array when given.
 */
export function encodeAirborneVelocity(icao: number, eastKt: number, northKt: number, verticalRateFpm: number, out?: Uint8Array): Uint8Array {
  const comp = (v: number): number => Math.min(1023, Math.round(Math.abs(v)) + 1);
  const vr = Math.min(511, Math.round(Math.abs(verticalRateFpm) / 64) + 1);
  const me = header(icao, out);
  const bit = 32;
  put(me, bit, 5, 19);
  put(me, bit + 5, 3, 1);
  put(me, bit + 10, 3, 1);
  put(me, bit + 13, 1, eastKt < 0 ? 1 : 0);
  put(me, bit + 14, 10, comp(eastKt));
  put(me, bit + 24, 1, northKt < 0 ? 1 : 0);
  put(me, bit + 25, 10, comp(northKt));
  put(me, bit + 35, 1, 1);
  put(me, bit + 36, 1, verticalRateFpm < 0 ? 1 : 0);
  put(me, bit + 37, 9, vr);
  return sealed(me);
}

/** ADS-B character set (Doc 9871 Table A-2-8): index → character; '#' is invalid. */
const CHARSET = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";

/** DF17 aircraft identification (TC 4, Doc 9871 Table A-2-8), emitter category `category` (0–7), callsign up to 8 characters; `out` as above. */
export function encodeIdentification(icao: number, callsign: string, category = 0, out?: Uint8Array): Uint8Array {
  const cs = callsign.toUpperCase().padEnd(8, " ").slice(0, 8);
  const me = header(icao, out);
  const bit = 32;
  put(me, bit, 5, 4);
  put(me, bit + 5, 3, category);
  for (let i = 0; i < 8; i++) {
    const idx = CHARSET.indexOf(cs[i]);
    put(me, bit + 8 + 6 * i, 6, idx > 0 ? idx : 32);
  }
  return sealed(me);
}

/** Longest Beast record of a 112-bit frame (every byte after the first escaped). */
export const MAX_BEAST_RECORD = 2 + 2 * 21;

/**
 * Writes one Beast binary record of a 112-bit frame into `dst` at `offset` (room for
 * `MAX_BEAST_RECORD` bytes needed): 0x1A, '3', the 48-bit 12 MHz counter (`time` seconds × 12e6,
 * modulo 2^48), a signal byte, the frame; every 0x1A after the leading one doubled.
 * @returns the offset after the record.
 */
export function writeBeastRecord(dst: Uint8Array, offset: number, frame14: Uint8Array, time: number, signal = 0x80): number {
  dst[offset] = 0x1a;
  dst[offset + 1] = 0x33;
  let o = offset + 2;
  const push = (b: number): void => {
    dst[o++] = b;
    if (b === 0x1a) dst[o++] = 0x1a;
  };
  let ticks = Math.floor(time * 12e6) % 2 ** 48;
  if (ticks < 0) ticks += 2 ** 48;
  const hi = Math.floor(ticks / 2 ** 24);
  const lo = ticks - hi * 2 ** 24;
  push((hi >>> 16) & 0xff); push((hi >>> 8) & 0xff); push(hi & 0xff);
  push((lo >>> 16) & 0xff); push((lo >>> 8) & 0xff); push(lo & 0xff);
  push(signal & 0xff);
  for (let i = 0; i < 14; i++) push(frame14[i]);
  return o;
}

/** One Beast binary record of a 112-bit frame as a new array (see `writeBeastRecord`). */
export function beastRecord(frame14: Uint8Array, time: number, signal = 0x80): Uint8Array {
  const out = new Uint8Array(MAX_BEAST_RECORD);
  return out.subarray(0, writeBeastRecord(out, 0, frame14, time, signal));
}
