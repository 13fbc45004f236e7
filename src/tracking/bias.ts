/**
 * Radar registration: each radar's systematic errors (range, azimuth and time bias) estimated
 * against ADS-B-equipped aircraft, and the correction of its plots.
 *
 * Model (the usual ATC registration model, as in EUROCONTROL ARTAS and SASS-C bias estimation;
 * Bar-Shalom, Willett & Tian, *Tracking and Data Fusion*, 2011, ch. 8): a plot's measured slant
 * range is r_m = r + b_r + noise, its azimuth a_m = a + b_a + noise (clockwise from north), and
 * its reported time t_m = t + b_t (a positive b_t: the plot is stamped late). The reference is
 * the ADS-B position of the same aircraft (same ICAO address) brought to t_m, so it leads the
 * true plot position by v·b_t. With the reference seen from the site through the radar model
 * of `geo/radar.ts` (the 4/3-earth inverse `geodeticToPolar`, the exact inverse of the
 * `polarToGeodetic` that `convertPlot` uses), and its radial speed ṙ and azimuth rate ȧ:
 *
 *   r_m − r_ref = b_r − ṙ·b_t + noise,     a_m − a_ref = b_a − ȧ·b_t + noise  (wrapped to (−π, π]).
 *
 * Each sample gives these two rows; (b_r, b_a, b_t) per sensor is their weighted least-squares
 * solution, weights 1/σ² where σ² adds the radar's sigma and the reference's own horizontal
 * (and optionally vertical) error projected into range and azimuth. Robustness: a Huber
 * M-estimate (IRLS, Huber 1981) from a median start, then samples beyond `rejectSigma` are
 * dropped and the fit is repeated on the inliers. The declared sigmas are a floor: when the
 * inlier residuals scatter more, the sigmas are scaled up by their RMS. Drift: samples
 * are weighted by exp(−age/`forgettingTime`) and dropped beyond `window` or `maxSamples`; the
 * covariance is then the sandwich N⁻¹·M·N⁻¹ of the weighted estimator (N⁻¹ without forgetting).
 * The time bias is only observable when ṙ or ȧ varies between samples (otherwise it cannot be
 * told from b_r and b_a): when the variation is too small, or its sigma above
 * `maxTimeBiasSigma`, it is reported as undefined and only (b_r, b_a) are fitted.
 */
import type { Enu, Geodetic } from "../geo/index.js";
import { STANDARD_K, enuFrame, enuToGeodetic, geodeticToPolar, wrapPi, wrapTwoPi } from "../geo/index.js";
import { cholesky, choleskyInverse } from "./linalg.js";

/** One plot-versus-reference comparison, ready for the estimator. All SI. */
export interface BiasSample {
  /** Sensor that produced the plot ("SAC/SIC"). */
  sensorId: string;
  /** Reported plot time, UTC seconds. */
  time: number;
  /** Measured slant range minus the reference's, metres. */
  rangeResidual: number;
  /** Measured azimuth minus the reference's, radians in (−π, π]. */
  azimuthResidual: number;
  /** Reference slant-range rate ṙ, m/s. */
  rangeRate: number;
  /** Reference azimuth rate ȧ, rad/s (clockwise positive). */
  azimuthRate: number;
  /** 1-sigma of `rangeResidual` (radar and reference), metres; > 0. */
  rangeSigma: number;
  /** 1-sigma of `azimuthResidual` (radar and reference), radians; > 0. */
  azimuthSigma: number;
}

/** The ADS-B reference of the aircraft a plot belongs to. */
export interface BiasReference {
  /** WGS-84 position (lat/lon rad, height m, the same height the plot's conversion would use). */
  position: Geodetic;
  /** Velocity in the ENU frame at `position`, m/s (up = vertical rate). */
  velocity: Enu;
  /** Horizontal 1-sigma position error per axis, metres (from NACp/NUCp); ≥ 0. */
  sigma: number;
  /** Vertical 1-sigma, metres; default 0 (its effect on range is sin(elevation)·σ_v). */
  heightSigma?: number;
  /** Time of `position`, UTC seconds; when given and ≠ plot time the position is extrapolated
   * to the plot time along `velocity` (keep the gap short: a few seconds). Default: plot time. */
  time?: number;
}

