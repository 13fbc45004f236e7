/** Runs the built `skywatch` command (dist/) for CLI tests. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../shared_data.js";

/** Result of a CLI run. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/cli/main.js ARGS…` synchronously from the repository root. */
export function skywatch(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, "dist/src/cli/main.js"), ...args], {
    cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 1 << 28,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
