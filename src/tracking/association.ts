/**
 * Global-nearest-neighbour association of one batch (the "associator"): the admissible pairs
 * are split into independent clusters (connected components of the plot–track graph), and
 * each cluster is solved optimally with the assignment solver, each plot being allowed to stay
 * unassigned at `nonAssignmentCost`. Clusters are visited in order of their smallest plot
 * index, so the result depends only on the input order.
 */
import { assignWithMissCost } from "./assignment.js";
import type { Hypothesis } from "./hypothesiser.js";

function find(parent: Int32Array, a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]];
    a = parent[a];
  }
  return a;
}

/**
 * Solves the batch assignment.
 * @param nPlots plots in the batch; @param nTracks tracks considered.
 * @param hyps admissible pairs (from `hypothesise`).
 * @param nonAssignmentCost cost of leaving a plot unassigned.
 * @returns for each plot, the index in `hyps` of its chosen pair, or −1 when unassigned.
 */
export function associate(nPlots: number, nTracks: number, hyps: Hypothesis[], nonAssignmentCost: number): Int32Array {
  const result = new Int32Array(nPlots).fill(-1);
  if (hyps.length === 0) return result;
  // Union-find over nodes: plots 0..nPlots-1, tracks nPlots..nPlots+nTracks-1.
  const parent = new Int32Array(nPlots + nTracks);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  for (const h of hyps) {
    const a = find(parent, h.plot);
    const b = find(parent, nPlots + h.track);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Group hypotheses by cluster root, clusters ordered by first plot.
  const clusters = new Map<number, Hypothesis[]>();
  const order: number[] = [];
  for (let k = 0; k < hyps.length; k++) {
    const root = find(parent, hyps[k].plot);
    let list = clusters.get(root);
    if (!list) {
      list = [];
      clusters.set(root, list);
      order.push(root);
    }
    list.push(hyps[k]);
  }
  const hypIndex = new Map<Hypothesis, number>();
  hyps.forEach((h, k) => hypIndex.set(h, k));
  for (const root of order) {
    const list = clusters.get(root)!;
    if (list.length === 1) {
      const h = list[0];
      if (h.cost <= nonAssignmentCost) result[h.plot] = hypIndex.get(h)!;
      continue;
    }
    const rows: number[] = [];
    const cols: number[] = [];
    const rowOf = new Map<number, number>();
    const colOf = new Map<number, number>();
    for (const h of list) {
      if (!rowOf.has(h.plot)) { rowOf.set(h.plot, rows.length); rows.push(h.plot); }
      if (!colOf.has(h.track)) { colOf.set(h.track, cols.length); cols.push(h.track); }
    }
    const nr = rows.length;
    const nc = cols.length;
    const cost = new Float64Array(nr * nc).fill(Infinity);
    const which = new Int32Array(nr * nc).fill(-1);
    for (const h of list) {
      const cell = rowOf.get(h.plot)! * nc + colOf.get(h.track)!;
      cost[cell] = h.cost;
      which[cell] = hypIndex.get(h)!;
    }
    const miss = new Float64Array(nr).fill(nonAssignmentCost);
    const { rowToCol } = assignWithMissCost(cost, nr, nc, miss);
    for (let r = 0; r < nr; r++) {
      const c = rowToCol[r];
      if (c >= 0) result[rows[r]] = which[r * nc + c];
    }
  }
  return result;
}
