/**
 * CAT048 (monoradar target reports) ⇄ `PlotReport`.
 *
 * Source: EUROCONTROL ASTERIX Part 4, Category 048, ed. 1.31 (EUROCONTROL-SPEC-0149-4):
 * I048/010 data source, I048/140 time of day, I048/020 target report descriptor,
 * I048/040 measured position (polar), I048/042 calculated position (Cartesian),
 * I048/070 Mode 3/A, I048/090 flight level, I048/110 3D height, I048/161 track number,
 * I048/200 calculated track velocity, I048/220 aircraft address, I048/240 aircraft
 * identification, I048/250 BDS register data.
 */
import type { CommB, DetectionType, PlotReport } from "../../types/index.js";
import type { AsterixRecord, ItemObject, ItemValue } from "./decode.js";
import { hexToBytes } from "./bits.js";
import { num as n, obj } from "./fields.js";
import { encodeDataBlock } from "./encode.js";
import type { Projected, ProjectionSpec } from "./projection.js";
import { el, group, rep } from "./spec.js";
import { CAT048_1_31 } from "./specs/cat048_1_31.js";
import { timeOfDayOf } from "./time.js";
import { DEG, FL, FT, NM } from "./units.js";

/** I048/020 TYP codes (CAT048 ed. 1.31, I048/020). */
const DETECTION: DetectionType[] = [
  "none", "psr", "ssr", "ssr+psr", "modeSAllCall", "modeSRollCall", "modeSAllCall+psr", "modeSRollCall+psr",
];


