/**
 * Section 2 — capacity (issue #6: 10,000 simultaneous targets seen by 20 radars at 4 s scans,
 * ≈ 50,000 plots/s, tracked in real time on one core, per-sector processing p99 < 50 ms,
 * memory reported).
 *
 * The scenario (`capacity_scenario.ts`) is generated in memory as columns before any timing.
 * Then, one sector period (scan period / sectors) at a time, the period's reports are built as
 * `SensorReport` objects (untimed) and fed to one tracker in time order (timed). A live feed
 * hands reports to the tracker as they are decoded; building a whole scan's reports ahead would
 * keep 170,000 report objects alive for seconds and charge their garbage collection to the
 * tracker. `tick` is not called: each radar's
 * north-marker and sector-crossing reports flush its batch and age the tracks (a `tick` flushes
 * every sensor's partial batch, which would split the sectors). Measured: CPU time of the
 * process during the timed loops (user + system, so the garbage collector's threads count)
 * against the data time — the real-time factor, goal < 1 —, the wall time of every `process` call that returned updates or carried a
 * sector boundary (a flushed sector batch: p50/p99/max, goal p99 < 50 ms), the tracks held at
 * the end, and the heap and RSS after the run (after a garbage collection when one can be forced).
 * A run whose tracker needs more than the time budget stops there; its figures cover the data
 * processed so far.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createTracker, type Tracker } from "../../src/tracking/index.js";
import type { PlotReport, SensorReport, ServiceReport } from "../../src/types/index.js";
import { CAPACITY_DEFAULTS, EntryKind, generateCapacity, type CapacityConfig, type CapacityData } from "./capacity_scenario.js";
import { fmt, fmtInt, goalsTable, heading, table, type Goal, type SectionResult } from "./report.js";
import { latencySummary } from "./stats.js";

/** Goal: p99 of the sector-flush processing time, s. */
const P99_GOAL_S = 0.05;

/** Sizes of the full and the quick run. */
const FULL: Partial<CapacityConfig> = { durationS: 60 };
const QUICK: Partial<CapacityConfig> = { targets: 2_500, durationS: 32 };
/** Tracker wall-time budget, s (full, quick). */
const BUDGET_S = { full: 120, quick: 40 };

/** A forced garbage collection, when V8 lets one be exposed at run time. */
function collectGarbage(): boolean {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as (() => void) | undefined;
    if (typeof gc !== "function") return false;
    gc();
    return true;
  } catch {
    return false;
  }
}

/** The reports of entries [from, to) as tracker input. */
function materialise(d: CapacityData, from: number, to: number): SensorReport[] {
  const ids = d.sensors.map((s) => s.id);
  const T = d.config.scanPeriodS;
  const out: SensorReport[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const kind = d.kind[i] as EntryKind;
    const sensorId = ids[d.sensor[i]];
    const time = d.time[i];
    if (kind === EntryKind.NorthMarker) {
      out[i - from] = { kind: "service", sensorId, time, messageType: "northMarker", antennaRotationPeriod: T } satisfies ServiceReport;
    } else if (kind === EntryKind.SectorCrossing) {
      out[i - from] = { kind: "service", sensorId, time, messageType: "sectorCrossing", sectorAzimuth: d.azimuth[i] } satisfies ServiceReport;
    } else if (kind === EntryKind.ModeS) {
      const a = d.address[i];
      out[i - from] = {
        kind: "plot", sensorId, time, range: d.range[i], azimuth: d.azimuth[i], detection: "modeSRollCall", icaoAddress: a,
        mode3A: { code: a & 0o7777, validated: true, garbled: false, smoothed: false },
        modeC: { pressureAltitude: d.altitude[i], validated: true, garbled: false },
      } satisfies PlotReport;
    } else {
      out[i - from] = { kind: "plot", sensorId, time, range: d.range[i], azimuth: d.azimuth[i], elevation: d.altitude[i], detection: "psr" } satisfies PlotReport;
    }
  }
  return out;
}

/** Measured figures of a run. */
interface RunFigures {
  dataS: number;
  complete: boolean;
  reports: number;
  plots: number;
  cpuS: number;
  wallS: number;
  realTimeFactor: number;
  /** Real-time factor over the second half of the data processed (tracks established). */
  realTimeFactorSecondHalf: number;
  flush: ReturnType<typeof latencySummary>;
  otherCalls: { n: number; max: number };
  tracks: Record<string, number>;
  memory: { gcForced: boolean; heapUsedBeforeMB: number; heapUsedAfterMB: number; rssAfterMB: number; arrayBuffersMB: number; columnsMB: number };
  stats: ReturnType<Tracker["stats"]>;
}

