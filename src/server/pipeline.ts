/**
 * The live pipeline: reports in, tracker, track updates out to subscribers (the server's
 * WebSocket sessions, the recorder…). Implements the server's `TrackFeed`.
 *
 * Data flows one way: a source pushes reports with `ingest`; the tracker turns them into
 * `TrackUpdate`s; subscribers get each batch. A periodic `tick` (driven by the data time, not
 * the wall clock, so replays stay deterministic) coasts and deletes silent tracks.
 */
import { createTracker, type Tracker, type TrackerOptions } from "../tracking/index.js";
import type { Sensor, SensorReport, SystemTrack, TrackUpdate } from "../types/index.js";
import type { TrackFeed } from "./server.js";

/** Options of a pipeline. */
export interface PipelineOptions {
  tracker?: Partial<TrackerOptions>;
  /** Data-time interval between tracker ticks, s. Default 1. */
  tickInterval?: number;
}

/** Reports → tracker → subscribers. */
export class TrackPipeline implements TrackFeed {
  private readonly tracker: Tracker;
  private readonly listeners = new Set<(u: TrackUpdate[]) => void>();
  private readonly sensorList: Sensor[];
  private readonly tickInterval: number;
  private lastTick = -Infinity;
  private dataTime = 0;
  private readonly counters = { reports: 0, unknownSensorReports: 0, updates: 0, byKind: {} as Record<string, number> };
  private readonly known: Set<string>;
  private readonly warned = new Set<string>();
  /** Called once per unknown sensor (the CLI prints it). */
  onWarning?: (message: string) => void;
  /** Extra counters merged into `status()` (e.g. the source's decode statistics). */
  readonly extraStatus: Record<string, unknown> = {};

  constructor(sensors: Sensor[], options: PipelineOptions = {}) {
    this.sensorList = sensors;
    this.known = new Set(sensors.map((s) => s.id));
    this.tracker = createTracker(sensors, options.tracker);
    this.tickInterval = options.tickInterval ?? 1;
  }

  /** Feeds one report; subscribers receive the updates it caused. */
  ingest(report: SensorReport): void {
    this.counters.reports++;
    this.counters.byKind[report.kind] = (this.counters.byKind[report.kind] ?? 0) + 1;
    // Radar plots and service messages need their sensor in the sensors file; ADS-B receivers do not.
    if ((report.kind === "plot" || report.kind === "service") && !this.known.has(report.sensorId)) {
      this.counters.unknownSensorReports++;
      if (!this.warned.has(report.sensorId)) {
        this.warned.add(report.sensorId);
        this.onWarning?.(`reports from sensor ${report.sensorId}, which is not configured, are counted and not tracked`);
      }
    }
    this.dataTime = Math.max(this.dataTime, report.time);
    this.emit(this.tracker.process(report));
    if (report.time - this.lastTick >= this.tickInterval) this.tick(report.time);
  }

  /** Advances the tracker's clock (coasting, deletion). */
  tick(time: number): void {
    this.lastTick = time;
    this.emit(this.tracker.tick(time));
  }

  private emit(updates: TrackUpdate[]): void {
    if (updates.length === 0) return;
    this.counters.updates += updates.length;
    for (const l of this.listeners) l(updates);
  }

  /** {@inheritDoc TrackFeed.subscribe} */
  subscribe(listener: (updates: TrackUpdate[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** {@inheritDoc TrackFeed.snapshot} */
  snapshot(): SystemTrack[] {
    return this.tracker.tracks();
  }

  /** {@inheritDoc TrackFeed.sensors} */
  sensors(): Sensor[] {
    return this.sensorList;
  }

  /** {@inheritDoc TrackFeed.status} */
  status(): Record<string, unknown> {
    return {
      dataTime: this.dataTime,
      ...this.counters,
      tracker: this.tracker.stats(),
      ...this.extraStatus,
    };
  }
}
