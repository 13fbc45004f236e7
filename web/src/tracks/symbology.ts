/**
 * Track symbology: MIL-STD-2525C air-track symbols (milsymbol) chosen from what the track's
 * identity tells, plus colours for its leader and trail.
 *
 * Default identity mapping (an automatic, conservative proposal; the operator's
 * identification process would override it):
 * | track carries | SIDC (2525C, 10 chars) | meaning |
 * | ICAO address or callsign (Mode S / ADS-B) | `SNAPCF----` | neutral, civil fixed-wing aircraft |
 * | Mode 3/A only | `SPAP------` | pending air track (cooperative, not yet evaluated) |
 * | no SSR identity (primary/3D radar only) | `SUAP------` | unknown air track (non-cooperative) |
 *
 * Position 4 (status): `P` present; tentative tracks use `A` (anticipated/planned), which
 * draws a dashed frame, and are drawn smaller. Coasting tracks are dimmed (CSS). Emergency
 * squawks keep their identity and get a red ring and a label tag:
 * 7500 unlawful interference, 7600 radio failure, 7700 emergency (ICAO Doc 8168 Vol III, 1.4; Annex 10 Vol IV, 2.1.4.2).
 */
import ms from "milsymbol";
import type { TrackView } from "../protocol";

/** Emergency indicated by a reserved Mode 3/A code. */
export type Emergency = "hijack" | "radio" | "emergency";

/** Emergency meaning of a Mode 3/A code, if any. */
export function emergencyOf(mode3A: string | undefined): Emergency | undefined {
  switch (mode3A) {
    case "7500":
      return "hijack";
    case "7600":
      return "radio";
    case "7700":
      return "emergency";
    default:
      return undefined;
  }
}

/** Short label tag of an emergency. */
export const EMERGENCY_TAG: Record<Emergency, string> = { hijack: "HIJ", radio: "RDO", emergency: "EMG" };

/** Identity class the symbol shows. */
export type IdentityClass = "civil" | "pending" | "unknown";

/** Everything that decides how a track is drawn. */
export interface Appearance {
  identity: IdentityClass;
  tentative: boolean;
  coasting: boolean;
  emergency: Emergency | undefined;
  /** 2525C letter SIDC (15 characters). */
  sidc: string;
  /** Colour of leader, trail and label accent (CSS colour). */
  colour: string;
}

/** Affiliation colours of 2525C on a dark background (milsymbol "Light" palette). */
const COLOURS: Record<IdentityClass, string> = { civil: "#aaffaa", pending: "#ffff80", unknown: "#ffff80" };
const EMERGENCY_COLOUR = "#ff5252";

/** Identity class of a track (see the mapping table in the module comment). */
export function identityOf(view: TrackView): IdentityClass {
  if (view.icaoAddress !== undefined || view.callsign !== undefined) return "civil";
  if (view.mode3A !== undefined) return "pending";
  return "unknown";
}

/** 2525C letter SIDC for an identity and status. */
export function sidcOf(identity: IdentityClass, tentative: boolean): string {
  const status = tentative ? "A" : "P";
  switch (identity) {
    case "civil":
      return `SNA${status}CF---------`;
    case "pending":
      return `SPA${status}-----------`;
    case "unknown":
      return `SUA${status}-----------`;
  }
}

/** How a track is to be drawn. */
export function appearanceOf(view: TrackView): Appearance {
  const identity = identityOf(view);
  const tentative = view.status === "tentative";
  const emergency = emergencyOf(view.mode3A);
  return {
    identity,
    tentative,
    coasting: view.status === "coasting",
    emergency,
    sidc: sidcOf(identity, tentative),
    colour: emergency !== undefined ? EMERGENCY_COLOUR : COLOURS[identity],
  };
}

/** A rendered symbol: SVG text and the pixel of the SVG that sits on the track position. */
export interface RenderedSymbol {
  svg: string;
  anchorX: number;
  anchorY: number;
  width: number;
  height: number;
}

const cache = new Map<string, RenderedSymbol>();

/** Renders (and caches) the milsymbol SVG of a SIDC at a size in pixels (milsymbol `size`). */
export function renderSymbol(sidc: string, size: number): RenderedSymbol {
  const key = `${sidc}|${size}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const symbol = new ms.Symbol(sidc, {
    size,
    colorMode: "Light",
    civilianColor: false,
    fill: true,
    fillOpacity: 0.9,
    outlineColor: "#05090d",
    outlineWidth: 2,
    strokeWidth: 4,
    infoFields: false,
  });
  const anchor = symbol.getAnchor();
  const dims = symbol.getSize();
  const rendered: RenderedSymbol = { svg: symbol.asSVG(), anchorX: anchor.x, anchorY: anchor.y, width: dims.width, height: dims.height };
  cache.set(key, rendered);
  return rendered;
}
