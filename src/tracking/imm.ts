/**
 * Interacting multiple model (IMM) filter (Blom & Bar-Shalom 1988; Bar-Shalom, Li &
 * Kirubarajan 2001, §11.6.6): r motion models on one state space [e, n, u, ve, vn, vu]
 * (m, m/s), each with its own Kalman filter, mixed at every cycle by a Markov chain over the
 * models.
 *
 * Cycle over an interval T (`update`):
 * 1. transition probabilities π_ij(T): model i is kept with probability exp(−T/τ_i) (τ_i its
 *    mean sojourn time, s) and left for each other model with equal probability — the
 *    continuous-time chain sampled at the real interval, so irregular updates (several radars,
 *    ADS-B) mix consistently;
 * 2. mixing: c̄_j = Σ_i π_ij μ_i, μ_i|j = π_ij μ_i / c̄_j, x₀ⱼ = Σ_i μ_i|j x_i,
 *    P₀ⱼ = Σ_i μ_i|j (P_i + (x_i − x₀ⱼ)(x_i − x₀ⱼ)ᵀ);
 * 3. model-matched prediction and Kalman update (Joseph form, `kalman.ts`) with likelihood
 *    Λ_j = N(ν_j; 0, S_j);
 * 4. μ_j = Λ_j c̄_j / Σ_k Λ_k c̄_k;
 * 5. combination: x = Σ μ_j x_j, P = Σ μ_j (P_j + (x_j − x)(x_j − x)ᵀ).
 *
 * The combined estimate (x, P) is what association, output and track quality use; `predict`
 * gives the combined prediction (steps 1–3 without the update) without changing the state.
 */
import { innovation, kalmanUpdate, newInnovation, type Innovation } from "./kalman.js";
import { packSymmetric, packedSize, unpackSymmetric } from "./linalg.js";
import { retrodictNcv, retrodictedUpdate } from "./oosm.js";
import { STATE_DIM, type MotionModel } from "./motion_model.js";

const N = STATE_DIM;
const NN = N * N;
/** Entries of a packed model covariance. */
const NP = packedSize(N);
/** Most models an IMM may have. */
export const MAX_MODELS = 8;

/** The state of one track's IMM filter at one time. */
export interface ImmState {
  /** Combined state [e, n, u, ve, vn, vu], m and m/s. */
  x: Float64Array;
  /** Combined 6×6 covariance, row-major. */
  p: Float64Array;
  /** Model-conditioned states, one 6-vector per model (while `uniform`, every model's state is `x` and these are not read). */
  mx: Float64Array[];
  /**
   * Model-conditioned covariances, one per model as its packed upper triangle (21 entries, row
   * by row: `packSymmetric`, `unpackSymmetric` of `linalg.ts`); not read while `uniform`, as `mx`.
   * Packed, a state's block is a quarter smaller: an update reads and writes every model's
   * covariance, so the block's size is what an update costs in memory traffic.
   */
  mp: Float64Array[];
  /**
   * The array holding the state's block — x, P, μ, the model states, the model covariances, in
   * that order; every array above is a view of it — and the block's offset in it: a slot of the
   * filter's state store, or a buffer of the state's own (after `release`, or a clone).
   */
  block: Float64Array;
  at: number;
  /** Model probabilities μ_j (sum 1). */
  mu: Float64Array;
  /** True while every model holds the same state (after `init`/`reset`): mixing is then the identity. */
  uniform: boolean;
  /** Smoothed normalised squared vertical innovation (1 for a consistent filter), the vertical manoeuvre detector. */
  verticalNis: number;
  /** Current scale (≥ 1) of every model's vertical process noise, raised while `verticalNis` is large. */
  verticalScale: number;
  /**
   * Where the filter kept the model-matched predictions of this state's last `predict` with
   * `keep` (interval `cacheDt`, noise scale `cacheQ`), reused by an `update` over the same
   * interval (the gate's prediction of the plot then associated): a slot of the filter's
   * prediction store and the store's epoch when written (stale when the epoch has moved on);
   * cacheDt is NaN when there is none.
   */
  cacheDt: number;
  cacheQ: number;
  cacheSlot: number;
  cacheEpoch: number;
  /** The slot of the filter's state store holding the block, −1 when it has a buffer of its own. */
  storeSlot: number;
}

