/**
 * Scenario files (YAML or JSON): sensors, targets (explicit routes, traffic generators,
 * recorded trajectories), duration and seed, validated with zod; every error names the bad
 * field (`radars.0.rotationPeriodS: …`). Edge units are named in the keys (`Deg`, `M`, `S`,
 * `Mps`); the result is in SI. The same file and seed give byte-identical output.
 *
 * ```yaml
 * name: Crossing targets
 * seed: 1
 * durationS: 300
 * radars:
 *   - { sac: 98, sic: 1, name: Chișinău, latDeg: 47.02, lonDeg: 28.83, groundHeightM: 150, antennaHeightM: 15,
 *       rangeBiasM: 120, azimuthBiasDeg: 0.08, timeBiasS: 0 }   # optional systematic errors, default 0
 * adsbStations:
 *   - { sac: 98, sic: 10, name: ADS-B, latDeg: 47.0, lonDeg: 28.9, heightM: 200 }
 * targets:
 *   - id: A
 *     targetClass: airliner
 *     transponder: modeS
 *     icaoAddress: "504001"
 *     waypoints: [{ latDeg: 47, lonDeg: 28, altitudeM: 10000, speedMps: 230 }, { latDeg: 47, lonDeg: 30, altitudeM: 10000, speedMps: 230 }]
 * generators:
 *   - { kind: drones, count: 5, centre: { latDeg: 47.1, lonDeg: 29.0 }, radiusM: 20000 }
 * replays:
 *   - { file: ../shared/data/adsb/trajectories/opensky/opensky_statevectors_20220202_lyon.csv, moveTo: { latDeg: 47.5, lonDeg: 28.0 } }
 * ```
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DEG } from "../geo/index.js";
import type { AdsbStationSpec } from "./adsb.js";
import { GM200_DETECTION } from "./detection.js";
import { ScenarioError } from "./errors.js";
import type { RadarSpec } from "./radar.js";
import { replayOpenSky } from "./replay.js";
import { compileScenario, type CompiledScenario, type ScenarioSpec, type TargetSpec } from "./scenario.js";
import { generateTraffic, type GeneratorSpec } from "./traffic.js";

const latLon = z.object({ latDeg: z.number().min(-89).max(89), lonDeg: z.number().min(-180).max(180) }).strict();
const classes = z.enum(["airliner", "lightAircraft", "helicopter", "drone"]);

const RadarSchema = z.object({
  sac: z.number().int().min(0).max(255),
  sic: z.number().int().min(0).max(255),
  name: z.string().min(1),
  latDeg: z.number().min(-89).max(89),
  lonDeg: z.number().min(-180).max(180),
  groundHeightM: z.number().min(-500).max(9000),
  antennaHeightM: z.number().min(0).max(500).default(15),
  terrainHeightM: z.number().min(-500).max(9000).optional(),
  profile: z.enum(["gm200"]).default("gm200"),
  rotationPeriodS: z.number().min(1).max(6).default(4),
  instrumentedRangeM: z.number().positive().max(1_000_000).default(250_000),
  minRangeM: z.number().min(0).default(500),
  minElevationDeg: z.number().min(-10).max(10).default(-2),
  maxElevationDeg: z.number().min(10).max(90).default(70),
  sigmaRangeM: z.number().min(0).max(5000).default(50),
  sigmaAzimuthDeg: z.number().min(0).max(5).default(0.15),
  sigmaElevationDeg: z.number().min(0).max(5).default(0.3),
  detection: z.enum(["snr", "constant"]).default("snr"),
  referenceSnrDb: z.number().default(GM200_DETECTION.referenceSnrDb),
  referenceRangeM: z.number().positive().default(GM200_DETECTION.referenceRange),
  pfa: z.number().gt(0).lt(1).default(GM200_DETECTION.pfa),
  psrPd: z.record(classes, z.number().min(0).max(1)).optional(),
  ssrPd: z.number().min(0).max(1).default(0.99),
  clutterRatePerScan: z.number().min(0).max(10_000).default(0),
  sectors: z.number().int().min(1).max(64).default(16),
  // Systematic errors (registration biases), added to every plot: metres, degrees clockwise, seconds.
  rangeBiasM: z.number({ error: "range bias must be a number of metres" })
    .min(-5000, "range bias must be within ±5000 m").max(5000, "range bias must be within ±5000 m").default(0),
  azimuthBiasDeg: z.number({ error: "azimuth bias must be a number of degrees" })
    .min(-10, "azimuth bias must be within ±10°").max(10, "azimuth bias must be within ±10°").default(0),
  timeBiasS: z.number({ error: "time bias must be a number of seconds" })
    .min(-60, "time bias must be within ±60 s").max(60, "time bias must be within ±60 s").default(0),
}).strict();

const AdsbSchema = z.object({
  sac: z.number().int().min(0).max(255),
  sic: z.number().int().min(0).max(255),
  name: z.string().min(1),
  latDeg: z.number().min(-89).max(89),
  lonDeg: z.number().min(-180).max(180),
  heightM: z.number().min(-500).max(9000),
  rangeM: z.number().positive().max(1_000_000).default(370_400),
  positionRateHz: z.number().min(0).max(10).default(2),
  velocityRateHz: z.number().min(0).max(10).default(2),
  identificationRateHz: z.number().min(0).max(10).default(0.2),
  receptionProbability: z.number().min(0).max(1).default(0.9),
}).strict();

const WaypointSchema = z.object({
  latDeg: z.number().min(-89).max(89), lonDeg: z.number().min(-180).max(180),
  altitudeM: z.number().min(-500).max(25_000), speedMps: z.number().positive().max(1000),
  verticalRateMps: z.number().positive().max(200).optional(),
}).strict();

const TargetSchema = z.object({
  id: z.string().min(1),
  description: z.string().optional(),
  targetClass: classes,
  transponder: z.enum(["modeS", "modeAC", "none"]).default("none"),
  icaoAddress: z.string().regex(/^[0-9a-fA-F]{6}$/, "must be 6 hex digits").optional(),
  mode3A: z.string().regex(/^[0-7]{4}$/, "must be 4 octal digits").optional(),
  callsign: z.string().max(8).optional(),
  startS: z.number().default(0),
  repeatEveryS: z.number().positive().optional(),
  rcsM2: z.number().positive().max(10_000).optional(),
  nacp: z.number().int().min(0).max(11).optional(),
  adsb: z.boolean().default(true),
  loop: z.boolean().default(false),
  bankAngleDeg: z.number().gt(0).lt(90).optional(),
  climbRateMps: z.number().positive().optional(),
  descentRateMps: z.number().positive().optional(),
  waypoints: z.array(WaypointSchema).min(2),
}).strict();

const GeneratorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("airliners"), count: z.number().int().min(0).max(100_000), airports: z.array(z.string()).optional() }).strict(),
  z.object({ kind: z.enum(["lightAircraft", "drones"]), count: z.number().int().min(0).max(100_000), centre: latLon, radiusM: z.number().positive(), groundHeightM: z.number().optional() }).strict(),
  z.object({ kind: z.enum(["crossingPairs", "formationPairs"]), count: z.number().int().min(0).max(100_000), centre: latLon, radiusM: z.number().positive(), targetClass: classes.optional(), groundHeightM: z.number().optional() }).strict(),
]);

const ReplaySchema = z.object({
  file: z.string().min(1),
  stepS: z.number().positive().default(10),
  icao24: z.array(z.string()).optional(),
  timeOffsetS: z.number().default(0),
  moveTo: latLon.optional(),
}).strict();

/** Schema of a scenario file. */
export const ScenarioFileSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  seed: z.number().int().default(1),
  durationS: z.number().positive().max(7 * 86400),
  startTime: z.string().datetime({ offset: true }).default("2025-06-01T10:00:00Z"),
  radars: z.array(RadarSchema).default([]),
  adsbStations: z.array(AdsbSchema).default([]),
  referenceSensor: z.string().regex(/^\d{1,3}\/\d{1,3}$/).optional(),
  targets: z.array(TargetSchema).default([]),
  generators: z.array(GeneratorSchema).default([]),
  replays: z.array(ReplaySchema).default([]),
}).strict();

