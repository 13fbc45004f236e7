/**
 * Draws the tracks on the map: one DOM marker per track (milsymbol symbol, data label,
 * emergency / selection ring) and three GeoJSON layers for heading leaders, trails and
 * history dots. Markers are updated in place; the GeoJSON is rebuilt at most once per
 * animation frame.
 *
 * The symbol element has the class `track-symbol` and `data-track-number`.
 */
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from "maplibre-gl";
import { feet, formatFlightLevel, knots } from "../format";
import { historyDotFeatures, leaderFeatures, trailFeatures } from "./geometry";
import { EMERGENCY_TAG, appearanceOf, renderSymbol, type Appearance } from "./symbology";
import type { StoreChange, TrackEntry, TrackStore } from "./track_store";

/** GeoJSON source holding leaders, trails and history dots. */
const OVERLAY_SOURCE = "track-overlay";
/** milsymbol size of a confirmed track; tentative tracks are drawn at 70 %. */
const SYMBOL_SIZE = 18;
/** Vertical rate above which the label shows a climb/descent arrow, m/s (≈ 400 ft/min). */
const CLIMB_THRESHOLD_MPS = 2;

interface MarkerState {
  marker: Marker;
  root: HTMLDivElement;
  symbol: HTMLDivElement;
  label: HTMLDivElement;
  symbolKey: string;
  labelHtml: string;
  className: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The three lines of a track's data label (HTML). */
export function labelHtml(entry: TrackEntry, look: Appearance): string {
  const v = entry.view;
  const tn = String(v.trackNumber).padStart(4, "0");
  const tags: string[] = [];
  if (look.emergency !== undefined) tags.push(`<span class="tag tag-emergency">${EMERGENCY_TAG[look.emergency]}</span>`);
  if (look.coasting) tags.push(`<span class="tag">CST</span>`);
  if (look.tentative) tags.push(`<span class="tag">TNT</span>`);
  const ident = v.callsign ?? (v.mode3A !== undefined ? `A${v.mode3A}` : "----");
  const squawk = v.callsign !== undefined && v.mode3A !== undefined ? ` <span class="dim">${v.mode3A}</span>` : "";
  const arrow = v.verticalRateMps > CLIMB_THRESHOLD_MPS ? "↑" : v.verticalRateMps < -CLIMB_THRESHOLD_MPS ? "↓" : " ";
  // Flight level from Mode C; otherwise the tracker's geometric height in hundreds of feet ("H").
  const level = v.flightLevel !== undefined ? `F${formatFlightLevel(v.flightLevel)}` : `H${formatFlightLevel(feet(v.altitudeM) / 100)}`;
  const speed = `${Math.round(knots(v.groundSpeedMps))}kt`;
  return (
    `<div class="l1">${tn}${tags.join("")}</div>` +
    `<div class="l2">${escapeHtml(ident)}${squawk}</div>` +
    `<div class="l3">${level}${arrow} ${speed}</div>`
  );
}

/** The track overlay of one map. */
export class TrackLayer {
  private readonly markers = new Map<number, MarkerState>();
  private selected: number | undefined;
  private overlayPending = false;
  private overlayReady = false;

  /**
   * @param map the map (its style may still be loading).
   * @param store the picture to draw.
   * @param onSelect called with the track number clicked.
   */
  constructor(
    private readonly map: MapLibreMap,
    private readonly store: TrackStore,
    private readonly onSelect: (trackNumber: number) => void,
  ) {
    const init = (): void => {
      this.addOverlayLayers();
      this.overlayReady = true;
      this.scheduleOverlay();
    };
    if (map.isStyleLoaded()) init();
    else map.once("load", init);
  }

  /** Applies a change of the store to markers and overlays. */
  update(change: StoreChange): void {
    for (const n of change.removed) this.removeMarker(n);
    for (const n of change.changed) {
      const entry = this.store.tracks.get(n);
      if (entry !== undefined) this.upsertMarker(entry);
    }
    this.scheduleOverlay();
  }

  /** Highlights one track (or none). */
  setSelected(trackNumber: number | undefined): void {
    const previous = this.selected;
    this.selected = trackNumber;
    for (const n of [previous, trackNumber]) {
      if (n === undefined) continue;
      const entry = this.store.tracks.get(n);
      if (entry !== undefined) this.upsertMarker(entry);
    }
  }

