/**
 * Recorded real trajectories replayed as truth: OpenSky state vectors
 * (`time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,…,baroaltitude,geoaltitude,…`,
 * SI units, as in `../shared/data/adsb/trajectories/opensky/`) turned into routes through the
 * waypoint model: one waypoint every `step` seconds of the recording (speed from the record,
 * vertical rate from the altitude change), so the replayed truth is the recorded path with
 * coordinated fly-by turns between samples. Optionally moved so it starts at another point
 * (to fly a recorded flight past simulated sensors elsewhere).
 */
import { ScenarioError } from "./errors.js";
import type { TargetSpec } from "./scenario.js";
import type { Waypoint } from "./trajectory.js";

/** How to replay a recording. */
export interface ReplaySpec {
  /** Seconds between waypoints (default 10). */
  step?: number;
  /** Only these aircraft (hex ICAO addresses); default all. */
  icao24?: string[];
  /** Scenario time (s) of the recording's first sample (default 0). */
  timeOffset?: number;
  /** Move every flight by the same latitude/longitude shift so the recording's first sample lands here. */
  moveTo?: { latDeg: number; lonDeg: number };
}

interface Sample { t: number; lat: number; lon: number; alt: number; v: number; callsign: string }

/**
 * Target specs from an OpenSky state-vector CSV text. Airborne samples with a position only;
 * aircraft with fewer than 2 usable waypoints are skipped.
 * @throws ScenarioError when the header lacks a needed column.
 */
export function replayOpenSky(text: string, spec: ReplaySpec = {}, name = "recording"): TargetSpec[] {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const header = (lines[0] ?? "").split(",");
  const col = (k: string): number => header.indexOf(k);
  for (const k of ["time", "icao24", "lat", "lon", "velocity"]) if (col(k) < 0) throw new ScenarioError(`missing column ${k}`, name);
  const iAlt = col("geoaltitude") >= 0 ? col("geoaltitude") : col("baroaltitude");
  if (iAlt < 0) throw new ScenarioError("missing column geoaltitude/baroaltitude", name);
  const by = new Map<string, Sample[]>();
  let t0 = Infinity;
  let first: Sample | undefined;
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    const s: Sample = { t: Number(f[col("time")]), lat: Number(f[col("lat")]), lon: Number(f[col("lon")]), alt: Number(f[iAlt]), v: Number(f[col("velocity")]), callsign: (f[col("callsign")] ?? "").trim() };
    if (f[col("onground")] === "true" || ![s.t, s.lat, s.lon, s.alt, s.v].every((x) => Number.isFinite(x)) || f[col("lat")] === "") continue;
    const id = f[col("icao24")];
    if (spec.icao24 !== undefined && !spec.icao24.includes(id)) continue;
    let g = by.get(id);
    if (g === undefined) by.set(id, (g = []));
    g.push(s);
    if (s.t < t0) {
      t0 = s.t;
      first = s;
    }
  }
  const dLat = spec.moveTo && first ? spec.moveTo.latDeg - first.lat : 0;
  const dLon = spec.moveTo && first ? spec.moveTo.lonDeg - first.lon : 0;
  const step = spec.step ?? 10;
  const out: TargetSpec[] = [];
  for (const [id, samples] of by) {
    samples.sort((a, b) => a.t - b.t);
    const kept: Sample[] = [];
    for (const s of samples) if (kept.length === 0 || s.t - kept[kept.length - 1].t >= step) kept.push(s);
    const waypoints: Waypoint[] = [];
    let prev: Sample | undefined;
    for (const s of kept) {
      if (prev !== undefined && Math.hypot((s.lat - prev.lat) * 111_000, (s.lon - prev.lon) * 111_000 * Math.cos((s.lat * Math.PI) / 180)) < 50) continue;
      const w: Waypoint = { latDeg: s.lat + dLat, lonDeg: s.lon + dLon, altitude: s.alt, speed: Math.max(s.v, 1) };
      if (prev !== undefined) {
        const rate = Math.abs(s.alt - prev.alt) / (s.t - prev.t);
        const last = waypoints[waypoints.length - 1];
        if (rate > 0.01) last.verticalRate = rate;
      }
      waypoints.push(w);
      prev = s;
    }
    if (waypoints.length < 2) continue;
    const addr = Number.parseInt(id, 16);
    out.push({
      id: `REC-${id}`, description: `recorded flight ${id} (${name})`, targetClass: "airliner", transponder: "modeS",
      start: (spec.timeOffset ?? 0) + (kept[0].t - t0),
      identities: [{ icaoAddress: Number.isFinite(addr) ? addr : undefined, ...(kept[0].callsign ? { callsign: kept[0].callsign } : {}) }],
      route: { waypoints, bankAngle: (35 * Math.PI) / 180 },
    });
  }
  return out;
}
