/**
 * fast-check arbitraries of ASTERIX records built from a category table: every item of the
 * UAP with values in range for its field (quantities as whole multiples of their LSB, text
 * of full length, octal codes within their bits; a dependent field in the content the field it
 * depends on selects).
 */
import fc from "fast-check";
import type { ItemValue } from "../../../src/formats/asterix/index.js";
import type { CategorySpec, Content, Field, Spare, Variation } from "../../../src/formats/asterix/spec.js";

/** Dependent fields met while building an arbitrary: name → bits and content. */
type Deps = Map<string, { bits: number; c: Content }>;

const ICAO = "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789";
const ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -./";

function leaf(bits: number, c: Content): fc.Arbitrary<ItemValue> {
  switch (c.k) {
    case "raw":
      if (bits > 48) return fc.array(fc.constantFrom(..."0123456789abcdef"), { minLength: bits / 4, maxLength: bits / 4 }).map((a) => a.join(""));
      return fc.integer({ min: 0, max: Math.min(2 ** bits - 1, Number.MAX_SAFE_INTEGER) });
    case "table":
      return fc.integer({ min: 0, max: 2 ** bits - 1 });
    case "int":
      return c.signed ? fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 }) : fc.integer({ min: 0, max: 2 ** bits - 1 });
    case "q": {
      const min = c.signed ? -(2 ** (bits - 1)) : 0;
      const max = c.signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
      return fc.integer({ min, max }).map((k) => k * c.lsb);
    }
    case "str":
      if (c.enc === "octal") return fc.integer({ min: 0, max: 2 ** bits - 1 }).map((v) => v.toString(8).padStart(Math.ceil(bits / 3), "0"));
      if (c.enc === "icao") return fc.array(fc.constantFrom(...ICAO), { minLength: bits / 6, maxLength: bits / 6 }).map((a) => a.join(""));
      return fc.array(fc.constantFrom(...ASCII), { minLength: bits / 8, maxLength: bits / 8 }).map((a) => a.join(""));
    case "dep":
      // The raw bits; `resolveDeps` turns them into the value of the content selected by the other field.
      return fc.integer({ min: 0, max: 2 ** bits - 1 });
  }
}

/** Replaces the raw bits generated for dependent fields by the value their selected content gives. */
function resolveDeps(v: ItemValue, root: ItemValue, deps: Map<string, { bits: number; c: Content }>): ItemValue {
  if (Array.isArray(v)) return v.map((x) => resolveDeps(x, x, deps));
  if (!v || typeof v !== "object") return v;
  const out: Record<string, ItemValue> = {};
  for (const [k, x] of Object.entries(v)) {
    const d = deps.get(k);
    if (d && d.c.k === "dep" && typeof x === "number") {
      let sel: unknown = root;
      for (const p of d.c.path) sel = sel && typeof sel === "object" ? (sel as Record<string, unknown>)[p] : undefined;
      const chosen = d.c.cases.find(([vals]) => vals.includes(sel as number))?.[1] ?? d.c.byDefault;
      const half = 2 ** (d.bits - 1);
      out[k] = chosen.k === "q" ? (chosen.signed && x >= half ? x - 2 * half : x) * chosen.lsb
        : chosen.k === "int" && chosen.signed && x >= half ? x - 2 * half : x;
    } else out[k] = resolveDeps(x, root, deps);
  }
  return out;
}

function fields(items: Array<Field | Spare | null>, deps: Deps): fc.Arbitrary<Record<string, ItemValue>> {
  const rec: Record<string, fc.Arbitrary<ItemValue>> = {};
  for (const f of items) {
    if (f === null || "spare" in f) continue;
    if (f.v.v === "el" && f.v.c.k === "dep") deps.set(f.name, { bits: f.v.bits, c: f.v.c });
    rec[f.name] = f.v.v === "el" ? leaf(f.v.bits, f.v.c) : variation(f.v, false, deps);
  }
  return fc.record(rec);
}

/** Arbitrary value of a variation in the decoder's shapes (`wrap`: a bare element as `{ VALUE }`). */
export function variation(v: Variation, wrap: boolean, deps: Deps): fc.Arbitrary<ItemValue> {
  switch (v.v) {
    case "el":
      return wrap ? leaf(v.bits, v.c).map((x) => ({ VALUE: x })) : leaf(v.bits, v.c);
    case "group":
      return fields(v.items, deps);
    case "ext": {
      // All octet parts up to a random last one (the encoder writes parts up to the last with a value).
      const parts: Array<Array<Field | Spare>> = [];
      let run: Array<Field | Spare> = [];
      for (const f of v.items) {
        if (f === null) {
          parts.push(run);
          run = [];
        } else run.push(f);
      }
      if (run.length > 0) parts.push(run);
      return fc.integer({ min: 0, max: parts.length - 1 }).chain((last) =>
        fields(parts.slice(0, last + 1).flat(), deps).filter((o) => {
          // The last part must carry a non-zero value or a present field for the encoder to keep it.
          return parts[last].length === 0 || parts[last].some((f) => !("spare" in f) && o[f.name] !== undefined);
        }));
    }
    case "rep":
      return fc.array(variation(v.item, false, deps), { minLength: v.counter === 0 ? 1 : 0, maxLength: 3 });
    case "explicit":
      return fc.uint8Array({ minLength: 0, maxLength: 8 }).map((b) => ({ raw: Buffer.from(b).toString("hex") }));
    case "compound": {
      const subs: Record<string, fc.Arbitrary<ItemValue>> = {};
      for (const f of v.items) if (f) subs[f.name] = variation(f.v, true, deps);
      return fc.record(subs, { requiredKeys: [] });
    }
  }
}

/** Arbitrary record (items by name) of a category edition, with at least one item. */
export function recordArbitrary(spec: CategorySpec): fc.Arbitrary<Record<string, ItemValue>> {
  const items: Record<string, fc.Arbitrary<ItemValue>> = {};
  for (const name of spec.uap) {
    if (name === null || name === "RFS") continue;
    const deps: Deps = new Map();
    items[name] = variation(spec.items[name], true, deps).map((x) => (deps.size > 0 ? resolveDeps(x, x, deps) : x));
  }
  return fc.record(items, { requiredKeys: [] }).filter((r) => Object.keys(r).length > 0);
}
