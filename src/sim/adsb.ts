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
import type { Enu, Geodetic } from "../geo/index.js";
import { DEG, STANDARD_K, fromDegrees, gaussianRadius, geodeticToPolar } from "../geo/index.js";
import type { AdsbReport } from "../types/index.js";
import { sensorIdOf } from "../types/index.js";
import { encodeAirbornePosition, encodeAirborneVelocity, encodeIdentification, MAX_BEAST_RECORD, writeBeastRecord } from "./modes_encoder.js";
import { gaussian, hash32, skip, streamFor } from "./random.js";
import type { CompiledScenario, TargetInstance } from "./scenario.js";
import { activeTargets } from "./scenario.js";
import { trajectoryPositionAt, trajectoryPositionInto } from "./trajectory.js";

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

/**
 * Collects Beast records with their times (and the report a position frame belongs to), then
 * puts both in time order (ties: order of arrival).
 */
class BeastCollector {
  private buf = new Uint8Array(1 << 14);
  private used = 0;
  private times = new Float64Array(1024);
  private starts = new Uint32Array(1024);
  private reports: (AdsbReport | undefined)[] = [];
  private n = 0;
  private readonly scratch = new Uint8Array(14);

  /** The 14-byte scratch frame to encode into before `add`. */
  frame(): Uint8Array {
    return this.scratch;
  }

  /** Adds the scratch frame received at UTC `time` (s), with the report it gave, if any. */
  add(time: number, report?: AdsbReport): void {
    if (this.used + MAX_BEAST_RECORD > this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf.subarray(0, this.used));
      this.buf = bigger;
    }
    if (this.n === this.times.length) {
      const times = new Float64Array(2 * this.n);
      times.set(this.times);
      this.times = times;
      const starts = new Uint32Array(2 * this.n);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.times[this.n] = time;
    this.starts[this.n] = this.used;
    this.reports.push(report);
    this.n++;
    this.used = writeBeastRecord(this.buf, this.used, this.scratch, time);
  }

  /** Empties the collector for the next window (buffers kept). */
  reset(): void {
    this.used = 0;
    this.n = 0;
    this.reports.length = 0;
  }

  finish(): { beast: Uint8Array; frameCount: number; reports: AdsbReport[] } {
    const n = this.n;
    const times = this.times;
    const reports: AdsbReport[] = [];
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = times[i] >= times[i - 1];
    if (sorted) {
      for (const r of this.reports) if (r !== undefined) reports.push(r);
      return { beast: this.buf.slice(0, this.used), frameCount: n, reports };
    }
    // Stable order by time without a comparator call per pair: a counting sort into n buckets
    // by time (monotone in time), then an insertion sort inside each bucket (few frames each).
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (times[i] < lo) lo = times[i];
      if (times[i] > hi) hi = times[i];
    }
    const scale = n / (hi - lo);
    const bucket = new Uint32Array(n);
    const first = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const b = Math.min(n - 1, Math.floor((times[i] - lo) * scale));
      bucket[i] = b;
      first[b + 1]++;
    }
    for (let b = 0; b < n; b++) first[b + 1] += first[b];
    const order = new Uint32Array(n);
    const fill = first.slice(0, n);
    for (let i = 0; i < n; i++) order[fill[bucket[i]]++] = i;
    for (let b = 0; b < n; b++) {
      for (let j = first[b] + 1; j < first[b + 1]; j++) {
        const i = order[j];
        const t = times[i];
        let k = j - 1;
        while (k >= first[b] && times[order[k]] > t) {
          order[k + 1] = order[k];
          k--;
        }
        order[k + 1] = i;
      }
    }
    const out = new Uint8Array(this.used);
    let o = 0;
    const buf = this.buf;
    for (let j = 0; j < n; j++) {
      const i = order[j];
      const end = i + 1 < n ? this.starts[i + 1] : this.used;
      for (let k = this.starts[i]; k < end; k++) out[o++] = buf[k];
      const r = this.reports[i];
      if (r !== undefined) reports.push(r);
    }
    return { beast: out, frameCount: n, reports };
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
  private readonly p = new Float64Array(3);

  reset(inst: TargetInstance, t0: number, t1: number): void {
    this.inst = inst;
    this.g0 = Math.floor(t0 / GRID) * GRID - GRID;
    this.n = Math.ceil((t1 - this.g0) / GRID) + 2;
    if (this.n > this.lat.length) {
      const m = 2 * this.n;
      this.lat = new Float64Array(m); this.lon = new Float64Array(m); this.h = new Float64Array(m); this.ok = new Uint8Array(m);
    }
    const p = this.p;
    for (let i = 0; i < this.n; i++) {
      const ok = trajectoryPositionInto(inst.trajectory, this.g0 + i * GRID - inst.startTime, p);
      this.ok[i] = ok ? 1 : 0;
      if (ok) {
        this.lat[i] = p[0]; this.lon[i] = p[1]; this.h[i] = p[2];
      }
    }
  }

  /** Position (lat, lon rad; height m) and velocity (m/s, ENU) of the last successful `at`. */
  lat0 = 0;
  lon0 = 0;
  h0 = 0;
  ve = 0;
  vn = 0;
  vu = 0;

  /**
   * Position and velocity (chord of the grid step) at scenario time t into the fields above;
   * false outside the route.
   */
  at(t: number): boolean {
    const i = Math.floor((t - this.g0) / GRID);
    if (i >= 0 && i + 1 < this.n && this.ok[i] && this.ok[i + 1]) {
      const f = (t - this.g0) / GRID - i;
      let dLon = this.lon[i + 1] - this.lon[i];
      if (dLon > Math.PI) dLon -= 2 * Math.PI;
      else if (dLon < -Math.PI) dLon += 2 * Math.PI;
      const lat = this.lat[i] + f * (this.lat[i + 1] - this.lat[i]);
      this.lat0 = lat;
      this.lon0 = this.lon[i] + f * dLon;
      this.h0 = this.h[i] + f * (this.h[i + 1] - this.h[i]);
      const r = gaussianRadius(lat);
      this.ve = (dLon * r * Math.cos(lat)) / GRID;
      this.vn = ((this.lat[i + 1] - this.lat[i]) * r) / GRID;
      this.vu = (this.h[i + 1] - this.h[i]) / GRID;
      return true;
    }
    const p = trajectoryPositionAt(this.inst.trajectory, t - this.inst.startTime);
    const v = stateAt(this.inst, t);
    if (p === undefined || v === undefined) return false;
    this.lat0 = p.lat;
    this.lon0 = p.lon;
    this.h0 = p.height;
    this.ve = v.ve;
    this.vn = v.vn;
    this.vu = v.vu;
    return true;
  }
}

