/**
 * Sensor sites on the map: a 2525C radar symbol (friendly ground sensor, `SFGPESR---`) with
 * its name as a DOM marker, and faint range rings every 50 NM out to 200 NM (GeoJSON lines).
 */
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from "maplibre-gl";
import { METRES_PER_NM } from "../format";
import type { SensorView } from "../protocol";
import { renderSymbol } from "../tracks";

/** Range ring radii, nautical miles. */
export const RING_RADII_NM = [50, 100, 150, 200];
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** A circle of `radiusM` around a site as a closed [lon, lat] ring (great-circle destination points). */
export function rangeRing(site: { latDeg: number; lonDeg: number }, radiusM: number, steps = 96): [number, number][] {
  const lat1 = site.latDeg * RAD;
  const lon1 = site.lonDeg * RAD;
  const d = radiusM / EARTH_RADIUS_M;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const az = (2 * Math.PI * i) / steps;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(az));
    const lon2 = lon1 + Math.atan2(Math.sin(az) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([lon2 / RAD, lat2 / RAD]);
  }
  return ring;
}

/** Range rings of every sensor as GeoJSON. */
export function rangeRingFeatures(sensors: readonly SensorView[]): GeoJSON.FeatureCollection<GeoJSON.LineString> {
  const features: GeoJSON.Feature<GeoJSON.LineString>[] = [];
  for (const s of sensors) {
    for (const nm of RING_RADII_NM) {
      features.push({ type: "Feature", properties: { sensor: s.id, nm }, geometry: { type: "LineString", coordinates: rangeRing(s, nm * METRES_PER_NM) } });
    }
  }
  return { type: "FeatureCollection", features };
}

/** The sensor overlay of one map. */
export class SensorLayer {
  private markers: Marker[] = [];
  private sensors: SensorView[] = [];
  private ready = false;

  constructor(private readonly map: MapLibreMap) {
    const init = (): void => {
      map.addSource("sensor-rings", { type: "geojson", data: rangeRingFeatures(this.sensors) });
      // Below the track layers (added later), above the basemap.
      map.addLayer({
        id: "sensor-rings",
        type: "line",
        source: "sensor-rings",
        paint: { "line-color": "#6f8aa0", "line-opacity": 0.22, "line-width": 1, "line-dasharray": [2, 3] },
      });
      this.ready = true;
    };
    if (map.isStyleLoaded()) init();
    else map.once("load", init);
  }

  /** Replaces the sensors shown. */
  setSensors(sensors: readonly SensorView[]): void {
    this.sensors = [...sensors];
    for (const m of this.markers) m.remove();
    this.markers = this.sensors.map((s) => {
      const el = document.createElement("div");
      el.className = "sensor";
      el.dataset.sensorId = s.id;
      const r = renderSymbol("SFGPESR--------", 14);
      el.innerHTML =
        `<div class="sensor-symbol" style="left:${-r.anchorX}px;top:${-r.anchorY}px">${r.svg}</div>` +
        `<div class="sensor-label">${s.name.replace(/[&<>"']/g, "")}<span class="dim"> ${s.id}</span></div>`;
      return new Marker({ element: el, anchor: "center" }).setLngLat([s.lonDeg, s.latDeg]).addTo(this.map);
    });
    if (this.ready) (this.map.getSource("sensor-rings") as GeoJSONSource | undefined)?.setData(rangeRingFeatures(this.sensors));
  }
}
