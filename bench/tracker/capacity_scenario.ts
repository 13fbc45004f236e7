/**
 * The capacity scenario of the tracker benchmark: many targets seen by many rotating radars,
 * generated in memory as compact columns before any timing (a dedicated generator: the full
 * simulator keeps far more per report than 50,000 plots/s allow for minutes of data).
 *
 * - Targets fly level at constant speed in a disc, on an equirectangular map about the region
 *   centre (x east, y north, m); a share of them makes one coordinated turn at constant rate
 *   inside the run. Airliners 200–250 m/s at 7.5–12 km, the rest 50–80 m/s at 1–3 km.
 *   Cooperative targets answer Mode S (ICAO address, Mode 3/A, Mode C altitude quantised to
 *   25 ft — ICAO Annex 10 Vol. IV, §3.1.1.7.12.2.3); the others give PSR-only 2D plots.
 * - Radars on a jittered grid, each turning clockwise with the same period from its own north
 *   phase, so their sectors end at different instants. A target is seen when it is within the
 *   instrumented range, below the cone of silence and above the 4/3-earth radio horizon
 *   (d ≤ √(2kR·h_antenna) + √(2kR·h_target), Skolnik §8.2), once per scan at the instant the
 *   beam crosses its azimuth, with probability Pd. Plots are the `geo/radar.ts` polar
 *   measurement (slant range, azimuth) plus Gaussian noise; clutter is Poisson per scan,
 *   uniform in range and azimuth, PSR-only.
 * - Each radar sends a CAT034-like north marker (sector 0, with the rotation period) and sector
 *   crossings (`ServiceReport`s) at its sector boundaries, so the tracker batches per sector.
 *
 * Everything is drawn from one seeded generator (deterministic). Entries are in time order,
 * a service report before plots of the same instant.
 */
import { DEG, fromDegrees, gaussianRadius, geodeticToPolar, STANDARD_K } from "../../src/geo/index.js";
import { gaussian, mulberry32, type Random } from "../../src/sim/index.js";
import type { Geodetic, Sensor } from "../../src/types/index.js";

/** Parameters of the capacity scenario (SI unless named). */
export interface CapacityConfig {
  targets: number;
  radars: number;
  durationS: number;
  scanPeriodS: number;
  /** Sectors per scan (a service report at each boundary). */
  sectors: number;
  centreLatDeg: number;
  centreLonDeg: number;
  /** Half-extent of the radar grid, east and north, m. */
  radarSpreadEastM: number;
  radarSpreadNorthM: number;
  /** Radius of the disc the targets start in, m. */
  targetRadiusM: number;
  maxRangeM: number;
  minRangeM: number;
  /** Cone of silence: no detection above this elevation, rad. */
  maxElevation: number;
  groundHeightM: number;
  antennaHeightM: number;
  pd: number;
  clutterPerScan: number;
  clutterMaxRangeM: number;
  sigmaRangeM: number;
  sigmaAzimuth: number;
  /** Elevation noise of the 3D radars' primary plots, rad. */
  sigmaElevation: number;
  /** Clutter elevations are uniform in [−2°, this], rad (ground and low-level clutter). */
  clutterMaxElevation: number;
  cooperativeFraction: number;
  airlinerFraction: number;
  turningFraction: number;
  seed: number;
}

/**
 * Defaults: 10,000 targets, 20 radars with 4 s scans, ≈ 45,000 plots/s. With 250 NM radars and
 * the 4/3-earth horizon (≈ 430 km for a target at 10 km), ≈ 50,000 plots/s from 10,000 targets
 * and 20 radars at Pd 0.9 needs nearly every radar to see nearly every target: so the radars
 * stand within a core area 300 × 240 km, the targets fill a disc 600 km across, and the
 * coverage union is ≈ 1,200 km across (a dense en-route core, as over Benelux and Germany).
 */
export const CAPACITY_DEFAULTS: CapacityConfig = Object.freeze({
  targets: 10_000, radars: 20, durationS: 60, scanPeriodS: 4, sectors: 16,
  centreLatDeg: 50, centreLonDeg: 8,
  radarSpreadEastM: 150_000, radarSpreadNorthM: 120_000, targetRadiusM: 300_000,
  maxRangeM: 463_000, minRangeM: 1_000, maxElevation: 45 * DEG, groundHeightM: 300, antennaHeightM: 20,
  pd: 0.9, clutterPerScan: 300, clutterMaxRangeM: 150_000,
  sigmaRangeM: 40, sigmaAzimuth: 0.08 * DEG, sigmaElevation: 0.2 * DEG, clutterMaxElevation: 20 * DEG,
  cooperativeFraction: 0.9, airlinerFraction: 0.85, turningFraction: 0.3, seed: 1,
});

