/**
 * The Skywatch air-picture wire protocol, as the browser sees it. A copy of the types in
 * `src/server/protocol.ts` (the web app imports nothing from `src/`): keep both in step.
 *
 * JSON on the WebSocket `/ws`: `hello` on connect, a `tracks` snapshot, then coalesced
 * `tracks` / `deleted` batches (at most 4 a second). Times are UTC seconds; every field in a
 * non-SI unit says so in its name (`latDeg`, `flightLevel`, `courseDeg`).
 */

/** Version of the message shapes below; the client shows a warning on mismatch. */
export const PROTOCOL_VERSION = 1;

/** Upper bound of update batches per second sent to one client (coalescing window 250 ms). */
export const MAX_BATCHES_PER_SECOND = 4;

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
export type TrackViewStatus = "tentative" | "confirmed" | "coasting";

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
