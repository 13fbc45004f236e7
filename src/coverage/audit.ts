/**
 * The coverage audit as one pure computation: viewsheds of every sensor, coverage of every
 * layer (how many sensors see each post), the lowest covered height, the uncovered parts of the
 * region as polygons, warning times at protected sites, and the greedy choice of next sites.
 * Writing the results to files is `outputs.ts`.
 */
import type { Sensor } from "../types/index.js";
import { CoverageError } from "./errors.js";
import { gapMask, maskToPolygons, type GapCollection } from "./gaps.js";
import { cellArea, type DemGrid } from "./grid.js";
import { atLeast, layerCoverage, lowestCoveredAgl, type Layer, type LayerCoverage } from "./layers.js";
import { lineOfSight, type CoverageSensor, type Viewshed } from "./line_of_sight.js";
import { rasterizeRegion, type Region } from "./region.js";
import { candidateGrid, chooseSites, type SitingStep } from "./siting.js";
import { warningTime, type ProtectedSite, type WarningResult } from "./warning_time.js";

const RAD = 180 / Math.PI;

/** A tracker `Sensor` (from the sensors file) as a coverage sensor: antenna AGL when given, else the site height as AMSL. */
export function coverageSensorOf(s: Sensor): CoverageSensor {
  const c = s.coverage ?? {};
  return {
    id: s.id,
    name: s.name,
    latDeg: s.site.lat * RAD,
    lonDeg: s.site.lon * RAD,
    ...(c.antennaAgl !== undefined ? { antennaAgl: c.antennaAgl } : { antennaAmsl: s.site.height }),
    ...(c.minElevation !== undefined ? { minElevation: c.minElevation } : {}),
    ...(c.maxElevation !== undefined ? { maxElevation: c.maxElevation } : {}),
    ...(c.maxRange !== undefined ? { maxRange: c.maxRange } : {}),
    ...(c.k !== undefined ? { k: c.k } : {}),
  };
}

/** What to audit. */
export interface AuditInput {
  grid: DemGrid;
  sensors: CoverageSensor[];
  layers: Layer[];
  /** Region whose gaps and areas are reported (default: the whole grid). */
  region?: Region;
  /** Protected sites for warning time. */
  sites?: ProtectedSite[];
  /** Target for warning time: speed (m/s) and layer; default 50 m/s at the first layer. */
  warning?: { speed: number; layer?: Layer; maxDistance?: number; bearings?: number };
  /** Greedy siting of the next sensors. */
  siting?: {
    count: number;
    layer?: Layer;
    objective?: "area" | "warning";
    /** Candidate list, or a lattice over the region with this spacing (degrees) and the given sensor template. */
    candidates: CoverageSensor[] | { spacingDeg: number; template: Omit<CoverageSensor, "id" | "name" | "latDeg" | "lonDeg"> };
  };
  /** Gap polygons smaller than this are left out (km²). Default 0. */
  minGapKm2?: number;
}

/** Areas of one layer inside the region, km². */
export interface LayerStats {
  label: string;
  regionKm2: number;
  /** Seen by each sensor (by id). */
  perSensorKm2: Record<string, number>;
  /** Seen by at least 1, 2, 3 sensors. */
  atLeast1Km2: number;
  atLeast2Km2: number;
  atLeast3Km2: number;
  /** Not seen. */
  gapKm2: number;
  /** atLeast1 / region, %. */
  coveredPct: number;
}

/** Everything the audit computed. */
export interface AuditResult {
  grid: DemGrid;
  sensors: CoverageSensor[];
  viewsheds: Viewshed[];
  coverage: LayerCoverage[];
  /** Lowest covered height above ground per post, m (+Infinity: never seen). */
  lowest: Float32Array;
  regionMask: Uint8Array;
  regionName: string;
  stats: LayerStats[];
  /** Gap polygons per layer label. */
  gaps: Record<string, GapCollection>;
  warnings: WarningResult[];
  warningLayer?: Layer;
  warningSpeed?: number;
  siting?: { layer: Layer; objective: "area" | "warning"; steps: SitingStep[] };
  /** Milliseconds spent: viewsheds, layers (coverage + lowest), gaps, warning, siting. */
  timings: Record<string, number>;
}