/** Entry kinds of the columns. */
export const enum EntryKind { ModeS = 0, Psr = 1, Clutter = 2, NorthMarker = 3, SectorCrossing = 4 }

/** The generated entries as columns (index i is one report). */
export interface CapacityData {
  config: CapacityConfig;
  sensors: Sensor[];
  /** UTC seconds. */
  time: Float64Array;
  sensor: Uint8Array;
  kind: Uint8Array;
  /** Slant range, m (plots). */
  range: Float32Array;
  /** Azimuth, rad (plots; sector azimuth for sector crossings). */
  azimuth: Float32Array;
  /** Mode C pressure altitude, m (Mode S plots); measured elevation, rad (primary and clutter plots of the 3D radars). */
  altitude: Float32Array;
  /** ICAO address (Mode S plots), also the Mode 3/A code's seed. */
  address: Uint32Array;
  length: number;
  /** UTC seconds of scenario time 0. */
  epoch: number;
  counts: { targetPlots: number; clutterPlots: number; service: number; targetsSeen: number; meanRadarsPerTarget: number };
}

/** One simulated target (map metres, seconds, rad, rad/s). */
export interface Target {
  x0: number; y0: number; heading: number; speed: number; alt: number;
  turnRate: number; turnStart: number; turnEnd: number; cooperative: boolean; address: number;
}

function uniform(rng: Random, a: number, b: number): number {
  return a + (b - a) * rng.next();
}

/** Map position (m) of a target at scenario time t: straight, then an arc at constant rate, then straight. */
export function targetXY(tg: Target, t: number, out: { x: number; y: number }): void {
  const v = tg.speed;
  let h = tg.heading;
  if (tg.turnRate === 0 || t <= tg.turnStart) {
    out.x = tg.x0 + v * Math.sin(h) * t;
    out.y = tg.y0 + v * Math.cos(h) * t;
    return;
  }
  const ts = tg.turnStart;
  let x = tg.x0 + v * Math.sin(h) * ts;
  let y = tg.y0 + v * Math.cos(h) * ts;
  const tau = Math.min(t, tg.turnEnd) - ts;
  const w = tg.turnRate;
  const h1 = h + w * tau;
  x += (v / w) * (Math.cos(h) - Math.cos(h1));
  y += (v / w) * (Math.sin(h1) - Math.sin(h));
  h = h1;
  const after = Math.max(0, t - tg.turnEnd);
  out.x = x + v * Math.sin(h) * after;
  out.y = y + v * Math.cos(h) * after;
}

function makeTargets(c: CapacityConfig, rng: Random): Target[] {
  const out: Target[] = [];
  for (let i = 0; i < c.targets; i++) {
    const r = c.targetRadiusM * Math.sqrt(rng.next());
    const a = uniform(rng, 0, 2 * Math.PI);
    const airliner = rng.next() < c.airlinerFraction;
    const turning = rng.next() < c.turningFraction;
    const turnStart = uniform(rng, 0, c.durationS * 0.7);
    const rateDeg = airliner ? uniform(rng, 1.5, 3) : uniform(rng, 2, 3);
    out.push({
      x0: r * Math.sin(a), y0: r * Math.cos(a), heading: uniform(rng, 0, 2 * Math.PI),
      speed: airliner ? uniform(rng, 200, 250) : uniform(rng, 50, 80),
      alt: airliner ? uniform(rng, 7500, 12000) : uniform(rng, 1000, 3000),
      turnRate: turning ? (rng.next() < 0.5 ? -1 : 1) * rateDeg * DEG : 0,
      turnStart, turnEnd: turnStart + uniform(rng, 15, 90) / rateDeg, // 15–90° of heading change
      cooperative: rng.next() < c.cooperativeFraction, address: 0x400000 + i,
    });
  }
  return out;
}

/** Growable columns. */
class Columns {
  time = new Float64Array(1 << 16);
  sensor = new Uint8Array(1 << 16);
  kind = new Uint8Array(1 << 16);
  range = new Float32Array(1 << 16);
  azimuth = new Float32Array(1 << 16);
  altitude = new Float32Array(1 << 16);
  address = new Uint32Array(1 << 16);
  length = 0;

