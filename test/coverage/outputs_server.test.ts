import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import {
  parseGeoTiff, parseLayers, parseSites, runAudit, summaryMarkdown, writeAudit, CoverageError, type CoverageSensor,
} from "../../src/coverage/index.js";
import { registerCoverageRoutes } from "../../src/server/coverage_routes.js";
import { REPO_ROOT } from "../shared_data.js";
import { skywatch } from "../cli/cli_helpers.js";
import { GEO, GEO_SKIP, HAS_GEO, MOSAIC_TIF, geoGrid } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "skywatch-coverage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small hilly geographic grid with two sensors, a square region and one protected site.
const grid = geoGrid(28, 47.5, 121, 121, 1 / 120);
for (let r = 0; r < 121; r++) for (let c = 0; c < 121; c++) grid.heights[r * 121 + c] = 100 + 80 * Math.sin(c / 9) * Math.cos(r / 11);
const sensors: CoverageSensor[] = [
  { id: "1/1", name: "A", latDeg: 47.2, lonDeg: 28.2, antennaAgl: 20 },
  { id: "1/2", name: "B", latDeg: 47.3, lonDeg: 28.8, antennaAgl: 20, maxRange: 40_000 },
];
const region = { name: "square", polygons: [[[[28.1, 46.6], [28.9, 46.6], [28.9, 47.4], [28.1, 47.4], [28.1, 46.6]]]] };

describe("audit outputs", () => {
  const audit = runAudit({
    grid, sensors, layers: parseLayers("50agl,300agl"), region,
    sites: [{ name: "Town", latDeg: 47.0, lonDeg: 28.5 }], warning: { speed: 50, maxDistance: 60_000 },
    siting: { count: 1, candidates: { spacingDeg: 0.25, template: { antennaAgl: 20 } } },
  });
  it("summarises areas per layer, the warning time and the next site", () => {
    const [s50, s300] = audit.stats;
    expect(s50.regionKm2).toBeGreaterThan(0.9 * 0.8 * 111 * 0.8 * 111 * Math.cos(47 * Math.PI / 180));
    expect(s300.atLeast1Km2).toBeGreaterThanOrEqual(s50.atLeast1Km2);
    expect(s50.atLeast2Km2).toBeLessThanOrEqual(s50.atLeast1Km2);
    expect(s50.gapKm2 + s50.atLeast1Km2).toBeCloseTo(s50.regionKm2, 0);
    const gapArea = audit.gaps["50agl"].features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(Math.abs(gapArea - s50.gapKm2) / s50.regionKm2).toBeLessThan(0.01);
    expect(audit.warnings[0].warning.length).toBe(360);
    expect(audit.siting?.steps).toHaveLength(1);
    expect(summaryMarkdown(audit)).toContain("| 50agl |");
  });
  it("writes GeoTIFFs, GeoJSON, PNGs and a manifest; the server serves them", async () => {
    const m = await writeAudit(audit, dir, { growth: [1, 2], outline: [region.polygons[0][0]] });
    const names = m.files.map((f) => f.name);
    for (const n of ["count_50agl.tif", "coverage_50agl.png", "gaps_50agl.geojson", "lowest_covered_agl.tif", "warning_town.png", "coverage_50agl_2radars.png", "summary.md", "siting.geojson"]) {
      expect(names).toContain(n);
    }
    const count = await parseGeoTiff(readFileSync(join(dir, "count_50agl.tif")));
    expect([count.width, count.x0, count.y0]).toEqual([121, 28, 47.5]);
    expect(Array.from(count.heights.slice(0, 50))).toEqual(Array.from(audit.coverage[0].count.slice(0, 50)));
    const png = PNG.sync.read(readFileSync(join(dir, "coverage_50agl.png")));
    expect([png.width, png.height]).toEqual([121, 121]);

    const app = Fastify();
    registerCoverageRoutes(app, dir);
    const idx = await app.inject({ url: "/api/coverage" });
    expect(idx.statusCode).toBe(200);
    expect(idx.json().layers).toEqual(["50agl", "300agl"]);
    const gaps = await app.inject({ url: "/api/coverage/files/gaps_50agl.geojson" });
    expect(gaps.headers["content-type"]).toContain("geo+json");
    expect(gaps.json().type).toBe("FeatureCollection");
    const img = await app.inject({ url: "/api/coverage/files/coverage_50agl.png" });
    expect(img.headers["content-type"]).toBe("image/png");
    expect((await app.inject({ url: "/api/coverage/files/..%2F..%2Fetc%2Fpasswd" })).statusCode).toBe(404);
    const empty = Fastify();
    registerCoverageRoutes(empty, join(dir, "nothing-here"));
    expect((await empty.inject({ url: "/api/coverage" })).statusCode).toBe(404);
    await app.close();
    await empty.close();
  });
  it.skipIf(spawnSync("gdalinfo", ["--version"]).status !== 0)("GDAL reads the written GeoTIFF with the same georeferencing", () => {
    const r = spawnSync("gdalinfo", ["-json", join(dir, "lowest_covered_agl.tif")], { encoding: "utf8" });
    const info = JSON.parse(r.stdout) as { geoTransform: number[]; size: number[]; bands: { type: string }[] };
    expect(info.size).toEqual([121, 121]);
    expect(info.geoTransform[0]).toBeCloseTo(28 - 1 / 240, 9);
    expect(info.geoTransform[3]).toBeCloseTo(47.5 + 1 / 240, 9);
    expect(info.bands[0].type).toBe("Float32");
  });
  it("sites files: YAML list or GeoJSON points/polygons; bad ones are typed errors", () => {
    expect(parseSites("sites:\n  - {name: A, latDeg: 47, lonDeg: 28}\n")).toEqual([{ name: "A", latDeg: 47, lonDeg: 28 }]);
    const gj = parseSites(JSON.stringify({ type: "FeatureCollection", features: [
      { type: "Feature", properties: { name: "P" }, geometry: { type: "Point", coordinates: [28, 47] } },
      { type: "Feature", properties: { name: "Q" }, geometry: { type: "Polygon", coordinates: [[[28, 47], [29, 47], [29, 48], [28, 48], [28, 47]]] } },
    ] }));
    expect(gj[0]).toEqual({ name: "P", latDeg: 47, lonDeg: 28 });
    expect(gj[1]).toMatchObject({ name: "Q", latDeg: 47.5, lonDeg: 28.5 });
    expect(() => parseSites("sites:\n  - {name: A, latDeg: 99, lonDeg: 28}\n")).toThrow(CoverageError);
    expect(() => parseSites("{{{")).toThrow(CoverageError);
  });
});

