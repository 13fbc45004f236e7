/**
 * Reasonableness checks applied to each aircraft's messages before they are believed.
 * CRC-valid messages can still be false: FRUIT overlapping into a valid codeword, a CRC
 * collision on an address/parity reply, or a wrong even/odd pairing. DO-260B §A.1.7.9 asks for
 * "reasonableness tests" on decoded positions; ground systems apply the same idea to altitude
 * and velocity. Each check compares a new value with the last accepted one of the same
 * aircraft, allowing what a real aircraft can do in the elapsed time (limits below), plus a
 * quantisation margin. A rejected value is kept as a *candidate*: when the next value agrees
 * with the candidate rather than with the accepted state, the state was the outlier and is
 * replaced (so one bad first message cannot lock an aircraft out).
 */

/** Limits of the checks. */
export interface PlausibilityLimits {
  /** Largest horizontal speed, m/s (default 620 ≈ 1200 kt). */
  maxSpeed: number;
  /** Fixed margin on position jumps, metres (CPR quantisation, latency). */
  positionMargin: number;
  /** Largest vertical rate, ft/min (default 12 000). */
  maxVerticalRateFpm: number;
  /** Fixed margin on altitude jumps, ft (default 300). */
  altitudeMarginFt: number;
  /** Largest change of ground speed per second, kt/s (default 15), and fixed margin, kt (default 40). */
  maxAccelKtS: number;
  speedMarginKt: number;
  /** Largest turn rate, °/s (default 8), and fixed margin, degrees (default 30), above 50 kt. */
  maxTurnRateDegS: number;
  trackMarginDeg: number;
  /** Values older than this (s) are not compared against (default 60). */
  maxAge: number;
}

/** Defaults of {@link PlausibilityLimits}. */
export const DEFAULT_PLAUSIBILITY: PlausibilityLimits = Object.freeze({
  maxSpeed: 620,
  positionMargin: 2000,
  maxVerticalRateFpm: 12000,
  altitudeMarginFt: 300,
  maxAccelKtS: 15,
  speedMarginKt: 40,
  maxTurnRateDegS: 8,
  trackMarginDeg: 30,
  maxAge: 60,
});

const R_EARTH = 6371008.8;
const RAD = Math.PI / 180;

/** Great-circle distance between two points given in degrees, metres (spherical earth). */
export function distanceDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * RAD;
  const p2 = lat2 * RAD;
  const dp = p2 - p1;
  const dl = (lon2 - lon1) * RAD;
  const a = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * R_EARTH * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Smallest difference between two angles in degrees (0–180). */
export function angleDiffDeg(a: number, b: number): number {
  return Math.abs((((a - b) % 360) + 540) % 360 - 180);
}

/** Can an aircraft move from (lat1, lon1) to (lat2, lon2) in `dt` seconds? */
export function positionReachable(lat1: number, lon1: number, lat2: number, lon2: number, dt: number, l: PlausibilityLimits): boolean {
  return distanceDeg(lat1, lon1, lat2, lon2) <= l.maxSpeed * Math.abs(dt) + l.positionMargin;
}

/** Can an aircraft change altitude from a to b (ft) in `dt` seconds? */
export function altitudeReachable(a: number, b: number, dt: number, l: PlausibilityLimits): boolean {
  return Math.abs(a - b) <= (l.maxVerticalRateFpm / 60) * Math.abs(dt) + l.altitudeMarginFt;
}

/** Can an aircraft change ground velocity from (gs1, trk1) to (gs2, trk2) (kt, °) in `dt` seconds? */
export function velocityReachable(gs1: number, trk1: number, gs2: number, trk2: number, dt: number, l: PlausibilityLimits): boolean {
  if (Math.abs(gs1 - gs2) > l.maxAccelKtS * Math.abs(dt) + l.speedMarginKt) return false;
  if (gs1 > 50 && gs2 > 50 && Number.isFinite(trk1) && Number.isFinite(trk2)) {
    if (angleDiffDeg(trk1, trk2) > l.maxTurnRateDegS * Math.abs(dt) + l.trackMarginDeg) return false;
  }
  return true;
}
