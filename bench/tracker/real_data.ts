/**
 * Section 3 — real data: the Barcelona CAT048 recording (`../shared/data/asterix/
 * cat048_lebl_upc_230502_0800.ast`, Mode S radar SAC 20 / SIC 129, 2023-05-02 08:00–09:00 UTC)
 * with the published site (`examples/barcelona.sensors.yaml`), played as `skywatch track` plays
 * it (one tracker, `tick` once a second of data). For each Mode S address, the share of its
 * plots held by its most common track (`address_share.ts`). Goal (issue #6): every address
 * ≥ 98%. Also printed, for context: the same per appearance (plots more than 120 s apart start
 * a new appearance; appearances of ≥ 10 plots), as `test/cli/track_barcelona.test.ts` counts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AsterixDecoderStream } from "../../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../../src/formats/asterix/framing/index.js";
import { dateReference, parseSensors } from "../../src/sources/index.js";
import { createTracker } from "../../src/tracking/index.js";
import type { SensorReport, TrackUpdate } from "../../src/types/index.js";
import { addressShares, attributePlots, shareSummary, type AddressPlot, type PlotUpdate } from "./address_share.js";
import { REPO_ROOT, SHARED_DATA } from "./paths.js";
import { fmt, fmtInt, fmtPct, goalsTable, heading, table, type Goal, type SectionResult } from "./report.js";

const RECORDING = join(SHARED_DATA, "asterix", "cat048_lebl_upc_230502_0800.ast");
const SENSORS = join(REPO_ROOT, "examples", "barcelona.sensors.yaml");
const DATE = "2023-05-02";
/** Goal: share of each address's plots held by its main track. */
const THRESHOLD = 0.98;
const PLOT_EVENTS = new Set<TrackUpdate["event"]>(["initiated", "updated", "confirmed"]);

/** Decodes the recording into reports (file order). */
function readReports(): SensorReport[] {
  const buf = new Uint8Array(readFileSync(RECORDING));
  const decoder = new AsterixDecoderStream({ referenceTime: dateReference(DATE) });
  const reports: SensorReport[] = [];
  for (const x of frameBlocks(buf, detectFraming(buf))) if (x.kind === "block") for (const r of decoder.decode(x).reports) reports.push(r);
  return reports;
}

/** Runs section 3 and prints its tables; returns the figures. */
export function realDataSection(): SectionResult {
  console.log(heading("3. Real data: Barcelona CAT048 (Mode S addresses held by one track)"));
  if (!existsSync(RECORDING)) {
    const why = `${RECORDING} not found (the shared data folder is absent)`;
    console.log(`skipped: ${why}`);
    return { section: "realdata", goals: [], figures: {}, skipped: why };
  }
  const reports = readReports();
  const sensors = parseSensors(readFileSync(SENSORS, "utf8"), SENSORS);
  const plots: AddressPlot[] = [];
  for (const r of reports) if (r.kind === "plot" && r.icaoAddress !== undefined) plots.push({ address: r.icaoAddress, time: r.time });
  const updates: PlotUpdate[] = [];
  const take = (us: TrackUpdate[]): void => {
    for (const u of us) {
      if (PLOT_EVENTS.has(u.event)) updates.push({ trackNumber: u.track.trackNumber, address: u.track.identity.icaoAddress, lastUpdateTime: u.track.lastUpdateTime });
    }
  };
  const tracker = createTracker(sensors);
  const t0 = performance.now();
  let last = -Infinity;
  for (const r of reports) {
    take(tracker.process(r));
    if (r.time - last >= 1) {
      last = r.time;
      take(tracker.tick(r.time));
    }
  }
  if (Number.isFinite(last)) take(tracker.tick(last + 3600));
  const seconds = (performance.now() - t0) / 1000;
  const st = tracker.stats();
  const trackOf = attributePlots(plots, updates);
  const unattributed = trackOf.reduce((n, t) => n + (t < 0 ? 1 : 0), 0);
  const perAddress = addressShares(plots, trackOf);
  const all = shareSummary(perAddress, THRESHOLD);
  const ten = shareSummary(perAddress.filter((s) => s.plots >= 10), THRESHOLD);
  const appearances = addressShares(plots, trackOf, { gapS: 120, minPlots: 10 });
  const app = shareSummary(appearances, THRESHOLD);
  const nPlots = reports.filter((r) => r.kind === "plot").length;
  console.log(`${fmtInt(nPlots)} plots (${fmtInt(plots.length)} with a Mode S address, ${perAddress.length} addresses) tracked in ${fmt(seconds, 2)} s ` +
    `(${fmtInt(nPlots / seconds)} plots/s, one run); ${st.tracksInitiated} tracks initiated, ${st.tracksConfirmed} confirmed; ` +
    `${fmtInt(unattributed)} address plots not attributed to any track update`);
  console.log(table(
    ["set", "count", "min share", `under ${THRESHOLD * 100}%`, "mean share"],
    [
      ["every address", String(all.n), fmtPct(all.min), String(all.under), fmtPct(all.mean)],
      ["addresses with ≥ 10 plots", String(ten.n), fmtPct(ten.min), String(ten.under), fmtPct(ten.mean)],
      ["appearances (gap > 120 s, ≥ 10 plots)", String(app.n), fmtPct(app.min), String(app.under), fmtPct(app.mean)],
    ],
  ));
  const worst = [...perAddress].sort((a, b) => a.share - b.share || b.plots - a.plots).slice(0, 5);
  console.log("\nWorst five addresses:");
  console.log(table(
    ["ICAO address", "plots", "main track", "held", "share", "tracks", "unattributed"],
    worst.map((s) => [s.address.toString(16).toUpperCase().padStart(6, "0"), String(s.plots), String(s.mainTrack), String(s.mainPlots), fmtPct(s.share), String(s.tracks), String(s.unattributed)]),
  ));
  const goals: Goal[] = [{
    goal: `every Mode S address held ≥ ${THRESHOLD * 100}% by one track`,
    measured: `min ${fmtPct(all.min)}, ${all.under} of ${all.n} under, mean ${fmtPct(all.mean)}`,
    verdict: all.n > 0 ? all.under === 0 : null,
  }];
  console.log("");
  console.log(goalsTable(goals));
  return {
    section: "realdata", goals,
    figures: {
      recording: RECORDING, plots: nPlots, addressPlots: plots.length, unattributed, trackerSeconds: seconds, trackerStats: st,
      everyAddress: all, addressesWith10Plots: ten, appearances: app,
      worst: worst.map((s) => ({ ...s, address: s.address.toString(16).toUpperCase().padStart(6, "0") })),
    },
  };
}
