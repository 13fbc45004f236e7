/**
 * The track table: the live tracks in the order they were started, with the indexes the
 * tracker needs at scale kept up to date as tracks change, so that no step of a batch has to
 * look at every track object:
 *
 * - by Mode S address (ICAO 24-bit, unique per airframe): the tracks holding it;
 * - by track number;
 * - packed columns of what gating and aging read first (position and velocity at the state
 *   time, the covariance entries of the variance bounds, misses, updates, address), so that the
 *   batch gating grid (`hypothesiser.ts`) rejects far and implausible pairs without touching
 *   the track objects;
 * - each track's aging deadline (`track_management.ts`, `agingDeadline`): the time before
 *   which aging cannot change it, so a batch ages only the tracks that are due.
 *
 * The caller must call {@link TrackTable.refresh} after every change of a track's state, hits,
 * status, noise scale or identity, and {@link TrackTable.remove} when it deletes a track. A
 * removed track leaves the indexes at once but keeps its slot, marked dead, until enough slots
 * are dead for {@link TrackTable.compact} to be worth its pass over the table; until then the
 * users of `tracks` and the columns skip dead slots (`live` = 0). A track's slot (`Track.slot`,
 * its index in `tracks`) is stable between compactions.
 */
import type { Track } from "./track.js";
import { agingDeadline, type LifecycleOptions } from "./track_management.js";

/** Packed per-slot columns (index = slot), copies of the track fields named. */
export interface TrackColumns {
  /** East and north position at the state time (`Track.x[0]`, `x[1]`), m. */
  x: Float64Array;
  y: Float64Array;
  /** East and north velocity (`x[3]`, `x[4]`), m/s. */
  vx: Float64Array;
  vy: Float64Array;
  /** UTC seconds of the state (`Track.t`). */
  t: Float64Array;
  /** Covariance entries (row-major indices of `Track.p`): e–e (0), n–n (7) in m², e–ė (3), n–ṅ (10) in m²/s, ė–ė (21), ṅ–ṅ (28) in (m/s)². */
  pEE: Float64Array;
  pNN: Float64Array;
  pEVe: Float64Array;
  pNVn: Float64Array;
  pVeVe: Float64Array;
  pVnVn: Float64Array;
  /** √(pEE + pNN), m, and √(pVeVe + pVnVn), m/s: the horizontal spreads, for the cheapest "far from the batch" test. */
  positionSpread: Float64Array;
  velocitySpread: Float64Array;
  /** Process-noise scale of predictions (`Track.qScale`). */
  qScale: Float64Array;
  /** Aging deadline, UTC s: aging before it leaves the track unchanged. */
  deadline: Float64Array;
  /** Mode S address (`Track.identity.icaoAddress`), −1 for none; also what the address index holds. */
  address: Int32Array;
  /** Consecutive missed scans (`Track.misses`). */
  misses: Int32Array;
  /** Plots associated (`Track.updates`). */
  updates: Int32Array;
  /** 1 for a live track, 0 for a removed one waiting for compaction. */
  live: Int32Array;
}

function columns(n: number): TrackColumns {
  const f = (): Float64Array => new Float64Array(n);
  const i = (): Int32Array => new Int32Array(n);
  return {
    x: f(), y: f(), vx: f(), vy: f(), t: f(), pEE: f(), pNN: f(), pEVe: f(), pNVn: f(), pVeVe: f(), pVnVn: f(), positionSpread: f(), velocitySpread: f(), qScale: f(), deadline: f(),
    address: i(), misses: i(), updates: i(), live: i(),
  };
}

const EMPTY: readonly Track[] = Object.freeze([]) as readonly Track[];

/** The live tracks of a tracker and their indexes. */
export class TrackTable {
  /** Live tracks (and tracks deleted since the last compaction), in the order they were added. */
  readonly tracks: Track[] = [];
  /** Packed columns, valid for slots 0 … tracks.length − 1. */
  cols: TrackColumns = columns(1024);
  private floats: Float64Array[] = [];
  private ints: Int32Array[] = [];
  private readonly byAddress = new Map<number, Track[]>();
  private readonly byNumber = new Map<number, Track>();
  private dead = 0;

  /** @param lifecycle the options aging uses (for the aging deadlines). */
  constructor(private readonly lifecycle: LifecycleOptions) {
    this.listColumns();
  }

  /** Number of slots (removed tracks included until the next compaction). */
  get length(): number {
    return this.tracks.length;
  }

  /** Number of live tracks. */
  get liveCount(): number {
    return this.tracks.length - this.dead;
  }

