/**
 * Compact Position Reporting (CPR) decoding: ICAO Doc 9871 Appendix C §C.2.6 and RTCA DO-260B
 * §A.1.7 ("CPR encoding and decoding"). 17-bit encoding, NZ = 15 latitude zones per quadrant.
 *
 * - Global (globally unambiguous) decoding from an even (F = 0) and an odd (F = 1) message
 *   (DO-260B §A.1.7.7 airborne, §A.1.7.8 surface). The position is that of the newer message.
 *   Reasonableness checks done here: both latitudes must fall in the same longitude-zone
 *   count (NL) — else the aircraft crossed a zone boundary between the two messages and the
 *   pair is rejected — and |latitude| ≤ 90°. The pairing window (10 s airborne, 25 s surface at
 *   low speed, DO-260B §A.1.7.7 note) and the range/speed checks against a reference belong to
 *   the caller (`aircraft_state.ts`).
 * - Local (locally unambiguous) decoding of one message against a reference position within
 *   half a zone (DO-260B §A.1.7.5/§A.1.7.6: within 180 NM airborne, 45 NM surface).
 * - Surface messages cover 90° per encoding cycle: global decoding yields four candidate
 *   longitudes and two latitudes (north/south); the one nearest a reference (receiver or
 *   airport) is chosen.
 *
 * Angles are in degrees here (the natural unit of the algorithm); reports convert to radians.
 */

/** Number of latitude zones between the equator and a pole (Doc 9871 §C.2.6.2). */
export const NZ = 15;
const SCALE = 131072; // 2^17

/** Transition latitudes: NL(lat) = n for TRANSITION[n+1] ≤ |lat| < TRANSITION[n] (n = 2…59). */
const TRANSITION: Float64Array = (() => {
  const t = new Float64Array(61);
  const a = 1 - Math.cos(Math.PI / (2 * NZ));
  for (let n = 2; n <= 59; n++) t[n] = (Math.acos(Math.sqrt(a / (1 - Math.cos((2 * Math.PI) / n)))) * 180) / Math.PI;
  t[60] = 0;
  return t;
})();

/**
 * NL(lat): the number of longitude zones at a latitude, 1…59 (Doc 9871 §C.2.6.2,
 * NL = ⌊2π / acos(1 − (1 − cos(π/2NZ)) / cos²(lat))⌋), from a table of transition latitudes.
 * NL(±87°) = 2, NL beyond ±87° = 1, NL(0) = 59.
 */
export function cprNL(latDeg: number): number {
  const a = Math.abs(latDeg);
  if (a > 87) return 1;
  if (a === 87) return 2;
  let n = 59;
  while (n > 2 && a >= TRANSITION[n]) n--;
  return n;
}

/** Floor-based modulo (result in [0, b) for b > 0). */
function mod(a: number, b: number): number {
  const r = a - b * Math.floor(a / b);
  return r;
}

/** A decoded CPR position with the intermediate quantities of the algorithm (for checks and tests). */
export interface CprSolution {
  /** Latitude, degrees. */
  latDeg: number;
  /** Longitude, degrees in [-180, 180). */
  lonDeg: number;
  /** Latitude zone index j. */
  j: number;
  /** Longitude zone index m. */
  m: number;
  /** NL of the decoded latitude. */
  nl: number;
  /** Latitudes of the even and odd messages (global decoding only; NaN for local). */
  latEvenDeg: number;
  latOddDeg: number;
}

/**
 * Global airborne decoding from an even/odd pair (DO-260B §A.1.7.7).
 * @param latE,lonE even message's 17-bit CPR latitude/longitude.
 * @param latO,lonO odd message's.
 * @param oddNewer true when the odd message is the more recent (its position is returned).
 * @returns undefined when the pair fails the zone check (NL differs) or gives |lat| > 90°.
 */
export function cprGlobalAirborne(latE: number, lonE: number, latO: number, lonO: number, oddNewer: boolean): CprSolution | undefined {
  return globalDecode(latE, lonE, latO, lonO, oddNewer, 360);
}

