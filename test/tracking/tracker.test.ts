import { describe, expect, it } from "vitest";
import type { Geodetic, PlotReport, SensorReport, TrackUpdate } from "../../src/types/index.js";
import { DEG, enuFrame, enuToGeodetic, geodeticToEnu, geodeticToPolar, polarToGeodetic } from "../../src/geo/index.js";
import { createTracker, DEFAULT_TRACKER_OPTIONS, TrackerConfigError, type Tracker } from "../../src/tracking/index.js";
import { SITE, simulate, targetEnu, testRadar, type TargetSpec } from "./sim.js";

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

const airliner = (id: number, over: Partial<TargetSpec> = {}): TargetSpec => ({
  id,
  start: { east: -40_000, north: 50_000, up: 9_000 },
  velocity: { east: 220, north: -30, up: 0 },
  ...over,
});

describe("tracker: single straight-line target", () => {
  const sim = simulate({ targets: [airliner(1, { icaoAddress: 0x3c6444, mode3A: 0o1234 })], scans: 60, seed: 1 });
  const tracker = createTracker([testRadar()]);
  const updates = run(tracker, sim.reports, sim.t0 + 60 * 4);

  it("forms exactly one track, confirmed by the default M-of-N (2 of 2)", () => {
    const initiated = updates.filter((u) => u.event === "initiated");
    expect(initiated).toHaveLength(1);
    const confirmed = updates.filter((u) => u.event === "confirmed");
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0].track.updates).toBe(DEFAULT_TRACKER_OPTIONS.confirmHits);
    expect(confirmed[0].track.trackNumber).toBe(1);
    const s = tracker.stats();
    expect(s.plotsProcessed).toBe(60);
    expect(s.plotsAssociated).toBe(59);
    expect(s.tracksInitiated).toBe(1);
  });

  it("carries the identity, Mode C and sensor of its plots", () => {
    const last = updates.filter((u) => u.event === "updated").at(-1)!.track;
    expect(last.identity.icaoAddress).toBe(0x3c6444);
    expect(last.identity.mode3A).toBe(0o1234);
    expect(last.sensors).toEqual(["20/129"]);
    expect(last.pressureAltitude).toBeGreaterThan(8_900);
    expect(last.updates).toBe(60);
  });

  it("filters: RMS position error below the raw measurement error; velocity close to truth", () => {
    const truthByTime = new Map(sim.truth.map((t) => [t.time, t]));
    let se = 0;
    let sm = 0;
    let n = 0;
    for (const u of updates) {
      if (u.event !== "updated" || u.track.updates < 15) continue;
      const truth = truthByTime.get(u.track.time)!;
      expect(truth).toBeDefined();
      se += horizontalError(u.track.position, truth.position) ** 2;
      const plot = sim.reports[truth.report] as PlotReport;
      const raw = polarToGeodetic(SITE, plot.range, plot.azimuth, plot.modeC!.pressureAltitude);
      sm += horizontalError(raw, truth.position) ** 2;
      n++;
    }
    expect(n).toBeGreaterThan(40);
    const rmsTrack = Math.sqrt(se / n);
    const rmsRaw = Math.sqrt(sm / n);
    expect(rmsTrack).toBeLessThan(0.9 * rmsRaw);
    const last = updates.filter((u) => u.event === "updated").at(-1)!.track;
    expect(Math.hypot(last.velocity.east - 220, last.velocity.north + 30)).toBeLessThan(15);
    expect(Math.abs(last.velocity.up)).toBeLessThan(3);
    const lastTruth = truthByTime.get(last.time)!;
    expect(Math.abs(last.position.height - lastTruth.position.height)).toBeLessThan(60);
    expect(last.positionSigma).toBeGreaterThan(5);
    expect(last.positionSigma).toBeLessThan(200);
  });

  it("reports the CAT062 movement fields: straight, constant speed, level, small acceleration; the sensor's last update", () => {
    const last = updates.filter((u) => u.event === "updated").at(-1)!.track;
    expect(last.modeOfMovement).toEqual({ transversal: "straight", longitudinal: "constant", vertical: "level" });
    expect(Math.hypot(last.acceleration!.east, last.acceleration!.north)).toBeLessThan(1);
    // The simulated plots are SSR + PSR detections (with a Mode S address).
    expect(last.sensorUpdates).toEqual([{ sensorId: "20/129", time: last.lastUpdateTime, technology: "ssr" }]);
    expect(last.velocitySigma).toBeGreaterThan(0);
    expect(last.heightSigma).toBeGreaterThan(0);
  });
});

