/**
 * Gating: the chi-square validation gate on the squared Mahalanobis distance
 * (Bar-Shalom et al. 2001, §5.5.2) and a cheap, exact pre-gate on single coordinates.
 *
 * A measurement of dimension m falls in the gate of probability P_G when
 * d² = νᵀ S⁻¹ ν ≤ γ, with γ the P_G quantile of the χ² distribution with m degrees of freedom.
 *
 * The pre-gate uses the fact that for any positive-definite S and any component i,
 * νᵀ S⁻¹ ν ≥ ν_i² / S_ii; so |ν_i| > √(γ S_ii) proves the pair is outside the gate without
 * building S. S_ii is the predicted variance of the coordinate plus the measurement variance.
 */

/** ln Γ(a) for a > 0 (Lanczos approximation, g = 7, n = 9; relative error < 1e-14). */
export function logGamma(a: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (a < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
  const x = a - 1;
  let s = c[0];
  for (let i = 1; i < 9; i++) s += c[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * Regularised lower incomplete gamma function P(a, x) (series for x < a + 1, Lentz continued
 * fraction otherwise; Press et al., *Numerical Recipes*, 3rd ed., §6.2).
 */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lg = logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let i = 0; i < 500; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - lg);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - lg) * h;
}

/** Chi-square cumulative distribution function with `dof` degrees of freedom at x. */
export function chiSquareCdf(x: number, dof: number): number {
  return gammaP(dof / 2, x / 2);
}

/**
 * Quantile of the chi-square distribution: the γ with P(χ²_dof ≤ γ) = p (bisection to 1e-10).
 * @throws RangeError unless 0 < p < 1 and dof is a positive integer.
 */
export function chiSquareQuantile(p: number, dof: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`gate probability must be in (0, 1), got ${p}`);
  if (!Number.isInteger(dof) || dof < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${dof}`);
  let lo = 0;
  let hi = Math.max(1, dof);
  while (chiSquareCdf(hi, dof) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-10; i++) {
    const mid = 0.5 * (lo + hi);
    if (chiSquareCdf(mid, dof) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Gate thresholds γ for measurement dimensions 1..3 at one gate probability. */
export interface Gate {
  /** Gate probability P_G. */
  probability: number;
  /** γ by dimension: `threshold[m]` for m = 1, 2, 3 (index 0 unused). */
  threshold: Float64Array;
}

/** Builds the gate thresholds for a probability. @throws RangeError as {@link chiSquareQuantile}. */
export function chiSquareGate(probability: number): Gate {
  const threshold = new Float64Array(4);
  for (let m = 1; m <= 3; m++) threshold[m] = chiSquareQuantile(probability, m);
  return { probability, threshold };
}

/**
 * Exact necessary condition for a pair to pass a gate of threshold γ: the coordinate
 * difference `delta` (m) with predicted variance `trackVar` and measurement variance `measVar` (m²).
 * Returns false only when the full Mahalanobis test would reject the pair.
 */
export function preGate(delta: number, trackVar: number, measVar: number, gamma: number): boolean {
  return delta * delta <= gamma * (trackVar + measVar);
}
