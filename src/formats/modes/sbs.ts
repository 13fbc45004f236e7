/**
 * SBS-1 / BaseStation CSV (port 30003 of dump1090/readsb, Kinetic SBS format): already decoded
 * messages, one per line, 22 comma-separated fields:
 *
 * `MSG,<type>,<session>,<aircraft>,<ICAO hex>,<flight>,<date gen>,<time gen>,<date log>,
 * <time log>,<callsign>,<altitude ft>,<ground speed kt>,<track °>,<lat °>,<lon °>,
 * <vertical rate ft/min>,<squawk>,<alert>,<emergency>,<SPI>,<on ground>`
 *
 * Transmission types: 1 identification, 2 surface position, 3 airborne position, 4 airborne
 * velocity, 5 surveillance altitude, 6 surveillance identity, 7 air-to-air, 8 all-call.
 * Dates are `YYYY/MM/DD`, times `HH:MM:SS.sss` (taken as UTC; BaseStation writes the local
 * time of the receiver — pass `timeOffset` to correct). A position line becomes an
 * `AdsbReport` carrying the identity and velocity last seen for the aircraft; types 5–8 become
 * `ModeSReport`s. The feed gives no quality indicators: `positionSigma` is left undefined.
 */
import type { AdsbReport, ModeSReport, SensorReport } from "../../types/index.js";
import { FT } from "./altitude.js";

const KT = 1852 / 3600;
const FPM = FT / 60;
const DEG = Math.PI / 180;

/** Counters of an SBS decoder. */
export interface SbsStats {
  lines: number;
  reports: number;
  /** Lines that are not MSG lines of 22 fields with a valid address and time. */
  corrupt: number;
  /** MSG lines of types that carry nothing for the air picture (e.g. type 1, 4 alone). */
  stateOnly: number;
}

interface SbsAircraft {
  callsign?: string;
  squawk?: number;
  vE?: number;
  vN?: number;
  vU?: number;
  velocityTime?: number;
}

/** Options of {@link SbsDecoder}. */
export interface SbsOptions {
  sensorId: string;
  /** Seconds added to the times in the file (e.g. −3600 for a receiver on UTC+1). */
  timeOffset?: number;
  /** Time (UTC s) used when a line has no date/time. Default: NaN (such lines are corrupt). */
  fallbackTime?: number;
}

function parseTime(date: string, time: string): number {
  const d = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(time);
  if (!d || !t) return NaN;
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) / 1000 + Number(t[3]);
}

/** Stateful SBS-1 line decoder (the state is the identity/velocity per aircraft). */
export class SbsDecoder {
  readonly stats: SbsStats = { lines: 0, reports: 0, corrupt: 0, stateOnly: 0 };
  private readonly aircraft = new Map<number, SbsAircraft>();
  private readonly options: SbsOptions;

  constructor(options: SbsOptions) {
    this.options = options;
  }

  /** Decodes one line (without its newline). Returns a report or undefined. Never throws. */
  line(text: string): SensorReport | undefined {
    const s = text.trim();
    if (s.length === 0) return undefined;
    this.stats.lines++;
    const f = s.split(",");
    if (f[0] !== "MSG" || f.length < 22) {
      this.stats.corrupt++;
      return undefined;
    }
    const type = Number(f[1]);
    const icao = /^[0-9A-Fa-f]{6}$/.test(f[4]) ? parseInt(f[4], 16) : NaN;
    let time = parseTime(f[6], f[7]);
    if (!Number.isFinite(time)) time = this.options.fallbackTime ?? NaN;
    else time += this.options.timeOffset ?? 0;
    if (!Number.isFinite(icao) || !Number.isFinite(time) || !(type >= 1 && type <= 8)) {
      this.stats.corrupt++;
      return undefined;
    }
    let ac = this.aircraft.get(icao);
    if (!ac) {
      ac = {};
      this.aircraft.set(icao, ac);
    }
    const num = (i: number): number => (f[i] === "" ? NaN : Number(f[i]));
    const callsign = f[10].trim();
    if (callsign) ac.callsign = callsign;
    const sq = f[17].trim();
    if (/^[0-7]{4}$/.test(sq)) ac.squawk = parseInt(sq, 8);
    const gs = num(12);
    const trk = num(13);
    const vr = num(16);
    if (Number.isFinite(gs) && Number.isFinite(trk)) {
      ac.vE = gs * KT * Math.sin(trk * DEG);
      ac.vN = gs * KT * Math.cos(trk * DEG);
      ac.vU = Number.isFinite(vr) ? vr * FPM : 0;
      ac.velocityTime = time;
    }
    const alt = num(11);
    const onGround = f[21] === "-1" || f[21] === "1";
    const sensorId = this.options.sensorId;
    if (type === 2 || type === 3) {
      const lat = num(14);
      const lon = num(15);
      if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
        this.stats.stateOnly++;
        return undefined;
      }
      const r: AdsbReport = {
        kind: "adsb", sensorId, time, icaoAddress: icao, source: "adsb",
        position: { lat: lat * DEG, lon: lon * DEG, height: type === 3 && Number.isFinite(alt) ? alt * FT : NaN },
        onGround: type === 2 || onGround,
      };
      if (type === 3 && Number.isFinite(alt)) {
        r.heightType = "barometric";
        r.pressureAltitude = alt * FT;
      }
      if (ac.velocityTime !== undefined && time - ac.velocityTime <= 10) {
        r.velocity = { east: ac.vE as number, north: ac.vN as number, up: ac.vU as number };
      }
      if (ac.callsign) r.callsign = ac.callsign;
      if (ac.squawk !== undefined) r.mode3A = ac.squawk;
      if (f[19] === "-1" || f[19] === "1") r.emergency = "general";
      this.stats.reports++;
      return r;
    }
    if (type >= 5) {
      const r: ModeSReport = { kind: "modes", sensorId, time, icaoAddress: icao };
      if (Number.isFinite(alt)) r.pressureAltitude = alt * FT;
      if (type === 6 && ac.squawk !== undefined) r.mode3A = ac.squawk;
      if (ac.callsign) r.callsign = ac.callsign;
      if (f[21] !== "") r.onGround = onGround;
      this.stats.reports++;
      return r;
    }
    this.stats.stateOnly++;
    return undefined;
  }
}

/** Splits a byte stream into text lines across chunk boundaries (for SBS over TCP). */
export class LineSplitter {
  private rest = "";
  private readonly decoder = new TextDecoder("latin1");
  /** Feeds a chunk; calls `onLine` for each complete line. */
  push(chunk: Uint8Array, onLine: (line: string) => void): void {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    const parts = text.split(/\r?\n|\r/);
    this.rest = parts.pop() ?? "";
    if (this.rest.length > 4096) this.rest = ""; // a runaway line without newline: drop it
    for (const p of parts) onLine(p);
  }
  /** Flushes a last line without newline. */
  end(onLine: (line: string) => void): void {
    if (this.rest) onLine(this.rest);
    this.rest = "";
  }
}
