/**
 * Data blocks → records. A data block is [CAT (1)][LEN (2, big-endian, whole block)][records].
 * Records carry no length of their own, so a malformed record ends its block: the records
 * before it are kept and the error (with its byte offset) is returned beside them.
 *
 * Source: EUROCONTROL ASTERIX Part 1 (EUROCONTROL-SPEC-0149), §4.1 data block.
 */
import { decodeRecord, type AsterixRecord } from "./decode.js";
import { DecodeError } from "./errors.js";
import { projectorFor, type ProjectionSpec } from "./projection.js";
import type { CategoryRegistry } from "./registry.js";

/** What one data block gave. */
export interface BlockResult {
  category: number;
  /** Byte offset of the block in the caller's input. */
  offset: number;
  /** Records decoded, in order. */
  records: AsterixRecord[];
  /** Set when the block or one of its records is malformed; records before it are still in `records`. */
  error?: DecodeError;
  /** True when the category is not supported: the block is passed over whole (counted, not an error). */
  unsupported?: boolean;
}

/** SAC/SIC "SAC/SIC" of the record at `pos` when its first item is FRN 1 = I010 (true of every surveillance category), else undefined. */
export function peekSensor(block: Uint8Array, pos: number): string | undefined {
  if (pos >= block.length || (block[pos] & 0x80) === 0) return undefined;
  let p = pos;
  while (p < block.length && block[p] & 1) p++;
  p++;
  if (p + 2 > block.length) return undefined;
  return `${block[p]}/${block[p + 1]}`;
}

/**
 * Decodes every record of one data block.
 * `block` holds exactly one data block; `offset` is its position in the caller's input.
 * Never throws: problems come back in `error`.
 */
export function decodeBlock(registry: CategoryRegistry, block: Uint8Array, offset = 0): BlockResult {
  const category = block.length > 0 ? block[0] : -1;
  const result: BlockResult = { category, offset, records: [] };
  if (block.length < 3) {
    result.error = new DecodeError(`data block of ${block.length} bytes is shorter than its 3-byte header`, offset);
    return result;
  }
  const len = (block[1] << 8) | block[2];
  if (len !== block.length) {
    result.error = new DecodeError(
      `data block length field says ${len} bytes but the block holds ${block.length}`, offset + 1, category);
    return result;
  }
  if (len === 3) {
    result.error = new DecodeError("data block holds no record", offset, category);
    return result;
  }
  let pos = 3;
  const first = registry.get(category, peekSensor(block, pos));
  if (!first) {
    result.unsupported = true;
    return result;
  }
  let cat = first;
  const perSensor = registry.hasSensorChoices();
  while (pos < len) {
    try {
      if (perSensor) {
        const sensor = peekSensor(block, pos);
        if (sensor !== undefined) cat = registry.get(category, sensor) ?? first;
      }
      const rec = decodeRecord(cat, block, pos, len, offset);
      result.records.push(rec);
      pos += rec.length;
    } catch (e) {
      if (e instanceof DecodeError) {
        result.error = e;
        return result;
      }
      throw e;
    }
  }
  return result;
}

/** The empty projection: a projector of it only checks that records are well formed (see `projection.ts`). */
const NOTHING: ProjectionSpec = {};
const NO_FIELDS = {};

/**
 * A framing validator (see `FrameOptions.validate`): true when every record of the block decodes,
 * false when one does not, undefined when the category has no decoder here — what `decodeBlock`
 * says, found without building records (a generated projection of no field walks each record;
 * a record it does not take is decoded by the generic decoder, which has the last word).
 */
export function blockValidator(registry: CategoryRegistry): (block: Uint8Array) => boolean | undefined {
  return (block) => {
    const len = block.length;
    if (len < 4 || ((block[1] << 8) | block[2]) !== len) return false;
    const category = block[0];
    const perSensor = registry.hasSensorChoices();
    const first = registry.get(category, peekSensor(block, 3));
    if (!first) return undefined;
    let cat = first;
    let pos = 3;
    while (pos < len) {
      if (perSensor) {
        const sensor = peekSensor(block, pos);
        if (sensor !== undefined) cat = registry.get(category, sensor) ?? first;
      }
      const next = projectorFor(cat.spec, NOTHING)?.project(block, pos, len, NO_FIELDS) ?? -1;
      if (next >= 0) {
        pos = next;
        continue;
      }
      try {
        pos += decodeRecord(cat, block, pos, len, 0).length;
      } catch (e) {
        if (e instanceof DecodeError) return false;
        throw e;
      }
    }
    return true;
  };
}
