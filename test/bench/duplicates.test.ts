import { describe, expect, it } from "vitest";
import { commonRms, fusionScore, matchScan, type PlanePoint } from "../../bench/tracker/duplicates.js";

const p = (id: string, east: number, north: number): PlanePoint => ({ id, east, north });

describe("matchScan", () => {
  it("pairs each target with its track and counts a second track near a target as a duplicate", () => {
    const m = matchScan([p("A", 0, 0), p("B", 10_000, 0)], [p("1", 100, 0), p("2", 10_050, 0), p("3", -300, 0)], 1000);
    expect(m.pairs.map((x) => [x.truthId, x.trackId])).toEqual([["A", "1"], ["B", "2"]]);
    expect(m.pairs[0].distance).toBeCloseTo(100);
    expect(m.duplicated).toEqual(["A"]);
    expect(m.duplicateTracks).toBe(1);
  });

  it("does not count two close targets with a track each as a duplicate", () => {
    const m = matchScan([p("A", 0, 0), p("B", 400, 0)], [p("1", 50, 0), p("2", 380, 0)], 1000);
    expect(m.pairs).toHaveLength(2);
    expect(m.duplicated).toEqual([]);
  });

  it("drops pairs beyond the gate and ignores far tracks", () => {
    const m = matchScan([p("A", 0, 0)], [p("1", 1500, 0), p("2", 0, 5000)], 1000);
    expect(m.pairs).toEqual([]);
    expect(m.duplicated).toEqual([]);
    expect(m.duplicateTracks).toBe(0);
  });

  it("handles empty scans and rejects a bad gate", () => {
    expect(matchScan([], [p("1", 0, 0)], 1000).pairs).toEqual([]);
    expect(matchScan([p("A", 0, 0)], [], 1000).pairs).toEqual([]);
    expect(() => matchScan([], [], 0)).toThrow(RangeError);
  });
});

describe("fusionScore and commonRms", () => {
  it("sums duplicated truth-scans over assigned ones and the horizontal RMS", () => {
    const s1 = matchScan([p("A", 0, 0)], [p("1", 30, 40), p("2", 0, 200)], 1000); // d = 50, one duplicate
    const s2 = matchScan([p("A", 0, 0), p("B", 5000, 0)], [p("1", 0, 0), p("3", 5000, 100)], 1000); // d = 0 and 100
    const f = fusionScore([s1, s2], [2, 2]);
    expect(f.assignedTruthScans).toBe(3);
    expect(f.duplicatedTruthScans).toBe(1);
    expect(f.duplicateShare).toBeCloseTo(1 / 3);
    expect(f.rmsHorizontal).toBeCloseTo(Math.sqrt((2500 + 0 + 10_000) / 3));
    expect(f.tracksPerScan).toBe(2);
    expect(Number.isNaN(fusionScore([], []).duplicateShare)).toBe(true);
  });

  it("compares two runs on the truth-scans both assigned", () => {
    const a = [matchScan([p("A", 0, 0), p("B", 5000, 0)], [p("1", 10, 0), p("2", 5000, 20)], 1000)];
    const b = [matchScan([p("A", 0, 0), p("B", 5000, 0)], [p("9", 300, 0)], 1000)];
    expect(commonRms(a, b)).toEqual({ n: 1, rmsA: 10, rmsB: 300 });
  });
});
