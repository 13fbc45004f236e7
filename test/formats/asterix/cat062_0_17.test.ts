/**
 * CAT062 edition 0.17 (hand-written table, `specs/cat062_0_17.ts`) on the one recording made in
 * it: `cat062_croatiacontrol_2008.pcap` (Croatia Control SDPS, SAC/SIC 25/100, 2008-05-15). The
 * edition 1.19 table decodes only part of it; 0.17 must decode every block to the byte. The values
 * are checked against references independent of the table: the first record decoded by hand from
 * its bytes, and every record's time of track against the capture time of its UDP datagram.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AsterixDecoderStream, CategoryRegistry, cat062ToTrack, decodeBlock, type AsterixRecord, type ItemObject,
} from "../../../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../../../src/formats/asterix/framing/index.js";
import type { TrackReport } from "../../../src/types/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA, SKIP_MESSAGE } from "../../shared_data.js";

const FILE = "cat062_croatiacontrol_2008.pcap";

interface Block {
  data: Uint8Array;
  offset: number;
  time: number;
}

function blocks(): Block[] {
  const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, FILE)));
  const out: Block[] = [];
  for (const x of frameBlocks(buf, detectFraming(buf))) if (x.kind === "block") out.push({ data: x.data, offset: x.offset, time: x.time! });
  return out;
}

/** Signed integer of `n` bytes big-endian at `p`. */
function sbe(b: Uint8Array, p: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + b[p + i];
  return v >= 2 ** (8 * n - 1) ? v - 2 ** (8 * n) : v;
}

function item(rec: AsterixRecord, id: string): ItemObject {
  return rec.items[id] as ItemObject;
}

