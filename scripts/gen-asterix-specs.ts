/**
 * Generates the ASTERIX category tables in `src/formats/asterix/specs/` from the asterix-specs
 * structured text definitions (`cat-X.Y.ast`, zoranbosnjak/asterix-specs, BSD-3-Clause licence,
 * notice kept in `src/formats/asterix/specs/LICENSE.asterix-specs`), one module per category
 * edition, plus `index.ts` listing them.
 *
 * Usage: `npm run gen:asterix [SPEC_DIR]` (SPEC_DIR defaults to `../shared/data/asterix/specs/ast`).
 * The generated files are committed; the build does not need the spec folder.
 *
 * Corrections applied on top of the published definitions are listed in `ERRATA` with their source.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAst, type AstCategory, type AstContent, type AstField, type AstVariation } from "./asterix_ast.js";

/**
 * Corrections to the published definitions: "CAT/item/field" → predicate on the edition and
 * the fix. I048/090 FL is two's complement per EUROCONTROL CAT048 (ICAO Annex 10: −12..1267 FL);
 * asterix-specs transcribed it as unsigned in editions 1.27–1.31 and fixed it in 1.32.
 */
const ERRATA: Record<string, { signed: boolean }> = {
  "48/090/FL": { signed: true },
};

/** Category editions to generate; others in the folder are ignored. */
const CATEGORIES = new Set([1, 2, 8, 10, 19, 20, 21, 23, 34, 48, 62, 63, 65, 247]);

function content(c: AstContent, ctx: string): string {
  switch (c.k) {
    case "raw":
      return `{ k: "raw" }`;
    case "table":
      return `{ k: "table" }`;
    case "str":
      return `{ k: "str", enc: "${c.enc}" }`;
    case "int":
      return `{ k: "int", signed: ${ERRATA[ctx]?.signed ?? c.signed} }`;
    case "q":
      return `{ k: "q", signed: ${ERRATA[ctx]?.signed ?? c.signed}, lsb: ${c.lsb}, unit: ${JSON.stringify(c.unit)} }`;
    case "dep": {
      const cases = c.cases.map(([v, cc]) => `[[${v}], ${content(cc, ctx)}]`).join(", ");
      return `{ k: "dep", path: ${JSON.stringify(c.path)}, byDefault: ${content(c.byDefault, ctx)}, cases: [${cases}] }`;
    }
  }
}

function field(f: AstField, ctx: string): string {
  if (f.kind === "fx") return "FX";
  if (f.kind === "spare") return `spare(${f.bits})`;
  const c = `${ctx}/${f.name}`;
  if (f.v.v === "el") return `el(${JSON.stringify(f.name)}, ${f.v.bits}, ${content(f.v.c, c)})`;
  return `sub(${JSON.stringify(f.name)}, ${variation(f.v, c)})`;
}

function variation(v: AstVariation, ctx: string): string {
  switch (v.v) {
    case "el":
      return `elv(${v.bits}, ${content(v.c, ctx)})`;
    case "group":
      return `group(${v.items.map((i) => field(i, ctx)).join(", ")})`;
    case "ext":
      return `ext(${v.items.map((i) => field(i, ctx)).join(", ")})`;
    case "rep":
      return `rep(${v.counter}, ${variation(v.item, ctx)})`;
    case "explicit":
      return `explicit("${v.kind}")`;
    case "compound":
      return `compound(${v.items
        .map((i) => (i === null ? "null" : i.v.v === "el" ? `el(${JSON.stringify(i.name)}, ${i.v.bits}, ${content(i.v.c, `${ctx}/${i.name}`)})` : `sub(${JSON.stringify(i.name)}, ${variation(i.v, `${ctx}/${i.name}`)})`))
        .join(", ")})`;
  }
}

function uapList(entries: string[]): string {
  return `[${entries.map((e) => (e === "-" ? "null" : e === "rfs" ? `"RFS"` : JSON.stringify(e))).join(", ")}]`;
}

/** Module name of an edition: cat021_2_1. */
export function moduleName(cat: number, edition: string): string {
  return `cat${String(cat).padStart(3, "0")}_${edition.replace(".", "_")}`;
}