  private upsertMarker(entry: TrackEntry): void {
    const v = entry.view;
    const look = appearanceOf(v);
    let state = this.markers.get(v.trackNumber);
    if (state === undefined) state = this.createMarker(v.trackNumber);
    state.marker.setLngLat([v.lonDeg, v.latDeg]);

    const size = look.tentative ? Math.round(SYMBOL_SIZE * 0.7) : SYMBOL_SIZE;
    const symbolKey = `${look.sidc}|${size}`;
    if (symbolKey !== state.symbolKey) {
      const r = renderSymbol(look.sidc, size);
      state.symbol.innerHTML = r.svg;
      state.symbol.style.left = `${-r.anchorX}px`;
      state.symbol.style.top = `${-r.anchorY}px`;
      state.symbol.style.width = `${r.width}px`;
      state.symbol.style.height = `${r.height}px`;
      state.symbolKey = symbolKey;
    }
    const html = labelHtml(entry, look);
    if (html !== state.labelHtml) {
      state.label.innerHTML = html;
      state.labelHtml = html;
    }
    const classes = ["track", `id-${look.identity}`];
    if (look.tentative) classes.push("tentative");
    if (look.coasting) classes.push("coasting");
    if (look.emergency !== undefined) classes.push("emergency");
    if (this.selected === v.trackNumber) classes.push("selected");
    const className = classes.join(" ");
    if (className !== state.className) {
      state.root.className = className;
      state.root.style.setProperty("--track-colour", look.colour);
      state.className = className;
      // The marker's own element is the positioned one: raise emergencies and the selection.
      state.marker.getElement().style.zIndex = this.selected === v.trackNumber ? "30" : look.emergency ? "20" : look.tentative || look.coasting ? "5" : "10";
    }
  }

  private createMarker(trackNumber: number): MarkerState {
    const root = document.createElement("div");
    root.className = "track";
    root.dataset.trackNumber = String(trackNumber);
    const ring = document.createElement("div");
    ring.className = "track-ring";
    const symbol = document.createElement("div");
    symbol.className = "track-symbol";
    symbol.dataset.trackNumber = String(trackNumber);
    symbol.title = `Track ${trackNumber}`;
    const label = document.createElement("div");
    label.className = "track-label";
    label.dataset.trackNumber = String(trackNumber);
    root.append(ring, symbol, label);
    const select = (ev: Event): void => {
      ev.stopPropagation();
      this.onSelect(trackNumber);
    };
    symbol.addEventListener("click", select);
    label.addEventListener("click", select);
    const marker = new Marker({ element: root, anchor: "center" }).setLngLat([0, 0]).addTo(this.map);
    const state: MarkerState = { marker, root, symbol, label, symbolKey: "", labelHtml: "", className: "" };
    this.markers.set(trackNumber, state);
    return state;
  }

  private removeMarker(trackNumber: number): void {
    const state = this.markers.get(trackNumber);
    if (state === undefined) return;
    state.marker.remove();
    this.markers.delete(trackNumber);
  }

  private scheduleOverlay(): void {
    if (!this.overlayReady || this.overlayPending) return;
    this.overlayPending = true;
    requestAnimationFrame(() => {
      this.overlayPending = false;
      this.refreshOverlay();
    });
  }

  private refreshOverlay(): void {
    const entries = [...this.store.tracks.values()];
    const looks = new Map<number, Appearance>();
    const look = (e: TrackEntry): Appearance => {
      let a = looks.get(e.view.trackNumber);
      if (a === undefined) {
        a = appearanceOf(e.view);
        looks.set(e.view.trackNumber, a);
      }
      return a;
    };
    // One source for all three overlays: one worker job and one repaint per batch.
    const overlay: GeoJSON.FeatureCollection = {
      type: "FeatureCollection",
      features: [
        ...tagged(trailFeatures(entries, look).features, "trail"),
        ...tagged(historyDotFeatures(entries, look).features, "dot"),
        ...tagged(leaderFeatures(entries, look).features, "leader"),
      ],
    };
    (this.map.getSource(OVERLAY_SOURCE) as GeoJSONSource | undefined)?.setData(overlay);
  }

  private addOverlayLayers(): void {
    if (this.map.getSource(OVERLAY_SOURCE) === undefined) {
      this.map.addSource(OVERLAY_SOURCE, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    }
    this.map.addLayer({
      id: "track-trails",
      type: "line",
      source: OVERLAY_SOURCE,
      filter: ["==", ["get", "kind"], "trail"],
      paint: { "line-color": ["get", "colour"], "line-width": 1, "line-opacity": ["case", ["==", ["get", "faint"], 1], 0.15, 0.3] },
    });
    this.map.addLayer({
      id: "track-dots",
      type: "circle",
      source: OVERLAY_SOURCE,
      filter: ["==", ["get", "kind"], "dot"],
      paint: {
        "circle-color": ["get", "colour"],
        "circle-radius": 1.8,
        "circle-opacity": ["interpolate", ["linear"], ["get", "age"], 1, 0.8, 20, 0.1],
        "circle-stroke-width": 0,
      },
    });
    this.map.addLayer({
      id: "track-leaders",
      type: "line",
      source: OVERLAY_SOURCE,
      filter: ["==", ["get", "kind"], "leader"],
      paint: { "line-color": ["get", "colour"], "line-width": 1.4, "line-opacity": ["case", ["==", ["get", "faint"], 1], 0.45, 0.9] },
    });
  }
}

/** Adds the overlay kind ("trail", "dot", "leader") to features' properties, for the layer filters. */
function tagged<G extends GeoJSON.Geometry, P extends object>(features: GeoJSON.Feature<G, P>[], kind: string): GeoJSON.Feature<G, P & { kind: string }>[] {
  return features.map((f) => ({ ...f, properties: { ...f.properties, kind } }));
}
