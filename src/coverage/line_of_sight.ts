/**
 * Line of sight from a sensor over terrain: for every post of the grid, the lowest target
 * height the sensor sees there (and the highest, when the antenna's maximum elevation or the
 * maximum range caps it).
 *
 * Method: an outward sweep from the site over the grid (Wang, Robinson & White, "Generating
 * viewsheds without using sightlines", PE&RS 66(1), 2000; the "edge" interpolation of
 * gdal_viewshed). Rows are taken outward from the site's row and, within each row, posts
 * outward from the site's column, so that the two posts between a post and the site along
 * its sight line are always done first. The sight line from the antenna to post (i, j) (i, j
 * post offsets, |i| ≥ |j|) crosses the previous column between the two posts next to it; the
 * "shadow height" S (the higher of terrain and the line grazing everything before it) is
 * interpolated there and extrapolated to the post:
 *
 *   H(i, j) = Zo + ((S_diag − Zo)·|j| + (S_side − Zo)·(|i| − |j|)) / (|i| − 1),   S = max(z', H)
 *
 * Each post is visited once: the cost is linear in posts. Interpolation is in post-index space,
 * which is affine to metres on a projected grid and very nearly so on a geographic one.
 *
 * Earth curvature and refraction: heights are reduced by d²/(2kR) (d the ground distance from
 * the site, R the Gaussian radius of WGS-84 at the site, k the refraction factor, default 4/3:
 * Skolnik, *Introduction to Radar Systems*, 3rd ed., §8.2; ITU-R P.834), so sight lines are
 * straight in the reduced heights. This is the parabolic form of the effective-earth model and
 * gives the radar horizon √(2kRh) + √(2kRH) exactly; it is what gdal_viewshed does with
 * `-cc 1/k` (R = the semi-major axis there; the two differ by < 0.1 m at 100 km). Ground
 * distances on geographic grids are great-circle distances on the sphere of radius R.
 *
 * The sensor's limits: below the minimum elevation E_min a target is not seen (reduced height
 * ≥ Zo + d·tan E_min); above the maximum elevation (cone of silence) neither (≤ Zo + d·tan E_max);
 * past the maximum range nothing is seen (ground distance and slant range √(d² + Δh²) ≤ R_max).
 */
import { STANDARD_K, gaussianRadius, DEG } from "../geo/index.js";
import { CoverageError } from "./errors.js";
import { nearestCell, type DemGrid, type GridPoint } from "./grid.js";

/** A sensor as the coverage computation needs it (SI units). */
export interface CoverageSensor {
  /** Sensor id ("SAC/SIC" or any label). */
  id: string;
  /** Display name. */
  name: string;
  /** Site latitude, degrees (WGS-84). */
  latDeg: number;
  /** Site longitude, degrees (WGS-84). */
  lonDeg: number;
  /** On a metric grid: the site in grid coordinates (m). Required there; ignored on geographic grids. */
  gridPoint?: GridPoint;
  /** Antenna height above the terrain at the site, m. Takes precedence over `antennaAmsl`. */
  antennaAgl?: number;
  /** Antenna height in the grid's vertical datum (normally above mean sea level), m. */
  antennaAmsl?: number;
  /** Lowest elevation the antenna sees, rad (e.g. −0.5° = −0.0087). Unlimited when absent. */
  minElevation?: number;
  /** Highest elevation the antenna sees (cone of silence above), rad. Unlimited when absent. */
  maxElevation?: number;
  /** Instrumented range, m (slant range). Unlimited when absent. */
  maxRange?: number;
  /** Refraction factor k of the effective earth radius. Default {@link STANDARD_K} = 4/3. */
  k?: number;
}

/** Result of {@link lineOfSight} for one sensor. Arrays are row-major over the whole grid. */
export interface Viewshed {
  sensorId: string;
  /**
   * Lowest visible target height above ground at each post, m (≥ 0). `+Infinity`: never seen
   * (out of range or outside the computed window); `NaN`: no terrain data at the post.
   */
  minAgl: Float32Array;
  /** Highest visible target height above ground, m; `+Infinity` when not capped. A post is seen at h when minAgl ≤ h ≤ maxAgl. */
  maxAgl: Float32Array;
  /** Antenna height used, in the grid's vertical datum, m. */
  antennaAmsl: number;
  /** Post of the site. */
  col: number;
  row: number;
  /** Posts swept (inside the range window). */
  postsSwept: number;
}

/**
 * Where a sensor sits on a grid.
 * @throws CoverageError("site-outside") when the site is off the grid or on no-data,
 *   CoverageError("bad-input") when a metric grid has no `gridPoint` or the antenna height is missing.
 */
