/**
 * Target trajectories: routes of waypoints flown with straight legs, coordinated (bank-limited)
 * fly-by turns, constant-acceleration speed changes and climbs/descents at a vertical rate.
 *
 * Horizontal kinematics are computed in an azimuthal equidistant plane about the centroid of
 * the route's waypoints (a sphere of the local Gaussian radius, as `geo.destination` uses):
 * distances from the centre are true, others stretched by at most (d/R)²/6, about 1e-4 at
 * 200 km, which is far below anything a radar sees. Positions are mapped back to WGS-84 and
 * velocities are taken in the local ENU frame of the position (so the meridian convergence of
 * the plane never leaks into headings). Like `geo.destination`, the plane lives on the local
 * sphere, so flown ground speeds differ from the waypoints' nominal speeds by up to ~0.2 %
 * (ellipsoid vs sphere); the reported velocity is always the true motion of the position.
 *
 * Heights: a waypoint's `altitude` is metres above mean sea level; the simulator uses it as the
 * height above the WGS-84 ellipsoid and as the ISA pressure altitude (geoid undulation and
 * non-standard pressure, a few tens of metres, are ignored).
 */
import type { Enu, Geodetic } from "../geo/index.js";
import { WGS84_A, WGS84_E2, fromDegrees, gaussianRadius, inverseSphere, wrapPi } from "../geo/index.js";
import { ScenarioError } from "./errors.js";

/** Standard gravity, m/s² (ISO 80000-3). */
export const STANDARD_GRAVITY = 9.80665;

/** Default bank angle of turns, radians (25°, a typical airliner autopilot limit). */
export const DEFAULT_BANK_ANGLE = (25 * Math.PI) / 180;

/** One waypoint of a route, in configuration units (degrees at the edge, SI otherwise). */
export interface Waypoint {
  /** Latitude, degrees north. */
  latDeg: number;
  /** Longitude, degrees east. */
  lonDeg: number;
  /** Altitude at the waypoint, metres above mean sea level (see the module note on heights). */
  altitude: number;
  /** Ground speed at the waypoint, m/s (> 0). Legs change speed with constant acceleration. */
  speed: number;
  /** Vertical rate (magnitude, m/s, > 0) on the leg leaving this waypoint; default the route's climb/descent rate. */
  verticalRate?: number;
}

/** A route as a scenario declares it. */
export interface RouteSpec {
  /** At least 2 waypoints (3 for a loop). */
  waypoints: Waypoint[];
  /** After the last waypoint fly back to the first and go round forever; otherwise the route ends at the last. */
  loop?: boolean;
  /** Bank angle of the coordinated turns, radians (default 25°). Turn radius R = v² / (g·tan φ). */
  bankAngle?: number;
  /** Default climb rate, m/s (default 10, about 2000 ft/min). */
  climbRate?: number;
  /** Default descent rate, m/s (default 8, about 1600 ft/min). */
  descentRate?: number;
}

/** Kinematic state of a target. */
export interface TargetState {
  /** Position on WGS-84 (radians, metres above the ellipsoid). */
  position: Geodetic;
  /** Velocity in the ENU frame at `position`, m/s. */
  velocity: Enu;
}

/** A straight part of the path: start point, unit direction, initial speed and constant acceleration. */
interface LineSegment {
  kind: "line";
  t0: number;
  duration: number;
  x0: number;
  y0: number;
  ux: number;
  uy: number;
  v0: number;
  a: number;
}

/** A constant-speed circular arc: centre, radius, start angle (math convention, from +x) and sense (+1 left). */
interface ArcSegment {
  kind: "arc";
  t0: number;
  duration: number;
  cx: number;
  cy: number;
  radius: number;
  phi0: number;
  sense: number;
  v: number;
}

type Segment = LineSegment | ArcSegment;

