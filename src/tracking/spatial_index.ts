/**
 * A uniform grid over the system plane for gating (the "spatial index"): discs are entered in
 * every cell they touch, a query disc looks up the cells it touches, and only the pairs whose
 * discs share a cell reach the Mahalanobis gate. The hypothesiser enters a batch's open plots
 * (each with its uncertainty disc) and lets every track near the batch query it with its gate
 * disc. With cells about the size of a gate, a track sees a handful of plots whatever the size
 * of the batch, so the cost of association grows linearly with the number of plots and tracks
 * instead of with their product (Blackman & Popoli, *Design and Analysis of Modern Tracking
 * Systems*, 1999, §6.2, "coarse gating by cells").
 *
 * The grid covers a bounded rectangle (a batch's plots and their reach) and is stored flat, in
 * compressed-row form: one count pass, a prefix sum, one fill pass. Its buffers are kept and
 * reused from batch to batch, so building it allocates nothing once they have grown to size.
 * Deterministic: a query's entries come back sorted by index.
 */

/** Most cells a grid may have; a larger rectangle gets larger cells. */
const MAX_CELLS = 1 << 20;

/** Query stamps restart from zero before they would overflow their 32-bit slots. */
const EPOCH_LIMIT = 2 ** 30;

/** Axis-aligned rectangle of the system plane, metres (x east, y north). */
export interface GridBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A reusable grid of disc indices over a rectangle of the plane (x east, y north, metres). */
export class DiscGrid {
  private cellSize = 1;
  private x0 = 0;
  private y0 = 0;
  private nx = 1;
  private ny = 1;
  /** Start of each cell's entries in `entries` (length cells + 1). */
  private start = new Int32Array(2);
  /** Disc indices, cell after cell, increasing within a cell. */
  private entries = new Int32Array(64);
  private stamp = new Int32Array(64);
  private epoch = 0;
  private out = new Int32Array(16);

  /** Side of the cells of the latest build, metres. */
  get cell(): number {
    return this.cellSize;
  }

  /**
   * Enters discs 0 … count − 1, disc j of radius `radius[j]` around
   * (`x[j]`, `y[j]`), in every cell of `bounds` it touches; a negative radius leaves the disc
   * out, and so does a disc wholly outside the bounds. Replaces the previous content.
   *
   * @param cellSize wanted cell side, metres (> 0); raised when the bounds would need more than
   *   2²⁰ cells.
   * @throws RangeError on non-finite bounds or a non-positive cell size.
   */
  build(bounds: GridBounds, cellSize: number, count: number, x: Float64Array, y: Float64Array, radius: Float64Array): void {
    const { xMin, xMax, yMin, yMax } = bounds;
    if (!Number.isFinite(xMin) || !Number.isFinite(xMax) || !Number.isFinite(yMin) || !Number.isFinite(yMax) || !(cellSize > 0) || xMax < xMin || yMax < yMin) {
      throw new RangeError(`DiscGrid: bad bounds or cell size (${xMin}, ${xMax}, ${yMin}, ${yMax}; ${cellSize})`);
    }
    let c = cellSize;
    while (((xMax - xMin) / c + 1) * ((yMax - yMin) / c + 1) > MAX_CELLS) c *= 2;
    this.cellSize = c;
    this.x0 = xMin;
    this.y0 = yMin;
    this.nx = Math.floor((xMax - xMin) / c) + 1;
    this.ny = Math.floor((yMax - yMin) / c) + 1;
    const cells = this.nx * this.ny;
    if (this.start.length < cells + 1) this.start = new Int32Array(Math.max(cells + 1, 2 * this.start.length));
    if (this.stamp.length < count) this.stamp = new Int32Array(Math.max(count, 2 * this.stamp.length));
    const start = this.start;
    start.fill(0, 0, cells + 1);
    // Pass 1: entries per cell (counted at the next cell's slot, then a prefix sum).
    let total = 0;
    for (let j = 0; j < count; j++) {
      const r = radius[j];
      if (!(r >= 0)) continue;
      const ix0 = Math.max(0, this.col(x[j] - r)), ix1 = Math.min(this.nx - 1, this.col(x[j] + r));
      const iy0 = Math.max(0, this.row(y[j] - r)), iy1 = Math.min(this.ny - 1, this.row(y[j] + r));
      if (!(ix0 <= ix1 && iy0 <= iy1)) continue; // outside the bounds, or not a number
      for (let iy = iy0; iy <= iy1; iy++) for (let ix = ix0; ix <= ix1; ix++) start[iy * this.nx + ix + 1]++;
      total += (ix1 - ix0 + 1) * (iy1 - iy0 + 1);
    }
    for (let k = 0; k < cells; k++) start[k + 1] += start[k];
    if (this.entries.length < total) this.entries = new Int32Array(Math.max(total, 2 * this.entries.length));
    // Pass 2: fill, using each cell's start as its cursor (shifted back afterwards).
    const entries = this.entries;
    for (let j = 0; j < count; j++) {
      const r = radius[j];
      if (!(r >= 0)) continue;
      const ix0 = Math.max(0, this.col(x[j] - r)), ix1 = Math.min(this.nx - 1, this.col(x[j] + r));
      const iy0 = Math.max(0, this.row(y[j] - r)), iy1 = Math.min(this.ny - 1, this.row(y[j] + r));
      if (!(ix0 <= ix1 && iy0 <= iy1)) continue; // outside the bounds, or not a number
      for (let iy = iy0; iy <= iy1; iy++) for (let ix = ix0; ix <= ix1; ix++) entries[start[iy * this.nx + ix]++] = j;
    }
    for (let k = cells; k > 0; k--) start[k] = start[k - 1];
    start[0] = 0;
  }

