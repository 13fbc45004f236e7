/**
 * Identity rules of association (Mode S address, Mode 3/A code) and how a track takes its
 * identity from the plots associated to it.
 *
 * - Mode S (24-bit ICAO address, ICAO Annex 10 Vol. III): unique per airframe. Equal →
 *   strongly favoured and gated with the wider Mode S gate; both present and different →
 *   the pair is forbidden.
 * - Mode 3/A code: assigned by ATC and changed in flight, so equal → favoured, different →
 *   penalised, never forbidden. Garbled codes (I048/070 G bit) are ignored.
 */
import type { PlotReport } from "../types/index.js";
import type { Track } from "./track.js";

/** How a plot's identity relates to a track's. */
export interface IdentityRelation {
  /** Both have Mode S addresses and they differ: the pair must not be associated. */
  forbidden: boolean;
  /** Both have the same Mode S address. */
  modeSMatch: boolean;
  /** Cost adjustment from the identity (negative favours the pair). */
  costDelta: number;
}

/** Cost terms of the identity rules (from the tracker options). */
export interface IdentityCosts {
  modeSMatchBonus: number;
  mode3AMatchBonus: number;
  mode3AMismatchPenalty: number;
}

/** The plot's usable Mode 3/A code, or undefined. */
export function plotMode3A(plot: PlotReport): number | undefined {
  return plot.mode3A && !plot.mode3A.garbled ? plot.mode3A.code : undefined;
}

/** Compares a plot's identity with a track's. */
export function relateIdentity(plot: PlotReport, track: Track, costs: IdentityCosts): IdentityRelation {
  let costDelta = 0;
  let modeSMatch = false;
  const a = plot.icaoAddress;
  const b = track.identity.icaoAddress;
  if (a !== undefined && b !== undefined) {
    if (a !== b) return { forbidden: true, modeSMatch: false, costDelta: 0 };
    modeSMatch = true;
    costDelta -= costs.modeSMatchBonus;
  }
  const c = plotMode3A(plot);
  const d = track.identity.mode3A;
  if (c !== undefined && d !== undefined) costDelta += c === d ? -costs.mode3AMatchBonus : costs.mode3AMismatchPenalty;
  return { forbidden: false, modeSMatch, costDelta };
}

/** Copies the identity a plot carries (Mode S address, Mode 3/A, callsign, Mode C) into its track. */
export function applyPlotIdentity(track: Track, plot: PlotReport): void {
  if (plot.icaoAddress !== undefined) track.identity.icaoAddress = plot.icaoAddress;
  const code = plotMode3A(plot);
  if (code !== undefined) track.identity.mode3A = code;
  if (plot.callsign !== undefined && plot.callsign !== "") track.identity.callsign = plot.callsign;
  if (plot.modeC && !plot.modeC.garbled && Number.isFinite(plot.modeC.pressureAltitude)) {
    track.pressureAltitude = plot.modeC.pressureAltitude;
  }
}
