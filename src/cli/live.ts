/**
 * The live commands: `skywatch start` (the embedded default: the built-in simulated scenario,
 * encoded as ASTERIX and fed through the same decoder and tracker as real data) and
 * `skywatch replay FILE…` (the same pipeline fed from recordings at a chosen speed).
 * Both serve the air picture over HTTP and WebSocket.
 *
 * ADS-B / Mode S: `start --input beast://HOST:PORT` (also `avr://`, `sbs://`; repeatable) adds
 * live receivers beside the scenario, or instead of it with `--no-scenario`; `replay` takes Beast,
 * AVR, SBS-1, hex-log, SeRo and I/Q recordings beside ASTERIX ones (told apart by content). Each
 * receiver is a sensor "adsb:<name>" of the tracker; without radar sensors the system frame's
 * origin is `--origin`, else the receiver position, else the first ADS-B position heard.
 */
import { InvalidArgumentError, type Command } from "commander";
import { AsterixDecoderStream, type EditionChoice } from "../formats/asterix/index.js";
import type { Framing } from "../formats/asterix/framing/index.js";
import type { TrackPipeline } from "../server/pipeline.js";
import {
  mergeByTime, modeSFileFormat, ModeSTcpClient, paced, parseFeedUrl, readModeSFile, readReportFileOrReport, readSensorsFile,
  type FileStats, type ModeSFeedAddress,
} from "../sources/index.js";
import type { TrackerOptions } from "../tracking/index.js";
import { fromDegrees } from "../geo/index.js";
import type { Geodetic, Sensor, SensorReport } from "../types/index.js";
import {
  collectEdition, issuePrinter, LOG_LEVELS, parseDate, parseFraming, parseHost, parseInteger, parseLogLevel, parsePort, parsePositive,
  parseSacSic, readHead, warnAboutFiles,
} from "./common.js";

interface ServeOptions {
  port: number;
  host: string;
  speed: number;
  logLevel: string;
  output?: Array<{ host: string; port: number }>;
  systemId: string;
}

/** Parses `--output udp://HOST:PORT` (repeatable). */
function collectOutput(value: string, previous: Array<{ host: string; port: number }> = []): Array<{ host: string; port: number }> {
  const m = /^udp:\/\/([0-9A-Za-z.-]+):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port > 0 && port <= 65535)) throw new InvalidArgumentError(`expected udp://HOST:PORT, got "${value}"`);
  return [...previous, { host: m[1], port }];
}


