/**
 * Altitude and identity codes of Mode S replies.
 *
 * - AC (13 bits, DF0/4/16/20, ICAO Annex 10 Vol. IV §3.1.2.6.5.4): bits C1 A1 C2 A2 C4 A4 M B1
 *   Q B2 D2 B4 D4. M = 1: metric altitude. Q = 1: 25 ft increments, N = the 11 remaining bits,
 *   altitude = 25·N − 1000 ft. Q = 0: the Mode C (Gillham, Gray-coded) pulses in 100 ft steps
 *   (Annex 10 Vol. IV §3.1.1.7.12.2.3 and its Appendix table of pulse positions).
 * - ADS-B altitude (12 bits, ICAO Doc 9871 §A.2.3.2.4 / DO-260B §2.2.3.2.3.4): the AC field
 *   without the M bit.
 * - ID (13 bits, DF5/21, Annex 10 Vol. IV §3.1.2.6.7.1): C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4,
 *   the Mode 3/A code (squawk) digits ABCD.
 *
 * Altitudes are returned in feet (the unit of the code); callers convert to metres at the
 * report boundary (`FT`).
 */

/** Metres per foot. */
export const FT = 0.3048;

/**
 * Mode 3/A code from the 13-bit ID field, as a 12-bit number whose octal digits are ABCD
 * (A4 A2 A1 B4 B2 B1 C4 C2 C1 D4 D2 D1, the layout of ASTERIX I048/070).
 */
export function decodeId13(id13: number): number {
  const b = (k: number): number => (id13 >> (13 - k)) & 1; // k = 1-based position within the field
  const c1 = b(1), a1 = b(2), c2 = b(3), a2 = b(4), c4 = b(5), a4 = b(6);
  const b1 = b(8), d1 = b(9), b2 = b(10), d2 = b(11), b4 = b(12), d4 = b(13);
  const A = (a4 << 2) | (a2 << 1) | a1;
  const B = (b4 << 2) | (b2 << 1) | b1;
  const C = (c4 << 2) | (c2 << 1) | c1;
  const D = (d4 << 2) | (d2 << 1) | d1;
  return (A << 9) | (B << 6) | (C << 3) | D;
}

/** Squawk as four octal digits ("7700"). */
export function squawkString(code: number): string {
  return code.toString(8).padStart(4, "0");
}

/** Gray code → binary, for `n` bits. */
function grayToBinary(g: number): number {
  let b = g;
  for (let s = g >> 1; s !== 0; s >>= 1) b ^= s;
  return b;
}

/**
 * Altitude in feet from Mode C (Gillham) pulses given as a Mode 3/A-layout code (octal digits
 * ABCD, D1 unused): the 500 ft count is the Gray code D2 D4 A1 A2 A4 B1 B2 B4, the 100 ft
 * step the reflected code C1 C2 C4 (valid states 1–5, reversed in odd 500 ft bands).
 * Range −1200 ft … 126 700 ft. Returns NaN for an illegal code (no C pulse, C = 5 or 7
 * before reflection, D1 set).
 */
export function gillhamToFeet(code: number): number {
  const A = (code >> 9) & 7, B = (code >> 6) & 7, C = (code >> 3) & 7, D = code & 7;
  if (C === 0 || (D & 1) !== 0) return NaN;
  const bit = (v: number, w: number): number => ((v & w) !== 0 ? 1 : 0);
  // Gray sequence, most significant first: D2 D4 A1 A2 A4 B1 B2 B4.
  const g500 =
    (bit(D, 2) << 7) | (bit(D, 4) << 6) | (bit(A, 1) << 5) | (bit(A, 2) << 4) | (bit(A, 4) << 3) |
    (bit(B, 1) << 2) | (bit(B, 2) << 1) | bit(B, 4);
  const n500 = grayToBinary(g500);
  // C1 C2 C4 as a Gray code: states 1,2,3,4 map to themselves, 7 stands for 5.
  let n100 = grayToBinary((bit(C, 1) << 2) | (bit(C, 2) << 1) | bit(C, 4));
  if (n100 === 7) n100 = 5;
  else if (n100 === 5 || n100 === 6 || n100 === 0) return NaN;
  if (n500 & 1) n100 = 6 - n100;
  return (n500 * 5 + n100 - 13) * 100;
}

/**
 * Altitude in feet from the 13-bit AC field (DF0/4/16/20). NaN when the field is 0 (altitude
 * not available, Annex 10 Vol. IV §3.1.2.6.5.4) or the Gillham code is illegal. M = 1 (metric
 * altitude, practically unused) is returned converted to feet from the 12-bit value in metres.
 */
export function decodeAc13(ac13: number): number {
  if (ac13 === 0) return NaN;
  const m = (ac13 >> 6) & 1;
  if (m) {
    const metres = ((ac13 >> 7) << 6) | (ac13 & 0x3f);
    return metres / FT;
  }
  const q = (ac13 >> 4) & 1;
  if (q) {
    const n = ((ac13 >> 7) << 5) | (((ac13 >> 5) & 1) << 4) | (ac13 & 0xf);
    return n * 25 - 1000;
  }
  // Gillham: the field has the ID layout with M at X and Q at D1 (both zero here).
  return gillhamToFeet(decodeId13(ac13));
}

/**
 * Altitude in feet from the 12-bit altitude subfield of an ADS-B airborne position
 * (ICAO Doc 9871 Table A-2-5, ME bits 9–20): the AC field with the M bit removed. NaN when 0
 * (no altitude) or illegal.
 */
export function decodeAc12(ac12: number): number {
  if (ac12 === 0) return NaN;
  // Re-insert M = 0 between A4 (6th bit) and B1 (7th bit).
  const ac13 = ((ac12 & 0xfc0) << 1) | (ac12 & 0x3f);
  return decodeAc13(ac13);
}
