import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CoverageError, cropGrid, hgtCorner, mosaicGrids, parseBil, parseDted, parseGeoTiff, parseHgt, readDem, convertDatum,
  encodeGeoTiff, type DemGrid,
} from "../../src/coverage/index.js";
import { GEO, HAS_GEO, MOSAIC_TIF, metricGrid } from "./helpers.js";

/** A synthetic DTED file of nLon × nLat posts (values v(col, k) with k from the south). */
function dtedBytes(lonDeg: number, latDeg: number, nLon: number, nLat: number, v: (c: number, k: number) => number, intervalTenths = 300): Uint8Array {
  const rec = 8 + 2 * nLat + 4;
  const b = new Uint8Array(3428 + nLon * rec);
  const put = (at: number, s: string): void => { for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i); };
  const dms = (deg: number, hemi: string, w: number): string => `${String(Math.abs(deg)).padStart(w, "0")}0000${hemi}`;
  put(0, "UHL1");
  put(4, dms(lonDeg, lonDeg < 0 ? "W" : "E", 3));
  put(12, dms(latDeg, latDeg < 0 ? "S" : "N", 3));
  put(20, String(intervalTenths).padStart(4, "0"));
  put(24, String(intervalTenths).padStart(4, "0"));
  put(47, String(nLon).padStart(4, "0"));
  put(51, String(nLat).padStart(4, "0"));
  put(80, "DSI");
  put(80 + 141, "MSL");
  for (let c = 0; c < nLon; c++) {
    const o = 3428 + c * rec;
    b[o] = 0xaa;
    for (let k = 0; k < nLat; k++) {
      const x = v(c, k);
      const mag = Math.abs(x);
      b[o + 8 + 2 * k] = ((mag >> 8) & 0x7f) | (x < 0 ? 0x80 : 0);
      b[o + 9 + 2 * k] = mag & 0xff;
    }
  }
  return b;
}

describe("DTED", () => {
  it("reads signed-magnitude posts column by column, south to north, into north-up rows", () => {
    const g = parseDted(dtedBytes(28, 47, 3, 4, (c, k) => (c === 1 && k === 0 ? -5 : 100 * c + k)), "t.dt0");
    expect([g.width, g.height, g.x0, g.y0]).toEqual([3, 4, 28, 47 + 3 / 120]);
    expect(g.dx).toBeCloseTo(1 / 120, 12);
    expect(g.heights[0 * 3 + 2]).toBe(203); // north row, east column: k = 3
    expect(g.heights[3 * 3 + 1]).toBe(-5); // south row
    expect(g.datum).toBe("msl");
  });
  it("voids (−32767) become NaN", () => {
    const g = parseDted(dtedBytes(28, 47, 2, 2, (c) => (c === 0 ? -32767 : 7)), "t.dt0");
    expect(g.heights[0]).toBeNaN();
    expect(g.heights[1]).toBe(7);
  });
  it("bad files are typed errors", () => {
    expect(() => parseDted(new Uint8Array(10), "x.dt0")).toThrow(CoverageError);
    const b = dtedBytes(28, 47, 2, 2, () => 1);
    expect(() => parseDted(b.subarray(0, b.length - 5), "x.dt0")).toThrow(/needs/);
    b[3428] = 0;
    expect(() => parseDted(b, "x.dt0")).toThrow(/sentinel/);
  });
  it.skipIf(!HAS_GEO)("a real DTED0 tile (e028/n47): 121 × 121 posts, 9 … 432 m", () => {
    const g = parseDted(readFileSync(join(GEO, "dem/dted0/e028/n47.dt0")), "n47.dt0");
    expect([g.width, g.height, g.x0, g.y0]).toEqual([121, 121, 28, 48]);
    let lo = Infinity, hi = -Infinity;
    for (const z of g.heights) { lo = Math.min(lo, z); hi = Math.max(hi, z); }
    expect([lo, hi]).toEqual([9, 432]);
  });
});

describe("SRTM .hgt", () => {
  it("tile corner from the file name", () => {
    expect(hgtCorner("N44W072.hgt")).toEqual({ latDeg: 44, lonDeg: -72 });
    expect(hgtCorner("/x/S09E120.hgt")).toEqual({ latDeg: -9, lonDeg: 120 });
    expect(() => hgtCorner("foo.hgt")).toThrow(CoverageError);
  });
  it("a synthetic 3″ tile: big-endian, north row first, void −32768 → NaN", () => {
    const b = new Uint8Array(1201 * 1201 * 2);
    const v = new DataView(b.buffer);
    v.setInt16(0, 1234, false);
    v.setInt16(2, -32768, false);
    v.setInt16((1201 * 1201 - 1) * 2, -12, false);
    const g = parseHgt(b, "N45E028.hgt");
    expect([g.width, g.x0, g.y0, g.heights[0], g.heights[2 * 1201 * 1201 - 2 * 1201 * 1201 + 1201 * 1201 - 1]]).toEqual([1201, 28, 46, 1234, -12]);
    expect(g.heights[1]).toBeNaN();
    expect(() => parseHgt(new Uint8Array(1000), "N45E028.hgt")).toThrow(/neither/);
  });
  it.skipIf(!HAS_GEO)("the real SRTM3 fixture N44W072: 1201², Mount Washington 1908 m at the top", () => {
    const g = parseHgt(readFileSync(join(GEO, "dem/fixtures/N44W072.hgt")), "N44W072.hgt");
    let hi = -Infinity;
    for (const z of g.heights) if (z > hi) hi = z;
    expect(g.width).toBe(1201);
    expect(hi).toBe(1908);
  });
});

