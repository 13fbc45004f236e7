/**
 * Display units and formats of the operator convention: knots, feet, feet per minute,
 * flight levels, UTC "HH:MM:SSZ", degrees-minutes-seconds. Conversions from the wire's SI.
 */

/** Metres per nautical mile (exact, ICAO Annex 5). */
export const METRES_PER_NM = 1852;
/** Metres per foot (international foot, exact). */
export const METRES_PER_FOOT = 0.3048;

/** Knots from metres per second. */
export function knots(mps: number): number {
  return (mps * 3600) / METRES_PER_NM;
}

/** Feet from metres. */
export function feet(m: number): number {
  return m / METRES_PER_FOOT;
}

/** Feet per minute from metres per second. */
export function feetPerMinute(mps: number): number {
  return (mps * 60) / METRES_PER_FOOT;
}

/** Flight level as three digits ("350"); negative levels show as "000". */
export function formatFlightLevel(flightLevel: number): string {
  return String(Math.max(0, Math.round(flightLevel))).padStart(3, "0");
}

/** UTC clock "HH:MM:SSZ" of a time in UTC seconds. */
export function formatUtcClock(utcSeconds: number): string {
  if (!Number.isFinite(utcSeconds)) return "--:--:--Z";
  return new Date(utcSeconds * 1000).toISOString().slice(11, 19) + "Z";
}

/** UTC date and time "YYYY-MM-DD HH:MM:SS.sZ". */
export function formatUtcDateTime(utcSeconds: number): string {
  if (!Number.isFinite(utcSeconds)) return "—";
  const iso = new Date(utcSeconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 21)}Z`;
}

/** Degrees-minutes-seconds, e.g. 47°01'23.4"N. `axis` picks N/S or E/W. */
export function formatDms(deg: number, axis: "lat" | "lon"): string {
  const hemi = axis === "lat" ? (deg >= 0 ? "N" : "S") : deg >= 0 ? "E" : "W";
  let a = Math.abs(deg);
  let d = Math.floor(a);
  a = (a - d) * 60;
  let m = Math.floor(a);
  let s = Math.round((a - m) * 600) / 10;
  if (s >= 60) { s -= 60; m += 1; }
  if (m >= 60) { m -= 60; d += 1; }
  const dd = String(d).padStart(axis === "lat" ? 2 : 3, "0");
  return `${dd}°${String(m).padStart(2, "0")}'${s.toFixed(1).padStart(4, "0")}"${hemi}`;
}

/** Age "12 s", "3 min 05 s" of a duration in seconds. */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}
