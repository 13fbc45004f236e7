/**
 * Flattens what the Skywatch Mode S decoders say about one known-answer vector of
 * `../shared/data/adsb/modes_vectors.json` into that file's field names (snake_case, units of
 * the vectors), so that each expected field can be compared. Position contexts (CPR pairs,
 * local references, streams) and plausibility verdicts are computed by the caller.
 */
import {
  bdsLabel, categorySet, decodeBds, decodeHex, esRegister, hex6, inferBds, isValidBds, nucpOfTypeCode, squawkString,
  targetStateModes, EsSource, type ModeSMessage,
} from "../../../src/formats/modes/index.js";

export interface Vector {
  id: number;
  hex: string;
  df: number;
  bits: number;
  expect: Record<string, unknown>;
  source: string;
  context?: Record<string, unknown>;
  note?: string;
  synthetic?: boolean;
  tags?: string[];
}

/** A code (-1 = absent). */
const nn = (v: number): number | null => (v < 0 ? null : v);
/** A quantity (NaN = absent). */
const q = (v: number): number | null => (Number.isNaN(v) ? null : v);

function label(bds: number | undefined): string | null {
  return bds === undefined ? null : bdsLabel(bds);
}

function parseBds(s: string): number {
  const [a, b] = s.split(",");
  return (parseInt(a, 16) << 4) | parseInt(b, 16);
}

/** The decoder's view of a vector's message (no error correction: vectors test the raw bits). */
export function viewOf(v: Vector): { m: ModeSMessage; o: Record<string, unknown> } {
  const m = decodeHex(v.hex);
  const o: Record<string, unknown> = {};
  o.df = m.df;
  o.crc_remainder = m.syndrome;
  o.parity_remainder = m.syndrome;
  o.crc_valid = m.crcOk;
  o.parity = v.hex.slice(-6).toUpperCase();
  if (m.addressFromParity) o.icao_from_parity = hex6(m.icao);
  else if (m.icao >= 0) o.icao = hex6(m.icao);
  o.capability = nn(m.ca);
  if (m.df === 11) {
    o.interrogator = m.interrogator < 16 ? `II${m.interrogator}` : `SI${m.interrogator - 16}`;
    o.interrogator_id = m.interrogator;
  }
  o.altitude_ft = q(m.altitudeFt);
  if (m.squawk >= 0) o.squawk = squawkString(m.squawk);
  o.squawk_is_4_digits = m.squawk >= 0 && /^[0-7]{4}$/.test(squawkString(m.squawk));
  o.flight_status = nn(m.fs);
  o.downlink_request = nn(m.dr);
  if (m.um >= 0) {
    o.utility_message_iis = m.um >> 2;
    o.utility_message_ids = m.um & 3;
  }
  o.vertical_status = nn(m.vs);
  o.cross_link_capability = nn(m.cc);
  o.sensitivity_level = nn(m.sl);
  o.reply_information = nn(m.ri);
  o.on_ground = m.onGround === 1;
  if (m.df === 17 || m.df === 18) esView(m, o);
  if (m.df === 20 || m.df === 21) commBView(m, v, o);
  return { m, o };
}

function esView(m: ModeSMessage, o: Record<string, unknown>): void {
  o.typecode = m.tc;
  o.control_field = nn(m.cf);
  o.address_type = m.esSource === EsSource.Adsr ? "ADS-R" : m.esSource === EsSource.TisbFine || m.esSource === EsSource.TisbCoarse ? "TIS-B" : "ADS-B";
  const reg = esRegister(m.tc);
  o.bds = reg >= 0 ? bdsLabel(reg) : null;
  o.bds_inferred = o.bds;
  if (m.tc >= 1 && m.tc <= 4) {
    o.category = m.category;
    o.callsign = m.callsign;
    o.category_set = `${categorySet(m.tc)}${m.category}`;
  }
  if (m.cprOdd >= 0) {
    o.cpr_format = m.cprOdd ? "odd" : "even";
    o.cpr_lat = m.cprLat;
    o.cpr_lon = m.cprLon;
    o.nuc_p = nucpOfTypeCode(m.tc);
  }
  o.movement_code = nn(m.movement);
  o.groundspeed_kt = q(m.groundSpeedKt);
  o.track_deg = q(m.trackDeg);
  o.subtype = nn(m.st);
  // On the surface the vertical rate is zero by definition (pyModeS reports 0 with the surface velocity).
  if (m.surface) o.vertical_rate_fpm = 0;
  if (m.tc === 19) {
    o.heading_deg = q(m.headingDeg);
    o.airspeed_kt = q(m.airspeedKt);
    o.airspeed_type = m.airspeedTas < 0 ? null : m.airspeedTas ? "TAS" : "IAS";
    o.speed_type = m.st === 1 || m.st === 2 ? "GS" : o.airspeed_type;
    o.vertical_rate_fpm = q(m.verticalRateFpm);
    o.vr_source_bit = m.vrSourceBit;
    o.vr_source = m.vrSourceBit === 0 ? "GNSS" : m.vrSourceBit === 1 ? "BARO" : null;
    o.geo_minus_baro_ft = q(m.geoMinusBaroFt);
    o.v_ew_kt = q(m.vEwKt);
    o.v_ns_kt = q(m.vNsKt);
    o.nac_v = nn(m.nacv);
  }
  if (m.tc === 28) {
    o.emergency_state = nn(m.emergencyState);
    o.emergency = m.emergencyState > 0;
  }
  if (m.tc === 29) {
    o.selected_altitude_ft = q(m.selectedAltitudeFt);
    o.selected_altitude_source = m.selectedAltitudeFms < 0 ? null : m.selectedAltitudeFms ? "FMS" : "MCP/FCU";
    o.baro_pressure_setting_hpa = q(m.baroSettingHpa);
    o.selected_heading_deg = q(m.selectedHeadingDeg);
    const modes = targetStateModes(m.modeBits);
    if (modes) {
      o.autopilot = modes.autopilot;
      o.vnav_mode = modes.vnav;
      o.altitude_hold_mode = modes.altitudeHold;
      o.approach_mode = modes.approach;
      o.lnav_mode = modes.lnav;
      o.tcas_operational = modes.acasOperational;
    }
  }
  if (m.tc === 29 || m.tc === 31) {
    o.nac_p = nn(m.nacp);
    o.sil = nn(m.sil);
    o.sil_supplement = m.silSupplement < 0 ? null : m.silSupplement;
    // Surface operational status has TRK/HDG where airborne has NIC baro (ME bit 53).
    o.nic_baro = m.tc === 31 && m.st === 1 ? nn(m.trackHeadingBit) : nn(m.nicBaro);
  }
  if (m.tc === 31) {
    o.adsb_version = m.version;
    o.nic_a = nn(m.nicA);
    o.gva = nn(m.gva);
    o.sda = nn(m.sda);
    o.heading_reference = m.hrd < 0 ? null : m.hrd ? "magnetic north" : "true north";
    if (m.st === 1) o.nac_v = nn(m.nacv);
  }
}

