/**
 * Traffic generators: target specs drawn from a seed — airliners between the real airports of
 * a region, light aircraft on local flights, low-slow non-cooperative drones, crossing pairs
 * (two targets at the same map point at the same time) and formation pairs. Deterministic: the
 * same generator spec and seed give the same targets.
 *
 * Airport reference points are rounded public AIP values (WGS-84, elevation m MSL).
 */
import { DEG, destination, fromDegrees, inverseSphere } from "../geo/index.js";
import { ScenarioError } from "./errors.js";
import { streamFor, type Random } from "./random.js";
import type { TargetClass, TargetSpec, TransponderKind } from "./scenario.js";
import { compileTrajectory, type RouteSpec, type Waypoint } from "./trajectory.js";

/** An airport: ICAO location indicator, reference point, elevation. */
export interface Airport {
  icao: string;
  name: string;
  latDeg: number;
  lonDeg: number;
  /** Elevation, m MSL. */
  elevation: number;
}

/** Airports of Moldova and its neighbourhood (approximate reference points). */
export const REGION_AIRPORTS: readonly Airport[] = Object.freeze([
  { icao: "LUKK", name: "Chișinău", latDeg: 46.9277, lonDeg: 28.9303, elevation: 122 },
  { icao: "LUBL", name: "Bălți-Leadoveni", latDeg: 47.8381, lonDeg: 27.7814, elevation: 231 },
  { icao: "LUCH", name: "Cahul", latDeg: 45.8438, lonDeg: 28.2637, elevation: 199 },
  { icao: "LUBM", name: "Mărculești", latDeg: 47.8627, lonDeg: 28.2128, elevation: 101 },
  { icao: "LRIA", name: "Iași", latDeg: 47.1785, lonDeg: 27.6206, elevation: 123 },
  { icao: "UKOO", name: "Odesa", latDeg: 46.4268, lonDeg: 30.6765, elevation: 52 },
  { icao: "LRSV", name: "Suceava", latDeg: 47.6875, lonDeg: 26.3541, elevation: 413 },
  { icao: "LRBC", name: "Bacău", latDeg: 46.5219, lonDeg: 26.9103, elevation: 184 },
  { icao: "LRTC", name: "Tulcea", latDeg: 45.0625, lonDeg: 28.7143, elevation: 61 },
]);

/** A point of a generator's area, degrees. */
export interface LatLon {
  latDeg: number;
  lonDeg: number;
}

/** A traffic generator as a scenario declares it. Distances m, speeds m/s. */
export type GeneratorSpec =
  | { kind: "airliners"; count: number; airports?: string[] }
  | { kind: "lightAircraft" | "drones"; count: number; centre: LatLon; radius: number; groundHeight?: number }
  | { kind: "crossingPairs" | "formationPairs"; count: number; centre: LatLon; radius: number; targetClass?: TargetClass; groundHeight?: number };

function flyable(route: RouteSpec): boolean {
  try {
    compileTrajectory(route);
    return true;
  } catch {
    return false;
  }
}

const u = (rng: Random, a: number, b: number): number => a + (b - a) * rng.next();
const pick = <T>(rng: Random, xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(rng.next() * xs.length))];

function at(p: LatLon, bearing: number, distance: number): LatLon {
  const q = destination(fromDegrees(p.latDeg, p.lonDeg), bearing, distance, 0);
  return { latDeg: q.lat / DEG, lonDeg: q.lon / DEG };
}

function wp(p: LatLon, altitude: number, speed: number, verticalRate?: number): Waypoint {
  return verticalRate === undefined ? { ...p, altitude, speed } : { ...p, altitude, speed, verticalRate };
}

/** Within `radius` of `centre`, uniform over the disc. */
function inDisc(rng: Random, centre: LatLon, radius: number): LatLon {
  return at(centre, u(rng, 0, 2 * Math.PI), radius * Math.sqrt(rng.next()));
}

const AIRLINES = ["MLD", "FIA", "HYM", "WZZ", "THY", "ROT", "LOT", "AUA", "TAR"];

interface Ctx {
  rng: Random;
  duration: number;
  prefix: string;
  /** First ICAO address of the generator (Moldova block 504000–5043FF and on, illustrative). */
  icaoBase: number;
}

