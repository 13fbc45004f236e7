/**
 * ADS-B reports in the tracker: WGS-84 positions converted to the system frame, association by
 * ICAO address first, one sensor per receiver, and a real recording (pyModeS sample, 406B90)
 * giving one continuous confirmed track.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fromDegrees } from "../../src/geo/index.js";
import { readModeSFile } from "../../src/sources/index.js";
import { createTracker } from "../../src/tracking/index.js";
import type { AdsbReport, SensorReport } from "../../src/types/index.js";
import { SHARED_DATA } from "../shared_data.js";

const DEG = Math.PI / 180;

/**
 * A straight eastbound flight at 200 m/s passing (lat0 N, 28.8 E) at t = 1000 s, FL300, heard
 * `n` times every `dt` s from `first`.
 */
function flight(icao: number, sensorId: string, n: number, dt: number, first = 1000, lat0 = 47): AdsbReport[] {
  const out: AdsbReport[] = [];
  for (let i = 0; i < n; i++) {
    const t = first + i * dt;
    const lon = 28.8 + (200 * (t - 1000)) / (6371000 * Math.cos(lat0 * DEG)) / DEG;
    out.push({
      kind: "adsb", sensorId, time: t, icaoAddress: icao, source: "adsb",
      position: { lat: lat0 * DEG, lon: lon * DEG, height: 9144 }, heightType: "barometric", pressureAltitude: 9144,
      velocity: { east: 200, north: 0, up: 0 }, positionSigma: 10, callsign: "TEST1",
    });
  }
  return out;
}

describe("tracker with ADS-B", () => {
  it("one aircraft heard by two receivers is one track; another address another track", () => {
    const tracker = createTracker([], { origin: fromDegrees(47, 28.8, 0) });
    const a = flight(0x4a0001, "adsb:roof", 20, 1);
    const b = flight(0x4a0001, "adsb:tower", 20, 1, 1000.5);
    const c = flight(0x4a0002, "adsb:roof", 20, 1, 1000, 47.2);
    const all: SensorReport[] = [...a, ...b, ...c].sort((x, y) => x.time - y.time);
    for (const r of all) tracker.process(r);
    const tracks = tracker.tracks();
    expect(tracks.length).toBe(2);
    const t1 = tracks.find((t) => t.identity.icaoAddress === 0x4a0001)!;
    expect(t1.status).toBe("confirmed");
    expect(t1.sensors.sort()).toEqual(["adsb:roof", "adsb:tower"]);
    expect(t1.identity.callsign).toBe("TEST1");
    expect(t1.velocity.east).toBeCloseTo(200, -1);
    expect(t1.pressureAltitude).toBeCloseTo(9144, 0);
    expect(Math.abs(t1.position.height - 9144)).toBeLessThan(60);
    const last = b.at(-1)!.position!;
    expect(Math.abs(t1.position.lon - last.lon) / DEG).toBeLessThan(0.01);
    expect(tracker.stats()).toMatchObject({ adsbProcessed: 60, adsbInvalid: 0, tracksInitiated: 2 });
    expect(tracker.stats().adsbByAddress).toBe(58);
  });

  it("skips reports without a finite position and counts them", () => {
    const tracker = createTracker([], { origin: fromDegrees(47, 28.8, 0) });
    const r = flight(1, "adsb:x", 1, 1)[0];
    expect(tracker.process({ ...r, position: { lat: NaN, lon: 0, height: 0 } })).toEqual([]);
    expect(tracker.process({ ...r, position: undefined })).toEqual([]);
    expect(tracker.stats().adsbInvalid).toBe(2);
  });

  it("restarts the track of an address reported far from its prediction", () => {
    const tracker = createTracker([], { origin: fromDegrees(47, 28.8, 0) });
    for (const r of flight(7, "adsb:x", 5, 1)) tracker.process(r);
    const jump = flight(7, "adsb:x", 1, 1, 1005, 48)[0];
    const ups = tracker.process(jump);
    expect(ups.some((u) => u.event === "updated")).toBe(true);
    expect(tracker.tracks().length).toBe(1);
    expect(tracker.stats().tracksReacquired).toBe(1);
    expect(tracker.tracks()[0].position.lat / DEG).toBeCloseTo(48, 2);
  });

  const FILE = resolve(SHARED_DATA, "adsb/raw/hex/pymodes_sample_data_adsb.csv");
  it.skipIf(!existsSync(FILE))("the pyModeS recording gives one confirmed track of 406B90", async () => {
    const reports: SensorReport[] = [];
    for await (const r of readModeSFile(FILE)) reports.push(r);
    const first = reports.find((r) => r.kind === "adsb") as AdsbReport;
    const tracker = createTracker([], { origin: { ...first.position!, height: 0 } });
    const numbers = new Set<number>();
    for (const r of reports) for (const u of tracker.process(r)) numbers.add(u.track.trackNumber);
    expect(numbers.size).toBe(1);
    const t = tracker.tracks()[0];
    expect(t.status).toBe("confirmed");
    expect(t.identity).toMatchObject({ icaoAddress: 0x406b90, callsign: "EZY85MH" });
    expect(Math.hypot(t.velocity.east, t.velocity.north)).toBeGreaterThan(200);
    expect(tracker.stats().tracksReacquired).toBe(0);
  });
});
