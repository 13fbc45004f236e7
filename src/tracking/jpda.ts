/**
 * Joint probabilistic data association (JPDA) per independent cluster, and the IMM-PDA update of
 * one track with several weighted plots — the soft alternative to GNN for dense clutter.
 *
 * ## Marginals (`jpdaMarginals`)
 * Parametric JPDA with Poisson clutter (Fortmann, Bar-Shalom & Scheffe, "Sonar tracking of
 * multiple targets using joint probabilistic data association", IEEE J. Oceanic Eng. 8(3), 1983;
 * Bar-Shalom, Daum & Huang, "The probabilistic data association filter", IEEE Control Systems
 * Magazine 29(6), 2009, eq. 39–43). A joint event θ gives each track at most one plot and each
 * plot at most one track; with the common factors dropped,
 *
 *   P{θ | Z} ∝ Π_{(t,j) ∈ θ} P_D,t · g_tj / λ_j · Π_{t missed in θ} (1 − P_D,t · P_G),
 *
 * g_tj the Gaussian likelihood of plot j under track t's prediction, λ_j the clutter density at
 * plot j (same measurement space, same units), P_G the gate probability (g_tj is the
 * untruncated density: P_D·P_G · g/P_G = P_D · g). β_tj = Σ_{θ ∋ (t,j)} P{θ|Z}; β_t0 (missed)
 * = Σ_{θ: t missed} P{θ|Z}.
 *
 * Pairs are split into independent clusters (connected components of the plot–track graph).
 * A cluster whose feasible joint events number at most `maxHypothesesPerCluster` is enumerated
 * exactly (depth-first, two passes in the log domain: the best event's weight, then the sums).
 * A larger one is solved approximately by loopy belief propagation over the association graph
 * (Williams & Lau, "Approximate evaluation of marginal association probabilities with belief
 * propagation", IEEE Trans. Aerospace and Electronic Systems 50(4), 2014, eq. 30–32): cost
 * O(iterations × pairs), convergence guaranteed there, exact when the cluster graph is a tree
 * (e.g. one track: the PDAF).
 *
 * ## Update (`pdaUpdate`)
 * IMM-PDAF (Houles & Bar-Shalom, "Multisensor tracking of a maneuvering target in clutter",
 * IEEE Trans. AES 25(2), 1989; Bar-Shalom & Li, *Multitarget-Multisensor Tracking*, 1995, §6.4).
 */
import { innovation, kalmanUpdate, newInnovation } from "./kalman.js";
import { packSymmetric, symmetrize, unpackSymmetric } from "./linalg.js";
import { STATE_DIM } from "./motion_model.js";
import { cloneImmState, type ImmFilter, type ImmState } from "./imm.js";

const N = STATE_DIM;
const NN = N * N;
/** Default bound on the joint events enumerated exactly in one cluster. */
export const DEFAULT_MAX_HYPOTHESES_PER_CLUSTER = 10_000;
/** Clutter densities are floored here (λ = 0, "no clutter", is taken as this limit). */
const MIN_CLUTTER_DENSITY = 1e-300;
/** A miss is never less likely than e^−600 times a track's best plot (keeps P_D·P_G = 1 finite). */
const MAX_LOG_RATIO = 600;
const BP_MAX_ITERATIONS = 500;
const BP_TOLERANCE = 1e-12;

/** Thrown for invalid JPDA / PDA input (indices out of range, duplicate pairs, bad probabilities). */
export class JpdaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JpdaError";
  }
}

/** An admissible plot–track pair with its measurement likelihood. */
export interface JpdaPair {
  /** Plot index, 0 ≤ plot < nPlots. */
  plot: number;
  /** Track index, 0 ≤ track < nTracks. */
  track: number;
  /**
   * ln g: natural log of the Gaussian density N(z; ẑ, S) of the plot under the track's
   * prediction, in the plot's measurement space (m⁻ᵈⁱᵐ for a position plot), optionally plus
   * the log of identity likelihood ratios; see {@link logLikelihoodFromCost}. A non-finite
   * value drops the pair (counted in `skippedPairs`).
   */
  logLikelihood: number;
}