function identity(c: Ctx, i: number, transponder: TransponderKind): TargetSpec["identities"] {
  if (transponder === "none") return undefined;
  const code = Math.floor(c.rng.next() * 4096);
  if (transponder === "modeAC") return [{ mode3A: code }];
  return [{ icaoAddress: (c.icaoBase + i) & 0xffffff, mode3A: code, callsign: `${pick(c.rng, AIRLINES)}${100 + Math.floor(c.rng.next() * 900)}` }];
}

function airliners(c: Ctx, count: number, codes?: string[]): TargetSpec[] {
  const airports = codes === undefined ? REGION_AIRPORTS : codes.map((k) => {
    const a = REGION_AIRPORTS.find((x) => x.icao === k);
    if (a === undefined) throw new ScenarioError(`unknown airport ${k} (known: ${REGION_AIRPORTS.map((x) => x.icao).join(", ")})`, "generators.airports");
    return a;
  });
  if (airports.length < 2) throw new ScenarioError("airliners need at least 2 airports", "generators.airports");
  const out: TargetSpec[] = [];
  for (let i = 0, attempt = 0; i < count; attempt++) {
    const a = pick(c.rng, airports);
    let b = pick(c.rng, airports);
    while (b === a) b = pick(c.rng, airports);
    const { angle, bearing } = inverseSphere(fromDegrees(a.latDeg, a.lonDeg), fromDegrees(b.latDeg, b.lonDeg));
    const dist = angle * 6_371_000;
    const back = inverseSphere(fromDegrees(b.latDeg, b.lonDeg), fromDegrees(a.latDeg, a.lonDeg)).bearing;
    const cruise = Math.min(u(c.rng, 8000, 11500), 2000 + dist * 0.05);
    const midBase = at(a, bearing, dist / 2);
    const mid = at(midBase, bearing + Math.PI / 2, u(c.rng, -0.1, 0.1) * dist);
    const speed = u(c.rng, 200, 240);
    const waypoints = [
      wp(at(a, bearing, 1500), a.elevation + 15, 85),
      wp(at(a, bearing, 15_000), a.elevation + 1500, 150),
      wp(mid, cruise, speed),
      wp(at(b, back, 35_000), b.elevation + 2500, 160),
      wp(at(b, back, 10_000), b.elevation + 600, 85, 6),
      wp(at(b, back, 500), b.elevation + 15, 75, 4),
    ];
    const est = dist / 160;
    const route = { waypoints, climbRate: 12, descentRate: 9 };
    const start = u(c.rng, -est, c.duration);
    const ids = identity(c, i, "modeS");
    const rcs = u(c.rng, 10, 100);
    if (!flyable(route) && attempt < 20 * count) continue; // e.g. a course reversal between close airports: draw again
    out.push({
      id: `${c.prefix}${i + 1}`, description: `airliner ${a.icao} → ${b.icao}`, targetClass: "airliner", transponder: "modeS",
      start, identities: ids, rcs, route,
    });
    i++;
  }
  return out;
}

function loops(c: Ctx, count: number, centre: LatLon, radius: number, drone: boolean, ground: number): TargetSpec[] {
  const out: TargetSpec[] = [];
  for (let i = 0; i < count; i++) {
    const o = inDisc(c.rng, centre, radius);
    const n = 3 + Math.floor(c.rng.next() * 3);
    const size = drone ? u(c.rng, 1500, 5000) : u(c.rng, 5000, 15000);
    const alt = ground + (drone ? u(c.rng, 50, 300) : u(c.rng, 500, 3000));
    const speed = drone ? u(c.rng, 20, 50) : u(c.rng, 50, 80);
    const rot = u(c.rng, 0, 2 * Math.PI);
    const waypoints = Array.from({ length: n }, (_, k) => wp(at(o, rot + (2 * Math.PI * k) / n, size * u(c.rng, 0.6, 1)), alt, speed));
    const r = c.rng.next();
    const transponder: TransponderKind = drone ? "none" : r < 0.6 ? "modeS" : r < 0.85 ? "modeAC" : "none";
    out.push({
      id: `${c.prefix}${i + 1}`, description: drone ? "low-slow drone (non-cooperative)" : "light aircraft, local flight",
      targetClass: drone ? "drone" : "lightAircraft", transponder, start: -u(c.rng, 0, 600),
      identities: identity(c, i, transponder), ...(transponder === "modeS" ? { adsb: { nacp: 8 } } : {}),
      route: { loop: true, waypoints, bankAngle: (drone ? 45 : 30) * DEG, climbRate: 3, descentRate: 3 },
    });
  }
  return out;
}

