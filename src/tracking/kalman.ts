/**
 * Kalman filter measurement step for a position measurement in the system ENU frame
 * (the "updater"). The measurement matrix H selects the first `dim` state components:
 * dim = 3 → (e, n, u), dim = 2 → (e, n) (a plot without height information).
 *
 * The covariance update uses the Joseph form, P⁺ = (I − KH) P (I − KH)ᵀ + K R Kᵀ, followed by
 * symmetrisation, which keeps P symmetric positive semi-definite under rounding
 * (Bar-Shalom et al. 2001, §5.2.3; Bucy & Joseph 1968).
 */
import { cholesky, choleskyInverse, choleskyLogDet, symmetrize } from "./linalg.js";
import { STATE_DIM } from "./motion_model.js";

/** Innovation of a measurement against a predicted state; filled by {@link innovation}. */
export interface Innovation {
  /** Measurement dimension (2 or 3). */
  dim: number;
  /** Innovation ν = z − H x, metres (first `dim` entries used). */
  nu: Float64Array;
  /** Innovation covariance S = H P Hᵀ + R, row-major dim×dim, m². */
  s: Float64Array;
  /** S⁻¹, row-major dim×dim. */
  sInv: Float64Array;
  /** Squared Mahalanobis distance νᵀ S⁻¹ ν (dimensionless). */
  d2: number;
  /** ln det S (S in m²). */
  logDetS: number;
}

/** Allocates an innovation workspace. */
export function newInnovation(): Innovation {
  return { dim: 3, nu: new Float64Array(3), s: new Float64Array(9), sInv: new Float64Array(9), d2: 0, logDetS: 0 };
}

const chol = new Float64Array(9);

/**
 * Computes the innovation of measurement `z` (system ENU, m) with covariance `r`
 * (3×3 row-major, m²; the leading dim×dim block is used) against state `x`, covariance `p`.
 * @returns false when S is not positive definite (the pair must then be treated as not gated).
 */
export function innovation(
  x: Float64Array,
  p: Float64Array,
  z: Float64Array,
  r: Float64Array,
  dim: number,
  out: Innovation,
): boolean {
  out.dim = dim;
  if (dim === 3) return innovation3(x, p, z, r, out);
  for (let i = 0; i < dim; i++) {
    out.nu[i] = z[i] - x[i];
    for (let j = 0; j < dim; j++) out.s[i * dim + j] = p[i * STATE_DIM + j] + r[i * 3 + j];
  }
  symmetrize(out.s, dim);
  if (!cholesky(out.s, dim, chol)) return false;
  choleskyInverse(chol, dim, out.sInv);
  out.logDetS = choleskyLogDet(chol, dim);
  let d2 = 0;
  for (let i = 0; i < dim; i++) {
    let row = 0;
    for (let j = 0; j < dim; j++) row += out.sInv[i * dim + j] * out.nu[j];
    d2 += out.nu[i] * row;
  }
  out.d2 = d2;
  return true;
}

/**
 * The 3-dimensional case in closed form: S symmetrised, positive definiteness by Sylvester's
 * criterion (leading principal minors > 0), S⁻¹ by the adjugate, ln det S directly.
 */
function innovation3(x: Float64Array, p: Float64Array, z: Float64Array, r: Float64Array, out: Innovation): boolean {
  const n0 = z[0] - x[0], n1 = z[1] - x[1], n2 = z[2] - x[2];
  out.nu[0] = n0; out.nu[1] = n1; out.nu[2] = n2;
  const a = p[0] + r[0], e = p[7] + r[4], i = p[14] + r[8];
  const b = 0.5 * (p[1] + p[6] + r[1] + r[3]);
  const c = 0.5 * (p[2] + p[12] + r[2] + r[6]);
  const f = 0.5 * (p[8] + p[13] + r[5] + r[7]);
  const s = out.s;
  s[0] = a; s[1] = b; s[2] = c; s[3] = b; s[4] = e; s[5] = f; s[6] = c; s[7] = f; s[8] = i;
  const m2 = a * e - b * b;
  const c00 = e * i - f * f, c01 = c * f - b * i, c02 = b * f - c * e;
  const det = a * c00 + b * c01 + c * c02;
  if (!(a > 0 && m2 > 0 && det > 0) || !Number.isFinite(det)) return false;
  const inv = 1 / det;
  const si = out.sInv;
  si[0] = c00 * inv; si[1] = c01 * inv; si[2] = c02 * inv;
  si[3] = si[1]; si[4] = (a * i - c * c) * inv; si[5] = (b * c - a * f) * inv;
  si[6] = si[2]; si[7] = si[5]; si[8] = m2 * inv;
  out.logDetS = Math.log(det);
  out.d2 = n0 * (si[0] * n0 + si[1] * n1 + si[2] * n2) + n1 * (si[3] * n0 + si[4] * n1 + si[5] * n2) + n2 * (si[6] * n0 + si[7] * n1 + si[8] * n2);
  return true;
}