/** Starts the server over a pipeline, prints the URL, and stops cleanly on SIGINT/SIGTERM. */
async function serve(
  sensors: Sensor[], opts: ServeOptions, tracker?: Partial<TrackerOptions>,
): Promise<{ pipeline: TrackPipeline; signal: AbortSignal }> {
  // Loaded here so that the batch commands start without the server's dependencies.
  const { startServer } = await import("../server/index.js");
  const { TrackPipeline } = await import("../server/pipeline.js");
  const pipeline = new TrackPipeline(sensors, { tracker });
  pipeline.onWarning = (m) => process.stderr.write(`warning: ${m}\n`);
  const server = await startServer({ feed: pipeline, host: opts.host, port: opts.port, logLevel: opts.logLevel });
  const abort = new AbortController();
  const stop = (): void => {
    abort.abort();
    void server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  for (const out of opts.output ?? []) {
    // The air picture shared as ASTERIX CAT062 (+ CAT065 end of batch) over UDP.
    const { createUdpSender, shareAsCat062 } = await import("../share/index.js");
    const sender = await createUdpSender(out);
    const stopSharing = shareAsCat062(pipeline, sender, { systemId: opts.systemId });
    Object.defineProperty(pipeline.extraStatus, `output udp://${out.host}:${out.port}`, { get: () => sender.stats, enumerable: true });
    abort.signal.addEventListener("abort", () => {
      stopSharing();
      void sender.close();
    }, { once: true });
  }
  process.stdout.write(`Skywatch listening on ${server.url}\n`);
  return { pipeline, signal: abort.signal };
}

function addServeOptions(cmd: Command, defaultSpeed: string): Command {
  return cmd
    .option("-p, --port <port>", "HTTP port (0 = any free port)", parsePort, 8080)
    .option("-H, --host <address>", "interface to listen on", parseHost, "127.0.0.1")
    .option("--speed <factor>", "data seconds per wall-clock second, or \"max\"", parsePositive, Number(defaultSpeed))
    .option("--log-level <level>", `server log level (${LOG_LEVELS.join(", ")})`, parseLogLevel, "warn")
    .option("-O, --output <url>", "share the system tracks as ASTERIX CAT062 + CAT065 to udp://HOST:PORT (repeatable)", collectOutput)
    .option("--system-id <SAC/SIC>", "Skywatch's data source identifier in its CAT062/CAT065 output", parseSacSic, "0/1");
}

/** A live ASTERIX feed over UDP: `udp://HOST:PORT` (listen address), `udp://GROUP:PORT?iface=ADDR` (multicast). */
interface AsterixUdpFeed {
  format: "asterix-udp";
  host: string;
  port: number;
  group?: string;
  iface?: string;
}

type LiveInput = ModeSFeedAddress | AsterixUdpFeed;

/** Parses `udp://HOST:PORT[?iface=ADDR]`; a multicast HOST (224.0.0.0/4) is joined as a group. */
export function parseUdpUrl(value: string): AsterixUdpFeed {
  const m = /^udp:\/\/([0-9.]+):(\d{1,5})(?:\?iface=([0-9.]+))?$/.exec(value);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port > 0 && port <= 65535)) throw new Error(`expected udp://HOST:PORT[?iface=ADDR], got "${value}"`);
  const first = Number(m[1].split(".")[0]);
  const multicast = first >= 224 && first <= 239;
  return multicast
    ? { format: "asterix-udp", host: "0.0.0.0", port, group: m[1], iface: m[3] }
    : { format: "asterix-udp", host: m[1], port };
}