/** JPDA parameters. */
export interface JpdaOptions {
  /** P_D in (0, 1]: one value, or one per track. */
  detectionProbability: number | ArrayLike<number>;
  /**
   * λ ≥ 0: expected false plots per unit volume of the plot's measurement space, in the units
   * of the likelihoods (m⁻² for a 2D plot, m⁻³ for a 3D one); one value, or one per plot.
   * 0 is taken as 1e-300 (the no-clutter limit).
   */
  clutterDensity: number | ArrayLike<number>;
  /** P_G in (0, 1]: probability of the gate that admitted the pairs. */
  gateProbability: number;
  /** Largest cluster, in feasible joint events, enumerated exactly (default 10,000). */
  maxHypothesesPerCluster?: number;
}

/** One independent cluster and how it was solved. */
export interface JpdaCluster {
  /** Its tracks, increasing. */
  tracks: Int32Array;
  /** Its plots, increasing. */
  plots: Int32Array;
  /** True for exact enumeration, false for belief propagation. */
  exact: boolean;
  /** Joint events enumerated (exact) or belief-propagation sweeps (approximate). */
  work: number;
}

/** Marginal association probabilities of a batch. */
export interface JpdaMarginals {
  /** β_tj of each input pair, aligned with `pairs` (0 for a skipped pair). */
  pairBeta: Float64Array;
  /** β_t0 per track: probability that no plot is the track's (1 for a track with no pair). */
  missed: Float64Array;
  /** Per plot: probability that it belongs to no track (clutter or a new target). */
  unassigned: Float64Array;
  /** Clusters with at least one pair, ordered by their smallest track. */
  clusters: JpdaCluster[];
  /** Pairs dropped for a non-finite log-likelihood. */
  skippedPairs: number;
}

/**
 * ln g of a pair from its hypothesiser cost (`hypothesiser.ts`: cost = d² + ln(|S|/|R|) +
 * identity terms): ln g = −½ (cost + ln|R| + dim · ln 2π). The identity terms (and a tentative
 * track's penalty) thereby act as −2 ln of likelihood ratios.
 * @param logDetR ln |R| of the plot's dim × dim covariance (m²ᵈⁱᵐ; `logDetBlock`).
 */
export function logLikelihoodFromCost(cost: number, logDetR: number, dim: number): number {
  return -0.5 * (cost + logDetR + dim * Math.log(2 * Math.PI));
}

function valueAt(v: number | ArrayLike<number>, i: number, n: number, what: string): number {
  if (typeof v === "number") return v;
  if (v.length !== n) throw new JpdaError(`${what}: ${v.length} values for ${n} entries`);
  return v[i];
}

function isIndex(v: number, n: number): boolean {
  return Number.isInteger(v) && v >= 0 && v < n;
}

/**
 * Marginal association probabilities of a batch, cluster by cluster (module doc).
 * Output is independent of the order of `pairs` (clusters are solved in sorted order).
 * @param nPlots plots in the batch; @param nTracks tracks considered.
 * @throws JpdaError for a pair index out of range or repeated, P_D or P_G outside (0, 1], a
 *   negative or non-finite λ, a per-track/per-plot array of the wrong length, or a bad count.
 */
