import { describe, expect, it } from "vitest";
import { addressShares, attributePlots, shareSummary, type AddressPlot, type PlotUpdate } from "../../bench/tracker/address_share.js";

describe("attributePlots", () => {
  it("gives each plot to the update with its address and time, once", () => {
    const plots: AddressPlot[] = [{ address: 1, time: 10 }, { address: 2, time: 10 }, { address: 1, time: 14 }, { address: 1, time: 18 }];
    const updates: PlotUpdate[] = [
      { trackNumber: 5, address: 1, lastUpdateTime: 10 },
      { trackNumber: 5, address: 1, lastUpdateTime: 10 }, // a second event for the same plot claims nothing
      { trackNumber: 6, address: 2, lastUpdateTime: 10 },
      { trackNumber: 7, address: 1, lastUpdateTime: 14 },
      { trackNumber: 8, address: undefined, lastUpdateTime: 18 },
    ];
    expect([...attributePlots(plots, updates)]).toEqual([5, 6, 7, -1]);
  });
});

describe("addressShares", () => {
  const plots: AddressPlot[] = [];
  const trackOf: number[] = [];
  // Address 1: 10 plots on track 1, then after a 600 s gap 5 plots on track 2. Address 2: 4 plots, one unattributed.
  for (let i = 0; i < 10; i++) (plots.push({ address: 1, time: 4 * i }), trackOf.push(1));
  for (let i = 0; i < 5; i++) (plots.push({ address: 1, time: 1000 + 4 * i }), trackOf.push(2));
  for (let i = 0; i < 4; i++) (plots.push({ address: 2, time: 4 * i }), trackOf.push(i === 3 ? -1 : 3));

  it("scores each address by its most common track", () => {
    const s = addressShares(plots, Int32Array.from(trackOf));
    expect(s.map((x) => [x.address, x.plots, x.mainTrack, x.mainPlots, x.tracks, x.unattributed])).toEqual([[1, 15, 1, 10, 2, 0], [2, 4, 3, 3, 1, 1]]);
    expect(s[0].share).toBeCloseTo(10 / 15);
    const sum = shareSummary(s, 0.98);
    expect(sum).toEqual({ n: 2, min: 2 / 3, mean: (10 / 15 + 3 / 4) / 2, under: 2 });
  });

  it("scores appearances separately when a gap is given", () => {
    const s = addressShares(plots, Int32Array.from(trackOf), { gapS: 120, minPlots: 5 });
    expect(s.map((x) => [x.address, x.plots, x.share])).toEqual([[1, 10, 1], [1, 5, 1]]);
  });
});