/** A scenario file after validation. */
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

/** A loaded simulation: the compiled scenario and the run settings of its file. */
export interface Simulation {
  name: string;
  description?: string;
  scenario: CompiledScenario;
  seed: number;
  /** Seconds to simulate. */
  duration: number;
  /** UTC seconds of scenario time 0. */
  startTime: number;
  /** The radar whose scans and ENU frame the neutral truth uses ("SAC/SIC"). */
  referenceSensor: string;
  /** Recorded flights skipped because their route could not be flown (with the reason). */
  skipped: string[];
}

function radarOf(r: z.infer<typeof RadarSchema>): RadarSpec {
  const spec: RadarSpec = {
    sac: r.sac, sic: r.sic, name: r.name, latDeg: r.latDeg, lonDeg: r.lonDeg, groundHeight: r.groundHeightM, antennaHeight: r.antennaHeightM,
    rotationPeriod: r.rotationPeriodS, instrumentedRange: r.instrumentedRangeM, minRange: r.minRangeM,
    minElevation: r.minElevationDeg * DEG, maxElevation: r.maxElevationDeg * DEG,
    sigmas: { range: r.sigmaRangeM, azimuth: r.sigmaAzimuthDeg * DEG, elevation: r.sigmaElevationDeg * DEG },
    ssrDetectionProbability: r.ssrPd, clutterRatePerScan: r.clutterRatePerScan, sectors: r.sectors,
    rangeBias: r.rangeBiasM, azimuthBias: r.azimuthBiasDeg * DEG, timeBias: r.timeBiasS,
  };
  if (r.terrainHeightM !== undefined) spec.terrainHeight = r.terrainHeightM;
  if (r.psrPd !== undefined) spec.psrDetectionProbability = r.psrPd;
  if (r.detection === "snr") spec.detectionModel = { pfa: r.pfa, referenceRange: r.referenceRangeM, referenceSnrDb: r.referenceSnrDb, referenceRcs: 1 };
  return spec;
}

