/**
 * The 168 known-answer vectors of `../shared/data/adsb/modes_vectors.json`, each its own test
 * case. Every expected field is compared (integers exactly, floats to the printed precision
 * unless the vector gives a tolerance); a field the test does not know fails the case.
 * Conventions from the file's notes: the vertical-rate source bit follows the book
 * (0 = GNSS); `source_vr_label` is the source's own (opposite) label and is informational;
 * `plausible: false` messages must be flagged by the aircraft state store.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_DATA } from "../../shared_data.js";
import { viewOf, type Vector } from "./vector_view.js";
import { positionOf, plausibleOf } from "./vector_context.js";

const FILE = resolve(SHARED_DATA, "adsb/modes_vectors.json");
const HAS = existsSync(FILE);
const vectors: Vector[] = HAS ? (JSON.parse(readFileSync(FILE, "utf8")) as { vectors: Vector[] }).vectors : [];

/** Fields that carry tolerances or provenance, not values. */
const META = new Set(["tol_pos_deg", "tol_angle_deg", "tol", "tol_rel", "source_vr_label"]);
const ANGLES = new Set(["track_deg", "heading_deg", "selected_heading_deg", "magnetic_heading_deg", "true_track_deg", "wind_direction_deg"]);

function decimals(x: number): number {
  const s = String(x);
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

function compareNumber(key: string, actual: unknown, expected: number, v: Vector): void {
  expect(typeof actual, `${key}: expected a number, got ${JSON.stringify(actual)}`).toBe("number");
  const a = actual as number;
  const tol = (v.expect.tol as Record<string, number> | undefined)?.[key];
  // Integers: the sources print whole units, some rounding and some truncating (pyModeS and
  // adsb_deku truncate speeds), so any value within one unit matches; floats: half a unit of
  // the last printed digit.
  let allowed = tol ?? (Number.isInteger(expected) ? 1 - 1e-9 : 0.5 * 10 ** -decimals(expected) + 1e-9);
  if (ANGLES.has(key) && typeof v.expect.tol_angle_deg === "number") allowed = Math.max(allowed, v.expect.tol_angle_deg);
  let diff = Math.abs(a - expected);
  if (ANGLES.has(key)) diff = Math.min(diff, 360 - diff);
  expect(diff, `${key}: got ${a}, expected ${expected} ± ${allowed}`).toBeLessThanOrEqual(allowed);
  if (Number.isInteger(expected) && tol === undefined && !ANGLES.has(key)) {
    // …but never on the wrong side by rounding both ways: floor or round of the value must give it.
    expect(Math.floor(a + 1e-9) === expected || Math.round(a) === expected, `${key}: ${a} neither rounds nor truncates to ${expected}`).toBe(true);
  }
}

function comparePosition(key: string, actual: { lat: number; lon: number } | null, expected: { lat: number; lon: number } | null, v: Vector, tolDeg?: number): void {
  if (expected === null) {
    expect(actual, `${key}: must be rejected`).toBeNull();
    return;
  }
  expect(actual, `${key}: no position decoded`).not.toBeNull();
  const a = actual as { lat: number; lon: number };
  for (const c of ["lat", "lon"] as const) {
    const e = expected[c];
    let allowed = tolDeg ?? (typeof v.expect.tol_pos_deg === "number" ? v.expect.tol_pos_deg : 0.5 * 10 ** -decimals(e) + 1e-9);
    if (typeof v.expect.tol_rel === "number") allowed = Math.abs(e) * v.expect.tol_rel;
    expect(Math.abs(a[c] - e), `${key}.${c}: got ${a[c]}, expected ${e} ± ${allowed}`).toBeLessThanOrEqual(allowed);
  }
}

describe.skipIf(!HAS)("Mode S / ADS-B known-answer vectors", () => {
  it("the file holds 168 vectors", () => {
    expect(vectors.length).toBe(168);
  });
  for (const v of vectors) {
    it(`#${v.id} ${v.hex} (${v.source.split(" ").slice(0, 2).join(" ")})`, () => {
      const { o } = viewOf(v);
      const pos = positionOf(v, vectors);
      for (const [key, exp] of Object.entries(v.expect)) {
        if (META.has(key)) continue;
        if (key === "position" || key === "position_approx") {
          comparePosition(key, pos.position, exp as { lat: number; lon: number } | null, v);
        } else if (key === "position_near") {
          const e = exp as { lat: number; lon: number; tol_deg: number };
          comparePosition(key, pos.position, e, v, e.tol_deg);
        } else if (["lat_even", "lat_odd", "nl", "j", "m"].includes(key)) {
          const field = ({ lat_even: "latEvenDeg", lat_odd: "latOddDeg", nl: "nl", j: "j", m: "m" } as const)[key as "nl"];
          compareNumber(key, pos.solution?.[field], exp as number, v);
        } else if (key === "plausible") {
          expect(plausibleOf(v, vectors), "plausibility verdict").toBe(exp);
        } else {
          expect(key in o, `field ${key} not produced`).toBe(true);
          const a = o[key];
          if (exp === null) expect(a ?? null, key).toBeNull();
          else if (typeof exp === "number") compareNumber(key, a, exp, v);
          else if (exp === "per hour" || exp === "per sample") expect(a, key).toBe(exp === "per hour" ? 0 : 1);
          else expect(a, key).toEqual(exp);
        }
      }
    });
  }
});
