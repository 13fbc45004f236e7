/**
 * Bit access in Mode S messages. Bits are numbered from 1 at the most significant bit of the
 * first byte, as ICAO Annex 10 Vol. IV §3.1.2.3.1.3 numbers them ("bit 1 is the first bit
 * transmitted"); ME/MB field bit numbers (1–56) are message bits 33–88.
 */

/**
 * Reads `n` bits (1 ≤ n ≤ 32) starting at 1-based bit `first` of the message at `off` in `buf`.
 * Returns an unsigned integer. No bounds checks: the caller guarantees the bits exist.
 */
export function bits(buf: Uint8Array, off: number, first: number, n: number): number {
  const s = first - 1;
  let p = off + (s >> 3);
  const lead = s & 7;
  const total = lead + n;
  if (total <= 32) {
    let acc = 0;
    let k = 0;
    while (k < total) {
      acc = (acc << 8) | buf[p++];
      k += 8;
    }
    // acc holds k bits (k ≤ 32); keep the wanted n bits.
    acc = acc >>> (k - total);
    return n === 32 ? acc : acc & ((1 << n) - 1);
  }
  let acc = 0;
  let k = 0;
  while (k < total) {
    acc = acc * 256 + buf[p++];
    k += 8;
  }
  return Math.floor(acc / 2 ** (k - total)) % 2 ** n;
}

/** Reads one bit (1-based) as 0 or 1. */
export function bit(buf: Uint8Array, off: number, first: number): number {
  const s = first - 1;
  return (buf[off + (s >> 3)] >> (7 - (s & 7))) & 1;
}

const HEX_VALUE = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    t[65 + i] = 10 + i;
    t[97 + i] = 10 + i;
  }
  return t;
})();

/**
 * Parses `len` hex digits of `text` from `start` into `out` at `outOff` (len even).
 * Returns the number of bytes written, or -1 at the first non-hex character (nothing is thrown:
 * the hot path counts bad input).
 */
export function hexInto(text: string, start: number, len: number, out: Uint8Array, outOff: number): number {
  if (len & 1) return -1;
  const t = HEX_VALUE;
  for (let i = 0, o = outOff; i < len; i += 2, o++) {
    const c1 = text.charCodeAt(start + i);
    const c2 = text.charCodeAt(start + i + 1);
    if ((c1 | c2) > 127) return -1;
    const h = t[c1];
    const l = t[c2];
    if ((h | l) < 0) return -1;
    out[o] = (h << 4) | l;
  }
  return len >> 1;
}

/** Same as {@link hexInto} for ASCII bytes in a buffer (AVR over TCP, files read as bytes). */
export function hexBytesInto(src: Uint8Array, start: number, len: number, out: Uint8Array, outOff: number): number {
  if (len & 1) return -1;
  const t = HEX_VALUE;
  for (let i = start, o = outOff, e = start + len; i < e; i += 2, o++) {
    const h = t[src[i]];
    const l = t[src[i + 1]];
    if ((h | l) < 0) return -1;
    out[o] = (h << 4) | l;
  }
  return len >> 1;
}

/** Value of one hex digit character code, or -1. */
export function hexDigit(code: number): number {
  return code < 256 ? HEX_VALUE[code] : -1;
}

/** Uppercase hex of `len` bytes of `buf` from `off`. */
export function toHex(buf: Uint8Array, off = 0, len = buf.length - off): string {
  let s = "";
  for (let i = 0; i < len; i++) s += buf[off + i].toString(16).padStart(2, "0");
  return s.toUpperCase();
}

/** A 24-bit address as 6 uppercase hex digits. */
export function hex6(a: number): string {
  return a.toString(16).toUpperCase().padStart(6, "0");
}

/**
 * The 56-bit ME/MB field of a long message split for fast extraction: `hi` holds field bits
 * 1–24 (message bits 33–56), `lo` field bits 25–56 (message bits 57–88) as an unsigned 32-bit
 * integer. Read fields with {@link field}.
 */
export function fieldHi(raw: Uint8Array, off = 0): number {
  return (raw[off + 4] << 16) | (raw[off + 5] << 8) | raw[off + 6];
}

/** See {@link fieldHi}. */
export function fieldLo(raw: Uint8Array, off = 0): number {
  return ((raw[off + 7] << 24) | (raw[off + 8] << 16) | (raw[off + 9] << 8) | raw[off + 10]) >>> 0;
}

/** Bits `first`…`first + n − 1` (1-based, n ≤ 31) of a 56-bit field given as {@link fieldHi}/{@link fieldLo}. */
export function field(hi: number, lo: number, first: number, n: number): number {
  const last = first + n - 1;
  if (first > 24) return (lo >>> (56 - last)) & ((1 << n) - 1);
  if (last <= 24) return (hi >>> (24 - last)) & ((1 << n) - 1);
  const nlo = last - 24;
  return (hi & ((1 << (n - nlo)) - 1)) * (1 << nlo) + (lo >>> (32 - nlo));
}
