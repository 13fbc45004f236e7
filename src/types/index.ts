/**
 * The shared vocabulary of Skywatch: what decoders emit (`SensorReport`), what the
 * tracker knows of a sensor (`Sensor`), and what it produces (`SystemTrack`, `TrackUpdate`).
 *
 * Units are SI (metres, seconds, radians, m/s) unless a field's name says otherwise.
 * Times are UTC seconds since 1970-01-01 (float).
 */
import type { Enu, Geodetic } from "../geo/types.js";

export type { Enu, Geodetic, Ecef } from "../geo/types.js";

/** Sensor identifier: "SAC/SIC" in decimal, e.g. "20/129" (ASTERIX I048/010). */
export type SensorId = string;

/** Builds the sensor id of a System Area Code / System Identification Code pair (ASTERIX I048/010, I034/010). */
export function sensorIdOf(sac: number, sic: number): SensorId {
  return `${sac}/${sic}`;
}

/** Mode 3/A code with its validity flags (ASTERIX I048/070). */
export interface Mode3A {
  /** The 12-bit code as a number; print in octal (`code.toString(8).padStart(4, "0")`). */
  code: number;
  /** V bit clear: code validated. */
  validated: boolean;
  /** G bit set: garbled code. */
  garbled: boolean;
  /** L bit set: code not extracted during the last scan (smoothed or held). */
  smoothed: boolean;
}

/** Mode C (barometric) altitude as the transponder reported it (ASTERIX I048/090). */
export interface ModeC {
  /** Pressure altitude referenced to 1013.25 hPa, metres (flight level × 100 ft × 0.3048). */
  pressureAltitude: number;
  /** V bit clear: code validated. */
  validated: boolean;
  /** G bit set: garbled code. */
  garbled: boolean;
}

/** Radar detection type (ASTERIX I048/020 TYP). */
export type DetectionType =
  | "none"
  | "psr"
  | "ssr"
  | "ssr+psr"
  | "modeSAllCall"
  | "modeSRollCall"
  | "modeSAllCall+psr"
  | "modeSRollCall+psr";

/** One Mode S Comm-B reply kept raw: the 56-bit MB field and the BDS register it answers (ASTERIX I048/250). */
export interface CommB {
  /** BDS register number, e.g. 0x40 for BDS 4,0 (BDS1 << 4 | BDS2). */
  bds: number;
  /** The 7 bytes of the MB field. */
  mb: Uint8Array;
}

/** Fields common to every report. */
export interface ReportBase {
  /** Sensor that produced the report ("SAC/SIC"). */
  sensorId: SensorId;
  /** UTC seconds since 1970-01-01 of the detection (or message) time. */
  time: number;
  /** ASTERIX category the report was decoded from, when it came from ASTERIX. */
  category?: number;
}

/**
 * A radar plot (target report) in the sensor's own frame, as ASTERIX CAT048 carries it.
 * The measurement is polar: slant range and azimuth, plus elevation from a 3D radar and/or
 * a Mode C altitude. Standard deviations are filled from the sensor's configuration when the
 * format does not carry them.
 */
