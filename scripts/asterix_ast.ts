/**
 * Parser of the asterix-specs structured text format (`cat-X.Y.ast`, zoranbosnjak/asterix-specs):
 * an indentation-based description of a category edition: items with their variation
 * (element, group, extended, repetitive, explicit, compound) and the UAP (or UAPs with a
 * selector, as CAT001's plot/track UAPs).
 *
 * Only structure and value semantics are kept; definitions, remarks and table texts are skipped.
 */

/** Element content. */
export type AstContent =
  | { k: "raw" }
  | { k: "table" }
  | { k: "str"; enc: "ascii" | "icao" | "octal" }
  | { k: "int"; signed: boolean }
  | { k: "q"; signed: boolean; lsb: string; unit: string }
  | { k: "dep"; path: string[]; cases: Array<[number, AstContent]>; byDefault: AstContent };

/** A named field or a spare run or an FX marker. */
export type AstField =
  | { kind: "field"; name: string; v: AstVariation }
  | { kind: "spare"; bits: number }
  | { kind: "fx" };

/** Variation of an item or field. */
export type AstVariation =
  | { v: "el"; bits: number; c: AstContent }
  | { v: "group"; items: AstField[] }
  | { v: "ext"; items: AstField[] }
  | { v: "rep"; counter: number; item: AstVariation }
  | { v: "explicit"; kind: "SP" | "RE" | "other" }
  | { v: "compound"; items: Array<{ name: string; v: AstVariation } | null> };

/** One parsed category edition. */
export interface AstCategory {
  category: number;
  edition: string;
  title: string;
  items: Array<{ name: string; title: string; v: AstVariation }>;
  /** One UAP (`uaps` undefined) or several with a selector. Entries: item names, "-" spare, "rfs". */
  uap?: string[];
  uaps?: { variations: Record<string, string[]>; selector: { item: string; field: string }; cases: Record<number, string> };
}

interface Line {
  indent: number;
  text: string;
  no: number;
}

class Cursor {
  i = 0;
  constructor(readonly lines: Line[], readonly file: string) {}
  peek(): Line | undefined {
    return this.lines[this.i];
  }
  next(): Line {
    const l = this.lines[this.i++];
    if (!l) throw new Error(`${this.file}: unexpected end of file`);
    return l;
  }
  fail(l: Line, msg: string): never {
    throw new Error(`${this.file}:${l.no}: ${msg}: "${l.text}"`);
  }
  /** Skips every line indented deeper than `indent`. */
  skipBlock(indent: number): void {
    while (this.peek() && this.peek()!.indent > indent) this.i++;
  }
}

const TEXT_BLOCKS = new Set(["definition", "description", "remark"]);

/** A number expression of the format ("1/2^7", "360/2^16", "25", "10") as a TypeScript expression. */
function lsbExpr(s: string): string {
  return s.replace(/\^/g, " ** ").replace(/\//g, " / ");
}

function parseContent(c: Cursor, indent: number): AstContent {
  const l = c.next();
  if (l.indent !== indent) c.fail(l, `content expected at indent ${indent}`);
  const t = l.text.split(/\s+/);
  switch (t[0]) {
    case "raw":
      return { k: "raw" };
    case "table":
      c.skipBlock(indent);
      return { k: "table" };
    case "bds":
      return { k: "raw" };
    case "string": {
      const enc = t[1] as "ascii" | "icao" | "octal";
      if (!["ascii", "icao", "octal"].includes(enc)) c.fail(l, "unknown string encoding");
      return { k: "str", enc };
    }
    case "signed":
    case "unsigned": {
      const signed = t[0] === "signed";
      if (t[1] === "integer") return { k: "int", signed };
      if (t[1] === "quantity") {
        const m = /quantity\s+(\S+)\s+"([^"]*)"/.exec(l.text);
        if (!m) c.fail(l, "malformed quantity");
        return { k: "q", signed, lsb: lsbExpr(m[1]), unit: m[2] };
      }
      return c.fail(l, "unknown numeric content");
    }
    case "case": {
      const m = /^case\s+(\d{3})\/(\S+)$/.exec(l.text);
      if (!m) {
        // Multi-item selectors are kept raw.
        c.skipBlock(indent);
        return { k: "raw" };
      }
      const path = m[2].split("/");
      const cases: Array<[number, AstContent]> = [];
      let byDefault: AstContent = { k: "raw" };
      while (c.peek() && c.peek()!.indent === indent + 4) {
        const h = c.next();
        const cm = /^(\d+|default):$/.exec(h.text);
        if (!cm) c.fail(h, "case label expected");
        const content = parseContent(c, indent + 8);
        if (cm[1] === "default") byDefault = content;
        else cases.push([Number(cm[1]), content]);
      }
      return { k: "dep", path, cases, byDefault };
    }
    default:
      return c.fail(l, "unknown content");
  }
}

/** Bit size of fixed fields (elements, spares, nested groups). */
function fieldBits(fields: AstField[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.kind === "spare") n += f.bits;
    else if (f.kind === "field") n += variationBits(f.v);
  }
  return n;
}

function variationBits(v: AstVariation): number {
  if (v.v === "el") return v.bits;
  if (v.v === "group") return fieldBits(v.items);
  throw new Error(`variation ${v.v} inside an extended item has no fixed size`);
}