export function jpdaMarginals(nPlots: number, nTracks: number, pairs: readonly JpdaPair[], options: JpdaOptions): JpdaMarginals {
  if (!isIndex(nPlots, Infinity) || !isIndex(nTracks, Infinity)) throw new JpdaError(`bad counts: ${nPlots} plots, ${nTracks} tracks`);
  const pg = options.gateProbability;
  if (!(pg > 0 && pg <= 1)) throw new JpdaError(`gate probability must be in (0, 1], got ${pg}`);
  const limit = options.maxHypothesesPerCluster ?? DEFAULT_MAX_HYPOTHESES_PER_CLUSTER;
  if (!(limit >= 0)) throw new JpdaError(`maxHypothesesPerCluster must be ≥ 0, got ${limit}`);
  const logPd = new Float64Array(nTracks);
  const logMiss = new Float64Array(nTracks); // ln(1 − P_D P_G)
  for (let t = 0; t < nTracks; t++) {
    const pd = valueAt(options.detectionProbability, t, nTracks, "detectionProbability");
    if (!(pd > 0 && pd <= 1)) throw new JpdaError(`detection probability of track ${t} must be in (0, 1], got ${pd}`);
    logPd[t] = Math.log(pd);
    logMiss[t] = Math.log(Math.max(0, 1 - pd * pg));
  }
  const out: JpdaMarginals = {
    pairBeta: new Float64Array(pairs.length), missed: new Float64Array(nTracks).fill(1),
    unassigned: new Float64Array(nPlots).fill(1), clusters: [], skippedPairs: 0,
  };
  const logW = new Float64Array(pairs.length);
  const valid: number[] = [];
  const seen = new Set<number>();
  const parent = new Int32Array(nPlots + nTracks).map((_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]];
    return a;
  };
  for (let k = 0; k < pairs.length; k++) {
    const { plot, track, logLikelihood } = pairs[k];
    if (!isIndex(plot, nPlots) || !isIndex(track, nTracks)) throw new JpdaError(`pair ${k}: plot ${plot} / track ${track} out of range`);
    const key = plot * nTracks + track;
    if (seen.has(key)) throw new JpdaError(`pair ${k}: plot ${plot} and track ${track} given twice`);
    seen.add(key);
    const lambda = valueAt(options.clutterDensity, plot, nPlots, "clutterDensity");
    if (!(lambda >= 0 && Number.isFinite(lambda))) throw new JpdaError(`clutter density at plot ${plot} must be finite and ≥ 0, got ${lambda}`);
    if (!Number.isFinite(logLikelihood)) {
      out.skippedPairs++;
      continue;
    }
    logW[k] = logPd[track] + logLikelihood - Math.log(Math.max(lambda, MIN_CLUTTER_DENSITY));
    valid.push(k);
    const a = find(plot), b = find(nPlots + track);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Pairs sorted by (track, plot); clusters in order of their first track.
  valid.sort((a, b) => pairs[a].track - pairs[b].track || pairs[a].plot - pairs[b].plot);
  const groups = new Map<number, number[]>();
  for (const k of valid) {
    const root = find(pairs[k].plot);
    const g = groups.get(root);
    if (g) g.push(k);
    else groups.set(root, [k]);
  }
  for (const ks of groups.values()) out.clusters.push(solveCluster(ks, pairs, logW, logMiss, limit, out));
  return out;
}

/** A cluster in local indices: pairs grouped by track (CSR), per-pair log weights. */
interface Local {
  nT: number;
  nP: number;
  start: Int32Array; // pairs of track i: start[i] .. start[i+1]−1
  plot: Int32Array; // local plot of each pair
  a: Float64Array; // ln(P_D g / λ) of each pair
  a0: Float64Array; // ln(1 − P_D P_G) of each track, floored (MAX_LOG_RATIO)
}

function solveCluster(ks: number[], pairs: readonly JpdaPair[], logW: Float64Array, logMiss: Float64Array, limit: number, out: JpdaMarginals): JpdaCluster {
  const tracks = Int32Array.from(new Set(ks.map((k) => pairs[k].track)));
  const plots = Int32Array.from(new Set(ks.map((k) => pairs[k].plot))).sort();
  const plotOf = new Map<number, number>();
  plots.forEach((p, i) => plotOf.set(p, i));
  const nT = tracks.length, nE = ks.length;
  const c: Local = { nT, nP: plots.length, start: new Int32Array(nT + 1), plot: new Int32Array(nE), a: new Float64Array(nE), a0: new Float64Array(nT) };
  let i = -1;
  for (let e = 0; e < nE; e++) {
    const p = pairs[ks[e]];
    if (i < 0 || tracks[i] !== p.track) c.start[++i] = e;
    c.plot[e] = plotOf.get(p.plot)!;
    c.a[e] = logW[ks[e]];
  }
  c.start[nT] = nE;
  for (let t = 0; t < nT; t++) {
    let best = -Infinity;
    for (let e = c.start[t]; e < c.start[t + 1]; e++) best = Math.max(best, c.a[e]);
    c.a0[t] = Math.max(logMiss[tracks[t]], best - MAX_LOG_RATIO);
  }
  const beta = new Float64Array(nE);
  const beta0 = new Float64Array(nT);
  const events = exactMarginals(c, limit, beta, beta0);
  const work = events > 0 ? events : beliefPropagation(c, beta, beta0);
  for (let e = 0; e < nE; e++) {
    const p = pairs[ks[e]];
    out.pairBeta[ks[e]] = beta[e];
    out.unassigned[p.plot] -= beta[e];
  }
  for (let t = 0; t < nT; t++) out.missed[tracks[t]] = beta0[t];
  for (const p of plots) out.unassigned[p] = Math.max(0, out.unassigned[p]);
  return { tracks, plots, exact: events > 0, work };
}

