/**
 * A rotating 3D surveillance radar with a co-mounted SSR/Mode S interrogator.
 *
 * The antenna turns clockwise at a constant rate, pointing north at scenario times n·T
 * (n = scan number, T = rotation period). A target is seen when the beam passes its azimuth,
 * so plot times differ within a scan: the detection time t solves
 * antennaAzimuth(t) = targetAzimuth(t), found by fixed-point iteration (it contracts because a
 * target's azimuth rate is far below the antenna's) to 0.1 µs (25 µm at 250 m/s).
 *
 * Coverage: slant range within [minRange, instrumentedRange], elevation within
 * [minElevation, maxElevation] (above 70° is the cone of silence) and the line of sight clear
 * of the effective (4/3) earth at the site's ground level (radio horizon).
 * Detection: independent PSR and SSR draws with constant probabilities per target class;
 * PSR returns carry the 3D radar's noisy elevation and the height derived from it.
 * Noise is Gaussian from a seeded stream per (seed, sensor, scan, target). Optional systematic
 * errors (range, azimuth and time biases, as radar registration estimates them) are added to
 * every plot on top of the noise.
 */
import type { Geodetic } from "../geo/index.js";
import { DEG, STANDARD_K, effectiveRadius, fromDegrees, geodeticToPolar, heightFromElevation, wrapTwoPi } from "../geo/index.js";
import type { DetectionType, PlotReport, Sensor, ServiceReport } from "../types/index.js";
import { sensorIdOf } from "../types/index.js";
import { DEFAULT_RCS, snrDetectionProbability, type SnrDetectionModel } from "./detection.js";
import { gaussian, streamFor } from "./random.js";
import type { TerrainMask } from "./terrain.js";
import type { TargetClass, TargetInstance, TruthSample } from "./scenario.js";
import { azimuthView, targetStateAt, trajectoryAzimuthAt } from "./trajectory.js";

/** Feet to metres (exact, international foot). */
const FT = 0.3048;

/** A radar as a scenario declares it. Angles in radians, lengths in metres, times in seconds. */
export interface RadarSpec {
  /** System Area Code (ASTERIX I048/010). */
  sac: number;
  /** System Identification Code (ASTERIX I048/010). */
  sic: number;
  name: string;
  /** Site latitude, degrees north. */
  latDeg: number;
  /** Site longitude, degrees east. */
  lonDeg: number;
  /** Ground elevation at the site (and the terrain level used for the radio horizon), metres MSL. */
  groundHeight: number;
  /** Antenna height above ground, metres. */
  antennaHeight: number;
  /** Mean terrain level around the site for the smooth-earth radio horizon, metres MSL (default `groundHeight`). */
  terrainHeight?: number;
  /** Antenna rotation period, s (default 4). */
  rotationPeriod?: number;
  /** Instrumented range, m (default 250 km). */
  instrumentedRange?: number;
  /** Minimum range (blind zone), m (default 500). */
  minRange?: number;
  /** Lowest elevation covered, rad (default −2°). */
  minElevation?: number;
  /** Highest elevation covered, rad (default 70°; above is the cone of silence). */
  maxElevation?: number;
  /** Measurement noise, 1 sigma: range m (default 40), azimuth rad (default 0.1°), elevation rad (default 0.3°). */
  sigmas?: { range: number; azimuth: number; elevation: number };
  /** Primary (PSR) detection probability per target class (defaults: airliner 0.95, light aircraft 0.9, helicopter 0.9, drone 0.8). */
  psrDetectionProbability?: Partial<Record<TargetClass, number>>;
  /** SSR/Mode S reply probability for transponder-equipped targets (default 0.99). */
  ssrDetectionProbability?: number;
  /** Sector-crossing messages per revolution (default 16; 8 or 16 are usual). */
  sectors?: number;
  /** Refraction factor (default 4/3). */
  k?: number;
  /**
   * Radar-equation detection (R⁴, target RCS, Swerling 1) instead of the constant per-class
   * `psrDetectionProbability` (see `detection.ts`). Absent: constant probabilities.
   */
  detectionModel?: SnrDetectionModel;
  /** Mean number of clutter plots per scan (Poisson), uniform in range, azimuth and elevation coverage (default 0). */
  clutterRatePerScan?: number;
  /** Terrain line of sight (from the coverage module's DEM); absent: smooth 4/3-earth horizon only. */
  terrain?: TerrainMask;
  /**
   * Systematic range error (registration bias), m, added to every measured slant range (target
   * plots and clutter) after the noise; default 0. Kept in ideal runs: it is not noise.
   */
  rangeBias?: number;
  /** Systematic azimuth error, rad, clockwise positive, added to every measured azimuth; default 0. Kept in ideal runs. */
  azimuthBias?: number;
  /**
   * Systematic time error, s: every plot's reported time of detection (I048/140) is the true
   * detection time plus this; default 0. Kept in ideal runs. Batches are still sent at the
   * true sector crossings.
   */
  timeBias?: number;
}