/** Half-step (s) of the central difference that gives ṙ and ȧ. */
const RATE_STEP = 0.5;
/** Within this horizontal distance (m) of the site the azimuth is undefined: no sample. */
const MIN_HORIZONTAL = 100;

/**
 * Compares a radar plot with the ADS-B reference of the same aircraft.
 *
 * @param site the radar antenna position (WGS-84).
 * @param plot reported time (s), slant range (m, > 0), azimuth (rad from north, clockwise).
 * @param reference the aircraft's ADS-B position/velocity (see {@link BiasReference}).
 * @param sigmas the radar's 1-sigma range (m) and azimuth (rad) errors, both > 0.
 * @param k refraction factor of the effective-earth model (the tracker's `k`).
 * @returns the sample, or undefined for non-finite or out-of-domain input or a reference within
 *   100 m horizontally of the site (never throws).
 */
export function biasSample(
  sensorId: string,
  site: Geodetic,
  plot: { time: number; range: number; azimuth: number },
  reference: BiasReference,
  sigmas: { range: number; azimuth: number },
  k: number = STANDARD_K,
): BiasSample | undefined {
  const p = reference.position;
  const v = reference.velocity;
  const sh = reference.sigma;
  const sv = reference.heightSigma ?? 0;
  const dt = reference.time === undefined ? 0 : plot.time - reference.time;
  const nums = [plot.time, plot.range, plot.azimuth, p.lat, p.lon, p.height, v.east, v.north, v.up,
    sh, sv, sigmas.range, sigmas.azimuth, site.lat, site.lon, site.height, k, dt];
  if (!nums.every(Number.isFinite)) return undefined;
  if (!(plot.range > 0) || sh < 0 || sv < 0 || !(sigmas.range > 0) || !(sigmas.azimuth > 0) || !(k > 0)) return undefined;
  if (Math.abs(p.lat) > Math.PI / 2 || Math.abs(site.lat) > Math.PI / 2) return undefined;
  const frame = enuFrame(p);
  const seen = (s: number) =>
    geodeticToPolar(site, s === 0 ? p : enuToGeodetic({ east: v.east * s, north: v.north * s, up: v.up * s }, frame), k);
  const c = seen(dt);
  const before = seen(dt - RATE_STEP);
  const after = seen(dt + RATE_STEP);
  const horizontal = c.range * Math.cos(c.elevation);
  if (!(horizontal >= MIN_HORIZONTAL)) return undefined;
  const se = Math.sin(c.elevation);
  const ce = Math.cos(c.elevation);
  const rangeVar = sigmas.range ** 2 + (sh * ce) ** 2 + (sv * se) ** 2;
  const azimuthVar = sigmas.azimuth ** 2 + (sh / horizontal) ** 2;
  const s: BiasSample = {
    sensorId,
    time: plot.time,
    rangeResidual: plot.range - c.range,
    azimuthResidual: wrapPi(plot.azimuth - c.azimuth),
    rangeRate: (after.range - before.range) / (2 * RATE_STEP),
    azimuthRate: wrapPi(after.azimuth - before.azimuth) / (2 * RATE_STEP),
    rangeSigma: Math.sqrt(rangeVar),
    azimuthSigma: Math.sqrt(azimuthVar),
  };
  return Object.values(s).every((x) => typeof x === "string" || Number.isFinite(x)) ? s : undefined;
}

/** Parameters of the {@link BiasEstimator}. */
export interface BiasEstimatorOptions {
  /** Fewest inlier samples for an estimate (below: none). Default 30. */
  minSamples: number;
  /** Samples whose normalised range or azimuth residual exceeds this after the robust fit are
   * rejected. Default 4. */
  rejectSigma: number;
  /** Huber threshold on normalised residuals for the first, robust fit (1.345: 95% efficiency
   * at the normal, Huber 1981). Default 1.345. */
  huberC: number;
  /** e-folding age (s, relative to the newest sample) of sample weights; Infinity: none. Default 1800. */
  forgettingTime: number;
  /** Samples older than this (s) behind the newest are dropped. Default 7200. */
  window: number;
  /** Samples kept per sensor (oldest dropped first). Default 20000. */
  maxSamples: number;
  /** The time bias is reported only when its 1-sigma is at most this, seconds. Default 0.1
   * (beyond, a correction would move an airliner by less than the radar noise). */
  maxTimeBiasSigma: number;
  /** Least fraction of the time-bias information not shared with range/azimuth bias (1 − R²
   * of the rates against a constant); below it the time bias is unobservable. Default 1e-4. */
  minTimeConditioning: number;
}

