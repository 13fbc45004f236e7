/**
 * The simulator's side of the neutral benchmark format (`../shared/bench/README.md`,
 * `skywatch-peer-bench/1`): ground truth and the reference radar's plots as rows in the ENU
 * frame of that radar's antenna, and the `scenario.json` that describes them.
 *
 * - Truth: one row per beam passage of the reference radar over a target that some sensor of
 *   the scenario covers then (the reference radar's coverage, another radar's, or an ADS-B
 *   station's reception for ADS-B-equipped targets). Target ids are numbered 1… in order of
 *   first appearance; `scenario.json` → `targets.list` maps them to the scenario's ids.
 * - Detections: every plot of the reference radar, measured values converted from the radar's
 *   4/3-earth polar frame to the format's geometric one (range = |ENU|, elevation =
 *   asin(up/range)); SSR-only plots are placed at their Mode C altitude. Clutter has
 *   `is_clutter = 1`.
 *
 * The row shapes match `evaluation`'s `TruthPoint` and `DetectionRow` (the evaluation module
 * writes them as CSV). `scenario.json` → `sensor_biases` lists every radar's simulated range,
 * azimuth and time biases (SI, and the azimuth in degrees too), which the reference radar's
 * detections carry.
 */
import type { EnuFrame, Geodetic } from "../geo/index.js";
import { DEG, STANDARD_K, enuFrame, fromDegrees, geodeticToEnu, geodeticToPolar, gaussianRadius, polarElevationToGeodetic, polarToGeodetic, wrapTwoPi } from "../geo/index.js";
import type { PlotReport } from "../types/index.js";
import { sensorIdOf } from "../types/index.js";
import { inCoverage, RADAR_DEFAULTS, radarSite, type RadarSpec } from "./radar.js";
import type { CompiledScenario, TruthSample } from "./scenario.js";
import type { ReportBatch } from "./stream.js";

/** A truth row (same shape as evaluation's `TruthPoint`). */
export interface NeutralTruthRow {
  time: number; targetId: string; east: number; north: number; up: number; velEast: number; velNorth: number; velUp: number;
}

/** A detection row (same shape as evaluation's `DetectionRow`). */
export interface NeutralDetectionRow {
  time: number; scan: number; range: number; azimuth: number; elevation: number; isClutter: boolean; targetId?: string;
}

/** Collects the neutral rows of a run, batch by batch. */
export class NeutralRecorder {
  readonly reference: RadarSpec;
  private readonly site: Geodetic;
  private readonly frame: EnuFrame;
  private readonly ids = new Map<string, { id: number; cls: string }>();
  private readonly truth: NeutralTruthRow[] = [];
  private readonly detections: NeutralDetectionRow[] = [];
  private readonly period: number;
  /** The other radars with their sites, and the ADS-B stations with their sites and effective radii (computed once). */
  private readonly otherRadars: Array<[RadarSpec, Geodetic]>;
  private readonly stations: Array<[CompiledScenario["adsbStations"][number], Geodetic, number]>;

  /**
   * @param referenceSensor "SAC/SIC" of one of the scenario's radars.
   * @param epoch UTC seconds of scenario time 0.
   */
  constructor(private readonly scenario: CompiledScenario, referenceSensor: string, private readonly epoch: number) {
    const r = scenario.radars.find((x) => sensorIdOf(x.sac, x.sic) === referenceSensor);
    if (r === undefined) throw new RangeError(`no radar ${referenceSensor} in the scenario`);
    this.reference = r;
    this.site = radarSite(r);
    this.frame = enuFrame(this.site);
    this.period = r.rotationPeriod ?? RADAR_DEFAULTS.rotationPeriod;
    this.otherRadars = scenario.radars.filter((x) => x !== r).map((x) => [x, radarSite(x)]);
    this.stations = scenario.adsbStations.map((a) => {
      const s = fromDegrees(a.latDeg, a.lonDeg, a.height);
      return [a, s, STANDARD_K * gaussianRadius(s.lat)];
    });
  }

  private idOf(t: TruthSample): string {
    let e = this.ids.get(t.targetId);
    if (e === undefined) this.ids.set(t.targetId, (e = { id: this.ids.size + 1, cls: t.targetClass }));
    return String(e.id);
  }

