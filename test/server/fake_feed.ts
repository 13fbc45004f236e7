/**
 * A deterministic stand-in for the pipeline: a dozen tracks flying straight over Moldova,
 * advanced by `step(dt)` (tests) or by a timer (`start(periodMs)`, for the browser harness).
 * Covers the display cases: cooperative airliners with callsigns, a Mode 3/A-only track,
 * non-cooperative (no SSR) tracks, a tentative and a coasting track, and a 7700 squawk.
 */
import { destination, fromDegrees } from "../../src/geo/index.js";
import type { TrackFeed } from "../../src/server/index.js";
import type { Sensor, SystemTrack, TrackStatus, TrackUpdate } from "../../src/types/index.js";

const DEG = Math.PI / 180;
const FT = 0.3048;

interface Flight {
  trackNumber: number;
  status: TrackStatus;
  startLatDeg: number;
  startLonDeg: number;
  headingDeg: number;
  speedMps: number;
  flightLevel?: number;
  climbMps: number;
  icaoAddress?: number;
  mode3A?: number;
  callsign?: string;
}

const FLIGHTS: Flight[] = [
  { trackNumber: 101, status: "confirmed", startLatDeg: 47.6, startLonDeg: 27.4, headingDeg: 120, speedMps: 230, flightLevel: 350, climbMps: 0, icaoAddress: 0x4b1a2f, mode3A: 0o2341, callsign: "WZZ4417" },
  { trackNumber: 102, status: "confirmed", startLatDeg: 46.2, startLonDeg: 27.8, headingDeg: 40, speedMps: 220, flightLevel: 370, climbMps: 0, icaoAddress: 0x50a0c1, mode3A: 0o4712, callsign: "MLD851" },
  { trackNumber: 103, status: "confirmed", startLatDeg: 47.9, startLonDeg: 29.6, headingDeg: 230, speedMps: 240, flightLevel: 390, climbMps: 0, icaoAddress: 0x3c6585, mode3A: 0o1033, callsign: "DLH1TK" },
  { trackNumber: 104, status: "confirmed", startLatDeg: 46.95, startLonDeg: 28.9, headingDeg: 80, speedMps: 150, flightLevel: 120, climbMps: 10, icaoAddress: 0x50a0c7, mode3A: 0o5201, callsign: "MLD302" },
  { trackNumber: 105, status: "confirmed", startLatDeg: 45.9, startLonDeg: 29.9, headingDeg: 320, speedMps: 235, flightLevel: 330, climbMps: 0, icaoAddress: 0x4ca7b1, mode3A: 0o7700, callsign: "RYR82QA" },
  { trackNumber: 106, status: "confirmed", startLatDeg: 47.2, startLonDeg: 30.2, headingDeg: 270, speedMps: 190, flightLevel: 240, climbMps: -8, mode3A: 0o3017 },
  { trackNumber: 107, status: "confirmed", startLatDeg: 47.3, startLonDeg: 28.2, headingDeg: 160, speedMps: 45, climbMps: 0 },
  { trackNumber: 108, status: "confirmed", startLatDeg: 46.6, startLonDeg: 28.4, headingDeg: 10, speedMps: 35, climbMps: 0 },
  { trackNumber: 109, status: "tentative", startLatDeg: 46.4, startLonDeg: 29.3, headingDeg: 300, speedMps: 60, climbMps: 0 },
  { trackNumber: 110, status: "coasting", startLatDeg: 48.1, startLonDeg: 28.0, headingDeg: 200, speedMps: 210, flightLevel: 310, climbMps: 0, icaoAddress: 0x508035, mode3A: 0o6122, callsign: "AUA7HJ" },
  { trackNumber: 111, status: "confirmed", startLatDeg: 46.0, startLonDeg: 28.3, headingDeg: 60, speedMps: 225, flightLevel: 360, climbMps: 0, icaoAddress: 0x471f8a, mode3A: 0o2204, callsign: "TAR5XM" },
  { trackNumber: 112, status: "confirmed", startLatDeg: 47.7, startLonDeg: 29.0, headingDeg: 135, speedMps: 70, flightLevel: 45, climbMps: 0, mode3A: 0o7000 },
];

