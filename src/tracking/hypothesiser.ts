/**
 * Hypothesis generation (the "hypothesiser"): which plot–track pairs are admissible and at
 * what cost.
 *
 * For each plot of a batch and each live track:
 * 1. time: a plot older than the track state by more than `outOfSequenceLag` is skipped; an
 *    older one within the lag is gated against the track retrodicted to the plot's time
 *    (out-of-sequence measurement, `imm.ts`);
 * 2. identity: differing Mode S addresses forbid the pair (`identity.ts`); an equal address
 *    replaces steps 3–5 by a kinematic gate (reachable at `maxSpeed` plus 3σ plus `modeSReach`),
 *    its cost taking d² capped at the Mode S gate; a Mode S track coasting beyond
 *    `maxMissedScans` takes only plots with its address. The tracks holding a plot's address
 *    are tried first: when one passes, the address decides and the plot is paired with no
 *    other track (an ICAO address is unique to an airframe, so an addressless track near it —
 *    clutter, a primary-only duplicate — is no rival);
 * 3. pre-gate: |Δe| and |Δn| against the predicted single-coordinate variances (exact
 *    necessary condition, `gating.ts`; for a plot without height the window is widened by the
 *    height uncertainty, since the plot's ground position moves with the assumed height);
 * 4. velocity gate for one-plot tracks: the displacement must be reachable at `maxSpeed`
 *    (plus the two position uncertainties);
 * 5. full EKF prediction and χ² Mahalanobis gate.
 *
 * Cost of an admissible pair: c = d² + ln(|S| / |R|) + identity terms, where d² is the squared
 * Mahalanobis distance, S the innovation covariance and R the plot's covariance. d² + ln|S| is
 * −2 ln of the Gaussian likelihood up to a constant; dividing |S| by |R| (a constant per plot)
 * makes the cost dimensionless and ≥ d², so that the one `nonAssignmentCost` compares with
 * every row. The ln term penalises vague (tentative, long-coasted) tracks; a tentative track
 * also pays `tentativeTrackPenalty`.
 */
import type { PlotReport, Sensor } from "../types/index.js";
import type { SystemFrame } from "./system_frame.js";
import type { Gate } from "./gating.js";
import { preGate } from "./gating.js";
import { innovation, newInnovation } from "./kalman.js";
import { cholesky, choleskyLogDet } from "./linalg.js";
import { convertPlot, type ConvertedPlot, type MeasurementOptions } from "./measurement.js";
import type { ImmFilter } from "./imm.js";
import { relateIdentity, type IdentityCosts } from "./identity.js";
import type { Track } from "./track.js";
import { DiscGrid } from "./spatial_index.js";
import { GateField, KinField, type TrackColumns, type TrackTable } from "./track_table.js";

/** One plot of a batch, ready for association. */
export interface BatchPlot {
  /** The plot as associated: with the sensor's estimated biases removed, when they are corrected. */
  plot: PlotReport;
  /** The plot as the sensor reported it (bias estimation compares these with ADS-B). */
  raw: PlotReport;
  sensor: Sensor;
  /** Conversion with the plot's own height, or at the default height for a 2D plot. */
  conv: ConvertedPlot;
}

/** An admissible plot–track pair. */
export interface Hypothesis {
  /** Index of the plot in the batch. */
  plot: number;
  /** Index of the track in the track list given. */
  track: number;
  /** Association cost (see module doc). */
  cost: number;
  /** Measurement to use for the update (pair-specific for a 2D plot). */
  conv: ConvertedPlot;
  /** Plot and track carry the same Mode S address. */
  modeSMatch: boolean;
  /** Squared Mahalanobis distance of the plot from the track's combined prediction (uncapped). */
  d2: number;
}

