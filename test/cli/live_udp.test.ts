/**
 * `skywatch start` with live ASTERIX over UDP: CAT048 plots sent to `--input udp://…` become
 * tracks; `--output udp://…` shares the system tracks as CAT062 with CAT065 end-of-batch.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { AsterixDecoderStream, encodeCat048Block } from "../../src/formats/asterix/index.js";
import { createUdpSender } from "../../src/share/index.js";
import { listenUdp } from "../../src/sources/index.js";
import type { PlotReport, TrackReport } from "../../src/types/index.js";
import { REPO_ROOT } from "../shared_data.js";

const CLI = join(REPO_ROOT, "dist/src/cli/main.js");
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGTERM");
  child = undefined;
});

function start(args: string[]): Promise<string> {
  child = spawn(process.execPath, [CLI, "start", "--port", "0", ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("no listening line in 30 s")), 30_000);
    createInterface({ input: child!.stdout! }).on("line", (l) => {
      const m = /listening on (http:\/\/\S+)/.exec(l);
      if (m) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
  });
}

describe("skywatch start with ASTERIX over UDP", () => {
  it("shares its tracks as CAT062 and CAT065", async () => {
    const listener = await listenUdp({ port: 0, host: "127.0.0.1" });
    await start(["--speed", "4", "--output", `udp://127.0.0.1:${listener.address().port}`, "--system-id", "7/42"]);
    const d = new AsterixDecoderStream({ referenceTime: Date.now() / 1000 });
    const tracks = new Set<number>();
    let endOfBatch = 0;
    const deadline = Date.now() + 25_000;
    for await (const x of listener.items) {
      if (x.kind === "block") {
        const { result, reports } = d.decode(x);
        for (const r of reports) if (r.kind === "track" && r.sensorId === "7/42") tracks.add((r as TrackReport).trackNumber);
        endOfBatch += result.records.filter((rec) => rec.category === 65).length;
      }
      if ((tracks.size >= 5 && endOfBatch >= 2) || Date.now() > deadline) break;
    }
    await listener.close();
    expect(tracks.size).toBeGreaterThanOrEqual(5);
    expect(endOfBatch).toBeGreaterThanOrEqual(2);
  });

  it("tracks plots received on --input udp://", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const url = await start(["--no-scenario", "--input", `udp://127.0.0.1:${port}`, "--sensors", join(REPO_ROOT, "examples/barcelona.sensors.yaml")]);
    const sender = await createUdpSender({ host: "127.0.0.1", port });
    const now = Date.now() / 1000;
    for (let scan = 0; scan < 5; scan++) {
      const plots: PlotReport[] = [0, 1, 2].map((k) => ({
        kind: "plot", sensorId: "20/129", time: now + scan * 4 + k * 0.1, range: 30_000 + 10_000 * k + scan * 800,
        azimuth: 0.5 + k, detection: "modeSRollCall+psr", icaoAddress: 0x340000 + k,
        modeC: { pressureAltitude: 5000 + 1000 * k, validated: true, garbled: false },
      }));
      await sender.send([encodeCat048Block(plots)]);
      await new Promise((r) => setTimeout(r, 100));
    }
    await sender.close();
    let n = 0;
    for (let i = 0; i < 30 && n < 3; i++) {
      await new Promise((r) => setTimeout(r, 200));
      n = ((await (await fetch(`${url}/api/tracks`)).json()) as { tracks: unknown[] }).tracks.length;
    }
    expect(n).toBe(3);
    const status = (await (await fetch(`${url}/api/status`)).json()) as { feed: Record<string, { udp: { datagrams: number } }> };
    expect(status.feed[`udp://127.0.0.1:${port}`].udp.datagrams).toBe(5);
  });
});
