/**
 * Scenario definitions: the targets (class, transponder, identity, route, timing) and the
 * sensors of a simulation, compiled once and then expanded into concrete flights
 * ("instances") at any time, lazily, so traffic can run forever.
 */
import type { Geodetic, Enu } from "../geo/index.js";
import type { PlotReport } from "../types/index.js";
import { ScenarioError } from "./errors.js";
import type { AdsbStationSpec } from "./adsb.js";
import type { RadarSpec } from "./radar.js";
import { compileTrajectory, targetStateAt, type RouteSpec, type TimedTrajectory, type Trajectory } from "./trajectory.js";

/** Kind of target, which sets its radar detection probability. */
export type TargetClass = "airliner" | "lightAircraft" | "helicopter" | "drone";

/** Transponder fitted: Mode S (address, 25 ft altitude, callsign), Mode A/C only (100 ft Gillham altitude), or none. */
export type TransponderKind = "modeS" | "modeAC" | "none";

/** What a transponder tells about a flight. */
export interface TargetIdentity {
  /** Aircraft identification (ICAO flight plan callsign), up to 8 characters. */
  callsign?: string;
  /** 24-bit ICAO aircraft address (Mode S only). */
  icaoAddress?: number;
  /** Mode 3/A code as a number (write it in octal: `0o7000`). */
  mode3A?: number;
}

/** One target (or a recurring flight) of a scenario. */
export interface TargetSpec {
  /** Unique id within the scenario, e.g. "ARR-SW". Instances of a recurring flight get "ARR-SW#k". */
  id: string;
  /** Free text, e.g. "A320 arriving from the south-west to LUKK runway 26". */
  description?: string;
  targetClass: TargetClass;
  transponder: TransponderKind;
  route: RouteSpec;
  /** Scenario time (s) at which (instance 0 of) the target starts its route; may be negative (already en route). Default 0. */
  start?: number;
  /**
   * Open routes only: a new instance every `repeatEvery` seconds, forever in both directions
   * (instance k starts at `start + k·repeatEvery`, k any integer), so traffic is already in
   * steady state at scenario time 0 and never runs out.
   */
  repeatEvery?: number;
  /** Identities cycled by instance (instance k uses entry k mod length). Default: one empty identity. */
  identities?: TargetIdentity[];
  /** Radar cross-section, m² (for radar-equation detection; default by class, `DEFAULT_RCS`). */
  rcs?: number;
  /** ADS-B out (Mode S transponders only): navigation accuracy category NACp (default 9), or false for no ADS-B. Default on for Mode S. */
  adsb?: { nacp?: number } | false;
}

/** A complete scenario: sensors and targets. */
export interface ScenarioSpec {
  name: string;
  radars: RadarSpec[];
  targets: TargetSpec[];
  /** ADS-B ground stations (default none). */
  adsbStations?: AdsbStationSpec[];
}

/** A target spec with its compiled trajectory. */
export interface CompiledTarget {
  spec: TargetSpec;
  trajectory: Trajectory;
}

/** A scenario ready to run. */
export interface CompiledScenario {
  name: string;
  radars: RadarSpec[];
  targets: CompiledTarget[];
  adsbStations: AdsbStationSpec[];
}

/** One concrete flight: a target spec's instance placed in scenario time with its identity. */
export interface TargetInstance extends TimedTrajectory {
  /** Stable id: the spec id, or "specId#k" for recurring flights. */
  id: string;
  spec: TargetSpec;
  identity: TargetIdentity;
}

/** Ground truth of one target at one instant. */
export interface TruthSample {
  /** Instance id of the target. */
  targetId: string;
  targetClass: TargetClass;
  /** UTC seconds. */
  time: number;
  /** WGS-84 position (rad, rad, m above the ellipsoid). */
  position: Geodetic;
  /** ENU velocity at the position, m/s. */
  velocity: Enu;
  identity: TargetIdentity;
  /** Inside the sensor's coverage (range, elevation limits, radio horizon) at this instant (sensor truth only). */
  inCoverage?: boolean;
  /** The plot the sensor made of the target at this beam passage, if it detected it (sensor truth only). */
  plot?: PlotReport;
}

/**
 * Validates and compiles a scenario.
 * @throws ScenarioError for duplicate ids, a bad route, `repeatEvery` on a loop or ≤ 0, or
 *   identities that would be worn by two simultaneous instances of a recurring flight.
 */
