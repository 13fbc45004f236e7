/**
 * Bit-field access and the text encodings of ASTERIX elements.
 * Bits are numbered from the most significant bit of the first byte (ASTERIX Part 1, §4.2).
 */

/**
 * Reads `n` bits (n ≤ 48) starting `bit` bits after the first bit of `buf[byte]`, as an unsigned integer.
 * The caller guarantees the bytes exist.
 */
export function readBits(buf: Uint8Array, byte: number, bit: number, n: number): number {
  // Fast paths for whole bytes.
  if (bit === 0) {
    switch (n) {
      case 8:
        return buf[byte];
      case 16:
        return (buf[byte] << 8) | buf[byte + 1];
      case 24:
        return (buf[byte] << 16) | (buf[byte + 1] << 8) | buf[byte + 2];
    }
  }
  let value = 0;
  let remaining = n;
  let b = byte + (bit >> 3);
  let offsetInByte = bit & 7;
  while (remaining > 0) {
    const avail = 8 - offsetInByte;
    const take = remaining < avail ? remaining : avail;
    const shift = avail - take;
    const bits = (buf[b] >> shift) & ((1 << take) - 1);
    value = value * (1 << take) + bits;
    remaining -= take;
    offsetInByte = 0;
    b++;
  }
  return value;
}

/** Writes the low `n` bits (n ≤ 48) of a non-negative integer `value` at a bit position, OR-ing into `buf`. */
export function writeBits(buf: Uint8Array, byte: number, bit: number, n: number, value: number): void {
  if ((bit & 7) === 0 && (n & 7) === 0 && n <= 32) {
    // Whole bytes: store them directly.
    let b = byte + (bit >> 3) + (n >> 3) - 1;
    let v = value;
    for (let i = 0; i < n >> 3; i++) {
      buf[b--] |= v & 0xff;
      v = Math.floor(v / 256);
    }
    return;
  }
  let remaining = n;
  let b = byte + (bit >> 3);
  let offsetInByte = bit & 7;
  while (remaining > 0) {
    const avail = 8 - offsetInByte;
    const take = remaining < avail ? remaining : avail;
    const shift = avail - take;
    const divisor = 2 ** (remaining - take);
    const chunk = Math.floor(value / divisor) & ((1 << take) - 1);
    buf[b] |= chunk << shift;
    remaining -= take;
    offsetInByte = 0;
    b++;
  }
}

/** Two lowercase hex digits of every byte value. */
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Lowercase hex of `n` bits (a multiple of 4) starting at a bit position. */
export function readHex(buf: Uint8Array, byte: number, bit: number, n: number): string {
  let s = "";
  if ((bit & 7) === 0 && (n & 7) === 0) {
    const start = byte + (bit >> 3);
    for (let i = 0; i < n >> 3; i++) s += HEX2[buf[start + i]];
    return s;
  }
  for (let i = 0; i < n; i += 4) s += readBits(buf, byte, bit + i, 4).toString(16);
  return s;
}

/** Value of one hex digit character code, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Bytes of an even-length hex string. Throws RangeError on a malformed string. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new RangeError(`odd-length hex string "${hex}"`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexDigit(hex.charCodeAt(2 * i));
    const lo = hexDigit(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw new RangeError(`"${hex}" is not hex`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Writes a hex string of `n` bits at a bit position. Throws RangeError on a malformed string. */
export function writeHex(buf: Uint8Array, byte: number, bit: number, n: number, hex: string): void {
  if (hex.length * 4 !== n || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new RangeError(`expected ${n / 4} hex digits, got "${hex}"`);
  }
  for (let i = 0; i < hex.length; i++) writeBits(buf, byte, bit + i * 4, 4, parseInt(hex[i], 16));
}

/**
 * ICAO 6-bit character set (ICAO Annex 10, Vol. IV, Table 3-9): 1–26 = A–Z, 32 = space,
 * 48–57 = 0–9. Other codes are not characters; they decode as "?" so a garbled callsign is
 * visibly garbled rather than silently blanked.
 */
