/**
 * Creates the MapLibre map on the offline basemap and fits it to the picture.
 * The worker script is bundled by Vite and its URL given to MapLibre explicitly, so it is
 * served by our own server (never a CDN).
 */
import { LngLatBounds, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { LatLonDeg } from "../protocol";
import { basemapStyle } from "./basemap";

setWorkerUrl(workerUrl);

/** Kilometres per degree of latitude (mean, for padding boxes only). */
const KM_PER_DEG_LAT = 111.2;

/** Creates the map in `container`, centred on Moldova until the server says otherwise. */
export function createMap(container: HTMLElement): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: basemapStyle(),
    center: [28.8, 47.0],
    zoom: 6,
    minZoom: 2,
    maxZoom: 14,
    dragRotate: false,
    pitchWithRotate: false,
    attributionControl: { compact: true, customAttribution: "Natural Earth (public domain)" },
    fadeDuration: 0,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), "top-left");
  map.addControl(new ScaleControl({ unit: "nautical", maxWidth: 160 }), "bottom-left");
  return map;
}

/**
 * Bounds of the given points, padded by `padKm` on every side (so a lone radar shows its
 * surroundings). Returns undefined for no points.
 */
export function paddedBounds(points: readonly LatLonDeg[], padKm: number): LngLatBounds | undefined {
  if (points.length === 0) return undefined;
  let south = 90, north = -90, west = 180, east = -180;
  for (const p of points) {
    south = Math.min(south, p.latDeg);
    north = Math.max(north, p.latDeg);
    west = Math.min(west, p.lonDeg);
    east = Math.max(east, p.lonDeg);
  }
  const dLat = padKm / KM_PER_DEG_LAT;
  const midLat = ((south + north) / 2) * (Math.PI / 180);
  const dLon = dLat / Math.max(0.1, Math.cos(midLat));
  return new LngLatBounds([Math.max(-180, west - dLon), Math.max(-85, south - dLat)], [Math.min(180, east + dLon), Math.min(85, north + dLat)]);
}

/** Fits the map to sensors and tracks, padded by 60 km (once, at the first picture). */
export function fitPicture(map: MapLibreMap, points: readonly LatLonDeg[]): void {
  const bounds = paddedBounds(points, 60);
  if (bounds === undefined) return;
  map.fitBounds(bounds, { padding: 40, animate: false, maxZoom: 10 });
}
