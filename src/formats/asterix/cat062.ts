/**
 * CAT062 (SDPS system track data) → `TrackReport`, and Skywatch's own system tracks → CAT062
 * with CAT065 (SDPS service status, end of batch).
 *
 * Source: EUROCONTROL ASTERIX Part 9, Category 062 ed. 1.19: I062/040 track number, I062/105
 * WGS-84 position, I062/100 Cartesian position, I062/185 velocity, I062/220 rate of climb,
 * I062/136 measured flight level, I062/130 geometric altitude, I062/060 Mode 3/A, I062/380
 * aircraft derived data (ADR address, ID identification), I062/245 target identification,
 * I062/390 flight plan related data (CS callsign), I062/080 track status (CST coasting, SIM, TSE
 * end of track), I062/500 estimated accuracies; on output also I062/200 mode of movement, I062/210
 * acceleration and I062/290 update ages. Early editions (0.17) carry the velocity in polar form
 * only, I062/180 (SPEED in NM/s, HEADING in degrees from north), which is read when there is no
 * I062/185.
 */
import type { SystemTrack, TrackReport, TrackUpdate } from "../../types/index.js";
import { parseSensorId } from "./cat048.js";
import type { AsterixRecord, ItemValue } from "./decode.js";
import { encodeDataBlock } from "./encode.js";
import type { Projected, ProjectionSpec } from "./projection.js";
import { CAT062_1_19 } from "./specs/cat062_1_19.js";
import { CAT065_1_5 } from "./specs/cat065_1_5.js";
import { callsign, field, num, obj, octal, text, value, validLatLon } from "./fields.js";
import { timeOfDayOf } from "./time.js";
import { DEG, FL, FPM, FT, NM } from "./units.js";


/** Text of a flight plan field, trailing spaces removed; undefined when absent or blank. */
function trimmed(t: string | undefined): string | undefined {
  const v = t?.trimEnd();
  return v ? v : undefined;
}

/**
 * Velocity (east, north, up) in m/s from a polar ground speed (NM/s) and heading (degrees clockwise
 * from north) and a rate of climb (ft/min).
 */
function polarVelocity(speedNmPerS: number, headingDeg: number, rocFpm: number): { east: number; north: number; up: number } {
  const v = speedNmPerS * NM;
  const h = headingDeg * DEG;
  return { east: v * Math.sin(h), north: v * Math.cos(h), up: rocFpm * FPM };
}

/**
 * Converts a decoded CAT062 record; undefined without a track number. The callsign is I062/245,
 * else I062/380 ID, else the flight plan's I062/390 CS; the velocity is I062/185, else the polar
 * I062/180 of early editions, with I062/220 as its vertical part.
 */
export function cat062ToTrack(rec: AsterixRecord, sensorId: string, time: number): TrackReport | undefined {
  const trackNumber = value(rec, "040");
  if (trackNumber === undefined) return undefined;
  const r: TrackReport = { kind: "track", sensorId, time, category: 62, trackNumber };
  const fl = value(rec, "136");
  if (fl !== undefined) r.pressureAltitude = fl * FL;
  const ga = value(rec, "130");
  if (ga !== undefined) r.geometricHeight = ga * FT;
  const lat = field(rec, "105", "LAT");
  const lon = field(rec, "105", "LON");
  if (lat !== undefined && lon !== undefined && validLatLon(lat, lon)) {
    r.position = { lat: lat * DEG, lon: lon * DEG, height: r.pressureAltitude ?? r.geometricHeight ?? NaN };
  }
  const x = field(rec, "100", "X");
  const y = field(rec, "100", "Y");
  if (x !== undefined && y !== undefined) r.cartesian = { x, y };
  const vx = field(rec, "185", "VX");
  const vy = field(rec, "185", "VY");
  const speed = field(rec, "180", "SPEED");
  const heading = field(rec, "180", "HEADING");
  if (vx !== undefined && vy !== undefined) r.velocity = { east: vx, north: vy, up: (value(rec, "220") ?? 0) * FPM };
  else if (speed !== undefined && heading !== undefined) r.velocity = polarVelocity(speed, heading, value(rec, "220") ?? 0);
  const apc = obj(obj(rec.items["500"])?.APC);
  const sx = num(apc, "X");
  const sy = num(apc, "Y");
  if (sx !== undefined && sy !== undefined) r.positionSigma = { x: sx, y: sy };
  const code = octal(rec, "060", "MODE3A");
  if (code !== undefined) r.mode3A = code;
  const adr = obj(rec.items["380"]);
  const addr = num(obj(adr?.ADR), "VALUE");
  if (addr !== undefined) r.icaoAddress = addr;
  const cs = callsign(rec, "245", "CHR") ?? trimmed(text(obj(adr?.ID), "VALUE")) ?? trimmed(text(obj(obj(rec.items["390"])?.CS), "VALUE"));
  if (cs !== undefined) r.callsign = cs;
  if (field(rec, "080", "CST") === 1) r.coasting = true;
  if (field(rec, "080", "SIM") === 1) r.simulated = true;
  if (field(rec, "080", "TSE") === 1) r.endOfTrack = true;
  return r;
}

