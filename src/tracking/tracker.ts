/**
 * The Skywatch tracker: a deterministic state machine from `SensorReport`s to `TrackUpdate`s,
 * assembled from small parts (Stone Soup style):
 *
 * | part | file |
 * | --- | --- |
 * | motion model (NCV) | `motion_model.ts` |
 * | measurement model (converted polar plot, 4/3 earth) | `measurement.ts` |
 * | updater (Kalman, Joseph form) | `kalman.ts` |
 * | gate (χ², pre-gate) | `gating.ts` |
 * | hypothesiser (gating + costs + identity) | `hypothesiser.ts`, `identity.ts` |
 * | associator (GNN per batch, clusters, optimal assignment) | `association.ts`, `assignment.ts` |
 * | initiator | `initiator.ts` |
 * | confirmer / deleter (M-of-N, coasting, deletion) | `track_management.ts` |
 * | track table (indexes, packed columns) | `track_table.ts` |
 *
 * Batching: plots of one sensor are buffered and associated together. A sensor's batch is
 * flushed when a north-marker or sector-crossing service report of that sensor arrives, when a
 * new report comes more than the batch window after the batch's first plot (window =
 * `batchWindowFraction` × rotation period, or `batchWindow` without one; every sensor's batch is
 * checked on every report, oldest first), or on `tick`. After each flush and on `tick`, every
 * track is aged (misses, coasting, deletion) at the current time.
 *
 * Events: `initiated` (new tentative track), `updated` (plot associated), `confirmed` (the update
 * that satisfied M-of-N), `coasting` (a confirmed track missed a scan; emitted once per newly
 * missed scan with the state predicted to that time), `deleted` (last snapshot, predicted to
 * the deletion time; a one-plot tentative track's at its plot). Each carries the `SystemTrack` snapshot after the change.
 *
 * ADS-B (reports of kind "adsb"): no rotating sensor and no batch. Each receiver is a sensor
 * of its own (its `sensorId`, e.g. "adsb:roof"), known or not to `createTracker`, with the
 * nominal update period `adsbUpdatePeriod`. Each report is converted from WGS-84 to the system
 * frame (`convertAdsb`: pressure altitude preferred, covariance from NACp/NUCp) and associated
 * at once: first by ICAO address (the track holding it, if any, with the Mode S kinematic gate
 * of the radar path: updated, down-weighted, or restarted), else through the hypothesiser like
 * a one-plot batch (it can take over a track without address, e.g. PSR or Mode A/C), else it
 * starts a track. Radar batches due before it are flushed first.
 *
 * Track table (`track_table.ts`): the live tracks with an address index, packed columns for
 * gating and aging deadlines, so that a batch touches only the tracks near its plots and the
 * tracks due for a miss; every change of a track is followed by `table.refresh`.
 *
 * Determinism: no clocks, no randomness; tracks live in an array in the order they were started, sensors
 * in the order given, batches in arrival order, and every loop follows those orders.
 */
import type { AdsbReport, PlotReport, Sensor, SensorId, SensorReport, ServiceReport, SystemTrack, TrackUpdate } from "../types/index.js";
import { systemFrame, type SystemFrame } from "./system_frame.js";
import { associate } from "./association.js";
import { BiasEstimator, biasSample, correctPlot, type SensorBiasEstimate } from "./bias.js";
import { inCoverage } from "./coverage_check.js";
import { chiSquareGate } from "./gating.js";
import { hypothesise, logDetBlock, type BatchPlot, type Hypothesis, type HypothesiserContext } from "./hypothesiser.js";
import { applyPlotIdentity } from "./identity.js";
import { initiateTrack } from "./initiator.js";
import { innovation, newInnovation } from "./kalman.js";
import { allFinite } from "./linalg.js";
import { convertAdsb, convertPlot, trackerPlot, type ConvertedPlot, type MeasurementOptions } from "./measurement.js";
import { jpdaMarginals, logLikelihoodFromCost, pdaUpdate } from "./jpda.js";
import { createImm } from "./imm.js";
import { motionModelOf } from "./motion_models.js";
import { resolveOptions, TrackerConfigError, type TrackerOptions } from "./options.js";
import { noteSensorUpdate, snapshot, type Track } from "./track.js";
import { ageTrack, recordHit } from "./track_management.js";
import { TrackTable } from "./track_table.js";

