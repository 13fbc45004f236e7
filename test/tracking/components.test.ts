import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { PlotReport } from "../../src/types/index.js";
import { DEG, enuFrame, geodeticToEnu, geodeticToPolar } from "../../src/geo/index.js";
import { chiSquareCdf, chiSquareGate, chiSquareQuantile, convertPlot, ncvModel, systemFrame } from "../../src/tracking/index.js";
import { innovation, kalmanUpdate, newInnovation } from "../../src/tracking/kalman.js";
import { preGate } from "../../src/tracking/gating.js";
import { cholesky } from "../../src/tracking/linalg.js";
import { SITE } from "./sim.js";

const sigmas = { range: 50, azimuth: 0.08 * DEG };
const mopts = { k: 4 / 3, modeCSigma: 30, height3DSigma: 500 };

describe("chi-square gate", () => {
  it("matches tabulated quantiles", () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841459, 5);
    expect(chiSquareQuantile(0.99, 2)).toBeCloseTo(9.210340, 5);
    expect(chiSquareQuantile(0.99, 3)).toBeCloseTo(11.344867, 5);
    expect(chiSquareQuantile(0.999, 3)).toBeCloseTo(16.266236, 5);
    expect(chiSquareCdf(7.814728, 3)).toBeCloseTo(0.95, 6);
  });
  it("rejects invalid probabilities", () => {
    expect(() => chiSquareQuantile(1, 2)).toThrow(RangeError);
    expect(() => chiSquareQuantile(0.5, 0)).toThrow(RangeError);
  });
  it("pre-gate never rejects a pair the full gate accepts", () => {
    const gamma = chiSquareGate(0.999).threshold[2];
    fc.assert(fc.property(
      fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }),
      fc.double({ min: 10, max: 500, noNaN: true }), fc.double({ min: 10, max: 500, noNaN: true }),
      fc.double({ min: -0.95, max: 0.95, noNaN: true }),
      (dx, dy, sx, sy, rho) => {
        const s = [sx * sx, rho * sx * sy, rho * sx * sy, sy * sy];
        const det = s[0] * s[3] - s[1] * s[2];
        const d2 = (s[3] * dx * dx - 2 * s[1] * dx * dy + s[0] * dy * dy) / det;
        if (d2 <= gamma) {
          expect(preGate(dx, s[0] / 2, s[0] / 2, gamma)).toBe(true);
          expect(preGate(dy, s[3], 0, gamma)).toBe(true);
        }
      }), { numRuns: 300, seed: 3 });
  });
});

