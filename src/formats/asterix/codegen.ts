/**
 * Record decoders generated as straight-line JavaScript from the category tables: each UAP
 * becomes one function with a case per FRN whose bit extractions are constant shifts and masks,
 * so decoding a record does no table look-up and no per-field dispatch. Value shapes are those
 * documented in `decode.ts`.
 *
 * The code is built from the tables only (no input data reaches it), then compiled once per
 * edition with `new Function`.
 */
import { readAsciiString, readBits, readHex, readIcaoString, readOctalString } from "./bits.js";
import { DecodeError } from "./errors.js";
import { extendedParts, fixedBits, type Content, type Field, type Spare, type Variation } from "./spec.js";

/** Decoding position within a buffer (shared with `decode.ts`); `end` is exclusive. */
export interface GenCursor {
  pos: number;
  end: number;
  /** Offset of buf[0] in the caller's input, for error messages. */
  base: number;
  category: number;
  item: string;
}

/** Helpers the generated code calls (passed in, not global; also used by `projection.ts`). */
export const H = {
  readBits,
  readHex,
  readIcaoString,
  readAsciiString,
  readOctalString,
  /** Two's complement of an unsigned value whose sign bit is worth `half`. */
  signed(x: number, half: number): number {
    return x >= half ? x - 2 * half : x;
  },
  need(c: GenCursor, bytes: number, what: string): never {
    throw new DecodeError(
      `${what} needs ${bytes} byte(s), only ${c.end - c.pos} left in the record`, c.base + c.pos, c.category, c.item);
  },
  fail(c: GenCursor, message: string): never {
    throw new DecodeError(message, c.base + c.pos, c.category, c.item);
  },
};

class Gen {
  private n = 0;
  /** A fresh local variable name. */
  v(prefix = "t"): string {
    return `${prefix}${this.n++}`;
  }
}

/** Expression of `bits` bits (≤ 48) at bit offset `bit` from byte expression `p` (constant offsets). */
export function bitsExpr(p: string, bit: number, bits: number): string {
  const first = bit >> 3;
  const last = (bit + bits - 1) >> 3;
  const nBytes = last - first + 1;
  const shift = (last + 1) * 8 - (bit + bits);
  if (nBytes <= 3) {
    // Fits in 24 bits + shift ≤ 31: plain int arithmetic.
    let e = "";
    for (let i = 0; i < nBytes; i++) {
      const s = (nBytes - 1 - i) * 8;
      const term = `b[${p} + ${first + i}]`;
      e += (i ? " | " : "") + (s ? `(${term} << ${s})` : term);
    }
    const mask = bits >= 31 ? "" : ` & ${(2 ** bits - 1) >>> 0}`;
    return shift ? `(((${e}) >>> ${shift})${mask})` : nBytes * 8 === bits ? `(${e})` : `((${e})${mask})`;
  }
  return `H.readBits(b, ${p}, ${bit}, ${bits})`;
}

function signedExpr(raw: string, bits: number): string {
  return `H.signed(${raw}, ${2 ** (bits - 1)})`;
}

/**
 * Expression of an element's value (the value shapes of `decode.ts`) at bit offset `bit` from byte
 * expression `p`, reading array `b` and helpers `H`. `root` is the item's root object (for dependent contents).
 */
