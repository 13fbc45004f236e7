/**
 * Poisson clutter of a primary radar: per scan a Poisson(λ) number of false plots, uniform in
 * slant range [minRange, instrumentedRange], azimuth [0, 2π) and elevation [minElevation,
 * maxElevation] (elevation capped at the angle of a 30 km height at that range: ASTERIX I048/110
 * cannot carry more, and no radar reports echoes there), each timed when the beam passes its azimuth (the clutter model of
 * `../shared/bench/README.md`). Drawn from the stream (seed, sensor, scan, "clutter"), so
 * clutter does not disturb the targets' noise.
 */
import type { Geodetic } from "../geo/index.js";
import { elevationForHeight, heightFromElevation } from "../geo/index.js";
import type { PlotReport } from "../types/index.js";
import { sensorIdOf } from "../types/index.js";
import { poisson } from "./detection.js";
import { RADAR_DEFAULTS, type RadarSpec } from "./radar.js";
import { streamFor } from "./random.js";

/** Highest clutter echo, m above the ellipsoid. */
const CLUTTER_MAX_HEIGHT = 30_000;

/** The clutter plots of scan `scan` (UTC times from `epoch`), in draw order; none when the rate is 0. */
export function clutterPlots(r: RadarSpec, site: Geodetic, scan: number, epoch: number, seed: number): PlotReport[] {
  const lambda = r.clutterRatePerScan ?? 0;
  if (!(lambda > 0)) return [];
  const sensorId = sensorIdOf(r.sac, r.sic);
  const rng = streamFor(seed, sensorId, scan, "clutter");
  const n = poisson(rng, lambda);
  const period = r.rotationPeriod ?? RADAR_DEFAULTS.rotationPeriod;
  const r0 = r.minRange ?? RADAR_DEFAULTS.minRange;
  const r1 = r.instrumentedRange ?? RADAR_DEFAULTS.instrumentedRange;
  const e0 = r.minElevation ?? RADAR_DEFAULTS.minElevation;
  const e1 = r.maxElevation ?? RADAR_DEFAULTS.maxElevation;
  const sig = r.sigmas ?? RADAR_DEFAULTS.sigmas;
  const k = r.k ?? RADAR_DEFAULTS.k;
  const out: PlotReport[] = [];
  for (let i = 0; i < n; i++) {
    const range = r0 + (r1 - r0) * rng.next();
    const azimuth = 2 * Math.PI * rng.next();
    const cap = elevationForHeight(range, site.height, CLUTTER_MAX_HEIGHT, site.lat, k);
    const top = Number.isNaN(cap) ? e1 : Math.max(e0, Math.min(e1, cap));
    const elevation = e0 + (top - e0) * rng.next();
    out.push({
      kind: "plot", sensorId, time: epoch + scan * period + (azimuth / (2 * Math.PI)) * period,
      range, azimuth, elevation, detection: "psr",
      height3D: heightFromElevation(range, elevation, site.height, site.lat, k),
      rangeSigma: sig.range, azimuthSigma: sig.azimuth, elevationSigma: sig.elevation,
    });
  }
  return out;
}
