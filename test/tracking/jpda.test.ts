import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createImm, ctModel, ncvModel, type ImmFilter, type ImmState } from "../../src/tracking/index.js";
import { jpdaMarginals, JpdaError, logLikelihoodFromCost, pdaUpdate, type JpdaOptions, type JpdaPair } from "../../src/tracking/jpda.js";
import { cholesky, unpackSymmetric } from "../../src/tracking/linalg.js";
import { cloneImmState } from "../../src/tracking/imm.js";

const DEG = Math.PI / 180;
const LN2PI = Math.log(2 * Math.PI);

/** Checks Σ_j β_tj + β_t0 = 1 per track and Σ_t β_tj + unassigned_j = 1 per plot, all in [0, 1]. */
function checkSums(nPlots: number, nTracks: number, pairs: JpdaPair[], m: ReturnType<typeof jpdaMarginals>): void {
  const perTrack = Float64Array.from(m.missed);
  const perPlot = Float64Array.from(m.unassigned);
  pairs.forEach((p, k) => {
    expect(m.pairBeta[k]).toBeGreaterThanOrEqual(0);
    perTrack[p.track] += m.pairBeta[k];
    perPlot[p.plot] += m.pairBeta[k];
  });
  for (let t = 0; t < nTracks; t++) expect(perTrack[t]).toBeCloseTo(1, 9);
  for (let j = 0; j < nPlots; j++) {
    expect(perPlot[j]).toBeCloseTo(1, 9);
    expect(m.unassigned[j]).toBeGreaterThanOrEqual(0);
  }
}

/** Random batch: every pair of a random subset of plots × tracks, ln g in a radar-like range. */
const batchArb = (maxPlots: number, maxTracks: number) =>
  fc.record({
    nPlots: fc.integer({ min: 1, max: maxPlots }),
    nTracks: fc.integer({ min: 1, max: maxTracks }),
    density: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    pd: fc.double({ min: 0.5, max: 1, noNaN: true }),
    logLambda: fc.double({ min: -25, max: -12, noNaN: true }),
  }).map((b) => {
    let s = b.seed;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pairs: JpdaPair[] = [];
    for (let j = 0; j < b.nPlots; j++) {
      for (let t = 0; t < b.nTracks; t++) {
        if (rnd() < b.density) pairs.push({ plot: j, track: t, logLikelihood: -0.5 * (13.8 * rnd() + 3 * Math.log(2 * Math.PI) + 2 * Math.log(1e7 * (0.3 + rnd()))) });
      }
    }
    const options: JpdaOptions = { detectionProbability: b.pd, clutterDensity: Math.exp(b.logLambda), gateProbability: 0.999 };
    return { ...b, pairs, options };
  });