/** Defaults of {@link BiasEstimatorOptions}. */
export const DEFAULT_BIAS_OPTIONS: Readonly<BiasEstimatorOptions> = Object.freeze({
  minSamples: 30, rejectSigma: 4, huberC: 1.345, forgettingTime: 1800, window: 7200,
  maxSamples: 20000, maxTimeBiasSigma: 0.1, minTimeConditioning: 1e-4,
});

/** Thrown by the {@link BiasEstimator} constructor for an invalid option. */
export class BiasOptionsError extends Error {
  /** Name of the offending option. */
  readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.name = "BiasOptionsError";
    this.option = option;
  }
}

/** A sensor's estimated registration biases (subtract them from its plots), SI units. */
export interface SensorBiasEstimate {
  sensorId: string;
  /** Slant-range bias b_r, metres. */
  rangeBias: number;
  /** Azimuth bias b_a, radians. */
  azimuthBias: number;
  /** Time-stamp bias b_t (reported minus true), seconds; undefined when not observable. */
  timeBias: number | undefined;
  /** 1-sigma of `rangeBias`, metres. */
  rangeBiasSigma: number;
  /** 1-sigma of `azimuthBias`, radians. */
  azimuthBiasSigma: number;
  /** 1-sigma of `timeBias`, seconds; undefined with it. */
  timeBiasSigma: number | undefined;
  /** Correlation of the range and azimuth bias estimates with the time bias (0 without it). */
  timeCorrelation: { range: number; azimuth: number };
  /** Inlier samples used. */
  samples: number;
  /** Samples rejected as outliers. */
  rejected: number;
  /** RMS of the inliers' normalised range / azimuth residuals (≈ 1 when the sigmas are right;
   * above 1 the sigmas were scaled up by it). */
  rangeNoiseScale: number;
  azimuthNoiseScale: number;
  /** Time of the newest sample, UTC seconds. */
  time: number;
}

const W = 7; // stored columns: time, rangeResidual, azimuthResidual, rangeRate, azimuthRate, rangeSigma, azimuthSigma

/** One sensor's ring buffer of samples (`W` columns each) and its cached estimate. */
interface SensorState { data: Float64Array; start: number; count: number; newest: number; cached: SensorBiasEstimate | undefined; dirty: boolean }

/** The samples of one fit, as columns. */
interface Cols { n: number; yr: Float64Array; ya: Float64Array; rr: Float64Array; ra: Float64Array; sr: Float64Array; sa: Float64Array; f: Float64Array }

interface Solution { x: Float64Array; cov: Float64Array }

/**
 * Per-sensor registration-bias estimator. Feed it {@link biasSample}s as they come (any order);
 * ask for estimates when needed (recomputed only after new samples). Deterministic, no I/O.
 */
export class BiasEstimator {
  readonly options: Readonly<BiasEstimatorOptions>;
  /** Samples refused by `add` (non-finite values or non-positive sigmas). */
  skipped = 0;
  private readonly sensors = new Map<string, SensorState>();

  /** @throws BiasOptionsError when an option is not a positive number (`forgettingTime`,
   * `window` may be Infinity; `minTimeConditioning` in [0, 1)). */
  constructor(options: Partial<BiasEstimatorOptions> = {}) {
    const o = { ...DEFAULT_BIAS_OPTIONS, ...options };
    for (const [key, v] of Object.entries(o)) {
      const ok = typeof v === "number" && (key === "minTimeConditioning" ? v >= 0 && v < 1 : v > 0)
        && (Number.isFinite(v) || key === "forgettingTime" || key === "window")
        && (Number.isInteger(v) || (key !== "maxSamples" && key !== "minSamples"));
      if (!ok) throw new BiasOptionsError(key, `invalid value ${String(v)}`);
    }
    this.options = Object.freeze(o);
  }