/**
 * Slots of an IMM filter's store of kept predictions. The store is shared by all the tracks of
 * a filter and reused round-robin: a prediction is kept for the update that follows its gate
 * test in the same batch, so only the latest few hundred are ever needed. Keeping them there
 * rather than in each track keeps the tracks small and the store hot in the cache.
 */
const PREDICTION_STORE_SLOTS = 2048;

/**
 * Vertical manoeuvre adaptation: climbs and descents start and stop independently of the
 * horizontal manoeuvres the models describe, so the vertical process noise of every model is
 * scaled by s = clamp((ν̄/ν_th)², 1, s_max), ν̄ the exponentially smoothed normalised squared
 * vertical innovation ν_u²/S_uu (memory λ) — the classic adaptive process noise of a
 * separate vertical channel (Bar-Shalom, Li & Kirubarajan 2001, §11.2).
 */
export interface VerticalAdaptation {
  /** λ, 0 ≤ λ < 1. */
  memory: number;
  /** ν_th > 0. */
  threshold: number;
  /** s_max ≥ 1 (1 disables the adaptation). */
  maxScale: number;
}

/** Result of an IMM update. */
export interface ImmUpdateResult {
  /** Squared Mahalanobis distance of the measurement against the prediction of the model that was most probable before the update. */
  d2: number;
  /** Measurement dimension used. */
  dim: number;
}

/** An IMM filter: its models and Markov chain; stateless (the state lives in `ImmState`). */
export interface ImmFilter {
  /** The motion models, in order. */
  readonly models: readonly MotionModel[];
  /** Model names, for output and diagnostics. */
  readonly names: readonly string[];
  /** A state with every model at (x, P) and the initial model probabilities. */
  init(x: Float64Array, p: Float64Array): ImmState;
  /** Re-initialises `state` in place at (x, P) with the initial probabilities. */
  reset(state: ImmState, x: Float64Array, p: Float64Array): void;
  /**
   * Combined prediction `dt` ≥ 0 s ahead into `outX` (6) and `outP` (36); the state is not
   * changed. `qScale` ≥ 1 scales every model's process noise. `outMu`, if given, receives the
   * predicted model probabilities c̄_j. `keep`: remember the model predictions for an `update`
   * over the same interval (the gate's prediction of a plot that may then be associated).
   */
  predict(state: ImmState, dt: number, outX: Float64Array, outP: Float64Array, qScale?: number, outMu?: Float64Array, keep?: boolean): void;
  /**
   * Predicts `dt` ≥ 0 s and updates in place with a position measurement `z` (first `dim` of
   * e, n, u; m) of covariance `r` (3×3 row-major; leading dim×dim block used, m²).
   * @returns the combined-prediction Mahalanobis distance, or undefined when an innovation
   *   covariance is not positive definite (the state is then left unchanged).
   */
  update(state: ImmState, dt: number, z: Float64Array, r: Float64Array, dim: number, qScale?: number): ImmUpdateResult | undefined;
  /**
   * An upper bound of the predicted variance of position component `i` (0 = e, 1 = n, 2 = u)
   * `dt` s ahead, from the combined covariance (m²): the largest of the models' own bounds plus
   * the spread of their predicted means. Used by cheap pre-gates before `predict`.
   */
  predictedVariance(state: ImmState, i: number, dt: number, qScale?: number): number;
  /**
   * The bound of {@link ImmFilter.predictedVariance} from the scalars it reads (so that it can be
   * computed from packed copies of them): component `i` (0 = e, 1 = n, 2 = u), its variance
   * `pii` (m²), its covariance with its rate `piv` (m²/s), the rate's variance `pvv` ((m/s)²),
   * the east and north velocity variances `pVeVe`, `pVnVn`, the horizontal speed (m/s), the
   * interval `dt` (s) and the process-noise scale (the vertical scale included for i = 2).
   */
  varianceBound(i: number, pii: number, piv: number, pvv: number, pVeVe: number, pVnVn: number, speed: number, dt: number, qScale: number): number;
  /**
   * Returns a state's block to the filter's store for reuse (call when its track is deleted).
   * The state stays valid, in a buffer of its own: its arrays are new views (`x`, `p`, … must
   * be read from the state again).
   */
  release(state: ImmState): void;
  /**
   * Out-of-sequence update: folds in a position measurement taken `lag` > 0 seconds before
   * the state's time, without moving the state's time (see {@link retrodictedUpdate}).
   * @returns the Mahalanobis distance against the retrodicted position, or undefined when an
   *   innovation covariance is not positive definite (state unchanged).
   */
  updateOutOfSequence(state: ImmState, lag: number, z: Float64Array, r: Float64Array, dim: number): ImmUpdateResult | undefined;
  /** The retrodicted combined position and covariance `lag` ≥ 0 s before the state's time, for gating. */
  retrodict(state: ImmState, lag: number, outX: Float64Array, outP: Float64Array): void;
}



