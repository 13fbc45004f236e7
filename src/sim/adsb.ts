/**
 * An ADS-B ground station: it hears the extended squitters of Mode S transponder-equipped
 * targets with ADS-B out, within its reception range and above its 4/3-earth radio horizon,
 * each message with its own reception probability. Messages follow the DO-260B / ICAO Doc 9871
 * airborne rates: position and velocity twice a second each (0.4–0.6 s apart), identification
 * every 5 s. Position errors are Gaussian, scaled from the target's NACp: the 95 % horizontal
 * bound EPU (Doc 9871 Table A-2-75 / RTCA DO-260B §2.2.3.2.7.2.7: NACp 11 < 3 m … 8 < 92.6 m)
 * gives σ = EPU / 2.448 per axis (2.448σ is the 95 % radius of a circular Gaussian).
 *
 * Output per 1-s window: `AdsbReport`s (one per received position message, with the velocity of
 * the moment) and the received frames as Beast records (DF17 TC 11 / 19 / 4, `modes_encoder.ts`).
 */
import type { Geodetic } from "../geo/index.js";
import { DEG, STANDARD_K, destination, fromDegrees, gaussianRadius, geodeticToPolar } from "../geo/index.js";
import type { AdsbReport } from "../types/index.js";
import { sensorIdOf } from "../types/index.js";
import { beastRecord, encodeAirbornePosition, encodeAirborneVelocity, encodeIdentification } from "./modes_encoder.js";
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
  /** Beast records of every received frame, in time order. */
  frames: { time: number; bytes: Uint8Array }[];
}

/** Options the station needs from the run. */
export interface AdsbRunOptions {
  /** UTC seconds of scenario time 0. */
  epoch: number;
  seed: number;
  /** Noiseless positions and certain reception (tests). */
  ideal?: boolean;
}

function stateAt(inst: TargetInstance, t: number): { p: Geodetic; ve: number; vn: number; vu: number } | undefined {
  const rt = t - inst.startTime;
  const p = trajectoryPositionAt(inst.trajectory, rt);
  if (p === undefined) return undefined;
  const a = trajectoryPositionAt(inst.trajectory, rt - 0.5) ?? p;
  const b = trajectoryPositionAt(inst.trajectory, rt + 0.5) ?? p;
  const dt = (a === p ? 0 : 0.5) + (b === p ? 0 : 0.5);
  if (dt === 0) return { p, ve: 0, vn: 0, vu: 0 };
  const r = gaussianRadius(p.lat);
  return { p, ve: ((b.lon - a.lon) * r * Math.cos(p.lat)) / dt, vn: ((b.lat - a.lat) * r) / dt, vu: (b.height - a.height) / dt };
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
  const frames: AdsbOutput["frames"] = [];
  for (const inst of activeTargets(scenario, t0, t1)) {
    const spec = inst.spec;
    if (spec.transponder !== "modeS" || spec.adsb === false || inst.identity.icaoAddress === undefined) continue;
    const icao = inst.identity.icaoAddress;
    const nacp = (spec.adsb === undefined ? undefined : spec.adsb.nacp) ?? 9;
    const sigma = opts.ideal ? 0 : nacpSigma(nacp);
    const mid = stateAt(inst, Math.max(t0, inst.startTime));
    if (mid === undefined || !heard(station, site, mid.p)) continue;
    const phase = hash32(`${opts.seed}|${sensorId}|${inst.id}`) / 4294967296;
    const rng = streamFor(opts.seed, sensorId, inst.id, Math.floor(t0));
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
        const s = stateAt(inst, t);
        if (s === undefined) continue;
        const time = opts.epoch + t;
        const altFt = Math.round(s.p.height / FT / 25) * 25;
        if (kind === 0) {
          const az = Math.atan2(nE, nN);
          const pos = sigma === 0 ? s.p : destination(s.p, az, Math.hypot(nE, nN), s.p.height);
          const report: AdsbReport = {
            kind: "adsb", sensorId, time, icaoAddress: icao, source: "adsb",
            position: { lat: pos.lat, lon: pos.lon, height: altFt * FT }, heightType: "barometric", pressureAltitude: altFt * FT,
            velocity: { east: s.ve, north: s.vn, up: s.vu }, positionSigma: nacpSigma(nacp), nacp, nic: 8, version: 2,
          };
          if (inst.identity.callsign !== undefined) report.callsign = inst.identity.callsign;
          reports.push(report);
          frames.push({ time, bytes: beastRecord(encodeAirbornePosition(icao, pos.lat / DEG, pos.lon / DEG, altFt, n % 2 !== 0), time) });
        } else if (kind === 1) {
          frames.push({ time, bytes: beastRecord(encodeAirborneVelocity(icao, s.ve / KT, s.vn / KT, (s.vu / FT) * 60), time) });
        } else if (inst.identity.callsign !== undefined) {
          frames.push({ time, bytes: beastRecord(encodeIdentification(icao, inst.identity.callsign, spec.targetClass === "airliner" ? 5 : 1), time) });
        }
      }
    }
  }
  reports.sort((a, b) => a.time - b.time);
  frames.sort((a, b) => a.time - b.time);
  return { reports, frames };
}
