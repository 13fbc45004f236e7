/**
 * EUROCONTROL "final" recording format: a sequence of records
 * [byte count (2 BE, incl. the 8-byte header and the 4-byte padding)][board 1][line 1][recording day 1]
 * [time of day (3 BE, 10 ms units)][data blocks…][A5 A5 A5 A5].
 * Bad records are reported and the reader resynchronises on the next plausible record.
 */
import { isPlausibleBlock, splitDataBlocks } from "./blocks.js";
import { makeIssue, u16be, u24be } from "./bytes.js";
import type { FramingItem, FramingStats } from "./types.js";

/** Record header size, bytes. */
export const FINAL_HEADER = 8;
/** Record padding size (A5 A5 A5 A5), bytes. */
export const FINAL_PADDING = 4;
const MIN_RECORD = FINAL_HEADER + 3 + FINAL_PADDING;

/** What is wrong with the record at `r`, or `null` when its length fits and its padding is A5A5A5A5. */
export function finalRecordProblem(b: Uint8Array, r: number, end: number): string | null {
  const left = end - r;
  if (left < MIN_RECORD) return `${left} byte(s) left, too few for a final-format record`;
  const count = u16be(b, r);
  if (count < MIN_RECORD) return `final-format record length ${count} is less than ${MIN_RECORD}`;
  if (count > left) return `final-format record length ${count} exceeds the ${left} bytes left`;
  const p = r + count - FINAL_PADDING;
  if (b[p] !== 0xa5 || b[p + 1] !== 0xa5 || b[p + 2] !== 0xa5 || b[p + 3] !== 0xa5) {
    return `final-format record at byte ${r} (length ${count}) does not end with A5A5A5A5`;
  }
  return null;
}

/** True when a plausible record (valid, first block plausible) starts at `r`, followed by another or by `end`. */
export function finalChainAt(b: Uint8Array, r: number, end: number): boolean {
  for (let k = 0; k < 2; k++) {
    if (finalRecordProblem(b, r, end) !== null) return false;
    const count = u16be(b, r);
    if (!isPlausibleBlock(b, r + FINAL_HEADER, r + count - FINAL_PADDING)) return false;
    r += count;
    if (r === end) return true;
  }
  return true;
}

/** Frames a whole final-format buffer; blocks carry `timeOfDay` from their record header. Never throws. */
export function* frameFinal(b: Uint8Array, stats: FramingStats): Generator<FramingItem, void, undefined> {
  const end = b.length;
  let r = 0;
  while (r < end) {
    const problem = finalRecordProblem(b, r, end);
    if (problem === null) {
      const count = u16be(b, r);
      const timeOfDay = u24be(b, r + 5) / 100; // 10 ms units
      yield* splitDataBlocks(b.subarray(r + FINAL_HEADER, r + count - FINAL_PADDING), r + FINAL_HEADER, { timeOfDay }, stats);
      r += count;
      continue;
    }
    let j = r + 1;
    while (j < end && !finalChainAt(b, j, end)) j++;
    const where = j < end ? `up to the next plausible record at byte ${j}` : "to the end of the buffer";
    yield makeIssue(r, j - r, `at byte ${r}: ${problem}; ${j - r} bytes skipped ${where}`, stats);
    r = j;
  }
}