describe("jpdaMarginals", () => {
  it("gives probabilities that sum to 1 per track and per plot (exact and belief propagation)", () => {
    fc.assert(fc.property(batchArb(7, 6), ({ nPlots, nTracks, pairs, options }) => {
      const exact = jpdaMarginals(nPlots, nTracks, pairs, options);
      checkSums(nPlots, nTracks, pairs, exact);
      const bp = jpdaMarginals(nPlots, nTracks, pairs, { ...options, maxHypothesesPerCluster: 0 });
      checkSums(nPlots, nTracks, pairs, bp);
      expect(bp.clusters.every((c) => !c.exact)).toBe(true);
    }), { numRuns: 150, seed: 11 });
  });

  it("matches the closed-form PDAF for one track (exact, and belief propagation on the tree)", () => {
    // Bar-Shalom, Daum & Huang 2009, eq. 29–31: β_i = e_i / (b + Σ e_k), β_0 = b / (b + Σ e_k),
    // e_i = exp(−d_i²/2), b = λ |2πS|^{1/2} (1 − P_D P_G) / P_D.
    const detS = 150 ** 2 * 150 ** 2 * 60 ** 2;
    const logDet2piS = 3 * LN2PI + Math.log(detS);
    for (const d2s of [[2.1], [0.3, 4.5], [1, 2, 3, 9]]) {
      for (const [pd, pg, lambda] of [[0.9, 0.99, 1e-12], [0.7, 0.999, 3e-10], [1, 0.95, 1e-9]]) {
        const pairs = d2s.map((d2, j) => ({ plot: j, track: 0, logLikelihood: -0.5 * (d2 + logDet2piS) }));
        const b = (lambda * Math.sqrt(Math.exp(logDet2piS)) * (1 - pd * pg)) / pd;
        const e = d2s.map((d2) => Math.exp(-d2 / 2));
        const den = b + e.reduce((a, v) => a + v, 0);
        for (const limit of [undefined, 0]) {
          const m = jpdaMarginals(d2s.length, 1, pairs, { detectionProbability: pd, clutterDensity: lambda, gateProbability: pg, maxHypothesesPerCluster: limit });
          e.forEach((ei, j) => expect(m.pairBeta[j]).toBeCloseTo(ei / den, 12));
          expect(m.missed[0]).toBeCloseTo(b / den, 12);
          expect(m.clusters[0].exact).toBe(limit === undefined);
        }
      }
    }
  });

  it("gives the plot to a lone track when there is no clutter", () => {
    const pairs = [{ plot: 0, track: 0, logLikelihood: -20 }];
    const m = jpdaMarginals(1, 1, pairs, { detectionProbability: 0.8, clutterDensity: 0, gateProbability: 0.99 });
    expect(m.pairBeta[0]).toBeCloseTo(1, 12);
    expect(m.missed[0]).toBeLessThan(1e-12);
    expect(m.unassigned[0]).toBeLessThan(1e-12);
  });

  it("matches a hand enumeration for two tracks sharing two plots", () => {
    const lg = [[-18, -21], [-20, -19]]; // lg[track][plot]
    const pd = 0.9, pg = 0.99, lambda = 1e-9;
    const pairs: JpdaPair[] = [];
    for (const t of [0, 1]) for (const j of [0, 1]) pairs.push({ plot: j, track: t, logLikelihood: lg[t][j] });
    const L = (t: number, j: number): number => (pd * Math.exp(lg[t][j])) / lambda;
    const miss = 1 - pd * pg;
    // Feasible events (plot of track 0, plot of track 1), − = missed.
    const ev: [number, number, number][] = [
      [-1, -1, miss * miss], [0, -1, L(0, 0) * miss], [1, -1, L(0, 1) * miss], [-1, 0, miss * L(1, 0)],
      [-1, 1, miss * L(1, 1)], [0, 1, L(0, 0) * L(1, 1)], [1, 0, L(0, 1) * L(1, 0)],
    ];
    const c = ev.reduce((a, e) => a + e[2], 0);
    const beta = (t: number, j: number): number => ev.filter((e) => e[t] === j).reduce((a, e) => a + e[2], 0) / c;
    for (const limit of [undefined, 6]) {
      const m = jpdaMarginals(2, 2, pairs, { detectionProbability: pd, clutterDensity: lambda, gateProbability: pg, maxHypothesesPerCluster: limit });
      expect(m.clusters).toHaveLength(1);
      if (limit === undefined) {
        expect(m.clusters[0]).toMatchObject({ exact: true, work: 7 });
        pairs.forEach((p, k) => expect(m.pairBeta[k]).toBeCloseTo(beta(p.track, p.plot), 12));
        expect(m.missed[0]).toBeCloseTo(beta(0, -1), 12);
        expect(m.missed[1]).toBeCloseTo(beta(1, -1), 12);
        expect(m.unassigned[0]).toBeCloseTo((ev[0][2] + ev[2][2] + ev[4][2]) / c, 12);
      } else {
        // 7 events > 6: belief propagation on the 4-cycle, close to exact.
        expect(m.clusters[0].exact).toBe(false);
        pairs.forEach((p, k) => expect(Math.abs(m.pairBeta[k] - beta(p.track, p.plot))).toBeLessThan(0.05));
      }
    }
  });

  it("splits independent clusters, sorts them, and ignores the order of the pairs", () => {
    const pairs: JpdaPair[] = [
      { plot: 3, track: 2, logLikelihood: -19 }, { plot: 0, track: 1, logLikelihood: -18 },
      { plot: 1, track: 1, logLikelihood: -20 }, { plot: 1, track: 0, logLikelihood: -19.5 },
      { plot: 2, track: 3, logLikelihood: -17 },
    ];
    const opts = { detectionProbability: 0.9, clutterDensity: 1e-8, gateProbability: 0.999 };
    const m = jpdaMarginals(5, 5, pairs, opts);
    expect(m.clusters.map((c) => [...c.tracks])).toEqual([[0, 1], [2], [3]]);
    expect([...m.clusters[0].plots]).toEqual([0, 1]);
    expect(m.missed[4]).toBe(1);
    expect(m.unassigned[4]).toBe(1);
    const perm = [4, 2, 0, 3, 1];
    const m2 = jpdaMarginals(5, 5, perm.map((k) => pairs[k]), opts);
    perm.forEach((k, i) => expect(m2.pairBeta[i]).toBe(m.pairBeta[k]));
  });

  it("stays close to exact enumeration with belief propagation on random medium clusters", () => {
    const errs: number[] = [];
    fc.assert(fc.property(batchArb(9, 7), ({ nPlots, nTracks, pairs, options }) => {
      const exact = jpdaMarginals(nPlots, nTracks, pairs, { ...options, maxHypothesesPerCluster: 1e7 });
      const bp = jpdaMarginals(nPlots, nTracks, pairs, { ...options, maxHypothesesPerCluster: 0 });
      for (let k = 0; k < pairs.length; k++) {
        errs.push(Math.abs(exact.pairBeta[k] - bp.pairBeta[k]));
      }
      for (let t = 0; t < nTracks; t++) errs.push(Math.abs(exact.missed[t] - bp.missed[t]));
    }), { numRuns: 120, seed: 5 });
    errs.sort((a, b) => a - b);
    const mean = errs.reduce((a, v) => a + v, 0) / errs.length;
    expect(mean).toBeLessThan(0.01);
    expect(errs[Math.floor(0.99 * errs.length)]).toBeLessThan(0.08);
    expect(errs[errs.length - 1]).toBeLessThan(0.2);
  });

  it("is exact with belief propagation on a cluster without cycles", () => {
    // Chain: track 0 – plots 0, 1; track 1 – plots 1, 2; track 2 – plots 2, 3.
    const pairs: JpdaPair[] = [[0, 0, -18], [1, 0, -19], [1, 1, -17.5], [2, 1, -20], [2, 2, -18.2], [3, 2, -21]]
      .map(([plot, track, logLikelihood]) => ({ plot, track, logLikelihood }));
    const o = { detectionProbability: 0.85, clutterDensity: 2e-9, gateProbability: 0.99 };
    const exact = jpdaMarginals(4, 3, pairs, o);
    const bp = jpdaMarginals(4, 3, pairs, { ...o, maxHypothesesPerCluster: 0 });
    expect(exact.clusters[0].exact).toBe(true);
    expect(bp.clusters[0].exact).toBe(false);
    pairs.forEach((_, k) => expect(bp.pairBeta[k]).toBeCloseTo(exact.pairBeta[k], 10));
    for (let t = 0; t < 3; t++) expect(bp.missed[t]).toBeCloseTo(exact.missed[t], 10);
  });

  it("uses belief propagation beyond the event limit, with bounded work", () => {
    // 12 tracks × 12 plots, all gated together: 12! · Σ… ≫ 10⁴ joint events.
    const pairs: JpdaPair[] = [];
    for (let t = 0; t < 12; t++) for (let j = 0; j < 12; j++) pairs.push({ plot: j, track: t, logLikelihood: -18 - ((t * 7 + j * 3) % 5) });
    const m = jpdaMarginals(12, 12, pairs, { detectionProbability: 0.9, clutterDensity: 1e-9, gateProbability: 0.999 });
    expect(m.clusters).toHaveLength(1);
    expect(m.clusters[0].exact).toBe(false);
    expect(m.clusters[0].work).toBeLessThanOrEqual(500);
    checkSums(12, 12, pairs, m);
  });

  it("accepts per-track P_D and per-plot λ", () => {
    const pairs = [{ plot: 0, track: 0, logLikelihood: -18 }, { plot: 1, track: 0, logLikelihood: -18 }];
    const m = jpdaMarginals(2, 1, pairs, { detectionProbability: [0.9], clutterDensity: [1e-9, 1e-7], gateProbability: 0.99 });
    // Same likelihood, 100× the clutter at plot 1: odds 100:1 for plot 0.
    expect(m.pairBeta[0] / m.pairBeta[1]).toBeCloseTo(100, 9);
  });

  it("rejects bad input with JpdaError and skips non-finite likelihoods", () => {
    const o = { detectionProbability: 0.9, clutterDensity: 1e-9, gateProbability: 0.99 };
    expect(() => jpdaMarginals(1, 1, [{ plot: 1, track: 0, logLikelihood: 0 }], o)).toThrow(JpdaError);
    expect(() => jpdaMarginals(1, 1, [{ plot: 0, track: 0.5, logLikelihood: 0 }], o)).toThrow(JpdaError);
    expect(() => jpdaMarginals(1, 1, [{ plot: 0, track: 0, logLikelihood: 0 }, { plot: 0, track: 0, logLikelihood: 1 }], o)).toThrow(JpdaError);
    expect(() => jpdaMarginals(1, 1, [], { ...o, detectionProbability: 0 })).toThrow(JpdaError);
    expect(() => jpdaMarginals(1, 1, [], { ...o, gateProbability: 1.5 })).toThrow(JpdaError);
    expect(() => jpdaMarginals(1, 2, [], { ...o, detectionProbability: [0.9] })).toThrow(JpdaError);
    expect(() => jpdaMarginals(1, 1, [{ plot: 0, track: 0, logLikelihood: 0 }], { ...o, clutterDensity: -1 })).toThrow(JpdaError);
    expect(() => jpdaMarginals(-1, 1, [], o)).toThrow(JpdaError);
    const m = jpdaMarginals(2, 1, [{ plot: 0, track: 0, logLikelihood: NaN }, { plot: 1, track: 0, logLikelihood: -18 }], o);
    expect(m.skippedPairs).toBe(1);
    expect(m.pairBeta[0]).toBe(0);
    expect(m.unassigned[0]).toBe(1);
    checkSums(2, 1, [{ plot: 1, track: 0, logLikelihood: -18 }], { ...m, pairBeta: m.pairBeta.subarray(1) });
  });

  it("recovers ln g from a hypothesiser cost", () => {
    // cost = d² + ln|S| − ln|R| (no identity terms) → ln N(ν; 0, S).
    const d2 = 3.2, logDetS = 31.4, logDetR = 27.9;
    expect(logLikelihoodFromCost(d2 + logDetS - logDetR, logDetR, 3)).toBeCloseTo(-0.5 * (d2 + logDetS + 3 * LN2PI), 12);
  });
});

