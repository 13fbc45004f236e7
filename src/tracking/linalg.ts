/**
 * Small dense linear algebra for the filter (row-major `Float64Array`s, sizes ≤ 6).
 * Symmetric positive-definite inverses go through a Cholesky factorisation so that a
 * non-positive-definite matrix is detected instead of producing garbage.
 */

/**
 * True when every entry of `a` is finite (a loop: `every(Number.isFinite)` boxes each entry of
 * a typed array, an allocation per entry on the per-plot path).
 */
export function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * Cholesky factorisation of a symmetric positive-definite `n × n` matrix: writes the lower
 * triangle L (A = L·Lᵀ) into `out` (upper part zeroed).
 * @returns false when A is not positive definite (or has non-finite entries).
 */
export function cholesky(a: Float64Array, n: number, out: Float64Array): boolean {
  out.fill(0, 0, n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= out[j * n + k] * out[j * n + k];
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    out[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= out[i * n + k] * out[j * n + k];
      out[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** Inverse of A = L·Lᵀ from its Cholesky factor L (`n × n`), written to `out`. */
export function choleskyInverse(l: Float64Array, n: number, out: Float64Array): void {
  // Invert L (lower triangular) into linv, then A⁻¹ = L⁻ᵀ L⁻¹.
  const linv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    linv[i * n + i] = 1 / l[i * n + i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * linv[k * n + j];
      linv[i * n + j] = s / l[i * n + i];
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += linv[k * n + i] * linv[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
}

/** ln det(A) from the Cholesky factor L of A. */
export function choleskyLogDet(l: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]);
  return 2 * s;
}

/** Replaces a square matrix by (A + Aᵀ)/2 in place. */
export function symmetrize(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = m;
      a[j * n + i] = m;
    }
  }
}

/** Entries of the packed upper triangle of a symmetric n × n matrix: n(n + 1)/2. */
export function packedSize(n: number): number {
  return (n * (n + 1)) / 2;
}

/**
 * Packs the upper triangle of the symmetric n × n row-major `a` into `out` (row by row:
 * (0,0), (0,1), …, (0,n−1), (1,1), …), n(n + 1)/2 entries from `at`.
 */
export function packSymmetric(a: ArrayLike<number>, n: number, out: Float64Array, at = 0): void {
  let u = at;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) out[u++] = a[i * n + j];
}

/** Unpacks a packed upper triangle (see {@link packSymmetric}) from `at` into the full symmetric n × n `out`. */
export function unpackSymmetric(packed: ArrayLike<number>, n: number, out: Float64Array, at = 0): void {
  let u = at;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = packed[u++];
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
}
