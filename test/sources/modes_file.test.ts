/**
 * Mode S recording files through `readModeSFile`: the format is told by content for every
 * kind in `../shared/data/adsb` (Beast, AVR, AVR-MLAT, SBS-1, hex logs, SeRo JSON, raw I/Q),
 * each decodes to reports, and a file that is none of them is refused with a typed error.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { modeSFileFormat, readModeSFile, SourceError, type ModeSFileStats } from "../../src/sources/index.js";
import type { SensorReport } from "../../src/types/index.js";
import { SHARED_DATA } from "../shared_data.js";

const ADSB = resolve(SHARED_DATA, "adsb");

async function readAll(path: string, opts = {}): Promise<{ reports: SensorReport[]; stats: ModeSFileStats }> {
  const reports: SensorReport[] = [];
  let stats: ModeSFileStats | undefined;
  for await (const r of readModeSFile(path, { referenceTime: 1.6e9, ...opts }, (s) => (stats = s))) reports.push(r);
  return { reports, stats: stats! };
}

const CASES: Array<[string, string, (r: SensorReport[], s: ModeSFileStats) => void]> = [
  ["raw/beast/traffic_sample_dump1090.beast.bin", "beast", (r, s) => {
    expect(s.receiver!.framing).toMatchObject({ frames: 239, corrupt: 0 });
    expect(r.some((x) => x.kind === "adsb" && x.icaoAddress === 0x48520a)).toBe(true);
  }],
  ["derived/modes1_dump1090mut.beast-notimestamp.bin", "beast", (r, s) => {
    expect(s.receiver!.framing).toMatchObject({ frames: 319, corrupt: 0 });
    expect(r.filter((x) => x.kind === "adsb").length).toBeGreaterThan(60);
  }],
  ["derived/modes1_dump1090mut.avr.txt", "avr", (r, s) => {
    expect(s.receiver!.framing).toMatchObject({ frames: 319, corrupt: 0 });
    expect(r.filter((x) => x.kind === "adsb").length).toBeGreaterThan(60);
  }],
  ["derived/modes1_dump1090mut.avr-mlat.txt", "avr", (r, s) => {
    expect(s.receiver!.framing).toMatchObject({ frames: 319, corrupt: 0 });
    const times = r.map((x) => x.time);
    expect(Math.max(...times)).toBeGreaterThan(Math.min(...times)); // counters give distinct times
  }],
  ["derived/modes1_dump1090mut.sbs.csv", "sbs", (r) => {
    expect(r.filter((x) => x.kind === "adsb").length).toBe(76);
  }],
  ["derived/traffic_sample_dump1090_mut.sbs.csv", "sbs", (r) => {
    expect(r.filter((x) => x.kind === "adsb").length).toBe(3);
  }],
  ["raw/hex/pymodes_sample_data_adsb.csv", "hexlog", (r) => {
    expect(r.filter((x) => x.kind === "adsb").length).toBe(933);
  }],
  ["raw/hex/pymodes_sample_data_commb_df20.csv", "hexlog", (_r, s) => {
    expect(s.messages).toBe(5000);
    // Comm-B replies only: their addresses were never proved by an all-call or squitter here.
    expect(s.store.unknownAddress).toBe(5000);
  }],
  ["raw/hex/rs1090_short_flights.csv", "hexlog", (r) => {
    expect(new Set(r.map((x) => (x as { icaoAddress: number }).icaoAddress)).size).toBe(7);
  }],
  ["raw/sero/sero_grx1090_20221005_a53436_dca.json", "sero", (r) => {
    expect(r.filter((x) => x.kind === "adsb").length).toBeGreaterThan(50);
  }],
  ["raw/iq/antirez_modes1.bin", "iq", (r, s) => {
    expect(s.messages).toBeGreaterThanOrEqual(200);
    expect(r.some((x) => x.kind === "adsb" && x.icaoAddress === 0x4d2023)).toBe(true);
  }],
];

describe.skipIf(!existsSync(ADSB))("Mode S recordings", () => {
  for (const [file, format, check] of CASES) {
    it(`${file} is read as ${format}`, async () => {
      const path = resolve(ADSB, file);
      expect(modeSFileFormat(new Uint8Array(readFileSync(path)).subarray(0, 4096), path)).toBe(format);
      const { reports, stats } = await readAll(path);
      expect(stats.format).toBe(format);
      check(reports, stats);
    });
  }
});

describe("files that are not Mode S recordings", () => {
  it("are refused with a SourceError; ASTERIX is not mistaken for Mode S", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skywatch-modes-"));
    const junk = join(dir, "junk.dat");
    writeFileSync(junk, Buffer.from([0x30, 0x00, 0x30, 0xfd, 0xf7, 0x02, 0x19, 0xc9]));
    await expect(readAll(junk)).rejects.toBeInstanceOf(SourceError);
    await expect(readAll(join(dir, "missing.bin"))).rejects.toBeInstanceOf(SourceError);
    const ast = resolve(SHARED_DATA, "asterix/cat048_lebl_upc_230502_0800.ast");
    if (existsSync(ast)) expect(modeSFileFormat(new Uint8Array(readFileSync(ast)).subarray(0, 4096), ast)).toBeUndefined();
  });

  it("counts lines of a hex log that are not messages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skywatch-modes-"));
    const f = join(dir, "log.csv");
    writeFileSync(f, "1457996400,\"8D406B902015A678D4D220AA4BDA\",\"406B90\",4\nnot a line\n1457996401,8D406B902015A678D4D220AA4BDA\n");
    const { stats } = await readAll(f);
    expect(stats).toMatchObject({ format: "hexlog", messages: 2, badEntries: 1 });
  });
});
