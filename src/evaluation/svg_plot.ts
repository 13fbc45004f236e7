/**
 * Minimal inline-SVG charts for the evaluation report: line charts (optionally stacked areas)
 * with axes, ticks and a legend, and a timeline chart. Strings out, no external assets.
 */

/** One series of a chart. */
export interface Series {
  name: string;
  color: string;
  xs: readonly number[];
  /** y values; null leaves a gap. */
  ys: readonly (number | null)[];
}

/** Escapes text for XML/HTML. */
export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** "Nice" tick values covering [lo, hi] (about `n` of them). */
export function niceTicks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const fmt = (v: number): string => (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(1) : String(Number(v.toPrecision(6))));

const W = 760;
const H = 260;
const M = { l: 64, r: 16, t: 28, b: 40 };

function frame(title: string, xLabel: string, yLabel: string, x0: number, x1: number, y0: number, y1: number, body: string, legend: { name: string; color: string }[]): string {
  const sx = (x: number): number => M.l + ((x - x0) / (x1 - x0 || 1)) * (W - M.l - M.r);
  const sy = (y: number): number => H - M.b - ((y - y0) / (y1 - y0 || 1)) * (H - M.t - M.b);
  const xt = niceTicks(x0, x1, 8).map((v) => `<line x1="${sx(v)}" y1="${H - M.b}" x2="${sx(v)}" y2="${H - M.b + 4}" stroke="#444"/><text x="${sx(v)}" y="${H - M.b + 16}" text-anchor="middle">${fmt(v)}</text>`).join("");
  const yt = niceTicks(y0, y1, 5).map((v) => `<line x1="${M.l}" y1="${sy(v)}" x2="${W - M.r}" y2="${sy(v)}" stroke="#ddd"/><text x="${M.l - 6}" y="${sy(v) + 4}" text-anchor="end">${fmt(v)}</text>`).join("");
  const leg = legend.map((l, i) => `<rect x="${M.l + 10 + i * 150}" y="8" width="12" height="12" fill="${l.color}"/><text x="${M.l + 26 + i * 150}" y="18">${esc(l.name)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">` +
    `<text x="${W / 2}" y="${H - 6}" text-anchor="middle">${esc(xLabel)}</text>` +
    `<text transform="translate(14 ${H / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>` +
    `<text x="${W - M.r}" y="18" text-anchor="end" font-weight="bold">${esc(title)}</text>` +
    yt + body + `<line x1="${M.l}" y1="${H - M.b}" x2="${W - M.r}" y2="${H - M.b}" stroke="#444"/><line x1="${M.l}" y1="${M.t}" x2="${M.l}" y2="${H - M.b}" stroke="#444"/>` + xt + leg + `</svg>`;
}

/**
 * A line chart (`stacked`: filled areas stacked in series order).
 * @returns an `<svg>` element as text.
 */
export function lineChart(opts: { title: string; xLabel: string; yLabel: string; series: Series[]; stacked?: boolean }): string {
  const xsAll = opts.series.flatMap((s) => s.xs);
  const x0 = Math.min(...xsAll, 0);
  const x1 = Math.max(...xsAll, 1);
  const base = opts.series[0]?.xs.map(() => 0) ?? [];
  const tops: number[][] = [];
  for (const s of opts.series) {
    const top = s.ys.map((y, i) => (opts.stacked ? base[i] : 0) + (y ?? 0));
    if (opts.stacked) top.forEach((v, i) => { base[i] = v; });
    tops.push(top);
  }
  const yMax = Math.max(1e-9, ...opts.series.flatMap((s, k) => (opts.stacked ? tops[k] : s.ys.filter((y): y is number => y !== null))));
  const y1 = niceTicks(0, yMax, 5).at(-1) ?? yMax;
  const yTop = Math.max(y1, yMax);
  const sx = (x: number): number => M.l + ((x - x0) / (x1 - x0 || 1)) * (W - M.l - M.r);
  const sy = (y: number): number => H - M.b - (y / yTop) * (H - M.t - M.b);
  let body = "";
  opts.series.forEach((s, k) => {
    if (opts.stacked) {
      const lower = k === 0 ? s.xs.map(() => 0) : tops[k - 1];
      const pts = s.xs.map((x, i) => `${sx(x).toFixed(1)},${sy(tops[k][i]).toFixed(1)}`).concat(s.xs.map((x, i) => `${sx(x).toFixed(1)},${sy(lower[i]).toFixed(1)}`).reverse());
      body += `<polygon points="${pts.join(" ")}" fill="${s.color}" fill-opacity="0.75" stroke="none"/>`;
      return;
    }
    let d = "";
    let pen = false;
    s.xs.forEach((x, i) => {
      const y = s.ys[i];
      if (y === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
      pen = true;
    });
    body += `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.5"/>`;
  });
  return frame(opts.title, opts.xLabel, opts.yLabel, x0, x1, 0, yTop, body, opts.series);
}

/** Stable colour of a track id. */
export function colourOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  const n = Number.isInteger(Number(id)) ? Number(id) : h;
  return `hsl(${Math.round((n * 137.508) % 360)} 65% 45%)`; // golden-angle hues: neighbouring ids differ

}

/**
 * Track timelines: one row per target, a cell per present scan, coloured by the assigned
 * track (grey: present, no track). At most `maxRows` targets.
 */
export function timelineChart(rows: { targetId: string; present: number[]; tracks: (string | null)[] }[], nScans: number, period: number, maxRows = 60): string {
  const shown = rows.slice(0, maxRows);
  const rowH = 9;
  const h = M.t + M.b + shown.length * rowH;
  const x0 = M.l + 30;
  const sx = (k: number): number => x0 + (k / Math.max(1, nScans)) * (W - x0 - M.r);
  const cw = Math.max(1, (W - x0 - M.r) / Math.max(1, nScans));
  let body = "";
  shown.forEach((r, i) => {
    const y = M.t + i * rowH;
    body += `<text x="${x0 - 4}" y="${y + 7}" text-anchor="end" font-size="8">${esc(r.targetId)}</text>`;
    r.present.forEach((k, j) => {
      const t = r.tracks[j];
      body += `<rect x="${sx(k).toFixed(1)}" y="${y}" width="${cw.toFixed(2)}" height="${rowH - 2}" fill="${t === null ? "#ccc" : colourOf(t)}"/>`;
    });
  });
  const xt = niceTicks(0, nScans * period, 8).map((v) => `<text x="${sx(v / period)}" y="${h - M.b + 16}" text-anchor="middle">${fmt(v)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" font-family="sans-serif" font-size="11">` +
    `<text x="${W - M.r}" y="18" text-anchor="end" font-weight="bold">Track timelines (colour = track id, grey = no track)${rows.length > maxRows ? ` — first ${maxRows} of ${rows.length} targets` : ""}</text>` +
    body + xt + `<text x="${W / 2}" y="${h - 6}" text-anchor="middle">time, s</text></svg>`;
}
