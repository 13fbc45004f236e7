/**
 * Writes an audit to a folder: GeoTIFF rasters, GeoJSON gap polygons, PNG quick-looks with
 * borders, a summary table (Markdown and JSON) and `manifest.json`, the index the server and
 * the air picture read. File names use layer labels (`100agl`) and sanitised sensor/site names.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AuditResult } from "./audit.js";
import type { Polyline } from "./borders.js";
import { encodeGeoTiff } from "./geotiff_writer.js";
import type { BBox } from "./mosaic.js";
import { COUNT_COLOURS, rampColour, renderPng, type QuickLook, type Rgba } from "./png.js";

/** Options of {@link writeAudit}. */
export interface WriteOptions {
  /** Border lines drawn on every PNG (grid units). */
  borders?: Polyline[];
  /** Outline of the region drawn on every PNG. */
  outline?: Polyline[];
  /** Crop PNGs to this box (grid units). Default the whole grid. */
  pngBox?: BBox;
  /** Pixels per post in PNGs. Default 1. */
  pngScale?: number;
  /** Also draw, for the first layer, the coverage of the first n sensors for each n here (e.g. [1, 2, 3]). */
  growth?: number[];
  /** Layer label for the growth maps. Default the first layer. */
  growthLayer?: string;
}

/** One written file, as listed in the manifest. */
export interface ManifestFile {
  name: string;
  kind: "geotiff" | "geojson" | "png" | "json" | "markdown";
  /** What it shows. */
  title: string;
  layer?: string;
}

/** `manifest.json`: what the folder holds. */
export interface AuditManifest {
  version: 1;
  region: string;
  /** Grid extent, grid units, for overlaying PNGs and rasters: west, south, east, north of the cell edges. */
  bounds: [number, number, number, number];
  /** Extent of the PNGs (same form). */
  pngBounds: [number, number, number, number];
  layers: string[];
  sensors: { id: string; name: string; latDeg: number; lonDeg: number }[];
  files: ManifestFile[];
}

const safe = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

