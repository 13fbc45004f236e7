/**
 * The Skywatch HTTP + WebSocket server: serves the built air-picture app and streams the
 * track picture to browsers (protocol in `./protocol.ts`).
 *
 * Endpoints:
 * - `GET /` and static files: the web app from `webRoot` (built with `vite build web`).
 * - `GET /api/tracks` → {@link TracksResponse}; `GET /api/sensors` → {@link SensorsResponse};
 *   `GET /api/status` → {@link StatusResponse}; `GET /healthz` → `{ ok: true }`.
 * - `GET /api/coverage`, `GET /api/coverage/files/:name`: the layers of a coverage audit (`coverage_routes.ts`).
 * - WebSocket `/ws`: `hello`, a `tracks` snapshot, then coalesced `tracks`/`deleted` batches.
 */
import Fastify, { LogController, type FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import fastifyWebsocket from "@fastify/websocket";
import type { Sensor, SystemTrack, TrackUpdate } from "../types/index.js";
import { ClientSession, type SessionStats } from "./client_session.js";
import {
  MAX_BATCHES_PER_SECOND,
  PROTOCOL_VERSION,
  mapCentreOf,
  toSensorView,
  toTrackView,
  type HelloMessage,
  type SensorsResponse,
  type TrackView,
  type TracksResponse,
} from "./protocol.js";
import { defaultWebRoot, hasBuiltApp } from "./web_root.js";
import { registerCoverageRoutes } from "./coverage_routes.js";

/** What the server needs from the pipeline; the pipeline implements it. */
export interface TrackFeed {
  /**
   * Registers a listener called with every batch of track updates the tracker produces
   * (`Tracker.process` / `Tracker.tick` results). Must return a function that unsubscribes.
   */
  subscribe(listener: (updates: TrackUpdate[]) => void): () => void;
  /** The current live tracks (deleted ones may be included; they are filtered out). */
  snapshot(): SystemTrack[];
  /** The sensor sites. */
  sensors(): Sensor[];
  /** Pipeline counters (records, errors, tracks, …), passed through in `/api/status` as `feed`. */
  status(): Record<string, unknown>;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  feed: TrackFeed;
  /** Interface to listen on. Default "127.0.0.1". */
  host?: string;
  /** TCP port. Default 8080; 0 picks any free port (read it from the returned `url`). */
  port?: number;
  /** Folder of the built web app. Default `<package root>/dist/web`. */
  webRoot?: string;
  /** pino level: "fatal" … "trace" or "silent". Default "info". */
  logLevel?: string;
  /** Queue no new batch for a client while more than this many bytes wait in its socket. Default 1 MiB. */
  maxBufferedBytes?: number;
  /** Coverage audit folder served under `/api/coverage` (see `coverage_routes.ts`). Default `./data/coverage`. */
  coverageDir?: string;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. "http://127.0.0.1:8080". */
  url: string;
  /** Stops accepting connections, closes every WebSocket and the HTTP server. */
  close(): Promise<void>;
}

/** Body of `GET /api/status`. */
export interface StatusResponse {
  protocolVersion: number;
  /** Server wall-clock time, UTC seconds. */
  serverTime: number;
  /** Seconds since the server started. */
  uptimeS: number;
  /** WebSocket clients connected now. */
  clients: number;
  /** Totals over all clients since start (closed ones included). */
  stream: SessionStats & { feedErrors: number };
  /** The feed's own counters. */
  feed: Record<string, unknown>;
}

const DEFAULT_MAX_BUFFERED_BYTES = 1 << 20;

/** Wall clock, UTC seconds. */
const nowSeconds = (): number => Date.now() / 1000;

/** Live (not deleted) tracks of a snapshot, as wire views, in track-number order. */
function liveViews(tracks: SystemTrack[]): TrackView[] {
  return tracks
    .filter((t) => t.status !== "deleted")
    .sort((a, b) => a.trackNumber - b.trackNumber)
    .map(toTrackView);
}

/** Page served at `/` when the web app has not been built. */
function notBuiltPage(webRoot: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Skywatch</title></head>
<body style="background:#0b1016;color:#cfd8dc;font-family:sans-serif;padding:2em">
<h1>Skywatch</h1><p>The web app is not built (no <code>index.html</code> in <code>${webRoot.replace(/[<>&]/g, "")}</code>).</p>
<p>Build it with <code>npx vite build web --emptyOutDir</code> (or <code>npm run build</code>) from the repository root.
The API is up: <a href="/api/status">/api/status</a>, <a href="/api/tracks">/api/tracks</a>.</p></body></html>`;
}

/**
 * Starts the server and subscribes to the feed.
 * @returns the URL it listens on and a `close` function.
 * @throws the listen error (e.g. `EADDRINUSE`) when the port cannot be bound.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { feed } = options;
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 8080;
  const webRoot = options.webRoot ?? defaultWebRoot();
  const maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const startedAt = nowSeconds();

  const app: FastifyInstance = Fastify({
    logger: { level: options.logLevel ?? "info" },
    logController: new LogController({ disableRequestLogging: true }),
  });

  const sessions = new Set<ClientSession>();
  const closedTotals: SessionStats = { batchesSent: 0, flushesDeferred: 0, statesDropped: 0, bytesSent: 0 };
  let feedErrors = 0;

  const unsubscribe = feed.subscribe((updates) => {
    for (const u of updates) {
      try {
        if (u.event === "deleted" || u.track.status === "deleted") {
          for (const s of sessions) s.coalescer.delete(u.track.trackNumber);
        } else {
          const view = toTrackView(u.track);
          for (const s of sessions) s.coalescer.update(view);
        }
      } catch (err) {
        // A malformed update is counted and skipped; the rest of the batch goes on.
        feedErrors += 1;
        if (feedErrors <= 10 || feedErrors % 1000 === 0) app.log.error({ err, feedErrors }, "track update not forwarded");
      }
    }
  });

  const timer = setInterval(() => {
    for (const s of sessions) {
      try {
        s.tick();
      } catch (err) {
        app.log.warn({ err }, "send to WebSocket client failed");
      }
    }
  }, 1000 / MAX_BATCHES_PER_SECOND);
  timer.unref();

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  const builtApp = hasBuiltApp(webRoot);
  if (builtApp) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/" });
  } else {
    app.log.warn({ webRoot }, "web app not built; serving the API only");
    app.get("/", async (_req, reply) => reply.code(503).type("text/html").send(notBuiltPage(webRoot)));
  }

  const sensorViews = () => feed.sensors().map(toSensorView);
  registerCoverageRoutes(app, options.coverageDir ?? "data/coverage");

  app.get("/healthz", async () => ({ ok: true }));
  app.get("/api/sensors", async (): Promise<SensorsResponse> => ({ sensors: sensorViews() }));
  app.get("/api/tracks", async (): Promise<TracksResponse> => ({
    serverTime: nowSeconds(),
    tracks: liveViews(feed.snapshot()),
  }));
  app.get("/api/status", async (): Promise<StatusResponse> => {
    const stream = { ...closedTotals, feedErrors };
    for (const s of sessions) {
      const st = s.stats();
      stream.batchesSent += st.batchesSent;
      stream.flushesDeferred += st.flushesDeferred;
      stream.statesDropped += st.statesDropped;
      stream.bytesSent += st.bytesSent;
    }
    return {
      protocolVersion: PROTOCOL_VERSION,
      serverTime: nowSeconds(),
      uptimeS: Math.round(nowSeconds() - startedAt),
      clients: sessions.size,
      stream,
      feed: feed.status(),
    };
  });

  app.get("/ws", { websocket: true }, (socket, request) => {
    const session = new ClientSession(socket, maxBuffered, nowSeconds);
    const remote = request.ip;
    try {
      const sensors = sensorViews();
      const tracks = liveViews(feed.snapshot());
      const hello: HelloMessage = {
        type: "hello",
        protocolVersion: PROTOCOL_VERSION,
        serverTime: nowSeconds(),
        sensors,
        mapCentre: mapCentreOf(sensors, tracks),
      };
      session.send(hello);
      session.sendSnapshot(tracks);
    } catch (err) {
      app.log.error({ err, remote }, "could not send the picture to a new client");
      socket.close(1011, "server error");
      return;
    }
    sessions.add(session);
    app.log.info({ remote, clients: sessions.size }, "air picture client connected");
    const drop = (): void => {
      if (!sessions.delete(session)) return;
      const st = session.stats();
      closedTotals.batchesSent += st.batchesSent;
      closedTotals.flushesDeferred += st.flushesDeferred;
      closedTotals.statesDropped += st.statesDropped;
      closedTotals.bytesSent += st.bytesSent;
      app.log.info({ remote, clients: sessions.size, ...st }, "air picture client disconnected");
    };
    socket.on("close", drop);
    socket.on("error", (err) => {
      app.log.warn({ err, remote }, "WebSocket error");
      drop();
    });
    // Clients have nothing to say yet; incoming messages are ignored.
  });

  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (err) {
    clearInterval(timer);
    unsubscribe();
    await app.close().catch(() => undefined);
    throw err;
  }
  const bound = app.server.address();
  const boundPort = typeof bound === "object" && bound !== null ? bound.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${boundPort}`;
  app.log.info({ url, webRoot, builtApp, address }, "Skywatch server listening");

  let closed = false;
  return {
    url,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      unsubscribe();
      await app.close();
      sessions.clear();
    },
  };
}
