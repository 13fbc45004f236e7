/**
 * Browser-test helpers: launching Debian's chromium through playwright-core, building the
 * web app when it is missing, and a server on the fake feed (for tests that must not depend
 * on the real pipeline).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startServer, type RunningServer } from "../../src/server/index.js";
import { FakeFeed } from "../server/fake_feed.js";

/** Repository root (tests run from it). */
export const REPO_ROOT = process.cwd();
/** The built web app. */
export const WEB_ROOT = join(REPO_ROOT, "dist", "web");
/** Debian's chromium. */
export const CHROMIUM = "/usr/bin/chromium";

/** Chromium flags: headless, no network side traffic, WebGL in software (SwiftShader) for MapLibre. */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--disable-dev-shm-usage",
];

/** Launches chromium, or throws an error that says how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (as root) to install Debian's chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Builds the web app into dist/web when it is not there yet (`npm test` builds it first). */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_ROOT, "index.html"))) return;
  const r = spawnSync("npx", ["vite", "build", "web", "--emptyOutDir"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (r.status !== 0 || !existsSync(join(WEB_ROOT, "index.html"))) {
    throw new Error("could not build the web app (npx vite build web --emptyOutDir)");
  }
}

/** A server on the fake feed, its tracks moving once a second. */
export async function startFakeServer(port = 0): Promise<{ server: RunningServer; feed: FakeFeed }> {
  const feed = new FakeFeed(Math.floor(Date.now() / 1000));
  feed.start(1000);
  const server = await startServer({ feed, port, webRoot: WEB_ROOT, logLevel: "silent" });
  return { server, feed };
}
