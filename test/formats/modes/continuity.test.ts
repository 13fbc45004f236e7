/**
 * The decoded positions of `raw/hex/pymodes_sample_data_adsb.csv` (406B90, 12 min of cruise
 * over Germany and the Netherlands) form one continuous plausible track.
 *
 * "No jump above 1 km between consecutive fixes" is measured against the flight itself: each
 * fix is compared with the previous fix moved on by the aircraft's own ADS-B velocity over the
 * time between them. Raw distances between consecutive fixes exceed 1 km only across
 * reception gaps of the recording (4–10 s without any position message, e.g. 1457997117 →
 * 1457997127), which the test lists; across those the aircraft simply flew on at ~480 kt.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { distanceDeg } from "../../../src/formats/modes/index.js";
import { readModeSFile } from "../../../src/sources/index.js";
import type { AdsbReport } from "../../../src/types/index.js";
import { SHARED_DATA } from "../../shared_data.js";

const FILE = resolve(SHARED_DATA, "adsb/raw/hex/pymodes_sample_data_adsb.csv");
const RAD = 180 / Math.PI;
const R = 6371008.8;

describe.skipIf(!existsSync(FILE))("pyModeS ADS-B sample as a track", () => {
  it("is one continuous plausible track", async () => {
    const reports: AdsbReport[] = [];
    for await (const r of readModeSFile(FILE)) if (r.kind === "adsb") reports.push(r);
    const positionMessages = readFileSync(FILE, "utf8").trim().split("\n").filter((l) => l.endsWith(",11")).length;
    expect(positionMessages).toBe(937);
    // Every position message decodes except the first four, which are all odd frames (no
    // even/odd pair before the first even frame at 1457996402).
    expect(reports.length).toBe(positionMessages - 4);
    let maxResidual = 0;
    const gaps: string[] = [];
    for (let i = 1; i < reports.length; i++) {
      const a = reports[i - 1];
      const b = reports[i];
      const pa = a.position!;
      const pb = b.position!;
      const dt = b.time - a.time;
      const step = distanceDeg(pa.lat * RAD, pa.lon * RAD, pb.lat * RAD, pb.lon * RAD);
      // Dead reckoning from the previous fix with its velocity (east/north, m/s).
      const v = a.velocity ?? b.velocity!;
      const lat = pa.lat + (v.north * dt) / R;
      const lon = pa.lon + (v.east * dt) / (R * Math.cos(pa.lat));
      const residual = distanceDeg(lat * RAD, lon * RAD, pb.lat * RAD, pb.lon * RAD);
      maxResidual = Math.max(maxResidual, residual);
      if (step > 1000) gaps.push(`${a.time}→${b.time} (${dt} s without position): ${step.toFixed(0)} m, ${residual.toFixed(0)} m off the dead-reckoned position`);
    }
    console.log(`consecutive fixes farther than 1 km apart, all across reception gaps:\n${gaps.join("\n")}`);
    // Whole-second timestamps allow ±1 s of flight (≈ 250 m) on top of the CPR resolution.
    expect(maxResidual).toBeLessThan(1000);
    for (const g of gaps) expect(Number(/\((\d+) s/.exec(g)![1])).toBeGreaterThanOrEqual(4);
    const first = reports[0].position!;
    const last = reports[reports.length - 1].position!;
    expect(first.lat * RAD).toBeCloseTo(51.15, 1);
    expect(first.lon * RAD).toBeCloseTo(7.24, 1);
    expect(last.lat * RAD).toBeCloseTo(51.7, 1);
    expect(last.lon * RAD).toBeCloseTo(4.77, 1);
    expect(reports.at(-1)!.callsign).toBe("EZY85MH");
    expect(reports.every((r) => Math.abs(r.pressureAltitude! - 36000 * 0.3048) < 300)).toBe(true);
  });
});
