/**
 * Motion models of the IMM filter beyond plain NCV: the coordinated turn at a fixed turn rate
 * (Bar-Shalom, Li & Kirubarajan 2001, §11.7.1, "CT model with known turn rate"; Blackman &
 * Popoli 1999, §4.2.3). The state is the NCV state [e, n, u, ve, vn, vu] (m, m/s) of
 * `motion_model.ts`, so every model of an IMM shares one state space and mixing is exact.
 *
 * Horizontal motion turns at ω rad/s (positive = counter-clockwise seen from above, i.e. a
 * left turn; east = x, north = y):
 *
 *     e' = e + (sin ωT / ω)·ve − ((1 − cos ωT) / ω)·vn
 *     n' = n + ((1 − cos ωT) / ω)·ve + (sin ωT / ω)·vn
 *     ve' = cos ωT·ve − sin ωT·vn
 *     vn' = sin ωT·ve + cos ωT·vn
 *
 * Vertical motion is NCV. Process noise is the NCV white-noise acceleration on each axis
 * (spectral densities `qHorizontal`, `qVertical`, m²/s³), the usual approximation for a known
 * turn rate.
 */
import { ncvModel, STATE_DIM, type MotionModel } from "./motion_model.js";

const f = new Float64Array(36);
const fp = new Float64Array(36);

/** Fills the 6×6 CT transition matrix for turn rate `omega` (rad/s) over `dt` s into `f`. */
function ctTransition(omega: number, dt: number, out: Float64Array): void {
  out.fill(0);
  const wt = omega * dt;
  const s = Math.sin(wt);
  const c = Math.cos(wt);
  // sin(ωT)/ω and (1 − cos ωT)/ω, with their limits for small ω·T.
  const a = Math.abs(wt) < 1e-9 ? dt : s / omega;
  const b = Math.abs(wt) < 1e-9 ? 0 : (1 - c) / omega;
  out[0] = 1; out[3] = a; out[4] = -b;
  out[6 + 1] = 1; out[6 + 3] = b; out[6 + 4] = a;
  out[12 + 2] = 1; out[12 + 5] = dt;
  out[18 + 3] = c; out[18 + 4] = -s;
  out[24 + 3] = s; out[24 + 4] = c;
  out[35] = 1;
}

/**
 * Coordinated turn at a fixed rate.
 * @param omega turn rate, rad/s (positive = left turn, counter-clockwise from above).
 * @param qHorizontal acceleration noise spectral density on east and north, m²/s³.
 * @param qVertical acceleration noise spectral density on up, m²/s³.
 */
export function ctModel(omega: number, qHorizontal: number, qVertical: number): MotionModel {
  const q = [qHorizontal, qHorizontal, qVertical];
  const n = STATE_DIM;
  return {
    dim: n,
    processNoise: q,
    isTurn: true,
    turnRate: omega,
    predictState(x, dt, out) {
      ctTransition(omega, dt, f);
      const x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5];
      out[0] = x0 + f[3] * x3 + f[4] * x4;
      out[1] = x1 + f[9] * x3 + f[10] * x4;
      out[2] = x2 + dt * x5;
      out[3] = f[21] * x3 + f[22] * x4;
      out[4] = f[27] * x3 + f[28] * x4;
      out[5] = x5;
    },
    predictCovariance(p, dt, out, qScale = 1, qScaleVertical = 1) {
      ctTransition(omega, dt, f);
      // F has at most three non-zeros per row: rows 0, 1 → columns {i, 3, 4}; row 2 → {2, 5};
      // rows 3, 4 → {3, 4}; row 5 → {5}. FP = F·P, then out = FP·Fᵀ, row by row.
      const a = f[3], b = f[4], c = f[21], s = f[27];
      for (let j = 0; j < n; j++) {
        const p0 = p[j], p1 = p[6 + j], p2 = p[12 + j], p3 = p[18 + j], p4 = p[24 + j], p5 = p[30 + j];
        fp[j] = p0 + a * p3 + b * p4;
        fp[6 + j] = p1 - b * p3 + a * p4;
        fp[12 + j] = p2 + dt * p5;
        fp[18 + j] = c * p3 + f[22] * p4;
        fp[24 + j] = s * p3 + c * p4;
        fp[30 + j] = p5;
      }
      for (let i = 0; i < n; i++) {
        const r = i * n;
        const q0 = fp[r], q1 = fp[r + 1], q2 = fp[r + 2], q3 = fp[r + 3], q4 = fp[r + 4], q5 = fp[r + 5];
        out[r] = q0 + a * q3 + b * q4;
        out[r + 1] = q1 - b * q3 + a * q4;
        out[r + 2] = q2 + dt * q5;
        out[r + 3] = c * q3 + f[22] * q4;
        out[r + 4] = s * q3 + c * q4;
        out[r + 5] = q5;
      }
      const t2 = dt * dt;
      for (let i = 0; i < 3; i++) {
        const qi = q[i] * qScale * (i === 2 ? qScaleVertical : 1);
        out[i * n + i] += (qi * t2 * dt) / 3;
        out[i * n + i + 3] += (qi * t2) / 2;
        out[(i + 3) * n + i] += (qi * t2) / 2;
        out[(i + 3) * n + i + 3] += qi * dt;
      }
    },
    predictedVariance(p, i, dt, qScale = 1) {
      if (i === 2) return p[14] + 2 * dt * p[17] + dt * dt * p[35] + (q[2] * qScale * dt * dt * dt) / 3;
      // Upper bound (Cauchy–Schwarz): |sin ωT / ω| and |(1 − cos ωT) / ω| are at most T.
      const s = Math.sqrt(p[i * n + i]) + dt * (Math.sqrt(p[21]) + Math.sqrt(p[28]));
      return s * s + (q[i] * qScale * dt * dt * dt) / 3;
    },
  };
}

/** Kinds of motion model the tracker can be configured with. */
export type MotionModelKind = "ncv" | "ct";

/** One IMM model as configured (tracker options `motionModels`). */
export interface MotionModelOption {
  /** "ncv": nearly constant velocity (white-noise acceleration); "ct": coordinated turn at `turnRate`. */
  kind: MotionModelKind;
  /** Name shown in diagnostics, e.g. "cv", "turn-left", "manoeuvre". */
  name: string;
  /** Acceleration noise spectral density on east and north, m²/s³. */
  qHorizontal: number;
  /** Acceleration noise spectral density on up, m²/s³. */
  qVertical: number;
  /** Turn rate of a "ct" model, rad/s (positive = left turn). */
  turnRate?: number;
  /** Mean time spent in this model before switching, seconds (the IMM's Markov chain). */
  sojournTime: number;
  /** Prior probability of this model for a new track (normalised over the models). */
  initialProbability: number;
}

/** Builds the motion model of an option (see {@link MotionModelOption}). */
export function motionModelOf(o: MotionModelOption): MotionModel {
  return o.kind === "ct" ? ctModel(o.turnRate ?? 0, o.qHorizontal, o.qVertical) : ncvModel(o.qHorizontal, o.qVertical);
}
