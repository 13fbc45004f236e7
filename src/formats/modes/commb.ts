/**
 * Comm-B registers (the 56-bit MB field of DF20/21 replies, "BDS" registers), ICAO Doc 9871
 * Appendix A, Tables A-2-16 (1,0), A-2-23 (1,7), A-2-32 (2,0), A-2-33 (2,1), A-2-48 (3,0),
 * A-2-64 (4,0), A-2-68 (4,4), A-2-69 (4,5), A-2-80 (5,0), A-2-96 (6,0).
 *
 * A Comm-B reply does not say which register it carries (the interrogator knows; a passive
 * receiver does not), so every decoder here comes with a validity check: status bits that
 * say "no data" must come with all-zero values, reserved bits must be zero and values must
 * lie in a physical range. `commb_infer.ts` runs the checks to infer the register.
 *
 * Register numbers are written as one byte, BDS1 << 4 | BDS2 (0x40 for BDS 4,0), as in
 * `types.CommB`. MB bit k is bit k of the 7 bytes at `off` (1 = most significant).
 * Quantities keep the unit of the register; field names say it (`…Ft`, `…Kt`, `…Deg`).
 */
import { bits } from "./bits.js";
import { AIS_CHARSET, decodeCharacters } from "./adsb.js";

/** The registers this module decodes. */
export const COMMB_REGISTERS = [0x10, 0x17, 0x20, 0x21, 0x30, 0x40, 0x44, 0x45, 0x50, 0x60] as const;

/** Register number as Doc 9871 writes it: 0x40 → "4,0". */
export function bdsLabel(bds: number): string {
  return `${(bds >> 4).toString(16).toUpperCase()},${(bds & 15).toString(16).toUpperCase()}`;
}

/** Registers whose GICB capability bits fill BDS 1,7 bits 1–24 (Doc 9871 Table A-2-23). */
export const BDS17_ORDER = [
  0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x20, 0x21, 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x48, 0x50, 0x51, 0x52, 0x53, 0x54,
  0x55, 0x56, 0x5f, 0x60,
] as const;

/** Decoded content of one register; only the fields of that register are present, absent data are omitted. */
export interface CommBRecord {
  /** Register number (0x40 for BDS 4,0). */
  bds: number;
  [field: string]: number | boolean | string | number[] | undefined;
}

const mb = bits;

/** Two's-complement value of a sign bit followed by `n` magnitude bits at MB bit `signBit`. */
function signed(buf: Uint8Array, off: number, signBit: number, n: number): number {
  const v = mb(buf, off, signBit + 1, n);
  return mb(buf, off, signBit, 1) ? v - (1 << n) : v;
}

/** True when the `n` bits at `first` are all zero. */
function zero(buf: Uint8Array, off: number, first: number, n: number): boolean {
  for (let k = 0; k < n; k += 24) if (mb(buf, off, first + k, Math.min(24, n - k)) !== 0) return false;
  return true;
}

/** True when a status bit at `status` is consistent with its `n`-bit value after it (status 0 ⇒ value 0). */
function statusOk(buf: Uint8Array, off: number, status: number, n: number): boolean {
  return mb(buf, off, status, 1) === 1 || zero(buf, off, status + 1, n);
}

/** True when all 8 characters from MB bit `first` are letters, digits or spaces (no invalid code). */
function validChars(buf: Uint8Array, off: number, first: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (AIS_CHARSET[mb(buf, off, first + 6 * i, 6)] === "#") return false;
  return true;
}

/**
 * Hard validity check of an MB field as register `bds` (see module doc). Does not score
 * plausibility (see `commb_infer.ts`). An all-zero MB is valid as no register.
 */
