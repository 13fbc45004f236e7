/**
 * Per-client coalescing of track changes between two sends. Keeps only the latest state of
 * each track (and whether it was deleted), so the memory held for a client is bounded by
 * the number of tracks that changed since its last batch, however slow the client is.
 * Intermediate states that are overwritten before being sent are counted as dropped.
 */
import type { TrackView } from "./protocol.js";

/** What one flush yields: the latest states to send and the track numbers to delete. */
export interface CoalescedBatch {
  /** Latest state of each changed live track, in track-number order. */
  tracks: TrackView[];
  /** Deleted track numbers the client had been told about, ascending. */
  deleted: number[];
}

/** Pending change of one track: a state to send, or a deletion. */
type Pending = { kind: "state"; view: TrackView } | { kind: "deleted" };

/**
 * Holds what one client has not yet been sent.
 *
 * `known` is the set of track numbers the client currently shows (sent and not deleted);
 * a track created and deleted between two flushes is never sent at all.
 */
export class TrackCoalescer {
  private readonly pending = new Map<number, Pending>();
  private readonly known = new Set<number>();
  private droppedStates = 0;

  /** Number of track states overwritten before they were sent (a slow client sees fewer). */
  get dropped(): number {
    return this.droppedStates;
  }

  /** Number of tracks with a change waiting to be sent. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Number of tracks the client currently shows. */
  get knownCount(): number {
    return this.known.size;
  }

  /** Records that the client was given these tracks in a snapshot (replaces what it knew). */
  markSnapshot(views: readonly TrackView[]): void {
    this.known.clear();
    this.pending.clear();
    for (const v of views) this.known.add(v.trackNumber);
  }

  /** Queues the latest state of a live track, replacing any unsent one. */
  update(view: TrackView): void {
    const previous = this.pending.get(view.trackNumber);
    if (previous !== undefined && previous.kind === "state") this.droppedStates += 1;
    this.pending.set(view.trackNumber, { kind: "state", view });
  }

  /** Queues the deletion of a track, replacing any unsent state of it. */
  delete(trackNumber: number): void {
    const previous = this.pending.get(trackNumber);
    if (previous !== undefined && previous.kind === "state") this.droppedStates += 1;
    if (this.known.has(trackNumber)) {
      this.pending.set(trackNumber, { kind: "deleted" });
    } else {
      this.pending.delete(trackNumber);
    }
  }

  /**
   * Takes everything pending and marks it as sent.
   * @returns the batch, or `undefined` when nothing changed.
   */
  flush(): CoalescedBatch | undefined {
    if (this.pending.size === 0) return undefined;
    const tracks: TrackView[] = [];
    const deleted: number[] = [];
    const numbers = [...this.pending.keys()].sort((a, b) => a - b);
    for (const n of numbers) {
      const p = this.pending.get(n)!;
      if (p.kind === "state") {
        tracks.push(p.view);
        this.known.add(n);
      } else {
        deleted.push(n);
        this.known.delete(n);
      }
    }
    this.pending.clear();
    return { tracks, deleted };
  }
}