/**
 * The layout of the block of a state with r models, offsets in doubles from its start: x at 0,
 * P at N, μ at `mu`, the r model states from `mx`, the r packed model covariances from `mp`;
 * `size` doubles in all.
 */
function blockLayout(r: number): { mu: number; mx: number; mp: number; size: number } {
  const mu = N + NN, mx = mu + r, mp = mx + r * N;
  return { mu, mx, mp, size: mp + r * NP };
}

/** Doubles in the block of a state with r models. */
function blockSize(r: number): number {
  return blockLayout(r).size;
}

/** Points every array of `s` (r models) at its block from `at` in `block`. */
function viewBlock(s: ImmState, block: Float64Array, at: number, r: number): void {
  const { mu, mx, mp } = blockLayout(r);
  s.block = block;
  s.at = at;
  s.x = block.subarray(at, at + N);
  s.p = block.subarray(at + N, at + N + NN);
  s.mu = block.subarray(at + mu, at + mu + r);
  s.mx = Array.from({ length: r }, (_, j) => block.subarray(at + mx + j * N, at + mx + (j + 1) * N));
  s.mp = Array.from({ length: r }, (_, j) => block.subarray(at + mp + j * NP, at + mp + (j + 1) * NP));
}

/** States per slab of a state store. */
const SLAB_SLOTS = 1024;

const EMPTY_VIEW = new Float64Array(0);

/**
 * A filter's store of state blocks: fixed-size slots in large slabs, recycled through a free
 * list, so that the states of the live tracks sit together in memory and the hot loops read a
 * state through the slab and an offset (a track's update reads all its models' covariances;
 * scattered small buffers and their view objects cost a cache miss each).
 */
class StateStore {
  private readonly slabs: Float64Array[] = [];
  private readonly free: number[] = [];
  private next = 0;

  constructor(private readonly r: number) {}

  /** Gives `s` a block from a free slot (content undefined). */
  take(s: ImmState): void {
    const size = blockSize(this.r);
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.next++;
      if (slot >= this.slabs.length * SLAB_SLOTS) this.slabs.push(new Float64Array(SLAB_SLOTS * size));
    }
    viewBlock(s, this.slabs[Math.floor(slot / SLAB_SLOTS)], (slot % SLAB_SLOTS) * size, this.r);
    s.storeSlot = slot;
  }

  /** Returns the slot of `s`; its block moves to a buffer of its own, content kept. */
  give(s: ImmState): void {
    if (s.storeSlot < 0) return;
    const slot = s.storeSlot;
    const size = blockSize(this.r);
    const own = s.block.slice(s.at, s.at + size);
    viewBlock(s, own, 0, this.r);
    s.storeSlot = -1;
    this.free.push(slot);
  }
}

/** A deep copy of an IMM state, in a buffer of its own (the kept prediction is not carried over). */
export function cloneImmState(s: ImmState): ImmState {
  const r = s.mu.length;
  const out: ImmState = { ...s, cacheDt: NaN, cacheSlot: -1, cacheEpoch: -1, storeSlot: -1 };
  viewBlock(out, s.block.slice(s.at, s.at + blockSize(r)), 0, r);
  return out;
}

/** One model of an IMM with its Markov parameters. */
export interface ImmModelSpec {
  model: MotionModel;
  name: string;
  /** Mean sojourn time in this model, seconds (> 0). */
  sojournTime: number;
  /** Initial probability (the initial probabilities are normalised to sum 1). */
  initialProbability: number;
}

