/**
 * `skywatch track FILE… --sensors F --out tracks.ndjson`: the batch tracker over recordings,
 * one NDJSON line per track update, a summary (counts, rates) on stderr.
 */
import type { Command } from "commander";
import type { EditionChoice } from "../formats/asterix/index.js";
import type { Framing } from "../formats/asterix/framing/index.js";
import { mergeByTime, modeSFileFormat, readModeSFile, readReportFileOrReport, readSensorsFile, type FileStats, type InputIssue } from "../sources/index.js";
import { createTracker } from "../tracking/index.js";
import type { TrackUpdate } from "../types/index.js";
import { collectEdition, issuePrinter, LineWriter, parseDate, parseFraming, readHead, warnAboutFiles } from "./common.js";
import { trackLine } from "./output.js";

interface TrackOptions {
  sensors: string;
  out?: string;
  format?: Framing;
  date?: number;
  edition?: EditionChoice;
  confirmedOnly?: boolean;
}

/** Registers the command. */
export function trackCommand(program: Command): void {
  program
    .command("track")
    .description("track recordings: one NDJSON line per track update")
    .argument("<files...>", "recordings: ASTERIX, or Mode S / ADS-B receiver files (Beast, AVR, SBS-1; detected), played together in time order")
    .requiredOption("-s, --sensors <file>", "sensors file (YAML/JSON): sites keyed by SAC/SIC")
    .option("-o, --out <file>", "output NDJSON file (default: stdout)")
    .option("-f, --format <framing>", "container format of every file (default: detected per file)", parseFraming)
    .option("-d, --date <YYYY-MM-DD>", "UTC date of the recordings, to resolve times of day", parseDate)
    .option("-e, --edition <CAT=ED>", "ASTERIX edition of a category (repeatable)", collectEdition)
    .option("--confirmed-only", "write only updates of confirmed or coasting tracks (and their deletion)")
    .action(async (files: string[], opts: TrackOptions) => {
      const sensors = await readSensorsFile(opts.sensors);
      const tracker = createTracker(sensors);
      const out = await LineWriter.open(opts.out, files);
      const issues = issuePrinter();
      const started = performance.now();
      const fileStats: FileStats[] = [];
      let failedFiles = 0;
      const onIssue = (i: InputIssue): void => {
        if (i.fatal) failedFiles++;
        issues.print(i);
      };
      // Receiver files (Beast, AVR, SBS-1) go to the Mode S reader; everything else is ASTERIX.
      const kinds = await Promise.all(files.map(async (f) => (opts.format ? undefined : modeSFileFormat(await readHead(f), f))));
      const streams = files.map((f, i) =>
        kinds[i] !== undefined
          ? readModeSFile(f, { format: kinds[i], referenceTime: opts.date, onIssue })
          : readReportFileOrReport(f, { format: opts.format, referenceTime: opts.date, editions: opts.edition, onIssue }, (st) => fileStats.push(st)));
      let plots = 0;
      let lastTime = -Infinity;
      let lines = 0;
      const write = async (updates: TrackUpdate[]): Promise<void> => {
        for (const u of updates) {
          if (opts.confirmedOnly && u.track.status === "tentative") continue;
          if (opts.confirmedOnly && u.event === "deleted" && u.track.updates < 2) continue;
          lines++;
          await out.line(JSON.stringify(trackLine(u)));
        }
      };
      let systemTracks = 0;
      for await (const report of mergeByTime(streams)) {
        if (report.kind === "plot") plots++;
        else if (report.kind === "track") systemTracks++;
        await write(tracker.process(report));
        if (report.time - lastTime >= 1) {
          lastTime = report.time;
          await write(tracker.tick(report.time));
        }
      }
      if (Number.isFinite(lastTime)) await write(tracker.tick(lastTime));
      await out.close();
      const seconds = (performance.now() - started) / 1000;
      const st = tracker.stats();
      const known = new Set(sensors.map((x) => x.id));
      warnAboutFiles(fileStats, known, opts.sensors, opts.date);
      if (systemTracks > 0) {
        process.stderr.write(
          `warning: ${systemTracks} system-track reports (CAT062 and the like) were read and not used: the tracker builds its ` +
          `tracks from sensor plots (CAT048/CAT001), ADS-B and Mode S; \`skywatch decode --reports\` shows system tracks\n`,
        );
      }
      process.stderr.write(
        `${plots} plots read, ${st.plotsProcessed} tracked, in ${seconds.toFixed(2)} s (${Math.round(plots / seconds)} plots/s); ` +
        `${lines} track updates written; tracker: ${JSON.stringify(st)}; ${issues.count()} input problem(s)\n`,
      );
      if (failedFiles > 0 || st.plotsProcessed + (st.adsbProcessed ?? 0) === 0) process.exitCode = 1;
    });
}
