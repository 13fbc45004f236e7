/** Shared pieces of the coverage tests: synthetic grids and the shared geodata paths. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DemGrid } from "../../src/coverage/index.js";
import { SHARED_DATA } from "../shared_data.js";

/** `../shared/data/geo`. */
export const GEO = join(SHARED_DATA, "geo");
/** The DTED0 mosaic as GeoTIFF. */
export const MOSAIC_TIF = join(GEO, "dem/region_dted0_30s_E024-033_N44-50.tif");
/** True when the shared geodata is present. */
export const HAS_GEO = existsSync(MOSAIC_TIF);
/** Why geodata tests are skipped. */
export const GEO_SKIP = `shared geodata not found at ${GEO}: real-terrain coverage tests skipped`;
if (!HAS_GEO) console.warn(GEO_SKIP);

/** A metric grid of `n × n` posts, `cell` metres apart, centred on (0, 0), heights from `f(x, y)` (metres). */
export function metricGrid(n: number, cell: number, f: (x: number, y: number) => number = () => 0): DemGrid {
  const half = (n - 1) / 2;
  const heights = new Float32Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) heights[r * n + c] = f((c - half) * cell, (half - r) * cell);
  return { width: n, height: n, x0: -half * cell, y0: half * cell, dx: cell, dy: cell, crs: "metric", heights, datum: "msl" };
}

/** A flat geographic grid (heights 0) over a box, `step` degrees. */
export function geoGrid(west: number, north: number, width: number, height: number, step: number): DemGrid {
  return { width, height, x0: west, y0: north, dx: step, dy: step, crs: "geographic", heights: new Float32Array(width * height), datum: "msl" };
}
