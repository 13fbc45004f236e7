/**
 * Records of every surveillance category become `SensorReport`s in SI units: unit conversions
 * checked on records built with the encoder, plausibility checked on the real recordings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AsterixDecoderStream, decodeBlock, CategoryRegistry, EDITIONS, encodeDataBlock, cat021ToAdsb, cat062ToTrack, untruncateTime,
} from "../../../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../../../src/formats/asterix/framing/index.js";
import type { SensorReport } from "../../../src/types/index.js";
import { ASTERIX_DATA, HAS_SHARED_DATA } from "../../shared_data.js";

const DEG = Math.PI / 180;

function decodeOne(cat: number, edition: string, items: Record<string, unknown>) {
  const block = encodeDataBlock(EDITIONS[cat][edition], [items as never]);
  const r = decodeBlock(new CategoryRegistry({ byCategory: { [cat]: edition } }), block);
  expect(r.error).toBeUndefined();
  return r.records[0];
}

describe("record → report unit conversions", () => {
  it("CAT021 ed. 2.6 → ADS-B report", () => {
    const rec = decodeOne(21, "2.6", {
      "010": { SAC: 1, SIC: 2 }, "080": { VALUE: 0x504001 }, "130": { LAT: 47 * 1, LON: 28.8 },
      "145": { VALUE: 350 }, "160": { RE: 0, GS: 0.1, TA: 90 }, "170": { VALUE: "MLD868  " },
      "090": { NUCRNACV: 0, NUCPNIC: 8, NICBARO: 1, SIL: 3, NACP: 9 }, "210": { VNS: 0, VN: 2, LTT: 2 },
      "040": { ATP: 0, ARC: 0, RC: 0, RAB: 0, DCR: 0, GBS: 0, SIM: 0, TST: 0, SAA: 0, CL: 0 },
      "070": { MODE3A: "7700" }, "200": { ICF: 0, LNAV: 0, ME: 0, PS: 1, SS: 0 },
    });
    const a = cat021ToAdsb(rec, "1/2", 1000)!;
    expect(a.icaoAddress).toBe(0x504001);
    expect(a.position!.lat).toBeCloseTo(47 * DEG, 6);
    expect(a.pressureAltitude).toBeCloseTo(350 * 30.48, 6);
    expect(a.velocity!.east).toBeCloseTo(185.2, 1);
    expect(Math.abs(a.velocity!.north)).toBeLessThan(0.1);
    expect(a.positionSigma).toBeCloseTo(30 / Math.sqrt(-2 * Math.log(0.05)), 6); // NACp 9: EPU < 30 m
    expect(a.callsign).toBe("MLD868");
    expect(a.mode3A).toBe(0o7700);
    expect(a.version).toBe(2);
    expect(a.emergency).toBe("general");
  });
  it("CAT062 → track report", () => {
    const rec = decodeOne(62, "1.19", {
      "010": { SAC: 226, SIC: 2 }, "040": { VALUE: 617 }, "070": { VALUE: 3600.5 }, "105": { LAT: -32.5, LON: -69.5 },
      "185": { VX: -200, VY: 50 }, "136": { VALUE: 249 }, "060": { V: 0, G: 0, CH: 0, MODE3A: "0311" },
    });
    const t = cat062ToTrack(rec, "226/2", 5)!;
    expect(t.trackNumber).toBe(617);
    expect(t.position!.lon).toBeCloseTo(-69.5 * DEG, 6);
    expect(t.velocity).toEqual({ east: -200, north: 50, up: 0 });
    expect(t.pressureAltitude).toBeCloseTo(249 * 30.48, 6);
    expect(t.mode3A).toBe(0o311);
  });
  it("CAT001 truncated time of day resolves across the 512 s wrap and midnight", () => {
    const day = Date.UTC(2013, 0, 1) / 1000;
    expect(untruncateTime(383.578125, day + 66431.66)).toBeCloseTo(day + 66431.578125, 9);
    expect(untruncateTime(511.5, day + 66048.2)).toBeCloseTo(day + 66047.5, 9);
    expect(untruncateTime(0.25, day + 86399.9)).toBeCloseTo(day + 86400.25, 9);
  });
});

function reportsOf(file: string, date: string, editions?: Record<number, string>): SensorReport[] {
  const buf = new Uint8Array(readFileSync(join(ASTERIX_DATA, file)));
  const s = new AsterixDecoderStream({ referenceTime: Date.parse(`${date}T12:00:00Z`) / 1000, editions: { byCategory: editions } });
  const out: SensorReport[] = [];
  for (const x of frameBlocks(buf, detectFraming(buf, file))) if (x.kind === "block") out.push(...s.decode(x).reports);
  return out;
}

describe.skipIf(!HAS_SHARED_DATA)("reports from the real recordings", () => {
  it("CAT001/CAT002 (Spain, 2013): plots within 256 NM, times within the recording's span", () => {
    const r = reportsOf("cat001_cat002_ifsnop_rn_canalA.gps", "2013-01-01");
    const plots = r.filter((x) => x.kind === "plot");
    expect(plots.length).toBeGreaterThan(30_000);
    const day = Date.UTC(2013, 0, 1) / 1000;
    for (const p of plots) {
      expect(p.range).toBeLessThan(256 * 1852);
      expect(p.time - day).toBeGreaterThan(18 * 3600 + 27 * 60 - 5); // GPS ToD 18:27:11.664 → 19:15:01.688
      expect(p.time - day).toBeLessThan(19 * 3600 + 15 * 60 + 5);
    }
  });
  it("CAT021 ed. 2.1 (Barcelona): ADS-B positions around Spain with their quality", () => {
    const r = reportsOf("cat021_cat023_lebl_upc_adsb_v21_bcn.ast", "2020-01-01", { 21: "2.1" }).filter((x) => x.kind === "adsb");
    expect(r.length).toBeGreaterThan(7000);
    const positioned = r.filter((x) => x.kind === "adsb" && x.position);
    expect(positioned.length / r.length).toBeGreaterThan(0.9);
    for (const a of positioned) {
      if (a.kind !== "adsb") continue;
      expect(a.position!.lat / DEG).toBeGreaterThan(30);
      expect(a.position!.lat / DEG).toBeLessThan(55);
    }
    expect(positioned.filter((a) => a.kind === "adsb" && Number.isFinite(a.positionSigma)).length / positioned.length).toBeGreaterThan(0.9);
  });
  it("CAT062 (Argentina, 2026-04-29): system tracks in the FIR with velocities", () => {
    const r = reportsOf("cat062_jmatiasbro_fds260429.pcap", "2026-04-29").filter((x) => x.kind === "track");
    expect(r.length).toBe(50_640);
    for (const t of r) {
      if (t.kind !== "track" || !t.position) continue;
      expect(t.position.lat / DEG).toBeLessThan(-20);
      expect(t.position.lat / DEG).toBeGreaterThan(-45);
      if (t.velocity) expect(Math.hypot(t.velocity.east, t.velocity.north)).toBeLessThan(600);
    }
    expect(new Date(r[0].time * 1000).toISOString().slice(0, 10)).toBe("2026-04-29");
  });
  it("CAT010/CAT020 multilateration: positions with standard deviations", () => {
    const r = reportsOf("cat019_cat020_mlat_ifsnop_rn_sdpb.ast", "2013-01-01").filter((x) => x.kind === "mlat");
    expect(r.length).toBe(2844);
    expect(r.every((m) => m.kind === "mlat" && m.position !== undefined)).toBe(true);
    expect(r.filter((m) => m.kind === "mlat" && m.positionSigma).length).toBeGreaterThan(2000);
  });
});
