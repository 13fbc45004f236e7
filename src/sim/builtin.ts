/**
 * The built-in scenario: what `skywatch start` shows on a fresh machine with no data file.
 *
 * One 3D surveillance radar with Mode S (simulated) on the northern edge of Chișinău, and
 * about a dozen aircraft over Moldova at any moment:
 * - airliners arriving at and departing from Chișinău International (LUKK) runway 26, on
 *   recurring flights (a new one every 20 min per flow, forever), with plausible callsigns,
 *   Mode 3/A codes and ICAO addresses from the operators' national blocks;
 * - overflights on two notional airways (north-east → south-west, south-east → north-west);
 * - two light aircraft (one with a Mode A/C transponder squawking 7000, one with none);
 * - two low, slow, non-cooperative drones (PSR only).
 * Flows recur in both time directions, so traffic is already in steady state at start.
 *
 * Geography is approximate (good to a few hundred metres), routes are illustrative, not
 * published procedures; addresses are made up inside the ICAO national blocks (ICAO Annex 10
 * Vol III, Part I, Chapter 9, Appendix: Moldova 504000–5043FF, Hungary 470000–477FFF,
 * Poland 488000–48FFFF, Austria 440000–447FFF, Türkiye 4B8000–4BFFFF, Romania 4A0000–4A7FFF).
 * The SAC/SIC 98/1 is illustrative, not an assigned code.
 */
import { DEG, destination, fromDegrees } from "../geo/index.js";
import type { RadarSpec } from "./radar.js";
import type { ScenarioSpec, TargetIdentity, TargetSpec } from "./scenario.js";
import type { Waypoint } from "./trajectory.js";

/** Knots to m/s. */
const kt = (knots: number): number => (knots * 1852) / 3600;
/** Feet to metres. */
const ft = (feet: number): number => feet * 0.3048;
/** Flight level to metres (ISA pressure altitude). */
const fl = (level: number): number => ft(level * 100);

interface LatLonDeg {
  latDeg: number;
  lonDeg: number;
}

/** The point `distanceKm` from `from` along the initial bearing `bearingDeg` (true). */
function at(from: LatLonDeg, bearingDeg: number, distanceKm: number): LatLonDeg {
  const p = destination(fromDegrees(from.latDeg, from.lonDeg), bearingDeg * DEG, distanceKm * 1000, 0);
  return { latDeg: p.lat / DEG, lonDeg: p.lon / DEG };
}

function wp(p: LatLonDeg, altitude: number, speed: number, verticalRate?: number): Waypoint {
  return verticalRate === undefined ? { ...p, altitude, speed } : { ...p, altitude, speed, verticalRate };
}

/** Radar site: northern edge of Chișinău. */
export const BUILTIN_RADAR_SITE: LatLonDeg = { latDeg: 47.02, lonDeg: 28.83 };

/** Chișinău International (LUKK) aerodrome reference point; elevation 122 m (399 ft). */
export const LUKK: LatLonDeg = { latDeg: 46.9277, lonDeg: 28.9303 };
const LUKK_ELEVATION = 122;
/** Runway 26 true course, degrees (runway 08/26, 3590 m). */
const RWY26_COURSE = 267;
const THR26 = at(LUKK, RWY26_COURSE - 180, 1.795);

/** A point on the approach side of runway 26: `alongKm` east of the threshold on the extended centreline, `southKm` to its south. */
function approach(alongKm: number, southKm = 0): LatLonDeg {
  const c = at(THR26, RWY26_COURSE - 180, alongKm);
  return southKm === 0 ? c : at(c, RWY26_COURSE - 90, southKm);
}

/** The radar of the built-in scenario. */
export const BUILTIN_RADAR: RadarSpec = {
  sac: 98,
  sic: 1,
  name: "Chișinău 3D PSR + Mode S (simulated)",
  ...BUILTIN_RADAR_SITE,
  groundHeight: 150,
  antennaHeight: 30,
  terrainHeight: 80, // mean level of the Bîc and Dniester valleys around the site
  rotationPeriod: 4,
  instrumentedRange: 250_000,
  minElevation: -2 * DEG,
  maxElevation: 70 * DEG,
  sigmas: { range: 40, azimuth: 0.1 * DEG, elevation: 0.3 * DEG },
  psrDetectionProbability: { airliner: 0.95, lightAircraft: 0.9, helicopter: 0.9, drone: 0.8 },
  ssrDetectionProbability: 0.99,
  sectors: 16,
};

