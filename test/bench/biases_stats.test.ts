import { describe, expect, it } from "vitest";
import { compareBiases, simulatedBiases } from "../../bench/tracker/biases.js";
import { latencySummary, quantile } from "../../bench/tracker/stats.js";
import { table } from "../../bench/tracker/report.js";

describe("simulatedBiases", () => {
  it("reads the radars' bias fields in SI and skips radars without any", () => {
    const yaml = `radars:\n  - { sac: 98, sic: 1, rangeBiasM: 120, azimuthBiasDeg: 0.1 }\n  - { sac: 98, sic: 2 }\n  - { sac: 98, sic: 3, timeBiasS: 0.05 }\n`;
    const s = simulatedBiases(yaml);
    expect(s.map((x) => x.sensorId)).toEqual(["98/1", "98/3"]);
    expect(s[0].rangeBias).toBe(120);
    expect(s[0].azimuthBias).toBeCloseTo((0.1 * Math.PI) / 180);
    expect(s[0].timeBias).toBe(0);
    expect(s[1].timeBias).toBe(0.05);
    expect(simulatedBiases("radars: [")).toEqual([]);
    expect(simulatedBiases("name: x")).toEqual([]);
  });
});

describe("compareBiases", () => {
  it("judges non-zero components within the tolerance and lists zero ones unjudged", () => {
    const sim = [{ sensorId: "98/1", rangeBias: 100, azimuthBias: 0.002, timeBias: 0 }];
    const c = compareBiases(sim, [{ sensorId: "98/1", rangeBias: 85, azimuthBias: 0.0025, timeBias: 0.01, samples: 50 }], 0.2);
    expect(c.map((x) => [x.component, x.ok])).toEqual([["range", true], ["azimuth", false], ["time", null]]);
    expect(c[0].relativeError).toBeCloseTo(0.15);
  });

  it("fails every judged component when the tracker gave no estimate", () => {
    const c = compareBiases([{ sensorId: "98/1", rangeBias: 100, azimuthBias: 0, timeBias: 0 }], []);
    expect(c[0].ok).toBe(false);
    expect(Number.isNaN(c[0].estimated)).toBe(true);
  });
});

describe("stats and tables", () => {
  it("takes nearest-rank quantiles", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100 shuffled order
    expect(quantile(xs, 0.5)).toBe(50);
    expect(quantile(xs, 0.99)).toBe(99);
    expect(quantile(xs, 1)).toBe(100);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
    expect(latencySummary([3, 1, 2])).toEqual({ n: 3, p50: 2, p99: 3, max: 3 });
  });

  it("pads table columns", () => {
    expect(table(["a", "bb"], [["xyz", "1"]])).toBe("a    bb\n---  --\nxyz   1");
  });
});
