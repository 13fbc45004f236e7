/**
 * ADS-B extended squitter ME field (56 bits, message bits 33–88) of DF17/18: dispatch on the
 * format type code and the identification and position messages.
 *
 * | TC | message | register | standard |
 * | --- | --- | --- | --- |
 * | 1–4 | identification and category | BDS 0,8 | Doc 9871 Table A-2-8 |
 * | 5–8 | surface position | BDS 0,6 | Doc 9871 Table A-2-6 |
 * | 9–18, 20–22 | airborne position (baro / GNSS height) | BDS 0,5 | Doc 9871 Table A-2-5 |
 * | 19 | airborne velocity (subtypes 1–4) | BDS 0,9 | `velocity.ts` |
 * | 28 | aircraft status (emergency, ACAS RA) | BDS 6,1 | `adsb_status.ts` |
 * | 29 | target state and status | BDS 6,2 | `adsb_status.ts` |
 * | 31 | aircraft operational status | BDS 6,5 | `adsb_status.ts` |
 *
 * ME bit k is message bit 32 + k.
 */
import { bits, field, fieldHi, fieldLo } from "./bits.js";
import { decodeAc12 } from "./altitude.js";
import { EsSource, type ModeSMessage } from "./message.js";
import { decodeVelocity } from "./velocity.js";
import { decodeAircraftStatus, decodeOperationalStatus, decodeTargetState } from "./adsb_status.js";

/** The 6-bit character set of aircraft identification (Annex 10 Vol. IV Table 3-9; '#' = invalid, ' ' = space). */
export const AIS_CHARSET = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";

/**
 * Eight 6-bit characters from ME/MB bits `first`… (message-relative bit numbers) as a string,
 * trailing spaces removed. Invalid codes appear as '#'.
 */
export function decodeCharacters(buf: Uint8Array, off: number, first: number, count = 8): string {
  let s = "";
  for (let i = 0; i < count; i++) s += AIS_CHARSET[bits(buf, off, first + 6 * i, 6)];
  return s.replace(/ +$/, "");
}

/** Emitter category set letter of an identification type code (Doc 9871 Table A-2-8): TC 4 → A, 3 → B, 2 → C, 1 → D. */
export function categorySet(tc: number): string {
  return tc >= 1 && tc <= 4 ? "DCBA"[tc - 1] : "";
}

/**
 * Ground speed in kt of a surface movement code (Doc 9871 Table A-2-6, "MOV"): NaN for 0 (no
 * information) and 125–127 (reserved); 0 for 1 (stopped, < 0.125 kt); 175 for 124 (≥ 175 kt).
 * The value is the lower bound of the quantisation step.
 */
export function movementToKnots(mov: number): number {
  if (mov <= 0 || mov >= 125) return NaN;
  if (mov === 1) return 0;
  if (mov <= 8) return 0.125 + (mov - 2) * 0.125;
  if (mov <= 12) return 1 + (mov - 9) * 0.25;
  if (mov <= 38) return 2 + (mov - 13) * 0.5;
  if (mov <= 93) return 15 + (mov - 39);
  if (mov <= 108) return 70 + (mov - 94) * 2;
  if (mov <= 123) return 100 + (mov - 109) * 5;
  return 175;
}

