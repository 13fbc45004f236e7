/**
 * The generic ASTERIX decoding engine: turns a category table (`spec.ts`) into record
 * decoders, compiled once per edition into closures so that decoding does no table look-ups.
 *
 * Decoded values keep the units of the standard (NM, degrees, FL, s…) so that a decode can be
 * compared field by field with other decoders; conversion to SI happens when records become
 * `SensorReport`s (`cat048.ts`, `cat034.ts`).
 *
 * Value shapes: an item that is a single element decodes to `{ VALUE: v }`; a group or extended
 * item to an object of its named fields (spares dropped; nested groups as nested objects); a
 * compound item to an object with one entry per present sub-item (single-element sub-items as
 * `{ VALUE: v }`); a repetitive item to an array; an explicit item (SP, RE) to `{ raw: "hex" }`.
 * Element values: integers for raw (≤ 48 bits), table and integer contents; lowercase hex strings
 * for raw contents over 48 bits (Mode S MB data); numbers (integer × LSB) for quantities; strings
 * for text (ICAO 6-bit, IA-5, octal digits).
 *
 * Source: EUROCONTROL ASTERIX Part 1 (EUROCONTROL-SPEC-0149), §4.3 data item structures,
 * §4.4 FSPEC and UAP.
 */
import { generateUapDecoder, type GenCursor, type GeneratedUap } from "./codegen.js";
import { DecodeError } from "./errors.js";
import type { CategorySpec } from "./spec.js";

/** A decoded element value or structure. */
export type ItemValue = number | string | ItemObject | ItemValue[];
/** A decoded group, extended or compound item. */
export interface ItemObject {
  [name: string]: ItemValue;
}

/** One decoded ASTERIX record. */
export interface AsterixRecord {
  category: number;
  edition: string;
  /** Byte offset of the record (its FSPEC) from the start of the decoder's input. */
  offset: number;
  /** Record length in bytes, FSPEC included. */
  length: number;
  /** Data items by name, in UAP order. */
  items: Record<string, ItemValue>;
}

type Cursor = GenCursor;

/** Throws DecodeError when fewer than `bytes` bytes are left in the record. */
function need(c: Cursor, bytes: number, what: string): void {
  if (c.pos + bytes > c.end) {
    throw new DecodeError(
      `${what} needs ${bytes} byte(s), only ${c.end - c.pos} left in the record`,
      c.base + c.pos,
      c.category,
      c.item,
    );
  }
}

/** A compiled UAP: the generated dispatcher plus the item names by FRN index (for RFS and messages). */
interface CompiledUap {
  decode: GeneratedUap;
  names: Array<string | null>;
}

/** A compiled category edition. */
export interface CompiledCategory {
  spec: CategorySpec;
  /** The (first) UAP. */
  frn: CompiledUap;
  /** Other UAPs by selector value, with the selector (CAT001 plot/track). */
  variations?: { item: string; field: string; cases: Record<string, CompiledUap> };
}

/** Compiles a category table for decoding (generated code, see `codegen.ts`). Throws Error when the table is malformed. */
export function compileCategory(spec: CategorySpec): CompiledCategory {
  const compileUap = (names: Array<string | null>): CompiledUap => {
    try {
      return { decode: generateUapDecoder(names, spec.items), names };
    } catch (e) {
      throw new Error(`CAT${spec.category} ${spec.edition}: ${(e as Error).message}`);
    }
  };
  const out: CompiledCategory = { spec, frn: compileUap(spec.uap) };
  if (spec.uaps) {
    const cases: Record<string, CompiledUap> = {};
    for (const [value, variation] of Object.entries(spec.uaps.cases)) cases[value] = compileUap(spec.uaps.variations[variation]);
    out.variations = { item: spec.uaps.selector.item, field: spec.uaps.selector.field, cases };
  }
  return out;
}

/**
 * Random Field Sequencing (ASTERIX Part 1, §4.3.6): a count N, then N × [FRN (1 byte)][item].
 * Items so sent are stored under their names like FSPEC-selected ones.
 */
function decodeRandomFields(uap: CompiledUap, buf: Uint8Array, c: Cursor, items: Record<string, ItemValue>): void {
  c.item = "RFS";
  need(c, 1, "RFS count");
  const n = buf[c.pos++];
  for (let k = 0; k < n; k++) {
    need(c, 1, "RFS field reference number");
    const frn = buf[c.pos++];
    const name = frn >= 1 ? uap.names[frn - 1] : undefined;
    if (!name || name === "RFS") {
      throw new DecodeError(`RFS names FRN ${frn}, which is not a data item`, c.base + c.pos - 1, c.category, "RFS");
    }
    uap.decode(frn - 1, buf, c, items);
  }
}

/**
 * Decodes one record starting at `pos` of `buf`, not past `end`.
 * `base` is the offset of `buf[0]` in the caller's input (file), used in errors.
 * Throws DecodeError (with the byte offset) when the record is malformed or runs past `end`.
 */
export function decodeRecord(
  cat: CompiledCategory,
  buf: Uint8Array,
  pos: number,
  end: number,
  base = 0,
): AsterixRecord {
  const c: Cursor = { pos, end, base, category: cat.spec.category, item: "FSPEC" };
  const fspecStart = pos;
  // FSPEC: 7 FRN bits per octet, FX in the last bit. Find its end first: the items follow it.
  let any = 0;
  do {
    need(c, 1, "FSPEC");
    any |= buf[c.pos] & 0xfe;
  } while (buf[c.pos++] & 1);
  const fspecEnd = c.pos;
  if (any === 0) {
    throw new DecodeError("record FSPEC selects no item", base + fspecStart, cat.spec.category);
  }
  const items: Record<string, ItemValue> = {};
  let uap = cat.frn;
  const sel = cat.variations;
  for (let octet = fspecStart; octet < fspecEnd; octet++) {
    const x = buf[octet];
    if ((x & 0xfe) === 0) continue;
    for (let bit = 0; bit < 7; bit++) {
      if ((x & (0x80 >> bit)) === 0) continue;
      const i = (octet - fspecStart) * 7 + bit;
      const value = uap.decode(i, buf, c, items) as ItemValue | null | undefined;
      if (value === undefined) {
        throw new DecodeError(
          `FSPEC sets FRN ${i + 1}, which edition ${cat.spec.edition} does not use`,
          base + fspecStart,
          cat.spec.category,
        );
      }
      if (value === null) {
        decodeRandomFields(uap, buf, c, items);
        continue;
      }
      if (sel && c.item === sel.item) {
        // Choose the UAP of the rest of the record from the selector field (CAT001 TYP).
        const next = sel.cases[String((value as ItemObject)[sel.field])];
        if (next) uap = next;
      }
    }
  }
  return { category: cat.spec.category, edition: cat.spec.edition, offset: base + pos, length: c.pos - pos, items };
}