describe("tracker: crossing targets with Mode S", () => {
  // Two aircraft crossing at the same point and the same flight level, 40 s into the run.
  const a = airliner(1, { start: { east: -8_800, north: 60_000, up: 10_000 }, velocity: { east: 220, north: 0, up: 0 }, icaoAddress: 0xa1 });
  const b = airliner(2, { start: { east: 0, north: 51_200, up: 10_000 }, velocity: { east: 0, north: 220, up: 0 }, icaoAddress: 0xb2 });
  const sim = simulate({ targets: [a, b], scans: 25, seed: 7 });
  const tracker = createTracker([testRadar()]);
  const updates = run(tracker, sim.reports);

  it("keeps one track per aircraft and never swaps them", () => {
    // Both aircraft pass azimuth 0 together, so several truths can share a time.
    const truthsAt = new Map<number, typeof sim.truth>();
    for (const t of sim.truth) truthsAt.set(t.time, [...(truthsAt.get(t.time) ?? []), t]);
    const targetOf = new Map<number, number>();
    let checked = 0;
    for (const u of updates) {
      if (u.event !== "updated" && u.event !== "confirmed") continue;
      const cands = truthsAt.get(u.track.time)!;
      const nearest = cands.reduce((a, b) =>
        horizontalError(u.track.position, a.position) <= horizontalError(u.track.position, b.position) ? a : b);
      if (!targetOf.has(u.track.trackNumber)) targetOf.set(u.track.trackNumber, nearest.target);
      const target = targetOf.get(u.track.trackNumber)!;
      const own = cands.find((c) => c.target === target);
      expect(own).toBeDefined();
      expect(horizontalError(u.track.position, own!.position)).toBeLessThan(400);
      expect(u.track.identity.icaoAddress).toBe(target === 1 ? 0xa1 : 0xb2);
      checked++;
    }
    expect(checked).toBe(48);
    expect([...targetOf.values()].sort()).toEqual([1, 2]);
    expect(tracker.tracks().filter((t) => t.status === "confirmed")).toHaveLength(2);
  });
});

describe("tracker: deletion and track numbers", () => {
  it("coasts then deletes a track whose target disappears, and never reuses its number", () => {
    const t1 = airliner(1, { disappear: 40 });
    const t2 = airliner(2, { start: { east: 30_000, north: -20_000, up: 5_000 }, velocity: { east: -150, north: 0, up: 0 }, appear: 80 });
    const sim = simulate({ targets: [t1, t2], scans: 40, seed: 3 });
    const tracker = createTracker([testRadar()]);
    const updates = run(tracker, sim.reports, sim.t0 + 200);
    const first = updates.filter((u) => u.track.trackNumber === 1);
    const coast = first.findIndex((u) => u.event === "coasting");
    const del = first.findIndex((u) => u.event === "deleted");
    expect(coast).toBeGreaterThan(0);
    expect(del).toBeGreaterThan(coast);
    expect(first[del].track.status).toBe("deleted");
    // Deleted after maxMissedScans scans without a plot: 5 × 4 s (+ tolerance).
    const gap = first[del].track.time - first[del].track.lastUpdateTime;
    expect(gap).toBeGreaterThanOrEqual(DEFAULT_TRACKER_OPTIONS.maxMissedScans * 4);
    expect(gap).toBeLessThan((DEFAULT_TRACKER_OPTIONS.maxMissedScans + 1) * 4 + 2);
    expect(first.slice(del + 1)).toHaveLength(0);
    // The second target gets a fresh number.
    const initiated = updates.filter((u) => u.event === "initiated").map((u) => u.track.trackNumber);
    expect(initiated).toEqual([1, 2]);
    // After the second target also stops (end of data) and time passes, nothing is left.
    tracker.tick(sim.t0 + 400);
    expect(tracker.tracks()).toHaveLength(0);
    expect(tracker.stats().tracksDeleted).toBe(2);
  });

  it("deletes a lone tentative track quickly and numbers every new track with a fresh number", () => {
    const tracker = createTracker([testRadar()]);
    const numbers: number[] = [];
    const t0 = 1_700_000_000;
    for (let k = 0; k < 6; k++) {
      // A single false plot every 12 s at a different place: each starts and loses a tentative track.
      const plot: PlotReport = { kind: "plot", sensorId: "20/129", time: t0 + 12 * k, range: 20_000 + 5_000 * k, azimuth: k, detection: "psr" };
      const ups = [...tracker.process(plot), ...tracker.tick(t0 + 12 * k + 11)];
      for (const u of ups) if (u.event === "initiated") numbers.push(u.track.trackNumber);
      // Initiated at the flush, deleted after two missed scans (2 × 4 s + tolerance ≤ 11 s).
      expect(ups.map((u) => u.event)).toEqual(["initiated", "deleted"]);
    }
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tracker.tracks()).toHaveLength(0);
  });
});

