/**
 * The analytic Jacobian of the polar → system-plane conversion against central differences of
 * the conversion itself, over radars anywhere within 400 km of the system origin.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEG, destination, fromDegrees, polarElevationToGeodetic, polarToGeodetic, STANDARD_K } from "../../src/geo/index.js";
import { polarJacobian } from "../../src/tracking/measurement.js";
import { systemFrame } from "../../src/tracking/index.js";
import type { Geodetic } from "../../src/types/index.js";

/** The conversion chain of `measurement.ts`, through WGS-84, for differencing. */
function convert(site: Geodetic, frame: ReturnType<typeof systemFrame>, useElevation: boolean, rho: number, az: number, third: number): Float64Array {
  const g = useElevation ? polarElevationToGeodetic(site, { range: rho, azimuth: az, elevation: third }, STANDARD_K) : polarToGeodetic(site, rho, az, third, STANDARD_K);
  const out = new Float64Array(3);
  frame.toSystem(g, out);
  return out;
}

function centralDifferences(site: Geodetic, frame: ReturnType<typeof systemFrame>, useElevation: boolean, rho: number, az: number, third: number): number[] {
  const steps = [1, 1e-7, useElevation ? 1e-7 : 1];
  const jac = new Array<number>(9).fill(0);
  for (let c = 0; c < 3; c++) {
    const h = steps[c];
    const at = (sign: number): Float64Array =>
      convert(site, frame, useElevation, rho + (c === 0 ? sign * h : 0), az + (c === 1 ? sign * h : 0), third + (c === 2 ? sign * h : 0));
    const plus = at(1), minus = at(-1);
    for (let i = 0; i < 3; i++) jac[i * 3 + c] = (plus[i] - minus[i]) / (2 * h);
  }
  return jac;
}

describe("polarJacobian", () => {
  it("agrees with central differences of the conversion for radars on and off the origin", () => {
    const origin = fromDegrees(47, 28.9, 0);
    const frame = systemFrame(origin);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400_000, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 2000, max: 450_000, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (offset, bearing, siteHeight, rho, az, useElevation, u, atOrigin) => {
          const ground = atOrigin ? origin : destination(origin, bearing, offset, 0);
          const site = { lat: ground.lat, lon: ground.lon, height: siteHeight };
          // A height the slant range can reach, or an elevation from −0.5° to 30°.
          const third = useElevation ? (-0.5 + 30.5 * u) * DEG : siteHeight + (u - 0.5) * Math.min(rho * 0.6, 30_000);
          const z = convert(site, frame, useElevation, rho, az, third);
          const jac = new Float64Array(9);
          polarJacobian(site, frame, STANDARD_K, useElevation, rho, az, third, z, jac);
          const ref = centralDifferences(site, frame, useElevation, rho, az, third);
          for (let c = 0; c < 3; c++) {
            const norm = Math.hypot(ref[c], ref[3 + c], ref[6 + c]);
            for (let i = 0; i < 3; i++) expect(Math.abs(jac[i * 3 + c] - ref[i * 3 + c])).toBeLessThanOrEqual(2e-5 * norm + 1e-9);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("holds a height beyond the slant range's reach at zero elevation, as the conversion does", () => {
    const origin = fromDegrees(47, 28.9, 0);
    const frame = systemFrame(origin);
    const site = { ...destination(origin, 1, 100_000, 0), height: 300 };
    const rho = 5000, az = 0.7, height = 12_000; // 12 km up at 5 km slant range: impossible
    const z = convert(site, frame, false, rho, az, height);
    const jac = new Float64Array(9);
    polarJacobian(site, frame, STANDARD_K, false, rho, az, height, z, jac);
    const ref = centralDifferences(site, frame, false, rho, az, height);
    expect(Math.abs(jac[2])).toBe(0); // the height moves nothing on the ground
    expect(Math.abs(jac[5])).toBe(0);
    for (let i = 0; i < 9; i++) expect(Math.abs(jac[i] - ref[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ref[i])));
  });
});