function adsbOf(a: z.infer<typeof AdsbSchema>): AdsbStationSpec {
  return {
    sac: a.sac, sic: a.sic, name: a.name, latDeg: a.latDeg, lonDeg: a.lonDeg, height: a.heightM, range: a.rangeM,
    positionRate: a.positionRateHz, velocityRate: a.velocityRateHz, identificationRate: a.identificationRateHz, receptionProbability: a.receptionProbability,
  };
}

function targetOf(t: z.infer<typeof TargetSchema>): TargetSpec {
  const id = {
    ...(t.icaoAddress !== undefined ? { icaoAddress: Number.parseInt(t.icaoAddress, 16) } : {}),
    ...(t.mode3A !== undefined ? { mode3A: Number.parseInt(t.mode3A, 8) } : {}),
    ...(t.callsign !== undefined ? { callsign: t.callsign } : {}),
  };
  return {
    id: t.id, ...(t.description !== undefined ? { description: t.description } : {}), targetClass: t.targetClass, transponder: t.transponder,
    start: t.startS, ...(t.repeatEveryS !== undefined ? { repeatEvery: t.repeatEveryS } : {}), identities: [id],
    ...(t.rcsM2 !== undefined ? { rcs: t.rcsM2 } : {}), adsb: t.adsb ? { ...(t.nacp !== undefined ? { nacp: t.nacp } : {}) } : false,
    route: {
      loop: t.loop, ...(t.bankAngleDeg !== undefined ? { bankAngle: t.bankAngleDeg * DEG } : {}),
      ...(t.climbRateMps !== undefined ? { climbRate: t.climbRateMps } : {}), ...(t.descentRateMps !== undefined ? { descentRate: t.descentRateMps } : {}),
      waypoints: t.waypoints.map((w) => ({ latDeg: w.latDeg, lonDeg: w.lonDeg, altitude: w.altitudeM, speed: w.speedMps, ...(w.verticalRateMps !== undefined ? { verticalRate: w.verticalRateMps } : {}) })),
    },
  };
}

/**
 * Parses and validates a scenario file's text (YAML, of which JSON is a subset) and builds the
 * simulation. `readFile` reads replay recordings (paths as written in the file; resolve them
 * relative to the scenario file in the caller).
 * @throws ScenarioError naming the bad field (`name: message`), the bad target or the unreadable recording.
 */
export function loadScenario(text: string, readFile: (path: string) => string = () => { throw new ScenarioError("no file reader given for replays"); }): Simulation {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ScenarioError(`not YAML/JSON: ${(e as Error).message}`);
  }
  const parsed = ScenarioFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length > 0 ? i.path.join(".") : "(root)"}: ${i.message}`);
    throw new ScenarioError(first.join("; "));
  }
  const f = parsed.data;
  if (f.radars.length === 0 && f.adsbStations.length === 0) throw new ScenarioError("a scenario needs at least one radar or ADS-B station", "radars");
  const targets = f.targets.map(targetOf);
  f.generators.forEach((g, i) => {
    const spec: GeneratorSpec = g.kind === "airliners" ? g
      : { kind: g.kind, count: g.count, centre: g.centre, radius: g.radiusM, ...(g.groundHeightM !== undefined ? { groundHeight: g.groundHeightM } : {}), ...("targetClass" in g && g.targetClass !== undefined ? { targetClass: g.targetClass } : {}) } as GeneratorSpec;
    targets.push(...generateTraffic(spec, f.seed, f.durationS, i));
  });
  const skipped: string[] = [];
  f.replays.forEach((r, i) => {
    let text: string;
    try {
      text = readFile(r.file);
    } catch (e) {
      throw new ScenarioError(`cannot read ${r.file}: ${(e as Error).message}`, `replays.${i}.file`);
    }
    for (const t of replayOpenSky(text, { step: r.stepS, icao24: r.icao24, timeOffset: r.timeOffsetS, moveTo: r.moveTo }, r.file)) {
      try {
        compileScenario({ name: "check", radars: [], targets: [t] });
        targets.push(t);
      } catch (e) {
        skipped.push(`${t.id}: ${(e as Error).message}`);
      }
    }
  });
  const spec: ScenarioSpec = { name: f.name, radars: f.radars.map(radarOf), adsbStations: f.adsbStations.map(adsbOf), targets };
  const scenario = compileScenario(spec);
  const reference = f.referenceSensor ?? (f.radars[0] ? `${f.radars[0].sac}/${f.radars[0].sic}` : undefined);
  if (reference === undefined || !f.radars.some((r) => `${r.sac}/${r.sic}` === reference)) {
    throw new ScenarioError(`must name one of the radars (the neutral truth follows a radar's scans)`, "referenceSensor");
  }
  return {
    name: f.name, ...(f.description !== undefined ? { description: f.description } : {}), scenario, seed: f.seed, duration: f.durationS,
    startTime: Date.parse(f.startTime) / 1000, referenceSensor: reference, skipped,
  };
}