/**
 * Exact marginals by enumeration of the feasible joint events into beta (per pair) and beta0
 * (per track). @returns the number of events, or 0 (nothing written) when there are more than
 * `limit`.
 */
function exactMarginals(c: Local, limit: number, beta: Float64Array, beta0: Float64Array): number {
  const used = new Uint8Array(c.nP);
  const choice = new Int32Array(c.nT);
  let count = 0, maxL = -Infinity, total = 0;
  // Pass 1 (accumulate = false): count events (abandoned past the limit) and the best log weight.
  // Pass 2: sum exp(L − maxL) per choice.
  const visit = (t: number, l: number, accumulate: boolean): boolean => {
    if (t === c.nT) {
      if (!accumulate) {
        maxL = Math.max(maxL, l);
        return ++count <= limit;
      }
      const w = Math.exp(l - maxL);
      total += w;
      for (let s = 0; s < c.nT; s++) {
        if (choice[s] < 0) beta0[s] += w;
        else beta[choice[s]] += w;
      }
      return true;
    }
    choice[t] = -1;
    if (!visit(t + 1, l + c.a0[t], accumulate)) return false;
    for (let e = c.start[t]; e < c.start[t + 1]; e++) {
      const p = c.plot[e];
      if (used[p]) continue;
      used[p] = 1;
      choice[t] = e;
      const ok = visit(t + 1, l + c.a[e], accumulate);
      used[p] = 0;
      if (!ok) return false;
    }
    return true;
  };
  if (c.nT > limit || !visit(0, 0, false)) return 0;
  visit(0, 0, true);
  for (let e = 0; e < beta.length; e++) beta[e] /= total;
  for (let t = 0; t < c.nT; t++) beta0[t] /= total;
  return count;
}

/** out[k] = base + Σ_{l ≠ k} v[idx[l]] over k in [s, e), without cancellation. */
function leaveOneOut(idx: Int32Array, s: number, e: number, v: Float64Array, base: number, out: Float64Array): void {
  let acc = base;
  for (let k = s; k < e; k++) {
    out[idx[k]] = acc;
    acc += v[idx[k]];
  }
  acc = 0;
  for (let k = e - 1; k >= s; k--) {
    out[idx[k]] += acc;
    acc += v[idx[k]];
  }
}

/**
 * Approximate marginals by loopy belief propagation (Williams & Lau 2014, eq. 30–32): with pair
 * weights ψ_tj = P_D g/λ and miss weights ψ_t0 (each track's scaled by its largest, which
 * leaves the messages unchanged),
 * μ_t→j = ψ_tj / (ψ_t0 + Σ_{j'≠j} ψ_tj' ν_j'→t),  ν_j→t = 1 / (1 + Σ_{t'≠t} μ_t'→j),
 * iterated from ν = 1 until the largest relative change of ν is below 1e-12 (at most 500
 * sweeps); β_tj = ψ_tj ν_j→t / (ψ_t0 + Σ_j' ψ_tj' ν_j'→t). @returns the sweeps made.
 */
