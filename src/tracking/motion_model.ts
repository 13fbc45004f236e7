/**
 * Nearly-constant-velocity (NCV) motion model, also called the continuous white-noise
 * acceleration model (Bar-Shalom, Li & Kirubarajan, *Estimation with Applications to Tracking
 * and Navigation*, 2001, §6.2.2).
 *
 * State (6): [e, n, u, ve, vn, vu] in the system ENU frame, metres and m/s. Each axis is
 * independent: x(t+T) = F x(t), F = [[1, T], [0, 1]], with process noise
 * Q = q · [[T³/3, T²/2], [T²/2, T]], where q (m²/s³) is the power spectral density of the
 * acceleration noise: `qHorizontal` for east and north, `qVertical` for up.
 */

/** State dimension of the NCV model. */
export const STATE_DIM = 6;

/** A motion model: how a state vector and its covariance evolve over an interval. */
export interface MotionModel {
  /** Dimension of the state vector. */
  readonly dim: number;
  /** Writes the state predicted `dt` seconds ahead into `out` (may alias `x`). */
  predictState(x: Float64Array, dt: number, out: Float64Array): void;
  /**
   * Writes F·P·Fᵀ + s·Q for interval `dt` (s) into `out` (may alias `p`); row-major dim×dim.
   * `qScale` s ≥ 1 scales the process noise (manoeuvre adaptation); default 1. `qScaleVertical`
   * ≥ 1 scales the vertical noise further (vertical manoeuvre adaptation); default 1.
   */
  predictCovariance(p: Float64Array, dt: number, out: Float64Array, qScale?: number, qScaleVertical?: number): void;
  /** Predicted variance of state component `i` (a position) after `dt` s, without building the matrix. */
  predictedVariance(p: Float64Array, i: number, dt: number, qScale?: number): number;
  /** Acceleration noise spectral densities [east, north, up] (m²/s³), when the model has them. */
  readonly processNoise?: readonly number[];
  /** True for a turning model (its horizontal prediction rotates the velocity). */
  readonly isTurn?: boolean;
  /** Turn rate of a turning model, rad/s (positive = left). */
  readonly turnRate?: number;
}

/**
 * Builds the NCV model.
 * @param qHorizontal acceleration noise spectral density on east and north, m²/s³.
 * @param qVertical acceleration noise spectral density on up, m²/s³.
 */
export function ncvModel(qHorizontal: number, qVertical: number): MotionModel {
  const q = [qHorizontal, qHorizontal, qVertical];
  return {
    dim: STATE_DIM,
    processNoise: q,
    predictState(x, dt, out) {
      out[0] = x[0] + dt * x[3];
      out[1] = x[1] + dt * x[4];
      out[2] = x[2] + dt * x[5];
      out[3] = x[3];
      out[4] = x[4];
      out[5] = x[5];
    },
    predictCovariance(p, dt, out, qScale = 1, qScaleVertical = 1) {
      // Blocks: P = [[A, B], [Bᵀ, C]] (3×3 each). F P Fᵀ = [[A + T(B + Bᵀ) + T²C, B + TC], [Bᵀ + TC, C]].
      const t2 = dt * dt;
      const tmp = scratch;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const a = p[i * 6 + j];
          const b = p[i * 6 + j + 3];
          const bt = p[(i + 3) * 6 + j];
          const c = p[(i + 3) * 6 + j + 3];
          tmp[i * 6 + j] = a + dt * (b + bt) + t2 * c;
          tmp[i * 6 + j + 3] = b + dt * c;
          tmp[(i + 3) * 6 + j] = bt + dt * c;
          tmp[(i + 3) * 6 + j + 3] = c;
        }
      }
      for (let i = 0; i < 3; i++) {
        const qi = q[i] * qScale * (i === 2 ? qScaleVertical : 1);
        tmp[i * 6 + i] += (qi * t2 * dt) / 3;
        tmp[i * 6 + i + 3] += (qi * t2) / 2;
        tmp[(i + 3) * 6 + i] += (qi * t2) / 2;
        tmp[(i + 3) * 6 + i + 3] += qi * dt;
      }
      out.set(tmp);
    },
    predictedVariance(p, i, dt, qScale = 1) {
      return p[i * 6 + i] + 2 * dt * p[i * 6 + i + 3] + dt * dt * p[(i + 3) * 6 + i + 3] + (q[i] * qScale * dt * dt * dt) / 3;
    },
  };
}

const scratch = new Float64Array(36);
