/**
 * The live commands: `skywatch start` (the embedded default: the built-in simulated scenario,
 * encoded as ASTERIX and fed through the same decoder and tracker as real data) and
 * `skywatch replay FILE…` (the same pipeline fed from recordings at a chosen speed).
 * Both serve the air picture over HTTP and WebSocket.
 */
import type { Command } from "commander";
import { AsterixDecoderStream, type EditionChoice } from "../formats/asterix/index.js";
import type { Framing } from "../formats/asterix/framing/index.js";
import type { TrackPipeline } from "../server/pipeline.js";
import { mergeByTime, paced, readReportFile, readSensorsFile } from "../sources/index.js";
import type { Sensor, SensorReport } from "../types/index.js";
import { collectEdition, issuePrinter, parseDate, parseFraming, parsePort, parsePositive } from "./common.js";

interface ServeOptions {
  port: number;
  host: string;
  speed: number;
  logLevel: string;
}

/** Starts the server over a pipeline, prints the URL, and stops cleanly on SIGINT/SIGTERM. */
async function serve(sensors: Sensor[], opts: ServeOptions): Promise<{ pipeline: TrackPipeline; signal: AbortSignal }> {
  // Loaded here so that the batch commands start without the server's dependencies.
  const { startServer } = await import("../server/index.js");
  const { TrackPipeline } = await import("../server/pipeline.js");
  const pipeline = new TrackPipeline(sensors);
  const server = await startServer({ feed: pipeline, host: opts.host, port: opts.port, logLevel: opts.logLevel });
  const abort = new AbortController();
  const stop = (): void => {
    abort.abort();
    void server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(`Skywatch listening on ${server.url}\n`);
  return { pipeline, signal: abort.signal };
}

function addServeOptions(cmd: Command, defaultSpeed: string): Command {
  return cmd
    .option("-p, --port <port>", "HTTP port (0 = any free port)", parsePort, 8080)
    .option("-H, --host <address>", "interface to listen on", "127.0.0.1")
    .option("--speed <factor>", "data seconds per wall-clock second, or \"max\"", parsePositive, Number(defaultSpeed))
    .option("--log-level <level>", "server log level (fatal, error, warn, info, debug, silent)", "warn");
}

/** Registers `start`. */
export function startCommand(program: Command): void {
  addServeOptions(
    program
      .command("start")
      .description("run the live air picture on the built-in simulated scenario (a 3D radar near Chișinău)")
      .option("--seed <n>", "simulation seed", (v) => Number(v), 1),
    "1",
  ).action(async (opts: ServeOptions & { seed: number }) => {
    const { builtinScenarioBlocks, builtinSensors } = await import("../sim/index.js");
    const sensors = builtinSensors();
    const { pipeline, signal } = await serve(sensors, opts);
    const startTime = Math.floor(Date.now() / 1000);
    const decoder = new AsterixDecoderStream({ referenceTime: startTime });
    pipeline.extraStatus.decode = decoder.stats;
    const blocks = paced(builtinScenarioBlocks({ startTime, seed: opts.seed }), (b) => b.time, { speed: opts.speed, signal });
    let offset = 0;
    for await (const b of blocks) {
      const { result, reports } = decoder.decode({ data: b.data, offset });
      offset += b.data.length;
      if (result.error) process.stderr.write(`simulated stream: ${result.error.message}\n`);
      for (const r of reports) pipeline.ingest(r);
    }
  });
}

/** Registers `replay`. */
export function replayCommand(program: Command): void {
  addServeOptions(
    program
      .command("replay")
      .description("play recordings through the live pipeline and air picture")
      .argument("<files...>", "recordings (played together in time order)")
      .requiredOption("-s, --sensors <file>", "sensors file (YAML/JSON): sites keyed by SAC/SIC")
      .option("-f, --format <framing>", "container format of every file (default: detected per file)", parseFraming)
      .option("-d, --date <YYYY-MM-DD>", "UTC date of the recordings, to resolve times of day", parseDate)
      .option("-e, --edition <CAT=ED>", "ASTERIX edition of a category (repeatable)", collectEdition),
    "1",
  ).action(async (files: string[], opts: ServeOptions & { sensors: string; format?: Framing; date?: number; edition?: EditionChoice }) => {
    const sensors = await readSensorsFile(opts.sensors);
    const { pipeline, signal } = await serve(sensors, opts);
    const issues = issuePrinter();
    const streams = files.map((f) =>
      readReportFile(f, { format: opts.format, referenceTime: opts.date, editions: opts.edition, onIssue: issues.print }));
    let last = 0;
    for await (const r of paced<SensorReport>(mergeByTime(streams), (x) => x.time, { speed: opts.speed, signal })) {
      pipeline.ingest(r);
      last = r.time;
    }
    pipeline.tick(last);
    process.stdout.write(`replay finished (${issues.count()} input problems); the air picture stays up: Ctrl-C to stop\n`);
  });
}
