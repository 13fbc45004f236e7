import { describe, expect, it } from "vitest";
import { DEG, enuFrame, fromDegrees, geodeticToEcef, geodeticToEnu, type Geodetic } from "../../src/geo/index.js";
import {
  compileTrajectory, ScenarioError, STANDARD_GRAVITY, targetStateAt, trajectoryPositionAt, trajectoryStateAt,
  type RouteSpec, type Trajectory,
} from "../../src/sim/index.js";

const dist = (a: Geodetic, b: Geodetic): number => {
  const p = geodeticToEcef(a);
  const q = geodeticToEcef(b);
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
};
const hspeed = (t: Trajectory, time: number): number => {
  const s = trajectoryStateAt(t, time)!;
  return Math.hypot(s.velocity.east, s.velocity.north);
};
const heading = (t: Trajectory, time: number): number => {
  const v = trajectoryStateAt(t, time)!.velocity;
  return Math.atan2(v.east, v.north);
};

describe("straight legs", () => {
  const route: RouteSpec = {
    waypoints: [
      { latDeg: 47, lonDeg: 28, altitude: 3000, speed: 200 },
      { latDeg: 47, lonDeg: 29.5, altitude: 3000, speed: 200 },
    ],
  };
  const t = compileTrajectory(route);

  it("starts at the first waypoint, ends at the last, at the time distance / speed", () => {
    const a = fromDegrees(47, 28, 3000);
    const b = fromDegrees(47, 29.5, 3000);
    expect(dist(trajectoryPositionAt(t, 0)!, a)).toBeLessThan(1e-3);
    expect(dist(trajectoryPositionAt(t, t.duration)!, b)).toBeLessThan(1e-3);
    // Ground distances are those of the local sphere (as geo.destination), true to ~0.2 %.
    expect(Math.abs(t.duration * 200 - dist(a, b)) / dist(a, b)).toBeLessThan(0.003);
  });

  it("does not exist before its start or after its end", () => {
    expect(trajectoryStateAt(t, -0.001)).toBeUndefined();
    expect(trajectoryStateAt(t, t.duration + 0.001)).toBeUndefined();
    expect(targetStateAt({ trajectory: t, startTime: 100 }, 99)).toBeUndefined();
    expect(targetStateAt({ trajectory: t, startTime: 100 }, 100)).toEqual(trajectoryStateAt(t, 0));
  });

  it("gives a velocity that matches the motion of the position", () => {
    for (const time of [1, 100, 300, t.duration - 1]) {
      const s = trajectoryStateAt(t, time)!;
      const f = enuFrame(s.position);
      const a = geodeticToEnu(trajectoryPositionAt(t, time + 0.5)!, f);
      const b = geodeticToEnu(trajectoryPositionAt(t, time - 0.5)!, f);
      expect(Math.abs(a.east - b.east - s.velocity.east)).toBeLessThan(0.01);
      expect(Math.abs(a.north - b.north - s.velocity.north)).toBeLessThan(0.01);
      expect(Math.abs(Math.hypot(s.velocity.east, s.velocity.north) / 200 - 1)).toBeLessThan(0.003);
    }
  });
});