/** Everything the hypothesiser needs besides plots and tracks. */
export interface HypothesiserContext {
  /** The IMM filter of every track (combined predictions). */
  filter: ImmFilter;
  frame: SystemFrame;
  gate: Gate;
  modeSGate: Gate;
  measurement: MeasurementOptions;
  identityCosts: IdentityCosts;
  maxSpeed: number;
  /** Margin of the kinematic gate of Mode S matches, metres (see `TrackerOptions.modeSReach`). */
  modeSReach: number;
  /**
   * Missed scans after which a coasting Mode S track takes only plots with its address (it is
   * kept beyond the normal deletion limit for re-acquisition by address alone).
   */
  maxMissedScans: number;
  /** Cost added to pairs with a tentative track. */
  tentativeTrackPenalty: number;
  /** Largest age (s) of a plot relative to a track state that is still associated (out-of-sequence update). */
  outOfSequenceLag: number;
  trackHeightSigmaFloor: number;
  /** Counter of full Mahalanobis tests, incremented here. */
  counters: { gateTests: number };
  /**
   * Plot–track pairs above which a batch is gated through the grid (default
   * {@link BRUTE_FORCE_PAIRS}; 0 always uses the grid, Infinity never: the two give the same
   * hypotheses).
   */
  gridThreshold?: number;
}

/** Below this many plot–track pairs a batch tests every pair (building the grid costs more). */
export const BRUTE_FORCE_PAIRS = 512;

// Per-batch buffers, grown as needed and reused (one batch at a time): per track slot, the
// predicted variance bounds of the grid pass; the grid of a batch's open plots; the candidate
// pairs it finds.
let veBuf = new Float64Array(0);
let vnBuf = new Float64Array(0);
let plotX = new Float64Array(0);
let plotY = new Float64Array(0);
let plotR = new Float64Array(0);
let pairPlot = new Int32Array(0);
let pairTrack = new Int32Array(0);
let pairSorted = new Int32Array(0);
let pairStart = new Int32Array(0);
const sharedGrid = new DiscGrid();

/**
 * The candidate pairs of a batch's open plots (those no track took by Mode S address), from the
 * grid: per open plot q, the tracks `track[start[q] … start[q + 1] − 1]`, in increasing slot
 * order; `ve`, `vn`: per slot of those tracks, predicted east and north variance bounds at the
 * batch's latest time (m²), for the pre-gate.
 */
interface CandidatePairs {
  start: Int32Array;
  track: Int32Array;
  ve: Float64Array;
  vn: Float64Array;
}

/** Highest target the ground position of a 2D plot may be wrong for (its assumed height is a guess), metres. */
const MAX_2D_HEIGHT_ERROR = 20_000;

/**
 * How far the ground position of a plot without height can move when its assumed height is
 * wrong by up to {@link MAX_2D_HEIGHT_ERROR}: ρ − √(ρ² − H²) for slant range ρ > H, else ρ.
 */
function groundShiftBound(range: number): number {
  const h = MAX_2D_HEIGHT_ERROR;
  return range > h ? range - Math.sqrt(range * range - h * h) : range;
}

/**
 * Radius of a plot's disc in the grid, m: its χ² spread at gate threshold `gMax`, widened for a
 * 2D plot by how far its ground position moves with its assumed height.
 */
function plotDiscRadius(p: BatchPlot, gMax: number): number {
  const r = p.conv.r;
  return Math.sqrt(gMax * (r[0] + r[4])) + (p.conv.dim === 3 ? 0 : groundShiftBound(p.plot.range));
}

/**
 * The east and north predicted-variance bounds (`ImmFilter.varianceBound`) of the track in slot
 * `j`, `dt` s ahead, from the table's packed columns, into `out` [east, north] (m²); returns the
 * track's horizontal speed (m/s), which they take.
 */
