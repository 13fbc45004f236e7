/**
 * Radar plot → system measurement (the "measurement model").
 *
 * Skywatch uses a **converted-measurement** EKF: the polar plot (slant range ρ, azimuth θ and a
 * third coordinate: height or elevation) is converted exactly to a position in the system
 * frame, and its covariance is propagated through the Jacobian of that conversion,
 * R = J · diag(σ_ρ², σ_θ², σ_3²) · Jᵀ, with J evaluated at the measurement (first-order,
 * "linearised CMKF", Bar-Shalom et al. 2001, §10.4.3). The filter then sees a linear
 * position measurement (see `kalman.ts`).
 *
 * Conversion chain: (ρ, θ, h) → WGS-84 by the 4/3-effective-earth model of `geo/radar.ts`
 * (`polarToGeodetic`; with an elevation: `polarElevationToGeodetic`) → system plane
 * (`system_frame.ts`). J is the analytic Jacobian of that same chain ({@link polarJacobian}), so
 * the covariance is consistent with the earth-curvature model at any range.
 *
 * Third coordinate, in order of preference:
 * 1. Mode C pressure altitude (not garbled), σ = sensor `sigmas.modeC` or `modeCSigma`
 *    (25 ft quantisation ≈ 2.2 m rms plus transponder/encoder lag; default 30 m);
 * 2. `height3D` of a 3D radar, σ = ρ·σ_E when the elevation sigma is known, else `height3DSigma`;
 * 3. measured elevation, σ_E from the report or the sensor (else `height3DSigma`/ρ);
 * 4. none (PSR-only 2D plot): the caller supplies an assumed height and its sigma (the
 *    associated track's predicted height, or `defaultHeight`); the measurement is then
 *    two-dimensional (east, north) and the assumed-height uncertainty enters R through J.
 * Pressure altitude is used as a height above the ellipsoid; the difference (tens of metres)
 * is absorbed by the measurement noise.
 *
 * ADS-B reports (`convertAdsb`) carry a WGS-84 position measured by the aircraft: it is
 * converted directly (no polar step), with the covariance implied by its NACp/NUCp.
 */
import type { AdsbReport, Geodetic, PlotReport, SensorSigmas } from "../types/index.js";
import { effectiveRadius, elevationForHeight, gaussianRadius, groundRange, heightFromElevation, polarElevationToGeodetic, polarToGeodetic } from "../geo/index.js";
import type { SystemFrame } from "./system_frame.js";
import { allFinite } from "./linalg.js";

/** Where the height of a converted plot came from. */
export type HeightSource = "modeC" | "height3D" | "elevation" | "assumed";

/** Parameters of the measurement conversion (a subset of the tracker options). */
export interface MeasurementOptions {
  /** Refraction factor k of the effective earth radius (4/3 for the standard atmosphere). */
  k: number;
  /** Default 1-sigma Mode C altitude error, metres. */
  modeCSigma: number;
  /** Default 1-sigma height error of a 3D radar when no elevation sigma is known, metres. */
  height3DSigma: number;
  /**
   * How the polar measurement and its covariance are carried into the system frame:
   * "linearised" (Jacobian of the conversion at the measurement: the converted-measurement EKF)
   * or "unscented" (sigma points through the conversion: the converted-measurement UKF).
   * Default "linearised".
   */
  conversion?: "linearised" | "unscented";
}

/** A plot converted to the system frame. */
export interface ConvertedPlot {
  /** 3 when the plot carried height information, 2 for a plot converted at an assumed height. */
  dim: 2 | 3;
  /** Position (e, n, u) in the system frame, metres. */
  z: Float64Array;
  /** Full 3×3 covariance of `z`, row-major, m² (for dim 2 the up row is the assumed height's). */
  r: Float64Array;
  /** Where the height came from. */
  heightSource: HeightSource;
  /** Height above the ellipsoid used for the conversion, metres. */
  height: number;
}

