/**
 * The per-aircraft state a Mode S / ADS-B receiver keeps (as dump1090 and readsb do), keyed by
 * ICAO address: last even/odd CPR frames, position, altitude, velocity, identity, versions and
 * quality, with the time of each. It turns decoded messages into `SensorReport`s:
 *
 * - an accepted ADS-B position (DF17/18 TC 5–8, 9–18, 20–22) → `AdsbReport` (kind "adsb"),
 *   carrying the aircraft's latest velocity, identity and quality;
 * - a surveillance or all-call reply of a known aircraft (DF0/4/5/11/16/20/21) → `ModeSReport`
 *   (kind "modes").
 *
 * What is not believed (counted in `stats`, verdict in `verdict`):
 * - DF17/18 failing the CRC, DF11 whose parity is not a valid II/SI overlay;
 * - address/parity replies (DF0/4/5/16/20/21) whose recovered address was not seen in a
 *   CRC-checked DF11/17/18 within `knownAddressTimeout` (a corrupt reply yields a random
 *   address: dump1090's "ICAO filter");
 * - values failing the reasonableness checks of `plausibility.ts` (altitude, velocity,
 *   position jumps; receiver range).
 *
 * CPR: a global decode pairs the newest even and odd frames of the same kind (airborne or
 * surface) received within `airbornePairWindow` / `surfacePairWindow` seconds (DO-260B
 * §A.1.7.7 note, §A.1.7.8); otherwise a local decode against the aircraft's own position of
 * less than `localReferenceAge` seconds. Surface positions need a reference (the receiver, or
 * the aircraft's last airborne position).
 */
import type { AdsbReport, ModeSReport, SensorReport } from "../../types/index.js";
import { categorySet } from "./adsb.js";
import { adsbReport, modesReport } from "./reports.js";
import { inferBds } from "./commb_infer.js";
import { cprGlobalAirborne, cprGlobalSurface, cprLocal, type CprSolution } from "./cpr.js";
import { EsSource, type ModeSMessage } from "./message.js";
import {
  altitudeReachable, DEFAULT_PLAUSIBILITY, distanceDeg, positionReachable, velocityReachable, type PlausibilityLimits,
} from "./plausibility.js";

/** Options of an {@link AircraftStore}. */
export interface AircraftStoreOptions {
  /** Sensor id stamped on the reports, e.g. "adsb:home" (default "adsb"). */
  sensorId: string;
  /** Receiver position, degrees: reference for surface decoding and the range check. */
  receiver?: { latDeg: number; lonDeg: number };
  /** Largest believable distance from the receiver, metres (default 600 km). */
  maxRange: number;
  /** Largest age difference of an airborne even/odd pair, seconds (default 10). */
  airbornePairWindow: number;
  /** Largest age difference of a surface even/odd pair, seconds (default 25). */
  surfacePairWindow: number;
  /** Largest age of the aircraft's own position used for local decoding, seconds (default 30). */
  localReferenceAge: number;
  /** How long a CRC-checked address stays known for address/parity replies, seconds (default 600). */
  knownAddressTimeout: number;
  /** Largest age of a velocity attached to a position report, seconds (default 10). */
  velocityMaxAge: number;
  /** Reasonableness limits. */
  limits: PlausibilityLimits;
  /**
   * Offline use only: when an aircraft's first position is found, decode its earlier
   * undecoded airborne frames (≤ `airbornePairWindow` old) locally against it; they are put in
   * `backfilled` (not emitted as reports, which stay in time order).
   */
  backfill: boolean;
}

/** An even or odd CPR frame as received. */
interface CprFrame {
  lat: number;
  lon: number;
  time: number;
}

