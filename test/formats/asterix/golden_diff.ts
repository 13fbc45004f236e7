/**
 * Field-by-field comparison of one decoded record with a golden (Wireshark 4.0.17) record line,
 * after the golden's conventions (golden/README.md "Item keys and values"): items keyed by number,
 * sub-fields by Wireshark's names, values in the spec's units (NM, FL, degrees, ft, s, m ...),
 * which are also the units of Skywatch's item decode, so numbers compare as they are. The few
 * rendering differences are listed here and each use is counted, so that the test can assert how
 * often it applies.
 */
import type { ItemValue } from "../../../src/formats/asterix/index.js";

/** How often each rendering difference was applied while comparing (asserted per file). */
export interface Leniency {
  /** Callsign characters outside the ICAO 6-bit set: Wireshark shows a space, Skywatch "?". */
  icaoSpace: number;
  /** FX-repetitive items Wireshark shows as a single field holding the first repetition, by item. */
  firstRepetition: Record<string, number>;
}

/** New zeroed counters. */
export function newLeniency(): Leniency {
  return { icaoSpace: 0, firstRepetition: {} };
}

/**
 * FX-repetitive items (a 7-bit element and FX per octet) that Wireshark 4.0 shows as one plain
 * field holding only the first repetition, though it sizes the item right. "cat/item". Checked by
 * hand from the bytes and the asterix-specs definitions (specs/ast/):
 * - I048/030: block 13995 of `cat034_cat048_jmatiasbro_cba010626_trailer8.pcap`, bytes c3 24 =
 *   warning codes 97 (FX=1) and 18, Wireshark shows 97.
 * - I001/130 (ed. 1.4 "repetitive fx, element 7"): block 2 record 0 of
 *   `mixed_cat001_002_008_019_020_034_048_ifsnop_rn_068test_rrd3.gps`, record bytes
 *   e6 1402 10 0c43adfb 01014c 40d4: FSPEC e6 = FRN 1,2,3,6,7 = I001/010, 020, 040, 130, 141;
 *   I001/130 = 01 01 4c = [0, 0, 38]; I001/141 = 0x40d4/128 = 129.65625 s ends the 13-byte
 *   record exactly where Wireshark ends it, yet Wireshark shows I001/130 as IND 0 only.
 *   186 such records (109 in `cat001_cat002_cat008_ifsnop_rn_local.gps`, 77 in the rrd3 file).
 * - I002/050 (ed. 1.1, same structure): one repetition in these files (the old comparison
 *   already read it this way); listed so that a longer one is compared on its first element.
 */
const FIRST_REPETITION_ONLY = new Set(["48/030", "1/130", "2/050"]);

/**
 * Value-level differences between the edition of a recording and the one Wireshark applies,
 * listed in golden/README.md ("Known tshark 4.0.17 errors", 2): for the CAT021 ed. 2.1 file
 * Wireshark uses ed. 2.6, where I021/040 bit LLC and I021/200 bit ME exist (spare in 2.1) and
 * I021/295 sub-field 19 is SAL (ISA in 2.1). Those golden fields are renamed or dropped.
 * Key "cat/item/field" → new name, or null to drop.
 */
const EDITION_FIELD_MAP: Record<string, Record<string, string | null>> = {
  "cat021_cat023_lebl_upc_adsb_v21_bcn.ast": { "21/040/LLC": null, "21/200/ME": null, "21/295/SAL": "ISA" },
};

/** Applies {@link EDITION_FIELD_MAP} to a (cloned) golden items object of `file`, in place. */
export function applyFieldMap(file: string, cat: number, items: Record<string, unknown>): void {
  const map = EDITION_FIELD_MAP[file];
  if (!map) return;
  for (const [key, to] of Object.entries(map)) {
    const [c, item, field] = key.split("/");
    const o = items[item] as Record<string, unknown> | undefined;
    if (Number(c) !== cat || !o || !(field in o)) continue;
    if (to !== null) o[to] = o[field];
    delete o[field];
  }
}

/**
 * Compares a golden value with ours at `path` ("block 3 record 0 I48/040.RHO"); pushes one line
 * per difference to `out`. `item` is "cat/item" (for the per-item rendering rules).
 */
export function diff(path: string, item: string, golden: unknown, ours: ItemValue | undefined, out: string[], len: Leniency): void {
  if (ours === undefined) {
    out.push(`${path}: missing (golden ${JSON.stringify(golden)})`);
    return;
  }
  if (typeof golden === "number") {
    // Wireshark prints 15 significant digits (golden/README.md).
    if (typeof ours !== "number" || Math.abs(golden - ours) > 1e-9 + 1e-12 * Math.abs(golden)) {
      out.push(`${path}: golden ${golden}, ours ${JSON.stringify(ours)}`);
    }
    return;
  }
  if (typeof golden === "string") {
    const o = typeof ours === "string" ? ours.replace(/\?/g, " ") : ours;
    if (o !== golden) out.push(`${path}: golden "${golden}", ours ${JSON.stringify(ours)}`);
    else if (o !== ours) len.icaoSpace++;
    return;
  }
  if (Array.isArray(golden)) {
    if (!Array.isArray(ours) || ours.length !== golden.length) {
      out.push(`${path}: golden ${golden.length} repetitions, ours ${JSON.stringify(ours)}`);
      return;
    }
    golden.forEach((g, i) => diff(`${path}[${i}]`, item, g, ours[i], out, len));
    return;
  }
  const g = golden as Record<string, unknown>;
  if ("_raw" in g) {
    // Wireshark shows an explicit item (RE, SP) with its length octet; Skywatch keeps the payload.
    diff(`${path}.raw`, item, String(g._raw).slice(2), (ours as Record<string, ItemValue>).raw, out, len);
    return;
  }
  if (Array.isArray(ours) && FIRST_REPETITION_ONLY.has(item) && ours.length >= 1 && Object.keys(g).length === 1) {
    if (ours.length > 1) len.firstRepetition[item] = (len.firstRepetition[item] ?? 0) + 1;
    diff(`${path}.${Object.keys(g)[0]}`, item, Object.values(g)[0], ours[0], out, len);
    return;
  }
  if (typeof ours !== "object" || Array.isArray(ours)) {
    out.push(`${path}: golden object, ours ${JSON.stringify(ours)}`);
    return;
  }
  for (const [k, v] of Object.entries(g)) diff(`${path}.${k}`, item, v, ours[k], out, len);
  for (const k of Object.keys(ours)) if (!(k in g)) out.push(`${path}.${k}: not in golden`);
}

/** Compares every item of a golden record with ours, both ways (an item only one side has is a difference). */
export function diffRecord(where: string, cat: number, golden: Record<string, unknown>, ours: Record<string, ItemValue>, out: string[], len: Leniency): void {
  for (const [k, v] of Object.entries(golden)) diff(`${where} I${cat}/${k}`, `${cat}/${k}`, v, ours[k], out, len);
  for (const k of Object.keys(ours)) if (!(k in golden)) out.push(`${where} I${cat}/${k}: not in golden`);
}