/** Defaults for `RadarSpec`'s optional fields. */
export const RADAR_DEFAULTS = {
  rotationPeriod: 4,
  instrumentedRange: 250_000,
  minRange: 500,
  minElevation: -2 * DEG,
  maxElevation: 70 * DEG,
  sigmas: { range: 40, azimuth: 0.1 * DEG, elevation: 0.3 * DEG },
  psrDetectionProbability: { airliner: 0.95, lightAircraft: 0.9, helicopter: 0.9, drone: 0.8 } as Record<TargetClass, number>,
  ssrDetectionProbability: 0.99,
  sectors: 16,
  k: STANDARD_K,
} as const;

/** Options of a simulation run that the radar model needs. */
export interface RadarRunOptions {
  /** UTC seconds of scenario time 0. */
  epoch: number;
  /** PRNG seed (integer). */
  seed: number;
  /** Noiseless measurements and certain detection (inside coverage): for tests. */
  ideal?: boolean;
}

/** The sensor description the tracker uses for a radar (`Sensor` of `types`). */
export function radarSensor(r: RadarSpec): Sensor {
  const sig = r.sigmas ?? RADAR_DEFAULTS.sigmas;
  return {
    id: sensorIdOf(r.sac, r.sic),
    name: r.name,
    site: radarSite(r),
    // Mode C: 25 ft quantisation (σ = 25/√12 ft) plus ISA/geometric differences; 15 m is a fair 1 σ.
    sigmas: { range: sig.range, azimuth: sig.azimuth, elevation: sig.elevation, modeC: 15 },
    rotationPeriod: r.rotationPeriod ?? RADAR_DEFAULTS.rotationPeriod,
  };
}

/** Antenna position (lat/lon rad, height m = ground + antenna height, MSL taken as ellipsoid height). */
export function radarSite(r: RadarSpec): Geodetic {
  return fromDegrees(r.latDeg, r.lonDeg, r.groundHeight + r.antennaHeight);
}

/**
 * Whether a target is inside the radar's coverage: range and elevation limits and a line of
 * sight that clears the effective earth (radius k·R + terrain height) between antenna and target.
 */
export function inCoverage(r: RadarSpec, site: Geodetic, range: number, elevation: number, targetHeight: number): boolean {
  if (range < (r.minRange ?? RADAR_DEFAULTS.minRange) || range > (r.instrumentedRange ?? RADAR_DEFAULTS.instrumentedRange)) return false;
  if (elevation < (r.minElevation ?? RADAR_DEFAULTS.minElevation) || elevation > (r.maxElevation ?? RADAR_DEFAULTS.maxElevation)) return false;
  const re = effectiveRadius(site.lat, r.k ?? RADAR_DEFAULTS.k);
  const ra = re + site.height;
  const ground = re + (r.terrainHeight ?? r.groundHeight);
  if (elevation >= 0) return re + targetHeight >= ground;
  // Closest approach of the straight ray to the centre of the effective sphere.
  const along = -ra * Math.sin(elevation);
  const closest = along < range ? ra * Math.cos(elevation) : re + targetHeight;
  return closest >= ground;
}

/**
 * Scenario time (s) at which the beam crosses the target during scan `scan`, or undefined if the
 * target does not exist then or the iteration does not settle (a target crossing north exactly
 * at the scan boundary: a rare missed plot).
 *
 * Solves t = t0 + T·az(t)/2π (t0 = scan start, T = rotation period, az the target's azimuth from
 * the site) from mid-scan: fixed-point steps, accelerated by secant steps once two evaluations
 * give the slope (usually three azimuth evaluations in all), to 0.1 µs.
 */
export function beamTime(r: RadarSpec, site: Geodetic, target: TargetInstance, scan: number): number | undefined {
  const period = r.rotationPeriod ?? RADAR_DEFAULTS.rotationPeriod;
  const t0 = scan * period;
  const traj = target.trajectory;
  const start = target.startTime;
  const end = traj.loop ? Infinity : start + traj.duration;
  const view = azimuthView(traj, site);
  const scale = period / (2 * Math.PI);
  let t = Math.min(Math.max(t0 + period / 2, start), end);
  let tPrev = Number.NaN;
  let fPrev = Number.NaN;
  for (let i = 0; i < 12; i++) {
    const az = trajectoryAzimuthAt(traj, t - start, view);
    if (Number.isNaN(az)) return undefined;
    const next = t0 + scale * az;
    const f = next - t;
    if (Math.abs(f) < 1e-7) return next < start || next > end ? undefined : next;
    // f(t) = g(t) − t has slope −1 + T·(daz/dt)/2π, close to −1 (the target's azimuth rate is far
    // below the antenna's); a secant slope far from that means an azimuth wrap: plain step then.
    const slope = (f - fPrev) / (t - tPrev);
    tPrev = t;
    fPrev = f;
    t = slope < -0.5 && slope > -1.5 ? t - f / slope : next;
  }
  return undefined;
}

/** Mode C pressure altitude as transmitted: Mode S 25 ft steps (Q bit), Mode A/C Gillham 100 ft steps (ICAO Annex 10 Vol IV, 3.1.1.7.12). */
function modeCAltitude(altitude: number, step: number): number {
  return Math.round(altitude / FT / step) * step * FT;
}