// ---------------------------------------------------------------------------------------------

const MODELS = [
  { model: ncvModel(0.1, 0.01), name: "cv", sojournTime: 100, initialProbability: 0.5 },
  { model: ctModel(2 * DEG, 0.1, 0.01), name: "left", sojournTime: 30, initialProbability: 0.1 },
  { model: ctModel(-2 * DEG, 0.1, 0.01), name: "right", sojournTime: 30, initialProbability: 0.1 },
  { model: ncvModel(300, 0.5), name: "manoeuvre", sojournTime: 8, initialProbability: 0.3 },
];

function diag(v: number[]): Float64Array {
  const p = new Float64Array(36);
  v.forEach((x, i) => (p[i * 7] = x));
  return p;
}

/** A filter state after a few ordinary updates, so that the models differ. */
function seasoned(filter: ImmFilter, seed: number): ImmState {
  const x = Float64Array.of(20_000, -15_000, 8_000, 180, 120, 0);
  const s = filter.init(x, diag([200 ** 2, 200 ** 2, 100 ** 2, 50 ** 2, 50 ** 2, 5 ** 2]));
  const r = diag3(120 ** 2, 120 ** 2, 40 ** 2);
  for (let k = 1; k <= 3; k++) {
    const z = Float64Array.of(x[0] + 4 * k * x[3] + ((seed * 37 * k) % 200) - 100, x[1] + 4 * k * x[4] + ((seed * 53 * k) % 200) - 100, x[2] + ((seed * 11) % 60) - 30);
    filter.update(s, 4, z, r, 3);
  }
  return s;
}

