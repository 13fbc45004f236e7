/**
 * Framing and decoding units: CRC and one-bit correction, Beast escapes and arbitrary chunk
 * splits, AVR variants, SBS lines, Gillham altitudes, CPR round numbers, and bad input
 * (random bytes never crash a framer or the decoder).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AvrFramer, BeastFramer, decodeAc13, decodeHex, decodeModeS, encodeAvr, encodeBeast, fixSingleBit112, gillhamToFeet,
  ModeSMessage, SbsDecoder, syndrome, toHex, cprNL, ModeSDecodeError, inferBds,
} from "../../../src/formats/modes/index.js";

const LONG = "8D4840D6202CC371C32CE0576098";
const SHORT = "5D484FDEA248F5";
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, "hex"));

function collect(push: (sink: (b: Uint8Array, o: number, l: number, t: number, s: number) => void) => void): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  push((b, o, l, t, s) => out.push([toHex(b, o, l), t, s]));
  return out;
}

describe("CRC-24", () => {
  it("clean DF17 has syndrome 0; DF11 syndrome is the interrogator code", () => {
    expect(syndrome(bytes(LONG), 0, 14)).toBe(0);
    expect(syndrome(bytes(SHORT), 0, 7)).toBe(22);
  });
  it("corrects any single flipped bit after the DF field of a DF17", () => {
    fc.assert(fc.property(fc.integer({ min: 5, max: 111 }), (bit) => {
      const m = bytes(LONG);
      m[bit >> 3] ^= 0x80 >> (bit & 7);
      const syn = syndrome(m, 0, 14);
      expect(syn).not.toBe(0);
      expect(fixSingleBit112(m, 0, syn)).toBe(bit);
      expect(toHex(m)).toBe(LONG);
    }));
  });
  it("the decoder corrects only when asked", () => {
    const m = bytes(LONG);
    m[6] ^= 4;
    const out = new ModeSMessage();
    decodeModeS(out, m, 0, 14, false);
    expect(out.crcOk).toBe(false);
    decodeModeS(out, m, 0, 14, true);
    expect(out.crcOk).toBe(true);
    expect(out.callsign).toBe("KLM1023");
  });
});

describe("altitude codes", () => {
  it("Gillham pulses: known points", () => {
    // Octal ABCD layout; C4 alone is the lowest step (−1200 ft), C1 alone −800 ft, and
    // C2 C4 with D2 … follow the Gray ladder (Annex 10 Vol. IV, Mode C pulse table).
    expect(gillhamToFeet(0o0040)).toBe(-1200);
    expect(gillhamToFeet(0o0060)).toBe(-1100);
    expect(gillhamToFeet(0o0010)).toBe(-800);
    expect(Number.isNaN(gillhamToFeet(0))).toBe(true);
    expect(Number.isNaN(gillhamToFeet(0o0001))).toBe(true); // D1 set
  });
  it("Gillham decoding is monotonic over the 100 ft ladder (encode by brute force)", () => {
    const byAlt = new Map<number, number>();
    for (let code = 0; code < 4096; code++) {
      const a = gillhamToFeet(code);
      if (Number.isFinite(a)) {
        expect(byAlt.has(a)).toBe(false); // one code per altitude
        byAlt.set(a, code);
      }
    }
    const alts = [...byAlt.keys()].sort((x, y) => x - y);
    expect(alts[0]).toBe(-1200);
    for (let i = 1; i < alts.length; i++) expect(alts[i] - alts[i - 1]).toBe(100);
    // Adjacent altitudes differ in one pulse (Gray property).
    for (let i = 1; i < alts.length; i++) {
      const x = byAlt.get(alts[i])! ^ byAlt.get(alts[i - 1])!;
      expect(x & (x - 1)).toBe(0);
    }
  });
  it("Q-bit 25 ft coding and 'no altitude'", () => {
    expect(decodeAc13(0)).toBeNaN();
    expect(decodeHex("20001718029FCD").altitudeFt).toBe(36000);
  });
});

describe("CPR NL", () => {
  it("matches the closed form away from transitions", () => {
    for (let lat = -86.9; lat < 87; lat += 0.37) {
      const nz = 15;
      const v = Math.floor((2 * Math.PI) / Math.acos(1 - (1 - Math.cos(Math.PI / (2 * nz))) / Math.cos((lat * Math.PI) / 180) ** 2));
      expect(cprNL(lat)).toBe(v);
    }
    expect(cprNL(0)).toBe(59);
    expect(cprNL(88)).toBe(1);
  });
});

describe("Beast framing", () => {
  const msgs = [LONG, SHORT, "8D406B902015A678D4D220AA4BDA", "2000171806A983"];
  const stream = Uint8Array.from(msgs.flatMap((h, i) => [...encodeBeast(bytes(h), 0x1a1a1a1a1a + i, 0x1a)]));

  it("escapes and unescapes 0x1A in counter, signal and payload", () => {
    const f = new BeastFramer();
    const out = collect((sink) => f.push(stream, sink));
    expect(out.map((x) => x[0])).toEqual(msgs);
    expect(out[1][1]).toBe(0x1a1a1a1a1a + 1);
    expect(out[0][2]).toBe(0x1a);
    expect(f.stats).toMatchObject({ frames: 4, corrupt: 0, skipped: 0 });
  });

  it("gives the same frames whatever the chunk boundaries", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 12 }), (cuts) => {
      const points = [...new Set(cuts)].sort((a, b) => a - b);
      const f = new BeastFramer();
      const out = collect((sink) => {
        let prev = 0;
        for (const p of [...points, stream.length]) {
          f.push(stream.subarray(prev, p), sink);
          prev = p;
        }
      });
      expect(out.map((x) => x[0])).toEqual(msgs);
    }));
  });

  it("counts a frame cut short by the next one and recovers", () => {
    const a = encodeBeast(bytes(LONG));
    const b = encodeBeast(bytes(SHORT));
    const f = new BeastFramer();
    const out = collect((sink) => f.push(Uint8Array.from([...a.subarray(0, 12), ...b, 0x00, 0x1a, 0x39, ...b]), sink));
    expect(out.map((x) => x[0])).toEqual([SHORT, SHORT]);
    expect(f.stats.corrupt).toBe(2); // the cut frame and the unknown type 0x39
  });

  it("never throws on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (data) => {
      const f = new BeastFramer();
      const m = new ModeSMessage();
      f.push(data, (b, o, l) => {
        decodeModeS(m, b, o, l, true);
        inferBds(m.raw, 4);
      });
      f.end();
      expect(f.stats.frames + f.stats.corrupt + f.stats.modeAc + f.stats.status).toBeGreaterThanOrEqual(0);
    }));
  });
});

describe("AVR framing", () => {
  it("reads *, @, % and < lines, CR/LF, split anywhere", () => {
    const text = `*${LONG};\r\n${encodeAvr(bytes(SHORT), 0x123456789a)}\n%0000000000FF${LONG};\n<00000000000A80${SHORT};\n*7700;\nbad line\n*ZZ;\n*${LONG}`;
    const data = new TextEncoder().encode(text);
    for (const cut of [1, 7, 20, 51]) {
      const f = new AvrFramer();
      const out = collect((sink) => {
        f.push(data.subarray(0, cut), sink);
        f.push(data.subarray(cut), sink);
        f.end(sink);
      });
      expect(out.map((x) => x[0])).toEqual([LONG, SHORT, LONG, SHORT, LONG]);
      expect(out[1][1]).toBe(0x123456789a);
      expect(out[3][2]).toBe(0x80);
      expect(f.stats).toMatchObject({ frames: 5, modeAc: 1, corrupt: 2 });
    }
  });
});

describe("SBS-1", () => {
  it("turns position lines into ADS-B reports with the identity and velocity seen before", () => {
    const d = new SbsDecoder({ sensorId: "adsb:test" });
    const base = "MSG,%T,1,1,4D2023,1,2026/11/29,12:00:00.000,2026/11/29,12:00:00.000,";
    expect(d.line(base.replace("%T", "1") + "RYR123  ,,,,,,,,,,,0")).toBeUndefined();
    expect(d.line(base.replace("%T", "4") + ",,400,90,,,-1024,,,,,0")).toBeUndefined();
    const r = d.line(base.replace("%T", "3") + ",24000,,,37.1,13.78,,,0,0,0,0");
    expect(r).toMatchObject({ kind: "adsb", sensorId: "adsb:test", icaoAddress: 0x4d2023, callsign: "RYR123", heightType: "barometric" });
    expect(r!.kind === "adsb" && r!.velocity!.east).toBeCloseTo(400 * 1852 / 3600, 3);
    expect(r!.time).toBe(Date.UTC(2026, 10, 29, 12) / 1000);
    const s = d.line(base.replace("%T", "6") + ",,,,,,,7700,0,1,0,0");
    expect(s).toMatchObject({ kind: "modes", mode3A: 0o7700 });
    expect(d.line("garbage")).toBeUndefined();
    expect(d.line("MSG,3,1,1,XYZ,1,,,,,,,,,,,,,,,,")).toBeUndefined();
    expect(d.stats).toMatchObject({ corrupt: 2, reports: 2 });
  });
});

describe("hex decoding errors", () => {
  it("throws typed errors for bad hex and wrong lengths", () => {
    expect(() => decodeHex("8D48")).toThrow(ModeSDecodeError);
    expect(() => decodeHex("XX4840D6202CC371C32CE0576098")).toThrow(ModeSDecodeError);
    expect(() => decodeHex("8D4840D6202CC3")).toThrow(/needs 14 bytes/);
  });
});
