/**
 * The TCP receiver client against a loopback server that replays a Beast capture in pieces
 * split at awkward byte boundaries (inside escape pairs, headers and payloads), drops the
 * connection in the middle of a frame and comes back with the rest: the client reconnects and
 * loses no complete frame (the cut one is counted as corrupt once, then received whole).
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BeastFramer, encodeBeast, toHex } from "../../src/formats/modes/index.js";
import { ModeSTcpClient, parseFeedUrl, FeedUrlError } from "../../src/sources/index.js";
import { SHARED_DATA } from "../shared_data.js";

const FILE = resolve(SHARED_DATA, "adsb/raw/beast/traffic_sample_dump1090.beast.bin");

/** The capture, or (without the shared data) a synthetic Beast stream with escapes. */
function capture(): Uint8Array {
  if (existsSync(FILE)) return new Uint8Array(readFileSync(FILE));
  const hexes = ["8D4840D6202CC371C32CE0576098", "5D484FDEA248F5", "8D406B902015A678D4D220AA4BDA", "2000171806A983"];
  const parts: Uint8Array[] = [];
  for (let i = 0; i < 200; i++) parts.push(encodeBeast(Buffer.from(hexes[i % 4], "hex"), 0x1a1a00 + i * 0x1a, 0x1a));
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/** Frame start offsets of a clean Beast stream: a 0x1A that is not half of an escape pair. */
function frameStarts(data: Uint8Array): number[] {
  const starts: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== 0x1a) continue;
    if (data[i + 1] === 0x1a) i++;
    else starts.push(i);
  }
  return starts;
}

function framesOf(data: Uint8Array): string[] {
  const out: string[] = [];
  const f = new BeastFramer();
  f.push(data, (b, off, len) => out.push(toHex(b, off, len)));
  return out;
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

describe("Mode S TCP client", () => {
  it("parses feed addresses", () => {
    expect(parseFeedUrl("beast://127.0.0.1:30005")).toMatchObject({ format: "beast", host: "127.0.0.1", port: 30005 });
    expect(parseFeedUrl("sbs://rx.local")).toMatchObject({ format: "sbs", port: 30003 });
    expect(parseFeedUrl("avr://h:1?name=roof&lat=47&lon=28.8")).toMatchObject({ port: 1, name: "roof", receiver: { latDeg: 47, lonDeg: 28.8 } });
    expect(() => parseFeedUrl("http://x")).toThrow(FeedUrlError);
    expect(() => parseFeedUrl("beast://x:99999")).toThrow(FeedUrlError);
    expect(() => parseFeedUrl("beast://x?lat=95&lon=0")).toThrow(FeedUrlError);
  });

  it("reconnects after a drop mid-frame and loses no complete frame", async () => {
    const data = capture();
    const expected = framesOf(data);
    expect(expected.length).toBeGreaterThan(100);
    const starts = frameStarts(data);
    // Cut inside the payload of a frame in the middle of the stream.
    const k = Math.floor(starts.length / 2);
    const cutFrame = starts[k];
    const cut = cutFrame + 9;
    // Awkward piece boundaries: inside every escape pair of the first part, plus 1-3-7-byte pieces.
    const bounds = new Set<number>();
    for (let i = 0; i + 1 < cut; i++) if (data[i] === 0x1a && data[i + 1] === 0x1a) bounds.add(i + 1);
    for (let i = 0, step = 1; i < cut; i += step, step = (step % 7) + 2) bounds.add(i);
    const pieces = [...bounds].filter((b) => b > 0 && b < cut).sort((a, b) => a - b);
    let connection = 0;
    server = createServer((sock: Socket) => {
      connection++;
      if (connection === 1) {
        let prev = 0;
        const send = async (): Promise<void> => {
          for (const b of [...pieces, cut]) {
            sock.write(data.subarray(prev, b));
            prev = b;
            await new Promise((r) => setImmediate(r));
          }
          sock.destroy(); // mid-frame
        };
        void send();
      } else {
        // The receiver comes back; it resends the cut frame whole, then the rest, in two pieces.
        const mid = cutFrame + Math.floor((data.length - cutFrame) / 2) + 1;
        sock.write(data.subarray(cutFrame, mid));
        setTimeout(() => sock.write(data.subarray(mid)), 5);
      }
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const abort = new AbortController();
    const seen: string[] = [];
    const client = new ModeSTcpClient({
      host: "127.0.0.1", port, format: "beast", minBackoff: 0.05, maxBackoff: 0.2, signal: abort.signal, fixErrors: false,
      onMessage: (m) => seen.push(toHex(m.raw, 0, m.bytes)),
    });
    const done = (async () => {
      for await (const _ of client.reports()) {
        // reports are consumed; frames are checked through onMessage
      }
    })();
    const deadline = Date.now() + 10_000;
    while (seen.length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    await done;
    const st = client.stats();
    expect(st.connections).toBe(2);
    expect(seen).toEqual(expected);
    expect(st.receiver.framing).toMatchObject({ frames: expected.length, corrupt: 1 });
  });
});