/** Hex string of bytes. */
export function bytesHex(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

/**
 * Converts a decoded CAT048 record into a plot report in SI units.
 * `sensorId` is the record's SAC/SIC (or the one propagated from the block); `time` the resolved
 * UTC time of I048/140. Returns undefined when the record has no position (neither I048/040 nor
 * I048/042), which is not a plot.
 */
export function cat048ToPlot(rec: AsterixRecord, sensorId: string, time: number): PlotReport | undefined {
  const it = rec.items;
  const polar = obj(it["040"]);
  let range = n(polar, "RHO");
  let azimuthDeg = n(polar, "THETA");
  if (range === undefined || azimuthDeg === undefined) {
    // I048/042: position in the radar's plane, NM; only used when the polar position is absent.
    const cart = obj(it["042"]);
    const x = n(cart, "X");
    const y = n(cart, "Y");
    if (x === undefined || y === undefined) return undefined;
    range = Math.hypot(x, y);
    azimuthDeg = ((Math.atan2(x, y) / DEG) + 360) % 360;
  }
  const d020 = obj(it["020"]);
  const plot: PlotReport = {
    kind: "plot",
    sensorId,
    time,
    category: 48,
    range: range * NM,
    azimuth: azimuthDeg * DEG,
    detection: DETECTION[n(d020, "TYP") ?? 0],
  };
  if (n(d020, "SPI") === 1) plot.spi = true;
  if (n(d020, "SIM") === 1 || n(d020, "TST") === 1) plot.simulated = true;
  if (n(d020, "RAB") === 1) plot.fixedTransponder = true;
  const m3a = obj(it["070"]);
  if (m3a && typeof m3a.MODE3A === "string") {
    plot.mode3A = {
      code: parseInt(m3a.MODE3A, 8),
      validated: m3a.V === 0,
      garbled: m3a.G === 1,
      smoothed: m3a.L === 1,
    };
  }
  const fl = obj(it["090"]);
  const flValue = n(fl, "FL");
  if (flValue !== undefined) {
    plot.modeC = { pressureAltitude: flValue * FL, validated: fl!.V === 0, garbled: fl!.G === 1 };
  }
  const h3d = n(obj(it["110"]), "3DH");
  if (h3d !== undefined) plot.height3D = h3d * FT;
  const addr = n(obj(it["220"]), "VALUE");
  if (addr !== undefined) plot.icaoAddress = addr;
  const ident = obj(it["240"])?.VALUE;
  if (typeof ident === "string") {
    const cs = ident.trimEnd();
    if (cs.length > 0) plot.callsign = cs;
  }
  const trn = n(obj(it["161"]), "TRN");
  if (trn !== undefined) plot.radarTrackNumber = trn;
  const vel = obj(it["200"]);
  const gsp = n(vel, "GSP");
  const hdg = n(vel, "HDG");
  if (gsp !== undefined && hdg !== undefined) plot.radarVelocity = { groundSpeed: gsp * NM, heading: hdg * DEG };
  const bds = it["250"];
  if (Array.isArray(bds) && bds.length > 0) {
    plot.commB = bds.map((b) => {
      const o = b as ItemObject;
      return { bds: ((o.BDS1 as number) << 4) | (o.BDS2 as number), mb: hexToBytes(o.MBDATA as string) };
    });
  }
  return plot;
}

/**
 * The fields of a CAT048 record that `cat048PlotFromFields` reads (a projection, see
 * `projection.ts`): the same items and fields `cat048ToPlot` reads, I048/250 by its offset.
 */
export const CAT048_PLOT_FIELDS = {
  typ: { path: ["020", "TYP"], as: "num" },
  sim: { path: ["020", "SIM"], as: "num" },
  spi: { path: ["020", "SPI"], as: "num" },
  rab: { path: ["020", "RAB"], as: "num" },
  tst: { path: ["020", "TST"], as: "num" },
  rho: { path: ["040", "RHO"], as: "num" },
  theta: { path: ["040", "THETA"], as: "num" },
  x: { path: ["042", "X"], as: "num" },
  y: { path: ["042", "Y"], as: "num" },
  m3aV: { path: ["070", "V"], as: "num" },
  m3aG: { path: ["070", "G"], as: "num" },
  m3aL: { path: ["070", "L"], as: "num" },
  mode3A: { path: ["070", "MODE3A"], as: "octal" },
  flV: { path: ["090", "V"], as: "num" },
  flG: { path: ["090", "G"], as: "num" },
  fl: { path: ["090", "FL"], as: "num" },
  h3d: { path: ["110", "3DH"], as: "num" },
  addr: { path: ["220", "VALUE"], as: "num" },
  ident: { path: ["240", "VALUE"], as: "text" },
  trn: { path: ["161", "TRN"], as: "num" },
  gsp: { path: ["200", "GSP"], as: "num" },
  hdg: { path: ["200", "HDG"], as: "num" },
  // I048/250: [REP][7 octets MB data, BDS1 (4 bits), BDS2 (4 bits)] × REP.
  at250: { path: ["250"], as: "at", shape: rep(1, group(el("MBDATA", 56), el("BDS1", 4), el("BDS2", 4))) },
} satisfies ProjectionSpec;

/** True when a projected number is present (absent fields are NaN). */
function has(x: number): boolean {
  return x === x;
}

/**
 * `cat048ToPlot` on projected fields (`CAT048_PLOT_FIELDS`) instead of a decoded record: the same
 * report, property for property. `b` is the buffer the fields were projected from (I048/250 is read
 * from it). Returns undefined when the record has no position.
 */
export function cat048PlotFromFields(
  f: Projected<typeof CAT048_PLOT_FIELDS>, b: Uint8Array, sensorId: string, time: number,
): PlotReport | undefined {
  let range = f.rho;
  let azimuthDeg = f.theta;
  if (!has(range) || !has(azimuthDeg)) {
    const x = f.x;
    const y = f.y;
    if (!has(x) || !has(y)) return undefined;
    range = Math.hypot(x, y);
    azimuthDeg = ((Math.atan2(x, y) / DEG) + 360) % 360;
  }
  const plot: PlotReport = {
    kind: "plot",
    sensorId,
    time,
    category: 48,
    range: range * NM,
    azimuth: azimuthDeg * DEG,
    detection: DETECTION[has(f.typ) ? f.typ : 0],
  };
  if (f.spi === 1) plot.spi = true;
  if (f.sim === 1 || f.tst === 1) plot.simulated = true;
  if (f.rab === 1) plot.fixedTransponder = true;
  if (has(f.mode3A)) plot.mode3A = { code: f.mode3A, validated: f.m3aV === 0, garbled: f.m3aG === 1, smoothed: f.m3aL === 1 };
  if (has(f.fl)) plot.modeC = { pressureAltitude: f.fl * FL, validated: f.flV === 0, garbled: f.flG === 1 };
  if (has(f.h3d)) plot.height3D = f.h3d * FT;
  if (has(f.addr)) plot.icaoAddress = f.addr;
  if (f.ident !== undefined) {
    const cs = f.ident.trimEnd();
    if (cs.length > 0) plot.callsign = cs;
  }
  if (has(f.trn)) plot.radarTrackNumber = f.trn;
  if (has(f.gsp) && has(f.hdg)) plot.radarVelocity = { groundSpeed: f.gsp * NM, heading: f.hdg * DEG };
  const at = f.at250;
  if (at >= 0 && b[at] > 0) {
    const n = b[at];
    const list: CommB[] = new Array(n);
    for (let i = 0, q = at + 1; i < n; i++, q += 8) {
      const mb = new Uint8Array(7);
      mb[0] = b[q]; mb[1] = b[q + 1]; mb[2] = b[q + 2]; mb[3] = b[q + 3]; mb[4] = b[q + 4]; mb[5] = b[q + 5]; mb[6] = b[q + 6];
      list[i] = { bds: b[q + 7], mb };
    }
    plot.commB = list;
  }
  return plot;
}

/** Splits "SAC/SIC" into numbers. Throws RangeError on a malformed id. */
export function parseSensorId(id: string): { sac: number; sic: number } {
  const m = /^(\d{1,3})\/(\d{1,3})$/.exec(id);
  const sac = m ? Number(m[1]) : NaN;
  const sic = m ? Number(m[2]) : NaN;
  if (!(sac <= 255 && sic <= 255)) throw new RangeError(`sensor id "${id}" is not SAC/SIC (0-255 each)`);
  return { sac, sic };
}

/** An angle in radians as degrees in [0, 360), with values that round up to 360 written as 0. */
function angleDeg(rad: number, lsbDeg: number): number {
  const d = (((rad / DEG) % 360) + 360) % 360;
  return Math.round(d / lsbDeg) * lsbDeg >= 360 ? 0 : d;
}

const TYP_CODE = new Map(DETECTION.map((d, i) => [d, i]));

/** The CAT048 record (decoder value shapes, ed. 1.31) of a plot report. Inverse of `cat048ToPlot`. */
export function plotToCat048(p: PlotReport): Record<string, ItemValue> {
  const { sac, sic } = parseSensorId(p.sensorId);
  const tod = timeOfDayOf(p.time);
  const items: Record<string, ItemValue> = {
    "010": { SAC: sac, SIC: sic },
    "140": { VALUE: tod },
    "020": {
      TYP: TYP_CODE.get(p.detection) ?? 0,
      SIM: p.simulated ? 1 : 0,
      RDP: 0,
      SPI: p.spi ? 1 : 0,
      RAB: p.fixedTransponder ? 1 : 0,
    },
    "040": {
      RHO: Math.min(p.range / NM, 256 - 1 / 256),
      THETA: angleDeg(p.azimuth, 360 / 2 ** 16),
    },
  };
  if (p.mode3A) {
    items["070"] = {
      V: p.mode3A.validated ? 0 : 1,
      G: p.mode3A.garbled ? 1 : 0,
      L: p.mode3A.smoothed ? 1 : 0,
      MODE3A: p.mode3A.code.toString(8).padStart(4, "0"),
    };
  }
  if (p.modeC) {
    items["090"] = { V: p.modeC.validated ? 0 : 1, G: p.modeC.garbled ? 1 : 0, FL: p.modeC.pressureAltitude / FL };
  }
  if (p.height3D !== undefined) items["110"] = { "3DH": p.height3D / FT };
  if (p.icaoAddress !== undefined) items["220"] = { VALUE: p.icaoAddress };
  if (p.callsign !== undefined) items["240"] = { VALUE: p.callsign.padEnd(8, " ") };
  if (p.commB && p.commB.length > 0) {
    items["250"] = p.commB.map((c) => ({ MBDATA: bytesHex(c.mb), BDS1: c.bds >> 4, BDS2: c.bds & 15 }));
  }
  if (p.radarTrackNumber !== undefined) items["161"] = { TRN: p.radarTrackNumber };
  if (p.radarVelocity) {
    items["200"] = {
      GSP: p.radarVelocity.groundSpeed / NM,
      HDG: angleDeg(p.radarVelocity.heading, 360 / 2 ** 16),
    };
  }
  return items;
}

/**
 * One CAT048 data block (ed. 1.31) holding the plots, in order (all of one sensor;
 * SAC/SIC from `plot.sensorId`, I048/140 from `plot.time` mod 86400).
 * Throws EncodeError when a value does not fit its field, RangeError on a bad sensor id.
 */
export function encodeCat048Block(plots: PlotReport[]): Uint8Array {
  return encodeDataBlock(CAT048_1_31, plots.map(plotToCat048));
}