function run(d: CapacityData, budgetS: number): RunFigures {
  const mb = (x: number): number => x / 2 ** 20;
  const gcForced = collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const tracker = createTracker(d.sensors);
  const T = d.config.scanPeriodS;
  const flushTimes: number[] = [];
  let otherN = 0, otherMax = 0;
  let cpuUs = 0, wallMs = 0, plots = 0, reports = 0;
  let cpuSecondHalfUs = 0;
  let i = 0;
  let w = 0;
  let stopped = false;
  let lastTime = d.epoch;
  const halfAt = T * Math.ceil(d.config.durationS / 2 / T); // start of the scan periods counted as the second half
  const step = T / d.config.sectors;
  for (; w < d.config.durationS && i < d.length; w += step) {
    const end = d.epoch + w + step;
    let j = i;
    while (j < d.length && d.time[j] < end) j++;
    const batch = materialise(d, i, j);
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    let n = 0;
    for (const r of batch) {
      if ((++n & 255) === 0 && wallMs + performance.now() - w0 > budgetS * 1000) {
        stopped = true;
        break;
      }
      const s = performance.now();
      const out = tracker.process(r);
      const dt = (performance.now() - s) / 1000;
      if (r.kind === "service" || out.length > 0) flushTimes.push(dt);
      else {
        otherN++;
        if (dt > otherMax) otherMax = dt;
      }
      if (r.kind === "plot") plots++;
      reports++;
      lastTime = r.time;
    }
    const c = process.cpuUsage(c0);
    wallMs += performance.now() - w0;
    cpuUs += c.user + c.system;
    if (w >= halfAt) cpuSecondHalfUs += c.user + c.system;
    i = j;
    if (stopped) break;
  }
  const dataS = stopped ? lastTime - d.epoch : d.config.durationS;
  const tracks: Record<string, number> = {};
  for (const t of tracker.tracks()) tracks[t.status] = (tracks[t.status] ?? 0) + 1;
  const stats = tracker.stats();
  const gcAfter = collectGarbage();
  const mem = process.memoryUsage();
  const columns = [d.time, d.sensor, d.kind, d.range, d.azimuth, d.altitude, d.address].reduce((s, a) => s + a.buffer.byteLength, 0);
  const secondHalfS = dataS - halfAt;
  const fig: RunFigures = {
    dataS, complete: !stopped, reports, plots, cpuS: cpuUs / 1e6, wallS: wallMs / 1000, realTimeFactor: cpuUs / 1e6 / dataS,
    realTimeFactorSecondHalf: secondHalfS > 0 ? cpuSecondHalfUs / 1e6 / secondHalfS : NaN,
    flush: latencySummary(flushTimes), otherCalls: { n: otherN, max: otherMax }, tracks,
    memory: {
      gcForced: gcForced && gcAfter, heapUsedBeforeMB: mb(heapBefore), heapUsedAfterMB: mb(mem.heapUsed), rssAfterMB: mb(mem.rss),
      arrayBuffersMB: mb(mem.arrayBuffers), columnsMB: mb(columns),
    },
    stats,
  };
  void tracker; // kept alive until the memory was measured
  return fig;
}

/**
 * Runs section 2 and prints its tables; returns the figures. `targets`: a run of that many
 * targets instead (a load test; its goals are marked as not the goal's size unless it is).
 */
