/**
 * Out-of-sequence measurements: retrodiction of a state to an earlier time and the update of
 * the current state with a measurement of that earlier time (used by `imm.ts` for reports of
 * several sensors that reach the tracker out of time order).
 *
 * State [x, y, h, ẋ, ẏ, ḣ] (m, m/s), covariance 6×6 row-major, position measurements of
 * dimension 2 or 3 (`kalman.ts`).
 */
import { innovation, newInnovation } from "./kalman.js";
import { symmetrize } from "./linalg.js";
import { STATE_DIM } from "./motion_model.js";

const N = STATE_DIM;
const NN = N * N;

/**
 * Retrodiction over `lag` s with the NCV transition F(−lag) and process noise Q(lag) of
 * spectral densities `q` (east, north, up), written to outX/outP: x_d = F(−lag)·x,
 * P_d = F(−lag)·P·F(−lag)ᵀ + Q(lag). Also writes the cross-covariance of the current state
 * with the retrodicted position, C = P·F(−lag)ᵀ (its first three columns), into `cross` (6×3).
 */
export function retrodictNcv(x: Float64Array, p: Float64Array, lag: number, q: readonly number[], outX: Float64Array, outP: Float64Array, cross: Float64Array): void {
  const t = -lag;
  for (let i = 0; i < 3; i++) {
    outX[i] = x[i] + t * x[i + 3];
    outX[i + 3] = x[i + 3];
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const a = p[i * N + j], b = p[i * N + j + 3], bt = p[(i + 3) * N + j], c = p[(i + 3) * N + j + 3];
      outP[i * N + j] = a + t * (b + bt) + t * t * c;
      outP[i * N + j + 3] = b + t * c;
      outP[(i + 3) * N + j] = bt + t * c;
      outP[(i + 3) * N + j + 3] = c;
    }
  }
  for (let i = 0; i < 3; i++) {
    const l3 = lag * lag * lag;
    outP[i * N + i] += (q[i] * l3) / 3;
    outP[i * N + i + 3] -= (q[i] * lag * lag) / 2;
    outP[(i + 3) * N + i] -= (q[i] * lag * lag) / 2;
    outP[(i + 3) * N + i + 3] += q[i] * lag;
  }
  // C = P F(−lag)ᵀ, position columns: C[:, j] = P[:, j] + t·P[:, j+3].
  for (let i = 0; i < N; i++) for (let j = 0; j < 3; j++) cross[i * 3 + j] = p[i * N + j] + t * p[i * N + j + 3];
}

/**
 * The out-of-sequence measurement update of one Gaussian (x, P) at time t_k with a position
 * measurement z of time t_d = t_k − lag: the simplified "Bl1"-type algorithm of Bar-Shalom
 * (IEEE Trans. AES 38(3), 2002, "Update with out-of-sequence measurements in tracking: exact
 * solution", §4): retrodict to t_d (NCV, process noise added for the interval, which is
 * conservative), then x ← x + W·(z − H·x_d), P ← P − W·S·Wᵀ with S = H·P_d·Hᵀ + R and
 * W = C·Hᵀ·S⁻¹, C the covariance between x and the retrodicted position.
 * @returns the squared Mahalanobis distance, or undefined when S is not positive definite.
 */
export function retrodictedUpdate(x: Float64Array, p: Float64Array, lag: number, q: readonly number[], z: Float64Array, r: Float64Array, dim: number): number | undefined {
  retrodictNcv(x, p, lag, q, oosX, oosP, oosC);
  if (!innovation(oosX, oosP, z, r, dim, oosInn)) return undefined;
  // W (6×dim) = C[:, 0:dim] S⁻¹
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < dim; j++) {
      let v = 0;
      for (let k = 0; k < dim; k++) v += oosC[i * 3 + k] * oosInn.sInv[k * dim + j];
      oosW[i * 3 + j] = v;
    }
  }
  for (let i = 0; i < N; i++) {
    let dx = 0;
    for (let j = 0; j < dim; j++) dx += oosW[i * 3 + j] * oosInn.nu[j];
    x[i] += dx;
  }
  // P ← P − W S Wᵀ = P − W Cᵀ (since W S = C[:, 0:dim]).
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let v = 0;
      for (let k = 0; k < dim; k++) v += oosW[i * 3 + k] * oosC[j * 3 + k];
      p[i * N + j] -= v;
    }
  }
  symmetrize(p, N);
  return oosInn.d2;
}

const oosX = new Float64Array(N);
const oosP = new Float64Array(NN);
const oosC = new Float64Array(N * 3);
const oosW = new Float64Array(N * 3);
const oosInn = newInnovation();
