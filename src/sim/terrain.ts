/**
 * The simulator's hook for terrain masking. The coverage module (`src/coverage/`, DEM readers
 * and line of sight) provides the real implementation; the simulator only needs to ask whether
 * the line from an antenna to a target clears the terrain, so it depends on this interface and
 * the caller passes an implementation built from a DEM. Without one, only the smooth 4/3-earth
 * radio horizon applies.
 */
import { lineOfSight, nearestCell, type DemGrid, type Viewshed } from "../coverage/index.js";
import { DEG, type Geodetic } from "../geo/index.js";
import type { RadarSpec } from "./radar.js";

/** Line-of-sight test over terrain. */
export interface TerrainMask {
  /**
   * True when the straight (refracted, k-factor) ray from `antenna` to `target` clears the
   * terrain. Positions on WGS-84 (rad, rad, m above the ellipsoid).
   */
  clear(antenna: Geodetic, target: Geodetic): boolean;
}

/** A terrain mask from a plain function (tests, or an adapter around the coverage module's line of sight). */
export function terrainMaskFrom(clear: (antenna: Geodetic, target: Geodetic) => boolean): TerrainMask {
  return { clear };
}

/**
 * The terrain mask of one radar from a viewshed the coverage module computed on a geographic DEM
 * grid: the target is visible when its height above the ground post beneath it lies within the
 * viewshed's visible band there. Outside the grid (or on no-data posts) the mask lets the ray
 * through, leaving only the smooth-earth horizon. Positions in radians; heights in the grid's
 * vertical datum (MSL).
 * @throws Error for a metric (projected) grid: the simulator works in WGS-84.
 */
export function viewshedTerrainMask(grid: DemGrid, view: Viewshed): TerrainMask {
  if (grid.crs === "metric") throw new Error("terrain masking needs a geographic (latitude/longitude) DEM grid");
  return {
    clear(_antenna, target) {
      const cell = nearestCell(grid, { x: target.lon / DEG, y: target.lat / DEG });
      if (cell === null) return true;
      const i = cell.row * grid.width + cell.col;
      const ground = grid.heights[i];
      const min = view.minAgl[i];
      if (!Number.isFinite(ground) || Number.isNaN(min)) return true;
      const agl = target.height - ground;
      return agl >= min && agl <= view.maxAgl[i];
    },
  };
}

/** Gives each radar of a scenario the terrain mask of its viewshed over the DEM (computed once per radar). */
export function applyTerrain(radars: RadarSpec[], grid: DemGrid): void {
  for (const r of radars) {
    const view = lineOfSight(grid, {
      id: `${r.sac}/${r.sic}`, name: r.name, latDeg: r.latDeg, lonDeg: r.lonDeg,
      antennaAmsl: r.groundHeight + r.antennaHeight, minElevation: r.minElevation, maxElevation: r.maxElevation,
      maxRange: r.instrumentedRange, k: r.k,
    });
    r.terrain = viewshedTerrainMask(grid, view);
  }
}
