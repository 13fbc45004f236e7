/**
 * End to end: `skywatch start --no-scenario --input beast://… --input avr://… --input sbs://…`
 * against three loopback receivers (real recordings paced in real time for Beast and AVR, a
 * synthetic SBS-1 flight), then the air picture's `/api/tracks` shows the ADS-B traffic of each.
 * Needs the built CLI (`npm run build`; `npm test` builds first) and the shared data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodeBeast, parseHexLogLine } from "../../src/formats/modes/index.js";
import { REPO_ROOT, SHARED_DATA } from "../shared_data.js";

const CLI = join(REPO_ROOT, "dist/src/cli/main.js");
const PYMODES = resolve(SHARED_DATA, "adsb/raw/hex/pymodes_sample_data_adsb.csv");
const RS1090 = resolve(SHARED_DATA, "adsb/raw/hex/rs1090_short_flights.csv");
const READY = existsSync(CLI) && existsSync(PYMODES) && existsSync(RS1090);
const SECONDS = 9;

const servers: Server[] = [];
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGTERM");
  for (const s of servers) s.close();
});

/** A loopback server that writes timed chunks to each client: `chunks` are [delay from connect (s), bytes]. */
async function feedServer(chunks: () => Array<[number, Uint8Array]>): Promise<number> {
  const server = createServer((sock: Socket) => {
    const timers = chunks().map(([t, b]) => setTimeout(() => sock.writable && sock.write(b), t * 1000));
    sock.on("close", () => timers.forEach(clearTimeout));
    sock.on("error", () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as { port: number }).port;
}

/** The first `SECONDS` of a hex log, at the log's own pace. */
function paced(file: string): Array<{ delay: number; bytes: Uint8Array }> {
  const entries = readFileSync(file, "utf8").trim().split("\n").map((l) => parseHexLogLine(l)!);
  const t0 = entries[0].time;
  return entries.filter((e) => e.time - t0 < SECONDS).map((e) => ({ delay: e.time - t0, bytes: Uint8Array.from(Buffer.from(e.hex, "hex")) }));
}

function sbsLines(): Array<[number, Uint8Array]> {
  const out: Array<[number, Uint8Array]> = [];
  const start = Date.now() / 1000;
  for (let i = 0; i < 2 * SECONDS; i++) {
    const t = new Date((start + i * 0.5) * 1000).toISOString();
    const date = t.slice(0, 10).replace(/-/g, "/");
    const time = t.slice(11, 23);
    const lon = (28.8 + i * 0.5 * 0.0026).toFixed(5);
    const line = `MSG,3,1,1,4A0042,1,${date},${time},${date},${time},,30000,,,47.00000,${lon},,,0,0,0,0\r\nMSG,4,1,1,4A0042,1,${date},${time},${date},${time},,,390,90,,,0,,,,,0\r\n`;
    out.push([i * 0.5, new TextEncoder().encode(line)]);
  }
  return out;
}

/** Starts `skywatch ARGS` and resolves with its URL once it listens. */
function startCli(args: string[]): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolveUrl, reject) => {
    let text = "";
    proc.stdout!.on("data", (d: Buffer) => {
      text += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(text);
      if (m) resolveUrl({ url: m[1], proc });
    });
    proc.on("exit", (code) => reject(new Error(`skywatch exited with ${code}`)));
    setTimeout(() => reject(new Error("skywatch did not start")), 20000);
  });
}

describe.skipIf(!READY)("skywatch replay of ADS-B recordings", () => {
  it("replays the pyModeS hex log into one confirmed track", async () => {
    const { url, proc } = await startCli(["replay", PYMODES, "--speed", "max", "-p", "0"]);
    try {
      let tracks: Array<{ icaoAddress?: string; status: string; callsign?: string; flightLevel?: number }> = [];
      for (let i = 0; i < 100 && tracks.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const status = (await (await fetch(`${url}/api/status`)).json()) as { feed: { tracker: { adsbProcessed: number } } };
        if (status.feed.tracker.adsbProcessed < 933) continue;
        tracks = ((await (await fetch(`${url}/api/tracks`)).json()) as { tracks: typeof tracks }).tracks;
      }
      expect(tracks).toHaveLength(1);
      expect(tracks[0]).toMatchObject({ icaoAddress: "406B90", status: "confirmed", callsign: "EZY85MH", flightLevel: 360 });
    } finally {
      proc.kill("SIGTERM");
    }
  }, 60_000);
});

describe.skipIf(!READY)("skywatch start with live ADS-B inputs", () => {
  it("shows the traffic of Beast, AVR and SBS receivers in the air picture", async () => {
    const beastPort = await feedServer(() => paced(PYMODES).map((m) => [m.delay, encodeBeast(m.bytes)]));
    const avrPort = await feedServer(() => paced(RS1090).map((m) => [m.delay, new TextEncoder().encode(`*${Buffer.from(m.bytes).toString("hex").toUpperCase()};\n`)]));
    const sbsPort = await feedServer(sbsLines);
    child = spawn(process.execPath, [
      CLI, "start", "--no-scenario", "-p", "0", "--origin", "47,28.8",
      "--input", `beast://127.0.0.1:${beastPort}?name=beast`, "--input", `avr://127.0.0.1:${avrPort}?name=avr`,
      "--input", `sbs://127.0.0.1:${sbsPort}?name=sbs`,
    ], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const url = await new Promise<string>((resolveUrl, reject) => {
      let text = "";
      child!.stdout!.on("data", (d: Buffer) => {
        text += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(text);
        if (m) resolveUrl(m[1]);
      });
      child!.on("exit", (code) => reject(new Error(`skywatch exited with ${code}`)));
      setTimeout(() => reject(new Error("skywatch did not start")), 20000);
    });
    await new Promise((r) => setTimeout(r, (SECONDS + 1) * 1000));
    const tracks = (await (await fetch(`${url}/api/tracks`)).json()) as { tracks: Array<{ icaoAddress?: string; status: string; sensors: string[]; callsign?: string }> };
    const status = (await (await fetch(`${url}/api/status`)).json()) as { feed: Record<string, { connections: number }> };
    const byIcao = new Map(tracks.tracks.map((t) => [t.icaoAddress, t]));
    // Beast: the pyModeS flight (406B90), confirmed after 9 s of position squitters.
    expect(byIcao.get("406B90")).toMatchObject({ status: "confirmed", sensors: ["adsb:beast"] });
    // SBS: the synthetic flight.
    expect(byIcao.get("4A0042")).toMatchObject({ status: "confirmed", sensors: ["adsb:sbs"] });
    // AVR: aircraft of the rs1090 capture.
    expect(tracks.tracks.filter((t) => t.sensors.includes("adsb:avr")).length).toBeGreaterThanOrEqual(2);
    for (const n of ["adsb:beast", "adsb:avr", "adsb:sbs"]) expect(status.feed[n].connections).toBe(1);
  }, 60_000);
});
