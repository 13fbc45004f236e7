/**
 * ESRI BIL reader (`.bil` + `.hdr`, as written by `gdal_translate -of EHdr`).
 *
 * Format (ESRI, "ESRI BIL, BIP and BSQ raster files", ArcGIS help): the `.hdr` is lines of
 * `KEYWORD value`: NROWS, NCOLS, NBANDS (band 1 is read), NBITS (8, 16, 32), PIXELTYPE
 * (SIGNEDINT, UNSIGNEDINT or FLOAT), BYTEORDER (I = little-endian, M = big-endian), ULXMAP /
 * ULYMAP (centre of the upper-left cell), XDIM / YDIM (cell size), NODATA, BANDROWBYTES,
 * TOTALROWBYTES, SKIPBYTES. Rows run from north to south. A `.prj` beside it tells the CRS:
 * geographic when it is a GEOGCS, metric otherwise; heights are taken as mean sea level
 * (the header has no vertical datum).
 */
import { readFile } from "node:fs/promises";
import { CoverageError } from "./errors.js";
import { makeGrid, type DemGrid, type GridCrs } from "./grid.js";

/** Parsed `.hdr` keywords (upper case) → values. */
export function parseHdr(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    const [k, ...rest] = t.split(/\s+/);
    m.set(k.toUpperCase(), rest.join(" "));
  }
  return m;
}

/**
 * Parses BIL bytes with their header text.
 * @param prj optional `.prj` text (WKT); a GEOGCS/GEOGCRS or no `.prj` → geographic.
 * @throws CoverageError("dem-format") for missing or unsupported header values or a short file.
 */
export function parseBil(bytes: Uint8Array, hdrText: string, prj?: string, file = "<bil>"): DemGrid {
  const h = parseHdr(hdrText);
  const need = (k: string): number => {
    const v = Number(h.get(k));
    if (!h.has(k) || !Number.isFinite(v)) throw new CoverageError("dem-format", `header keyword ${k} missing or not a number`, file);
    return v;
  };
  const opt = (k: string, d: number): number => (h.has(k) ? Number(h.get(k)) : d);
  const rows = need("NROWS");
  const cols = need("NCOLS");
  const nbits = opt("NBITS", 8);
  const pixelType = (h.get("PIXELTYPE") ?? (nbits === 32 ? "FLOAT" : "SIGNEDINT")).toUpperCase();
  const little = (h.get("BYTEORDER") ?? "I").toUpperCase().startsWith("I") || (h.get("BYTEORDER") ?? "").toUpperCase() === "LSBFIRST";
  const bytesPer = nbits / 8;
  if (![1, 2, 4].includes(bytesPer)) throw new CoverageError("dem-format", `NBITS ${nbits} not supported`, file);
  const bandRow = opt("BANDROWBYTES", cols * bytesPer);
  const totalRow = opt("TOTALROWBYTES", bandRow * opt("NBANDS", 1));
  const skip = opt("SKIPBYTES", 0);
  const nodata = h.has("NODATA") ? Number(h.get("NODATA")) : Number.NaN;
  const x0 = h.has("ULXMAP") ? need("ULXMAP") : 0.5 * opt("XDIM", 1);
  const ydim = need("YDIM");
  const xdim = need("XDIM");
  const y0 = h.has("ULYMAP") ? need("ULYMAP") : rows - 0.5 * ydim;
  if (bytes.length < skip + (rows - 1) * totalRow + cols * bytesPer) {
    throw new CoverageError("dem-format", `file is ${bytes.length} bytes, too short for ${cols}×${rows} posts`, file);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const heights = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const base = skip + r * totalRow;
    for (let c = 0; c < cols; c++) {
      const o = base + c * bytesPer;
      let v: number;
      if (pixelType === "FLOAT") {
        if (bytesPer !== 4) throw new CoverageError("dem-format", "FLOAT pixels must be 32-bit", file);
        v = view.getFloat32(o, little);
      } else if (bytesPer === 1) v = pixelType === "SIGNEDINT" ? view.getInt8(o) : view.getUint8(o);
      else if (bytesPer === 2) v = pixelType === "SIGNEDINT" ? view.getInt16(o, little) : view.getUint16(o, little);
      else v = pixelType === "SIGNEDINT" ? view.getInt32(o, little) : view.getUint32(o, little);
      heights[r * cols + c] = v === nodata ? Number.NaN : v;
    }
  }
  const crs: GridCrs = prj === undefined || /^\s*GEOG/i.test(prj) ? "geographic" : "metric";
  return makeGrid({ width: cols, height: rows, x0, y0, dx: xdim, dy: ydim, crs, heights, datum: "msl", source: file });
}

/** Reads `X.bil` with `X.hdr` (and `X.prj` when present). Throws CoverageError. */
export async function readBil(path: string): Promise<DemGrid> {
  const stem = path.replace(/\.bil$/i, "");
  let bytes: Uint8Array;
  let hdr: string;
  try {
    bytes = await readFile(path);
    hdr = await readFile(`${stem}.hdr`, "utf8");
  } catch (e) {
    throw new CoverageError("dem-io", `cannot read BIL or its .hdr: ${(e as Error).message}`, path);
  }
  const prj = await readFile(`${stem}.prj`, "utf8").catch(() => undefined);
  return parseBil(bytes, hdr, prj, path);
}
