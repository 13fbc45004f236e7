/**
 * Building `SensorReport`s from the aircraft state (`aircraft_state.ts`): kind "adsb" for
 * positions, kind "modes" for surveillance replies. SI units at this boundary: metres, m/s,
 * radians (`types/index.ts`).
 */
import type { AdsbReport, ModeSReport } from "../../types/index.js";
import type { AircraftState } from "./aircraft_state.js";
import { EMERGENCY_STATES } from "./adsb_status.js";
import { nicOfTypeCode, nucpOfTypeCode } from "./adsb.js";
import { FT } from "./altitude.js";
import type { ModeSMessage } from "./message.js";
import { sigmaFromNacp, sigmaFromNic, sigmaFromNucp } from "./quality.js";

const KT = 1852 / 3600;
const FPM = FT / 60;
const DEG = Math.PI / 180;

/**
 * The ADS-B report of an accepted position message: the position with its height (pressure
 * altitude, or GNSS height for TC 20–22), and the aircraft's latest velocity (if not older than
 * `velocityMaxAge` s), identity, version and quality (see {@link positionSigma}).
 */
export function adsbReport(ac: AircraftState, m: ModeSMessage, time: number, sensorId: string, velocityMaxAge: number): AdsbReport {
  const baro = !m.surface && !m.altitudeGnss && Number.isFinite(m.altitudeFt);
  const gnss = m.altitudeGnss && Number.isFinite(m.altitudeFt);
  const height = baro || gnss ? m.altitudeFt * FT : NaN;
  const r: AdsbReport = {
    kind: "adsb",
    sensorId,
    time,
    icaoAddress: ac.icao,
    source: ac.source,
    position: { lat: ac.latDeg * DEG, lon: ac.lonDeg * DEG, height },
    onGround: m.surface,
  };
  if (baro) {
    r.heightType = "barometric";
    r.pressureAltitude = height;
    if (Number.isFinite(ac.geoMinusBaroFt)) r.geometricHeight = (m.altitudeFt + ac.geoMinusBaroFt) * FT;
  } else if (gnss) {
    r.heightType = "geometric";
    r.geometricHeight = height;
    if (Number.isFinite(ac.altitudeFt) && time - ac.altitudeTime <= 10) r.pressureAltitude = ac.altitudeFt * FT;
  }
  if (Number.isFinite(ac.velocityTime) && time - ac.velocityTime <= velocityMaxAge) {
    const ve = Number.isFinite(ac.vEwKt) ? ac.vEwKt : ac.groundSpeedKt * Math.sin(ac.trackDeg * DEG);
    const vn = Number.isFinite(ac.vNsKt) ? ac.vNsKt : ac.groundSpeedKt * Math.cos(ac.trackDeg * DEG);
    if (Number.isFinite(ve) && Number.isFinite(vn)) {
      r.velocity = { east: ve * KT, north: vn * KT, up: Number.isFinite(ac.verticalRateFpm) && !m.surface ? ac.verticalRateFpm * FPM : 0 };
    }
  }
  const sigma = positionSigma(ac, m.tc);
  if (Number.isFinite(sigma)) r.positionSigma = sigma;
  if (ac.version >= 0) r.version = ac.version;
  if (ac.nacp >= 0) r.nacp = ac.nacp;
  if (ac.sil >= 0) r.sil = ac.sil;
  if (ac.version >= 1) r.nic = nicOfTypeCode(m.tc, ac.nicA, m.nicB, ac.nicC);
  if (ac.callsign) r.callsign = ac.callsign;
  if (ac.category) r.emitterCategory = ac.category;
  if (ac.squawk >= 0) r.mode3A = ac.squawk;
  if (ac.emergency >= 0) r.emergency = EMERGENCY_STATES[ac.emergency];
  return r;
}

/** Per-axis position sigma (m): NACp for v1/2 when known, else NUCp (v0 or version unknown), else the NIC bound. */
export function positionSigma(ac: AircraftState, tc: number): number {
  if (ac.version >= 1 && ac.nacp > 0) return sigmaFromNacp(ac.nacp);
  if (ac.version >= 1) return sigmaFromNic(nicOfTypeCode(tc, ac.nicA, 0, ac.nicC));
  return sigmaFromNucp(nucpOfTypeCode(tc));
}

/** The Mode S report of a believed surveillance or all-call reply (altitude, identity, ground flag, signal). */
export function modesReport(ac: AircraftState, m: ModeSMessage, time: number, signal: number, sensorId: string): ModeSReport {
  const r: ModeSReport = { kind: "modes", sensorId, time, icaoAddress: ac.icao };
  if (Number.isFinite(m.altitudeFt)) r.pressureAltitude = m.altitudeFt * FT;
  if (m.squawk >= 0) r.mode3A = m.squawk;
  if (ac.callsign) r.callsign = ac.callsign;
  if (m.onGround >= 0) r.onGround = m.onGround === 1;
  if (Number.isFinite(signal)) r.signalLevel = signal;
  return r;
}