export function compileScenario(spec: ScenarioSpec): CompiledScenario {
  const ids = new Set<string>();
  const targets = spec.targets.map((t): CompiledTarget => {
    if (ids.has(t.id)) throw new ScenarioError("duplicate target id", t.id);
    ids.add(t.id);
    let trajectory: Trajectory;
    try {
      trajectory = compileTrajectory(t.route);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(e.message, t.id);
      throw e;
    }
    if (t.repeatEvery !== undefined) {
      if (t.route.loop) throw new ScenarioError("repeatEvery is for open routes only", t.id);
      if (!(Number.isFinite(t.repeatEvery) && t.repeatEvery > 0)) throw new ScenarioError("repeatEvery must be > 0 s", t.id);
      const n = t.identities?.length ?? 1;
      if (n * t.repeatEvery <= trajectory.duration) {
        throw new ScenarioError(`${n} identities repeat every ${n * t.repeatEvery} s but a flight lasts ${trajectory.duration.toFixed(0)} s`, t.id);
      }
    }
    if (t.start !== undefined && !Number.isFinite(t.start)) throw new ScenarioError("start must be finite", t.id);
    if (t.rcs !== undefined && !(Number.isFinite(t.rcs) && t.rcs > 0)) throw new ScenarioError("rcs must be > 0 m²", t.id);
    return { spec: t, trajectory };
  });
  const sensors = new Set<string>();
  for (const r of spec.radars) {
    const key = `${r.sac}/${r.sic}`;
    if (sensors.has(key)) throw new ScenarioError("duplicate radar SAC/SIC", key);
    sensors.add(key);
  }
  for (const a of spec.adsbStations ?? []) {
    const key = `${a.sac}/${a.sic}`;
    if (sensors.has(key)) throw new ScenarioError("duplicate sensor SAC/SIC", key);
    sensors.add(key);
  }
  return { name: spec.name, radars: spec.radars, targets, adsbStations: spec.adsbStations ?? [] };
}

function makeInstance(c: CompiledTarget, k: number | undefined): TargetInstance {
  const ids = c.spec.identities ?? [{}];
  const i = k === undefined ? 0 : ((k % ids.length) + ids.length) % ids.length;
  return {
    id: k === undefined ? c.spec.id : `${c.spec.id}#${k}`,
    spec: c.spec,
    trajectory: c.trajectory,
    startTime: (c.spec.start ?? 0) + (k === undefined ? 0 : k * (c.spec.repeatEvery ?? 0)),
    identity: ids[i],
  };
}

/** Instances already made, per compiled target (k = −0.5 for a single flight); cleared past a few thousand (endless traffic). */
const instanceCache = new WeakMap<CompiledTarget, Map<number, TargetInstance>>();

/** The instance k of a target (undefined: the single flight), made once and then shared (instances are read-only). */
function instance(c: CompiledTarget, k: number | undefined): TargetInstance {
  let cache = instanceCache.get(c);
  if (cache === undefined) instanceCache.set(c, (cache = new Map()));
  const key = k ?? -0.5;
  let inst = cache.get(key);
  if (inst === undefined) {
    if (cache.size >= 4096) cache.clear();
    cache.set(key, (inst = makeInstance(c, k)));
  }
  return inst;
}

/**
 * The target instances that exist at some moment of the scenario-time interval [t0, t1] (s),
 * in a stable order (scenario order, then instance number).
 */
export function activeTargets(scenario: CompiledScenario, t0: number, t1: number): TargetInstance[] {
  const out: TargetInstance[] = [];
  for (const c of scenario.targets) {
    const start = c.spec.start ?? 0;
    const end = c.trajectory.loop ? Infinity : c.trajectory.duration;
    const period = c.spec.repeatEvery;
    if (period === undefined) {
      if (start <= t1 && start + end >= t0) out.push(instance(c, undefined));
      continue;
    }
    const kFirst = Math.ceil((t0 - end - start) / period);
    const kLast = Math.floor((t1 - start) / period);
    for (let k = kFirst; k <= kLast; k++) out.push(instance(c, k));
  }
  return out;
}

/**
 * Ground truth of every target existing at a scenario time `t` (s); sample times are reported
 * as UTC `epoch + t`.
 */
export function truthAt(scenario: CompiledScenario, t: number, epoch = 0): TruthSample[] {
  const out: TruthSample[] = [];
  for (const inst of activeTargets(scenario, t, t)) {
    const s = targetStateAt(inst, t);
    if (s === undefined) continue;
    out.push({
      targetId: inst.id, targetClass: inst.spec.targetClass, time: epoch + t,
      position: s.position, velocity: s.velocity, identity: inst.identity,
    });
  }
  return out;
}
