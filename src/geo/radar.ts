/**
 * Radar geometry: slant range, azimuth, elevation and height over a curved earth with
 * standard atmospheric refraction.
 *
 * Model (the "effective earth radius" or k-factor model, Skolnik, *Introduction to Radar
 * Systems*, 3rd ed., §8.2; ITU-R P.834): the ray is straight over a sphere of radius k·R,
 * where R is the Gaussian mean radius of curvature of WGS-84 at the site and k = 4/3 for the
 * standard atmosphere. With Ra = kR + h_antenna and Rt = kR + h_target (distances from the
 * centre of the effective sphere) and slant range r:
 *
 *   Rt² = Ra² + r² + 2·r·Ra·sin(E)                (elevation E ⇄ target height)
 *   θe  = atan2(r·cos E, Ra + r·sin E)              (central angle on the effective sphere)
 *   d   = kR·θe                                     (ground distance, the same on the true earth)
 *
 * The target is then placed on the local sphere of radius R at distance d along the
 * azimuth (spherical direct problem). Heights are taken as heights above the ellipsoid;
 * the difference between pressure altitude, mean sea level and the ellipsoid is left to
 * the caller (a few tens of metres in Europe).
 */
import type { Geodetic } from "./types.js";
import { gaussianRadius } from "./wgs84.js";

/** Standard-atmosphere refraction factor (4/3 earth), ITU-R P.453. */
export const STANDARD_K = 4 / 3;

/** Radius of the effective earth at a site, metres. */
export function effectiveRadius(siteLat: number, k = STANDARD_K): number {
  return k * gaussianRadius(siteLat);
}

/**
 * Elevation angle (rad) at which a target at `targetHeight` is seen at slant range `range`.
 * Returns NaN when the geometry is impossible (height difference larger than the range).
 */
export function elevationForHeight(
  range: number,
  antennaHeight: number,
  targetHeight: number,
  siteLat: number,
  k = STANDARD_K,
): number {
  const re = effectiveRadius(siteLat, k);
  const ra = re + antennaHeight;
  const rt = re + targetHeight;
  const s = (rt * rt - ra * ra - range * range) / (2 * range * ra);
  if (s > 1 || s < -1) return Number.NaN;
  return Math.asin(s);
}

/** Height (m, same reference as the antenna height) of a target at slant range and elevation. */
export function heightFromElevation(
  range: number,
  elevation: number,
  antennaHeight: number,
  siteLat: number,
  k = STANDARD_K,
): number {
  const re = effectiveRadius(siteLat, k);
  const ra = re + antennaHeight;
  return Math.sqrt(ra * ra + range * range + 2 * range * ra * Math.sin(elevation)) - re;
}

/** Ground distance along the earth from the site to the point below the target, metres. */
export function groundRange(
  range: number,
  elevation: number,
  antennaHeight: number,
  siteLat: number,
  k = STANDARD_K,
): number {
  const re = effectiveRadius(siteLat, k);
  const ra = re + antennaHeight;
  const theta = Math.atan2(range * Math.cos(elevation), ra + range * Math.sin(elevation));
  return re * theta;
}

/** Point at a ground distance (m) and azimuth (rad) from a start, on the site's local sphere. */
export function destination(start: Geodetic, azimuth: number, distance: number, height: number): Geodetic {
  const r = gaussianRadius(start.lat);
  const d = distance / r;
  const sLat = Math.sin(start.lat);
  const cLat = Math.cos(start.lat);
  const sd = Math.sin(d);
  const cd = Math.cos(d);
  const lat = Math.asin(sLat * cd + cLat * sd * Math.cos(azimuth));
  const lon = start.lon + Math.atan2(Math.sin(azimuth) * sd * cLat, cd - sLat * Math.sin(lat));
  return { lat, lon: wrapPi(lon), height };
}

/** Great-circle central angle (rad) and initial bearing (rad, [0, 2π)) from a to b on a sphere. */
export function inverseSphere(a: Geodetic, b: Geodetic): { angle: number; bearing: number } {
  const dLat = b.lat - a.lat;
  const dLon = b.lon - a.lon;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat) * Math.cos(b.lat) * Math.sin(dLon / 2) ** 2;
  const angle = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
  const y = Math.sin(dLon) * Math.cos(b.lat);
  const x = Math.cos(a.lat) * Math.sin(b.lat) - Math.sin(a.lat) * Math.cos(b.lat) * Math.cos(dLon);
  return { angle, bearing: wrapTwoPi(Math.atan2(y, x)) };
}

/** A polar radar measurement: slant range (m), azimuth (rad from north), elevation (rad). */
export interface Polar {
  range: number;
  azimuth: number;
  elevation: number;
}

/**
 * Target position of a radar measurement whose height is known (Mode C or 3D height):
 * slant range + azimuth + target height → WGS-84 position, by the model above.
 * When the height is inconsistent with the range, the target is put at zero elevation.
 */
export function polarToGeodetic(
  site: Geodetic,
  range: number,
  azimuth: number,
  targetHeight: number,
  k = STANDARD_K,
): Geodetic {
  let el = elevationForHeight(range, site.height, targetHeight, site.lat, k);
  if (Number.isNaN(el)) el = 0;
  const d = groundRange(range, el, site.height, site.lat, k);
  return destination(site, azimuth, d, targetHeight);
}

/** Position of a measurement given slant range, azimuth and elevation (3D radar). */
export function polarElevationToGeodetic(site: Geodetic, m: Polar, k = STANDARD_K): Geodetic {
  const h = heightFromElevation(m.range, m.elevation, site.height, site.lat, k);
  const d = groundRange(m.range, m.elevation, site.height, site.lat, k);
  return destination(site, m.azimuth, d, h);
}

/** Inverse of the model: the polar measurement a radar at `site` makes of `target`. */
export function geodeticToPolar(site: Geodetic, target: Geodetic, k = STANDARD_K): Polar {
  const { angle, bearing } = inverseSphere(site, target);
  const r = gaussianRadius(site.lat);
  const re = k * r;
  const thetaE = (angle * r) / re;
  const ra = re + site.height;
  const rt = re + target.height;
  const range = Math.sqrt(ra * ra + rt * rt - 2 * ra * rt * Math.cos(thetaE));
  const s = range > 0 ? (rt * rt - ra * ra - range * range) / (2 * range * ra) : 0;
  return { range, azimuth: bearing, elevation: Math.asin(Math.max(-1, Math.min(1, s))) };
}

/** Wraps an angle to (−π, π]. */
export function wrapPi(a: number): number {
  let x = a % (2 * Math.PI);
  if (x > Math.PI) x -= 2 * Math.PI;
  if (x <= -Math.PI) x += 2 * Math.PI;
  return x;
}

/** Wraps an angle to [0, 2π). */
export function wrapTwoPi(a: number): number {
  const x = a % (2 * Math.PI);
  return x < 0 ? x + 2 * Math.PI : x;
}
