/**
 * Per-recording counts of the golden comparison (golden.test.ts): what was decoded, compared and
 * counted, so that a record moving from "compared" to "not compared" (or a block starting to
 * fail) shows as a changed count. Zero counts and empty maps are left out.
 */

/** Counters of one recording's comparison; record counts by category number ("48"). */
export interface GoldenSummary {
  /** Our records, per category. */
  decoded: Record<string, number>;
  /** Our blocks of a category without a table (passed over whole). */
  unsupportedBlocks: number;
  /** Our blocks that ended with a decode error. */
  blockErrors: number;
  /** Golden records compared field by field, per category (including the next two counts). */
  compared: Record<string, number>;
  /** ... of which CAT048 with I048/090 FL read as two's complement (golden FL − 4096). */
  flSignFixed: number;
  /** ... of which CAT021 ed. 2.1 without Wireshark's I021/271 LW (read from the wrong nibble). */
  lwDropped: number;
  /** Golden records compared only on the items Wireshark reads right, per category. */
  comparedPrefix: Record<string, number>;
  /** Callsign values equal once our "?" (character outside the ICAO set) is read as Wireshark's space. */
  icaoSpace: number;
  /** FX-repetitive items of more than one repetition of which Wireshark shows the first, by "cat/item". */
  firstRepetition: Record<string, number>;
  /** Golden records whose values are not used, by reason. */
  notCompared: Record<string, number>;
  /** Blocks where Wireshark is wrong whose record boundaries were checked against the spec walk. */
  walkedBlocks: number;
  /** Our records in those blocks. */
  walkedRecords: number;
  /** Our records compared with the CroatiaControl reference decode instead of Wireshark. */
  referenceRecords: number;
  /** Golden lines without a record, by kind (each checked against our block or framing). */
  otherLines: Record<string, number>;
  /** Our records after the last record the golden keeps (files cut at 10,000 records). */
  afterGoldenCut: number;
}

/** An empty summary. */
export function emptySummary(): GoldenSummary {
  return {
    decoded: {}, unsupportedBlocks: 0, blockErrors: 0, compared: {}, flSignFixed: 0, lwDropped: 0,
    comparedPrefix: {}, icaoSpace: 0, firstRepetition: {}, notCompared: {}, walkedBlocks: 0,
    walkedRecords: 0, referenceRecords: 0, otherLines: {}, afterGoldenCut: 0,
  };
}

