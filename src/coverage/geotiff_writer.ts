/**
 * A small GeoTIFF writer for coverage rasters: one band, uncompressed, one strip, little-endian.
 *
 * TIFF 6.0 (Adobe, 1992) baseline tags plus SampleFormat (339); georeferencing per OGC GeoTIFF
 * 1.1 (OGC 19-008r4): ModelPixelScale (33550), ModelTiepoint (33922) at the upper-left cell corner
 * with GTRasterTypeGeoKey = PixelIsArea, GeoKeyDirectory (34735) with EPSG:4326 for geographic
 * grids or a user-defined projected CRS in metres for metric ones; GDAL_NODATA (42113) as text.
 * GDAL and the `geotiff` package read the result.
 */
import type { DemGrid } from "./grid.js";

/** Pixel arrays the writer takes. */
export type RasterData = Float32Array | Uint8Array | Int16Array;

interface Entry {
  tag: number;
  type: number; // 2 ASCII, 3 SHORT, 4 LONG, 12 DOUBLE
  values: number[] | string;
}

const TYPE_SIZE: Record<number, number> = { 2: 1, 3: 2, 4: 4, 12: 8 };

/**
 * Encodes a raster on `grid`'s georeferencing as GeoTIFF bytes.
 * @param nodata value written as GDAL_NODATA (e.g. NaN for float rasters, 255 for bytes); omitted when undefined.
 * @throws RangeError when `data` does not have width·height values.
 */
export function encodeGeoTiff(grid: DemGrid, data: RasterData, nodata?: number): Uint8Array {
  const { width, height } = grid;
  if (data.length !== width * height) throw new RangeError(`raster has ${data.length} values for ${width}×${height}`);
  const bps = data.BYTES_PER_ELEMENT * 8;
  const sampleFormat = data instanceof Float32Array ? 3 : data instanceof Int16Array ? 2 : 1;
  const imageBytes = data.byteLength;
  const geoKeys =
    grid.crs === "geographic"
      ? [1, 1, 0, 4, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326, 2054, 0, 1, 9102]
      : [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3076, 0, 1, 9001];
  const entries: Entry[] = [
    { tag: 256, type: 4, values: [width] },
    { tag: 257, type: 4, values: [height] },
    { tag: 258, type: 3, values: [bps] },
    { tag: 259, type: 3, values: [1] },
    { tag: 262, type: 3, values: [1] },
    { tag: 273, type: 4, values: [0] }, // patched below
    { tag: 277, type: 3, values: [1] },
    { tag: 278, type: 4, values: [height] },
    { tag: 279, type: 4, values: [imageBytes] },
    { tag: 284, type: 3, values: [1] },
    { tag: 339, type: 3, values: [sampleFormat] },
    { tag: 33550, type: 12, values: [grid.dx, grid.dy, 0] },
    { tag: 33922, type: 12, values: [0, 0, 0, grid.x0 - grid.dx / 2, grid.y0 + grid.dy / 2, 0] },
    { tag: 34735, type: 3, values: geoKeys },
  ];
  if (nodata !== undefined) entries.push({ tag: 42113, type: 2, values: `${Number.isNaN(nodata) ? "nan" : nodata}\0` });
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  let extra = ifdOffset + ifdSize;
  const extraOffsets: number[] = [];
  for (const e of entries) {
    const size = TYPE_SIZE[e.type] * e.values.length;
    if (size > 4) {
      extraOffsets.push(extra);
      extra += size + (size % 2);
    } else extraOffsets.push(-1);
  }
  const dataOffset = extra + ((8 - (extra % 8)) % 8);
  (entries[5].values as number[])[0] = dataOffset;
  const out = new Uint8Array(dataOffset + imageBytes);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0x4949, true); // "II"
  v.setUint16(2, 42, true);
  v.setUint32(4, ifdOffset, true);
  v.setUint16(ifdOffset, entries.length, true);
  const put = (at: number, type: number, values: number[] | string): void => {
    if (typeof values === "string") {
      for (let i = 0; i < values.length; i++) out[at + i] = values.charCodeAt(i);
      return;
    }
    values.forEach((x, i) => {
      if (type === 3) v.setUint16(at + 2 * i, x, true);
      else if (type === 4) v.setUint32(at + 4 * i, x, true);
      else v.setFloat64(at + 8 * i, x, true);
    });
  };
  entries.forEach((e, k) => {
    const at = ifdOffset + 2 + k * 12;
    v.setUint16(at, e.tag, true);
    v.setUint16(at + 2, e.type, true);
    v.setUint32(at + 4, e.values.length, true);
    if (extraOffsets[k] >= 0) {
      v.setUint32(at + 8, extraOffsets[k], true);
      put(extraOffsets[k], e.type, e.values);
    } else put(at + 8, e.type, e.values);
  });
  v.setUint32(ifdOffset + 2 + entries.length * 12, 0, true);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), dataOffset);
  return out;
}
