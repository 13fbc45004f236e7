import { describe, expect, it } from "vitest";
import { ClientSession, TrackCoalescer, type ServerMessage, type TrackView } from "../../src/server/index.js";

function view(trackNumber: number, updates: number): TrackView {
  return {
    trackNumber,
    status: "confirmed",
    time: updates,
    latDeg: 47,
    lonDeg: 28,
    altitudeM: 1000,
    groundSpeedMps: 100,
    courseDeg: 90,
    verticalRateMps: 0,
    positionSigmaM: 50,
    sensors: [],
    updates,
    lastUpdateTime: updates,
  };
}

describe("TrackCoalescer", () => {
  it("keeps the latest state per track and counts the dropped ones", () => {
    const c = new TrackCoalescer();
    c.update(view(2, 1));
    c.update(view(1, 1));
    c.update(view(2, 2));
    c.update(view(2, 3));
    expect(c.pendingCount).toBe(2);
    expect(c.dropped).toBe(2);
    const batch = c.flush()!;
    expect(batch.tracks.map((t) => [t.trackNumber, t.updates])).toEqual([[1, 1], [2, 3]]);
    expect(batch.deleted).toEqual([]);
    expect(c.flush()).toBeUndefined();
    expect(c.knownCount).toBe(2);
  });

  it("sends deletions only for tracks the client knows", () => {
    const c = new TrackCoalescer();
    c.markSnapshot([view(1, 1)]);
    c.update(view(5, 1));
    c.delete(5); // born and gone between two flushes: never shown
    c.delete(1);
    c.delete(99); // unknown
    const batch = c.flush()!;
    expect(batch.tracks).toEqual([]);
    expect(batch.deleted).toEqual([1]);
    expect(c.knownCount).toBe(0);
  });
});

/** A socket that never drains until told to. */
class StuckSocket {
  bufferedAmount = 0;
  readyState = 1;
  sent: string[] = [];
  send(data: string): void {
    this.sent.push(data);
    this.bufferedAmount += data.length;
  }
}

describe("ClientSession back-pressure", () => {
  it("holds at most one state per track for a client that does not drain", () => {
    const socket = new StuckSocket();
    const session = new ClientSession(socket, 1000, () => 0);
    session.sendSnapshot([]);
    const tracks = 50;
    // First batch goes out and fills the socket beyond the limit.
    for (let n = 0; n < tracks; n++) session.coalescer.update(view(n, 0));
    expect(session.tick()).toBe(true);
    expect(socket.bufferedAmount).toBeGreaterThan(1000);
    const sentBefore = socket.sent.length;
    // 200 more scans while the client is stuck: nothing is sent, nothing grows.
    for (let scan = 1; scan <= 200; scan++) {
      for (let n = 0; n < tracks; n++) session.coalescer.update(view(n, scan));
      expect(session.tick()).toBe(false);
      expect(session.coalescer.pendingCount).toBeLessThanOrEqual(tracks);
    }
    expect(socket.sent.length).toBe(sentBefore);
    expect(session.stats().flushesDeferred).toBe(200);
    expect(session.stats().statesDropped).toBe(199 * tracks);
    // The client drains: one batch with the latest state of every track.
    socket.bufferedAmount = 0;
    expect(session.tick()).toBe(true);
    const last = JSON.parse(socket.sent.at(-1)!) as ServerMessage;
    expect(last.type).toBe("tracks");
    if (last.type !== "tracks") return;
    expect(last.snapshot).toBe(false);
    expect(last.tracks).toHaveLength(tracks);
    expect(last.tracks.every((t) => t.updates === 200)).toBe(true);
  });

  it("sends nothing to a closed socket", () => {
    const socket = new StuckSocket();
    socket.readyState = 3;
    const session = new ClientSession(socket, 1000, () => 0);
    session.coalescer.update(view(1, 1));
    expect(session.tick()).toBe(false);
    expect(socket.sent).toEqual([]);
  });
});
