import { describe, expect, it } from "vitest";
import { gaussian, hash32, mulberry32, streamFor } from "../../src/sim/index.js";

describe("seeded random numbers", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 100 }, () => a.next());
    const sb = Array.from({ length: 100 }, () => b.next());
    const sc = Array.from({ length: 100 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const x of sa) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("keys streams by hash so that neighbouring keys are independent", () => {
    expect(hash32("1|98/1|0|UAS-1")).not.toBe(hash32("1|98/1|1|UAS-1"));
    expect(streamFor(1, "a", 2).next()).toBe(streamFor(1, "a", 2).next());
    expect(streamFor(1, "a", 2).next()).not.toBe(streamFor(2, "a", 2).next());
  });

  it("draws standard normal samples (mean 0, variance 1, symmetric tails)", () => {
    const rng = mulberry32(7);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const x = gaussian(rng);
      s += x;
      s2 += x * x;
      if (Math.abs(x) > 2) beyond2++;
    }
    const mean = s / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - mean * mean - 1)).toBeLessThan(0.04);
    expect(beyond2 / n).toBeGreaterThan(0.035); // 4.55 % for N(0,1)
    expect(beyond2 / n).toBeLessThan(0.056);
  });
});