/** Writes the audit into `dir` (created if needed) and returns its manifest. Throws the file-system error when a write fails. */
export async function writeAudit(a: AuditResult, dir: string, o: WriteOptions = {}): Promise<AuditManifest> {
  await mkdir(dir, { recursive: true });
  const { grid } = a;
  const files: ManifestFile[] = [];
  const put = async (f: ManifestFile, data: string | Uint8Array): Promise<void> => {
    await writeFile(join(dir, f.name), data);
    files.push(f);
  };
  let window = { c0: 0, c1: grid.width - 1, r0: 0, r1: grid.height - 1 };
  if (o.pngBox !== undefined) {
    const b = o.pngBox;
    window = {
      c0: Math.max(0, Math.floor((b.west - grid.x0) / grid.dx)),
      c1: Math.min(grid.width - 1, Math.ceil((b.east - grid.x0) / grid.dx)),
      r0: Math.max(0, Math.floor((grid.y0 - b.north) / grid.dy)),
      r1: Math.min(grid.height - 1, Math.ceil((grid.y0 - b.south) / grid.dy)),
    };
  }
  const sensorsPts = a.sensors.map((s) => ({ at: grid.crs === "geographic" ? { x: s.lonDeg, y: s.latDeg } : s.gridPoint ?? { x: 0, y: 0 }, colour: [230, 30, 30, 255] as Rgba }));
  const png = (colour: QuickLook["colour"], points = sensorsPts): Buffer =>
    renderPng({
      grid, colour, window, scale: o.pngScale ?? 1, points,
      ...(o.borders ? { lines: o.borders } : {}),
      ...(o.outline ? { outline: o.outline } : {}),
    });

  // Per sensor: minimum visible height AGL.
  for (const v of a.viewsheds) {
    const data = new Float32Array(v.minAgl.length);
    for (let i = 0; i < data.length; i++) data[i] = v.minAgl[i] <= v.maxAgl[i] ? v.minAgl[i] : Number.NaN;
    await put({ name: `minagl_${safe(v.sensorId)}.tif`, kind: "geotiff", title: `Lowest height seen by ${v.sensorId}, m AGL` }, encodeGeoTiff(grid, data, Number.NaN));
  }
  // Lowest covered height over all sensors.
  const lowest = Float32Array.from(a.lowest, (x) => (Number.isFinite(x) ? x : Number.NaN));
  await put({ name: "lowest_covered_agl.tif", kind: "geotiff", title: "Lowest covered height, m AGL" }, encodeGeoTiff(grid, lowest, Number.NaN));
  await put({ name: "lowest_covered_agl.png", kind: "png", title: "Lowest covered height (50 m classes, green 0 m … red ≥ 1000 m AGL)" },
    png((i) => rampColour(1000 - Math.ceil(lowest[i] / 50) * 50, 0, 1000)));
  // Layers.
  for (const c of a.coverage) {
    const L = c.layer.label;
    await put({ name: `count_${L}.tif`, kind: "geotiff", title: `Sensors seeing ${L}`, layer: L }, encodeGeoTiff(grid, c.count, 255));
    await put({ name: `coverage_${L}.png`, kind: "png", title: `Coverage at ${L}: 1, 2, 3, ≥4 sensors`, layer: L },
      png((i) => COUNT_COLOURS[Math.min(4, c.count[i])]));
    if (a.gaps[L] !== undefined) {
      await put({ name: `gaps_${L}.geojson`, kind: "geojson", title: `Uncovered parts of ${a.regionName} at ${L}`, layer: L }, JSON.stringify(a.gaps[L]));
    }
  }
  // Growth of the network: first n sensors.
  const gl = a.coverage.find((c) => c.layer.label === (o.growthLayer ?? a.coverage[0]?.layer.label));
  for (const n of o.growth ?? []) {
    if (gl === undefined || n < 1 || n > a.sensors.length) continue;
    const bits = n >= 32 ? 0xffffffff : (1 << n) - 1;
    await put({ name: `coverage_${gl.layer.label}_${n}radar${n > 1 ? "s" : ""}.png`, kind: "png", title: `Coverage at ${gl.layer.label} of the first ${n} sensor(s)`, layer: gl.layer.label },
      png((i) => {
        let m = gl.mask[i] & bits, k = 0;
        while (m) { k += m & 1; m >>>= 1; }
        return COUNT_COLOURS[Math.min(4, k)];
      }, sensorsPts.slice(0, n)));
  }
  // Warning time.
  for (const w of a.warnings) {
    const name = safe(w.site.name);
    const minutes = (s: number): number => +(s / 60).toFixed(2);
    if (w.map !== undefined) {
      const map = w.map;
      await put({ name: `warning_${name}.tif`, kind: "geotiff", title: `Warning time at ${w.site.name}, s` }, encodeGeoTiff(grid, map, Number.NaN));
      await put({ name: `warning_${name}.png`, kind: "png", title: `Warning time at ${w.site.name} (5-minute classes, red 0 … green ≥ 60 min)` },
        png((i) => rampColour(Math.floor(map[i] / 300) * 300, 0, 3600), [...sensorsPts, { at: { x: w.site.lonDeg, y: w.site.latDeg }, colour: [30, 30, 230, 255] }]));
    }
    await put({ name: `warning_${name}.json`, kind: "json", title: `Warning time per bearing at ${w.site.name}` }, JSON.stringify({
      site: w.site.name, layer: a.warningLayer?.label, speedMps: a.warningSpeed,
      worst: { bearingDeg: +((w.worst.bearing * 180) / Math.PI).toFixed(1), warningMin: minutes(w.worst.warning) },
      percentilesMin: Object.fromEntries(Object.entries(w.percentiles).map(([k, v]) => [k, minutes(v)])),
      bearings: Array.from(w.bearings, (b, k) => ({ bearingDeg: +((b * 180) / Math.PI).toFixed(1), detectKm: +(w.detectDistance[k] / 1000).toFixed(2), warningMin: minutes(w.warning[k]) })),
    }, null, 1));
  }
  if (a.siting !== undefined) {
    await put({ name: "siting.geojson", kind: "geojson", title: `Next sites (${a.siting.objective} at ${a.siting.layer.label})` }, JSON.stringify({
      type: "FeatureCollection",
      features: a.siting.steps.map((s, k) => ({
        type: "Feature", geometry: { type: "Point", coordinates: [s.candidate.lonDeg, s.candidate.latDeg] },
        properties: { rank: k + 1, name: s.candidate.name, gainKm2: +(s.gainArea / 1e6).toFixed(1), totalKm2: +(s.totalArea / 1e6).toFixed(1), ...(s.worstWarning !== undefined ? { worstWarningMin: +(s.worstWarning / 60).toFixed(2) } : {}) },
      })),
    }));
  }
  await put({ name: "summary.md", kind: "markdown", title: "Summary table" }, summaryMarkdown(a));
  await put({ name: "summary.json", kind: "json", title: "Summary" }, JSON.stringify({ region: a.regionName, layers: a.stats, timingsMs: a.timings }, null, 1));
  const edge = (c: number, r: number): [number, number] => [grid.x0 + (c - 0.5) * grid.dx, grid.y0 - (r - 0.5) * grid.dy];
  const [w0, n0] = edge(0, 0);
  const [e0, s0] = edge(grid.width, grid.height);
  const [pw, pn] = edge(window.c0, window.r0);
  const [pe, ps] = edge(window.c1 + 1, window.r1 + 1);
  const manifest: AuditManifest = {
    version: 1, region: a.regionName, bounds: [w0, s0, e0, n0], pngBounds: [pw, ps, pe, pn],
    layers: a.coverage.map((c) => c.layer.label),
    sensors: a.sensors.map((s) => ({ id: s.id, name: s.name, latDeg: s.latDeg, lonDeg: s.lonDeg })),
    files: [...files, { name: "manifest.json", kind: "json", title: "This index" }],
  };
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 1));
  return manifest;
}

