/**
 * Projection decoders: for one category edition and one list of wanted fields, a generated
 * function that walks a record's FSPEC, passes over the items nobody asked for by their length
 * rules alone, and writes the wanted fields straight into a flat, reused object — no item objects,
 * no `{ VALUE }` wrappers, no strings for numbers. This is the fast path from data blocks to
 * `SensorReport`s (`stream.ts`); the generic decoder (`decode.ts`) stays for JSON output and tests.
 *
 * A projector accepts exactly the records the generic decoder accepts (same length rules, same
 * FRN and compound sub-item checks, same extension octets skipped) and gives each wanted field the
 * very value the generic decoder gives it (the same generated expression, `codegen.ts`). It never
 * throws on data: it returns −1 for any record it does not take — malformed, or using Random Field
 * Sequencing — and the caller then decodes that record with the generic decoder, which throws the
 * `DecodeError` with its offset (so errors are always the generic decoder's, word for word).
 *
 * Source: EUROCONTROL ASTERIX Part 1 (EUROCONTROL-SPEC-0149), §4.3 data item structures, §4.4 FSPEC.
 */
import { bitsExpr, H, leafExpr } from "./codegen.js";
import { extendedParts, fixedBits, type CategorySpec, type Content, type Field, type Spare, type Variation } from "./spec.js";

/**
 * How a wanted field is delivered:
 * - `num`: a number, as the generic decoder gives it (raw ≤ 48 bits, table, int, or quantity =
 *   integer × LSB in the unit of the standard); NaN when absent.
 * - `octal`: an octal-digit text field (Mode 3/A code) as its integer value (what `parseInt(text, 8)`
 *   gives of the generic decoder's text); NaN when absent.
 * - `text`: an ICAO 6-bit or IA-5 text field as the generic decoder's string; undefined when absent.
 * - `at`: the byte offset of the item's first byte in the buffer, −1 when absent; the item must have
 *   the variation given as `shape` (the reader of those bytes relies on it).
 */
export type SlotKind = "num" | "octal" | "text" | "at";

/** One wanted field: its path (item, then sub-item and field names; a single element is `VALUE`). */
export interface SlotRef {
  path: readonly string[];
  as: SlotKind;
  /** For `at`: the variation the item must have in the edition's table. */
  shape?: Variation;
}

/** Wanted fields by slot name (a JavaScript identifier). */
export type ProjectionSpec = Record<string, SlotRef>;

/** The flat object a projection fills: one property per slot. */
export type Projected<P extends ProjectionSpec> = {
  [K in keyof P]: P[K]["as"] extends "text" ? string | undefined : number;
};

/** A compiled projection of one category edition. */
export interface Projector<T> {
  /** A new object to fill (one per stream: `project` overwrites every slot on each call). */
  fresh(): T;
  /**
   * Reads the record at `b[pos]` (not past `end`) into `s` and returns the offset just past it, or
   * −1 when the record is malformed or uses Random Field Sequencing (then `s` holds garbage).
   * Never throws.
   */
  project(b: Uint8Array, pos: number, end: number, s: T): number;
}

/** Wanted fields under one name of the table. */
interface Want {
  slot?: { name: string; ref: SlotRef };
  kids: Map<string, Want>;
}

/** The code being built. */
class Emitter {
  readonly lines: string[] = [];
  readonly emitted = new Set<string>();
  private n = 0;
  constructor(readonly where: string) {}
  /** A fresh local variable name. */
  v(prefix: string): string {
    return `${prefix}${this.n++}`;
  }
  push(line: string): void {
    this.lines.push(line);
  }
  assign(w: Want, expr: string): void {
    this.lines.push(`s.${w.slot!.name} = ${expr};`);
    this.emitted.add(w.slot!.name);
  }
}

/** Expression of a wanted element, delivered as its slot asks; throws Error when the table does not fit. */
function slotExpr(e: Emitter, w: Want, p: string, bit: number, bits: number, c: Content): string {
  const { ref, name } = w.slot!;
  const bad = (why: string): never => {
    throw new Error(`${e.where}: ${ref.path.join("/")} (slot ${name}) ${why}`);
  };
  switch (ref.as) {
    case "num":
      if (c.k === "str" || c.k === "dep") bad(`is ${c.k === "str" ? "text" : "a dependent content"}, not a number`);
      if (c.k === "raw" && bits > 48) bad(`has ${bits} raw bits, more than a number holds`);
      return leafExpr(p, bit, bits, c, "{}");
    case "octal":
      if (c.k !== "str" || c.enc !== "octal" || bits > 48) bad("is not an octal code");
      return bitsExpr(p, bit, bits);
    case "text":
      if (c.k !== "str" || c.enc === "octal") bad("is not ICAO or IA-5 text");
      return leafExpr(p, bit, bits, c, "{}");
    default:
      return bad("asks for an offset inside an item");
  }
}