/** A compiled route, ready to be evaluated at any time. Immutable; build with `compileTrajectory`. */
export interface Trajectory {
  /** Centre of the projection plane. */
  readonly reference: Geodetic;
  /** The path in the plane (x east, y north, metres), in path-time order. */
  readonly segments: readonly Segment[];
  /** True for a route that loops forever. */
  readonly loop: boolean;
  /** Duration of the route (open) or of one lap (loop), seconds. */
  readonly duration: number;
  /** Loops only: path time of route time 0 (the passage at the first waypoint). */
  readonly phase: number;
  /** Altitude profile: (route time s, altitude m) pairs, times ascending. */
  readonly altitudeKnots: Float64Array;
  /** Route time at which each waypoint is passed (abeam the waypoint at mid-turn), seconds. */
  readonly waypointTimes: readonly number[];
  /** Local sphere radius (Gaussian radius of curvature) at `reference`, m: computed once for speed. */
  readonly refRadius: number;
  /** sin and cos of `reference.lat` (computed once for speed). */
  readonly refSinLat: number;
  readonly refCosLat: number;
}

interface PlanePoint {
  x: number;
  y: number;
}

function toPlane(ref: Geodetic, radius: number, p: Geodetic): PlanePoint {
  const { angle, bearing } = inverseSphere(ref, p);
  const d = angle * radius;
  return { x: d * Math.sin(bearing), y: d * Math.cos(bearing) };
}

/**
 * Plane point → WGS-84: `geo.destination` from the reference along bearing atan2(x, y) for the
 * distance hypot(x, y), with the reference's radius and trigonometry taken from the trajectory
 * (the same operations in the same order, so the same numbers as `destination`).
 */
function fromPlane(traj: Trajectory, x: number, y: number, height: number): Geodetic {
  planeToLatLon(traj, x, y);
  return { lat: LL[0], lon: LL[1], height };
}

/** Latitude and longitude (rad) of `fromPlane`, into `LL` (no allocation). */
const LL = new Float64Array(2);
function planeToLatLon(traj: Trajectory, x: number, y: number): void {
  const azimuth = Math.atan2(x, y);
  const d = Math.hypot(x, y) / traj.refRadius;
  const sLat = traj.refSinLat;
  const cLat = traj.refCosLat;
  const sd = Math.sin(d);
  const cd = Math.cos(d);
  const lat = Math.asin(sLat * cd + cLat * sd * Math.cos(azimuth));
  const lon = traj.reference.lon + Math.atan2(Math.sin(azimuth) * sd * cLat, cd - sLat * Math.sin(lat));
  LL[0] = lat;
  LL[1] = wrapPi(lon);
}

function validate(spec: RouteSpec): void {
  const n = spec.waypoints.length;
  if (n < (spec.loop ? 3 : 2)) throw new ScenarioError(`a ${spec.loop ? "loop" : "route"} needs at least ${spec.loop ? 3 : 2} waypoints, got ${n}`);
  for (const [i, w] of spec.waypoints.entries()) {
    const ok = Number.isFinite(w.latDeg) && Math.abs(w.latDeg) < 89 && Number.isFinite(w.lonDeg) &&
      Number.isFinite(w.altitude) && Number.isFinite(w.speed) && w.speed > 0 &&
      (w.verticalRate === undefined || (Number.isFinite(w.verticalRate) && w.verticalRate > 0));
    if (!ok) throw new ScenarioError(`waypoint ${i} is invalid: ${JSON.stringify(w)}`);
  }
  const bank = spec.bankAngle ?? DEFAULT_BANK_ANGLE;
  if (!(bank > 0 && bank < Math.PI / 2)) throw new ScenarioError(`bank angle must be in (0, π/2) rad, got ${bank}`);
  for (const r of [spec.climbRate, spec.descentRate]) {
    if (r !== undefined && !(Number.isFinite(r) && r > 0)) throw new ScenarioError(`vertical rates must be > 0 m/s, got ${r}`);
  }
}