function beliefPropagation(c: Local, beta: Float64Array, beta0: Float64Array): number {
  const nE = c.a.length;
  const w = new Float64Array(nE);
  const w0 = new Float64Array(c.nT);
  for (let t = 0; t < c.nT; t++) {
    let best = c.a0[t];
    for (let e = c.start[t]; e < c.start[t + 1]; e++) best = Math.max(best, c.a[e]);
    w0[t] = Math.exp(c.a0[t] - best);
    for (let e = c.start[t]; e < c.start[t + 1]; e++) w[e] = Math.exp(c.a[e] - best);
  }
  // Pairs grouped by plot (CSR), and the identity ordering for tracks.
  const pStart = new Int32Array(c.nP + 1);
  for (let e = 0; e < nE; e++) pStart[c.plot[e] + 1]++;
  for (let p = 0; p < c.nP; p++) pStart[p + 1] += pStart[p];
  const byPlot = new Int32Array(nE);
  const fill = pStart.slice(0, c.nP);
  for (let e = 0; e < nE; e++) byPlot[fill[c.plot[e]]++] = e;
  const ident = Int32Array.from({ length: nE }, (_, e) => e);
  const nu = new Float64Array(nE).fill(1);
  const mu = new Float64Array(nE);
  const wnu = new Float64Array(nE);
  const loo = new Float64Array(nE);
  let sweeps = 0;
  for (let change = Infinity; change > BP_TOLERANCE && sweeps < BP_MAX_ITERATIONS; sweeps++) {
    for (let e = 0; e < nE; e++) wnu[e] = w[e] * nu[e];
    for (let t = 0; t < c.nT; t++) leaveOneOut(ident, c.start[t], c.start[t + 1], wnu, w0[t], loo);
    for (let e = 0; e < nE; e++) mu[e] = w[e] / loo[e];
    for (let p = 0; p < c.nP; p++) leaveOneOut(byPlot, pStart[p], pStart[p + 1], mu, 1, loo);
    change = 0;
    for (let e = 0; e < nE; e++) {
      const v = 1 / loo[e];
      change = Math.max(change, Math.abs(v - nu[e]) / v);
      nu[e] = v;
    }
  }
  for (let t = 0; t < c.nT; t++) {
    let s = w0[t];
    for (let e = c.start[t]; e < c.start[t + 1]; e++) s += w[e] * nu[e];
    for (let e = c.start[t]; e < c.start[t + 1]; e++) beta[e] = (w[e] * nu[e]) / s;
    beta0[t] = w0[t] / s;
  }
  return sweeps;
}

/** A position measurement as `ImmFilter.update` takes it (`ConvertedPlot` fits). */
export interface PdaMeasurement {
  /** Position (e, n, u) in the system frame, m (first `dim` used). */
  z: Float64Array;
  /** 3×3 row-major covariance, m² (leading dim × dim block used). */
  r: Float64Array;
  /** 2 or 3. */
  dim: number;
}

/** Result of {@link pdaUpdate}. */
export interface PdaUpdateResult {
  /** Squared Mahalanobis distance of each measurement against the combined prediction. */
  d2: Float64Array;
}

/** Weighted collapse of Gaussians (xs[k], ps[k]) into (outX, outP): moment matching. */
function collapse(xs: Float64Array[], ps: Float64Array[], w: ArrayLike<number>, outX: Float64Array, outP: Float64Array): void {
  outX.fill(0);
  outP.fill(0);
  for (let k = 0; k < xs.length; k++) if (w[k] > 0) for (let a = 0; a < N; a++) outX[a] += w[k] * xs[k][a];
  for (let k = 0; k < xs.length; k++) {
    const wk = w[k];
    if (!(wk > 0)) continue;
    const x = xs[k], p = ps[k];
    for (let a = 0; a < N; a++) {
      const wda = wk * (x[a] - outX[a]);
      for (let b = 0; b < N; b++) outP[a * N + b] += wk * p[a * N + b] + wda * (x[b] - outX[b]);
    }
  }
  symmetrize(outP, N);
}

/**
 * Markov transition probabilities π_ij(dt) of the filter (row-major r × r), read from
 * `filter.predict`: predicting a state whose model probabilities are the unit vector e_i gives
 * c̄_j = π_ij exactly. (Stands in for an export of the chain from `imm.ts`.)
 */
function transitionMatrix(filter: ImmFilter, state: ImmState, dt: number): Float64Array {
  const r = filter.models.length;
  const pi = new Float64Array(r * r);
  // A copy: its probabilities are set to unit vectors, and predicting it must not touch the state.
  const probe: ImmState = cloneImmState(state);
  const x = new Float64Array(N), p = new Float64Array(NN), row = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    probe.mu.fill(0);
    probe.mu[i] = 1;
    filter.predict(probe, dt, x, p, 1, row);
    pi.set(row, i * r);
  }
  return pi;
}