  /** Appends a new track and indexes it. */
  add(tr: Track): void {
    const slot = this.tracks.length;
    if (slot === this.cols.x.length) this.grow();
    this.tracks.push(tr);
    tr.slot = slot;
    this.cols.address[slot] = -1;
    this.cols.live[slot] = 1;
    this.byNumber.set(tr.trackNumber, tr);
    this.refresh(tr);
  }

  /** Re-reads a track's columns, aging deadline and Mode S address after a change. */
  refresh(tr: Track): void {
    const slot = tr.slot;
    if (slot < 0 || this.tracks[slot] !== tr || this.cols.live[slot] === 0) return;
    const c = this.cols;
    const x = tr.x, p = tr.p;
    c.x[slot] = x[0];
    c.y[slot] = x[1];
    c.vx[slot] = x[3];
    c.vy[slot] = x[4];
    c.t[slot] = tr.t;
    c.pEE[slot] = p[0];
    c.pNN[slot] = p[7];
    c.pEVe[slot] = p[3];
    c.pNVn[slot] = p[10];
    c.pVeVe[slot] = p[21];
    c.pVnVn[slot] = p[28];
    c.positionSpread[slot] = Math.sqrt(p[0] + p[7]);
    c.velocitySpread[slot] = Math.sqrt(p[21] + p[28]);
    c.qScale[slot] = tr.qScale;
    c.deadline[slot] = agingDeadline(tr, this.lifecycle);
    c.misses[slot] = tr.misses;
    c.updates[slot] = tr.updates;
    const a = tr.identity.icaoAddress ?? -1;
    if (a !== c.address[slot]) {
      this.unindexAddress(tr, c.address[slot]);
      c.address[slot] = a;
      if (a >= 0) this.indexAddress(tr, a);
    }
  }

  /** The live tracks holding a Mode S address, in slot order (empty when none). */
  withAddress(address: number): readonly Track[] {
    return this.byAddress.get(address) ?? EMPTY;
  }

  /** True when a live track has this number. */
  hasNumber(trackNumber: number): boolean {
    return this.byNumber.has(trackNumber);
  }

  /** Removes a track (being deleted): out of the indexes now, its slot marked dead until compaction. */
  remove(tr: Track): void {
    const slot = tr.slot;
    const c = this.cols;
    if (slot < 0 || this.tracks[slot] !== tr || c.live[slot] === 0) return;
    c.live[slot] = 0;
    c.deadline[slot] = Infinity;
    if (this.byNumber.get(tr.trackNumber) === tr) this.byNumber.delete(tr.trackNumber);
    this.unindexAddress(tr, c.address[slot]);
    c.address[slot] = -1;
    this.dead++;
  }

  /**
   * Drops the dead slots, keeping the order of the live tracks, when they are at least an
   * eighth of the table (or any, with `force`); returns whether it compacted.
   */
  compact(force = false): boolean {
    if (this.dead === 0 || (!force && this.dead < Math.max(64, this.tracks.length / 8))) return false;
    const { tracks, cols: c, floats, ints } = this;
    let k = 0;
    while (k < tracks.length && c.live[k] === 1) k++;
    for (let j = k; j < tracks.length; j++) {
      const tr = tracks[j];
      if (c.live[j] === 0) {
        tr.slot = -1;
        continue;
      }
      tracks[k] = tr;
      tr.slot = k;
      for (let f = 0; f < floats.length; f++) floats[f][k] = floats[f][j];
      for (let f = 0; f < ints.length; f++) ints[f][k] = ints[f][j];
      k++;
    }
    tracks.length = k;
    this.dead = 0;
    return true;
  }

  private indexAddress(tr: Track, address: number): void {
    const list = this.byAddress.get(address);
    if (!list) {
      this.byAddress.set(address, [tr]);
      return;
    }
    // Slot order: a track gaining an address may be older than the others holding it.
    let i = list.length;
    while (i > 0 && list[i - 1].slot > tr.slot) i--;
    list.splice(i, 0, tr);
  }

  private unindexAddress(tr: Track, address: number): void {
    if (address < 0) return;
    const list = this.byAddress.get(address);
    if (!list) return;
    const i = list.indexOf(tr);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byAddress.delete(address);
  }

  private listColumns(): void {
    const all = Object.values(this.cols) as (Float64Array | Int32Array)[];
    this.floats = all.filter((a): a is Float64Array => a instanceof Float64Array);
    this.ints = all.filter((a): a is Int32Array => a instanceof Int32Array);
  }

  private grow(): void {
    const old = this.cols;
    const next = columns(2 * old.x.length);
    for (const name of Object.keys(old) as (keyof TrackColumns)[]) next[name].set(old[name]);
    this.cols = next;
    this.listColumns();
  }
}
