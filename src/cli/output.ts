/**
 * Edge formatting of tracks and reports for the command line: NDJSON lines with units in the
 * field names (degrees, metres, m/s), Mode 3/A in octal, ICAO address in hex.
 */
import type { SensorReport, SystemTrack, TrackUpdate } from "../types/index.js";

const RAD = 180 / Math.PI;

/** Rounds to a number of decimals (keeps output compact and stable). */
function r(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Mode 3/A code as 4 octal digits. */
export function octal4(code: number): string {
  return code.toString(8).padStart(4, "0");
}

/** ICAO 24-bit address as 6 uppercase hex digits. */
export function hex6(address: number): string {
  return address.toString(16).toUpperCase().padStart(6, "0");
}

/** One line of `skywatch track --out`: a track update in edge units. */
export interface TrackLine {
  time: number;
  timeIso: string;
  event: string;
  trackNumber: number;
  status: string;
  latDeg: number;
  lonDeg: number;
  altitudeM: number;
  flightLevel?: number;
  velocityMps: { east: number; north: number; up: number };
  groundSpeedMps: number;
  courseDeg: number;
  positionSigmaM: number;
  icaoAddress?: string;
  mode3A?: string;
  callsign?: string;
  sensors: string[];
  updates: number;
  lastUpdateTime: number;
  /** Acceleration (east, north), m/s² (CAT062 I062/210). */
  accelerationMps2?: { east: number; north: number };
  /** Mode of movement (CAT062 I062/200). */
  modeOfMovement?: { transversal: string; longitudinal: string; vertical: string };
  /** Per contributing sensor: its last update (UTC s) and technology (CAT062 I062/290). */
  sensorUpdates?: { sensorId: string; time: number; technology: string }[];
}

/** Converts a track update to its output line. */
export function trackLine(u: TrackUpdate): TrackLine {
  const t: SystemTrack = u.track;
  const v = t.velocity;
  const line: TrackLine = {
    time: r(t.time, 3),
    timeIso: new Date(Math.round(t.time * 1000)).toISOString(),
    event: u.event,
    trackNumber: t.trackNumber,
    status: t.status,
    latDeg: r(t.position.lat * RAD, 7),
    lonDeg: r(t.position.lon * RAD, 7),
    altitudeM: r(t.position.height, 1),
    velocityMps: { east: r(v.east, 2), north: r(v.north, 2), up: r(v.up, 2) },
    groundSpeedMps: r(Math.hypot(v.east, v.north), 2),
    courseDeg: r(((Math.atan2(v.east, v.north) * RAD) + 360) % 360, 2),
    positionSigmaM: r(t.positionSigma, 1),
    sensors: t.sensors,
    updates: t.updates,
    lastUpdateTime: r(t.lastUpdateTime, 3),
  };
  if (t.pressureAltitude !== undefined) line.flightLevel = r(t.pressureAltitude / 30.48, 2);
  if (t.identity.icaoAddress !== undefined) line.icaoAddress = hex6(t.identity.icaoAddress);
  if (t.identity.mode3A !== undefined) line.mode3A = octal4(t.identity.mode3A);
  if (t.identity.callsign !== undefined) line.callsign = t.identity.callsign;
  if (t.acceleration) line.accelerationMps2 = { east: r(t.acceleration.east, 2), north: r(t.acceleration.north, 2) };
  if (t.modeOfMovement) line.modeOfMovement = t.modeOfMovement;
  if (t.sensorUpdates) line.sensorUpdates = t.sensorUpdates.map((s) => ({ sensorId: s.sensorId, time: r(s.time, 3), technology: s.technology }));
  return line;
}

/** A report as JSON in edge units (for `skywatch decode --reports`). */
export function reportLine(rep: SensorReport): Record<string, unknown> {
  const base = { kind: rep.kind, sensorId: rep.sensorId, time: rep.time, timeIso: new Date(Math.round(rep.time * 1000)).toISOString() };
  if (rep.kind === "service") {
    return {
      ...base,
      messageType: rep.messageType,
      ...(rep.sectorAzimuth !== undefined ? { sectorAzimuthDeg: r(rep.sectorAzimuth * RAD, 4) } : {}),
      ...(rep.antennaRotationPeriod !== undefined ? { antennaRotationPeriodS: rep.antennaRotationPeriod } : {}),
    };
  }
  if (rep.kind !== "plot") {
    const pos = "position" in rep ? rep.position : undefined;
    const cart = "cartesian" in rep ? rep.cartesian : undefined;
    const vel = "velocity" in rep ? rep.velocity : undefined;
    const sigma = "positionSigma" in rep ? rep.positionSigma : undefined;
    const geo = "geometricHeight" in rep ? rep.geometricHeight : undefined;
    return {
      ...base,
      ...(rep.kind === "track" ? { trackNumber: rep.trackNumber } : {}),
      ...(rep.icaoAddress !== undefined ? { icaoAddress: hex6(rep.icaoAddress) } : {}),
      ...(pos ? { latDeg: r(pos.lat * RAD, 7), lonDeg: r(pos.lon * RAD, 7) } : {}),
      ...(cart ? { xM: r(cart.x, 1), yM: r(cart.y, 1) } : {}),
      ...(rep.pressureAltitude !== undefined ? { flightLevel: r(rep.pressureAltitude / 30.48, 2) } : {}),
      ...(geo !== undefined ? { geometricHeightM: r(geo, 1) } : {}),
      ...(vel ? { groundSpeedMps: r(Math.hypot(vel.east, vel.north), 2), courseDeg: r(((Math.atan2(vel.east, vel.north) * RAD) + 360) % 360, 2), verticalRateMps: r(vel.up, 2) } : {}),
      ...(typeof sigma === "number" ? { positionSigmaM: r(sigma, 1) } : sigma ? { positionSigmaM: { x: r(sigma.x, 1), y: r(sigma.y, 1) } } : {}),
      ...(rep.mode3A !== undefined ? { mode3A: octal4(rep.mode3A) } : {}),
      ...(rep.callsign ? { callsign: rep.callsign } : {}),
    };
  }
  return {
    ...base,
    detection: rep.detection,
    rangeM: r(rep.range, 2),
    azimuthDeg: r(rep.azimuth * RAD, 5),
    ...(rep.modeC ? { flightLevel: r(rep.modeC.pressureAltitude / 30.48, 2), modeCValid: rep.modeC.validated } : {}),
    ...(rep.height3D !== undefined ? { height3DM: r(rep.height3D, 1) } : {}),
    ...(rep.mode3A ? { mode3A: octal4(rep.mode3A.code) } : {}),
    ...(rep.icaoAddress !== undefined ? { icaoAddress: hex6(rep.icaoAddress) } : {}),
    ...(rep.callsign ? { callsign: rep.callsign } : {}),
    ...(rep.radarTrackNumber !== undefined ? { radarTrackNumber: rep.radarTrackNumber } : {}),
    ...(rep.commB ? { commB: rep.commB.map((c) => ({ bds: c.bds.toString(16).padStart(2, "0"), mb: Buffer.from(c.mb).toString("hex") })) } : {}),
  };
}
