/**
 * Siting: choose the next sensors from candidate sites, greedily. Each round adds the candidate
 * that most increases the objective given the sensors already placed (existing plus those
 * chosen so far), and reports its gain:
 * - "area": covered area of the region at one layer (m²);
 * - "warning": the worst-case warning time at a protected site (s), ties broken by area.
 * Greedy selection is the standard approximation for maximum coverage (Nemhauser, Wolsey &
 * Fisher 1978: within 1 − 1/e of the optimum for the area objective).
 */
import { CoverageError } from "./errors.js";
import { cellArea, type DemGrid } from "./grid.js";
import type { Layer } from "./layers.js";
import { lineOfSight, type CoverageSensor, type Viewshed } from "./line_of_sight.js";
import { warningTime, type ProtectedSite, type WarningOptions } from "./warning_time.js";

/** Options of {@link chooseSites}. */
export interface SitingOptions {
  /** Layer whose coverage is maximised (AGL or AMSL). */
  layer: Layer;
  /** How many sensors to add. */
  count: number;
  /** 0/1 mask of the region to cover. */
  regionMask: Uint8Array;
  /** Objective. Default "area". */
  objective?: "area" | "warning";
  /** For the "warning" objective: the site and the target. */
  warning?: { site: ProtectedSite; options: WarningOptions };
}

/** One chosen sensor. */
export interface SitingStep {
  candidate: CoverageSensor;
  /** Covered region area added by this sensor, m². */
  gainArea: number;
  /** Covered region area after it, m². */
  totalArea: number;
  /** Worst-case warning after it, s (warning objective only). */
  worstWarning?: number;
}

/** Candidate sites on a regular lattice over the region, `spacingDeg` apart, each a copy of `template`. */
export function candidateGrid(
  grid: DemGrid,
  regionMask: Uint8Array,
  spacingDeg: number,
  template: Omit<CoverageSensor, "id" | "name" | "latDeg" | "lonDeg">,
): CoverageSensor[] {
  if (!(spacingDeg > 0)) throw new CoverageError("bad-input", "candidate spacing must be positive");
  const out: CoverageSensor[] = [];
  const stepC = Math.max(1, Math.round(spacingDeg / grid.dx));
  const stepR = Math.max(1, Math.round(spacingDeg / grid.dy));
  for (let r = 0; r < grid.height; r += stepR) {
    for (let c = 0; c < grid.width; c += stepC) {
      const i = r * grid.width + c;
      if (!regionMask[i] || !Number.isFinite(grid.heights[i])) continue;
      const latDeg = +(grid.y0 - r * grid.dy).toFixed(5);
      const lonDeg = +(grid.x0 + c * grid.dx).toFixed(5);
      out.push({ ...template, id: `cand-${out.length + 1}`, name: `candidate ${latDeg.toFixed(3)}N ${lonDeg.toFixed(3)}E`, latDeg, lonDeg });
    }
  }
  return out;
}

/** Region posts a viewshed sees at the layer, as an index list. */
function seenPosts(grid: DemGrid, v: Viewshed, layer: Layer, region: Uint8Array): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < region.length; i++) {
    if (!region[i]) continue;
    const h = layer.ref === "agl" ? layer.height : layer.height - grid.heights[i];
    if (h >= 0 && v.minAgl[i] <= h && h <= v.maxAgl[i]) idx.push(i);
  }
  return Int32Array.from(idx);
}

/**
 * Picks `count` candidates greedily (see the module comment).
 * @param existing viewsheds of the sensors already in place (on `grid`).
 * @throws CoverageError("bad-input") when the warning objective has no site, or from {@link lineOfSight}.
 */
export function chooseSites(grid: DemGrid, existing: Viewshed[], candidates: CoverageSensor[], opts: SitingOptions): SitingStep[] {
  const objective = opts.objective ?? "area";
  if (objective === "warning" && opts.warning === undefined) throw new CoverageError("bad-input", "the warning objective needs a protected site");
  const n = grid.width * grid.height;
  const rowArea = new Float64Array(grid.height);
  for (let r = 0; r < grid.height; r++) rowArea[r] = cellArea(grid, r);
  const area = (i: number): number => rowArea[Math.floor(i / grid.width)];
  const covered = new Uint8Array(n);
  for (const v of existing) for (const i of seenPosts(grid, v, opts.layer, opts.regionMask)) covered[i] = 1;
  let total = 0;
  for (let i = 0; i < n; i++) if (covered[i]) total += area(i);
  const seen = candidates.map((c) => seenPosts(grid, lineOfSight(grid, c), opts.layer, opts.regionMask));
  const taken = new Set<number>();
  const steps: SitingStep[] = [];
  // The warning objective needs coverage over the whole approach, not just the region.
  let coveredAll: Uint8Array | undefined;
  let allSeen: Int32Array[] | undefined;
  if (objective === "warning") {
    const everywhere = new Uint8Array(n).fill(1);
    coveredAll = new Uint8Array(n);
    for (const v of existing) for (const i of seenPosts(grid, v, opts.layer, everywhere)) coveredAll[i] = 1;
    allSeen = candidates.map((c) => seenPosts(grid, lineOfSight(grid, c), opts.layer, everywhere));
  }
  for (let round = 0; round < opts.count && taken.size < candidates.length; round++) {
    let best = -1, bestGain = -1, bestWarn = -1;
    for (let k = 0; k < candidates.length; k++) {
      if (taken.has(k)) continue;
      let gain = 0;
      for (const i of seen[k]) if (!covered[i]) gain += area(i);
      let warn = 0;
      if (coveredAll !== undefined && allSeen !== undefined && opts.warning !== undefined) {
        const trial = coveredAll.slice();
        for (const i of allSeen[k]) trial[i] = 1;
        warn = warningTime(grid, trial, opts.warning.site, { ...opts.warning.options, map: false }).worst.warning;
      }
      const better = objective === "warning" ? warn > bestWarn || (warn === bestWarn && gain > bestGain) : gain > bestGain;
      if (better) {
        best = k;
        bestGain = gain;
        bestWarn = warn;
      }
    }
    if (best < 0) break;
    taken.add(best);
    for (const i of seen[best]) covered[i] = 1;
    if (coveredAll !== undefined && allSeen !== undefined) for (const i of allSeen[best]) coveredAll[i] = 1;
    total += bestGain;
    steps.push({
      candidate: candidates[best], gainArea: bestGain, totalArea: total,
      ...(objective === "warning" ? { worstWarning: bestWarn } : {}),
    });
  }
  return steps;
}