describe.skipIf(!HAS_SHARED_DATA)(`CAT062 ed. 0.17: ${FILE}`, () => {
  if (!HAS_SHARED_DATA) console.warn(SKIP_MESSAGE);

  it("ed. 1.19 fails on most blocks; ed. 0.17 decodes all 100 blocks, one record each, to the last byte", () => {
    const all = blocks();
    expect(all).toHaveLength(100);
    const r119 = new CategoryRegistry();
    expect(all.filter((b) => decodeBlock(r119, b.data, b.offset).error !== undefined).length).toBeGreaterThan(40);
    const r017 = new CategoryRegistry({ byCategory: { 62: "0.17" } });
    for (const b of all) {
      const r = decodeBlock(r017, b.data, b.offset);
      expect(r.error, `block at ${b.offset}`).toBeUndefined();
      expect(r.records).toHaveLength(1);
      expect(r.records[0].length).toBe(b.data.length - 3);
      expect(r.records[0].edition).toBe("0.17");
    }
  });

  it("the first record matches a decode by hand of its bytes (BAW891, LBSF → EGLL)", () => {
    const b = blocks()[0];
    const d = b.data;
    // 3E 0037 | FSPEC BB 3D 42: FRN 1,3,4,5,7 | 10,11,12,13 | 16,21
    expect(Array.from(d.subarray(0, 6))).toEqual([0x3e, 0x00, 0x37, 0xbb, 0x3d, 0x42]);
    const rec = decodeBlock(new CategoryRegistry({ byCategory: { 62: "0.17" } }), d, b.offset).records[0];
    expect(Object.keys(rec.items).sort()).toEqual(["010", "040", "060", "070", "080", "105", "136", "180", "200", "220", "390"]);
    expect(item(rec, "010")).toEqual({ SAC: d[6], SIC: d[7] });
    expect(item(rec, "010")).toEqual({ SAC: 25, SIC: 100 });
    expect(item(rec, "070").VALUE).toBe(((d[8] << 16) | (d[9] << 8) | d[10]) / 128); // 12:47:45.758
    expect(item(rec, "040").VALUE).toBe((d[11] << 8) | d[12]);
    expect(item(rec, "040").VALUE).toBe(894);
    expect(item(rec, "105").LAT).toBeCloseTo((sbe(d, 13, 3) * 180) / 2 ** 23, 12);
    expect(item(rec, "105").LON).toBeCloseTo((sbe(d, 16, 3) * 180) / 2 ** 23, 12);
    expect(item(rec, "105").LAT).toBeCloseTo(44.2689, 4);
    expect(item(rec, "105").LON).toBeCloseTo(18.2299, 4);
    expect(item(rec, "060").MODE3A).toBe(((d[19] << 8) | d[20]).toString(8)); // 6072
    expect(item(rec, "136").VALUE).toBe(340);
    expect(item(rec, "180").SPEED).toBe(((d[23] << 8) | d[24]) / 2 ** 14); // ≈ 413 kt
    expect(item(rec, "180").HEADING).toBeCloseTo(285.24, 2); // westbound, towards London
    const fpl = item(rec, "390");
    expect((fpl.CS as ItemObject).VALUE).toBe("BAW891 ");
    expect((fpl.DEP as ItemObject).VALUE).toBe("LBSF");
    expect((fpl.DST as ItemObject).VALUE).toBe("EGLL");
    expect(Buffer.from(d.subarray(d.length - 23, d.length - 5)).toString("latin1")).toBe("\x53\x88BAW891 @LBSFEGLL");
  });

  it("every record: time of track just before its capture time, a position over Croatia and the Adriatic, a callsign", () => {
    const registry = new CategoryRegistry({ byCategory: { 62: "0.17" } });
    const callsigns = new Set<string>();
    for (const b of blocks()) {
      const rec = decodeBlock(registry, b.data, b.offset).records[0];
      expect(item(rec, "010")).toEqual({ SAC: 25, SIC: 100 });
      const captureTod = b.time % 86400;
      const lag = captureTod - (item(rec, "070").VALUE as number);
      expect(lag, `record at ${b.offset}`).toBeGreaterThanOrEqual(-0.1);
      expect(lag, `record at ${b.offset}`).toBeLessThan(2);
      const pos = item(rec, "105");
      expect(pos.LAT).toBeGreaterThan(41);
      expect(pos.LAT).toBeLessThan(47);
      expect(pos.LON).toBeGreaterThan(12);
      expect(pos.LON).toBeLessThan(20);
      const fl = item(rec, "136").VALUE as number;
      expect(fl).toBeGreaterThanOrEqual(0);
      expect(fl).toBeLessThanOrEqual(460);
      const cs = ((item(rec, "390").CS as ItemObject).VALUE as string).trimEnd();
      expect(cs).toMatch(/^[A-Z0-9]{3,7}$/);
      callsigns.add(cs);
    }
    expect(callsigns.size).toBe(56);
    for (const cs of ["BAW891", "AUA848Z", "CFG460", "THY1424", "9ADAK"]) expect(callsigns.has(cs), cs).toBe(true);
  });

  it("decodeReports (configured per category or per sensor) gives the generic decoder's track reports", () => {
    const all = blocks();
    const registry = new CategoryRegistry({ byCategory: { 62: "0.17" } });
    const expected: TrackReport[] = [];
    for (const b of all) {
      const rec = decodeBlock(registry, b.data, b.offset).records[0];
      const t = cat062ToTrack(rec, "25/100", b.time - (b.time % 86400) + (item(rec, "070").VALUE as number));
      expect(t).toBeDefined();
      expected.push(t!);
    }
    for (const editions of [{ byCategory: { 62: "0.17" } }, { bySensor: { "25/100:62": "0.17" } }]) {
      const stream = new AsterixDecoderStream({ referenceTime: all[0].time, editions });
      const got = all.flatMap((b) => {
        const r = stream.decodeReports(b);
        expect(r.error, JSON.stringify(editions)).toBeUndefined();
        return r.reports;
      });
      expect(got).toEqual(expected);
      expect(stream.stats.records).toBe(100);
      expect(stream.stats.errors).toBe(0);
    }
    expect(expected[0]).toMatchObject({ trackNumber: 894, mode3A: 0o6072, pressureAltitude: 340 * 100 * 0.3048 });
  });

  it("track reports carry the flight plan callsign (I062/390 CS) and the velocity of the polar I062/180", () => {
    const all = blocks();
    const registry = new CategoryRegistry({ byCategory: { 62: "0.17" } });
    const d = all[0].data;
    const first = cat062ToTrack(decodeBlock(registry, d, all[0].offset).records[0], "25/100", all[0].time)!;
    expect(first.trackNumber).toBe(894);
    expect(first.callsign).toBe("BAW891");
    // By hand: I062/180 at bytes 23..26 = SPEED (LSB 2^-14 NM/s) and HEADING (LSB 360/2^16 °);
    // I062/220 at bytes 28..29 (LSB 6.25 ft/min), after the one-octet I062/200.
    const speed = (((d[23] << 8) | d[24]) / 2 ** 14) * 1852;
    const heading = ((((d[25] << 8) | d[26]) * 360) / 2 ** 16) * (Math.PI / 180);
    const roc = sbe(d, 28, 2) * 6.25 * 0.3048 / 60;
    expect(speed / 1852 * 3600).toBeCloseTo(413, 0); // kt
    expect(first.velocity!.east).toBeCloseTo(speed * Math.sin(heading), 9);
    expect(first.velocity!.north).toBeCloseTo(speed * Math.cos(heading), 9);
    expect(first.velocity!.up).toBeCloseTo(roc, 9);
    expect(first.velocity!.east).toBeLessThan(0); // westbound, towards London
    for (const b of all) {
      const rec = decodeBlock(registry, b.data, b.offset).records[0];
      const t = cat062ToTrack(rec, "25/100", b.time)!;
      expect(t.callsign).toBe(((item(rec, "390").CS as ItemObject).VALUE as string).trimEnd());
      const s = item(rec, "180");
      expect(Math.hypot(t.velocity!.east, t.velocity!.north)).toBeCloseTo((s.SPEED as number) * 1852, 9);
    }
  });
});
