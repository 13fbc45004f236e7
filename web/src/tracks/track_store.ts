/**
 * The browser's copy of the air picture: the latest view of every live track plus a short
 * history of its positions (the trail). Fed by protocol messages; no DOM.
 */
import type { TrackView } from "../protocol";

/** Positions kept per track for its trail. */
export const TRAIL_LENGTH = 20;

/** One track as the display holds it. */
export interface TrackEntry {
  view: TrackView;
  /** Past positions [lon, lat] in degrees, oldest first, the current one last. */
  trail: [number, number][];
  /** Browser time (ms) the last state arrived. */
  receivedAt: number;
}

/** What a message changed, for the renderers. */
export interface StoreChange {
  /** Track numbers with a new state (or new). */
  changed: number[];
  /** Track numbers removed. */
  removed: number[];
}

/** The set of live tracks. */
export class TrackStore {
  readonly tracks = new Map<number, TrackEntry>();
  /** Latest data time seen (max of the tracks' `time`), UTC seconds; NaN before any. */
  dataTime = Number.NaN;

  /** Replaces the picture with a snapshot (tracks missing from it are removed, trails of kept ones stay). */
  applySnapshot(views: readonly TrackView[], now = Date.now()): StoreChange {
    const keep = new Set(views.map((v) => v.trackNumber));
    const removed: number[] = [];
    for (const n of this.tracks.keys()) {
      if (!keep.has(n)) {
        this.tracks.delete(n);
        removed.push(n);
      }
    }
    return { changed: this.applyUpdates(views, now).changed, removed };
  }

  /** Applies the latest states of some tracks. */
  applyUpdates(views: readonly TrackView[], now = Date.now()): StoreChange {
    const changed: number[] = [];
    for (const v of views) {
      const entry = this.tracks.get(v.trackNumber);
      const point: [number, number] = [v.lonDeg, v.latDeg];
      if (entry === undefined) {
        this.tracks.set(v.trackNumber, { view: v, trail: [point], receivedAt: now });
      } else {
        const last = entry.trail[entry.trail.length - 1];
        if (last === undefined || last[0] !== point[0] || last[1] !== point[1]) {
          entry.trail.push(point);
          if (entry.trail.length > TRAIL_LENGTH) entry.trail.splice(0, entry.trail.length - TRAIL_LENGTH);
        }
        entry.view = v;
        entry.receivedAt = now;
      }
      if (!(this.dataTime >= v.time)) this.dataTime = v.time;
      changed.push(v.trackNumber);
    }
    return { changed, removed: [] };
  }

  /** Removes deleted tracks. */
  applyDeleted(trackNumbers: readonly number[]): StoreChange {
    const removed = trackNumbers.filter((n) => this.tracks.delete(n));
    return { changed: [], removed };
  }

  /** Counts of live tracks by status. */
  counts(): { total: number; confirmed: number; tentative: number; coasting: number } {
    const c = { total: 0, confirmed: 0, tentative: 0, coasting: 0 };
    for (const e of this.tracks.values()) {
      c.total += 1;
      c[e.view.status] += 1;
    }
    return c;
  }
}