/**
 * IMM-PDA update of one track, in place, with several plots weighted by association
 * probabilities (from {@link jpdaMarginals} or a single-track PDAF).
 *
 * Per model j, after the IMM mixing and model-matched prediction (x⁻, P⁻, as in `imm.ts`; the
 * chain is read through `filter.predict`): each plot i gives the Kalman update (x_i, P_i)
 * (Joseph form, `kalman.ts`, its own R_i and gain), and the model state becomes the collapse of
 * the mixture {β₀: (x⁻, P⁻); β_i: (x_i, P_i)}: x = x⁻ + Σ β_i K_i ν_i and
 * P = β₀ P⁻ + Σ β_i P_i + Σ β_i dx_i dx_iᵀ − dx dxᵀ (dx_i = K_i ν_i, dx = Σ β_i dx_i). With one
 * common R this is the PDAF update P = β₀ P⁻ + (1 − β₀) P_c + K (Σ β_i ν_i ν_iᵀ − ν νᵀ) Kᵀ
 * (Bar-Shalom & Li 1995, §6.4.2); plots of different R or dimension are handled exactly by the
 * mixture form.
 *
 * Model likelihood (IMM-PDAF, Houles & Bar-Shalom 1989): Λ_j ∝ (1 − P_D P_G) + Σ_i P_D g_ij / λ.
 * Since the β came from the combined-prediction likelihoods g_i, β_i / β₀ = P_D g_i / (λ (1 −
 * P_D P_G)) for one track, so Λ_j ∝ β₀ + Σ_i β_i g_ij / g_i, which needs neither P_D nor λ; under
 * JPDA the same form is used with the joint marginals (an approximation). Then μ_j ∝ Λ_j c̄_j,
 * floored at 1e-6 as `ImmFilter.update` does, and the combined (x, P) recomputed.
 *
 * With one plot, β = [1] and β₀ = 0 this is `filter.update` (same result to rounding).
 *
 * @param dt prediction interval ≥ 0, s. @param qScale process-noise scale ≥ 1 (default 1).
 * @param beta weight per measurement, @param betaNone weight of "none is the track's"; all ≥ 0,
 *   normalised here (they need not sum to 1).
 * @returns the distances, or undefined (state unchanged) when an innovation covariance is not
 *   positive definite.
 * @throws JpdaError for a length mismatch, a negative or non-finite weight, all weights 0, a
 *   dimension other than 2 or 3, or a negative or non-finite dt.
 */
