import { describe, expect, it } from "vitest";
import {
  CoverageError, atLeast, coveredBySubset, gapMask, layerCoverage, lowestCoveredAgl, maskToPolygons, parseLayers,
  rasterizeRegion, regionFromGeoJson, traceRings, type Viewshed,
} from "../../src/coverage/index.js";
import { metricGrid } from "./helpers.js";

const view = (id: string, minAgl: number[], maxAgl?: number[]): Viewshed => ({
  sensorId: id, minAgl: Float32Array.from(minAgl), maxAgl: Float32Array.from(maxAgl ?? minAgl.map(() => Infinity)),
  antennaAmsl: 0, col: 0, row: 0, postsSwept: minAgl.length,
});

describe("layers", () => {
  it("parses AGL and AMSL layers and refuses junk", () => {
    expect(parseLayers("50agl, 150 m AGL,1000amsl,300")).toEqual([
      { height: 50, ref: "agl", label: "50agl" }, { height: 150, ref: "agl", label: "150agl" },
      { height: 1000, ref: "amsl", label: "1000amsl" }, { height: 300, ref: "agl", label: "300agl" },
    ]);
    expect(() => parseLayers("50 feet")).toThrow(CoverageError);
    expect(() => parseLayers("")).toThrow(CoverageError);
  });
  it("counts sensors per post, honours the visible band, and AMSL layers above the terrain only", () => {
    const grid = metricGrid(2, 100, (x) => (x > 0 ? 200 : 0)); // posts: [0, 200, 0, 200]
    const a = view("a", [0, 0, 120, Infinity]);
    const b = view("b", [10, 0, 0, 0], [Infinity, 40, Infinity, Infinity]);
    const [l50, l100, m150] = layerCoverage(grid, [a, b], parseLayers("50agl,100agl,150amsl"));
    expect(Array.from(l50.count)).toEqual([2, 1, 1, 1]); // b's band at post 1 tops out at 40 m
    expect(Array.from(l100.count)).toEqual([2, 1, 1, 1]);
    expect(Array.from(l100.mask)).toEqual([3, 1, 2, 2]);
    expect(Array.from(m150.count)).toEqual([2, 0, 2, 0]); // 150 m AMSL is under the 200 m terrain
    expect(Array.from(coveredBySubset(l100, [1]))).toEqual([1, 0, 1, 1]);
    expect(Array.from(atLeast(l50.count, 2))).toEqual([1, 0, 0, 0]);
    expect(Array.from(lowestCoveredAgl(grid, [a, b]))).toEqual([0, 0, 0, 0]);
    expect(Array.from(lowestCoveredAgl(grid, [a]))).toEqual([0, 0, 120, Infinity]);
  });
});

describe("regions and gap polygons", () => {
  const grid = metricGrid(10, 1000); // posts at −4500 … 4500 m
  it("rasterises a polygon with a hole (even–odd)", () => {
    const region = regionFromGeoJson({
      type: "Polygon",
      coordinates: [
        [[-5000, -5000], [5000, -5000], [5000, 5000], [-5000, 5000], [-5000, -5000]],
        [[-2000, -2000], [2000, -2000], [2000, 2000], [-2000, 2000], [-2000, -2000]],
      ],
    });
    const m = rasterizeRegion(grid, region);
    expect(m.reduce((s, x) => s + x, 0)).toBe(100 - 16);
    expect(() => regionFromGeoJson({ type: "Point", coordinates: [0, 0] })).toThrow(CoverageError);
  });
  it("a square ring of posts becomes one polygon with one hole, of the right area", () => {
    const mask = new Uint8Array(100);
    for (let r = 2; r <= 7; r++) for (let c = 2; c <= 7; c++) mask[r * 10 + c] = r === 2 || r === 7 || c === 2 || c === 7 ? 1 : 0;
    const fc = maskToPolygons(grid, mask);
    expect(fc.features).toHaveLength(1);
    const poly = fc.features[0].geometry.coordinates;
    expect(poly).toHaveLength(2);
    expect(poly[0]).toHaveLength(5); // simplified to 4 corners + closing point
    const xs = poly[0].map((p) => p[0]);
    expect([Math.min(...xs), Math.max(...xs)]).toEqual([-3000, 3000]); // posts 2…7 span −2500 … 2500 ± half a cell
    expect(fc.features[0].properties.areaKm2).toBeCloseTo(36 - 16, 6);
  });
  it("exterior rings run counter-clockwise, holes clockwise; diagonal neighbours stay separate polygons", () => {
    const mask = new Uint8Array(100);
    mask[0] = 1;
    mask[11] = 1; // touches post 0 only at a corner
    const fc = maskToPolygons(grid, mask);
    expect(fc.features).toHaveLength(2);
    for (const f of fc.features) {
      const ring = f.geometry.coordinates[0];
      let a = 0;
      for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      expect(a).toBeGreaterThan(0);
      expect(f.properties.areaKm2).toBeCloseTo(1, 6);
    }
  });
  it("a random mask: polygon areas add up to the posts' area", () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const mask = Uint8Array.from({ length: 100 }, () => (rnd() < 0.45 ? 1 : 0));
    const fc = maskToPolygons(grid, mask);
    const total = fc.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(total).toBeCloseTo(mask.reduce((s, x) => s + x, 0), 6);
    expect(traceRings(10, 10, mask).every((r) => r.length >= 5)).toBe(true);
  });
  it("gaps are region posts without coverage", () => {
    expect(Array.from(gapMask(Uint8Array.from([1, 1, 0, 1]), Uint8Array.from([1, 0, 0, 0])))).toEqual([0, 1, 0, 1]);
  });
});
