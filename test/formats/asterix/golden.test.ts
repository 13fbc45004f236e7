/**
 * Every record of every recording in ../shared/data/asterix is decoded (one test per recording)
 * and compared, field by field and for every category, with the per-record golden decodes made
 * with Wireshark 4.0.17's dissector (golden/README.md; comparison rules in `golden_diff.ts`).
 *
 * Where that README says Wireshark is wrong (`tshark_suspect` records, "Known tshark errors"):
 * - I048/090 FL read unsigned (asterix-specs 1.27–1.31): expected FL − 4096, rest compared as usual;
 * - CAT021 ed. 2.1 read as ed. 2.6: I021/271 LW is not compared, the rest is; in a record whose
 *   I021/271 Wireshark mis-sized (LW's LSB read as FX) the items before I021/271 are compared;
 *   the records Wireshark made up after it are not, and our record boundaries in those blocks
 *   must equal the independent spec walk's;
 * - CAT001 track records read with the plot UAP: I001/010 and I001/020 (FRN 1–2, the same in both
 *   UAPs) are compared; the records after one in its block are not; the record boundaries must
 *   equal the spec walk's, and where the CroatiaControl reference decode covers the recording
 *   (the ORADIS capture) every record of such a block is compared with it instead;
 * - CAT062 of 2008 (pre-1.17 edition; we decode it as ed. 0.17): no golden value is usable and no
 *   reference decode covers it (cat062_0_17.test.ts checks it against a hand decode and the
 *   capture times); CAT032 (no spec): counted.
 * Golden records are matched with ours by their byte offset in the block, and must have our
 * record's index and length.
 * Lines without a record (blocks Wireshark has no dissector for or stopped in, bytes that are not
 * a data block) are checked against our block and counted. Every golden line ends up in one
 * counter of the file's summary, which must equal the counts in `golden_expected.ts`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  CategoryRegistry, EDITIONS, decodeBlock, type BlockResult, type EditionChoice, type ItemValue,
} from "../../../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../../../src/formats/asterix/framing/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA, SKIP_MESSAGE } from "../../shared_data.js";
import { REFERENCE_FOR, compareWithReference, loadReference } from "./croatiacontrol_reference.js";
import { applyFieldMap, diffRecord, newLeniency } from "./golden_diff.js";
import { GOLDEN_EXPECTED, emptySummary, type GoldenSummary } from "./golden_expected.js";

interface GoldenLine {
  block: number | null;
  record: number | null;
  cat: number;
  /** Record length as Wireshark delimited it. */
  len: number;
  items: Record<string, unknown> | null;
  tshark_suspect?: boolean;
  suspect_reason?: string[];
  undecoded?: string;
  garbage_hex?: string;
}

/** Editions of recordings made in a non-default edition (PROVENANCE.md says which). */
const FILE_EDITIONS: Record<string, EditionChoice> = {
  "cat021_v023_lebl_upc_160510_2200.ast": { byCategory: { 21: "0.23" } },
  "cat021_cat023_lebl_upc_adsb_v21_bcn.ast": { byCategory: { 21: "2.1" } },
  "cat062_croatiacontrol_2008.pcap": { byCategory: { 62: "0.17" } },
};

/**
 * Items of a suspect golden record that Wireshark still reads right, or undefined when none are
 * used: the FSPEC is always read right, so
 * - a CAT001 track record read with the plot UAP: FRN 1–2 (I001/010, I001/020) are the same in
 *   both UAPs; from FRN 3 on the plot UAP names other items;
 * - a CAT021 ed. 2.1 record whose I021/271 Wireshark mis-sized (LW's LSB read as FX): every item
 *   before I021/271 in the UAP; I021/271 and the items after it are misread.
 */
function prefixItems(cat: number, edition: string, text: string): Set<string> | undefined {
  if (/follows a mis/.test(text)) return undefined;
  if (cat === 1 && /CAT001 track record \(I001\/020 TYP=1\) decoded with the plot UAP/.test(text)) return new Set(["010", "020"]);
  if (cat === 21 && /LSB read as FX/.test(text)) {
    const uap = EDITIONS[cat][edition].uap;
    return new Set(uap.slice(0, uap.indexOf("271")).filter((x): x is string => x !== null));
  }
  return undefined;
}

