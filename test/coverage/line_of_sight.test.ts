import { describe, expect, it } from "vitest";
import { CoverageError, lineOfSight, type CoverageSensor } from "../../src/coverage/index.js";
import { DEG, effectiveRadius, gaussianRadius } from "../../src/geo/index.js";
import { geoGrid, metricGrid } from "./helpers.js";

const K = 4 / 3;
const sensor = (extra: Partial<CoverageSensor> = {}): CoverageSensor => ({
  id: "t", name: "t", latDeg: 47, lonDeg: 28.8, gridPoint: { x: 0, y: 0 }, antennaAmsl: 30, ...extra,
});

describe("line of sight over a smooth earth", () => {
  // Radar horizon for antenna h and target H: d = √(2kRh) + √(2kRH) (Skolnik §8.2).
  const h = 30;
  const kR = effectiveRadius(47 * DEG, K);
  const cell = 500;
  const n = 801; // ±200 km
  const grid = metricGrid(n, cell);
  const v = lineOfSight(grid, sensor({ antennaAmsl: h }));
  const mid = (n - 1) / 2;

  for (const H of [0, 50, 150, 500, 1000]) {
    it(`target at ${H} m is first seen at √(2kRh) + √(2kRH) within one cell, on 8 azimuths`, () => {
      const horizon = Math.sqrt(2 * kR * h) + Math.sqrt(2 * kR * H);
      for (const [ux, uy] of [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]]) {
        const step = Math.hypot(ux, uy) * cell;
        let lastSeen = 0;
        for (let k = 1; k <= mid; k++) {
          const i = (mid - uy * k) * n + (mid + ux * k);
          if (v.minAgl[i] <= H) lastSeen = k * step;
        }
        expect(Math.abs(lastSeen - horizon)).toBeLessThanOrEqual(step);
      }
    });
  }

  it("on a geographic grid too (great-circle distances)", () => {
    const g = geoGrid(26, 49, 601, 481, 1 / 120);
    const s: CoverageSensor = { id: "g", name: "g", latDeg: 47, lonDeg: 28.5, antennaAmsl: h };
    const vg = lineOfSight(g, s);
    const R = gaussianRadius(47 * DEG);
    const H = 150;
    const horizon = Math.sqrt(2 * kR * h) + Math.sqrt(2 * kR * H);
    const col = Math.round((28.5 - 26) * 120);
    const row = Math.round((49 - 47) * 120);
    let east = 0;
    for (let c = col; c < g.width; c++) if (vg.minAgl[row * g.width + c] <= H) east = (c - col) / 120 * DEG * R * Math.cos(47 * DEG);
    let north = 0;
    for (let r = row; r >= 0; r--) if (vg.minAgl[r * g.width + col] <= H) north = (row - r) / 120 * DEG * R;
    expect(Math.abs(east - horizon)).toBeLessThan((1 / 120) * DEG * R * Math.cos(47 * DEG));
    expect(Math.abs(north - horizon)).toBeLessThan((1 / 120) * DEG * R);
  });
});

describe("a single ridge", () => {
  // Flat ground, no curvature (k huge), antenna 10 m; a 100 m wall along the column 10 cells east.
  const n = 101;
  const cell = 100;
  const wallX = 10 * cell;
  const grid = metricGrid(n, cell, (x) => (Math.abs(x - wallX) < 1 ? 100 : 0));
  const v = lineOfSight(grid, sensor({ antennaAmsl: 10, k: 1e9 }));
  const mid = (n - 1) / 2;

  it("shadows exactly the cells behind it, by the sight line over its crest", () => {
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const dx = c - mid;
        const got = v.minAgl[r * n + c];
        if (dx <= 10) expect(got).toBe(0); // in front of the wall and on it: seen down to the ground
        else expect(got).toBeCloseTo(10 + (90 * dx) / 10, 3); // line from (0, 10 m) over (10 cells, 100 m)
      }
    }
  });
});

describe("sensor limits", () => {
  const grid = metricGrid(201, 500);
  const mid = 100;
  it("maximum range: nothing is seen past it", () => {
    const v = lineOfSight(grid, sensor({ maxRange: 20_000 }));
    expect(v.minAgl[mid * 201 + mid + 39]).toBeLessThan(Infinity); // 19.5 km
    expect(v.minAgl[mid * 201 + mid + 41]).toBe(Infinity); // 20.5 km
    expect(v.postsSwept).toBeLessThan(201 * 201);
  });
  it("minimum elevation raises the lowest visible height; maximum elevation caps the highest", () => {
    const v = lineOfSight(grid, sensor({ minElevation: 1 * DEG, maxElevation: 10 * DEG, k: 1e9 }));
    const i = mid * 201 + mid + 20; // 10 km east
    expect(v.minAgl[i]).toBeCloseTo(30 + 10_000 * Math.tan(1 * DEG), 0);
    expect(v.maxAgl[i]).toBeCloseTo(30 + 10_000 * Math.tan(10 * DEG), 0);
  });
  it("no-data posts are NaN and do not block", () => {
    const g = metricGrid(41, 100, (x) => (x === 500 ? Number.NaN : 0));
    const v = lineOfSight(g, sensor({ k: 1e9 }));
    expect(v.minAgl[20 * 41 + 25]).toBeNaN();
    expect(v.minAgl[20 * 41 + 30]).toBe(0);
  });
  it("a site off the grid or without an antenna height is a typed error", () => {
    expect(() => lineOfSight(grid, sensor({ gridPoint: { x: 1e7, y: 0 } }))).toThrow(CoverageError);
    expect(() => lineOfSight(grid, sensor({ antennaAmsl: undefined }))).toThrow(/antennaAgl/);
    expect(() => lineOfSight(grid, sensor({ gridPoint: undefined }))).toThrow(/gridPoint/);
    expect(() => lineOfSight(grid, sensor({ k: 0 }))).toThrow(CoverageError);
  });
});
