/**
 * Where Wireshark is wrong (CAT001 track records, decoded by it with the plot UAP), the
 * CroatiaControl decoder's shipped expected output is the reference: every record of
 * `cat001_cat002_croatiacontrol_oradis.pcap` in `reference_decodes/croatiacontrol_expected_cat_001_002_json.txt`
 * (run with a field filter, so only the fields listed there are compared) must agree with ours.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CategoryRegistry, decodeBlock, type ItemObject } from "../../../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../../../src/formats/asterix/framing/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA } from "../../shared_data.js";

type Ref = Record<string, Record<string, number | string> | Array<Record<string, number>>>;

describe.skipIf(!HAS_SHARED_DATA)("CAT001/CAT002 against the CroatiaControl reference decode", () => {
  it("agrees on every field of every record of the ORADIS capture", () => {
    const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, "cat001_cat002_croatiacontrol_oradis.pcap")));
    const registry = new CategoryRegistry();
    const byHex = new Map<string, Record<string, unknown>>();
    for (const x of frameBlocks(buf, detectFraming(buf))) {
      if (x.kind !== "block") continue;
      const r = decodeBlock(registry, x.data, x.offset);
      expect(r.error).toBeUndefined();
      for (const rec of r.records) {
        byHex.set(Buffer.from(buf.subarray(rec.offset, rec.offset + rec.length)).toString("hex").toUpperCase(), rec.items);
      }
    }
    const lines = readFileSync(join(ASTERIX_DATA, "reference_decodes/croatiacontrol_expected_cat_001_002_json.txt"), "utf8")
      .split("\n").filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as { cat: number; hexdata: string } & Record<string, Ref>);
    let values = 0;
    const close = (a: unknown, b: unknown, what: string): void => {
      values++;
      if (typeof a === "number" && typeof b === "number") expect(Math.abs(a - b), what).toBeLessThan(1e-6 * Math.max(1, Math.abs(a)));
      else expect(String(b), what).toBe(String(a));
    };
    for (const line of lines) {
      const ours = byHex.get(line.hexdata);
      expect(ours, `record ${line.hexdata} decoded`).toBeDefined();
      const ref = line[`CAT00${line.cat}`] as Ref;
      const o = (k: string): ItemObject => ours![k] as ItemObject;
      for (const [item, fields] of Object.entries(ref)) {
        const id = item.slice(1);
        const where = `CAT00${line.cat} ${item} of ${line.hexdata}`;
        if (line.cat === 1 && id === "161") close((fields as Record<string, number>).tpn, o("161").VALUE, where);
        else if (line.cat === 1 && id === "200") {
          const f = fields as Record<string, number>;
          // CroatiaControl prints GSP with an LSB rounded to 0.22 kt (exact: 2^-14 NM/s = 0.2197 kt):
          // compare the raw counts.
          close(Math.round(f.CalcGS / 0.22), Math.round((o("200").GSP as number) * 2 ** 14), `${where} GSP count`);
          close(f.CalcHdg, o("200").HDG, where);
        } else if (line.cat === 1 && id === "070") close((fields as Record<string, string>).Mode3A, o("070").MODE3A, where);
        else if (line.cat === 1 && id === "090") close((fields as Record<string, number>).ModeC, o("090").HGT, where);
        else if (line.cat === 1 && id === "141") close((fields as Record<string, number>).Time, o("141").VALUE, where);
        else if (line.cat === 1 && id === "210") {
          const reps = fields as Array<Record<string, number>>;
          close(reps.map((x) => x.Qty).join(","), (ours!["210"] as number[]).join(","), where);
        } else if (Object.keys(fields).length === 1 && !("SAC" in fields)) {
          close(Object.values(fields)[0], (o(id) as ItemObject).VALUE, where);
        } else {
          for (const [name, v] of Object.entries(fields as Record<string, number>)) {
            if (name === "FX" || name === "spare") continue;
            close(v, o(id)[name], `${where} ${name}`);
          }
        }
      }
    }
    console.log(`CroatiaControl reference: ${lines.length} records, ${values} values compared`);
    expect(values).toBeGreaterThan(60);
  });
});
