/**
 * `skywatch coverage --dem … --sensors … --layers … --sites … --region … --out DIR`: the
 * coverage audit from real terrain. Writes GeoTIFF rasters, GeoJSON gap polygons, PNG
 * quick-looks, a summary table and a manifest into DIR, and prints the summary.
 */
import { InvalidArgumentError, type Command } from "commander";
import {
  coverageSensorOf, loadBorders, parseLayers, polylinesOf, readDem, readRegionFile, readSitesFile,
  runAudit, summaryMarkdown, writeAudit, type AuditInput, type CoverageSensor, type Layer,
} from "../coverage/index.js";
import { readSensorsFile } from "../sources/index.js";

interface CoverageOptions {
  dem: string;
  sensors: string;
  layers: Layer[];
  sites?: string;
  region?: string;
  out: string;
  speed: number;
  warningLayer?: Layer[];
  maxDistance: number;
  next: number;
  candidates?: string;
  candidateSpacing: number;
  candidateAgl: number;
  objective: "area" | "warning";
  sitingLayer?: Layer[];
  borders?: string;
  growth?: number[];
  growthLayer?: Layer[];
  pngScale: number;
  pngMargin: number;
  minGap: number;
}

const layersOpt = (v: string): Layer[] => {
  try {
    return parseLayers(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
};
const num = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a non-negative number, got "${v}"`);
  return n;
};
const ints = (v: string): number[] => v.split(",").map((x) => {
  const n = Number(x.trim());
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected positive integers, got "${v}"`);
  return n;
});

/** Registers the command. */
export function registerCoverage(program: Command): void {
  program
    .command("coverage")
    .description("coverage audit over terrain: layers, gaps, warning time, next sites")
    .requiredOption("--dem <path>", "terrain: .hgt, .dt0/.dt1/.dt2, .tif, .bil, or a folder of tiles")
    .requiredOption("-s, --sensors <file>", "sensors file (YAML/JSON), optional coverage fields antennaAglM, min/maxElevationDeg, maxRangeM, kFactor")
    .option("-l, --layers <list>", "altitude layers, e.g. 50agl,150agl,500agl,1500amsl", layersOpt, parseLayers("50agl,100agl,150agl,300agl,500agl,1000agl"))
    .option("--sites <file>", "protected sites for warning time (YAML/JSON list or GeoJSON points/polygons)")
    .option("--region <file>", "region (GeoJSON polygon) whose gaps and areas are reported")
    .requiredOption("-o, --out <dir>", "output folder")
    .option("--speed <m/s>", "target ground speed for warning time", num, 50)
    .option("--warning-layer <layer>", "layer of the warning-time target (default: the first layer)", layersOpt)
    .option("--max-distance <m>", "how far out to look for warning time", num, 300_000)
    .option("--next <k>", "choose the next k sensor sites greedily", num, 0)
    .option("--candidates <file>", "candidate sites (YAML/JSON list or GeoJSON points); default a lattice over the region")
    .option("--candidate-spacing <deg>", "lattice spacing of candidate sites, degrees", num, 0.25)
    .option("--candidate-agl <m>", "antenna height above ground of candidates", num, 30)
    .option("--objective <what>", "siting objective: area or warning", (v) => {
      if (v !== "area" && v !== "warning") throw new InvalidArgumentError('expected "area" or "warning"');
      return v;
    }, "area")
    .option("--siting-layer <layer>", "layer whose coverage siting maximises (default: the first layer)", layersOpt)
    .option("--borders <file>", "GeoJSON border lines for the PNGs (default: world-atlas Natural Earth 1:10m)")
    .option("--growth <list>", "also draw the first layer's coverage by the first n sensors, e.g. 1,2,3", ints)
    .option("--growth-layer <layer>", "layer of the growth maps (default: the warning layer, else the first)", layersOpt)
    .option("--png-scale <n>", "pixels per post in PNGs", num, 1)
    .option("--png-margin <deg>", "margin around the region in PNGs, degrees", num, 0.3)
    .option("--min-gap <km2>", "leave out gap polygons smaller than this", num, 0)
    .action(async (o: CoverageOptions) => {
      const started = performance.now();
      const grid = await readDem(o.dem);
      const sensors: CoverageSensor[] = (await readSensorsFile(o.sensors)).map(coverageSensorOf);
      const region = o.region !== undefined ? await readRegionFile(o.region) : undefined;
      const sites = o.sites !== undefined ? await readSitesFile(o.sites) : undefined;
      const input: AuditInput = { grid, sensors, layers: o.layers, minGapKm2: o.minGap };
      if (region !== undefined) input.region = region;
      if (sites !== undefined) {
        input.sites = sites;
        input.warning = { speed: o.speed, maxDistance: o.maxDistance, ...(o.warningLayer ? { layer: o.warningLayer[0] } : {}) };
      }
      if (o.next > 0) {
        const template = { antennaAgl: o.candidateAgl };
        const candidates = o.candidates !== undefined
          ? (await readSitesFile(o.candidates)).map((c, k) => ({ ...template, id: `cand-${k + 1}`, name: c.name, latDeg: c.latDeg, lonDeg: c.lonDeg }))
          : { spacingDeg: o.candidateSpacing, template };
        input.siting = { count: Math.round(o.next), objective: o.objective, candidates, ...(o.sitingLayer ? { layer: o.sitingLayer[0] } : {}) };
      }
      const loaded = performance.now();
      const audit = runAudit(input);
      const computed = performance.now();
      const borders = await loadBorders(o.borders);
      const outline = region !== undefined ? polylinesOf({ type: "MultiPolygon", coordinates: region.polygons }) : undefined;
      let pngBox;
      if (region !== undefined) {
        const xs = region.polygons.flatMap((p) => p[0].map((q) => q[0]));
        const ys = region.polygons.flatMap((p) => p[0].map((q) => q[1]));
        pngBox = { west: Math.min(...xs) - o.pngMargin, east: Math.max(...xs) + o.pngMargin, south: Math.min(...ys) - o.pngMargin, north: Math.max(...ys) + o.pngMargin };
      }
      const manifest = await writeAudit(audit, o.out, {
        borders, pngScale: o.pngScale,
        ...(outline ? { outline } : {}), ...(pngBox ? { pngBox } : {}), ...(o.growth ? { growth: o.growth } : {}),
        ...((o.growthLayer ?? o.warningLayer) ? { growthLayer: (o.growthLayer ?? o.warningLayer ?? [])[0].label } : {}),
      });
      process.stdout.write(summaryMarkdown(audit));
      process.stderr.write(
        `coverage: ${grid.width}×${grid.height} posts, ${sensors.length} sensors, ${o.layers.length} layers; ` +
        `read ${((loaded - started) / 1000).toFixed(2)} s, audit ${((computed - loaded) / 1000).toFixed(2)} s, ` +
        `wrote ${manifest.files.length} files to ${o.out} in ${((performance.now() - computed) / 1000).toFixed(2)} s\n`);
    });
}