export interface PlotReport extends ReportBase {
  kind: "plot";
  /** Slant range from the antenna, metres (I048/040 RHO). */
  range: number;
  /** Azimuth from geographic north, clockwise, radians in [0, 2π) (I048/040 THETA). */
  azimuth: number;
  /** Elevation above the local horizontal at the antenna, radians, from a 3D radar (when measured). */
  elevation?: number;
  /** Height above mean sea level measured by a 3D radar, metres (I048/110). */
  height3D?: number;
  /** Mode C altitude (I048/090). */
  modeC?: ModeC;
  /** Mode 3/A code (I048/070). */
  mode3A?: Mode3A;
  /** 24-bit ICAO aircraft address (I048/220). */
  icaoAddress?: number;
  /** Aircraft identification (callsign), trailing spaces removed (I048/240). */
  callsign?: string;
  /** Detection type (I048/020 TYP). */
  detection: DetectionType;
  /** Special position identification (I048/020 SPI). */
  spi?: boolean;
  /** Simulated or test target (I048/020 SIM or TST). */
  simulated?: boolean;
  /** Report from a fixed transponder (field monitor) (I048/020 RAB). */
  fixedTransponder?: boolean;
  /** The radar's own track number for this plot (I048/161). */
  radarTrackNumber?: number;
  /** The radar's own tracked ground velocity (I048/200): speed m/s and heading rad from north. */
  radarVelocity?: { groundSpeed: number; heading: number };
  /** Mode S Comm-B data (I048/250). */
  commB?: CommB[];
  /** 1-sigma range error, metres. */
  rangeSigma?: number;
  /** 1-sigma azimuth error, radians. */
  azimuthSigma?: number;
  /** 1-sigma elevation error, radians. */
  elevationSigma?: number;
}

/** Radar service message types (ASTERIX CAT034 I034/000). */
export type ServiceMessageType =
  | "northMarker"
  | "southMarker"
  | "sectorCrossing"
  | "geographicalFiltering"
  | "jammingStrobe"
  | "solarStorm"
  | "ssrJammingStrobe"
  | "modeSJammingStrobe"
  | "unknown";

/** A radar service message: north marker, sector crossing, status (ASTERIX CAT034). */
export interface ServiceReport extends ReportBase {
  kind: "service";
  messageType: ServiceMessageType;
  /** Azimuth of the sector just crossed, radians (I034/020). */
  sectorAzimuth?: number;
  /** Antenna rotation period, seconds (I034/041). */
  antennaRotationPeriod?: number;
}

/** How an ADS-B height was measured. */
export type HeightType = "barometric" | "geometric";

/**
 * An ADS-B (or TIS-B / ADS-R) state report of one aircraft: a position the aircraft itself
 * measured, in WGS-84, with its quality. From Mode S extended squitter (ICAO Doc 9871) or
 * ASTERIX CAT021.
 */
export interface AdsbReport extends ReportBase {
  kind: "adsb";
  /** 24-bit ICAO aircraft address (or a TIS-B/ADS-R anonymous address). */
  icaoAddress: number;
  /** Where the report came from: ADS-B proper, TIS-B (ground uplink of a radar track), ADS-R (rebroadcast). */
  source?: "adsb" | "tisb" | "adsr";
  /** Position: latitude/longitude radians; height metres (see `heightType`) when known, else NaN. */
  position?: Geodetic;
  /** Reference of `position.height`: barometric (pressure altitude) or geometric (GNSS, above the ellipsoid). */
  heightType?: HeightType;
  /** Pressure altitude (1013.25 hPa), metres, when reported. */
  pressureAltitude?: number;
  /** Geometric (GNSS) height above the WGS-84 ellipsoid, metres, when reported. */
  geometricHeight?: number;
  /** Ground velocity in the local ENU frame at the aircraft, m/s (up = vertical rate). */
  velocity?: Enu;
  /** 1-sigma horizontal position error implied by the reported quality (NACp / NUCp), metres. */
  positionSigma?: number;
  /** Navigation accuracy category for position (0–11), ADS-B v1/v2. */
  nacp?: number;
  /** Navigation integrity category (0–11). */
  nic?: number;
  /** Source integrity level (0–3). */
  sil?: number;
  /** ADS-B version (0, 1, 2). */
  version?: number;
  /** Aircraft on the ground (surface position or ground flag). */
  onGround?: boolean;
  /** Aircraft identification (callsign), trailing spaces removed. */
  callsign?: string;
  /** Emitter category (ICAO Doc 9871 Table A-2-8 set/category, e.g. "A3"). */
  emitterCategory?: string;
  /** Mode 3/A code when reported (aircraft status BDS 6,1 or CAT021 I021/070). */
  mode3A?: number;
  /** Emergency / priority status, when reported: "none", "general", "medical", "minimumFuel", "noComms", "unlawful", "downed". */
  emergency?: string;
}

