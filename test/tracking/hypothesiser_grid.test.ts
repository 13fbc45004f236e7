/**
 * The batch grid and the track table's packed columns are only a faster way to the same pairs:
 * gating a batch through the grid must give exactly the hypotheses of testing every pair, on
 * crowded random tables (tentative, confirmed and coasting tracks, Mode S addresses, removed
 * tracks, out-of-sequence plots, plots with and without height, radars on and off the origin).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEG, geodeticToPolar } from "../../src/geo/index.js";
import { chiSquareGate } from "../../src/tracking/gating.js";
import { hypothesise, type BatchPlot, type HypothesiserContext } from "../../src/tracking/hypothesiser.js";
import { createImm } from "../../src/tracking/imm.js";
import { initiateTrack } from "../../src/tracking/initiator.js";
import { convertPlot, type ConvertedPlot, type MeasurementOptions } from "../../src/tracking/measurement.js";
import { motionModelOf } from "../../src/tracking/motion_models.js";
import { resolveOptions } from "../../src/tracking/options.js";
import { systemFrame } from "../../src/tracking/system_frame.js";
import { TrackTable } from "../../src/tracking/track_table.js";
import type { PlotReport, Sensor } from "../../src/types/index.js";
import { mulberry32, SITE, testRadar } from "./sim.js";

const opts = resolveOptions({});
const filter = createImm(opts.motionModels.map((m) => ({ model: motionModelOf(m), name: m.name, sojournTime: m.sojournTime, initialProbability: m.initialProbability })));
const frame = systemFrame(SITE);
const measurement: MeasurementOptions = { k: opts.refractionK, modeCSigma: opts.modeCSigma, height3DSigma: opts.height3DSigma, conversion: opts.measurementConversion };
const radars: Sensor[] = [testRadar(), testRadar({ id: "20/130", site: { lat: SITE.lat + 0.6 * DEG, lon: SITE.lon - 0.8 * DEG, height: 400 } })];

function context(gridThreshold: number): HypothesiserContext {
  return {
    filter, frame, gate: chiSquareGate(opts.gateProbability), modeSGate: chiSquareGate(opts.modeSGateProbability), measurement,
    identityCosts: opts, maxSpeed: opts.maxSpeed, modeSReach: opts.modeSReach, maxMissedScans: opts.maxMissedScans,
    tentativeTrackPenalty: opts.tentativeTrackPenalty, outOfSequenceLag: opts.outOfSequenceLag,
    trackHeightSigmaFloor: opts.trackHeightSigmaFloor, counters: { gateTests: 0 }, gridThreshold,
  };
}

/** A random table of tracks in a 300 km square and a batch of plots around some of them. */
function scene(seed: number): { table: TrackTable; plots: BatchPlot[] } {
  const rnd = mulberry32(seed);
  const u = (a: number, b: number): number => a + (b - a) * rnd();
  const table = new TrackTable(opts);
  const t0 = 1_700_000_000;
  const n = 150 + Math.floor(u(0, 150));
  for (let k = 0; k < n; k++) {
    const x = u(-150_000, 150_000), y = u(-150_000, 150_000), h = u(300, 12_000);
    const s = u(40, 300) ** 2;
    const conv: ConvertedPlot = { dim: 3, z: Float64Array.of(x, y, h), r: Float64Array.of(s, 0, 0, 0, s, 0, 0, 0, 4 * s), heightSource: "elevation", height: h };
    const address = rnd() < 0.5 ? Math.floor(u(0, 40)) : undefined; // few addresses: duplicates happen
    const plot: PlotReport = { kind: "plot", sensorId: "20/129", time: t0 - u(0, 8), range: 1, azimuth: 0, detection: address === undefined ? "psr" : "modeSRollCall", icaoAddress: address };
    const tr = initiateTrack(k + 1, plot, conv, "20/129", 4, opts, filter);
    // Some tracks are updated a few times with a velocity (non-uniform IMM states).
    if (rnd() < 0.6) {
      const vx = u(-250, 250), vy = u(-250, 250);
      for (let m = 1; m <= 3; m++) {
        const z = Float64Array.of(x + 4 * m * vx + u(-100, 100), y + 4 * m * vy + u(-100, 100), h + u(-50, 50));
        filter.update(tr.imm, 4, z, conv.r, 3);
        tr.t += 4;
        tr.updates++;
      }
      tr.status = rnd() < 0.3 ? "coasting" : "confirmed";
      tr.misses = tr.status === "coasting" ? Math.floor(u(1, 6)) : 0;
      tr.qScale = tr.misses > 0 ? opts.missQScale : 1;
    }
    table.add(tr);
  }
  // Some tracks are removed (dead slots until compaction).
  for (const tr of [...table.tracks]) if (rnd() < 0.1) {
    tr.status = "deleted";
    table.remove(tr);
  }
  const plots: BatchPlot[] = [];
  const live = table.tracks.filter((t) => t.status !== "deleted");
  const m = 40 + Math.floor(u(0, 60));
  // One radar's sector (a wedge of its coverage) or plots of both radars anywhere.
  const oneSector = rnd() < 0.6;
  const sectorStart = u(0, 2 * Math.PI), sectorWidth = u(0.1, 1.5);
  for (let i = 0; i < m; i++) {
    let tr = live[Math.floor(u(0, live.length))];
    const sensor = oneSector ? radars[0] : radars[i % 2];
    if (oneSector) {
      // A track whose bearing from the radar (at the system origin) lies in the sector, if any.
      const inSector = live.filter((t) => {
        const b = (Math.atan2(t.x[0], t.x[1]) + 2 * Math.PI) % (2 * Math.PI);
        return (b - sectorStart + 2 * Math.PI) % (2 * Math.PI) <= sectorWidth;
      });
      if (inSector.length > 0) tr = inSector[Math.floor(u(0, inSector.length))];
    }
    const time = tr.t + u(-3, 4);
    const target = frame.toGeodetic(tr.x[0] + (time - tr.t) * tr.x[3] + u(-500, 500), tr.x[1] + (time - tr.t) * tr.x[4] + u(-500, 500), tr.x[2] + u(-100, 100));
    const polar = geodeticToPolar(sensor.site, target, opts.refractionK);
    const kind = rnd();
    const plot: PlotReport = { kind: "plot", sensorId: sensor.id, time, range: polar.range, azimuth: polar.azimuth, detection: "psr" };
    if (kind < 0.4) plot.elevation = polar.elevation; // 3D primary
    else if (kind < 0.8) {
      plot.detection = "modeSRollCall";
      plot.icaoAddress = rnd() < 0.7 ? tr.identity.icaoAddress ?? Math.floor(u(0, 40)) : Math.floor(u(0, 40));
      plot.modeC = { pressureAltitude: target.height, validated: true, garbled: false };
    } // else: a 2D plot (no height)
    const conv = convertPlot(plot, sensor.site, sensor.sigmas, frame, measurement, { height: opts.defaultHeight, sigma: opts.defaultHeightSigma });
    plots.push({ plot, raw: plot, sensor, conv });
  }
  return { table, plots };
}

describe("hypothesise: grid and brute force", () => {
  it("give the same hypotheses", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { table, plots } = scene(seed);
        const viaGrid = hypothesise(plots, table, context(0));
        const everyPair = hypothesise(plots, table, context(Infinity));
        const key = (h: (typeof viaGrid)[number]) => [h.plot, h.track, h.cost, h.d2, h.modeSMatch];
        expect(viaGrid.map(key)).toEqual(everyPair.map(key));
        return viaGrid.length > 0;
      }),
      { numRuns: 60 },
    );
  });
});