function classKinematics(cls: TargetClass, c: Ctx, ground: number): { speed: number; alt: number; sep: number } {
  if (cls === "airliner") return { speed: u(c.rng, 200, 250), alt: u(c.rng, 8000, 12000), sep: u(c.rng, 150, 300) };
  if (cls === "drone") return { speed: u(c.rng, 30, 50), alt: ground + u(c.rng, 50, 300), sep: u(c.rng, 20, 60) };
  return { speed: u(c.rng, 50, 80), alt: ground + u(c.rng, 500, 3000), sep: u(c.rng, 100, 300) };
}

function pairs(c: Ctx, count: number, centre: LatLon, radius: number, cls: TargetClass, crossing: boolean, ground: number): TargetSpec[] {
  const out: TargetSpec[] = [];
  const transponder: TransponderKind = cls === "drone" ? "none" : "modeS";
  for (let i = 0; i < count; i++) {
    const x = inDisc(c.rng, centre, radius);
    const { speed, alt, sep } = classKinematics(cls, c, ground);
    const h1 = u(c.rng, 0, 2 * Math.PI);
    const tc = u(c.rng, 0.2, 0.8) * c.duration;
    const before = u(c.rng, 60, 180);
    const after = u(c.rng, 60, 180);
    for (let k = 0; k < 2; k++) {
      let waypoints: Waypoint[];
      if (crossing) {
        const h = k === 0 ? h1 : h1 + (c.rng.next() < 0.5 ? -1 : 1) * u(c.rng, 20, 90) * DEG;
        waypoints = [wp(at(x, h + Math.PI, speed * before), alt + k * sep, speed), wp(at(x, h, speed * after), alt + k * sep, speed)];
      } else {
        // Formation: the wingman flies the leader's legs offset abeam by `sep`·3 m (≈ 300–900 m).
        const off = (lp: LatLon): LatLon => (k === 0 ? lp : at(lp, h1 + Math.PI / 2, sep * 3));
        const turn = u(c.rng, -60, 60) * DEG;
        const a = at(x, h1 + Math.PI, speed * before);
        const b = at(x, h1 + turn, speed * after);
        waypoints = [wp(off(a), alt, speed), wp(off(x), alt, speed), wp(off(b), alt, speed)];
      }
      out.push({
        id: `${c.prefix}${i + 1}${k === 0 ? "a" : "b"}`, description: `${crossing ? "crossing" : "formation"} pair ${i + 1}, ${cls}`,
        targetClass: cls, transponder, start: tc - before, identities: identity(c, 2 * i + k, transponder),
        route: { waypoints, bankAngle: 30 * DEG },
      });
    }
  }
  return out;
}

/**
 * Targets of one generator. `index` (the generator's position in the scenario) keeps ids,
 * addresses and random streams of different generators apart.
 * @throws ScenarioError for an unknown airport or a bad count/radius.
 */
export function generateTraffic(spec: GeneratorSpec, seed: number, duration: number, index: number): TargetSpec[] {
  if (!(Number.isInteger(spec.count) && spec.count >= 0)) throw new ScenarioError(`count must be an integer ≥ 0, got ${spec.count}`, `generators[${index}]`);
  const c: Ctx = { rng: streamFor(seed, "traffic", index, spec.kind), duration, prefix: `G${index}-${spec.kind.slice(0, 3).toUpperCase()}-`, icaoBase: 0x504000 + index * 0x1000 };
  if (spec.kind === "airliners") return airliners(c, spec.count, spec.airports);
  if (!(spec.radius > 0)) throw new ScenarioError(`radius must be > 0 m, got ${spec.radius}`, `generators[${index}]`);
  const ground = spec.groundHeight ?? 100;
  if (spec.kind === "lightAircraft" || spec.kind === "drones") return loops(c, spec.count, spec.centre, spec.radius, spec.kind === "drones", ground);
  if (spec.kind !== "crossingPairs" && spec.kind !== "formationPairs") throw new ScenarioError("unknown generator kind", `generators[${index}]`);
  return pairs(c, spec.count, spec.centre, spec.radius, spec.targetClass ?? "airliner", spec.kind === "crossingPairs", ground);
}
