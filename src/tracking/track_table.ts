/**
 * The track table: the live tracks in the order they were started, with the indexes the
 * tracker needs at scale kept up to date as tracks change, so that no step of a batch has to
 * look at every track object:
 *
 * - by Mode S address (ICAO 24-bit, unique per airframe): the tracks holding it;
 * - by track number;
 * - packed rows of what gating and aging read first (position and velocity at the state
 *   time, the covariance entries of the variance bounds, misses, updates, address), so that the
 *   batch gating grid (`hypothesiser.ts`) rejects far and implausible pairs without touching
 *   the track objects: a kinematic row per slot that the grid scans, and a gating row that a
 *   plot–track pair reads, each field of a slot next to the others (one or two cache lines per
 *   slot, where a column per field cost a cache miss per field of a pair);
 * - each track's aging deadline (`track_management.ts`, `agingDeadline`): the time before
 *   which aging cannot change it, so a batch ages only the tracks that are due.
 *
 * The caller must call {@link TrackTable.refresh} after every change of a track's state, hits,
 * status, noise scale or identity, and {@link TrackTable.remove} when it deletes a track. A
 * removed track leaves the indexes at once but keeps its slot, marked dead, until enough slots
 * are dead for {@link TrackTable.compact} to be worth its pass over the table; until then the
 * users of `tracks` and the columns skip dead slots ({@link TrackTable.isLive}). A track's slot (`Track.slot`,
 * its index in `tracks`) is stable between compactions.
 */
import type { Track } from "./track.js";
import { agingDeadline, type LifecycleOptions } from "./track_management.js";

/**
 * The fields of a slot's kinematic row (`TrackColumns.kin`): what the batch grid scans for every
 * track and every batch, one 64-byte row per slot. Copies of the track fields named.
 */
export const enum KinField {
  /** East and north position at the state time (`Track.x[0]`, `x[1]`), m. */
  X, Y,
  /** East and north velocity (`x[3]`, `x[4]`), m/s. */
  VX, VY,
  /** UTC seconds of the state (`Track.t`). */
  T,
  /** √(pEE + pNN), m, and √(pVeVe + pVnVn), m/s: the horizontal spreads, for the cheapest "far from the batch" test. */
  POSITION_SPREAD, VELOCITY_SPREAD,
  /** Plots associated (`Track.updates`, ≥ 1); 0 for a removed track waiting for compaction. */
  UPDATES,
  /** Doubles per row. */
  SIZE,
}

/**
 * The fields of a slot's gating row (`TrackColumns.gate`): what a plot–track pair reads before
 * the track object, next to each other so that a pair costs one or two cache lines, not one per
 * field. Copies of the track fields named.
 */
export const enum GateField {
  /** Covariance entries (row-major indices of `Track.p`): e–e (0), n–n (7) in m², e–ė (3), n–ṅ (10) in m²/s, ė–ė (21), ṅ–ṅ (28) in (m/s)². */
  P_EE, P_NN, P_EVE, P_NVN, P_VEVE, P_VNVN,
  /** Process-noise scale of predictions (`Track.qScale`). */
  Q_SCALE,
  /** Mode S address (`Track.identity.icaoAddress`), −1 for none; also what the address index holds. */
  ADDRESS,
  /** Consecutive missed scans (`Track.misses`). */
  MISSES,
  /** Doubles per row. */
  SIZE,
}

/** Packed per-slot rows and columns: slot j's fields at j × SIZE + field. */
export interface TrackColumns {
  /** Kinematic rows ({@link KinField}). */
  kin: Float64Array;
  /** Gating rows ({@link GateField}). */
  gate: Float64Array;
  /** Aging deadline per slot, UTC s: aging before it leaves the track unchanged (Infinity for a removed track). */
  deadline: Float64Array;
}

function columns(n: number): TrackColumns {
  return { kin: new Float64Array(n * KinField.SIZE), gate: new Float64Array(n * GateField.SIZE), deadline: new Float64Array(n) };
}

const EMPTY: readonly Track[] = Object.freeze([]) as readonly Track[];

/** The live tracks of a tracker and their indexes. */
export class TrackTable {
  /** Live tracks (and tracks deleted since the last compaction), in the order they were added. */
  readonly tracks: Track[] = [];
  /** Packed columns, valid for slots 0 … tracks.length − 1. */
  cols: TrackColumns = columns(1024);
  private readonly byAddress = new Map<number, Track[]>();
  private readonly byNumber = new Map<number, Track>();
  private dead = 0;