/**
 * A Mode S surveillance reply without position (DF4/5/20/21, DF11 all-call): identity and
 * altitude of an aircraft a receiver heard. ICAO Annex 10 Vol. IV, §3.1.2.
 */
export interface ModeSReport extends ReportBase {
  kind: "modes";
  icaoAddress: number;
  /** Pressure altitude from the AC field, metres. */
  pressureAltitude?: number;
  /** Mode 3/A code from the ID field. */
  mode3A?: number;
  /** Aircraft identification from Comm-B BDS 2,0, when decoded. */
  callsign?: string;
  /** Flight status (FS field): airborne false when on the ground. */
  onGround?: boolean;
  /** Signal level, dBFS, when the receiver gives it. */
  signalLevel?: number;
}

/**
 * A target position measured by a multilateration system or a surface movement radar that
 * reports positions directly (ASTERIX CAT010, CAT020), with its quality.
 */
export interface MlatReport extends ReportBase {
  kind: "mlat";
  /** WGS-84 position when the sensor gives one (height NaN when unknown). */
  position?: Geodetic;
  /** Position in the sensor's local Cartesian plane (x east, y north, metres), when given instead. */
  cartesian?: { x: number; y: number };
  /** 1-sigma errors of the position along x (east) and y (north), metres, when reported. */
  positionSigma?: { x: number; y: number };
  /** Ground velocity (east, north, up) in m/s, when reported. */
  velocity?: Enu;
  icaoAddress?: number;
  mode3A?: number;
  callsign?: string;
  /** Pressure altitude, metres. */
  pressureAltitude?: number;
  /** Geometric height, metres. */
  geometricHeight?: number;
  /** The sensor's own track number. */
  sensorTrackNumber?: number;
  onGround?: boolean;
}

/**
 * A system track from another tracker (ASTERIX CAT062, e.g. ARTAS): a fused position and
 * velocity with the identity the tracker holds.
 */
export interface TrackReport extends ReportBase {
  kind: "track";
  /** The other tracker's track number (I062/040). */
  trackNumber: number;
  /** WGS-84 position (I062/105), height NaN when none is given. */
  position?: Geodetic;
  /** Position in the tracker's system plane (x east, y north, metres; I062/100), when given. */
  cartesian?: { x: number; y: number };
  /** Velocity (east, north, up) in m/s (I062/185, I062/220). */
  velocity?: Enu;
  /** 1-sigma horizontal position errors along x and y, metres (I062/500 APC). */
  positionSigma?: { x: number; y: number };
  /** Measured flight level as pressure altitude, metres (I062/136). */
  pressureAltitude?: number;
  /** Geometric altitude, metres (I062/130). */
  geometricHeight?: number;
  mode3A?: number;
  icaoAddress?: number;
  callsign?: string;
  /** Track status flags (I062/080): coasting (CST), simulated, end of track. */
  coasting?: boolean;
  simulated?: boolean;
  endOfTrack?: boolean;
}

/** Every report a decoder can emit. Discriminated by `kind`. */
export type SensorReport = PlotReport | ServiceReport | AdsbReport | ModeSReport | MlatReport | TrackReport;

/** Measurement standard deviations of a sensor (1 sigma). */
export interface SensorSigmas {
  /** Slant range, metres. */
  range: number;
  /** Azimuth, radians. */
  azimuth: number;
  /** Elevation, radians (3D radars). */
  elevation?: number;
  /** Mode C altitude, metres. */
  modeC?: number;
}

/** A sensor site as the tracker needs it. */
export interface Sensor {
  id: SensorId;
  /** Human-readable name. */
  name: string;
  /** Antenna position on WGS-84: lat/lon radians, height above the ellipsoid metres. */
  site: Geodetic;
  /** Measurement standard deviations. */
  sigmas: SensorSigmas;
  /** Antenna rotation period, seconds (scan period). */
  rotationPeriod?: number;
  /** Coverage-audit parameters (terrain line of sight), when the sensors file gives them. */
  coverage?: SensorCoverage;
}

