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
import {
  readAsciiString, readBits, readHex, readIcaoString, readOctalString,
} from "./bits.js";
import { DecodeError } from "./errors.js";
import type { CategorySpec, Content, Field, Spare, Variation } from "./spec.js";

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

/** Decoding position within a buffer; `end` is exclusive. */
interface Cursor {
  pos: number;
  end: number;
  /** Offset of buf[0] in the caller's input, for error messages. */
  base: number;
  category: number;
  item: string;
}

type Decoder = (buf: Uint8Array, c: Cursor) => ItemValue;
type LeafReader = (buf: Uint8Array, byte: number, bit: number, root: ItemObject) => ItemValue;

function leafReader(bits: number, c: Content): LeafReader {
  switch (c.k) {
    case "raw":
      if (bits > 48) return (b, y, t) => readHex(b, y, t, bits);
      return (b, y, t) => readBits(b, y, t, bits);
    case "table":
      return (b, y, t) => readBits(b, y, t, bits);
    case "int":
      if (!c.signed) return (b, y, t) => readBits(b, y, t, bits);
      return (b, y, t) => signed(readBits(b, y, t, bits), bits);
    case "q": {
      const lsb = c.lsb;
      if (!c.signed) return (b, y, t) => readBits(b, y, t, bits) * lsb;
      return (b, y, t) => signed(readBits(b, y, t, bits), bits) * lsb;
    }
    case "str":
      if (c.enc === "icao") return (b, y, t) => readIcaoString(b, y, t, bits);
      if (c.enc === "ascii") return (b, y, t) => readAsciiString(b, y, t, bits);
      return (b, y, t) => readOctalString(b, y, t, bits);
    case "dep": {
      const byDefault = leafReader(bits, c.byDefault);
      const cases = c.cases.map(([values, cc]) => [values, leafReader(bits, cc)] as const);
      const path = c.path;
      return (b, y, t, root) => {
        let v: ItemValue | undefined = root;
        for (const p of path) v = v !== undefined && typeof v === "object" && !Array.isArray(v) ? v[p] : undefined;
        for (const [values, r] of cases) if (values.includes(v as number)) return r(b, y, t, root);
        return byDefault(b, y, t, root);
      };
    }
  }
}

