import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AssignmentError, assignWithMissCost, linearAssignment } from "../../src/tracking/assignment.js";

/** Best total cost over all injective maps of the smaller side into the larger, by enumeration. */
function bruteForce(cost: number[][], nRows: number, nCols: number): number {
  let best = Infinity;
  const usedCols = new Array<boolean>(nCols).fill(false);
  const usedRows = new Array<boolean>(nRows).fill(false);
  if (nRows <= nCols) {
    const rec = (r: number, acc: number): void => {
      if (r === nRows) { best = Math.min(best, acc); return; }
      for (let c = 0; c < nCols; c++) {
        if (usedCols[c] || cost[r][c] === Infinity) continue;
        usedCols[c] = true; rec(r + 1, acc + cost[r][c]); usedCols[c] = false;
      }
    };
    rec(0, 0);
  } else {
    const rec = (c: number, acc: number): void => {
      if (c === nCols) { best = Math.min(best, acc); return; }
      for (let r = 0; r < nRows; r++) {
        if (usedRows[r] || cost[r][c] === Infinity) continue;
        usedRows[r] = true; rec(c + 1, acc + cost[r][c]); usedRows[r] = false;
      }
    };
    rec(0, 0);
  }
  return best;
}

/** Best total with per-row miss cost (rows may stay unassigned), by enumeration. */
function bruteForceMiss(cost: number[][], nRows: number, nCols: number, miss: number[]): number {
  let best = Infinity;
  const usedCols = new Array<boolean>(nCols).fill(false);
  const rec = (r: number, acc: number): void => {
    if (r === nRows) { best = Math.min(best, acc); return; }
    rec(r + 1, acc + miss[r]);
    for (let c = 0; c < nCols; c++) {
      if (usedCols[c] || cost[r][c] === Infinity) continue;
      usedCols[c] = true; rec(r + 1, acc + cost[r][c]); usedCols[c] = false;
    }
  };
  rec(0, 0);
  return best;
}

const entry = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -50, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(Infinity) },
);
const matrix = fc.integer({ min: 0, max: 6 }).chain((n) =>
  fc.integer({ min: 0, max: 6 }).chain((m) =>
    fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n })
      .map((rows) => ({ n, m, rows }))));

function flat(rows: number[][], m: number): Float64Array {
  const f = new Float64Array(rows.length * m);
  rows.forEach((row, r) => row.forEach((c, j) => { f[r * m + j] = c; }));
  return f;
}

function checkValid(rowToCol: Int32Array, rows: number[][], n: number, m: number): number {
  const seen = new Set<number>();
  let total = 0;
  for (let r = 0; r < n; r++) {
    const c = rowToCol[r];
    if (c < 0) continue;
    expect(c).toBeLessThan(m);
    expect(seen.has(c)).toBe(false);
    seen.add(c);
    expect(rows[r][c]).not.toBe(Infinity);
    total += rows[r][c];
  }
  expect(seen.size).toBe(Math.min(n, m));
  return total;
}

describe("linearAssignment", () => {
  it("matches brute force on small random matrices (with forbidden pairs)", () => {
    fc.assert(fc.property(matrix, ({ n, m, rows }) => {
      const best = bruteForce(rows, n, m);
      if (best === Infinity && Math.min(n, m) > 0) {
        expect(() => linearAssignment(flat(rows, m), n, m)).toThrow(AssignmentError);
        return;
      }
      const res = linearAssignment(flat(rows, m), n, m);
      const total = checkValid(res.rowToCol, rows, n, m);
      expect(total).toBeCloseTo(best, 6);
      expect(res.cost).toBeCloseTo(best, 6);
    }), { numRuns: 400, seed: 12345 });
  });

  it("solves a known 3×3 case", () => {
    const c = new Float64Array([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const res = linearAssignment(c, 3, 3);
    expect(Array.from(res.rowToCol)).toEqual([1, 0, 2]);
    expect(res.cost).toBe(5);
  });

  it("rejects NaN and size mismatch", () => {
    expect(() => linearAssignment(new Float64Array([NaN]), 1, 1)).toThrow(RangeError);
    expect(() => linearAssignment(new Float64Array(3), 2, 2)).toThrow(RangeError);
  });
});

describe("assignWithMissCost", () => {
  it("matches brute force over partial assignments", () => {
    const withMiss = matrix.chain(({ n, m, rows }) =>
      fc.array(fc.double({ min: -10, max: 80, noNaN: true }), { minLength: n, maxLength: n })
        .map((miss) => ({ n, m, rows, miss })));
    fc.assert(fc.property(withMiss, ({ n, m, rows, miss }) => {
      const res = assignWithMissCost(flat(rows, m), n, m, Float64Array.from(miss));
      const best = bruteForceMiss(rows, n, m, miss);
      let total = 0;
      const seen = new Set<number>();
      for (let r = 0; r < n; r++) {
        const c = res.rowToCol[r];
        if (c < 0) { total += miss[r]; continue; }
        expect(seen.has(c)).toBe(false);
        seen.add(c);
        expect(rows[r][c]).not.toBe(Infinity);
        total += rows[r][c];
      }
      expect(total).toBeCloseTo(best, 6);
      expect(res.cost).toBeCloseTo(best, 6);
    }), { numRuns: 400, seed: 777 });
  });

  it("leaves a plot unassigned when pairing costs more than missing", () => {
    const res = assignWithMissCost(new Float64Array([5, 50]), 2, 1, new Float64Array([20, 20]));
    expect(Array.from(res.rowToCol)).toEqual([0, -1]);
  });
});
