/** The web app's pure logic, run in Node (no browser): store, symbology, geometry, formats, back-off. */
import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../web/src/connection/backoff.js";
import { feetPerMinute, formatDms, formatFlightLevel, formatUtcClock, knots } from "../../web/src/format/units.js";
import { unwrapLongitudes } from "../../web/src/map/basemap.js";
import { paddedBounds } from "../../web/src/map/map_view.js";
import type { TrackView } from "../../web/src/protocol.js";
import { deadReckon, historyDotFeatures, leaderFeatures } from "../../web/src/tracks/geometry.js";
import { appearanceOf, emergencyOf, sidcOf } from "../../web/src/tracks/symbology.js";
import { TRAIL_LENGTH, TrackStore } from "../../web/src/tracks/track_store.js";

function view(over: Partial<TrackView> = {}): TrackView {
  return {
    trackNumber: 1, status: "confirmed", time: 100, latDeg: 47, lonDeg: 28, altitudeM: 10_000,
    groundSpeedMps: 200, courseDeg: 90, verticalRateMps: 0, positionSigmaM: 50, sensors: ["20/129"],
    updates: 1, lastUpdateTime: 100, ...over,
  };
}

describe("TrackStore", () => {
  it("keeps a bounded trail and the latest data time", () => {
    const s = new TrackStore();
    for (let i = 0; i < 30; i++) s.applyUpdates([view({ lonDeg: 28 + i * 0.01, time: 100 + i })]);
    const e = s.tracks.get(1)!;
    expect(e.trail).toHaveLength(TRAIL_LENGTH);
    expect(e.trail.at(-1)).toEqual([28.29, 47]);
    expect(s.dataTime).toBe(129);
  });

  it("replaces the picture on a snapshot and removes deleted tracks", () => {
    const s = new TrackStore();
    s.applyUpdates([view({ trackNumber: 1 }), view({ trackNumber: 2 })]);
    expect(s.applySnapshot([view({ trackNumber: 2 }), view({ trackNumber: 3 })]).removed).toEqual([1]);
    expect(s.applyDeleted([3, 99]).removed).toEqual([3]);
    expect([...s.tracks.keys()]).toEqual([2]);
    expect(s.counts()).toEqual({ total: 1, confirmed: 1, tentative: 0, coasting: 0 });
  });
});

describe("symbology", () => {
  it("maps identity and status to 2525C SIDCs", () => {
    expect(appearanceOf(view({ icaoAddress: "4B1A2F" })).sidc).toBe("SNAPCF---------");
    expect(appearanceOf(view({ mode3A: "2341" })).sidc).toBe("SPAP-----------");
    expect(appearanceOf(view()).sidc).toBe("SUAP-----------");
    expect(appearanceOf(view({ status: "tentative" })).sidc).toBe("SUAA-----------");
    for (const id of ["civil", "pending", "unknown"] as const) for (const t of [true, false]) expect(sidcOf(id, t)).toHaveLength(15);
  });

  it("flags emergency squawks", () => {
    expect(emergencyOf("7500")).toBe("hijack");
    expect(emergencyOf("7600")).toBe("radio");
    expect(emergencyOf("7700")).toBe("emergency");
    expect(emergencyOf("7000")).toBeUndefined();
    expect(appearanceOf(view({ mode3A: "7700", callsign: "X" })).colour).toBe("#ff5252");
  });
});

describe("overlay geometry", () => {
  it("dead-reckons a leader along the course", () => {
    const [lon, lat] = deadReckon(view({ courseDeg: 0, groundSpeedMps: 100 }), 60);
    expect(lon).toBe(28);
    expect((lat - 47) * 111_195).toBeCloseTo(6000, -1); // 6 km north
    const [lonE] = deadReckon(view({ courseDeg: 90, groundSpeedMps: 100 }), 60);
    expect((lonE - 28) * 111_195 * Math.cos((47 * Math.PI) / 180)).toBeCloseTo(6000, -1);
  });

  it("skips leaders of stationary tracks and ages history dots", () => {
    const s = new TrackStore();
    s.applyUpdates([view({ trackNumber: 1, groundSpeedMps: 0 })]);
    s.applyUpdates([view({ trackNumber: 2 })]);
    s.applyUpdates([view({ trackNumber: 2, lonDeg: 28.1 })]);
    s.applyUpdates([view({ trackNumber: 2, lonDeg: 28.2 })]);
    const look = (e: { view: TrackView }) => appearanceOf(e.view);
    expect(leaderFeatures(s.tracks.values(), look).features.map((f) => f.properties.trackNumber)).toEqual([2]);
    const dots = historyDotFeatures(s.tracks.values(), look).features;
    expect(dots.map((d) => [d.geometry.coordinates[0], d.properties.age])).toEqual([[28, 2], [28.1, 1]]);
  });

  it("unwraps lines across the antimeridian", () => {
    expect(unwrapLongitudes([[179, 0], [-179, 1], [-178, 2]])).toEqual([[179, 0], [181, 1], [182, 2]]);
    expect(unwrapLongitudes([[-179, 0], [179, 1]])).toEqual([[-179, 0], [-181, 1]]);
  });

  it("pads the initial view", () => {
    const b = paddedBounds([{ latDeg: 47, lonDeg: 28 }], 111.2)!;
    expect(b.getNorth()).toBeCloseTo(48, 5);
    expect(b.getSouth()).toBeCloseTo(46, 5);
    expect(b.getEast()).toBeGreaterThan(29.4);
    expect(paddedBounds([], 10)).toBeUndefined();
  });
});

describe("formats and back-off", () => {
  it("converts to operator units", () => {
    expect(knots(1852 / 3600)).toBeCloseTo(1, 9);
    expect(feetPerMinute(0.3048 / 60)).toBeCloseTo(1, 9);
    expect(formatFlightLevel(35.4)).toBe("035");
    expect(formatUtcClock(Date.UTC(2025, 0, 2, 3, 4, 5) / 1000)).toBe("03:04:05Z");
    expect(formatUtcClock(Number.NaN)).toBe("--:--:--Z");
    expect(formatDms(47.5, "lat")).toBe(`47°30'00.0"N`);
    expect(formatDms(-28.25, "lon")).toBe(`028°15'00.0"W`);
    expect(formatDms(10.99999999, "lat")).toBe(`11°00'00.0"N`);
  });

  it("backs off exponentially up to a cap", () => {
    expect(backoffDelay(0, 0.5)).toBe(500);
    expect(backoffDelay(1, 0.5)).toBe(1000);
    expect(backoffDelay(10, 0.5)).toBe(10_000);
    expect(backoffDelay(10, 0)).toBe(8000);
    expect(backoffDelay(10, 0.999)).toBeLessThanOrEqual(12_000);
  });
});
