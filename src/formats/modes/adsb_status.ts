/**
 * ADS-B status messages: aircraft status (TC 28, BDS 6,1), target state and status (TC 29,
 * BDS 6,2) and aircraft operational status (TC 31, BDS 6,5).
 * ICAO Doc 9871 Tables A-2-97 (6,1), A-2-98 (6,2), A-2-101 (6,5); DO-260B §2.2.3.2.7.
 */
import { field } from "./bits.js";
import { decodeId13 } from "./altitude.js";
import type { ModeSMessage } from "./message.js";

/** Emergency/priority status names (TC 28 subtype 1, Doc 9871 Table A-2-97), indexed by code 0–7. */
export const EMERGENCY_STATES = ["none", "general", "medical", "minimumFuel", "noComms", "unlawful", "downed", "reserved"] as const;

/**
 * TC 28: subtype 1 — emergency/priority status (ME 9–11) and Mode 3/A code (ME 12–24, ID
 * layout); subtype 2 — ACAS resolution advisory broadcast: ARA (ME 9–22), RAC (23–26),
 * RA terminated (27), multiple threat encounter (28).
 */
export function decodeAircraftStatus(m: ModeSMessage, hi: number, lo: number): void {
  const st = field(hi, lo, 6, 3);
  m.st = st;
  if (st === 1) {
    m.emergencyState = field(hi, lo, 9, 3);
    m.squawk = decodeId13(field(hi, lo, 12, 13));
  } else if (st === 2) {
    m.araBits = field(hi, lo, 9, 14);
    m.raTerminated = field(hi, lo, 27, 1);
    m.multipleThreat = field(hi, lo, 28, 1);
  }
}

/**
 * TC 29 subtype 1 (ADS-B version 2): SIL supplement (ME 8), selected altitude source (9) and
 * value (10–20, (n − 1)·32 ft), barometric pressure setting (21–29, 800 + (n − 1)·0.8 hPa),
 * selected heading status (30) and value (31–39, n·180/256°), NACp (40–43), NIC baro (44),
 * SIL (45–46), mode bits (47 status, 48 autopilot, 49 VNAV, 50 altitude hold, 51 ADS-R flag,
 * 52 approach, 53 ACAS operational, 54 LNAV). Subtype 0 (version 1) carries vertical/horizontal
 * target data in another layout and is left undecoded.
 */
export function decodeTargetState(m: ModeSMessage, hi: number, lo: number): void {
  const st = field(hi, lo, 6, 2);
  m.st = st;
  if (st !== 1) return;
  m.silSupplement = field(hi, lo, 8, 1);
  m.selectedAltitudeFms = field(hi, lo, 9, 1);
  const alt = field(hi, lo, 10, 11);
  if (alt !== 0) m.selectedAltitudeFt = (alt - 1) * 32;
  const qnh = field(hi, lo, 21, 9);
  if (qnh !== 0) m.baroSettingHpa = Math.round((800 + (qnh - 1) * 0.8) * 10) / 10;
  if (field(hi, lo, 30, 1)) m.selectedHeadingDeg = (field(hi, lo, 31, 9) * 180) / 256;
  m.nacp = field(hi, lo, 40, 4);
  m.nicBaro = field(hi, lo, 44, 1);
  m.sil = field(hi, lo, 45, 2);
  m.modeBits = field(hi, lo, 47, 8);
}

/** The autopilot/ACAS modes of a TC 29 v2 message (undefined where the mode-status bit says the MCP/FCU bits are not valid). */
export interface TargetStateModes {
  autopilot?: boolean;
  vnav?: boolean;
  altitudeHold?: boolean;
  approach?: boolean;
  lnav?: boolean;
  /** ACAS operational (ME 53), valid whatever the mode-status bit. */
  acasOperational: boolean;
}

/** Unpacks `ModeSMessage.modeBits` (ME 47–54 as an 8-bit number, ME 47 most significant). */
export function targetStateModes(modeBits: number): TargetStateModes | undefined {
  if (modeBits < 0) return undefined;
  const on = (meBit: number): boolean => ((modeBits >> (54 - meBit)) & 1) === 1;
  const out: TargetStateModes = { acasOperational: on(53) };
  if (on(47)) {
    out.autopilot = on(48);
    out.vnav = on(49);
    out.altitudeHold = on(50);
    out.approach = on(52);
    out.lnav = on(54);
  }
  return out;
}

/**
 * TC 31: subtype 0 airborne / 1 surface. Capability class (ME 9–24 airborne; 9–20 surface, with
 * NACv at 17–19 and NIC supplement-C at 20, then length/width 21–24), operational mode
 * (25–40; SDA at 31–32 in version 2), version (41–43), NIC supplement-A (44), NACp (45–48),
 * GVA (49–50, airborne), SIL (51–52), NIC baro (53, airborne) or track/heading (53, surface),
 * HRD (54), SIL supplement (55).
 */
export function decodeOperationalStatus(m: ModeSMessage, hi: number, lo: number): void {
  const st = field(hi, lo, 6, 3);
  m.st = st;
  if (st > 1) return;
  m.version = field(hi, lo, 41, 3);
  m.operationalMode = field(hi, lo, 25, 16);
  if (st === 0) {
    m.capabilityClass = field(hi, lo, 9, 16);
  } else {
    m.capabilityClass = field(hi, lo, 9, 12);
    m.lengthWidth = field(hi, lo, 21, 4);
    m.onGround = 1;
  }
  if (m.version >= 1) {
    m.nicA = field(hi, lo, 44, 1);
    m.nacp = field(hi, lo, 45, 4);
    m.sil = field(hi, lo, 51, 2);
    m.hrd = field(hi, lo, 54, 1);
    m.silSupplement = field(hi, lo, 55, 1);
    if (st === 0) {
      m.nicBaro = field(hi, lo, 53, 1);
      if (m.version >= 2) m.gva = field(hi, lo, 49, 2);
    } else {
      m.trackHeadingBit = field(hi, lo, 53, 1);
      m.nacv = field(hi, lo, 17, 3);
      m.nicC = field(hi, lo, 20, 1);
    }
    if (m.version >= 2) m.sda = field(hi, lo, 31, 2);
  }
}
