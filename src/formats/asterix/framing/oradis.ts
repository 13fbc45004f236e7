/**
 * ORADIS wrapping of ASTERIX in UDP (as recorded by ORADIS-based radar distribution networks, read by the
 * CroatiaControl decoder with `-R`): a payload is a sequence of packets, each a 6-byte header
 * [total length (2 BE, incl. the header)][4 bytes] followed by exactly one data block.
 */
import { BLOCK_HEADER, blockHeaderProblem } from "./blocks.js";
import { makeBlock, makeIssue, u16be } from "./bytes.js";
import type { BlockExtra, FramingItem, FramingStats } from "./types.js";

/** ORADIS packet header size, bytes. */
export const ORADIS_HEADER = 6;

/** What is wrong with the ORADIS packet at `i` of `p`, or `null` when it holds exactly one valid data block. */
function oradisProblem(p: Uint8Array, i: number): string | null {
  const left = p.length - i;
  if (left < ORADIS_HEADER + BLOCK_HEADER) return `${left} byte(s) left, too few for an ORADIS packet`;
  const total = u16be(p, i);
  if (total > left) return `ORADIS packet length ${total} exceeds the ${left} bytes left`;
  if (total < ORADIS_HEADER + BLOCK_HEADER) return `ORADIS packet length ${total} is too small`;
  const problem = blockHeaderProblem(p, i + ORADIS_HEADER, i + total);
  if (problem !== null) return `ORADIS packet: ${problem}`;
  const len = u16be(p, i + ORADIS_HEADER + 1);
  if (len !== total - ORADIS_HEADER) return `ORADIS packet length ${total} does not match its data block length ${len} + 6`;
  return null;
}

/** True when the whole payload is a chain of ORADIS packets (at least one). */
export function isOradisChain(p: Uint8Array): boolean {
  if (p.length === 0) return false;
  for (let i = 0; i < p.length; i += u16be(p, i)) {
    if (oradisProblem(p, i) !== null) return false;
  }
  return true;
}

/**
 * Yields the data block of each ORADIS packet of `payload`; at the first bad packet the rest of the
 * payload is one issue. Offsets are `baseOffset` + position in the payload. Never throws.
 */
export function* splitOradis(
  payload: Uint8Array, baseOffset: number, extra: BlockExtra | undefined, stats: FramingStats,
): Generator<FramingItem, void, undefined> {
  let i = 0;
  while (i < payload.length) {
    const problem = oradisProblem(payload, i);
    if (problem !== null) {
      yield makeIssue(baseOffset + i, payload.length - i, `${problem} (${payload.length - i} bytes skipped)`, stats);
      return;
    }
    const total = u16be(payload, i);
    yield makeBlock(payload.subarray(i + ORADIS_HEADER, i + total), baseOffset + i + ORADIS_HEADER, extra, stats);
    i += total;
  }
}
