/**
 * The generic ASTERIX encoding engine: the inverse of `decode.ts`. Takes records in the value
 * shapes the decoder produces (see `decode.ts`) and writes FSPECs, items and data blocks.
 *
 * Quantities are rounded to the nearest LSB. A value that does not fit its field throws
 * `EncodeError` naming the item and field; missing fields of a present group are written as 0.
 *
 * Source: EUROCONTROL ASTERIX Part 1 (EUROCONTROL-SPEC-0149), §4.3–4.5.
 */
import { writeAsciiString, writeBits, writeHex, writeIcaoString, writeOctalString } from "./bits.js";
import type { ItemObject, ItemValue } from "./decode.js";
import { generateUapEncoder, type EncodeHelpers, type GeneratedEncoder } from "./encode_gen.js";
import { extendedParts, fixedBits, type CategorySpec, type Content, type Field, type Spare, type Variation } from "./spec.js";

/** A value could not be encoded: out of range, wrong type, or an item unknown to the edition. */
export class EncodeError extends Error {
  constructor(message: string, readonly category: number, readonly item?: string) {
    super(`CAT${String(category).padStart(3, "0")}${item ? ` I${String(category).padStart(3, "0")}/${item}` : ""}: ${message}`);
    this.name = "EncodeError";
  }
}

/** A growable byte buffer. */
class Writer {
  buf = new Uint8Array(256);
  pos = 0;
  reserve(n: number): number {
    if (this.pos + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      next.set(this.buf.subarray(0, this.pos));
      this.buf = next;
    }
    const at = this.pos;
    for (let i = at; i < at + n; i++) this.buf[i] = 0;
    this.pos += n;
    return at;
  }
}

interface Ctx {
  category: number;
  item: string;
}

function fail(ctx: Ctx, message: string): never {
  throw new EncodeError(message, ctx.category, ctx.item);
}

function asObject(v: ItemValue | undefined, ctx: Ctx): ItemObject {
  if (v === undefined || typeof v !== "object" || Array.isArray(v)) fail(ctx, "expected an object");
  return v;
}

function resolveContent(c: Content, root: ItemObject): Content {
  if (c.k !== "dep") return c;
  let v: ItemValue | undefined = root;
  for (const p of c.path) v = v !== undefined && typeof v === "object" && !Array.isArray(v) ? v[p] : undefined;
  for (const [values, cc] of c.cases) if (values.includes(v as number)) return cc;
  return c.byDefault;
}

function writeLeaf(
  buf: Uint8Array, byte: number, bit: number, bits: number, content: Content, value: ItemValue | undefined,
  root: ItemObject, ctx: Ctx, name: string,
): void {
  if (value === undefined) return; // absent field: zero bits
  const c = resolveContent(content, root);
  try {
    if (c.k === "str") {
      if (typeof value !== "string") fail(ctx, `${name}: expected text`);
      if (c.enc === "icao") writeIcaoString(buf, byte, bit, bits, value);
      else if (c.enc === "ascii") writeAsciiString(buf, byte, bit, bits, value);
      else writeOctalString(buf, byte, bit, bits, value);
      return;
    }
    if (c.k === "raw" && bits > 48) {
      if (typeof value !== "string") fail(ctx, `${name}: expected ${bits / 4} hex digits`);
      writeHex(buf, byte, bit, bits, value);
      return;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) fail(ctx, `${name}: expected a finite number`);
    let n: number;
    let isSigned = false;
    if (c.k === "q") {
      n = Math.round(value / c.lsb);
      isSigned = c.signed;
    } else {
      n = value;
      isSigned = c.k === "int" && c.signed;
      if (!Number.isInteger(n)) fail(ctx, `${name}: ${value} is not an integer`);
    }
    const max = isSigned ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    const min = isSigned ? -(2 ** (bits - 1)) : 0;
    if (n > max || n < min) fail(ctx, `${name}: ${value} out of range for ${bits} bits`);
    writeBits(buf, byte, bit, bits, n < 0 ? n + 2 ** bits : n);
  } catch (e) {
    if (e instanceof EncodeError) throw e;
    throw new EncodeError(`${ctx.item}/${name}: ${(e as Error).message}`, ctx.category, ctx.item);
  }
}

