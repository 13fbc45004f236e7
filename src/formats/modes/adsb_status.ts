/**
 * ADS-B status messages: aircraft status (TC 28, BDS 6,1), target state and status (TC 29,
 * BDS 6,2) and aircraft operational status (TC 31, BDS 6,5).
 * ICAO Doc 9871 Tables A-2-97 (6,1), A-2-98 (6,2), A-2-101 (6,5); DO-260B §2.2.3.2.7.
 */
import { bits } from "./bits.js";
import { decodeId13 } from "./altitude.js";
import type { ModeSMessage } from "./message.js";

/** Emergency/priority status names (TC 28 subtype 1, Doc 9871 Table A-2-97), indexed by code 0–7. */
export const EMERGENCY_STATES = ["none", "general", "medical", "minimumFuel", "noComms", "unlawful", "downed", "reserved"] as const;

/**
 * TC 28: subtype 1 — emergency/priority status (ME 9–11) and Mode 3/A code (ME 12–24, ID
 * layout); subtype 2 — ACAS resolution advisory broadcast: ARA (ME 9–22), RAC (23–26),
 * RA terminated (27), multiple threat encounter (28).
 */
export function decodeAircraftStatus(m: ModeSMessage): void {
  const b = m.raw;
  const st = bits(b, 0, 38, 3);
  m.st = st;
  if (st === 1) {
    m.emergencyState = bits(b, 0, 41, 3);
    m.squawk = decodeId13(bits(b, 0, 44, 13));
  } else if (st === 2) {
    m.araBits = bits(b, 0, 41, 14);
    m.raTerminated = bits(b, 0, 59, 1);
    m.multipleThreat = bits(b, 0, 60, 1);
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
export function decodeTargetState(m: ModeSMessage): void {
  const b = m.raw;
  const st = bits(b, 0, 38, 2);
  m.st = st;
  if (st !== 1) return;
  m.silSupplement = bits(b, 0, 40, 1);
  m.selectedAltitudeFms = bits(b, 0, 41, 1);
  const alt = bits(b, 0, 42, 11);
  if (alt !== 0) m.selectedAltitudeFt = (alt - 1) * 32;
  const qnh = bits(b, 0, 53, 9);
  if (qnh !== 0) m.baroSettingHpa = Math.round((800 + (qnh - 1) * 0.8) * 10) / 10;
  if (bits(b, 0, 62, 1)) m.selectedHeadingDeg = (bits(b, 0, 63, 9) * 180) / 256;
  m.nacp = bits(b, 0, 72, 4);
  m.nicBaro = bits(b, 0, 76, 1);
  m.sil = bits(b, 0, 77, 2);
  m.modeBits = bits(b, 0, 79, 8);
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
export function decodeOperationalStatus(m: ModeSMessage): void {
  const b = m.raw;
  const st = bits(b, 0, 38, 3);
  m.st = st;
  if (st > 1) return;
  m.version = bits(b, 0, 73, 3);
  m.operationalMode = bits(b, 0, 57, 16);
  if (st === 0) {
    m.capabilityClass = bits(b, 0, 41, 16);
  } else {
    m.capabilityClass = bits(b, 0, 41, 12);
    m.lengthWidth = bits(b, 0, 53, 4);
    m.onGround = 1;
  }
  if (m.version >= 1) {
    m.nicA = bits(b, 0, 76, 1);
    m.nacp = bits(b, 0, 77, 4);
    m.sil = bits(b, 0, 83, 2);
    m.hrd = bits(b, 0, 86, 1);
    m.silSupplement = bits(b, 0, 87, 1);
    if (st === 0) {
      m.nicBaro = bits(b, 0, 85, 1);
      if (m.version >= 2) m.gva = bits(b, 0, 81, 2);
    } else {
      m.trackHeadingBit = bits(b, 0, 85, 1);
      m.nacv = bits(b, 0, 49, 3);
      m.nicC = bits(b, 0, 52, 1);
    }
    if (m.version >= 2) m.sda = bits(b, 0, 63, 2);
  }
}
