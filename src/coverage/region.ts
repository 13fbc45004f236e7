/**
 * Regions (a country, an area of responsibility): GeoJSON polygons, rasterised onto a grid.
 * Coordinates are [x, y] in the grid's units (longitude, latitude degrees for geographic grids;
 * GeoJSON RFC 7946 §3.1.6 rings).
 */
import { CoverageError } from "./errors.js";
import type { DemGrid } from "./grid.js";
import type { BBox } from "./mosaic.js";

/** A polygon as rings of [x, y] (first ring outer, others holes). */
export type PolygonRings = number[][][];

/** A region: one or more polygons. */
export interface Region {
  name: string;
  polygons: PolygonRings[];
}

function ringsOf(geom: unknown, where: string): PolygonRings[] {
  const g = geom as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (g === null || typeof g !== "object") throw new CoverageError("bad-input", `${where}: not a GeoJSON geometry`);
  if (g.type === "Polygon") return [g.coordinates as PolygonRings];
  if (g.type === "MultiPolygon") return g.coordinates as PolygonRings[];
  if (g.type === "GeometryCollection" && Array.isArray(g.geometries)) return g.geometries.flatMap((x: unknown) => ringsOf(x, where));
  throw new CoverageError("bad-input", `${where}: geometry type ${String(g.type)} is not a polygon`);
}

/**
 * Region from parsed GeoJSON: a Polygon, MultiPolygon, Feature or FeatureCollection (all polygon
 * features are joined). Throws CoverageError("bad-input") when no polygon is found or a ring is malformed.
 */
export function regionFromGeoJson(doc: unknown, name = "region"): Region {
  const d = doc as { type?: string; features?: unknown[]; geometry?: unknown; properties?: Record<string, unknown> };
  let polygons: PolygonRings[];
  if (d?.type === "FeatureCollection" && Array.isArray(d.features)) {
    polygons = d.features.flatMap((f, i) => ringsOf((f as { geometry?: unknown }).geometry, `feature ${i}`));
  } else if (d?.type === "Feature") polygons = ringsOf(d.geometry, "feature");
  else polygons = ringsOf(d, "geometry");
  if (polygons.length === 0) throw new CoverageError("bad-input", "region has no polygon");
  for (const p of polygons) {
    for (const ring of p) {
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every((pt) => Array.isArray(pt) && Number.isFinite(pt[0]) && Number.isFinite(pt[1]))) {
        throw new CoverageError("bad-input", "region ring must have ≥ 4 finite [x, y] positions");
      }
    }
  }
  const propName = d?.type === "Feature" ? d.properties?.name : undefined;
  return { name: typeof propName === "string" ? propName : name, polygons };
}

/** Bounding box of a region. */
export function regionBBox(r: Region): BBox {
  const b: BBox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const p of r.polygons) for (const ring of p) for (const [x, y] of ring) {
    if (x < b.west) b.west = x;
    if (x > b.east) b.east = x;
    if (y < b.south) b.south = y;
    if (y > b.north) b.north = y;
  }
  return b;
}

/**
 * Posts of the grid inside the region (even–odd rule over all rings, at post centres), as 0/1.
 * Cost: one scan line per row over the region's edges.
 */
export function rasterizeRegion(grid: DemGrid, r: Region): Uint8Array {
  const out = new Uint8Array(grid.width * grid.height);
  const edges: number[] = []; // x1, y1, x2, y2
  for (const p of r.polygons) for (const ring of p) {
    for (let k = 0; k + 1 < ring.length; k++) edges.push(ring[k][0], ring[k][1], ring[k + 1][0], ring[k + 1][1]);
  }
  const xs: number[] = [];
  for (let row = 0; row < grid.height; row++) {
    const y = grid.y0 - row * grid.dy;
    xs.length = 0;
    for (let e = 0; e < edges.length; e += 4) {
      const y1 = edges[e + 1];
      const y2 = edges[e + 3];
      if ((y1 > y) !== (y2 > y)) xs.push(edges[e] + ((y - y1) / (y2 - y1)) * (edges[e + 2] - edges[e]));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k] - grid.x0) / grid.dx));
      const c1 = Math.min(grid.width - 1, Math.floor((xs[k + 1] - grid.x0) / grid.dx));
      for (let c = c0; c <= c1; c++) out[row * grid.width + c] = 1;
    }
  }
  return out;
}
