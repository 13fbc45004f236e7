/**
 * Generates the ASTERIX category tables in `src/formats/asterix/specs/` from the
 * machine-readable asterix-specs definitions (`definition.json`, zoranbosnjak/asterix-specs,
 * BSD-3-Clause licence, notice kept in `src/formats/asterix/specs/LICENSE.asterix-specs`).
 *
 * Usage: `npx tsc -p tsconfig.json && node dist/scripts/gen-asterix-specs.js [SPEC_DIR]`
 * (SPEC_DIR defaults to `../shared/data/asterix/specs/json`). The generated files are committed;
 * the build does not need the spec folder.
 *
 * Errata applied on top of the published definitions are listed in `ERRATA` with their source.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** The editions generated: [json file, exported constant]. */
const EDITIONS: Array<[string, string]> = [
  ["cat048_cat1.31.json", "CAT048_1_31"],
  ["cat048_cat1.27.json", "CAT048_1_27"],
  ["cat034_cat1.29.json", "CAT034_1_29"],
];

/**
 * Corrections to the published definitions, keyed "CAT/item/field".
 * I048/090 FL: two's complement per EUROCONTROL CAT048 (and ICAO Annex 10 −12..1267 FL);
 * asterix-specs transcribed it as unsigned in 1.27–1.31 and fixed it in 1.32.
 */
const ERRATA: Record<string, { signed: boolean }> = {
  "48/090/FL": { signed: true },
};

function num(n: Json): string {
  switch (n.tag) {
    case "NumInt":
      return String(n.contents);
    case "NumDiv":
      return `${num(n.contents.numerator)} / ${num(n.contents.denominator)}`;
    case "NumPow":
      return `${n.contents.base} ** ${n.contents.exponent}`;
    default:
      throw new Error(`unknown number ${n.tag}`);
  }
}

function content(c: Json, ctx: string): string {
  if (c.tag === "ContextFree") return contentInner(c.contents, ctx);
  if (c.tag === "Dependent") {
    const d = c.contents;
    const path = (d.path[0] as string[]).slice(1);
    const cases = (d.cases as Array<[number[], Json]>)
      .map(([vals, cc]) => `[[${vals.join(", ")}], ${contentInner(cc, ctx)}]`)
      .join(", ");
    return `{ k: "dep", path: ${JSON.stringify(path)}, byDefault: ${contentInner(d.default, ctx)}, cases: [${cases}] }`;
  }
  throw new Error(`unknown rule ${c.tag}`);
}

function contentInner(c: Json, ctx: string): string {
  switch (c.tag) {
    case "ContentRaw":
    case "ContentBds":
      return `{ k: "raw" }`;
    case "ContentTable":
      return `{ k: "table" }`;
    case "ContentString": {
      const enc = { StringAscii: "ascii", StringICAO: "icao", StringOctal: "octal" }[c.contents.tag as string];
      return `{ k: "str", enc: "${enc}" }`;
    }
    case "ContentInteger":
      return `{ k: "int", signed: ${erratumSigned(ctx, c.contents.signedness.tag === "Signed")} }`;
    case "ContentQuantity": {
      const q = c.contents;
      const signed = erratumSigned(ctx, q.signedness.tag === "Signed");
      return `{ k: "q", signed: ${signed}, lsb: ${num(q.lsb)}, unit: ${JSON.stringify(q.unit)} }`;
    }
    default:
      throw new Error(`unknown content ${c.tag} at ${ctx}`);
  }
}

function erratumSigned(ctx: string, signed: boolean): boolean {
  const e = ERRATA[ctx];
  return e ? e.signed : signed;
}

/** A rule wrapping a variation: ContextFree only at variation level in these editions. */
function ruleVariation(r: Json, ctx: string): Json {
  if (r.tag !== "ContextFree") throw new Error(`dependent variation at ${ctx} not supported`);
  return r.contents;
}

function field(item: Json, ctx: string): string {
  if (item === null) return "FX";
  if (item.tag === "Spare") return `spare(${item.contents})`;
  const it = item.tag === "Item" ? item.contents : item;
  const name: string = it.name;
  const v = ruleVariation(it.rule, `${ctx}/${name}`);
  const c = `${ctx}/${name}`;
  if (v.tag === "Element") {
    const e = v.contents;
    return `el(${JSON.stringify(name)}, ${e.bitSize}, ${content(e.rule, c)})`;
  }
  return `sub(${JSON.stringify(name)}, ${variation(v, c)})`;
}

