/**
 * SRTM `.hgt` reader (NASA/USGS SRTM 1″ and 3″ tiles).
 *
 * Format (SRTM Topography, USGS, "SRTM Data Format", §2): a headerless square of big-endian
 * signed 16-bit heights, 3601×3601 (1″) or 1201×1201 (3″), rows from north to south, posts on
 * whole arc-seconds; the file name `N44W072.hgt` names the south-west post. Voids are −32768.
 * Heights are metres above the EGM96 geoid (mean sea level).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { CoverageError } from "./errors.js";
import { makeGrid, type DemGrid } from "./grid.js";

/** SRTM void value. */
export const HGT_VOID = -32768;

/**
 * South-west corner of a tile from its file name (`N44W072.hgt` → lat 44, lon −72).
 * Throws CoverageError("dem-format") when the name does not follow the convention.
 */
export function hgtCorner(fileName: string): { latDeg: number; lonDeg: number } {
  const m = /^([NS])(\d{2})([EW])(\d{3})(?:\.[^.]*)*\.hgt$/i.exec(basename(fileName));
  if (m === null) throw new CoverageError("dem-format", "SRTM file name must look like N44W072.hgt", fileName);
  const lat = Number(m[2]) * (m[1].toUpperCase() === "S" ? -1 : 1);
  const lon = Number(m[4]) * (m[3].toUpperCase() === "W" ? -1 : 1);
  return { latDeg: lat, lonDeg: lon };
}

/**
 * Parses the bytes of an `.hgt` tile. `fileName` gives the tile corner.
 * @returns a geographic grid, heights above mean sea level, voids as NaN.
 * @throws CoverageError("dem-format") for a size that is neither 1201² nor 3601² posts or a bad name.
 */
export function parseHgt(bytes: Uint8Array, fileName: string): DemGrid {
  const { latDeg, lonDeg } = hgtCorner(fileName);
  const posts = bytes.length / 2;
  const n = Math.round(Math.sqrt(posts));
  if (n * n !== posts || (n !== 1201 && n !== 3601)) {
    throw new CoverageError("dem-format", `${bytes.length} bytes is neither a 1″ (3601²) nor a 3″ (1201²) SRTM tile`, fileName);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const heights = new Float32Array(posts);
  for (let i = 0; i < posts; i++) {
    const v = view.getInt16(2 * i, false);
    heights[i] = v === HGT_VOID ? Number.NaN : v;
  }
  const step = 1 / (n - 1);
  return makeGrid({
    width: n, height: n, x0: lonDeg, y0: latDeg + 1, dx: step, dy: step,
    crs: "geographic", heights, datum: "msl", source: fileName,
  });
}

/** Reads an `.hgt` file. Throws CoverageError ("dem-io" or "dem-format"). */
export async function readHgt(path: string): Promise<DemGrid> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new CoverageError("dem-io", `cannot read: ${(e as Error).message}`, path);
  }
  return parseHgt(bytes, path);
}