describe("tracker: determinism", () => {
  it("gives byte-identical output for the same input", () => {
    const targets: TargetSpec[] = [];
    for (let i = 0; i < 25; i++) {
      targets.push(airliner(i, {
        start: { east: -60_000 + 5_000 * i, north: 80_000 - 6_000 * i, up: 3_000 + 300 * i },
        velocity: { east: 150 + 5 * i, north: -100 + 9 * i, up: i % 3 === 0 ? 8 : 0 },
        turnRate: i % 4 === 0 ? 1.5 * DEG : 0,
        icaoAddress: i % 2 === 0 ? 0x400000 + i : undefined,
        mode3A: 0o1000 + i,
        modeC: i % 5 !== 0,
      }));
    }
    const sim = simulate({ targets, scans: 30, seed: 11, pd: 0.9 });
    const once = (): string => {
      const tr = createTracker([testRadar()]);
      const ups = run(tr, sim.reports, sim.t0 + 200);
      return JSON.stringify({ ups, tracks: tr.tracks(), stats: tr.stats() });
    };
    const a = once();
    const b = once();
    expect(a.length).toBeGreaterThan(10_000);
    expect(a).toBe(b);
  });
});

describe("tracker: bad input", () => {
  it("counts and skips a plot from an unknown sensor", () => {
    const tracker = createTracker([testRadar()]);
    const plot: PlotReport = { kind: "plot", sensorId: "99/99", time: 1, range: 10_000, azimuth: 1, detection: "ssr" };
    expect(tracker.process(plot)).toEqual([]);
    expect(tracker.tick(10)).toEqual([]);
    expect(tracker.stats().plotsUnknownSensor).toBe(1);
    expect(tracker.process({ kind: "service", sensorId: "99/99", time: 2, messageType: "northMarker" })).toEqual([]);
    expect(tracker.stats().serviceUnknownSensor).toBe(1);
    expect(tracker.stats().plotsProcessed).toBe(0);
    expect(tracker.tracks()).toHaveLength(0);
  });

  it("counts and skips invalid plots and unknown report kinds", () => {
    const tracker = createTracker([testRadar()]);
    const bad: PlotReport[] = [
      { kind: "plot", sensorId: "20/129", time: 1, range: Number.NaN, azimuth: 1, detection: "ssr" },
      { kind: "plot", sensorId: "20/129", time: 1, range: -5, azimuth: 1, detection: "ssr" },
      { kind: "plot", sensorId: "20/129", time: Number.POSITIVE_INFINITY, range: 5000, azimuth: 1, detection: "ssr" },
    ];
    for (const p of bad) expect(tracker.process(p)).toEqual([]);
    expect(tracker.process({ kind: "weather" } as unknown as SensorReport)).toEqual([]);
    expect(tracker.tick(5)).toEqual([]);
    expect(tracker.stats().plotsInvalid).toBe(3);
    expect(tracker.stats().reportsIgnored).toBe(1);
  });

  it("rejects invalid options with a typed error", () => {
    expect(() => createTracker([testRadar()], { gateProbability: 1.5 })).toThrow(TrackerConfigError);
    expect(() => createTracker([testRadar()], { confirmHits: 6, confirmWindow: 5 })).toThrow(TrackerConfigError);
    expect(() => createTracker([])).toThrow(TrackerConfigError);
  });
});

