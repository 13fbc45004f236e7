/**
 * Kinematic accuracy over assigned truth–track pairs: horizontal and vertical position RMS and
 * velocity RMS (horizontal, vertical), the truth taken at each track row's own time. Velocity
 * needs trackers that report it (the `vel_*_mps` columns); otherwise it is null.
 */
import type { ScanResult } from "./scan_association.js";

/** RMS errors, metres and m/s; null when there is no pair (or no velocity). */
export interface Accuracy {
  pairs: number;
  positionRms3D: number | null;
  horizontalRms: number | null;
  verticalRms: number | null;
  /** Pairs whose track carried a velocity. */
  velocityPairs: number;
  velocityRmsHorizontal: number | null;
  velocityRmsVertical: number | null;
}

/** Accuracy of all assigned pairs. */
export function accuracy(scans: readonly ScanResult[]): Accuracy {
  let n = 0, s3 = 0, sh = 0, sv = 0, nv = 0, vh = 0, vv = 0;
  for (const s of scans) {
    for (const q of s.pairs) {
      const de = q.track.east - q.truthPosition[0];
      const dn = q.track.north - q.truthPosition[1];
      const du = q.track.up - q.truthPosition[2];
      n++;
      s3 += de * de + dn * dn + du * du;
      sh += de * de + dn * dn;
      sv += du * du;
      if (q.track.velEast !== undefined && q.track.velNorth !== undefined && q.track.velUp !== undefined) {
        nv++;
        vh += (q.track.velEast - q.truthVelocity[0]) ** 2 + (q.track.velNorth - q.truthVelocity[1]) ** 2;
        vv += (q.track.velUp - q.truthVelocity[2]) ** 2;
      }
    }
  }
  const rms = (x: number, k: number): number | null => (k > 0 ? Math.sqrt(x / k) : null);
  return {
    pairs: n, positionRms3D: rms(s3, n), horizontalRms: rms(sh, n), verticalRms: rms(sv, n),
    velocityPairs: nv, velocityRmsHorizontal: rms(vh, nv), velocityRmsVertical: rms(vv, nv),
  };
}
