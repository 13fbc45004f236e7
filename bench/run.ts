/**
 * `npm run bench`: throughput of the Skywatch pipeline stages on the Barcelona recording
 * (../shared/data/asterix/cat048_lebl_upc_230502_0800.ast, 44,085 CAT048 plots, 1 hour):
 * framing + ASTERIX decoding (records/s, MB/s) and tracking (plots/s), best of several runs
 * on one core. Skips with a message when ../shared is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AsterixDecoderStream } from "../src/formats/asterix/index.js";
import { detectFraming, frameBlocks } from "../src/formats/asterix/framing/index.js";
import { dateReference, parseSensors } from "../src/sources/index.js";
import { createTracker } from "../src/tracking/index.js";
import type { SensorReport } from "../src/types/index.js";
import { bestOf } from "./best_of.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const file = resolve(root, "../shared/data/asterix/cat048_lebl_upc_230502_0800.ast");
const sensorsFile = resolve(root, "examples/barcelona.sensors.yaml");


function main(): void {
  if (!existsSync(file)) {
    console.log(`bench skipped: ${file} not found (the shared data folder is absent)`);
    return;
  }
  const buf = new Uint8Array(readFileSync(file));
  const framing = detectFraming(buf);
  const reference = dateReference("2023-05-02");
  let reports: SensorReport[] = [];
  const dec = bestOf(10, () => {
    const d = new AsterixDecoderStream({ referenceTime: reference });
    reports = [];
    for (const x of frameBlocks(buf, framing)) {
      if (x.kind === "block") for (const r of d.decodeReports(x).reports) reports.push(r);
    }
    return d.stats.records;
  });
  const mb = buf.length / 1e6;
  console.log(`decode  CAT048 ${dec.count} records: ${(dec.count / dec.seconds).toFixed(0)} records/s, ` +
    `${(mb / dec.seconds).toFixed(1)} MB/s (${dec.seconds.toFixed(3)} s, framing + decoding + reports)`);
  const sensors = parseSensors(readFileSync(sensorsFile, "utf8"), sensorsFile);
  let confirmed = 0;
  const trk = bestOf(3, () => {
    const tracker = createTracker(sensors);
    let last = -Infinity;
    for (const r of reports) {
      tracker.process(r);
      if (r.time - last >= 1) {
        last = r.time;
        tracker.tick(r.time);
      }
    }
    confirmed = tracker.stats().tracksConfirmed;
    return reports.length;
  });
  console.log(`track   ${trk.count} plots: ${(trk.count / trk.seconds).toFixed(0)} plots/s ` +
    `(${trk.seconds.toFixed(3)} s for 1 h of data: ${(3600 / trk.seconds).toFixed(0)}× real time; ${confirmed} tracks confirmed)`);
}

main();
