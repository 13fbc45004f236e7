/**
 * The system frame: WGS-84 ⇄ plane-and-height round trip, ground distances along radials equal
 * to the plane's, and velocities turned into local ENU agreeing with a finite displacement.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEG, fromDegrees, inverseSphere, gaussianRadius } from "../../src/geo/index.js";
import { systemFrame } from "../../src/tracking/index.js";

const ORIGIN = fromDegrees(47, 28.9, 180);
const frame = systemFrame(ORIGIN);

describe("system frame", () => {
  it("round-trips WGS-84 positions within 300 km to the millimetre", () => {
    fc.assert(fc.property(fc.double({ min: -3e5, max: 3e5, noNaN: true }), fc.double({ min: -3e5, max: 3e5, noNaN: true }), fc.double({ min: -100, max: 20_000, noNaN: true }), (x, y, h) => {
      const g = frame.toGeodetic(x, y, h);
      const out = new Float64Array(3);
      frame.toSystem(g, out);
      expect(Math.hypot(out[0] - x, out[1] - y)).toBeLessThan(1e-3);
      expect(out[2]).toBe(h);
      // Distance from the origin in the plane = great-circle distance on the projection sphere.
      expect(inverseSphere(ORIGIN, g).angle * gaussianRadius(ORIGIN.lat)).toBeCloseTo(Math.hypot(x, y), 3);
    }), { numRuns: 300, seed: 2 });
  });

  it("turns plane velocities into local ENU like a one-second displacement does", () => {
    fc.assert(fc.property(
      fc.double({ min: -3e5, max: 3e5, noNaN: true }), fc.double({ min: -3e5, max: 3e5, noNaN: true }),
      fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: 1, max: 300, noNaN: true }),
      (x, y, vx, vy) => {
        const s = Float64Array.of(x, y, 9000, vx, vy, 5);
        const v = frame.velocityToEnu(s);
        const g1 = frame.toGeodetic(x, y, 9000);
        // A 1 km displacement along the velocity (long enough for the reference to be precise).
        const tau = 1000 / Math.max(Math.hypot(vx, vy), 1e-9);
        const g2 = frame.toGeodetic(x + vx * tau, y + vy * tau, 9000);
        const { angle, bearing } = inverseSphere(g1, g2);
        const d = (angle * frame.radius) / tau; // the projection sphere
        const want = { east: d * Math.sin(bearing), north: d * Math.cos(bearing) };
        // Within the projection's tangential scale error θ/sin θ − 1 (< 0.08 % within 424 km) plus rounding.
        expect(Math.hypot(v.east - want.east, v.north - want.north)).toBeLessThan(1e-3 * Math.hypot(vx, vy) + 1e-3);
        expect(v.up).toBe(5);
      }), { numRuns: 300, seed: 3 });
    expect(DEG).toBeGreaterThan(0);
  });
});