/** Everything known of one aircraft. Times are UTC seconds; NaN = never. */
export class AircraftState {
  readonly icao: number;
  firstSeen: number;
  lastSeen: number;
  messages = 0;
  /** Last time a CRC-checked DF11/17/18 carried this address. */
  knownUntil = -Infinity;
  source: AdsbReport["source"] = "adsb";
  callsign = "";
  category = "";
  squawk = -1;
  emergency = -1;
  altitudeFt = NaN;
  altitudeTime = NaN;
  altitudeCandidateFt = NaN;
  altitudeCandidateTime = NaN;
  gnssHeightFt = NaN;
  geoMinusBaroFt = NaN;
  latDeg = NaN;
  lonDeg = NaN;
  positionTime = NaN;
  positionSurface = false;
  candidateLat = NaN;
  candidateLon = NaN;
  candidateTime = NaN;
  groundSpeedKt = NaN;
  trackDeg = NaN;
  vEwKt = NaN;
  vNsKt = NaN;
  verticalRateFpm = NaN;
  velocityTime = NaN;
  velocityCandidate: [number, number, number] | undefined;
  onGround = -1;
  version = -1;
  nacp = -1;
  nicA = 0;
  nicC = 0;
  sil = -1;
  signal = NaN;
  readonly air: (CprFrame | undefined)[] = [undefined, undefined];
  readonly surf: (CprFrame | undefined)[] = [undefined, undefined];
  pending: Array<{ odd: number; lat: number; lon: number; time: number }> = [];
  constructor(icao: number, time: number) {
    this.icao = icao;
    this.firstSeen = time;
    this.lastSeen = time;
  }
}

/** Counters of a store. */
export interface AircraftStoreStats {
  messages: number;
  crcFailed: number;
  unknownAddress: number;
  implausible: number;
  unsupported: number;
  globalDecodes: number;
  localDecodes: number;
  pairsRejected: number;
  adsbReports: number;
  modesReports: number;
}

/** Verdict on the last message given to `ingest`. */
export interface Verdict {
  /** False when the message was not believed. */
  plausible: boolean;
  /** Why not ("crc", "unknown-address", "altitude", "velocity", "position", "range", "unsupported"), or "". */
  reason: string;
  /** The position decoded from this message, if any. */
  fix?: { latDeg: number; lonDeg: number; method: "global" | "local"; solution: CprSolution };
}

const DEFAULTS: AircraftStoreOptions = {
  sensorId: "adsb", maxRange: 600e3, airbornePairWindow: 10, surfacePairWindow: 25, localReferenceAge: 30,
  knownAddressTimeout: 600, velocityMaxAge: 10, limits: DEFAULT_PLAUSIBILITY, backfill: false,
};

/** The state store (see module doc). Deterministic: no clock, times come with the messages. */
export class AircraftStore {
  readonly options: AircraftStoreOptions;
  readonly aircraft = new Map<number, AircraftState>();
  readonly stats: AircraftStoreStats = {
    messages: 0, crcFailed: 0, unknownAddress: 0, implausible: 0, unsupported: 0, globalDecodes: 0, localDecodes: 0,
    pairsRejected: 0, adsbReports: 0, modesReports: 0,
  };
  /** Verdict on the last message. */
  readonly verdict: Verdict = { plausible: true, reason: "" };
  /** Positions decoded after the fact (option `backfill`). */
  readonly backfilled: Array<{ icao: number; time: number; latDeg: number; lonDeg: number }> = [];

  constructor(options: Partial<AircraftStoreOptions> = {}) {
    this.options = { ...DEFAULTS, ...options, limits: { ...DEFAULT_PLAUSIBILITY, ...options.limits } };
  }

  /** Marks an address as known (as a CRC-checked DF11/17/18 would), until `time + knownAddressTimeout`. */
  markKnown(icao: number, time: number): AircraftState {
    const ac = this.state(icao, time);
    ac.knownUntil = time + this.options.knownAddressTimeout;
    return ac;
  }

  private state(icao: number, time: number): AircraftState {
    let ac = this.aircraft.get(icao);
    if (!ac) {
      ac = new AircraftState(icao, time);
      this.aircraft.set(icao, ac);
    }
    return ac;
  }

