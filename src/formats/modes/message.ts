/**
 * The decoded content of one Mode S reply, kept in one reusable object so that the hot path
 * (`decodeModeS` in `downlink.ts`) fills fields in place instead of allocating per message.
 * Numbers are in the units of the code (ft, kt, ft/min, degrees), as the standards define the
 * fields; conversion to SI happens when reports are built (`aircraft_state.ts`). A field that
 * the message does not carry is -1 (codes, flags) or NaN (quantities).
 *
 * Field sources: ICAO Annex 10 Vol. IV §3.1.2 (downlink formats), ICAO Doc 9871 Appendix A
 * (extended squitter ME and Comm-B MB registers), RTCA DO-260B §2.2.3.2.
 */

/**
 * Where an extended squitter came from: DF17, or the DF18 control field CF
 * (DO-260B §2.2.3.2.1.5, ICAO Doc 9871 Table A-2-2 note). Values of `ModeSMessage.esSource`.
 */
export const EsSource = {
  /** DF17, or DF18 CF = 0 (ES from a non-transponder device with an ICAO address). */
  Adsb: 0,
  /** DF18 CF = 1: ES/NT with a non-ICAO (anonymous) address. */
  AdsbNonIcao: 1,
  /** DF18 CF = 2 or 5: fine-format TIS-B (ICAO / non-ICAO address). */
  TisbFine: 2,
  /** DF18 CF = 3: coarse-format TIS-B airborne position (not decoded). */
  TisbCoarse: 3,
  /** DF18 CF = 4: TIS-B / ADS-R management message. */
  TisbManagement: 4,
  /** DF18 CF = 6: ADS-R rebroadcast of a UAT target. */
  Adsr: 6,
  /** DF18 CF = 7: reserved. */
  Reserved: 7,
} as const;

/** One decoded Mode S reply (reused between calls; copy what you keep). */
export class ModeSMessage {
  /** The message bytes (7 or 14 used); a private copy, corrected in place when a bit was fixed. */
  readonly raw = new Uint8Array(14);
  /** Number of bytes: 7 (56-bit) or 14 (112-bit); 0 when nothing was decoded. */
  bytes = 0;
  /** Downlink format (0–24; 24 stands for every Comm-D "11…" format); -1 when invalid. */
  df = -1;
  /** CRC syndrome (CRC of data XOR parity): 0, the II/SI code or the address (see `crc.ts`). */
  syndrome = 0;
  /** CRC check passed: DF17/18 syndrome 0 (after any correction), DF11 syndrome a valid II/SI code (< 0x80 with the upper 17 bits zero). AP formats: false (their address comes from the parity and cannot be checked alone). */
  crcOk = false;
  /** 0-based index of the bit fixed by error correction, or -1. */
  correctedBit = -1;
  /** 24-bit aircraft address (AA field, or recovered from AP); -1 when unknown. */
  icao = -1;
  /** The address was recovered from the address/parity field (DF0/4/5/16/20/21): only trustworthy when the address is already known from a CRC-checked reply. */
  addressFromParity = false;

  /** DF11/17 capability (CA). */
  ca = -1;
  /** DF18 control field (CF). */
  cf = -1;
  /** Flight status (FS, DF4/5/20/21). */
  fs = -1;
  /** Downlink request (DR). */
  dr = -1;
  /** Utility message (UM). */
  um = -1;
  /** Vertical status (VS, DF0/16): 1 = on the ground. */
  vs = -1;
  /** Cross-link capability (CC, DF0). */
  cc = -1;
  /** Sensitivity level (SL, DF0/16). */
  sl = -1;
  /** Reply information (RI, DF0/16). */
  ri = -1;
  /** Interrogator code of a DF11 reply: II 0–15, or 16 + SI (SI 1–63); -1 otherwise. */
  interrogator = -1;
  /** Raw AC field (13 bits) or -1. */
  ac13 = -1;
  /** Altitude, ft: from AC (DF0/4/16/20) or the ES airborne position; NaN when absent. */
  altitudeFt = NaN;
  /** `altitudeFt` is GNSS height (ES type codes 20–22) rather than pressure altitude. */
  altitudeGnss = false;
  /** Mode 3/A code (octal digits ABCD as a 12-bit number) from ID (DF5/21) or ES TC 28; -1 when absent. */
  squawk = -1;
  /** Aircraft on the ground from VS/FS/CA/surface position: 1 ground, 0 airborne, -1 unknown. */
  onGround = -1;

