/**
 * The simulated ADS-B ground station's Beast output goes through Skywatch's own Mode S receiver
 * (`formats/modes`): the decoded positions match the simulated reports (ideal run: truth) within
 * the CPR resolution, with the same ICAO addresses and callsigns.
 */
import { describe, expect, it } from "vitest";
import { ModeSReceiver } from "../../src/formats/modes/index.js";
import { compileScenario, scenarioReports } from "../../src/sim/index.js";
import type { AdsbReport, SensorReport } from "../../src/types/index.js";

describe("ADS-B station output decodes with the Mode S receiver", () => {
  it("gives back the simulated positions (CPR resolution) and identities", () => {
    const scenario = compileScenario({
      name: "adsb", radars: [],
      adsbStations: [{ sac: 98, sic: 10, name: "A", latDeg: 47.0, lonDeg: 28.9, height: 200 }],
      targets: [0, 1, 2].map((i) => ({
        id: `A${i}`, targetClass: "airliner" as const, transponder: "modeS" as const,
        identities: [{ icaoAddress: 0x504100 + i, callsign: `MLD10${i}` }],
        route: { waypoints: [{ latDeg: 46.6 + 0.2 * i, lonDeg: 28.2, altitude: 9000 + 300 * i, speed: 220 }, { latDeg: 46.9 + 0.2 * i, lonDeg: 29.8, altitude: 9000 + 300 * i, speed: 220 }] },
      })),
    });
    const start = 1_767_225_600;
    const simulated: AdsbReport[] = [];
    const rx = new ModeSReceiver({ format: "beast", sensorId: "adsb", receiver: { latDeg: 47, lonDeg: 28.9 } });
    const decoded: SensorReport[] = [];
    for (const b of scenarioReports(scenario, { startTime: start, duration: 30, seed: 2, ideal: true })) {
      simulated.push(...b.reports.filter((r): r is AdsbReport => r.kind === "adsb"));
      if (b.beast) rx.push(b.beast, b.time, decoded);
    }
    rx.end(decoded);
    const positions = decoded.filter((r): r is AdsbReport => r.kind === "adsb" && r.position !== undefined);
    expect(positions.length).toBeGreaterThan(100);
    for (const p of positions) {
      // The simulated report of the same aircraft nearest in position.
      const same = simulated.filter((s) => s.icaoAddress === p.icaoAddress);
      expect(same.length).toBeGreaterThan(0);
      const best = Math.min(...same.map((s) => Math.hypot((s.position!.lat - p.position!.lat) * 6.37e6, (s.position!.lon - p.position!.lon) * 6.37e6 * Math.cos(s.position!.lat))));
      expect(best).toBeLessThan(10); // 17-bit CPR: ~5 m
    }
    const callsigns = new Set(decoded.filter((r): r is AdsbReport => r.kind === "adsb" && r.callsign !== undefined).map((r) => r.callsign));
    expect([...callsigns].sort()).toEqual(["MLD100", "MLD101", "MLD102"]);
  });
});
