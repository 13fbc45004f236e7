/**
 * Coordinate types shared by every Skywatch module. SI units throughout:
 * angles in radians, lengths in metres.
 */

/** WGS-84 geodetic position: latitude and longitude in radians, height above the ellipsoid in metres. */
export interface Geodetic {
  /** Geodetic latitude, radians, positive north. */
  lat: number;
  /** Longitude, radians, positive east. */
  lon: number;
  /** Height above the WGS-84 ellipsoid, metres. */
  height: number;
}

/** Earth-centred, earth-fixed Cartesian position (WGS-84), metres. */
export interface Ecef {
  x: number;
  y: number;
  z: number;
}

/** Local east-north-up Cartesian vector relative to a tangent-plane origin, metres (or m/s for velocities). */
export interface Enu {
  east: number;
  north: number;
  up: number;
}
