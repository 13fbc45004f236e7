import { describe, expect, it } from "vitest";
import { EntryKind, generateCapacity, targetXY } from "../../bench/tracker/capacity_scenario.js";

describe("capacity scenario generator", () => {
  const cfg = { targets: 50, radars: 3, durationS: 8, clutterPerScan: 5 };

  it("emits entries in time order with every sector boundary of every radar", () => {
    const d = generateCapacity(cfg);
    for (let i = 1; i < d.length; i++) expect(d.time[i]).toBeGreaterThanOrEqual(d.time[i - 1]);
    let north = 0, sector = 0, plots = 0;
    for (let i = 0; i < d.length; i++) {
      if (d.kind[i] === EntryKind.NorthMarker) north++;
      else if (d.kind[i] === EntryKind.SectorCrossing) sector++;
      else plots++;
      expect(d.sensor[i]).toBeLessThan(3);
    }
    expect(north + sector).toBe(3 * 16 * 2); // 3 radars × 16 sectors × 2 scans
    expect(north).toBe(6);
    expect(plots).toBe(d.counts.targetPlots + d.counts.clutterPlots);
    expect(d.counts.targetPlots).toBeGreaterThan(0);
    expect(d.sensors.map((s) => s.id)).toEqual(["200/1", "200/2", "200/3"]);
  });

  it("is deterministic for a seed", () => {
    const a = generateCapacity(cfg);
    const b = generateCapacity(cfg);
    expect(Array.from(a.range)).toEqual(Array.from(b.range));
    expect(Array.from(generateCapacity({ ...cfg, seed: 2 }).range)).not.toEqual(Array.from(a.range));
  });

  it("moves a turning target continuously at constant speed", () => {
    const tg = { x0: 0, y0: 0, heading: 0, speed: 200, alt: 10_000, turnRate: 0.05, turnStart: 10, turnEnd: 30, cooperative: true, address: 1 };
    const p = { x: 0, y: 0 };
    const q = { x: 0, y: 0 };
    for (const t of [5, 10, 20, 30, 40]) {
      targetXY(tg, t, p);
      targetXY(tg, t + 0.01, q);
      expect(Math.hypot(q.x - p.x, q.y - p.y) / 0.01).toBeCloseTo(200, 1);
    }
    targetXY(tg, 40, p);
    // After a 1 rad turn to the right, the target heads 1 rad east of north.
    targetXY(tg, 41, q);
    expect(Math.atan2(q.x - p.x, q.y - p.y)).toBeCloseTo(1, 5);
  });

  it("rejects impossible sizes", () => {
    expect(() => generateCapacity({ radars: 0 })).toThrow(RangeError);
    expect(() => generateCapacity({ durationS: 0 })).toThrow(RangeError);
  });
});