export function leafExpr(p: string, bit: number, bits: number, c: Content, root: string): string {
  switch (c.k) {
    case "raw":
      return bits > 48 ? `H.readHex(b, ${p}, ${bit}, ${bits})` : bitsExpr(p, bit, bits);
    case "table":
      return bitsExpr(p, bit, bits);
    case "int":
      return c.signed ? signedExpr(bitsExpr(p, bit, bits), bits) : bitsExpr(p, bit, bits);
    case "q": {
      const raw = c.signed ? signedExpr(bitsExpr(p, bit, bits), bits) : bitsExpr(p, bit, bits);
      return `(${raw} * ${c.lsb})`;
    }
    case "str":
      if (c.enc === "icao") return `H.readIcaoString(b, ${p}, ${bit}, ${bits})`;
      if (c.enc === "ascii") return `H.readAsciiString(b, ${p}, ${bit}, ${bits})`;
      return `H.readOctalString(b, ${p}, ${bit}, ${bits})`;
    case "dep": {
      let sel = root;
      for (const k of c.path) sel = `(${sel} == null ? undefined : ${sel}[${JSON.stringify(k)}])`;
      let e = leafExpr(p, bit, bits, c.byDefault, root);
      for (let i = c.cases.length - 1; i >= 0; i--) {
        const [values, cc] = c.cases[i];
        e = `(${values.map((x) => `${sel} === ${x}`).join(" || ")} ? ${leafExpr(p, bit, bits, cc, root)} : ${e})`;
      }
      return e;
    }
  }
}

function fieldsBits(items: Array<Field | Spare>): number {
  return fixedBits({ v: "group", items });
}

/** Statements filling object `o` with the fields at bit offset `start` from byte `p`; returns end bit. */
function fillFields(g: Gen, items: Array<Field | Spare>, p: string, start: number, o: string, root: string, lines: string[]): number {
  let bit = start;
  for (const f of items) {
    if ("spare" in f) {
      bit += f.spare;
      continue;
    }
    const key = JSON.stringify(f.name);
    if (f.v.v === "el") {
      lines.push(`${o}[${key}] = ${leafExpr(p, bit, f.v.bits, f.v.c, root)};`);
      bit += f.v.bits;
    } else if (f.v.v === "group") {
      const inner = g.v("o");
      lines.push(`const ${inner} = {}; ${o}[${key}] = ${inner};`);
      bit = fillFields(g, f.v.items, p, bit, inner, root, lines);
    } else throw new Error(`field ${f.name}: ${f.v.v} inside a fixed group`);
  }
  return bit;
}

/** True when a field list holds a dependent content (it then needs the item root while filling). */
function hasDep(items: Array<Field | Spare>): boolean {
  return items.some((f) => !("spare" in f) && (f.v.v === "el" ? f.v.c.k === "dep" : f.v.v === "group" && hasDep(f.v.items)));
}

/** An object literal of the fields at bit offset `start` from byte `p` (no dependent contents). */
function literalFields(items: Array<Field | Spare>, p: string, start: number): { expr: string; bits: number } {
  let bit = start;
  const props: string[] = [];
  for (const f of items) {
    if ("spare" in f) {
      bit += f.spare;
      continue;
    }
    if (f.v.v === "el") {
      props.push(`${JSON.stringify(f.name)}: ${leafExpr(p, bit, f.v.bits, f.v.c, "{}")}`);
      bit += f.v.bits;
    } else if (f.v.v === "group") {
      const inner = literalFields(f.v.items, p, bit);
      props.push(`${JSON.stringify(f.name)}: ${inner.expr}`);
      bit = inner.bits;
    } else throw new Error(`field ${f.name}: ${f.v.v} inside a fixed group`);
  }
  return { expr: `{ ${props.join(", ")} }`, bits: bit };
}

/**
 * Statements decoding a variation at cursor `c` (position `c.pos`) into variable `out` (declared
 * by the caller with `let`); `wrap` puts a bare element into `{ VALUE }`.
 */