const HAS_DIST = existsSync(join(REPO_ROOT, "dist/src/cli/main.js"));
describe.skipIf(!HAS_GEO || !HAS_DIST)("skywatch coverage (built CLI, real terrain)", () => {
  it("audits the Moldova example sensors and writes the layers", () => {
    const out = join(dir, "cli");
    const sites = join(dir, "sites.yaml");
    writeFileSync(sites, "sites:\n  - {name: Chisinau, latDeg: 47.0105, lonDeg: 28.8638}\n");
    const r = skywatch("coverage", "--dem", MOSAIC_TIF, "--sensors", "examples/moldova/sensors.yaml", "--layers", "100agl,500agl",
      "--sites", sites, "--region", join(GEO, "vector/moldova_boundary_10m.geojson"), "--warning-layer", "100agl", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("| 100agl |");
    expect(r.stdout).toMatch(/\| Chisinau \| \d+ \|/);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { layers: string[]; region: string };
    expect(manifest.layers).toEqual(["100agl", "500agl"]);
    const bad = skywatch("coverage", "--dem", "/nonexistent.dt0", "--sensors", "examples/moldova/sensors.yaml", "--out", out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/nonexistent/);
    const badLayer = skywatch("coverage", "--dem", MOSAIC_TIF, "--sensors", "examples/moldova/sensors.yaml", "--layers", "lots", "--out", out);
    expect(badLayer.status).not.toBe(0);
  });
});
if (!HAS_GEO) console.warn(GEO_SKIP);