export function pdaUpdate(
  filter: ImmFilter, state: ImmState, dt: number, measurements: readonly PdaMeasurement[], beta: readonly number[], betaNone: number, qScale = 1,
): PdaUpdateResult | undefined {
  const m = measurements.length;
  if (beta.length !== m) throw new JpdaError(`${beta.length} weights for ${m} measurements`);
  if (!(dt >= 0 && Number.isFinite(dt))) throw new JpdaError(`dt must be finite and ≥ 0, got ${dt}`);
  let total = betaNone;
  for (const b of [betaNone, ...beta]) if (!(b >= 0 && Number.isFinite(b))) throw new JpdaError(`association weight ${b} is not finite and ≥ 0`);
  for (const b of beta) total += b;
  if (!(total > 0)) throw new JpdaError("association weights are all zero");
  for (const z of measurements) if (z.dim !== 2 && z.dim !== 3) throw new JpdaError(`measurement dimension must be 2 or 3, got ${z.dim}`);
  const w = Float64Array.from([betaNone, ...beta], (b) => b / total); // w[0] = β₀, w[1 + i] = β_i
  const models = filter.models;
  const r = models.length;
  if (state.uniform) {
    // Every model still holds (x, P): give each its own copy before model-level mixing.
    for (let j = 0; j < r; j++) {
      state.mx[j].set(state.x);
      packSymmetric(state.p, N, state.mp[j]);
    }
  }
  // The model covariances, full (the state keeps them packed).
  const mp = state.mp.map((m) => {
    const full = new Float64Array(NN);
    unpackSymmetric(m, N, full);
    return full;
  });

  // IMM steps 1–3a (imm.ts): c̄, mixing, model-matched prediction.
  const pi = transitionMatrix(filter, state, dt);
  const cbar = new Float64Array(r);
  for (let j = 0; j < r; j++) for (let i = 0; i < r; i++) cbar[j] += pi[i * r + j] * state.mu[i];
  const xp = models.map(() => new Float64Array(N));
  const pp = models.map(() => new Float64Array(NN));
  const x0 = new Float64Array(N), p0 = new Float64Array(NN), mixW = new Float64Array(r);
  for (let j = 0; j < r; j++) {
    for (let i = 0; i < r; i++) mixW[i] = cbar[j] > 0 ? (pi[i * r + j] * state.mu[i]) / cbar[j] : i === j ? 1 : 0;
    if (r === 1) {
      x0.set(state.mx[0]);
      p0.set(mp[0]);
    } else collapse(state.mx, mp, mixW, x0, p0);
    models[j].predictState(x0, dt, xp[j]);
    models[j].predictCovariance(p0, dt, pp[j], qScale, state.verticalScale);
  }

  // Combined prediction: distances and reference likelihoods g_i.
  const inn = newInnovation();
  const xc = new Float64Array(N), pc = new Float64Array(NN);
  collapse(xp, pp, cbar, xc, pc);
  const d2 = new Float64Array(m);
  const logG = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const z = measurements[i];
    if (!innovation(xc, pc, z.z, z.r, z.dim, inn)) return undefined;
    d2[i] = inn.d2;
    logG[i] = -0.5 * (inn.d2 + inn.logDetS);
  }

  // Per model: PDA update by mixture collapse, and ln Λ_j.
  const xs = [new Float64Array(N), ...measurements.map(() => new Float64Array(N))];
  const ps = [new Float64Array(NN), ...measurements.map(() => new Float64Array(NN))];
  const newX = models.map(() => new Float64Array(N));
  const newP = models.map(() => new Float64Array(NN));
  const logLam = new Float64Array(r);
  const terms = new Float64Array(m + 1);
  for (let j = 0; j < r; j++) {
    xs[0].set(xp[j]);
    ps[0].set(pp[j]);
    terms[0] = Math.log(w[0]);
    for (let i = 0; i < m; i++) {
      terms[i + 1] = -Infinity;
      if (!(w[i + 1] > 0)) continue;
      const z = measurements[i];
      xs[i + 1].set(xp[j]);
      ps[i + 1].set(pp[j]);
      if (!innovation(xs[i + 1], ps[i + 1], z.z, z.r, z.dim, inn)) return undefined;
      terms[i + 1] = Math.log(w[i + 1]) - 0.5 * (inn.d2 + inn.logDetS) - logG[i];
      kalmanUpdate(xs[i + 1], ps[i + 1], z.r, inn);
    }
    collapse(xs, ps, w, newX[j], newP[j]);
    const top = Math.max(...terms);
    let s = 0;
    for (const t of terms) s += Math.exp(t - top);
    logLam[j] = top + Math.log(s);
  }

  // Model probabilities (as ImmFilter.update: floor 1e-6 so that no model dies), combination.
  const maxLog = Math.max(...logLam);
  const lik = Float64Array.from(logLam, (l, j) => Math.exp(l - maxLog) * cbar[j]);
  const sum = lik.reduce((a, b) => a + b, 0);
  for (let j = 0; j < r; j++) lik[j] = sum > 0 && Number.isFinite(sum) ? lik[j] / sum : cbar[j];
  let norm = 0;
  for (let j = 0; j < r; j++) norm += lik[j] = Math.max(lik[j], 1e-6);
  for (let j = 0; j < r; j++) {
    state.mu[j] = lik[j] / norm;
    state.mx[j].set(newX[j]);
    packSymmetric(newP[j], N, state.mp[j]);
  }
  state.uniform = false;
  state.cacheDt = NaN;
  if (r === 1) {
    state.x.set(newX[0]);
    state.p.set(newP[0]);
  } else collapse(newX, newP, state.mu, state.x, state.p);
  return { d2 };
}