function genVariation(g: Gen, v: Variation, wrap: boolean, out: string, lines: string[], path: string, root?: string): void {
  switch (v.v) {
    case "el": {
      if (v.bits % 8 !== 0) throw new Error(`element of ${v.bits} bits is not octet-aligned`);
      const bytes = v.bits / 8;
      const p = g.v("p");
      lines.push(`if (c.pos + ${bytes} > c.end) H.need(c, ${bytes}, "element");`);
      lines.push(`const ${p} = c.pos; c.pos += ${bytes};`);
      const e = leafExpr(p, 0, v.bits, v.c, "{}");
      lines.push(wrap ? `${out} = { VALUE: ${e} };` : `${out} = ${e};`);
      return;
    }
    case "group": {
      const bits = fieldsBits(v.items);
      if (bits % 8 !== 0) throw new Error(`group of ${bits} bits is not octet-aligned`);
      const bytes = bits / 8;
      const p = g.v("p");
      const o = g.v("o");
      lines.push(`if (c.pos + ${bytes} > c.end) H.need(c, ${bytes}, "group");`);
      if (!hasDep(v.items)) {
        // One object literal: the object gets its final shape at once.
        lines.push(`const ${p} = c.pos; c.pos += ${bytes}; ${out} = ${literalFields(v.items, p, 0).expr};`);
        return;
      }
      lines.push(`const ${p} = c.pos; c.pos += ${bytes}; const ${o} = {}; ${out} = ${o};`);
      fillFields(g, v.items, p, 0, o, root ?? o, lines);
      return;
    }
    case "ext": {
      const o = g.v("o");
      lines.push(`const ${o} = {}; ${out} = ${o};`);
      const parts = extendedParts(v.items);
      // Nested blocks: part k is decoded only when part k-1 set its FX bit.
      let depth = 0;
      parts.forEach((part, k) => {
        const total = fieldsBits(part.fields) + (part.fx ? 1 : 0);
        if (total % 8 !== 0) throw new Error(`extended part of ${total} bits is not octet-aligned`);
        const bytes = total / 8;
        const p = g.v("p");
        lines.push(`if (c.pos + ${bytes} > c.end) H.need(c, ${bytes}, "extended item octet");`);
        lines.push(`const ${p} = c.pos; c.pos += ${bytes};`);
        fillFields(g, part.fields, p, 0, o, root ?? o, lines);
        if (!part.fx) return;
        lines.push(`if (b[c.pos - 1] & 1) {`);
        depth++;
        if (k === parts.length - 1) {
          // Octets beyond the edition's: skipped (they extend the item compatibly).
          lines.push(`do { if (c.pos + 1 > c.end) H.need(c, 1, "extended item octet"); c.pos++; } while (b[c.pos - 1] & 1);`);
        }
      });
      lines.push("}".repeat(depth));
      return;
    }
    case "rep": {
      const a = g.v("a");
      if (v.counter === 0) {
        const bits = fixedBits(v.item);
        if ((bits + 1) % 8 !== 0) throw new Error(`FX repetition of ${bits}+1 bits is not octet-aligned`);
        const bytes = (bits + 1) / 8;
        const p = g.v("p");
        lines.push(`const ${a} = []; ${out} = ${a};`);
        lines.push(`for (;;) { if (c.pos + ${bytes} > c.end) H.need(c, ${bytes}, "repetition"); const ${p} = c.pos; c.pos += ${bytes};`);
        if (v.item.v === "el") lines.push(`${a}.push(${leafExpr(p, 0, v.item.bits, v.item.c, "{}")});`);
        else if (v.item.v === "group" && !hasDep(v.item.items)) lines.push(`${a}.push(${literalFields(v.item.items, p, 0).expr});`);
        else if (v.item.v === "group") {
          const o = g.v("o");
          lines.push(`const ${o} = {};`);
          fillFields(g, v.item.items, p, 0, o, o, lines);
          lines.push(`${a}.push(${o});`);
        }
        lines.push(`if ((b[c.pos - 1] & 1) === 0) break; }`);
        return;
      }
      const n = g.v("n");
      const i = g.v("i");
      const x = g.v("x");
      lines.push(`if (c.pos + ${v.counter} > c.end) H.need(c, ${v.counter}, "repetition counter");`);
      lines.push(`const ${n} = H.readBits(b, c.pos, 0, ${v.counter * 8}); c.pos += ${v.counter};`);
      lines.push(`const ${a} = new Array(${n}); ${out} = ${a};`);
      lines.push(`for (let ${i} = 0; ${i} < ${n}; ${i}++) { let ${x};`);
      genVariation(g, v.item, false, x, lines, path);
      lines.push(`${a}[${i}] = ${x}; }`);
      return;
    }
    case "explicit": {
      const len = g.v("l");
      lines.push(`if (c.pos + 1 > c.end) H.need(c, 1, "explicit length");`);
      lines.push(`const ${len} = b[c.pos]; if (${len} < 1) H.fail(c, "explicit item length 0");`);
      lines.push(`if (c.pos + ${len} > c.end) H.need(c, ${len}, "explicit item");`);
      lines.push(`${out} = { raw: H.readHex(b, c.pos + 1, 0, (${len} - 1) * 8) }; c.pos += ${len};`);
      return;
    }
    case "compound": {
      const o = g.v("o");
      const fs = g.v("fs");
      const fe = g.v("fe");
      // The compound's FSPEC: find its end, then decode the sub-items its bits select.
      lines.push(`const ${o} = {}; ${out} = ${o}; const ${fs} = c.pos;`);
      lines.push(`do { if (c.pos + 1 > c.end) H.need(c, 1, "compound FSPEC"); } while (b[c.pos++] & 1);`);
      lines.push(`const ${fe} = c.pos;`);
      lines.push(`for (let q = ${fs}; q < ${fe}; q++) { const x = b[q]; if ((x & 0xfe) === 0) continue;`);
      lines.push(`for (let bit = 0; bit < 7; bit++) { if ((x & (0x80 >> bit)) === 0) continue; const idx = (q - ${fs}) * 7 + bit;`);
      lines.push(`switch (idx) {`);
      v.items.forEach((f, idx) => {
        if (!f) return;
        // The sub-item is stored before it is filled: a dependent field's path starts at the
        // item (e.g. I062/380 IAS/IM), so it must be reachable from the compound's object.
        const sub = `${path}/${f.name}`;
        lines.push(`case ${idx}: { c.item = ${JSON.stringify(sub)};`);
        genVariation(g, f.v, true, `${o}[${JSON.stringify(f.name)}]`, lines, sub, root ?? o);
        lines.push(`c.item = ${JSON.stringify(path)}; break; }`);
      });
      lines.push(`default: H.fail(c, "compound FSPEC sets sub-item " + (idx + 1) + ", which this edition does not define"); } } }`);
      return;
    }
  }
}

