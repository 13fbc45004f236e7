/**
 * GeoTIFF DEM reader, through the `geotiff` package.
 *
 * Georeferencing (OGC GeoTIFF 1.1, OGC 19-008r4): ModelTiepoint + ModelPixelScale give the
 * raster origin and post spacing; GTRasterTypeGeoKey says whether the tiepoint is a cell corner
 * (PixelIsArea, 1) or a post (PixelIsPoint, 2; §B.9 and GDAL's default reading of it);
 * GTModelTypeGeoKey is 2 for geographic, 1 for projected (read as metres). GDAL_NODATA (TIFF tag
 * 42113) gives the no-data value. VerticalCSTypeGeoKey tells the vertical datum: EGM96 (5773),
 * EGM2008 (3855) or MSL height (5714) → "msl", WGS-84 ellipsoidal (4979 / 4326) → "ellipsoid";
 * absent → "unknown" (taken as the same reference as the sensor heights). Only the first band
 * of the first image is read; rotated grids are refused.
 */
import { readFile } from "node:fs/promises";
import { fromArrayBuffer } from "geotiff";
import { CoverageError } from "./errors.js";
import { makeGrid, type DemGrid, type GridCrs, type VerticalDatum } from "./grid.js";

/**
 * Parses GeoTIFF bytes into a grid.
 * @throws CoverageError("dem-format") when the file is not a readable GeoTIFF, has no
 *   georeferencing or is rotated.
 */
export async function parseGeoTiff(bytes: Uint8Array, file = "<geotiff>"): Promise<DemGrid> {
  try {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const tiff = await fromArrayBuffer(buf);
    const image = await tiff.getImage();
    const width = image.getWidth();
    const height = image.getHeight();
    let origin: number[];
    let res: number[];
    try {
      origin = image.getOrigin();
      res = image.getResolution();
    } catch {
      throw new CoverageError("dem-format", "GeoTIFF has no georeferencing (tiepoint/pixel scale)", file);
    }
    const fd = image.fileDirectory as unknown as Record<string, unknown>;
    if (fd.ModelTransformation !== undefined && fd.ModelTiepoint === undefined) {
      throw new CoverageError("dem-format", "rotated (ModelTransformation) GeoTIFFs are not supported", file);
    }
    const keys = (image.getGeoKeys() ?? {}) as Record<string, unknown>;
    const isPoint = keys.GTRasterTypeGeoKey === 2;
    const dx = Math.abs(res[0]);
    const dy = Math.abs(res[1]);
    const x0 = origin[0] + (isPoint ? 0 : dx / 2);
    const y0 = origin[1] - (isPoint ? 0 : dy / 2);
    const crs: GridCrs = keys.GTModelTypeGeoKey === 1 ? "metric" : "geographic";
    const v = keys.VerticalCSTypeGeoKey;
    const datum: VerticalDatum = v === 5773 || v === 3855 || v === 5714 ? "msl" : v === 4979 || v === 4326 ? "ellipsoid" : "unknown";
    const nodata = image.getGDALNoData();
    const rasters = await image.readRasters({ samples: [0], interleave: true });
    const src = rasters as unknown as ArrayLike<number>;
    const heights = new Float32Array(width * height);
    for (let i = 0; i < heights.length; i++) {
      const z = src[i];
      heights[i] = (nodata !== null && z === nodata) || !Number.isFinite(z) ? Number.NaN : z;
    }
    return makeGrid({ width, height, x0, y0, dx, dy, crs, heights, datum, source: file });
  } catch (e) {
    if (e instanceof CoverageError) throw e;
    throw new CoverageError("dem-format", `not a readable GeoTIFF: ${(e as Error).message}`, file);
  }
}

/** Reads a GeoTIFF DEM file. Throws CoverageError ("dem-io" or "dem-format"). */
export async function readGeoTiff(path: string): Promise<DemGrid> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new CoverageError("dem-io", `cannot read: ${(e as Error).message}`, path);
  }
  return parseGeoTiff(bytes, path);
}