/**
 * Global surface decoding from an even/odd pair (DO-260B §A.1.7.8): of the two latitudes
 * (north, south) and four longitudes the one nearest the reference is returned.
 * @param refLatDeg,refLonDeg a reference within 45 NM (receiver site or airport), degrees.
 */
export function cprGlobalSurface(
  latE: number, lonE: number, latO: number, lonO: number, oddNewer: boolean, refLatDeg: number, refLonDeg: number,
): CprSolution | undefined {
  return globalDecode(latE, lonE, latO, lonO, oddNewer, 90, refLatDeg, refLonDeg);
}

function globalDecode(
  latE: number, lonE: number, latO: number, lonO: number, oddNewer: boolean, span: number, refLat = 0, refLon = 0,
): CprSolution | undefined {
  const dLat0 = span / 60;
  const dLat1 = span / 59;
  const yz0 = latE / SCALE;
  const yz1 = latO / SCALE;
  const j = Math.floor(59 * yz0 - 60 * yz1 + 0.5);
  let rlat0 = dLat0 * (mod(j, 60) + yz0);
  let rlat1 = dLat1 * (mod(j, 59) + yz1);
  if (span === 360) {
    if (rlat0 >= 270) rlat0 -= 360;
    if (rlat1 >= 270) rlat1 -= 360;
  } else {
    // Surface: the encoding covers 0–90°; the southern solution is 90° below. Pick the
    // hemisphere nearer the reference.
    if (Math.abs(rlat0 - 90 - refLat) < Math.abs(rlat0 - refLat)) rlat0 -= 90;
    if (Math.abs(rlat1 - 90 - refLat) < Math.abs(rlat1 - refLat)) rlat1 -= 90;
  }
  if (Math.abs(rlat0) > 90 || Math.abs(rlat1) > 90) return undefined;
  const nl0 = cprNL(rlat0);
  if (nl0 !== cprNL(rlat1)) return undefined;
  const lat = oddNewer ? rlat1 : rlat0;
  const i = oddNewer ? 1 : 0;
  const nl = nl0;
  const ni = Math.max(nl - i, 1);
  const m = Math.floor((lonE * (nl - 1)) / SCALE - (lonO * nl) / SCALE + 0.5);
  const xz = (oddNewer ? lonO : lonE) / SCALE;
  let lon = (span / ni) * (mod(m, ni) + xz);
  if (span === 360) {
    if (lon >= 180) lon -= 360;
  } else {
    // Four candidates 90° apart: the nearest to the reference.
    let best = lon;
    let bestD = Infinity;
    for (let k = 0; k < 4; k++) {
      const c = mod(lon + 90 * k + 180, 360) - 180;
      const d = Math.abs(mod(c - refLon + 180, 360) - 180);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    lon = best;
  }
  return { latDeg: lat, lonDeg: lon, j, m, nl, latEvenDeg: rlat0, latOddDeg: rlat1 };
}

/**
 * Local decoding of one message against a reference position (DO-260B §A.1.7.5 airborne,
 * §A.1.7.6 surface). The result is exact only when the reference is within half a zone of the
 * true position (≈ 180 NM airborne, 45 NM surface); the caller checks the distance.
 * @param odd the message's CPR format (F bit).
 */
export function cprLocal(cprLat: number, cprLon: number, odd: boolean, surface: boolean, refLatDeg: number, refLonDeg: number): CprSolution {
  const span = surface ? 90 : 360;
  const i = odd ? 1 : 0;
  const dLat = span / (60 - i);
  const yz = cprLat / SCALE;
  const xz = cprLon / SCALE;
  const j = Math.floor(refLatDeg / dLat) + Math.floor(0.5 + mod(refLatDeg, dLat) / dLat - yz);
  const lat = dLat * (j + yz);
  const nl = cprNL(lat);
  const ni = Math.max(nl - i, 1);
  const dLon = span / ni;
  const m = Math.floor(refLonDeg / dLon) + Math.floor(0.5 + mod(refLonDeg, dLon) / dLon - xz);
  let lon = dLon * (m + xz);
  if (lon >= 180) lon -= 360;
  else if (lon < -180) lon += 360;
  return { latDeg: lat, lonDeg: lon, j, m, nl, latEvenDeg: NaN, latOddDeg: NaN };
}