/**
 * The fields of a CAT062 record that `cat062TrackFromFields` reads (a projection, see
 * `projection.ts`): the same items and fields `cat062ToTrack` reads.
 */
export const CAT062_TRACK_FIELDS = {
  trackNumber: { path: ["040", "VALUE"], as: "num" },
  fl: { path: ["136", "VALUE"], as: "num" },
  ga: { path: ["130", "VALUE"], as: "num" },
  lat: { path: ["105", "LAT"], as: "num" },
  lon: { path: ["105", "LON"], as: "num" },
  x: { path: ["100", "X"], as: "num" },
  y: { path: ["100", "Y"], as: "num" },
  vx: { path: ["185", "VX"], as: "num" },
  vy: { path: ["185", "VY"], as: "num" },
  roc: { path: ["220", "VALUE"], as: "num" },
  apcX: { path: ["500", "APC", "X"], as: "num" },
  apcY: { path: ["500", "APC", "Y"], as: "num" },
  mode3A: { path: ["060", "MODE3A"], as: "octal" },
  adr: { path: ["380", "ADR", "VALUE"], as: "num" },
  id: { path: ["380", "ID", "VALUE"], as: "text" },
  chr: { path: ["245", "CHR"], as: "text" },
  cs: { path: ["390", "CS", "VALUE"], as: "text" },
  cst: { path: ["080", "CST"], as: "num" },
  sim: { path: ["080", "SIM"], as: "num" },
  tse: { path: ["080", "TSE"], as: "num" },
} satisfies ProjectionSpec;

/** True when a projected number is present (absent fields are NaN). */
function has(x: number): boolean {
  return x === x;
}

/**
 * `cat062ToTrack` on projected fields (`CAT062_TRACK_FIELDS`) instead of a decoded record: the same
 * report, property for property; undefined without a track number. Editions without I062/185
 * (polar I062/180 only) have no projection and take the generic path.
 */
export function cat062TrackFromFields(f: Projected<typeof CAT062_TRACK_FIELDS>, sensorId: string, time: number): TrackReport | undefined {
  const trackNumber = f.trackNumber;
  if (!has(trackNumber)) return undefined;
  const r: TrackReport = { kind: "track", sensorId, time, category: 62, trackNumber };
  if (has(f.fl)) r.pressureAltitude = f.fl * FL;
  if (has(f.ga)) r.geometricHeight = f.ga * FT;
  if (has(f.lat) && has(f.lon) && validLatLon(f.lat, f.lon)) {
    r.position = { lat: f.lat * DEG, lon: f.lon * DEG, height: r.pressureAltitude ?? r.geometricHeight ?? NaN };
  }
  if (has(f.x) && has(f.y)) r.cartesian = { x: f.x, y: f.y };
  if (has(f.vx) && has(f.vy)) r.velocity = { east: f.vx, north: f.vy, up: (has(f.roc) ? f.roc : 0) * FPM };
  if (has(f.apcX) && has(f.apcY)) r.positionSigma = { x: f.apcX, y: f.apcY };
  if (has(f.mode3A)) r.mode3A = f.mode3A;
  if (has(f.adr)) r.icaoAddress = f.adr;
  const cs = trimmed(f.chr) ?? trimmed(f.id) ?? trimmed(f.cs);
  if (cs !== undefined) r.callsign = cs;
  if (f.cst === 1) r.coasting = true;
  if (f.sim === 1) r.simulated = true;
  if (f.tse === 1) r.endOfTrack = true;
  return r;
}

