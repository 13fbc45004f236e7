/**
 * The Skywatch air-picture wire protocol: what the server sends to browsers over the
 * WebSocket `/ws` and returns from the HTTP API. JSON, one message per WebSocket frame.
 *
 * Units at the edge are the operator's where that is the convention, and every field in
 * a non-SI unit says so in its name (`latDeg`, `flightLevel`, `courseDeg`). Times are UTC
 * seconds since 1970-01-01 (float), as everywhere in Skywatch.
 *
 * The browser keeps a copy of these types in `web/src/protocol.ts` (the web app imports
 * nothing from `src/`); change both together and bump {@link PROTOCOL_VERSION}.
 *
 * Message flow on `/ws`:
 * 1. `hello` once, on connect: sensors, map centre, server time.
 * 2. `tracks` with `snapshot: true`: every live track; the client replaces its picture.
 * 3. then, at most {@link MAX_BATCHES_PER_SECOND} times a second: `tracks` (latest state of
 *    each track that changed) and/or `deleted` (track numbers gone).
 */
import type { Sensor, SystemTrack, TrackStatus } from "../types/index.js";

/** Version of the message shapes below; the client shows a warning on mismatch. */
export const PROTOCOL_VERSION = 1;

/** Upper bound of update batches per second sent to one client (coalescing window 250 ms). */
export const MAX_BATCHES_PER_SECOND = 4;

/** Metres per foot (international foot, exact). */
const METRES_PER_FOOT = 0.3048;

/** A geographic point for display, degrees. */
export interface LatLonDeg {
  /** WGS-84 latitude, degrees, positive north. */
  latDeg: number;
  /** WGS-84 longitude, degrees, positive east. */
  lonDeg: number;
}

/** A sensor site as the display needs it. */
export interface SensorView extends LatLonDeg {
  /** Sensor id "SAC/SIC". */
  id: string;
  /** Human-readable name. */
  name: string;
  /** Antenna height above the WGS-84 ellipsoid, metres. */
  altitudeM: number;
  /** Antenna rotation (scan) period, seconds, when known. */
  rotationPeriodS?: number;
}

/** Live track states on the wire (deleted tracks travel in a {@link DeletedMessage}). */
export type TrackViewStatus = Exclude<TrackStatus, "deleted">;

/** One system track as the display needs it. */
export interface TrackView extends LatLonDeg {
  /** System track number, unique within a run. */
  trackNumber: number;
  /** Life-cycle state. */
  status: TrackViewStatus;
  /** UTC seconds of this state (last update or prediction). */
  time: number;
  /** Height above the WGS-84 ellipsoid, metres (geometric, from the tracker's state). */
  altitudeM: number;
  /** Flight level (pressure altitude in hundreds of feet, 1013.25 hPa) from Mode C, when known. */
  flightLevel?: number;
  /** Horizontal speed over ground, m/s. */
  groundSpeedMps: number;
  /** Course over ground, degrees clockwise from true north, [0, 360). */
  courseDeg: number;
  /** Vertical rate, m/s, positive climbing. */
  verticalRateMps: number;
  /** Horizontal 1-sigma position error, metres. */
  positionSigmaM: number;
  /** Mode 3/A code as 4 octal digits, e.g. "7700", when known. */
  mode3A?: string;
  /** 24-bit ICAO aircraft address as 6 upper-case hex digits, e.g. "4B1A2F", when known. */
  icaoAddress?: string;
  /** Aircraft identification (callsign), when known. */
  callsign?: string;
  /** Sensors ("SAC/SIC") that have updated the track. */
  sensors: string[];
  /** Number of reports associated so far. */
  updates: number;
  /** UTC seconds of the last associated report. */
  lastUpdateTime: number;
}

/** First message on every connection. */
export interface HelloMessage {
  type: "hello";
  protocolVersion: number;
  /** Server wall-clock time, UTC seconds. */
  serverTime: number;
  /** Sensor sites. */
  sensors: SensorView[];
  /** Suggested initial map centre (mean of the sensor sites, else of the tracks, else 0/0). */
  mapCentre: LatLonDeg;
}

/** A batch of track states. */
export interface TracksMessage {
  type: "tracks";
  /** True for the full picture sent on connect: the client drops tracks not listed. */
  snapshot: boolean;
  /** Server wall-clock time of sending, UTC seconds. */
  serverTime: number;
  /** Latest state of each listed track. */
  tracks: TrackView[];
}

/** Tracks that were deleted since the last batch. */
export interface DeletedMessage {
  type: "deleted";
  serverTime: number;
  trackNumbers: number[];
}

/** Every message the server sends on `/ws`. Discriminated by `type`. */
export type ServerMessage = HelloMessage | TracksMessage | DeletedMessage;

