/**
 * The neutral tracker-benchmark format `skywatch-peer-bench/1` (`../shared/bench/README.md`):
 * `truth.csv`, `detections.csv`, `tracks.csv` and the parts of `scenario.json` a scorer or a
 * tracker needs. Pure text ⇄ rows; reading files is the caller's job.
 *
 * CSV: comma-separated, `\n` line ends, one header line, no quoting, `.` decimal point. SI units,
 * ENU metres about the radar antenna, seconds from the scenario start.
 */
import { EvaluationError, type ScanGrid, type TrackPoint, type TruthPoint } from "./types.js";

/** Format identifier written in `scenario.json` → `format_version`. */
export const NEUTRAL_FORMAT_VERSION = "skywatch-peer-bench/1";

/** One row of `detections.csv`: a polar plot with its truth labels. */
export interface DetectionRow {
  /** Seconds from the scenario start. */
  time: number;
  /** floor(time / T). */
  scan: number;
  /** Slant range, m. */
  range: number;
  /** Clockwise from north, rad, [0, 2π). */
  azimuth: number;
  /** asin(up / range), geometric, rad. */
  elevation: number;
  /** Truth label: a clutter plot (trackers must not read it). */
  isClutter: boolean;
  /** Truth label: the target detected (undefined for clutter; trackers must not read it). */
  targetId?: string;
}

/** The parts of `scenario.json` used here (others are kept in `raw`). */
export interface NeutralScenario {
  grid: ScanGrid;
  durationS: number;
  site: { latDeg: number; lonDeg: number; heightM: number; antennaHeightAglM: number };
  radar: {
    minRangeM: number; maxRangeM: number; elevationMinDeg: number; elevationMaxDeg: number;
    sigmaRangeM: number; sigmaAzimuthRad: number; sigmaElevationRad: number;
    /** Constant detection probability, NaN when the scenario has none (radar-equation detection). */
    pd: number;
    clutterRatePerScan: number;
  };
  /** UTC seconds of scenario time 0 when the file says (`start_time_utc_s`, a Skywatch extension). */
  startTimeUtc?: number;
  raw: Record<string, unknown>;
}

interface Table {
  header: string[];
  rows: string[][];
  /** 1-based line number of each row. */
  lines: number[];
}

function table(text: string, name: string, required: readonly string[]): Table {
  const all = text.split("\n");
  const header = (all[0] ?? "").replace(/^\uFEFF/, "").trim().split(",");
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new EvaluationError(`missing columns ${missing.join(", ")} (header: ${all[0] ?? "empty file"})`, name);
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 1; i < all.length; i++) {
    const line = all[i].replace(/\r$/, "");
    if (line === "") continue;
    rows.push(line.split(","));
    lines.push(i + 1);
  }
  return { header, rows, lines };
}

function numberAt(t: Table, r: number, col: number, colName: string, name: string): number {
  const s = t.rows[r][col];
  const x = s === undefined || s === "" ? NaN : Number(s);
  if (!Number.isFinite(x)) throw new EvaluationError(`column ${colName}: "${s ?? ""}" is not a number`, `${name} line ${t.lines[r]}`);
  return x;
}

const TRUTH_COLUMNS = ["time_s", "target_id", "east_m", "north_m", "up_m", "vel_east_mps", "vel_north_mps", "vel_up_mps"] as const;

/**
 * Parses `truth.csv`.
 * @throws EvaluationError naming the file line and column of a missing column or a bad number.
 */
export function parseTruthCsv(text: string, name = "truth.csv"): TruthPoint[] {
  const t = table(text, name, TRUTH_COLUMNS);
  const c = TRUTH_COLUMNS.map((k) => t.header.indexOf(k));
  return t.rows.map((row, r) => {
    const id = row[c[1]];
    if (id === undefined || id === "") throw new EvaluationError("empty target_id", `${name} line ${t.lines[r]}`);
    const num = (i: number): number => numberAt(t, r, c[i], TRUTH_COLUMNS[i], name);
    return { time: num(0), targetId: id, east: num(2), north: num(3), up: num(4), velEast: num(5), velNorth: num(6), velUp: num(7) };
  });
}

/**
 * Parses `tracks.csv` (`time_s,track_id,east_m,north_m,up_m`; optional extra columns
 * `vel_east_mps,vel_north_mps,vel_up_mps` and `updated` (1/0) are read, others ignored).
 * @throws EvaluationError naming the line of a bad row.
 */
export function parseTracksCsv(text: string, name = "tracks.csv"): TrackPoint[] {
  const req = ["time_s", "track_id", "east_m", "north_m", "up_m"];
  const t = table(text, name, req);
  const c = req.map((k) => t.header.indexOf(k));
  const v = ["vel_east_mps", "vel_north_mps", "vel_up_mps"].map((k) => t.header.indexOf(k));
  const hasVel = v.every((i) => i >= 0);
  const upd = t.header.indexOf("updated");
  return t.rows.map((row, r) => {
    const id = row[c[1]];
    if (id === undefined || id === "") throw new EvaluationError("empty track_id", `${name} line ${t.lines[r]}`);
    const p: TrackPoint = { time: numberAt(t, r, c[0], req[0], name), trackId: id, east: numberAt(t, r, c[2], req[2], name), north: numberAt(t, r, c[3], req[3], name), up: numberAt(t, r, c[4], req[4], name) };
    if (hasVel && row[v[0]] !== undefined && row[v[0]] !== "") {
      p.velEast = numberAt(t, r, v[0], "vel_east_mps", name);
      p.velNorth = numberAt(t, r, v[1], "vel_north_mps", name);
      p.velUp = numberAt(t, r, v[2], "vel_up_mps", name);
    }
    if (upd >= 0 && row[upd] !== undefined && row[upd] !== "") p.updated = row[upd] !== "0";
    return p;
  });
}

