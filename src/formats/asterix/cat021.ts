/**
 * CAT021 (ADS-B target reports) → `AdsbReport`, for the editions 0.23–0.26 and 2.1–2.7.
 *
 * Source: EUROCONTROL ASTERIX Part 12, Category 021 ed. 2.6: I021/080 target address,
 * I021/130 and I021/131 position (WGS-84), I021/140 geometric height, I021/145 flight level,
 * I021/160 airborne ground vector, I021/155 barometric and I021/157 geometric vertical rate,
 * I021/170 target identification, I021/070 Mode 3/A, I021/090 quality indicators (NUCp/NIC,
 * NACp, SIL), I021/210 MOPS version, I021/040 target report descriptor (GBS ground bit),
 * I021/020 emitter category, I021/200 target status (emergency). Ed. 0.23: I021/090 figure of
 * merit (PA taken as NUCp). Position quality → standard deviation as `formats/modes/quality.ts`.
 */
import type { AdsbReport } from "../../types/index.js";
import { sigmaFromNacp, sigmaFromNucp } from "../modes/quality.js";
import type { AsterixRecord } from "./decode.js";
import { callsign, field, octal, value } from "./fields.js";
import { DEG, FL, FT, NM } from "./units.js";

/** Feet per minute → m/s. */
const FPM = FT / 60;

/** I021/200 PS (priority status) → emergency (CAT021 ed. 2.6, I021/200). */
const EMERGENCY = ["none", "general", "medical", "minimumFuel", "noComms", "unlawful", "downed"];

/** I021/020 emitter category codes (CAT021 ed. 2.6) as ICAO Doc 9871 set/category labels. */
const EMITTER: Record<number, string> = {
  0: "A0", 1: "A1", 2: "A2", 3: "A3", 4: "A4", 5: "A5", 6: "A7", 10: "B1", 11: "B4", 12: "B3", 13: "B6", 14: "B7",
  15: "B2", 16: "C1", 17: "C2", 20: "C3", 21: "C4", 22: "C5",
};

/** Converts a decoded CAT021 record; undefined when it has no target address. */
export function cat021ToAdsb(rec: AsterixRecord, sensorId: string, time: number): AdsbReport | undefined {
  const address = value(rec, "080");
  if (address === undefined) return undefined;
  const r: AdsbReport = { kind: "adsb", sensorId, time, category: 21, icaoAddress: address };
  const fl = value(rec, "145");
  if (fl !== undefined) r.pressureAltitude = fl * FL;
  const gh = value(rec, "140");
  if (gh !== undefined) r.geometricHeight = gh * FT;
  const lat = field(rec, "131", "LAT") ?? field(rec, "130", "LAT");
  const lon = field(rec, "131", "LON") ?? field(rec, "130", "LON");
  if (lat !== undefined && lon !== undefined) {
    const baro = r.pressureAltitude !== undefined;
    r.position = { lat: lat * DEG, lon: lon * DEG, height: baro ? r.pressureAltitude! : r.geometricHeight ?? NaN };
    if (baro) r.heightType = "barometric";
    else if (r.geometricHeight !== undefined) r.heightType = "geometric";
  }
  const gs = field(rec, "160", "GS");
  const ta = field(rec, "160", "TA");
  if (gs !== undefined && ta !== undefined) {
    const vr = field(rec, "157", "GVR") ?? value(rec, "157") ?? field(rec, "155", "BVR") ?? value(rec, "155") ?? 0;
    r.velocity = { east: gs * NM * Math.sin(ta * DEG), north: gs * NM * Math.cos(ta * DEG), up: vr * FPM };
  }
  const cs = callsign(rec, "170", "VALUE");
  if (cs !== undefined) r.callsign = cs;
  const code = octal(rec, "070", "MODE3A");
  if (code !== undefined) r.mode3A = code;
  const version = field(rec, "210", "VN");
  if (version !== undefined) r.version = version;
  const nacp = field(rec, "090", "NACP");
  const nucpNic = field(rec, "090", "NUCPNIC");
  const pa = field(rec, "090", "PA");
  if (nacp !== undefined) r.nacp = nacp;
  const sil = field(rec, "090", "SIL");
  if (sil !== undefined) r.sil = sil;
  if (version !== undefined && version >= 1 && nucpNic !== undefined) r.nic = nucpNic;
  const sigma =
    version !== undefined && version >= 1 && nacp !== undefined ? sigmaFromNacp(nacp)
      : nucpNic !== undefined ? sigmaFromNucp(nucpNic)
        : pa !== undefined ? sigmaFromNucp(pa) : NaN;
  if (Number.isFinite(sigma)) r.positionSigma = sigma;
  if (field(rec, "040", "GBS") === 1) r.onGround = true;
  const ecat = value(rec, "020");
  if (ecat !== undefined && EMITTER[ecat]) r.emitterCategory = EMITTER[ecat];
  const ps = field(rec, "200", "PS");
  if (ps !== undefined && EMERGENCY[ps]) r.emergency = EMERGENCY[ps];
  return r;
}