/** Assignments of the wanted fields among `items`, which start `start` bits after byte `p`; returns the end bit. */
function fields(e: Emitter, items: Array<Field | Spare>, p: string, start: number, want: Want | undefined): number {
  let bit = start;
  for (const f of items) {
    if ("spare" in f) {
      bit += f.spare;
      continue;
    }
    const w = want?.kids.get(f.name);
    if (f.v.v === "el") {
      if (w?.slot) e.assign(w, slotExpr(e, w, p, bit, f.v.bits, f.v.c));
      bit += f.v.bits;
    } else if (f.v.v === "group") {
      bit = fields(e, f.v.items, p, bit, w);
    } else throw new Error(`${e.where}: field ${f.name}: ${f.v.v} inside a fixed group`);
  }
  return bit;
}

function octets(e: Emitter, bits: number, what: string): number {
  if (bits % 8 !== 0) throw new Error(`${e.where}: ${what} of ${bits} bits is not octet-aligned`);
  return bits / 8;
}

/**
 * Code reading one item (or sub-item) of variation `v` at `p`: bounds checks as the generic decoder
 * makes them, wanted fields assigned, `p` moved past it. Throws Error when the table does not fit.
 */
function variation(e: Emitter, v: Variation, want: Want | undefined): void {
  if (want?.slot) {
    if (want.slot.ref.as !== "at") {
      if (v.v !== "el") throw new Error(`${e.where}: ${want.slot.ref.path.join("/")} is a ${v.v} item, not one element`);
    } else {
      if (JSON.stringify(v) !== JSON.stringify(want.slot.ref.shape)) {
        throw new Error(`${e.where}: ${want.slot.ref.path.join("/")} does not have the structure its reader expects`);
      }
      e.assign(want, "p");
    }
  }
  switch (v.v) {
    case "el": {
      const bytes = octets(e, v.bits, "element");
      e.push(`if (p + ${bytes} > end) return -1;`);
      const w = want?.kids.get("VALUE");
      if (w?.slot) e.assign(w, slotExpr(e, w, "p", 0, v.bits, v.c));
      e.push(`p += ${bytes};`);
      return;
    }
    case "group": {
      const bytes = octets(e, fixedBits(v), "group");
      e.push(`if (p + ${bytes} > end) return -1;`);
      fields(e, v.items, "p", 0, want);
      e.push(`p += ${bytes};`);
      return;
    }
    case "ext": {
      const parts = extendedParts(v.items);
      let depth = 0;
      parts.forEach((part, k) => {
        const bytes = octets(e, fixedBits({ v: "group", items: part.fields }) + (part.fx ? 1 : 0), "extended part");
        e.push(`if (p + ${bytes} > end) return -1;`);
        fields(e, part.fields, "p", 0, want);
        e.push(`p += ${bytes};`);
        if (!part.fx) return;
        e.push("if (b[p - 1] & 1) {");
        depth++;
        // Octets beyond the edition's: passed over (they extend the item compatibly).
        if (k === parts.length - 1) e.push("while (b[p - 1] & 1) { if (p + 1 > end) return -1; p++; }");
      });
      e.push("}".repeat(depth));
      return;
    }
    case "rep": {
      if (want && want.kids.size > 0) throw new Error(`${e.where}: fields inside repetitive items cannot be projected (ask for the item's offset)`);
      if (v.counter === 0) {
        const bytes = octets(e, fixedBits(v.item) + 1, "FX repetition");
        e.push(`for (;;) { if (p + ${bytes} > end) return -1; p += ${bytes}; if ((b[p - 1] & 1) === 0) break; }`);
        return;
      }
      const n = e.v("n");
      e.push(`if (p + ${v.counter} > end) return -1;`);
      e.push(`const ${n} = ${v.counter <= 3 ? bitsExpr("p", 0, v.counter * 8) : `H.readBits(b, p, 0, ${v.counter * 8})`}; p += ${v.counter};`);
      if (v.item.v === "el" || v.item.v === "group") {
        const size = octets(e, fixedBits(v.item), "repeated item");
        e.push(`if (p + ${n} * ${size} > end) return -1; p += ${n} * ${size};`);
      } else {
        const i = e.v("i");
        e.push(`for (let ${i} = 0; ${i} < ${n}; ${i}++) {`);
        variation(e, v.item, undefined);
        e.push("}");
      }
      return;
    }
    case "explicit": {
      if (want && want.kids.size > 0) throw new Error(`${e.where}: fields inside explicit items cannot be projected`);
      const l = e.v("l");
      e.push(`if (p + 1 > end) return -1; const ${l} = b[p]; if (${l} < 1 || p + ${l} > end) return -1; p += ${l};`);
      return;
    }
    case "compound": {
      const fs = e.v("fs");
      const fe = e.v("fe");
      const q = e.v("q");
      const x = e.v("x");
      const bit = e.v("bit");
      // The compound's FSPEC: find its end, then read the sub-items its bits select.
      e.push(`const ${fs} = p; do { if (p + 1 > end) return -1; } while (b[p++] & 1); const ${fe} = p;`);
      e.push(`for (let ${q} = ${fs}; ${q} < ${fe}; ${q}++) { const ${x} = b[${q}]; if ((${x} & 0xfe) === 0) continue;`);
      e.push(`for (let ${bit} = 0; ${bit} < 7; ${bit}++) { if ((${x} & (0x80 >> ${bit})) === 0) continue;`);
      e.push(`switch ((${q} - ${fs}) * 7 + ${bit}) {`);
      v.items.forEach((f, idx) => {
        if (!f) return;
        e.push(`case ${idx}: {`);
        variation(e, f.v, want?.kids.get(f.name));
        e.push("break; }");
      });
      e.push("default: return -1; } } }");
      return;
    }
  }
}