/** Short reason for a suspect golden record whose values are not used (README "Known tshark errors"). */
function suspectLabel(text: string): string {
  if (/mis-decoded CAT001 track/.test(text)) return "CAT001: record after a track record in its block, at an offset Wireshark got wrong";
  if (/CAT001 track record/.test(text)) return "CAT001: \"track record\" Wireshark starts inside one of ours (after a track record it mis-sized)";
  if (/mis-sized record/.test(text)) return "CAT021 ed. 2.1: record Wireshark made up after one it mis-sized (I021/271)";
  if (/pre-1\.17 CAT062/.test(text)) return "CAT062 pre-1.17 edition (2008) read with the ed. 1.19 UAP";
  if (/CAT032/.test(text)) return "CAT032: Wireshark stopped, no spec to check it";
  return `other: ${text}`;
}

interface Decoded {
  blocks: BlockResult[];
  /** Hex of every chunk of bytes the framing did not take as a data block, in order. */
  garbage: string[];
}

function decodeFile(file: string): Decoded {
  const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, file)));
  const registry = new CategoryRegistry(FILE_EDITIONS[file]);
  const out: Decoded = { blocks: [], garbage: [] };
  for (const x of frameBlocks(buf, detectFraming(buf, file))) {
    if (x.kind === "block") out.blocks.push(decodeBlock(registry, x.data, x.offset));
    else out.garbage.push(Buffer.from(buf.subarray(x.offset, x.offset + x.length)).toString("hex"));
  }
  return out;
}

function inc(o: Record<string, number>, k: string | number, n = 1): void {
  o[k] = (o[k] ?? 0) + n;
}

function goldenFiles(): Array<{ file: string; truncated: boolean }> {
  if (!HAS_SHARED_DATA) return [];
  const manifest = JSON.parse(readFileSync(join(ASTERIX_DATA, "golden/manifest.json"), "utf8"));
  return manifest.files as Array<{ file: string; truncated: boolean }>;
}

