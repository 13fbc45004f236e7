/**
 * Coverage layers over HTTP, so the air picture can overlay them: the files of a coverage audit
 * folder (written by `skywatch coverage --out DIR`, see `src/coverage/outputs.ts`).
 *
 * - `GET /api/coverage` → the folder's `manifest.json` ({@link AuditManifest}: layers, sensors,
 *   bounds, files), or 404 `{ error }` when there is no audit.
 * - `GET /api/coverage/files/:name` → one file listed in the manifest (GeoJSON, PNG, GeoTIFF,
 *   JSON, Markdown) with its content type; any name not in the manifest is 404 (no path is
 *   ever built from a request beyond a listed name).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { AuditManifest, ManifestFile } from "../coverage/index.js";

const CONTENT_TYPES: Record<ManifestFile["kind"], string> = {
  geojson: "application/geo+json",
  png: "image/png",
  geotiff: "image/tiff",
  json: "application/json",
  markdown: "text/markdown; charset=utf-8",
};

async function readManifest(dir: string): Promise<AuditManifest | null> {
  try {
    const m = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as AuditManifest;
    return m !== null && typeof m === "object" && Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

/** Registers the coverage routes on a Fastify app, serving the audit in `dir` (read on each request). */
export function registerCoverageRoutes(app: FastifyInstance, dir: string): void {
  app.get("/api/coverage", async (_req, reply) => {
    const m = await readManifest(dir);
    if (m === null) return reply.code(404).send({ error: "no coverage audit (run skywatch coverage --out DIR)" });
    return m;
  });
  app.get<{ Params: { name: string } }>("/api/coverage/files/:name", async (req, reply) => {
    const m = await readManifest(dir);
    const f = m?.files.find((x) => x.name === req.params.name);
    if (f === undefined) return reply.code(404).send({ error: `no coverage file ${req.params.name}` });
    try {
      const body = await readFile(join(dir, f.name));
      return reply.type(CONTENT_TYPES[f.kind]).send(body);
    } catch {
      return reply.code(404).send({ error: `coverage file ${f.name} is listed but missing` });
    }
  });
}