export function isValidBds(buf: Uint8Array, off: number, bds: number): boolean {
  if (zero(buf, off, 1, 56)) return false;
  switch (bds) {
    case 0x10:
      return buf[off] === 0x10 && zero(buf, off, 10, 5);
    case 0x17:
      return zero(buf, off, 25, 32) && mb(buf, off, 7, 1) === 1;
    case 0x20: {
      if (buf[off] !== 0x20 || !validChars(buf, off, 9, 8)) return false;
      const cs = decodeCharacters(buf, off, 9);
      return cs.length > 0 && !cs.startsWith(" ") && !/ \S/.test(cs);
    }
    case 0x21: {
      if (!statusOk(buf, off, 1, 42) || !statusOk(buf, off, 44, 12)) return false;
      if (mb(buf, off, 1, 1) === 0 && mb(buf, off, 44, 1) === 0) return false;
      if (mb(buf, off, 1, 1) === 1 && !validChars(buf, off, 2, 7)) return false;
      if (mb(buf, off, 44, 1) === 1 && !validChars(buf, off, 45, 2)) return false;
      const reg = decodeCharacters(buf, off, 2, 7);
      return mb(buf, off, 1, 1) === 0 || (reg.length >= 3 && !/ /.test(reg) && /^[A-Z]/.test(reg));
    }
    case 0x30: {
      if (buf[off] !== 0x30) return false;
      const tti = mb(buf, off, 29, 2);
      if (tti === 3) return false;
      return tti !== 0 || zero(buf, off, 31, 26);
    }
    case 0x40: {
      if (!statusOk(buf, off, 1, 12) || !statusOk(buf, off, 14, 12) || !statusOk(buf, off, 27, 12)) return false;
      if (!zero(buf, off, 40, 8) || !zero(buf, off, 52, 2)) return false;
      if (!statusOk(buf, off, 48, 3) || !statusOk(buf, off, 54, 2)) return false;
      if (mb(buf, off, 1, 1) === 0 && mb(buf, off, 14, 1) === 0 && mb(buf, off, 27, 1) === 0) return false;
      const r = decodeBds40(buf, off);
      const alts = [r.selectedAltitudeMcpFt, r.selectedAltitudeFmsFt].filter((v) => typeof v === "number") as number[];
      if (alts.some((a) => a > 50000)) return false;
      const qnh = r.baroPressureSettingHpa as number | undefined;
      return qnh === undefined || (qnh > 850 && qnh < 1100);
    }
    case 0x44: {
      const fom = mb(buf, off, 1, 4);
      if (fom > 4 || !statusOk(buf, off, 5, 18) || !statusOk(buf, off, 35, 11) || !statusOk(buf, off, 47, 2) || !statusOk(buf, off, 50, 6)) return false;
      const r = decodeBds44(buf, off);
      if (r.windSpeedKt === undefined) return false;
      if ((r.windSpeedKt as number) > 250) return false;
      const t = r.staticAirTemperatureC as number;
      if (!(t >= -80 && t <= 60)) return false;
      if (r.staticPressureHpa !== undefined && (r.staticPressureHpa as number) > 1100) return false;
      return r.humidityPct === undefined || (r.humidityPct as number) <= 100;
    }
    case 0x45: {
      for (const s of [1, 4, 7, 10, 13]) if (!statusOk(buf, off, s, 2)) return false;
      if (!statusOk(buf, off, 16, 10) || !statusOk(buf, off, 27, 11) || !statusOk(buf, off, 39, 12) || !zero(buf, off, 52, 5)) return false;
      const r = decodeBds45(buf, off);
      const t = r.staticAirTemperatureC as number | undefined;
      if (t !== undefined && !(t >= -80 && t <= 60)) return false;
      if (r.staticPressureHpa !== undefined && (r.staticPressureHpa as number) > 1100) return false;
      return r.radioHeightFt === undefined || (r.radioHeightFt as number) <= 5000;
    }
    case 0x50: {
      if (!statusOk(buf, off, 1, 10) || !statusOk(buf, off, 12, 11) || !statusOk(buf, off, 24, 10) || !statusOk(buf, off, 35, 10) || !statusOk(buf, off, 46, 10)) return false;
      const r = decodeBds50(buf, off);
      if (r.rollDeg !== undefined && Math.abs(r.rollDeg as number) > 50) return false;
      const gs = r.groundSpeedKt as number | undefined;
      const tas = r.trueAirspeedKt as number | undefined;
      if ((gs !== undefined && gs > 700) || (tas !== undefined && tas > 700)) return false;
      if (gs !== undefined && tas !== undefined && Math.abs(gs - tas) > 200) return false;
      if (r.trackRateDegS !== undefined && Math.abs(r.trackRateDegS as number) > 10) return false;
      return gs !== undefined || tas !== undefined || r.trueTrackDeg !== undefined;
    }
    case 0x60: {
      if (!statusOk(buf, off, 1, 11) || !statusOk(buf, off, 13, 10) || !statusOk(buf, off, 24, 10) || !statusOk(buf, off, 35, 10) || !statusOk(buf, off, 46, 10)) return false;
      const r = decodeBds60(buf, off);
      const ias = r.indicatedAirspeedKt as number | undefined;
      const mach = r.mach as number | undefined;
      if ((ias !== undefined && (ias > 500 || ias === 0)) || (mach !== undefined && (mach > 1 || mach === 0))) return false;
      if (ias !== undefined && mach !== undefined && !(ias / mach > 250 && ias / mach < 700)) return false;
      for (const k of ["baroVerticalRateFpm", "inertialVerticalRateFpm"]) {
        const v = r[k] as number | undefined;
        if (v !== undefined && Math.abs(v) > 6000) return false;
      }
      return ias !== undefined || mach !== undefined;
    }
    default:
      return false;
  }
}

