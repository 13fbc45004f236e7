/**
 * CAT001 (monoradar target reports, the legacy format) and CAT002 (its service messages) →
 * `PlotReport` / `ServiceReport`.
 *
 * Source: EUROCONTROL ASTERIX Part 2a, Category 001 ed. 1.4: I001/010, I001/020 (TYP plot or
 * track, SSR/PSR), I001/040 polar position, I001/042 Cartesian position, I001/070 Mode 3/A,
 * I001/090 Mode C height, I001/141 truncated time of day, I001/161 track number, I001/200
 * track velocity. Category 002 ed. 1.1: I002/000 message type, I002/020 sector number,
 * I002/030 time of day, I002/041 antenna rotation period.
 */
import type { DetectionType, PlotReport, ServiceMessageType, ServiceReport } from "../../types/index.js";
import type { AsterixRecord } from "./decode.js";
import { field, obj, octal, value } from "./fields.js";
import { DEG, FL, NM } from "./units.js";

/** I001/020 SSRPSR codes → detection. */
const SSRPSR: DetectionType[] = ["none", "psr", "ssr", "ssr+psr"];

/** Converts a decoded CAT001 plot or track record; undefined when it carries no position. */
export function cat001ToPlot(rec: AsterixRecord, sensorId: string, time: number): PlotReport | undefined {
  let range = field(rec, "040", "RHO");
  let azimuthDeg = field(rec, "040", "THETA");
  if (range === undefined || azimuthDeg === undefined) {
    const x = field(rec, "042", "X");
    const y = field(rec, "042", "Y");
    if (x === undefined || y === undefined) return undefined;
    range = Math.hypot(x, y);
    azimuthDeg = ((Math.atan2(x, y) / DEG) + 360) % 360;
  }
  const d = obj(rec.items["020"]);
  const plot: PlotReport = {
    kind: "plot", sensorId, time, category: 1, range: range * NM, azimuth: azimuthDeg * DEG,
    detection: SSRPSR[(d?.SSRPSR as number | undefined) ?? 0],
  };
  if (d?.SPI === 1) plot.spi = true;
  if (d?.SIM === 1 || d?.TST === 1) plot.simulated = true;
  if (d?.RAB === 1) plot.fixedTransponder = true;
  const code = octal(rec, "070", "MODE3A");
  if (code !== undefined) {
    const m = obj(rec.items["070"])!;
    plot.mode3A = { code, validated: m.V === 0, garbled: m.G === 1, smoothed: m.L === 1 };
  }
  const hgt = field(rec, "090", "HGT");
  if (hgt !== undefined) {
    const m = obj(rec.items["090"])!;
    plot.modeC = { pressureAltitude: hgt * FL, validated: m.V === 0, garbled: m.G === 1 };
  }
  if (d?.TYP === 1) {
    const trn = value(rec, "161");
    if (trn !== undefined) plot.radarTrackNumber = trn;
    const gsp = field(rec, "200", "GSP");
    const hdg = field(rec, "200", "HDG");
    if (gsp !== undefined && hdg !== undefined) plot.radarVelocity = { groundSpeed: gsp * NM, heading: hdg * DEG };
  }
  return plot;
}

/** I002/000 message types (CAT002 ed. 1.1). */
const CAT002_TYPES: Record<number, ServiceMessageType> = { 1: "northMarker", 2: "sectorCrossing", 3: "southMarker" };

/** Converts a decoded CAT002 record. */
export function cat002ToService(rec: AsterixRecord, sensorId: string, time: number): ServiceReport {
  const report: ServiceReport = {
    kind: "service", sensorId, time, category: 2, messageType: CAT002_TYPES[value(rec, "000") ?? 0] ?? "unknown",
  };
  const sector = value(rec, "020");
  if (sector !== undefined) report.sectorAzimuth = sector * DEG;
  const period = value(rec, "041");
  if (period !== undefined) report.antennaRotationPeriod = period;
  return report;
}

/**
 * I001/141 is the time of day modulo 512 s (truncated): the full time (UTC s) whose time of day
 * is congruent to it and which lies nearest to `reference` (UTC s).
 */
export function untruncateTime(truncated: number, reference: number): number {
  const refTod = ((reference % 86400) + 86400) % 86400;
  const midnight = reference - refTod;
  const base = refTod - (refTod % 512);
  // Candidates: this day's 512 s periods around the reference, the next day's first and the
  // previous day's last (86,400 s is not a multiple of 512).
  const lastPeriod = Math.floor((86400 - truncated) / 512) * 512;
  const candidates = [base - 512, base, base + 512]
    .filter((x) => x >= 0 && x + truncated < 86400)
    .map((x) => midnight + x + truncated);
  candidates.push(midnight + 86400 + truncated, midnight - 86400 + lastPeriod + truncated);
  let best = candidates[0];
  for (const c of candidates) if (Math.abs(c - reference) < Math.abs(best - reference)) best = c;
  return best;
}
