/**
 * An ADS-B ground station: it hears the extended squitters of Mode S transponder-equipped
 * targets with ADS-B out, within its reception range and above its 4/3-earth radio horizon,
 * each message with its own reception probability. Messages follow the DO-260B / ICAO Doc 9871
 * airborne rates: position and velocity twice a second each (0.4–0.6 s apart), identification
 * every 5 s. Position errors are Gaussian, scaled from the target's NACp: the 95 % horizontal
 * bound EPU (Doc 9871 Table A-2-75 / RTCA DO-260B §2.2.3.2.7.2.7: NACp 11 < 3 m … 8 < 92.6 m)
 * gives σ = EPU / 2.448 per axis (2.448σ is the 95 % radius of a circular Gaussian).
 *
 * Positions and velocities between 0.5 s trajectory samples are interpolated (`Sampler`).
 * Output per window: `AdsbReport`s (one per received position message, with the velocity of
 * the moment) and the received frames as Beast records (DF17 TC 11 / 19 / 4, `modes_encoder.ts`).
 */
import type { Geodetic } from "../geo/index.js";
import { DEG, STANDARD_K, fromDegrees, gaussianRadius, geodeticToPolar } from "../geo/index.js";
import type { AdsbReport } from "../types/index.js";
import { sensorIdOf } from "../types/index.js";
import { encodeAirbornePosition, encodeAirborneVelocity, encodeIdentification, MAX_BEAST_RECORD, writeBeastRecord } from "./modes_encoder.js";
import { gaussian, hash32, streamFor } from "./random.js";
import type { CompiledScenario, TargetInstance } from "./scenario.js";
import { activeTargets } from "./scenario.js";
import { trajectoryPositionAt } from "./trajectory.js";

const FT = 0.3048;
const KT = 1852 / 3600;

/** An ADS-B ground station as a scenario declares it. */
export interface AdsbStationSpec {
  /** SAC/SIC of the station (sensor id "SAC/SIC"). */
  sac: number;
  sic: number;
  name: string;
  latDeg: number;
  lonDeg: number;
  /** Antenna height above the ellipsoid (MSL taken as ellipsoid), m. */
  height: number;
  /** Reception range, m (default 370.4 km = 200 NM). */
  range?: number;
  /** Airborne position messages per second (default 2). */
  positionRate?: number;
  /** Airborne velocity messages per second (default 2). */
  velocityRate?: number;
  /** Identification messages per second (default 0.2). */
  identificationRate?: number;
  /** Probability that one message is received (default 0.9). */
  receptionProbability?: number;
}

/** NACp → 95 % horizontal accuracy bound EPU, m (Doc 9871 Table A-2-75; index = NACp; 0 unknown → 18.52 km). */
export const NACP_EPU = Object.freeze([18520, 18520, 7408, 3704, 1852, 926, 555.6, 185.2, 92.6, 30, 10, 3]);

/** 1-sigma per-axis horizontal error of a NACp, m. */
export function nacpSigma(nacp: number): number {
  const i = Math.min(11, Math.max(0, Math.round(nacp)));
  return NACP_EPU[i] / 2.448;
}

/** One ADS-B window's output. */
export interface AdsbOutput {
  reports: AdsbReport[];
  /** Beast records of every received frame, concatenated in time order. */
  beast: Uint8Array;
  /** Number of frames in `beast`. */
  frameCount: number;
}

/** Collects Beast records with their times, then concatenates them in time order. */
class BeastCollector {
  private buf = new Uint8Array(1 << 14);
  private used = 0;
  private readonly times: number[] = [];
  private readonly starts: number[] = [];
  private readonly scratch = new Uint8Array(14);

  /** The 14-byte scratch frame to encode into before `add`. */
  frame(): Uint8Array {
    return this.scratch;
  }

  add(time: number): void {
    if (this.used + MAX_BEAST_RECORD > this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf.subarray(0, this.used));
      this.buf = bigger;
    }
    this.times.push(time);
    this.starts.push(this.used);
    this.used = writeBeastRecord(this.buf, this.used, this.scratch, time);
  }

  finish(): { beast: Uint8Array; frameCount: number } {
    const n = this.times.length;
    const times = this.times;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = times[i] >= times[i - 1];
    if (sorted) return { beast: this.buf.slice(0, this.used), frameCount: n };
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => times[a] - times[b] || a - b);
    const out = new Uint8Array(this.used);
    let o = 0;
    const buf = this.buf;
    for (const i of order) {
      const end = i + 1 < n ? this.starts[i + 1] : this.used;
      for (let k = this.starts[i]; k < end; k++) out[o++] = buf[k];
    }
    return { beast: out, frameCount: n };
  }
}