const COMMB_FIELDS: Record<string, string> = {
  selected_altitude_fms_ft: "selectedAltitudeFmsFt", selected_altitude_mcp_ft: "selectedAltitudeMcpFt",
  baro_pressure_setting_hpa: "baroPressureSettingHpa", roll_deg: "rollDeg", true_track_deg: "trueTrackDeg",
  track_rate_dps: "trackRateDegS", groundspeed_kt: "groundSpeedKt", true_airspeed_kt: "trueAirspeedKt",
  magnetic_heading_deg: "magneticHeadingDeg", indicated_airspeed_kt: "indicatedAirspeedKt", mach: "mach",
  baro_vertical_rate_fpm: "baroVerticalRateFpm", inertial_vertical_rate_fpm: "inertialVerticalRateFpm",
  wind_speed_kt: "windSpeedKt", wind_direction_deg: "windDirectionDeg", static_air_temperature_c: "staticAirTemperatureC",
  static_pressure_hpa: "staticPressureHpa", humidity_pct: "humidityPct", figure_of_merit: "figureOfMerit",
  turbulence: "turbulence", wind_shear: "windShear", microburst: "microburst", icing: "icing", wake_vortex: "wakeVortex",
  radio_height_ft: "radioHeightFt", aircraft_registration: "aircraftRegistration", callsign: "callsign",
  config: "continuation", overlay_command_capability: "overlayCommandCapability", acas_operational: "acasOperational",
  mode_s_subnetwork_version: "modeSSubnetworkVersion", transponder_level5: "transponderLevel5",
  mode_s_specific_services: "modeSSpecificServices", uplink_elm_throughput: "uplinkElmThroughput",
  downlink_elm_throughput: "downlinkElmThroughput", aircraft_identification_capability: "aircraftIdentificationCapability",
  squitter_capability: "squitterCapability", surveillance_identifier_code: "surveillanceIdentifierCode",
  common_usage_gicb_capability: "commonUsageGicbCapability", acas_hybrid_surveillance: "acasHybridSurveillance",
  acas_resolution_advisory: "acasResolutionAdvisory", acas_rtca_version: "acasRtcaVersion", dte_status: "dteStatus",
};

function commBView(m: ModeSMessage, v: Vector, o: Record<string, unknown>): void {
  const raw = m.raw;
  const inf = inferBds(raw, 4);
  o.bds_inferred = label(inf.bds);
  o.bds_candidates = inf.candidates.map(bdsLabel);
  const given = typeof v.expect.bds === "string" ? parseBds(v.expect.bds) : undefined;
  // "bds": the content is consistent with that register (the source knew the register);
  // null: no register at all (empty MB).
  o.bds = given !== undefined ? (isValidBds(raw, 4, given) ? v.expect.bds : `not ${v.expect.bds}`) : inf.candidates.length === 0 ? null : "some";
  const ctx = v.context;
  if (ctx?.kind === "bds_inference") {
    const r = ctx.adsb_reference as { groundspeed_kt: number; track_deg: number; altitude_ft: number };
    o.bds_with_adsb_ref = label(inferBds(raw, 4, { groundSpeedKt: r.groundspeed_kt, trackDeg: r.track_deg, altitudeFt: r.altitude_ft }).bds);
  }
  const bds = given ?? inf.bds;
  if (bds === undefined) return;
  const rec = decodeBds(raw, 4, bds);
  if (!rec) return;
  if (bds === 0x17) o.supported_bds = (rec.supported as number[]).filter((x) => x !== 0).map(bdsLabel);
  for (const [k, f] of Object.entries(COMMB_FIELDS)) {
    if (k in v.expect) o[k] = rec[f] ?? null;
  }
}
