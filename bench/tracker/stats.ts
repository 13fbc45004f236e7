/** Small statistics of the tracker benchmark (pure). */

/**
 * The q-quantile (0 ≤ q ≤ 1) of a sample by the nearest-rank method (the smallest value with
 * at least q·n values at or below it); NaN for an empty sample. Does not modify `xs`.
 */
export function quantile(xs: ArrayLike<number>, q: number): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(xs).sort();
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return sorted[rank - 1];
}

/** Arithmetic mean, NaN for an empty sample. */
export function meanOf(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Root mean square, NaN for an empty sample. */
export function rmsOf(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] * xs[i];
  return Math.sqrt(s / xs.length);
}

/** p50, p99 and max of a sample (NaN when empty). */
export function latencySummary(xs: ArrayLike<number>): { n: number; p50: number; p99: number; max: number } {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] > max) max = xs[i];
  return { n: xs.length, p50: quantile(xs, 0.5), p99: quantile(xs, 0.99), max: xs.length > 0 ? max : NaN };
}