/** The summary table of an audit, as Markdown. */
export function summaryMarkdown(a: AuditResult): string {
  const lines: string[] = [];
  lines.push(`# Coverage audit: ${a.regionName}`, "");
  lines.push(`Sensors: ${a.sensors.map((s) => `${s.name} (${s.id})`).join(", ")}.`, "");
  lines.push("| layer | region km² | seen by ≥1 | ≥2 | ≥3 | gap km² | covered % | " + a.viewsheds.map((v) => v.sensorId).join(" | ") + " |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|" + a.viewsheds.map(() => "---:|").join(""));
  for (const s of a.stats) {
    lines.push(`| ${s.label} | ${s.regionKm2} | ${s.atLeast1Km2} | ${s.atLeast2Km2} | ${s.atLeast3Km2} | ${s.gapKm2} | ${s.coveredPct} | ` +
      a.viewsheds.map((v) => s.perSensorKm2[v.sensorId]).join(" | ") + " |");
  }
  if (a.warnings.length > 0) {
    lines.push("", `Warning time, target at ${a.warningLayer?.label} and ${a.warningSpeed} m/s (minutes):`, "");
    lines.push("| site | worst bearing ° | worst | 10 % | median | 90 % | best |", "|---|---:|---:|---:|---:|---:|---:|");
    for (const w of a.warnings) {
      const m = (s: number): string => (s / 60).toFixed(1);
      lines.push(`| ${w.site.name} | ${((w.worst.bearing * 180) / Math.PI).toFixed(0)} | ${m(w.worst.warning)} | ${m(w.percentiles.p10)} | ${m(w.percentiles.p50)} | ${m(w.percentiles.p90)} | ${m(w.percentiles.p100)} |`);
    }
  }
  if (a.siting !== undefined) {
    lines.push("", `Next sites (greedy, ${a.siting.objective} at ${a.siting.layer.label}):`, "");
    lines.push("| rank | site | lat ° | lon ° | gain km² | total km² |", "|---:|---|---:|---:|---:|---:|");
    a.siting.steps.forEach((s, k) => lines.push(`| ${k + 1} | ${s.candidate.name} | ${s.candidate.latDeg.toFixed(3)} | ${s.candidate.lonDeg.toFixed(3)} | ${(s.gainArea / 1e6).toFixed(1)} | ${(s.totalArea / 1e6).toFixed(1)} |`));
  }
  lines.push("", `Computed in ${Object.entries(a.timings).map(([k, v]) => `${k} ${v} ms`).join(", ")}.`, "");
  return lines.join("\n");
}
