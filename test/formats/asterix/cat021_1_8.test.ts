/**
 * CAT021 edition 1.8 (hand-written table, `specs/cat021_1_8.ts`). No recording in a 1.x edition
 * is at hand, so: a 1.8 record assembled by hand byte by byte (each value computed from the LSBs
 * of the edition) is decoded to records and to an ADS-B report and re-encoded to the same bytes;
 * a published single record with a published decode (jASTERIX `cat021ed2.1.bin`, whose items all
 * have the same layout in 1.8) decodes to the published values; and where 1.8 and 2.1 differ
 * (I021/090 has no third octet in 1.8) the two tables read the same bytes differently.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AsterixDecoderStream, CategoryRegistry, decodeBlock, EDITIONS, encodeDataBlock, type ItemObject,
} from "../../../src/formats/asterix/index.js";
import type { AdsbReport } from "../../../src/types/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA } from "../../shared_data.js";

const FT = 0.3048;
const NM = 1852;

/** One CAT021 ed. 1.8 record, by hand: FRN 1,2,3,5,6 | 11,12 | 16,17,18,19,21 | 23,25,26 | 29,30. */
const RECORD = [
  "15 0033", // CAT 21, length 51
  "ED 19 7B 59 C0", // FSPEC
  "19 C9", // I021/010 SAC 25, SIC 201
  "00", // I021/040 ATP 0 (24-bit address), ARC 0, RC 0, RAB 0, no extension
  "01 23", // I021/161 track number 0x123
  "54 60 00", // I021/071 43200 s × 128
  "20 00 00 0B 60 00", // I021/130 lat 2^21 × 180/2^23 = 45°, lon 0x0B6000 × 180/2^23 = 15.99609375°
  "50 1C B4", // I021/080 target address
  "54 60 40", // I021/073 43200.5 s × 128
  "16 80", // I021/140 5760 × 6.25 ft = 36000 ft
  "4F F2", // I021/090 NUCr/NACv 2, NUCp/NIC 7, FX | NICbaro 1, SIL 3, NACp 9
  "0A", // I021/210 VNS 0, VN 1 (DO-260A), LTT 2 (1090 ES)
  "04 E5", // I021/070 Mode 3/A 2345 (octal)
  "05 78", // I021/145 1400 × 1/4 = FL 350
  "00", // I021/200 PS 0, SS 0
  "7F B0", // I021/157 RE 0, GVR −80 × 6.25 = −500 ft/min
  "08 00 40 00", // I021/160 RE 0, GS 2048 × 2^-14 = 0.125 NM/s (450 kt), TA 16384 × 360/2^16 = 90°
  "0D 43 B4 DF 18 20", // I021/170 "CTN471  " (ICAO 6-bit characters)
  "03", // I021/020 emitter category 3
].join(" ");

function bytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex.replace(/ /g, ""), "hex"));
}

