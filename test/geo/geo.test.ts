import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEG, ecefToGeodetic, enuFrame, enuToGeodetic, geodeticToEcef, geodeticToEnu,
  geodeticToPolar, polarToGeodetic, polarElevationToGeodetic, STANDARD_K, gaussianRadius,
} from "../../src/geo/index.js";

describe("WGS-84", () => {
  it("round-trips geodetic → ECEF → geodetic", () => {
    fc.assert(fc.property(
      fc.double({ min: -89.9, max: 89.9, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -500, max: 30000, noNaN: true }),
      (lat, lon, h) => {
        const p = { lat: lat * DEG, lon: lon * DEG, height: h };
        const q = ecefToGeodetic(geodeticToEcef(p));
        expect(Math.abs(q.lat - p.lat)).toBeLessThan(1e-11);
        expect(Math.abs(Math.sin(q.lon - p.lon))).toBeLessThan(1e-11);
        expect(Math.abs(q.height - p.height)).toBeLessThan(1e-4);
      }));
  });
  it("puts the equator/prime meridian at (a, 0, 0)", () => {
    const e = geodeticToEcef({ lat: 0, lon: 0, height: 0 });
    expect(e.x).toBeCloseTo(6378137, 6);
  });
  it("round-trips ENU", () => {
    const f = enuFrame({ lat: 47 * DEG, lon: 28.8 * DEG, height: 100 });
    const p = { lat: 47.5 * DEG, lon: 29.3 * DEG, height: 9000 };
    const q = enuToGeodetic(geodeticToEnu(p, f), f);
    expect(q.lat).toBeCloseTo(p.lat, 12);
    expect(q.height).toBeCloseTo(p.height, 4);
  });
});

describe("radar geometry (4/3 earth)", () => {
  const site = { lat: 47.0 * DEG, lon: 28.85 * DEG, height: 150 };
  it("inverts: polar → geodetic → polar", () => {
    fc.assert(fc.property(
      fc.double({ min: 1000, max: 250000, noNaN: true }), fc.double({ min: 0, max: 6.28, noNaN: true }),
      fc.double({ min: 0, max: 15000, noNaN: true }),
      (range, az, h) => {
        const t = polarToGeodetic(site, range, az, h);
        const m = geodeticToPolar(site, t);
        if (Math.abs(h - site.height) < 0.9 * range) {
          expect(Math.abs(m.range - range)).toBeLessThan(1e-3);
        }
      }));
  });
  it("sees the radio horizon at √(2kRh)", () => {
    const r = gaussianRadius(site.lat) * STANDARD_K;
    const hz = Math.sqrt(2 * r * site.height);
    const p = polarElevationToGeodetic(site, { range: hz, azimuth: 0, elevation: -Math.acos(r / (r + site.height)) });
    expect(Math.abs(p.height)).toBeLessThan(1);
  });
});
