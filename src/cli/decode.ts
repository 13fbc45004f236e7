/**
 * `skywatch decode FILE`: one JSON line per ASTERIX record (or per report with `--reports`),
 * filtered by category and sensor, or a summary table with `--stats`; problems on stderr with
 * the file and byte offset, a summary line at the end.
 */
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { AsterixDecoderStream, blockValidator, type EditionChoice } from "../formats/asterix/index.js";
import type { Framing } from "../formats/asterix/framing/index.js";
import { readBlockFile } from "../sources/index.js";
import { collectEdition, issuePrinter, LineWriter, parseCount, parseDate, parseFraming, parseSacSic, warnEditionMismatch, warnNoDate } from "./common.js";
import { reportLine } from "./output.js";

interface DecodeOptions {
  format?: Framing;
  date?: number;
  edition?: EditionChoice;
  reports?: boolean;
  out?: string;
  limit?: number;
  cat?: number[];
  sensor?: string[];
  stats?: boolean;
}

/** Accumulates `--cat 48` / `--cat 48,34`. */
function collectCategories(value: string, previous: number[] = []): number[] {
  const cats = value.split(",").map((v) => Number(v.trim()));
  if (cats.some((c) => !Number.isInteger(c) || c < 0 || c > 255)) throw new InvalidArgumentError(`expected category numbers 0-255, got "${value}"`);
  return [...previous, ...cats];
}

/** Accumulates `--sensor 20/129`. */
function collectSensors(value: string, previous: string[] = []): string[] {
  return [...previous, parseSacSic(value)];
}

/** Per category and sensor: records and time span. */
interface StatsRow {
  category: number;
  sensorId: string;
  records: number;
  first?: number;
  last?: number;
}

function iso(t: number | undefined): string {
  return t === undefined ? "-" : new Date(t * 1000).toISOString().replace("T", " ").slice(0, 23);
}

/** Registers the command. */
export function decodeCommand(program: Command): void {
  program
    .command("decode")
    .description("decode an ASTERIX recording: one JSON line per record (items in the units of the standard)")
    .argument("<file>", "recording: raw .ast/.raw, pcap, pcapng, .gps, .rply, final format")
    .option("-f, --format <framing>", "container format (default: detected)", parseFraming)
    .option("-d, --date <YYYY-MM-DD>", "UTC date of the recording, to resolve times of day (default: the date nearest to now; pcap: capture time)", parseDate)
    .option("-e, --edition <CAT=ED>", "ASTERIX edition of a category, e.g. 48=1.27 or 21=2.1 (repeatable; CAT=ED@SAC/SIC for one sensor)", collectEdition)
    .option("-c, --cat <N>", "only these categories (repeatable or comma-separated)", collectCategories)
    .option("-s, --sensor <SAC/SIC>", "only these data sources (repeatable)", collectSensors)
    .option("-r, --reports", "print sensor reports in SI-derived edge units (m, deg) instead of raw records")
    .option("--stats", "print a summary table (records per category and sensor, time span, errors) instead of lines")
    .option("-o, --out <file>", "write to a file instead of stdout")
    .option("-n, --limit <count>", "stop after this many lines", parseCount)
    .action(async (file: string, opts: DecodeOptions) => {
      const out = await LineWriter.open(opts.out, [file]);
      const issues = issuePrinter();
      const decoder = new AsterixDecoderStream({ referenceTime: opts.date ?? Date.now() / 1000, editions: opts.edition });
      let absoluteTimes = false;
      const cats = opts.cat ? new Set(opts.cat) : undefined;
      const sensors = opts.sensor ? new Set(opts.sensor) : undefined;
      const keep = (category: number, sensorId: string | undefined): boolean =>
        (!cats || cats.has(category)) && (!sensors || (sensorId !== undefined && sensors.has(sensorId)));
      const table = new Map<string, StatsRow>();
      let lines = 0;
      const limit = opts.limit ?? Infinity;
      for await (const x of readBlockFile(file, { framing: opts.format, validate: blockValidator(decoder.registry) })) {
        if (lines >= limit) break;
        if (x.kind === "issue") {
          issues.print({ file, offset: x.offset, message: x.message });
          continue;
        }
        if (x.time !== undefined) absoluteTimes = true;
        const { result, reports, sources } = decoder.decode(x);
        if (result.error) issues.print({ file, offset: result.error.offset, message: result.error.message });
        if (opts.stats) {
          result.records.forEach((rec, i) => {
            const { sensorId = "?", time } = sources[i];
            if (!keep(rec.category, sensorId)) return;
            const key = `${rec.category}:${sensorId}`;
            const row = table.get(key) ?? { category: rec.category, sensorId, records: 0 };
            row.records++;
            if (time !== undefined) {
              row.first = Math.min(row.first ?? time, time);
              row.last = Math.max(row.last ?? time, time);
            }
            table.set(key, row);
          });
        } else if (opts.reports) {
          for (const r of reports) {
            if (lines >= limit) break;
            if (!keep(r.category ?? -1, r.sensorId)) continue;
            lines++;
            await out.line(JSON.stringify(reportLine(r)));
          }
        } else {
          for (let i = 0; i < result.records.length && lines < limit; i++) {
            const rec = result.records[i];
            if (!keep(rec.category, sources[i].sensorId)) continue;
            lines++;
            await out.line(JSON.stringify({
              offset: rec.offset, category: rec.category, edition: rec.edition, length: rec.length,
              ...(sources[i].sensorId !== undefined ? { sensorId: sources[i].sensorId } : {}),
              ...(sources[i].time !== undefined ? { time: sources[i].time } : {}),
              items: rec.items,
            }));
          }
          if (result.unsupported && keep(result.category, undefined) && lines < limit) {
            lines++;
            await out.line(JSON.stringify({ offset: result.offset, category: result.category, unsupported: true, length: x.data.length }));
          }
        }
      }
      const s = decoder.stats;
      if (opts.stats) {
        const sacSic = (id: string): number => id.split("/").reduce((n, x) => n * 256 + (Number(x) || 0), 0);
        const rows = [...table.values()].sort((a, b) => a.category - b.category || sacSic(a.sensorId) - sacSic(b.sensorId));
        await out.line("category  sensor    records  first (UTC)              last (UTC)");
        for (const r of rows) {
          await out.line(`CAT${String(r.category).padStart(3, "0")}    ${r.sensorId.padEnd(8)} ${String(r.records).padStart(8)}  ${iso(r.first).padEnd(23)}  ${iso(r.last)}`);
        }
        await out.line(`blocks ${s.blocks}, records ${s.records}, decode errors ${s.errors}, blocks of unsupported categories ${s.unsupportedBlocks}, problems ${issues.count()}`);
      }
      await out.close();
      warnEditionMismatch(file, s);
      if (opts.date === undefined && !absoluteTimes && s.records > 0) warnNoDate(file);
      process.stderr.write(
        `${file}: ${s.blocks} blocks, ${s.records} records (${Object.entries(s.byCategory).map(([c, n]) => `CAT${c.padStart(3, "0")} ${n}`).join(", ") || "none"}), ` +
        `${s.unsupportedBlocks} blocks of unsupported categories, ${issues.count()} problem(s)\n`,
      );
      // Nothing decoded and something wrong (e.g. a wrong --format): a failure, not an empty success.
      if (s.records === 0 && issues.count() > 0) process.exitCode = 1;
    });
}
