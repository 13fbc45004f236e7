/**
 * Context-dependent expectations of the known-answer vectors: CPR positions (global pairs,
 * local references, message streams through the aircraft state store) and plausibility
 * verdicts (the vector's neighbours from the same source, replayed through the store in
 * source-line order, 0.5 s apart).
 */
import {
  AircraftStore, cprGlobalAirborne, cprGlobalSurface, cprLocal, decodeHex, type CprSolution,
} from "../../../src/formats/modes/index.js";
import type { Vector } from "./vector_view.js";

type LatLon = { lat: number; lon: number };

const isAirborne = (tc: number): boolean => (tc >= 9 && tc <= 18) || (tc >= 20 && tc <= 22);
const isSurface = (tc: number): boolean => tc >= 5 && tc <= 8;

/** The position (and CPR intermediates) the decoders give for a vector with a CPR context. */
export function positionOf(v: Vector, all: Vector[]): { position: LatLon | null; solution?: CprSolution } {
  const c = v.context;
  if (!c) return { position: null };
  const kind = c.kind as string;
  if (kind === "cpr_airborne_global_pair" || kind === "cpr_surface_global_pair") {
    let even: string;
    let odd: string;
    let oddNewer: boolean;
    if (typeof c.first === "string") {
      // rs1090 argument order: (oldest, latest) = (first, second).
      const second = decodeHex(c.second as string);
      oddNewer = second.cprOdd === 1;
      [even, odd] = oddNewer ? [c.first as string, c.second as string] : [c.second as string, c.first as string];
    } else {
      even = c.even as string;
      odd = c.odd as string;
      oddNewer = c.newer === "odd";
    }
    const e = decodeHex(even);
    const o = decodeHex(odd);
    if (e.cprOdd !== 0 || o.cprOdd !== 1) return { position: null };
    let s: CprSolution | undefined;
    if (kind === "cpr_airborne_global_pair") {
      // A pair mixes no surface with airborne frames (a surface phantom must not be paired).
      if (!isAirborne(e.tc) || !isAirborne(o.tc)) return { position: null };
      s = cprGlobalAirborne(e.cprLat, e.cprLon, o.cprLat, o.cprLon, oddNewer);
    } else {
      if (!isSurface(e.tc) || !isSurface(o.tc)) return { position: null };
      const ref = c.reference as [number, number];
      s = cprGlobalSurface(e.cprLat, e.cprLon, o.cprLat, o.cprLon, oddNewer, ref[0], ref[1]);
    }
    return s ? { position: { lat: s.latDeg, lon: s.lonDeg }, solution: s } : { position: null };
  }
  if (kind === "cpr_airborne_local" || kind === "cpr_surface_local") {
    const m = decodeHex(v.hex);
    const ref = c.reference as [number, number];
    const s = cprLocal(m.cprLat, m.cprLon, m.cprOdd === 1, kind === "cpr_surface_local", ref[0], ref[1]);
    return { position: { lat: s.latDeg, lon: s.lonDeg }, solution: s };
  }
  if (kind === "cpr_airborne_stream") {
    const stream = all
      .filter((x) => x.context?.kind === kind && x.context.stream_id === c.stream_id)
      .sort((a, b) => (a.context!.timestamp as number) - (b.context!.timestamp as number));
    const store = new AircraftStore({ backfill: true });
    let mine: LatLon | null = null;
    for (const x of stream) {
      const t = x.context!.timestamp as number;
      store.ingest(decodeHex(x.hex), t);
      const f = store.verdict.fix;
      if (x.id === v.id && f) mine = { lat: f.latDeg, lon: f.lonDeg };
    }
    const t0 = c.timestamp as number;
    const b = store.backfilled.find((p) => p.time === t0);
    if (!mine && b) mine = { lat: b.latDeg, lon: b.lonDeg };
    return { position: mine };
  }
  return { position: null };
}

function lineOf(v: Vector): number {
  const m = / line (\d+) /.exec(v.source);
  return m ? Number(m[1]) : 0;
}

function fileOf(v: Vector): string {
  return v.source.split(" line ")[0];
}

/**
 * Plausibility verdict of the aircraft state store on a vector, replaying every vector of the
 * same source file in line order (0.5 s apart). Addresses recovered from parity are marked
 * known, as the all-call replies a receiver hears between them would make them.
 */
export function plausibleOf(v: Vector, all: Vector[]): boolean {
  const group = all.filter((x) => fileOf(x) === fileOf(v) && !x.context).sort((a, b) => lineOf(a) - lineOf(b) || a.id - b.id);
  const store = new AircraftStore();
  let verdict: boolean | undefined;
  group.forEach((x, i) => {
    const m = decodeHex(x.hex);
    const t = 1000 + 0.5 * i;
    if (m.addressFromParity) store.markKnown(m.icao, t);
    store.ingest(m, t);
    if (x.id === v.id) verdict = store.verdict.plausible;
  });
  if (verdict === undefined) throw new Error(`vector ${v.id} not replayed`);
  return verdict;
}