/** The measured height coordinate of a plot, if any. */
interface ThirdCoordinate {
  kind: "modeC" | "height3D" | "elevation";
  value: number;
  sigma: number;
}

/** The plot's own height information (Mode C, 3D height or elevation), or undefined for a 2D plot. */
function thirdCoordinate(plot: PlotReport, sigmas: SensorSigmas, opts: MeasurementOptions): ThirdCoordinate | undefined {
  if (plot.modeC && !plot.modeC.garbled && Number.isFinite(plot.modeC.pressureAltitude)) {
    return { kind: "modeC", value: plot.modeC.pressureAltitude, sigma: sigmas.modeC ?? opts.modeCSigma };
  }
  const sigmaE = plot.elevationSigma ?? sigmas.elevation;
  if (plot.height3D !== undefined && Number.isFinite(plot.height3D)) {
    const sigma = sigmaE !== undefined ? Math.max(plot.range * sigmaE, 1) : opts.height3DSigma;
    return { kind: "height3D", value: plot.height3D, sigma };
  }
  if (plot.elevation !== undefined && Number.isFinite(plot.elevation)) {
    return { kind: "elevation", value: plot.elevation, sigma: sigmaE ?? opts.height3DSigma / Math.max(plot.range, 1) };
  }
  return undefined;
}

/**
 * The plot in the one shape the tracker's per-plot code reads: every field it uses, always
 * present (undefined when absent), in one order. Plots come from several decoders, receivers
 * and simulators, each building its objects with its own fields in its own order; read through
 * one shape, the per-plot code keeps one fast path instead of a lookup per shape.
 */
export function trackerPlot(p: PlotReport): PlotReport {
  return {
    kind: "plot", sensorId: p.sensorId, time: p.time, range: p.range, azimuth: p.azimuth,
    elevation: p.elevation, height3D: p.height3D, modeC: p.modeC, mode3A: p.mode3A, icaoAddress: p.icaoAddress,
    callsign: p.callsign, detection: p.detection, radarVelocity: p.radarVelocity,
    rangeSigma: p.rangeSigma, azimuthSigma: p.azimuthSigma, elevationSigma: p.elevationSigma,
  };
}

/** True when the plot carries a height (Mode C, 3D height or elevation). */
export function plotHasHeight(plot: PlotReport): boolean {
  return (
    (plot.modeC !== undefined && !plot.modeC.garbled && Number.isFinite(plot.modeC.pressureAltitude)) ||
    (plot.height3D !== undefined && Number.isFinite(plot.height3D)) ||
    (plot.elevation !== undefined && Number.isFinite(plot.elevation))
  );
}

const ENU_OUT = new Float64Array(3);
const JAC = new Float64Array(9);

/** Doubles per slab of measurement arrays (z and r of 2,730 plots). */
const SLAB_DOUBLES = 32_760;
let slab = new Float64Array(0);
let slabNext = 0;

/**
 * A new measurement's z (3) and r (9), as views of a shared slab rather than two buffers of
 * their own: a plot's measurement lives for one batch, and one slab allocation for thousands of
 * them saves the allocation and freeing of a backing store per plot. Slabs are never reused:
 * one is freed when the last measurement viewing it is.
 */
function measurementArrays(): { z: Float64Array; r: Float64Array } {
  if (slabNext + 12 > slab.length) {
    slab = new Float64Array(SLAB_DOUBLES);
    slabNext = 0;
  }
  const z = new Float64Array(slab.buffer, slabNext * 8, 3);
  const r = new Float64Array(slab.buffer, (slabNext + 3) * 8, 9);
  slabNext += 12;
  return { z, r };
}

/** True when a radar stands at the origin of the system frame (its plane is then the radar's polar ground plane). */
function atOrigin(site: Geodetic, frame: SystemFrame): boolean {
  return site.lat === frame.origin.lat && site.lon === frame.origin.lon;
}