function variation(v: Json, ctx: string): string {
  switch (v.tag) {
    case "Element":
      return `elv(${v.contents.bitSize}, ${content(v.contents.rule, ctx)})`;
    case "Group":
      return `group(${(v.contents as Json[]).map((i) => field(i, ctx)).join(", ")})`;
    case "Extended":
      return `ext(${(v.contents as Json[]).map((i) => field(i, ctx)).join(", ")})`;
    case "Repetitive": {
      const t = v.contents.type;
      const counter = t.tag === "RepetitiveFx" ? 0 : t.contents.byteSize;
      return `rep(${counter}, ${variation(v.contents.variation, ctx)})`;
    }
    case "Explicit": {
      const kind = v.contents?.tag === "SpecialPurpose" ? "SP" : v.contents?.tag === "ReservedExpansion" ? "RE" : "other";
      return `explicit("${kind}")`;
    }
    case "Compound":
      return `compound(${(v.contents as Json[]).map((i) => (i === null ? "null" : field(i, ctx))).join(", ")})`;
    default:
      throw new Error(`unknown variation ${v.tag} at ${ctx}`);
  }
}

function generate(specDir: string, file: string, constName: string): string {
  const d = JSON.parse(readFileSync(join(specDir, file), "utf8")).contents;
  const cat: number = d.category;
  const edition = `${d.edition.major}.${d.edition.minor}`;
  if (d.uap.tag !== "Uap") throw new Error(`${file}: multiple UAPs not supported here`);
  const uap = (d.uap.contents as Json[]).map((u) => (u.tag === "UapItem" ? JSON.stringify(u.contents) : "null"));
  const lines: string[] = [];
  lines.push(`// Generated by scripts/gen-asterix-specs.ts from asterix-specs ${file}; do not edit by hand.`);
  lines.push(`// Copyright (c) 2019, KZPS. BSD-3-Clause licence: see LICENSE.asterix-specs beside this file.`);
  lines.push(`import { compound, el, elv, explicit, ext, FX, group, rep, spare, sub } from "../spec.js";`);
  lines.push(`import type { CategorySpec } from "../spec.js";`);
  lines.push("");
  lines.push(`/** ASTERIX CAT${String(cat).padStart(3, "0")} edition ${edition}: ${d.title} (EUROCONTROL). */`);
  lines.push(`export const ${constName}: CategorySpec = {`);
  lines.push(`  category: ${cat},`);
  lines.push(`  edition: "${edition}",`);
  lines.push(`  uap: [${uap.join(", ")}],`);
  lines.push(`  items: {`);
  for (const item of d.catalogue as Json[]) {
    const ctx = `${cat}/${item.name}`;
    lines.push(`    // ${item.name}: ${item.title}`);
    lines.push(`    ${JSON.stringify(item.name)}: ${variation(ruleVariation(item.rule, ctx), ctx)},`);
  }
  lines.push(`  },`);
  lines.push(`};`);
  let text = lines.join("\n") + "\n";
  // Drop constructors the file does not use, so the import list stays exact.
  const used = ["compound", "el", "elv", "explicit", "ext", "FX", "group", "rep", "spare", "sub"].filter((n) =>
    new RegExp(`\\b${n}\\b(?!:)`).test(text.split("\n").slice(4).join("\n")),
  );
  text = text.replace(/import \{[^}]*\} from "\.\.\/spec\.js";/, `import { ${used.join(", ")} } from "../spec.js";`);
  return text;
}

function main(): void {
  const specDir = resolve(process.argv[2] ?? "../shared/data/asterix/specs/json");
  const outDir = resolve("src/formats/asterix/specs");
  mkdirSync(outDir, { recursive: true });
  for (const [file, constName] of EDITIONS) {
    const out = join(outDir, `${constName.toLowerCase()}.ts`);
    writeFileSync(out, generate(specDir, file, constName));
    console.log(`wrote ${out}`);
  }
  writeFileSync(join(outDir, "LICENSE.asterix-specs"), readFileSync(join(specDir, "..", "LICENSE.asterix-specs")));
}

main();
