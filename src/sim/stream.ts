/**
 * Runs a compiled scenario as a time-ordered stream of report batches, the way a radar's plot
 * extractor outputs them: after the antenna leaves a sector, the plots detected in it (one
 * batch, detection-time order), then the CAT034 message for the sector boundary just crossed
 * (north marker at 0°). Each batch becomes one ASTERIX data block.
 */
import type { PlotReport, SensorReport, ServiceReport } from "../types/index.js";
import { adsbWindow, type AdsbStationSpec } from "./adsb.js";
import { clutterEchoes } from "./clutter.js";
import { ScenarioError } from "./errors.js";
import { RADAR_DEFAULTS, observe, radarSite, serviceMessage, type RadarSpec } from "./radar.js";
import { activeTargets, type CompiledScenario, type TruthSample } from "./scenario.js";

/** Options of a simulation run. */
export interface RunOptions {
  /** UTC seconds at scenario time 0 (the first north marker). */
  startTime: number;
  /** Seconds to run (default Infinity): batches with time < startTime + duration. */
  duration?: number;
  /** PRNG seed (default 1). The same seed gives the same output. */
  seed?: number;
  /** Noiseless measurements and detection probability 1 inside coverage (for tests). */
  ideal?: boolean;
}

/** Most plots put in one batch (one CAT048 data block). */
export const MAX_PLOTS_PER_BATCH = 64;

/**
 * One batch of reports of one sensor, all of one kind (plots, or one service message), with the
 * ground truth behind it: for a plot batch, every target whose beam passage fell in the sector,
 * detected or not (`plot` set when detected). Plots no truth sample refers to are clutter.
 */
export interface ReportBatch {
  /** UTC seconds at which the sensor sends the batch (end of the sector for plots). */
  time: number;
  sensorId: string;
  reports: SensorReport[];
  truth?: TruthSample[];
  /** ADS-B batches: the received frames as concatenated Beast records, in time order. */
  beast?: Uint8Array;
}

function validateRun(o: RunOptions): void {
  if (!Number.isFinite(o.startTime)) throw new ScenarioError(`startTime must be finite UTC seconds, got ${o.startTime}`);
  const d = o.duration ?? Infinity;
  if (!(d >= 0)) throw new ScenarioError(`duration must be ≥ 0 s, got ${d}`);
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw new ScenarioError(`seed must be an integer, got ${o.seed}`);
}

function* radarBatches(scenario: CompiledScenario, r: RadarSpec, o: Required<Pick<RunOptions, "startTime" | "duration" | "seed">> & RunOptions): Generator<ReportBatch> {
  const period = r.rotationPeriod ?? RADAR_DEFAULTS.rotationPeriod;
  const sectors = r.sectors ?? RADAR_DEFAULTS.sectors;
  const site = radarSite(r);
  const sensorId = `${r.sac}/${r.sic}`;
  const opts = { epoch: o.startTime, seed: o.seed, ideal: o.ideal };
  let previousLast: Entry[] | undefined; // the last sector of the previous scan, sent after its north marker
  for (let scan = 0; ; scan++) {
    if (scan * period >= o.duration) return;
    const buckets: Entry[][] = Array.from({ length: sectors }, () => []);
    const put = (e: Entry): void => {
      const sector = Math.min(sectors - 1, Math.max(0, Math.floor(((e.time - o.startTime - scan * period) / period) * sectors)));
      buckets[sector].push(e);
    };
    for (const target of activeTargets(scenario, scan * period, (scan + 1) * period)) {
      const seen = observe(r, site, target, scan, opts);
      if (seen !== undefined) put({ time: seen.time, truth: seen });
    }
    if (!o.ideal) for (const c of clutterEchoes(r, site, scan, o.startTime, o.seed)) put({ time: c.beamTime, plot: c.plot });
    for (const b of buckets) b.sort((a, c) => a.time - c.time);
    for (let sector = 0; sector < sectors; sector++) {
      const service = serviceMessage(r, scan, sector, o.startTime);
      if (service.time - o.startTime >= o.duration) return;
      const done = sector === 0 ? previousLast : buckets[sector - 1];
      if (done !== undefined && done.length > 0) yield* plotBatches(service.time, sensorId, done);
      if (sector > 0) buckets[sector - 1] = []; // sent: let the garbage collector have it
      yield { time: service.time, sensorId, reports: [service satisfies ServiceReport] };
    }
    previousLast = buckets[sectors - 1];
  }
}