/**
 * Compiles a route into a trajectory.
 *
 * - Legs are straight; at each interior waypoint (every waypoint of a loop) the target turns
 *   by the course change Δψ on a circle of radius v²/(g·tan φ) tangent to both legs (fly-by),
 *   starting R·tan(|Δψ|/2) before the waypoint. If that anticipation would exceed half of
 *   either adjacent leg, the radius is reduced so it fits (a steeper bank than asked).
 * - A turn is flown at the waypoint's speed; a straight leg changes speed with constant
 *   acceleration from its start waypoint's speed to its end waypoint's speed.
 * - On leaving waypoint i the target climbs or descends toward waypoint i+1's altitude at the
 *   vertical rate, then holds it; if the altitude is not reached by the next waypoint it goes on
 *   toward the following one.
 * - An open route starts exactly at the first waypoint (route time 0) and ends at the last.
 *   A loop's route time 0 is the passage abeam the first waypoint, at its altitude.
 *
 * @throws ScenarioError for fewer than 2 (loop: 3) waypoints, non-finite or non-positive values,
 *   zero-length legs, course reversals over 175°, or a loop whose altitude profile does not
 *   come back to the first waypoint's altitude within one lap.
 */
export function compileTrajectory(spec: RouteSpec): Trajectory {
  validate(spec);
  const wps = spec.waypoints;
  const n = wps.length;
  const loop = spec.loop === true;
  const bank = spec.bankAngle ?? DEFAULT_BANK_ANGLE;
  const geo = wps.map((w) => fromDegrees(w.latDeg, w.lonDeg, w.altitude));
  const reference: Geodetic = {
    lat: geo.reduce((s, p) => s + p.lat, 0) / n,
    lon: geo.reduce((s, p) => s + p.lon, 0) / n,
    height: 0,
  };
  const radius = gaussianRadius(reference.lat);
  const pts = geo.map((p) => toPlane(reference, radius, p));

  // Legs: leg i goes from waypoint i to waypoint i+1 (mod n for loops).
  const legCount = loop ? n : n - 1;
  const legs: { length: number; ux: number; uy: number }[] = [];
  for (let i = 0; i < legCount; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % n];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (!(length > 1)) throw new ScenarioError(`leg ${i} → ${(i + 1) % n} has zero length`);
    legs.push({ length, ux: (b.x - a.x) / length, uy: (b.y - a.y) / length });
  }

  // Turns at waypoints: signed course change, radius, anticipation distance.
  const turns = wps.map((w, i) => {
    const inLeg = loop ? legs[(i - 1 + n) % n] : legs[i - 1];
    const outLeg = legs[i];
    if (inLeg === undefined || outLeg === undefined) return { delta: 0, radius: 0, lead: 0 };
    const delta = Math.atan2(inLeg.ux * outLeg.uy - inLeg.uy * outLeg.ux, inLeg.ux * outLeg.ux + inLeg.uy * outLeg.uy);
    if (Math.abs(delta) < 1e-9) return { delta: 0, radius: 0, lead: 0 };
    if (Math.abs(delta) > (175 * Math.PI) / 180) throw new ScenarioError(`course reversal of more than 175° at waypoint ${i}`);
    const t = Math.tan(Math.abs(delta) / 2);
    let r = (w.speed * w.speed) / (STANDARD_GRAVITY * Math.tan(bank));
    const limit = Math.min(inLeg.length, outLeg.length) / 2;
    if (r * t > limit) r = limit / t;
    return { delta, radius: r, lead: r * t };
  });

  const segments: Segment[] = [];
  const passPathTime = new Array<number>(n).fill(0);
  let t = 0;
  for (let i = 0; i < legCount; i++) {
    const j = (i + 1) % n;
    const leg = legs[i];
    const s0 = turns[i].lead;
    const s1 = turns[j].lead;
    const length = Math.max(0, leg.length - s0 - s1);
    const v0 = wps[i].speed;
    const v1 = wps[j].speed;
    if (length > 1e-9) {
      const duration = (2 * length) / (v0 + v1);
      segments.push({
        kind: "line", t0: t, duration, x0: pts[i].x + leg.ux * s0, y0: pts[i].y + leg.uy * s0,
        ux: leg.ux, uy: leg.uy, v0, a: (v1 * v1 - v0 * v0) / (2 * length),
      });
      t += duration;
    }
    const turn = turns[j];
    if (turn.lead > 0) {
      const sense = Math.sign(turn.delta);
      const px = pts[j].x - leg.ux * turn.lead;
      const py = pts[j].y - leg.uy * turn.lead;
      const cx = px - sense * leg.uy * turn.radius;
      const cy = py + sense * leg.ux * turn.radius;
      const duration = (turn.radius * Math.abs(turn.delta)) / v1;
      segments.push({ kind: "arc", t0: t, duration, cx, cy, radius: turn.radius, phi0: Math.atan2(py - cy, px - cx), sense, v: v1 });
      passPathTime[j] = t + duration / 2;
      t += duration;
    } else {
      passPathTime[j] = t;
    }
  }
  const duration = t;
  // Route time of each waypoint passage; loops start (route time 0) abeam waypoint 0.
  const phase = loop ? passPathTime[0] : 0;
  const waypointTimes = passPathTime.map((p, i) => (i === 0 ? 0 : loop ? mod(p - phase, duration) : p));

  const altitudeKnots = altitudeProfile(spec, waypointTimes, duration, loop);
  return {
    reference, segments, loop, duration, phase, altitudeKnots, waypointTimes,
    refRadius: radius, refSinLat: Math.sin(reference.lat), refCosLat: Math.cos(reference.lat),
  };
}

