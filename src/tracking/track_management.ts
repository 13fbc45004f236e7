/**
 * Track life cycle (the "confirmer" and "deleter"): M-of-N confirmation over scans, coasting
 * and deletion.
 *
 * Scans are counted per track in units of its scan period T (the rotation period of the sensor
 * that last updated it). A hit history keeps one bit per scan (bit 0 = latest).
 * - On an update at time t, the track advances round((t − t_last)/T) scans (at least the
 *   scans already counted as missed) and sets bit 0; several plots within one scan (several
 *   radars, ADS-B) count once: t_last is the time of the update that opened the current scan
 *   (`Track.scanStart`).
 * - At time `now`, the scans missed since the last update are
 *   floor((now − t_last)/T − missTolerance); each new miss shifts a 0 into the history.
 * - Confirmation: a tentative track with at least M hits among its last N scans.
 * - A confirmed track that misses a scan becomes `coasting`; an update makes it `confirmed` again.
 *   A miss also raises the track's process-noise scale to `missQScale` (the plot may have fallen
 *   outside the gate because of a manoeuvre), widening the gate for re-acquisition.
 * - Deletion: confirmed/coasting after `maxMissedScans` consecutive misses, tentative after
 *   `maxMissedScansTentative` or once N scans have passed without reaching M hits; any track
 *   after `maxCoastTime` seconds without update. A confirmed track with a Mode S address is
 *   kept coasting up to `modeSMaxCoastTime` instead (cone of silence, fades): its address
 *   re-associates it when it is seen again.
 */
import type { Track } from "./track.js";

/** Parameters of the track life cycle (from the tracker options). */
export interface LifecycleOptions {
  confirmHits: number;
  confirmWindow: number;
  maxMissedScans: number;
  maxMissedScansTentative: number;
  maxCoastTime: number;
  /** Coasting limit of a confirmed track with a Mode S address, seconds (replaces the missed-scan limit). */
  modeSMaxCoastTime: number;
  missTolerance: number;
  /** Process-noise scale given to a track that misses a scan (a miss may be a manoeuvre). */
  missQScale: number;
}

/** Number of set bits in the lowest 31 bits. */
function popcount(v: number): number {
  let n = 0;
  let x = v & 0x7fffffff;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

/** Hits among the last `window` scans. */
export function recentHits(track: Track, window: number): number {
  return popcount(track.hits & ((1 << window) - 1));
}

/**
 * Records a plot association at `time` in the hit history (call before moving
 * `lastUpdateTime`). Returns true when a tentative track now satisfies M-of-N.
 */
export function recordHit(track: Track, time: number, scanPeriod: number, opts: LifecycleOptions): boolean {
  const advance = Math.round((time - track.scanStart) / track.scanPeriod);
  const shift = advance - track.misses;
  if (shift > 0) {
    track.hits = ((track.hits << Math.min(shift, 31)) | 1) & 0x7fffffff;
    track.scans += shift;
    track.scanStart = time;
  } else {
    track.hits |= 1;
  }
  track.misses = 0;
  track.scanPeriod = scanPeriod;
  return track.status === "tentative" && recentHits(track, opts.confirmWindow) >= opts.confirmHits;
}

/** What aging did to a track. */
export type AgingResult = "none" | "missed" | "deleted";

/**
 * Counts the scans missed by `now` and decides deletion. Updates `hits`, `scans`, `misses`
 * and, for a confirmed track that missed, sets status `coasting`.
 * @returns "missed" when a new miss was counted (and the track survives), "deleted" when the
 *   track must be deleted, "none" otherwise.
 */
export function ageTrack(track: Track, now: number, opts: LifecycleOptions): AgingResult {
  const since = now - track.lastUpdateTime;
  const modeS = track.status !== "tentative" && track.identity.icaoAddress !== undefined;
  if (since > (modeS ? Math.max(opts.maxCoastTime, opts.modeSMaxCoastTime) : opts.maxCoastTime)) return "deleted";
  const missed = Math.max(0, Math.floor(since / track.scanPeriod - opts.missTolerance));
  if (missed <= track.misses) return "none";
  const shift = missed - track.misses;
  track.hits = (track.hits << Math.min(shift, 31)) & 0x7fffffff;
  track.scans += shift;
  track.misses = missed;
  track.qScale = opts.missQScale;
  if (track.status === "tentative") {
    if (missed >= opts.maxMissedScansTentative) return "deleted";
    if (track.scans >= opts.confirmWindow && recentHits(track, opts.confirmWindow) < opts.confirmHits) return "deleted";
    return "missed";
  }
  if (missed >= opts.maxMissedScans && !modeS) return "deleted";
  track.status = "coasting";
  return "missed";
}

/** Margin taken off an aging deadline so that rounding never skips a due track, seconds. */
const DEADLINE_MARGIN = 1e-6;

/**
 * The earliest time at which {@link ageTrack} can change a track (count a miss or delete it):
 * before it, aging returns "none" and changes nothing. Valid until the track is next updated
 * or aged; UTC seconds.
 */
export function agingDeadline(track: Track, opts: LifecycleOptions): number {
  const modeS = track.status !== "tentative" && track.identity.icaoAddress !== undefined;
  const coastLimit = modeS ? Math.max(opts.maxCoastTime, opts.modeSMaxCoastTime) : opts.maxCoastTime;
  const nextMiss = track.scanPeriod * (track.misses + 1 + opts.missTolerance);
  return track.lastUpdateTime + Math.min(coastLimit, nextMiss) - DEADLINE_MARGIN;
}
