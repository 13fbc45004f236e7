/**
 * Ground truth indexed per target and brought to any instant near a scan, exactly as
 * `../shared/bench/gospa.py` does it: cubic Hermite interpolation (positions and velocities)
 * between the target's truth rows that bracket the instant when they are at most 1.5·T apart,
 * otherwise constant-velocity extrapolation from the nearest usable row.
 */
import type { ScanGrid, TruthPoint } from "./types.js";

/** The truth rows of one target, time-ordered, as flat arrays. */
export interface TargetTruth {
  targetId: string;
  /** Row times, s, ascending. */
  times: Float64Array;
  /** Positions, 3 per row (east, north, up), m. */
  pos: Float64Array;
  /** Velocities, 3 per row, m/s. */
  vel: Float64Array;
}

/** Groups truth rows by target (in order of first appearance) and sorts each target's rows by time (stable). */
export function indexTruth(truth: readonly TruthPoint[]): TargetTruth[] {
  const groups = new Map<string, TruthPoint[]>();
  for (const r of truth) {
    let g = groups.get(r.targetId);
    if (g === undefined) groups.set(r.targetId, (g = []));
    g.push(r);
  }
  const out: TargetTruth[] = [];
  for (const [targetId, rows] of groups) {
    rows.sort((a, b) => a.time - b.time);
    const n = rows.length;
    const times = new Float64Array(n);
    const pos = new Float64Array(3 * n);
    const vel = new Float64Array(3 * n);
    rows.forEach((r, i) => {
      times[i] = r.time;
      pos[3 * i] = r.east; pos[3 * i + 1] = r.north; pos[3 * i + 2] = r.up;
      vel[3 * i] = r.velEast; vel[3 * i + 1] = r.velNorth; vel[3 * i + 2] = r.velUp;
    });
    out.push({ targetId, times, pos, vel });
  }
  return out;
}

/**
 * For each scan, the truth set: target index → index of its latest row in the scan
 * (a target with two rows in a scan is represented by the later one). Insertion order follows
 * the targets' order.
 */
export function truthPerScan(targets: readonly TargetTruth[], grid: ScanGrid): Map<number, number>[] {
  const out = Array.from({ length: grid.nScans }, () => new Map<number, number>());
  targets.forEach((tg, ti) => {
    for (let i = 0; i < tg.times.length; i++) {
      const k = Math.floor(tg.times[i] / grid.period);
      if (k >= 0 && k < grid.nScans) out[k].set(ti, i);
    }
  });
  return out;
}

function hermite(out: Float64Array, t: number, tg: TargetTruth, a: number, b: number): void {
  const t0 = tg.times[a];
  const t1 = tg.times[b];
  const h = t1 - t0;
  const s = (t - t0) / h;
  const s2 = s * s;
  const s3 = s * s * s;
  const h00 = 2 * s3 - 3 * s2 + 1;
  const h10 = s3 - 2 * s2 + s;
  const h01 = -2 * s3 + 3 * s2;
  const h11 = s3 - s2;
  for (let d = 0; d < 3; d++) {
    out[d] = h00 * tg.pos[3 * a + d] + h10 * h * tg.vel[3 * a + d] + h01 * tg.pos[3 * b + d] + h11 * h * tg.vel[3 * b + d];
  }
}

function extrapolate(out: Float64Array, t: number, tg: TargetTruth, i: number): void {
  const dt = t - tg.times[i];
  for (let d = 0; d < 3; d++) out[d] = tg.pos[3 * i + d] + dt * tg.vel[3 * i + d];
}

/**
 * Truth position of target `tg` at time `t`, given its scan row `idx`, written into `out` (3 m).
 * `align: "none"` returns the scan row as is. Velocity likewise into `outVel` when given
 * (derivative of the same interpolant; the row velocity when extrapolating).
 */
export function truthPositionAt(out: Float64Array, tg: TargetTruth, idx: number, t: number, period: number, align: "interp" | "none" = "interp"): void {
  const t0 = tg.times[idx];
  const n = tg.times.length;
  if (align === "none") {
    out[0] = tg.pos[3 * idx]; out[1] = tg.pos[3 * idx + 1]; out[2] = tg.pos[3 * idx + 2];
    return;
  }
  extrapolate(out, t, tg, idx);
  if (t >= t0) {
    if (idx + 1 < n && tg.times[idx + 1] - t0 <= 1.5 * period) {
      if (t > tg.times[idx + 1]) extrapolate(out, t, tg, idx + 1);
      else hermite(out, t, tg, idx, idx + 1);
    }
  } else if (idx >= 1 && t0 - tg.times[idx - 1] <= 1.5 * period) {
    if (t < tg.times[idx - 1]) extrapolate(out, t, tg, idx - 1);
    else hermite(out, t, tg, idx - 1, idx);
  }
}

/** Truth velocity (m/s) at time `t` near scan row `idx`: the Hermite derivative inside a bracket, else the nearest row's velocity. */
export function truthVelocityAt(out: Float64Array, tg: TargetTruth, idx: number, t: number, period: number): void {
  const t0 = tg.times[idx];
  const n = tg.times.length;
  let a = -1;
  if (t >= t0 && idx + 1 < n && tg.times[idx + 1] - t0 <= 1.5 * period && t <= tg.times[idx + 1]) a = idx;
  else if (t < t0 && idx >= 1 && t0 - tg.times[idx - 1] <= 1.5 * period && t >= tg.times[idx - 1]) a = idx - 1;
  if (a < 0) {
    const i = t > t0 && idx + 1 < n && t >= tg.times[idx + 1] ? idx + 1 : t < t0 && idx >= 1 && t <= tg.times[idx - 1] ? idx - 1 : idx;
    out[0] = tg.vel[3 * i]; out[1] = tg.vel[3 * i + 1]; out[2] = tg.vel[3 * i + 2];
    return;
  }
  const b = a + 1;
  const h = tg.times[b] - tg.times[a];
  const s = (t - tg.times[a]) / h;
  const d00 = (6 * s * s - 6 * s) / h;
  const d10 = 3 * s * s - 4 * s + 1;
  const d01 = (-6 * s * s + 6 * s) / h;
  const d11 = 3 * s * s - 2 * s;
  for (let d = 0; d < 3; d++) {
    out[d] = d00 * tg.pos[3 * a + d] + d10 * tg.vel[3 * a + d] + d01 * tg.pos[3 * b + d] + d11 * tg.vel[3 * b + d];
  }
}
