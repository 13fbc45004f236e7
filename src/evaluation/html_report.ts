/**
 * The self-contained HTML evaluation report: a summary table of every metric and inline SVG
 * plots — GOSPA and OSPA over time, the GOSPA components, localisation error over time, truth
 * and track counts, and track timelines. No scripts, styles or images from elsewhere.
 */
import type { Evaluation } from "./evaluate.js";
import { esc, lineChart, timelineChart } from "./svg_plot.js";

const n = (x: number | null | undefined, d = 1): string => (x === null || x === undefined || Number.isNaN(x) ? "—" : Number.isInteger(x) ? String(x) : x.toFixed(d));

/** The report's HTML text. `title` and `notes` (plain text lines) go at the top. */
export function htmlReport(ev: Evaluation, title: string, notes: string[] = []): string {
  const s = ev.series;
  const xs = s.map((r) => r.time);
  const b = ev.bench;
  const rows: [string, string][] = [
    ["GOSPA (mean over scans), m", n(b.mean_gospa)],
    ["GOSPA localisation / missed / false terms (mean), m²", `${n(b.mean_localisation, 0)} / ${n(b.mean_missed, 0)} / ${n(b.mean_false, 0)}`],
    ["OSPA (mean), m", n(b.mean_ospa)],
    ["c, p, α; truth alignment", `${ev.params.c} m, ${ev.params.p}, ${ev.params.alpha}; ${ev.align}`],
    ["Position RMS 3D / horizontal / vertical, m", `${n(ev.accuracy.positionRms3D)} / ${n(ev.accuracy.horizontalRms)} / ${n(ev.accuracy.verticalRms)}`],
    ["Velocity RMS horizontal / vertical, m/s", `${n(ev.accuracy.velocityRmsHorizontal, 2)} / ${n(ev.accuracy.velocityRmsVertical, 2)}`],
    ["Probability of update", n(ev.updateProbability.probability, 3)],
    ["Targets / track ids / targets ever tracked", `${b.n_truth_targets} / ${b.n_track_ids} / ${b.n_targets_ever_assigned}`],
    ["Missed targets per scan / false tracks per scan", `${n(b.mean_missed_targets_per_scan, 2)} / ${n(b.mean_false_tracks_per_scan, 2)}`],
    ["ID switches / fragmentations / mean longest segment", `${ev.continuity.idSwitches} / ${ev.continuity.fragmentations} / ${n(ev.continuity.meanLongestSegmentFraction, 3)}`],
    ["False track-hours per hour / spurious tracks per hour", `${n(ev.falseTracks.falseTrackHoursPerHour, 2)} / ${n(ev.falseTracks.spuriousTracksPerHour, 2)}`],
    ["Initiation delay mean / median / max, s", `${n(ev.initiationDelay.mean)} / ${n(ev.initiationDelay.median)} / ${n(ev.initiationDelay.max)} (${ev.initiationDelay.initiated} of ${ev.initiationDelay.stretches} stretches)`],
    ["SIAP completeness / ambiguity / spuriousness", `${n(ev.siap.completeness, 3)} / ${n(ev.siap.ambiguity, 3)} / ${n(ev.siap.spuriousness, 3)}`],
    ["Scans × period", `${ev.grid.nScans} × ${ev.grid.period} s`],
  ];
  const table = rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("");
  const gospa = lineChart({
    title: "GOSPA and OSPA per scan", xLabel: "time, s", yLabel: "m",
    series: [{ name: "GOSPA", color: "#c0392b", xs, ys: s.map((r) => r.gospa) }, { name: "OSPA", color: "#2471a3", xs, ys: s.map((r) => r.ospa) }],
  });
  const comps = ev.params.alpha === 2 ? lineChart({
    title: "GOSPA² components (stacked)", xLabel: "time, s", yLabel: "m²", stacked: true,
    series: [
      { name: "localisation", color: "#27ae60", xs, ys: s.map((r) => r.localisation) },
      { name: "missed", color: "#e67e22", xs, ys: s.map((r) => r.missed) },
      { name: "false", color: "#8e44ad", xs, ys: s.map((r) => r.false) },
    ],
  }) : "";
  const err = lineChart({ title: "RMS localisation error of assigned pairs", xLabel: "time, s", yLabel: "m", series: [{ name: "RMS error", color: "#16a085", xs, ys: s.map((r) => r.rmsError) }] });
  const counts = lineChart({
    title: "Targets and tracks per scan", xLabel: "time, s", yLabel: "count",
    series: [
      { name: "targets", color: "#34495e", xs, ys: s.map((r) => r.nTruth) },
      { name: "tracks", color: "#d35400", xs, ys: s.map((r) => r.nTracks) },
      { name: "assigned", color: "#27ae60", xs, ys: s.map((r) => r.nAssigned) },
    ],
  });
  const timeline = timelineChart(ev.timelines, ev.grid.nScans, ev.grid.period);
  const noteHtml = notes.map((l) => `<p>${esc(l)}</p>`).join("");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;margin:16px;max-width:800px}table{border-collapse:collapse;font-size:13px}th{text-align:left;padding:2px 10px 2px 0;font-weight:normal;color:#444}td{font-weight:bold}figure{margin:12px 0}</style>
</head><body>
<h1>${esc(title)}</h1>
${noteHtml}
<table>${table}</table>
<figure>${gospa}</figure>
<figure>${comps}</figure>
<figure>${err}</figure>
<figure>${counts}</figure>
<figure>${timeline}</figure>
</body></html>
`;
}
