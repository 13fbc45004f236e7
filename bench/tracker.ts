/**
 * `npm run bench:tracker`: every acceptance figure of issue #6 ("Tracker v1"), each section
 * with its tables and a PASS/FAIL per goal:
 *
 * 1. `neutral`  — the neutral scenarios s1..s3 of `../shared/bench` scored like the Stone Soup
 *    peer (mean GOSPA, ID switches) and the tracker's throughput against the peer's;
 * 2. `capacity` — 10,000 targets seen by 20 radars with 4 s scans (≈ 50,000 plots/s): real-time
 *    factor, per-sector processing times, tracks held, memory;
 * 3. `realdata` — the Barcelona CAT048 recording: share of each Mode S address's plots held by
 *    its main track;
 * 4. `fusion`   — two radars + ADS-B (`scenarios/moldova_two_radars_adsb.yaml`): duplicate
 *    tracks, horizontal RMS fused vs each radar alone, sensor bias estimates.
 *
 * Options: `--section NAME` (repeatable; default all), `--quick` (a smaller capacity run),
 * `--targets N` (the capacity run with N targets instead of 10,000: a load test beyond the
 * goal's size, its verdicts marked as such), `--json FILE` (all figures as JSON), `--help`.
 * `npm run bench:tracker` runs node with the flags the `skywatch` command runs with
 * (`--max-semi-space-size`, see README "Tracker"); the header prints them. Only the tracker's public API is used
 * (`createTracker`, `Tracker.process/tick/tracks/stats`), plus `trackNeutral` of
 * `src/cli/evaluate.ts` for the neutral format.
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { capacitySection } from "./tracker/capacity.js";
import { fusionSection } from "./tracker/fusion.js";
import { coldNeutralWorker, neutralSection } from "./tracker/neutral.js";
import { realDataSection } from "./tracker/real_data.js";
import { goalsTable, heading, type SectionResult } from "./tracker/report.js";

const SECTIONS = {
  neutral: (_args: Args) => neutralSection(),
  capacity: (args: Args) => capacitySection(args.quick, args.targets),
  realdata: (_args: Args) => realDataSection(),
  fusion: (_args: Args) => fusionSection(),
} as const;
type SectionName = keyof typeof SECTIONS;

const USAGE = `usage: node dist/bench/tracker.js [--section ${Object.keys(SECTIONS).join("|")}]... [--quick] [--targets N] [--json FILE]`;

interface Args {
  sections: SectionName[];
  quick: boolean;
  /** Capacity run size (targets), when not the default. */
  targets?: number;
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sections: [], quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") args.quick = true;
    else if (a === "--json" && argv[i + 1] !== undefined) args.json = argv[++i];
    else if (a === "--targets" && argv[i + 1] !== undefined) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--targets needs a positive whole number, got "${argv[i]}"\n${USAGE}`);
      args.targets = n;
    }
    else if (a === "--section" && argv[i + 1] !== undefined) {
      const s = argv[++i];
      if (!(s in SECTIONS)) throw new Error(`unknown section "${s}"\n${USAGE}`);
      args.sections.push(s as SectionName);
    } else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument "${a}"\n${USAGE}`);
  }
  if (args.sections.length === 0) args.sections = Object.keys(SECTIONS) as SectionName[];
  return args;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--cold-neutral" && argv[1] !== undefined) {
    coldNeutralWorker(argv[1]);
    return;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  console.log(`Skywatch tracker benchmark (issue #6) — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ` +
    `load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}${args.quick ? ", --quick" : ""}; node flags: ${process.execArgv.join(" ") || "none"}`);
  const results: SectionResult[] = [];
  for (const name of args.sections) {
    try {
      results.push(await SECTIONS[name](args));
    } catch (e) {
      const msg = (e as Error).stack ?? String(e);
      console.log(`section ${name} failed: ${msg}`);
      results.push({ section: name, goals: [], figures: {}, skipped: `error: ${(e as Error).message}` });
      process.exitCode = 1;
    }
  }
  console.log(heading("Summary"));
  const goals = results.flatMap((r) => r.goals.map((g) => ({ ...g, goal: `[${r.section}] ${g.goal}` })));
  console.log(goalsTable(goals));
  for (const r of results) if (r.skipped !== undefined) console.log(`[${r.section}] skipped: ${r.skipped}`);
  const pass = goals.filter((g) => g.verdict === true).length;
  const fail = goals.filter((g) => g.verdict === false).length;
  console.log(`${pass} PASS, ${fail} FAIL, ${goals.length - pass - fail} n/a; ${((Date.now() - started) / 1000).toFixed(0)} s; load average now ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  if (args.json !== undefined) {
    writeFileSync(args.json, JSON.stringify({
      benchmark: "skywatch tracker (issue #6)", date: new Date().toISOString(), node: process.version, cpus: cpus().length, quick: args.quick,
      results,
    }, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v), 1) + "\n");
    console.log(`figures written to ${args.json}`);
  }
}

await main();