  push(time: number, sensor: number, kind: EntryKind, range: number, azimuth: number, altitude: number, address: number): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.sensor[i] = sensor;
    this.kind[i] = kind;
    this.range[i] = range;
    this.azimuth[i] = azimuth;
    this.altitude[i] = altitude;
    this.address[i] = address;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const g = <T extends Float64Array | Float32Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a as never);
      return b;
    };
    this.time = g(this.time, (k) => new Float64Array(k));
    this.sensor = g(this.sensor, (k) => new Uint8Array(k));
    this.kind = g(this.kind, (k) => new Uint8Array(k));
    this.range = g(this.range, (k) => new Float32Array(k));
    this.azimuth = g(this.azimuth, (k) => new Float32Array(k));
    this.altitude = g(this.altitude, (k) => new Float32Array(k));
    this.address = g(this.address, (k) => new Uint32Array(k));
  }
}

/**
 * Generates the scenario.
 * @throws RangeError when more than 255 radars are asked for, or a count/duration is not positive.
 */
export function generateCapacity(config: Partial<CapacityConfig> = {}, epoch = 1_750_000_000): CapacityData {
  const c: CapacityConfig = { ...CAPACITY_DEFAULTS, ...config };
  if (!(c.radars >= 1 && c.radars <= 255) || !(c.targets >= 1) || !(c.durationS > 0)) throw new RangeError("capacity: 1–255 radars, ≥ 1 target and a positive duration needed");
  const rng = mulberry32(c.seed);
  const lat0 = c.centreLatDeg * DEG;
  const lon0 = c.centreLonDeg * DEG;
  const R = gaussianRadius(lat0);
  const kR = STANDARD_K * R;
  const toGeo = (x: number, y: number, h: number, out: Geodetic): Geodetic => {
    out.lat = lat0 + y / R;
    out.lon = lon0 + x / (R * Math.cos(lat0));
    out.height = h;
    return out;
  };
  // Radars on a jittered grid.
  const cols = Math.ceil(Math.sqrt(c.radars * (c.radarSpreadEastM / c.radarSpreadNorthM)));
  const rows = Math.ceil(c.radars / cols);
  const radars: { x: number; y: number; site: Geodetic; phase: number; horizon: number }[] = [];
  const sensors: Sensor[] = [];
  for (let i = 0; i < c.radars; i++) {
    const gx = (i % cols + 0.5) / cols;
    const gy = (Math.floor(i / cols) + 0.5) / rows;
    const x = (2 * gx - 1) * c.radarSpreadEastM + uniform(rng, -0.2, 0.2) * (2 * c.radarSpreadEastM / cols);
    const y = (2 * gy - 1) * c.radarSpreadNorthM + uniform(rng, -0.2, 0.2) * (2 * c.radarSpreadNorthM / rows);
    const site = toGeo(x, y, c.groundHeightM + c.antennaHeightM, { lat: 0, lon: 0, height: 0 });
    radars.push({ x, y, site, phase: uniform(rng, 0, c.scanPeriodS), horizon: Math.sqrt(2 * kR * c.antennaHeightM) });
    sensors.push({
      id: `200/${i + 1}`, name: `capacity radar ${i + 1}`, site: fromDegrees(site.lat / DEG, site.lon / DEG, site.height),
      sigmas: { range: c.sigmaRangeM, azimuth: c.sigmaAzimuth, elevation: c.sigmaElevation, modeC: 15 }, rotationPeriod: c.scanPeriodS,
    });
  }
  const targets = makeTargets(c, rng);
  const T = c.scanPeriodS;
  const omega = (2 * Math.PI) / T;
  const seenBy = new Uint8Array(targets.length * c.radars);
  const cols_ = new Columns();
  const xy = { x: 0, y: 0 };
  const g: Geodetic = { lat: 0, lon: 0, height: 0 };
  const wrap = (a: number): number => ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  let targetPlots = 0, clutterPlots = 0, service = 0;
  const reach = c.maxRangeM + 30_000;
  // Entries of one window [w, w + T), sorted before they are appended.
  type E = [time: number, sensor: number, kind: EntryKind, range: number, azimuth: number, altitude: number, address: number];
  for (let w = 0; w < c.durationS; w += T) {
    const win: E[] = [];
    const wEnd = Math.min(w + T, c.durationS);
    for (let ri = 0; ri < radars.length; ri++) {
      const rd = radars[ri];
      const beam0 = wrap(omega * (w - rd.phase));
      // Service reports at the sector boundaries inside the window.
      const step = T / c.sectors;
      for (let j = Math.ceil((w - rd.phase) / step); rd.phase + j * step < wEnd; j++) {
        const s = ((j % c.sectors) + c.sectors) % c.sectors;
        win.push([epoch + rd.phase + j * step, ri, s === 0 ? EntryKind.NorthMarker : EntryKind.SectorCrossing, 0, (s * 2 * Math.PI) / c.sectors, 0, 0]);
        service++;
      }
      for (let ti = 0; ti < targets.length; ti++) {
        const tg = targets[ti];
        targetXY(tg, w, xy);
        const dx = xy.x - rd.x, dy = xy.y - rd.y;
        const d2 = dx * dx + dy * dy;
        if (d2 > reach * reach) continue;
        const horizon = rd.horizon + Math.sqrt(2 * kR * Math.max(0, tg.alt - c.groundHeightM));
        if (d2 > horizon * horizon) continue;
        let p = geodeticToPolar(rd.site, toGeo(xy.x, xy.y, tg.alt, g));
        if (p.range > c.maxRangeM || p.range < c.minRangeM || p.elevation > c.maxElevation) continue;
        seenBy[ti * c.radars + ri] = 1;
        let t = w + wrap(p.azimuth - beam0) / omega;
        targetXY(tg, t, xy);
        p = geodeticToPolar(rd.site, toGeo(xy.x, xy.y, tg.alt, g));
        t = w + wrap(p.azimuth - beam0) / omega;
        if (t < w || t >= wEnd) continue;
        if (rng.next() >= c.pd) continue;
        targetXY(tg, t, xy);
        p = geodeticToPolar(rd.site, toGeo(xy.x, xy.y, tg.alt, g));
        const range = p.range + c.sigmaRangeM * gaussian(rng);
        const az = wrap(p.azimuth + c.sigmaAzimuth * gaussian(rng));
        // Mode S plots carry Mode C (25 ft steps); the 3D radar's primary plots a measured elevation.
        const third = tg.cooperative ? Math.round(tg.alt / 7.62) * 7.62 : p.elevation + c.sigmaElevation * gaussian(rng);
        win.push([epoch + t, ri, tg.cooperative ? EntryKind.ModeS : EntryKind.Psr, range, az, third, tg.address]);
        targetPlots++;
      }
      // Clutter: Poisson(λ) plots per scan, uniform in range and azimuth (Knuth's method).
      const limit = Math.exp(-c.clutterPerScan * (wEnd - w) / T);
      for (let prod = rng.next(); prod > limit; prod *= rng.next()) {
        const az = uniform(rng, 0, 2 * Math.PI);
        const t = w + wrap(az - beam0) / omega;
        if (t >= wEnd) continue;
        win.push([epoch + t, ri, EntryKind.Clutter, uniform(rng, c.minRangeM, c.clutterMaxRangeM), az, uniform(rng, -2 * DEG, c.clutterMaxElevation), 0]);
        clutterPlots++;
      }
    }
    // Time order; a service report before plots of the same instant.
    win.sort((a, b) => a[0] - b[0] || (b[2] >= EntryKind.NorthMarker ? 1 : 0) - (a[2] >= EntryKind.NorthMarker ? 1 : 0));
    for (const e of win) cols_.push(e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
  }
  let seen = 0, pairs = 0;
  for (let ti = 0; ti < targets.length; ti++) {
    let n = 0;
    for (let ri = 0; ri < c.radars; ri++) n += seenBy[ti * c.radars + ri];
    if (n > 0) seen++;
    pairs += n;
  }
  const n = cols_.length;
  return {
    config: c, sensors, epoch, length: n,
    time: cols_.time.subarray(0, n), sensor: cols_.sensor.subarray(0, n), kind: cols_.kind.subarray(0, n), range: cols_.range.subarray(0, n),
    azimuth: cols_.azimuth.subarray(0, n), altitude: cols_.altitude.subarray(0, n), address: cols_.address.subarray(0, n),
    counts: { targetPlots, clutterPlots, service, targetsSeen: seen, meanRadarsPerTarget: seen > 0 ? pairs / seen : 0 },
  };
}
