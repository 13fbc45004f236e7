/**
 * Altitude layers and their coverage: for each layer (a height above ground, AGL, or above
 * mean sea level, AMSL), how many sensors see each post (single, double, … coverage) and
 * which ones; and the lowest height at which anything sees each post.
 */
import { CoverageError } from "./errors.js";
import type { DemGrid } from "./grid.js";
import type { Viewshed } from "./line_of_sight.js";

/** An altitude layer: `height` metres above ground (`agl`) or above the grid's datum (`amsl`). */
export interface Layer {
  height: number;
  ref: "agl" | "amsl";
  /** Short label, e.g. "100agl". */
  label: string;
}

/** Coverage of one layer. */
export interface LayerCoverage {
  layer: Layer;
  /** Number of sensors seeing each post (0 where none or no data). */
  count: Uint8Array;
  /** Bit s set when sensor s (index in the viewshed list, < 32) sees the post. */
  mask: Uint32Array;
}

/**
 * Parses a layer list: comma-separated `<metres><agl|amsl>` (case-insensitive, a space and an
 * "m" allowed: "50agl, 150 m AGL, 1000amsl"). A bare number is AGL.
 * @throws CoverageError("bad-input") naming the bad entry.
 */
export function parseLayers(text: string): Layer[] {
  const out: Layer[] = [];
  for (const raw of text.split(",")) {
    const t = raw.trim();
    if (t === "") continue;
    const m = /^(-?\d+(?:\.\d+)?)\s*m?\s*(agl|amsl|msl)?$/i.exec(t);
    if (m === null) throw new CoverageError("bad-input", `layer "${t}" is not <metres>agl or <metres>amsl`);
    const height = Number(m[1]);
    const ref = (m[2] ?? "agl").toLowerCase() === "agl" ? "agl" : "amsl";
    if (ref === "agl" && height < 0) throw new CoverageError("bad-input", `layer "${t}": height above ground must be ≥ 0`);
    out.push({ height, ref, label: `${height}${ref}` });
  }
  if (out.length === 0) throw new CoverageError("bad-input", "no layers given");
  return out;
}

/**
 * Coverage of each layer by the given viewsheds (at most 32 sensors, all on `grid`).
 * A post is seen at an AMSL layer only where the layer is above the terrain.
 * @throws CoverageError("bad-input") for more than 32 sensors or viewsheds of another grid size.
 */
export function layerCoverage(grid: DemGrid, views: Viewshed[], layers: Layer[]): LayerCoverage[] {
  if (views.length > 32) throw new CoverageError("bad-input", `at most 32 sensors per layer mask (got ${views.length})`);
  const n = grid.width * grid.height;
  for (const v of views) if (v.minAgl.length !== n) throw new CoverageError("bad-input", `viewshed ${v.sensorId} is not on this grid`);
  const z = grid.heights;
  const out: LayerCoverage[] = layers.map((layer) => ({ layer, count: new Uint8Array(n), mask: new Uint32Array(n) }));
  const nl = layers.length;
  const heights = Float64Array.from(layers, (l) => l.height);
  const allAgl = layers.every((l) => l.ref === "agl");
  const isAgl = Uint8Array.from(layers, (l) => (l.ref === "agl" ? 1 : 0));
  const counts = out.map((o) => o.count);
  const masks = out.map((o) => o.mask);
  // One pass per sensor over the posts, testing every layer: each viewshed is read once.
  for (let s = 0; s < views.length; s++) {
    const lo = views[s].minAgl;
    const hi = views[s].maxAgl;
    const bit = (1 << s) >>> 0;
    for (let i = 0; i < n; i++) {
      const a = lo[i];
      if (!(a < Number.POSITIVE_INFINITY)) continue; // never seen (or no data)
      const b = hi[i];
      const zi = z[i];
      for (let k = 0; k < nl; k++) {
        const h = allAgl || isAgl[k] === 1 ? heights[k] : heights[k] - zi;
        if (h >= 0 && a <= h && h <= b) {
          counts[k][i]++;
          masks[k][i] |= bit;
        }
      }
    }
  }
  return out;
}

/**
 * Lowest covered height above ground at each post: the least `minAgl` over sensors whose
 * visible band there is not empty. `+Infinity` where no sensor sees any height, NaN on no-data.
 */
export function lowestCoveredAgl(grid: DemGrid, views: Viewshed[]): Float32Array {
  const n = grid.width * grid.height;
  const out = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) if (grid.heights[i] !== grid.heights[i]) out[i] = Number.NaN;
  for (const v of views) {
    for (let i = 0; i < n; i++) {
      const lo = v.minAgl[i];
      if (lo <= v.maxAgl[i] && lo < out[i]) out[i] = lo;
    }
  }
  return out;
}

/** Posts with `count ≥ min` as a 0/1 mask. */
export function atLeast(count: Uint8Array, min: number): Uint8Array {
  const out = new Uint8Array(count.length);
  for (let i = 0; i < count.length; i++) out[i] = count[i] >= min ? 1 : 0;
  return out;
}

/** Posts seen by at least one of the sensors whose indices are in `subset` (bits of `mask`). */
export function coveredBySubset(cov: LayerCoverage, subset: number[]): Uint8Array {
  let bits = 0;
  for (const s of subset) bits |= 1 << s;
  const out = new Uint8Array(cov.mask.length);
  for (let i = 0; i < out.length; i++) out[i] = cov.mask[i] & bits ? 1 : 0;
  return out;
}
