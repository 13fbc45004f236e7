import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DiscGrid } from "../../src/tracking/spatial_index.js";

/** The tracks a query finds, as an array. */
function found(grid: DiscGrid, x: number, y: number, r: number): number[] {
  const n = grid.query(x, y, r);
  return [...grid.found.subarray(0, n)];
}

const disc = fc.record({
  x: fc.double({ min: -50_000, max: 50_000, noNaN: true }),
  y: fc.double({ min: -50_000, max: 50_000, noNaN: true }),
  r: fc.oneof(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.constant(-1)),
});

describe("DiscGrid", () => {
  it("returns every entered track whose disc meets the query disc inside the bounds, each once, in order", () => {
    const grid = new DiscGrid();
    fc.assert(
      fc.property(
        fc.array(disc, { maxLength: 60 }),
        fc.array(fc.record({ x: fc.double({ min: -30_000, max: 30_000, noNaN: true }), y: fc.double({ min: -30_000, max: 30_000, noNaN: true }), r: fc.double({ min: 0, max: 5_000, noNaN: true }) }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 200, max: 30_000, noNaN: true }),
        (tracks, queries, cell) => {
          const bounds = { xMin: -35_000, xMax: 35_000, yMin: -35_000, yMax: 35_000 };
          const x = Float64Array.from(tracks, (t) => t.x), y = Float64Array.from(tracks, (t) => t.y), r = Float64Array.from(tracks, (t) => t.r);
          grid.build(bounds, cell, tracks.length, x, y, r);
          for (const q of queries) {
            const got = found(grid, q.x, q.y, q.r);
            expect(got).toEqual([...new Set(got)].sort((a, b) => a - b));
            for (const j of got) expect(r[j]).toBeGreaterThanOrEqual(0);
            tracks.forEach((t, j) => {
              if (t.r < 0) return;
              // Overlapping discs (both within the bounds where they meet) must be found.
              if (Math.hypot(t.x - q.x, t.y - q.y) <= t.r + q.r) expect(got).toContain(j);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is reused from build to build without stale entries", () => {
    const grid = new DiscGrid();
    const b = { xMin: 0, xMax: 10_000, yMin: 0, yMax: 10_000 };
    grid.build(b, 1000, 2, Float64Array.of(1000, 9000), Float64Array.of(1000, 9000), Float64Array.of(100, 100));
    expect(found(grid, 1000, 1000, 10)).toEqual([0]);
    grid.build(b, 1000, 1, Float64Array.of(9000), Float64Array.of(9000), Float64Array.of(100));
    expect(found(grid, 1000, 1000, 10)).toEqual([]);
    expect(found(grid, 9000, 9000, 10)).toEqual([0]);
  });

  it("ignores discs outside the bounds or not a number, and refuses bad bounds", () => {
    const grid = new DiscGrid();
    const b = { xMin: 0, xMax: 1000, yMin: 0, yMax: 1000 };
    grid.build(b, 100, 3, Float64Array.of(5000, NaN, 500), Float64Array.of(5000, 500, 500), Float64Array.of(10, 10, NaN));
    expect(found(grid, 500, 500, 1000)).toEqual([]);
    expect(() => grid.build({ xMin: 0, xMax: NaN, yMin: 0, yMax: 1 }, 100, 0, new Float64Array(0), new Float64Array(0), new Float64Array(0))).toThrow(RangeError);
    expect(() => grid.build(b, 0, 0, new Float64Array(0), new Float64Array(0), new Float64Array(0))).toThrow(RangeError);
  });

  it("keeps the cell count bounded for a huge rectangle", () => {
    const grid = new DiscGrid();
    grid.build({ xMin: -1e7, xMax: 1e7, yMin: -1e7, yMax: 1e7 }, 1, 1, Float64Array.of(0), Float64Array.of(0), Float64Array.of(5));
    expect(grid.cell).toBeGreaterThan(1);
    expect(found(grid, 0, 0, 1)).toEqual([0]);
  });
});
