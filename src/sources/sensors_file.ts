/**
 * The sensors file: radar sites keyed by SAC/SIC, in YAML or JSON. Validated with zod; every
 * error names the file and the bad field.
 *
 * ```yaml
 * sensors:
 *   - id: "20/129"            # SAC/SIC (ASTERIX I048/010)
 *     name: Barcelona
 *     latDeg: 41.3007023      # WGS-84
 *     lonDeg: 2.1020582
 *     heightM: 27.257         # antenna height above mean sea level, metres
 *     rangeSigmaM: 40         # 1-sigma slant-range error
 *     azimuthSigmaDeg: 0.08   # 1-sigma azimuth error
 *     elevationSigmaDeg: 0.3  # optional, 3D radars
 *     modeCSigmaM: 30         # optional
 *     rotationPeriodS: 4      # optional antenna rotation period
 *     # optional, for `skywatch coverage`:
 *     antennaAglM: 30         # antenna above the terrain (used instead of heightM over a DEM)
 *     minElevationDeg: -0.5   # lowest elevation seen
 *     maxElevationDeg: 40     # cone of silence above
 *     maxRangeM: 250000       # instrumented slant range
 *     kFactor: 1.3333         # effective earth radius factor (default 4/3)
 * ```
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { fromDegrees } from "../geo/index.js";
import type { Sensor, SensorCoverage } from "../types/index.js";

const DEG = Math.PI / 180;

/** Schema of one sensor entry (edge units named in the keys). */
export const SensorEntrySchema = z.object({
  id: z.string().regex(/^\d{1,3}\/\d{1,3}$/, "must be \"SAC/SIC\", e.g. \"20/129\""),
  name: z.string().min(1).optional(),
  latDeg: z.number().min(-90).max(90),
  lonDeg: z.number().min(-180).max(180),
  heightM: z.number().min(-500).max(10000),
  rangeSigmaM: z.number().positive().max(10000).default(50),
  azimuthSigmaDeg: z.number().positive().max(10).default(0.1),
  elevationSigmaDeg: z.number().positive().max(10).optional(),
  modeCSigmaM: z.number().positive().max(1000).optional(),
  rotationPeriodS: z.number().positive().max(60).optional(),
  // Coverage audit (optional): antenna above ground, elevation limits, instrumented range, refraction.
  antennaAglM: z.number().min(0).max(1000).optional(),
  minElevationDeg: z.number().min(-10).max(90).optional(),
  maxElevationDeg: z.number().min(-10).max(90).optional(),
  maxRangeM: z.number().positive().max(2_000_000).optional(),
  kFactor: z.number().positive().max(10).optional(),
}).strict();

/** Schema of a sensors file. */
export const SensorsFileSchema = z.object({ sensors: z.array(SensorEntrySchema).min(1) }).strict();

/** A sensors file that is missing, unparsable or invalid. */
export class SensorsFileError extends Error {
  constructor(message: string, readonly file: string) {
    super(`${file}: ${message}`);
    this.name = "SensorsFileError";
  }
}

/** One validated entry → `Sensor` (SI units). */
export function sensorFromEntry(e: z.infer<typeof SensorEntrySchema>): Sensor {
  return {
    id: e.id,
    name: e.name ?? e.id,
    site: fromDegrees(e.latDeg, e.lonDeg, e.heightM),
    sigmas: {
      range: e.rangeSigmaM,
      azimuth: e.azimuthSigmaDeg * DEG,
      ...(e.elevationSigmaDeg !== undefined ? { elevation: e.elevationSigmaDeg * DEG } : {}),
      ...(e.modeCSigmaM !== undefined ? { modeC: e.modeCSigmaM } : {}),
    },
    ...(e.rotationPeriodS !== undefined ? { rotationPeriod: e.rotationPeriodS } : {}),
    ...(coverageOf(e) !== undefined ? { coverage: coverageOf(e) } : {}),
  };
}

/** The coverage-audit fields of an entry (SI), or undefined when it has none. */
function coverageOf(e: z.infer<typeof SensorEntrySchema>): SensorCoverage | undefined {
  const c: SensorCoverage = {
    ...(e.antennaAglM !== undefined ? { antennaAgl: e.antennaAglM } : {}),
    ...(e.minElevationDeg !== undefined ? { minElevation: e.minElevationDeg * DEG } : {}),
    ...(e.maxElevationDeg !== undefined ? { maxElevation: e.maxElevationDeg * DEG } : {}),
    ...(e.maxRangeM !== undefined ? { maxRange: e.maxRangeM } : {}),
    ...(e.kFactor !== undefined ? { k: e.kFactor } : {}),
  };
  return Object.keys(c).length > 0 ? c : undefined;
}

/** Parses sensors-file text (YAML, of which JSON is a subset). Throws SensorsFileError naming the bad field. */
export function parseSensors(text: string, file = "<sensors>"): Sensor[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new SensorsFileError(`not valid YAML/JSON: ${(e as Error).message}`, file);
  }
  const r = SensorsFileSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    throw new SensorsFileError(`${path}: ${issue.message}`, file);
  }
  const ids = new Set<string>();
  for (const s of r.data.sensors) {
    if (ids.has(s.id)) throw new SensorsFileError(`sensors: duplicate id ${s.id}`, file);
    ids.add(s.id);
  }
  return r.data.sensors.map(sensorFromEntry);
}

/** Reads and validates a sensors file. Throws SensorsFileError. */
export async function readSensorsFile(path: string): Promise<Sensor[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new SensorsFileError(`cannot read: ${(e as Error).message}`, path);
  }
  return parseSensors(text, path);
}
