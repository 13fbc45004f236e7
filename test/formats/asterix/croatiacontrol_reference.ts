/**
 * The CroatiaControl decoder's shipped expected outputs (`reference_decodes/`, PROVENANCE.md) as a
 * second reference where Wireshark is wrong: lines keyed by the record's bytes (upper-case hex),
 * compared field by field with Skywatch's item decode. Only the CAT001/CAT002 JSON output
 * (`croatiacontrol_expected_cat_001_002_json.txt`, run with a field filter) is used here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ItemObject, ItemValue } from "../../../src/formats/asterix/index.js";
import { ASTERIX_DATA } from "../../shared_data.js";

type RefItem = Record<string, number | string> | Array<Record<string, number>>;

/** One line of a CroatiaControl JSON decode: `CAT00<cat>` holds the items ("I010": {...}). */
export interface RefLine {
  cat: number;
  hexdata: string;
  [catKey: string]: unknown;
}

/** Recordings covered by a CroatiaControl JSON decode of CAT001/CAT002, and that decode's file. */
export const REFERENCE_FOR: Record<string, string> = {
  "cat001_cat002_croatiacontrol_oradis.pcap": "reference_decodes/croatiacontrol_expected_cat_001_002_json.txt",
};

/** Loads a reference file: record hex (upper case) → line. */
export function loadReference(path: string): Map<string, RefLine> {
  const out = new Map<string, RefLine>();
  for (const l of readFileSync(join(ASTERIX_DATA, path), "utf8").split("\n")) {
    if (l.trim().length === 0) continue;
    const line = JSON.parse(l) as RefLine;
    out.set(line.hexdata, line);
  }
  return out;
}

/**
 * Compares one reference line with our items; pushes differences to `out` and returns how many
 * values were compared. Unit and naming rules: tpn = I001/161 VALUE, CalcGS in kt rounded to 0.01
 * (compared as GSP counts of 2^-14 NM/s = 0.2197 kt, which the tool prints rounded to 0.22 kt),
 * CalcHdg = HDG, Mode3A = MODE3A, ModeC = HGT (FL), Time = I001/141 VALUE (s), I001/210 one
 * repetition per quality byte; FX and spare are not compared.
 */
export function compareWithReference(line: RefLine, ours: Record<string, ItemValue>, out: string[]): number {
  let values = 0;
  const close = (a: unknown, b: unknown, what: string): void => {
    values++;
    const ok = typeof a === "number" && typeof b === "number"
      ? Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a))
      : String(b) === String(a);
    if (!ok) out.push(`${what}: reference ${JSON.stringify(a)}, ours ${JSON.stringify(b)}`);
  };
  const ref = line[`CAT00${line.cat}`] as Record<string, RefItem>;
  const o = (k: string): ItemObject => (ours[k] ?? {}) as ItemObject;
  for (const [item, fields] of Object.entries(ref)) {
    const id = item.slice(1);
    const where = `CAT00${line.cat} ${item} of ${line.hexdata}`;
    if (ours[id] === undefined) {
      out.push(`${where}: missing in ours`);
      continue;
    }
    if (line.cat === 1 && id === "161") close((fields as Record<string, number>).tpn, o("161").VALUE, where);
    else if (line.cat === 1 && id === "200") {
      const f = fields as Record<string, number>;
      close(Math.round(f.CalcGS / 0.22), Math.round((o("200").GSP as number) * 2 ** 14), `${where} GSP count`);
      close(f.CalcHdg, o("200").HDG, where);
    } else if (line.cat === 1 && id === "070") close((fields as Record<string, string>).Mode3A, o("070").MODE3A, where);
    else if (line.cat === 1 && id === "090") close((fields as Record<string, number>).ModeC, o("090").HGT, where);
    else if (line.cat === 1 && id === "141") close((fields as Record<string, number>).Time, o("141").VALUE, where);
    else if (line.cat === 1 && id === "210") {
      const reps = fields as Array<Record<string, number>>;
      close(reps.map((x) => x.Qty).join(","), (ours["210"] as number[]).join(","), where);
    } else if (Object.keys(fields).length === 1 && !("SAC" in fields)) {
      close(Object.values(fields)[0], o(id).VALUE, where);
    } else {
      for (const [name, v] of Object.entries(fields as Record<string, number>)) {
        if (name === "FX" || name === "spare") continue;
        close(v, o(id)[name], `${where} ${name}`);
      }
    }
  }
  return values;
}
