/**
 * PNG quick-looks of coverage rasters (with `pngjs`): grey terrain shading underneath, the
 * raster's colours over it, border lines, region outline and site markers on top.
 */
import { PNG } from "pngjs";
import type { Polyline } from "./borders.js";
import type { DemGrid, GridPoint } from "./grid.js";

/** RGBA colour, 0–255 each; alpha 0 leaves the terrain shading visible. */
export type Rgba = [number, number, number, number];

/** What to draw. */
export interface QuickLook {
  grid: DemGrid;
  /** Colour of post i (row-major), or null for none. */
  colour: (i: number) => Rgba | null;
  /** Posts to draw: column/row window (inclusive). Default the whole grid. */
  window?: { c0: number; c1: number; r0: number; r1: number };
  /** Pixels per post. Default 1. */
  scale?: number;
  /** Thin lines (borders), grid units. */
  lines?: Polyline[];
  lineColour?: Rgba;
  /** Thick lines (region outline), grid units. */
  outline?: Polyline[];
  outlineColour?: Rgba;
  /** Markers (sensor and protected sites), grid units. */
  points?: { at: GridPoint; colour: Rgba; size?: number }[];
}

/** Sequential colours for counts 1, 2, 3, ≥ 4 sensors (colour-blind safe, ColorBrewer YlGnBu). */
export const COUNT_COLOURS: Rgba[] = [
  [0, 0, 0, 0],
  [255, 237, 160, 235],
  [65, 182, 196, 235],
  [34, 94, 168, 235],
  [8, 29, 88, 235],
];

/** Colour of a value on a ramp from red (lo) through yellow to green (hi); NaN → none. */
export function rampColour(v: number, lo: number, hi: number, alpha = 220): Rgba | null {
  if (!Number.isFinite(v)) return null;
  const t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
  const r = t < 0.5 ? 215 : Math.round(215 - (t - 0.5) * 2 * 189);
  const g = t < 0.5 ? Math.round(48 + t * 2 * 191) : Math.round(239 - (t - 0.5) * 2 * 87);
  const b = t < 0.5 ? Math.round(39 + t * 2 * 100) : Math.round(139 - (t - 0.5) * 2 * 59);
  return [r, g, b, alpha];
}

/** Renders the quick-look and returns PNG bytes. */
export function renderPng(q: QuickLook): Buffer {
  const { grid } = q;
  const w = q.window ?? { c0: 0, c1: grid.width - 1, r0: 0, r1: grid.height - 1 };
  const s = Math.max(1, Math.round(q.scale ?? 1));
  const W = (w.c1 - w.c0 + 1) * s;
  const H = (w.r1 - w.r0 + 1) * s;
  const png = new PNG({ width: W, height: H });
  const px = png.data;
  let zmin = Infinity, zmax = -Infinity;
  for (let r = w.r0; r <= w.r1; r++) for (let c = w.c0; c <= w.c1; c++) {
    const z = grid.heights[r * grid.width + c];
    if (z < zmin) zmin = z;
    if (z > zmax) zmax = z;
  }
  const zr = Math.max(1, zmax - zmin);
  for (let r = w.r0; r <= w.r1; r++) {
    for (let c = w.c0; c <= w.c1; c++) {
      const i = r * grid.width + c;
      const z = grid.heights[i];
      // Terrain: light grey, darker with height, in 12 steps (flat areas keep PNGs small).
      const shade = Number.isFinite(z) ? 240 - 6 * Math.round(12 * Math.sqrt((z - zmin) / zr)) : 255;
      let R = shade, G = shade, B = shade;
      const col = q.colour(i);
      if (col !== null && col[3] > 0) {
        const a = col[3] / 255;
        R = Math.round(R * (1 - a) + col[0] * a);
        G = Math.round(G * (1 - a) + col[1] * a);
        B = Math.round(B * (1 - a) + col[2] * a);
      }
      for (let dy = 0; dy < s; dy++) for (let dx = 0; dx < s; dx++) {
        const o = (((r - w.r0) * s + dy) * W + (c - w.c0) * s + dx) * 4;
        px[o] = R;
        px[o + 1] = G;
        px[o + 2] = B;
        px[o + 3] = 255;
      }
    }
  }
  const toPx = (x: number, y: number): [number, number] => [
    ((x - grid.x0) / grid.dx - w.c0 + 0.5) * s,
    ((grid.y0 - y) / grid.dy - w.r0 + 0.5) * s,
  ];
  const dot = (x: number, y: number, c: Rgba, size: number): void => {
    const h = Math.floor(size / 2);
    for (let dy = -h; dy <= h; dy++) for (let dx = -h; dx <= h; dx++) {
      const X = Math.round(x) + dx, Y = Math.round(y) + dy;
      if (X < 0 || Y < 0 || X >= W || Y >= H) continue;
      const o = (Y * W + X) * 4;
      const a = c[3] / 255;
      px[o] = px[o] * (1 - a) + c[0] * a;
      px[o + 1] = px[o + 1] * (1 - a) + c[1] * a;
      px[o + 2] = px[o + 2] * (1 - a) + c[2] * a;
    }
  };
  const draw = (lines: Polyline[], c: Rgba, width: number): void => {
    for (const line of lines) {
      for (let k = 0; k + 1 < line.length; k++) {
        const [x1, y1] = toPx(line[k][0], line[k][1]);
        const [x2, y2] = toPx(line[k + 1][0], line[k + 1][1]);
        if ((x1 < 0 && x2 < 0) || (y1 < 0 && y2 < 0) || (x1 > W && x2 > W) || (y1 > H && y2 > H)) continue;
        const n = Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1))) + 1;
        for (let t = 0; t <= n; t++) dot(x1 + ((x2 - x1) * t) / n, y1 + ((y2 - y1) * t) / n, c, width);
      }
    }
  };
  if (q.lines) draw(q.lines, q.lineColour ?? [90, 90, 90, 200], 1);
  if (q.outline) draw(q.outline, q.outlineColour ?? [200, 30, 30, 255], Math.max(2, s));
  for (const p of q.points ?? []) {
    const [x, y] = toPx(p.at.x, p.at.y);
    const size = p.size ?? 5 * s;
    dot(x, y, [0, 0, 0, 255], size + 2);
    dot(x, y, p.colour, size);
  }
  return PNG.sync.write(png);
}