function altitudeProfile(spec: RouteSpec, times: readonly number[], duration: number, loop: boolean): Float64Array {
  const wps = spec.waypoints;
  const n = wps.length;
  const climb = spec.climbRate ?? 10;
  const descent = spec.descentRate ?? 8;
  const knots: number[] = [0, wps[0].altitude];
  let h = wps[0].altitude;
  const push = (tk: number, hk: number): void => {
    if (knots[knots.length - 2] === tk) knots[knots.length - 1] = hk;
    else knots.push(tk, hk);
  };
  const legCount = loop ? n : n - 1;
  for (let i = 0; i < legCount; i++) {
    const tA = times[i];
    const tB = i + 1 < n ? times[i + 1] : duration;
    const target = wps[(i + 1) % n].altitude;
    push(tA, h);
    if (Math.abs(target - h) < 1e-9) continue;
    const rate = wps[i].verticalRate ?? (target > h ? climb : descent);
    const dt = Math.abs(target - h) / rate;
    if (tA + dt <= tB) {
      push(tA + dt, target);
      h = target;
    } else {
      h += Math.sign(target - h) * rate * (tB - tA);
      push(tB, h);
    }
  }
  push(duration, h);
  if (loop && Math.abs(h - wps[0].altitude) > 0.5) {
    throw new ScenarioError(`loop ends a lap at ${h.toFixed(0)} m instead of ${wps[0].altitude} m; raise the vertical rate or lengthen the last leg`);
  }
  return Float64Array.from(knots);
}

function mod(a: number, m: number): number {
  const r = a % m;
  return r < 0 ? r + m : r;
}

/**
 * Scratch of the evaluation functions below (one thread, no re-entry): plane x, y (m),
 * vx, vy (m/s), altitude (m), vertical rate (m/s). Saves an object per evaluation.
 */
const Q = new Float64Array(6);
const QX = 0, QY = 1, QVX = 2, QVY = 3, QH = 4, QRATE = 5;

/** Altitude (m) and vertical rate (m/s) at a route time inside [0, duration], into `Q`. */
function altitudeAt(knots: Float64Array, t: number): void {
  const count = knots.length / 2;
  if (t <= knots[0]) {
    Q[QH] = knots[1];
    Q[QRATE] = 0;
    return;
  }
  if (t >= knots[2 * (count - 1)]) {
    Q[QH] = knots[2 * count - 1];
    Q[QRATE] = 0;
    return;
  }
  let lo = 0;
  let hi = count - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (knots[2 * mid] <= t) lo = mid;
    else hi = mid;
  }
  const t0 = knots[2 * lo];
  const t1 = knots[2 * hi];
  const rate = (knots[2 * hi + 1] - knots[2 * lo + 1]) / (t1 - t0);
  Q[QH] = knots[2 * lo + 1] + rate * (t - t0);
  Q[QRATE] = rate;
}