function columnVarianceBounds(filter: ImmFilter, cols: TrackColumns, j: number, dt: number, out: Float64Array): number {
  const g = cols.gate, o = j * GateField.SIZE, k = j * KinField.SIZE;
  const pVeVe = g[o + GateField.P_VEVE], pVnVn = g[o + GateField.P_VNVN], q = g[o + GateField.Q_SCALE];
  const vx = cols.kin[k + KinField.VX], vy = cols.kin[k + KinField.VY];
  const speed = Math.sqrt(vx * vx + vy * vy);
  out[0] = filter.varianceBound(0, g[o + GateField.P_EE], g[o + GateField.P_EVE], pVeVe, pVeVe, pVnVn, speed, dt, q);
  out[1] = filter.varianceBound(1, g[o + GateField.P_NN], g[o + GateField.P_NVN], pVnVn, pVeVe, pVnVn, speed, dt, q);
  return speed;
}

/** Scratch east and north variance bounds ({@link columnVarianceBounds}), read at once after each call. */
const bounds = new Float64Array(2);

/**
 * The polar extent of a batch's plots around their radar in the system plane: the ring
 * [ρmin, ρmax] and the shortest arc holding every plot's bearing. A sector batch of a distant
 * radar fills a small part of its bounding box; tracks outside the wedge are not entered.
 */