/** The tree of wanted fields; throws Error on a malformed spec. */
function wantTree(proj: ProjectionSpec, where: string): Want {
  const root: Want = { kids: new Map() };
  for (const [name, ref] of Object.entries(proj)) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`${where}: slot name ${JSON.stringify(name)} is not an identifier`);
    if (ref.path.length === 0 || (ref.as === "at") !== (ref.path.length === 1)) {
      throw new Error(`${where}: slot ${name}: an offset names an item, a field names item and field`);
    }
    let node = root;
    for (const key of ref.path) {
      let next = node.kids.get(key);
      if (!next) node.kids.set(key, (next = { kids: new Map() }));
      node = next;
    }
    if (node.slot) throw new Error(`${where}: slots ${node.slot.name} and ${name} name the same field`);
    node.slot = { name, ref };
  }
  return root;
}

/** Default of a slot when its field is absent. */
function absent(ref: SlotRef): string {
  return ref.as === "at" ? "-1" : ref.as === "text" ? "undefined" : "NaN";
}

/**
 * Compiles the projection `proj` of the category edition `spec`. Throws Error when the edition has
 * several UAPs (CAT001) or a wanted field is missing or of another kind in its table; the caller
 * then keeps to the generic decoder for that edition.
 */
export function compileProjection<P extends ProjectionSpec>(spec: CategorySpec, proj: P): Projector<Projected<P>> {
  const where = `CAT${String(spec.category).padStart(3, "0")} ${spec.edition}`;
  if (spec.uaps) throw new Error(`${where}: the UAP is chosen per record`);
  const tree = wantTree(proj, where);
  const e = new Emitter(where);
  const slots = Object.entries(proj);
  for (const [name, ref] of slots) e.push(`s.${name} = ${absent(ref)};`);
  // FSPEC: the octets of the UAP's FRNs, then any further octets, which must select nothing.
  const k = Math.ceil(spec.uap.length / 7);
  e.push("let p = pos;");
  e.push(`let ${Array.from({ length: k }, (_, i) => `f${i} = 0`).join(", ")};`);
  let fspec = "";
  for (let i = k - 1; i >= 0; i--) {
    const inner = i === k - 1
      ? `let x = f${i}; while (x & 1) { if (p >= end) return -1; x = b[p++]; if (x & 0xfe) return -1; }`
      : `if (f${i} & 1) { ${fspec} }`;
    fspec = `if (p >= end) return -1; f${i} = b[p++]; ${inner}`;
  }
  e.push(fspec);
  e.push(`if (((${Array.from({ length: k }, (_, i) => `f${i}`).join(" | ")}) & 0xfe) === 0) return -1;`);
  for (let i = 0; i < k * 7; i++) {
    const test = `f${Math.floor(i / 7)} & ${0x80 >> i % 7}`;
    const name = spec.uap[i];
    if (name === undefined || name === null || name === "RFS") {
      e.push(`if (${test}) return -1;`);
      continue;
    }
    const v = spec.items[name];
    if (!v) throw new Error(`${where}: UAP names item ${name} missing from the catalogue`);
    e.push(`if (${test}) {`);
    variation(e, v, tree.kids.get(name));
    e.push("}");
  }
  e.push("return p;");
  for (const [name, ref] of slots) {
    if (!e.emitted.has(name)) throw new Error(`${where}: no field ${ref.path.join("/")} (slot ${name})`);
  }
  const project = new Function("H", `return function project(b, pos, end, s) {\n${e.lines.join("\n")}\n};`)(H) as Projector<Projected<P>>["project"];
  const fresh = new Function(`return function fresh() { return { ${slots.map(([name, ref]) => `${name}: ${absent(ref)}`).join(", ")} }; };`)() as () => Projected<P>;
  return { fresh, project };
}

const cache = new WeakMap<CategorySpec, Map<ProjectionSpec, Projector<unknown> | null>>();

/**
 * The projector of `proj` for the edition `spec`, compiled on first use; undefined when the edition
 * cannot be projected so (see `compileProjection`: the generic decoder then serves it).
 */
export function projectorFor<P extends ProjectionSpec>(spec: CategorySpec, proj: P): Projector<Projected<P>> | undefined {
  let byProj = cache.get(spec);
  if (!byProj) cache.set(spec, (byProj = new Map()));
  let p = byProj.get(proj);
  if (p === undefined) {
    try {
      p = compileProjection(spec, proj) as Projector<unknown>;
    } catch {
      p = null;
    }
    byProj.set(proj, p);
  }
  return (p ?? undefined) as Projector<Projected<P>> | undefined;
}
