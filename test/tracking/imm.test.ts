/**
 * The IMM filter and its motion models: the coordinated-turn covariance prediction against the
 * dense F·P·Fᵀ + Q, the IMM with one model against the plain Kalman filter, symmetry and positive
 * definiteness under random use, model probabilities following a turn, and the out-of-sequence
 * update.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createImm, ctModel, ImmConfigError, ncvModel, DEFAULT_MOTION_MODELS, motionModelOf } from "../../src/tracking/index.js";
import { kalmanUpdate, innovation, newInnovation } from "../../src/tracking/kalman.js";
import { cholesky, unpackSymmetric } from "../../src/tracking/linalg.js";

const N = 6;

function randomSpd(seed: number): Float64Array {
  // A = L Lᵀ + εI from a deterministic pseudo-random L.
  let s = seed >>> 0 || 1;
  const rnd = (): number => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const l = new Float64Array(36);
  for (let i = 0; i < N; i++) for (let j = 0; j <= i; j++) l[i * N + j] = rnd() * (i < 3 ? 300 : 20);
  const a = new Float64Array(36);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    let v = 0;
    for (let k = 0; k < N; k++) v += l[i * N + k] * l[j * N + k];
    a[i * N + j] = v + (i === j ? 1 : 0);
  }
  return a;
}

function denseCt(omega: number, dt: number): Float64Array {
  const f = new Float64Array(36);
  const s = Math.sin(omega * dt), c = Math.cos(omega * dt);
  f[0] = 1; f[3] = s / omega; f[4] = -(1 - c) / omega;
  f[7] = 1; f[9] = (1 - c) / omega; f[10] = s / omega;
  f[14] = 1; f[17] = dt;
  f[21] = c; f[22] = -s; f[27] = s; f[28] = c; f[35] = 1;
  return f;
}

function isSymmetricPd(p: Float64Array): boolean {
  for (let i = 0; i < N; i++) for (let j = 0; j < i; j++) if (Math.abs(p[i * N + j] - p[j * N + i]) > 1e-9 * (Math.abs(p[i * N + j]) + 1)) return false;
  return cholesky(p, N, new Float64Array(36));
}

describe("coordinated-turn model", () => {
  it("predicts the covariance as the dense F·P·Fᵀ + Q", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: -0.3, max: 0.3, noNaN: true }), fc.double({ min: 0.1, max: 12, noNaN: true }), (seed, omega, dt) => {
      if (Math.abs(omega) < 1e-4) return;
      const p = randomSpd(seed);
      const m = ctModel(omega, 3, 0.5);
      const out = new Float64Array(36);
      m.predictCovariance(p, dt, out);
      const f = denseCt(omega, dt);
      const q = ncvModel(3, 0.5);
      const zero = new Float64Array(36);
      const qOnly = new Float64Array(36);
      q.predictCovariance(zero, dt, qOnly);
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
        let v = 0;
        for (let k = 0; k < N; k++) for (let l = 0; l < N; l++) v += f[i * N + k] * p[k * N + l] * f[j * N + l];
        v += qOnly[i * N + j];
        expect(out[i * N + j]).toBeCloseTo(v, 6);
      }
      const x = Float64Array.of(1000, 2000, 5000, 200, -50, 3);
      const xs = new Float64Array(6);
      m.predictState(x, dt, xs);
      for (let i = 0; i < N; i++) {
        let v = 0;
        for (let k = 0; k < N; k++) v += f[i * N + k] * x[k];
        expect(xs[i]).toBeCloseTo(v, 6);
      }
    }), { numRuns: 100, seed: 11 });
  });

  it("turns the velocity by ω·T and keeps the speed", () => {
    const m = ctModel(3 * Math.PI / 180, 0, 0);
    const out = new Float64Array(6);
    m.predictState(Float64Array.of(0, 0, 0, 200, 0, 0), 30, out);
    expect(Math.hypot(out[3], out[4])).toBeCloseTo(200, 9);
    expect(Math.atan2(out[4], out[3])).toBeCloseTo(90 * Math.PI / 180, 9);
  });
});

describe("IMM filter", () => {
  it("with one model is the plain Kalman filter", () => {
    const model = ncvModel(5, 1);
    const imm = createImm([{ model, name: "cv", sojournTime: 60, initialProbability: 1 }]);
    const x = Float64Array.of(0, 0, 1000, 100, 50, 0);
    const p = randomSpd(7);
    const s = imm.init(x, p);
    const xk = new Float64Array(6), pk = new Float64Array(36);
    model.predictState(x, 4, xk);
    model.predictCovariance(p, 4, pk);
    const z = Float64Array.of(450, 180, 1050);
    const r = Float64Array.of(2500, 100, 0, 100, 3600, 0, 0, 0, 400);
    const inn = newInnovation();
    innovation(xk, pk, z, r, 3, inn);
    kalmanUpdate(xk, pk, r, inn);
    imm.update(s, 4, z, r, 3);
    for (let i = 0; i < 6; i++) expect(s.x[i]).toBeCloseTo(xk[i], 9);
    for (let i = 0; i < 36; i++) expect(s.p[i]).toBeCloseTo(pk[i], 6);
  });

  it("keeps every covariance symmetric positive definite and the probabilities summing to 1", () => {
    const imm = createImm(DEFAULT_MOTION_MODELS.map((m) => ({ model: motionModelOf(m), name: m.name, sojournTime: m.sojournTime, initialProbability: m.initialProbability })));
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 0.1, max: 12, noNaN: true }), fc.double({ min: -3000, max: 3000, noNaN: true }), fc.double({ min: -3000, max: 3000, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 40 }), (steps) => {
      const s = imm.init(Float64Array.of(0, 0, 5000, 0, 0, 0), Float64Array.from({ length: 36 }, (_, k) => (k % 7 === 0 ? (k < 21 ? 1e6 : 6e4) : 0)));
      let t = 0;
      for (const [dt, de, dn, twoD] of steps) {
        t += dt;
        const z = Float64Array.of(s.x[0] + s.x[3] * dt + de, s.x[1] + s.x[4] * dt + dn, 5000);
        const r = Float64Array.of(90000, 2000, 0, 2000, 40000, 0, 0, 0, 250000);
        imm.update(s, dt, z, r, twoD ? 2 : 3);
        expect(isSymmetricPd(s.p)).toBe(true);
        for (const mp of s.mp) {
          const full = new Float64Array(36);
          unpackSymmetric(mp, 6, full);
          expect(isSymmetricPd(full)).toBe(true);
        }
        expect(s.mu.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }
    }), { numRuns: 60, seed: 5 });
  });

  it("moves probability to a turn model while the target turns, and back when it flies straight", () => {
    const imm = createImm(DEFAULT_MOTION_MODELS.map((m) => ({ model: motionModelOf(m), name: m.name, sojournTime: m.sojournTime, initialProbability: m.initialProbability })));
    const truth = ctModel(2 * Math.PI / 180, 0, 0);
    const cv = ncvModel(0, 0);
    let xt = Float64Array.of(0, 0, 8000, 220, 0, 0);
    const s = imm.init(xt, Float64Array.from({ length: 36 }, (_, k) => (k % 7 === 0 ? (k < 21 ? 2500 : 100) : 0)));
    const r = Float64Array.of(400, 0, 0, 0, 400, 0, 0, 0, 400);
    const step = (m: typeof cv): void => {
      const next = new Float64Array(6);
      m.predictState(xt, 4, next);
      xt = next;
      imm.update(s, 4, xt.subarray(0, 3), r, 3);
    };
    for (let k = 0; k < 15; k++) step(cv);
    expect(s.mu[0]).toBeGreaterThan(0.5); // straight: the quiet NCV
    for (let k = 0; k < 15; k++) step(truth);
    expect(s.mu[1]).toBeGreaterThan(s.mu[0]); // a left turn at 2°/s: the left-turn model
    expect(s.mu[1]).toBeGreaterThan(s.mu[2]);
  });

  it("folds in an out-of-sequence measurement: closer to the truth, covariance smaller and still positive definite", () => {
    const imm = createImm([{ model: ncvModel(1, 0.1), name: "cv", sojournTime: 60, initialProbability: 1 }]);
    const s = imm.init(Float64Array.of(500, -300, 5000, 100, 0, 0), Float64Array.from({ length: 36 }, (_, k) => (k % 7 === 0 ? (k < 21 ? 250000 : 400) : 0)));
    // Truth at t = 0 is the origin moving at 100 m/s east; the state (time 0) is 500 m off in east.
    const before = Math.hypot(s.x[0], s.x[1]);
    const traceBefore = s.p[0] + s.p[7];
    // A measurement from 2 s ago of the true position then (−200, 0).
    const res = imm.updateOutOfSequence(s, 2, Float64Array.of(-200, 0, 5000), Float64Array.of(100, 0, 0, 0, 100, 0, 0, 0, 100), 3);
    expect(res).toBeDefined();
    expect(Math.hypot(s.x[0], s.x[1])).toBeLessThan(before / 3);
    expect(s.p[0] + s.p[7]).toBeLessThan(traceBefore);
    expect(isSymmetricPd(s.p)).toBe(true);
  });

  it("refuses a configuration without models or with a non-positive sojourn time", () => {
    expect(() => createImm([])).toThrow(ImmConfigError);
    expect(() => createImm([{ model: ncvModel(1, 1), name: "cv", sojournTime: 0, initialProbability: 1 }])).toThrow(ImmConfigError);
  });
});

describe("innovation (closed-form 3×3)", () => {
  it("gives νᵀS⁻¹ν and ln det S as a direct solve does, and refuses a non-positive-definite S", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }), (seed, a, b, c) => {
      const p = randomSpd(seed);
      const x = new Float64Array(6);
      const z = Float64Array.of(a, b, c);
      const r = Float64Array.of(400, 10, 0, 10, 900, 5, 0, 5, 2500);
      const inn = newInnovation();
      expect(innovation(x, p, z, r, 3, inn)).toBe(true);
      // Direct: S = P[0:3,0:3] + R, solve S y = ν by Cramer's rule.
      const s = [0, 1, 2].map((i) => [0, 1, 2].map((j) => p[i * 6 + j] + r[i * 3 + j]));
      const det3 = (m: number[][]): number => m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
      const d = det3(s);
      const y = [0, 1, 2].map((k) => det3(s.map((row, i) => row.map((v, j) => (j === k ? z[i] : v)))) / d);
      const d2 = z[0] * y[0] + z[1] * y[1] + z[2] * y[2];
      expect(inn.d2).toBeCloseTo(d2, 6);
      expect(inn.logDetS).toBeCloseTo(Math.log(d), 9);
    }), { numRuns: 200, seed: 8 });
    const bad = new Float64Array(36);
    bad[0] = -1;
    expect(innovation(new Float64Array(6), bad, new Float64Array(3), new Float64Array(9), 3, newInnovation())).toBe(false);
  });
});

describe("vertical manoeuvre adaptation", () => {
  it("follows a climb that starts after level flight much better than the quiet models alone", () => {
    const specs = DEFAULT_MOTION_MODELS.map((m) => ({ model: motionModelOf(m), name: m.name, sojournTime: m.sojournTime, initialProbability: m.initialProbability }));
    const run = (maxScale: number): number => {
      const imm = createImm(specs, { memory: 0.5, threshold: 1.5, maxScale });
      const s = imm.init(Float64Array.of(0, 0, 3000, 200, 0, 0), Float64Array.from({ length: 36 }, (_, k) => (k % 7 === 0 ? (k < 21 ? 900 : 25) : 0)));
      const r = Float64Array.of(2500, 0, 0, 0, 2500, 0, 0, 0, 900); // Mode C: 30 m
      let h = 3000;
      let se = 0;
      for (let k = 1; k <= 60; k++) {
        const climb = k > 20 ? 12 : 0; // a 12 m/s climb starts after 80 s of level flight
        h += climb * 4;
        imm.update(s, 4, Float64Array.of(200 * 4 * k, 0, h), r, 3);
        if (k > 20) se += (s.x[2] - h) ** 2;
      }
      return Math.sqrt(se / 40); // RMS height error over the climb
    };
    const adaptive = run(400);
    const quiet = run(1);
    expect(adaptive).toBeLessThan(0.75 * quiet);
    expect(adaptive).toBeLessThan(45);
  });
});

describe("IMM state store", () => {
  const specs = DEFAULT_MOTION_MODELS.map((m) => ({ model: motionModelOf(m), name: m.name, sojournTime: m.sojournTime, initialProbability: m.initialProbability }));
  const diag = (v: number[]): Float64Array => {
    const p = new Float64Array(36);
    v.forEach((x, i) => (p[i * 7] = x));
    return p;
  };
  const r = Float64Array.of(2500, 0, 0, 0, 2500, 0, 0, 0, 900);
  function seasoned(imm: ReturnType<typeof createImm>, x0: number) {
    const s = imm.init(Float64Array.of(x0, 0, 3000, 100, 0, 0), diag([1e4, 1e4, 1e4, 400, 400, 9]));
    for (let k = 1; k <= 3; k++) imm.update(s, 4, Float64Array.of(x0 + 400 * k + 20 * k, 30 * k, 3000), r, 3);
    return s;
  }

  it("a released state keeps its content, and the slot it gave back serves a new track without aliasing", () => {
    const imm = createImm(specs);
    const a = seasoned(imm, 0);
    const b = seasoned(imm, 50_000);
    const before = a.mp.map((m) => m.slice());
    const xBefore = a.x.slice();
    const slot = a.storeSlot;
    expect(slot).toBeGreaterThanOrEqual(0);
    imm.release(a);
    expect(a.storeSlot).toBe(-1);
    a.mp.forEach((m, j) => expect([...m]).toEqual([...before[j]]));
    const c = seasoned(imm, -80_000);
    expect(c.storeSlot).toBe(slot); // recycled
    a.mp.forEach((m, j) => expect([...m]).toEqual([...before[j]])); // untouched by the new owner
    expect([...a.x]).toEqual([...xBefore]);
    expect(c.x[0]).toBeLessThan(-70_000);
    // The released state still predicts as before the release.
    const x = new Float64Array(6), p = new Float64Array(36);
    imm.predict(a, 4, x, p);
    expect(x[0]).toBeGreaterThan(1000);
    expect(b.storeSlot).not.toBe(c.storeSlot);
  });
});
