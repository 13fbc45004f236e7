/**
 * A uniform grid over the system plane for gating (the "spatial index"): each track is entered
 * in every cell its gate disc touches, each plot looks up the cells its own uncertainty disc
 * touches, and only those track–plot pairs reach the Mahalanobis gate. With cells about the size
 * of a gate, a plot sees a handful of tracks whatever the size of the track table, so the cost
 * of association grows linearly with the number of plots and tracks instead of with their
 * product (Blackman & Popoli, *Design and Analysis of Modern Tracking Systems*, 1999, §6.2,
 * "coarse gating by cells").
 *
 * Built per plot batch; deterministic (candidates come back sorted by track index).
 */

/** A grid of track indices over the plane (x east, y north, metres). */
export class TrackGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly stamp: Int32Array;
  private epoch = 0;
  private readonly out: number[] = [];

  /**
   * @param cellSize cell side, metres (> 0).
   * @param trackCount number of track indices that will be entered (0 … trackCount − 1).
   */
  constructor(readonly cellSize: number, trackCount: number) {
    this.stamp = new Int32Array(Math.max(1, trackCount));
  }

  private static key(ix: number, iy: number): number {
    return (ix + 0x100000) * 0x200000 + (iy + 0x100000);
  }

  /** Enters track `index` in every cell touched by the disc of `radius` m around (x, y). */
  insert(index: number, x: number, y: number, radius: number): void {
    const c = this.cellSize;
    const x0 = Math.floor((x - radius) / c), x1 = Math.floor((x + radius) / c);
    const y0 = Math.floor((y - radius) / c), y1 = Math.floor((y + radius) / c);
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const k = TrackGrid.key(ix, iy);
        const list = this.cells.get(k);
        if (list) list.push(index);
        else this.cells.set(k, [index]);
      }
    }
  }

  /**
   * Track indices entered in any cell touched by the disc of `radius` m around (x, y), each
   * once, in increasing order. The returned array is reused by the next call.
   */
  query(x: number, y: number, radius: number): readonly number[] {
    const c = this.cellSize;
    const x0 = Math.floor((x - radius) / c), x1 = Math.floor((x + radius) / c);
    const y0 = Math.floor((y - radius) / c), y1 = Math.floor((y + radius) / c);
    const out = this.out;
    out.length = 0;
    this.epoch++;
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const list = this.cells.get(TrackGrid.key(ix, iy));
        if (!list) continue;
        for (const i of list) {
          if (this.stamp[i] === this.epoch) continue;
          this.stamp[i] = this.epoch;
          out.push(i);
        }
      }
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    return out;
  }
}
