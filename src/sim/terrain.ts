/**
 * The simulator's hook for terrain masking. The coverage module (`src/coverage/`, DEM readers
 * and line of sight) provides the real implementation; the simulator only needs to ask whether
 * the line from an antenna to a target clears the terrain, so it depends on this interface and
 * the caller passes an implementation built from a DEM. Without one, only the smooth 4/3-earth
 * radio horizon applies.
 */
import type { Geodetic } from "../geo/index.js";

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
