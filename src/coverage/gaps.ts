/**
 * Gaps as polygons: the posts of a 0/1 mask traced into GeoJSON polygons along cell edges
 * (each post owns the cell of size dx × dy around it). Exterior rings run counter-clockwise and
 * holes clockwise (RFC 7946 §3.1.6); collinear vertices are dropped. Used for the uncovered
 * parts of a region at a layer.
 */
import { DEG } from "../geo/index.js";
import { gaussianRadius } from "../geo/index.js";
import type { DemGrid } from "./grid.js";

/** A GeoJSON Polygon feature with its area. */
export interface GapFeature {
  type: "Feature";
  geometry: { type: "Polygon"; coordinates: number[][][] };
  properties: { areaKm2: number; [k: string]: unknown };
}

/** A GeoJSON FeatureCollection of gap polygons. */
export interface GapCollection {
  type: "FeatureCollection";
  features: GapFeature[];
}

/** Signed area in corner-index units (x east, y = −row north): > 0 counter-clockwise. */
function signedArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

function inside(pt: number[], ring: number[][]): boolean {
  let r = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > pt[1]) !== (yj > pt[1]) && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) r = !r;
  }
  return r;
}

/**
 * Traces the set posts of `mask` into rings, in corner-index coordinates [col, −row] of cell
 * corners (a post (c, r) spans [c, c+1] × [−r−1, −r]).
 */
export function traceRings(width: number, height: number, mask: Uint8Array): number[][][] {
  const W1 = width + 1;
  const corners = W1 * (height + 1);
  // Outgoing boundary edges of each corner (at most two, at a saddle): end corner + 1, 0 = none.
  const out1 = new Int32Array(corners);
  const out2 = new Int32Array(corners);
  const starts: number[] = [];
  const add = (from: number, to: number): void => {
    if (out1[from] === 0) {
      out1[from] = to + 1;
      starts.push(from);
    } else out2[from] = to + 1;
  };
  const at = (c: number, r: number): boolean => c >= 0 && r >= 0 && c < width && r < height && mask[r * width + c] !== 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (mask[r * width + c] === 0) continue;
      const nw = r * W1 + c; // corner indices: row r of corners is the north edge of post row r
      // Inside on the left, north up (corner rows grow southward).
      if (!at(c, r + 1)) add(nw + W1, nw + W1 + 1); // south edge, west → east
      if (!at(c + 1, r)) add(nw + W1 + 1, nw + 1); // east edge, south → north
      if (!at(c, r - 1)) add(nw + 1, nw); // north edge, east → west
      if (!at(c - 1, r)) add(nw, nw + W1); // west edge, north → south
    }
  }
  const take = (from: number, px: number, py: number): number => {
    const a = out1[from] - 1;
    const b = out2[from] - 1;
    let pick = a;
    if (b >= 0) {
      // At a saddle take the left turn, so that rings of diagonal neighbours only touch.
      const tx = from % W1, ty = Math.floor(from / W1);
      const dx = tx - px, dy = ty - py;
      const ox = (b % W1) - tx, oy = Math.floor(b / W1) - ty;
      if (-dx * oy + dy * ox > 0) pick = b; // b is left of the incoming edge, north up
    }
    if (pick === a) {
      out1[from] = out2[from];
      out2[from] = 0;
    } else out2[from] = 0;
    return pick;
  };
  const rings: number[][][] = [];
  for (const start of starts) {
    while (out1[start] !== 0) {
      const ring: number[][] = [[start % W1, -Math.floor(start / W1)]];
      let px = start % W1, py = Math.floor(start / W1);
      let to = take(start, px - 1, py); // no incoming edge at the start: any choice is a ring
      while (to !== start) {
        const tx = to % W1, ty = Math.floor(to / W1);
        ring.push([tx, -ty]);
        const next = take(to, px, py);
        px = tx;
        py = ty;
        to = next;
      }
      ring.push(ring[0]);
      rings.push(simplify(ring));
    }
  }
  return rings;
}

