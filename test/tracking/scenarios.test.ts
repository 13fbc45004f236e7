import { describe, expect, it } from "vitest";
import type { Geodetic, PlotReport, SensorReport, TrackUpdate } from "../../src/types/index.js";
import { DEG, enuFrame, geodeticToEnu, geodeticToPolar } from "../../src/geo/index.js";
import { createTracker, type Tracker } from "../../src/tracking/index.js";
import { gaussian, mulberry32, SITE, simulate, testRadar, type TargetSpec, type TruthPoint } from "./sim.js";

const frame = enuFrame(SITE);

function run(tracker: Tracker, reports: SensorReport[], endTime?: number): TrackUpdate[] {
  const out: TrackUpdate[] = [];
  for (const r of reports) out.push(...tracker.process(r));
  if (endTime !== undefined) out.push(...tracker.tick(endTime));
  return out;
}

function horizontalError(a: Geodetic, b: Geodetic): number {
  const p = geodeticToEnu(a, frame);
  const q = geodeticToEnu(b, frame);
  return Math.hypot(p.east - q.east, p.north - q.north);
}

/** Track number(s) that took each target's plots, found by position at the plot time. */
function tracksPerTarget(updates: TrackUpdate[], truth: TruthPoint[]): Map<number, Set<number>> {
  const byTime = new Map<number, TruthPoint[]>();
  for (const t of truth) byTime.set(t.time, [...(byTime.get(t.time) ?? []), t]);
  const out = new Map<number, Set<number>>();
  for (const u of updates) {
    if (u.event !== "updated" && u.event !== "confirmed") continue;
    const cands = byTime.get(u.track.time) ?? [];
    let best: TruthPoint | undefined;
    for (const c of cands) if (!best || horizontalError(u.track.position, c.position) < horizontalError(u.track.position, best.position)) best = c;
    if (!best) continue;
    const set = out.get(best.target) ?? new Set<number>();
    set.add(u.track.trackNumber);
    out.set(best.target, set);
  }
  return out;
}

