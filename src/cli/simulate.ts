/**
 * `skywatch simulate SCENARIO --out DIR`: runs a scenario file and writes what the sensors
 * would send — one raw ASTERIX file per radar (CAT048 plots + CAT034 service messages), one
 * Beast binary file per ADS-B station — plus the ground truth and the reference radar's plots
 * in the neutral benchmark format (`truth.csv`, `detections.csv`, `scenario.json`, whose
 * `sensor_biases` lists each radar's simulated range/azimuth/time biases) and a sensors file
 * for `skywatch track` (without the biases: the tracker has to estimate them). Progress bar on
 * stderr (TTY only).
 */
import { createWriteStream, readFileSync, writeFileSync, type WriteStream } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { once } from "node:events";
import { SingleBar, Presets } from "cli-progress";
import { InvalidArgumentError, type Command } from "commander";
import { stringify } from "yaml";
import { writeDetectionsCsv, writeTruthCsv } from "../evaluation/index.js";
import { DEG } from "../geo/index.js";
import { applyTerrain, encodeBatch, loadScenario, NeutralRecorder, radarSite, RADAR_DEFAULTS, scenarioReports, type Simulation } from "../sim/index.js";
import { ensureDir, parseInteger } from "./common.js";

interface SimulateOptions {
  out: string;
  seed?: number;
  duration?: number;
  ideal?: boolean;
  dem?: string;
  progress?: boolean;
}

function parseNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got "${v}"`);
  return n;
}

/** Loads a scenario file, resolving replay paths relative to it. @throws ScenarioError. */
export function loadScenarioFile(path: string): Simulation {
  const text = readFileSync(path, "utf8");
  return loadScenario(text, (p) => readFileSync(isAbsolute(p) ? p : resolve(dirname(path), p), "utf8"));
}

/** The sensors file (`skywatch track --sensors`) of a simulation's radars. */
export function sensorsYaml(sim: Simulation): string {
  return stringify({
    sensors: sim.scenario.radars.map((r) => {
      const sig = r.sigmas ?? RADAR_DEFAULTS.sigmas;
      return {
        id: `${r.sac}/${r.sic}`, name: r.name, latDeg: r.latDeg, lonDeg: r.lonDeg, heightM: radarSite(r).height,
        rangeSigmaM: sig.range, azimuthSigmaDeg: sig.azimuth / DEG, elevationSigmaDeg: sig.elevation / DEG, modeCSigmaM: 15,
        rotationPeriodS: r.rotationPeriod ?? RADAR_DEFAULTS.rotationPeriod,
      };
    }),
  });
}

/** Runs a simulation into `out`; returns counts. `onProgress(simSeconds)` is called as time advances. */
export async function runSimulation(sim: Simulation, out: string, opts: { ideal?: boolean; commandLine?: string; onProgress?: (t: number) => void } = {}): Promise<{ batches: number; bytes: number; files: string[] }> {
  ensureDir(out);
  const files = new Map<string, WriteStream>();
  const recorder = new NeutralRecorder(sim.scenario, sim.referenceSensor, sim.startTime);
  let batches = 0;
  let bytes = 0;
  for (const batch of scenarioReports(sim.scenario, { startTime: sim.startTime, duration: sim.duration, seed: sim.seed, ideal: opts.ideal })) {
    batches++;
    recorder.add(batch);
    const enc = encodeBatch(batch);
    if (enc !== undefined) {
      const name = `${enc.format === "beast" ? "adsb" : "radar"}-${enc.sensorId.replace("/", "-")}.${enc.format === "beast" ? "beast" : "ast"}`;
      let f = files.get(name);
      if (f === undefined) files.set(name, (f = createWriteStream(join(out, name))));
      if (!f.write(enc.bytes)) await once(f, "drain");
      bytes += enc.bytes.length;
    }
    opts.onProgress?.(batch.time - sim.startTime);
  }
  for (const f of files.values()) {
    f.end();
    await once(f, "close");
  }
  writeFileSync(join(out, "truth.csv"), writeTruthCsv(recorder.truthRows()));
  writeFileSync(join(out, "detections.csv"), writeDetectionsCsv(recorder.detectionRows()));
  writeFileSync(join(out, "scenario.json"), JSON.stringify(recorder.scenarioJson({ name: sim.name, seed: sim.seed, duration: sim.duration, commandLine: opts.commandLine }), null, 1) + "\n");
  writeFileSync(join(out, "sensors.yaml"), sensorsYaml(sim));
  return { batches, bytes, files: [...files.keys()].sort() };
}

/** Registers the command. */
export function simulateCommand(program: Command): void {
  program
    .command("simulate")
    .description("run a scenario file: ASTERIX per radar, Beast per ADS-B station, truth and detections in the neutral benchmark format")
    .argument("<scenario>", "scenario file (YAML or JSON)")
    .requiredOption("-o, --out <dir>", "output directory")
    .option("--seed <n>", "override the scenario's seed (integer)", parseInteger)
    .option("--duration <s>", "override the scenario's duration, seconds", parseNumber)
    .option("--ideal", "no noise, detection probability 1, no clutter (tests)")
    .option("--dem <path>", "terrain (SRTM .hgt, DTED, GeoTIFF, BIL file or folder of tiles): radars see only over it")
    .option("--no-progress", "no progress bar")
    .action(async (file: string, opts: SimulateOptions) => {
      const sim = loadScenarioFile(file);
      if (opts.seed !== undefined) sim.seed = opts.seed;
      if (opts.duration !== undefined) sim.duration = opts.duration;
      for (const s of sim.skipped) process.stderr.write(`skipped recorded flight ${s}\n`);
      if (opts.dem) {
        const { readDem } = await import("../coverage/index.js");
        applyTerrain(sim.scenario.radars, await readDem(opts.dem));
      }
      const bar = opts.progress !== false && process.stderr.isTTY ? new SingleBar({ format: "simulate [{bar}] {value}/{total} s", stream: process.stderr }, Presets.shades_classic) : undefined;
      bar?.start(Math.ceil(sim.duration), 0);
      const started = performance.now();
      const res = await runSimulation(sim, opts.out, { ideal: opts.ideal, commandLine: process.argv.slice(2).join(" "), onProgress: (t) => bar?.update(Math.min(Math.ceil(sim.duration), Math.floor(t))) });
      bar?.stop();
      const wall = (performance.now() - started) / 1000;
      process.stderr.write(`${sim.name}: ${sim.duration} s simulated in ${wall.toFixed(2)} s (${(sim.duration / wall).toFixed(0)}× real time); ${res.batches} batches, ${res.bytes} bytes in ${res.files.join(", ")}; truth.csv, detections.csv, scenario.json, sensors.yaml in ${opts.out}\n`);
    });
}
