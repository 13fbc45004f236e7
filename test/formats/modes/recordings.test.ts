/**
 * Every Mode S recording of `../shared/data/adsb/raw/` decodes; where `derived/` holds
 * dump1090-mutability's decode of the same frames, positions, altitudes, callsigns and squawks
 * agree, and each difference is listed with its reason.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AvrFramer, BeastFramer, decodeHex, demodulate, inferBds, parseHexLogLine, parseSeroJson, toHex,
} from "../../../src/formats/modes/index.js";
import { SHARED_DATA } from "../../shared_data.js";
import { compare, decodeFrames, parseDump1090, type Difference } from "./dump1090.js";

const ADSB = resolve(SHARED_DATA, "adsb");
const HAS = existsSync(resolve(ADSB, "raw"));
const read = (p: string): Buffer => readFileSync(resolve(ADSB, p));

function framesOf(framer: BeastFramer | AvrFramer, data: Uint8Array): Array<{ hex: string; mlat: number; signal: number }> {
  const out: Array<{ hex: string; mlat: number; signal: number }> = [];
  const sink = (b: Uint8Array, off: number, len: number, mlat: number, signal: number): void => {
    out.push({ hex: toHex(b, off, len), mlat, signal });
  };
  framer.push(data, sink);
  if (framer instanceof AvrFramer) framer.end(sink);
  else framer.end();
  return out;
}

function table(diffs: Difference[]): string {
  return diffs.map((d) => `#${d.index} ${d.hex} ${d.field}: dump1090 ${JSON.stringify(d.dump1090)} / skywatch ${JSON.stringify(d.skywatch)}`).join("\n");
}

describe.skipIf(!HAS)("raw recordings", () => {
  it("Beast capture (traffic sample, Toulouse): 239 frames, the dump1090 decode agrees", () => {
    const framer = new BeastFramer();
    const frames = framesOf(framer, read("raw/beast/traffic_sample_dump1090.beast.bin"));
    expect(framer.stats).toMatchObject({ frames: 239, corrupt: 0, skipped: 0 });
    expect(frames.filter((f) => f.hex.length === 14).length).toBe(185);
    const t0 = Date.UTC(2020, 1, 12, 10, 7) / 1000;
    const first = frames[0].mlat;
    const { frames: sky, store } = decodeFrames(frames.map((f) => ({ hex: f.hex, time: t0 + (f.mlat - first) / 12e6 })), {
      receiver: { latDeg: 43.63, lonDeg: 1.37 },
    });
    const d = parseDump1090(read("derived/traffic_sample_dump1090_mut.decoded.txt").toString());
    const { matched, differences } = compare(d, sky);
    expect(matched).toBe(d.length);
    // Known, explained differences:
    // - dump1090 decodes the first airborne frame of 48520A locally against the receiver
    //   position ("CPR decoding: local"); Skywatch waits for an even/odd pair, since a
    //   receiver-relative local decode is ambiguous beyond 180 NM.
    const explained = differences.filter((x) => x.field === "position" && (x.dump1090 as { method: string }).method === "local");
    expect(table(differences.filter((x) => !explained.includes(x)))).toBe("");
    expect(explained.length).toBeLessThanOrEqual(1);
    console.log(`Beast sample: ${matched} frames compared with dump1090; explained differences:\n${table(explained)} (receiver-relative local decode of a lone frame)`);
    expect(store.aircraft.has(0x48520a)).toBe(true);
    expect(sky.filter((f) => f.position).length).toBeGreaterThanOrEqual(2);
  });

  it("raw I/Q (antirez modes1.bin) demodulates; dump1090's frames decode to dump1090's values", () => {
    const { frames, stats } = demodulate(new Uint8Array(read("raw/iq/antirez_modes1.bin")));
    const avr = framesOf(new AvrFramer(), read("derived/modes1_dump1090mut.avr.txt"));
    expect(avr.length).toBe(319);
    const theirs = new Set(avr.map((f) => f.hex));
    const mine = frames.map((f) => toHex(f.bytes));
    const common = mine.filter((h) => theirs.has(h)).length;
    // All traffic is 4D2023: every proved frame carries that address.
    for (const f of frames) expect(decodeHex(toHex(f.bytes)).icao).toBe(0x4d2023);
    // At 2 MS/s without resampling Skywatch's demodulator recovers most of what dump1090
    // (2.4 MS/s after resampling) found, and nothing it did not also prove by CRC.
    console.log(`modes1.bin: ${stats.preambles} preambles, ${stats.frames} frames (${stats.corrected} corrected), ${common} also in dump1090's 319`);
    expect(stats.frames).toBeGreaterThanOrEqual(200);
    expect(common / mine.length).toBeGreaterThan(0.95);
    // Field comparison on the frames dump1090 found (the same frames, from its AVR output).
    const { frames: sky } = decodeFrames(avr.map((f, i) => ({ hex: f.hex, time: i * 0.05 })), {});
    const d = parseDump1090(read("derived/modes1_dump1090mut.decoded.txt").toString());
    const { matched, differences } = compare(d, sky, 1e-4);
    expect(matched).toBe(319);
    expect(table(differences)).toBe("");
  });

  it("pyModeS ADS-B sample: 2000 DF17 messages, all CRC-valid", () => {
    const lines = read("raw/hex/pymodes_sample_data_adsb.csv").toString().trim().split("\n");
    const entries = lines.map(parseHexLogLine);
    expect(entries.every((e) => e !== undefined)).toBe(true);
    const msgs = entries.map((e) => decodeHex(e!.hex));
    expect(msgs.length).toBe(2000);
    expect(msgs.every((m) => m.df === 17 && m.crcOk && m.icao === 0x406b90)).toBe(true);
  });

  for (const name of ["pymodes_sample_data_commb_df20.csv", "pymodes_sample_data_commb_df21.csv"]) {
    it(`${name}: 5000 Comm-B replies decode; registers inferred or left ambiguous`, () => {
      const lines = read(`raw/hex/${name}`).toString().trim().split("\n");
      let inferred = 0;
      let ambiguous = 0;
      let none = 0;
      let addressMatches = 0;
      for (const line of lines) {
        const e = parseHexLogLine(line);
        expect(e).toBeDefined();
        const m = decodeHex(e!.hex);
        expect([20, 21]).toContain(m.df);
        if (line.split(",")[1].trim().toUpperCase() === m.icao.toString(16).toUpperCase().padStart(6, "0")) addressMatches++;
        const inf = inferBds(m.raw, 4);
        if (inf.bds !== undefined) inferred++;
        else if (inf.candidates.length > 1) ambiguous++;
        else none++;
      }
      expect(lines.length).toBe(5000);
      // The collector's ICAO column is the address recovered from the parity, except for 3
      // DF20 rows of the df20 file where the collector attributed the reply otherwise.
      expect(addressMatches).toBeGreaterThanOrEqual(4997);
      expect(inferred / 5000).toBeGreaterThan(0.75);
      console.log(`${name}: inferred ${inferred}, ambiguous ${ambiguous}, none ${none}`);
    });
  }

  it("rs1090 short flights: 486 DF17 messages of 9 aircraft, positions for every one that sent a pair", () => {
    const lines = read("raw/hex/rs1090_short_flights.csv").toString().trim().split("\n");
    const entries = lines.map((l) => parseHexLogLine(l)!);
    const { frames, store } = decodeFrames(entries, {});
    expect(frames.length).toBe(486);
    expect(frames.every((f) => f.df === 17)).toBe(true);
    expect(store.stats.crcFailed).toBe(0);
    const withFix = new Set(frames.filter((f) => f.position).map((f) => decodeHex(f.hex).icao));
    expect(store.aircraft.size).toBe(9);
    // A426E0 sent a single surface frame and one aircraft no position frame at all: the other
    // seven are located.
    expect(withFix.size).toBe(7);
  });

  it("SeRo GRX1090 capture: surface positions at Washington National (lib1090 reference 38.85 N, 77.038 W)", () => {
    const { entries, skipped } = parseSeroJson(read("raw/sero/sero_grx1090_20221005_a53436_dca.json").toString());
    expect(skipped).toBe(0);
    expect(entries.length).toBe(174);
    const { frames, store } = decodeFrames(entries, { receiver: { latDeg: 38.85, lonDeg: -77.04 } });
    expect(store.stats.crcFailed).toBe(0);
    // The aircraft lands: airborne positions first, then 4 surface positions on the runway.
    const surface = frames.filter((f) => f.position && decodeHex(f.hex).surface);
    expect(surface.length).toBe(4);
    expect(frames.filter((f) => f.position).length).toBeGreaterThan(50);
    for (const f of surface) {
      expect(Math.abs(f.position!.latDeg - 38.85)).toBeLessThan(0.005);
      expect(Math.abs(f.position!.lonDeg + 77.038)).toBeLessThan(0.0003);
    }
  });
});