/** Options the station needs from the run. */
export interface AdsbRunOptions {
  /** UTC seconds of scenario time 0. */
  epoch: number;
  seed: number;
  /** Noiseless positions and certain reception (tests). */
  ideal?: boolean;
  /** Cache of per-target message phases kept between windows of one station (speed only; same output without). */
  phases?: Map<string, number>;
}

function velocityBetween(a: Geodetic, b: Geodetic, dt: number): { ve: number; vn: number; vu: number } {
  if (!(dt > 0)) return { ve: 0, vn: 0, vu: 0 };
  const r = gaussianRadius(a.lat);
  const dLon = Math.atan2(Math.sin(b.lon - a.lon), Math.cos(b.lon - a.lon));
  return { ve: (dLon * r * Math.cos((a.lat + b.lat) / 2)) / dt, vn: ((b.lat - a.lat) * r) / dt, vu: (b.height - a.height) / dt };
}

/** Position-free velocity at scenario time t: central difference over ±0.25 s (one-sided at the route's ends). */
function stateAt(inst: TargetInstance, t: number): { ve: number; vn: number; vu: number } | undefined {
  const rt = t - inst.startTime;
  const a = trajectoryPositionAt(inst.trajectory, rt - 0.25);
  const b = trajectoryPositionAt(inst.trajectory, rt + 0.25);
  if (a !== undefined && b !== undefined) return velocityBetween(a, b, 0.5);
  const p = trajectoryPositionAt(inst.trajectory, rt);
  if (p === undefined) return undefined;
  if (a !== undefined) return velocityBetween(a, p, 0.25);
  if (b !== undefined) return velocityBetween(p, b, 0.25);
  return { ve: 0, vn: 0, vu: 0 };
}

function heard(station: AdsbStationSpec, site: Geodetic, p: Geodetic): boolean {
  const polar = geodeticToPolar(site, p, STANDARD_K);
  if (polar.range > (station.range ?? 370_400)) return false;
  // 4/3-earth radio horizon: the ray must clear the effective sphere at ground level (station height as ground).
  if (polar.elevation >= 0) return true;
  const re = STANDARD_K * gaussianRadius(site.lat);
  const ra = re + site.height;
  const along = -ra * Math.sin(polar.elevation);
  const closest = along < polar.range ? ra * Math.cos(polar.elevation) : re + p.height;
  return closest >= re;
}

/** Grid step of the trajectory samples the messages are interpolated from, s. */
const GRID = 0.5;

/**
 * A target's trajectory sampled every `GRID` seconds over a window, with linear interpolation
 * between samples: messages come several times a second, and the interpolation error (chord sag
 * v²·GRID²/8R, 0.3 m for 230 m/s in a 5 km-radius turn) is far below ADS-B position noise.
 * Falls back to the exact trajectory where a sample is missing (route start or end).
 */
class Sampler {
  private lat = new Float64Array(16);
  private lon = new Float64Array(16);
  private h = new Float64Array(16);
  private ok = new Uint8Array(16);
  private g0 = 0;
  private n = 0;
  private inst!: TargetInstance;

  reset(inst: TargetInstance, t0: number, t1: number): void {
    this.inst = inst;
    this.g0 = Math.floor(t0 / GRID) * GRID - GRID;
    this.n = Math.ceil((t1 - this.g0) / GRID) + 2;
    if (this.n > this.lat.length) {
      const m = 2 * this.n;
      this.lat = new Float64Array(m); this.lon = new Float64Array(m); this.h = new Float64Array(m); this.ok = new Uint8Array(m);
    }
    for (let i = 0; i < this.n; i++) {
      const p = trajectoryPositionAt(inst.trajectory, this.g0 + i * GRID - inst.startTime);
      this.ok[i] = p === undefined ? 0 : 1;
      if (p !== undefined) {
        this.lat[i] = p.lat; this.lon[i] = p.lon; this.h[i] = p.height;
      }
    }
  }

  /** Position and velocity (chord of the grid step) at scenario time t, or undefined outside the route. */
  at(t: number): { p: Geodetic; v: { ve: number; vn: number; vu: number } } | undefined {
    const i = Math.floor((t - this.g0) / GRID);
    if (i >= 0 && i + 1 < this.n && this.ok[i] && this.ok[i + 1]) {
      const f = (t - this.g0) / GRID - i;
      let dLon = this.lon[i + 1] - this.lon[i];
      if (dLon > Math.PI) dLon -= 2 * Math.PI;
      else if (dLon < -Math.PI) dLon += 2 * Math.PI;
      const lat = this.lat[i] + f * (this.lat[i + 1] - this.lat[i]);
      const p = { lat, lon: this.lon[i] + f * dLon, height: this.h[i] + f * (this.h[i + 1] - this.h[i]) };
      const r = gaussianRadius(lat);
      return { p, v: { ve: (dLon * r * Math.cos(lat)) / GRID, vn: ((this.lat[i + 1] - this.lat[i]) * r) / GRID, vu: (this.h[i + 1] - this.h[i]) / GRID } };
    }
    const p = trajectoryPositionAt(this.inst.trajectory, t - this.inst.startTime);
    const v = stateAt(this.inst, t);
    return p === undefined || v === undefined ? undefined : { p, v };
  }
}