function toEnu(site: Geodetic, frame: SystemFrame, k: number, useElevation: boolean, rho: number, az: number, third: number): Float64Array {
  if (atOrigin(site, frame)) {
    // A radar at the origin of the system frame: the plane's (x, y) is the ground range along
    // the azimuth (system_frame.ts), so the chain through WGS-84 reduces to the radar model.
    let d: number;
    let h: number;
    if (useElevation) {
      h = heightFromElevation(rho, third, site.height, site.lat, k);
      d = groundRange(rho, third, site.height, site.lat, k);
    } else {
      let el = elevationForHeight(rho, site.height, third, site.lat, k);
      if (Number.isNaN(el)) el = 0;
      d = groundRange(rho, el, site.height, site.lat, k);
      h = third;
    }
    ENU_OUT[0] = d * Math.sin(az);
    ENU_OUT[1] = d * Math.cos(az);
    ENU_OUT[2] = h;
    return ENU_OUT;
  }
  const g = useElevation
    ? polarElevationToGeodetic(site, { range: rho, azimuth: az, elevation: third }, k)
    : polarToGeodetic(site, rho, az, third, k);
  frame.toSystem(g, ENU_OUT);
  return ENU_OUT;
}

/**
 * The Jacobian of the conversion of `toEnu`, ∂(x, y, h)/∂(ρ, θ, third), into `jac` (row-major
 * 3×3; third = target height, or elevation when `useElevation`), at the converted position `z`.
 * Analytic, by the chain of the conversion:
 *
 * 1. radar model (`geo/radar.ts`): ground range d = kR·θe with θe = atan2(ρ cos E, Ra + ρ sin E),
 *    ∂θe/∂ρ = Ra cos E / q and ∂θe/∂E = −ρ (ρ + Ra sin E) / q, q = (Ra + ρ sin E)² + (ρ cos E)²;
 *    for a given height, E follows from Rt² = Ra² + ρ² + 2ρRa sin E: ∂E/∂ρ = −(ρ + Ra sin E) /
 *    (ρ Ra cos E), ∂E/∂h = Rt / (ρ Ra cos E); for an elevation, h = Rt − kR with ∂h/∂ρ =
 *    (ρ + Ra sin E)/Rt and ∂h/∂E = ρ Ra cos E / Rt;
 * 2. the spherical direct problem from the site (sphere of radius R_s): a change of d moves the
 *    ground point along the great circle (its final bearing α₂ at the point), a change of θ
 *    moves it across, by R_s sin(d/R_s) per radian;
 * 3. the azimuthal equidistant plane (`system_frame.ts`): true bearings at the point become
 *    grid bearings less the meridian convergence γ (the final minus the initial bearing of the
 *    great circle from the origin); the scale is 1 along the radius from the origin and δ/sin δ
 *    across it (δ the central angle from the origin; Snyder 1987, §25).
 */