  private covered(t: TruthSample): boolean {
    if (t.inCoverage) return true;
    for (const [r, s] of this.otherRadars) {
      const p = geodeticToPolar(s, t.position, r.k ?? RADAR_DEFAULTS.k);
      if (inCoverage(r, s, p.range, p.elevation, t.position.height)) return true;
    }
    if (t.identity.icaoAddress === undefined) return false;
    for (const [a, s, re] of this.stations) {
      const p = geodeticToPolar(s, t.position, STANDARD_K);
      const horizon = Math.sqrt(2 * re * Math.max(0, s.height)) + Math.sqrt(2 * re * Math.max(0, t.position.height));
      if (p.range <= (a.range ?? 370_400) && p.range <= horizon) return true;
    }
    return false;
  }

  private polar(p: Geodetic): { range: number; azimuth: number; elevation: number } {
    const e = geodeticToEnu(p, this.frame);
    const range = Math.hypot(e.east, e.north, e.up);
    return { range, azimuth: wrapTwoPi(Math.atan2(e.east, e.north)), elevation: range > 0 ? Math.asin(e.up / range) : 0 };
  }

  /**
   * A velocity given in the ENU frame at `at`, in the reference frame: `rotateEnu(v,
   * { r: enuRotation(at) }, frame)` with the rotation's entries as numbers (same operations,
   * same result, no array per sample).
   */
  private velocityInFrame(at: Geodetic, v: { east: number; north: number; up: number }): { east: number; north: number; up: number } {
    const sLat = Math.sin(at.lat);
    const cLat = Math.cos(at.lat);
    const sLon = Math.sin(at.lon);
    const cLon = Math.cos(at.lon);
    // Rows of enuRotation(at): east (−sLon, cLon, 0), north (−sLat·cLon, −sLat·sLon, cLat), up (cLat·cLon, cLat·sLon, sLat).
    const x = -sLon * v.east + -sLat * cLon * v.north + cLat * cLon * v.up;
    const y = cLon * v.east + -sLat * sLon * v.north + cLat * sLon * v.up;
    const z = 0 * v.east + cLat * v.north + sLat * v.up;
    const b = this.frame.r;
    return {
      east: b[0] * x + b[1] * y + b[2] * z,
      north: b[3] * x + b[4] * y + b[5] * z,
      up: b[6] * x + b[7] * y + b[8] * z,
    };
  }

  /** Takes the reference radar's plot batches (other batches are ignored). */
  add(batch: ReportBatch): void {
    if (batch.sensorId !== sensorIdOf(this.reference.sac, this.reference.sic)) return;
    const owner = new Map<PlotReport, string>();
    for (const t of batch.truth ?? []) {
      const id = this.idOf(t);
      if (t.plot !== undefined) owner.set(t.plot, id);
      if (!this.covered(t)) continue;
      const e = geodeticToEnu(t.position, this.frame);
      const v = this.velocityInFrame(t.position, t.velocity);
      this.truth.push({ time: t.time - this.epoch, targetId: id, east: e.east, north: e.north, up: e.up, velEast: v.east, velNorth: v.north, velUp: v.up });
    }
    const k = this.reference.k ?? RADAR_DEFAULTS.k;
    for (const r of batch.reports) {
      if (r.kind !== "plot") continue;
      const pos = r.elevation !== undefined
        ? polarElevationToGeodetic(this.site, { range: r.range, azimuth: r.azimuth, elevation: r.elevation }, k)
        : polarToGeodetic(this.site, r.range, r.azimuth, r.modeC?.pressureAltitude ?? 0, k);
      const g = this.polar(pos);
      const time = r.time - this.epoch;
      const id = owner.get(r);
      this.detections.push({ time, scan: Math.floor(time / this.period), ...g, isClutter: id === undefined, ...(id !== undefined ? { targetId: id } : {}) });
    }
  }

  /** Truth rows sorted by time, then target id (numeric). */
  truthRows(): NeutralTruthRow[] {
    return [...this.truth].sort((a, b) => a.time - b.time || Number(a.targetId) - Number(b.targetId));
  }

  /** Detection rows sorted by time. */
  detectionRows(): NeutralDetectionRow[] {
    return [...this.detections].sort((a, b) => a.time - b.time);
  }