describe("tracker scenarios", () => {
  it("holds a turning, climbing aircraft as one track", () => {
    const t: TargetSpec = {
      id: 1, start: { east: 20_000, north: 40_000, up: 3_000 }, velocity: { east: 180, north: 0, up: 10 }, turnRate: 1.5 * DEG, mode3A: 0o4521,
    };
    const sim = simulate({ targets: [t], scans: 80, seed: 21 });
    const tracker = createTracker([testRadar()]);
    const ups = run(tracker, sim.reports);
    // A plot may fall outside the gate during the turn and start a short-lived tentative track,
    // but the confirmed track must hold the aircraft to the end.
    expect(ups.filter((u) => u.event === "deleted" && u.track.trackNumber === 1)).toHaveLength(0);
    expect(ups.filter((u) => u.event === "confirmed").map((u) => u.track.trackNumber)).toEqual([1]);
    const last = tracker.tracks()[0];
    expect(last.trackNumber).toBe(1);
    expect(last.updates).toBeGreaterThanOrEqual(78);
    expect(Math.abs(last.velocity.up - 10)).toBeLessThan(3);
  });

  it("tracks a PSR-only target (no height) at the default height", () => {
    const t: TargetSpec = { id: 1, start: { east: -30_000, north: -30_000, up: 500 }, velocity: { east: 40, north: 30, up: 0 }, modeC: false };
    const sim = simulate({ targets: [t], scans: 30, seed: 8 });
    const tracker = createTracker([testRadar()]);
    const ups = run(tracker, sim.reports);
    expect(ups.filter((u) => u.event === "initiated")).toHaveLength(1);
    const last = tracker.tracks()[0];
    expect(last.status).toBe("confirmed");
    expect(last.updates).toBe(30);
    expect(last.pressureAltitude).toBeUndefined();
    const truth = sim.truth.at(-1)!;
    expect(horizontalError(last.position, truth.position)).toBeLessThan(150);
    expect(Math.hypot(last.velocity.east - 40, last.velocity.north - 30)).toBeLessThan(10);
  });

  it("tracks from 3D-radar plots (elevation, no Mode C)", () => {
    const radar = testRadar({ id: "3/1", sigmas: { range: 60, azimuth: 0.1 * DEG, elevation: 0.15 * DEG }, rotationPeriod: 5 });
    const t: TargetSpec = { id: 1, start: { east: 10_000, north: 50_000, up: 7_000 }, velocity: { east: -150, north: -100, up: 0 }, modeC: false };
    const sim = simulate({ sensor: radar, targets: [t], scans: 30, seed: 13 });
    const gauss = gaussian(mulberry32(5));
    for (const [i, r] of sim.reports.entries()) {
      if (r.kind !== "plot") continue;
      const truth = sim.truth.find((x) => x.report === i)!;
      (r as PlotReport).elevation = geodeticToPolar(SITE, truth.position).elevation + 0.15 * DEG * gauss();
    }
    const tracker = createTracker([radar]);
    run(tracker, sim.reports, sim.truth.at(-1)!.time + 0.1);
    const tracks = tracker.tracks();
    expect(tracks).toHaveLength(1);
    const truth = sim.truth.at(-1)!;
    expect(Math.abs(tracks[0].position.height - truth.position.height)).toBeLessThan(150);
    expect(horizontalError(tracks[0].position, truth.position)).toBeLessThan(150);
  });

  it("fuses two radars into one track per aircraft and lists both sensors", () => {
    const r1 = testRadar();
    const r2 = testRadar({ id: "20/130", site: { lat: SITE.lat + 0.4 * DEG, lon: SITE.lon + 0.5 * DEG, height: 300 }, rotationPeriod: 5 });
    const targets: TargetSpec[] = [
      { id: 1, start: { east: 10_000, north: 10_000, up: 8_000 }, velocity: { east: 200, north: 50, up: 0 }, icaoAddress: 0x111 },
      { id: 2, start: { east: 40_000, north: 20_000, up: 5_000 }, velocity: { east: -120, north: 150, up: 0 }, mode3A: 0o2000 },
    ];
    const a = simulate({ sensor: r1, targets, scans: 30, seed: 1 });
    // The second radar sees the same aircraft (trajectories in the first radar's frame).
    const b = simulate({ sensor: r2, targets, scans: 24, seed: 2, t0: a.t0 + 0.3, trajectoryOrigin: SITE });
    const merged = [...a.reports, ...b.reports].map((r, i) => ({ r, i })).sort((x, y) => x.r.time - y.r.time || x.i - y.i).map((x) => x.r);
    const tracker = createTracker([r1, r2]);
    const ups = run(tracker, merged, a.t0 + 121);
    const tracks = tracker.tracks();
    expect(tracks.filter((t) => t.status === "confirmed")).toHaveLength(2);
    for (const t of tracks) expect(t.sensors).toEqual(["20/129", "20/130"]);
    expect(ups.filter((u) => u.event === "deleted")).toHaveLength(0);
    expect(tracker.stats().tracksInitiated).toBe(2);
  });

  it("keeps many aircraft on one track each, without false confirmed tracks", () => {
    const rand = mulberry32(42);
    const targets: TargetSpec[] = [];
    for (let i = 0; i < 40; i++) {
      const r = 20_000 + 120_000 * rand();
      const b = 2 * Math.PI * rand();
      const h = 2 * Math.PI * rand();
      const sp = 120 + 120 * rand();
      targets.push({
        id: i, start: { east: r * Math.sin(b), north: r * Math.cos(b), up: 2_000 + 9_000 * rand() },
        velocity: { east: sp * Math.sin(h), north: sp * Math.cos(h), up: 0 },
        turnRate: rand() < 0.3 ? (rand() - 0.5) * 2 * DEG : 0,
        icaoAddress: rand() < 0.6 ? 0x400000 + i : undefined, mode3A: 0o3000 + i,
      });
    }
    const sim = simulate({ targets, scans: 40, seed: 17, pd: 0.95 });
    const tracker = createTracker([testRadar()]);
    const ups = run(tracker, sim.reports);
    const per = tracksPerTarget(ups, sim.truth);
    expect(per.size).toBe(40);
    for (const set of per.values()) expect(set.size).toBe(1);
    expect(tracker.tracks().filter((t) => t.status !== "tentative")).toHaveLength(40);
    expect(tracker.stats().tracksConfirmed).toBe(40);
    expect(tracker.stats().tracksInitiated).toBeLessThanOrEqual(42); // at most a stray tentative or two
  });
});

describe("batching", () => {
  const sim = simulate({ targets: [{ id: 1, start: { east: 0, north: 30_000, up: 5_000 }, velocity: { east: 100, north: 0, up: 0 } }], scans: 5, seed: 2 });
  it("holds a plot until the sector crossing after it, then associates the batch", () => {
    const tracker = createTracker([testRadar()]);
    const firstPlot = sim.reports.findIndex((r) => r.kind === "plot");
    expect(tracker.process(sim.reports[0])).toEqual([]);
    for (let i = 1; i <= firstPlot; i++) expect(tracker.process(sim.reports[i])).toEqual([]);
    const next = sim.reports.slice(firstPlot + 1).findIndex((r) => r.kind === "service");
    const ups = tracker.process(sim.reports[firstPlot + 1 + next]);
    expect(ups.map((u) => u.event)).toEqual(["initiated"]);
  });
  it("flushes by the batch window when no service messages come", () => {
    const plots = simulate({ targets: [{ id: 1, start: { east: 0, north: 30_000, up: 5_000 }, velocity: { east: 100, north: 0, up: 0 } }], scans: 5, seed: 2, service: false }).reports;
    const tracker = createTracker([testRadar()]);
    expect(tracker.process(plots[0])).toEqual([]);
    const ups = tracker.process(plots[1]); // 4 s later > 0.5 s window
    expect(ups.map((u) => u.event)).toEqual(["initiated"]);
    // The second plot confirms the track (default M-of-N 2 of 2).
    expect(tracker.tick(plots[1].time).map((u) => u.event)).toEqual(["confirmed"]);
  });
});

