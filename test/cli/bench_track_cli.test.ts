/**
 * `skywatch simulate` → `bench-track` / `track` through the real CLI: the simulator's neutral
 * output is tracked, the ADS-B recording (Beast) is read by `track`, outputs never overwrite
 * inputs, tracker option mistakes are one-line errors, and output directories that cannot exist
 * are refused instead of hanging.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../shared_data.js";
import { skywatch } from "./cli_helpers.js";

describe("bench-track and track on simulated data", () => {
  const dir = mkdtempSync(join(tmpdir(), "skywatch-bt-"));
  const sim = join(dir, "sim");
  beforeAll(() => {
    const r = skywatch("simulate", join(REPO_ROOT, "scenarios/moldova_two_radars_adsb.yaml"), "--out", sim, "--duration", "120");
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it("tracks the neutral detections and writes tracks.csv and timing.json", () => {
    const out = join(dir, "bt", "tracks.csv");
    const r = skywatch("bench-track", sim, "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const rows = readFileSync(out, "utf8").trim().split("\n");
    expect(rows[0].startsWith("time_s,track_id,east_m,north_m,up_m")).toBe(true);
    expect(rows.length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(join(dir, "bt", "timing.json"), "utf8")).n_detections).toBeGreaterThan(0);
  });

  it("refuses to write over an input", () => {
    const r = skywatch("bench-track", sim, "--out", join(sim, "detections.csv"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is also an input: refusing to overwrite it/);
    expect(readFileSync(join(sim, "detections.csv"), "utf8").startsWith("time_s,scan,range_m")).toBe(true);
  });

  it("names a tracker option mistake in one line", () => {
    for (const [opt, msg] of [['{"confirmhits":2}', /confirmhits: unknown tracker option/], ['{"associator":"foo"}', /associator: must be/], ['{"estimateBiases":1}', /must be true or false/]] as const) {
      const r = skywatch("bench-track", sim, "--out", join(dir, "x", "t.csv"), "--tracker-options", opt);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.split("\n").filter((l) => l.trim() !== "")).toHaveLength(1);
    }
  });

  it("refuses an output directory under a regular file instead of failing late or hanging", () => {
    writeFileSync(join(dir, "afile"), "x");
    const r = skywatch("bench-track", sim, "--out", join(dir, "afile", "t.csv"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not a directory/);
  });

  it("track reads the radars' ASTERIX and the ADS-B station's Beast recording together", () => {
    const r = skywatch("track", join(sim, "radar-98-1.ast"), join(sim, "radar-98-2.ast"), join(sim, "adsb-98-10.beast"),
      "--sensors", join(sim, "sensors.yaml"), "--date", "2025-06-01", "--confirmed-only", "--out", join(dir, "tracks.ndjson"));
    expect(r.status, r.stderr).toBe(0);
    const stats = JSON.parse(/tracker: (\{.*?\});/.exec(r.stderr)![1]) as { adsbProcessed: number; plotsProcessed: number };
    expect(stats.adsbProcessed).toBeGreaterThan(1000);
    expect(stats.plotsProcessed).toBeGreaterThan(500);
  });
});