/** Expected counts per recording (zero counts left out). */
export const GOLDEN_EXPECTED: Record<string, Partial<GoldenSummary>> = {
  "cat048_lebl_upc_230502_0800.ast": {
    decoded: {"48": 44085},
    compared: {"48": 10000},
    flSignFixed: 2341,
    afterGoldenCut: 34085,
  },
  "cat034_cat048_croatiacontrol.pcap": {
    decoded: {"34": 34, "48": 128},
    compared: {"34": 34, "48": 128},
    flSignFixed: 2,
    icaoSpace: 2,
  },
  "cat034_cat048_jmatiasbro_260429.pcap": {
    decoded: {"34": 16366, "48": 3541},
    compared: {"34": 16366, "48": 3541},
    flSignFixed: 1,
  },
  "cat034_cat048_jmatiasbro_cba010626_trailer8.pcap": {
    decoded: {"34": 11882, "48": 3803},
    compared: {"34": 11882, "48": 3803},
    firstRepetition: {"48/030": 1},
    otherLines: {"bytes that are not a data block (same bytes skipped by our framing)": 15325},
  },
  "cat034_cat048_psrplots_sidekick.pcap": {
    decoded: {"34": 5162, "48": 1565},
    compared: {"34": 5162, "48": 1565},
  },
  "cat048_cat034_ifsnop_rn_068test_bds30.gps": {
    decoded: {"34": 951, "48": 1830},
    compared: {"34": 951, "48": 1830},
    icaoSpace: 879,
  },
  "cat048_cat034_akapetanovic_jahorina.raw": {
    decoded: {"34": 20, "48": 2099},
    compared: {"34": 20, "48": 2099},
  },
  "cat048_cat034_akapetanovic_jahorina.rply": {
    decoded: {"34": 20, "48": 2099},
    compared: {"34": 20, "48": 2099},
  },
  "cat048_cat002_ifsnop_rn_066test_filter.gps": {
    decoded: {"2": 1, "48": 3},
    compared: {"2": 1, "48": 3},
  },
  "cat048_croatiacontrol.raw": {
    decoded: {"48": 1},
    compared: {"48": 1},
  },
  "cat034_croatiacontrol.raw": {
    decoded: {"34": 1},
    compared: {"34": 1},
  },
  "cat021_cat023_lebl_upc_adsb_v21_bcn.ast": {
    decoded: {"21": 7565, "23": 58},
    compared: {"21": 7331, "23": 58},
    lwDropped: 337,
    comparedPrefix: {"21": 221},
    notCompared: {"CAT021 ed. 2.1: record Wireshark made up after one it mis-sized (I021/271)": 156},
    walkedBlocks: 118,
    walkedRecords: 118,
    otherLines: {"bytes of a block Wireshark stopped in: our record count = the spec walk's": 21},
  },
  "cat021_v023_lebl_upc_160510_2200.ast": {
    decoded: {"21": 49330},
    compared: {"21": 49330},
    icaoSpace: 5891,
  },
  "cat021_re_croatiacontrol.ast": {
    decoded: {"21": 2},
    compared: {"21": 2},
  },
  "cat062_jmatiasbro_fds260429.pcap": {
    decoded: {"62": 50640},
    compared: {"62": 10000},
    afterGoldenCut: 40640,
  },
  "cat062_cat063_cat065_akapetanovic_artas.rply": {
    decoded: {"62": 346, "63": 24, "65": 203},
    compared: {"62": 346, "63": 24, "65": 203},
  },
  "cat062_cat065_croatiacontrol.pcap": {
    decoded: {"62": 2, "65": 1},
    compared: {"62": 2, "65": 1},
  },
  "cat062_cat065_croatiacontrol.raw": {
    decoded: {"62": 2, "65": 1},
    compared: {"62": 2, "65": 1},
  },
  "cat062_croatiacontrol_2008.pcap": {
    decoded: {"62": 100},
    notCompared: {"CAT062 pre-1.17 edition (2008) read with the ed. 1.19 UAP": 151},
    otherLines: {"CAT62 block Wireshark could not start (its edition is wrong for the file); ours decoded": 15},
  },
  "cat001_cat002_ifsnop_rn_canalA.gps": {
    decoded: {"1": 30651, "2": 716},
    compared: {"1": 30651, "2": 716},
  },
  "cat001_cat002_ifsnop_rn_canalB.gps": {
    decoded: {"1": 114717, "2": 1796},
    compared: {"1": 114717, "2": 1796},
  },
  "cat001_cat002_cat008_ifsnop_rn_local.gps": {
    decoded: {"1": 444, "2": 5, "8": 5},
    compared: {"1": 444, "2": 5, "8": 5},
    firstRepetition: {"1/130": 109},
  },
  "cat001_cat002_croatiacontrol_oradis.pcap": {
    decoded: {"1": 7, "2": 1},
    compared: {"2": 1},
    comparedPrefix: {"1": 6},
    notCompared: {"CAT001: record after a track record in its block, at an offset Wireshark got wrong": 7},
    walkedBlocks: 4,
    walkedRecords: 6,
    referenceRecords: 7,
  },
  "cat010_smr_lebl_upc_201002_0800.ast": {
    decoded: {"10": 52659},
    compared: {"10": 52659},
  },
  "cat010_mlat_lebl_upc_201002_0800.ast": {
    decoded: {"10": 116308},
    compared: {"10": 116308},
  },
  "cat010_ifsnop_rn_midnight_cross.gps": {
    decoded: {"10": 5},
    compared: {"10": 5},
  },
  "cat019_cat020_mlat_ifsnop_rn_sdpb.ast": {
    decoded: {"19": 513, "20": 2844},
    compared: {"19": 513, "20": 2844},
  },
  "mixed_cat001_002_008_019_020_034_048_ifsnop_rn_068test_rrd3.gps": {
    decoded: {"1": 1534, "2": 66, "8": 10, "19": 2, "20": 10, "34": 5, "48": 770},
    compared: {"1": 1240, "2": 66, "8": 10, "19": 2, "20": 10, "34": 5, "48": 770},
    comparedPrefix: {"1": 95},
    icaoSpace: 3,
    firstRepetition: {"1/130": 77},
    notCompared: {"CAT001: record after a track record in its block, at an offset Wireshark got wrong": 258, "CAT001: \"track record\" Wireshark starts inside one of ours (after a track record it mis-sized)": 73},
    walkedBlocks: 65,
    walkedRecords: 292,
    otherLines: {"bytes of a block Wireshark stopped in: our record count = the spec walk's": 29},
  },
  "mixed_croatiacontrol_parsegps.gps": {
    decoded: {"34": 3, "48": 15},
    compared: {"34": 3, "48": 15},
  },
  "mixed_goasterix_sample.ast": {
    decoded: {"1": 5, "2": 1, "34": 1, "48": 11},
    unsupportedBlocks: 3,
    compared: {"2": 1, "34": 1, "48": 11},
    comparedPrefix: {"1": 1},
    notCompared: {"CAT032: Wireshark stopped, no spec to check it": 4},
    walkedBlocks: 1,
    walkedRecords: 5,
    otherLines: {"CAT30 block without a dissector in Wireshark (no table in ours either: unsupported)": 1, "bytes of a block Wireshark stopped in: our record count = the spec walk's": 1, "CAT255 block without a dissector in Wireshark (no table in ours either: unsupported)": 1},
  },
  "mixed_goasterix_llc.pcap": {
    decoded: {"1": 5, "2": 1, "34": 1, "48": 11},
    unsupportedBlocks: 3,
    compared: {"2": 1, "34": 1, "48": 11},
    comparedPrefix: {"1": 1},
    notCompared: {"CAT032: Wireshark stopped, no spec to check it": 4},
    walkedBlocks: 1,
    walkedRecords: 5,
    otherLines: {"CAT30 block without a dissector in Wireshark (no table in ours either: unsupported)": 1, "bytes of a block Wireshark stopped in: our record count = the spec walk's": 1, "CAT255 block without a dissector in Wireshark (no table in ours either: unsupported)": 1},
  },
};
