/**
 * Mosaics of terrain tiles, cropping, and the one entry point that reads any supported DEM:
 * a file (`.hgt`, `.dt0/.dt1/.dt2`, `.tif/.tiff`, `.bil`) or a folder of tiles (searched
 * recursively, mosaicked).
 *
 * Tiles must share post spacing and lie on one lattice (as SRTM and DTED tiles do: edge posts
 * are shared between neighbours). Where tiles overlap, the first tile with data wins; posts no
 * tile covers are no-data (NaN).
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { readBil } from "./bil.js";
import { readDted } from "./dted.js";
import { CoverageError } from "./errors.js";
import { readGeoTiff } from "./geotiff.js";
import { makeGrid, type DemGrid } from "./grid.js";
import { readHgt } from "./hgt.js";

/** A box in grid units: west/south/east/north (degrees for geographic grids). */
export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

const DEM_EXTENSIONS = new Set([".hgt", ".dt0", ".dt1", ".dt2", ".tif", ".tiff", ".bil"]);

/**
 * Joins tiles into one grid.
 * @throws CoverageError("dem-mismatch") when tiles differ in spacing, CRS or lattice,
 *   CoverageError("bad-input") for an empty list.
 */
export function mosaicGrids(tiles: DemGrid[]): DemGrid {
  if (tiles.length === 0) throw new CoverageError("bad-input", "no terrain tiles to mosaic");
  if (tiles.length === 1) return tiles[0];
  const { dx, dy, crs } = tiles[0];
  let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
  for (const t of tiles) {
    if (t.crs !== crs || Math.abs(t.dx - dx) > dx * 1e-6 || Math.abs(t.dy - dy) > dy * 1e-6) {
      throw new CoverageError("dem-mismatch", `tile spacing ${t.dx}×${t.dy} (${t.crs}) differs from ${dx}×${dy} (${crs})`, t.source);
    }
    const offX = (t.x0 - tiles[0].x0) / dx;
    const offY = (tiles[0].y0 - t.y0) / dy;
    if (Math.abs(offX - Math.round(offX)) > 1e-3 || Math.abs(offY - Math.round(offY)) > 1e-3) {
      throw new CoverageError("dem-mismatch", "tile posts are not on the lattice of the first tile", t.source);
    }
    west = Math.min(west, t.x0);
    east = Math.max(east, t.x0 + (t.width - 1) * dx);
    north = Math.max(north, t.y0);
    south = Math.min(south, t.y0 - (t.height - 1) * dy);
  }
  const width = Math.round((east - west) / dx) + 1;
  const height = Math.round((north - south) / dy) + 1;
  const heights = new Float32Array(width * height).fill(Number.NaN);
  const datums = new Set(tiles.map((t) => t.datum));
  for (const t of tiles) {
    const c0 = Math.round((t.x0 - west) / dx);
    const r0 = Math.round((north - t.y0) / dy);
    for (let r = 0; r < t.height; r++) {
      const dst = (r0 + r) * width + c0;
      const src = r * t.width;
      for (let c = 0; c < t.width; c++) {
        const v = t.heights[src + c];
        if (v === v && heights[dst + c] !== heights[dst + c]) heights[dst + c] = v;
      }
    }
  }
  return makeGrid({
    width, height, x0: west, y0: north, dx, dy, crs, heights,
    datum: datums.size === 1 ? tiles[0].datum : "unknown",
    source: `mosaic of ${tiles.length} tiles`,
  });
}

/** Cuts the posts inside a box (grid units) out of a grid. Throws CoverageError("bad-input") when nothing is inside. */
export function cropGrid(grid: DemGrid, box: BBox): DemGrid {
  const c0 = Math.max(0, Math.ceil((box.west - grid.x0) / grid.dx - 1e-9));
  const c1 = Math.min(grid.width - 1, Math.floor((box.east - grid.x0) / grid.dx + 1e-9));
  const r0 = Math.max(0, Math.ceil((grid.y0 - box.north) / grid.dy - 1e-9));
  const r1 = Math.min(grid.height - 1, Math.floor((grid.y0 - box.south) / grid.dy + 1e-9));
  if (c1 < c0 || r1 < r0) throw new CoverageError("bad-input", "crop box does not overlap the grid", grid.source);
  const width = c1 - c0 + 1;
  const height = r1 - r0 + 1;
  const heights = new Float32Array(width * height);
  for (let r = 0; r < height; r++) heights.set(grid.heights.subarray((r0 + r) * grid.width + c0, (r0 + r) * grid.width + c1 + 1), r * width);
  return makeGrid({ ...grid, width, height, x0: grid.x0 + c0 * grid.dx, y0: grid.y0 - r0 * grid.dy, heights });
}

/** Reads one DEM file by its extension. Throws CoverageError. */
export async function readDemFile(path: string): Promise<DemGrid> {
  const ext = extname(path).toLowerCase();
  if (ext === ".hgt") return readHgt(path);
  if (ext === ".dt0" || ext === ".dt1" || ext === ".dt2") return readDted(path);
  if (ext === ".tif" || ext === ".tiff") return readGeoTiff(path);
  if (ext === ".bil") return readBil(path);
  throw new CoverageError("dem-format", `unknown terrain file type "${ext}" (expected .hgt, .dt0-2, .tif, .bil)`, path);
}

async function listTiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listTiles(p)));
    else if ([".hgt", ".dt0", ".dt1", ".dt2"].includes(extname(e.name).toLowerCase())) out.push(p);
  }
  return out.sort();
}

/**
 * Reads a DEM: one file, or a folder whose SRTM/DTED tiles (recursively) are mosaicked.
 * With `box`, the result is cropped to it.
 * @throws CoverageError ("dem-io", "dem-format", "dem-mismatch", "bad-input").
 */
export async function readDem(path: string, box?: BBox): Promise<DemGrid> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (e) {
    throw new CoverageError("dem-io", `cannot read: ${(e as Error).message}`, path);
  }
  let grid: DemGrid;
  if (isDir) {
    const files = await listTiles(path);
    if (files.length === 0) throw new CoverageError("dem-io", "folder holds no .hgt or .dt0/.dt1/.dt2 tiles", path);
    grid = mosaicGrids(await Promise.all(files.map((f) => readDemFile(f))));
    grid = { ...grid, source: path };
  } else {
    if (!DEM_EXTENSIONS.has(extname(path).toLowerCase())) {
      throw new CoverageError("dem-format", "unknown terrain file type (expected .hgt, .dt0-2, .tif, .bil or a folder)", path);
    }
    grid = await readDemFile(path);
  }
  return box === undefined ? grid : cropGrid(grid, box);
}