  // ----- Extended squitter (DF17/18) -----
  /** ES source (see {@link EsSource}); -1 for other formats. */
  esSource = -1;
  /** Format type code (ME bits 1–5); -1 for non-ES. */
  tc = -1;
  /** Subtype (ME bits 6–8 for TC 19/28/31, 6–7 for TC 29); -1 when none. */
  st = -1;
  /** Emitter category (ME bits 6–8 of TC 1–4); the set is letter D/C/B/A for TC 1/2/3/4. */
  category = -1;
  /** Aircraft identification, trailing spaces removed (TC 1–4, or Comm-B BDS 2,0 when decoded). */
  callsign = "";

  /** Surface position (TC 5–8). */
  surface = false;
  /** CPR format: 0 even, 1 odd; -1 when no position. */
  cprOdd = -1;
  /** 17-bit CPR latitude / longitude. */
  cprLat = -1;
  cprLon = -1;
  /** Time bit (T, UTC-synchronised). */
  cprT = -1;
  /** Surveillance status (SS, TC 9–22). */
  ss = -1;
  /** NIC supplement-B (ME bit 8 of TC 9–18). */
  nicB = -1;
  /** Surface movement code (TC 5–8). */
  movement = -1;
  /** Ground speed, kt (surface movement or airborne velocity subtypes 1/2). */
  groundSpeedKt = NaN;
  /** Ground track, degrees from true north (surface track or airborne velocity 1/2). */
  trackDeg = NaN;

  // ----- Airborne velocity (TC 19) -----
  /** East and north velocity components, kt (subtypes 1/2). */
  vEwKt = NaN;
  vNsKt = NaN;
  /** Heading, degrees (subtypes 3/4, magnetic or true per HRD). */
  headingDeg = NaN;
  /** Airspeed, kt (subtypes 3/4). */
  airspeedKt = NaN;
  /** Airspeed type: 0 IAS, 1 TAS, -1 none. */
  airspeedTas = -1;
  /** Vertical rate, ft/min. */
  verticalRateFpm = NaN;
  /** Vertical rate source bit (ME bit 36): 0 = GNSS (geometric), 1 = barometric (Doc 9871 Table A-2-9a). */
  vrSourceBit = -1;
  /** GNSS height minus barometric altitude, ft. */
  geoMinusBaroFt = NaN;
  /** NACv (v1/2) or NUCr (v0). */
  nacv = -1;
  /** Intent change flag. */
  intentChange = -1;

  // ----- Aircraft status (TC 28) -----
  /** Emergency/priority status 0–7 (subtype 1). */
  emergencyState = -1;
  /** ACAS RA broadcast (subtype 2): active resolution advisories (14 bits). */
  araBits = -1;
  /** RA terminated (subtype 2). */
  raTerminated = -1;
  /** Multiple threat encounter (subtype 2). */
  multipleThreat = -1;