function generate(d: AstCategory, file: string): string {
  const cat = d.category;
  const constName = moduleName(cat, d.edition).toUpperCase();
  const body: string[] = [];
  body.push(`/** ASTERIX CAT${String(cat).padStart(3, "0")} edition ${d.edition}: ${d.title} (EUROCONTROL). */`);
  body.push(`export const ${constName}: CategorySpec = {`);
  body.push(`  category: ${cat},`);
  body.push(`  edition: "${d.edition}",`);
  if (d.uaps) {
    const names = Object.keys(d.uaps.variations);
    body.push(`  uap: ${uapList(d.uaps.variations[names[0]])},`);
    body.push(`  uaps: {`);
    body.push(`    selector: { item: "${d.uaps.selector.item}", field: "${d.uaps.selector.field}" },`);
    body.push(`    cases: ${JSON.stringify(d.uaps.cases)},`);
    body.push(`    variations: {`);
    for (const n of names) body.push(`      ${JSON.stringify(n)}: ${uapList(d.uaps.variations[n])},`);
    body.push(`    },`);
    body.push(`  },`);
  } else {
    body.push(`  uap: ${uapList(d.uap ?? [])},`);
  }
  body.push(`  items: {`);
  for (const item of d.items) {
    const ctx = `${cat}/${item.name}`;
    body.push(`    // ${item.name}: ${item.title}`);
    body.push(`    ${JSON.stringify(item.name)}: ${variation(item.v, ctx)},`);
  }
  body.push(`  },`);
  body.push(`};`);
  const text = body.join("\n");
  const used = ["compound", "el", "elv", "explicit", "ext", "FX", "group", "rep", "spare", "sub"].filter((n) =>
    new RegExp(`\\b${n}\\b[(,)]`).test(text),
  );
  return [
    `// Generated by scripts/gen-asterix-specs.ts from asterix-specs ${file}; do not edit by hand.`,
    `// Copyright (c) 2019, KZPS. BSD-3-Clause licence: see LICENSE.asterix-specs beside this file.`,
    `import { ${used.join(", ")} } from "../spec.js";`,
    `import type { CategorySpec } from "../spec.js";`,
    "",
    text,
    "",
  ].join("\n");
}

function main(): void {
  const specDir = resolve(process.argv[2] ?? "../shared/data/asterix/specs/ast");
  const outDir = resolve("src/formats/asterix/specs");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const modules: Array<{ cat: number; edition: string; name: string }> = [];
  for (const file of readdirSync(specDir).filter((f) => /^cat\d{3}_cat-\d+\.\d+\.ast$/.test(f)).sort()) {
    if (!CATEGORIES.has(Number(file.slice(3, 6)))) continue;
    const d = parseAst(readFileSync(join(specDir, file), "utf8"), file);
    const name = moduleName(d.category, d.edition);
    writeFileSync(join(outDir, `${name}.ts`), generate(d, file));
    modules.push({ cat: d.category, edition: d.edition, name });
  }
  const index = [
    `// Generated by scripts/gen-asterix-specs.ts; do not edit by hand.`,
    `// Every generated ASTERIX category edition (asterix-specs, BSD-3-Clause: see LICENSE.asterix-specs).`,
    `import type { CategorySpec } from "../spec.js";`,
    ...modules.map((m) => `import { ${m.name.toUpperCase()} } from "./${m.name}.js";`),
    "",
    `/** Every generated edition: category → edition → table. */`,
    `export const GENERATED_EDITIONS: Record<number, Record<string, CategorySpec>> = {`,
    ...[...new Set(modules.map((m) => m.cat))].map(
      (cat) => `  ${cat}: { ${modules.filter((m) => m.cat === cat).map((m) => `"${m.edition}": ${m.name.toUpperCase()}`).join(", ")} },`,
    ),
    `};`,
    "",
  ].join("\n");
  writeFileSync(join(outDir, "index.ts"), index);
  writeFileSync(join(outDir, "LICENSE.asterix-specs"), readFileSync(join(specDir, "..", "LICENSE.asterix-specs")));
  console.log(`wrote ${modules.length} editions to ${outDir}`);
}

main();