/** Body of `GET /api/tracks`. */
export interface TracksResponse {
  serverTime: number;
  tracks: TrackView[];
}

/** Body of `GET /api/sensors`. */
export interface SensorsResponse {
  sensors: SensorView[];
}

const DEG_PER_RAD = 180 / Math.PI;

/** Rounds to a multiple of `step` (keeps messages short; `step` well below display precision). */
function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Rounds to `decimals` places without float noise in the JSON text (e.g. 0.30000000000000004). */
function fixed(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

/** Formats a 12-bit Mode 3/A code as 4 octal digits ("7700"). ICAO Annex 10 Vol IV, 2.1.4.1. */
export function formatMode3A(code: number): string {
  return (code & 0o7777).toString(8).padStart(4, "0");
}

/** Formats a 24-bit ICAO aircraft address as 6 upper-case hex digits. ICAO Annex 10 Vol III, App. to Ch. 9. */
export function formatIcaoAddress(address: number): string {
  return (address & 0xffffff).toString(16).toUpperCase().padStart(6, "0");
}

/** Flight level from a pressure altitude in metres (FL = feet / 100, ICAO Doc 8168). */
export function flightLevelOf(pressureAltitudeM: number): number {
  return fixed(pressureAltitudeM / METRES_PER_FOOT / 100, 2);
}

/**
 * Converts a system track to its wire view: radians → degrees, ENU velocity → ground speed,
 * course and vertical rate. Non-finite numbers become 0 so the JSON stays valid.
 * @param track a live track (status other than "deleted"; a deleted one is shown as "coasting").
 */
export function toTrackView(track: SystemTrack): TrackView {
  const { east, north, up } = track.velocity;
  const safe = (x: number): number => (Number.isFinite(x) ? x : 0);
  let course = Math.atan2(safe(east), safe(north)) * DEG_PER_RAD;
  if (course < 0) course += 360;
  const view: TrackView = {
    trackNumber: track.trackNumber,
    status: track.status === "deleted" ? "coasting" : track.status,
    time: safe(track.time),
    latDeg: fixed(safe(track.position.lat) * DEG_PER_RAD, 6),
    lonDeg: fixed(safe(track.position.lon) * DEG_PER_RAD, 6),
    altitudeM: fixed(safe(track.position.height), 1),
    groundSpeedMps: fixed(Math.hypot(safe(east), safe(north)), 1),
    courseDeg: fixed(roundTo(course, 0.1) % 360, 1),
    verticalRateMps: fixed(safe(up), 1),
    positionSigmaM: fixed(safe(track.positionSigma), 1),
    sensors: [...track.sensors],
    updates: track.updates,
    lastUpdateTime: safe(track.lastUpdateTime),
  };
  if (track.pressureAltitude !== undefined && Number.isFinite(track.pressureAltitude)) {
    view.flightLevel = flightLevelOf(track.pressureAltitude);
  }
  const id = track.identity;
  if (id.mode3A !== undefined) view.mode3A = formatMode3A(id.mode3A);
  if (id.icaoAddress !== undefined) view.icaoAddress = formatIcaoAddress(id.icaoAddress);
  if (id.callsign !== undefined && id.callsign.trim() !== "") view.callsign = id.callsign.trim();
  return view;
}

/** Converts a sensor to its wire view (radians → degrees). */
export function toSensorView(sensor: Sensor): SensorView {
  const view: SensorView = {
    id: sensor.id,
    name: sensor.name,
    latDeg: fixed(sensor.site.lat * DEG_PER_RAD, 6),
    lonDeg: fixed(sensor.site.lon * DEG_PER_RAD, 6),
    altitudeM: fixed(sensor.site.height, 1),
  };
  if (sensor.rotationPeriod !== undefined) view.rotationPeriodS = sensor.rotationPeriod;
  return view;
}

/**
 * Suggested map centre: the mean of the sensor sites, else of the tracks, else 0°/0°.
 * Longitudes are averaged as unit vectors so sites either side of ±180° do not average to 0.
 */
export function mapCentreOf(sensors: readonly LatLonDeg[], tracks: readonly LatLonDeg[]): LatLonDeg {
  const points = sensors.length > 0 ? sensors : tracks;
  if (points.length === 0) return { latDeg: 0, lonDeg: 0 };
  let lat = 0;
  let x = 0;
  let y = 0;
  for (const p of points) {
    lat += p.latDeg;
    x += Math.cos(p.lonDeg / DEG_PER_RAD);
    y += Math.sin(p.lonDeg / DEG_PER_RAD);
  }
  return { latDeg: fixed(lat / points.length, 6), lonDeg: fixed(Math.atan2(y, x) * DEG_PER_RAD, 6) };
}