  /** Stores a sample. @returns false (and counts it in `skipped`) when it is unusable. */
  add(s: BiasSample): boolean {
    const v = [s.time, s.rangeResidual, s.azimuthResidual, s.rangeRate, s.azimuthRate, s.rangeSigma, s.azimuthSigma];
    if (typeof s.sensorId !== "string" || !v.every(Number.isFinite) || !(s.rangeSigma > 0) || !(s.azimuthSigma > 0)) {
      this.skipped++;
      return false;
    }
    let st = this.sensors.get(s.sensorId);
    if (!st) {
      st = { data: new Float64Array(this.options.maxSamples * W), start: 0, count: 0, newest: -Infinity, cached: undefined, dirty: true };
      this.sensors.set(s.sensorId, st);
    }
    const cap = this.options.maxSamples;
    if (st.count === cap) { st.start = (st.start + 1) % cap; st.count--; }
    st.data.set(v, ((st.start + st.count) % cap) * W);
    st.count++;
    st.newest = Math.max(st.newest, s.time);
    while (st.count > 0 && st.data[st.start * W] < st.newest - this.options.window) { st.start = (st.start + 1) % cap; st.count--; }
    st.dirty = true;
    return true;
  }

  /** Forgets one sensor's samples, or every sensor's. */
  reset(sensorId?: string): void {
    if (sensorId === undefined) this.sensors.clear();
    else this.sensors.delete(sensorId);
  }

  /** The sensor's current estimate, or undefined with too few inliers or a singular geometry. */
  estimate(sensorId: string): SensorBiasEstimate | undefined {
    const st = this.sensors.get(sensorId);
    if (!st) return undefined;
    if (st.dirty) { st.cached = this.fit(sensorId, st); st.dirty = false; }
    return st.cached;
  }

  /** Estimates of every sensor that has one, sorted by sensor id. */
  estimates(): SensorBiasEstimate[] {
    return [...this.sensors.keys()].sort().map((id) => this.estimate(id)).filter((e): e is SensorBiasEstimate => e !== undefined);
  }

  private fit(sensorId: string, st: SensorState): SensorBiasEstimate | undefined {
    const o = this.options;
    const c = columns(st, o);
    const n = c.n;
    if (n < o.minSamples) return undefined;
    const all = new Uint8Array(n).fill(1);
    let p: 2 | 3 = timeConditioning(c, all) > o.minTimeConditioning ? 3 : 2;
    // Robust start: medians, no time bias; then Huber IRLS.
    let x: Float64Array = Float64Array.of(median(c.yr), median(c.ya), 0);
    const ur = new Float64Array(n);
    const ua = new Float64Array(n);
    const er = new Float64Array(n);
    const ea = new Float64Array(n);
    let sol: Solution | undefined;
    for (let it = 0; it < 50; it++) {
      normalised(c, x, er, ea);
      for (let i = 0; i < n; i++) { ur[i] = huber(er[i], o.huberC); ua[i] = huber(ea[i], o.huberC); }
      sol = solve(c, p, all, 1, 1, ur, ua);
      if (!sol) return undefined;
      let step = 0;
      for (let j = 0; j < p; j++) step = Math.max(step, Math.abs(sol.x[j] - x[j]) / Math.sqrt(sol.cov[j * 4]));
      x = sol.x;
      if (step < 1e-3) break;
    }
    // Scales (declared sigmas are a floor), rejection, refit on inliers.
    normalised(c, x, er, ea);
    let scaleR = Math.max(1, 1.4826 * median(er, true));
    let scaleA = Math.max(1, 1.4826 * median(ea, true));
    const inl = new Uint8Array(n);
    let used = 0;
    let rmsR = 0;
    let rmsA = 0;
    for (let pass = 0; pass < 4; pass++) {
      if (pass === 3) { // last pass: keep the time bias only if observable on the inliers
        if (p === 3 && (timeConditioning(c, inl) <= o.minTimeConditioning || !(Math.sqrt(sol!.cov[8]) <= o.maxTimeBiasSigma))) p = 2;
        else break;
      }
      normalised(c, x, er, ea);
      used = 0;
      let sumR = 0;
      let sumA = 0;
      for (let i = 0; i < n; i++) {
        inl[i] = Math.abs(er[i]) <= o.rejectSigma * scaleR && Math.abs(ea[i]) <= o.rejectSigma * scaleA ? 1 : 0;
        if (inl[i]) { used++; sumR += er[i] ** 2; sumA += ea[i] ** 2; }
      }
      if (used < o.minSamples) return undefined;
      rmsR = Math.sqrt(sumR / used);
      rmsA = Math.sqrt(sumA / used);
      scaleR = Math.max(1, rmsR);
      scaleA = Math.max(1, rmsA);
      sol = solve(c, p, inl, scaleR, scaleA);
      if (!sol) return undefined;
      x = sol.x;
    }
    const cov = sol!.cov;
    const sd = (j: number) => Math.sqrt(cov[j * 4]);
    const hasT = p === 3;
    return {
      sensorId,
      rangeBias: x[0], azimuthBias: x[1], timeBias: hasT ? x[2] : undefined,
      rangeBiasSigma: sd(0), azimuthBiasSigma: sd(1), timeBiasSigma: hasT ? sd(2) : undefined,
      timeCorrelation: hasT ? { range: cov[2] / (sd(0) * sd(2)), azimuth: cov[5] / (sd(1) * sd(2)) } : { range: 0, azimuth: 0 },
      samples: used, rejected: n - used,
      rangeNoiseScale: rmsR, azimuthNoiseScale: rmsA,
      time: st.newest,
    };
  }
}