describe("tracker: gating and identity", () => {
  const target = airliner(1, { icaoAddress: 0xabc, mode3A: 0o7001 });
  const sim = simulate({ targets: [target], scans: 12, seed: 5 });
  const lastTruth = sim.truth.at(-1)!;
  const nextTime = lastTruth.time + 4;

  function setup(): Tracker {
    const tr = createTracker([testRadar()]);
    run(tr, sim.reports, lastTruth.time + 1);
    expect(tr.tracks()).toHaveLength(1);
    expect(tr.tracks()[0].status).toBe("confirmed");
    return tr;
  }
  /** A noiseless plot at the true position 4 s after the last one, shifted east by `offsetEast` m. */
  function plotAt(offsetEast: number, icao?: number, mode3A?: number): PlotReport {
    const p = targetEnu(target, nextTime - sim.t0);
    const truth = enuToGeodetic({ ...p, east: p.east + offsetEast }, frame);
    const pol = geodeticToPolar(SITE, truth);
    const plot: PlotReport = {
      kind: "plot", sensorId: "20/129", time: nextTime, range: pol.range, azimuth: pol.azimuth, detection: "ssr",
      modeC: { pressureAltitude: truth.height, validated: true, garbled: false },
    };
    if (icao !== undefined) plot.icaoAddress = icao;
    if (mode3A !== undefined) plot.mode3A = { code: mode3A, validated: true, garbled: false, smoothed: false };
    return plot;
  }
  function feed(tr: Tracker, plot: PlotReport): TrackUpdate[] {
    return [...tr.process(plot), ...tr.tick(nextTime + 0.1)];
  }

  it("associates a plot at the predicted position", () => {
    const ups = feed(setup(), plotAt(0, 0xabc));
    expect(ups.filter((u) => u.event === "updated").map((u) => u.track.trackNumber)).toEqual([1]);
    expect(ups.filter((u) => u.event === "initiated")).toHaveLength(0);
  });

  it("rejects a plot 20 km away (new tentative track instead)", () => {
    const tr = setup();
    const ups = feed(tr, plotAt(20_000));
    expect(ups.filter((u) => u.event === "updated")).toHaveLength(0);
    expect(ups.filter((u) => u.event === "initiated").map((u) => u.track.trackNumber)).toEqual([2]);
    expect(tr.stats().plotsAssociated).toBe(11);
  });

  it("forbids a plot at the predicted position with a different Mode S address", () => {
    const ups = feed(setup(), plotAt(0, 0xdef));
    expect(ups.filter((u) => u.event === "updated")).toHaveLength(0);
    expect(ups.filter((u) => u.event === "initiated")[0].track.identity.icaoAddress).toBe(0xdef);
  });

  it("penalises but does not forbid a changed Mode 3/A code, and takes the new code", () => {
    const ups = feed(setup(), plotAt(0, undefined, 0o2345));
    const upd = ups.filter((u) => u.event === "updated");
    expect(upd.map((u) => u.track.trackNumber)).toEqual([1]);
    expect(upd[0].track.identity.mode3A).toBe(0o2345);
    expect(upd[0].track.identity.icaoAddress).toBe(0xabc);
  });

  it("prefers the track with the same Mode 3/A code between two equally close tracks", () => {
    // Two aircraft 300 m apart side by side, different codes; a plot midway goes to the code's owner.
    const a = airliner(1, { mode3A: 0o1111 });
    const b = airliner(2, { mode3A: 0o2222, start: { east: -40_000, north: 50_300, up: 9_000 } });
    const s2 = simulate({ targets: [a, b], scans: 10, seed: 8 });
    const t10 = s2.truth.at(-1)!.time;
    for (const code of [0o1111, 0o2222]) {
      const tr = createTracker([testRadar()]);
      run(tr, s2.reports, t10 + 1);
      const ta = tr.tracks().find((t) => t.identity.mode3A === code)!;
      expect(ta).toBeDefined();
      const pa = targetEnu(a, t10 + 4 - s2.t0);
      const pb = targetEnu(b, t10 + 4 - s2.t0);
      const mid = enuToGeodetic({ east: (pa.east + pb.east) / 2, north: (pa.north + pb.north) / 2, up: pa.up }, frame);
      const pol = geodeticToPolar(SITE, mid);
      const plot: PlotReport = {
        kind: "plot", sensorId: "20/129", time: t10 + 4, range: pol.range, azimuth: pol.azimuth, detection: "ssr",
        modeC: { pressureAltitude: mid.height, validated: true, garbled: false },
        mode3A: { code, validated: true, garbled: false, smoothed: false },
      };
      const ups = [...tr.process(plot), ...tr.tick(t10 + 4.1)].filter((u) => u.event === "updated");
      expect(ups.map((u) => u.track.trackNumber)).toEqual([ta.trackNumber]);
    }
  });

  it("uses the wider Mode S gate for the same address", () => {
    let widerOnly = 0;
    for (let off = 100; off <= 1_000; off += 50) {
      const plain = feed(setup(), plotAt(off)).some((u) => u.event === "updated");
      const withS = feed(setup(), plotAt(off, 0xabc)).some((u) => u.event === "updated");
      if (plain) expect(withS).toBe(true); // the Mode S gate contains the normal one
      if (withS && !plain) widerOnly++;
    }
    expect(widerOnly).toBeGreaterThan(0);
    // Beyond what the aircraft could have flown (maxSpeed·Δt + modeSReach), the address does not
    // hold the plot: it starts a track of its own.
    const far = feed(setup(), plotAt(20_000, 0xabc));
    expect(far.some((u) => u.event === "updated")).toBe(false);
    expect(far.some((u) => u.event === "initiated")).toBe(true);
  });
});

