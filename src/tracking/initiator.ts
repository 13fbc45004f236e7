/**
 * Track initiation (the "initiator"): a plot that no track takes starts a tentative track.
 *
 * Position and its covariance come from the converted plot (3D; a plot without height is
 * converted at `defaultHeight` ± `defaultHeightSigma`). Velocity is zero with a large
 * variance (`initialSpeedSigma`² horizontally, `initialVerticalSpeedSigma`² vertically), so the
 * second associated plot sets the velocity by what amounts to two-point differencing — unless the
 * plot carries the radar's own track velocity (I048/200), which then starts the track. The
 * second plot must be reachable at `maxSpeed` (see `hypothesiser.ts`).
 */
import type { PlotReport, SensorId } from "../types/index.js";
import type { ConvertedPlot } from "./measurement.js";
import { sensorUpdateEntry, type Track } from "./track.js";
import { applyPlotIdentity } from "./identity.js";
import type { ImmFilter } from "./imm.js";

/** Parameters of initiation. */
export interface InitiatorOptions {
  /** 1-sigma of each horizontal velocity component, m/s. */
  initialSpeedSigma: number;
  /** 1-sigma of the vertical velocity, m/s. */
  initialVerticalSpeedSigma: number;
}

/** 1-sigma error assumed for a radar's own track velocity (I048/200) at initiation, m/s. */
export const RADAR_VELOCITY_SIGMA = 15;

// Scratch for the initial state (the filter copies it into the track's own state).
const X0 = new Float64Array(6);
const P0 = new Float64Array(36);

/**
 * A new tentative track from a plot. Velocity starts at zero with a large variance, or at the
 * radar's own track velocity when the plot carries one (I048/200).
 * @param trackNumber the number to give (the caller guarantees it is fresh).
 * @param conv the plot converted to the system frame, with a full 3×3 covariance.
 * @param scanPeriod scan period of the plot's sensor, seconds.
 * @param filter the IMM whose state the track carries (every model starts at the plot).
 */
export function initiateTrack(
  trackNumber: number,
  plot: PlotReport,
  conv: ConvertedPlot,
  sensorId: SensorId,
  scanPeriod: number,
  opts: InitiatorOptions,
  filter: ImmFilter,
): Track {
  const x = X0.fill(0);
  x[0] = conv.z[0];
  x[1] = conv.z[1];
  x[2] = conv.z[2];
  const p = P0.fill(0);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) p[i * 6 + j] = conv.r[i * 3 + j];
  const sv = opts.initialSpeedSigma * opts.initialSpeedSigma;
  p[3 * 6 + 3] = sv;
  p[4 * 6 + 4] = sv;
  const rv = plot.radarVelocity;
  if (rv && Number.isFinite(rv.groundSpeed) && Number.isFinite(rv.heading) && rv.groundSpeed < 1000) {
    // The radar's own tracked velocity (I048/200), in the plot's local frame: a good start whose
    // variance covers the radar tracker's error and the rotation to the system frame (≤ 0.05 rad
    // within 300 km of the origin).
    x[3] = rv.groundSpeed * Math.sin(rv.heading);
    x[4] = rv.groundSpeed * Math.cos(rv.heading);
    const v = RADAR_VELOCITY_SIGMA ** 2 + (0.05 * rv.groundSpeed) ** 2;
    p[3 * 6 + 3] = Math.min(v, sv);
    p[4 * 6 + 4] = Math.min(v, sv);
  }
  p[5 * 6 + 5] = opts.initialVerticalSpeedSigma * opts.initialVerticalSpeedSigma;
  const imm = filter.init(x, p);
  const track: Track = {
    trackNumber,
    status: "tentative",
    x: imm.x,
    p: imm.p,
    imm,
    sensorUpdates: [sensorUpdateEntry(sensorId, plot)],
    t: plot.time,
    lastUpdateTime: plot.time,
    scanStart: plot.time,
    updates: 1,
    hits: 1,
    scans: 1,
    misses: 0,
    qScale: 1,
    scanPeriod,
    identity: {},
    sensors: [sensorId],
    eventTime: plot.time,
    slot: -1,
  };
  applyPlotIdentity(track, plot);
  return track;
}
