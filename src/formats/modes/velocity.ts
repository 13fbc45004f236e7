/**
 * ADS-B airborne velocity (TC 19, register BDS 0,9), ICAO Doc 9871 Tables A-2-9a (subtypes 1/2,
 * velocity over ground) and A-2-9b (subtypes 3/4, airspeed and heading); DO-260B §2.2.3.2.6.
 *
 * ME bits: 6–8 subtype; 9 intent change; 11–13 NACv (NUCr in v0); subtypes 1/2: 14 east/west
 * sign (1 = west), 15–24 |V_ew| + 1; 25 north/south sign (1 = south), 26–35 |V_ns| + 1;
 * subtypes 3/4: 14 heading status, 15–24 heading (360/1024°), 25 airspeed type (1 = TAS),
 * 26–35 airspeed + 1; then 36 vertical-rate source (0 = GNSS, 1 = barometric), 37 sign
 * (1 = down), 38–46 |rate|/64 + 1; 49 sign of GNSS − baro (1 = below), 50–56 |difference|/25 + 1.
 * Subtypes 2 and 4 (supersonic) scale speeds by 4. A raw 0 means "no information".
 */
import { field } from "./bits.js";
import type { ModeSMessage } from "./message.js";

/** Fills the velocity fields of `m` from its ME field (`hi`/`lo`: see `fieldHi`). */
export function decodeVelocity(m: ModeSMessage, hi: number, lo: number): void {
  const st = field(hi, lo, 6, 3);
  m.st = st;
  m.intentChange = field(hi, lo, 9, 1);
  m.nacv = field(hi, lo, 11, 3);
  const scale = st === 2 || st === 4 ? 4 : 1;
  if (st === 1 || st === 2) {
    const ew = field(hi, lo, 15, 10);
    const ns = field(hi, lo, 26, 10);
    if (ew !== 0 && ns !== 0) {
      const vew = (field(hi, lo, 14, 1) ? -1 : 1) * (ew - 1) * scale;
      const vns = (field(hi, lo, 25, 1) ? -1 : 1) * (ns - 1) * scale;
      m.vEwKt = vew;
      m.vNsKt = vns;
      m.groundSpeedKt = Math.sqrt(vew * vew + vns * vns);
      let trk = (Math.atan2(vew, vns) * 180) / Math.PI;
      if (trk < 0) trk += 360;
      m.trackDeg = trk;
    }
  } else if (st === 3 || st === 4) {
    if (field(hi, lo, 14, 1)) m.headingDeg = (field(hi, lo, 15, 10) * 360) / 1024;
    const as = field(hi, lo, 26, 10);
    m.airspeedTas = field(hi, lo, 25, 1);
    if (as !== 0) m.airspeedKt = (as - 1) * scale;
  } else {
    return; // subtypes 0, 5–7 reserved
  }
  m.vrSourceBit = field(hi, lo, 36, 1);
  const vr = field(hi, lo, 38, 9);
  if (vr !== 0) m.verticalRateFpm = (field(hi, lo, 37, 1) ? -1 : 1) * (vr - 1) * 64;
  const dif = field(hi, lo, 50, 7);
  if (dif !== 0) m.geoMinusBaroFt = (field(hi, lo, 49, 1) ? -1 : 1) * (dif - 1) * 25;
}
