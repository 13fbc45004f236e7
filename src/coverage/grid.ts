/**
 * The terrain grid every coverage computation works on: a north-up raster of post heights,
 * either geographic (WGS-84 longitude/latitude degrees, as SRTM, DTED and most GeoTIFF DEMs)
 * or metric (a projected grid in metres, e.g. one reprojected with gdalwarp).
 *
 * Posts are cell centres: column `c`, row `r` sits at `x0 + c·dx`, `y0 − r·dy` (rows run south).
 * Heights are metres, `NaN` where the source had no data. Which vertical datum the heights
 * refer to is carried in `datum` (SRTM, DTED: mean sea level, i.e. EGM96 geoid).
 */
import { DEG, meridionalRadius, primeVerticalRadius } from "../geo/index.js";
import { CoverageError } from "./errors.js";

/** Reference surface of grid heights. */
export type VerticalDatum = "msl" | "ellipsoid" | "unknown";

/** How grid x/y are to be read: degrees of longitude/latitude (WGS-84) or metres of a projected grid. */
export type GridCrs = "geographic" | "metric";

/** A north-up terrain raster (see the module comment). */
export interface DemGrid {
  /** Columns. */
  width: number;
  /** Rows. */
  height: number;
  /** x of the centre of column 0: longitude degrees (geographic) or easting metres (metric). */
  x0: number;
  /** y of the centre of row 0 (the northern-most row): latitude degrees or northing metres. */
  y0: number;
  /** Post spacing along x (> 0), degrees or metres. */
  dx: number;
  /** Post spacing along y (> 0; rows go towards smaller y), degrees or metres. */
  dy: number;
  crs: GridCrs;
  /** Row-major heights, metres; `NaN` = no data. Length `width·height`. */
  heights: Float32Array;
  datum: VerticalDatum;
  /** Where the grid came from (file name or description). */
  source?: string;
}

/** A grid position in the grid's own units (degrees for geographic grids, metres for metric ones). */
export interface GridPoint {
  x: number;
  y: number;
}

/** Nearest post of a point, or `null` when the point is outside the grid (more than half a post past the edge). */
export function nearestCell(grid: DemGrid, p: GridPoint): { col: number; row: number } | null {
  const col = Math.round((p.x - grid.x0) / grid.dx);
  const row = Math.round((grid.y0 - p.y) / grid.dy);
  if (!(col >= 0 && col < grid.width && row >= 0 && row < grid.height)) return null;
  return { col, row };
}

/** Centre of a post, in grid units. */
export function cellCentre(grid: DemGrid, col: number, row: number): GridPoint {
  return { x: grid.x0 + col * grid.dx, y: grid.y0 - row * grid.dy };
}

/** Height of the nearest post (m), `NaN` outside the grid or on no-data. */
export function sampleNearest(grid: DemGrid, p: GridPoint): number {
  const c = nearestCell(grid, p);
  return c === null ? Number.NaN : grid.heights[c.row * grid.width + c.col];
}

/**
 * Area of one cell of a row, m². Geographic grids: the WGS-84 cell M(φ)·N(φ)·cos φ·dφ·dλ at the
 * row's latitude (exact to < 0.01 % for cells under 1°); metric grids: dx·dy.
 */
export function cellArea(grid: DemGrid, row: number): number {
  if (grid.crs === "metric") return grid.dx * grid.dy;
  const lat = (grid.y0 - row * grid.dy) * DEG;
  return meridionalRadius(lat) * primeVerticalRadius(lat) * Math.cos(lat) * grid.dy * DEG * grid.dx * DEG;
}

/** Builds a grid, checking sizes. Throws CoverageError("bad-input") on inconsistent shapes. */
export function makeGrid(g: DemGrid): DemGrid {
  if (!(Number.isInteger(g.width) && Number.isInteger(g.height) && g.width > 0 && g.height > 0)) {
    throw new CoverageError("bad-input", `grid size ${g.width}×${g.height} is not positive`, g.source);
  }
  if (g.heights.length !== g.width * g.height) {
    throw new CoverageError("bad-input", `grid has ${g.heights.length} heights for ${g.width}×${g.height} posts`, g.source);
  }
  if (!(g.dx > 0 && g.dy > 0) || !Number.isFinite(g.x0) || !Number.isFinite(g.y0)) {
    throw new CoverageError("bad-input", `grid spacing ${g.dx}, ${g.dy} or origin ${g.x0}, ${g.y0} is not valid`, g.source);
  }
  return g;
}

/**
 * Converts grid heights to another vertical datum: h_ellipsoid = h_msl + N, with N the geoid
 * undulation (m) given as a constant or as a function of latitude/longitude degrees (e.g. read
 * from EGM96; about +30 m over Moldova). Returns a new grid; no-data stays no-data.
 * Throws CoverageError("bad-input") when the grid's datum is unknown or the grid is metric
 * with a function undulation (no latitude known).
 */
export function convertDatum(
  grid: DemGrid,
  to: "msl" | "ellipsoid",
  undulation: number | ((latDeg: number, lonDeg: number) => number),
): DemGrid {
  if (grid.datum === to) return grid;
  if (grid.datum === "unknown") throw new CoverageError("bad-input", "grid vertical datum unknown: cannot convert", grid.source);
  if (typeof undulation === "function" && grid.crs !== "geographic") {
    throw new CoverageError("bad-input", "a geoid function needs a geographic grid", grid.source);
  }
  const sign = to === "ellipsoid" ? 1 : -1;
  const out = new Float32Array(grid.heights.length);
  for (let r = 0; r < grid.height; r++) {
    for (let c = 0; c < grid.width; c++) {
      const i = r * grid.width + c;
      const n = typeof undulation === "number" ? undulation : undulation(grid.y0 - r * grid.dy, grid.x0 + c * grid.dx);
      out[i] = grid.heights[i] + sign * n;
    }
  }
  return { ...grid, heights: out, datum: to };
}