/** Compares one recording; returns its summary and the differences found. */
function compareFile(file: string, truncated: boolean): { summary: GoldenSummary; differences: string[]; listed: Map<string, string[]> } {
  const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, file)));
  const { blocks, garbage } = decodeFile(file);
  const lines = gunzipSync(readFileSync(join(ASTERIX_DATA, "golden", `${file}.records.ndjson.gz`)))
    .toString("utf8").split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l) as GoldenLine);
  const s = emptySummary();
  const differences: string[] = [];
  const listed = new Map<string, string[]>(); // reason → "block/record" of the golden records
  const len = newLeniency();
  const walkBlocks = new Map<number, number[]>();
  const referenceBlocks = new Set<number>();
  const reference = REFERENCE_FOR[file] ? loadReference(REFERENCE_FOR[file]) : undefined;
  let garbageSeen = 0;
  let last = { block: -1, record: -1 };
  let at = { block: -1, offset: 0 }; // where Wireshark's current record starts in its block

  for (const line of lines) {
    if (line.garbage_hex !== undefined) {
      const ours = garbage[garbageSeen++];
      if (ours !== line.garbage_hex) differences.push(`garbage #${garbageSeen - 1}: golden ${line.garbage_hex}, ours ${ours}`);
      inc(s.otherLines, "bytes that are not a data block (same bytes skipped by our framing)");
      continue;
    }
    if (line.block === null) {
      differences.push(`unexpected golden line ${JSON.stringify(line)}`);
      continue;
    }
    const ourBlock = blocks[line.block];
    if (line.record === null || !line.items) {
      const text = line.undecoded ?? "";
      const walkCount = /spec walk finds (\d+) record/.exec(text);
      if (/no dissector for this category/.test(text)) {
        if (!ourBlock?.unsupported) differences.push(`block ${line.block}: Wireshark has no CAT${line.cat} dissector, ours is not unsupported`);
        inc(s.otherLines, `CAT${line.cat} block without a dissector in Wireshark (no table in ours either: unsupported)`);
      } else if (walkCount) {
        const n = ourBlock?.records.length;
        if (n !== Number(walkCount[1])) differences.push(`block ${line.block}: ${n} records, the spec walk finds ${walkCount[1]}`);
        inc(s.otherLines, "bytes of a block Wireshark stopped in: our record count = the spec walk's");
      } else if (file in FILE_EDITIONS && /before delimiting the first record/.test(text)) {
        if (!ourBlock || ourBlock.records.length === 0 || ourBlock.error) differences.push(`block ${line.block}: not decoded whole`);
        inc(s.otherLines, `CAT${line.cat} block Wireshark could not start (its edition is wrong for the file); ours decoded`);
      } else {
        inc(s.otherLines, `other: ${text}`);
      }
      continue;
    }
    const where = `block ${line.block} record ${line.record}`;
    last = { block: line.block, record: line.record };
    if (at.block !== line.block) at = { block: line.block, offset: 3 };
    const start = at.offset;
    at.offset += line.len;
    // Our record at the byte where Wireshark's starts (after a record Wireshark mis-sized, its
    // record index and ours part ways).
    const rec = ourBlock?.records.find((r) => r.offset - ourBlock.offset === start);
    const expected = structuredClone(line.items);
    applyFieldMap(file, line.cat, expected);
    if (line.tshark_suspect) {
      const reasons = line.suspect_reason ?? [];
      const text = reasons.join("; ");
      const fl = (expected["090"] as { FL?: number } | undefined)?.FL;
      const walk = /spec records \[([\d, ]+)\]/.exec(text);
      if (reasons.length === 1 && /I048\/090/.test(text) && fl !== undefined && fl >= 2048) {
        (expected["090"] as { FL: number }).FL = fl - 4096; // two's complement (CAT048 ed. 1.32 fix)
        s.flSignFixed++;
      } else if (reasons.length === 1 && /^I021\/271 ed 2\.1/.test(text)) {
        // Wireshark reads LW from the wrong nibble (ed. 2.6 layout); every other field is right.
        delete (expected["271"] as Record<string, unknown>).LW;
        if (rec) {
          const ours271 = rec.items["271"] as Record<string, ItemValue> | undefined;
          if (ours271) rec.items["271"] = Object.fromEntries(Object.entries(ours271).filter(([k]) => k !== "LW"));
        }
        s.lwDropped++;
      } else if (rec && prefixItems(line.cat, rec.edition, text)) {
        // A record Wireshark reads right only up to a point (see prefixItems): the items before
        // it are compared, the rest not; its boundaries are checked against the spec walk below.
        const keep = prefixItems(line.cat, rec.edition, text)!;
        const pick = <T,>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).filter(([k]) => keep.has(k)));
        diffRecord(where, line.cat, pick(expected), pick(rec.items), differences, len);
        inc(s.comparedPrefix, line.cat);
        if (walk) walkBlocks.set(line.block, walk[1].split(",").map((x) => Number(x.trim())));
        if (reference) referenceBlocks.add(line.block);
        continue;
      } else {
        const label = suspectLabel(text);
        inc(s.notCompared, label);
        if (!listed.has(label)) listed.set(label, []);
        listed.get(label)!.push(`${line.block}/${line.record}`);
        if (walk) walkBlocks.set(line.block, walk[1].split(",").map((x) => Number(x.trim())));
        if (reference) referenceBlocks.add(line.block);
        continue;
      }
    }
    if (!rec) {
      differences.push(`${where}: not decoded`);
      continue;
    }
    if (rec !== ourBlock.records[line.record] || rec.length !== line.len) {
      differences.push(`${where}: ours is record ${ourBlock.records.indexOf(rec)} of ${rec.length} bytes, Wireshark's ${line.len} bytes`);
    }
    if (rec.category !== line.cat) differences.push(`${where}: category ${rec.category} vs ${line.cat}`);
    diffRecord(where, line.cat, expected, rec.items, differences, len);
    inc(s.compared, line.cat);
  }

  // Blocks where Wireshark is wrong: our record boundaries must be the spec walk's.
  for (const [b, want] of walkBlocks) {
    const got = (blocks[b]?.records ?? []).map((r) => r.length);
    // The golden text lists at most the first 8 records of the walk.
    const prefix = want.length === 8 && got.length > 8 ? got.slice(0, 8) : got;
    if (JSON.stringify(prefix) !== JSON.stringify(want)) {
      differences.push(`block ${b}: record lengths ${JSON.stringify(got)}, spec walk ${JSON.stringify(want)}`);
    }
    s.walkedBlocks++;
    s.walkedRecords += got.length;
  }
  // ... and where the CroatiaControl reference covers the recording, every record of those blocks
  // is compared with it instead of Wireshark.
  for (const b of referenceBlocks) {
    for (const rec of blocks[b]?.records ?? []) {
      const hex = Buffer.from(buf.subarray(rec.offset, rec.offset + rec.length)).toString("hex").toUpperCase();
      const line = reference!.get(hex);
      if (!line) {
        differences.push(`block ${b}: record at ${rec.offset} not in the reference decode`);
        continue;
      }
      compareWithReference(line, rec.items, differences);
      s.referenceRecords++;
    }
  }

  blocks.forEach((b, i) => {
    if (b.unsupported) s.unsupportedBlocks++;
    if (b.error) {
      s.blockErrors++;
      differences.push(`block ${i}: ${b.error.message}`);
    }
    b.records.forEach((r, j) => {
      inc(s.decoded, r.category);
      if (truncated && (i > last.block || (i === last.block && j > last.record))) s.afterGoldenCut++;
    });
  });
  if (garbageSeen !== garbage.length) differences.push(`${garbage.length} non-block chunks in ours, ${garbageSeen} in the golden`);
  s.icaoSpace = len.icaoSpace;
  s.firstRepetition = len.firstRepetition;
  return { summary: s, differences, listed };
}

