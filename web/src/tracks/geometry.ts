/**
 * GeoJSON geometry of the track overlays: heading leaders (where the track will be in
 * `LEADER_SECONDS` on its current velocity) and trails (its last positions). Pure functions.
 */
import type { TrackView } from "../protocol";
import type { Appearance } from "./symbology";
import type { TrackEntry } from "./track_store";

/** Length of the heading leader, seconds of flight at the current ground speed. */
export const LEADER_SECONDS = 60;

/** Mean Earth radius, metres (IUGG), adequate for a one-minute dead-reckoning leader. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Position [lon, lat] in degrees after flying `seconds` along the track's course at its ground speed (flat-earth step). */
export function deadReckon(view: TrackView, seconds: number): [number, number] {
  const distance = view.groundSpeedMps * seconds;
  const north = distance * Math.cos(view.courseDeg * RAD);
  const east = distance * Math.sin(view.courseDeg * RAD);
  const lat = view.latDeg + north / EARTH_RADIUS_M / RAD;
  const lon = view.lonDeg + east / (EARTH_RADIUS_M * Math.max(0.01, Math.cos(view.latDeg * RAD))) / RAD;
  return [lon, lat];
}

/** Properties carried by overlay features (used by the layer paint expressions). */
export interface OverlayProperties {
  trackNumber: number;
  colour: string;
  /** 1 for coasting or tentative tracks (drawn fainter), else 0. */
  faint: number;
}

function propsOf(entry: TrackEntry, look: Appearance): OverlayProperties {
  return { trackNumber: entry.view.trackNumber, colour: look.colour, faint: look.coasting || look.tentative ? 1 : 0 };
}

/** Heading leaders of every track that moves. */
export function leaderFeatures(
  entries: Iterable<TrackEntry>,
  appearance: (e: TrackEntry) => Appearance,
): GeoJSON.FeatureCollection<GeoJSON.LineString, OverlayProperties> {
  const features: GeoJSON.Feature<GeoJSON.LineString, OverlayProperties>[] = [];
  for (const e of entries) {
    if (!(e.view.groundSpeedMps > 0.5)) continue;
    features.push({
      type: "Feature",
      properties: propsOf(e, appearance(e)),
      geometry: { type: "LineString", coordinates: [[e.view.lonDeg, e.view.latDeg], deadReckon(e.view, LEADER_SECONDS)] },
    });
  }
  return { type: "FeatureCollection", features };
}

/** Trails (lines through the last positions) of every track with history. */
export function trailFeatures(
  entries: Iterable<TrackEntry>,
  appearance: (e: TrackEntry) => Appearance,
): GeoJSON.FeatureCollection<GeoJSON.LineString, OverlayProperties> {
  const features: GeoJSON.Feature<GeoJSON.LineString, OverlayProperties>[] = [];
  for (const e of entries) {
    if (e.trail.length < 2) continue;
    features.push({ type: "Feature", properties: propsOf(e, appearance(e)), geometry: { type: "LineString", coordinates: e.trail } });
  }
  return { type: "FeatureCollection", features };
}

/** History dots: the past positions (all but the current), with `age` 1 (newest) … n (oldest). */
export function historyDotFeatures(
  entries: Iterable<TrackEntry>,
  appearance: (e: TrackEntry) => Appearance,
): GeoJSON.FeatureCollection<GeoJSON.Point, OverlayProperties & { age: number }> {
  const features: GeoJSON.Feature<GeoJSON.Point, OverlayProperties & { age: number }>[] = [];
  for (const e of entries) {
    const props = propsOf(e, appearance(e));
    const n = e.trail.length;
    for (let i = 0; i < n - 1; i++) {
      features.push({ type: "Feature", properties: { ...props, age: n - 1 - i }, geometry: { type: "Point", coordinates: e.trail[i] } });
    }
  }
  return { type: "FeatureCollection", features };
}