const gain = new Float64Array(STATE_DIM * 3);
const a = new Float64Array(STATE_DIM * STATE_DIM);
const ap = new Float64Array(STATE_DIM * STATE_DIM);

/**
 * Kalman update in place: x ← x + K ν, P ← Joseph form, K = P Hᵀ S⁻¹.
 * `inn` must have been computed by {@link innovation} from the same `x`, `p`, `r`.
 */
export function kalmanUpdate(x: Float64Array, p: Float64Array, r: Float64Array, inn: Innovation): void {
  const m = inn.dim;
  if (m === 3) {
    kalmanUpdate3(x, p, r, inn);
    return;
  }
  const n = STATE_DIM;
  // K (n×m) = P[:, 0:m] · S⁻¹
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += p[i * n + k] * inn.sInv[k * m + j];
      gain[i * 3 + j] = s;
    }
  }
  for (let i = 0; i < n; i++) {
    let dx = 0;
    for (let j = 0; j < m; j++) dx += gain[i * 3 + j] * inn.nu[j];
    x[i] += dx;
  }
  // A = I − K H, where H selects the first m components, so A differs from I only in its first
  // m columns: (A P)_ij = P_ij − Σ_{k<m} K_ik P_kj and (A P Aᵀ)_ij = (A P)_ij − Σ_{k<m} (A P)_ik K_jk.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = p[i * n + j];
      for (let k = 0; k < m; k++) s -= gain[i * 3 + k] * p[k * n + j];
      ap[i * n + j] = s;
    }
  }
  // K R (n×m)
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += gain[i * 3 + l] * r[l * 3 + k];
      a[i * 3 + k] = s;
    }
  }
  // P = (A P) Aᵀ + K R Kᵀ
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = ap[i * n + j];
      for (let k = 0; k < m; k++) s += -ap[i * n + k] * gain[j * 3 + k] + a[i * 3 + k] * gain[j * 3 + k];
      p[i * n + j] = s;
    }
  }
  symmetrize(p, n);
}

/**
 * {@link kalmanUpdate} for a 3D measurement, unrolled: the same Joseph form, with the upper
 * triangle of P⁺ computed and mirrored (the hot path of every radar plot with height).
 */
function kalmanUpdate3(x: Float64Array, p: Float64Array, r: Float64Array, inn: Innovation): void {
  const si = inn.sInv, nu = inn.nu;
  const s00 = si[0], s01 = si[1], s02 = si[2], s10 = si[3], s11 = si[4], s12 = si[5], s20 = si[6], s21 = si[7], s22 = si[8];
  const n0 = nu[0], n1 = nu[1], n2 = nu[2];
  const r00 = r[0], r01 = r[1], r02 = r[2], r10 = r[3], r11 = r[4], r12 = r[5], r20 = r[6], r21 = r[7], r22 = r[8];
  const g = gain, kr = a, q = ap;
  // K = P Hᵀ S⁻¹ (6×3), x ← x + K ν, and K R.
  for (let i = 0; i < 6; i++) {
    const o = i * 6;
    const p0 = p[o], p1 = p[o + 1], p2 = p[o + 2];
    const k0 = p0 * s00 + p1 * s10 + p2 * s20;
    const k1 = p0 * s01 + p1 * s11 + p2 * s21;
    const k2 = p0 * s02 + p1 * s12 + p2 * s22;
    g[i * 3] = k0; g[i * 3 + 1] = k1; g[i * 3 + 2] = k2;
    x[i] += k0 * n0 + k1 * n1 + k2 * n2;
    kr[i * 3] = k0 * r00 + k1 * r10 + k2 * r20;
    kr[i * 3 + 1] = k0 * r01 + k1 * r11 + k2 * r21;
    kr[i * 3 + 2] = k0 * r02 + k1 * r12 + k2 * r22;
  }
  // (I − K H) P: only the first three rows of P enter the correction.
  for (let i = 0; i < 6; i++) {
    const k0 = g[i * 3], k1 = g[i * 3 + 1], k2 = g[i * 3 + 2];
    for (let j = 0; j < 6; j++) q[i * 6 + j] = p[i * 6 + j] - (k0 * p[j] + k1 * p[6 + j] + k2 * p[12 + j]);
  }
  // P⁺ = (I − K H) P (I − K H)ᵀ + K R Kᵀ, upper triangle, mirrored.
  for (let i = 0; i < 6; i++) {
    const q0 = q[i * 6], q1 = q[i * 6 + 1], q2 = q[i * 6 + 2];
    const a0 = kr[i * 3], a1 = kr[i * 3 + 1], a2 = kr[i * 3 + 2];
    for (let j = i; j < 6; j++) {
      const k0 = g[j * 3], k1 = g[j * 3 + 1], k2 = g[j * 3 + 2];
      const v = q[i * 6 + j] - (q0 * k0 + q1 * k1 + q2 * k2) + (a0 * k0 + a1 * k1 + a2 * k2);
      p[i * 6 + j] = v;
      p[j * 6 + i] = v;
    }
  }
}