/** Plane position and velocity at a path time inside [0, duration], into `Q`. */
function planeAt(segments: readonly Segment[], p: number): void {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].t0 <= p) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo];
  const tau = Math.min(Math.max(p - s.t0, 0), s.duration);
  if (s.kind === "line") {
    const d = s.v0 * tau + 0.5 * s.a * tau * tau;
    const v = s.v0 + s.a * tau;
    Q[QX] = s.x0 + s.ux * d;
    Q[QY] = s.y0 + s.uy * d;
    Q[QVX] = s.ux * v;
    Q[QVY] = s.uy * v;
    return;
  }
  const phi = s.phi0 + (s.sense * s.v * tau) / s.radius;
  const c = Math.cos(phi);
  const sn = Math.sin(phi);
  Q[QX] = s.cx + s.radius * c;
  Q[QY] = s.cy + s.radius * sn;
  Q[QVX] = -s.sense * s.v * sn;
  Q[QVY] = s.sense * s.v * c;
}

/** Evaluates the plane motion (and the altitude profile when `altitude`) at a route time into `Q`; false outside the route. */
function evaluate(traj: Trajectory, t: number, altitude: boolean): boolean {
  if (!(t >= 0)) return false;
  let path = t;
  let profile = t;
  if (traj.loop) {
    path = mod(t + traj.phase, traj.duration);
    profile = mod(t, traj.duration);
  } else if (t > traj.duration) {
    return false;
  }
  planeAt(traj.segments, path);
  if (altitude) altitudeAt(traj.altitudeKnots, profile);
  return true;
}

/**
 * Position at a route time (seconds since the route's start), or undefined before the start
 * and, for open routes, after the end. Cheaper than `trajectoryStateAt` (no velocity).
 */
export function trajectoryPositionAt(traj: Trajectory, t: number): Geodetic | undefined {
  if (!evaluate(traj, t, true)) return undefined;
  return fromPlane(traj, Q[QX], Q[QY], Q[QH]);
}

/**
 * `trajectoryPositionAt` without allocation: writes latitude (rad), longitude (rad) and height
 * (m) to `out[offset…offset+2]` and returns true, or returns false (and writes nothing) outside the route.
 */
export function trajectoryPositionInto(traj: Trajectory, t: number, out: Float64Array, offset = 0): boolean {
  if (!evaluate(traj, t, true)) return false;
  planeToLatLon(traj, Q[QX], Q[QY]);
  out[offset] = LL[0];
  out[offset + 1] = LL[1];
  out[offset + 2] = Q[QH];
  return true;
}

/**
 * Position and ENU velocity at a route time (seconds since the route's start), or undefined
 * before the start and, for open routes, after the end. Pure.
 *
 * The horizontal velocity is the plane velocity carried through the projection analytically:
 * the time derivative of the latitude and longitude that `fromPlane` gives (spherical direct
 * problem), turned into metres on the ellipsoid at the target's height, east = (N + h)·cos φ·dλ/dt,
 * north = (M + h)·dφ/dt (N, M: prime-vertical and meridional radii of WGS-84), so it is the true
 * motion of the reported position.
 */
export function trajectoryStateAt(traj: Trajectory, t: number): TargetState | undefined {
  if (!evaluate(traj, t, true)) return undefined;
  const x = Q[QX];
  const y = Q[QY];
  const vx = Q[QVX];
  const vy = Q[QVY];
  const h = Q[QH];
  const position = fromPlane(traj, x, y, h);
  const r = traj.refRadius;
  const sL = traj.refSinLat;
  const cL = traj.refCosLat;
  const dist = Math.hypot(x, y);
  const delta = dist / r;
  const cd = Math.cos(delta);
  // u = sin δ / D (δ = D / r) and g = (cos δ / r − u) / D², with their series near the reference.
  let u: number;
  let g: number;
  if (delta > 1e-4) {
    u = Math.sin(delta) / dist;
    g = (cd / r - u) / (dist * dist);
  } else {
    u = (1 - (delta * delta) / 6) / r;
    g = (-1 / 3 + (delta * delta) / 30) / (r * r * r);
  }
  const dd = x * vx + y * vy; // D·dD/dt
  const du = dd * g; // du/dt
  // sin φ = sL·cos δ + cL·u·y;  λ − λref = atan2(cL·u·x, cos δ − sL·sin φ).
  const sLat = sL * cd + cL * u * y;
  const cLat = Math.sqrt(Math.max(0, 1 - sLat * sLat));
  const dsLat = (-sL * u * dd) / r + cL * (du * y + u * vy);
  const yy = cL * u * x;
  const xx = cd - sL * sLat;
  const dyy = cL * (du * x + u * vx);
  const dxx = (-u * dd) / r - sL * dsLat;
  const dLon = (xx * dyy - yy * dxx) / (xx * xx + yy * yy);
  const dLat = cLat > 0 ? dsLat / cLat : 0;
  const w = 1 - WGS84_E2 * sLat * sLat;
  const n = WGS84_A / Math.sqrt(w);
  const m = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  return { position, velocity: { east: (n + h) * cLat * dLon, north: (m + h) * dLat, up: Q[QRATE] } };
}