/**
 * A generated UAP dispatcher: decodes the item of FRN index `i` (0-based) at the cursor, stores
 * it under its name in `items` and returns it; returns `undefined` for an FRN the UAP does not
 * use (spare or beyond) and `null` for the RFS indicator (the caller handles both).
 */
export type GeneratedUap = (i: number, b: Uint8Array, c: GenCursor, items: Record<string, unknown>) => unknown;

/** Generates the dispatcher of one UAP, every item's code inlined. Throws Error on a malformed table. */
export function generateUapDecoder(uap: Array<string | null>, catalogue: Record<string, Variation>): GeneratedUap {
  const g = new Gen();
  const lines: string[] = ["switch (i) {"];
  uap.forEach((name, i) => {
    if (name === null) return;
    if (name === "RFS") {
      lines.push(`case ${i}: return null;`);
      return;
    }
    const v = catalogue[name];
    if (!v) throw new Error(`UAP names item ${name} missing from the catalogue`);
    const out = g.v("v");
    lines.push(`case ${i}: { c.item = ${JSON.stringify(name)}; let ${out};`);
    genVariation(g, v, true, out, lines, name);
    lines.push(`items[${JSON.stringify(name)}] = ${out}; return ${out}; }`);
  });
  lines.push("default: return undefined; }");
  const make = new Function("H", `return function uap(i, b, c, items) {\n${lines.join("\n")}\n};`) as (h: typeof H) => GeneratedUap;
  return make(H);
}