  private reject(reason: string): undefined {
    this.verdict.plausible = false;
    this.verdict.reason = reason;
    if (reason === "crc") this.stats.crcFailed++;
    else if (reason === "unknown-address") this.stats.unknownAddress++;
    else if (reason === "unsupported") this.stats.unsupported++;
    else this.stats.implausible++;
    return undefined;
  }

  /**
   * Takes one decoded message received at `time` (UTC s) with signal level `signal` (dBFS,
   * NaN when unknown). Returns the report it gives rise to, if any; `verdict` tells whether
   * it was believed.
   */
  ingest(m: ModeSMessage, time: number, signal = NaN): SensorReport | undefined {
    this.stats.messages++;
    this.verdict.plausible = true;
    this.verdict.reason = "";
    this.verdict.fix = undefined;
    const df = m.df;
    if (df === 17 || df === 18) {
      if (!m.crcOk) return this.reject("crc");
      if (m.esSource === EsSource.TisbCoarse || m.esSource === EsSource.TisbManagement || m.esSource === EsSource.Reserved) {
        return this.reject("unsupported");
      }
      const ac = this.markKnown(m.icao, time);
      this.seen(ac, time, signal);
      ac.source = m.esSource === EsSource.Adsr ? "adsr" : m.esSource === EsSource.TisbFine ? "tisb" : "adsb";
      return this.extendedSquitter(ac, m, time);
    }
    if (df === 11) {
      if (!m.crcOk) return this.reject("crc");
      const ac = this.markKnown(m.icao, time);
      this.seen(ac, time, signal);
      if (m.onGround >= 0) ac.onGround = m.onGround;
      return this.modes(ac, m, time, signal);
    }
    if (df === 0 || df === 4 || df === 5 || df === 16 || df === 20 || df === 21) {
      const ac = this.aircraft.get(m.icao);
      if (!ac || ac.knownUntil < time) return this.reject("unknown-address");
      if (Number.isFinite(m.altitudeFt) && !this.acceptAltitude(ac, m.altitudeFt, time)) return this.reject("altitude");
      this.seen(ac, time, signal);
      if (m.squawk >= 0) ac.squawk = m.squawk;
      if (m.onGround >= 0) ac.onGround = m.onGround;
      if (df === 20 || df === 21) {
        const inf = inferBds(m.raw, 4);
        if (inf.bds === 0x20 && typeof inf.record?.callsign === "string") ac.callsign = inf.record.callsign;
      }
      return this.modes(ac, m, time, signal);
    }
    return this.reject("unsupported");
  }

  private seen(ac: AircraftState, time: number, signal: number): void {
    ac.messages++;
    ac.lastSeen = Math.max(ac.lastSeen, time);
    if (Number.isFinite(signal)) ac.signal = signal;
  }

  /** Altitude check with candidate replacement (see `plausibility.ts`). Accepts and stores when plausible. */
  private acceptAltitude(ac: AircraftState, altFt: number, time: number): boolean {
    const l = this.options.limits;
    const fresh = Number.isFinite(ac.altitudeTime) && time - ac.altitudeTime <= l.maxAge;
    let ok = !fresh || altitudeReachable(ac.altitudeFt, altFt, time - ac.altitudeTime, l);
    if (!ok && Number.isFinite(ac.altitudeCandidateTime) && time - ac.altitudeCandidateTime <= l.maxAge &&
      altitudeReachable(ac.altitudeCandidateFt, altFt, time - ac.altitudeCandidateTime, l)) ok = true;
    if (!ok) {
      ac.altitudeCandidateFt = altFt;
      ac.altitudeCandidateTime = time;
      return false;
    }
    ac.altitudeFt = altFt;
    ac.altitudeTime = time;
    ac.altitudeCandidateTime = NaN;
    return true;
  }