describe.skipIf(!HAS_SHARED_DATA)("ASTERIX decodes agree with the golden per-record decodes", () => {
  for (const { file, truncated } of goldenFiles()) {
    it(file, () => {
      const { summary, differences, listed } = compareFile(file, truncated);
      const n = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
      console.log(`${file}: ${n(summary.decoded)} records decoded; ${n(summary.compared)} golden records compared ` +
        `field by field (${summary.flSignFixed} with the I048/090 sign fix, ${summary.lwDropped} without Wireshark's ` +
        `I021/271 LW), ${n(summary.comparedPrefix)} only on the items Wireshark reads right; ${n(summary.notCompared)} golden ` +
        `records Wireshark gets wrong not compared by value; ` +
        `${summary.walkedBlocks} blocks (${summary.walkedRecords} of our records) checked against the spec walk's ` +
        `boundaries, ${summary.referenceRecords} of our records compared with the CroatiaControl reference; ` +
        `${summary.afterGoldenCut} records after the golden's cut; ${differences.length} differences\n` +
        `  summary ${JSON.stringify(summary)}`);
      for (const [reason, where] of listed) {
        console.log(`  not compared: ${summary.notCompared[reason]} golden records: ${reason}\n    ${where.slice(0, 8).join(", ")}${where.length > 8 ? ", ..." : ""}`);
      }
      if (differences.length) console.log(differences.slice(0, 12).join("\n"));
      expect(differences.slice(0, 20)).toEqual([]);
      expect(GOLDEN_EXPECTED[file], `expected counts for ${file}`).toBeDefined();
      expect(summary).toEqual({ ...emptySummary(), ...GOLDEN_EXPECTED[file] });
    });
  }
});

if (!HAS_SHARED_DATA) console.warn(SKIP_MESSAGE);