/** What `trajectoryAzimuthAt` needs of a site and a trajectory, computed once per pair (`azimuthView`). */
export interface AzimuthView {
  /** sin and cos of the site latitude. */
  sinLat: number;
  cosLat: number;
  /** sin and cos of (trajectory reference longitude − site longitude). */
  sinDLon: number;
  cosDLon: number;
}

/** The site/trajectory constants of `trajectoryAzimuthAt`. `site` in radians. */
export function azimuthView(traj: Trajectory, site: Geodetic): AzimuthView {
  const a = traj.reference.lon - site.lon;
  return { sinLat: Math.sin(site.lat), cosLat: Math.cos(site.lat), sinDLon: Math.sin(a), cosDLon: Math.cos(a) };
}

/**
 * Azimuth (rad, clockwise from north, [0, 2π)) of the target at route time `t` as seen from the
 * site of `view`, by the spherical bearing `geo.inverseSphere` (and so `geodeticToPolar`) uses,
 * or NaN outside the route. For the beam-crossing search: no height, no allocation, and no trigonometry
 * beyond sin/cos of the angular distance (plus an arc's angle) and one atan2; it agrees with
 * `geodeticToPolar(site, trajectoryPositionAt(traj, t)).azimuth` to rounding.
 */
export function trajectoryAzimuthAt(traj: Trajectory, t: number, view: AzimuthView): number {
  if (!evaluate(traj, t, false)) return Number.NaN;
  const x = Q[QX];
  const y = Q[QY];
  const dist = Math.hypot(x, y);
  const delta = dist / traj.refRadius;
  const sd = Math.sin(delta);
  const cd = Math.cos(delta);
  const sinAz = dist > 0 ? x / dist : 0;
  const cosAz = dist > 0 ? y / dist : 1;
  const sL = traj.refSinLat;
  const cL = traj.refCosLat;
  const sLat = sL * cd + cL * sd * cosAz;
  const cLat = Math.sqrt(Math.max(0, 1 - sLat * sLat));
  // Longitude from the reference: atan2(yy, xx); then from the site by the angle-sum identities.
  const yy = sinAz * sd * cL;
  const xx = cd - sL * sLat;
  const hh = Math.hypot(xx, yy);
  const s = hh > 0 ? yy / hh : 0;
  const c = hh > 0 ? xx / hh : 1;
  const sinDLon = view.sinDLon * c + view.cosDLon * s;
  const cosDLon = view.cosDLon * c - view.sinDLon * s;
  const az = Math.atan2(sinDLon * cLat, view.cosLat * sLat - view.sinLat * cLat * cosDLon);
  return az < 0 ? az + 2 * Math.PI : az;
}

/** A trajectory placed in scenario time: route time 0 happens at `startTime` (scenario seconds, may be negative). */
export interface TimedTrajectory {
  trajectory: Trajectory;
  /** Scenario time (s) at which the route starts. */
  startTime: number;
}

/**
 * State of a target at a scenario time (seconds): position (WGS-84, rad/m) and ENU velocity (m/s),
 * or undefined when the target does not exist then (before its start, after an open route's end).
 */
export function targetStateAt(target: TimedTrajectory, time: number): TargetState | undefined {
  return trajectoryStateAt(target.trajectory, time - target.startTime);
}
