/**
 * Where Wireshark is wrong (CAT001 track records, decoded by it with the plot UAP), the
 * CroatiaControl decoder's shipped expected output is the reference: every record of
 * `cat001_cat002_croatiacontrol_oradis.pcap` in `reference_decodes/croatiacontrol_expected_cat_001_002_json.txt`
 * (run with a field filter, so only the fields listed there are compared) must agree with ours.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CategoryRegistry, decodeBlock, type ItemValue } from "../../../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../../../src/formats/asterix/framing/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA } from "../../shared_data.js";
import { REFERENCE_FOR, compareWithReference, loadReference } from "./croatiacontrol_reference.js";

const FILE = "cat001_cat002_croatiacontrol_oradis.pcap";

describe.skipIf(!HAS_SHARED_DATA)("CAT001/CAT002 against the CroatiaControl reference decode", () => {
  it("agrees on every field of every record of the ORADIS capture", () => {
    const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, FILE)));
    const registry = new CategoryRegistry();
    const byHex = new Map<string, Record<string, ItemValue>>();
    for (const x of frameBlocks(buf, detectFraming(buf))) {
      if (x.kind !== "block") continue;
      const r = decodeBlock(registry, x.data, x.offset);
      expect(r.error).toBeUndefined();
      for (const rec of r.records) {
        byHex.set(Buffer.from(buf.subarray(rec.offset, rec.offset + rec.length)).toString("hex").toUpperCase(), rec.items);
      }
    }
    const ref = loadReference(REFERENCE_FOR[FILE]);
    let values = 0;
    const differences: string[] = [];
    for (const [hex, line] of ref) {
      const ours = byHex.get(hex);
      expect(ours, `record ${hex} decoded`).toBeDefined();
      values += compareWithReference(line, ours!, differences);
    }
    console.log(`CroatiaControl reference: ${ref.size} records, ${values} values compared`);
    expect(differences).toEqual([]);
    expect(ref.size).toBe(8);
    expect(values).toBeGreaterThan(60);
  });
});