const DET_COLUMNS = ["time_s", "scan", "range_m", "azimuth_rad", "elevation_rad", "is_clutter", "target_id"] as const;

/** Parses `detections.csv`. @throws EvaluationError naming the line of a bad row. */
export function parseDetectionsCsv(text: string, name = "detections.csv"): DetectionRow[] {
  const t = table(text, name, DET_COLUMNS);
  const c = DET_COLUMNS.map((k) => t.header.indexOf(k));
  return t.rows.map((row, r) => {
    const num = (i: number): number => numberAt(t, r, c[i], DET_COLUMNS[i], name);
    const id = row[c[6]];
    return {
      time: num(0), scan: num(1), range: num(2), azimuth: num(3), elevation: num(4), isClutter: num(5) !== 0,
      ...(id !== undefined && id !== "" ? { targetId: id } : {}),
    };
  });
}

/** Fixed-decimal text of a number ("-0.000" written as "0.000"). */
function f(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Writes `truth.csv` (6 decimals of time, 3 of position, 4 of velocity), rows in the given order. */
export function writeTruthCsv(rows: readonly TruthPoint[]): string {
  const out = [TRUTH_COLUMNS.join(",")];
  for (const r of rows) {
    out.push(`${f(r.time, 6)},${r.targetId},${f(r.east, 3)},${f(r.north, 3)},${f(r.up, 3)},${f(r.velEast, 4)},${f(r.velNorth, 4)},${f(r.velUp, 4)}`);
  }
  return out.join("\n") + "\n";
}

/** Writes `detections.csv` (6 decimals of time, 3 of range, 9 of angles). */
export function writeDetectionsCsv(rows: readonly DetectionRow[]): string {
  const out = [DET_COLUMNS.join(",")];
  for (const r of rows) {
    out.push(`${f(r.time, 6)},${r.scan},${f(r.range, 3)},${f(r.azimuth, 9)},${f(r.elevation, 9)},${r.isClutter ? 1 : 0},${r.targetId ?? ""}`);
  }
  return out.join("\n") + "\n";
}

/** Writes `tracks.csv` with the Skywatch extra columns (velocity, updated flag) when `extras`. */
export function writeTracksCsv(rows: readonly TrackPoint[], extras = true): string {
  const out = [`time_s,track_id,east_m,north_m,up_m${extras ? ",vel_east_mps,vel_north_mps,vel_up_mps,updated" : ""}`];
  for (const r of rows) {
    let line = `${f(r.time, 6)},${r.trackId},${f(r.east, 3)},${f(r.north, 3)},${f(r.up, 3)}`;
    if (extras) {
      line += r.velEast === undefined ? ",,," : `,${f(r.velEast, 4)},${f(r.velNorth ?? 0, 4)},${f(r.velUp ?? 0, 4)}`;
      line += r.updated === undefined ? "," : `,${r.updated ? 1 : 0}`;
    }
    out.push(line);
  }
  return out.join("\n") + "\n";
}

function obj(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) throw new EvaluationError("missing or not an object", `scenario.json ${path}`);
  return x as Record<string, unknown>;
}

function num(o: Record<string, unknown>, key: string, path: string, fallback?: number): number {
  const v = o[key];
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v)) throw new EvaluationError(`must be a number, got ${JSON.stringify(v)}`, `scenario.json ${path}.${key}`);
  return v;
}

/**
 * Parses `scenario.json`: the scan grid (`radar.scan_period_s`, `radar.n_scans` or
 * ceil(duration_s / T)), the radar site and the radar's parameters (README defaults when absent).
 * @throws EvaluationError naming the bad field.
 */
export function parseNeutralScenario(text: string): NeutralScenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EvaluationError(`not JSON: ${(e as Error).message}`, "scenario.json");
  }
  const root = obj(raw, "(root)");
  const radar = obj(root.radar, "radar");
  const site = root.radar_site === undefined ? {} : obj(root.radar_site, "radar_site");
  const period = num(radar, "scan_period_s", "radar");
  if (!(period > 0)) throw new EvaluationError("must be > 0", "scenario.json radar.scan_period_s");
  const durationS = num(root, "duration_s", "(root)");
  const nScansRaw = radar.n_scans;
  const nScans = typeof nScansRaw === "number" && nScansRaw > 0 ? Math.trunc(nScansRaw) : Math.ceil(durationS / period);
  const start = root.start_time_utc_s;
  return {
    grid: { period, nScans }, durationS,
    site: {
      latDeg: num(site, "lat_deg", "radar_site", 47.0), lonDeg: num(site, "lon_deg", "radar_site", 28.9),
      heightM: num(site, "height_m", "radar_site", 180), antennaHeightAglM: num(site, "antenna_height_agl_m", "radar_site", 15),
    },
    radar: {
      minRangeM: num(radar, "min_range_m", "radar", 500), maxRangeM: num(radar, "max_range_m", "radar", 250_000),
      elevationMinDeg: num(radar, "elevation_min_deg", "radar", -2), elevationMaxDeg: num(radar, "elevation_max_deg", "radar", 70),
      sigmaRangeM: num(radar, "sigma_range_m", "radar", 50), sigmaAzimuthRad: num(radar, "sigma_azimuth_rad", "radar", (0.15 * Math.PI) / 180),
      sigmaElevationRad: num(radar, "sigma_elevation_rad", "radar", (0.3 * Math.PI) / 180), pd: typeof radar.pd === "number" ? radar.pd : NaN,
      clutterRatePerScan: num(radar, "clutter_rate_per_scan", "radar", 0),
    },
    ...(typeof start === "number" && Number.isFinite(start) ? { startTimeUtc: start } : {}),
    raw: root,
  };
}
