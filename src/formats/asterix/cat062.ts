/**
 * CAT062 (SDPS system track data) → `TrackReport`.
 *
 * Source: EUROCONTROL ASTERIX Part 9, Category 062 ed. 1.19: I062/040 track number, I062/105
 * WGS-84 position, I062/100 Cartesian position, I062/185 velocity, I062/220 rate of climb,
 * I062/136 measured flight level, I062/130 geometric altitude, I062/060 Mode 3/A, I062/380
 * aircraft derived data (ADR address, ID identification), I062/245 target identification,
 * I062/080 track status (CST coasting, SIM, TSE end of track), I062/500 estimated accuracies.
 */
import type { TrackReport } from "../../types/index.js";
import type { AsterixRecord } from "./decode.js";
import { callsign, field, num, obj, octal, value } from "./fields.js";
import { DEG, FL, FT } from "./units.js";

/** Feet per minute → m/s. */
const FPM = FT / 60;

/** Converts a decoded CAT062 record; undefined without a track number. */
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
  if (lat !== undefined && lon !== undefined) {
    r.position = { lat: lat * DEG, lon: lon * DEG, height: r.pressureAltitude ?? r.geometricHeight ?? NaN };
  }
  const x = field(rec, "100", "X");
  const y = field(rec, "100", "Y");
  if (x !== undefined && y !== undefined) r.cartesian = { x, y };
  const vx = field(rec, "185", "VX");
  const vy = field(rec, "185", "VY");
  if (vx !== undefined && vy !== undefined) r.velocity = { east: vx, north: vy, up: (value(rec, "220") ?? 0) * FPM };
  const apc = obj(obj(rec.items["500"])?.APC);
  const sx = num(apc, "X");
  const sy = num(apc, "Y");
  if (sx !== undefined && sy !== undefined) r.positionSigma = { x: sx, y: sy };
  const code = octal(rec, "060", "MODE3A");
  if (code !== undefined) r.mode3A = code;
  const adr = obj(rec.items["380"]);
  const addr = num(obj(adr?.ADR), "VALUE");
  if (addr !== undefined) r.icaoAddress = addr;
  const cs = callsign(rec, "245", "CHR") ?? (typeof obj(adr?.ID)?.VALUE === "string" ? (obj(adr?.ID)!.VALUE as string).trimEnd() || undefined : undefined);
  if (cs !== undefined) r.callsign = cs;
  if (field(rec, "080", "CST") === 1) r.coasting = true;
  if (field(rec, "080", "SIM") === 1) r.simulated = true;
  if (field(rec, "080", "TSE") === 1) r.endOfTrack = true;
  return r;
}
