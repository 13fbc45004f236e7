import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer, type ServerMessage } from "../../src/server/index.js";
import { FakeFeed } from "./fake_feed.js";
import { RecordingClient } from "./ws_client.js";

const isTracks = (m: ServerMessage) => m.type === "tracks";

describe("air-picture server", () => {
  let webRoot: string;
  let feed: FakeFeed;
  let server: RunningServer;
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), "skywatch-web-"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Skywatch test app</title>");
    feed = new FakeFeed();
    server = await startServer({ feed, port: 0, webRoot, logLevel: "silent" });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  async function connect(): Promise<RecordingClient> {
    const c = await RecordingClient.connect(server.url);
    clients.push(c);
    return c;
  }

  it("listens on a free port of 127.0.0.1", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it("serves the app and the health check", async () => {
    const page = await fetch(server.url + "/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Skywatch test app");
    expect(await (await fetch(server.url + "/healthz")).json()).toEqual({ ok: true });
    expect((await fetch(server.url + "/no/such/file.js")).status).toBe(404);
  });

  it("serves tracks, sensors and status as JSON", async () => {
    const tracks = await (await fetch(server.url + "/api/tracks")).json();
    expect(tracks.tracks).toHaveLength(12);
    const t101 = tracks.tracks.find((t: { trackNumber: number }) => t.trackNumber === 101);
    expect(t101).toMatchObject({ callsign: "WZZ4417", icaoAddress: "4B1A2F", mode3A: "2341", flightLevel: 350 });
    expect(t101.latDeg).toBeCloseTo(47.6, 4);
    const sensors = await (await fetch(server.url + "/api/sensors")).json();
    expect(sensors.sensors.map((s: { id: string }) => s.id)).toEqual(["20/129", "20/130"]);
    const status = await (await fetch(server.url + "/api/status")).json();
    expect(status).toMatchObject({ protocolVersion: 1, feed: { source: "fake", tracks: 12 } });
    expect(typeof status.stream.batchesSent).toBe("number");
  });

  it("greets a client with hello, then a snapshot", async () => {
    const c = await connect();
    const snap = await c.next(isTracks);
    const [hello] = c.messages;
    expect(hello.type).toBe("hello");
    if (hello.type !== "hello") return;
    expect(hello.sensors).toHaveLength(2);
    expect(hello.mapCentre.latDeg).toBeCloseTo((46.93 + 47.84) / 2, 4);
    expect(snap.type === "tracks" && snap.snapshot).toBe(true);
    if (snap.type !== "tracks") return;
    expect(snap.tracks.map((t) => t.trackNumber)).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112]);
  });

  it("coalesces updates into batches holding the latest state per track", async () => {
    const c = await connect();
    await c.next(isTracks);
    const before = feed.snapshot().find((t) => t.trackNumber === 101)!.updates;
    const batch = c.nextNew((m) => m.type === "tracks" && !m.snapshot);
    feed.step(1);
    feed.step(1);
    feed.step(1);
    const msg = await batch;
    if (msg.type !== "tracks") throw new Error("expected tracks");
    const numbers = msg.tracks.map((t) => t.trackNumber);
    expect(new Set(numbers).size).toBe(numbers.length); // each track once
    expect(numbers).toHaveLength(12);
    expect(msg.tracks.find((t) => t.trackNumber === 101)!.updates).toBe(before + 3);
    const status = await (await fetch(server.url + "/api/status")).json();
    expect(status.clients).toBe(1);
    expect(status.stream.statesDropped).toBeGreaterThanOrEqual(24);
  });

  it("tells clients about deleted tracks", async () => {
    const c = await connect();
    await c.next(isTracks);
    const n = feed.initiate();
    const born = await c.nextNew((m) => m.type === "tracks" && m.tracks.some((t) => t.trackNumber === n));
    expect(born.type === "tracks" && born.tracks.find((t) => t.trackNumber === n)!.status).toBe("tentative");
    feed.remove(n);
    const gone = await c.nextNew((m) => m.type === "deleted");
    expect(gone).toMatchObject({ type: "deleted", trackNumbers: [n] });
  });

  it("survives a broken update and keeps streaming", async () => {
    const c = await connect();
    await c.next(isTracks);
    // A malformed update (no position) must not kill the server, the stream, or the rest of its batch.
    const good = { ...feed.snapshot()[0], updates: 424242 };
    const next = c.nextNew((m) => m.type === "tracks" && m.tracks.some((t) => t.updates === 424242));
    feed.emit([{ event: "updated", track: { trackNumber: 999 } as never }, { event: "updated", track: good }]);
    await next;
    const status = await (await fetch(server.url + "/api/status")).json();
    expect(status.stream.feedErrors).toBeGreaterThanOrEqual(1);
  });

  it("unsubscribes from the feed on close", async () => {
    const other = new FakeFeed();
    const s = await startServer({ feed: other, port: 0, webRoot, logLevel: "silent" });
    expect(other.listenerCount).toBe(1);
    await s.close();
    expect(other.listenerCount).toBe(0);
  });

  it("explains when the web app is not built", async () => {
    const empty = mkdtempSync(join(tmpdir(), "skywatch-noweb-"));
    const s = await startServer({ feed: new FakeFeed(), port: 0, webRoot: empty, logLevel: "silent" });
    try {
      const res = await fetch(s.url + "/");
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("vite build web");
      expect((await fetch(s.url + "/api/tracks")).status).toBe(200);
    } finally {
      await s.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("reports a port in use", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ feed: new FakeFeed(), port, logLevel: "silent", webRoot })).rejects.toThrow(/EADDRINUSE|address already in use/i);
  });
});
