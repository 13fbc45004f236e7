import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createImm } from "../../src/tracking/imm.js";
import { initiateTrack } from "../../src/tracking/initiator.js";
import type { ConvertedPlot } from "../../src/tracking/measurement.js";
import { motionModelOf } from "../../src/tracking/motion_models.js";
import { resolveOptions } from "../../src/tracking/options.js";
import type { Track } from "../../src/tracking/track.js";
import { ageTrack, agingDeadline } from "../../src/tracking/track_management.js";
import { GateField, KinField, TrackTable } from "../../src/tracking/track_table.js";
import type { PlotReport } from "../../src/types/index.js";

const opts = resolveOptions({});
const filter = createImm(opts.motionModels.map((m) => ({ model: motionModelOf(m), name: m.name, sojournTime: m.sojournTime, initialProbability: m.initialProbability })));

function makeTrack(trackNumber: number, x: number, y: number, icaoAddress?: number, time = 0): Track {
  const conv: ConvertedPlot = { dim: 3, z: Float64Array.of(x, y, 3000), r: Float64Array.of(400, 0, 0, 0, 400, 0, 0, 0, 900), heightSource: "elevation", height: 3000 };
  const plot: PlotReport = { kind: "plot", sensorId: "r", time, range: 1, azimuth: 0, detection: icaoAddress === undefined ? "psr" : "modeSRollCall", icaoAddress };
  return initiateTrack(trackNumber, plot, conv, "r", 4, opts, filter);
}

/** The columns of a slot must equal the fields of the track held there. */
function expectColumnsMatch(table: TrackTable): void {
  table.tracks.forEach((tr, j) => {
    const kin = [...table.cols.kin.subarray(j * KinField.SIZE, (j + 1) * KinField.SIZE)];
    const gate = [...table.cols.gate.subarray(j * GateField.SIZE, (j + 1) * GateField.SIZE)];
    expect(tr.slot).toBe(j);
    expect(table.isLive(j)).toBe(true);
    expect(kin).toEqual([tr.x[0], tr.x[1], tr.x[3], tr.x[4], tr.t, Math.sqrt(tr.p[0] + tr.p[7]), Math.sqrt(tr.p[21] + tr.p[28]), tr.updates]);
    expect(gate).toEqual([tr.p[0], tr.p[7], tr.p[3], tr.p[10], tr.p[21], tr.p[28], tr.qScale, tr.identity.icaoAddress ?? -1, tr.misses]);
    expect(table.cols.deadline[j]).toBe(agingDeadline(tr, opts));
  });
}

describe("TrackTable", () => {
  it("indexes tracks by address in slot order and keeps the columns through changes and compaction", () => {
    const table = new TrackTable(opts);
    const tracks = [makeTrack(1, 0, 0, 0xabc), makeTrack(2, 1000, 0), makeTrack(3, 2000, 0, 0xabc), makeTrack(4, 3000, 0, 0x123)];
    for (const tr of tracks) table.add(tr);
    expect(table.withAddress(0xabc)).toEqual([tracks[0], tracks[2]]);
    expect(table.withAddress(0x999)).toEqual([]);
    // Track 2 gains the address: it is listed between tracks 1 and 3 (slot order).
    tracks[1].identity.icaoAddress = 0xabc;
    tracks[1].x[0] = 1500;
    tracks[1].misses = 2;
    table.refresh(tracks[1]);
    expect(table.withAddress(0xabc).map((t) => t.trackNumber)).toEqual([1, 2, 3]);
    expectColumnsMatch(table);
    tracks[0].status = "deleted";
    tracks[2].status = "deleted";
    table.remove(tracks[0]);
    table.remove(tracks[2]);
    // Out of the indexes at once; the slots stay (dead) until a compaction is worth it.
    expect(table.withAddress(0xabc).map((t) => t.trackNumber)).toEqual([2]);
    expect(table.liveCount).toBe(2);
    expect(table.compact()).toBe(false);
    expect([0, 1, 2, 3].map((j) => table.isLive(j))).toEqual([false, true, false, true]);
    expect(table.cols.deadline[0]).toBe(Infinity);
    expect(table.compact(true)).toBe(true);
    expect(table.tracks.map((t) => t.trackNumber)).toEqual([2, 4]);
    expect(table.withAddress(0xabc).map((t) => t.trackNumber)).toEqual([2]);
    expect(table.hasNumber(1)).toBe(false);
    expect(table.hasNumber(4)).toBe(true);
    expect(tracks[0].slot).toBe(-1);
    expectColumnsMatch(table);
  });

  it("grows past its initial capacity", () => {
    const table = new TrackTable(opts);
    for (let n = 1; n <= 3000; n++) table.add(makeTrack(n, n * 10, -n, n % 7 === 0 ? n : undefined));
    for (const tr of [...table.tracks]) if (tr.trackNumber % 3 === 0) {
      tr.status = "deleted";
      table.remove(tr);
    }
    expect(table.compact()).toBe(true); // a third of the slots are dead: worth compacting
    expect(table.length).toBe(2000);
    expectColumnsMatch(table);
    expect(table.withAddress(21).map((t) => t.trackNumber)).toEqual([]);
    expect(table.withAddress(14).map((t) => t.trackNumber)).toEqual([14]);
  });
});

describe("agingDeadline", () => {
  it("before it, aging changes nothing (random times and times at the miss threshold)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 12, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom("tentative", "confirmed", "coasting"),
        fc.boolean(),
        fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: -1e-5, max: 1e-5, noNaN: true }).map((d) => -d - 1)),
        (period, misses, status, modeS, sinceOrOffset) => {
          const tr = makeTrack(1, 0, 0, modeS ? 0xabc : undefined, 1.7e9);
          // Negative: an offset of −1 − δ means "δ seconds around the next miss threshold".
          const since = sinceOrOffset >= 0 ? sinceOrOffset : period * (misses + 1 + opts.missTolerance) + (-sinceOrOffset - 1);
          tr.scanPeriod = period;
          tr.misses = misses;
          tr.status = status as Track["status"];
          const before = JSON.stringify({ ...tr, imm: undefined, sensorUpdates: undefined });
          const d = agingDeadline(tr, opts);
          const now = tr.lastUpdateTime + since;
          const r = ageTrack(tr, now, opts);
          if (now < d) {
            expect(r).toBe("none");
            expect(JSON.stringify({ ...tr, imm: undefined, sensorUpdates: undefined })).toBe(before);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
