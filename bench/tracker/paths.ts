/**
 * Where the tracker benchmark finds its inputs: the repository (scenarios, examples) and the
 * shared folder beside it (`../shared/bench` with the neutral scenarios and the peer's results,
 * `../shared/data` with the recordings).
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (this file is compiled to `dist/bench/tracker/paths.js`). */
export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), "../../../..");
/** `../shared/bench`: neutral scenarios, Stone Soup results, `gospa.py`. */
export const SHARED_BENCH = resolve(REPO_ROOT, "../shared/bench");
/** `../shared/data`: recordings. */
export const SHARED_DATA = resolve(REPO_ROOT, "../shared/data");
/** The Python interpreter the peer scorer is documented with. */
export const PYTHON = "/usr/bin/python3";