describe("tracker: robustness", () => {
  it("never throws and keeps finite tracks on arbitrary plots", async () => {
    const fc = (await import("fast-check")).default;
    const num = fc.oneof(fc.double(), fc.constant(0), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    const plot = fc.record({
      time: fc.double({ min: 0, max: 100, noNaN: true }),
      range: fc.oneof(num, fc.double({ min: 100, max: 300_000, noNaN: true })),
      azimuth: fc.oneof(num, fc.double({ min: 0, max: 6.3, noNaN: true })),
      h: fc.option(num),
      el: fc.option(num),
      icao: fc.option(fc.integer({ min: 0, max: 3 })),
      sensor: fc.constantFrom("20/129", "1/1"),
    });
    fc.assert(fc.property(fc.array(plot, { maxLength: 40 }), (ps) => {
      const tracker = createTracker([testRadar()]);
      ps.sort((a, b) => a.time - b.time);
      for (const p of ps) {
        const r: PlotReport = { kind: "plot", sensorId: p.sensor, time: p.time, range: p.range, azimuth: p.azimuth, detection: "ssr" };
        if (p.h !== null) r.modeC = { pressureAltitude: p.h, validated: true, garbled: false };
        if (p.el !== null) r.elevation = p.el;
        if (p.icao !== null) r.icaoAddress = p.icao;
        tracker.process(r);
      }
      const ups = tracker.tick(200);
      for (const t of [...tracker.tracks(), ...ups.map((u) => u.track)]) {
        expect(Number.isFinite(t.position.lat) && Number.isFinite(t.position.lon)).toBe(true);
        expect(Number.isFinite(t.velocity.east)).toBe(true);
      }
      const s = tracker.stats();
      expect(s.plotsProcessed + s.plotsInvalid + s.plotsUnknownSensor).toBe(ps.length);
    }), { numRuns: 150, seed: 99 });
  });
});

describe("tracker: JPDA associator", () => {
  // Two PSR-only targets (no Mode S) crossing at the same point and height: the soft update must
  // neither merge nor lose them.
  const a = airliner(1, { start: { east: -8_800, north: 60_000, up: 10_000 }, velocity: { east: 220, north: 0, up: 0 }, icaoAddress: undefined, mode3A: undefined });
  const b = airliner(2, { start: { east: 0, north: 51_200, up: 10_000 }, velocity: { east: 0, north: 220, up: 0 }, icaoAddress: undefined, mode3A: undefined });
  const sim = simulate({ targets: [a, b], scans: 25, seed: 7 });
  const gnn = createTracker([testRadar()]);
  const jpda = createTracker([testRadar()], { associator: "jpda" });
  run(gnn, sim.reports);
  run(jpda, sim.reports);

  it("holds both crossing targets, as close to the truth as GNN", () => {
    const end = sim.truth.filter((t) => t.time === Math.max(...sim.truth.map((x) => x.time)) || t.time >= sim.truth[sim.truth.length - 1].time - 4);
    const live = jpda.tracks().filter((t) => t.status !== "tentative");
    expect(live).toHaveLength(2);
    for (const tr of live) {
      const best = Math.min(...end.map((t) => horizontalError(tr.position, t.position)));
      expect(best).toBeLessThan(1_000);
    }
    expect(gnn.tracks().filter((t) => t.status !== "tentative")).toHaveLength(2);
  });

  it("refuses an unknown associator", () => {
    expect(() => createTracker([testRadar()], { associator: "mht" as never })).toThrow(TrackerConfigError);
  });
});
