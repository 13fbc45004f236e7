/**
 * Acceptance: every scenario of the library (`scenarios/`) runs through
 * `skywatch simulate → skywatch track → skywatch evaluate` (short versions: 60 s) and produces a
 * report. Needs the built CLI (`npm test` builds first).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { skywatch } from "../cli/cli_helpers.js";
import { HAS_SHARED_DATA, REPO_ROOT, SKIP_MESSAGE } from "../shared_data.js";

const dir = join(REPO_ROOT, "scenarios");
const scenarios = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
const tmp = mkdtempSync(join(tmpdir(), "skywatch-library-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("scenario library: simulate → track → evaluate", () => {
  it("has the six scenarios of the issue", () => {
    expect(scenarios).toEqual([
      "crossing_targets.yaml", "dense_terminal.yaml", "drones_in_clutter.yaml", "manoeuvring_airliners.yaml", "moldova_two_radars_adsb.yaml", "straight_single.yaml",
    ]);
  });

  it.each(scenarios)("%s", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    if (text.includes("shared/data") && !HAS_SHARED_DATA) {
      console.warn(`${name}: ${SKIP_MESSAGE}`);
      return;
    }
    const out = join(tmp, name.replace(".yaml", ""));
    const sim = skywatch("simulate", join(dir, name), "--out", out, "--duration", "60", "--no-progress");
    expect(sim.status, sim.stderr).toBe(0);
    const radars = readdirSync(out).filter((f) => f.endsWith(".ast")).map((f) => join(out, f));
    expect(radars.length).toBeGreaterThan(0);
    const start = JSON.parse(readFileSync(join(out, "scenario.json"), "utf8")).start_time_utc_s as number;
    const date = new Date(start * 1000).toISOString().slice(0, 10);
    const trk = skywatch("track", ...radars, "--sensors", join(out, "sensors.yaml"), "--date", date, "--confirmed-only", "--out", join(out, "tracks.ndjson"));
    expect(trk.status, trk.stderr).toBe(0);
    const ev = skywatch("evaluate", "--truth", join(out, "truth.csv"), "--tracks", join(out, "tracks.ndjson"), "--report", join(out, "report"));
    expect(ev.status, ev.stderr).toBe(0);
    const html = readFileSync(join(out, "report", "report.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/(src|href)="https?:/); // self-contained
    const summary = JSON.parse(readFileSync(join(out, "report", "summary.json"), "utf8"));
    expect(Number.isFinite(summary.bench.mean_gospa)).toBe(true);
    expect(summary.bench.n_truth_targets).toBeGreaterThan(0);
    // The tracker holds most targets for most of the short run, within the cut-off.
    expect(summary.bench.n_targets_ever_assigned).toBeGreaterThan(0);
    expect(summary.accuracy.horizontalRms).toBeLessThan(1000);
    expect(existsSync(join(out, "report", "per_scan.csv"))).toBe(true);
    if (name.startsWith("moldova")) expect(readdirSync(out).some((f) => f.endsWith(".beast"))).toBe(true);
  });
});
