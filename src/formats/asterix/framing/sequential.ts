/**
 * Framing of files that are a sequence of units, each unit = [prefix][one data block][suffix]:
 * raw (no prefix, no suffix), .gps (10-byte suffix) and .rply (8-byte prefix). Bad units are
 * reported as issues and the reader resynchronises on the next offset where a chain of plausible
 * units starts, so one corrupt or lying length field does not lose the rest of the file.
 */
import { BLOCK_HEADER, blockHeaderProblem, isLikelyBlockStart, isPlausibleBlock } from "./blocks.js";
import { makeBlock, makeIssue, u16be } from "./bytes.js";
import type { BlockExtra, FramingItem, FramingStats } from "./types.js";

/** How a unit is laid out around its data block. */
export interface UnitLayout {
  /** What a unit is called in messages ("data block", "gps record", "replay record"). */
  name: string;
  /** Bytes before the data block. */
  prefix: number;
  /** Bytes after the data block. */
  suffix: number;
  /** Extra consistency test of the prefix/suffix given the block's LEN; a message when it fails. */
  check?(b: Uint8Array, u: number, len: number): string | null;
  /** Time fields the prefix/suffix carry. */
  extra?(b: Uint8Array, u: number, len: number): BlockExtra | undefined;
}

/** Number of consecutive plausible units that make a resynchronisation point (fewer when they reach the end). */
export const RESYNC_CHAIN = 6;

/** End offset of the structurally valid unit at `u`, or −1. */
function unitEnd(b: Uint8Array, u: number, end: number, L: UnitLayout): number {
  const h = u + L.prefix;
  if (h + BLOCK_HEADER + L.suffix > end) return -1;
  const len = u16be(b, h + 1);
  if (b[h] === 0 || len < BLOCK_HEADER) return -1;
  const e = h + len + L.suffix;
  if (e > end) return -1;
  if (L.check !== undefined && L.check(b, u, len) !== null) return -1;
  return e;
}

/** Most distinct categories not yet met in the file in a resynchronisation chain of `RESYNC_CHAIN` blocks (unless it reaches the end). */
export const RESYNC_MAX_CATEGORIES = 3;

/** Longest data block a resynchronisation accepts before any block was read (longer ones: twice the longest read so far). */
export const RESYNC_MAX_LEN = 8192;

/**
 * End of the unit at `u` if it looks real (see `isPlausibleBlock`), also accepting category `cat`
 * when ≥ 0; else −1. With `maxLen` > 0 (resynchronisation) the test is stricter: `isLikelyBlockStart`
 * and a block length of at most `maxLen` (random bytes mostly give long lengths).
 */
function plausibleEnd(b: Uint8Array, u: number, end: number, L: UnitLayout, cat = -1, maxLen = 0): number {
  const h = u + L.prefix;
  if (h + 4 + L.suffix > end) return -1;
  if (maxLen > 0 && u16be(b, h + 1) > maxLen) return -1;
  const known = maxLen > 0 ? isLikelyBlockStart(b, h, end - L.suffix) : isPlausibleBlock(b, h, end - L.suffix);
  if (!known && !(b[h] === cat && u16be(b, h + 1) >= 4 && b[h + 3] !== 0)) return -1;
  return unitEnd(b, u, end, L);
}

/**
 * True when a unit ending at `e` is followed by the end of the buffer, a plausible unit, a unit of the
 * same category `cat`, or a unit of an unlisted category that is itself followed by a chain (so runs
 * of categories outside the plausible list are read, while a lying length rarely lands that well).
 */
function landsWell(b: Uint8Array, e: number, end: number, L: UnitLayout, cat: number): boolean {
  if (e === end || plausibleEnd(b, e, end, L, cat) >= 0) return true;
  const h = e + L.prefix;
  const next = plausibleEnd(b, e, end, L, b[h]); // the unit at e, whatever its category
  return next >= 0 && (next === end || chainStartsAt(b, next, end, L, RESYNC_CHAIN, b[h], 0));
}

/** Why the unit at `u` is not valid (for messages). */
function unitProblem(b: Uint8Array, u: number, end: number, L: UnitLayout): string {
  const h = u + L.prefix;
  if (h + BLOCK_HEADER + L.suffix > end) return `${end - u} byte(s) left, too few for a ${L.name}`;
  const problem = blockHeaderProblem(b, h, end - L.suffix);
  if (problem !== null) return problem;
  const len = u16be(b, h + 1);
  const checked = L.check?.(b, u, len) ?? null;
  if (checked !== null) return checked;
  return `${L.name} (CAT${String(b[h]).padStart(3, "0")}, length ${len}) ends at byte ${h + len + L.suffix}, where no plausible ${L.name} starts`;
}