export function polarJacobian(
  site: Geodetic, frame: SystemFrame, k: number, useElevation: boolean, rho: number, az: number, third: number, z: Float64Array, jac: Float64Array,
): void {
  const re = effectiveRadius(site.lat, k);
  const ra = re + site.height;
  // 1. Radar model: d and h against ρ and the third coordinate.
  let el: number, elRho: number, elThird: number, hRho: number, hThird: number;
  if (useElevation) {
    el = third;
    const rt = Math.sqrt(ra * ra + rho * rho + 2 * rho * ra * Math.sin(el));
    elRho = 0;
    elThird = 1;
    hRho = (rho + ra * Math.sin(el)) / rt;
    hThird = (rho * ra * Math.cos(el)) / rt;
  } else {
    el = elevationForHeight(rho, site.height, third, site.lat, k);
    hRho = 0;
    hThird = 1;
    if (Number.isNaN(el)) {
      // Out of geometry: the conversion puts the plot at zero elevation whatever the height.
      el = 0;
      elRho = 0;
      elThird = 0;
    } else {
      const denom = rho * ra * Math.max(Math.cos(el), 1e-9);
      elRho = -(rho + ra * Math.sin(el)) / denom;
      elThird = (re + third) / denom;
    }
  }
  const sinE = Math.sin(el), cosE = Math.cos(el);
  const X = ra + rho * sinE, Y = rho * cosE;
  const q = X * X + Y * Y;
  const thRho = (ra * cosE) / q, thEl = (-rho * (rho + ra * sinE)) / q;
  const d = re * Math.atan2(Y, X);
  const dRho = re * (thRho + thEl * elRho);
  const dThird = re * thEl * elThird;
  const sinAz = Math.sin(az), cosAz = Math.cos(az);
  let ex: number, ey: number, tx: number, ty: number; // ∂(x, y)/∂d and ∂(x, y)/∂θ
  if (atOrigin(site, frame)) {
    // A radar at the origin: (x, y) = d (sin θ, cos θ) (see toEnu).
    ex = sinAz; ey = cosAz;
    tx = d * cosAz; ty = -d * sinAz;
  } else {
    // 2. Along and across the great circle from the site, in true east/north at the point, per
    //    unit of central angle: along = (sin α₂, cos α₂) / R_s per metre of d, across =
    //    sin(d/R_s) (cos α₂, −sin α₂) per radian of θ.
    const rs = gaussianRadius(site.lat);
    const ds = d / rs;
    const sLat = Math.sin(site.lat), cLat = Math.cos(site.lat);
    const sd = Math.sin(ds), cd = Math.cos(ds);
    let fy = sinAz * cLat, fx = cd * cLat * cosAz - sLat * sd;
    let fn = Math.sqrt(fx * fx + fy * fy);
    if (fn === 0) { fy = sinAz; fx = cosAz; fn = 1; }
    const sA2 = fy / fn, cA2 = fx / fn;
    const alongE = sA2 / rs, alongN = cA2 / rs;
    const acrossE = sd * cA2, acrossN = -sd * sA2;
    // 3. Into the plane: rotate by −γ, scale by R_o radially and R_o δ/sin δ across.
    const rp = Math.sqrt(z[0] * z[0] + z[1] * z[1]);
    const ro = frame.radius;
    let cG = 1, sG = 0, sB = 0, cB = 1, kt = 1;
    if (rp > 1) {
      sB = z[0] / rp; cB = z[1] / rp;
      const delta = rp / ro;
      const sDel = Math.sin(delta), cDel = Math.cos(delta);
      const sO = Math.sin(frame.origin.lat), cO = Math.cos(frame.origin.lat);
      // Final bearing at the point of the great circle from the origin.
      const gy = sB * cO, gx = cDel * cO * cB - sO * sDel;
      const gn = Math.sqrt(gx * gx + gy * gy);
      if (gn > 0) {
        const sF = gy / gn, cF = gx / gn;
        cG = cF * cB + sF * sB; // γ = final − initial bearing
        sG = sF * cB - cF * sB;
      }
      kt = delta / sDel;
    }
    toPlane(alongE, alongN, cG, sG, sB, cB, ro, kt, PLANE);
    ex = PLANE[0]; ey = PLANE[1];
    toPlane(acrossE, acrossN, cG, sG, sB, cB, ro, kt, PLANE);
    tx = PLANE[0]; ty = PLANE[1];
  }
  jac[0] = ex * dRho; jac[1] = tx; jac[2] = ex * dThird;
  jac[3] = ey * dRho; jac[4] = ty; jac[5] = ey * dThird;
  jac[6] = hRho; jac[7] = 0; jac[8] = hThird;
}

const PLANE = new Float64Array(2);

/**
 * A displacement (e, n) in true east/north at a point, in radians of central angle, into the
 * system plane (m): turned by −γ (cos γ, sin γ) to grid axes, then scaled by the radius `ro`
 * along the radial direction (sin β, cos β) from the origin and by `ro`·`kt` across it.
 */
function toPlane(e: number, n: number, cG: number, sG: number, sB: number, cB: number, ro: number, kt: number, out: Float64Array): void {
  const ge = e * cG - n * sG, gn = n * cG + e * sG; // grid east and north
  const radial = ge * sB + gn * cB, across = ge * cB - gn * sB;
  out[0] = ro * (radial * sB + kt * across * cB);
  out[1] = ro * (radial * cB - kt * across * sB);
}