/** BDS 1,0 data link capability (Doc 9871 Table A-2-16). */
export function decodeBds10(buf: Uint8Array, off: number): CommBRecord {
  const f = (k: number): boolean => mb(buf, off, k, 1) === 1;
  return {
    bds: 0x10,
    continuation: f(9),
    overlayCommandCapability: f(15),
    acasOperational: f(16),
    modeSSubnetworkVersion: mb(buf, off, 17, 7),
    transponderLevel5: f(24),
    modeSSpecificServices: f(25),
    uplinkElmThroughput: mb(buf, off, 26, 3),
    downlinkElmThroughput: mb(buf, off, 29, 4),
    aircraftIdentificationCapability: f(33),
    squitterCapability: f(34),
    surveillanceIdentifierCode: f(35),
    commonUsageGicbCapability: f(36),
    acasHybridSurveillance: f(37),
    acasResolutionAdvisory: f(38),
    acasRtcaVersion: mb(buf, off, 39, 2),
    dteStatus: mb(buf, off, 41, 16),
  };
}

/** BDS 1,7 common usage GICB capability report: the registers flagged as supported. */
export function decodeBds17(buf: Uint8Array, off: number): CommBRecord {
  const supported: number[] = [];
  for (let i = 0; i < 24; i++) if (mb(buf, off, i + 1, 1)) supported.push(BDS17_ORDER[i]);
  return { bds: 0x17, supported };
}

/** BDS 2,0 aircraft identification. */
export function decodeBds20(buf: Uint8Array, off: number): CommBRecord {
  return { bds: 0x20, callsign: decodeCharacters(buf, off, 9) };
}

/** BDS 2,1 aircraft and airline registration markings. */
export function decodeBds21(buf: Uint8Array, off: number): CommBRecord {
  const r: CommBRecord = { bds: 0x21 };
  if (mb(buf, off, 1, 1)) r.aircraftRegistration = decodeCharacters(buf, off, 2, 7);
  if (mb(buf, off, 44, 1)) r.airlineDesignator = decodeCharacters(buf, off, 45, 2);
  return r;
}

/** BDS 3,0 ACAS active resolution advisory. */
export function decodeBds30(buf: Uint8Array, off: number): CommBRecord {
  return {
    bds: 0x30,
    activeResolutionAdvisories: mb(buf, off, 9, 14),
    racRecord: mb(buf, off, 23, 4),
    raTerminated: mb(buf, off, 27, 1) === 1,
    multipleThreatEncounter: mb(buf, off, 28, 1) === 1,
    threatTypeIndicator: mb(buf, off, 29, 2),
    threatIdentity: mb(buf, off, 31, 26),
  };
}

/** BDS 4,0 selected vertical intention. */
export function decodeBds40(buf: Uint8Array, off: number): CommBRecord {
  const r: CommBRecord = { bds: 0x40 };
  if (mb(buf, off, 1, 1)) r.selectedAltitudeMcpFt = mb(buf, off, 2, 12) * 16;
  if (mb(buf, off, 14, 1)) r.selectedAltitudeFmsFt = mb(buf, off, 15, 12) * 16;
  if (mb(buf, off, 27, 1)) r.baroPressureSettingHpa = Math.round((800 + mb(buf, off, 28, 12) * 0.1) * 10) / 10;
  if (mb(buf, off, 48, 1)) {
    r.vnavMode = mb(buf, off, 49, 1) === 1;
    r.altitudeHoldMode = mb(buf, off, 50, 1) === 1;
    r.approachMode = mb(buf, off, 51, 1) === 1;
  }
  if (mb(buf, off, 54, 1)) r.targetAltitudeSource = mb(buf, off, 55, 2);
  return r;
}

