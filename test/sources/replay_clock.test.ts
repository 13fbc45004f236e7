import { describe, expect, it } from "vitest";
import { dateReference, mergeByTime, paced } from "../../src/sources/index.js";
import type { SensorReport } from "../../src/types/index.js";

describe("replay clock", () => {
  it("releases items at speed × real time on an injected clock", async () => {
    let wall = 0;
    const released: number[] = [];
    const items = [100, 100.5, 102, 110];
    // The injected clock advances only when the replay sleeps, through fake timers below.
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((fn: () => void, ms: number) => {
      wall += ms;
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout;
    try {
      for await (const t of paced(items, (x) => x, { speed: 2, now: () => wall })) released.push(wall);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    // Data times 0, 0.5, 2, 10 s after the first at speed 2 → wall 0, 250, 1000, 5000 ms.
    expect(released.map((w) => Math.round(w))).toEqual([0, 250, 1000, 5000]);
  });
  it("passes everything through at speed Infinity", async () => {
    const out: number[] = [];
    for await (const t of paced([3, 1, 2], (x) => x, { speed: Infinity })) out.push(t);
    expect(out).toEqual([3, 1, 2]);
  });
});

describe("mergeByTime", () => {
  it("merges time-ordered streams into one time-ordered stream", async () => {
    const mk = (times: number[], id: string): AsyncIterable<SensorReport> => (async function* () {
      for (const time of times) yield { kind: "service", sensorId: id, time, messageType: "northMarker" } as SensorReport;
    })();
    const out: string[] = [];
    for await (const r of mergeByTime([mk([1, 4, 6], "a"), mk([2, 3, 7], "b"), mk([], "c")])) out.push(`${r.sensorId}${r.time}`);
    expect(out).toEqual(["a1", "b2", "b3", "a4", "a6", "b7"]);
  });
});

describe("dateReference", () => {
  it("is noon UTC of the date", () => {
    expect(dateReference("2023-05-02")).toBe(Date.UTC(2023, 4, 2, 12) / 1000);
  });
  it("refuses malformed dates", () => {
    expect(() => dateReference("2023-02-30")).toThrow(RangeError);
    expect(() => dateReference("02/05/2023")).toThrow(RangeError);
  });
});