  /** The `scenario.json` object of the run. */
  scenarioJson(info: { name: string; seed: number; duration: number; commandLine?: string }): Record<string, unknown> {
    const r = this.reference;
    const sig = r.sigmas ?? RADAR_DEFAULTS.sigmas;
    const minEl = (r.minElevation ?? RADAR_DEFAULTS.minElevation) / DEG;
    const maxEl = (r.maxElevation ?? RADAR_DEFAULTS.maxElevation) / DEG;
    const minR = r.minRange ?? RADAR_DEFAULTS.minRange;
    const maxR = r.instrumentedRange ?? RADAR_DEFAULTS.instrumentedRange;
    const volume = (maxR - minR) * 2 * Math.PI * ((maxEl - minEl) * DEG);
    const truth = this.truthRows();
    const dets = this.detections;
    return {
      format_version: "skywatch-peer-bench/1",
      generator: "skywatch simulate",
      command_line: info.commandLine ?? "",
      scenario_name: info.name,
      seed: info.seed,
      duration_s: info.duration,
      start_time_utc_s: this.epoch,
      frame: {
        type: "ENU", axes: "east_m, north_m, up_m; origin at the reference radar antenna; up along the WGS-84 ellipsoid normal",
        azimuth: "clockwise from north, radians, [0, 2*pi)", elevation: "asin(up / slant_range), radians (geometric, no refraction)",
        time: "seconds from scenario start (t = 0: beam points north, scan 0 starts)",
      },
      radar_site: { lat_deg: r.latDeg, lon_deg: r.lonDeg, height_m: this.site.height, height_reference: "WGS-84 ellipsoid (MSL taken as ellipsoid)", antenna_height_agl_m: r.antennaHeight, sensor_id: sensorIdOf(r.sac, r.sic) },
      radar: {
        type: "rotating 3D surveillance radar, clockwise", scan_period_s: this.period, n_scans: Math.ceil(info.duration / this.period),
        min_range_m: minR, max_range_m: maxR, elevation_min_deg: minEl, elevation_max_deg: maxEl,
        pd: null,
        detection_model: r.detectionModel !== undefined ? { kind: "radar equation R^4, Swerling 1", ...r.detectionModel } : { kind: "constant per class" },
        sigma_range_m: sig.range, sigma_azimuth_rad: sig.azimuth, sigma_azimuth_deg: sig.azimuth / DEG,
        sigma_elevation_rad: sig.elevation, sigma_elevation_deg: sig.elevation / DEG,
        clutter_rate_per_scan: r.clutterRatePerScan ?? 0, clutter_density_per_scan: (r.clutterRatePerScan ?? 0) / volume, measurement_volume_m_rad2: volume,
        note: "measured values (with this radar's sensor_biases) converted from the radar's 4/3-earth polar frame to geometric ENU polar",
      },
      earth: { horizon_masking: true, horizon_k_factor: r.k ?? RADAR_DEFAULTS.k, terrain: r.terrain !== undefined ? "terrain mask given" : "none (smooth 4/3 earth)" },
      sensors: {
        radars: this.scenario.radars.map((x) => ({ sensor_id: sensorIdOf(x.sac, x.sic), name: x.name })),
        adsb_stations: this.scenario.adsbStations.map((x) => ({ sensor_id: sensorIdOf(x.sac, x.sic), name: x.name })),
      },
      sensor_biases: sensorBiases(this.scenario.radars),
      targets: {
        n_targets: this.ids.size,
        list: [...this.ids].map(([name, e]) => ({ target_id: e.id, name, cls: e.cls })),
      },
      counts: {
        truth_rows: truth.length, detections: dets.length, target_detections: dets.filter((d) => !d.isClutter).length,
        clutter_detections: dets.filter((d) => d.isClutter).length, targets_ever_visible: new Set(truth.map((t) => t.targetId)).size,
      },
    };
  }
}

/** The simulated systematic errors of one radar as `scenario.json` → `sensor_biases` lists them. */
export interface SensorBiasEntry {
  /** "SAC/SIC". */
  sensor_id: string;
  sac: number;
  sic: number;
  name: string;
  /** Added to every measured slant range, m. */
  range_bias_m: number;
  /** Added to every measured azimuth, rad, clockwise positive. */
  azimuth_bias_rad: number;
  /** The same in degrees (12 significant digits, so a configured 0.08° reads 0.08). */
  azimuth_bias_deg: number;
  /** Reported time of detection minus the true one, s. */
  time_bias_s: number;
}

/**
 * The range, azimuth and time biases each radar of a scenario adds to its plots (zeros for a
 * radar without), for an evaluation to compare a tracker's bias estimates with.
 */
export function sensorBiases(radars: readonly RadarSpec[]): SensorBiasEntry[] {
  return radars.map((r) => ({
    sensor_id: sensorIdOf(r.sac, r.sic), sac: r.sac, sic: r.sic, name: r.name,
    range_bias_m: r.rangeBias ?? 0, azimuth_bias_rad: r.azimuthBias ?? 0, azimuth_bias_deg: Number(((r.azimuthBias ?? 0) / DEG).toPrecision(12)), time_bias_s: r.timeBias ?? 0,
  }));
}