/** Parses a variation whose keyword line is next, at `indent`. */
function parseVariation(c: Cursor, indent: number): AstVariation {
  const l = c.next();
  if (l.indent !== indent) c.fail(l, `variation expected at indent ${indent}`);
  const t = l.text.split(/\s+/);
  switch (t[0]) {
    case "element": {
      const bits = Number(t[1]);
      const content = parseContent(c, indent + 4);
      return { v: "el", bits, c: content };
    }
    case "group":
    case "extended": {
      const items = parseFields(c, indent + 4, t[0] === "extended");
      if (t[0] === "extended") {
        // The format omits the final FX marker; a last part that fills whole octets has none
        // (a variant of the extended item: ASTERIX Part 1 §4.3.4, e.g. I021/271 ed. 2.1).
        const lastFx = items.map((f) => f.kind).lastIndexOf("fx");
        const tail = items.slice(lastFx + 1);
        if (tail.length > 0 && fieldBits(tail) % 8 !== 0) items.push({ kind: "fx" });
        return { v: "ext", items };
      }
      return { v: "group", items };
    }
    case "repetitive": {
      const counter = t[1] === "fx" ? 0 : Number(t[1]);
      if (!Number.isInteger(counter)) c.fail(l, "bad repetition");
      return { v: "rep", counter, item: parseVariation(c, indent + 4) };
    }
    case "explicit": {
      const kind = t[1] === "re" ? "RE" : t[1] === "sp" ? "SP" : "other";
      return { v: "explicit", kind };
    }
    case "compound": {
      const items: Array<{ name: string; v: AstVariation } | null> = [];
      while (c.peek() && c.peek()!.indent === indent + 4) {
        const h = c.next();
        if (h.text === "-") {
          items.push(null);
          continue;
        }
        const m = /^(\S+)\s+"[^"]*"$/.exec(h.text);
        if (!m) c.fail(h, "compound sub-item expected");
        items.push({ name: m[1], v: parseNamedBody(c, indent + 8) });
      }
      return { v: "compound", items };
    }
    default:
      return c.fail(l, "unknown variation");
  }
}

/** The body of a named item or field: optional text blocks around exactly one variation. */
function parseNamedBody(c: Cursor, indent: number): AstVariation {
  let v: AstVariation | undefined;
  while (c.peek() && c.peek()!.indent === indent) {
    const l = c.peek()!;
    const word = l.text.split(/\s+/)[0];
    if (TEXT_BLOCKS.has(word)) {
      c.next();
      c.skipBlock(indent);
      continue;
    }
    if (v) c.fail(l, "second variation");
    v = parseVariation(c, indent);
  }
  if (!v) throw new Error(`${c.file}: item without variation near line ${c.peek()?.no}`);
  return v;
}

function parseFields(c: Cursor, indent: number, extended: boolean): AstField[] {
  const items: AstField[] = [];
  while (c.peek() && c.peek()!.indent === indent) {
    const l = c.next();
    if (l.text === "-") {
      if (!extended) c.fail(l, "FX marker outside an extended item");
      items.push({ kind: "fx" });
      continue;
    }
    const sp = /^spare\s+(\d+)$/.exec(l.text);
    if (sp) {
      items.push({ kind: "spare", bits: Number(sp[1]) });
      continue;
    }
    const m = /^(\S+)\s+"[^"]*"$/.exec(l.text);
    if (!m) c.fail(l, "field expected");
    items.push({ kind: "field", name: m[1], v: parseNamedBody(c, indent + 4) });
  }
  return items;
}

/** Parses one `.ast` file. Throws Error with file and line on anything it does not understand. */
export function parseAst(text: string, file: string): AstCategory {
  const lines: Line[] = [];
  text.split("\n").forEach((raw, idx) => {
    if (raw.trim() === "") return;
    const indent = raw.length - raw.trimStart().length;
    lines.push({ indent, text: raw.trim(), no: idx + 1 });
  });
  const c: Cursor = new Cursor(lines, file);
  const head = /^asterix\s+(\d{3})\s+"([^"]*)"$/.exec(c.next().text);
  if (!head) throw new Error(`${file}: not an asterix-specs file`);
  const out: AstCategory = { category: Number(head[1]), title: head[2], edition: "", items: [] };
  while (c.peek()) {
    const l = c.next();
    if (l.indent !== 0) c.fail(l, "top-level keyword expected");
    const word = l.text.split(/\s+/)[0];
    if (word === "edition") out.edition = l.text.split(/\s+/)[1];
    else if (word === "date" || word === "preamble") c.skipBlock(0);
    else if (word === "items") {
      while (c.peek() && c.peek()!.indent === 4) {
        const h = c.next();
        const m = /^(\S+)\s+"([^"]*)"$/.exec(h.text);
        if (!m) c.fail(h, "item header expected");
        out.items.push({ name: m[1], title: m[2], v: parseNamedBody(c, 8) });
      }
    } else if (word === "uap") {
      out.uap = [];
      while (c.peek() && c.peek()!.indent === 4) out.uap.push(c.next().text);
    } else if (word === "uaps") {
      const variations: Record<string, string[]> = {};
      let selector = { item: "", field: "" };
      const cases: Record<number, string> = {};
      while (c.peek() && c.peek()!.indent === 4) {
        const h = c.next();
        if (h.text === "variations") {
          while (c.peek() && c.peek()!.indent === 8) {
            const name = c.next().text;
            variations[name] = [];
            while (c.peek() && c.peek()!.indent === 12) variations[name].push(c.next().text);
          }
        } else {
          const m = /^case\s+(\d{3})\/(\S+)$/.exec(h.text);
          if (!m) c.fail(h, "UAP selector expected");
          selector = { item: m[1], field: m[2] };
          while (c.peek() && c.peek()!.indent === 8) {
            const cm = /^(\d+):\s*(\S+)$/.exec(c.next().text);
            if (cm) cases[Number(cm[1])] = cm[2];
          }
        }
      }
      out.uaps = { variations, selector, cases };
    } else c.fail(l, "unknown top-level keyword");
  }
  return out;
}
