import { describe, expect, it } from "vitest";
import { DEG, geodeticToEcef, geodeticToPolar, polarToGeodetic, type Geodetic } from "../../src/geo/index.js";
import {
  beamTime, compileScenario, inCoverage, observe, radarSensor, radarSite, serviceMessage, activeTargets,
  type RadarSpec, type TargetSpec,
} from "../../src/sim/index.js";

const radar: RadarSpec = { sac: 7, sic: 9, name: "test", latDeg: 47, lonDeg: 28.8, groundHeight: 100, antennaHeight: 20 };
const site = radarSite(radar);

const dist = (a: Geodetic, b: Geodetic): number => {
  const p = geodeticToEcef(a);
  const q = geodeticToEcef(b);
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
};

function target(id: string, transponder: TargetSpec["transponder"], latDeg: number, lonDeg: number, altitude: number): TargetSpec {
  return {
    id, targetClass: transponder === "none" ? "drone" : "airliner", transponder,
    identities: [{ callsign: "TEST1", icaoAddress: 0x504001, mode3A: 0o1234 }],
    route: { waypoints: [{ latDeg, lonDeg, altitude, speed: 200 }, { latDeg: latDeg + 2, lonDeg: lonDeg + 2, altitude, speed: 200 }] },
  };
}

const scenario = compileScenario({
  name: "t", radars: [radar],
  targets: [
    target("S", "modeS", 47.5, 29.3, 10000.3),
    target("AC", "modeAC", 46.6, 28.2, 3000.3),
    target("P", "none", 47.05, 28.9, 400),
  ],
});

describe("radar coverage", () => {
  it("limits range, elevation (cone of silence) and the radio horizon", () => {
    expect(inCoverage(radar, site, 100_000, 1 * DEG, 5000)).toBe(true);
    expect(inCoverage(radar, site, 260_000, 1 * DEG, 20000)).toBe(false);
    expect(inCoverage(radar, site, 300, 1 * DEG, 130)).toBe(false);
    expect(inCoverage(radar, site, 5_000, 75 * DEG, 5000)).toBe(false);
    expect(inCoverage(radar, site, 50_000, -2.5 * DEG, 100)).toBe(false);
    // A low target beyond the horizon: 150 km away at 300 m (horizon ≈ 18 km + 51 km with k = 4/3).
    const far = polarToGeodetic(site, 150_000, 0, 300);
    const p = geodeticToPolar(site, far);
    expect(inCoverage(radar, site, p.range, p.elevation, 300)).toBe(false);
    const near = polarToGeodetic(site, 50_000, 0, 300);
    const q = geodeticToPolar(site, near);
    expect(inCoverage(radar, site, q.range, q.elevation, 300)).toBe(true);
  });
});

describe("beam passage", () => {
  it("detects each target when the antenna azimuth equals the target azimuth", () => {
    for (const scan of [0, 3, 250]) {
      for (const inst of activeTargets(scenario, scan * 4, scan * 4 + 4)) {
        const t = beamTime(radar, site, inst, scan);
        if (t === undefined) continue;
        expect(t).toBeGreaterThanOrEqual(scan * 4);
        expect(t).toBeLessThan(scan * 4 + 4);
        const truth = observe(radar, site, inst, scan, { epoch: 0, seed: 1, ideal: true })!;
        const az = geodeticToPolar(site, truth.position).azimuth;
        const antenna = (2 * Math.PI * (t - scan * 4)) / 4;
        expect(Math.abs(az - antenna)).toBeLessThan(1e-7);
      }
    }
  });
});

describe("plots", () => {
  const epoch = 1_700_000_000;
  const obs = (id: string, scan: number, ideal = true) => {
    const inst = activeTargets(scenario, scan * 4, scan * 4 + 4).find((i) => i.id === id)!;
    return observe(radar, site, inst, scan, { epoch, seed: 5, ideal })!;
  };

  it("convert back to the truth position when noiseless (1e-6 relative)", () => {
    for (const id of ["S", "AC", "P"]) {
      for (const scan of [0, 10, 100]) {
        const tr = obs(id, scan);
        const p = tr.plot!;
        expect(p.time).toBe(tr.time);
        const back = polarToGeodetic(site, p.range, p.azimuth, tr.position.height);
        expect(dist(back, tr.position) / p.range).toBeLessThan(1e-6);
      }
    }
  });

  it("carry Mode S data (25 ft altitude), Mode A/C data (100 ft) or nothing, per transponder", () => {
    const s = obs("S", 0).plot!;
    expect(s.detection).toBe("modeSRollCall+psr");
    expect(s.icaoAddress).toBe(0x504001);
    expect(s.callsign).toBe("TEST1");
    expect(s.mode3A?.code).toBe(0o1234);
    expect(s.modeC!.pressureAltitude / 0.3048 / 25).toBeCloseTo(Math.round(10000.3 / 0.3048 / 25), 9);
    const ac = obs("AC", 0).plot!;
    expect(ac.detection).toBe("ssr+psr");
    expect(ac.icaoAddress).toBeUndefined();
    expect(ac.callsign).toBeUndefined();
    expect(ac.modeC!.pressureAltitude / 0.3048 / 100).toBeCloseTo(Math.round(3000.3 / 0.3048 / 100), 9);
    const p = obs("P", 0).plot!;
    expect(p.detection).toBe("psr");
    expect(p.modeC).toBeUndefined();
    expect(p.mode3A).toBeUndefined();
    expect(p.height3D!).toBeCloseTo(400, 3);
  });

  it("are noisy with the configured sigmas", () => {
    const dr: number[] = [];
    const de: number[] = [];
    for (let scan = 0; scan < 200; scan++) {
      for (const inst of activeTargets(scenario, scan * 4, scan * 4 + 4)) {
        const tr = observe(radar, site, inst, scan, { epoch, seed: 5 });
        if (tr?.plot?.elevation === undefined) continue;
        const truth = geodeticToPolar(site, tr.position);
        dr.push(tr.plot.range - truth.range);
        de.push(tr.plot.elevation - truth.elevation);
      }
    }
    const rms = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);
    expect(dr.length).toBeGreaterThan(300);
    expect(rms(dr)).toBeGreaterThan(34);
    expect(rms(dr)).toBeLessThan(46);
    expect(rms(de) / DEG).toBeGreaterThan(0.25);
    expect(rms(de) / DEG).toBeLessThan(0.35);
  });
});

describe("service messages", () => {
  it("sends a north marker with the rotation period and 15 sector crossings per scan", () => {
    const n = serviceMessage(radar, 3, 0, 100);
    expect(n).toMatchObject({ messageType: "northMarker", time: 112, antennaRotationPeriod: 4, sensorId: "7/9" });
    const s = serviceMessage(radar, 3, 4, 100);
    expect(s).toMatchObject({ messageType: "sectorCrossing", time: 113 });
    expect(s.sectorAzimuth).toBeCloseTo(90 * DEG, 12);
  });

  it("describes the sensor for the tracker", () => {
    const s = radarSensor(radar);
    expect(s.id).toBe("7/9");
    expect(s.site.height).toBe(120);
    expect(s.rotationPeriod).toBe(4);
    expect(s.sigmas.azimuth).toBeCloseTo(0.1 * DEG, 12);
  });
});