interface Wedge {
  /** The radar's position in the plane, m. */
  px: number;
  py: number;
  rhoMin: number;
  rhoMax: number;
  /** Unit vectors (east, north) of the arc's first and last bearings (clockwise from north; the arc spans at most π). */
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

const TWO_PI = 2 * Math.PI;
const sitePlane = new Float64Array(3);

/** The wedge of a batch whose plots all come from one sensor, when its arc is at most π; else undefined. */
function batchWedge(plots: BatchPlot[], frame: SystemFrame): Wedge | undefined {
  const sensor = plots[0].sensor;
  for (const p of plots) if (p.sensor !== sensor) return undefined;
  frame.toSystem(sensor.site, sitePlane);
  const px = sitePlane[0], py = sitePlane[1];
  let rhoMin = Infinity, rhoMax = -Infinity;
  const bearings = new Float64Array(plots.length);
  for (let i = 0; i < plots.length; i++) {
    const dx = plots[i].conv.z[0] - px, dy = plots[i].conv.z[1] - py;
    const rho = Math.sqrt(dx * dx + dy * dy);
    if (rho < rhoMin) rhoMin = rho;
    if (rho > rhoMax) rhoMax = rho;
    const b = Math.atan2(dx, dy);
    bearings[i] = b < 0 ? b + TWO_PI : b;
  }
  if (!(rhoMax >= rhoMin)) return undefined;
  bearings.sort();
  // The arc is the circle less its largest gap between consecutive bearings.
  let gap = bearings[0] + TWO_PI - bearings[bearings.length - 1];
  let first = 0;
  for (let i = 1; i < bearings.length; i++) {
    const g = bearings[i] - bearings[i - 1];
    if (g > gap) {
      gap = g;
      first = i;
    }
  }
  if (TWO_PI - gap > Math.PI) return undefined;
  const a = bearings[first], b = bearings[(first + bearings.length - 1) % bearings.length];
  return { px, py, rhoMin, rhoMax, ax: Math.sin(a), ay: Math.cos(a), bx: Math.sin(b), by: Math.cos(b) };
}

/**
 * False when no point within `reach` m of (x, y) can be a plot of the wedge — a necessary
 * condition of a track disc meeting a plot disc: the distance from (x, y) to a point of the
 * wedge is at least |ρ − ρ_p|, and, outside the arc, at least the distance to the nearer of its
 * two bounding rays. No trigonometry: the arc test and the ray distances are cross and dot
 * products with the rays' unit vectors.
 */
function mayMeetWedge(w: Wedge, x: number, y: number, reach: number): boolean {
  const dx = x - w.px, dy = y - w.py;
  const rho2 = dx * dx + dy * dy;
  const inner = w.rhoMin - reach, outer = w.rhoMax + reach;
  if ((inner > 0 && rho2 < inner * inner) || rho2 > outer * outer) return false;
  if (rho2 <= reach * reach) return true;
  // Clockwise bearings: the point is within the arc when it is clockwise of ray a and
  // anticlockwise of ray b (cross products of (east, north) vectors; the arc spans ≤ π).
  const crossA = w.ay * dx - w.ax * dy; // > 0: clockwise of a
  const crossB = w.by * dx - w.bx * dy; // < 0: anticlockwise of b
  if (crossA >= 0 && crossB <= 0) return true;
  const rho = Math.sqrt(rho2);
  const distA = w.ax * dx + w.ay * dy > 0 ? Math.abs(crossA) : rho;
  const distB = w.bx * dx + w.by * dy > 0 ? Math.abs(crossB) : rho;
  return Math.min(distA, distB) <= reach;
}

/**
 * The candidate pairs of the open plots of a batch (see {@link CandidatePairs}). The open plots
 * go into a grid, each as its disc (`plotDiscRadius`); every live track that may reach them (a
 * cheap bound first: within the plots' bounding box and their wedge around the radar, widened by
 * a generous reach) queries it with its own disc: its χ² gate at the batch's latest time, its
 * motion across the batch and back to the oldest plot, and a one-plot track's reach at
 * `maxSpeed`, around its position predicted to the middle of the batch. A pair whose discs do
 * not meet cannot pass the gate; the tracks scan the few open plots, rather than every plot
 * looking up a grid of every track.
 */
function candidatePairs(open: BatchPlot[], table: TrackTable, ctx: HypothesiserContext): CandidatePairs {
  const tracks = table.tracks;
  const cols = table.cols;
  const kin = cols.kin;
  const n = open.length;
  let tMin = Infinity, tMax = -Infinity;
  for (const p of open) {
    if (p.plot.time < tMin) tMin = p.plot.time;
    if (p.plot.time > tMax) tMax = p.plot.time;
  }
  const tMid = 0.5 * (tMin + tMax);
  const gMax = Math.max(ctx.gate.threshold[2], ctx.gate.threshold[3]);
  if (plotR.length < n) {
    const m = Math.max(2 * plotR.length, n);
    plotX = new Float64Array(m);
    plotY = new Float64Array(m);
    plotR = new Float64Array(m);
  }
  // The open plots' discs and bounding box (widened by the largest disc).
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity, plotReach = 0, radiusSum = 0;
  for (let q = 0; q < n; q++) {
    const z = open[q].conv.z;
    const reach = plotDiscRadius(open[q], gMax);
    plotX[q] = z[0];
    plotY[q] = z[1];
    plotR[q] = reach;
    radiusSum += reach;
    if (z[0] < xMin) xMin = z[0];
    if (z[0] > xMax) xMax = z[0];
    if (z[1] < yMin) yMin = z[1];
    if (z[1] > yMax) yMax = z[1];
    if (reach > plotReach) plotReach = reach;
  }
  const box = { xMin: xMin - plotReach, xMax: xMax + plotReach, yMin: yMin - plotReach, yMax: yMax + plotReach };
  sharedGrid.build(box, Math.max(12_000, (2 * radiusSum) / n), n, plotX, plotY, plotR);
  const wedge = batchWedge(open, ctx.frame);
  if (veBuf.length < tracks.length) {
    const m = Math.max(2 * veBuf.length, tracks.length);
    veBuf = new Float64Array(m);
    vnBuf = new Float64Array(m);
  }
  const sqrtG = Math.sqrt(gMax);
  let pairs = 0;
  for (let j = 0; j < tracks.length; j++) {
    // From the table's packed rows, so that a track far from the batch is never touched.
    const k = j * KinField.SIZE;
    const updates = kin[k + KinField.UPDATES];
    if (updates === 0) continue; // a removed track
    const t = kin[k + KinField.T];
    const dtMid = Math.max(0, tMid - t);
    const dtMax = Math.max(0, tMax - t);
    const cx = kin[k + KinField.X] + dtMid * kin[k + KinField.VX];
    const cy = kin[k + KinField.Y] + dtMid * kin[k + KinField.VY];
    // Far from every open plot (beyond any gate the track could have): skipped. A cheap,
    // generous bound: the track's own χ² spread now, its velocity spread and flight at
    // maxSpeed over the interval, and 20 km for the process noise.
    const far = 20_000 + ctx.maxSpeed * (dtMax + Math.max(0, t - tMin)) + sqrtG * (kin[k + KinField.POSITION_SPREAD] + dtMax * kin[k + KinField.VELOCITY_SPREAD]);
    if (cx < box.xMin - far || cx > box.xMax + far || cy < box.yMin - far || cy > box.yMax + far || (wedge && !mayMeetWedge(wedge, cx, cy, far + plotReach))) continue;
    const speed = columnVarianceBounds(ctx.filter, cols, j, dtMax, bounds);
    const ve = bounds[0], vn = bounds[1];
    // Motion across the batch, and back to its oldest plot for an out-of-sequence pair.
    let r = Math.sqrt(gMax * (ve + vn)) + speed * (0.5 * (tMax - tMin) + Math.max(0, t - tMin));
    if (updates === 1) r += ctx.maxSpeed * dtMax;
    const found = sharedGrid.query(cx, cy, r);
    if (found === 0) continue;
    veBuf[j] = ve;
    vnBuf[j] = vn;
    if (pairs + found > pairPlot.length) {
      const m = Math.max(2 * pairPlot.length, pairs + found, 256);
      const p = new Int32Array(m), tr = new Int32Array(m);
      p.set(pairPlot.subarray(0, pairs));
      tr.set(pairTrack.subarray(0, pairs));
      pairPlot = p;
      pairTrack = tr;
    }
    const hits = sharedGrid.found;
    for (let h = 0; h < found; h++) {
      pairPlot[pairs] = hits[h];
      pairTrack[pairs] = j;
      pairs++;
    }
  }
  // By open plot (a counting sort, stable: tracks stay in increasing slot order).
  if (pairStart.length < n + 1) pairStart = new Int32Array(Math.max(2 * pairStart.length, n + 1));
  if (pairSorted.length < pairs) pairSorted = new Int32Array(Math.max(2 * pairSorted.length, pairs));
  const start = pairStart;
  start.fill(0, 0, n + 1);
  for (let e = 0; e < pairs; e++) start[pairPlot[e] + 1]++;
  for (let q = 0; q < n; q++) start[q + 1] += start[q];
  for (let e = 0; e < pairs; e++) pairSorted[start[pairPlot[e]]++] = pairTrack[e];
  for (let q = n; q > 0; q--) start[q] = start[q - 1];
  start[0] = 0;
  return { start, track: pairSorted, ve: veBuf, vn: vnBuf };
}

const xPred = new Float64Array(6);
const pPred = new Float64Array(36);
const cholR = new Float64Array(9);
const rBlock = new Float64Array(9);
const inn = newInnovation();

/** ln det of the leading dim×dim block of a 3×3 covariance (0 when not positive definite). */
export function logDetBlock(r: Float64Array, dim: number): number {
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) rBlock[i * dim + j] = r[i * 3 + j];
  return cholesky(rBlock, dim, cholR) ? choleskyLogDet(cholR, dim) : 0;
}