/** Scaling κ of the unscented transform (n + κ = 4 for the three polar coordinates). */
const UT_KAPPA = 1;

/**
 * The unscented transform of a polar measurement with independent errors (Julier & Uhlmann,
 * Proc. IEEE 92(3), 2004, §IV): 2n + 1 sigma points m ± √(n + κ)·σ_i e_i through the exact
 * conversion chain, mean and covariance from their weighted sample moments (W₀ = κ/(n + κ),
 * W_i = 1/(2(n + κ))). Unlike the linearised conversion it captures the curvature of the polar
 * error ellipse at long range (the conversion bias; Lerro & Bar-Shalom 1993).
 */
function unscentedConversion(site: Geodetic, frame: SystemFrame, k: number, useElevation: boolean, mean: number[], sig: number[]): { z: Float64Array; r: Float64Array } {
  const n = 3;
  const spread = Math.sqrt(n + UT_KAPPA);
  const w0 = UT_KAPPA / (n + UT_KAPPA);
  const wi = 1 / (2 * (n + UT_KAPPA));
  const pts: Float64Array[] = [Float64Array.from(toEnu(site, frame, k, useElevation, mean[0], mean[1], mean[2]))];
  for (let c = 0; c < n; c++) {
    for (const sgn of [1, -1]) {
      const m = mean.slice();
      m[c] += sgn * spread * sig[c];
      pts.push(Float64Array.from(toEnu(site, frame, k, useElevation, m[0], m[1], m[2])));
    }
  }
  const z = new Float64Array(3);
  pts.forEach((p, i) => {
    const w = i === 0 ? w0 : wi;
    for (let a = 0; a < 3; a++) z[a] += w * p[a];
  });
  const r = new Float64Array(9);
  pts.forEach((p, i) => {
    const w = i === 0 ? w0 : wi;
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) r[a * 3 + b] += w * (p[a] - z[a]) * (p[b] - z[b]);
  });
  return { z, r };
}

/**
 * Converts a plot to the system frame with its covariance.
 *
 * @param plot the radar plot (range > 0, finite azimuth; the caller validates).
 * @param site the sensor's antenna position.
 * @param sigmas the sensor's default sigmas (report sigmas take precedence).
 * @param frame the system frame.
 * @param assumed height (m above the ellipsoid) and 1-sigma (m) to use when the plot has no
 *   height of its own; ignored otherwise.
 */
export function convertPlot(
  plot: PlotReport,
  site: Geodetic,
  sigmas: SensorSigmas,
  frame: SystemFrame,
  opts: MeasurementOptions,
  assumed: { height: number; sigma: number },
): ConvertedPlot {
  const third = thirdCoordinate(plot, sigmas, opts);
  const useElevation = third?.kind === "elevation";
  let v3 = third ? third.value : assumed.height;
  let s3 = third ? third.sigma : assumed.sigma;
  if (!third) {
    // An assumed height the slant range cannot reach (a plot close to the radar): take the
    // highest reachable height at 45° elevation instead, and say the height is unknown to
    // within the slant range, so that the plot's ground position carries that uncertainty.
    const reachable = Math.SQRT1_2 * plot.range;
    const dh = v3 - site.height;
    if (Math.abs(dh) > reachable) {
      v3 = site.height + Math.sign(dh) * reachable;
      s3 = Math.max(s3, plot.range);
    }
  }
  const sr = plot.rangeSigma ?? sigmas.range;
  const sa = plot.azimuthSigma ?? sigmas.azimuth;
  const rho = plot.range;
  const az = plot.azimuth;
  const k = opts.k;

  if (opts.conversion === "unscented") {
    const u = unscentedConversion(site, frame, k, useElevation, [rho, az, v3], [sr, sa, s3]);
    let height = v3;
    if (useElevation) height = polarElevationToGeodetic(site, { range: rho, azimuth: az, elevation: v3 }, k).height;
    return { dim: third ? 3 : 2, z: u.z, r: u.r, heightSource: third ? third.kind : "assumed", height };
  }
  const { z, r } = measurementArrays();
  z.set(toEnu(site, frame, k, useElevation, rho, az, v3));
  const jac = JAC; // row i: ∂z_i/∂(ρ, θ, third)
  polarJacobian(site, frame, k, useElevation, rho, az, v3, z, jac);
  const v0 = sr * sr, v1 = sa * sa, v2 = s3 * s3;
  for (let i = 0; i < 3; i++) {
    for (let j = i; j < 3; j++) {
      const s = jac[i * 3] * v0 * jac[j * 3] + jac[i * 3 + 1] * v1 * jac[j * 3 + 1] + jac[i * 3 + 2] * v2 * jac[j * 3 + 2];
      r[i * 3 + j] = s;
      r[j * 3 + i] = s;
    }
  }
  // With an elevation, the height the conversion found (z[2] is the target's height).
  const height = useElevation ? z[2] : v3;
  return { dim: third ? 3 : 2, z, r, heightSource: third ? third.kind : "assumed", height };
}