/** The fake feed's sensors: a 3D radar near Chișinău and an SSR in the north. */
export const FAKE_SENSORS: Sensor[] = [
  { id: "20/129", name: "Chisinau 3D", site: fromDegrees(46.93, 28.93, 180), sigmas: { range: 60, azimuth: 0.08 * DEG, elevation: 0.2 * DEG }, rotationPeriod: 10 },
  { id: "20/130", name: "Balti SSR", site: fromDegrees(47.84, 27.78, 210), sigmas: { range: 40, azimuth: 0.05 * DEG }, rotationPeriod: 5 },
];

/** A controllable {@link TrackFeed} with a fixed start time. */
export class FakeFeed implements TrackFeed {
  /** Simulation time, UTC seconds. */
  time: number;
  private readonly listeners = new Set<(updates: TrackUpdate[]) => void>();
  private readonly tracks = new Map<number, SystemTrack>();
  private readonly startTime: number;
  private timer: NodeJS.Timeout | undefined;
  private nextTrackNumber = 200;
  /** Updates emitted so far. */
  emitted = 0;

  constructor(startTime = Date.UTC(2025, 5, 1, 12, 0, 0) / 1000) {
    this.startTime = startTime;
    this.time = startTime;
    for (const f of FLIGHTS) this.tracks.set(f.trackNumber, this.trackOf(f, startTime, 1));
  }

  /** Number of listeners currently subscribed. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: (updates: TrackUpdate[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): SystemTrack[] {
    return [...this.tracks.values()];
  }

  sensors(): Sensor[] {
    return FAKE_SENSORS;
  }

  status(): Record<string, unknown> {
    return { source: "fake", tracks: this.tracks.size, emitted: this.emitted, time: this.time };
  }

  /** Advances every track by `dt` seconds and emits one "updated" per track. */
  step(dt = 1): TrackUpdate[] {
    this.time += dt;
    const updates: TrackUpdate[] = [];
    for (const f of FLIGHTS) {
      const prev = this.tracks.get(f.trackNumber);
      if (prev === undefined) continue;
      const t = this.trackOf(f, this.time, prev.updates + 1);
      this.tracks.set(f.trackNumber, t);
      updates.push({ event: "updated", track: t });
    }
    this.emit(updates);
    return updates;
  }

  /** Emits raw updates as they are (to test odd or broken input). */
  emit(updates: TrackUpdate[]): void {
    this.emitted += updates.length;
    for (const l of this.listeners) l(updates);
  }

  /** Creates a new tentative track at the first flight's position; returns its number. */
  initiate(): number {
    const trackNumber = this.nextTrackNumber++;
    const t = { ...this.trackOf(FLIGHTS[6], this.time, 1), trackNumber, status: "tentative" as const, identity: {} };
    this.tracks.set(trackNumber, t);
    this.emit([{ event: "initiated", track: t }]);
    return trackNumber;
  }

  /** Deletes a track and emits the "deleted" update. */
  remove(trackNumber: number): void {
    const t = this.tracks.get(trackNumber);
    if (t === undefined) return;
    this.tracks.delete(trackNumber);
    this.emit([{ event: "deleted", track: { ...t, status: "deleted" } }]);
  }

  /** Steps by `periodMs / 1000` every `periodMs` of wall time. */
  start(periodMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => this.step(periodMs / 1000), periodMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private trackOf(f: Flight, time: number, updates: number): SystemTrack {
    const dt = time - this.startTime;
    const start = fromDegrees(f.startLatDeg, f.startLonDeg);
    const heightM = f.flightLevel !== undefined ? f.flightLevel * 100 * FT + f.climbMps * dt : 300;
    const position = destination(start, f.headingDeg * DEG, f.speedMps * dt, heightM);
    const h = f.headingDeg * DEG;
    return {
      trackNumber: f.trackNumber,
      status: f.status,
      time,
      position,
      velocity: { east: f.speedMps * Math.sin(h), north: f.speedMps * Math.cos(h), up: f.climbMps },
      positionSigma: 120,
      pressureAltitude: f.flightLevel !== undefined ? heightM : undefined,
      identity: { icaoAddress: f.icaoAddress, mode3A: f.mode3A, callsign: f.callsign },
      sensors: f.icaoAddress !== undefined ? ["20/129", "20/130"] : ["20/129"],
      updates,
      lastUpdateTime: f.status === "coasting" ? this.startTime : time,
    };
  }
}