/** Drops vertices between two collinear edges (all edges are axis-parallel). */
function simplify(ring: number[][]): number[][] {
  const pts = ring.slice(0, -1);
  const out: number[][] = [];
  for (let i = 0; i < pts.length; i++) {
    const a = pts[(i + pts.length - 1) % pts.length];
    const b = pts[i];
    const c = pts[(i + 1) % pts.length];
    if ((a[0] === b[0] && b[0] === c[0]) || (a[1] === b[1] && b[1] === c[1])) continue;
    out.push(b);
  }
  out.push(out[0]);
  return out;
}

/** Area of a ring given in grid units, m² (sphere of the Gaussian radius; metric grids: plane). */
function ringArea(grid: DemGrid, ring: number[][]): number {
  if (grid.crs === "metric") return Math.abs(signedArea(ring));
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += (ring[i + 1][0] - ring[i][0]) * DEG * (Math.sin(ring[i][1] * DEG) + Math.sin(ring[i + 1][1] * DEG));
  }
  const lat = ring[0][1] * DEG;
  const R = gaussianRadius(lat);
  return Math.abs((s / 2) * R * R);
}

/**
 * Polygons of the set posts of a mask, in grid units, with their areas (km²). Polygons smaller
 * than `minAreaKm2` are left out. `props` are copied into every feature.
 */
export function maskToPolygons(grid: DemGrid, mask: Uint8Array, minAreaKm2 = 0, props: Record<string, unknown> = {}): GapCollection {
  const rings = traceRings(grid.width, grid.height, mask);
  const toGrid = (ring: number[][]): number[][] =>
    ring.map(([x, y]) => [
      +(grid.x0 + (x - 0.5) * grid.dx).toFixed(6),
      +(grid.y0 + (y + 0.5) * grid.dy).toFixed(6),
    ]);
  const outers: { ring: number[][]; idx: number[][]; holes: number[][][]; box: number[] }[] = [];
  const holes: number[][][] = [];
  for (const r of rings) {
    if (signedArea(r) > 0) {
      const xs = r.map((p) => p[0]);
      const ys = r.map((p) => p[1]);
      outers.push({ ring: toGrid(r), idx: r, holes: [], box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] });
    } else holes.push(r);
  }
  for (const h of holes) {
    // A hole's vertex is on its outer ring's boundary; test the centre of its first edge shifted half a cell inwards.
    const [a, b] = h;
    const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
    const probe = [mx + (b[1] - a[1] !== 0 ? (b[1] > a[1] ? 0.5 : -0.5) : 0), my + (b[0] - a[0] !== 0 ? (b[0] > a[0] ? -0.5 : 0.5) : 0)];
    let best: (typeof outers)[number] | undefined;
    let bestArea = Infinity;
    for (const o of outers) {
      if (probe[0] < o.box[0] || probe[0] > o.box[2] || probe[1] < o.box[1] || probe[1] > o.box[3]) continue;
      const area = signedArea(o.idx);
      if (area < bestArea && inside(probe, o.idx)) {
        best = o;
        bestArea = area;
      }
    }
    if (best !== undefined) best.holes.push(toGrid(h));
  }
  const features: GapFeature[] = [];
  for (const o of outers) {
    const area = ringArea(grid, o.ring) - o.holes.reduce((s, h) => s + ringArea(grid, h), 0);
    const km2 = area / 1e6;
    if (km2 < minAreaKm2) continue;
    features.push({
      type: "Feature",
      geometry: { type: "Polygon", coordinates: [o.ring, ...o.holes] },
      properties: { ...props, areaKm2: +km2.toFixed(3) },
    });
  }
  features.sort((a, b) => b.properties.areaKm2 - a.properties.areaKm2);
  return { type: "FeatureCollection", features };
}

/** Posts inside the region (`regionMask`) and not covered (`covered` = 0). */
export function gapMask(regionMask: Uint8Array, covered: Uint8Array): Uint8Array {
  const out = new Uint8Array(regionMask.length);
  for (let i = 0; i < out.length; i++) out[i] = regionMask[i] && !covered[i] ? 1 : 0;
  return out;
}