/** Parses `--input` (repeatable): a receiver feed address or an ASTERIX UDP feed. */
function collectInput(value: string, previous: LiveInput[] = []): LiveInput[] {
  try {
    return [...previous, value.startsWith("udp://") ? parseUdpUrl(value) : parseFeedUrl(value)];
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** Feeds live ASTERIX over UDP into the pipeline until the signal aborts; counters in `/api/status`. */
async function runUdp(feed: AsterixUdpFeed, pipeline: TrackPipeline, signal: AbortSignal, editions?: EditionChoice): Promise<void> {
  const { listenUdp } = await import("../sources/index.js");
  const where = `udp://${feed.group ?? feed.host}:${feed.port}`;
  const listener = await listenUdp({
    port: feed.port, host: feed.host, multicastGroup: feed.group, multicastInterface: feed.iface, signal,
    onDrop: (m) => process.stderr.write(`${where}: ${m}\n`),
  });
  const decoder = new AsterixDecoderStream({ referenceTime: Date.now() / 1000, editions });
  Object.defineProperty(pipeline.extraStatus, where, { get: () => ({ udp: listener.stats, decode: decoder.stats }), enumerable: true });
  for await (const x of listener.items) {
    if (x.kind === "issue") {
      process.stderr.write(`${where}: byte ${x.offset}: ${x.message}\n`);
      continue;
    }
    const { error, reports } = decoder.decodeReports(x);
    if (error) process.stderr.write(`${where}: ${error.message}\n`);
    for (const r of reports) pipeline.ingest(r);
  }
}

/** Parses `LAT,LON` in degrees. */
function parseLatLon(value: string): { latDeg: number; lonDeg: number } {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  const lat = m ? Number(m[1]) : NaN;
  const lon = m ? Number(m[2]) : NaN;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) throw new InvalidArgumentError(`expected LAT,LON in degrees, got "${value}"`);
  return { latDeg: lat, lonDeg: lon };
}

/** Feeds a live receiver into the pipeline until the signal aborts; its counters appear in `/api/status`. */
async function runFeed(feed: ModeSFeedAddress, pipeline: TrackPipeline, signal: AbortSignal): Promise<void> {
  const name = `adsb:${feed.name}`;
  const client = new ModeSTcpClient({
    host: feed.host, port: feed.port, format: feed.format, sensorId: name, receiver: feed.receiver, signal,
    onEvent: (e) => process.stderr.write(`${feed.format}://${feed.host}:${feed.port}: ${e.type}${e.message ? `: ${e.message}` : ""}\n`),
  });
  Object.defineProperty(pipeline.extraStatus, name, { get: () => client.stats(), enumerable: true });
  for await (const r of client.reports()) pipeline.ingest(r);
}

/** Registers `start`. */
export function startCommand(program: Command): void {
  addServeOptions(
    program
      .command("start")
      .description("run the live air picture on the built-in simulated scenario (a 3D radar near Chișinău) and/or live ADS-B receivers")
      .option("--seed <n>", "simulation seed (integer)", parseInteger, 1)
      .option("-i, --input <url>", "live feed: ASTERIX udp://HOST:PORT or udp://GROUP:PORT?iface=ADDR; receivers beast://HOST[:PORT], avr://…, sbs://… (repeatable; ?name=N&lat=L&lon=L)", collectInput)
      .option("-s, --sensors <file>", "sensors file: radar sites of the live ASTERIX inputs (keyed by SAC/SIC)")
      .option("-e, --edition <CAT=ED>", "ASTERIX edition of a category of the live inputs (repeatable)", collectEdition)
      .option("--no-scenario", "do not run the built-in scenario (live inputs only)")
      .option("--origin <lat,lon>", "origin of the tracking frame when no radar is configured (degrees)", parseLatLon),
    "1",
  ).action(async (opts: ServeOptions & {
    seed: number; input?: LiveInput[]; scenario: boolean; origin?: { latDeg: number; lonDeg: number }; sensors?: string;
    edition?: EditionChoice;
  }) => {
    const inputs = opts.input ?? [];
    const udpFeeds = inputs.filter((f): f is AsterixUdpFeed => f.format === "asterix-udp");
    const feeds = inputs.filter((f): f is ModeSFeedAddress => f.format !== "asterix-udp");
    if (!opts.scenario && inputs.length === 0) throw new Error("--no-scenario needs at least one --input");
    if (udpFeeds.length > 0 && !opts.sensors) throw new Error("ASTERIX inputs (udp://) need --sensors with their radar sites");
    const { builtinScenarioBlocks, builtinSensors } = await import("../sim/index.js");
    const builtin = builtinSensors();
    const sensors = [...(opts.scenario ? builtin : []), ...(opts.sensors ? await readSensorsFile(opts.sensors) : [])];
    const o = opts.origin ?? feeds.find((f) => f.receiver)?.receiver;
    const origin: Geodetic | undefined = o ? fromDegrees(o.latDeg, o.lonDeg, 0) : sensors.length ? undefined : builtin[0]?.site;
    const { pipeline, signal } = await serve(sensors, opts, origin ? { origin } : undefined);
    if (feeds.length > 0 && opts.speed !== 1) process.stderr.write("warning: live inputs run on the wall clock; --speed applies to the scenario only\n");
    const tasks = [
      ...feeds.map((f) => runFeed(f, pipeline, signal)),
      ...udpFeeds.map((f) => runUdp(f, pipeline, signal, opts.edition).catch((e: Error) => {
        process.stderr.write(`udp://${f.group ?? f.host}:${f.port}: ${e.message}\n`);
        process.exitCode = 1;
      })),
    ];
    if (opts.scenario) {
      const startTime = Math.floor(Date.now() / 1000);
      const decoder = new AsterixDecoderStream({ referenceTime: startTime });
      pipeline.extraStatus.decode = decoder.stats;
      const blocks = paced(builtinScenarioBlocks({ startTime, seed: opts.seed }), (b) => b.time, { speed: opts.speed, signal });
      let offset = 0;
      for await (const b of blocks) {
        const { error, reports } = decoder.decodeReports({ data: b.data, offset });
        offset += b.data.length;
        if (error) process.stderr.write(`simulated stream: ${error.message}\n`);
        for (const r of reports) pipeline.ingest(r);
      }
    }
    await Promise.all(tasks);
  });
}


/** Registers `replay`. */
export function replayCommand(program: Command): void {
  addServeOptions(
    program
      .command("replay")
      .description("play recordings (ASTERIX; ADS-B/Mode S: Beast, AVR, SBS-1, hex logs, I/Q) through the live pipeline and air picture")
      .argument("<files...>", "recordings (played together in time order)")
      .option("-s, --sensors <file>", "sensors file (YAML/JSON): sites keyed by SAC/SIC (needed for ASTERIX recordings)")
      .option("-f, --format <framing>", "container format of every ASTERIX file (default: detected per file)", parseFraming)
      .option("-d, --date <YYYY-MM-DD>", "UTC date of the recordings, to resolve times of day", parseDate)
      .option("-e, --edition <CAT=ED>", "ASTERIX edition of a category (repeatable)", collectEdition)
      .option("--start <ISO-8601>", "UTC start time of Beast/AVR/I-Q recordings, which carry no date (default: --date, else now)", parseIsoTime)
      .option("--receiver <lat,lon>", "ADS-B receiver position (degrees): surface positions and range checks", parseLatLon)
      .option("--origin <lat,lon>", "origin of the tracking frame when no sensors file is given (degrees)", parseLatLon),
    "1",
  ).action(async (files: string[], opts: ServeOptions & {
    sensors?: string; format?: Framing; date?: number; edition?: EditionChoice; start?: number;
    receiver?: { latDeg: number; lonDeg: number }; origin?: { latDeg: number; lonDeg: number };
  }) => {
    const kinds = await Promise.all(files.map(async (f) => modeSFileFormat(await readHead(f), f)));
    const asterix = files.filter((_, i) => kinds[i] === undefined);
    if (asterix.length > 0 && !opts.sensors) throw new Error(`ASTERIX recordings need --sensors (${asterix.join(", ")})`);
    const sensors = opts.sensors ? await readSensorsFile(opts.sensors) : [];
    const issues = issuePrinter();
    const referenceTime = opts.start ?? opts.date;
    const modesOptions = { referenceTime, receiver: opts.receiver, onIssue: issues.print };
    let origin: Geodetic | undefined;
    const o = opts.origin ?? opts.receiver;
    if (o) origin = fromDegrees(o.latDeg, o.lonDeg, 0);
    else if (sensors.length === 0) origin = await firstAdsbPosition(files.filter((_, i) => kinds[i] !== undefined), referenceTime);
    if (sensors.length === 0 && !origin) throw new Error("no sensors file, no --origin and no ADS-B position in the recordings: nothing to place the tracking frame");
    const { pipeline, signal } = await serve(sensors, opts, origin ? { origin } : undefined);
    const fileStats: FileStats[] = [];
    pipeline.extraStatus.files = fileStats;
    const streams = files.map((f, i) =>
      kinds[i] !== undefined
        ? readModeSFile(f, { ...modesOptions, format: kinds[i] })
        : readReportFileOrReport(f, { format: opts.format, referenceTime: opts.date, editions: opts.edition, onIssue: issues.print }, (st) => fileStats.push(st)));
    let last = 0;
    for await (const r of paced<SensorReport>(mergeByTime(streams), (x) => x.time, { speed: opts.speed, signal })) {
      pipeline.ingest(r);
      last = r.time;
    }
    pipeline.tick(last);
    const known = new Set(sensors.map((x) => x.id));
    warnAboutFiles(fileStats, known, opts.sensors, opts.date);
    process.stdout.write(`replay finished (${issues.count()} input problems); the air picture stays up: Ctrl-C to stop\n`);
  });
}

/** Parses an ISO-8601 UTC time into UTC seconds. */
function parseIsoTime(value: string): number {
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw new InvalidArgumentError(`expected an ISO-8601 time, got "${value}"`);
  return t / 1000;
}

/** The first ADS-B position of the Mode S recordings (to place the tracking frame), or undefined. */
async function firstAdsbPosition(files: string[], referenceTime: number | undefined): Promise<Geodetic | undefined> {
  for (const f of files) {
    try {
      for await (const r of readModeSFile(f, { referenceTime })) {
        if (r.kind === "adsb" && r.position) return { lat: r.position.lat, lon: r.position.lon, height: 0 };
      }
    } catch {
      // unreadable here: the replay itself reports it
    }
  }
  return undefined;
}
