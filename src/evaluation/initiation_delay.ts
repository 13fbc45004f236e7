/**
 * Initiation delay: for each stretch of consecutive scans in which a target is present (it
 * appears, or comes back into coverage), the time from the stretch's first truth row to the
 * first scan in which a track is assigned to it. Stretches never tracked are counted apart.
 */
import type { ScanResult } from "./scan_association.js";

/** Initiation delays, seconds. */
export interface InitiationDelay {
  /** Stretches of presence. */
  stretches: number;
  /** Stretches in which the target got a track. */
  initiated: number;
  /** Delays of the initiated stretches, s (scans until the first assignment × T). */
  delays: number[];
  mean: number | null;
  median: number | null;
  max: number | null;
}

/** Initiation delay over all targets. */
export function initiationDelay(scans: readonly ScanResult[], period: number): InitiationDelay {
  const open = new Map<string, number>();
  const prevPresent = new Set<string>();
  const delays: number[] = [];
  let stretches = 0;
  for (const s of scans) {
    const present = new Set(s.targets);
    const tracked = new Set(s.pairs.map((q) => q.targetId));
    for (const id of present) {
      if (!prevPresent.has(id)) {
        stretches++;
        open.set(id, s.scan);
      }
      const start = open.get(id);
      if (start !== undefined && tracked.has(id)) {
        delays.push((s.scan - start) * period);
        open.delete(id);
      }
    }
    for (const id of prevPresent) if (!present.has(id)) open.delete(id);
    prevPresent.clear();
    for (const id of present) prevPresent.add(id);
  }
  const sorted = [...delays].sort((a, b) => a - b);
  return {
    stretches, initiated: delays.length, delays,
    mean: delays.length > 0 ? delays.reduce((a, b) => a + b, 0) / delays.length : null,
    median: sorted.length > 0 ? (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2 : null,
    max: sorted.length > 0 ? sorted[sorted.length - 1] : null,
  };
}