/**
 * True when a chain of `n` plausible units (or fewer reaching exactly `end`) starts at `j`; the first may
 * also be of category `firstCat`. `maxLen` > 0: the stricter resynchronisation test (see `plausibleEnd`),
 * with at most `RESYNC_MAX_CATEGORIES` distinct categories in the chain that are not marked in `seen`.
 */
export function chainStartsAt(
  b: Uint8Array, j: number, end: number, L: UnitLayout, n = RESYNC_CHAIN, firstCat = -1, maxLen = RESYNC_MAX_LEN,
  seen: Uint8Array | null = null,
): boolean {
  let u = j;
  let cat = firstCat;
  const cats: number[] = [];
  for (let k = 0; k < n; k++) {
    const e = plausibleEnd(b, u, end, L, cat, maxLen);
    if (e < 0) return false;
    if (e === end) return true;
    cat = b[u + L.prefix];
    if ((seen === null || seen[cat] === 0) && !cats.includes(cat)) cats.push(cat);
    u = e;
  }
  // A real stream repeats its few categories; record bytes that pass for blocks mostly do not.
  return maxLen === 0 || cats.length <= RESYNC_MAX_CATEGORIES;
}

/**
 * First offset in `[from, end)` where a chain of plausible units starts, or −1. When that chain's
 * first block is of a category not seen so far in the file (`seen`, by category), and a chain
 * starting with a seen category begins inside that first block, the inner one is taken: the outer
 * "block" is then most likely record bytes that happened to look like a header.
 */
function findResync(b: Uint8Array, from: number, end: number, L: UnitLayout, seen: Uint8Array | null, maxLen: number): number {
  const last = end - L.prefix - 4 - L.suffix;
  let j = from;
  while (j <= last && !chainStartsAt(b, j, end, L, RESYNC_CHAIN, -1, maxLen, seen)) j++;
  if (j > last) return -1;
  if (seen !== null && seen[b[j + L.prefix]] === 0) {
    const e = unitEnd(b, j, end, L);
    for (let k = j + 1; k < e && k <= last; k++) {
      if (seen[b[k + L.prefix]] === 1 && chainStartsAt(b, k, end, L, RESYNC_CHAIN, -1, maxLen, seen)) return k;
    }
  }
  return j;
}

function where(j: number, end: number): string {
  return j < 0 ? "to the end of the buffer" : `up to the next plausible data block at byte ${j}`;
}

/**
 * Frames `b[start, end)` as a sequence of units. Never throws.
 *
 * A unit is accepted when it is structurally valid and its end is the end of the buffer, the start
 * of a plausible unit, or the start of a unit of the same category. Otherwise the reader looks for
 * the next offset where `RESYNC_CHAIN` plausible units follow one another (or reach the end). If that
 * offset lies inside the unit, the unit's length field is taken to lie and the whole span is one
 * issue; if it lies beyond the unit, the unit is delivered and the bytes after it are the issue.
 * Resynchronisation uses stricter tests than reading (`isLikelyBlockStart`, block length at most
 * `RESYNC_MAX_LEN` or twice the longest block read so far) and prefers categories already met in the
 * file (see `findResync`), so that record bytes and wrong framings rarely pass for blocks.
 */
