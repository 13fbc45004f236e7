/**
 * Optimal linear assignment of a rectangular cost matrix (minimum total cost over a full
 * matching of min(rows, cols) pairs): the shortest augmenting path algorithm of Jonker and
 * Volgenant as simplified by D. F. Crouse, "On implementing 2D rectangular assignment
 * algorithms", IEEE Trans. AES 52(4), 2016 — the algorithm behind
 * `scipy.optimize.linear_sum_assignment`, so both give the same optimal cost.
 */
import { EvaluationError } from "./types.js";

/**
 * Solves min Σ cost[i][σ(i)] over full matchings.
 * @param cost row-major `rows × cols` matrix of finite costs.
 * @returns for each row the assigned column (−1 for rows left out when rows > cols).
 * @throws EvaluationError when the matrix size does not match or a cost is not finite.
 */
export function linearSumAssignment(cost: Float64Array, rows: number, cols: number): Int32Array {
  if (cost.length !== rows * cols) throw new EvaluationError(`cost matrix has ${cost.length} entries, expected ${rows}×${cols}`);
  for (let i = 0; i < cost.length; i++) if (!Number.isFinite(cost[i])) throw new EvaluationError(`cost ${i} is not finite`);
  const out = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return out;
  if (rows <= cols) {
    const c4r = solve(cost, rows, cols, false);
    out.set(c4r);
    return out;
  }
  // More rows than columns: solve the transpose, then invert.
  const c4r = solve(cost, cols, rows, true);
  for (let j = 0; j < cols; j++) out[c4r[j]] = j;
  return out;
}

/** Crouse's algorithm for nr ≤ nc; `transposed` reads cost[j][i] instead of cost[i][j]. */
function solve(cost: Float64Array, nr: number, nc: number, transposed: boolean): Int32Array {
  const at = transposed ? (i: number, j: number) => cost[j * nr + i] : (i: number, j: number) => cost[i * nc + j];
  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const spc = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  const sr = new Uint8Array(nr);
  const sc = new Uint8Array(nc);
  const remaining = new Int32Array(nc);
  for (let cur = 0; cur < nr; cur++) {
    let minVal = 0;
    let i = cur;
    let numRemaining = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    sr.fill(0);
    sc.fill(0);
    spc.fill(Infinity);
    let sink = -1;
    while (sink === -1) {
      sr[i] = 1;
      let index = -1;
      let lowest = Infinity;
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it];
        const r = minVal + at(i, j) - u[i] - v[j];
        if (r < spc[j]) {
          path[j] = i;
          spc[j] = r;
        }
        if (spc[j] < lowest || (spc[j] === lowest && row4col[j] === -1)) {
          lowest = spc[j];
          index = it;
        }
      }
      minVal = lowest;
      if (minVal === Infinity) throw new EvaluationError("assignment infeasible");
      const j = remaining[index];
      if (row4col[j] === -1) sink = j;
      else i = row4col[j];
      sc[j] = 1;
      remaining[index] = remaining[--numRemaining];
    }
    u[cur] += minVal;
    for (let r = 0; r < nr; r++) if (sr[r] && r !== cur) u[r] += minVal - spc[col4row[r]];
    for (let j = 0; j < nc; j++) if (sc[j]) v[j] -= minVal - spc[j];
    let j = sink;
    for (;;) {
      const r = path[j];
      row4col[j] = r;
      const prev = col4row[r];
      col4row[r] = j;
      j = prev;
      if (r === cur) break;
    }
  }
  return col4row;
}
