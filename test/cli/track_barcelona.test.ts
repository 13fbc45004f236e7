/**
 * `skywatch track` on the real Barcelona recording (CAT048, SAC 20/SIC 129, 2023-05-02
 * 08:00–09:00 UTC, 44,085 plots) with the published radar site: the tracks must be
 * plausible. Counts are printed for the record.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ASTERIX_DATA, HAS_SHARED_DATA, REPO_ROOT } from "../shared_data.js";
import { skywatch } from "./cli_helpers.js";

interface Line {
  event: string;
  trackNumber: number;
  status: string;
  latDeg: number;
  lonDeg: number;
  groundSpeedMps: number;
  flightLevel?: number;
  icaoAddress?: string;
  lastUpdateTime: number;
}

/** LEBL aerodrome reference point (AIP Spain AD 2 LEBL). */
const LEBL = { latDeg: 41.2971, lonDeg: 2.0785 };

function distanceM(a: { latDeg: number; lonDeg: number }, b: { latDeg: number; lonDeg: number }): number {
  const r = Math.PI / 180;
  const dn = (b.latDeg - a.latDeg) * r;
  const de = (b.lonDeg - a.lonDeg) * r * Math.cos(a.latDeg * r);
  return 6_371_000 * Math.hypot(dn, de);
}

describe.skipIf(!HAS_SHARED_DATA)("skywatch track on the Barcelona recording", () => {
  it("produces plausible confirmed tracks", () => {
    const out = join(mkdtempSync(join(tmpdir(), "skywatch-bcn-")), "tracks.ndjson");
    const r = skywatch("track", join(ASTERIX_DATA, "cat048_lebl_upc_230502_0800.ast"),
      "--sensors", join(REPO_ROOT, "examples/barcelona.sensors.yaml"), "--date", "2023-05-02", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Line);
    const byTrack = new Map<number, Line[]>();
    for (const l of lines) {
      if (!byTrack.has(l.trackNumber)) byTrack.set(l.trackNumber, []);
      byTrack.get(l.trackNumber)!.push(l);
    }
    const confirmed = [...byTrack.values()].filter((ls) => ls.some((l) => l.status === "confirmed"));

    // 1. No confirmed or coasting track faster than 350 m/s (680 kt).
    const fastest = Math.max(...lines.filter((l) => l.status === "confirmed" || l.status === "coasting").map((l) => l.groundSpeedMps));

    // 2. Each Mode S address is held by one track: per appearance of the address (plots no more than
    //    120 s apart), the share of its plot updates that went to its main track.
    const plotsByAddress = new Map<string, Array<{ t: number; track: number }>>();
    for (const l of lines) {
      if (!l.icaoAddress || !["initiated", "updated", "confirmed"].includes(l.event)) continue;
      if (!plotsByAddress.has(l.icaoAddress)) plotsByAddress.set(l.icaoAddress, []);
      plotsByAddress.get(l.icaoAddress)!.push({ t: l.lastUpdateTime, track: l.trackNumber });
    }
    const shares: number[] = [];
    for (const plots of plotsByAddress.values()) {
      plots.sort((a, b) => a.t - b.t);
      let seg: typeof plots = [];
      const close = (): void => {
        if (seg.length >= 10) {
          const counts = new Map<number, number>();
          for (const p of seg) counts.set(p.track, (counts.get(p.track) ?? 0) + 1);
          shares.push(Math.max(...counts.values()) / seg.length);
        }
        seg = [];
      };
      for (const p of plots) {
        if (seg.length > 0 && p.t - seg[seg.length - 1].t > 120) close();
        seg.push(p);
      }
      close();
    }
    const heldShare = shares.filter((s) => s >= 0.9).length / shares.length;

    // 3. Arrivals (from above FL50 down to the ground) end near the LEBL runways.
    const arrivals: number[] = [];
    for (const ls of confirmed) {
      const fls = ls.filter((l) => l.flightLevel !== undefined).map((l) => l.flightLevel!);
      if (fls.length < 20 || fls[0] < 50 || fls[fls.length - 1] > 10) continue;
      const last = ls.filter((l) => l.event !== "deleted" && l.status !== "coasting").at(-1)!;
      arrivals.push(distanceM(LEBL, last));
    }
    const meanShare = shares.reduce((a, b) => a + b, 0) / shares.length;
    console.log(
      `Barcelona: ${byTrack.size} tracks, ${confirmed.length} confirmed; fastest confirmed ${fastest.toFixed(1)} m/s; ` +
      `${plotsByAddress.size} Mode S addresses in ${shares.length} appearances, ${(heldShare * 100).toFixed(1)}% held ≥ 90% ` +
      `by one track (mean share ${(meanShare * 100).toFixed(2)}%); ${arrivals.length} arrivals ending ` +
      `${Math.min(...arrivals).toFixed(0)}–${Math.max(...arrivals).toFixed(0)} m from the LEBL reference point\n${r.stderr.trim()}`,
    );
    expect(confirmed.length).toBeGreaterThan(150);
    expect(fastest).toBeLessThanOrEqual(350);
    expect(shares.length).toBeGreaterThan(150);
    expect(heldShare).toBeGreaterThanOrEqual(0.98);
    expect(arrivals.length).toBeGreaterThanOrEqual(15);
    for (const d of arrivals) expect(d).toBeLessThan(3000);
  });
});
