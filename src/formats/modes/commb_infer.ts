/**
 * Which register does a Comm-B reply carry? A passive receiver does not see the interrogation,
 * so the register is inferred from the content (the approach of Sun, "The 1090 MHz Riddle",
 * ch. "Mode S inference", and pyModeS `bds.infer`), with a plausibility score, and — when an
 * ADS-B state of the same aircraft is known — by agreement with it.
 *
 * Rule: a reply is attributed to a register only when exactly one register passes the hard
 * checks (`isValidBds`), or when an ADS-B reference singles one out clearly. Otherwise the
 * reply stays ambiguous: every candidate is returned, none is chosen. An all-zero MB is no
 * register at all.
 */
import { COMMB_REGISTERS, decodeBds, isValidBds, type CommBRecord } from "./commb.js";

/** An ADS-B state of the same aircraft to test Comm-B candidates against. */
export interface CommBReference {
  /** Ground speed, kt. */
  groundSpeedKt?: number;
  /** Ground track, degrees. */
  trackDeg?: number;
  /** Pressure altitude, ft. */
  altitudeFt?: number;
}

/** Result of inference. */
export interface CommBInference {
  /** Registers passing the hard checks, in ascending register order. */
  candidates: number[];
  /** Plausibility score of each candidate (0–1, same order): see {@link plausibility}. */
  scores: number[];
  /** The register, when the inference is unambiguous; undefined otherwise. */
  bds?: number;
  /** The decoded content as `bds`, when chosen. */
  record?: CommBRecord;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Smallest difference between two angles, degrees (0–180). */
function angleDiff(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 540) % 360 - 180);
  return d;
}

/** True airspeed (kt) of an indicated airspeed or Mach number at a pressure altitude (ISA troposphere/stratosphere). */
function tasFrom(ias: number | undefined, mach: number | undefined, altFt: number): number | undefined {
  const h = altFt * 0.3048;
  const t = h < 11000 ? 288.15 - 0.0065 * h : 216.65;
  const a = 38.967854 * Math.sqrt(t); // speed of sound, kt
  if (mach !== undefined) return mach * a;
  if (ias === undefined) return undefined;
  const p = h < 11000 ? 101325 * (t / 288.15) ** 5.25588 : 22632 * Math.exp(-(h - 11000) / 6341.62);
  const rho = p / (287.05287 * t);
  return ias * Math.sqrt(1.225 / rho); // EAS ≈ IAS approximation
}

/**
 * Plausibility of a decoded record in (0, 1]: 1 for values typical of transport aircraft,
 * less for unusual ones (e.g. BDS 5,0 ground speed far from true airspeed, BDS 6,0 IAS/Mach
 * ratio at an odd altitude, BDS 4,0 selected altitude not a multiple of 100 ft) and fewer
 * fields present (each missing status-flagged field lowers it).
 */
export function plausibility(r: CommBRecord): number {
  const present = (keys: string[]): number => keys.filter((k) => r[k] !== undefined).length / keys.length;
  switch (r.bds) {
    case 0x50: {
      let s = 0.5 + 0.5 * present(["rollDeg", "trueTrackDeg", "groundSpeedKt", "trackRateDegS", "trueAirspeedKt"]);
      const gs = r.groundSpeedKt as number | undefined;
      const tas = r.trueAirspeedKt as number | undefined;
      if (gs !== undefined && tas !== undefined) s *= 1 - clamp01(Math.abs(gs - tas) / 250);
      return s;
    }
    case 0x60: {
      let s = 0.5 + 0.5 * present(["magneticHeadingDeg", "indicatedAirspeedKt", "mach", "baroVerticalRateFpm", "inertialVerticalRateFpm"]);
      const b = r.baroVerticalRateFpm as number | undefined;
      const i = r.inertialVerticalRateFpm as number | undefined;
      if (b !== undefined && i !== undefined) s *= 1 - clamp01(Math.abs(b - i) / 3000);
      return s;
    }
    case 0x40: {
      const alts = [r.selectedAltitudeMcpFt, r.selectedAltitudeFmsFt].filter((v) => typeof v === "number") as number[];
      const round = alts.length === 0 ? 0.5 : alts.filter((a) => a % 100 === 0 || a % 100 === 96 || a % 100 === 4 || a % 500 < 32).length / alts.length;
      return 0.5 + 0.25 * round + 0.25 * present(["selectedAltitudeMcpFt", "selectedAltitudeFmsFt", "baroPressureSettingHpa"]);
    }
    case 0x44:
      return 0.5 + 0.5 * present(["windSpeedKt", "staticPressureHpa", "humidityPct"]);
    case 0x45:
      return 0.4 + 0.6 * present(["turbulence", "windShear", "microburst", "icing", "wakeVortex", "staticAirTemperatureC"]);
    default:
      return 1;
  }
}

/**
 * How well a candidate agrees with an ADS-B reference: a normalised distance (0 = perfect,
 * > 1 = inconsistent), or undefined when the register cannot be compared.
 */
function referenceDistance(r: CommBRecord, ref: CommBReference): number | undefined {
  if (r.bds === 0x50) {
    const parts: number[] = [];
    if (ref.groundSpeedKt !== undefined && r.groundSpeedKt !== undefined) parts.push(Math.abs((r.groundSpeedKt as number) - ref.groundSpeedKt) / 40);
    if (ref.trackDeg !== undefined && r.trueTrackDeg !== undefined) parts.push(angleDiff(r.trueTrackDeg as number, ref.trackDeg) / 15);
    return parts.length ? Math.max(...parts) : undefined;
  }
  if (r.bds === 0x60) {
    const parts: number[] = [];
    if (ref.trackDeg !== undefined && r.magneticHeadingDeg !== undefined) parts.push(angleDiff(r.magneticHeadingDeg as number, ref.trackDeg) / 30);
    if (ref.groundSpeedKt !== undefined && ref.altitudeFt !== undefined) {
      const tas = tasFrom(r.indicatedAirspeedKt as number | undefined, r.mach as number | undefined, ref.altitudeFt);
      if (tas !== undefined) parts.push(Math.abs(tas - ref.groundSpeedKt) / 100);
    }
    return parts.length ? Math.max(...parts) : undefined;
  }
  return undefined;
}

/**
 * Infers the register of the 7-byte MB field at `off` (see module doc).
 * @param ref optional ADS-B state of the same aircraft, used only to separate candidates.
 */
export function inferBds(buf: Uint8Array, off: number, ref?: CommBReference): CommBInference {
  const candidates: number[] = [];
  const records: CommBRecord[] = [];
  for (const bds of COMMB_REGISTERS) {
    if (!isValidBds(buf, off, bds)) continue;
    candidates.push(bds);
    records.push(decodeBds(buf, off, bds) as CommBRecord);
  }
  const scores = records.map(plausibility);
  const out: CommBInference = { candidates, scores };
  if (candidates.length === 1) {
    out.bds = candidates[0];
    out.record = records[0];
  } else if (candidates.length > 1 && ref) {
    // Chosen only when one candidate agrees with the reference and every other disagrees.
    const d = records.map((r) => referenceDistance(r, ref));
    const agreeing = d.map((x, i) => (x !== undefined && x <= 1 ? i : -1)).filter((i) => i >= 0);
    if (agreeing.length === 1 && d.every((x, i) => i === agreeing[0] || (x !== undefined && x > 1))) {
      out.bds = candidates[agreeing[0]];
      out.record = records[agreeing[0]];
    }
  }
  return out;
}
