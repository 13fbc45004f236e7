/**
 * A recording decoded with the wrong edition fails block after block; `skywatch decode` then
 * says so and names the `--edition` option, and says nothing once the right edition is chosen.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ASTERIX_DATA, HAS_SHARED_DATA } from "../shared_data.js";
import { skywatch } from "./cli_helpers.js";

const FILE = join(ASTERIX_DATA, "cat062_croatiacontrol_2008.pcap");

describe.skipIf(!HAS_SHARED_DATA)("skywatch decode: edition hint", () => {
  it("warns on the 2008 CAT062 capture read as 1.19 and names the editions", () => {
    const r = skywatch("decode", "--stats", FILE);
    expect(r.stderr).toMatch(/warning: 87 CAT062 blocks failed to decode \(48 records decoded\): the recording may be in another CAT062 edition/);
    expect(r.stderr).toMatch(/known: [0-9., ]*0\.17\./);
    expect(r.stderr).toMatch(/--edition 62=ED/);
  });

  it("leaves out the impossible positions a wrong edition decodes", () => {
    const r = skywatch("decode", "--reports", FILE);
    const lines = r.stdout.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l) as { latDeg?: number; lonDeg?: number });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      if (l.latDeg !== undefined) expect(Math.abs(l.latDeg)).toBeLessThanOrEqual(90);
      if (l.lonDeg !== undefined) expect(Math.abs(l.lonDeg)).toBeLessThanOrEqual(180);
    }
  });

  it("track says that system tracks are not its input", () => {
    const dir = mkdtempSync(join(tmpdir(), "skywatch-edition-"));
    const sensors = join(dir, "sensors.yaml");
    writeFileSync(sensors, 'sensors:\n  - id: "25/100"\n    name: Zagreb\n    latDeg: 45.8\n    lonDeg: 16.0\n    heightM: 100\n    rangeSigmaM: 40\n    azimuthSigmaDeg: 0.08\n');
    const r = skywatch("track", FILE, "--edition", "62=0.17", "--sensors", sensors, "--out", join(dir, "tracks.ndjson"));
    expect(r.stderr).toMatch(/warning: 100 system-track reports \(CAT062 and the like\) were read and not used/);
    expect(r.status).toBe(1);
  });

  it("is quiet with the right edition", () => {
    const r = skywatch("decode", "--stats", "--edition", "62=0.17", FILE);
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.stdout).toMatch(/records 100, decode errors 0/);
  });
});

describe("skywatch decode: an empty recording", () => {
  it("says it is empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "skywatch-empty-"));
    const file = join(dir, "empty.ast");
    writeFileSync(file, "");
    const r = skywatch("decode", file);
    expect(r.stderr).toMatch(/recording .*empty\.ast is empty/);
    expect(r.status).toBe(1);
  });
});