describe("converted measurement (4/3 earth)", () => {
  const frame = systemFrame(SITE);
  const sys = (g: { lat: number; lon: number; height: number }): { east: number; north: number; up: number } => {
    const o = new Float64Array(3);
    frame.toSystem(g, o);
    return { east: o[0], north: o[1], up: o[2] };
  };
  it("places a noiseless Mode C plot on the target, with a consistent covariance", () => {
    fc.assert(fc.property(
      fc.double({ min: 5_000, max: 250_000, noNaN: true }), fc.double({ min: 0, max: 6.28, noNaN: true }),
      fc.double({ min: 500, max: 12_000, noNaN: true }),
      (ground, az, h) => {
        const target = { lat: SITE.lat + (ground * Math.cos(az)) / 6.37e6, lon: SITE.lon + (ground * Math.sin(az)) / (6.37e6 * Math.cos(SITE.lat)), height: h };
        const pol = geodeticToPolar(SITE, target);
        const plot: PlotReport = { kind: "plot", sensorId: "x", time: 0, range: pol.range, azimuth: pol.azimuth, detection: "ssr",
          modeC: { pressureAltitude: h, validated: true, garbled: false } };
        const c = convertPlot(plot, SITE, sigmas, frame, mopts, { height: 0, sigma: 1 });
        const want = sys(target);
        expect(c.dim).toBe(3);
        expect(c.heightSource).toBe("modeC");
        expect(Math.hypot(c.z[0] - want.east, c.z[1] - want.north, c.z[2] - want.up)).toBeLessThan(0.5);
        // Symmetric positive definite; horizontal spread ≈ range and cross-range sigmas.
        expect(c.r[1]).toBeCloseTo(c.r[3], 6);
        expect(cholesky(c.r, 3, new Float64Array(9))).toBe(true);
        const trace = c.r[0] + c.r[4];
        // Flat-earth approximation at fixed height: d = √(ρ² − Δh²), so ∂d/∂ρ = ρ/d, ∂d/∂h = −Δh/d.
        const d = Math.sqrt(pol.range ** 2 - (h - SITE.height) ** 2);
        const expected = (sigmas.range * pol.range / d) ** 2 + (pol.range * sigmas.azimuth) ** 2 + ((h - SITE.height) / d * 30) ** 2;
        expect(trace).toBeGreaterThan(0.9 * expected);
        expect(trace).toBeLessThan(1.1 * expected);
      }), { numRuns: 100, seed: 9 });
  });

  it("converts a 3D-radar elevation plot and a 2D plot at the assumed height", () => {
    const target = { lat: SITE.lat + 0.5 * DEG, lon: SITE.lon + 0.3 * DEG, height: 6_000 };
    const pol = geodeticToPolar(SITE, target);
    const base = { kind: "plot" as const, sensorId: "x", time: 0, range: pol.range, azimuth: pol.azimuth, detection: "psr" as const };
    const want = sys(target);
    const c3 = convertPlot({ ...base, elevation: pol.elevation }, SITE, { ...sigmas, elevation: 0.2 * DEG }, frame, mopts, { height: 0, sigma: 1 });
    expect(c3.dim).toBe(3);
    expect(c3.heightSource).toBe("elevation");
    expect(c3.height).toBeCloseTo(6_000, 0);
    expect(Math.hypot(c3.z[0] - want.east, c3.z[1] - want.north, c3.z[2] - want.up)).toBeLessThan(1);
    // Height sigma ≈ range × elevation sigma.
    expect(Math.sqrt(c3.r[8])).toBeGreaterThan(0.7 * pol.range * 0.2 * DEG);
    const c2 = convertPlot(base, SITE, sigmas, frame, mopts, { height: 6_000, sigma: 1_000 });
    expect(c2.dim).toBe(2);
    expect(c2.heightSource).toBe("assumed");
    expect(Math.hypot(c2.z[0] - want.east, c2.z[1] - want.north)).toBeLessThan(1);
    const wrong = convertPlot(base, SITE, sigmas, frame, mopts, { height: 1_000, sigma: 1_000 });
    expect(Math.hypot(wrong.z[0] - want.east, wrong.z[1] - want.north)).toBeGreaterThan(50);
  });
});

describe("unscented conversion", () => {
  const frame = systemFrame(SITE);
  it("agrees with the linearised conversion where the polar error ellipse is nearly flat, and is symmetric positive definite", () => {
    fc.assert(fc.property(
      fc.double({ min: 5_000, max: 250_000, noNaN: true }), fc.double({ min: 0, max: 6.28, noNaN: true }), fc.double({ min: 500, max: 12_000, noNaN: true }),
      (ground, az, h) => {
        const target = { lat: SITE.lat + (ground * Math.cos(az)) / 6.37e6, lon: SITE.lon + (ground * Math.sin(az)) / (6.37e6 * Math.cos(SITE.lat)), height: h };
        const pol = geodeticToPolar(SITE, target);
        const plot: PlotReport = { kind: "plot", sensorId: "x", time: 0, range: pol.range, azimuth: pol.azimuth, detection: "ssr", elevation: pol.elevation };
        const s3 = { ...sigmas, elevation: 0.2 * DEG };
        const lin = convertPlot(plot, SITE, s3, frame, mopts, { height: 0, sigma: 1 });
        const ut = convertPlot(plot, SITE, s3, frame, { ...mopts, conversion: "unscented" }, { height: 0, sigma: 1 });
        // The means differ by the conversion bias only: a fraction of the cross-range sigma.
        const cross = pol.range * sigmas.azimuth;
        expect(Math.hypot(ut.z[0] - lin.z[0], ut.z[1] - lin.z[1])).toBeLessThan(0.05 * cross + 1);
        expect(cholesky(ut.r, 3, new Float64Array(9))).toBe(true);
        expect(ut.r[1]).toBeCloseTo(ut.r[3], 6);
        const tl = lin.r[0] + lin.r[4], tu = ut.r[0] + ut.r[4];
        expect(tu / tl).toBeGreaterThan(0.9);
        expect(tu / tl).toBeLessThan(1.1);
      }), { numRuns: 100, seed: 4 });
  });
});

