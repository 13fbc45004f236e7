import { describe, expect, it } from "vitest";
import { CoverageError, candidateGrid, chooseSites, parseLayers, warningTime, type CoverageSensor } from "../../src/coverage/index.js";
import { DEG, gaussianRadius } from "../../src/geo/index.js";
import { geoGrid, metricGrid } from "./helpers.js";

// A flat geographic grid around 47 N 28.5 E, posts 1/120° apart.
const grid = geoGrid(26, 49, 601, 481, 1 / 120);
const R = gaussianRadius(47 * DEG);
const distance = (r: number, c: number): number => {
  const lat = (49 - r / 120) * DEG, lon = (26 + c / 120) * DEG;
  const a = Math.sin((lat - 47 * DEG) / 2) ** 2 + Math.cos(lat) * Math.cos(47 * DEG) * Math.sin((lon - 28.5 * DEG) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
};
const disc = (radius: number): Uint8Array => {
  const m = new Uint8Array(grid.width * grid.height);
  for (let r = 0; r < grid.height; r++) for (let c = 0; c < grid.width; c++) if (distance(r, c) <= radius) m[r * grid.width + c] = 1;
  return m;
};
const site = { name: "centre", latDeg: 47, lonDeg: 28.5 };

describe("warning time", () => {
  it("coverage out to 60 km, target at 50 m/s: 20 minutes on every bearing (within one sample)", () => {
    const w = warningTime(grid, disc(60_000), site, { speed: 50, maxDistance: 150_000 });
    const tol = 1000 / 50; // a post (≈ 600–930 m) plus a sample step, in seconds
    for (const t of w.warning) expect(Math.abs(t - 1200)).toBeLessThan(tol);
    expect(Math.abs(w.percentiles.p50 - 1200)).toBeLessThan(tol);
    // Map: a target starting 30 km out is seen at once (30 km / 50 m/s); one starting 100 km out, at 60 km.
    const map = w.map as Float32Array;
    const r = 240, cNear = 300 + Math.round(30_000 / (R * Math.cos(47 * DEG) * DEG / 120)), cFar = 300 + Math.round(100_000 / (R * Math.cos(47 * DEG) * DEG / 120));
    expect(Math.abs(map[r * grid.width + cNear] - 600)).toBeLessThan(tol);
    expect(Math.abs(map[r * grid.width + cFar] - 1200)).toBeLessThan(tol);
  });
  it("a blind sector is the worst bearing", () => {
    const m = disc(60_000);
    // Blank the sector 80°–100° (east) beyond 5 km.
    for (let r = 0; r < grid.height; r++) for (let c = 0; c < grid.width; c++) {
      const dy = (240 - r) / 120 * DEG * R, dx = (c - 300) / 120 * DEG * R * Math.cos(47 * DEG);
      const b = (Math.atan2(dx, dy) / DEG + 360) % 360;
      if (b > 80 && b < 100 && Math.hypot(dx, dy) > 5000) m[r * grid.width + c] = 0;
    }
    const w = warningTime(grid, m, site, { speed: 50, maxDistance: 150_000, map: false });
    expect(w.worst.bearing / DEG).toBeGreaterThan(80);
    expect(w.worst.bearing / DEG).toBeLessThan(100);
    expect(w.worst.warning).toBeLessThan(200);
    expect(w.map).toBeUndefined();
  });
  it("a polygon site: arrival is at its edge", () => {
    const area = { name: "box", polygons: [[[[28.3, 46.9], [28.7, 46.9], [28.7, 47.1], [28.3, 47.1], [28.3, 46.9]]]] };
    const w = warningTime(grid, disc(60_000), { ...site, area }, { speed: 50, maxDistance: 100_000, map: false });
    const north = w.arriveDistance[0];
    expect(Math.abs(north - 0.1 * DEG * R)).toBeLessThan(1200);
    expect(Math.abs(w.warning[0] - (60_000 - north) / 50)).toBeLessThan(40);
  });
  it("bad input is a typed error", () => {
    expect(() => warningTime(grid, disc(1), site, { speed: 0 })).toThrow(CoverageError);
    expect(() => warningTime(grid, new Uint8Array(3), site, { speed: 50 })).toThrow(CoverageError);
    expect(() => warningTime(grid, disc(1), { name: "far", latDeg: 10, lonDeg: 10 }, { speed: 50 })).toThrow(CoverageError);
    expect(() => warningTime(metricGrid(3, 1), new Uint8Array(9), site, { speed: 50 })).toThrow(CoverageError);
  });
});

describe("siting", () => {
  // Flat earth (k huge) with a wall of hills splitting the grid: a site on the hill sees both sides.
  const g = geoGrid(28, 47.5, 121, 121, 1 / 120);
  for (let r = 0; r < 121; r++) for (let c = 0; c < 121; c++) g.heights[r * 121 + c] = c === 60 ? 300 : 0;
  const region = new Uint8Array(121 * 121).fill(1);
  const make = (name: string, lonDeg: number): CoverageSensor => ({ id: name, name, latDeg: 47, lonDeg, antennaAgl: 10, k: 1e9, maxRange: 30_000 });
  it("greedily picks the candidate that adds most covered area, then the best complement, and reports gains", () => {
    const cands = [make("west", 28.1), make("ridge", 28.5), make("east", 28.9)];
    const steps = chooseSites(g, [], cands, { layer: parseLayers("50agl")[0], count: 2, regionMask: region });
    expect(steps.map((s) => s.candidate.name)).toEqual(["ridge", steps[1].candidate.name]);
    expect(steps[0].gainArea).toBeGreaterThan(steps[1].gainArea);
    expect(steps[1].totalArea).toBeCloseTo(steps[0].gainArea + steps[1].gainArea, 0);
    expect(steps[0].gainArea).toBeGreaterThan(0);
  });
  it("a lattice of candidates over the region", () => {
    const c = candidateGrid(g, region, 0.25, { antennaAgl: 20 });
    expect(c.length).toBe(25); // 0.25° = 30 posts: 0, 30, 60, 90, 120 in each direction
    expect(c[0]).toMatchObject({ antennaAgl: 20, latDeg: 47.5, lonDeg: 28 });
  });
  it("the warning objective needs a site", () => {
    expect(() => chooseSites(g, [], [make("a", 28.1)], { layer: parseLayers("50agl")[0], count: 1, regionMask: region, objective: "warning" })).toThrow(CoverageError);
  });
});
