/**
 * Record encoders generated as straight-line JavaScript from a UAP and its catalogue, the mirror
 * of `codegen.ts`: the FSPEC is built from the items present, and each numeric field of a fixed,
 * group or extended item is scaled, range-checked and stored with constant shifts. Text fields,
 * dependent contents and the other structures (repetitive, compound, explicit) call back into the
 * interpreted encoder of `encode.ts`, which also raises every error, so both agree exactly.
 */
import { extendedParts, fixedBits, type Content, type Field, type Spare, type Variation } from "./spec.js";

/** What the generated code calls back (supplied by `encode.ts`). */
export interface EncodeHelpers {
  /** Reserves `n` zeroed bytes in the writer, returning their offset. */
  reserve(w: unknown, n: number): number;
  /** The writer's buffer (after a reserve). */
  buf(w: unknown): Uint8Array;
  /** The interpreted leaf writer (text, hex, dependent contents, and every error message). */
  leaf(buf: Uint8Array, byte: number, bit: number, bits: number, c: Content, value: unknown, root: unknown, ctx: unknown, name: string): void;
  /** The interpreted encoder of a whole variation. */
  variation(w: unknown, v: Variation, value: unknown, wrapped: boolean, ctx: unknown): void;
  /** Throws the encoder's "expected an object" error. */
  object(value: unknown, ctx: unknown): Record<string, unknown>;
  /** Throws the encoder's error for an item the UAP does not have, or a record without items. */
  fail(ctx: unknown, message: string): never;
  /** Writes the low `n` bits of a non-negative integer at a bit position. */
  writeBits(buf: Uint8Array, byte: number, bit: number, n: number, value: number): void;
}

/** A generated record encoder: FSPEC and items of `items` appended to the writer. */
export type GeneratedEncoder = (items: Record<string, unknown>, w: unknown, ctx: { category: number; item: string }) => void;

class Consts {
  readonly list: unknown[] = [];
  ref(x: unknown): string {
    this.list.push(x);
    return `K[${this.list.length - 1}]`;
  }
}

/** Statements writing one leaf from `value` (an expression) at (at, bit); numeric fast path inline. */
function leafCode(k: Consts, c: Content, bits: number, at: string, bit: number, value: string, root: string, name: string): string {
  const slow = `H.leaf(H.buf(w), ${at}, ${bit}, ${bits}, ${k.ref(c)}, ${value}, ${root}, ctx, ${JSON.stringify(name)});`;
  const numeric = c.k === "q" || c.k === "int" || c.k === "table" || (c.k === "raw" && bits <= 48);
  if (!numeric || bits > 32) return slow;
  const signed = (c.k === "q" || c.k === "int") && c.signed;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const scaled = c.k === "q" ? `Math.round(x / ${c.lsb})` : "x";
  const intCheck = c.k === "q" ? "" : " || !Number.isInteger(n)";
  // Anything unusual (not a finite number, out of range) goes to the interpreted writer, which raises the error.
  let store = `H.writeBits(H.buf(w), ${at}, ${bit}, ${bits}, n < 0 ? n + ${2 ** bits} : n);`;
  if (bit % 8 === 0 && bits % 8 === 0) {
    // Whole bytes: plain stores (the bytes were zeroed by reserve).
    const bytes = bits / 8;
    const parts = Array.from({ length: bytes }, (_, i) => `B[${at} + ${bit / 8 + i}] = ${(bytes - 1 - i) * 8 ? `(u >>> ${(bytes - 1 - i) * 8}) & 255` : "u & 255"};`);
    store = `{ const u = n < 0 ? n + ${2 ** bits} : n; const B = H.buf(w); ${parts.join(" ")} }`;
  }
  return `{ const x = ${value}; if (x !== undefined) { const n = typeof x === "number" ? ${scaled} : NaN;
    if (!(n >= ${min} && n <= ${max})${intCheck}) ${slow} else ${store} } }`;
}

function fieldsCode(k: Consts, items: Array<Field | Spare>, at: string, start: number, obj: string, root: string, lines: string[], g: { n: number }): number {
  let bit = start;
  for (const f of items) {
    if ("spare" in f) {
      bit += f.spare;
      continue;
    }
    if (f.v.v === "el") {
      lines.push(leafCode(k, f.v.c, f.v.bits, at, bit, `${obj}[${JSON.stringify(f.name)}]`, root, f.name));
      bit += f.v.bits;
    } else if (f.v.v === "group") {
      const sub = `s${g.n++}`;
      lines.push(`const ${sub} = ${obj}[${JSON.stringify(f.name)}] === undefined ? {} : H.object(${obj}[${JSON.stringify(f.name)}], ctx);`);
      bit = fieldsCode(k, f.v.items, at, bit, sub, root, lines, g);
    } else throw new Error(`field ${f.name}: ${f.v.v} inside a group`);
  }
  return bit;
}