/** Two's complement of an n-bit unsigned value. */
function signed(v: number, bits: number): number {
  const half = 2 ** (bits - 1);
  return v >= half ? v - 2 * half : v;
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

/** A field filler: reads named fields of a fixed bit layout into an object. */
type Filler = (buf: Uint8Array, byte: number, out: ItemObject, root: ItemObject) => void;

function compileFields(items: Array<Field | Spare>, startBit: number): { fill: Filler; bits: number } {
  const steps: Filler[] = [];
  let bit = startBit;
  for (const f of items) {
    if ("spare" in f) {
      bit += f.spare;
      continue;
    }
    const at = bit;
    const name = f.name;
    if (f.v.v === "el") {
      const r = leafReader(f.v.bits, f.v.c);
      steps.push((b, y, out, root) => {
        out[name] = r(b, y, at, root);
      });
      bit += f.v.bits;
    } else if (f.v.v === "group") {
      const inner = compileFields(f.v.items, at);
      steps.push((b, y, out, root) => {
        const o: ItemObject = {};
        out[name] = o;
        inner.fill(b, y, o, root);
      });
      bit += inner.bits;
    } else {
      throw new Error(`field ${name}: ${f.v.v} inside a fixed group is not supported`);
    }
  }
  const n = steps.length;
  return {
    bits: bit - startBit,
    fill: (b, y, out, root) => {
      for (let i = 0; i < n; i++) steps[i](b, y, out, root);
    },
  };
}

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

/** Compiles a variation; `wrapElement` says whether a bare element decodes to `{ VALUE }`. */
export function compileVariation(v: Variation, wrapElement: boolean): Decoder {
  switch (v.v) {
    case "el": {
      if (v.bits % 8 !== 0) throw new Error(`element of ${v.bits} bits is not octet-aligned`);
      const bytes = v.bits / 8;
      const r = leafReader(v.bits, v.c);
      return (b, c) => {
        need(c, bytes, "element");
        const root: ItemObject = {};
        const value = r(b, c.pos, 0, root);
        c.pos += bytes;
        if (!wrapElement) return value;
        root.VALUE = value;
        return root;
      };
    }
    case "group": {
      const { fill, bits } = compileFields(v.items, 0);
      if (bits % 8 !== 0) throw new Error(`group of ${bits} bits is not octet-aligned`);
      const bytes = bits / 8;
      return (b, c) => {
        need(c, bytes, "group");
        const out: ItemObject = {};
        fill(b, c.pos, out, out);
        c.pos += bytes;
        return out;
      };
    }
    case "ext": {
      // Split at FX markers: each part is a run of fields followed by one FX bit.
      const parts = extendedParts(v.items).map((p) => {
        const { fill, bits } = compileFields(p.fields, 0);
        const total = bits + (p.fx ? 1 : 0);
        if (total % 8 !== 0) throw new Error(`extended part of ${total} bits is not octet-aligned`);
        return { fill, bytes: total / 8, fx: p.fx };
      });
      return (b, c) => {
        const out: ItemObject = {};
        for (let i = 0; ; i++) {
          const bytes = i < parts.length ? parts[i].bytes : 1;
          need(c, bytes, "extended item octet");
          if (i < parts.length) parts[i].fill(b, c.pos, out, out);
          c.pos += bytes;
          if (i < parts.length && !parts[i].fx) return out; // a last part without FX
          if ((b[c.pos - 1] & 1) === 0) return out;
          // Octets beyond those of the edition are skipped: they extend the item compatibly.
        }
      };
    }
    case "rep": {
      const inner = v.item;
      if (v.counter === 0) {
        // FX-chained repetitions: each repetition is a fixed layout whose last bit is FX.
        const bits = fixedBits(inner);
        if ((bits + 1) % 8 !== 0) throw new Error(`FX repetition of ${bits}+1 bits is not octet-aligned`);
        const bytes = (bits + 1) / 8;
        const r = inner.v === "el" ? leafReader(inner.bits, inner.c) : undefined;
        const g = inner.v === "group" ? compileFields(inner.items, 0).fill : undefined;
        return (b, c) => {
          const out: ItemValue[] = [];
          for (;;) {
            need(c, bytes, "repetition");
            if (r) out.push(r(b, c.pos, 0, {}));
            else {
              const o: ItemObject = {};
              g!(b, c.pos, o, o);
              out.push(o);
            }
            c.pos += bytes;
            if ((b[c.pos - 1] & 1) === 0) return out;
          }
        };
      }
      const counterBytes = v.counter;
      const one = compileVariation(inner, false);
      return (b, c) => {
        need(c, counterBytes, "repetition counter");
        const n = readBits(b, c.pos, 0, counterBytes * 8);
        c.pos += counterBytes;
        const out: ItemValue[] = new Array(n);
        for (let i = 0; i < n; i++) out[i] = one(b, c);
        return out;
      };
    }
    case "explicit":
      return (b, c) => {
        need(c, 1, "explicit length");
        const len = b[c.pos];
        if (len < 1) throw new DecodeError("explicit item length 0", c.base + c.pos, c.category, c.item);
        need(c, len, "explicit item");
        const raw = readHex(b, c.pos + 1, 0, (len - 1) * 8);
        c.pos += len;
        return { raw };
      };
    case "compound": {
      const subs = v.items.map((f) => (f === null ? null : { name: f.name, dec: compileVariation(f.v, true) }));
      return (b, c) => {
        // The compound's own FSPEC: 7 presence bits per octet, FX in bit 8.
        const present: number[] = [];
        for (let octet = 0; ; octet++) {
          need(c, 1, "compound FSPEC");
          const x = b[c.pos++];
          for (let i = 0; i < 7; i++) if (x & (0x80 >> i)) present.push(octet * 7 + i);
          if ((x & 1) === 0) break;
        }
        const out: ItemObject = {};
        const item = c.item;
        for (const idx of present) {
          const s = subs[idx];
          if (!s) {
            throw new DecodeError(`compound FSPEC sets sub-item ${idx + 1}, which this edition does not define`,
              c.base + c.pos, c.category, item);
          }
          c.item = `${item}/${s.name}`;
          out[s.name] = s.dec(b, c);
          c.item = item;
        }
        return out;
      };
    }
  }
}

/** Decoders of one UAP, by FRN index (FRN 1 = 0); undefined for spare FRNs, "RFS" for random field sequencing. */
type CompiledUap = Array<{ name: string; dec: Decoder } | "RFS" | undefined>;

/** A compiled category edition. */
export interface CompiledCategory {
  spec: CategorySpec;
  /** Decoders of the (first) UAP. */
  frn: CompiledUap;
  /** Other UAPs by variation name, with the selector (CAT001 plot/track). */
  variations?: { item: string; field: string; cases: Record<string, CompiledUap> };
}

/** Compiles a category table for decoding. Throws Error when the table is malformed. */
export function compileCategory(spec: CategorySpec): CompiledCategory {
  const items = new Map<string, Decoder>();
  const compileUap = (uap: Array<string | null>): CompiledUap =>
    uap.map((name) => {
      if (name === null) return undefined;
      if (name === "RFS") return "RFS";
      let dec = items.get(name);
      if (!dec) {
        const v = spec.items[name];
        if (!v) throw new Error(`CAT${spec.category} ${spec.edition}: UAP names item ${name} missing from the catalogue`);
        dec = compileVariation(v, true);
        items.set(name, dec);
      }
      return { name, dec };
    });
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
    const f = frn >= 1 ? uap[frn - 1] : undefined;
    if (!f || f === "RFS") throw new DecodeError(`RFS names FRN ${frn}, which is not a data item`, c.base + c.pos - 1, c.category, "RFS");
    c.item = f.name;
    items[f.name] = f.dec(buf, c);
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
  // FSPEC: 7 FRN bits per octet, FX in the last bit.
  const frns: number[] = [];
  for (let octet = 0; ; octet++) {
    need(c, 1, "FSPEC");
    const x = buf[c.pos++];
    for (let i = 0; i < 7; i++) if (x & (0x80 >> i)) frns.push(octet * 7 + i);
    if ((x & 1) === 0) break;
  }
  if (frns.length === 0) {
    throw new DecodeError("record FSPEC selects no item", base + fspecStart, cat.spec.category);
  }
  const items: Record<string, ItemValue> = {};
  let uap = cat.frn;
  const sel = cat.variations;
  for (const i of frns) {
    const f = uap[i];
    if (f === "RFS") {
      decodeRandomFields(uap, buf, c, items);
      continue;
    }
    if (!f) {
      throw new DecodeError(
        `FSPEC sets FRN ${i + 1}, which edition ${cat.spec.edition} does not use`,
        base + fspecStart,
        cat.spec.category,
      );
    }
    c.item = f.name;
    const value = f.dec(buf, c);
    items[f.name] = value;
    if (sel && f.name === sel.item) {
      // Choose the UAP of the rest of the record from the selector field (CAT001 TYP).
      const key = (value as ItemObject)[sel.field];
      const next = sel.cases[String(key)];
      if (next) uap = next;
    }
  }
  return { category: cat.spec.category, edition: cat.spec.edition, offset: base + pos, length: c.pos - pos, items };
}