/** The samples inside the window, with their forgetting weights. */
function columns(st: SensorState, o: BiasEstimatorOptions): Cols {
  const cap = o.maxSamples;
  const d = st.data;
  const oldest = st.newest - o.window;
  let n = 0;
  for (let j = 0; j < st.count; j++) if (d[((st.start + j) % cap) * W] >= oldest) n++;
  const c: Cols = { n, yr: new Float64Array(n), ya: new Float64Array(n), rr: new Float64Array(n), ra: new Float64Array(n), sr: new Float64Array(n), sa: new Float64Array(n), f: new Float64Array(n) };
  const forget = Number.isFinite(o.forgettingTime);
  for (let j = 0, i = 0; j < st.count; j++) {
    const b = ((st.start + j) % cap) * W;
    if (d[b] < oldest) continue;
    c.f[i] = forget ? Math.exp(-(st.newest - d[b]) / o.forgettingTime) : 1;
    c.yr[i] = d[b + 1]; c.ya[i] = d[b + 2]; c.rr[i] = d[b + 3]; c.ra[i] = d[b + 4]; c.sr[i] = d[b + 5]; c.sa[i] = d[b + 6];
    i++;
  }
  return c;
}

/** Residuals of the model x = (b_r, b_a, b_t) divided by the declared sigmas. */
function normalised(c: Cols, x: Float64Array, er: Float64Array, ea: Float64Array): void {
  for (let i = 0; i < c.n; i++) {
    er[i] = (c.yr[i] - x[0] + c.rr[i] * x[2]) / c.sr[i];
    ea[i] = wrapPi(c.ya[i] - x[1] + c.ra[i] * x[2]) / c.sa[i];
  }
}

function huber(e: number, k: number): number {
  const a = Math.abs(e);
  return a <= k ? 1 : k / a;
}

/** Median (of |a| when `abs`), by Hoare's selection on a copy: O(n) expected. */
function median(a: Float64Array, abs = false): number {
  const s = Float64Array.from(a);
  if (abs) for (let i = 0; i < s.length; i++) s[i] = Math.abs(s[i]);
  const kth = (k: number): number => {
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const pivot = s[(lo + hi) >> 1];
      let i = lo, j = hi;
      while (i <= j) {
        while (s[i] < pivot) i++;
        while (s[j] > pivot) j--;
        if (i <= j) { const t = s[i]; s[i] = s[j]; s[j] = t; i++; j--; }
      }
      if (k <= j) hi = j; else if (k >= i) lo = i; else return s[k];
    }
    return s[k];
  };
  const m = s.length >> 1;
  return s.length % 2 ? kth(m) : 0.5 * (kth(m - 1) + kth(m));
}

/** Share of the time-bias information left after removing the range/azimuth biases (Schur
 * complement over the diagonal element; 0 when the rates are constant). */
function timeConditioning(c: Cols, mask: Uint8Array): number {
  let w0 = 0, s0 = 0, q0 = 0, w1 = 0, s1 = 0, q1 = 0;
  for (let i = 0; i < c.n; i++) {
    if (!mask[i]) continue;
    const wr = c.f[i] / c.sr[i] ** 2;
    const wa = c.f[i] / c.sa[i] ** 2;
    w0 += wr; s0 += wr * c.rr[i]; q0 += wr * c.rr[i] ** 2;
    w1 += wa; s1 += wa * c.ra[i]; q1 += wa * c.ra[i] ** 2;
  }
  const total = q0 + q1;
  if (!(total > 0) || !(w0 > 0) || !(w1 > 0)) return 0;
  return Math.max(0, q0 - (s0 * s0) / w0 + q1 - (s1 * s1) / w1) / total;
}

