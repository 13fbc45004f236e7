/**
 * Probability of update (EUROCONTROL Specification for ATM Surveillance System Performance,
 * ESASSP, "probability of update"): over the scans in which a target is held by a track, the
 * fraction in which that track's state was an update by a measurement rather than a
 * prediction. Trackers that do not say (`updated` column absent) count every row as an update.
 */
import type { ScanResult } from "./scan_association.js";

/** Probability of update overall and its counts. */
export interface UpdateProbability {
  /** Assigned (target, scan) pairs. */
  expected: number;
  /** Of those, pairs whose track row was an update. */
  updated: number;
  /** `updated / expected`, null without pairs. */
  probability: number | null;
}

/** Probability of update over all assigned pairs. */
export function updateProbability(scans: readonly ScanResult[]): UpdateProbability {
  let expected = 0;
  let updated = 0;
  for (const s of scans) {
    for (const q of s.pairs) {
      expected++;
      if (q.track.updated !== false) updated++;
    }
  }
  return { expected, updated, probability: expected > 0 ? updated / expected : null };
}
