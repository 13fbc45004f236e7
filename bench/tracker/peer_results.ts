/**
 * The reference peer's figures (Stone Soup, `../shared/bench/results/<scenario>/<tracker>-stonesoup/`):
 * the best mean GOSPA, the fewest ID switches and the best throughput over the trackers run on
 * a scenario, each with the tracker that achieved it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One figure of the peer with the run it comes from. */
export interface PeerFigure {
  value: number;
  /** Result folder name, e.g. "gnn-stonesoup". */
  run: string;
}

/** The peer's best figures on one scenario. */
export interface PeerBest {
  /** Lowest mean GOSPA, m. */
  gospa: PeerFigure;
  /** Fewest ID switches. */
  idSwitches: PeerFigure;
  /** Highest detections per second of the timed tracker loop. */
  detectionsPerS: PeerFigure;
  /** Every run found, with its figures. */
  runs: { run: string; meanGospa: number; idSwitches: number; detectionsPerS: number | null }[];
}

function readJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/**
 * Reads every `<run>/gospa.json` and `<run>/timing.json` under `resultsDir` and picks the best
 * of each figure. Returns undefined when no run has a `gospa.json`.
 * @throws SyntaxError on a malformed JSON file.
 */
export function peerBest(resultsDir: string): PeerBest | undefined {
  if (!existsSync(resultsDir)) return undefined;
  const runs: PeerBest["runs"] = [];
  for (const run of readdirSync(resultsDir).sort()) {
    const g = readJson(join(resultsDir, run, "gospa.json"));
    if (g === undefined || typeof g.mean_gospa !== "number" || typeof g.id_switches !== "number") continue;
    const t = readJson(join(resultsDir, run, "timing.json"));
    const dps = t !== undefined && typeof t.detections_per_s === "number" ? t.detections_per_s : null;
    runs.push({ run, meanGospa: g.mean_gospa, idSwitches: g.id_switches, detectionsPerS: dps });
  }
  if (runs.length === 0) return undefined;
  const best = (key: "meanGospa" | "idSwitches", lower: boolean): PeerFigure => {
    const r = runs.reduce((a, b) => ((lower ? b[key] < a[key] : b[key] > a[key]) ? b : a));
    return { value: r[key], run: r.run };
  };
  const timed = runs.filter((r) => r.detectionsPerS !== null);
  const fastest = timed.length > 0 ? timed.reduce((a, b) => ((b.detectionsPerS as number) > (a.detectionsPerS as number) ? b : a)) : undefined;
  return {
    gospa: best("meanGospa", true),
    idSwitches: best("idSwitches", true),
    detectionsPerS: fastest ? { value: fastest.detectionsPerS as number, run: fastest.run } : { value: NaN, run: "none" },
    runs,
  };
}