  /** Column of an abscissa: −1 left of the grid, nx right of it (so an outside range is empty). */
  private col(x: number): number {
    const i = Math.floor((x - this.x0) / this.cellSize);
    return i < -1 ? -1 : i > this.nx ? this.nx : i;
  }

  /** Row of an ordinate: −1 below the grid, ny above it. */
  private row(y: number): number {
    const i = Math.floor((y - this.y0) / this.cellSize);
    return i < -1 ? -1 : i > this.ny ? this.ny : i;
  }

  /**
   * The disc indices entered in any cell touched by the disc of `radius` m around (x, y), each
   * once, in increasing order, are `found[0 … n − 1]`, n the count returned; the next call
   * reuses `found`.
   */
  query(x: number, y: number, radius: number): number {
    const ix0 = Math.max(0, this.col(x - radius)), ix1 = Math.min(this.nx - 1, this.col(x + radius));
    const iy0 = Math.max(0, this.row(y - radius)), iy1 = Math.min(this.ny - 1, this.row(y + radius));
    if (!(ix0 <= ix1 && iy0 <= iy1)) return 0;
    if (this.epoch >= EPOCH_LIMIT) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const { start, entries, stamp } = this;
    let out = this.out;
    let n = 0;
    for (let iy = iy0; iy <= iy1; iy++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const k = iy * this.nx + ix;
        for (let e = start[k], end = start[k + 1]; e < end; e++) {
          const i = entries[e];
          if (stamp[i] === epoch) continue;
          stamp[i] = epoch;
          if (n === out.length) {
            const grown = new Int32Array(2 * n);
            grown.set(out);
            this.out = out = grown;
          }
          out[n++] = i;
        }
      }
    }
    // Increasing order: insertion sort for the usual handful, the typed-array sort beyond.
    if (n > 32) out.subarray(0, n).sort();
    else {
      for (let a = 1; a < n; a++) {
        const v = out[a];
        let b = a - 1;
        while (b >= 0 && out[b] > v) {
          out[b + 1] = out[b];
          b--;
        }
        out[b + 1] = v;
      }
    }
    return n;
  }

  /** The buffer of the latest {@link DiscGrid.query}'s results (valid up to the count it returned). */
  get found(): Int32Array {
    return this.out;
  }
}
