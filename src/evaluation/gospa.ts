/**
 * OSPA and GOSPA between two finite sets, from their distance matrix.
 *
 * - GOSPA (A. S. Rahmathullah, Á. F. García-Fernández, L. Svensson, "Generalized optimal
 *   sub-pattern assignment metric", FUSION 2017): min over full matchings σ of
 *   (Σ min(d, c)^p + c^p/α · ||X| − |Y||)^(1/p). For α = 2 it splits into
 *   localisation (Σ d^p over pairs with d < c), missed (c^p/2 per unassigned truth) and false
 *   (c^p/2 per unassigned estimate) terms.
 * - OSPA (D. Schuhmacher, B.-T. Vo, B.-N. Vo, IEEE Trans. SP 56(8), 2008):
 *   ((Σ min(d, c)^p + c^p · ||X| − |Y||) / max(|X|, |Y|))^(1/p); 0 for two empty sets, c when
 *   exactly one is empty.
 *
 * The optimal matching: pairs with d ≥ c cost c^p whichever way they are made, so the problem
 * splits into the connected components of the graph of pairs closer than c; each component is
 * solved exactly by `linearSumAssignment` (the same optimum as scipy's, used by
 * `../shared/bench/gospa.py`).
 */
import { linearSumAssignment } from "./assignment.js";
import type { GospaParams } from "./types.js";

/** GOSPA/OSPA of one pair of sets, with the assignment behind it. */
export interface SetDistance {
  gospa: number;
  ospa: number;
  /** Σ d^p over assigned pairs (d < c), m^p. */
  localisation: number;
  /** c^p/2 per missed truth (α = 2 only; NaN otherwise). */
  missed: number;
  /** c^p/2 per false estimate (α = 2 only; NaN otherwise). */
  false: number;
  /** Assigned pairs (d < c): truth index, estimate index, distance m. */
  pairs: { truth: number; estimate: number; distance: number }[];
  /** Σ min(d, c)^p over the full optimal matching. */
  matchingCost: number;
}

/**
 * GOSPA and OSPA of a truth set (m elements) and an estimate set (n elements).
 * @param dist row-major m × n distances (m), finite and ≥ 0.
 */
export function setDistance(dist: Float64Array, m: number, n: number, params: GospaParams): SetDistance {
  const { c, p, alpha } = params;
  const cp = c ** p;
  const pairs: SetDistance["pairs"] = [];
  // Union-find over rows 0..m-1 and columns m..m+n-1, joined by pairs closer than c.
  const parent = new Int32Array(m + n);
  for (let i = 0; i < m + n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (dist[i * n + j] < c) {
        const a = find(i);
        const b = find(m + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const comps = new Map<number, { rows: number[]; cols: number[] }>();
  for (let x = 0; x < m + n; x++) {
    const r = find(x);
    let g = comps.get(r);
    if (g === undefined) comps.set(r, (g = { rows: [], cols: [] }));
    if (x < m) g.rows.push(x);
    else g.cols.push(x - m);
  }
  for (const { rows, cols } of comps.values()) {
    if (rows.length === 0 || cols.length === 0) continue;
    const sub = new Float64Array(rows.length * cols.length);
    rows.forEach((i, a) => cols.forEach((j, b) => { sub[a * cols.length + b] = Math.min(dist[i * n + j], c) ** p; }));
    const sol = rows.length === 1 && cols.length === 1 ? Int32Array.of(0) : linearSumAssignment(sub, rows.length, cols.length);
    sol.forEach((b, a) => {
      if (b < 0) return;
      const d = dist[rows[a] * n + cols[b]];
      if (d < c) pairs.push({ truth: rows[a], estimate: cols[b], distance: d });
    });
  }
  pairs.sort((x, y) => x.truth - y.truth);
  let localisation = 0;
  for (const q of pairs) localisation += q.distance ** p;
  const matchingCost = localisation + cp * (Math.min(m, n) - pairs.length);
  const gospa = (matchingCost + (cp / alpha) * Math.abs(m - n)) ** (1 / p);
  let ospa: number;
  if (m === 0 && n === 0) ospa = 0;
  else if (m === 0 || n === 0) ospa = c;
  else ospa = ((matchingCost + cp * Math.abs(m - n)) / Math.max(m, n)) ** (1 / p);
  const two = alpha === 2;
  return {
    gospa, ospa, localisation,
    missed: two ? (cp / 2) * (m - pairs.length) : NaN,
    false: two ? (cp / 2) * (n - pairs.length) : NaN,
    pairs, matchingCost,
  };
}
