/**
 * False tracks: per scan, the tracks not assigned to any target (GOSPA's false estimates);
 * over the run, the rate of false track-scans per hour, and the spurious track ids — tracks
 * never assigned to any target in any scan.
 */
import type { ScanResult } from "./scan_association.js";

/** False-track figures. */
export interface FalseTracks {
  /** Unassigned track-scans. */
  falseTrackScans: number;
  /** Mean unassigned tracks per scan. */
  perScan: number | null;
  /** Unassigned track-scans per hour of run time (track-hours of false tracks per hour). */
  falseTrackHoursPerHour: number | null;
  /** Track ids never assigned to a target. */
  spuriousTrackIds: string[];
  /** Spurious tracks started per hour of run time. */
  spuriousTracksPerHour: number | null;
}

/** False-track figures for an association over `scans.length` scans of `period` seconds. */
export function falseTracks(scans: readonly ScanResult[], period: number): FalseTracks {
  let n = 0;
  const seen = new Set<string>();
  const assigned = new Set<string>();
  for (const s of scans) {
    n += s.tracks.length - s.pairs.length;
    for (const t of s.tracks) seen.add(t.trackId);
    for (const q of s.pairs) assigned.add(q.trackId);
  }
  const hours = (scans.length * period) / 3600;
  const spurious = [...seen].filter((id) => !assigned.has(id));
  return {
    falseTrackScans: n,
    perScan: scans.length > 0 ? n / scans.length : null,
    falseTrackHoursPerHour: hours > 0 ? (n * period) / 3600 / hours : null,
    spuriousTrackIds: spurious,
    spuriousTracksPerHour: hours > 0 ? spurious.length / hours : null,
  };
}
