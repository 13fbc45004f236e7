/**
 * DTED reader, levels 0, 1 and 2 (`.dt0`, `.dt1`, `.dt2`).
 *
 * Format (MIL-PRF-89020B, "Digital Terrain Elevation Data", §3.13): an 80-byte User Header
 * Label (UHL), a 648-byte Data Set Identification (DSI) and a 2700-byte Accuracy (ACC) record,
 * then one data record per longitude line from west to east. UHL: origin longitude at byte 4
 * and latitude at byte 12 (DDDMMSSH), post intervals in tenths of arc-seconds at 20 (lon) and
 * 24 (lat), number of longitude lines at 47 and of latitude points at 51. DSI byte 141: vertical
 * datum ("MSL" or "E96"), byte 144: horizontal datum. A data record is a sentinel byte 0xAA,
 * a 3-byte block count, 2-byte longitude and latitude counts, the posts from south to north as
 * big-endian *signed-magnitude* 16-bit metres, and a 4-byte checksum. Voids are −32767.
 */
import { readFile } from "node:fs/promises";
import { CoverageError } from "./errors.js";
import { makeGrid, type DemGrid, type VerticalDatum } from "./grid.js";

const UHL_LENGTH = 80;
const DSI_LENGTH = 648;
const ACC_LENGTH = 2700;
/** Start of the first data record (UHL + DSI + ACC). */
export const DTED_DATA_OFFSET = UHL_LENGTH + DSI_LENGTH + ACC_LENGTH;
/** DTED void value (MIL-PRF-89020B §3.11.3). */
export const DTED_VOID = -32767;

function ascii(b: Uint8Array, start: number, len: number): string {
  return String.fromCharCode(...b.subarray(start, start + len));
}

/** DDDMMSSH (or DDMMSSH for latitude) → signed degrees. */
function dms(text: string, file: string): number {
  const m = /^(\d{2,3})(\d{2})(\d{2})([NSEW])$/.exec(text.trim());
  if (m === null) throw new CoverageError("dem-format", `bad DTED angle "${text}"`, file);
  const v = Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
  return m[4] === "S" || m[4] === "W" ? -v : v;
}

function num(text: string, what: string, file: string): number {
  const v = Number(text.trim());
  if (!Number.isInteger(v) || v <= 0) throw new CoverageError("dem-format", `bad DTED ${what} "${text}"`, file);
  return v;
}

/**
 * Parses a DTED file's bytes.
 * @returns a geographic grid (rows north → south), NaN on voids; datum "msl" when the DSI says
 *   MSL or E96 (EGM96 geoid), "unknown" otherwise.
 * @throws CoverageError("dem-format") for a missing UHL, bad header fields, a short file or a bad record sentinel.
 */
export function parseDted(bytes: Uint8Array, file = "<dted>"): DemGrid {
  if (bytes.length < DTED_DATA_OFFSET || ascii(bytes, 0, 3) !== "UHL") {
    throw new CoverageError("dem-format", "not a DTED file (no UHL record)", file);
  }
  const lon0 = dms(ascii(bytes, 4, 8), file);
  const lat0 = dms(ascii(bytes, 12, 8), file);
  const dLonSec = num(ascii(bytes, 20, 4), "longitude interval", file) / 10;
  const dLatSec = num(ascii(bytes, 24, 4), "latitude interval", file) / 10;
  const nLon = num(ascii(bytes, 47, 4), "number of longitude lines", file);
  const nLat = num(ascii(bytes, 51, 4), "number of latitude points", file);
  const vdatum = ascii(bytes, UHL_LENGTH + 141, 3);
  const datum: VerticalDatum = vdatum === "MSL" || vdatum === "E96" ? "msl" : "unknown";
  const recordLength = 8 + 2 * nLat + 4;
  if (bytes.length < DTED_DATA_OFFSET + nLon * recordLength) {
    throw new CoverageError("dem-format", `file is ${bytes.length} bytes, needs ${DTED_DATA_OFFSET + nLon * recordLength} for ${nLon}×${nLat} posts`, file);
  }
  const heights = new Float32Array(nLon * nLat);
  for (let c = 0; c < nLon; c++) {
    const rec = DTED_DATA_OFFSET + c * recordLength;
    if (bytes[rec] !== 0xaa) throw new CoverageError("dem-format", `data record ${c} has no 0xAA sentinel (byte ${rec})`, file);
    const base = rec + 8;
    for (let k = 0; k < nLat; k++) {
      const hi = bytes[base + 2 * k];
      const lo = bytes[base + 2 * k + 1];
      const mag = ((hi & 0x7f) << 8) | lo;
      const v = hi & 0x80 ? -mag : mag;
      // k runs south → north; grid rows run north → south.
      heights[(nLat - 1 - k) * nLon + c] = v === DTED_VOID ? Number.NaN : v;
    }
  }
  const dx = dLonSec / 3600;
  const dy = dLatSec / 3600;
  return makeGrid({
    width: nLon, height: nLat, x0: lon0, y0: lat0 + (nLat - 1) * dy, dx, dy,
    crs: "geographic", heights, datum, source: file,
  });
}

/** Reads a DTED file. Throws CoverageError ("dem-io" or "dem-format"). */
export async function readDted(path: string): Promise<DemGrid> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new CoverageError("dem-io", `cannot read: ${(e as Error).message}`, path);
  }
  return parseDted(bytes, path);
}