/**
 * Weighted least squares for (b_r, b_a[, b_t]) over the masked samples, row weights
 * f·u/(σ·scale)²; covariance N⁻¹·M·N⁻¹ with M = Σ (f·u)²/(σ·scale)² a·aᵀ. Results are 3-vectors
 * and 3×3 matrices (zeros for b_t when p = 2). Undefined when N is singular.
 */
function solve(c: Cols, p: 2 | 3, mask: Uint8Array, scaleR: number, scaleA: number, ur?: Float64Array, ua?: Float64Array): Solution | undefined {
  // Rows a = (1, 0, −ṙ) and (0, 1, −ȧ): N and M need only Σw, Σw·rate, Σw·rate² per row kind,
  // kept in s[kind·3 + j] for the kinds range-N, range-M, azimuth-N, azimuth-M.
  const s = new Float64Array(12);
  let b0 = 0, b1 = 0, b2 = 0;
  for (let i = 0; i < c.n; i++) {
    if (!mask[i]) continue;
    const vr = (c.sr[i] * scaleR) ** 2, va = (c.sa[i] * scaleA) ** 2;
    const gr = c.f[i] * (ur ? ur[i] : 1), ga = c.f[i] * (ua ? ua[i] : 1);
    const rr = c.rr[i], ra = c.ra[i];
    const wr = gr / vr, mr = (gr * gr) / vr, wa = ga / va, ma = (ga * ga) / va;
    s[0] += wr; s[1] += wr * rr; s[2] += wr * rr * rr;
    s[3] += mr; s[4] += mr * rr; s[5] += mr * rr * rr;
    s[6] += wa; s[7] += wa * ra; s[8] += wa * ra * ra;
    s[9] += ma; s[10] += ma * ra; s[11] += ma * ra * ra;
    b0 += wr * c.yr[i]; b1 += wa * c.ya[i]; b2 -= wr * rr * c.yr[i] + wa * ra * c.ya[i];
  }
  const matrix = (m: 0 | 3) => {
    const full = [s[m], 0, -s[m + 1], 0, s[m + 6], -s[m + 7], -s[m + 1], -s[m + 7], s[m + 2] + s[m + 8]];
    return Float64Array.from(p === 3 ? full : [full[0], full[1], full[3], full[4]]);
  };
  const nm = matrix(0);
  const mm = matrix(3);
  const b = p === 3 ? [b0, b1, b2] : [b0, b1];
  const l = new Float64Array(p * p);
  const inv = new Float64Array(p * p);
  if (!cholesky(nm, p, l)) return undefined;
  choleskyInverse(l, p, inv);
  const x = new Float64Array(3);
  const cov = new Float64Array(9);
  for (let r = 0; r < p; r++) for (let q = 0; q < p; q++) x[r] += inv[r * p + q] * b[q];
  for (let r = 0; r < p; r++) {
    for (let q = 0; q < p; q++) {
      let t = 0;
      for (let u = 0; u < p; u++) for (let v = 0; v < p; v++) t += inv[r * p + u] * mm[u * p + v] * inv[v * p + q];
      cov[r * 3 + q] = t;
    }
  }
  if (!x.every(Number.isFinite) || !cov.every(Number.isFinite)) return undefined;
  return { x, cov };
}

/**
 * Removes estimated biases from a plot: range − b_r (kept ≥ 0), azimuth − b_a (wrapped to
 * [0, 2π)), time − b_t (unchanged when b_t is undefined). Returns a shallow copy of `plot`
 * (e.g. a `PlotReport`) with those three fields replaced; other fields are untouched.
 */
export function correctPlot<T extends { range: number; azimuth: number; time: number }>(plot: T, est: SensorBiasEstimate): T {
  return {
    ...plot,
    range: Math.max(0, plot.range - est.rangeBias),
    azimuth: wrapTwoPi(plot.azimuth - est.azimuthBias),
    time: plot.time - (est.timeBias ?? 0),
  };
}