/** Options of Skywatch's own CAT062 output. */
export interface Cat062OutputOptions {
  /** Data source of the output: Skywatch's SDPS identifier "SAC/SIC". */
  sensorId: string;
  /** Service identification (I062/015), default 1. */
  serviceId?: number;
}

/** I062/040 track numbers are 16 bits: Skywatch's track numbers wrap into 1..65535. */
function trackNumber16(n: number): number {
  return ((n - 1) % 65535) + 1;
}

/**
 * The CAT062 record (ed. 1.19 value shapes) of one Skywatch system track update: I062/010,
 * 015, 070 (time of track information), 040 (track number), 080 (status: tentative, coasting,
 * first/last message, mono/multi-sensor), 105 (WGS-84 position), 185 (velocity), 220 (rate of
 * climb), 136 (measured flight level, from Mode C), 060 (Mode 3/A), 245 (callsign), 380 ADR
 * (ICAO address), 500 APC (position accuracy).
 */
export function systemTrackToCat062(u: TrackUpdate, opts: Cat062OutputOptions): Record<string, ItemValue> {
  const { sac, sic } = parseSensorId(opts.sensorId);
  const t = u.track;
  const tod = timeOfDayOf(t.time);
  const items: Record<string, ItemValue> = {
    "010": { SAC: sac, SIC: sic },
    "015": { VALUE: opts.serviceId ?? 1 },
    "070": { VALUE: tod },
    "040": { VALUE: trackNumber16(t.trackNumber) },
    "080": {
      MON: t.sensors.length > 1 ? 0 : 1,
      SPI: 0,
      MRH: 0,
      SRC: 0,
      CNF: t.status === "tentative" ? 1 : 0,
      SIM: 0,
      TSE: u.event === "deleted" ? 1 : 0,
      TSB: u.event === "initiated" ? 1 : 0,
      CST: t.status === "coasting" ? 1 : 0,
    },
    "105": {
      LAT: Math.max(-90, Math.min(90, t.position.lat / DEG)),
      LON: ((t.position.lon / DEG + 540) % 360) - 180,
    },
    "185": {
      VX: clamp(t.velocity.east, -8192, 8191.75),
      VY: clamp(t.velocity.north, -8192, 8191.75),
    },
    "220": { VALUE: clamp(t.velocity.up / FPM, -204800, 204793.75) },
    "500": { APC: { X: clamp(t.positionSigma, 0, 32767.5), Y: clamp(t.positionSigma, 0, 32767.5) } },
  };
  if (t.pressureAltitude !== undefined) items["136"] = { VALUE: clamp(t.pressureAltitude / FL, -1500, 1500) };
  if (t.identity.mode3A !== undefined) {
    items["060"] = { V: 0, G: 0, CH: 0, MODE3A: t.identity.mode3A.toString(8).padStart(4, "0") };
  }
  if (t.identity.callsign !== undefined && /^[A-Z0-9 ]{1,8}$/.test(t.identity.callsign)) {
    items["245"] = { STI: 0, CHR: t.identity.callsign.padEnd(8, " ") };
  }
  if (t.identity.icaoAddress !== undefined) items["380"] = { ADR: { VALUE: t.identity.icaoAddress } };
  if (t.modeOfMovement) {
    const m = t.modeOfMovement;
    items["200"] = {
      TRANS: { straight: 0, right: 1, left: 2, undetermined: 3 }[m.transversal],
      LONG: { constant: 0, increasing: 1, decreasing: 2, undetermined: 3 }[m.longitudinal],
      VERT: { level: 0, climb: 1, descent: 2, undetermined: 3 }[m.vertical],
      ADF: 0,
    };
  }
  if (t.acceleration) items["210"] = { AX: clamp(t.acceleration.east, -32, 31.75), AY: clamp(t.acceleration.north, -32, 31.75) };
  const ages = updateAges(t);
  if (ages) items["290"] = ages;
  const apc = (items["500"] as Record<string, ItemValue>);
  if (t.velocitySigma !== undefined) apc.ATV = { X: clamp(t.velocitySigma, 0, 63.75), Y: clamp(t.velocitySigma, 0, 63.75) };
  if (t.heightSigma !== undefined) apc.AGA = { VALUE: clamp(t.heightSigma / FT, 0, 1593.75) };
  return items;
}