/** Areas of a layer's coverage inside the region. */
export function layerStats(grid: DemGrid, cov: LayerCoverage, views: Viewshed[], region: Uint8Array): LayerStats {
  const per = new Float64Array(views.length);
  let reg = 0, a1 = 0, a2 = 0, a3 = 0;
  for (let r = 0; r < grid.height; r++) {
    const area = cellArea(grid, r) / 1e6;
    for (let c = 0; c < grid.width; c++) {
      const i = r * grid.width + c;
      if (!region[i]) continue;
      reg += area;
      const n = cov.count[i];
      if (n >= 1) a1 += area;
      if (n >= 2) a2 += area;
      if (n >= 3) a3 += area;
      const m = cov.mask[i];
      if (m !== 0) for (let s = 0; s < views.length; s++) if (m & (1 << s)) per[s] += area;
    }
  }
  const perSensorKm2: Record<string, number> = {};
  views.forEach((v, s) => (perSensorKm2[v.sensorId] = +per[s].toFixed(1)));
  return {
    label: cov.layer.label, regionKm2: +reg.toFixed(1), perSensorKm2,
    atLeast1Km2: +a1.toFixed(1), atLeast2Km2: +a2.toFixed(1), atLeast3Km2: +a3.toFixed(1),
    gapKm2: +(reg - a1).toFixed(1), coveredPct: reg > 0 ? +((100 * a1) / reg).toFixed(2) : 0,
  };
}

/**
 * Runs the audit.
 * @throws CoverageError for sensors or sites off the grid, bad layers or options.
 */
export function runAudit(input: AuditInput): AuditResult {
  const { grid, sensors, layers } = input;
  if (sensors.length === 0) throw new CoverageError("bad-input", "no sensors to audit");
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = +(now - t).toFixed(2);
    t = now;
  };
  const viewsheds = sensors.map((s) => lineOfSight(grid, s));
  lap("viewsheds");
  const coverage = layerCoverage(grid, viewsheds, layers);
  const lowest = lowestCoveredAgl(grid, viewsheds);
  lap("layers");
  const regionMask = input.region !== undefined ? rasterizeRegion(grid, input.region) : new Uint8Array(grid.width * grid.height).fill(1);
  const stats = coverage.map((c) => layerStats(grid, c, viewsheds, regionMask));
  const gaps: Record<string, GapCollection> = {};
  if (input.region !== undefined) {
    for (const c of coverage) {
      gaps[c.layer.label] = maskToPolygons(grid, gapMask(regionMask, atLeast(c.count, 1)), input.minGapKm2 ?? 0, { layer: c.layer.label });
    }
  }
  lap("gaps");
  const result: AuditResult = {
    grid, sensors, viewsheds, coverage, lowest, regionMask, regionName: input.region?.name ?? "grid",
    stats, gaps, warnings: [], timings,
  };
  if (input.sites !== undefined && input.sites.length > 0) {
    const w = input.warning ?? { speed: 50 };
    const layer = w.layer ?? layers[0];
    const cov = coverage.find((c) => c.layer.label === layer.label) ?? layerCoverage(grid, viewsheds, [layer])[0];
    const mask = atLeast(cov.count, 1);
    result.warnings = input.sites.map((site) =>
      warningTime(grid, mask, site, {
        speed: w.speed,
        ...(w.maxDistance !== undefined ? { maxDistance: w.maxDistance } : {}),
        ...(w.bearings !== undefined ? { bearings: w.bearings } : {}),
      }));
    result.warningLayer = layer;
    result.warningSpeed = w.speed;
    lap("warning");
  }
  if (input.siting !== undefined && input.siting.count > 0) {
    const sit = input.siting;
    const layer = sit.layer ?? layers[0];
    const candidates = Array.isArray(sit.candidates)
      ? sit.candidates
      : candidateGrid(grid, regionMask, sit.candidates.spacingDeg, sit.candidates.template);
    const objective = sit.objective ?? "area";
    const site = input.sites?.[0];
    const steps = chooseSites(grid, viewsheds, candidates, {
      layer, count: sit.count, regionMask, objective,
      ...(objective === "warning" && site !== undefined ? { warning: { site, options: { speed: input.warning?.speed ?? 50 } } } : {}),
    });
    result.siting = { layer, objective, steps };
    lap("siting");
  }
  return result;
}
