/**
 * Where the shared real-data folder is (`../shared/data` beside the repository), and whether it is present.
 * Tests that need it skip with a clear message when it is absent.
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** `../shared/data` next to the repository. */
export const SHARED_DATA = resolve(REPO_ROOT, "../shared/data");
/** `../shared/data/asterix`. */
export const ASTERIX_DATA = resolve(SHARED_DATA, "asterix");
/** True when the shared data folder exists. */
export const HAS_SHARED_DATA = existsSync(ASTERIX_DATA);
/** Message used when skipping. */
export const SKIP_MESSAGE = `shared data not found at ${SHARED_DATA}: tests on real recordings skipped`;
if (!HAS_SHARED_DATA) console.warn(SKIP_MESSAGE);