function detectionType(psr: boolean, ssr: boolean, modeS: boolean): DetectionType {
  if (psr && ssr) return modeS ? "modeSRollCall+psr" : "ssr+psr";
  if (ssr) return modeS ? "modeSRollCall" : "ssr";
  return "psr";
}

/**
 * What the radar makes of one target during one scan: the truth at the beam passage and the
 * plot, if any. Times in the result are UTC (`epoch` + scenario time). Undefined when the beam
 * never meets the target in this scan.
 *
 * Random draws are fixed per call (two detection draws, three noise draws), so a target's noise
 * depends only on (seed, sensor, scan, target id).
 */
export function observe(r: RadarSpec, site: Geodetic, target: TargetInstance, scan: number, opts: RadarRunOptions): TruthSample | undefined {
  const t = beamTime(r, site, target, scan);
  if (t === undefined) return undefined;
  const state = targetStateAt(target, t);
  if (state === undefined) return undefined;
  const k = r.k ?? RADAR_DEFAULTS.k;
  const sensorId = sensorIdOf(r.sac, r.sic);
  const polar = geodeticToPolar(site, state.position, k);
  const visible = inCoverage(r, site, polar.range, polar.elevation, state.position.height) &&
    (r.terrain === undefined || r.terrain.clear(site, state.position));
  const cls = target.spec.targetClass;
  const rng = streamFor(opts.seed, sensorId, scan, target.id);
  const pdPsr = opts.ideal ? 1 : r.detectionModel !== undefined
    ? snrDetectionProbability(r.detectionModel, target.spec.rcs ?? DEFAULT_RCS[cls], polar.range)
    : r.psrDetectionProbability?.[cls] ?? RADAR_DEFAULTS.psrDetectionProbability[cls];
  const pdSsr = opts.ideal ? 1 : r.ssrDetectionProbability ?? RADAR_DEFAULTS.ssrDetectionProbability;
  const psr = rng.next() < pdPsr && visible;
  const ssr = rng.next() < pdSsr && visible && target.spec.transponder !== "none";
  const sig = r.sigmas ?? RADAR_DEFAULTS.sigmas;
  const scale = opts.ideal ? 0 : 1;
  const nRange = gaussian(rng) * sig.range * scale;
  const nAz = gaussian(rng) * sig.azimuth * scale;
  const nEl = gaussian(rng) * sig.elevation * scale;
  const truth: TruthSample = {
    targetId: target.id, targetClass: cls, time: opts.epoch + t, position: state.position,
    velocity: state.velocity, identity: target.identity, inCoverage: visible,
  };
  if (!psr && !ssr) return truth;
  const modeS = target.spec.transponder === "modeS";
  const plot: PlotReport = {
    kind: "plot",
    sensorId,
    time: opts.epoch + t + (r.timeBias ?? 0),
    range: Math.max(0, polar.range + nRange + (r.rangeBias ?? 0)),
    azimuth: wrapTwoPi(polar.azimuth + nAz + (r.azimuthBias ?? 0)),
    detection: detectionType(psr, ssr, modeS),
    rangeSigma: sig.range,
    azimuthSigma: sig.azimuth,
  };
  if (psr) {
    plot.elevation = polar.elevation + nEl;
    plot.elevationSigma = sig.elevation;
    plot.height3D = heightFromElevation(plot.range, plot.elevation, site.height, site.lat, k);
  }
  if (ssr) {
    const id = target.identity;
    if (id.mode3A !== undefined) plot.mode3A = { code: id.mode3A, validated: true, garbled: false, smoothed: false };
    plot.modeC = { pressureAltitude: modeCAltitude(state.position.height, modeS ? 25 : 100), validated: true, garbled: false };
    if (modeS && id.icaoAddress !== undefined) plot.icaoAddress = id.icaoAddress;
    if (modeS && id.callsign !== undefined) plot.callsign = id.callsign;
  }
  truth.plot = plot;
  return truth;
}

/**
 * The CAT034 service message sent when the antenna crosses the boundary of sector `sector`
 * (0 ≤ sector < sectors) in scan `scan`: a north marker at sector 0 (with the rotation period,
 * I034/041), a sector crossing with the sector's start azimuth (I034/020) otherwise.
 */
export function serviceMessage(r: RadarSpec, scan: number, sector: number, epoch: number): ServiceReport {
  const period = r.rotationPeriod ?? RADAR_DEFAULTS.rotationPeriod;
  const sectors = r.sectors ?? RADAR_DEFAULTS.sectors;
  const time = epoch + scan * period + (sector * period) / sectors;
  const sensorId = sensorIdOf(r.sac, r.sic);
  if (sector === 0) return { kind: "service", sensorId, time, messageType: "northMarker", antennaRotationPeriod: period };
  return { kind: "service", sensorId, time, messageType: "sectorCrossing", sectorAzimuth: (sector * 2 * Math.PI) / sectors };
}