describe("NCV model and Kalman update", () => {
  it("predicts the covariance as F P Fᵀ + Q", () => {
    const m = ncvModel(20, 1);
    const p = new Float64Array(36);
    // A random SPD matrix: A Aᵀ
    const a = Array.from({ length: 36 }, (_, i) => Math.sin(i * 1.7) * 10);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) {
      let s = 0;
      for (let k = 0; k < 6; k++) s += a[i * 6 + k] * a[j * 6 + k];
      p[i * 6 + j] = s;
    }
    const dt = 3.7;
    const f = (i: number, j: number): number => (i === j ? 1 : j === i + 3 ? dt : 0);
    const q = (i: number, j: number): number => {
      const qq = [20, 20, 1];
      if (i % 3 !== j % 3) return 0;
      const ax = qq[i % 3];
      if (i < 3 && j < 3) return (ax * dt ** 3) / 3;
      if (i >= 3 && j >= 3) return ax * dt;
      return (ax * dt ** 2) / 2;
    };
    const out = new Float64Array(36);
    m.predictCovariance(p, dt, out);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) {
      let s = 0;
      for (let k = 0; k < 6; k++) for (let l = 0; l < 6; l++) s += f(i, k) * p[k * 6 + l] * f(j, l);
      expect(out[i * 6 + j]).toBeCloseTo(s + q(i, j), 6);
    }
    expect(m.predictedVariance(p, 1, dt)).toBeCloseTo(out[7], 6);
  });

  it("pulls the state towards the measurement and shrinks the covariance (Joseph form stays symmetric PD)", () => {
    const x = new Float64Array([0, 0, 1000, 100, 0, 0]);
    const p = new Float64Array(36);
    for (let i = 0; i < 3; i++) p[i * 7] = 200 ** 2;
    for (let i = 3; i < 6; i++) p[i * 7] = 50 ** 2;
    const z = new Float64Array([100, -50, 1010]);
    const r = new Float64Array([50 ** 2, 0, 0, 0, 80 ** 2, 0, 0, 0, 30 ** 2]);
    const inn = newInnovation();
    expect(innovation(x, p, z, r, 3, inn)).toBe(true);
    expect(inn.d2).toBeCloseTo(100 ** 2 / (200 ** 2 + 50 ** 2) + 50 ** 2 / (200 ** 2 + 80 ** 2) + 10 ** 2 / (200 ** 2 + 30 ** 2), 9);
    const before = p.slice();
    kalmanUpdate(x, p, r, inn);
    expect(x[0]).toBeGreaterThan(90);
    expect(x[0]).toBeLessThan(100);
    for (let i = 0; i < 3; i++) expect(p[i * 7]).toBeLessThan(r[i * 4]);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(p[i * 6 + j]).toBe(p[j * 6 + i]);
    expect(cholesky(p, 6, new Float64Array(36))).toBe(true);
    expect(p[3 * 7]).toBe(before[3 * 7]); // uncorrelated velocity untouched
    // 2D update leaves up alone.
    const x2 = new Float64Array([0, 0, 1000, 0, 0, 0]);
    const p2 = before.slice();
    expect(innovation(x2, p2, z, r, 2, inn)).toBe(true);
    kalmanUpdate(x2, p2, r, inn);
    expect(x2[2]).toBe(1000);
    expect(p2[14]).toBe(before[14]);
  });
});
