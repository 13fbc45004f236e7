/**
 * The neutral benchmark's detections (`detections.csv` + `scenario.json`,
 * `../shared/bench/README.md`) as tracker input: the radar as a `Sensor`, each detection as a
 * PSR `PlotReport` (range, azimuth, geometric elevation and the height it implies over a
 * sphere without refraction), and the sector-crossing / north-marker service reports a
 * rotating radar sends, all in time order. The truth labels (`is_clutter`, `target_id`) are
 * never read.
 *
 * The format's polar frame is geometric over the WGS-84 ENU frame, while the tracker converts
 * plots through a spherical earth model (`geo/radar.ts`). So each detection is placed exactly
 * (ENU from range/azimuth/elevation, then WGS-84 geodetic) and re-expressed as the
 * (range, azimuth, elevation, height) the tracker's model gives that point with refraction
 * factor k = 1: the tracker then recovers the exact point. Feed the tracker with k = 1.
 */
import { DEG, enuFrame, enuToGeodetic, fromDegrees, geodeticToPolar } from "../geo/index.js";
import type { PlotReport, Sensor, SensorReport, ServiceReport } from "../types/index.js";

/** What the tracker needs of a neutral scenario (fields of `scenario.json`, SI). */
export interface NeutralRadar {
  latDeg: number;
  lonDeg: number;
  /** Antenna height above the ellipsoid, m. */
  heightM: number;
  scanPeriod: number;
  nScans: number;
  sigmaRange: number;
  sigmaAzimuth: number;
  sigmaElevation: number;
}

/** One detection as the tracker may see it (no truth labels). */
export interface NeutralPlot {
  time: number;
  range: number;
  azimuth: number;
  elevation: number;
}

/** Sensor id given to the neutral radar. */
export const NEUTRAL_SENSOR_ID = "0/1";

/** The neutral radar as a tracker `Sensor`. */
export function neutralSensor(r: NeutralRadar): Sensor {
  return {
    id: NEUTRAL_SENSOR_ID, name: "neutral benchmark radar", site: fromDegrees(r.latDeg, r.lonDeg, r.heightM),
    sigmas: { range: r.sigmaRange, azimuth: r.sigmaAzimuth, elevation: r.sigmaElevation }, rotationPeriod: r.scanPeriod,
  };
}

/**
 * Plots and service reports in time order (a service report before plots of the same time).
 * Times are UTC `epoch` + scenario time. `sectors` sector crossings per scan (default 8, the
 * peer's batching).
 */
export function neutralReports(r: NeutralRadar, plots: readonly NeutralPlot[], epoch: number, sectors = 8): SensorReport[] {
  const site = fromDegrees(r.latDeg, r.lonDeg, r.heightM);
  const frame = enuFrame(site);
  const out: SensorReport[] = [];
  const sorted = [...plots].sort((a, b) => a.time - b.time);
  let i = 0;
  for (let k = 0; k <= r.nScans; k++) {
    for (let s = 0; s < sectors; s++) {
      const t = k * r.scanPeriod + (s * r.scanPeriod) / sectors;
      while (i < sorted.length && sorted[i].time < t) {
        const d = sorted[i++];
        const h = d.range * Math.cos(d.elevation);
        const g = enuToGeodetic({ east: h * Math.sin(d.azimuth), north: h * Math.cos(d.azimuth), up: d.range * Math.sin(d.elevation) }, frame);
        const p = geodeticToPolar(site, g, 1);
        const plot: PlotReport = {
          kind: "plot", sensorId: NEUTRAL_SENSOR_ID, time: epoch + d.time, range: p.range, azimuth: p.azimuth, elevation: p.elevation,
          height3D: g.height,
          detection: "psr", rangeSigma: r.sigmaRange, azimuthSigma: r.sigmaAzimuth, elevationSigma: r.sigmaElevation,
        };
        out.push(plot);
      }
      const service: ServiceReport = s === 0
        ? { kind: "service", sensorId: NEUTRAL_SENSOR_ID, time: epoch + t, messageType: "northMarker", antennaRotationPeriod: r.scanPeriod }
        : { kind: "service", sensorId: NEUTRAL_SENSOR_ID, time: epoch + t, messageType: "sectorCrossing", sectorAzimuth: (360 * s / sectors) * DEG };
      out.push(service);
    }
  }
  return out;
}
