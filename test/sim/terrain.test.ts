/** Terrain masking of the simulated radar from a DEM through the coverage module's line of sight. */
import { describe, expect, it } from "vitest";
import type { DemGrid } from "../../src/coverage/index.js";
import { fromDegrees } from "../../src/geo/index.js";
import { applyTerrain, RADAR_DEFAULTS, type RadarSpec } from "../../src/sim/index.js";

/** Flat 100 m terrain, 1°×1° around the site at 0.005° posts, with a 900 m ridge 20 km north of the site. */
function ridgeGrid(): DemGrid {
  const width = 201;
  const height = 201;
  const heights = new Float32Array(width * height).fill(100);
  const ridgeRow = Math.round((47.5 - (47.0 + 20 / 111.2)) / 0.005);
  for (let c = 0; c < width; c++) heights[ridgeRow * width + c] = 900;
  return { width, height, x0: 28.3, y0: 47.5, dx: 0.005, dy: 0.005, crs: "geographic", heights, datum: "msl" } as DemGrid;
}

describe("simulated radar over terrain", () => {
  const radar: RadarSpec = { sac: 1, sic: 1, name: "test", latDeg: 47.0, lonDeg: 28.8, groundHeight: 100, antennaHeight: 20, ...RADAR_DEFAULTS } as RadarSpec;
  applyTerrain([radar], ridgeGrid());
  const site = fromDegrees(47.0, 28.8, 120);
  it("a low target behind the ridge is masked, a high one and one on the open side are not", () => {
    expect(radar.terrain).toBeDefined();
    expect(radar.terrain!.clear(site, fromDegrees(47.0 + 35 / 111.2, 28.8, 400))).toBe(false);
    expect(radar.terrain!.clear(site, fromDegrees(47.0 + 35 / 111.2, 28.8, 5000))).toBe(true);
    expect(radar.terrain!.clear(site, fromDegrees(47.0 - 35 / 111.2, 28.8, 400))).toBe(true);
  });
  it("outside the DEM only the smooth horizon applies", () => {
    expect(radar.terrain!.clear(site, fromDegrees(49, 28.8, 3000))).toBe(true);
  });
});