/**
 * All admissible pairs of a batch, ordered by plot then track index (deterministic).
 * @param table the live tracks (tentative, confirmed, coasting); pairs name tracks by their slot.
 */
export function hypothesise(plots: BatchPlot[], table: TrackTable, ctx: HypothesiserContext): Hypothesis[] {
  let out: Hypothesis[] = [];
  if (plots.length === 0) return out;
  const { filter } = ctx;
  const tracks = table.tracks;
  const cols = table.cols;
  // The candidate pairs of the open plots, when the grid is used (set in the second phase).
  let batchGrid: CandidatePairs | undefined;
  // The plot being paired and what depends on it only (set per plot below).
  let i = 0;
  let bp = plots[0];
  let plot = bp.plot, conv = bp.conv;
  let has3D = false, logDetR = 0, plotAddress = -1, gammaPlain = 0, gammaModeS = 0;

  /** Tests plot i against the track in slot j and adds the pair when admissible. */
  function tryPair(j: number): void {
    // The cheap tests first, on the table's packed columns; the track object is read only
    // by pairs that pass them.
    // dt: signed interval for the mean; |dt| bounds the growth of the variance either way.
    const k = j * KinField.SIZE, g = j * GateField.SIZE;
    const kin = cols.kin, gate = cols.gate;
    const dt = plot.time - kin[k + KinField.T];
    if (dt < -ctx.outOfSequenceLag) return;
    const adt = Math.abs(dt);
    // Identity (`identity.ts`): different Mode S addresses forbid the pair.
    const trackAddress = gate[g + GateField.ADDRESS];
    if (plotAddress >= 0 && trackAddress >= 0 && plotAddress !== trackAddress) return;
    const modeSMatch = plotAddress >= 0 && plotAddress === trackAddress;
    if (!modeSMatch && gate[g + GateField.MISSES] >= ctx.maxMissedScans && trackAddress >= 0) return;
    const gamma = modeSMatch ? gammaModeS : gammaPlain;
    const x0 = kin[k + KinField.X], y0 = kin[k + KinField.Y];
    const de = conv.z[0] - (x0 + dt * kin[k + KinField.VX]);
    const dn = conv.z[1] - (y0 + dt * kin[k + KinField.VY]);
    // With a grid, the pre-gate may use the bounds at the batch's latest time (larger, so still
    // a necessary condition); the Mode S kinematic gate is a decision, not a pre-gate, and takes
    // the pair's own interval.
    let ve: number, vn: number;
    if (batchGrid && dt >= 0 && !modeSMatch) {
      ve = batchGrid.ve[j];
      vn = batchGrid.vn[j];
    } else {
      columnVarianceBounds(filter, cols, j, adt, bounds);
      ve = bounds[0];
      vn = bounds[1];
    }
    if (kin[k + KinField.UPDATES] === 1 && !modeSMatch) {
      const reach = ctx.maxSpeed * adt + Math.sqrt(gamma * (conv.r[0] + conv.r[4] + gate[g + GateField.P_EE] + gate[g + GateField.P_NN]));
      const ex = conv.z[0] - x0;
      const nx = conv.z[1] - y0;
      if (ex * ex + nx * nx > reach * reach) return;
    }
    const tr = tracks[j];
    const x = tr.x;
    if (modeSMatch) {
      // Same airframe: a kinematic gate only (see TrackerOptions.modeSReach).
      const reach = ctx.maxSpeed * adt + 3 * Math.sqrt(ve + vn + conv.r[0] + conv.r[4]) + ctx.modeSReach;
      if (de * de + dn * dn > reach * reach) return;
    } else if (has3D) {
      if (!preGate(de, ve, conv.r[0], gamma) || !preGate(dn, vn, conv.r[4], gamma)) return;
    } else {
      // Ground position of a 2D plot shifts by at most ~|Δh| (elevation below 45°).
      const heightTrack = x[2] + dt * x[5];
      const margin = Math.abs(heightTrack - conv.height) + 3 * Math.sqrt(filter.predictedVariance(tr.imm, 2, adt, tr.qScale)) + 1000;
      if (Math.abs(de) > Math.sqrt(gamma * (ve + conv.r[0])) + margin) return;
      if (Math.abs(dn) > Math.sqrt(gamma * (vn + conv.r[4])) + margin) return;
    }
    if (dt < 0) filter.retrodict(tr.imm, -dt, xPred, pPred);
    else filter.predict(tr.imm, dt, xPred, pPred, tr.qScale, undefined, true);
    let pairConv = conv;
    let pairLogDetR = logDetR;
    if (!has3D) {
      const h = xPred[2];
      const sigma = Math.sqrt(pPred[14] + ctx.trackHeightSigmaFloor * ctx.trackHeightSigmaFloor);
      pairConv = convertPlot(plot, bp.sensor.site, bp.sensor.sigmas, ctx.frame, ctx.measurement, { height: h, sigma });
      pairLogDetR = logDetBlock(pairConv.r, 2);
    }
    ctx.counters.gateTests++;
    if (!innovation(xPred, pPred, pairConv.z, pairConv.r, pairConv.dim, inn)) return;
    if (inn.d2 > gamma && !modeSMatch) return;
    let cost = Math.min(inn.d2, gamma) + inn.logDetS - pairLogDetR + relateIdentity(plot, tr, ctx.identityCosts).costDelta;
    if (tr.status === "tentative") cost += ctx.tentativeTrackPenalty;
    out.push({ plot: i, track: j, cost, conv: pairConv, modeSMatch, d2: inn.d2 });
  }

  // Each plot's own terms first, in one pass over the batch: ln|R| and the tracks holding its
  // Mode S address. Gathered batch-wise rather than plot by plot, the memory reads of successive
  // plots (the plot, its measurement, the address index) overlap instead of waiting in turn.
  const logDetRs = new Float64Array(plots.length);
  const holders: (readonly Track[])[] = new Array(plots.length); // set for the plots with an address
  for (let k = 0; k < plots.length; k++) {
    const p = plots[k];
    logDetRs[k] = logDetBlock(p.conv.r, p.conv.dim);
    const a = p.plot.icaoAddress;
    if (a !== undefined) holders[k] = table.withAddress(a);
  }

  /** Makes plot i the plot being paired. */
  function setPlot(k: number): void {
    i = k;
    bp = plots[k];
    plot = bp.plot;
    conv = bp.conv;
    has3D = conv.dim === 3;
    logDetR = logDetRs[k];
    plotAddress = plot.icaoAddress ?? -1;
    gammaPlain = ctx.gate.threshold[conv.dim];
    gammaModeS = ctx.modeSGate.threshold[conv.dim];
  }

  // Phase 1: each Mode S plot against the tracks holding its address. When one of them takes
  // it (passes the Mode S kinematic gate), the address decides and no other track is paired
  // with it; the other plots stay open.
  const openIndex: number[] = [];
  for (let k = 0; k < plots.length; k++) {
    setPlot(k);
    if (plotAddress >= 0) {
      const held = holders[k];
      if (held.length > 0) {
        const before = out.length;
        for (const tr of held) tryPair(tr.slot);
        if (out.length > before) continue;
      }
    }
    openIndex.push(k);
  }
  if (openIndex.length === 0) return out;

  // Phase 2: each open plot against the tracks that may reach it (except those holding its
  // address, tried above), through the grid or, for a small batch, every live track.
  const resolved = out;
  const opened: Hypothesis[] = [];
  const tryOpen = (j: number): void => {
    if (plotAddress < 0 || cols.gate[j * GateField.SIZE + GateField.ADDRESS] !== plotAddress) tryPair(j);
  };
  out = opened;
  if (openIndex.length * tracks.length > (ctx.gridThreshold ?? BRUTE_FORCE_PAIRS)) {
    batchGrid = candidatePairs(openIndex.map((k) => plots[k]), table, ctx);
    for (let q = 0; q < openIndex.length; q++) {
      setPlot(openIndex[q]);
      for (let e = batchGrid.start[q], end = batchGrid.start[q + 1]; e < end; e++) tryOpen(batchGrid.track[e]);
    }
  } else {
    for (const k of openIndex) {
      setPlot(k);
      for (let j = 0; j < tracks.length; j++) if (table.isLive(j)) tryOpen(j);
    }
  }
  // Both lists are in plot order and no plot is in both: merge them.
  if (resolved.length === 0) return opened;
  const merged: Hypothesis[] = new Array(resolved.length + opened.length);
  let a = 0, b = 0, m = 0;
  while (a < resolved.length && b < opened.length) merged[m++] = resolved[a].plot < opened[b].plot ? resolved[a++] : opened[b++];
  while (a < resolved.length) merged[m++] = resolved[a++];
  while (b < opened.length) merged[m++] = opened[b++];
  return merged;
}