/**
 * Messages of the station for the scenario-time window [t0, t1) (s). Each target's message
 * schedule is fixed by (seed, station, target), so windows can be produced in any order.
 */
export function adsbWindow(scenario: CompiledScenario, station: AdsbStationSpec, t0: number, t1: number, opts: AdsbRunOptions): AdsbOutput {
  const sensorId = sensorIdOf(station.sac, station.sic);
  const site = fromDegrees(station.latDeg, station.lonDeg, station.height);
  const rates = [station.positionRate ?? 2, station.velocityRate ?? 2, station.identificationRate ?? 0.2];
  const pRx = opts.ideal ? 1 : station.receptionProbability ?? 0.9;
  const reports: AdsbReport[] = [];
  const beast = new BeastCollector();
  const sampler = new Sampler();
  for (const inst of activeTargets(scenario, t0, t1)) {
    const spec = inst.spec;
    if (spec.transponder !== "modeS" || spec.adsb === false || inst.identity.icaoAddress === undefined) continue;
    const icao = inst.identity.icaoAddress;
    const nacp = (spec.adsb === undefined ? undefined : spec.adsb.nacp) ?? 9;
    const sigmaOut = nacpSigma(nacp);
    const sigma = opts.ideal ? 0 : sigmaOut;
    const pA = trajectoryPositionAt(inst.trajectory, Math.max(t0, inst.startTime) - inst.startTime);
    if (pA === undefined || !heard(station, site, pA)) continue;
    let phase = opts.phases?.get(inst.id);
    if (phase === undefined) {
      phase = hash32(`${opts.seed}|${sensorId}|${inst.id}`) / 4294967296;
      opts.phases?.set(inst.id, phase);
    }
    const rng = streamFor(opts.seed, sensorId, inst.id, Math.floor(t0));
    sampler.reset(inst, t0 - 0.2, t1 + 0.2);
    for (let kind = 0; kind < 3; kind++) {
      const period = 1 / rates[kind];
      if (!(period > 0 && Number.isFinite(period))) continue;
      const first = Math.ceil((t0 - phase * period) / period);
      for (let n = first; (n * period) + phase * period < t1; n++) {
        const jitter = (rng.next() - 0.5) * 0.2 * period; // 0.4–0.6 s for 2 Hz
        const rx = rng.next() < pRx;
        const nE = gaussian(rng) * sigma;
        const nN = gaussian(rng) * sigma;
        const t = n * period + phase * period + jitter;
        if (!rx) continue;
        const time = opts.epoch + t;
        if (kind === 0) {
          const st = sampler.at(t);
          if (st === undefined) continue;
          const { p, v } = st;
          const altFt = Math.round(p.height / FT / 25) * 25;
          // Noise offsets of metres to hundreds of metres: local flat-earth step (error ~ (d/R)², negligible).
          const r = gaussianRadius(p.lat);
          const pos = sigma === 0 ? p : { lat: p.lat + nN / r, lon: p.lon + nE / (r * Math.cos(p.lat)), height: p.height };
          const report: AdsbReport = {
            kind: "adsb", sensorId, time, icaoAddress: icao, source: "adsb",
            position: { lat: pos.lat, lon: pos.lon, height: altFt * FT }, heightType: "barometric", pressureAltitude: altFt * FT,
            velocity: { east: v.ve, north: v.vn, up: v.vu }, positionSigma: sigmaOut, nacp, nic: 8, version: 2,
            callsign: inst.identity.callsign, // one object shape for every report (undefined when unknown)
          };
          reports.push(report);
          encodeAirbornePosition(icao, pos.lat / DEG, pos.lon / DEG, altFt, n % 2 !== 0, 11, beast.frame());
          beast.add(time);
        } else if (kind === 1) {
          const st = sampler.at(t);
          if (st === undefined) continue;
          const s = st.v;
          encodeAirborneVelocity(icao, s.ve / KT, s.vn / KT, (s.vu / FT) * 60, beast.frame());
          beast.add(time);
        } else if (inst.identity.callsign !== undefined) {
          encodeIdentification(icao, inst.identity.callsign, spec.targetClass === "airliner" ? 5 : 1, beast.frame());
          beast.add(time);
        }
      }
    }
  }
  reports.sort((a, b) => a.time - b.time);
  return { reports, ...beast.finish() };
}
