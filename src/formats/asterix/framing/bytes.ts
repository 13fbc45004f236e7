/** Small byte readers and the issue/block constructors shared by the framings (internal). */
import type { BlockExtra, FramedBlock, FramingIssue, FramingStats } from "./types.js";

/** Unsigned 16-bit big-endian integer at `i`. */
export function u16be(b: Uint8Array, i: number): number {
  return (b[i] << 8) | b[i + 1];
}

/** Unsigned 24-bit big-endian integer at `i`. */
export function u24be(b: Uint8Array, i: number): number {
  return (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
}

/** Unsigned 32-bit integer at `i`, little-endian when `le`, else big-endian. */
export function u32(b: Uint8Array, i: number, le: boolean): number {
  return le
    ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000
    : b[i] * 0x1000000 + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
}

/** Unsigned 16-bit integer at `i`, little-endian when `le`. */
export function u16(b: Uint8Array, i: number, le: boolean): number {
  return le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
}

/** Builds a block item (only the extra fields that are present are set) and counts it. */
export function makeBlock(data: Uint8Array, offset: number, extra: BlockExtra | undefined, stats: FramingStats): FramedBlock {
  stats.blocks++;
  const block: FramedBlock = { kind: "block", data, offset };
  if (extra !== undefined) {
    if (extra.time !== undefined) block.time = extra.time;
    if (extra.timeOfDay !== undefined) block.timeOfDay = extra.timeOfDay;
    if (extra.delay !== undefined) block.delay = extra.delay;
    if (extra.packet !== undefined) block.packet = extra.packet;
  }
  return block;
}

/** Builds an issue item and counts it. */
export function makeIssue(offset: number, length: number, message: string, stats: FramingStats): FramingIssue {
  stats.issues++;
  stats.issueBytes += length;
  return { kind: "issue", offset, length, message };
}

/** Hex of up to `max` bytes at `i` (for messages). */
export function hexAt(b: Uint8Array, i: number, max: number): string {
  let s = "";
  for (let k = i; k < Math.min(b.length, i + max); k++) s += b[k].toString(16).padStart(2, "0");
  return s;
}
