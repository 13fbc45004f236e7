/**
 * Sensor bias check of the fusion goal (issue #6: estimated biases within 20% of the simulated
 * ones). The simulated biases are read from the scenario file's radars (`rangeBiasM`,
 * `azimuthBiasDeg`, `timeBiasS`, when the file has them); the estimates come from the tracker's
 * optional `biasEstimates()` method, typed here as optional so that the benchmark runs whether
 * the tracker has it or not.
 */
import { parse as parseYaml } from "yaml";
import type { Tracker } from "../../src/tracking/index.js";

/** A tracker's estimate of one sensor's systematic errors (SI: m, rad, s). */
export interface BiasEstimate {
  sensorId: string;
  /** Range bias, m (measured − true). */
  rangeBias: number;
  /** Azimuth bias, rad. */
  azimuthBias: number;
  /** Time-stamp bias, s; undefined when the geometry left it unobservable. */
  timeBias: number | undefined;
  /** Measurements the estimate rests on. */
  samples: number;
}

/** A tracker that may report bias estimates. */
export type MaybeBiasTracker = Tracker & { biasEstimates?: () => BiasEstimate[] };

/** The simulated biases of one radar (SI), absent components 0. */
export interface SimulatedBias {
  sensorId: string;
  rangeBias: number;
  azimuthBias: number;
  timeBias: number;
}

/**
 * The radars' simulated biases in a scenario file's text (YAML/JSON); only radars with at least
 * one bias field are listed. Returns [] for a file without any (or one that does not parse).
 */
export function simulatedBiases(scenarioText: string): SimulatedBias[] {
  let raw: unknown;
  try {
    raw = parseYaml(scenarioText);
  } catch {
    return [];
  }
  const radars = (raw as { radars?: unknown })?.radars;
  if (!Array.isArray(radars)) return [];
  const out: SimulatedBias[] = [];
  for (const r of radars as Record<string, unknown>[]) {
    const num = (k: string): number | undefined => (typeof r[k] === "number" && Number.isFinite(r[k]) ? (r[k] as number) : undefined);
    const range = num("rangeBiasM");
    const az = num("azimuthBiasDeg");
    const time = num("timeBiasS");
    if (range === undefined && az === undefined && time === undefined) continue;
    out.push({ sensorId: `${String(r.sac)}/${String(r.sic)}`, rangeBias: range ?? 0, azimuthBias: ((az ?? 0) * Math.PI) / 180, timeBias: time ?? 0 });
  }
  return out;
}

/** One compared component. */
export interface BiasComparison {
  sensorId: string;
  component: "range" | "azimuth" | "time";
  simulated: number;
  /** NaN when the tracker gave no estimate for the sensor. */
  estimated: number;
  /** |estimated − simulated| / |simulated|; NaN for a zero simulated bias (not judged). */
  relativeError: number;
  /** Within the tolerance; null when not judged (zero simulated bias). */
  ok: boolean | null;
}

/**
 * Compares estimates with simulated biases component by component: a non-zero simulated
 * component passes when the estimate is within `tolerance` (fraction) of it; a zero one is
 * listed but not judged.
 */
export function compareBiases(sim: readonly SimulatedBias[], est: readonly BiasEstimate[], tolerance = 0.2): BiasComparison[] {
  const out: BiasComparison[] = [];
  for (const s of sim) {
    const e = est.find((x) => x.sensorId === s.sensorId);
    for (const [component, simulated, estimated] of [
      ["range", s.rangeBias, e?.rangeBias], ["azimuth", s.azimuthBias, e?.azimuthBias], ["time", s.timeBias, e?.timeBias],
    ] as const) {
      const est = estimated ?? NaN;
      if (simulated === 0) {
        out.push({ sensorId: s.sensorId, component, simulated, estimated: est, relativeError: NaN, ok: null });
        continue;
      }
      const rel = Math.abs(est - simulated) / Math.abs(simulated);
      out.push({ sensorId: s.sensorId, component, simulated, estimated: est, relativeError: rel, ok: Number.isFinite(rel) && rel <= tolerance });
    }
  }
  return out;
}
