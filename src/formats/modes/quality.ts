/**
 * Position quality indicators of ADS-B and the measurement standard deviation each implies.
 *
 * - NACp (versions 1/2): bound on the 95 % horizontal estimated position uncertainty, EPU
 *   (DO-260B Table 2-71, ICAO Doc 9871 Table C-13).
 * - NUCp (version 0): bound on the 95 % horizontal containment radius, R_cu
 *   (DO-260 Table 2-14, ICAO Doc 9871 Table A-2-11 note).
 * - NIC (versions 1/2): containment radius R_c, an integrity bound (10⁻⁷), far wider than
 *   the accuracy; used only when no NACp is known yet (DO-260B Table 2-14).
 *
 * A 95 % bound r on a circular bivariate normal error with per-axis σ satisfies
 * r = σ·√(−2 ln 0.05) ≈ 2.4477 σ (Rayleigh quantile), so σ = r / 2.4477. The result is the
 * per-axis (east, north) 1-sigma in metres, the meaning of `AdsbReport.positionSigma`.
 */

const NM = 1852;
/** √(−2 ln 0.05): 95 % radius of a circular normal in units of its per-axis σ. */
export const RAYLEIGH_95 = Math.sqrt(-2 * Math.log(0.05));

/** NACp → EPU bound, metres (index = NACp 0–11; 0 = unknown). DO-260B Table 2-71. */
export const NACP_EPU_M = [NaN, 10 * NM, 4 * NM, 2 * NM, 1 * NM, 0.5 * NM, 0.3 * NM, 0.1 * NM, 0.05 * NM, 30, 10, 3];
/** NUCp → R_cu bound, metres (index = NUCp 0–9; 0 = unknown). DO-260 Table 2-14. */
export const NUCP_RCU_M = [NaN, 20 * NM, 10 * NM, 2 * NM, 1 * NM, 0.5 * NM, 0.2 * NM, 0.1 * NM, 10, 3];
/** NIC → R_c bound, metres (index = NIC 0–11; 0 = unknown). DO-260B Table 2-14. */
export const NIC_RC_M = [NaN, 20 * NM, 8 * NM, 4 * NM, 2 * NM, 1 * NM, 0.6 * NM, 0.2 * NM, 0.1 * NM, 75, 25, 7.5];

/** Per-axis 1-sigma (m) implied by a NACp (1–11); NaN for 0 or out of range. */
export function sigmaFromNacp(nacp: number): number {
  const r = NACP_EPU_M[nacp];
  return r === undefined ? NaN : r / RAYLEIGH_95;
}

/** Per-axis 1-sigma (m) implied by a NUCp (1–9); NaN for 0 or out of range. */
export function sigmaFromNucp(nucp: number): number {
  const r = NUCP_RCU_M[nucp];
  return r === undefined ? NaN : r / RAYLEIGH_95;
}

/**
 * Conservative per-axis 1-sigma (m) from a NIC alone (no NACp received yet): the containment
 * radius taken as a 95 % bound. NaN for NIC 0.
 */
export function sigmaFromNic(nic: number): number {
  const r = NIC_RC_M[nic];
  return r === undefined ? NaN : r / RAYLEIGH_95;
}
