/**
 * `npm run bench:sim`: simulator throughput with 1,000 targets and 3 sensors (two rotating
 * 3D radars with clutter and an ADS-B ground station) over Moldova, 600 s of scenario time:
 * (a) report generation (targets, beam passages, detections, noise, clutter, ADS-B messages),
 * (b) the same plus encoding into what `skywatch simulate` writes (CAT048/CAT034 blocks, Beast
 * records) and the neutral truth/detection rows — file I/O excluded. Each is run RUNS times
 * (scenario loading excluded); prints the best and the median run as multiples of real time
 * (scenario seconds per wall second, and per CPU second of the process, which a busy machine
 * disturbs less; the CPU figure includes the garbage collector's threads); the issue's target
 * is ≥ 100×. Prints the machine's load average before and after, since other work on a 2-core
 * machine slows the wall figure.
 */
import { cpus, loadavg } from "node:os";
import { encodeBatch, loadScenario, NeutralRecorder, scenarioReports } from "../src/sim/index.js";

const DURATION = 600;

const scenarioText = JSON.stringify({
  name: "bench: 1000 targets, 2 radars + ADS-B",
  seed: 7,
  durationS: DURATION,
  radars: [
    { sac: 98, sic: 1, name: "Chișinău", latDeg: 47.02, lonDeg: 28.83, groundHeightM: 150, antennaHeightM: 15, clutterRatePerScan: 20 },
    { sac: 98, sic: 2, name: "Bălți", latDeg: 47.84, lonDeg: 27.78, groundHeightM: 230, antennaHeightM: 15, rotationPeriodS: 5, clutterRatePerScan: 20 },
  ],
  adsbStations: [{ sac: 98, sic: 10, name: "Chișinău ADS-B", latDeg: 46.93, lonDeg: 28.93, heightM: 140 }],
  generators: [
    { kind: "airliners", count: 600 },
    { kind: "lightAircraft", count: 250, centre: { latDeg: 47.2, lonDeg: 28.6 }, radiusM: 120000 },
    { kind: "drones", count: 120, centre: { latDeg: 47.0, lonDeg: 28.9 }, radiusM: 40000 },
    { kind: "crossingPairs", count: 15, centre: { latDeg: 47.1, lonDeg: 28.8 }, radiusM: 80000 },
  ],
});

function run(encode: boolean): { wall: number; cpu: number; batches: number; plots: number; adsb: number; bytes: number } {
  const sim = loadScenario(scenarioText);
  const rec = new NeutralRecorder(sim.scenario, sim.referenceSensor, sim.startTime);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let batches = 0, plots = 0, adsb = 0, bytes = 0;
  for (const b of scenarioReports(sim.scenario, { startTime: sim.startTime, duration: sim.duration, seed: sim.seed })) {
    batches++;
    for (const r of b.reports) {
      if (r.kind === "plot") plots++;
      else if (r.kind === "adsb") adsb++;
    }
    if (encode) {
      rec.add(b);
      bytes += encodeBatch(b)?.bytes.length ?? 0;
    }
  }
  if (encode) {
    rec.truthRows();
    rec.detectionRows();
  }
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, batches, plots, adsb, bytes };
}

const RUNS = 3;
const sim = loadScenario(scenarioText);
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`load average ${load()} on ${cpus().length} cores`);
console.log(`scenario: ${sim.scenario.targets.length} targets, ${sim.scenario.radars.length} radars + ${sim.scenario.adsbStations.length} ADS-B station, ${DURATION} s; best and median of ${RUNS} runs`);
for (const encode of [false, true]) {
  const runs = Array.from({ length: RUNS }, () => run(encode)).sort((a, b) => a.wall - b.wall);
  const best = runs[0];
  const median = runs[Math.floor(RUNS / 2)];
  const x = (s: number): string => `${(DURATION / s).toFixed(0)}×`;
  console.log(`${encode ? "reports + encoding (CAT048/CAT034, Beast) + neutral rows" : "reports only"}: ` +
    `best ${best.wall.toFixed(2)} s wall = ${x(best.wall)} real time (${best.cpu.toFixed(2)} s CPU = ${x(best.cpu)}), ` +
    `median ${median.wall.toFixed(2)} s = ${x(median.wall)} (CPU ${x(median.cpu)}); ` +
    `${best.plots} plots, ${best.adsb} ADS-B reports, ${best.batches} batches${encode ? `, ${(best.bytes / 1e6).toFixed(1)} MB` : ""}`);
}
console.log(`load average ${load()} after`);