/** The I062/290 column of each update technology (ADS-B reaches Skywatch as 1090 ES). */
const AGE_COLUMN = { psr: "PSR", ssr: "SSR", modeS: "MDS", adsb: "ES", mlat: "MLT" } as const;

/**
 * System track update ages (I062/290): TRK, the age of the last update of any kind, and per
 * technology the age of its latest contributing update, seconds (0.25 s LSB, at most 63.75 s).
 */
function updateAges(t: SystemTrack): Record<string, ItemValue> | undefined {
  const ages: Record<string, number> = { TRK: clamp(t.time - t.lastUpdateTime, 0, 63.75) };
  for (const u of t.sensorUpdates ?? []) {
    const col = AGE_COLUMN[u.technology];
    const age = clamp(t.time - u.time, 0, 63.75);
    if (ages[col] === undefined || age < ages[col]) ages[col] = age;
  }
  const out: Record<string, ItemValue> = {};
  for (const [k, v] of Object.entries(ages)) out[k] = { VALUE: v };
  return out;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

/**
 * One CAT062 data block (ed. 1.19) of track updates, as Skywatch shares its air picture.
 * Throws EncodeError when a value does not fit, RangeError on a bad sensor id.
 */
export function encodeCat062Block(updates: TrackUpdate[], opts: Cat062OutputOptions): Uint8Array {
  return encodeDataBlock(CAT062_1_19, updates.map((u) => systemTrackToCat062(u, opts)));
}

/** CAT065 message types (ed. 1.5, I065/000). */
export type Cat065Message = "sdpsStatus" | "endOfBatch" | "serviceStatus";
const CAT065_TYPES: Record<Cat065Message, number> = { sdpsStatus: 1, endOfBatch: 2, serviceStatus: 3 };

/**
 * One CAT065 data block (ed. 1.5): SDPS status / end of batch, sent after each batch of CAT062
 * track updates (I065/010, 000, 015, 030 time of day, 020 batch number, 040 status: NOGO 0
 * operational, OVL no overload, TSV valid, PSS 3 = not applicable).
 */
export function encodeCat065Block(opts: { sensorId: string; time: number; message: Cat065Message; batchNumber: number; serviceId?: number }): Uint8Array {
  const { sac, sic } = parseSensorId(opts.sensorId);
  const tod = timeOfDayOf(opts.time);
  return encodeDataBlock(CAT065_1_5, [{
    "010": { SAC: sac, SIC: sic },
    "000": { VALUE: CAT065_TYPES[opts.message] },
    "015": { VALUE: opts.serviceId ?? 1 },
    "030": { VALUE: tod },
    "020": { VALUE: opts.batchNumber & 0xff },
    "040": { NOGO: 0, OVL: 0, TSV: 0, PSS: 3, STTN: 0 },
  }]);
}
