import { describe, expect, it } from "vitest";
import { parseSensors, SensorsFileError } from "../../src/sources/index.js";

const GOOD = `
sensors:
  - id: "20/129"
    name: Barcelona
    latDeg: 41.3007023
    lonDeg: 2.1020582
    heightM: 27.257
    rangeSigmaM: 40
    azimuthSigmaDeg: 0.08
    rotationPeriodS: 4
`;

describe("sensors file", () => {
  it("reads YAML into SI units", () => {
    const [s] = parseSensors(GOOD, "s.yaml");
    expect(s.id).toBe("20/129");
    expect(s.site.lat).toBeCloseTo((41.3007023 * Math.PI) / 180, 12);
    expect(s.site.height).toBe(27.257);
    expect(s.sigmas.azimuth).toBeCloseTo((0.08 * Math.PI) / 180, 15);
    expect(s.rotationPeriod).toBe(4);
  });
  it("reads JSON", () => {
    const s = parseSensors(JSON.stringify({ sensors: [{ id: "1/2", latDeg: 47, lonDeg: 28.8, heightM: 100 }] }));
    expect(s[0].sigmas.range).toBe(50);
    expect(s[0].name).toBe("1/2");
  });
  it.each([
    ["sensors:\n  - id: 20-129\n    latDeg: 1\n    lonDeg: 2\n    heightM: 3", /sensors\.0\.id/],
    ["sensors:\n  - id: \"1/2\"\n    latDeg: 95\n    lonDeg: 2\n    heightM: 3", /sensors\.0\.latDeg/],
    ["sensors:\n  - id: \"1/2\"\n    latDeg: 1\n    lonDeg: 2", /sensors\.0\.heightM/],
    ["sensors:\n  - id: \"1/2\"\n    latDeg: 1\n    lonDeg: 2\n    heightM: 3\n    colour: red", /colour/],
    ["sensors: [", /not valid YAML/],
    ["sensors: []", /sensors/],
    ["sensors:\n  - {id: \"1/2\", latDeg: 1, lonDeg: 2, heightM: 3}\n  - {id: \"1/2\", latDeg: 1, lonDeg: 2, heightM: 3}", /duplicate id 1\/2/],
  ])("refuses %j naming the bad field", (text, pattern) => {
    expect(() => parseSensors(text, "bad.yaml")).toThrow(SensorsFileError);
    expect(() => parseSensors(text, "bad.yaml")).toThrow(pattern);
    expect(() => parseSensors(text, "bad.yaml")).toThrow(/^bad\.yaml: /);
  });
});
