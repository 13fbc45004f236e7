/**
 * Track continuity per target, from the scan association: identity switches (each change of
 * the assigned track between consecutive scans where the target is assigned, as
 * `../shared/bench/gospa.py` counts them), fragmentation (each time a target that was tracked
 * loses its track and later gets one again) and the longest segment (the longest run of
 * consecutive scans held by one track, as a fraction of the scans the target was present).
 * Terms as in the SIAP track continuity measures (Votruba et al., "SIAP Metrics", 2001).
 */
import type { ScanResult } from "./scan_association.js";

/** Continuity of one target. */
export interface TargetContinuity {
  targetId: string;
  /** Scans with a truth row. */
  scansPresent: number;
  /** Scans with an assigned track. */
  scansTracked: number;
  idSwitches: number;
  /** Number of tracked stretches − 1 (0 for a target tracked without a gap). */
  fragmentations: number;
  /** Longest run of consecutive present scans with the same track, in scans. */
  longestSegmentScans: number;
  /** `longestSegmentScans / scansPresent`. */
  longestSegmentFraction: number;
  /** Distinct tracks ever assigned. */
  trackIds: string[];
}

/** Total ID switches (gospa.py's definition). */
export function idSwitchCount(scans: readonly ScanResult[]): number {
  const last = new Map<string, string>();
  let n = 0;
  for (const s of scans) {
    for (const q of s.pairs) {
      const prev = last.get(q.targetId);
      if (prev !== undefined && prev !== q.trackId) n++;
      last.set(q.targetId, q.trackId);
    }
  }
  return n;
}

/** Continuity of every target (in order of first presence). */
export function continuity(scans: readonly ScanResult[]): TargetContinuity[] {
  interface Acc { c: TargetContinuity; last?: string; runTrack?: string; run: number; wasTracked: boolean; stretches: number; ids: Set<string> }
  const acc = new Map<string, Acc>();
  for (const s of scans) {
    const byTarget = new Map(s.pairs.map((q) => [q.targetId, q.trackId]));
    for (const id of s.targets) {
      let a = acc.get(id);
      if (a === undefined) {
        a = { c: { targetId: id, scansPresent: 0, scansTracked: 0, idSwitches: 0, fragmentations: 0, longestSegmentScans: 0, longestSegmentFraction: 0, trackIds: [] }, run: 0, wasTracked: false, stretches: 0, ids: new Set() };
        acc.set(id, a);
      }
      a.c.scansPresent++;
      const trk = byTarget.get(id);
      if (trk === undefined) {
        a.wasTracked = false;
        a.run = 0;
        a.runTrack = undefined;
        continue;
      }
      a.c.scansTracked++;
      a.ids.add(trk);
      if (a.last !== undefined && a.last !== trk) a.c.idSwitches++;
      a.last = trk;
      if (!a.wasTracked) a.stretches++;
      a.wasTracked = true;
      a.run = a.runTrack === trk ? a.run + 1 : 1;
      a.runTrack = trk;
      a.c.longestSegmentScans = Math.max(a.c.longestSegmentScans, a.run);
    }
  }
  return [...acc.values()].map((a) => ({
    ...a.c,
    fragmentations: Math.max(0, a.stretches - 1),
    longestSegmentFraction: a.c.scansPresent > 0 ? a.c.longestSegmentScans / a.c.scansPresent : 0,
    trackIds: [...a.ids],
  }));
}