/** Thrown for an invalid IMM configuration. */
export class ImmConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImmConfigError";
  }
}

/**
 * Builds an IMM filter.
 * @throws ImmConfigError for no models, more than {@link MAX_MODELS}, a non-positive sojourn
 *   time or non-positive initial probabilities.
 */
export function createImm(specs: readonly ImmModelSpec[], vertical: VerticalAdaptation = { memory: 0.6, threshold: 2, maxScale: 1 }): ImmFilter {
  const r = specs.length;
  if (r < 1 || r > MAX_MODELS) throw new ImmConfigError(`an IMM needs 1 to ${MAX_MODELS} models, got ${r}`);
  for (const s of specs) {
    if (!(s.sojournTime > 0)) throw new ImmConfigError(`model ${s.name}: sojourn time must be positive`);
    if (!(s.initialProbability >= 0)) throw new ImmConfigError(`model ${s.name}: initial probability must be ≥ 0`);
  }
  const total = specs.reduce((a, s) => a + s.initialProbability, 0);
  if (!(total > 0)) throw new ImmConfigError("initial model probabilities sum to zero");
  const mu0 = Float64Array.from(specs, (s) => s.initialProbability / total);
  const models = specs.map((s) => s.model);
  // Retrodiction noise: the largest spectral density of any model, per axis (conservative).
  const qMax = [0, 1, 2].map((i) => Math.max(...specs.map((s) => s.model.processNoise?.[i] ?? 0)));
  const hasTurn = specs.some((s) => s.model.isTurn === true);
  const tau = specs.map((s) => s.sojournTime);

  // Scratch space (single-threaded; never escapes a call).
  const pi = new Float64Array(r * r);
  const wts = new Float64Array(r * r);
  const dev = new Float64Array(r * N);
  const shift = new Float64Array(r * N);
  const moments = new Float64Array(r);
  const cbar = new Float64Array(r);
  const x0 = specs.map(() => new Float64Array(N));
  const p0 = specs.map(() => new Float64Array(NN));
  const xj = new Float64Array(N);
  const pj = new Float64Array(NN);
  const lik = new Float64Array(r);
  const inn: Innovation = newInnovation();
  const tmpX: Float64Array[] = specs.map(() => new Float64Array(N));
  const cross = new Float64Array(N * 3);
  const tmpP: Float64Array[] = specs.map(() => new Float64Array(NN));

  function varianceBound(i: number, pii: number, piv: number, pvv: number, pVeVe: number, pVnVn: number, speed: number, dt: number, qScale: number): number {
    // The largest of the models' bounds, inline: NCV growth with the largest noise, and for
    // turn models (sin ωT/ω, (1 − cos ωT)/ω ≤ T) the Cauchy–Schwarz bound.
    const q = qMax[i] * qScale * dt * dt * dt / 3;
    let v = pii + 2 * dt * Math.abs(piv) + dt * dt * pvv + q;
    if (hasTurn && i < 2) {
      const b = Math.sqrt(pii) + dt * (Math.sqrt(pVeVe) + Math.sqrt(pVnVn));
      v = Math.max(v, b * b + q);
    }
    // Turn models move the mean by up to |v|·T·(ωT)/2 from the straight line; allow |v|·T·0.2.
    const spread = r > 1 && i < 2 ? 0.2 * speed * dt : 0;
    return v + spread * spread;
  }

  function transition(dt: number): void {
    for (let i = 0; i < r; i++) {
      const stay = r === 1 ? 1 : Math.exp(-dt / tau[i]);
      const leave = r === 1 ? 0 : (1 - stay) / (r - 1);
      for (let j = 0; j < r; j++) pi[i * r + j] = i === j ? stay : leave;
    }
  }

  /** Model j's state and full covariance into outX, outP (the combined ones while `uniform`). */
  function modelState(s: ImmState, j: number, outX: Float64Array, outP: Float64Array): void {
    if (s.uniform) {
      outX.set(s.x);
      outP.set(s.p);
    } else {
      outX.set(s.mx[j]);
      unpackSymmetric(s.mp[j], N, outP);
    }
  }

  /** Steps 1–2: predicted model probabilities into cbar, mixed initial conditions into x0/p0. */
  function mix(s: ImmState, dt: number): void {
    transition(dt);
    // Read through the block (see viewBlock), not the views.
    const blk = s.block, muAt = s.at + MU_AT;
    for (let j = 0; j < r; j++) {
      let c = 0;
      for (let i = 0; i < r; i++) c += pi[i * r + j] * blk[muAt + i];
      cbar[j] = c;
    }
    if (s.uniform || r === 1) {
      // Every model holds (x, P), or there is one model: nothing to mix, whatever the weights.
      for (let j = 0; j < r; j++) modelState(s, j, x0[j], p0[j]);
      return;
    }
    // With d_i = x_i − x_ref (the first model's state the reference) and f_j = x₀ⱼ − x_ref = Σ_i μ_i|j d_i:
    // P₀ⱼ = Σ_i μ_i|j (P_i + d_i d_iᵀ) − f_j f_jᵀ, the spread about x₀ⱼ by the shifted-data
    // formula (the deviations are of the order of the spread, so nothing cancels). Each
    // P_i + d_i d_iᵀ is then formed once for all r mixed covariances.
    const mxAt = s.at + MX_AT, mpAt = s.at + MP_AT;
    for (let j = 0; j < r; j++) {
      const cj = cbar[j];
      for (let i = 0; i < r; i++) wts[j * r + i] = cj > 0 ? (pi[i * r + j] * blk[muAt + i]) / cj : i === j ? 1 : 0;
    }
    for (let i = 0; i < r; i++) for (let k = 0; k < N; k++) dev[i * N + k] = blk[mxAt + i * N + k] - blk[mxAt + k];
    for (let j = 0; j < r; j++) {
      const xo = x0[j];
      for (let k = 0; k < N; k++) {
        let v = 0;
        for (let i = 1; i < r; i++) v += wts[j * r + i] * dev[i * N + k];
        shift[j * N + k] = v;
        xo[k] = blk[mxAt + k] + v;
      }
    }
    // Upper triangle only (P is symmetric; u its packed index), mirrored.
    let u = 0;
    for (let a = 0; a < N; a++) {
      for (let b = a; b < N; b++, u++) {
        const ab = a * N + b;
        for (let i = 0; i < r; i++) moments[i] = blk[mpAt + i * NP + u] + dev[i * N + a] * dev[i * N + b];
        for (let j = 0; j < r; j++) {
          let v = -shift[j * N + a] * shift[j * N + b];
          for (let i = 0; i < r; i++) v += wts[j * r + i] * moments[i];
          const po = p0[j];
          po[ab] = v;
          po[b * N + a] = v;
        }
      }
    }
  }

  /** Combines model states (xs, ps) with weights w into (outX, outP). */
  function combine(xs: Float64Array[], ps: Float64Array[], w: Float64Array, outX: Float64Array, outP: Float64Array): void {
    if (r === 1) {
      outX.set(xs[0]);
      outP.set(ps[0]);
      return;
    }
    outX.fill(0, 0, N);
    for (let j = 0; j < r; j++) {
      const xv = xs[j];
      for (let k = 0; k < N; k++) outX[k] += w[j] * xv[k];
    }
    outP.fill(0, 0, NN);
    for (let j = 0; j < r; j++) {
      const wj = w[j];
      if (wj === 0) continue;
      const xv = xs[j];
      const pv = ps[j];
      for (let a = 0; a < N; a++) {
        const wda = wj * (xv[a] - outX[a]);
        for (let b = a; b < N; b++) outP[a * N + b] += wj * pv[a * N + b] + wda * (xv[b] - outX[b]);
      }
    }
    for (let a = 1; a < N; a++) for (let b = 0; b < a; b++) outP[a * N + b] = outP[b * N + a];
  }

  const stateStore = new StateStore(r);
  // Offsets in a state's block (see blockLayout).
  const { mu: MU_AT, mx: MX_AT, mp: MP_AT } = blockLayout(r);

  // The store of kept predictions (see PREDICTION_STORE_SLOTS): per slot, views of its r model
  // states and r covariances and its r predicted probabilities, in chunks allocated as needed
  // and never moved, so that a prediction is computed in its slot and updated there (no copy).
  interface KeptSlot {
    x: Float64Array[];
    p: Float64Array[];
    cbar: Float64Array;
  }
  const kept: KeptSlot[] = [];
  const KEPT_CHUNK = 64;
  const slotSize = r * (N + NN) + r;
  let storeNext = 0;
  let storeEpoch = 0;

  /** The next slot of the store, claimed for the prediction of `s` over dt (the slot's previous content is dropped). */
  function claimSlot(s: ImmState, dt: number, qScale: number): KeptSlot {
    if (storeNext === PREDICTION_STORE_SLOTS) {
      storeNext = 0;
      storeEpoch++; // every earlier slot is now stale
    }
    const slot = storeNext++;
    while (kept.length <= slot) {
      const chunk = new Float64Array(KEPT_CHUNK * slotSize);
      for (let c = 0; c < KEPT_CHUNK; c++) {
        let o = c * slotSize;
        const x: Float64Array[] = [], p: Float64Array[] = [];
        for (let j = 0; j < r; j++, o += N) x.push(chunk.subarray(o, o + N));
        for (let j = 0; j < r; j++, o += NN) p.push(chunk.subarray(o, o + NN));
        kept.push({ x, p, cbar: chunk.subarray(o, o + r) });
      }
    }
    s.cacheSlot = slot;
    s.cacheEpoch = storeEpoch;
    s.cacheDt = dt;
    s.cacheQ = qScale;
    return kept[slot];
  }

  /** The kept prediction of `s` over dt with noise scale qScale, or undefined when there is none. */
  function keptPrediction(s: ImmState, dt: number, qScale: number): KeptSlot | undefined {
    return s.cacheDt === dt && s.cacheQ === qScale && s.cacheEpoch === storeEpoch && s.cacheSlot >= 0 ? kept[s.cacheSlot] : undefined;
  }

  /** Steps 1–3a: mixing (probabilities into cbar) and model-matched prediction into outX/outP. */
  function predictModels(s: ImmState, dt: number, qScale: number, outX: Float64Array[], outP: Float64Array[]): void {
    mix(s, dt);
    for (let j = 0; j < r; j++) {
      models[j].predictState(x0[j], dt, outX[j]);
      models[j].predictCovariance(p0[j], dt, outP[j], qScale, s.verticalScale);
    }
  }

  return {
    models,
    names: specs.map((s) => s.name),
    init(x, p) {
      const s: ImmState = {
        x: EMPTY_VIEW, p: EMPTY_VIEW, mu: EMPTY_VIEW, mx: [], mp: [], block: EMPTY_VIEW, at: 0,
        uniform: true, verticalNis: 1, verticalScale: 1, cacheDt: NaN, cacheQ: NaN, cacheSlot: -1, cacheEpoch: -1, storeSlot: -1,
      };
      stateStore.take(s);
      this.reset(s, x, p);
      return s;
    },
    reset(s, x, p) {
      s.x.set(x.subarray(0, N));
      s.p.set(p.subarray(0, NN));
      s.mu.set(mu0);
      s.uniform = true;
      s.verticalNis = 1;
      s.verticalScale = 1;
      s.cacheDt = NaN;
    },
    predict(s, dt, outX, outP, qScale = 1, outMu, keep = false) {
      if (dt === 0) {
        // Nothing to predict: the combined posterior is the answer.
        outX.set(s.x);
        outP.set(s.p);
        if (outMu) outMu.set(s.mu);
        return;
      }
      if (keep) {
        const k = claimSlot(s, dt, qScale);
        predictModels(s, dt, qScale, k.x, k.p);
        k.cbar.set(cbar);
        combine(k.x, k.p, cbar, outX, outP);
      } else {
        predictModels(s, dt, qScale, tmpX, tmpP);
        combine(tmpX, tmpP, cbar, outX, outP);
      }
      if (outMu) outMu.set(cbar);
    },
    predictedVariance(s, i, dt, qScale = 1) {
      const p = s.p;
      return varianceBound(i, p[i * N + i], p[i * N + i + 3], p[(i + 3) * N + i + 3], p[21], p[28], Math.sqrt(s.x[3] * s.x[3] + s.x[4] * s.x[4]), dt, qScale * (i === 2 ? s.verticalScale : 1));
    },
    varianceBound,
    release(s) {
      stateStore.give(s);
    },
    updateOutOfSequence(s, lag, z, rm, dim) {
      s.cacheDt = NaN;
      retrodictNcv(s.x, s.p, lag, qMax, xj, pj, cross);
      if (!innovation(xj, pj, z, rm, dim, inn)) return undefined;
      const d2 = inn.d2;
      for (let j = 0; j < r; j++) {
        modelState(s, j, tmpX[j], tmpP[j]);
        if (retrodictedUpdate(tmpX[j], tmpP[j], lag, qMax, z, rm, dim) === undefined) return undefined;
      }
      if (s.uniform) {
        // Every model took the same retrodicted update: still uniform, and (x, P) is the result.
        s.x.set(tmpX[0]);
        s.p.set(tmpP[0]);
        return { d2, dim };
      }
      for (let j = 0; j < r; j++) {
        s.mx[j].set(tmpX[j]);
        packSymmetric(tmpP[j], N, s.mp[j]);
      }
      combine(tmpX, tmpP, s.mu, s.x, s.p);
      return { d2, dim };
    },
    retrodict(s, lag, outX, outP) {
      retrodictNcv(s.x, s.p, lag, qMax, outX, outP, cross);
    },
    update(s, dt, z, rm, dim, qScale = 1) {
      // The model predictions: kept by the gate's predict over the same interval, updated in
      // their slot, or computed now.
      let px: Float64Array[] = tmpX, pp: Float64Array[] = tmpP;
      const k = keptPrediction(s, dt, qScale);
      if (k) {
        px = k.x;
        pp = k.p;
        cbar.set(k.cbar);
      } else {
        predictModels(s, dt, qScale, tmpX, tmpP);
      }
      s.cacheDt = NaN;
      // The gate already tested the combined prediction; report the distance of the model most
      // probable beforehand.
      let d2 = 0;
      let best = -1;
      let maxLog = -Infinity;
      let vNis = 1;
      for (let j = 0; j < r; j++) {
        if (!innovation(px[j], pp[j], z, rm, dim, inn)) return undefined;
        if (best < 0 || cbar[j] > cbar[best]) {
          best = j;
          d2 = inn.d2;
          if (dim === 3) vNis = (inn.nu[2] * inn.nu[2]) / inn.s[8];
        }
        lik[j] = -0.5 * (inn.d2 + inn.logDetS);
        if (lik[j] > maxLog) maxLog = lik[j];
        kalmanUpdate(px[j], pp[j], rm, inn);
      }
      let sum = 0;
      for (let j = 0; j < r; j++) {
        lik[j] = Math.exp(lik[j] - maxLog) * cbar[j];
        sum += lik[j];
      }
      if (!(sum > 0) || !Number.isFinite(sum)) for (let j = 0; j < r; j++) lik[j] = cbar[j];
      else for (let j = 0; j < r; j++) lik[j] /= sum;
      // Keep every model alive: a probability that underflows to 0 could never recover.
      let norm = 0;
      for (let j = 0; j < r; j++) {
        lik[j] = Math.max(lik[j], 1e-6);
        norm += lik[j];
      }
      for (let j = 0; j < r; j++) s.mu[j] = lik[j] / norm;
      // The model states into the block, then their combination into x, P.
      const blk = s.block, mxAt = s.at + MX_AT, mpAt = s.at + MP_AT;
      for (let j = 0; j < r; j++) {
        const xj = px[j], pj = pp[j];
        for (let k = 0; k < N; k++) blk[mxAt + j * N + k] = xj[k];
        packSymmetric(pj, N, blk, mpAt + j * NP);
      }
      s.uniform = false;
      combine(px, pp, s.mu, s.x, s.p);
      if (dim === 3 && vertical.maxScale > 1) {
        s.verticalNis = vertical.memory * s.verticalNis + (1 - vertical.memory) * vNis;
        const k = s.verticalNis / vertical.threshold;
        s.verticalScale = Math.min(vertical.maxScale, Math.max(1, k * k));
      }
      return { d2, dim };
    },
  };
}
