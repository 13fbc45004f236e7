#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * The `skywatch` command: decode, track, replay, start.
 */
import { Command } from "commander";
import { decodeCommand } from "./decode.js";
import { replayCommand, startCommand } from "./live.js";
import { trackCommand } from "./track.js";
import { simulateCommand } from "./simulate.js";
import { evaluateCommand } from "./evaluate.js";
import { registerCoverage } from "./coverage.js";

const program = new Command()
  .name("skywatch")
  .description("Skywatch air surveillance: ASTERIX in, tracks out, live air picture")
  .version("0.1.0");

decodeCommand(program);
trackCommand(program);
replayCommand(program);
startCommand(program);
simulateCommand(program);
evaluateCommand(program);
registerCoverage(program);

// A closed pipe (`skywatch decode … | head`) ends the command quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
});

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`skywatch: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
