/**
 * Files of protected sites and of candidate sensor sites, in YAML/JSON or GeoJSON.
 *
 * ```yaml
 * sites:                      # protected sites (or "candidates:" for siting)
 *   - name: Chisinau
 *     latDeg: 47.0105
 *     lonDeg: 28.8638
 * ```
 * A GeoJSON FeatureCollection works too: Point features are point sites; Polygon and
 * MultiPolygon features are areas (the reference point is the mean of the outer ring's
 * vertices); the name is the feature's `name` property.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { CoverageError } from "./errors.js";
import { regionFromGeoJson } from "./region.js";
import type { ProtectedSite } from "./warning_time.js";

const SiteSchema = z.object({
  name: z.string().min(1),
  latDeg: z.number().min(-90).max(90),
  lonDeg: z.number().min(-180).max(180),
}).strict();

const SitesSchema = z.union([
  z.object({ sites: z.array(SiteSchema).min(1) }).strict(),
  z.object({ candidates: z.array(SiteSchema).min(1) }).strict(),
]);

/**
 * Parses sites text (YAML, JSON or GeoJSON).
 * @throws CoverageError("bad-input") naming the bad field.
 */
export function parseSites(text: string, file = "<sites>"): ProtectedSite[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new CoverageError("bad-input", `not valid YAML/JSON: ${(e as Error).message}`, file);
  }
  const d = doc as { type?: string; features?: unknown[] };
  if (d?.type === "FeatureCollection" && Array.isArray(d.features)) {
    return d.features.map((f, k) => {
      const feat = f as { geometry?: { type?: string; coordinates?: unknown }; properties?: { name?: unknown } };
      const name = typeof feat.properties?.name === "string" ? feat.properties.name : `site ${k + 1}`;
      const g = feat.geometry;
      if (g?.type === "Point" && Array.isArray(g.coordinates)) {
        const [lon, lat] = g.coordinates as number[];
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new CoverageError("bad-input", `feature ${k}: bad point`, file);
        return { name, latDeg: lat, lonDeg: lon };
      }
      const area = regionFromGeoJson(feat, name);
      const outer = area.polygons[0][0];
      const n = outer.length - 1;
      const lon = outer.slice(0, n).reduce((s, p) => s + p[0], 0) / n;
      const lat = outer.slice(0, n).reduce((s, p) => s + p[1], 0) / n;
      return { name, latDeg: lat, lonDeg: lon, area };
    });
  }
  const r = SitesSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new CoverageError("bad-input", `${issue.path.join(".") || "(top level)"}: ${issue.message}`, file);
  }
  return "sites" in r.data ? r.data.sites : r.data.candidates;
}

/** Reads a sites file. Throws CoverageError. */
export async function readSitesFile(path: string): Promise<ProtectedSite[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new CoverageError("bad-input", `cannot read: ${(e as Error).message}`, path);
  }
  return parseSites(text, path);
}

/** Reads a region GeoJSON file. Throws CoverageError. */
export async function readRegionFile(path: string): Promise<ReturnType<typeof regionFromGeoJson>> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new CoverageError("bad-input", `cannot read GeoJSON: ${(e as Error).message}`, path);
  }
  const r = regionFromGeoJson(doc, path.replace(/^.*\//, "").replace(/\.[^.]*$/, ""));
  return r;
}
