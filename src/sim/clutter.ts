/**
 * Poisson clutter of a primary radar: per scan a Poisson(λ) number of false plots, uniform in
 * slant range [minRange, instrumentedRange], azimuth [0, 2π) and elevation [minElevation,
 * maxElevation] (elevation capped at the angle of a 30 km height at that range: ASTERIX I048/110
 * cannot carry more, and no radar reports echoes there), each timed when the beam passes its azimuth (the clutter model of
 * `../shared/bench/README.md`). Drawn from the stream (seed, sensor, scan, "clutter"), so
 * clutter does not disturb the targets' noise. The radar's range, azimuth and time biases apply
 * to clutter plots as to every other plot.
 */
import type { Geodetic } from "../geo/index.js";
import { elevationForHeight, heightFromElevation, wrapTwoPi } from "../geo/index.js";
import type { PlotReport } from "../types/index.js";
import { sensorIdOf } from "../types/index.js";
import { poisson } from "./detection.js";
import { RADAR_DEFAULTS, type RadarSpec } from "./radar.js";
import { streamFor } from "./random.js";

/** Highest clutter echo, m above the ellipsoid. */
const CLUTTER_MAX_HEIGHT = 30_000;

/** The clutter plots of scan `scan` (UTC times from `epoch`), in draw order; none when the rate is 0. */
export function clutterPlots(r: RadarSpec, site: Geodetic, scan: number, epoch: number, seed: number): PlotReport[] {
  return clutterEchoes(r, site, scan, epoch, seed).map((e) => e.plot);
}

/**
 * The clutter of scan `scan` with the true time (UTC s) the beam passed each echo, which
 * differs from the plot's reported time by the radar's time bias (the run sorts plots into
 * sectors by the true time).
 */
export function clutterEchoes(r: RadarSpec, site: Geodetic, scan: number, epoch: number, seed: number): { beamTime: number; plot: PlotReport }[] {
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
  const rangeBias = r.rangeBias ?? 0;
  const azimuthBias = r.azimuthBias ?? 0;
  const timeBias = r.timeBias ?? 0;
  const out: { beamTime: number; plot: PlotReport }[] = [];
  for (let i = 0; i < n; i++) {
    const range = r0 + (r1 - r0) * rng.next();
    const azimuth = 2 * Math.PI * rng.next();
    const cap = elevationForHeight(range, site.height, CLUTTER_MAX_HEIGHT, site.lat, k);
    const top = Number.isNaN(cap) ? e1 : Math.max(e0, Math.min(e1, cap));
    const elevation = e0 + (top - e0) * rng.next();
    const measured = Math.max(0, range + rangeBias);
    const beamTime = epoch + scan * period + (azimuth / (2 * Math.PI)) * period;
    out.push({ beamTime, plot: {
      kind: "plot", sensorId, time: beamTime + timeBias,
      range: measured, azimuth: wrapTwoPi(azimuth + azimuthBias), elevation, detection: "psr",
      height3D: heightFromElevation(measured, elevation, site.height, site.lat, k),
      rangeSigma: sig.range, azimuthSigma: sig.azimuth, elevationSigma: sig.elevation,
    } });
  }
  return out;
}
