/**
 * Cross-check of Skywatch's own scoring with the benchmark's reference scorer
 * `../shared/bench/gospa.py` (Python 3 with numpy and scipy): the tracks are written as a
 * neutral `tracks.csv` in a temporary folder and scored there. Skipped, with the reason, when
 * the interpreter or its modules are missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTracksCsv, type TrackPoint } from "../../src/evaluation/index.js";
import { PYTHON, SHARED_BENCH } from "./paths.js";

/** Why the reference scorer cannot run, or undefined when it can. */
export function gospaPyUnavailable(): string | undefined {
  const script = join(SHARED_BENCH, "gospa.py");
  if (!existsSync(script)) return `${script} not found`;
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ["-c", "import numpy, scipy"], { encoding: "utf8" });
  if (r.status !== 0) return `${PYTHON} lacks numpy/scipy (Debian: python3-numpy python3-scipy)`;
  return undefined;
}

/**
 * Scores `rows` against `scenarioDir` with `gospa.py` (c = 1000 m, p = 2, α = 2, align interp)
 * and returns its `gospa.json` fields.
 * @throws Error with the scorer's stderr when it fails.
 */
export function scoreWithGospaPy(scenarioDir: string, rows: readonly TrackPoint[]): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), "skywatch-bench-tracker-"));
  try {
    const tracks = join(dir, "tracks.csv");
    const out = join(dir, "gospa.json");
    writeFileSync(tracks, writeTracksCsv(rows));
    const r = spawnSync(PYTHON, [join(SHARED_BENCH, "gospa.py"), scenarioDir, tracks, "--c", "1000", "--p", "2", "--alpha", "2", "--json", out], {
      encoding: "utf8", maxBuffer: 64 << 20,
    });
    if (r.status !== 0) throw new Error(`gospa.py failed (${r.status ?? r.signal}): ${r.stderr.trim().slice(-2000)}`);
    return JSON.parse(readFileSync(out, "utf8")) as Record<string, number>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