/** Counters of a tracker run. */
export interface TrackerStats {
  /** Reports given to `process`. */
  reports: number;
  /** Plots of known sensors with a valid measurement (entered a batch). */
  plotsProcessed: number;
  /** Plots associated to an existing track. */
  plotsAssociated: number;
  /** Plots that started a new tentative track. */
  plotsInitiating: number;
  /** Plots skipped because their sensor is not configured. */
  plotsUnknownSensor: number;
  /** Reports without a detection (I048/020 TYP = 0: the radar's extrapolated track), skipped. */
  plotsNoDetection: number;
  /** Plots skipped because of a non-finite or out-of-range measurement or time. */
  plotsInvalid: number;
  /** Service reports (CAT034) of known sensors. */
  serviceReports: number;
  /** Service reports skipped because their sensor is not configured. */
  serviceUnknownSensor: number;
  /** Reports of a kind the tracker does not use. */
  reportsIgnored: number;
  /** Plot batches associated. */
  batches: number;
  /** Full Mahalanobis gate tests performed (after the pre-gate). */
  gateTests: number;
  /** Tracks started (tentative). */
  tracksInitiated: number;
  /** Tracks that passed M-of-N confirmation. */
  tracksConfirmed: number;
  /** Tracks deleted (tentative ones included). */
  tracksDeleted: number;
  /** Tracks deleted at a miss because no sensor covers their predicted position (counted in `tracksDeleted` too). */
  tracksLeftCoverage: number;
  /** New tracks that took back the number of a deleted track of the same Mode S address. */
  trackNumbersReused: number;
  /** Tracks re-initialised at a plot with their Mode S address, far from their stale prediction. */
  tracksReacquired: number;
  /** Radar plots compared with an ADS-B reference for bias estimation. */
  biasSamples: number;
  /** Reports older than their track's state folded in by an out-of-sequence update. */
  plotsOutOfSequence: number;
  /** ADS-B reports with a valid position (kind "adsb"). */
  adsbProcessed: number;
  /** ADS-B reports that updated the track holding their ICAO address. */
  adsbByAddress: number;
  /** ADS-B reports skipped: no finite position or time, or older than their track's state by more than `outOfSequenceLag`. */
  adsbInvalid: number;
}

/** The tracker's public face. */
export interface Tracker {
  /** Feed one report (in time order per sensor); returns the track updates it caused (possibly from flushing a buffered batch). */
  process(report: SensorReport): TrackUpdate[];
  /** Advance to `time` (UTC s): flush pending batches, coast/delete tracks not updated; returns updates. */
  tick(time: number): TrackUpdate[];
  /** Current tracks (not deleted), ordered by track number, each at the time of its latest event. */
  tracks(): SystemTrack[];
  /** Counters: plots processed, plots associated, tracks initiated/confirmed/deleted, plots with unknown sensor, etc. */
  stats(): TrackerStats;
  /**
   * The current bias estimates of the radars (range m, azimuth rad, time s, with their sigmas),
   * from plots of aircraft also tracked by ADS-B; sensors without enough samples are left out.
   */
  biasEstimates(): SensorBiasEstimate[];
}

/** A JPDA update of one track: its gated plots and their association probabilities. */
interface SoftUpdate {
  measurements: ConvertedPlot[];
  beta: number[];
  /** Probability that none of the plots is the track's. */
  betaNone: number;
}

interface SensorState {
  sensor: Sensor;
  index: number;
  rotationPeriod: number | undefined;
  /** Buffered plots, already converted to the system frame. */
  batch: BatchPlot[];
  /** Latest bias estimate of the sensor (`bias.ts`), used to correct its plots. */
  bias?: SensorBiasEstimate;
  /** UTC seconds of the last refresh of `bias`. */
  biasTime: number;
}

/**
 * Creates a tracker for a set of sensors.
 *
 * @param sensors the radars whose plots will be fed; the first one's site is the system ENU
 *   origin unless `options.origin` is given. Ids must be unique.
 * @param options overrides of {@link DEFAULT_TRACKER_OPTIONS}.
 * @throws TrackerConfigError on an invalid option, an empty sensor list without `origin`, a
 *   duplicate sensor id or a sensor with non-positive sigmas.
 */