/** Seconds of ADS-B messages per batch. */
export const ADSB_BATCH_SECONDS = 2;

/**
 * A batch whose send time is known before its content, made only when the merge reaches it
 * (undefined when it turns out empty). Reports made just before they are handed on die young,
 * which keeps the garbage collector's work small.
 */
interface LazyBatch {
  time: number;
  make: () => ReportBatch | undefined;
}

/** One batch per `ADSB_BATCH_SECONDS` of scenario time (sent at its end) with the messages of that interval, made lazily in order. */
function* adsbBatches(scenario: CompiledScenario, a: AdsbStationSpec, o: Required<Pick<RunOptions, "startTime" | "duration" | "seed">> & RunOptions): Generator<LazyBatch> {
  const sensorId = `${a.sac}/${a.sic}`;
  const phases = new Map<string, number>();
  for (let w = 0; w < o.duration; w += ADSB_BATCH_SECONDS) {
    const start = w;
    const end = Math.min(w + ADSB_BATCH_SECONDS, o.duration);
    yield {
      time: o.startTime + end,
      make: () => {
        if (phases.size > 100_000) phases.clear();
        const out = adsbWindow(scenario, a, start, end, { epoch: o.startTime, seed: o.seed, ideal: o.ideal, phases });
        if (out.reports.length === 0 && out.frameCount === 0) return undefined;
        return { time: o.startTime + end, sensorId, reports: out.reports, beast: out.beast };
      },
    };
  }
}

/** A beam passage over a target (with its plot, if detected) or a clutter plot. */
interface Entry {
  /** True UTC time of the beam passage (a plot reports it plus the radar's time bias). */
  time: number;
  truth?: TruthSample;
  plot?: PlotReport;
}

function* plotBatches(time: number, sensorId: string, entries: Entry[]): Generator<ReportBatch> {
  const plots: PlotReport[] = [];
  const truth: TruthSample[] = [];
  for (const e of entries) {
    const p = e.truth?.plot ?? e.plot;
    if (p !== undefined) plots.push(p);
    if (e.truth !== undefined) truth.push(e.truth);
  }
  if (plots.length === 0) {
    yield { time, sensorId, reports: [], truth };
    return;
  }
  for (let i = 0; i < plots.length; i += MAX_PLOTS_PER_BATCH) {
    const chunk: PlotReport[] = plots.slice(i, i + MAX_PLOTS_PER_BATCH);
    const inChunk = new Set(chunk);
    const chunkTruth = i === 0 ? truth.filter((t) => t.plot === undefined || inChunk.has(t.plot)) : truth.filter((t) => t.plot !== undefined && inChunk.has(t.plot));
    yield { time, sensorId, reports: chunk, truth: chunkTruth };
  }
}

/**
 * The report batches of every radar of a scenario, merged in time order (ties: radar order),
 * lazily, for `duration` seconds from `startTime` (UTC). A plot batch whose sector held only
 * missed targets has no reports but still carries their truth.
 *
 * @throws ScenarioError for a non-finite start time, negative duration or non-integer seed.
 */
export function* scenarioReports(scenario: CompiledScenario, options: RunOptions): Generator<ReportBatch> {
  validateRun(options);
  const o = { ...options, duration: options.duration ?? Infinity, seed: options.seed ?? 1 };
  const heads: { it: Generator<ReportBatch | LazyBatch>; next: IteratorResult<ReportBatch | LazyBatch> }[] = [
    ...scenario.radars.map((r) => radarBatches(scenario, r, o)),
    ...scenario.adsbStations.map((a) => adsbBatches(scenario, a, o)),
  ].map((it) => ({ it, next: it.next() }));
  for (;;) {
    let best = -1;
    let bestTime = Infinity;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i].next;
      if (h.done) continue;
      if (best < 0 || h.value.time < bestTime) {
        best = i;
        bestTime = h.value.time;
      }
    }
    if (best < 0) return;
    const head = heads[best];
    const value = head.next.value as ReportBatch | LazyBatch;
    const batch = "make" in value ? value.make() : value;
    if (batch !== undefined) yield batch;
    head.next = head.it.next();
  }
}