function writeFields(
  buf: Uint8Array, byte: number, startBit: number, items: Array<Field | Spare>, obj: ItemObject, root: ItemObject,
  ctx: Ctx,
): number {
  let bit = startBit;
  for (const f of items) {
    if ("spare" in f) {
      bit += f.spare;
      continue;
    }
    if (f.v.v === "el") {
      writeLeaf(buf, byte, bit, f.v.bits, f.v.c, obj[f.name], root, ctx, f.name);
      bit += f.v.bits;
    } else if (f.v.v === "group") {
      const inner = obj[f.name];
      const sub = inner === undefined ? {} : asObject(inner, ctx);
      bit = writeFields(buf, byte, bit, f.v.items, sub, root, ctx);
    } else fail(ctx, `${f.name}: ${f.v.v} inside a group`);
  }
  return bit;
}

function hasAny(items: Array<Field | Spare>, obj: ItemObject): boolean {
  return items.some((f) => !("spare" in f) && obj[f.name] !== undefined);
}

function encodeVariation(w: Writer, v: Variation, value: ItemValue, wrapped: boolean, ctx: Ctx, root?: ItemObject): void {
  switch (v.v) {
    case "el": {
      const at = w.reserve(v.bits / 8);
      const x = wrapped ? asObject(value, ctx).VALUE : value;
      if (x === undefined) fail(ctx, "missing VALUE");
      writeLeaf(w.buf, at, 0, v.bits, v.c, x, {}, ctx, "VALUE");
      return;
    }
    case "group": {
      const obj = asObject(value, ctx);
      const at = w.reserve(fixedBits(v) / 8);
      writeFields(w.buf, at, 0, v.items, obj, root ?? obj, ctx);
      return;
    }
    case "ext": {
      const obj = asObject(value, ctx);
      const parts = partsOf(v.items);
      let last = 0;
      parts.forEach((p, i) => {
        if (hasAny(p.fields, obj)) last = i;
      });
      for (let i = 0; i <= last; i++) {
        const bits = parts[i].fields.reduce((n, f) => n + ("spare" in f ? f.spare : fixedBits(f.v)), 0);
        const bytes = (bits + (parts[i].fx ? 1 : 0)) / 8;
        const at = w.reserve(bytes);
        writeFields(w.buf, at, 0, parts[i].fields, obj, root ?? obj, ctx);
        if (i < last) w.buf[at + bytes - 1] |= 1;
      }
      return;
    }
    case "rep": {
      if (!Array.isArray(value)) fail(ctx, "expected an array");
      if (v.counter === 0) {
        if (value.length === 0) fail(ctx, "an FX-chained repetition needs at least one element");
        const bytes = (fixedBits(v.item) + 1) / 8;
        value.forEach((x, i) => {
          const at = w.reserve(bytes);
          if (v.item.v === "el") writeLeaf(w.buf, at, 0, v.item.bits, v.item.c, x, {}, ctx, "VALUE");
          else if (v.item.v === "group") {
            const o = asObject(x, ctx);
            writeFields(w.buf, at, 0, v.item.items, o, o, ctx);
          }
          if (i < value.length - 1) w.buf[at + bytes - 1] |= 1;
        });
        return;
      }
      if (value.length >= 2 ** (8 * v.counter)) fail(ctx, `${value.length} repetitions do not fit the counter`);
      const at = w.reserve(v.counter);
      writeBits(w.buf, at, 0, v.counter * 8, value.length);
      for (const x of value) encodeVariation(w, v.item, x, false, ctx);
      return;
    }
    case "explicit": {
      const raw = asObject(value, ctx).raw;
      if (typeof raw !== "string" || raw.length % 2 !== 0) fail(ctx, "expected { raw: hex string }");
      const n = raw.length / 2 + 1;
      if (n > 255) fail(ctx, "explicit item longer than 255 bytes");
      const at = w.reserve(n);
      w.buf[at] = n;
      writeHex(w.buf, at + 1, 0, raw.length * 4, raw);
      return;
    }
    case "compound": {
      const obj = asObject(value, ctx);
      const present: number[] = [];
      v.items.forEach((f, i) => {
        if (f && obj[f.name] !== undefined) present.push(i);
      });
      for (const name of Object.keys(obj)) {
        if (!v.items.some((f) => f?.name === name)) fail(ctx, `unknown sub-item ${name}`);
      }
      writeFspec(w, present);
      const item = ctx.item;
      for (const i of present) {
        const f = v.items[i]!;
        ctx.item = `${item}/${f.name}`;
        encodeVariation(w, f.v, obj[f.name], true, ctx, root ?? obj);
        ctx.item = item;
      }
      return;
    }
  }
}

