/**
 * Optimal linear assignment (the "associator" core of global-nearest-neighbour tracking).
 *
 * Algorithm: the Hungarian method in its shortest-augmenting-path form with row/column
 * potentials (Kuhn 1955, Munkres 1957; the O(n²·m) formulation of Jonker & Volgenant,
 * "A shortest augmenting path algorithm for dense and sparse linear assignment problems",
 * Computing 38, 1987). Rows are added one at a time; for each, Dijkstra-like search over
 * reduced costs finds the cheapest augmenting path.
 *
 * Cost matrices are dense, row-major `Float64Array`s. `Infinity` marks a forbidden pair.
 */

/** Thrown when no assignment satisfies the constraints (a row has no admissible column left). */
export class AssignmentError extends Error {
  /** Row that could not be assigned. */
  readonly row: number;
  constructor(message: string, row: number) {
    super(message);
    this.name = "AssignmentError";
    this.row = row;
  }
}

/** Result of an assignment: `rowToCol[r]` is the column of row r, or −1 when unassigned. */
export interface AssignmentResult {
  rowToCol: Int32Array;
  /** Total cost of the chosen pairs (non-assignment costs included where they apply). */
  cost: number;
}

/**
 * Minimum-cost rectangular assignment.
 *
 * When `nRows ≤ nCols` every row gets a distinct column; otherwise every column gets a
 * distinct row (the rest of the rows stay at −1). Ties are broken deterministically
 * (lowest column index first).
 *
 * @param cost row-major `nRows × nCols` costs; finite numbers (may be negative) or `Infinity` (forbidden).
 * @throws AssignmentError when no complete assignment avoids the forbidden pairs.
 * @throws RangeError when `cost.length !== nRows * nCols` or a cost is NaN / −Infinity.
 */
export function linearAssignment(cost: Float64Array, nRows: number, nCols: number): AssignmentResult {
  if (cost.length !== nRows * nCols) throw new RangeError(`cost has ${cost.length} entries, expected ${nRows}×${nCols}`);
  for (let i = 0; i < cost.length; i++) {
    const c = cost[i];
    if (Number.isNaN(c) || c === -Infinity) throw new RangeError(`cost[${i}] is ${c}`);
  }
  if (nRows === 0 || nCols === 0) return { rowToCol: new Int32Array(nRows).fill(-1), cost: 0 };
  if (nRows <= nCols) return solve(cost, nRows, nCols);
  // Transpose so that rows ≤ columns, then map back.
  const t = new Float64Array(nRows * nCols);
  for (let r = 0; r < nRows; r++) for (let c = 0; c < nCols; c++) t[c * nRows + r] = cost[r * nCols + c];
  const sub = solve(t, nCols, nRows);
  const rowToCol = new Int32Array(nRows).fill(-1);
  for (let c = 0; c < nCols; c++) rowToCol[sub.rowToCol[c]] = c;
  return { rowToCol, cost: sub.cost };
}

/**
 * Assignment with a per-row non-assignment cost, as GNN needs it: each row (plot) is either
 * paired with a distinct column (track) at `cost[r][c]`, or left unassigned at `missCost[r]`.
 * Columns may stay unassigned at no cost. Always feasible when every `missCost` is finite.
 *
 * Implemented by augmenting the matrix with one private dummy column per row.
 *
 * @param cost row-major `nRows × nCols`, `Infinity` = forbidden pair.
 * @param missCost length `nRows`, finite.
 * @throws RangeError on inconsistent sizes or a non-finite `missCost`.
 */
export function assignWithMissCost(
  cost: Float64Array,
  nRows: number,
  nCols: number,
  missCost: Float64Array,
): AssignmentResult {
  if (missCost.length !== nRows) throw new RangeError(`missCost has ${missCost.length} entries, expected ${nRows}`);
  const w = nCols + nRows;
  const aug = new Float64Array(nRows * w).fill(Infinity);
  for (let r = 0; r < nRows; r++) {
    const m = missCost[r];
    if (!Number.isFinite(m)) throw new RangeError(`missCost[${r}] is ${m}`);
    for (let c = 0; c < nCols; c++) aug[r * w + c] = cost[r * nCols + c];
    aug[r * w + nCols + r] = m;
  }
  const res = linearAssignment(aug, nRows, w);
  const rowToCol = new Int32Array(nRows);
  for (let r = 0; r < nRows; r++) rowToCol[r] = res.rowToCol[r] < nCols ? res.rowToCol[r] : -1;
  return { rowToCol, cost: res.cost };
}

/** Shortest augmenting path Hungarian method; requires n ≤ m. */
function solve(cost: Float64Array, n: number, m: number): AssignmentResult {
  // 1-based potentials as in the classic formulation; column 0 is the virtual source.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row (1-based) matched to column j, 0 = free
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      const base = (i0 - 1) * m;
      let delta = Infinity;
      let j1 = -1;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const c = cost[base + j - 1];
        if (c !== Infinity) {
          const cur = c - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      if (j1 < 0 || delta === Infinity) throw new AssignmentError(`row ${i - 1} has no admissible column`, i - 1);
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else if (minv[j] !== Infinity) {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Int32Array(n).fill(-1);
  let total = 0;
  for (let j = 1; j <= m; j++) {
    if (p[j] !== 0) {
      rowToCol[p[j] - 1] = j - 1;
      total += cost[(p[j] - 1) * m + j - 1];
    }
  }
  return { rowToCol, cost: total };
}