export function siteOnGrid(grid: DemGrid, s: CoverageSensor): { col: number; row: number; antennaAmsl: number } {
  let p: GridPoint;
  if (grid.crs === "geographic") p = { x: s.lonDeg, y: s.latDeg };
  else if (s.gridPoint !== undefined) p = s.gridPoint;
  else throw new CoverageError("bad-input", `sensor ${s.id}: a metric grid needs the site's gridPoint`);
  const cell = nearestCell(grid, p);
  if (cell === null) throw new CoverageError("site-outside", `sensor ${s.id} at ${s.latDeg}°, ${s.lonDeg}° is outside the terrain grid`, grid.source);
  const ground = grid.heights[cell.row * grid.width + cell.col];
  let antennaAmsl: number;
  if (s.antennaAgl !== undefined) {
    if (!Number.isFinite(ground)) throw new CoverageError("site-outside", `sensor ${s.id}: no terrain height at the site`, grid.source);
    antennaAmsl = ground + s.antennaAgl;
  } else if (s.antennaAmsl !== undefined) antennaAmsl = s.antennaAmsl;
  else throw new CoverageError("bad-input", `sensor ${s.id}: give antennaAgl or antennaAmsl`);
  return { ...cell, antennaAmsl };
}

/** Squared ground distance (m²) from the site to every post of the window, by rows: d2Row(r) fills `out` for columns c0..c1. */
function distanceFunction(grid: DemGrid, col: number, row: number, r: number, c0: number, c1: number) {
  if (grid.crs === "metric") {
    return (rr: number, out: Float64Array): void => {
      const dy = (rr - row) * grid.dy;
      for (let c = c0; c <= c1; c++) {
        const dx = (c - col) * grid.dx;
        out[c - c0] = dx * dx + dy * dy;
      }
    };
  }
  // Haversine on the sphere of radius r: d = 2r·asin(√h), d² ≈ 4r²·h·(1 + h/3) (error < 1e-7 relative for d < 500 km).
  const lat0 = (grid.y0 - row * grid.dy) * DEG;
  const cos0 = Math.cos(lat0);
  const sinHalfLon2 = new Float64Array(c1 - c0 + 1);
  for (let c = c0; c <= c1; c++) {
    const s = Math.sin(((c - col) * grid.dx * DEG) / 2);
    sinHalfLon2[c - c0] = s * s;
  }
  const four = 4 * r * r;
  return (rr: number, out: Float64Array): void => {
    const lat = (grid.y0 - rr * grid.dy) * DEG;
    const sdl = Math.sin((lat - lat0) / 2);
    const a = sdl * sdl;
    const b = cos0 * Math.cos(lat);
    for (let i = 0; i < out.length; i++) {
      const h = a + b * sinHalfLon2[i];
      out[i] = four * h * (1 + h / 3);
    }
  };
}

/**
 * Minimum (and maximum) visible target height above ground for every post, for one sensor.
 * Cost: one visit per post inside the range window.
 * @throws CoverageError as {@link siteOnGrid}, and "bad-input" for a non-positive k or range.
 */
export function lineOfSight(grid: DemGrid, s: CoverageSensor): Viewshed {
  const { col, row, antennaAmsl } = siteOnGrid(grid, s);
  const k = s.k ?? STANDARD_K;
  if (!(k > 0)) throw new CoverageError("bad-input", `sensor ${s.id}: k-factor ${k} must be positive`);
  if (s.maxRange !== undefined && !(s.maxRange > 0)) throw new CoverageError("bad-input", `sensor ${s.id}: maxRange must be positive`);
  const radius = gaussianRadius(s.latDeg * DEG);
  const curv = 1 / (2 * k * radius);
  const W = grid.width;
  const zs = grid.heights;
  const minAgl = new Float32Array(W * grid.height).fill(Number.POSITIVE_INFINITY);
  const maxAgl = new Float32Array(W * grid.height).fill(Number.POSITIVE_INFINITY);

  // Window of posts that can be within range.
  let c0 = 0, c1 = W - 1, r0 = 0, r1 = grid.height - 1;
  const maxRange = s.maxRange ?? Number.POSITIVE_INFINITY;
  if (Number.isFinite(maxRange)) {
    const mPerRow = grid.crs === "metric" ? grid.dy : grid.dy * DEG * radius;
    const dr = Math.ceil(maxRange / mPerRow) + 1;
    r0 = Math.max(0, row - dr);
    r1 = Math.min(grid.height - 1, row + dr);
    let mPerCol = grid.dx;
    if (grid.crs === "geographic") {
      const latEdge = Math.max(Math.abs(grid.y0 - r0 * grid.dy), Math.abs(grid.y0 - r1 * grid.dy));
      mPerCol = grid.dx * DEG * radius * Math.max(Math.cos(Math.min(latEdge, 89.9) * DEG), 1e-3);
    }
    const dc = Math.ceil(maxRange / mPerCol) + 1;
    c0 = Math.max(0, col - dc);
    c1 = Math.min(W - 1, col + dc);
  }
  const n = c1 - c0 + 1;
  const oc = col - c0;
  const d2Row = distanceFunction(grid, col, row, radius, c0, c1);
  const d2 = new Float64Array(n);
  let prev = new Float64Array(n);
  let cur = new Float64Array(n);
  const zo = antennaAmsl;
  const tanMin = s.minElevation !== undefined ? Math.tan(s.minElevation) : Number.NaN;
  const tanMax = s.maxElevation !== undefined ? Math.tan(s.maxElevation) : Number.NaN;
  const hasMin = tanMin === tanMin;
  const hasMax = tanMax === tanMax;
  const hasRange = Number.isFinite(maxRange);
  const range2 = maxRange * maxRange;

  const lim: Limits = { zo, tanMin, tanMax, hasMin, hasMax, hasRange, range2, curv };
  const doRow = (r: number): void => {
    d2Row(r, d2);
    sweepRow(zs, r * W + c0, n, oc, Math.abs(r - row), prev, cur, d2, minAgl, maxAgl, lim);
    const t = prev;
    prev = cur;
    cur = t;
  };

  doRow(row);
  const centre = Float64Array.from(prev);
  for (let r = row - 1; r >= r0; r--) doRow(r);
  prev.set(centre);
  for (let r = row + 1; r <= r1; r++) doRow(r);
  return { sensorId: s.id, minAgl, maxAgl, antennaAmsl, col, row, postsSwept: n * (r1 - r0 + 1) };
}