/** What a coverage audit needs beyond the site (all optional; SI units). */
export interface SensorCoverage {
  /** Antenna height above the terrain at the site, m (used instead of `site.height` over a DEM). */
  antennaAgl?: number;
  /** Lowest elevation the antenna sees, rad. */
  minElevation?: number;
  /** Highest elevation the antenna sees (cone of silence above), rad. */
  maxElevation?: number;
  /** Instrumented (maximum) slant range, m. */
  maxRange?: number;
  /** Minimum slant range (blind zone around the antenna), m. */
  minRange?: number;
  /** Refraction factor k of the effective earth radius (default 4/3). */
  k?: number;
}

/** Track life-cycle state. */
export type TrackStatus = "tentative" | "confirmed" | "coasting" | "deleted";

/** Identity carried by a track, as the latest associated reports gave it. */
export interface TrackIdentity {
  icaoAddress?: number;
  mode3A?: number;
  callsign?: string;
}

/** A system track of the Recognized Air Picture at one instant. */
export interface SystemTrack {
  /** System track number, unique within a run, never reused. */
  trackNumber: number;
  status: TrackStatus;
  /** UTC seconds of the state below (last update or prediction time). */
  time: number;
  /** Position on WGS-84 (radians, metres above the ellipsoid). */
  position: Geodetic;
  /** Velocity in the local ENU frame at `position`, m/s. */
  velocity: Enu;
  /** Horizontal 1-sigma position error (square root of the mean of the east and north variances), metres. */
  positionSigma: number;
  /** Last Mode C pressure altitude associated, metres. */
  pressureAltitude?: number;
  identity: TrackIdentity;
  /** Sensors that have updated this track. */
  sensors: SensorId[];
  /** Number of reports associated so far. */
  updates: number;
  /** UTC seconds of the last associated report. */
  lastUpdateTime: number;
  /** Acceleration in the local ENU frame at `position`, m/s² (the IMM's turn models: ω × v; ASTERIX I062/210). */
  acceleration?: Enu;
  /** Mode of movement (ASTERIX CAT062 I062/200 TRANS, LONG, VERT). */
  modeOfMovement?: ModeOfMovement;
  /** Per contributing sensor, the time of its last update and the technology of that update (ASTERIX I062/290 ages, I062/295). */
  sensorUpdates?: SensorUpdate[];
  /** 1-sigma of each horizontal velocity component, m/s (I062/500 ASV). */
  velocitySigma?: number;
  /** 1-sigma of the height, metres (I062/500 ABA/AGA). */
  heightSigma?: number;
}

/** Mode of movement of a system track, as CAT062 I062/200 carries it. */
export interface ModeOfMovement {
  /** TRANS: constant course, right turn, left turn, undetermined. */
  transversal: "straight" | "right" | "left" | "undetermined";
  /** LONG: constant ground speed, increasing, decreasing, undetermined. */
  longitudinal: "constant" | "increasing" | "decreasing" | "undetermined";
  /** VERT: level, climb, descent, undetermined. */
  vertical: "level" | "climb" | "descent" | "undetermined";
}

/** Surveillance technology of a track update (the columns of CAT062 I062/290). */
export type UpdateTechnology = "psr" | "ssr" | "modeS" | "adsb" | "mlat";

/** The last update of a system track by one sensor (read-only: snapshots of a track share these entries). */
export interface SensorUpdate {
  readonly sensorId: SensorId;
  /** UTC seconds of the sensor's last report associated to the track. */
  readonly time: number;
  readonly technology: UpdateTechnology;
}

/** What happened to a track. */
export type TrackEvent = "initiated" | "updated" | "confirmed" | "coasting" | "deleted";

/** A change of one system track, as `Tracker.process` and `Tracker.tick` return them. */
export interface TrackUpdate {
  event: TrackEvent;
  track: SystemTrack;
}
