/**
 * Reading dump1090's verbose decode (`--raw` with `--stats`-style blocks, as in
 * `../shared/data/adsb/derived/*.decoded.txt`) and decoding the same frames with Skywatch, for
 * field-by-field comparison.
 */
import {
  AircraftStore, decodeHex, inferBds, squawkString, type AircraftStoreOptions,
} from "../../../src/formats/modes/index.js";

/** What dump1090 printed for one frame. */
export interface Dump1090Block {
  hex: string;
  altitudeFt?: number;
  squawk?: string;
  callsign?: string;
  /** Decoded position and how ("global", "local"). */
  position?: { latDeg: number; lonDeg: number; method: string };
}

/** Parses the blocks of a dump1090 verbose decode. */
export function parseDump1090(text: string): Dump1090Block[] {
  const out: Dump1090Block[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split("\n");
    const h = /^\*([0-9a-fA-F]+);/.exec(lines[0]?.trim() ?? "");
    if (!h) continue;
    const b: Dump1090Block = { hex: h[1].toUpperCase() };
    let lat: number | undefined;
    let lon: number | undefined;
    for (const l of lines) {
      let m: RegExpExecArray | null;
      if ((m = /^\s+Altitude:\s+(-?\d+) ft/.exec(l))) b.altitudeFt = Number(m[1]);
      else if ((m = /^\s+Squawk:\s+([0-7]{4})/.exec(l))) b.squawk = m[1];
      else if ((m = /^\s+Ident:\s+(.*)$/.exec(l))) b.callsign = m[1].trim();
      else if ((m = /^\s+CPR latitude:\s+(-?[\d.]+) \(/.exec(l))) lat = Number(m[1]);
      else if ((m = /^\s+CPR longitude:\s+(-?[\d.]+) \(/.exec(l))) lon = Number(m[1]);
      else if ((m = /^\s+CPR decoding:\s+(\w+)/.exec(l)) && lat !== undefined && lon !== undefined && m[1] !== "none") {
        b.position = { latDeg: lat, lonDeg: lon, method: m[1] };
      }
    }
    out.push(b);
  }
  return out;
}

/** What Skywatch made of one frame. */
export interface SkywatchFrame {
  hex: string;
  df: number;
  believed: boolean;
  reason: string;
  altitudeFt?: number;
  squawk?: string;
  callsign?: string;
  position?: { latDeg: number; lonDeg: number; method: string };
}

/** Decodes frames (hex, time) in order through one aircraft state store. */
export function decodeFrames(frames: Array<{ hex: string; time: number }>, opts: Partial<AircraftStoreOptions>): { frames: SkywatchFrame[]; store: AircraftStore } {
  const store = new AircraftStore(opts);
  const out = frames.map(({ hex, time }) => {
    const m = decodeHex(hex, true);
    store.ingest(m, time);
    const f: SkywatchFrame = { hex, df: m.df, believed: store.verdict.plausible, reason: store.verdict.reason };
    if (Number.isFinite(m.altitudeFt)) f.altitudeFt = m.altitudeFt;
    if (m.squawk >= 0) f.squawk = squawkString(m.squawk);
    if (m.tc >= 1 && m.tc <= 4) f.callsign = m.callsign;
    if (m.df === 20 || m.df === 21) {
      const inf = inferBds(m.raw, 4);
      if (inf.bds === 0x20) f.callsign = inf.record?.callsign as string;
    }
    const fix = store.verdict.fix;
    if (fix) f.position = { latDeg: fix.latDeg, lonDeg: fix.lonDeg, method: fix.method };
    return f;
  });
  return { frames: out, store };
}

/** One disagreement between dump1090 and Skywatch on a frame. */
export interface Difference {
  index: number;
  hex: string;
  field: "altitude" | "squawk" | "callsign" | "position" | "missing";
  dump1090: unknown;
  skywatch: unknown;
}

/**
 * Compares dump1090's blocks with Skywatch's frames, matched in order by message hex.
 * Positions agree within `tolDeg` degrees.
 */
export function compare(d: Dump1090Block[], s: SkywatchFrame[], tolDeg = 1e-4): { matched: number; differences: Difference[] } {
  const differences: Difference[] = [];
  let j = 0;
  let matched = 0;
  d.forEach((b, index) => {
    let k = j;
    while (k < s.length && s[k].hex !== b.hex) k++;
    if (k >= s.length) {
      differences.push({ index, hex: b.hex, field: "missing", dump1090: b.hex, skywatch: undefined });
      return;
    }
    j = k + 1;
    matched++;
    const f = s[k];
    if (b.altitudeFt !== undefined && b.altitudeFt !== f.altitudeFt) differences.push({ index, hex: b.hex, field: "altitude", dump1090: b.altitudeFt, skywatch: f.altitudeFt });
    if (b.squawk !== undefined && b.squawk !== f.squawk) differences.push({ index, hex: b.hex, field: "squawk", dump1090: b.squawk, skywatch: f.squawk });
    if (b.callsign !== undefined && b.callsign !== f.callsign) differences.push({ index, hex: b.hex, field: "callsign", dump1090: b.callsign, skywatch: f.callsign });
    if (b.position) {
      const p = f.position;
      if (!p || Math.abs(p.latDeg - b.position.latDeg) > tolDeg || Math.abs(p.lonDeg - b.position.lonDeg) > tolDeg) {
        differences.push({ index, hex: b.hex, field: "position", dump1090: b.position, skywatch: p ?? `${f.reason || "no fix"}` });
      }
    }
  });
  return { matched, differences };
}