describe("CAT021 ed. 1.8", () => {
  const registry = new CategoryRegistry({ byCategory: { 21: "1.8" } });

  it("has the 49-FRN UAP of ed. 2.1 and the same item sizes except I021/090 (two octets at most)", () => {
    const ed18 = EDITIONS[21]["1.8"];
    const ed21 = EDITIONS[21]["2.1"];
    expect(ed18.uap).toEqual(ed21.uap);
    expect(Object.keys(ed18.items).sort()).toEqual(Object.keys(ed21.items).sort());
    const v090 = ed18.items["090"];
    expect(v090.v === "ext" && v090.items.filter((x) => x === null).length).toBe(2);
  });

  it("decodes a hand-assembled record to the values it was built from, and encodes them to the same bytes", () => {
    const block = bytes(RECORD);
    expect(block.length).toBe(0x33);
    const r = decodeBlock(registry, block);
    expect(r.error).toBeUndefined();
    expect(r.records).toHaveLength(1);
    const it_ = (id: string): ItemObject => r.records[0].items[id] as ItemObject;
    expect(it_("010")).toEqual({ SAC: 25, SIC: 201 });
    expect(it_("040")).toEqual({ ATP: 0, ARC: 0, RC: 0, RAB: 0 });
    expect(it_("161")).toEqual({ TRNUM: 0x123 });
    expect(it_("071").VALUE).toBe(43200);
    expect(it_("130")).toEqual({ LAT: 45, LON: 15.99609375 });
    expect(it_("080").VALUE).toBe(0x501cb4);
    expect(it_("073").VALUE).toBe(43200.5);
    expect(it_("140").VALUE).toBe(36000);
    expect(it_("090")).toEqual({ NUCRNACV: 2, NUCPNIC: 7, NICBARO: 1, SIL: 3, NACP: 9 });
    expect(it_("210")).toEqual({ VNS: 0, VN: 1, LTT: 2 });
    expect(it_("070").MODE3A).toBe("2345");
    expect(it_("145").VALUE).toBe(350);
    expect(it_("200")).toEqual({ PS: 0, SS: 0 });
    expect(it_("157")).toEqual({ RE: 0, GVR: -500 });
    expect(it_("160")).toEqual({ RE: 0, GS: 0.125, TA: 90 });
    expect(it_("170").VALUE).toBe("CTN471  ");
    expect(it_("020").VALUE).toBe(3);
    expect(encodeDataBlock(EDITIONS[21]["1.8"], [r.records[0].items])).toEqual(block);
  });

  it("gives an ADS-B report through decodeReports, chosen per category or per sensor", () => {
    const block = bytes(RECORD);
    const midnight = Date.parse("2011-06-01T00:00:00Z") / 1000;
    for (const editions of [{ byCategory: { 21: "1.8" } }, { bySensor: { "25/201:21": "1.8" } }]) {
      const stream = new AsterixDecoderStream({ referenceTime: midnight + 43200, editions });
      const out = stream.decodeReports({ data: block, offset: 0 });
      expect(out.error).toBeUndefined();
      expect(out.reports).toHaveLength(1);
      const a = out.reports[0] as AdsbReport;
      expect(a).toMatchObject({
        kind: "adsb", sensorId: "25/201", category: 21, icaoAddress: 0x501cb4, time: midnight + 43200.5,
        callsign: "CTN471", mode3A: 0o2345, version: 1, nacp: 9, sil: 3, nic: 7, emitterCategory: "A3",
        heightType: "barometric",
      });
      expect(a.pressureAltitude).toBeCloseTo(35000 * FT, 9);
      expect(a.geometricHeight).toBeCloseTo(36000 * FT, 9);
      expect(a.position!.lat).toBeCloseTo((45 * Math.PI) / 180, 12);
      expect(a.position!.lon).toBeCloseTo((15.99609375 * Math.PI) / 180, 12);
      expect(a.velocity!.east).toBeCloseTo(0.125 * NM, 9);
      expect(a.velocity!.north).toBeCloseTo(0, 9);
      expect(a.velocity!.up).toBeCloseTo((-500 * FT) / 60, 9);
    }
  });

  it("passes over a third I021/090 octet (an ed. 2.1 extension, unknown to 1.8) that ed. 2.1 reads", () => {
    // The record above with I021/090 = 4F F3 14 (FX set in the second octet; then SILS 0, SDA 2, GVA 2).
    const hex = RECORD.replace("15 0033", "15 0034").replace("4F F2", "4F F3 14");
    const block = bytes(hex);
    const r18 = decodeBlock(registry, block);
    expect(r18.error).toBeUndefined();
    expect(r18.records[0].length).toBe(block.length - 3);
    expect(r18.records[0].items["090"]).toEqual({ NUCRNACV: 2, NUCPNIC: 7, NICBARO: 1, SIL: 3, NACP: 9 });
    expect((r18.records[0].items["170"] as ItemObject).VALUE).toBe("CTN471  ");
    const r21 = decodeBlock(new CategoryRegistry({ byCategory: { 21: "2.1" } }), block);
    expect(r21.error).toBeUndefined();
    expect(r21.records[0].items["090"]).toMatchObject({ NACP: 9, SILS: 0, SDA: 2, GVA: 2 });
  });

  const SINGLE = join(ASTERIX_DATA, "singles/jasterix_cat021ed2.1.bin");
  it.skipIf(!HAS_SHARED_DATA || !existsSync(SINGLE))("decodes jASTERIX's published sample record (EZS14ZH) to its published decode", () => {
    // Published decode: hpuhr/jASTERIX src/test/test_cat021_2.1.cpp (values only).
    const r = decodeBlock(registry, new Uint8Array(readFileSync(SINGLE)));
    expect(r.error).toBeUndefined();
    expect(r.records).toHaveLength(1);
    const it_ = (id: string): ItemObject => r.records[0].items[id] as ItemObject;
    expect(it_("010")).toEqual({ SAC: 0, SIC: 3 });
    expect(it_("040")).toMatchObject({ ATP: 0, ARC: 0, RC: 0, RAB: 0, GBS: 0, SIM: 0, TST: 0, SAA: 1, CL: 0 });
    expect(it_("161").TRNUM).toBe(1375);
    expect(it_("015").VALUE).toBe(0);
    expect(it_("130").LAT).toBeCloseTo(46.84420108795166, 9);
    expect(it_("130").LON).toBeCloseTo(12.298529148101807, 9);
    expect(it_("080").VALUE).toBe(1723237);
    expect(it_("073").VALUE).toBe(33502.8828125);
    expect(it_("075").VALUE).toBe(33502.46875);
    expect(it_("140").VALUE).toBe(34750);
    expect(it_("090")).toEqual({ NUCRNACV: 0, NUCPNIC: 7 });
    expect(it_("210")).toEqual({ VNS: 0, VN: 0, LTT: 2 });
    expect(it_("070").MODE3A).toBe("7106");
    expect(it_("145").VALUE).toBe(350);
    expect(it_("200")).toEqual({ PS: 0, SS: 0 });
    expect(it_("077").VALUE).toBe(33503.1328125);
    expect(it_("170").VALUE).toBe("EZS14ZH ");
    expect(it_("016").VALUE).toBe(2);
  });
});