const ICAO_CHARS = (() => {
  const t = new Array<string>(64).fill("?");
  for (let i = 1; i <= 26; i++) t[i] = String.fromCharCode(64 + i);
  t[32] = " ";
  for (let i = 48; i <= 57; i++) t[i] = String.fromCharCode(i);
  return t;
})();

/** Character codes of `ICAO_CHARS`. */
const ICAO_CODES = Uint8Array.from(ICAO_CHARS, (c) => c.charCodeAt(0));

/** Decodes ICAO 6-bit characters. */
export function readIcaoString(buf: Uint8Array, byte: number, bit: number, n: number): string {
  if (n === 48 && (bit & 7) === 0) {
    // Eight characters in six whole octets (aircraft identification): one string, no concatenation.
    const p = byte + (bit >> 3);
    const hi = (buf[p] << 16) | (buf[p + 1] << 8) | buf[p + 2];
    const lo = (buf[p + 3] << 16) | (buf[p + 4] << 8) | buf[p + 5];
    return String.fromCharCode(
      ICAO_CODES[hi >> 18], ICAO_CODES[(hi >> 12) & 63], ICAO_CODES[(hi >> 6) & 63], ICAO_CODES[hi & 63],
      ICAO_CODES[lo >> 18], ICAO_CODES[(lo >> 12) & 63], ICAO_CODES[(lo >> 6) & 63], ICAO_CODES[lo & 63],
    );
  }
  let s = "";
  for (let i = 0; i < n; i += 6) s += ICAO_CHARS[readBits(buf, byte, bit + i, 6)];
  return s;
}

/** Encodes ICAO 6-bit characters, space-padded to n/6 characters. Throws RangeError on a character outside the set. */
export function writeIcaoString(buf: Uint8Array, byte: number, bit: number, n: number, text: string): void {
  const chars = n / 6;
  const padded = text.toUpperCase().padEnd(chars, " ");
  if (padded.length > chars) throw new RangeError(`"${text}" longer than ${chars} characters`);
  for (let i = 0; i < chars; i++) {
    const c = padded.charCodeAt(i);
    let code: number;
    if (c >= 65 && c <= 90) code = c - 64;
    else if (c === 32) code = 32;
    else if (c >= 48 && c <= 57) code = c;
    else throw new RangeError(`"${padded[i]}" is not an ICAO 6-bit character`);
    writeBits(buf, byte, bit + i * 6, 6, code);
  }
}

/** Decodes IA-5 (ASCII) 8-bit characters; NUL ends the text. */
export function readAsciiString(buf: Uint8Array, byte: number, bit: number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i += 8) {
    const c = readBits(buf, byte, bit + i, 8);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

/** Encodes IA-5 text, NUL-padded. Throws RangeError when too long or not 7-bit. */
export function writeAsciiString(buf: Uint8Array, byte: number, bit: number, n: number, text: string): void {
  const chars = n / 8;
  if (text.length > chars) throw new RangeError(`"${text}" longer than ${chars} characters`);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) throw new RangeError(`"${text[i]}" is not an IA-5 character`);
    writeBits(buf, byte, bit + i * 8, 8, c);
  }
}

/** Decodes octal digits (3 bits each), e.g. a Mode 3/A code "7700". */
export function readOctalString(buf: Uint8Array, byte: number, bit: number, n: number): string {
  const v = readBits(buf, byte, bit, n);
  return v.toString(8).padStart(Math.ceil(n / 3), "0");
}

/** Encodes an octal digit string. Throws RangeError on non-octal text or overflow. */
export function writeOctalString(buf: Uint8Array, byte: number, bit: number, n: number, text: string): void {
  if (!/^[0-7]+$/.test(text)) throw new RangeError(`"${text}" is not an octal code`);
  const v = parseInt(text, 8);
  if (v >= 2 ** n) throw new RangeError(`octal code ${text} does not fit in ${n} bits`);
  writeBits(buf, byte, bit, n, v);
}
