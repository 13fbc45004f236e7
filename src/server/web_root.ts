/**
 * Where the built web app lives. The server runs both from `src/server/` (tests, via vitest)
 * and from `dist/src/server/` (the built CLI), so the repository root is found by walking up
 * to the `package.json` named "skywatch", and the app is `<root>/dist/web`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Finds the Skywatch repository (package) root above `start`.
 * @param start a directory to start from; defaults to this module's directory.
 * @returns the directory holding Skywatch's `package.json`, or `undefined` when none is found.
 */
export function findPackageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = start;
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: unknown };
        if (pkg.name === "skywatch") return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Default folder of the built web app: `<package root>/dist/web` (or `./dist/web` of the working directory). */
export function defaultWebRoot(): string {
  const root = findPackageRoot() ?? process.cwd();
  return join(root, "dist", "web");
}

/** True when `webRoot` holds a built app (an `index.html`). */
export function hasBuiltApp(webRoot: string): boolean {
  return existsSync(join(webRoot, "index.html"));
}
