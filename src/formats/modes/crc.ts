/**
 * Mode S CRC-24 (ICAO Annex 10 Vol. IV §3.1.2.3.3: generator polynomial
 * G(x) = x²⁴ + x²³ + … = 0x1FFF409, i.e. 0xFFF409 below the leading term), table-driven, one
 * byte per step.
 *
 * The parity field (last 24 bits) of a reply is the CRC of the preceding bits, overlaid
 * (XOR) with:
 * - nothing (PI = 0) in DF17/18 extended squitters and DF11 to an all-call with II/SI = 0;
 * - the interrogator identifier (II 1–15, or SI 1–63 coded as 16 + SI) in DF11 (Annex 10
 *   Vol. IV §3.1.2.3.3.2, "PI");
 * - the aircraft address in DF0/4/5/16/20/21 (address/parity, "AP", §3.1.2.3.3.2).
 *
 * {@link syndrome} returns CRC(data) XOR parity: 0 for a clean DF17, the II/SI code for a
 * clean DF11, the aircraft address for an AP reply.
 */

/** The 24-bit generator polynomial without its x²⁴ term. */
export const CRC24_POLY = 0xfff409;

/** CRC table: the CRC of each byte value in the top 8 bits of the register. */
export const CRC24_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 16;
    for (let k = 0; k < 8; k++) c = c & 0x800000 ? ((c << 1) ^ CRC24_POLY) & 0xffffff : (c << 1) & 0xffffff;
    t[i] = c;
  }
  return t;
})();

/** CRC-24 of `len` bytes of `buf` from `off` (no overlay), a 24-bit unsigned integer. */
export function crc24(buf: Uint8Array, off: number, len: number): number {
  let c = 0;
  const t = CRC24_TABLE;
  for (let i = 0; i < len; i++) c = ((c << 8) & 0xffffff) ^ t[((c >>> 16) ^ buf[off + i]) & 0xff];
  return c;
}

/**
 * CRC of the data bits XOR the parity field of a whole message of `bytes` bytes (7 or 14):
 * the value the overlay must explain (see module doc). 0 for a clean DF17/18.
 */
export function syndrome(buf: Uint8Array, off: number, bytes: number): number {
  const n = bytes - 3;
  const parity = (buf[off + n] << 16) | (buf[off + n + 1] << 8) | buf[off + n + 2];
  return crc24(buf, off, n) ^ parity;
}

/** Syndrome of a message that differs from a clean one in exactly bit `bitIndex` (0-based from the first bit). */
function singleBitSyndrome(bytes: number, bitIndex: number): number {
  const m = new Uint8Array(bytes);
  m[bitIndex >> 3] = 0x80 >> (bitIndex & 7);
  return syndrome(m, 0, bytes);
}

/**
 * Syndrome → flipped bit for 112-bit messages: a one-bit error anywhere after the DF field
 * (bits 6–112) gives a distinct non-zero syndrome (the code's minimum distance is 6 over 112
 * bits, Annex 10 Vol. IV §3.1.2.3.3.1), so the flipped bit can be found by look-up.
 * The DF bits are not corrected: a wrong DF changes the message length and meaning.
 */
const FIX112: Map<number, number> = (() => {
  const m = new Map<number, number>();
  for (let i = 5; i < 112; i++) m.set(singleBitSyndrome(14, i), i);
  return m;
})();

/**
 * Corrects a single-bit error in a 112-bit DF17/18 message in place (optional error
 * correction, as ground receivers do for extended squitter only: ICAO Doc 9871 §A.1.5 notes
 * that a 1-bit correction keeps the undetected error rate acceptable for DF17/18).
 *
 * @param syn the message's syndrome (non-zero).
 * @returns the 0-based index of the corrected bit, or -1 when the syndrome is not that of a
 *   single-bit error (the message is left unchanged).
 */
export function fixSingleBit112(buf: Uint8Array, off: number, syn: number): number {
  const i = FIX112.get(syn);
  if (i === undefined) return -1;
  buf[off + (i >> 3)] ^= 0x80 >> (i & 7);
  return i;
}
