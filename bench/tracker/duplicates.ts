/**
 * Scoring of the fusion goal (issue #6: one system track per aircraft, duplicates < 1% of
 * track-time; fused horizontal RMS better than either radar alone), scan by scan, in one local
 * horizontal plane (pure functions).
 *
 * At each evaluation instant, targets and confirmed tracks (positions at that instant) are
 * matched one to one by an optimal assignment of squared horizontal distances clipped at the
 * gate; pairs at or beyond the gate are dropped. A target with a pair is an *assigned
 * truth-scan*. A track left without a target but within the gate of an assigned target (its
 * nearest one) is a *duplicate* of that target; an assigned truth-scan with at least one
 * duplicate is a *duplicated truth-scan*. Clipping keeps two close targets that each have their
 * own track from counting as a duplicate.
 */
import { linearSumAssignment } from "../../src/evaluation/index.js";

/** A target or track position in the evaluation plane, metres (east, north). */
export interface PlanePoint {
  id: string;
  east: number;
  north: number;
}

/** One target–track pair of a scan. */
export interface ScanPair {
  truthId: string;
  trackId: string;
  /** Horizontal distance, m (< gate). */
  distance: number;
}

/** The match of one scan. */
export interface ScanMatch {
  pairs: ScanPair[];
  /** Ids of the assigned targets that have at least one duplicate track. */
  duplicated: string[];
  /** Tracks counted as duplicates. */
  duplicateTracks: number;
}

/**
 * Matches one scan's targets and tracks.
 * @param gate horizontal gate, m (> 0).
 * @throws RangeError when the gate is not positive.
 */
export function matchScan(truths: readonly PlanePoint[], tracks: readonly PlanePoint[], gate: number): ScanMatch {
  if (!(gate > 0)) throw new RangeError(`gate must be positive, got ${gate}`);
  const n = truths.length;
  const m = tracks.length;
  const d = new Float64Array(n * m);
  const cost = new Float64Array(n * m);
  const g2 = gate * gate;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const x = Math.hypot(truths[i].east - tracks[j].east, truths[i].north - tracks[j].north);
      d[i * m + j] = x;
      cost[i * m + j] = Math.min(x * x, g2);
    }
  }
  const col = linearSumAssignment(cost, n, m);
  const pairs: ScanPair[] = [];
  const trackTaken = new Uint8Array(m);
  const truthAssigned = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const j = col[i];
    if (j < 0 || d[i * m + j] >= gate) continue;
    pairs.push({ truthId: truths[i].id, trackId: tracks[j].id, distance: d[i * m + j] });
    trackTaken[j] = 1;
    truthAssigned[i] = 1;
  }
  const duplicated = new Set<number>();
  let duplicateTracks = 0;
  for (let j = 0; j < m; j++) {
    if (trackTaken[j]) continue;
    let best = -1;
    for (let i = 0; i < n; i++) if (d[i * m + j] < gate && (best < 0 || d[i * m + j] < d[best * m + j])) best = i;
    if (best >= 0 && truthAssigned[best]) {
      duplicated.add(best);
      duplicateTracks++;
    }
  }
  return { pairs, duplicated: [...duplicated].sort((a, b) => a - b).map((i) => truths[i].id), duplicateTracks };
}

/** Totals over scans: duplicate share and horizontal RMS. */
export interface FusionScore {
  assignedTruthScans: number;
  duplicatedTruthScans: number;
  /** duplicatedTruthScans / assignedTruthScans (NaN when none assigned). */
  duplicateShare: number;
  duplicateTracks: number;
  /** Horizontal RMS over all pairs, m. */
  rmsHorizontal: number;
  /** Mean number of confirmed tracks per scan. */
  tracksPerScan: number;
}

/** Sums the scans' matches. */
export function fusionScore(scans: readonly ScanMatch[], trackCounts: readonly number[]): FusionScore {
  let assigned = 0;
  let duplicated = 0;
  let dupTracks = 0;
  let sq = 0;
  for (const s of scans) {
    assigned += s.pairs.length;
    duplicated += s.duplicated.length;
    dupTracks += s.duplicateTracks;
    for (const p of s.pairs) sq += p.distance * p.distance;
  }
  const tracks = trackCounts.reduce((a, b) => a + b, 0);
  return {
    assignedTruthScans: assigned, duplicatedTruthScans: duplicated, duplicateShare: assigned > 0 ? duplicated / assigned : NaN,
    duplicateTracks: dupTracks, rmsHorizontal: assigned > 0 ? Math.sqrt(sq / assigned) : NaN,
    tracksPerScan: trackCounts.length > 0 ? tracks / trackCounts.length : NaN,
  };
}

/**
 * Horizontal RMS of two runs over the truth-scans both assigned (a fair comparison when one run
 * sees more targets than the other). Scans are matched by index.
 */
export function commonRms(a: readonly ScanMatch[], b: readonly ScanMatch[]): { n: number; rmsA: number; rmsB: number } {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const other = new Map(b[k].pairs.map((p) => [p.truthId, p.distance]));
    for (const p of a[k].pairs) {
      const q = other.get(p.truthId);
      if (q === undefined) continue;
      n++;
      sa += p.distance * p.distance;
      sb += q * q;
    }
  }
  return { n, rmsA: n > 0 ? Math.sqrt(sa / n) : NaN, rmsB: n > 0 ? Math.sqrt(sb / n) : NaN };
}
