/**
 * The ASTERIX category editions Skywatch knows, and the choice of edition per category
 * (and optionally per sensor SAC/SIC, since the edition cannot be read from the data).
 */
import { compileCategory, type CompiledCategory } from "./decode.js";
import type { CategorySpec } from "./spec.js";
import { HAND_WRITTEN_EDITIONS } from "./specs/hand_written.js";
import { GENERATED_EDITIONS } from "./specs/index.js";

/**
 * Every edition table, by category then edition: the generated ones (asterix-specs) and the
 * hand-written ones (`specs/hand_written.ts`: editions asterix-specs lacks, e.g. CAT062 0.17).
 */
export const EDITIONS: Record<number, Record<string, CategorySpec>> = mergeEditions(GENERATED_EDITIONS, HAND_WRITTEN_EDITIONS);

/** The union of two edition catalogues; throws Error when both define the same category edition. */
function mergeEditions(
  a: Record<number, Record<string, CategorySpec>>, b: Record<number, Record<string, CategorySpec>>,
): Record<number, Record<string, CategorySpec>> {
  const out: Record<number, Record<string, CategorySpec>> = {};
  for (const [cat, eds] of Object.entries(a)) out[Number(cat)] = { ...eds };
  for (const [cat, eds] of Object.entries(b)) {
    const into = (out[Number(cat)] ??= {});
    for (const [ed, spec] of Object.entries(eds)) {
      if (into[ed]) throw new Error(`CAT${cat} edition ${ed} is defined twice`);
      into[ed] = spec;
    }
  }
  return out;
}

/**
 * The edition used for a category unless configured otherwise: the current edition of each
 * category as surveillance networks carry it (and as Wireshark decodes by default). CAT021's
 * edition cannot be read from the data: configure 0.23/0.26/1.8/2.1 sources explicitly (and
 * CAT062 0.17 ones, pre-2009 SDPSs).
 */
export const DEFAULT_EDITIONS: Record<number, string> = {
  1: "1.4",
  2: "1.1",
  8: "1.3",
  10: "1.1",
  19: "1.3",
  20: "1.10",
  21: "2.6",
  23: "1.3",
  34: "1.29",
  48: "1.31",
  62: "1.19",
  63: "1.6",
  65: "1.5",
  247: "1.3",
};

/** Edition choices: per category ("48" → "1.27") and per sensor and category ("20/129:48" → "1.27"). */
export interface EditionChoice {
  byCategory?: Record<number, string>;
  bySensor?: Record<string, string>;
}

/** Looks up compiled decoders by category (and sensor); compiles each edition once. */
export class CategoryRegistry {
  private readonly cache = new Map<string, CompiledCategory>();
  /** Decoders by category when no sensor decides (null: not supported), filled on first use. */
  private readonly plain: Array<CompiledCategory | null | undefined> = new Array(256).fill(undefined);
  private readonly choice: EditionChoice;
  private readonly perSensor: boolean;

  /** Throws RangeError when a configured edition is unknown. */
  constructor(choice: EditionChoice = {}) {
    this.choice = choice;
    this.perSensor = Object.keys(choice.bySensor ?? {}).length > 0;
    for (const [cat, ed] of Object.entries(choice.byCategory ?? {})) this.check(Number(cat), ed);
    for (const [key, ed] of Object.entries(choice.bySensor ?? {})) this.check(Number(key.split(":")[1]), ed);
  }

  private check(cat: number, edition: string): void {
    if (!EDITIONS[cat]?.[edition]) {
      const known = Object.keys(EDITIONS[cat] ?? {}).join(", ") || "none";
      throw new RangeError(`CAT${String(cat).padStart(3, "0")} edition ${edition} is not known (known: ${known})`);
    }
  }

  /** True when some edition is chosen per sensor (then each record's SAC/SIC is looked at first). */
  hasSensorChoices(): boolean {
    return this.perSensor;
  }

  /** Categories this registry can decode. */
  categories(): number[] {
    return Object.keys(EDITIONS).map(Number);
  }

  /** The compiled decoder for a category, or undefined when the category is not supported. */
  get(category: number, sensorId?: string): CompiledCategory | undefined {
    if ((sensorId === undefined || !this.perSensor) && (category & 255) === category) {
      const known = this.plain[category];
      if (known !== undefined) return known ?? undefined;
      const c = this.lookUp(category, undefined);
      this.plain[category] = c ?? null;
      return c;
    }
    return this.lookUp(category, sensorId);
  }

  private lookUp(category: number, sensorId: string | undefined): CompiledCategory | undefined {
    const eds = EDITIONS[category];
    if (!eds) return undefined;
    const edition =
      (sensorId !== undefined ? this.choice.bySensor?.[`${sensorId}:${category}`] : undefined) ??
      this.choice.byCategory?.[category] ??
      DEFAULT_EDITIONS[category];
    const key = `${category}:${edition}`;
    let c = this.cache.get(key);
    if (!c) {
      c = compileCategory(eds[edition]);
      this.cache.set(key, c);
    }
    return c;
  }
}
