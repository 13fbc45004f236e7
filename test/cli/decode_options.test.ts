/** `skywatch decode` filters (--cat, --sensor), --edition and --stats on real recordings. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ASTERIX_DATA, HAS_SHARED_DATA } from "../shared_data.js";
import { skywatch } from "./cli_helpers.js";

const lines = (s: string): Array<Record<string, unknown>> => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe.skipIf(!HAS_SHARED_DATA)("skywatch decode options", () => {
  const pcap = join(ASTERIX_DATA, "cat034_cat048_croatiacontrol.pcap");
  it("--cat and --sensor select records", () => {
    const r = skywatch("decode", pcap, "--cat", "48", "--sensor", "25/201");
    expect(r.status).toBe(0);
    const recs = lines(r.stdout);
    expect(recs.length).toBe(28);
    expect(recs.every((x) => x.category === 48 && x.sensorId === "25/201")).toBe(true);
  });
  it("--stats prints records per category and sensor with the time span", () => {
    const r = skywatch("decode", pcap, "--stats");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/CAT048 {4}25\/12 {10}38 {2}2016-05-05 07:35:55\.820/);
    expect(r.stdout).toMatch(/blocks 120, records 162, decode errors 0/);
  });
  it("--edition selects the CAT021 edition the data needs", () => {
    const f = join(ASTERIX_DATA, "cat021_v023_lebl_upc_160510_2200.ast");
    const wrong = skywatch("decode", f, "--stats", "--limit", "1");
    const right = skywatch("decode", f, "--stats", "--edition", "21=0.23");
    expect(right.stdout).toMatch(/decode errors 0/);
    expect(wrong.stdout).not.toMatch(/decode errors 0,/);
    expect(skywatch("decode", f, "--edition", "21=9.9").stderr).toMatch(/edition 9\.9 is not known/);
  });
});
