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

// Reused across batches: per track slot, the stamp of the batch that numbered it and its
// number there (so that a batch touches only the tracks of its pairs, not the whole table).
let trackStamp = new Int32Array(0);
let trackNode = new Int32Array(0);
let stampNow = 0;

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
  // The tracks of the pairs, numbered in order of appearance.
  if (trackStamp.length < nTracks) {
    trackStamp = new Int32Array(Math.max(nTracks, 2 * trackStamp.length));
    trackNode = new Int32Array(trackStamp.length);
    stampNow = 0;
  }
  if (++stampNow >= 2 ** 31 - 1) {
    trackStamp.fill(0);
    stampNow = 1;
  }
  let nPairTracks = 0;
  for (const h of hyps) {
    if (trackStamp[h.track] !== stampNow) {
      trackStamp[h.track] = stampNow;
      trackNode[h.track] = nPlots + nPairTracks++;
    }
  }
  // Union-find over nodes: plots 0..nPlots-1, then the pairs' tracks.
  const nodes = nPlots + nPairTracks;
  const parent = new Int32Array(nodes);
  for (let i = 0; i < nodes; i++) parent[i] = i;
  for (const h of hyps) {
    const a = find(parent, h.plot);
    const b = find(parent, trackNode[h.track]);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Pair indices grouped by cluster, clusters ordered by their first pair (hence first plot).
  const clusterOf = new Int32Array(nodes).fill(-1);
  const clusters: number[][] = [];
  for (let k = 0; k < hyps.length; k++) {
    const root = find(parent, hyps[k].plot);
    let c = clusterOf[root];
    if (c < 0) {
      c = clusterOf[root] = clusters.length;
      clusters.push([]);
    }
    clusters[c].push(k);
  }
  for (const list of clusters) {
    if (list.length === 1) {
      const h = hyps[list[0]];
      if (h.cost <= nonAssignmentCost) result[h.plot] = list[0];
      continue;
    }
    const rows: number[] = [];
    const cols: number[] = [];
    const rowOf = new Map<number, number>();
    const colOf = new Map<number, number>();
    for (const k of list) {
      const h = hyps[k];
      if (!rowOf.has(h.plot)) { rowOf.set(h.plot, rows.length); rows.push(h.plot); }
      if (!colOf.has(h.track)) { colOf.set(h.track, cols.length); cols.push(h.track); }
    }
    const nr = rows.length;
    const nc = cols.length;
    const cost = new Float64Array(nr * nc).fill(Infinity);
    const which = new Int32Array(nr * nc).fill(-1);
    for (const k of list) {
      const h = hyps[k];
      const cell = rowOf.get(h.plot)! * nc + colOf.get(h.track)!;
      cost[cell] = h.cost;
      which[cell] = k;
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