/** Sensor limits and constants of one sweep. */
interface Limits {
  zo: number;
  tanMin: number;
  tanMax: number;
  hasMin: boolean;
  hasMax: boolean;
  hasRange: boolean;
  range2: number;
  curv: number;
}

/** Stores the result of one post: shadow height into `cur`, visible heights into the outputs. */
function settle(
  i: number, h: number, z: number, dd: number, out: number,
  cur: Float64Array, minAgl: Float32Array, maxAgl: Float32Array, lim: Limits,
): void {
  const zAdj = z - dd * lim.curv;
  if (z !== z) {
    cur[i] = h;
    minAgl[out] = Number.NaN;
    return;
  }
  cur[i] = h > zAdj ? h : zAdj;
  if (lim.hasRange && dd > lim.range2) return; // stays +Infinity: out of range
  let lo = h > zAdj ? h - zAdj : 0;
  let hi = Number.POSITIVE_INFINITY;
  if (lim.hasMin || lim.hasMax || lim.hasRange) {
    const d = Math.sqrt(dd);
    if (lim.hasMin) {
      const e = lim.zo + d * lim.tanMin - zAdj;
      if (e > lo) lo = e;
    }
    if (lim.hasMax) hi = lim.zo + d * lim.tanMax - zAdj;
    if (lim.hasRange) {
      const e = lim.zo + Math.sqrt(lim.range2 - dd) - zAdj;
      if (e < hi) hi = e;
    }
  }
  minAgl[out] = lo;
  maxAgl[out] = hi;
}

/**
 * One row of the sweep: the site's column, then posts leftward, then rightward.
 * `prev` holds the shadow heights of the row one step nearer the site (unused on the site's row).
 */
function sweepRow(
  zs: Float32Array, base: number, n: number, oc: number, dy: number,
  prev: Float64Array, cur: Float64Array, d2: Float64Array,
  minAgl: Float32Array, maxAgl: Float32Array, lim: Limits,
): void {
  const zo = lim.zo;
  const NEG = Number.NEGATIVE_INFINITY;
  // Site column.
  const hc = dy <= 1 ? NEG : zo + ((prev[oc] - zo) * dy) / (dy - 1);
  settle(oc, hc, zs[base + oc], d2[oc], base + oc, cur, minAgl, maxAgl, lim);
  // Leftward (i = oc − dx), then rightward (i = oc + dx).
  for (let dir = -1; dir <= 1; dir += 2) {
    for (let dx = 1; ; dx++) {
      const i = oc + dir * dx;
      if (i < 0 || i >= n) break;
      const inner = i - dir;
      let h: number;
      if (dx <= 1 && dy <= 1) h = NEG;
      else if (dy === 0) h = zo + ((cur[inner] - zo) * dx) / (dx - 1);
      else if (dx >= dy) h = zo + ((prev[inner] - zo) * dy + (cur[inner] - zo) * (dx - dy)) / (dx - 1);
      else h = zo + ((prev[inner] - zo) * dx + (prev[i] - zo) * (dy - dx)) / (dy - 1);
      settle(i, h, zs[base + i], d2[i], base + i, cur, minAgl, maxAgl, lim);
    }
  }
}

/** True when a viewshed sees post `i` at `agl` metres above ground. */
export function seesAt(v: Viewshed, i: number, agl: number): boolean {
  return v.minAgl[i] <= agl && agl <= v.maxAgl[i];
}