describe("BIL and GeoTIFF", () => {
  it("BIL with its header, little-endian Int16, no-data", () => {
    const b = new Uint8Array(2 * 3 * 2);
    const v = new DataView(b.buffer);
    [5, -32767, 7, 8, 9, 10].forEach((x, i) => v.setInt16(2 * i, x, true));
    const g = parseBil(b, "NROWS 2\nNCOLS 3\nNBITS 16\nPIXELTYPE SIGNEDINT\nBYTEORDER I\nULXMAP 24\nULYMAP 50\nXDIM 0.5\nYDIM 0.5\nNODATA -32767\n", undefined, "t.bil");
    expect([g.x0, g.y0, g.heights[0], g.heights[5]]).toEqual([24, 50, 5, 10]);
    expect(g.heights[1]).toBeNaN();
    expect(() => parseBil(b, "NCOLS 3\n", undefined, "t.bil")).toThrow(/NROWS/);
  });
  it("GeoTIFF written by encodeGeoTiff reads back with the same georeferencing (metric and geographic)", async () => {
    const m = metricGrid(5, 100, (x, y) => x + 2 * y);
    const back = await parseGeoTiff(encodeGeoTiff(m, m.heights, Number.NaN));
    expect([back.crs, back.x0, back.y0, back.dx, back.width]).toEqual(["metric", -200, 200, 100, 5]);
    expect(Array.from(back.heights)).toEqual(Array.from(m.heights));
    const g: DemGrid = { ...m, crs: "geographic", x0: 28, y0: 47, dx: 0.01, dy: 0.01 };
    const gb = await parseGeoTiff(encodeGeoTiff(g, new Uint8Array(25).fill(3), 255));
    expect([gb.crs, gb.x0, gb.y0, gb.heights[7]]).toEqual(["geographic", 28, 47, 3]);
    await expect(parseGeoTiff(new Uint8Array([1, 2, 3]))).rejects.toThrow(CoverageError);
  });
  it.skipIf(!HAS_GEO)("the DTED0 folder mosaic, the GeoTIFF and the BIL of the same region are post for post equal", async () => {
    const tif = await readDem(MOSAIC_TIF);
    const dted = await readDem(join(GEO, "dem/dted0"));
    const bil = await readDem(join(GEO, "dem/region_dted0_30s_E024-033_N44-50.bil"));
    for (const g of [dted, bil]) {
      expect([g.width, g.height]).toEqual([1081, 721]);
      expect(g.x0).toBeCloseTo(24, 9);
      expect(g.y0).toBeCloseTo(50, 9);
      let diff = 0;
      for (let i = 0; i < g.heights.length; i++) if (g.heights[i] !== tif.heights[i]) diff++;
      expect(diff).toBe(0);
    }
    // Check points of PROVENANCE.md §1.3.
    const at = (lon: number, lat: number): number => tif.heights[Math.round((50 - lat) * 120) * 1081 + Math.round((lon - 24) * 120)];
    expect([at(28.86, 47.0), at(30.75, 46.48), at(24.63, 47.6), at(24.5, 48.16)]).toEqual([65, 30, 2098, 1858]);
    expect(dted.datum).toBe("msl");
  });
});

describe("mosaics, crops, datums", () => {
  const tile = (x0: number, y0: number, v: number): DemGrid => ({
    width: 3, height: 3, x0, y0, dx: 0.5, dy: 0.5, crs: "geographic", heights: new Float32Array(9).fill(v), datum: "msl",
  });
  it("tiles sharing edge posts join on one lattice; gaps are NaN", () => {
    const m = mosaicGrids([tile(0, 1, 1), tile(1, 1, 2), tile(0, 2, 3)]);
    expect([m.width, m.height, m.x0, m.y0]).toEqual([5, 5, 0, 2]);
    expect(m.heights[0]).toBe(3);
    expect(m.heights[4 * 5 + 4]).toBe(2);
    expect(m.heights[0 * 5 + 4]).toBeNaN();
    expect(() => mosaicGrids([tile(0, 1, 1), { ...tile(1, 1, 1), dx: 0.25 }])).toThrow(CoverageError);
  });
  it("crop keeps the posts inside the box", () => {
    const c = cropGrid(mosaicGrids([tile(0, 1, 1), tile(1, 1, 2)]), { west: 0.9, east: 2, south: 0, north: 0.6 });
    expect([c.width, c.height, c.x0, c.y0]).toEqual([3, 2, 1, 0.5]);
  });
  it("MSL → ellipsoid adds the geoid undulation; unknown datum refuses", () => {
    expect(convertDatum(tile(0, 1, 10), "ellipsoid", 30).heights[0]).toBe(40);
    expect(() => convertDatum({ ...tile(0, 1, 10), datum: "unknown" }, "ellipsoid", 30)).toThrow(CoverageError);
  });
  it("readDem refuses unknown files and missing paths with typed errors", async () => {
    await expect(readDem("/nonexistent/x.dt0")).rejects.toThrow(CoverageError);
    await expect(readDem(__filename)).rejects.toThrow(/unknown terrain file type/);
  });
});