  private extendedSquitter(ac: AircraftState, m: ModeSMessage, time: number): SensorReport | undefined {
    const tc = m.tc;
    if (tc >= 1 && tc <= 4) {
      if (m.callsign && !m.callsign.includes("#")) ac.callsign = m.callsign;
      ac.category = `${categorySet(tc)}${m.category}`;
      return undefined;
    }
    if (m.cprOdd >= 0) return this.position(ac, m, time);
    if (tc === 19) {
      if (Number.isFinite(m.groundSpeedKt)) {
        const l = this.options.limits;
        const fresh = Number.isFinite(ac.velocityTime) && time - ac.velocityTime <= l.maxAge;
        let ok = !fresh || velocityReachable(ac.groundSpeedKt, ac.trackDeg, m.groundSpeedKt, m.trackDeg, time - ac.velocityTime, l);
        const c = ac.velocityCandidate;
        if (!ok && c && time - c[2] <= l.maxAge && velocityReachable(c[0], c[1], m.groundSpeedKt, m.trackDeg, time - c[2], l)) ok = true;
        if (!ok) {
          ac.velocityCandidate = [m.groundSpeedKt, m.trackDeg, time];
          return this.reject("velocity");
        }
        ac.velocityCandidate = undefined;
        ac.groundSpeedKt = m.groundSpeedKt;
        ac.trackDeg = m.trackDeg;
        ac.vEwKt = m.vEwKt;
        ac.vNsKt = m.vNsKt;
        ac.velocityTime = time;
      }
      if (Number.isFinite(m.verticalRateFpm)) ac.verticalRateFpm = m.verticalRateFpm;
      if (Number.isFinite(m.geoMinusBaroFt)) ac.geoMinusBaroFt = m.geoMinusBaroFt;
      return undefined;
    }
    if (tc === 28 && m.st === 1) {
      ac.squawk = m.squawk;
      ac.emergency = m.emergencyState;
    } else if (tc === 29 && m.st === 1) {
      ac.nacp = m.nacp;
      ac.sil = m.sil;
      if (ac.version < 2) ac.version = 2; // TC 29 subtype 1 exists only in version 2
    } else if (tc === 31 && m.version >= 0) {
      ac.version = m.version;
      if (m.nacp >= 0) ac.nacp = m.nacp;
      if (m.nicA >= 0) ac.nicA = m.nicA;
      if (m.nicC >= 0) ac.nicC = m.nicC;
      if (m.sil >= 0) ac.sil = m.sil;
    }
    return undefined;
  }

