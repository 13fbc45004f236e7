/**
 * Tiny deterministic radar simulator for the tracker tests: straight or turning targets seen
 * by one rotating radar, with Gaussian noise from a seeded PRNG (mulberry32 + Box–Muller).
 */
import type { Enu, Geodetic, PlotReport, SensorReport, Sensor } from "../../src/types/index.js";
import { DEG, enuFrame, enuToGeodetic, geodeticToPolar, wrapTwoPi } from "../../src/geo/index.js";

/** Seeded uniform PRNG in [0, 1) (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sampler from a uniform PRNG (Box–Muller). */
export function gaussian(rand: () => number): () => number {
  return () => {
    const u = Math.max(rand(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

export const SITE: Geodetic = { lat: 41.29 * DEG, lon: 2.08 * DEG, height: 60 };

export function testRadar(overrides: Partial<Sensor> = {}): Sensor {
  return {
    id: "20/129",
    name: "test",
    site: SITE,
    sigmas: { range: 50, azimuth: 0.08 * DEG },
    rotationPeriod: 4,
    ...overrides,
  };
}

export interface TargetSpec {
  id: number;
  /** Start position in the radar's ENU frame at time `appear` (m). */
  start: Enu;
  /** Velocity in the radar's ENU frame (m/s). */
  velocity: Enu;
  /** Horizontal turn rate, rad/s (counter-clockwise). */
  turnRate?: number;
  icaoAddress?: number;
  mode3A?: number;
  /** Send Mode C (default true). */
  modeC?: boolean;
  /** Visible from this time (s after scenario start; default 0). */
  appear?: number;
  /** Invisible from this time (s after scenario start; default never). */
  disappear?: number;
}

export interface TruthPoint {
  target: number;
  time: number;
  position: Geodetic;
  /** Index of the plot in `reports`. */
  report: number;
}

export interface SimResult {
  reports: SensorReport[];
  truth: TruthPoint[];
  /** Per plot: raw horizontal error of the plot converted with its true height, m (for comparison). */
  t0: number;
}

/** ENU position (radar frame) of a target `dt` s after it appeared. */
export function targetEnu(t: TargetSpec, dt: number): Enu {
  const w = t.turnRate ?? 0;
  const { east: ve, north: vn } = t.velocity;
  let de: number;
  let dn: number;
  if (Math.abs(w) < 1e-12) {
    de = ve * dt;
    dn = vn * dt;
  } else {
    const s = Math.sin(w * dt);
    const c = Math.cos(w * dt);
    de = (s * ve - (1 - c) * vn) / w;
    dn = ((1 - c) * ve + s * vn) / w;
  }
  return { east: t.start.east + de, north: t.start.north + dn, up: t.start.up + t.velocity.up * dt };
}

export interface SimOptions {
  sensor?: Sensor;
  targets: TargetSpec[];
  scans: number;
  seed: number;
  t0?: number;
  pd?: number;
  /** Origin of the ENU frame the target trajectories are given in (default: the sensor's site). */
  trajectoryOrigin?: Geodetic;
  /** Emit a north marker at the start of each scan and a sector crossing every 1/8 rotation. */
  service?: boolean;
}

/** Simulates `scans` rotations of a radar. Reports are in time order. */
export function simulate(o: SimOptions): SimResult {
  const sensor = o.sensor ?? testRadar();
  const period = sensor.rotationPeriod ?? 4;
  const t0 = o.t0 ?? 1_700_000_000;
  const pd = o.pd ?? 1;
  const rand = mulberry32(o.seed);
  const gauss = gaussian(rand);
  const frame = enuFrame(o.trajectoryOrigin ?? sensor.site);
  const events: { time: number; order: number; report: SensorReport; truth?: Omit<TruthPoint, "report"> }[] = [];
  let order = 0;
  for (let k = 0; k < o.scans; k++) {
    const scanStart = t0 + k * period;
    if (o.service !== false) {
      for (let s = 0; s < 8; s++) {
        events.push({
          time: scanStart + (s * period) / 8,
          order: order++,
          report: {
            kind: "service", sensorId: sensor.id, time: scanStart + (s * period) / 8,
            messageType: s === 0 ? "northMarker" : "sectorCrossing", sectorAzimuth: (s * 2 * Math.PI) / 8,
          },
        });
      }
    }
    for (const t of o.targets) {
      const appear = t.appear ?? 0;
      const rel0 = scanStart - t0 - appear;
      // Azimuth at scan start, then detection when the beam passes it.
      const p0 = enuToGeodetic(targetEnu(t, Math.max(0, rel0)), frame);
      const az0 = geodeticToPolar(sensor.site, p0).azimuth;
      const time = scanStart + (az0 / (2 * Math.PI)) * period;
      const rel = time - t0 - appear;
      if (rel < 0 || (t.disappear !== undefined && time - t0 >= t.disappear)) continue;
      if (rand() >= pd) continue;
      const truth = enuToGeodetic(targetEnu(t, rel), frame);
      const polar = geodeticToPolar(sensor.site, truth);
      const plot: PlotReport = {
        kind: "plot",
        sensorId: sensor.id,
        time,
        range: polar.range + sensor.sigmas.range * gauss(),
        azimuth: wrapTwoPi(polar.azimuth + sensor.sigmas.azimuth * gauss()),
        detection: t.modeC === false ? "psr" : "ssr+psr",
      };
      if (t.modeC !== false) {
        const ft = (truth.height + 10 * gauss()) / 0.3048;
        plot.modeC = { pressureAltitude: Math.round(ft / 25) * 25 * 0.3048, validated: true, garbled: false };
      }
      if (t.mode3A !== undefined) plot.mode3A = { code: t.mode3A, validated: true, garbled: false, smoothed: false };
      if (t.icaoAddress !== undefined) plot.icaoAddress = t.icaoAddress;
      events.push({ time, order: order++, report: plot, truth: { target: t.id, time, position: truth } });
    }
  }
  events.sort((a, b) => a.time - b.time || a.order - b.order);
  const reports: SensorReport[] = [];
  const truth: TruthPoint[] = [];
  events.forEach((e, i) => {
    reports.push(e.report);
    if (e.truth) truth.push({ ...e.truth, report: i });
  });
  return { reports, truth, t0 };
}