const R = BUILTIN_RADAR_SITE;

/** Final approach to runway 26 from the intermediate fix: 3° glide path from 900 m to 15 m over the threshold. */
const FINAL_26: Waypoint[] = [
  wp(approach(25), 1200, kt(180)),
  wp(approach(14.8), 900, kt(150), 3.9),
  wp(THR26, LUKK_ELEVATION + 15, kt(140)),
];

/** Runway 26 take-off: from lift-off near mid-runway straight out to 10 km west of the aerodrome. */
const DEPART_26: Waypoint[] = [
  wp(at(LUKK, RWY26_COURSE, 0.3), LUKK_ELEVATION + 10, kt(155)),
  wp(at(LUKK, RWY26_COURSE, 10), 800, kt(190)),
];

const id = (callsign: string, icaoAddress: number, mode3A: number): TargetIdentity => ({ callsign, icaoAddress, mode3A });

const TWENTY_MIN = 1200;

/** The targets of the built-in scenario. */
export const BUILTIN_TARGETS: TargetSpec[] = [
  {
    id: "ARR-SW",
    description: "Arrivals from Bucharest and western Europe via the south-west to runway 26",
    targetClass: "airliner",
    transponder: "modeS",
    repeatEvery: TWENTY_MIN,
    start: 0,
    identities: [
      id("MLD868", 0x5040c3, 0o2301), id("WZZ4401", 0x471f2a, 0o2302),
      id("FIA702", 0x5041a7, 0o2303), id("HYM751", 0x50420b, 0o2304),
    ],
    route: {
      waypoints: [
        wp(at(R, 228, 215), fl(240), kt(430)),
        wp(at(LUKK, 200, 70), fl(100), kt(280)),
        wp(approach(25, 14), 1500, kt(210)),
        ...FINAL_26,
      ],
    },
  },
  {
    id: "ARR-NW",
    description: "Arrivals from Iași, Warsaw and Vienna via the north-west to runway 26",
    targetClass: "airliner",
    transponder: "modeS",
    repeatEvery: TWENTY_MIN,
    start: 600,
    identities: [
      id("LOT751", 0x48ae21, 0o2311), id("AUA657", 0x440a3c, 0o2312),
      id("MLD104", 0x5040d7, 0o2313), id("WZZ3021", 0x4712b6, 0o2314),
    ],
    route: {
      waypoints: [
        wp(at(R, 298, 205), fl(230), kt(420)),
        wp(at(LUKK, 350, 45), fl(90), kt(260)),
        wp(approach(25, -14), 1500, kt(210)),
        ...FINAL_26,
      ],
    },
  },
  {
    id: "DEP-S",
    description: "Departures from runway 26 to Istanbul and Antalya, turning south along the Prut",
    targetClass: "airliner",
    transponder: "modeS",
    repeatEvery: TWENTY_MIN,
    start: 300,
    identities: [
      id("THY270", 0x4bb1c4, 0o4621), id("FIA501", 0x5041b2, 0o4622),
      id("HYM361", 0x504215, 0o4623), id("MLD501", 0x5040e1, 0o4624),
    ],
    route: {
      climbRate: 11,
      waypoints: [
        ...DEPART_26,
        wp(at(LUKK, 205, 40), fl(100), kt(250)),
        wp(at(LUKK, 185, 120), fl(220), kt(390)),
        wp(at(R, 178, 215), fl(320), kt(450)),
      ],
    },
  },
  {
    id: "DEP-W",
    description: "Departures from runway 26 to Iași, Warsaw and Vienna via the north-west",
    targetClass: "airliner",
    transponder: "modeS",
    repeatEvery: TWENTY_MIN,
    start: 900,
    identities: [
      id("WZZ4402", 0x471f3b, 0o4631), id("MLD105", 0x5040d9, 0o4632),
      id("AUA658", 0x440a4d, 0o4633), id("LOT752", 0x48ae35, 0o4634),
    ],
    route: {
      climbRate: 11,
      waypoints: [
        ...DEPART_26,
        wp(at(LUKK, 285, 45), fl(110), kt(260)),
        wp(at(R, 300, 120), fl(250), kt(400)),
        wp(at(R, 312, 205), fl(340), kt(450)),
      ],
    },
  },
  {
    id: "OVF-NE",
    description: "Overflights north-east → south-west (notional airway, Kyiv direction toward Bucharest) at FL350",
    targetClass: "airliner",
    transponder: "modeS",
    repeatEvery: 900,
    start: 120,
    identities: [
      id("ROT256", 0x4a81f3, 0o5201), id("THY1LC", 0x4bb0a2, 0o5202),
      id("WZZ5AB", 0x4713c9, 0o5203), id("LOT3KW", 0x48ad07, 0o5204),
    ],
    route: {
      waypoints: [
        wp(at(R, 40, 225), fl(350), kt(460)),
        wp(at(R, 130, 35), fl(350), kt(460)),
        wp(at(R, 226, 225), fl(350), kt(460)),
      ],
    },
  },
  {
    id: "OVF-SE",
    description: "Overflights south-east → north-west (notional airway, Odesa direction toward Iași) at FL370",
    targetClass: "airliner",
    transponder: "modeS",
    repeatEvery: TWENTY_MIN,
    start: 450,
    identities: [
      id("THY5YN", 0x4bb2d6, 0o5211), id("AUA7C", 0x440b15, 0o5212),
      id("ROT9D", 0x4a8227, 0o5213),
    ],
    route: {
      waypoints: [
        wp(at(R, 122, 200), fl(370), kt(470)),
        wp(at(R, 20, 30), fl(370), kt(470)),
        wp(at(R, 292, 210), fl(370), kt(470)),
      ],
    },
  },
  {
    id: "GA-VFR",
    description: "Cessna 172 on a VFR local flight north-east of the city, Mode A/C transponder squawking 7000",
    targetClass: "lightAircraft",
    transponder: "modeAC",
    start: -200,
    identities: [{ mode3A: 0o7000 }],
    route: {
      loop: true,
      bankAngle: 30 * DEG,
      climbRate: 3,
      descentRate: 3,
      waypoints: [
        wp({ latDeg: 47.06, lonDeg: 29.0 }, 700, kt(105)),
        wp({ latDeg: 47.13, lonDeg: 29.04 }, 850, kt(105)),
        wp({ latDeg: 47.12, lonDeg: 29.17 }, 850, kt(110)),
        wp({ latDeg: 47.04, lonDeg: 29.14 }, 700, kt(105)),
      ],
    },
  },
  {
    id: "GA-NOXPDR",
    description: "Ultralight without transponder circling south-west of the city (non-cooperative, PSR only)",
    targetClass: "lightAircraft",
    transponder: "none",
    start: -90,
    route: {
      loop: true,
      bankAngle: 30 * DEG,
      waypoints: [
        wp({ latDeg: 46.93, lonDeg: 28.66 }, 500, kt(75)),
        wp({ latDeg: 46.97, lonDeg: 28.74 }, 500, kt(75)),
        wp({ latDeg: 46.92, lonDeg: 28.8 }, 500, kt(75)),
        wp({ latDeg: 46.88, lonDeg: 28.7 }, 500, kt(75)),
      ],
    },
  },
  {
    id: "UAS-1",
    description: "Small drone, 150 m above ground, 30 m/s, patrolling over the Dniester near Criuleni (non-cooperative)",
    targetClass: "drone",
    transponder: "none",
    start: -30,
    route: {
      loop: true,
      bankAngle: 30 * DEG,
      waypoints: [
        wp({ latDeg: 47.18, lonDeg: 29.08 }, 250, 30),
        wp({ latDeg: 47.2, lonDeg: 29.16 }, 250, 30),
        wp({ latDeg: 47.13, lonDeg: 29.19 }, 250, 30),
        wp({ latDeg: 47.12, lonDeg: 29.1 }, 250, 30),
      ],
    },
  },
  {
    id: "UAS-2",
    description: "Small drone, 200–250 m above ground, 22 m/s, out and back east of Anenii Noi (non-cooperative)",
    targetClass: "drone",
    transponder: "none",
    start: -400,
    route: {
      loop: true,
      bankAngle: 30 * DEG,
      climbRate: 2,
      descentRate: 2,
      waypoints: [
        wp({ latDeg: 46.9, lonDeg: 29.36 }, 300, 22),
        wp({ latDeg: 46.87, lonDeg: 29.12 }, 330, 22),
        wp({ latDeg: 46.85, lonDeg: 29.16 }, 330, 22),
        wp({ latDeg: 46.87, lonDeg: 29.38 }, 300, 22),
      ],
    },
  },
];

/** The built-in scenario definition (compile it with `compileScenario`). */
export const BUILTIN_SCENARIO: ScenarioSpec = {
  name: "Chișinău built-in",
  radars: [BUILTIN_RADAR],
  targets: BUILTIN_TARGETS,
};