/** Fills the ES fields of `m` from its ME field (`m.raw`, 14 bytes, DF17/18 already set). */
export function decodeExtendedSquitter(m: ModeSMessage): void {
  const hi = fieldHi(m.raw);
  const lo = fieldLo(m.raw);
  const tc = hi >>> 19;
  m.tc = tc;
  if (m.esSource === EsSource.TisbCoarse || m.esSource === EsSource.TisbManagement || m.esSource === EsSource.Reserved) {
    return; // coarse TIS-B and management messages use other layouts (DO-260B §2.2.17.3.2)
  }
  if (tc >= 1 && tc <= 4) {
    m.touch(1);
    m.category = (hi >>> 16) & 7;
    m.callsign = decodeCharacters(m.raw, 0, 41);
  } else if (tc >= 5 && tc <= 8) {
    m.touch(1);
    m.surface = true;
    m.onGround = 1;
    const mov = (hi >>> 12) & 0x7f;
    m.movement = mov;
    m.groundSpeedKt = movementToKnots(mov);
    if ((hi >>> 11) & 1) m.trackDeg = (((hi >>> 4) & 0x7f) * 360) / 128;
    positionFields(m, hi, lo);
  } else if ((tc >= 9 && tc <= 18) || (tc >= 20 && tc <= 22)) {
    m.touch(1);
    m.ss = (hi >>> 17) & 3;
    m.nicB = (hi >>> 16) & 1;
    m.altitudeFt = decodeAc12((hi >>> 4) & 0xfff);
    m.altitudeGnss = tc >= 20;
    if (m.onGround < 0) m.onGround = 0;
    positionFields(m, hi, lo);
  } else if (tc === 19) {
    m.touch(2);
    decodeVelocity(m, hi, lo);
  } else if (tc === 28) {
    m.touch(4);
    decodeAircraftStatus(m, hi, lo);
  } else if (tc === 29) {
    m.touch(8);
    decodeTargetState(m, hi, lo);
  } else if (tc === 31) {
    m.touch(8);
    decodeOperationalStatus(m, hi, lo);
  }
}

function positionFields(m: ModeSMessage, hi: number, lo: number): void {
  m.cprT = (hi >>> 3) & 1;
  m.cprOdd = (hi >>> 2) & 1;
  m.cprLat = field(hi, lo, 23, 17);
  m.cprLon = lo & 0x1ffff;
}

/** Comm-B register ("BDS") an ES type code fills (Doc 9871 §A.2.3): e.g. 0x05 for TC 9–18. -1 for none. */
export function esRegister(tc: number): number {
  if (tc >= 1 && tc <= 4) return 0x08;
  if (tc >= 5 && tc <= 8) return 0x06;
  if ((tc >= 9 && tc <= 18) || (tc >= 20 && tc <= 22)) return 0x05;
  if (tc === 19) return 0x09;
  if (tc === 28) return 0x61;
  if (tc === 29) return 0x62;
  if (tc === 31) return 0x65;
  return -1;
}

/**
 * NUCp of an ADS-B version 0 position message from its type code (Doc 9871 Table A-2-11;
 * DO-260 Table 2-14): airborne TC 9–18 → 9…0, surface TC 5–8 → 9…6, GNSS TC 20–22 → 9…8.
 */
export function nucpOfTypeCode(tc: number): number {
  if (tc >= 9 && tc <= 18) return 18 - tc;
  if (tc >= 5 && tc <= 8) return 14 - tc;
  if (tc >= 20 && tc <= 22) return 29 - tc;
  return 0;
}

/**
 * NIC of an ADS-B version 1/2 position message from its type code and the NIC supplements
 * (DO-260B Tables 2-14 and 2-76 / Doc 9871 Table C-1): airborne TC 9 → 11, 10 → 10, 11 → 9 or 8,
 * 12 → 7, 13 → 6, 14 → 5, 15 → 4, 16 → 3 or 2, 17 → 1, 18 → 0; GNSS TC 20 → 11, 21 → 10, 22 → 0;
 * surface TC 5 → 11, 6 → 10, 7 → 9/8 (or 7/6 for A=0,C=… see DO-260B), 8 → 0 … 6 by supplements.
 * Unknown supplements are taken as 0.
 */
export function nicOfTypeCode(tc: number, nicA: number, nicB: number, nicC: number): number {
  const a = nicA > 0 ? 1 : 0;
  const b2 = nicB > 0 ? 1 : 0;
  const c = nicC > 0 ? 1 : 0;
  switch (tc) {
    case 9: case 20: return 11;
    case 10: case 21: return 10;
    case 11: return a && b2 ? 9 : 8;
    case 12: return 7;
    case 13: return 6;
    case 14: return 5;
    case 15: return 4;
    case 16: return a && b2 ? 3 : 2;
    case 17: return 1;
    case 5: return 11;
    case 6: return 10;
    case 7: return a ? 9 : 8;
    case 8: return a && c ? 7 : a ? 6 : 0;
    default: return 0;
  }
}
