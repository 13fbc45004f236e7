import { describe, expect, it } from "vitest";
import { fromDegrees } from "../../src/geo/index.js";
import {
  flightLevelOf,
  formatIcaoAddress,
  formatMode3A,
  mapCentreOf,
  toSensorView,
  toTrackView,
} from "../../src/server/index.js";
import type { SystemTrack } from "../../src/types/index.js";

function track(over: Partial<SystemTrack> = {}): SystemTrack {
  return {
    trackNumber: 7,
    status: "confirmed",
    time: 1_700_000_000.5,
    position: fromDegrees(47.123456789, 28.987654321, 10_000),
    velocity: { east: -100, north: -100, up: 2.5 },
    positionSigma: 85.25,
    pressureAltitude: 35_000 * 0.3048,
    identity: { icaoAddress: 0x4b1a2f, mode3A: 0o7700, callsign: "WZZ4417 " },
    sensors: ["20/129"],
    updates: 12,
    lastUpdateTime: 1_700_000_000,
    ...over,
  };
}

describe("protocol conversions", () => {
  it("converts a track to edge units", () => {
    const v = toTrackView(track());
    expect(v.latDeg).toBeCloseTo(47.123457, 6);
    expect(v.lonDeg).toBeCloseTo(28.987654, 6);
    expect(v.altitudeM).toBe(10_000);
    expect(v.flightLevel).toBe(350);
    expect(v.groundSpeedMps).toBeCloseTo(141.4, 1);
    expect(v.courseDeg).toBeCloseTo(225, 1); // south-west
    expect(v.verticalRateMps).toBe(2.5);
    expect(v.mode3A).toBe("7700");
    expect(v.icaoAddress).toBe("4B1A2F");
    expect(v.callsign).toBe("WZZ4417");
    expect(v.sensors).toEqual(["20/129"]);
    expect(v.updates).toBe(12);
    expect(v.lastUpdateTime).toBe(1_700_000_000);
    expect(v.positionSigmaM).toBe(85.3);
  });

  it("omits unknown identity and keeps the JSON finite", () => {
    const v = toTrackView(
      track({ identity: {}, pressureAltitude: undefined, velocity: { east: NaN, north: Infinity, up: NaN } }),
    );
    expect(v.mode3A).toBeUndefined();
    expect(v.icaoAddress).toBeUndefined();
    expect(v.callsign).toBeUndefined();
    expect(v.flightLevel).toBeUndefined();
    expect(v.groundSpeedMps).toBe(0);
    expect(JSON.stringify(v)).not.toMatch(/null|NaN|Infinity/);
  });

  it("keeps course in [0, 360)", () => {
    expect(toTrackView(track({ velocity: { east: -1e-9, north: 100, up: 0 } })).courseDeg).toBe(0);
    expect(toTrackView(track({ velocity: { east: 100, north: 0, up: 0 } })).courseDeg).toBe(90);
  });

  it("formats codes", () => {
    expect(formatMode3A(0)).toBe("0000");
    expect(formatMode3A(0o1200)).toBe("1200");
    expect(formatIcaoAddress(0xabc)).toBe("000ABC");
    expect(flightLevelOf(1000 * 0.3048)).toBe(10);
  });

  it("converts sensors and finds a map centre", () => {
    const s = toSensorView({ id: "1/2", name: "R", site: fromDegrees(47, 28, 100), sigmas: { range: 1, azimuth: 1 }, rotationPeriod: 4 });
    expect(s).toEqual({ id: "1/2", name: "R", latDeg: 47, lonDeg: 28, altitudeM: 100, rotationPeriodS: 4 });
    expect(mapCentreOf([], [])).toEqual({ latDeg: 0, lonDeg: 0 });
    const c = mapCentreOf([{ latDeg: 10, lonDeg: 179 }, { latDeg: 20, lonDeg: -179 }], []);
    expect(c.latDeg).toBe(15);
    expect(Math.abs(c.lonDeg)).toBeCloseTo(180, 5);
    expect(mapCentreOf([], [{ latDeg: 1, lonDeg: 2 }])).toEqual({ latDeg: 1, lonDeg: 2 });
  });
});