/** Parameters of the ADS-B measurement conversion (a subset of the tracker options). */
export interface AdsbMeasurementOptions {
  /** Horizontal 1-sigma per axis when the report carries no `positionSigma`, metres. */
  adsbPositionSigma: number;
  /** 1-sigma of an ADS-B height (pressure altitude or GNSS height), metres. */
  modeCSigma: number;
}


/**
 * Converts an ADS-B report's WGS-84 position to the system frame with its covariance.
 *
 * Height, in order of preference: the pressure altitude (as for radar Mode C, so that ADS-B
 * and SSR updates of one track agree in height; used as a height above the ellipsoid like Mode
 * C, see module doc), else the geometric height, else `assumed` (a surface report or a report
 * without altitude: the track's height or the default height, with its sigma). Covariance:
 * diag(σ_h², σ_h², σ_v²) in the local ENU frame at the aircraft (σ_h = `positionSigma` from
 * NACp/NUCp, else `adsbPositionSigma`), rotated into the system frame. Always 3-dimensional
 * (an assumed height only carries a large vertical variance).
 *
 * @returns undefined when the report has no finite position.
 */
export function convertAdsb(
  report: AdsbReport, frame: SystemFrame, opts: AdsbMeasurementOptions, assumed: { height: number; sigma: number },
): ConvertedPlot | undefined {
  const p = report.position;
  if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lon) || Math.abs(p.lat) > Math.PI / 2) return undefined;
  let height = assumed.height;
  let sv = assumed.sigma;
  let source: HeightSource = "assumed";
  if (report.pressureAltitude !== undefined && Number.isFinite(report.pressureAltitude)) {
    height = report.pressureAltitude;
    sv = opts.modeCSigma;
    source = "modeC";
  } else if (report.geometricHeight !== undefined && Number.isFinite(report.geometricHeight)) {
    height = report.geometricHeight;
    sv = opts.modeCSigma;
    source = "height3D";
  } else if (report.heightType && Number.isFinite(p.height)) {
    height = p.height;
    sv = opts.modeCSigma;
    source = report.heightType === "barometric" ? "modeC" : "height3D";
  }
  const sh = report.positionSigma !== undefined && report.positionSigma > 0 ? report.positionSigma : opts.adsbPositionSigma;
  const g = { lat: p.lat, lon: p.lon, height };
  const z = new Float64Array(3);
  frame.toSystem(g, z);
  // Horizontal errors are isotropic, so the rotation of local ENU into the plane (meridian
  // convergence) leaves them unchanged; the plane's scale is 1 within 0.04 % (system_frame.ts).
  const r = Float64Array.of(sh * sh, 0, 0, 0, sh * sh, 0, 0, 0, sv * sv);
  if (!allFinite(z) || !allFinite(r)) return undefined;
  return { dim: 3, z, r, heightSource: source, height };
}