function itemCode(k: Consts, v: Variation, value: string, lines: string[], g: { n: number }): void {
  switch (v.v) {
    case "el": {
      const at = `a${g.n++}`;
      lines.push(`{ const o = H.object(${value}, ctx); if (o.VALUE === undefined) H.fail(ctx, "missing VALUE");`);
      lines.push(`const ${at} = H.reserve(w, ${v.bits / 8});`);
      lines.push(leafCode(k, v.c, v.bits, at, 0, "o.VALUE", "{}", "VALUE"));
      lines.push("}");
      return;
    }
    case "group": {
      const at = `a${g.n++}`;
      const o = `o${g.n++}`;
      lines.push(`{ const ${o} = H.object(${value}, ctx); const ${at} = H.reserve(w, ${fixedBits(v) / 8});`);
      fieldsCode(k, v.items, at, 0, o, o, lines, g);
      lines.push("}");
      return;
    }
    case "ext": {
      const o = `o${g.n++}`;
      const parts = extendedParts(v.items);
      lines.push(`{ const ${o} = H.object(${value}, ctx); let last = 0;`);
      parts.forEach((p, i) => {
        const names = p.fields.filter((f): f is Field => !("spare" in f)).map((f) => `${o}[${JSON.stringify(f.name)}] !== undefined`);
        if (i > 0 && names.length > 0) lines.push(`if (${names.join(" || ")}) last = ${i};`);
      });
      parts.forEach((p, i) => {
        const bytes = (fixedBits({ v: "group", items: p.fields }) + (p.fx ? 1 : 0)) / 8;
        const at = `a${g.n++}`;
        lines.push(`if (last >= ${i}) { const ${at} = H.reserve(w, ${bytes});`);
        fieldsCode(k, p.fields, at, 0, o, o, lines, g);
        lines.push(`if (${i} < last) H.buf(w)[${at} + ${bytes - 1}] |= 1; }`);
      });
      lines.push("}");
      return;
    }
    default:
      lines.push(`H.variation(w, ${k.ref(v)}, ${value}, true, ctx);`);
  }
}

/** Generates and compiles the record encoder of one UAP. Throws Error on a malformed table. */
export function generateUapEncoder(uap: Array<string | null>, catalogue: Record<string, Variation>, H: EncodeHelpers): GeneratedEncoder {
  const k = new Consts();
  const g = { n: 0 };
  const octets = Math.ceil(uap.length / 7);
  const names = uap.map((n, i) => [n, i] as const).filter((x): x is [string, number] => x[0] !== null && x[0] !== "RFS");
  const lines: string[] = [];
  lines.push(`for (const key in items) if (items[key] !== undefined && !KNOWN.has(key)) H.fail(ctx, "item " + key + " is not in the UAP");`);
  lines.push(`${Array.from({ length: octets }, (_, o) => `let f${o} = 0;`).join(" ")} let last = -1;`);
  for (const [name, i] of names) {
    lines.push(`if (items[${JSON.stringify(name)}] !== undefined) { f${Math.floor(i / 7)} |= ${0x80 >> i % 7}; last = ${i}; }`);
  }
  lines.push(`if (last < 0) H.fail(ctx, "a record needs at least one item");`);
  lines.push(`const oct = Math.floor(last / 7) + 1; const fs = H.reserve(w, oct); const fb = H.buf(w);`);
  for (let o = 0; o < octets; o++) lines.push(`if (${o} < oct) fb[fs + ${o}] = f${o} | (${o} < oct - 1 ? 1 : 0);`);
  for (const [name] of names) {
    const value = `items[${JSON.stringify(name)}]`;
    lines.push(`if (${value} !== undefined) { ctx.item = ${JSON.stringify(name)};`);
    itemCode(k, catalogue[name], value, lines, g);
    lines.push("}");
  }
  const known = new Set(names.map(([n]) => n));
  const make = new Function("H", "K", "KNOWN", `return function encode(items, w, ctx) {\n${lines.join("\n")}\n};`) as
    (h: EncodeHelpers, k: unknown[], known: Set<string>) => GeneratedEncoder;
  return make(H, k.list, known);
}
