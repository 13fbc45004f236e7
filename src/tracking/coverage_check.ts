/**
 * Whether a sensor can see a position (the tracker's coverage test, used by the deleter).
 *
 * A target is in a radar's coverage when its slant range lies within
 * [`minRange`, `maxRange`], its elevation within [`minElevation`, `maxElevation`] (above the
 * maximum elevation is the cone of silence) and it is above the radar horizon of the
 * effective-earth model: ground distance ≤ √(2·k·R·h_a) + √(2·k·R·h_t), with R the Gaussian
 * mean earth radius at the site, k the refraction factor, h_a the antenna height above the
 * ground and h_t the target's height above the radar's ground level (smooth earth; ITU-R
 * P.834 / Skolnik, *Radar Handbook*, 3rd ed., §2.5). Terrain is the coverage module's business;
 * here every limit a sensor does not state is taken as no limit.
 */
import type { Geodetic, Sensor } from "../types/index.js";
import { gaussianRadius, geodeticToPolar, inverseSphere, STANDARD_K } from "../geo/index.js";

/** Answer of {@link inCoverage}. */
export type CoverageAnswer = "inside" | "outside" | "unknown";

/**
 * Tests a WGS-84 position against a sensor's stated coverage (`Sensor.coverage`), giving it
 * the benefit of the doubt: the position counts as outside only when it is outside by more than
 * `marginH` (metres, horizontally: range limits) and `marginV` (metres, vertically: elevation
 * limits and horizon), e.g. 3σ of a track's predicted position.
 * @returns "unknown" when the sensor states no coverage at all, else "inside" or "outside".
 */
export function inCoverage(sensor: Sensor, p: Geodetic, marginH = 0, marginV = 0): CoverageAnswer {
  const c = sensor.coverage;
  if (!c || (c.maxRange === undefined && c.maxElevation === undefined && c.minElevation === undefined && c.antennaAgl === undefined)) return "unknown";
  const k = c.k ?? STANDARD_K;
  const polar = geodeticToPolar(sensor.site, p, 1);
  if (c.maxRange !== undefined && polar.range - marginH > c.maxRange) return "outside";
  if (c.minRange !== undefined && polar.range + marginH < c.minRange) return "outside";
  const elMargin = Math.atan2(marginV + marginH, Math.max(polar.range, 1));
  if (c.maxElevation !== undefined && polar.elevation - elMargin > c.maxElevation) return "outside";
  if (c.minElevation !== undefined && polar.elevation + elMargin < c.minElevation) return "outside";
  if (c.antennaAgl !== undefined) {
    const ground = sensor.site.height - c.antennaAgl;
    const ht = p.height + marginV - ground;
    if (ht <= 0) return "outside";
    const r = gaussianRadius(sensor.site.lat);
    const re = k * r;
    const d = inverseSphere(sensor.site, p).angle * r;
    if (d - marginH > Math.sqrt(2 * re * c.antennaAgl) + Math.sqrt(2 * re * ht)) return "outside";
  }
  return "inside";
}
