/**
 * The data model of an ASTERIX category edition: its User Application Profile (UAP) and the
 * structure of every data item, as tables (the shape of the machine-readable
 * asterix-specs definitions). The generic engine in `engine.ts` interprets these tables;
 * no category has a hand-written parser.
 *
 * Source: EUROCONTROL ASTERIX Part 1 (EUROCONTROL-SPEC-0149, ed. 2.4), §4 (data item
 * structures: fixed, extended, repetitive, explicit, compound); the per-category tables in
 * `specs/` are generated from zoranbosnjak/asterix-specs by `scripts/gen-asterix-specs.ts`.
 */

/** How the bits of an element are to be read. */
export type Content =
  /** Raw bits: an integer up to 48 bits, a lowercase hex string beyond. */
  | { k: "raw" }
  /** An enumeration (code table): the integer code. */
  | { k: "table" }
  /** Text: IA-5 (ASCII) 8 bits per character, ICAO 6-bit characters, or octal digits (3 bits each). */
  | { k: "str"; enc: "ascii" | "icao" | "octal" }
  /** A plain integer, signed two's complement or unsigned. */
  | { k: "int"; signed: boolean }
  /** A scaled quantity: value = integer × lsb, in `unit` (the unit of the standard, converted at the report stage). */
  | { k: "q"; signed: boolean; lsb: number; unit: string }
  /** Content depending on the value of another element of the same item (`path` from the item root). */
  | { k: "dep"; path: string[]; byDefault: Content; cases: Array<[number[], Content]> };

/** A named part of a group or extended item. */
export interface Field {
  name: string;
  v: Variation;
}

/** Spare bits inside a group or extended item. */
export interface Spare {
  spare: number;
}

/** The structure of a data item (ASTERIX Part 1, §4.3). */
export type Variation =
  /** One element of `bits` bits. */
  | { v: "el"; bits: number; c: Content }
  /** A fixed sequence of fields and spare bits (multiple of 8 bits at item level). */
  | { v: "group"; items: Array<Field | Spare> }
  /** Octets chained by an FX bit: `null` marks an FX bit closing one octet group. */
  | { v: "ext"; items: Array<Field | Spare | null> }
  /** Repetitions of `item`, counted by a `counter`-byte prefix, or chained by FX bits when `counter` is 0. */
  | { v: "rep"; counter: number; item: Variation }
  /** A length-prefixed field (SP, RE): kept as raw bytes. */
  | { v: "explicit"; kind: "SP" | "RE" | "other" }
  /** Sub-items selected by their own FSPEC; `null` marks a spare FRN. */
  | { v: "compound"; items: Array<Field | null> };

/** One ASTERIX category edition. */
export interface CategorySpec {
  /** Category number, 0-255. */
  category: number;
  /** Edition, "major.minor". */
  edition: string;
  /**
   * Item names in FRN order (FRN 1 = index 0); `null` for a spare FRN; "RFS" for the Random
   * Field Sequencing indicator. With `uaps`, this is the first variation's.
   */
  uap: Array<string | null>;
  /**
   * Several UAPs chosen per record by the value of a field decoded with the first one
   * (CAT001: I001/020 TYP, plot or track; ASTERIX Part 2a, CAT001 §5).
   */
  uaps?: {
    selector: { item: string; field: string };
    /** Field value → variation name. */
    cases: Record<string, string>;
    variations: Record<string, Array<string | null>>;
  };
  /** Data items by name ("010", "SP", "RE"). */
  items: Record<string, Variation>;
}

/** Bit size of a fixed variation (element or group); throws for variable ones. */
export function fixedBits(v: Variation): number {
  if (v.v === "el") return v.bits;
  if (v.v === "group") return v.items.reduce((n, f) => n + ("spare" in f ? f.spare : fixedBits(f.v)), 0);
  throw new Error(`variation ${v.v} has no fixed size`);
}

/**
 * The parts of an extended item: runs of fields each closed by an FX bit (`null` in the
 * table), and possibly a last run without FX (its octets are then the item's last).
 */
export function extendedParts(items: Array<Field | Spare | null>): Array<{ fields: Array<Field | Spare>; fx: boolean }> {
  const parts: Array<{ fields: Array<Field | Spare>; fx: boolean }> = [];
  let run: Array<Field | Spare> = [];
  for (const f of items) {
    if (f === null) {
      parts.push({ fields: run, fx: true });
      run = [];
    } else run.push(f);
  }
  if (run.length > 0) parts.push({ fields: run, fx: false });
  return parts;
}

// Small constructors used by the generated tables in `specs/`.

/** An element field. */
export function el(name: string, bits: number, c: Content = { k: "raw" }): Field {
  return { name, v: { v: "el", bits, c } };
}
/** A code-table element field. */
export function tbl(name: string, bits: number): Field {
  return el(name, bits, { k: "table" });
}
/** A scaled-quantity element field. */
export function qty(name: string, bits: number, signed: boolean, lsb: number, unit: string): Field {
  return el(name, bits, { k: "q", signed, lsb, unit });
}
/** An integer element field. */
export function int(name: string, bits: number, signed: boolean): Field {
  return el(name, bits, { k: "int", signed });
}
/** A text element field. */
export function str(name: string, bits: number, enc: "ascii" | "icao" | "octal"): Field {
  return el(name, bits, { k: "str", enc });
}
/** Spare bits. */
export function spare(bits: number): Spare {
  return { spare: bits };
}
/** A group variation. */
export function group(...items: Array<Field | Spare>): Variation {
  return { v: "group", items };
}
/** An extended variation; pass `FX` between octet groups and at the end. */
export function ext(...items: Array<Field | Spare | null>): Variation {
  return { v: "ext", items };
}
/** The FX marker for `ext`. */
export const FX = null;
/** A repetitive variation (`counter` bytes of repetition count, or 0 for FX-chained). */
export function rep(counter: number, item: Variation): Variation {
  return { v: "rep", counter, item };
}
/** An explicit (length-prefixed) variation. */
export function explicit(kind: "SP" | "RE" | "other"): Variation {
  return { v: "explicit", kind };
}
/** A compound variation; `null` for a spare FRN. */
export function compound(...items: Array<Field | null>): Variation {
  return { v: "compound", items };
}
/** A named sub-item of a compound, or a field with a non-element variation. */
export function sub(name: string, v: Variation): Field {
  return { name, v };
}
/** The variation of a single-element item. */
export function elv(bits: number, c: Content = { k: "raw" }): Variation {
  return { v: "el", bits, c };
}