export function createTracker(sensors: Sensor[], options: Partial<TrackerOptions> = {}): Tracker {
  const opts = resolveOptions(options);
  const sensorMap = new Map<SensorId, SensorState>();
  sensors.forEach((sensor, index) => {
    if (sensorMap.has(sensor.id)) throw new TrackerConfigError("sensors", `duplicate sensor id ${sensor.id}`);
    if (!(sensor.sigmas?.range > 0 && sensor.sigmas.azimuth > 0) || !sensor.site) {
      throw new TrackerConfigError("sensors", `sensor ${sensor.id} needs a site and positive range and azimuth sigmas`);
    }
    const rp = sensor.rotationPeriod;
    sensorMap.set(sensor.id, { sensor, index, rotationPeriod: rp !== undefined && rp > 0 ? rp : undefined, batch: [], biasTime: -Infinity });
  });
  const origin = opts.origin ?? sensors[0]?.site;
  if (!origin) throw new TrackerConfigError("origin", "no sensors and no origin given");
  const frame: SystemFrame = systemFrame(origin);
  const filter = createImm(
    opts.motionModels.map((m) => ({ model: motionModelOf(m), name: m.name, sojournTime: m.sojournTime, initialProbability: m.initialProbability })),
    { memory: opts.verticalNisMemory, threshold: opts.verticalNisThreshold, maxScale: opts.maxVerticalQScale },
  );
  const measurement: MeasurementOptions = { k: opts.refractionK, modeCSigma: opts.modeCSigma, height3DSigma: opts.height3DSigma, conversion: opts.measurementConversion };
  const stats: TrackerStats = {
    reports: 0, plotsProcessed: 0, plotsAssociated: 0, plotsInitiating: 0, plotsUnknownSensor: 0, plotsNoDetection: 0, plotsInvalid: 0,
    serviceReports: 0, serviceUnknownSensor: 0, reportsIgnored: 0, batches: 0, gateTests: 0,
    tracksInitiated: 0, tracksConfirmed: 0, tracksDeleted: 0, tracksLeftCoverage: 0, trackNumbersReused: 0, tracksReacquired: 0,
    biasSamples: 0, plotsOutOfSequence: 0, adsbProcessed: 0, adsbByAddress: 0, adsbInvalid: 0,
  };
  const ctx: HypothesiserContext = {
    filter,
    frame,
    gate: chiSquareGate(opts.gateProbability),
    modeSGate: chiSquareGate(opts.modeSGateProbability),
    measurement,
    identityCosts: opts,
    maxSpeed: opts.maxSpeed,
    modeSReach: opts.modeSReach,
    maxMissedScans: opts.maxMissedScans,
    tentativeTrackPenalty: opts.tentativeTrackPenalty,
    outOfSequenceLag: opts.outOfSequenceLag,
    trackHeightSigmaFloor: opts.trackHeightSigmaFloor,
    counters: stats,
  };
  const defaultHeight = { height: opts.defaultHeight, sigma: opts.defaultHeightSigma };
  const inn = newInnovation();
  const xPred = new Float64Array(6);
  const pPred = new Float64Array(36);
  const biases = new BiasEstimator({ minSamples: opts.biasMinSamples });
  const table = new TrackTable(opts);
  let nextNumber = 1;
  /** Track number and deletion time of deleted tracks by Mode S address (`modeSNumberMemory`). */
  const numberByAddress = new Map<number, { trackNumber: number; time: number }>();

  /**
   * The number of a new track: a fresh one, or the number a deleted track of the same Mode S
   * address had when it was deleted at most `modeSNumberMemory` seconds ago (one airframe, one
   * track number: the address is unique per aircraft).
   */
  function numberFor(plot: PlotReport): number {
    const a = plot.icaoAddress;
    if (a !== undefined) {
      const old = numberByAddress.get(a);
      if (old && plot.time - old.time <= opts.modeSNumberMemory && !table.hasNumber(old.trackNumber)) {
        stats.trackNumbersReused++;
        return old.trackNumber;
      }
    }
    return nextNumber++;
  }

  /** Remembers the number of a track being deleted under its Mode S address. */
  function rememberNumber(tr: Track, time: number): void {
    const a = tr.identity.icaoAddress;
    if (a !== undefined && opts.modeSNumberMemory > 0) numberByAddress.set(a, { trackNumber: tr.trackNumber, time });
  }

  const scanPeriodOf = (s: SensorState): number => s.rotationPeriod ?? opts.defaultScanPeriod;
  const windowOf = (s: SensorState): number =>
    s.rotationPeriod !== undefined ? s.rotationPeriod * opts.batchWindowFraction : opts.batchWindow;

  function emit(out: TrackUpdate[], event: TrackUpdate["event"], tr: Track, time: number): void {
    // A tentative track is deleted with its last state (predicting a track never shown is waste).
    const at = event === "deleted" && tr.updates === 1 ? tr.t : time;
    tr.eventTime = Math.max(at, tr.t);
    out.push({ event, track: snapshot(tr, at, filter, frame) });
  }

  function flushBatch(s: SensorState, out: TrackUpdate[]): void {
    const plots = s.batch;
    if (plots.length === 0) return;
    s.batch = [];
    stats.batches++;
    const live = table.tracks;
    const hyps = hypothesise(plots, table, ctx);
    const chosen = associate(plots.length, live.length, hyps, opts.nonAssignmentCost);
    const period = scanPeriodOf(s);
    const soft = opts.associator === "jpda" ? softAssociation(plots, live, hyps) : undefined;
    for (let i = 0; i < plots.length; i++) {
      const { plot } = plots[i];
      const k = chosen[i];
      if (k < 0) {
        const held = plot.icaoAddress !== undefined ? reacquire(plot, plots[i].conv, s.sensor.id, period, live, chosen, hyps) : undefined;
        if (held) {
          stats.plotsAssociated++;
          stats.tracksReacquired++;
          emit(out, "updated", held, plot.time);
          continue;
        }
        startTrack(plot, plots[i].conv, s.sensor.id, period, out);
        continue;
      }
      const h = hyps[k];
      sampleBias(live[h.track], s, plots[i].raw);
      updateTrack(live[h.track], plot, h.conv, s.sensor.id, period, h.modeSMatch, out, soft?.get(h.track), h.d2);
    }
  }

  /**
   * JPDA (`associator: "jpda"`): per track of the batch, its gated plots with their marginal
   * association probabilities over the track's cluster (`jpda.ts`). The likelihoods come from the
   * hypothesis costs; the clutter density is the sensor's (`clutterDensity3D`/`2D` options).
   */
  function softAssociation(plots: BatchPlot[], live: Track[], hyps: Hypothesis[]): Map<number, SoftUpdate> {
    const pairs = hyps.map((h) => ({ plot: h.plot, track: h.track, logLikelihood: logLikelihoodFromCost(h.cost, logDetBlock(h.conv.r, h.conv.dim), h.conv.dim) }));
    const lambda = Float64Array.from(plots, (p) => (p.conv.dim === 3 ? opts.clutterDensity3D : opts.clutterDensity2D));
    const m = jpdaMarginals(plots.length, live.length, pairs, { detectionProbability: opts.detectionProbability, clutterDensity: lambda, gateProbability: opts.gateProbability });
    const out = new Map<number, SoftUpdate>();
    hyps.forEach((h, k) => {
      if (h.modeSMatch) return; // the address decides: a hard update
      let u = out.get(h.track);
      if (!u) out.set(h.track, (u = { measurements: [], beta: [], betaNone: m.missed[h.track] }));
      u.measurements.push(h.conv);
      u.beta.push(m.pairBeta[k]);
    });
    return out;
  }

  /** Starts a tentative track at a plot no track took (confirmed at once when M = 1) and emits its events. */
  function startTrack(plot: PlotReport, conv: BatchPlot["conv"], sensorId: SensorId, period: number, out: TrackUpdate[]): Track {
    const tr = initiateTrack(numberFor(plot), plot, conv, sensorId, period, opts, filter);
    table.add(tr);
    stats.plotsInitiating++;
    stats.tracksInitiated++;
    emit(out, "initiated", tr, plot.time);
    if (opts.confirmHits <= 1) {
      tr.status = "confirmed";
      table.refresh(tr);
      stats.tracksConfirmed++;
      emit(out, "confirmed", tr, plot.time);
    }
    return tr;
  }

  /**
   * Updates a track with a measurement (EKF update, down-weighted beyond the gate for a Mode S
   * match, or a restart far from a stale prediction), records the hit and emits the event.
   * `gateD2`: the pair's squared Mahalanobis distance as the hypothesiser computed it against
   * the track's current state, when it did (saves predicting again).
   */
  function updateTrack(
    tr: Track, plot: PlotReport, conv: BatchPlot["conv"], sensorId: SensorId, period: number, modeSMatch: boolean,
    out: TrackUpdate[], soft?: SoftUpdate, gateD2?: number,
  ): void {
    const dt = Math.max(0, plot.time - tr.t);
    const lag = tr.t - plot.time;
    let r = conv.r;
    const gamma = ctx.gate.threshold[conv.dim];
    // Only a Mode S match may lie beyond the gate: its distance decides a restart or a down-weighting.
    let d2 = gateD2 ?? 0;
    if (modeSMatch && gateD2 === undefined) {
      if (lag > 0) filter.retrodict(tr.imm, lag, xPred, pPred);
      else filter.predict(tr.imm, dt, xPred, pPred, tr.qScale);
      if (!innovation(xPred, pPred, conv.z, conv.r, conv.dim, inn)) return;
      d2 = inn.d2;
    }
    if (modeSMatch && d2 > gamma && (tr.misses >= 2 || d2 > 100 * gamma)) {
      // Same airframe seen again far from a stale prediction: start its state afresh.
      reinitialise(tr, plot, conv, sensorId, period);
      stats.plotsAssociated++;
      stats.tracksReacquired++;
      emit(out, "updated", tr, plot.time);
      return;
    }
    if (modeSMatch && d2 > gamma) {
      // Same Mode S address beyond the normal gate: keep the plot, down-weighted.
      r = conv.r.map((v) => (v * d2) / gamma);
    }
    if (lag > 0) {
      // Out of sequence: fold the older measurement into the current state (time unchanged).
      if (!filter.updateOutOfSequence(tr.imm, lag, conv.z, r, conv.dim)) return;
      stats.plotsOutOfSequence++;
    } else {
      const ok = soft && soft.measurements.length > 0 && !modeSMatch
        ? pdaUpdate(filter, tr.imm, dt, soft.measurements, soft.beta, soft.betaNone, tr.qScale)
        : filter.update(tr.imm, dt, conv.z, r, conv.dim, tr.qScale);
      if (!ok) return;
      tr.qScale = 1;
      tr.t += dt;
    }
    noteSensorUpdate(tr, sensorId, plot);
    const confirmNow = recordHit(tr, plot.time, period, opts);
    tr.lastUpdateTime = Math.max(tr.lastUpdateTime, plot.time);
    tr.updates++;
    applyPlotIdentity(tr, plot);
    stats.plotsAssociated++;
    if (confirmNow) tr.status = "confirmed";
    else if (tr.status === "coasting") tr.status = "confirmed";
    table.refresh(tr);
    if (confirmNow) {
      stats.tracksConfirmed++;
      emit(out, "confirmed", tr, plot.time);
    } else {
      emit(out, "updated", tr, plot.time);
    }
  }

  /**
   * A plot left unassigned whose Mode S address is held by a live track that took no plot of
   * this batch (its association cost was above the non-assignment cost, e.g. after a long coast)
   * and that could have flown there: the track is re-initialised at the plot, keeping its
   * number and identity, so that one airframe keeps one track (ICAO addresses are unique).
   */
  function reacquire(
    plot: PlotReport, conv: BatchPlot["conv"], sensorId: SensorId, period: number, live: Track[],
    chosen: Int32Array, hyps: Hypothesis[],
  ): Track | undefined {
    const holders = table.withAddress(plot.icaoAddress!);
    if (holders.length === 0) return undefined;
    const taken = new Set<number>();
    for (const k of chosen) if (k >= 0) taken.add(hyps[k].track);
    const tr = holders.find((t) => !taken.has(t.slot) && t.t <= plot.time);
    if (!tr) return undefined;
    // Only within reach of where the track was last seen: a farther plot is implausible for
    // this airframe (a garbled address or a false track), and starts its own track.
    const reach = opts.maxSpeed * (plot.time - tr.t) + opts.modeSReach;
    if ((conv.z[0] - tr.x[0]) ** 2 + (conv.z[1] - tr.x[1]) ** 2 > reach * reach) return undefined;
    reinitialise(tr, plot, conv, sensorId, period);
    return tr;
  }

  /** A bias sample of a radar plot associated to a track with a recent ADS-B reference. */
  function sampleBias(tr: Track, s: SensorState, raw: PlotReport): void {
    const ref = tr.adsbReference;
    if (!opts.estimateBiases || !ref || Math.abs(raw.time - ref.time) > opts.biasReferenceMaxAge) return;
    const sample = biasSample(s.sensor.id, s.sensor.site, raw, { position: ref.position, velocity: frame.velocityToEnu(tr.x), sigma: ref.sigma, time: ref.time }, s.sensor.sigmas, opts.refractionK);
    if (sample && biases.add(sample)) stats.biasSamples++;
  }

  /** Refreshes a sensor's bias estimate (once per scan: a fit costs more than a plot). */
  function refreshBias(s: SensorState, time: number): void {
    if (!opts.estimateBiases || time - s.biasTime < scanPeriodOf(s)) return;
    s.biasTime = time;
    const est = biases.estimate(s.sensor.id);
    if (est) s.bias = est;
  }

  /** Restarts a track's state at a plot (as a new track would start), keeping its number and identity. */
  function reinitialise(tr: Track, plot: PlotReport, conv: BatchPlot["conv"], sensorId: SensorId, period: number): void {
    const fresh = initiateTrack(tr.trackNumber, plot, conv, sensorId, period, opts, filter);
    filter.reset(tr.imm, fresh.x, fresh.p);
    tr.t = plot.time;
    noteSensorUpdate(tr, sensorId, plot);
    recordHit(tr, plot.time, period, opts);
    tr.lastUpdateTime = plot.time;
    tr.updates++;
    tr.qScale = 1;
    applyPlotIdentity(tr, plot);
    if (tr.status === "coasting") tr.status = "confirmed";
    table.refresh(tr);
  }

  /**
   * Deletes a track at `time`: its number remembered under its Mode S address, out of the table,
   * the event emitted, and its filter state given back to the filter's store (the track keeps a
   * copy, so the emitted snapshot and any later read of it stay valid).
   */
  function deleteTrack(tr: Track, time: number, out: TrackUpdate[]): void {
    rememberNumber(tr, time);
    tr.status = "deleted";
    table.remove(tr);
    stats.tracksDeleted++;
    emit(out, "deleted", tr, time);
    filter.release(tr.imm);
    tr.x = tr.imm.x;
    tr.p = tr.imm.p;
  }

  /** True when every configured sensor states its coverage and none covers the track's predicted position at `time`. */
  function outOfCoverage(tr: Track, time: number): boolean {
    if (sensorMap.size === 0) return false;
    filter.predict(tr.imm, Math.max(0, time - tr.t), xPred, pPred, tr.qScale);
    const g = frame.toGeodetic(xPred[0], xPred[1], xPred[2]);
    const mh = 3 * Math.sqrt(Math.max(pPred[0], pPred[7]));
    const mv = 3 * Math.sqrt(pPred[14]);
    for (const s of sensorMap.values()) if (inCoverage(s.sensor, g, mh, mv) !== "outside") return false;
    return true;
  }

  function age(time: number, out: TrackUpdate[]): void {
    const tracks = table.tracks;
    const deadline = table.cols.deadline;
    for (let j = 0; j < tracks.length; j++) {
      if (time < deadline[j]) continue; // not due (or removed): aging would change nothing
      const tr = tracks[j];
      const r = ageTrack(tr, time, opts);
      if (r === "deleted") {
        deleteTrack(tr, time, out);
      } else if (r === "missed" && opts.deleteOutOfCoverage && tr.status !== "tentative" && tr.identity.icaoAddress === undefined && outOfCoverage(tr, time)) {
        // A miss where no sensor can see the track: the target has left the covered volume.
        stats.tracksLeftCoverage++;
        deleteTrack(tr, time, out);
      } else {
        if (r === "missed" && tr.status === "coasting") emit(out, "coasting", tr, time);
        table.refresh(tr);
      }
    }
    table.compact();
  }

  /** Flushes the batches that are due at `time` (and `force`d ones), oldest batch first; then ages. Returns whether anything was flushed. */
  function flushDue(time: number, out: TrackUpdate[], force: SensorState | undefined, all: boolean): boolean {
    const due: SensorState[] = [];
    for (const s of sensorMap.values()) {
      if (s.batch.length === 0) continue;
      if (all || s === force || time - s.batch[0].plot.time > windowOf(s)) due.push(s);
    }
    if (due.length === 0) return false;
    due.sort((a, b) => a.batch[0].plot.time - b.batch[0].plot.time || a.index - b.index);
    for (const s of due) flushBatch(s, out);
    age(time, out);
    return true;
  }

  function validPlot(p: PlotReport): boolean {
    return (
      Number.isFinite(p.time) && Number.isFinite(p.range) && p.range > 0 && Number.isFinite(p.azimuth) &&
      (p.rangeSigma === undefined || (Number.isFinite(p.rangeSigma) && p.rangeSigma > 0)) &&
      (p.azimuthSigma === undefined || (Number.isFinite(p.azimuthSigma) && p.azimuthSigma > 0)) &&
      (p.elevationSigma === undefined || (Number.isFinite(p.elevationSigma) && p.elevationSigma > 0))
    );
  }

  function processPlot(p: PlotReport, out: TrackUpdate[]): void {
    const s = sensorMap.get(p.sensorId);
    if (!s) {
      stats.plotsUnknownSensor++;
      return;
    }
    if (p.detection === "none") {
      // I048/020 TYP = 0: a radar track report without a detection this scan (the radar's own
      // extrapolation), not a measurement.
      stats.plotsNoDetection++;
      return;
    }
    if (!validPlot(p)) {
      stats.plotsInvalid++;
      return;
    }
    // In the tracker's one shape (the caller's object is not kept: it may die young).
    const plot = trackerPlot(p);
    const corrected = opts.correctBiases && s.bias ? trackerPlot(correctPlot(plot, s.bias)) : plot;
    const conv = convertPlot(corrected, s.sensor.site, s.sensor.sigmas, frame, measurement, defaultHeight);
    if (!allFinite(conv.z) || !allFinite(conv.r)) {
      stats.plotsInvalid++;
      return;
    }
    stats.plotsProcessed++;
    flushDue(p.time, out, undefined, false);
    s.batch.push({ plot: corrected, raw: plot, sensor: s.sensor, conv });
  }

  function processService(r: ServiceReport, out: TrackUpdate[]): void {
    const s = sensorMap.get(r.sensorId);
    if (!s) {
      stats.serviceUnknownSensor++;
      return;
    }
    stats.serviceReports++;
    const rp = r.antennaRotationPeriod;
    if (rp !== undefined && Number.isFinite(rp) && rp > 0) s.rotationPeriod = rp;
    if (!Number.isFinite(r.time)) return;
    const marker = r.messageType === "northMarker" || r.messageType === "sectorCrossing";
    if (r.messageType === "northMarker") refreshBias(s, r.time);
    if (!flushDue(r.time, out, marker ? s : undefined, false) && marker) age(r.time, out);
  }

  /** The identity of an ADS-B report as a plot carries it (for the identity rules and track identity). */
  function adsbAsPlot(a: AdsbReport): PlotReport {
    return trackerPlot({
      kind: "plot", sensorId: a.sensorId, time: a.time, range: NaN, azimuth: NaN, detection: "none", icaoAddress: a.icaoAddress,
      callsign: a.callsign ? a.callsign : undefined,
      mode3A: a.mode3A !== undefined ? { code: a.mode3A, validated: true, garbled: false, smoothed: false } : undefined,
      modeC: a.pressureAltitude !== undefined && Number.isFinite(a.pressureAltitude) ? { pressureAltitude: a.pressureAltitude, validated: true, garbled: false } : undefined,
    });
  }

  function processAdsb(a: AdsbReport, out: TrackUpdate[]): void {
    if (!Number.isFinite(a.time) || !Number.isInteger(a.icaoAddress)) {
      stats.adsbInvalid++;
      return;
    }
    flushDue(a.time, out, undefined, false);
    const held = table.withAddress(a.icaoAddress)[0] as Track | undefined;
    let assumed = defaultHeight;
    if (held) {
      assumed = { height: held.x[2] + Math.max(0, a.time - held.t) * held.x[5], sigma: opts.defaultHeightSigma };
    }
    const conv = convertAdsb(a, frame, { adsbPositionSigma: opts.adsbPositionSigma, modeCSigma: opts.modeCSigma }, assumed);
    if (!conv) {
      stats.adsbInvalid++;
      return;
    }
    const plot = adsbAsPlot(a);
    const period = opts.adsbUpdatePeriod;
    const reference = { time: a.time, position: { lat: a.position!.lat, lon: a.position!.lon, height: conv.height }, sigma: Math.sqrt(conv.r[0]) };
    if (held) {
      if (a.time < held.t - opts.outOfSequenceLag) {
        stats.adsbInvalid++;
        return;
      }
      stats.adsbProcessed++;
      stats.adsbByAddress++;
      const dt = Math.max(0, a.time - held.t);
      const reach = opts.maxSpeed * dt + 3 * Math.sqrt(held.p[0] + held.p[7] + conv.r[0] + conv.r[4]) + opts.modeSReach;
      const de = conv.z[0] - (held.x[0] + dt * held.x[3]);
      const dn = conv.z[1] - (held.x[1] + dt * held.x[4]);
      if (de * de + dn * dn > reach * reach) {
        // Beyond any flight from the track: the address is unique, so the track restarts here.
        reinitialise(held, plot, conv, a.sensorId, period);
        stats.plotsAssociated++;
        stats.tracksReacquired++;
        emit(out, "updated", held, a.time);
      } else {
        updateTrack(held, plot, conv, a.sensorId, period, true, out);
      }
      held.adsbReference = reference;
      age(a.time, out);
      return;
    }
    stats.adsbProcessed++;
    const pseudoSensor: Sensor = { id: a.sensorId, name: a.sensorId, site: a.position!, sigmas: { range: 1, azimuth: 1 } };
    const batch: BatchPlot[] = [{ plot, raw: plot, sensor: pseudoSensor, conv }];
    const hyps = hypothesise(batch, table, ctx);
    let best = -1;
    for (let k = 0; k < hyps.length; k++) if (hyps[k].cost < opts.nonAssignmentCost && (best < 0 || hyps[k].cost < hyps[best].cost)) best = k;
    if (best >= 0) {
      const tr = table.tracks[hyps[best].track];
      updateTrack(tr, plot, hyps[best].conv, a.sensorId, period, hyps[best].modeSMatch, out, undefined, hyps[best].d2);
      tr.adsbReference = reference;
    } else {
      startTrack(plot, conv, a.sensorId, period, out).adsbReference = reference;
    }
    age(a.time, out);
  }

  return {
    process(report) {
      stats.reports++;
      const out: TrackUpdate[] = [];
      const r = report as SensorReport | { kind?: unknown };
      if (r.kind === "plot") processPlot(report as PlotReport, out);
      else if (r.kind === "service") processService(report as ServiceReport, out);
      else if (r.kind === "adsb") processAdsb(report as AdsbReport, out);
      else stats.reportsIgnored++;
      return out;
    },
    tick(time) {
      const out: TrackUpdate[] = [];
      if (!Number.isFinite(time)) return out;
      if (!flushDue(time, out, undefined, true)) age(time, out);
      return out;
    },
    tracks() {
      return table.tracks.filter((tr) => tr.status !== "deleted").map((tr) => snapshot(tr, tr.eventTime, filter, frame));
    },
    stats() {
      return { ...stats };
    },
    biasEstimates() {
      return biases.estimates();
    },
  };
}