/*
 * The station's reports are built by constructors rather than object literals: a window's
 * reports all live until the window is handed on, which V8's allocation-site statistics take
 * for long-lived objects, so literal-made reports were allocated straight into the old
 * generation and each cost a share of a full mark-compact (about a third of the station's
 * time). Constructed objects are left in the young generation, where they die cheaply.
 * Same fields in the same order as the literal they replace, so the same JSON.
 */

/** A WGS-84 position (`Geodetic`). */
class Position implements Geodetic {
  constructor(readonly lat: number, readonly lon: number, readonly height: number) {}
}

/** An ENU velocity (`Enu`), m/s. */
class Velocity implements Enu {
  constructor(readonly east: number, readonly north: number, readonly up: number) {}
}

/** One received airborne position message with the velocity of the moment (one object shape for every report: `callsign` undefined when unknown). */
class PositionReport implements AdsbReport {
  readonly kind = "adsb";
  readonly sensorId: string;
  readonly time: number;
  readonly icaoAddress: number;
  readonly source = "adsb";
  readonly position: Position;
  readonly heightType = "barometric";
  readonly pressureAltitude: number;
  readonly velocity: Velocity;
  readonly positionSigma: number;
  readonly nacp: number;
  readonly nic = 8;
  readonly version = 2;
  readonly callsign: string | undefined;

  constructor(sensorId: string, time: number, icao: number, position: Position, pressureAltitude: number, velocity: Velocity, positionSigma: number, nacp: number, callsign: string | undefined) {
    this.sensorId = sensorId;
    this.time = time;
    this.icaoAddress = icao;
    this.position = position;
    this.pressureAltitude = pressureAltitude;
    this.velocity = velocity;
    this.positionSigma = positionSigma;
    this.nacp = nacp;
    this.callsign = callsign;
  }
}

/** Scratch of `adsbWindow`, reused from window to window (one thread; a window is computed in one call). */
const COLLECTOR = new BeastCollector();
const SAMPLER = new Sampler();

/**
 * Messages of the station for the scenario-time window [t0, t1) (s). Each target's message
 * schedule is fixed by (seed, station, target), so windows can be produced in any order.
 */
export function adsbWindow(scenario: CompiledScenario, station: AdsbStationSpec, t0: number, t1: number, opts: AdsbRunOptions): AdsbOutput {
  const sensorId = sensorIdOf(station.sac, station.sic);
  const site = fromDegrees(station.latDeg, station.lonDeg, station.height);
  const rates = [station.positionRate ?? 2, station.velocityRate ?? 2, station.identificationRate ?? 0.2];
  const pRx = opts.ideal ? 1 : station.receptionProbability ?? 0.9;
  const beast = COLLECTOR;
  beast.reset();
  const sampler = SAMPLER;
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
        const t = n * period + phase * period + jitter;
        // Position noise: two normal draws per message; only a received position message uses
        // them, the others skip their four uniforms (same stream, no logarithms).
        if (!rx || kind !== 0) {
          skip(rng, 4);
          if (!rx) continue;
        }
        const time = opts.epoch + t;
        if (kind === 0) {
          const nE = gaussian(rng) * sigma;
          const nN = gaussian(rng) * sigma;
          if (!sampler.at(t)) continue;
          const altFt = Math.round(sampler.h0 / FT / 25) * 25;
          // Noise offsets of metres to hundreds of metres: local flat-earth step (error ~ (d/R)², negligible).
          let lat = sampler.lat0;
          let lon = sampler.lon0;
          if (sigma !== 0) {
            const r = gaussianRadius(lat);
            lon = lon + nE / (r * Math.cos(lat));
            lat = lat + nN / r;
          }
          const report = new PositionReport(
            sensorId, time, icao, new Position(lat, lon, altFt * FT), altFt * FT,
            new Velocity(sampler.ve, sampler.vn, sampler.vu), sigmaOut, nacp, inst.identity.callsign,
          );
          encodeAirbornePosition(icao, lat / DEG, lon / DEG, altFt, n % 2 !== 0, 11, beast.frame());
          beast.add(time, report);
        } else if (kind === 1) {
          if (!sampler.at(t)) continue;
          encodeAirborneVelocity(icao, sampler.ve / KT, sampler.vn / KT, (sampler.vu / FT) * 60, beast.frame());
          beast.add(time);
        } else if (inst.identity.callsign !== undefined) {
          encodeIdentification(icao, inst.identity.callsign, spec.targetClass === "airliner" ? 5 : 1, beast.frame());
          beast.add(time);
        }
      }
    }
  }
  return beast.finish();
}
