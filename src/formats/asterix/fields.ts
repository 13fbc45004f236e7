/**
 * Typed access to decoded item values, for the modules that turn records into reports.
 * Every accessor returns undefined when the item or field is absent or of another type.
 */
import type { AsterixRecord, ItemObject, ItemValue } from "./decode.js";

/** An item (or sub-item) as an object, or undefined. */
export function obj(v: ItemValue | undefined): ItemObject | undefined {
  return v !== undefined && typeof v === "object" && !Array.isArray(v) ? v : undefined;
}

/** A numeric field of an object. */
export function num(o: ItemObject | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === "number" ? v : undefined;
}

/** A text field of an object. */
export function text(o: ItemObject | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === "string" ? v : undefined;
}

/** The number of a single-element item (`{ VALUE }`). */
export function value(rec: AsterixRecord, item: string): number | undefined {
  return num(obj(rec.items[item]), "VALUE");
}

/** The text of a single-element item (`{ VALUE }`), trailing spaces removed; undefined when empty. */
export function textValue(rec: AsterixRecord, item: string): string | undefined {
  const t = text(obj(rec.items[item]), "VALUE")?.trimEnd();
  return t ? t : undefined;
}

/** A field of an item: `field(rec, "040", "RHO")`. */
export function field(rec: AsterixRecord, item: string, name: string): number | undefined {
  return num(obj(rec.items[item]), name);
}

/** An octal code field ("7700") as a number. */
export function octal(rec: AsterixRecord, item: string, name: string): number | undefined {
  const t = text(obj(rec.items[item]), name);
  return t !== undefined ? parseInt(t, 8) : undefined;
}

/** A callsign from an ICAO 6-bit text field, trailing spaces removed; undefined when empty. */
export function callsign(rec: AsterixRecord, item: string, name: string): string | undefined {
  const t = text(obj(rec.items[item]), name)?.trimEnd();
  return t ? t : undefined;
}

/**
 * True for a WGS-84 latitude within ±90° and longitude within ±180° (degrees). The position
 * items' fields can hold more (I062/105 and I021/130 span ±180° of latitude or beyond); a
 * value outside is a wrong edition or a corrupt record, and its position is left out.
 */
export function validLatLon(latDeg: number, lonDeg: number): boolean {
  return Math.abs(latDeg) <= 90 && Math.abs(lonDeg) <= 180;
}
