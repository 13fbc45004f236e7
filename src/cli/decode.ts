/**
 * `skywatch decode FILE`: one JSON line per ASTERIX record (or per report with `--reports`),
 * problems on stderr with the file and byte offset, a summary at the end.
 */
import type { Command } from "commander";
import { AsterixDecoderStream, type EditionChoice } from "../formats/asterix/index.js";
import type { Framing } from "../formats/asterix/framing/index.js";
import { readBlockFile } from "../sources/index.js";
import { collectEdition, issuePrinter, LineWriter, parseDate, parseFraming } from "./common.js";
import { reportLine } from "./output.js";

interface DecodeOptions {
  format?: Framing;
  date?: number;
  edition?: EditionChoice;
  reports?: boolean;
  out?: string;
  limit?: number;
}

/** Registers the command. */
export function decodeCommand(program: Command): void {
  program
    .command("decode")
    .description("decode an ASTERIX recording: one JSON line per record (items in the units of the standard)")
    .argument("<file>", "recording: raw .ast/.raw, pcap, pcapng, .gps, .rply, final format")
    .option("-f, --format <framing>", "container format (default: detected)", parseFraming)
    .option("-d, --date <YYYY-MM-DD>", "UTC date of the recording, to resolve times of day (default: today; pcap: capture time)", parseDate)
    .option("-e, --edition <CAT=ED>", "ASTERIX edition of a category, e.g. 48=1.27 (repeatable; CAT=ED@SAC/SIC for one sensor)", collectEdition)
    .option("-r, --reports", "print sensor reports in SI-derived edge units (m, deg) instead of raw records")
    .option("-o, --out <file>", "write to a file instead of stdout")
    .option("-n, --limit <count>", "stop after this many lines", (v) => Number(v))
    .action(async (file: string, opts: DecodeOptions) => {
      const out = new LineWriter(opts.out);
      const issues = issuePrinter();
      const decoder = new AsterixDecoderStream({ referenceTime: opts.date ?? Date.now() / 1000, editions: opts.edition });
      let lines = 0;
      const limit = opts.limit ?? Infinity;
      for await (const x of readBlockFile(file, { framing: opts.format })) {
        if (lines >= limit) break;
        if (x.kind === "issue") {
          issues.print({ file, offset: x.offset, message: x.message });
          continue;
        }
        const { result, reports } = decoder.decode(x);
        if (result.error) issues.print({ file, offset: result.error.offset, message: result.error.message });
        if (opts.reports) {
          for (const r of reports) if (lines++ < limit) await out.line(JSON.stringify(reportLine(r)));
        } else {
          for (const rec of result.records) {
            if (lines++ >= limit) break;
            await out.line(JSON.stringify({
              offset: rec.offset, category: rec.category, edition: rec.edition, length: rec.length, items: rec.items,
            }));
          }
          if (result.unsupported) {
            await out.line(JSON.stringify({ offset: result.offset, category: result.category, unsupported: true, length: x.data.length }));
          }
        }
      }
      await out.close();
      const s = decoder.stats;
      process.stderr.write(
        `${file}: ${s.blocks} blocks, ${s.records} records (${Object.entries(s.byCategory).map(([c, n]) => `CAT${c.padStart(3, "0")} ${n}`).join(", ") || "none"}), ` +
        `${s.unsupportedBlocks} blocks of unsupported categories, ${issues.count()} problems\n`,
      );
    });
}
