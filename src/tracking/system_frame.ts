/**
 * The tracker's system frame: a plane and a height, in which level straight flight is a
 * straight line (so a nearly-constant-velocity model fits it with little process noise).
 *
 * Coordinates (x, y, h): (x, y) the azimuthal equidistant projection on the sphere of the
 * Gaussian mean radius R at the system origin (x east, y north at the origin, metres; the
 * distance from the origin along the sphere and the initial bearing of the great circle:
 * x = R·θ·sin β, y = R·θ·cos β; Snyder, *Map Projections — A Working Manual*, USGS PP 1395,
 * 1987, §25), and h the height above the WGS-84 ellipsoid, metres. It is the sphere of the radar
 * model of `geo/radar.ts` (great-circle ground distances on the local sphere, 4/3-earth
 * refraction), so for a radar at the origin a plot's (x, y) is its ground range along its
 * azimuth. Air-traffic trackers use such a plane plus height (ARTAS: stereographic plane and
 * altitude) rather than a flat ENU frame, in which a level aircraft curves downward by d²/2R
 * (3 km at 200 km) and accelerates vertically.
 *
 * Velocities are (ẋ, ẏ, ḣ); within 300 km of the origin the projection's scale differs from 1
 * by less than 0.04 % and its grid north from true north by the meridian convergence, which
 * `velocityToEnu` accounts for.
 */
import type { Enu, Geodetic } from "../types/index.js";
import { destination, gaussianRadius, inverseSphere } from "../geo/index.js";

/** The system frame of one tracker. */
export interface SystemFrame {
  /** Origin (WGS-84, radians and metres; its height is not used). */
  readonly origin: Geodetic;
  /** Radius of the projection sphere (Gaussian mean radius at the origin), metres. */
  readonly radius: number;
  /** Writes (x, y, h) of a WGS-84 position into `out[0..2]`. */
  toSystem(g: Geodetic, out: Float64Array): void;
  /** WGS-84 position of system coordinates (x, y in metres on the plane, h above the ellipsoid). */
  toGeodetic(x: number, y: number, h: number): Geodetic;
  /**
   * The velocity of state `s` = [x, y, h, ẋ, ẏ, ḣ] in the local ENU frame at its position, m/s:
   * (ẋ, ẏ) turned by the meridian convergence γ at the point (the angle from grid north to
   * true north), vertical = ḣ. `at`, when given, must be the geodetic position of (x, y, h);
   * `gamma`, when given, its convergence (`convergence`), for several vectors at one point.
   */
  velocityToEnu(s: Float64Array, at?: Geodetic, gamma?: number): Enu;
  /** Meridian convergence at system point (x, y) with geodetic position `at`: radians to add to a grid bearing to get a true bearing. */
  convergence(x: number, y: number, at: Geodetic): number;
}

/** Builds the system frame about `origin`. */
export function systemFrame(origin: Geodetic): SystemFrame {
  const radius = gaussianRadius(origin.lat);
  const frame: SystemFrame = {
    origin,
    radius,
    toSystem(g, out) {
      const { angle, bearing } = inverseSphere(origin, g);
      const d = angle * radius;
      out[0] = d * Math.sin(bearing);
      out[1] = d * Math.cos(bearing);
      out[2] = g.height;
    },
    toGeodetic(x, y, h) {
      const d = Math.sqrt(x * x + y * y);
      if (d === 0) return { lat: origin.lat, lon: origin.lon, height: h };
      return destination(origin, Math.atan2(x, y), d, h);
    },
    convergence(x, y, at) {
      // Within a metre of the origin the radial direction is undefined and the convergence nil.
      if (x * x + y * y < 1) return 0;
      // Along the radial line from the origin, the grid direction is β = atan2(x, y); its true
      // direction at the point is the great circle's final bearing, the reverse of the bearing
      // from the point back to the origin.
      const back = inverseSphere(at, origin).bearing;
      return back + Math.PI - Math.atan2(x, y);
    },
    velocityToEnu(s, at, gamma) {
      const c = gamma ?? frame.convergence(s[0], s[1], at ?? frame.toGeodetic(s[0], s[1], s[2]));
      const cs = Math.cos(c), sn = Math.sin(c);
      // A grid bearing b becomes b + γ: rotate (east, north) clockwise by γ.
      return { east: s[3] * cs + s[4] * sn, north: -s[3] * sn + s[4] * cs, up: s[5] };
    },
  };
  return frame;
}