  // ----- Target state and status (TC 29) and operational status (TC 31) -----
  /** Selected altitude, ft (TC 29 subtype 1). */
  selectedAltitudeFt = NaN;
  /** Selected altitude source: 0 MCP/FCU, 1 FMS. */
  selectedAltitudeFms = -1;
  /** Barometric pressure setting, hPa. */
  baroSettingHpa = NaN;
  /** Selected heading, degrees. */
  selectedHeadingDeg = NaN;
  /** ME bits 47–54 of TC 29 v2 as an 8-bit number (ME 47, the mode-status bit, most significant); see `targetStateModes`. */
  modeBits = -1;
  /** ADS-B version number (TC 31: 0, 1, 2). */
  version = -1;
  /** NACp (TC 29 v2, TC 31 v1/2). */
  nacp = -1;
  /** NIC supplement-A (TC 31). */
  nicA = -1;
  /** NIC supplement-C (TC 31 surface). */
  nicC = -1;
  /** NIC baro (TC 29, TC 31 airborne). */
  nicBaro = -1;
  /** SIL (TC 29, TC 31). */
  sil = -1;
  /** SIL supplement: 0 per hour, 1 per sample. */
  silSupplement = -1;
  /** GVA (TC 31 airborne, v2). */
  gva = -1;
  /** Horizontal reference direction: 0 true north, 1 magnetic north (TC 31). */
  hrd = -1;
  /** TC 31 surface: track angle/heading bit (ME bit 53; the position of NIC baro in the airborne subtype). */
  trackHeadingBit = -1;
  /** Capability class (TC 31, 16 or 12 bits). */
  capabilityClass = -1;
  /** Operational mode (TC 31, 16 bits). */
  operationalMode = -1;
  /** System design assurance (TC 31 v2: operational mode bits 15–16). */
  sda = -1;
  /** Aircraft length/width code (TC 31 surface, ME bits 21–24). */
  lengthWidth = -1;

  /** Byte offset of the 56-bit ME/MB/MV field in `raw` (4), valid when `bytes` is 14. */
  get payloadOffset(): number {
    return 4;
  }

  /** Which groups of fields the last decode set (bit mask), so that `reset` clears only those. */
  private dirty = 0;

  /** Marks field groups as set (1 identity/position, 2 velocity, 4 status, 8 target state/operational status). */
  touch(groups: number): void {
    this.dirty |= groups;
  }

  /** Resets every field before a new decode. */
  reset(): void {
    this.bytes = 0; this.df = -1; this.syndrome = 0; this.crcOk = false; this.correctedBit = -1; this.icao = -1;
    this.addressFromParity = false; this.ca = -1; this.cf = -1; this.fs = -1; this.dr = -1; this.um = -1; this.vs = -1;
    this.cc = -1; this.sl = -1; this.ri = -1; this.interrogator = -1; this.ac13 = -1; this.altitudeFt = NaN;
    this.altitudeGnss = false; this.squawk = -1; this.onGround = -1; this.esSource = -1; this.tc = -1; this.st = -1;
    const d = this.dirty;
    if (d === 0) return;
    this.dirty = 0;
    if (d & 1) {
      this.category = -1; this.callsign = ""; this.surface = false; this.cprOdd = -1; this.cprLat = -1; this.cprLon = -1;
      this.cprT = -1; this.ss = -1; this.nicB = -1; this.movement = -1; this.groundSpeedKt = NaN; this.trackDeg = NaN;
    }
    if (d & 2) {
      this.groundSpeedKt = NaN; this.trackDeg = NaN;
      this.vEwKt = NaN; this.vNsKt = NaN; this.headingDeg = NaN; this.airspeedKt = NaN; this.airspeedTas = -1;
      this.verticalRateFpm = NaN; this.vrSourceBit = -1; this.geoMinusBaroFt = NaN; this.nacv = -1; this.intentChange = -1;
    }
    if (d & 4) {
      this.emergencyState = -1; this.araBits = -1; this.raTerminated = -1; this.multipleThreat = -1;
    }
    if (d & 8) {
      this.selectedAltitudeFt = NaN; this.selectedAltitudeFms = -1; this.baroSettingHpa = NaN; this.selectedHeadingDeg = NaN;
      this.modeBits = -1; this.version = -1; this.nacp = -1; this.nicA = -1; this.nicC = -1; this.nicBaro = -1; this.sil = -1;
      this.silSupplement = -1; this.gva = -1; this.hrd = -1; this.trackHeadingBit = -1; this.capabilityClass = -1;
      this.operationalMode = -1; this.sda = -1; this.lengthWidth = -1; this.nacv = -1;
    }
  }

  /** A copy of the 56-bit ME/MB field (7 bytes) of a long message. */
  payload(): Uint8Array {
    return this.raw.slice(4, 11);
  }
}