function diag3(a: number, b: number, c: number): Float64Array {
  return Float64Array.of(a, 0, 0, 0, b, 0, 0, 0, c);
}

function clone(s: ImmState): ImmState {
  return cloneImmState(s);
}

function expectClose(a: Float64Array, b: Float64Array, rel = 1e-9): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b[i])));
}

/** A packed model covariance (`ImmState.mp`) as the full 6×6. */
function unpacked(m: Float64Array): Float64Array {
  const full = new Float64Array(36);
  unpackSymmetric(m, 6, full);
  return full;
}

function expectSpd(p: Float64Array): void {
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(p[i * 6 + j]).toBe(p[j * 6 + i]);
  expect(cholesky(p, 6, new Float64Array(36))).toBe(true);
}

const measurementArb = fc.record({
  de: fc.double({ min: -600, max: 600, noNaN: true }), dn: fc.double({ min: -600, max: 600, noNaN: true }),
  du: fc.double({ min: -200, max: 200, noNaN: true }), se: fc.double({ min: 30, max: 400, noNaN: true }),
  sn: fc.double({ min: 30, max: 400, noNaN: true }), rho: fc.double({ min: -0.9, max: 0.9, noNaN: true }),
  dim: fc.constantFrom(2, 3),
});

describe("pdaUpdate", () => {
  const immFilters: [string, ImmFilter][] = [["one model", createImm([MODELS[0]])], ["four models", createImm(MODELS)]];

  for (const [label, filter] of immFilters) {
    it(`equals filter.update with one plot and β₀ = 0 (${label})`, () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 12, noNaN: true }), measurementArb, (seed, dt, m) => {
        const s = seasoned(filter, seed);
        const c = s.x;
        const z = Float64Array.of(c[0] + dt * c[3] + m.de, c[1] + dt * c[4] + m.dn, c[2] + m.du);
        const cov = m.rho * m.se * m.sn;
        const r = Float64Array.of(m.se ** 2, cov, 0, cov, m.sn ** 2, 0, 0, 0, 45 ** 2);
        const a = clone(s), b = clone(s);
        const ra = filter.update(a, dt, z, r, m.dim);
        const rb = pdaUpdate(filter, b, dt, [{ z, r, dim: m.dim }], [1], 0);
        expect(rb).toBeDefined();
        expect(ra).toBeDefined(); // (it reports the most probable model's distance, pdaUpdate the combined one: not compared)
        expectClose(b.x, a.x);
        expectClose(b.p, a.p);
        expectClose(b.mu, a.mu);
        for (let j = 0; j < a.mx.length; j++) {
          expectClose(b.mx[j], a.mx[j]);
          expectClose(b.mp[j], a.mp[j]);
        }
      }), { numRuns: 60, seed: 7 });
    });
  }

  it("follows the PDAF covariance formula P = β₀P⁻ + (1 − β₀)P_c + K(Σβνν' − νν')K' (one model)", () => {
    const filter = createImm([MODELS[0]]);
    const s = seasoned(filter, 3);
    const dt = 4;
    const xm = new Float64Array(6), pm = new Float64Array(36);
    filter.predict(s, dt, xm, pm);
    const r = diag3(100 ** 2, 80 ** 2, 40 ** 2);
    const zs = [[150, -90, 20], [-300, 40, -10], [60, 260, 35]].map((d) => Float64Array.of(xm[0] + d[0], xm[1] + d[1], xm[2] + d[2]));
    const beta = [0.5, 0.15, 0.25], b0 = 0.1;
    // Independent computation: S = P⁻[0:3,0:3] + R, K = P⁻[:,0:3] S⁻¹, P_c = (I − KH)P⁻.
    const S = [0, 1, 2].map((i) => [0, 1, 2].map((j) => pm[i * 6 + j] + r[i * 3 + j]));
    const Si = inv3(S);
    const K = [...Array(6)].map((_, i) => [0, 1, 2].map((j) => [0, 1, 2].reduce((a, k) => a + pm[i * 6 + k] * Si[k][j], 0)));
    const nus = zs.map((z) => [0, 1, 2].map((i) => z[i] - xm[i]));
    const nu = [0, 1, 2].map((i) => nus.reduce((a, v, k) => a + beta[k] * v[i], 0));
    const spread = [0, 1, 2].map((i) => [0, 1, 2].map((j) => nus.reduce((a, v, k) => a + beta[k] * v[i] * v[j], 0) - nu[i] * nu[j]));
    const expectX = [...Array(6)].map((_, i) => xm[i] + [0, 1, 2].reduce((a, j) => a + K[i][j] * nu[j], 0));
    const expectP = new Float64Array(36);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        let pc = pm[i * 6 + j];
        for (let k = 0; k < 3; k++) pc -= K[i][k] * pm[k * 6 + j];
        let pt = 0;
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) pt += K[i][a] * spread[a][b] * K[j][b];
        expectP[i * 6 + j] = b0 * pm[i * 6 + j] + (1 - b0) * pc + pt;
      }
    }
    pdaUpdate(filter, s, dt, zs.map((z) => ({ z, r, dim: 3 })), beta, b0);
    expectClose(s.x, Float64Array.from(expectX), 1e-9);
    expectClose(s.p, expectP, 1e-7);
  });

  it("only predicts when β₀ = 1", () => {
    const filter = createImm(MODELS);
    const s = seasoned(filter, 9);
    const x = new Float64Array(6), p = new Float64Array(36), mu = new Float64Array(4);
    filter.predict(s, 5, x, p, 2, mu);
    const z = Float64Array.of(s.x[0] + 5000, s.x[1], s.x[2]);
    pdaUpdate(filter, s, 5, [{ z, r: diag3(1e4, 1e4, 1e3), dim: 3 }], [0], 1, 2);
    expectClose(s.x, x);
    expectClose(s.p, p);
    expectClose(s.mu, mu, 1e-5); // floor at 1e-6 aside
  });

  it("favours the model that explains the plots", () => {
    const filter = createImm(MODELS);
    const s = seasoned(filter, 4);
    const before = s.mu[3];
    // A plot 1.5 km off the straight line after 8 s: only the manoeuvre model reaches it.
    const z = Float64Array.of(s.x[0] + 8 * s.x[3] + 1500, s.x[1] + 8 * s.x[4] - 1000, s.x[2]);
    pdaUpdate(filter, s, 8, [{ z, r: diag3(100 ** 2, 100 ** 2, 40 ** 2), dim: 3 }], [0.7], 0.3);
    expect(s.mu[3]).toBeGreaterThan(before);
  });

  it("keeps every covariance symmetric positive definite under random plots and weights", () => {
    const filter = createImm(MODELS);
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 12, noNaN: true }),
      fc.array(fc.tuple(measurementArb, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 5 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (seed, dt, ms, b0) => {
        fc.pre(b0 + ms.reduce((a, m) => a + m[1], 0) > 0);
        const s = seasoned(filter, seed);
        const plots = ms.map(([m]) => {
          const cov = m.rho * m.se * m.sn;
          return { z: Float64Array.of(s.x[0] + dt * s.x[3] + m.de, s.x[1] + dt * s.x[4] + m.dn, s.x[2] + m.du), r: Float64Array.of(m.se ** 2, cov, 0, cov, m.sn ** 2, 0, 0, 0, 45 ** 2), dim: m.dim };
        });
        for (let scan = 0; scan < 3; scan++) {
          expect(pdaUpdate(filter, s, dt, plots, ms.map((m) => m[1]), b0)).toBeDefined();
          expectSpd(s.p);
          s.mp.forEach((m) => expectSpd(unpacked(m)));
          expect(s.mu.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
        }
      }), { numRuns: 60, seed: 13 });
  });

  it("rejects bad weights and dimensions", () => {
    const filter = createImm(MODELS);
    const s = seasoned(filter, 1);
    const m = { z: s.x.slice(0, 3), r: diag3(1e4, 1e4, 1e3), dim: 3 };
    expect(() => pdaUpdate(filter, s, 1, [m], [0.5, 0.5], 0)).toThrow(JpdaError);
    expect(() => pdaUpdate(filter, s, 1, [m], [-0.5], 1)).toThrow(JpdaError);
    expect(() => pdaUpdate(filter, s, 1, [m], [0], 0)).toThrow(JpdaError);
    expect(() => pdaUpdate(filter, s, 1, [{ ...m, dim: 4 }], [1], 0)).toThrow(JpdaError);
    expect(() => pdaUpdate(filter, s, NaN, [m], [1], 0)).toThrow(JpdaError);
    const before = clone(s);
    expect(pdaUpdate(filter, s, 1, [{ ...m, r: diag3(-1e9, 1, 1) }], [1], 0)).toBeUndefined();
    expectClose(s.x, before.x, 0);
  });
});

function inv3(m: number[][]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}
