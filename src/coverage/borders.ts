/**
 * Border lines for quick-look maps, read at run time: a GeoJSON file (polygons or lines, e.g.
 * Natural Earth country borders) or, by default, the Natural Earth 1:10m country borders of the
 * `world-atlas` package (TopoJSON, meshed into shared border lines with `topojson-client`).
 * Lines are lists of [longitude, latitude] degrees.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { mesh } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import { CoverageError } from "./errors.js";

/** A polyline of [lon, lat] degrees. */
export type Polyline = number[][];

function linesOf(g: unknown, out: Polyline[]): void {
  const geom = g as { type?: string; coordinates?: unknown; geometries?: unknown[]; features?: unknown[]; geometry?: unknown };
  if (geom === null || typeof geom !== "object") return;
  switch (geom.type) {
    case "FeatureCollection": for (const f of geom.features ?? []) linesOf(f, out); break;
    case "Feature": linesOf(geom.geometry, out); break;
    case "GeometryCollection": for (const x of geom.geometries ?? []) linesOf(x, out); break;
    case "LineString": out.push(geom.coordinates as Polyline); break;
    case "MultiLineString": case "Polygon": out.push(...(geom.coordinates as Polyline[])); break;
    case "MultiPolygon": for (const p of geom.coordinates as Polyline[][]) out.push(...p); break;
    default: break;
  }
}

/** Polylines of any GeoJSON object (rings of polygons count as lines). */
export function polylinesOf(doc: unknown): Polyline[] {
  const out: Polyline[] = [];
  linesOf(doc, out);
  return out;
}

/**
 * Loads border lines: from a GeoJSON file when `path` is given, else from world-atlas `countries-10m`.
 * @throws CoverageError("bad-input") when the file cannot be read or parsed.
 */
export async function loadBorders(path?: string): Promise<Polyline[]> {
  if (path !== undefined) {
    try {
      return polylinesOf(JSON.parse(await readFile(path, "utf8")));
    } catch (e) {
      throw new CoverageError("bad-input", `cannot read border lines: ${(e as Error).message}`, path);
    }
  }
  const require = createRequire(import.meta.url);
  const file = require.resolve("world-atlas/countries-10m.json");
  const topo = JSON.parse(await readFile(file, "utf8")) as Topology;
  return polylinesOf(mesh(topo, topo.objects.countries as GeometryCollection));
}
