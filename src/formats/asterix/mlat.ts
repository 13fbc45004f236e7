/**
 * CAT010 (surface movement: multilateration, SMR) and CAT020 (multilateration target reports)
 * → `MlatReport`.
 *
 * Source: EUROCONTROL ASTERIX Part 7 Category 010 ed. 1.1 (I010/041 WGS-84 position, I010/042
 * Cartesian, I010/202 velocity, I010/060 Mode 3/A, I010/090 flight level, I010/091 height,
 * I010/161 track number, I010/220 address, I010/245 identification, I010/500 standard deviation
 * of position); Part 14 Category 020 ed. 1.10 (I020/041, I020/042, I020/202, I020/070,
 * I020/090, I020/105, I020/110, I020/161, I020/220, I020/245, I020/500 SDP).
 */
import type { MlatReport } from "../../types/index.js";
import type { AsterixRecord } from "./decode.js";
import { callsign, field, num, obj, octal, value, validLatLon } from "./fields.js";
import { DEG, FL, FT } from "./units.js";

/** Items of one category used by the conversion. */
interface MlatItems {
  category: 10 | 20;
  mode3A: string;
  trackNumber: [string, string];
  height: string;
}

const ITEMS: Record<10 | 20, MlatItems> = {
  10: { category: 10, mode3A: "060", trackNumber: ["161", "TRK"], height: "091" },
  20: { category: 20, mode3A: "070", trackNumber: ["161", "TRN"], height: "105" },
};

/** Converts a decoded CAT010 or CAT020 record; undefined when it carries no position. */
export function mlatToReport(rec: AsterixRecord, sensorId: string, time: number): MlatReport | undefined {
  const it = ITEMS[rec.category as 10 | 20];
  if (!it) return undefined;
  const lat = field(rec, "041", "LAT");
  const lon = field(rec, "041", "LON");
  const x = field(rec, "042", "X");
  const y = field(rec, "042", "Y");
  if ((lat === undefined || lon === undefined) && (x === undefined || y === undefined)) return undefined;
  const r: MlatReport = { kind: "mlat", sensorId, time, category: it.category };
  const fl = field(rec, "090", "FL");
  if (fl !== undefined) r.pressureAltitude = fl * FL;
  const h = value(rec, it.height);
  if (h !== undefined) r.geometricHeight = h * FT;
  if (lat !== undefined && lon !== undefined && validLatLon(lat, lon)) r.position = { lat: lat * DEG, lon: lon * DEG, height: r.geometricHeight ?? NaN };
  if (x !== undefined && y !== undefined) r.cartesian = { x, y };
  const vx = field(rec, "202", "VX");
  const vy = field(rec, "202", "VY");
  if (vx !== undefined && vy !== undefined) r.velocity = { east: vx, north: vy, up: 0 };
  // I010/500 DEVX/DEVY; I020/500 SDP X/Y: standard deviations of the position.
  const sdp = it.category === 10 ? obj(rec.items["500"]) : obj(obj(rec.items["500"])?.SDP);
  const sx = num(sdp, it.category === 10 ? "DEVX" : "X");
  const sy = num(sdp, it.category === 10 ? "DEVY" : "Y");
  if (sx !== undefined && sy !== undefined) r.positionSigma = { x: sx, y: sy };
  const addr = value(rec, "220");
  if (addr !== undefined) r.icaoAddress = addr;
  const code = octal(rec, it.mode3A, "MODE3A");
  if (code !== undefined) r.mode3A = code;
  const cs = callsign(rec, "245", "CHR");
  if (cs !== undefined) r.callsign = cs;
  const trn = field(rec, ...it.trackNumber);
  if (trn !== undefined) r.sensorTrackNumber = trn;
  if (field(rec, "020", "GBS") === 1) r.onGround = true;
  return r;
}