export function* frameUnits(
  b: Uint8Array, start: number, end: number, L: UnitLayout, stats: FramingStats,
  validate?: (block: Uint8Array) => boolean | undefined,
): Generator<FramingItem, void, undefined> {
  const seen = new Uint8Array(256);
  let anySeen = false;
  let maxLen = RESYNC_MAX_LEN;
  let u = start;
  while (u < end) {
    const e = unitEnd(b, u, end, L);
    const h = u + L.prefix;
    // The first unit has no block before it to vouch for it: when it is longer than a usual block
    // (as random bytes or a wrong framing mostly make it), it must start a chain itself.
    const vouched = u !== start || e === end || e - u <= RESYNC_MAX_LEN || chainStartsAt(b, u, end, L, RESYNC_CHAIN, b[h], 0);
    // A block that lands well but does not decode, with a chain of plausible blocks starting
    // inside it, has a lying length: the chain is taken (the decoder would print garbage).
    if (e >= 0 && vouched && landsWell(b, e, end, L, b[h]) && validate?.(b.subarray(h, h + u16be(b, h + 1))) === false) {
      const inner = findResync(b, u + 1, e, L, anySeen ? seen : null, maxLen);
      if (inner > u && inner < e) {
        yield makeIssue(u, inner - u, `at byte ${u}: data block (CAT${String(b[h]).padStart(3, "0")}, length ${u16be(b, h + 1)}) does not decode and plausible data blocks start inside it: its length field lies; ${inner - u} bytes skipped up to the data block at byte ${inner}`, stats);
        u = inner;
        continue;
      }
    }
    if (e >= 0 && vouched && landsWell(b, e, end, L, b[h])) {
      seen[b[h]] = 1;
      anySeen = true;
      const len = u16be(b, h + 1);
      if (2 * len > maxLen) maxLen = 2 * len;
      yield makeBlock(b.subarray(h, h + len), h, L.extra?.(b, u, len), stats);
      u = e;
      continue;
    }
    const j = findResync(b, u + 1, end, L, anySeen ? seen : null, maxLen);
    // A chain starting inside the unit says its length lies, unless the unit decodes completely.
    const honest = e >= 0 && vouched && j >= 0 && j < e && validate?.(b.subarray(h, h + u16be(b, h + 1))) === true;
    const stop = j < 0 || honest ? (honest ? e : end) : j;
    if (honest) {
      seen[b[h]] = 1;
      anySeen = true;
      const len = u16be(b, h + 1);
      yield makeBlock(b.subarray(h, h + len), h, L.extra?.(b, u, len), stats);
      u = e;
      continue;
    }
    if (e >= 0 && vouched && (j < 0 || j >= e)) {
      const len = u16be(b, h + 1);
      yield makeBlock(b.subarray(h, h + len), h, L.extra?.(b, u, len), stats);
      if (e < stop) {
        const msg = `at byte ${e}: ${unitProblem(b, e, end, L)}; ${stop - e} bytes skipped ${where(j, end)}`;
        yield makeIssue(e, stop - e, msg, stats);
      }
    } else {
      const problem = e >= 0 && !vouched
        ? `the first ${L.name} (CAT${String(b[h]).padStart(3, "0")}, length ${u16be(b, h + 1)}) does not start a chain of plausible ${L.name}s`
        : unitProblem(b, u, end, L);
      const msg = `at byte ${u}: ${problem}; ${stop - u} bytes skipped ${where(j, end)}`;
      yield makeIssue(u, stop - u, msg, stats);
    }
    u = stop;
  }
}

/** Raw ASTERIX: data blocks back to back. */
export const RAW_LAYOUT: UnitLayout = { name: "data block", prefix: 0, suffix: 0 };

/** Size of the .gps file header, bytes. */
export const GPS_HEADER = 2200;
/** Size of the .gps per-block trailer, bytes. */
export const GPS_TRAILER = 10;

/**
 * .gps recording (reader_network / CroatiaControl `-G`): each block is followed by a 10-byte trailer
 * whose bytes 6..8 are the time of day, 24-bit big-endian, LSB 1/128 s.
 */
export const GPS_LAYOUT: UnitLayout = {
  name: "gps record", prefix: 0, suffix: GPS_TRAILER,
  extra(b, u, len) {
    const t = u + len + 6;
    return { timeOfDay: ((b[t] << 16) | (b[t + 1] << 8) | b[t + 2]) / 128 };
  },
};

/**
 * .rply replay file (ASTERIX-ANALYSER): [u32 LE block length][u32 LE ms since previous block][data block];
 * the length must equal the block's LEN.
 */
export const RPLY_LAYOUT: UnitLayout = {
  name: "replay record", prefix: 8, suffix: 0,
  check(b, u, len) {
    const declared = (b[u] | (b[u + 1] << 8) | (b[u + 2] << 16)) + b[u + 3] * 0x1000000;
    return declared === len ? null : `replay record length ${declared} does not match its data block length ${len}`;
  },
  extra(b, u) {
    return { delay: ((b[u + 4] | (b[u + 5] << 8) | (b[u + 6] << 16)) + b[u + 7] * 0x1000000) / 1000 };
  },
};

/** How far a chain of plausible units runs from `start` (see `detectFraming`). */
export interface ChainScore {
  /** Complete plausible units in a row (at most `max`). */
  count: number;
  /** `"eof"`: the chain ends exactly at the end; `"truncated"`: the next unit looks right but runs past the end; `"bad"`: garbage; `"max"`: `max` reached. */
  outcome: "eof" | "truncated" | "bad" | "max";
}

/** Counts plausible units from `start` (up to `max`). */
export function scoreUnits(b: Uint8Array, start: number, L: UnitLayout, max: number): ChainScore {
  const end = b.length;
  let u = start;
  let cat = -1;
  let count = 0;
  while (count < max) {
    if (u === end) return { count, outcome: count > 0 ? "eof" : "bad" };
    const e = plausibleEnd(b, u, end, L, cat);
    if (e < 0) {
      const h = u + L.prefix;
      const looksRight = h + 4 <= end && (b[h] === cat || isPlausibleBlock(b, h, 0x10000 + h)) && h + u16be(b, h + 1) + L.suffix > end;
      return { count, outcome: looksRight ? "truncated" : "bad" };
    }
    cat = b[u + L.prefix];
    count++;
    u = e;
  }
  return { count, outcome: u === end ? "eof" : "max" };
}
