/**
 * Data blocks back to back: the strict splitter used for one UDP/LLC payload (or any buffer whose
 * blocks are known to start at its first byte), and the plausibility tests the guessing code uses.
 *
 * Data block: ASTERIX Part 1, §4.2: [CAT 1][LEN 2 BE, incl. the 3 header octets][records]; each record
 * starts with its FSPEC, whose first octet is never 0 (§4.3.2).
 */
import { isKnownCategory, startsWithSourceId } from "./categories.js";
import { makeBlock, makeIssue, u16be } from "./bytes.js";
import { newFramingStats, type BlockExtra, type FramingItem, type FramingStats } from "./types.js";

/** Size of the data block header (CAT + LEN), octets. */
export const BLOCK_HEADER = 3;

/**
 * What is wrong with the data block header at `i` when the block must end by `end`, or `null` when it
 * is structurally valid (category 1..255, 3 ≤ LEN ≤ end − i).
 */
export function blockHeaderProblem(b: Uint8Array, i: number, end: number): string | null {
  const left = end - i;
  if (left < BLOCK_HEADER) return `${left} byte(s) left, too few for a data block header`;
  const cat = b[i];
  const len = u16be(b, i + 1);
  if (cat === 0) return `category 0 is not an ASTERIX category (header ${cat} ${len})`;
  if (len < BLOCK_HEADER) return `data block length ${len} is less than the 3-byte header`;
  if (len > left) return `data block length ${len} exceeds the ${left} bytes left`;
  return null;
}

/**
 * True when a data block that looks real starts at `i` and ends by `end`: a commonly used category,
 * LEN ≥ 4 (at least one record octet), LEN within the buffer and a non-zero first FSPEC octet.
 */
export function isPlausibleBlock(b: Uint8Array, i: number, end: number): boolean {
  if (end - i < 4 || !isKnownCategory(b[i])) return false;
  const len = u16be(b, i + 1);
  return len >= 4 && len <= end - i && b[i + 3] !== 0;
}

/**
 * Stricter than {@link isPlausibleBlock}, for guessing where blocks start again after garbage: also
 * requires FRN 1 in the first FSPEC octet for categories whose records always begin with I/010.
 */
export function isLikelyBlockStart(b: Uint8Array, i: number, end: number): boolean {
  return isPlausibleBlock(b, i, end) && (!startsWithSourceId(b[i]) || (b[i + 3] & 0x80) !== 0);
}

/** True when `[start, end)` is exactly a chain of structurally valid data blocks (at least one). */
export function isBlockChain(b: Uint8Array, start: number, end: number): boolean {
  if (start >= end) return false;
  let i = start;
  while (i < end) {
    if (blockHeaderProblem(b, i, end) !== null) return false;
    i += u16be(b, i + 1);
  }
  return true;
}

/**
 * Splits a buffer holding data blocks back to back (one UDP datagram payload, one LLC frame payload,
 * one FINAL record body) into blocks. The first block must start at `payload[0]`. When a header is
 * not valid (category 0, LEN < 3, LEN beyond the end, fewer than 3 bytes left) the rest of the
 * payload is reported as one issue and the blocks before it have already been yielded.
 *
 * @param payload the bytes; yielded blocks are subarrays of it (no copy).
 * @param baseOffset offset of `payload[0]` in the file, added to every reported offset.
 * @param extra time/packet fields copied onto every block.
 * @param stats counters to update (a private object when absent).
 * @returns a generator of blocks and issues; never throws.
 */
export function* splitDataBlocks(
  payload: Uint8Array, baseOffset: number, extra?: BlockExtra, stats: FramingStats = newFramingStats(),
): Generator<FramingItem, void, undefined> {
  const end = payload.length;
  let i = 0;
  while (i < end) {
    const problem = blockHeaderProblem(payload, i, end);
    if (problem !== null) {
      const what = i === 0 ? "payload" : "after the last data block";
      yield makeIssue(baseOffset + i, end - i, `${problem} (${end - i} bytes ${what} skipped)`, stats);
      return;
    }
    const len = u16be(payload, i + 1);
    yield makeBlock(payload.subarray(i, i + len), baseOffset + i, extra, stats);
    i += len;
  }
}