  /** @param lifecycle the options aging uses (for the aging deadlines). */
  constructor(private readonly lifecycle: LifecycleOptions) {}

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
    if (slot === this.cols.deadline.length) this.grow();
    this.tracks.push(tr);
    tr.slot = slot;
    this.cols.gate[slot * GateField.SIZE + GateField.ADDRESS] = -1;
    this.cols.kin[slot * KinField.SIZE + KinField.UPDATES] = Math.max(1, tr.updates);
    this.byNumber.set(tr.trackNumber, tr);
    this.refresh(tr);
  }

  /** Re-reads a track's columns, aging deadline and Mode S address after a change. */
  refresh(tr: Track): void {
    const slot = tr.slot;
    if (!this.holds(tr)) return;
    const { kin, gate, deadline } = this.cols;
    const x = tr.x, p = tr.p;
    const k = slot * KinField.SIZE;
    kin[k + KinField.X] = x[0];
    kin[k + KinField.Y] = x[1];
    kin[k + KinField.VX] = x[3];
    kin[k + KinField.VY] = x[4];
    kin[k + KinField.T] = tr.t;
    kin[k + KinField.POSITION_SPREAD] = Math.sqrt(p[0] + p[7]);
    kin[k + KinField.VELOCITY_SPREAD] = Math.sqrt(p[21] + p[28]);
    kin[k + KinField.UPDATES] = Math.max(1, tr.updates);
    const g = slot * GateField.SIZE;
    gate[g + GateField.P_EE] = p[0];
    gate[g + GateField.P_NN] = p[7];
    gate[g + GateField.P_EVE] = p[3];
    gate[g + GateField.P_NVN] = p[10];
    gate[g + GateField.P_VEVE] = p[21];
    gate[g + GateField.P_VNVN] = p[28];
    gate[g + GateField.Q_SCALE] = tr.qScale;
    gate[g + GateField.MISSES] = tr.misses;
    deadline[slot] = agingDeadline(tr, this.lifecycle);
    const a = tr.identity.icaoAddress ?? -1;
    const held = gate[g + GateField.ADDRESS];
    if (a !== held) {
      this.unindexAddress(tr, held);
      gate[g + GateField.ADDRESS] = a;
      if (a >= 0) this.indexAddress(tr, a);
    }
  }

  /** True when slot `slot` holds a live track (not one removed and waiting for compaction). */
  isLive(slot: number): boolean {
    return this.cols.kin[slot * KinField.SIZE + KinField.UPDATES] > 0;
  }

  /** True when `tr` is the live track of its slot. */
  private holds(tr: Track): boolean {
    return tr.slot >= 0 && this.tracks[tr.slot] === tr && this.isLive(tr.slot);
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
    if (!this.holds(tr)) return;
    const slot = tr.slot;
    const { kin, gate, deadline } = this.cols;
    kin[slot * KinField.SIZE + KinField.UPDATES] = 0;
    deadline[slot] = Infinity;
    if (this.byNumber.get(tr.trackNumber) === tr) this.byNumber.delete(tr.trackNumber);
    this.unindexAddress(tr, gate[slot * GateField.SIZE + GateField.ADDRESS]);
    gate[slot * GateField.SIZE + GateField.ADDRESS] = -1;
    this.dead++;
  }

  /**
   * Drops the dead slots, keeping the order of the live tracks, when they are at least an
   * eighth of the table (or any, with `force`); returns whether it compacted.
   */
  compact(force = false): boolean {
    if (this.dead === 0 || (!force && this.dead < Math.max(64, this.tracks.length / 8))) return false;
    const { tracks } = this;
    const { kin, gate, deadline } = this.cols;
    let k = 0;
    while (k < tracks.length && this.isLive(k)) k++;
    for (let j = k; j < tracks.length; j++) {
      const tr = tracks[j];
      if (!this.isLive(j)) {
        tr.slot = -1;
        continue;
      }
      tracks[k] = tr;
      tr.slot = k;
      kin.copyWithin(k * KinField.SIZE, j * KinField.SIZE, (j + 1) * KinField.SIZE);
      gate.copyWithin(k * GateField.SIZE, j * GateField.SIZE, (j + 1) * GateField.SIZE);
      deadline[k] = deadline[j];
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

  private grow(): void {
    const old = this.cols;
    const next = columns(2 * old.deadline.length);
    next.kin.set(old.kin);
    next.gate.set(old.gate);
    next.deadline.set(old.deadline);
    this.cols = next;
  }
}