/** Writes an FSPEC (7 presence bits per octet, FX chaining) for 0-based indices. */
function writeFspec(w: Writer, indices: number[]): void {
  let last = 0;
  for (const i of indices) if (i > last) last = i;
  const octets = Math.floor(last / 7) + 1;
  const at = w.reserve(octets);
  for (const i of indices) w.buf[at + Math.floor(i / 7)] |= 0x80 >> i % 7;
  for (let o = 0; o < octets - 1; o++) w.buf[at + o] |= 1;
}

/**
 * Encodes one record (items by name, in the decoder's value shapes) and appends it to `w`.
 * Items are written in UAP order whatever the key order. Throws EncodeError.
 */
function encodeRecordInto(w: Writer, spec: CategorySpec, items: Record<string, ItemValue>): void {
  let uap = spec.uap;
  if (spec.uaps) {
    const sel = spec.uaps.selector;
    const key = (items[sel.item] as ItemObject | undefined)?.[sel.field];
    const variation = key !== undefined ? spec.uaps.cases[String(key)] : undefined;
    if (variation) uap = spec.uaps.variations[variation];
  }
  let encode = ENCODERS.get(uap);
  if (!encode) {
    encode = generateUapEncoder(uap, spec.items, HELPERS);
    ENCODERS.set(uap, encode);
  }
  encode(items, w, { category: spec.category, item: "" });
}

/** Generated record encoders, one per UAP (see `encode_gen.ts`). */
const ENCODERS = new WeakMap<Array<string | null>, GeneratedEncoder>();

/** The interpreted pieces the generated encoders call back. */
const HELPERS: EncodeHelpers = {
  reserve: (w, n) => (w as Writer).reserve(n),
  buf: (w) => (w as Writer).buf,
  leaf: (buf, byte, bit, bits, c, value, root, ctx, name) =>
    writeLeaf(buf, byte, bit, bits, c, value as ItemValue, root as ItemObject, ctx as Ctx, name),
  variation: (w, v, value, wrapped, ctx) => encodeVariation(w as Writer, v, value as ItemValue, wrapped, ctx as Ctx),
  object: (value, ctx) => asObject(value as ItemValue, ctx as Ctx),
  fail: (ctx, message) => fail(ctx as Ctx, message),
  writeBits,
};


/** The octet parts of an extended item, computed once per table entry. */
const EXT_PARTS = new WeakMap<Array<Field | Spare | null>, ReturnType<typeof extendedParts>>();
function partsOf(items: Array<Field | Spare | null>): ReturnType<typeof extendedParts> {
  let p = EXT_PARTS.get(items);
  if (!p) {
    p = extendedParts(items);
    EXT_PARTS.set(items, p);
  }
  return p;
}

/** Encodes one record to bytes (FSPEC + items). Throws EncodeError. */
export function encodeRecord(spec: CategorySpec, items: Record<string, ItemValue>): Uint8Array {
  const w = new Writer();
  encodeRecordInto(w, spec, items);
  return w.buf.slice(0, w.pos);
}

/**
 * Encodes records into one data block [CAT][LEN (2 bytes)][records]. Throws EncodeError,
 * also when the block would exceed the 65,535-byte limit of the length field.
 */
export function encodeDataBlock(spec: CategorySpec, records: Array<Record<string, ItemValue>>): Uint8Array {
  const w = new Writer();
  w.reserve(3);
  for (const r of records) encodeRecordInto(w, spec, r);
  if (w.pos > 0xffff) throw new EncodeError(`data block of ${w.pos} bytes exceeds 65535`, spec.category);
  w.buf[0] = spec.category;
  w.buf[1] = w.pos >> 8;
  w.buf[2] = w.pos & 0xff;
  return w.buf.slice(0, w.pos);
}
