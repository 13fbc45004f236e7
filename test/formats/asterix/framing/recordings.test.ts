/**
 * Framing of the shared ASTERIX recordings: block counts per category must equal the golden manifest
 * (tshark counts), with no issues except the 15,325 trailers of the `_trailer8` capture.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFraming, frameBlocks, type FramedBlock, type Framing, type FramingIssue } from "../../../../src/formats/asterix/framing/index.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const DATA = resolve(REPO, "../shared/data/asterix");
const HAVE_DATA = existsSync(resolve(DATA, "golden/manifest.json"));
const SKIP_NOTE = `shared ASTERIX recordings not found at ${DATA}: recording tests skipped`;
if (!HAVE_DATA) console.warn(SKIP_NOTE);

interface ManifestFile { file: string; framing: string; per_cat: Record<string, { blocks: number }> }
const manifest: ManifestFile[] = HAVE_DATA ? JSON.parse(readFileSync(resolve(DATA, "golden/manifest.json"), "utf8")).files : [];

/** Manifest framing names → ours. */
const FRAMING_OF: Record<string, Framing> = { raw: "raw", pcap: "pcap", gps: "gps", rply: "rply", oradis_pcap: "pcap", llc_pcap: "pcap" };
/** Issues expected per file (all others: none). */
const EXPECTED_ISSUES: Record<string, number> = { "cat034_cat048_jmatiasbro_cba010626_trailer8.pcap": 15325 };