export function capacitySection(quick: boolean, targets?: number): SectionResult {
  const size = { ...(quick ? QUICK : FULL), ...(targets !== undefined ? { targets } : {}) };
  const cfg: CapacityConfig = { ...CAPACITY_DEFAULTS, ...size };
  console.log(heading(`2. Capacity: ${fmtInt(cfg.targets)} targets, ${cfg.radars} radars, ${cfg.scanPeriodS} s scans, ${cfg.durationS} s of data${quick ? " (--quick)" : ""}`));
  const g0 = performance.now();
  const d = generateCapacity(size);
  const genS = (performance.now() - g0) / 1000;
  const plotRate = (d.counts.targetPlots + d.counts.clutterPlots) / cfg.durationS;
  console.log(`generated in ${fmt(genS, 1)} s (untimed): ${fmtInt(d.counts.targetPlots)} target plots + ${fmtInt(d.counts.clutterPlots)} clutter plots ` +
    `= ${fmtInt(plotRate)} plots/s, ${fmtInt(d.counts.service)} sector/north-marker reports; ${fmtInt(d.counts.targetsSeen)} of ${fmtInt(cfg.targets)} targets seen, ` +
    `by ${fmt(d.counts.meanRadarsPerTarget, 1)} radars each on average (range ${cfg.maxRangeM / 1000} km, 4/3-earth horizon, Pd ${cfg.pd}, ` +
    `radars over ${(2 * cfg.radarSpreadEastM) / 1000} × ${(2 * cfg.radarSpreadNorthM) / 1000} km, targets in a disc ${(2 * cfg.targetRadiusM) / 1000} km across, ` +
    `${cfg.sectors} sectors/scan, ${cfg.cooperativeFraction * 100}% Mode S)`);
  const f = run(d, quick ? BUDGET_S.quick : BUDGET_S.full);
  if (!f.complete) console.log(`stopped after ${fmt(f.dataS, 1)} s of data: the tracker exceeded the ${quick ? BUDGET_S.quick : BUDGET_S.full} s budget`);
  const ms = (x: number): string => fmt(x * 1000, 2);
  console.log(table(
    ["figure", "value"],
    [
      ["data time processed", `${fmt(f.dataS, 1)} s (${fmtInt(f.plots)} plots, ${fmtInt(f.plots / f.dataS)} plots/s)`],
      ["tracker CPU time (process, user+system)", `${fmt(f.cpuS, 2)} s (wall ${fmt(f.wallS, 2)} s)`],
      ["real-time factor (CPU / data time)", `${fmt(f.realTimeFactor, 3)} (second half: ${fmt(f.realTimeFactorSecondHalf, 3)})`],
      ["CPU per plot", `${fmt((f.cpuS / f.plots) * 1e6, 2)} µs`],
      ["sector flushes: n / p50 / p99 / max", `${fmtInt(f.flush.n)} / ${ms(f.flush.p50)} / ${ms(f.flush.p99)} / ${ms(f.flush.max)} ms`],
      ["other process calls: n / max", `${fmtInt(f.otherCalls.n)} / ${ms(f.otherCalls.max)} ms`],
      ["tracks held at the end", `${Object.entries(f.tracks).map(([k, v]) => `${fmtInt(v)} ${k}`).join(", ")} (targets seen: ${fmtInt(d.counts.targetsSeen)})`],
      ["tracks initiated / confirmed / deleted", `${fmtInt(f.stats.tracksInitiated)} / ${fmtInt(f.stats.tracksConfirmed)} / ${fmtInt(f.stats.tracksDeleted)}`],
      ["heap used before tracker / after run", `${fmt(f.memory.heapUsedBeforeMB, 0)} / ${fmt(f.memory.heapUsedAfterMB, 0)} MB${f.memory.gcForced ? " (after a forced GC)" : " (no GC forced)"}`],
      ["RSS after run", `${fmt(f.memory.rssAfterMB, 0)} MB (of which ${fmt(f.memory.columnsMB, 0)} MB generated columns, off-heap)`],
    ],
  ));
  const full = !quick && cfg.targets === 10_000 && cfg.radars >= 20;
  const goals: Goal[] = [
    {
      goal: `real time on one core (CPU/data time < 1)${full ? "" : ` [${fmtInt(cfg.targets)} targets]`}`,
      measured: `${fmt(f.realTimeFactor, 3)} at ${fmtInt(f.plots / f.dataS)} plots/s${f.complete ? "" : " (stopped early)"}`,
      verdict: f.complete && f.realTimeFactor < 1,
    },
    {
      goal: `per-sector processing p99 < ${P99_GOAL_S * 1000} ms${full ? "" : ` [${fmtInt(cfg.targets)} targets]`}`,
      measured: `${ms(f.flush.p99)} ms (max ${ms(f.flush.max)} ms)`,
      verdict: f.flush.n > 0 ? f.flush.p99 < P99_GOAL_S : null,
    },
    {
      goal: "[validity of the run] offered load ≥ 40,000 plots/s, ≥ 9,500 targets seen",
      measured: `${fmtInt(plotRate)} plots/s, ${fmtInt(d.counts.targetsSeen)} targets seen`,
      verdict: full ? plotRate >= 40_000 && d.counts.targetsSeen >= 9_500 : null,
    },
  ];
  console.log("");
  console.log(goalsTable(goals));
  return { section: "capacity", goals, figures: { config: cfg, generationS: genS, counts: d.counts, plotRate, run: f } };
}
