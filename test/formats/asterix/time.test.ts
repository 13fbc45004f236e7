import { describe, expect, it } from "vitest";
import { resolveTimeOfDay, TimeOfDayResolver } from "../../../src/formats/asterix/index.js";

const NOON = Date.UTC(2023, 4, 2, 12) / 1000;
const MIDNIGHT = Date.UTC(2023, 4, 2) / 1000;

describe("time of day resolution", () => {
  it("resolves every time of day of a date against its noon", () => {
    expect(resolveTimeOfDay(0.5, NOON)).toBe(MIDNIGHT + 0.5);
    expect(resolveTimeOfDay(86399, NOON)).toBe(MIDNIGHT + 86399);
  });
  it("follows a stream across midnight", () => {
    const r = new TimeOfDayResolver(NOON);
    expect(r.resolve(86399.5)).toBe(MIDNIGHT + 86399.5);
    expect(r.resolve(0.25)).toBe(MIDNIGHT + 86400.25);
    expect(r.resolve(10)).toBe(MIDNIGHT + 86410);
  });
  it("uses a container time when there is one", () => {
    const r = new TimeOfDayResolver(0);
    expect(r.resolve(3600, MIDNIGHT + 3601)).toBe(MIDNIGHT + 3600);
    expect(r.resolve(86399, MIDNIGHT + 86400 + 2)).toBe(MIDNIGHT + 86399);
  });
});
