/**
 * Primary-radar detection probability from the radar equation, with Swerling 1 fluctuation,
 * and the Poisson draws of clutter.
 *
 * Radar equation (Skolnik, *Introduction to Radar Systems*, 3rd ed., §2.1): for a given radar
 * the single-scan signal-to-noise ratio scales as SNR = SNR_ref · (σ / σ_ref) · (R_ref / R)⁴,
 * with σ the target's radar cross-section (m²) and R the slant range (m); the radar is described
 * by one reference point (SNR_ref of a σ_ref target at R_ref).
 * Swerling 1 (slow, scan-to-scan Rayleigh fluctuation, one pulse group): Pd = Pfa^(1 / (1 + SNR))
 * (Skolnik §2.8; Swerling, IRE Trans. IT-6, 1960).
 */
import type { Random } from "./random.js";

/** Radar-equation detection model of a primary radar. */
export interface SnrDetectionModel {
  /** Probability of false alarm per resolution cell (default 1e-6). */
  pfa?: number;
  /** Reference cross-section, m² (default 1). */
  referenceRcs?: number;
  /** Range at which the reference target has `referenceSnrDb`, m (default 100 km). */
  referenceRange?: number;
  /** SNR of the reference target at the reference range, dB (default 21 dB: Pd ≈ 0.9 for Swerling 1 at Pfa 1e-6). */
  referenceSnrDb?: number;
}

/** The "Ground Master 200 class" detection defaults: 1 m² seen with 21 dB at 100 km, Pfa 1e-6. */
export const GM200_DETECTION: Required<SnrDetectionModel> = Object.freeze({ pfa: 1e-6, referenceRcs: 1, referenceRange: 100_000, referenceSnrDb: 21 });

/** Typical radar cross-sections per target class, m² (small drone 0.01, light aircraft 1, helicopter 3, airliner 40 within 10–100). */
export const DEFAULT_RCS = Object.freeze({ drone: 0.01, lightAircraft: 1, helicopter: 3, airliner: 40 });

/** Single-scan SNR (linear) of a target of cross-section `rcs` (m²) at slant range `range` (m). */
export function signalToNoise(model: SnrDetectionModel, rcs: number, range: number): number {
  const snrDb = model.referenceSnrDb ?? GM200_DETECTION.referenceSnrDb;
  const refRcs = model.referenceRcs ?? GM200_DETECTION.referenceRcs;
  const refRange = model.referenceRange ?? GM200_DETECTION.referenceRange;
  const r = Math.max(range, 1);
  return 10 ** (snrDb / 10) * (rcs / refRcs) * (refRange / r) ** 4;
}

/** Swerling 1 detection probability Pfa^(1/(1+SNR)) for a linear SNR. */
export function swerling1Pd(snr: number, pfa: number): number {
  return Math.exp(Math.log(pfa) / (1 + Math.max(0, snr)));
}

/** Detection probability of a target of `rcs` m² at `range` m under `model`. */
export function snrDetectionProbability(model: SnrDetectionModel, rcs: number, range: number): number {
  return swerling1Pd(signalToNoise(model, rcs, range), model.pfa ?? GM200_DETECTION.pfa);
}

/**
 * Poisson(λ) sample: Knuth's product method for λ ≤ 30, else a rounded normal approximation
 * (clutter rates per scan are small). Returns 0 for λ ≤ 0.
 */
export function poisson(rng: Random, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) {
    const u1 = 1 - rng.next();
    const u2 = rng.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const l = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > l) {
    k++;
    p *= rng.next();
  }
  return k;
}
