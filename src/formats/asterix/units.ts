/** Unit conversions at the ASTERIX edge, from the units of the standard to SI. */
export { DEG } from "../../geo/wgs84.js";

/** Metres per international nautical mile. */
export const NM = 1852;
/** Metres per foot. */
export const FT = 0.3048;
/** Metres per flight level (100 ft). */
export const FL = 100 * FT;
/** Feet per minute → m/s (vertical rates). */
export const FPM = FT / 60;