function load(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

function frameAll(buf: Uint8Array, framing: Framing): { blocks: FramedBlock[]; issues: FramingIssue[] } {
  const blocks: FramedBlock[] = [];
  const issues: FramingIssue[] = [];
  for (const item of frameBlocks(buf, framing)) { if (item.kind === "block") blocks.push(item); else issues.push(item); }
  return { blocks, issues };
}

function perCategory(blocks: FramedBlock[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of blocks) {
    const c = String(b.data[0]).padStart(3, "0");
    out[c] = (out[c] ?? 0) + 1;
  }
  return out;
}

describe.skipIf(!HAVE_DATA)(HAVE_DATA ? "recordings in shared/data/asterix (golden block counts)" : SKIP_NOTE, () => {
  it("has a manifest entry for every recording", () => {
    const files = readdirSync(DATA).filter((f) => /\.(pcap|gps|ast|raw|rply)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    expect(files.sort()).toEqual(manifest.map((m) => m.file).sort());
  });

  for (const entry of manifest) {
    it(`${entry.file}: framing, blocks per category, issues`, () => {
      const buf = load(resolve(DATA, entry.file));
      const framing = detectFraming(buf, entry.file);
      expect(framing).toBe(FRAMING_OF[entry.framing]);
      const { blocks, issues } = frameAll(buf, framing);
      const expected = Object.fromEntries(Object.entries(entry.per_cat).map(([c, v]) => [c, v.blocks]));
      expect(perCategory(blocks)).toEqual(expected);
      expect(issues.length).toBe(EXPECTED_ISSUES[entry.file] ?? 0);
      // Every block is a view on the file (no copy) at its offset, as long as its LEN field.
      const wrong = blocks.filter((b) => b.data.length !== ((b.data[1] << 8) | b.data[2])
        || b.data.buffer !== buf.buffer || b.data.byteOffset - buf.byteOffset !== b.offset);
      expect(wrong).toEqual([]);
    });
  }

  it("reports each 8-byte trailer of the _trailer8 capture right after the block of its datagram", () => {
    const buf = load(resolve(DATA, "cat034_cat048_jmatiasbro_cba010626_trailer8.pcap"));
    const items = [...frameBlocks(buf, "pcap")];
    for (let k = 0; k < 200; k += 2) {
      const blk = items[k], issue = items[k + 1];
      expect(blk.kind).toBe("block");
      expect(issue.kind).toBe("issue");
      if (blk.kind !== "block" || issue.kind !== "issue") return;
      expect(issue.offset).toBe(blk.offset + blk.data.length);
      expect(issue.length).toBe(8);
      expect(issue.message).toMatch(/exceeds the 8 bytes left/);
      expect(blk.packet?.frame).toBe(k / 2 + 1);
    }
  });

  it("gives .gps blocks their trailer time of day (midnight crossing file)", () => {
    const { blocks } = frameAll(load(resolve(DATA, "cat010_ifsnop_rn_midnight_cross.gps")), "gps");
    // PROVENANCE: GPS ToD 23:59:59.594 -> 00:00:00.023
    expect(blocks[0].timeOfDay).toBeCloseTo(86399.594, 2);
    expect(blocks[blocks.length - 1].timeOfDay).toBeCloseTo(0.023, 2);
  });

  it("gives pcap blocks the capture time and packet addresses", () => {
    const { blocks } = frameAll(load(resolve(DATA, "cat062_cat065_croatiacontrol.pcap")), "pcap");
    // PROVENANCE: capture 2014-02-25 12:43:47
    const t = blocks[0].time ?? 0;
    expect(new Date(t * 1000).toISOString().slice(0, 19)).toBe("2014-02-25T12:43:47");
    expect(blocks[0].packet?.dstPort).toBe(10001);
    expect(blocks[0].packet?.frame).toBe(1);
  });

  it("gives .rply blocks their delay, and the same blocks as the raw twin", () => {
    const rply = frameAll(load(resolve(DATA, "cat048_cat034_akapetanovic_jahorina.rply")), "rply").blocks;
    const raw = frameAll(load(resolve(DATA, "cat048_cat034_akapetanovic_jahorina.raw")), "raw").blocks;
    expect(rply.length).toBe(raw.length);
    expect(rply[1].delay).toBeCloseTo(0.109, 9);
    for (let k = 0; k < raw.length; k++) expect(Buffer.from(rply[k].data).equals(Buffer.from(raw[k].data))).toBe(true);
  });

  it("unwraps ORADIS only where needed, and not when told never to", () => {
    const buf = load(resolve(DATA, "cat001_cat002_croatiacontrol_oradis.pcap"));
    const never = [...frameBlocks(buf, "pcap", { oradis: "never" })];
    expect(never.filter((i) => i.kind === "block")).toHaveLength(0);
    expect(never.filter((i) => i.kind === "issue")).toHaveLength(1);
    const plain = load(resolve(DATA, "cat034_cat048_croatiacontrol.pcap"));
    const forced = [...frameBlocks(plain, "pcap", { oradis: "always" })];
    expect(forced.every((i) => i.kind === "issue")).toBe(true);
  });

  it("finds the same blocks in the LLC capture as in the raw file of the same data", () => {
    const llc = frameAll(load(resolve(DATA, "mixed_goasterix_llc.pcap")), "pcap").blocks;
    const raw = frameAll(load(resolve(DATA, "mixed_goasterix_sample.ast")), "raw").blocks;
    expect(llc.map((b) => Buffer.from(b.data).toString("hex"))).toEqual(raw.map((b) => Buffer.from(b.data).toString("hex")));
    expect(llc[0].packet?.srcPort).toBeUndefined();
  });

  it("frames the largest raw file fast enough to be no bottleneck", () => {
    const buf = load(resolve(DATA, "cat048_lebl_upc_230502_0800.ast"));
    let n = 0;
    for (const item of frameBlocks(buf, "raw")) if (item.kind === "block") n++;
    expect(n).toBe(44085);
  });
});

const SINGLES = resolve(DATA, "singles");
describe.skipIf(!existsSync(SINGLES))(existsSync(SINGLES) ? "singles/ (one data block per file, except CAT004: 3)" : `skipped: ${SINGLES} not found`, () => {
  const files = existsSync(SINGLES) ? readdirSync(SINGLES).filter((f) => f.endsWith(".bin")) : [];
  for (const f of files) {
    it(f, () => {
      const buf = load(resolve(SINGLES, f));
      expect(detectFraming(buf, f)).toBe("raw");
      const { blocks, issues } = frameAll(buf, "raw");
      expect(issues).toEqual([]);
      const wanted = Number(/cat(\d{3})/.exec(f)?.[1] ?? 62); // asterixsharp_sa_test_1.bin: CAT062 (PROVENANCE)
      expect(blocks.length).toBe(f.includes("cat004") ? 3 : 1);
      expect(blocks.every((b) => b.data[0] === wanted)).toBe(true);
    });
  }
});