/** BDS 4,4 meteorological routine air report. */
export function decodeBds44(buf: Uint8Array, off: number): CommBRecord {
  const r: CommBRecord = { bds: 0x44, figureOfMerit: mb(buf, off, 1, 4) };
  if (mb(buf, off, 5, 1)) {
    r.windSpeedKt = mb(buf, off, 6, 9);
    r.windDirectionDeg = (mb(buf, off, 15, 9) * 180) / 256;
  }
  r.staticAirTemperatureC = signed(buf, off, 24, 10) * 0.25;
  if (mb(buf, off, 35, 1)) r.staticPressureHpa = mb(buf, off, 36, 11);
  if (mb(buf, off, 47, 1)) r.turbulence = mb(buf, off, 48, 2);
  if (mb(buf, off, 50, 1)) r.humidityPct = (mb(buf, off, 51, 6) * 100) / 64;
  return r;
}

/** BDS 4,5 meteorological hazard report (hazard levels 0–3: nil, light, moderate, severe). */
export function decodeBds45(buf: Uint8Array, off: number): CommBRecord {
  const r: CommBRecord = { bds: 0x45 };
  const names = ["turbulence", "windShear", "microburst", "icing", "wakeVortex"];
  names.forEach((name, i) => {
    if (mb(buf, off, 1 + 3 * i, 1)) r[name] = mb(buf, off, 2 + 3 * i, 2);
  });
  if (mb(buf, off, 16, 1)) r.staticAirTemperatureC = signed(buf, off, 17, 9) * 0.25;
  if (mb(buf, off, 27, 1)) r.staticPressureHpa = mb(buf, off, 28, 11);
  if (mb(buf, off, 39, 1)) r.radioHeightFt = mb(buf, off, 40, 12) * 16;
  return r;
}

/** BDS 5,0 track and turn report. */
export function decodeBds50(buf: Uint8Array, off: number): CommBRecord {
  const r: CommBRecord = { bds: 0x50 };
  if (mb(buf, off, 1, 1)) r.rollDeg = (signed(buf, off, 2, 9) * 45) / 256;
  if (mb(buf, off, 12, 1)) {
    let trk = (signed(buf, off, 13, 10) * 90) / 512;
    if (trk < 0) trk += 360;
    r.trueTrackDeg = trk;
  }
  if (mb(buf, off, 24, 1)) r.groundSpeedKt = mb(buf, off, 25, 10) * 2;
  if (mb(buf, off, 35, 1)) r.trackRateDegS = (signed(buf, off, 36, 9) * 8) / 256;
  if (mb(buf, off, 46, 1)) r.trueAirspeedKt = mb(buf, off, 47, 10) * 2;
  return r;
}

/** BDS 6,0 heading and speed report. */
export function decodeBds60(buf: Uint8Array, off: number): CommBRecord {
  const r: CommBRecord = { bds: 0x60 };
  if (mb(buf, off, 1, 1)) {
    let hdg = (signed(buf, off, 2, 10) * 90) / 512;
    if (hdg < 0) hdg += 360;
    r.magneticHeadingDeg = hdg;
  }
  if (mb(buf, off, 13, 1)) r.indicatedAirspeedKt = mb(buf, off, 14, 10);
  if (mb(buf, off, 24, 1)) r.mach = (mb(buf, off, 25, 10) * 2.048) / 512;
  if (mb(buf, off, 35, 1)) r.baroVerticalRateFpm = signed(buf, off, 36, 9) * 32;
  if (mb(buf, off, 46, 1)) r.inertialVerticalRateFpm = signed(buf, off, 47, 9) * 32;
  return r;
}

const DECODERS: Record<number, (buf: Uint8Array, off: number) => CommBRecord> = {
  0x10: decodeBds10, 0x17: decodeBds17, 0x20: decodeBds20, 0x21: decodeBds21, 0x30: decodeBds30,
  0x40: decodeBds40, 0x44: decodeBds44, 0x45: decodeBds45, 0x50: decodeBds50, 0x60: decodeBds60,
};

/**
 * Decodes the 7-byte MB field at `off` as register `bds` (no validity check: see
 * {@link isValidBds}). Returns undefined for a register this module does not know.
 */
export function decodeBds(buf: Uint8Array, off: number, bds: number): CommBRecord | undefined {
  const d = DECODERS[bds];
  return d ? d(buf, off) : undefined;
}