  private position(ac: AircraftState, m: ModeSMessage, time: number): SensorReport | undefined {
    const o = this.options;
    const surface = m.surface;
    if (!surface && Number.isFinite(m.altitudeFt) && !m.altitudeGnss && !this.acceptAltitude(ac, m.altitudeFt, time)) return this.reject("altitude");
    const frames = surface ? ac.surf : ac.air;
    const odd = m.cprOdd;
    frames[odd] = { lat: m.cprLat, lon: m.cprLon, time };
    const other = frames[1 - odd];
    const window = surface ? o.surfacePairWindow : o.airbornePairWindow;
    let sol: CprSolution | undefined;
    let method: "global" | "local" = "global";
    const ref = this.surfaceReference(ac, time);
    if (other && time - other.time <= window && time >= other.time) {
      const e = odd ? other : frames[0]!;
      const d = odd ? frames[1]! : other;
      if (!surface) sol = cprGlobalAirborne(e.lat, e.lon, d.lat, d.lon, odd === 1);
      else if (ref) sol = cprGlobalSurface(e.lat, e.lon, d.lat, d.lon, odd === 1, ref[0], ref[1]);
      if (!sol) this.stats.pairsRejected++;
    }
    const hasOwn = Number.isFinite(ac.positionTime) && time - ac.positionTime <= o.localReferenceAge && ac.positionSurface === surface;
    if (!sol && hasOwn) {
      sol = cprLocal(m.cprLat, m.cprLon, odd === 1, surface, ac.latDeg, ac.lonDeg);
      method = "local";
      // Local decoding is exact within half a zone of the reference; beyond, it is wrong.
      if (distanceDeg(sol.latDeg, sol.lonDeg, ac.latDeg, ac.lonDeg) > (surface ? 45 : 180) * 1852 / 2) sol = undefined;
    }
    if (!sol) {
      if (!surface && o.backfill) {
        ac.pending = ac.pending.filter((p) => time - p.time <= o.airbornePairWindow);
        if (ac.pending.length < 8) ac.pending.push({ odd, lat: m.cprLat, lon: m.cprLon, time });
      }
      return undefined;
    }
    if (o.receiver && distanceDeg(sol.latDeg, sol.lonDeg, o.receiver.latDeg, o.receiver.lonDeg) > o.maxRange) return this.reject("range");
    if (!Number.isFinite(sol.latDeg) || Math.abs(sol.latDeg) > 90) return this.reject("position");
    const l = o.limits;
    if (Number.isFinite(ac.positionTime) && time - ac.positionTime <= l.maxAge &&
      !positionReachable(ac.latDeg, ac.lonDeg, sol.latDeg, sol.lonDeg, time - ac.positionTime, l)) {
      const cand = Number.isFinite(ac.candidateTime) && time - ac.candidateTime <= l.maxAge &&
        positionReachable(ac.candidateLat, ac.candidateLon, sol.latDeg, sol.lonDeg, time - ac.candidateTime, l);
      if (!cand || method === "local") {
        if (method === "global") {
          ac.candidateLat = sol.latDeg;
          ac.candidateLon = sol.lonDeg;
          ac.candidateTime = time;
        }
        return this.reject("position");
      }
    }
    ac.candidateTime = NaN;
    // A new acquisition (no position, or a stale one): earlier frames can be decoded against it.
    const first = !Number.isFinite(ac.positionTime) || time - ac.positionTime > o.localReferenceAge;
    ac.latDeg = sol.latDeg;
    ac.lonDeg = sol.lonDeg;
    ac.positionTime = time;
    ac.positionSurface = surface;
    ac.onGround = surface ? 1 : 0;
    if (surface && Number.isFinite(m.groundSpeedKt)) {
      ac.groundSpeedKt = m.groundSpeedKt;
      ac.trackDeg = Number.isFinite(m.trackDeg) ? m.trackDeg : ac.trackDeg;
      ac.velocityTime = time;
      ac.vEwKt = NaN;
    }
    if (m.altitudeGnss && Number.isFinite(m.altitudeFt)) ac.gnssHeightFt = m.altitudeFt;
    if (method === "global") this.stats.globalDecodes++;
    else this.stats.localDecodes++;
    this.verdict.fix = { latDeg: sol.latDeg, lonDeg: sol.lonDeg, method, solution: sol };
    if (first && o.backfill) this.backfillPending(ac);
    this.stats.adsbReports++;
    return adsbReport(ac, m, time, this.options.sensorId, this.options.velocityMaxAge);
  }

  private surfaceReference(ac: AircraftState, time: number): [number, number] | undefined {
    if (Number.isFinite(ac.positionTime) && time - ac.positionTime <= 600) return [ac.latDeg, ac.lonDeg];
    const r = this.options.receiver;
    return r ? [r.latDeg, r.lonDeg] : undefined;
  }

  private backfillPending(ac: AircraftState): void {
    for (const p of ac.pending) {
      if (ac.positionTime - p.time > this.options.airbornePairWindow) continue;
      const s = cprLocal(p.lat, p.lon, p.odd === 1, false, ac.latDeg, ac.lonDeg);
      this.backfilled.push({ icao: ac.icao, time: p.time, latDeg: s.latDeg, lonDeg: s.lonDeg });
    }
    ac.pending = [];
  }

  private modes(ac: AircraftState, m: ModeSMessage, time: number, signal: number): ModeSReport {
    this.stats.modesReports++;
    return modesReport(ac, m, time, signal, this.options.sensorId);
  }

  /** Forgets aircraft not heard for `maxIdle` seconds before `now`; returns how many. */
  expire(now: number, maxIdle = 300): number {
    let n = 0;
    for (const [icao, ac] of this.aircraft) {
      if (now - ac.lastSeen > maxIdle) {
        this.aircraft.delete(icao);
        n++;
      }
    }
    return n;
  }
}
