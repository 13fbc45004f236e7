/**
 * CAT021 (ADS-B target reports) ⇄ `AdsbReport`: decoding for the editions 0.23–0.26 and
 * 2.1–2.7, encoding in ed. 2.6.
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
import { parseSensorId } from "./cat048.js";
import type { AsterixRecord, ItemValue } from "./decode.js";
import { encodeDataBlock } from "./encode.js";
import { CAT021_2_6 } from "./specs/cat021_2_6.js";
import { callsign, field, octal, value, validLatLon } from "./fields.js";
import { timeOfDayOf } from "./time.js";
import { DEG, FL, FPM, FT, NM } from "./units.js";


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
  if (lat !== undefined && lon !== undefined && validLatLon(lat, lon)) {
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

/** The CAT021 emitter category code of a Doc 9871 label (inverse of `EMITTER`). */
const EMITTER_CODE = new Map(Object.entries(EMITTER).map(([code, label]) => [label, Number(code)]));

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

/**
 * The CAT021 record (ed. 2.6 value shapes) of an ADS-B report, as an ADS-B ground station sends
 * it: I021/010, 040, 073 (time of reception of position), 131 (high-resolution position), 080,
 * 145 (flight level), 140 (geometric height), 160 (ground vector), 157 (geometric vertical rate),
 * 170, 070, 090 (NACp, NIC, SIL), 210 (version), 020, 200. Inverse of `cat021ToAdsb`.
 */
export function adsbToCat021(a: AdsbReport): Record<string, ItemValue> {
  const { sac, sic } = parseSensorId(a.sensorId);
  const tod = timeOfDayOf(a.time);
  const items: Record<string, ItemValue> = {
    "010": { SAC: sac, SIC: sic },
    "040": { ATP: 0, ARC: 0, RC: 0, RAB: 0, DCR: 0, GBS: a.onGround ? 1 : 0, SIM: 0, TST: 0, SAA: 0, CL: 0 },
    "073": { VALUE: tod },
    "080": { VALUE: a.icaoAddress },
  };
  if (a.position) {
    items["131"] = {
      LAT: clamp(a.position.lat / DEG, -90, 90 - 180 / 2 ** 30),
      LON: ((a.position.lon / DEG + 540) % 360) - 180,
    };
  }
  if (a.pressureAltitude !== undefined) items["145"] = { VALUE: clamp(a.pressureAltitude / FL, -15, 1500) };
  if (a.geometricHeight !== undefined) items["140"] = { VALUE: clamp(a.geometricHeight / FT, -1500, 150000) };
  if (a.velocity) {
    const gs = Math.hypot(a.velocity.east, a.velocity.north) / NM;
    const ta = ((Math.atan2(a.velocity.east, a.velocity.north) / DEG) + 360) % 360;
    items["160"] = { RE: gs >= 2 ? 1 : 0, GS: Math.min(gs, 2 - 2 ** -14), TA: Math.round(ta / (360 / 65536)) >= 65536 ? 0 : ta };
    items["157"] = { RE: 0, GVR: clamp(a.velocity.up / FPM, -102400, 102393.75) };
  }
  if (a.callsign !== undefined && /^[A-Z0-9 ]{1,8}$/.test(a.callsign)) items["170"] = { VALUE: a.callsign.padEnd(8, " ") };
  if (a.mode3A !== undefined) items["070"] = { MODE3A: a.mode3A.toString(8).padStart(4, "0") };
  if (a.nacp !== undefined || a.nic !== undefined || a.sil !== undefined) {
    items["090"] = { NUCRNACV: 0, NUCPNIC: a.nic ?? 0, NICBARO: 0, SIL: a.sil ?? 0, NACP: a.nacp ?? 0 };
  }
  if (a.version !== undefined) items["210"] = { VNS: 0, VN: a.version, LTT: 2 };
  const ecat = a.emitterCategory !== undefined ? EMITTER_CODE.get(a.emitterCategory) : undefined;
  if (ecat !== undefined) items["020"] = { VALUE: ecat };
  const ps = a.emergency !== undefined ? EMERGENCY.indexOf(a.emergency) : -1;
  if (ps >= 0) items["200"] = { ICF: 0, LNAV: 0, ME: 0, PS: ps, SS: 0 };
  return items;
}

/**
 * One CAT021 data block (ed. 2.6) holding the reports (a simulated ADS-B ground station's output).
 * Throws EncodeError when a value does not fit, RangeError on a bad sensor id.
 */
export function encodeCat021Block(reports: AdsbReport[]): Uint8Array {
  return encodeDataBlock(CAT021_2_6, reports.map(adsbToCat021));
}
