/**
 * Skywatch's ASTERIX outputs decode back to what was sent: system tracks as CAT062 (+ CAT065
 * end of batch), ADS-B reports as CAT021 — within the resolution of each item (property tests).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AsterixDecoderStream, decodeBlock, encodeCat021Block, encodeCat062Block, encodeCat065Block,
} from "../../../src/formats/asterix/index.js";
import type { AdsbReport, SystemTrack, TrackReport, TrackUpdate } from "../../../src/types/index.js";

const DEG = Math.PI / 180;
const DAY = Date.UTC(2026, 10, 29) / 1000;

const trackArb: fc.Arbitrary<TrackUpdate> = fc.record({
  event: fc.constantFrom("initiated", "updated", "confirmed", "coasting", "deleted"),
  n: fc.integer({ min: 1, max: 200_000 }),
  status: fc.constantFrom("tentative", "confirmed", "coasting"),
  // Within ±6 h of noon: one block holds updates of one moment, resolved against the reference noon.
  t: fc.integer({ min: 6 * 3600 * 128, max: 18 * 3600 * 128 }),
  lat: fc.double({ min: -89, max: 89, noNaN: true }),
  lon: fc.double({ min: -179.9, max: 179.9, noNaN: true }),
  ve: fc.double({ min: -600, max: 600, noNaN: true }),
  vn: fc.double({ min: -600, max: 600, noNaN: true }),
  vu: fc.double({ min: -150, max: 150, noNaN: true }),
  fl: fc.option(fc.integer({ min: -40, max: 5000 }), { nil: undefined }),
  sigma: fc.double({ min: 1, max: 5000, noNaN: true }),
  code: fc.option(fc.integer({ min: 0, max: 0o7777 }), { nil: undefined }),
  icao: fc.option(fc.integer({ min: 0, max: 0xffffff }), { nil: undefined }),
  cs: fc.option(fc.stringMatching(/^[A-Z0-9]{2,8}$/), { nil: undefined }),
}).map((r) => {
  const track: SystemTrack = {
    trackNumber: r.n, status: r.status as SystemTrack["status"], time: DAY + r.t / 128,
    position: { lat: r.lat * DEG, lon: r.lon * DEG, height: 1000 }, velocity: { east: r.ve, north: r.vn, up: r.vu },
    positionSigma: r.sigma, identity: {}, sensors: ["1/2"], updates: 5, lastUpdateTime: DAY + r.t / 128,
  };
  if (r.fl !== undefined) track.pressureAltitude = (r.fl / 4) * 30.48;
  if (r.code !== undefined) track.identity.mode3A = r.code;
  if (r.icao !== undefined) track.identity.icaoAddress = r.icao;
  if (r.cs !== undefined) track.identity.callsign = r.cs;
  return { event: r.event as TrackUpdate["event"], track };
});

describe("Skywatch's ASTERIX outputs", () => {
  it("CAT062: a system track update decodes back within item resolution", () => {
    fc.assert(fc.property(fc.array(trackArb, { minLength: 1, maxLength: 10 }), (updates) => {
      const d = new AsterixDecoderStream({ referenceTime: DAY + 43200 });
      const { result, reports } = d.decode({ data: encodeCat062Block(updates, { sensorId: "0/200" }), offset: 0 });
      expect(result.error).toBeUndefined();
      expect(reports.length).toBe(updates.length);
      reports.forEach((rep, i) => {
        const r = rep as TrackReport;
        const t = updates[i].track;
        expect(r.kind).toBe("track");
        expect(r.sensorId).toBe("0/200");
        expect(r.trackNumber).toBe(((t.trackNumber - 1) % 65535) + 1);
        expect(Math.abs(r.time - t.time)).toBeLessThan(1 / 128);
        expect(Math.abs(r.position!.lat - t.position.lat)).toBeLessThan((180 / 2 ** 25) * DEG);
        expect(Math.abs(Math.sin(r.position!.lon - t.position.lon))).toBeLessThan((180 / 2 ** 25) * DEG);
        expect(Math.abs(r.velocity!.east - t.velocity.east)).toBeLessThanOrEqual(0.125);
        expect(Math.abs(r.velocity!.up - t.velocity.up)).toBeLessThan(0.02);
        if (t.pressureAltitude !== undefined) expect(r.pressureAltitude).toBeCloseTo(t.pressureAltitude, 6);
        expect(r.mode3A).toBe(t.identity.mode3A);
        expect(r.icaoAddress).toBe(t.identity.icaoAddress);
        expect(r.callsign).toBe(t.identity.callsign);
        expect(r.coasting ?? false).toBe(t.status === "coasting");
        expect(r.endOfTrack ?? false).toBe(updates[i].event === "deleted");
      });
    }), { numRuns: 200 });
  });

  it("CAT062: mode of movement, acceleration, update ages and accuracies go into I062/200, 210, 290 and 500", () => {
    fc.assert(fc.property(
      trackArb, fc.constantFrom("straight", "right", "left", "undetermined"), fc.constantFrom("level", "climb", "descent", "undetermined"),
      fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }),
      fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }),
      (u, trans, vert, ax, ay, ageSsr, vs, hs) => {
        const t = u.track;
        t.modeOfMovement = { transversal: trans as never, longitudinal: "constant", vertical: vert as never };
        t.acceleration = { east: ax, north: ay, up: 0 };
        t.lastUpdateTime = t.time - ageSsr / 2;
        t.sensorUpdates = [{ sensorId: "1/2", time: t.time - ageSsr, technology: "ssr" }, { sensorId: "adsb:a", time: t.time - ageSsr / 2, technology: "adsb" }];
        t.velocitySigma = vs;
        t.heightSigma = hs;
        const rec = decodeBlock(new AsterixDecoderStream({ referenceTime: DAY }).registry, encodeCat062Block([u], { sensorId: "0/200" })).records[0];
        const it = rec.items as Record<string, Record<string, unknown>>;
        expect(it["200"].TRANS).toBe(["straight", "right", "left", "undetermined"].indexOf(trans));
        expect(it["200"].VERT).toBe(["level", "climb", "descent", "undetermined"].indexOf(vert));
        expect(Math.abs((it["210"].AX as number) - ax)).toBeLessThanOrEqual(0.125);
        expect(Math.abs((it["210"].AY as number) - ay)).toBeLessThanOrEqual(0.125);
        const ages = it["290"] as Record<string, { VALUE: number }>;
        expect(Math.abs(ages.SSR.VALUE - ageSsr)).toBeLessThanOrEqual(0.125);
        expect(Math.abs(ages.ES.VALUE - ageSsr / 2)).toBeLessThanOrEqual(0.125);
        expect(Math.abs(ages.TRK.VALUE - ageSsr / 2)).toBeLessThanOrEqual(0.125);
        const acc = it["500"] as Record<string, Record<string, number>>;
        expect(Math.abs(acc.ATV.X - vs)).toBeLessThanOrEqual(0.125);
        expect(Math.abs(acc.AGA.VALUE - hs / 0.3048)).toBeLessThanOrEqual(3.125);
      }), { numRuns: 200 });
  });

  it("CAT065: an end-of-batch message decodes", () => {
    const d = new AsterixDecoderStream({ referenceTime: DAY + 43200 });
    const { result } = d.decode({ data: encodeCat065Block({ sensorId: "0/200", time: DAY + 3600.5, message: "endOfBatch", batchNumber: 7 }), offset: 0 });
    expect(result.error).toBeUndefined();
    expect(result.records[0].items["000"]).toEqual({ VALUE: 2 });
    expect(result.records[0].items["020"]).toEqual({ VALUE: 7 });
    expect(result.records[0].items["030"]).toEqual({ VALUE: 3600.5 });
  });

  it("CAT021: an ADS-B report decodes back within item resolution", () => {
    const adsbArb = fc.record({
      t: fc.integer({ min: 0, max: 86400 * 128 - 1 }),
      icao: fc.integer({ min: 0, max: 0xffffff }),
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lon: fc.double({ min: -179.9, max: 179.9, noNaN: true }),
      fl: fc.integer({ min: -60, max: 5000 }),
      gs: fc.double({ min: 0, max: 600, noNaN: true }),
      course: fc.double({ min: 0, max: 359.9, noNaN: true }),
      vr: fc.double({ min: -100, max: 100, noNaN: true }),
      nacp: fc.integer({ min: 1, max: 11 }),
      cs: fc.stringMatching(/^[A-Z0-9]{2,8}$/),
    });
    fc.assert(fc.property(adsbArb, (x) => {
      const a: AdsbReport = {
        kind: "adsb", sensorId: "0/107", time: DAY + x.t / 128, icaoAddress: x.icao,
        position: { lat: x.lat * DEG, lon: x.lon * DEG, height: (x.fl / 4) * 30.48 }, heightType: "barometric",
        pressureAltitude: (x.fl / 4) * 30.48,
        velocity: { east: x.gs * Math.sin(x.course * DEG), north: x.gs * Math.cos(x.course * DEG), up: x.vr },
        nacp: x.nacp, version: 2, callsign: x.cs,
      };
      const d = new AsterixDecoderStream({ referenceTime: DAY + 43200 });
      const { result, reports } = d.decode({ data: encodeCat021Block([a]), offset: 0 });
      expect(result.error).toBeUndefined();
      const b = reports[0] as AdsbReport;
      expect(b.icaoAddress).toBe(a.icaoAddress);
      expect(Math.abs(b.time - a.time)).toBeLessThan(1 / 128);
      expect(Math.abs(b.position!.lat - a.position!.lat)).toBeLessThan((180 / 2 ** 30) * DEG);
      expect(b.pressureAltitude).toBeCloseTo(a.pressureAltitude!, 6);
      expect(Math.hypot(b.velocity!.east - a.velocity!.east, b.velocity!.north - a.velocity!.north)).toBeLessThan(0.5);
      expect(Math.abs(b.velocity!.up - a.velocity!.up)).toBeLessThan(0.02);
      expect(b.nacp).toBe(a.nacp);
      expect(b.callsign).toBe(a.callsign);
    }), { numRuns: 300 });
  });
});
