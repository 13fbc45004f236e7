/**
 * The air picture in a real browser (Debian's chromium via playwright-core): the page loads
 * offline, draws the tracks as milsymbol symbols, and a click opens the details panel.
 *
 * 1. Against the real `skywatch start` (dist/src/cli/main.js): the end-to-end check.
 * 2. Against the server on a fake feed: symbology cases, offline loading, reconnect.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, ensureWebBuilt, launchChromium, startFakeServer } from "./harness.js";

const CLI = join(REPO_ROOT, "dist", "src", "cli", "main.js");
const RESULTS = join(REPO_ROOT, "test-results");

/** Starts the CLI and resolves with its URL once it prints "Skywatch listening on http://…". */
function startCli(): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn(process.execPath, [CLI, "start", "--port", "0", "--host", "127.0.0.1"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not report listening in 60 s:\n${output.join("\n")}`)), 60_000);
    const onLine = (line: string): void => {
      output.push(line);
      if (output.length > 200) output.shift();
      const m = /Skywatch listening on (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output });
      }
    };
    createInterface({ input: child.stdout! }).on("line", onLine);
    createInterface({ input: child.stderr! }).on("line", (l) => output.push(`[stderr] ${l}`));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with code ${code}:\n${output.join("\n")}`));
    });
  });
}

/** Stops a child process: SIGTERM, then SIGKILL after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** Opens the app and records every request that leaves the local server (and blocks it). */
async function openApp(browser: Browser, url: string): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const external: string[] = [];
  const errors: string[] = [];
  const origin = new URL(url).origin;
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
    external.push(u);
    return route.abort();
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url + "/");
  return { page, external, errors };
}

/** Waits for ≥ n track symbols, clicks the first confirmed one, and checks the details panel names it. */
async function checkTracksAndDetails(page: Page, n: number): Promise<string> {
  await page.waitForFunction((min) => document.querySelectorAll(".track-symbol").length >= min, n, { timeout: 30_000 });
  // A confirmed track (a tentative one may be deleted at its next scan), clicked by its number:
  // a positional locator would re-resolve to another track if the list changed meanwhile.
  const first = page.locator(".track:not(.tentative):not(.coasting) .track-symbol").first();
  const trackNumber = (await first.getAttribute("data-track-number"))!;
  expect(trackNumber).toMatch(/^\d+$/);
  await page.locator(`.track-symbol[data-track-number="${trackNumber}"]`).click();
  const details = page.locator("#details");
  await expect.poll(() => details.isVisible()).toBe(true);
  expect(await details.getAttribute("data-track-number")).toBe(trackNumber);
  expect(await details.locator(".details-track-number").textContent()).toBe(trackNumber);
  return trackNumber;
}

/** Waits (best effort, ≤ 10 s) until MapLibre has drawn every tile, so screenshots are complete. */
async function waitForMapIdle(page: Page): Promise<void> {
  await page
    .waitForFunction(() => (window as unknown as { skywatch?: { map: { loaded(): boolean } } }).skywatch?.map.loaded() === true, undefined, { timeout: 10_000 })
    .catch(() => undefined);
}

describe("air picture in the browser", () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    ensureWebBuilt();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!existsSync(CLI))("shows the live picture of `skywatch start`", async () => {
    const { child, url, output } = await startCli();
    try {
      const { page, external, errors } = await openApp(browser, url);
      await checkTracksAndDetails(page, 5);
      await waitForMapIdle(page);
      await page.screenshot({ path: join(RESULTS, "air-picture.png") });
      expect(external, "requests outside the local server").toEqual([]);
      expect(errors, "page errors").toEqual([]);
      await page.close();
    } catch (err) {
      throw new Error(`${String(err)}\n--- CLI output ---\n${output.join("\n")}`);
    } finally {
      await stopChild(child);
    }
  });

  it("draws the fake feed's tracks, their symbology and details, offline", async () => {
    const { server } = await startFakeServer();
    try {
      const { page, external, errors } = await openApp(browser, server.url);
      await checkTracksAndDetails(page, 12);
      // Symbology cases of the fake feed.
      expect(await page.locator('.track.emergency .track-symbol[data-track-number="105"]').count()).toBe(1);
      expect(await page.locator('.track.tentative .track-symbol[data-track-number="109"]').count()).toBe(1);
      expect(await page.locator('.track.coasting .track-symbol[data-track-number="110"]').count()).toBe(1);
      expect(await page.locator('.track-label[data-track-number="101"]').textContent()).toContain("WZZ4417");
      expect(await page.locator('.track-label[data-track-number="101"]').textContent()).toContain("F350");
      // Details of a chosen track.
      await page.locator('.track-symbol[data-track-number="105"]').click();
      const details = page.locator("#details");
      await expect.poll(() => details.getAttribute("data-track-number")).toBe("105");
      const text = (await details.textContent())!;
      for (const s of ["RYR82QA", "4CA7B1", "7700", "FL330", "kt", "ft/min", "Chisinau 3D"]) expect(text).toContain(s);
      await expect.poll(() => page.locator(".sb-link").getAttribute("data-link")).toBe("live");
      // Let leaders and trails build up, then keep a picture for the eye.
      await page.waitForTimeout(3500);
      await waitForMapIdle(page);
      await page.screenshot({ path: join(RESULTS, "air-picture-harness.png") });
      expect(external, "requests outside the local server").toEqual([]);
      expect(errors, "page errors").toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it("reconnects after the server restarts", async () => {
    const first = await startFakeServer();
    const port = Number(new URL(first.server.url).port);
    const { page } = await openApp(browser, first.server.url);
    try {
      await expect.poll(() => page.locator(".sb-link").getAttribute("data-link"), { timeout: 15_000 }).toBe("live");
      await first.server.close();
      first.feed.stop();
      await expect.poll(() => page.locator(".sb-link").getAttribute("data-link"), { timeout: 15_000 }).not.toBe("live");
      const second = await startFakeServer(port);
      try {
        await expect.poll(() => page.locator(".sb-link").getAttribute("data-link"), { timeout: 20_000 }).toBe("live");
        await page.waitForFunction(() => document.querySelectorAll(".track-symbol").length >= 12, undefined, { timeout: 15_000 });
      } finally {
        await second.server.close();
        second.feed.stop();
      }
    } finally {
      await page.close();
    }
  });
});
