/**
 * WGS-84 geodetic ⇄ ECEF ⇄ local ENU conversions.
 *
 * Source: NIMA TR8350.2 (WGS-84), §3 (defining parameters); geodetic from ECEF by
 * Bowring's closed form refined by one Newton step (J. Zhu, "Conversion of Earth-centered
 * Earth-fixed coordinates to geodetic coordinates", IEEE TAES 30(3), 1994), accurate to
 * well below a millimetre for heights from −10 km to 1000 km.
 */
import type { Ecef, Enu, Geodetic } from "./types.js";

/** WGS-84 semi-major axis, metres (NIMA TR8350.2, Table 3.1). */
export const WGS84_A = 6378137.0;
/** WGS-84 flattening (NIMA TR8350.2, Table 3.1). */
export const WGS84_F = 1 / 298.257223563;
/** WGS-84 semi-minor axis, metres. */
export const WGS84_B = WGS84_A * (1 - WGS84_F);
/** First eccentricity squared. */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** Second eccentricity squared. */
const EP2 = WGS84_E2 / (1 - WGS84_E2);

/** Degrees to radians. */
export const DEG = Math.PI / 180;

/** Radius of curvature in the prime vertical N(φ), metres. */
export function primeVerticalRadius(lat: number): number {
  const s = Math.sin(lat);
  return WGS84_A / Math.sqrt(1 - WGS84_E2 * s * s);
}

/** Meridional radius of curvature M(φ), metres. */
export function meridionalRadius(lat: number): number {
  const s = Math.sin(lat);
  const w = 1 - WGS84_E2 * s * s;
  return (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
}

/** Gaussian mean radius of curvature √(M·N) at a latitude, metres: the local sphere radius. */
export function gaussianRadius(lat: number): number {
  return Math.sqrt(meridionalRadius(lat) * primeVerticalRadius(lat));
}

/** Geodetic (rad, rad, m) → ECEF (m). */
export function geodeticToEcef(p: Geodetic): Ecef {
  const sLat = Math.sin(p.lat);
  const cLat = Math.cos(p.lat);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sLat * sLat);
  return {
    x: (n + p.height) * cLat * Math.cos(p.lon),
    y: (n + p.height) * cLat * Math.sin(p.lon),
    z: (n * (1 - WGS84_E2) + p.height) * sLat,
  };
}

/** ECEF (m) → geodetic (rad, rad, m). Bowring's formula plus one refinement. */
export function ecefToGeodetic(e: Ecef): Geodetic {
  const p = Math.hypot(e.x, e.y);
  const lon = Math.atan2(e.y, e.x);
  if (p < 1e-9) {
    const lat = e.z >= 0 ? Math.PI / 2 : -Math.PI / 2;
    return { lat, lon: 0, height: Math.abs(e.z) - WGS84_B };
  }
  const theta = Math.atan2(e.z * WGS84_A, p * WGS84_B);
  const st = Math.sin(theta);
  const ct = Math.cos(theta);
  let lat = Math.atan2(e.z + EP2 * WGS84_B * st * st * st, p - WGS84_E2 * WGS84_A * ct * ct * ct);
  // One Newton-style refinement of latitude through the height.
  for (let i = 0; i < 2; i++) {
    const n = primeVerticalRadius(lat);
    const h = p / Math.cos(lat) - n;
    lat = Math.atan2(e.z, p * (1 - (WGS84_E2 * n) / (n + h)));
  }
  const sLat = Math.sin(lat);
  const n = primeVerticalRadius(lat);
  const height =
    Math.abs(lat) < Math.PI / 4
      ? p / Math.cos(lat) - n
      : e.z / sLat - n * (1 - WGS84_E2);
  return { lat, lon, height };
}

/**
 * A local east-north-up tangent frame at an origin. Holds the rotation so that repeated
 * conversions cost a few multiplications.
 */
export interface EnuFrame {
  origin: Geodetic;
  originEcef: Ecef;
  /** Rotation rows: east, north, up unit vectors in ECEF. */
  r: Float64Array;
}

/** The rotation ECEF → local ENU at a point: rows east, north, up unit vectors in ECEF. */
export function enuRotation(at: Geodetic): Float64Array {
  const sLat = Math.sin(at.lat);
  const cLat = Math.cos(at.lat);
  const sLon = Math.sin(at.lon);
  const cLon = Math.cos(at.lon);
  return new Float64Array([
    -sLon, cLon, 0,
    -sLat * cLon, -sLat * sLon, cLat,
    cLat * cLon, cLat * sLon, sLat,
  ]);
}

/** Builds the ENU frame of an origin. */
export function enuFrame(origin: Geodetic): EnuFrame {
  return { origin, originEcef: geodeticToEcef(origin), r: enuRotation(origin) };
}

/** ECEF point → ENU coordinates in a frame, metres. */
export function ecefToEnu(e: Ecef, f: EnuFrame): Enu {
  const dx = e.x - f.originEcef.x;
  const dy = e.y - f.originEcef.y;
  const dz = e.z - f.originEcef.z;
  const r = f.r;
  return {
    east: r[0] * dx + r[1] * dy + r[2] * dz,
    north: r[3] * dx + r[4] * dy + r[5] * dz,
    up: r[6] * dx + r[7] * dy + r[8] * dz,
  };
}

/** ENU coordinates in a frame → ECEF point, metres. */
export function enuToEcef(v: Enu, f: EnuFrame): Ecef {
  const r = f.r;
  return {
    x: f.originEcef.x + r[0] * v.east + r[3] * v.north + r[6] * v.up,
    y: f.originEcef.y + r[1] * v.east + r[4] * v.north + r[7] * v.up,
    z: f.originEcef.z + r[2] * v.east + r[5] * v.north + r[8] * v.up,
  };
}

/** Rotates a vector (e.g. a velocity) from ENU of frame `from` to ENU of frame `to`; no translation. */
export function rotateEnu(v: Enu, from: EnuFrame | { r: Float64Array }, to: EnuFrame): Enu {
  const a = from.r;
  // ENU(from) → ECEF direction
  const x = a[0] * v.east + a[3] * v.north + a[6] * v.up;
  const y = a[1] * v.east + a[4] * v.north + a[7] * v.up;
  const z = a[2] * v.east + a[5] * v.north + a[8] * v.up;
  const b = to.r;
  return {
    east: b[0] * x + b[1] * y + b[2] * z,
    north: b[3] * x + b[4] * y + b[5] * z,
    up: b[6] * x + b[7] * y + b[8] * z,
  };
}

/** Geodetic → ENU of a frame. */
export function geodeticToEnu(p: Geodetic, f: EnuFrame): Enu {
  return ecefToEnu(geodeticToEcef(p), f);
}

/** ENU of a frame → geodetic. */
export function enuToGeodetic(v: Enu, f: EnuFrame): Geodetic {
  return ecefToGeodetic(enuToEcef(v, f));
}

/** Builds a Geodetic from degrees and metres (the edge convention of configuration files). */
export function fromDegrees(latDeg: number, lonDeg: number, height = 0): Geodetic {
  return { lat: latDeg * DEG, lon: lonDeg * DEG, height };
}