describe("turns, speed changes, climbs", () => {
  const v = 100;
  const bank = 25 * DEG;
  const route: RouteSpec = {
    bankAngle: bank,
    climbRate: 10,
    descentRate: 5,
    waypoints: [
      { latDeg: 47, lonDeg: 28, altitude: 1000, speed: v },
      { latDeg: 47.2, lonDeg: 28, altitude: 2000, speed: v },
      { latDeg: 47.2, lonDeg: 28.3, altitude: 1500, speed: 150 },
      { latDeg: 47.0, lonDeg: 28.3, altitude: 1500, speed: 150, verticalRate: 2 },
      { latDeg: 46.6, lonDeg: 28.3, altitude: 1000, speed: 150 },
    ],
  };
  const t = compileTrajectory(route);

  it("flies a bank-limited fly-by turn: radius v²/(g tan φ), turn rate g tan φ / v", () => {
    const radius = (v * v) / (STANDARD_GRAVITY * Math.tan(bank));
    // Passing a 90° turn's waypoint at mid-turn, the target is R(√2 − 1) inside the corner.
    const corner = fromDegrees(47.2, 28, 0);
    const p = trajectoryPositionAt(t, t.waypointTimes[1])!;
    const miss = dist({ ...p, height: 0 }, corner);
    expect(Math.abs(miss - radius * (Math.SQRT2 - 1))).toBeLessThan(0.01 * radius);
    // Heading rate in the middle of the turn.
    const tm = t.waypointTimes[1];
    let dh = heading(t, tm + 1) - heading(t, tm - 1);
    if (dh > Math.PI) dh -= 2 * Math.PI;
    expect(dh / 2).toBeCloseTo((STANDARD_GRAVITY * Math.tan(bank)) / v, 3);
    expect(Math.abs(hspeed(t, tm) / v - 1)).toBeLessThan(0.003);
  });

  it("is continuous in position and speed everywhere", () => {
    let prev = trajectoryPositionAt(t, 0)!;
    let prevSpeed = hspeed(t, 0);
    for (let time = 0.5; time <= t.duration; time += 0.5) {
      const p = trajectoryPositionAt(t, time)!;
      const s = hspeed(t, time);
      expect(dist(p, prev)).toBeLessThan(0.5 * 151 + 1);
      expect(Math.abs(s - prevSpeed)).toBeLessThan(1); // accelerations well under 2 m/s²
      prev = p;
      prevSpeed = s;
    }
  });

  it("accelerates along a leg from one waypoint's speed to the next", () => {
    const mid = (t.waypointTimes[1] + t.waypointTimes[2]) / 2;
    const s = hspeed(t, mid);
    expect(s).toBeGreaterThan(v + 5);
    expect(s).toBeLessThan(150 - 5);
    expect(Math.abs(hspeed(t, t.waypointTimes[2]) / 150 - 1)).toBeLessThan(0.003);
  });

  it("climbs and descends at the vertical rate, then holds the altitude", () => {
    expect(trajectoryStateAt(t, 10)!.velocity.up).toBeCloseTo(10, 6);
    expect(trajectoryPositionAt(t, 10)!.height).toBeCloseTo(1100, 6);
    expect(trajectoryPositionAt(t, t.waypointTimes[1] - 1)!.height).toBeCloseTo(2000, 6);
    expect(trajectoryStateAt(t, t.waypointTimes[1] + 10)!.velocity.up).toBeCloseTo(-5, 6);
    expect(trajectoryStateAt(t, t.waypointTimes[3] + 10)!.velocity.up).toBeCloseTo(-2, 6);
    expect(trajectoryPositionAt(t, t.duration)!.height).toBeCloseTo(1000, 3);
  });
});

describe("loops", () => {
  const route: RouteSpec = {
    loop: true,
    bankAngle: 30 * DEG,
    climbRate: 3,
    descentRate: 3,
    waypoints: [
      { latDeg: 47.0, lonDeg: 29.0, altitude: 300, speed: 30 },
      { latDeg: 47.05, lonDeg: 29.05, altitude: 400, speed: 30 },
      { latDeg: 47.0, lonDeg: 29.1, altitude: 400, speed: 35 },
    ],
  };
  const t = compileTrajectory(route);

  it("repeats with the lap period and never ends", () => {
    for (const time of [0, 17, 123.4, t.duration - 0.1]) {
      const a = trajectoryStateAt(t, time)!;
      const b = trajectoryStateAt(t, time + 5 * t.duration)!;
      expect(dist(a.position, b.position)).toBeLessThan(1e-3);
      expect(a.velocity.up).toBeCloseTo(b.velocity.up, 9);
    }
    expect(trajectoryStateAt(t, 1e6)).toBeDefined();
    expect(trajectoryStateAt(t, -1)).toBeUndefined();
  });

  it("is continuous across the lap boundary and starts abeam the first waypoint", () => {
    const a = trajectoryPositionAt(t, t.duration - 0.01)!;
    const b = trajectoryPositionAt(t, t.duration + 0.01)!;
    expect(dist(a, b)).toBeLessThan(1);
    expect(trajectoryPositionAt(t, 0)!.height).toBeCloseTo(300, 6);
    expect(dist({ ...trajectoryPositionAt(t, 0)!, height: 0 }, fromDegrees(47, 29, 0))).toBeLessThan(500);
  });
});

describe("invalid routes", () => {
  const w = { latDeg: 47, lonDeg: 28, altitude: 1000, speed: 100 };
  it("throws ScenarioError", () => {
    expect(() => compileTrajectory({ waypoints: [w] })).toThrow(ScenarioError);
    expect(() => compileTrajectory({ waypoints: [w, w] })).toThrow(ScenarioError);
    expect(() => compileTrajectory({ waypoints: [w, { ...w, latDeg: 47.1 }], loop: true })).toThrow(ScenarioError);
    expect(() => compileTrajectory({ waypoints: [w, { ...w, latDeg: 47.1, speed: 0 }] })).toThrow(ScenarioError);
    expect(() => compileTrajectory({ waypoints: [w, { ...w, latDeg: 47.1, altitude: NaN }] })).toThrow(ScenarioError);
    // Straight back along the same leg: a reversal.
    expect(() => compileTrajectory({ waypoints: [w, { ...w, latDeg: 47.1 }, { ...w, latDeg: 47.0001 }] })).toThrow(/reversal/);
    // A loop whose vertical rate cannot bring it back to its start altitude.
    expect(() => compileTrajectory({
      loop: true, climbRate: 0.1, descentRate: 0.1,
      waypoints: [w, { ...w, latDeg: 47.01, altitude: 3000 }, { ...w, lonDeg: 28.01, altitude: 3000 }],
    })).toThrow(/lap/);
  });
});
