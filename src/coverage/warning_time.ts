/**
 * Warning time: for a protected site (a point, or a polygon around a reference point), a target
 * at a fixed layer and ground speed flying straight at it along a bearing is first detected
 * where it first enters coverage; the warning is the time from there to its arrival.
 *
 * Along each bearing θ from the site, the coverage mask of the layer is sampled every `step`
 * metres out to `maxDistance` (points placed on the site's local sphere, `destination` of the geo
 * module). For a target coming from beyond `maxDistance`, first detection is at the farthest
 * covered sample D(θ); warning = (D(θ) − A(θ)) / v, A(θ) the arrival distance (0 for a point, the
 * polygon edge along θ for a polygon). No covered sample outside the site: warning 0.
 *
 * The map: for a target *starting* at a post (distance d, bearing θ from the site) and flying to
 * the site, first detection is at the farthest covered sample not beyond d; the map holds that
 * warning (s), NaN outside `maxDistance`.
 */
import { DEG, destination, fromDegrees, gaussianRadius, inverseSphere } from "../geo/index.js";
import { CoverageError } from "./errors.js";
import { nearestCell, type DemGrid } from "./grid.js";
import { rasterizeRegion, type Region } from "./region.js";

/** A site to protect: a point and, optionally, the polygon of its area. */
export interface ProtectedSite {
  name: string;
  latDeg: number;
  lonDeg: number;
  /** Area of the site; arrival is at its edge. Must contain the point. */
  area?: Region;
}

/** Options of {@link warningTime}. */
export interface WarningOptions {
  /** Target ground speed, m/s (> 0). */
  speed: number;
  /** Number of bearings, evenly spaced from north. Default 360. */
  bearings?: number;
  /** How far out to look, m. Default 300 km. */
  maxDistance?: number;
  /** Sampling step along a bearing, m. Default: half the smaller post spacing. */
  step?: number;
  /** Also build the per-post map. Default true. */
  map?: boolean;
}

/** Warning-time result for one site. */
export interface WarningResult {
  site: ProtectedSite;
  /** Bearings from the site, rad from north. */
  bearings: Float64Array;
  /** Farthest covered distance along each bearing (m), 0 when none. */
  detectDistance: Float64Array;
  /** Arrival distance along each bearing (polygon edge; 0 for a point), m. */
  arriveDistance: Float64Array;
  /** Warning per bearing, s. */
  warning: Float64Array;
  /** Bearing (rad) and warning (s) of the worst approach. */
  worst: { bearing: number; warning: number };
  /** Distribution over bearings, s. */
  percentiles: { p0: number; p10: number; p50: number; p90: number; p100: number };
  /** Per-post warning for a target starting at the post, s (NaN outside maxDistance); when `map` was asked. */
  map?: Float32Array;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/**
 * Warning time around one site, from a 0/1 coverage mask of a layer on a geographic grid.
 * @throws CoverageError("bad-input") for a metric grid, a non-positive speed, or a mask of the wrong size;
 *   CoverageError("site-outside") when the site is off the grid.
 */
export function warningTime(grid: DemGrid, covered: Uint8Array, site: ProtectedSite, opts: WarningOptions): WarningResult {
  if (grid.crs !== "geographic") throw new CoverageError("bad-input", "warning time needs a geographic grid");
  if (covered.length !== grid.width * grid.height) throw new CoverageError("bad-input", "coverage mask is not on this grid");
  if (!(opts.speed > 0)) throw new CoverageError("bad-input", `target speed ${opts.speed} m/s must be positive`);
  if (nearestCell(grid, { x: site.lonDeg, y: site.latDeg }) === null) {
    throw new CoverageError("site-outside", `protected site ${site.name} is outside the terrain grid`);
  }
  const nb = opts.bearings ?? 360;
  const maxD = opts.maxDistance ?? 300_000;
  const origin = fromDegrees(site.latDeg, site.lonDeg);
  const step = opts.step ?? Math.min(grid.dy * DEG * 6_371_000, grid.dx * DEG * 6_371_000 * Math.cos(origin.lat)) / 2;
  const ns = Math.floor(maxD / step) + 1;
  const areaMask = site.area !== undefined ? rasterizeRegion(grid, site.area) : undefined;
  const bearings = new Float64Array(nb);
  const detect = new Float64Array(nb);
  const arrive = new Float64Array(nb);
  const warning = new Float64Array(nb);
  // lastSeen[b·ns + k]: farthest covered sample distance ≤ k·step along bearing b (−1 if none).
  const lastSeen = new Float32Array(nb * ns);
  for (let b = 0; b < nb; b++) {
    const th = (2 * Math.PI * b) / nb;
    bearings[b] = th;
    let last = -1;
    let inArea = areaMask !== undefined;
    let arr = 0;
    for (let k = 0; k < ns; k++) {
      const d = k * step;
      const p = destination(origin, th, d, 0);
      const cell = nearestCell(grid, { x: p.lon / DEG, y: p.lat / DEG });
      const i = cell === null ? -1 : cell.row * grid.width + cell.col;
      if (inArea) {
        if (i >= 0 && areaMask !== undefined && areaMask[i]) arr = d;
        else inArea = false;
      }
      if (i >= 0 && covered[i]) last = d;
      lastSeen[b * ns + k] = last;
    }
    arrive[b] = arr;
    detect[b] = Math.max(0, last);
    warning[b] = last > arr ? (last - arr) / opts.speed : 0;
  }
  let worstB = 0;
  for (let b = 1; b < nb; b++) if (warning[b] < warning[worstB]) worstB = b;
  const sorted = Float64Array.from(warning).sort();
  const result: WarningResult = {
    site, bearings, detectDistance: detect, arriveDistance: arrive, warning,
    worst: { bearing: bearings[worstB], warning: warning[worstB] },
    percentiles: { p0: sorted[0], p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p100: sorted[nb - 1] },
  };
  if (opts.map !== false) {
    const map = new Float32Array(grid.width * grid.height).fill(Number.NaN);
    const sphere = gaussianRadius(origin.lat); // the sphere `destination` places samples on
    for (let r = 0; r < grid.height; r++) {
      const lat = (grid.y0 - r * grid.dy) * DEG;
      for (let c = 0; c < grid.width; c++) {
        const { angle, bearing } = inverseSphere(origin, { lat, lon: (grid.x0 + c * grid.dx) * DEG, height: 0 });
        const d = angle * sphere;
        if (d > maxD) continue;
        const b = Math.round((bearing / (2 * Math.PI)) * nb) % nb;
        const k = Math.min(ns - 1, Math.floor(d / step));
        const last = lastSeen[b * ns + k];
        map[r * grid.width + c] = last > arrive[b] ? (last - arrive[b]) / opts.speed : 0;
      }
    }
    result.map = map;
  }
  return result;
}
