/**
 * Skywatch air picture: wires the map, the track and sensor layers, the details panel, the
 * status bar and the WebSocket link together.
 */
import "./style.css";
import { Connection, streamUrl, type LinkState } from "./connection";
import { DetailsPanel } from "./details";
import { createMap, fitPicture } from "./map";
import { PROTOCOL_VERSION, type LatLonDeg, type SensorView, type ServerMessage } from "./protocol";
import { SensorLayer } from "./sensors";
import { renderStatusBar, type StatusModel } from "./status";
import { TrackLayer, TrackStore } from "./tracks";

const mapElement = document.getElementById("map")!;
const detailsElement = document.getElementById("details")!;
const statusElement = document.getElementById("status-bar")!;

const map = createMap(mapElement);
const store = new TrackStore();
const sensorLayer = new SensorLayer(map);
const sensors = new Map<string, SensorView>();
let selected: number | undefined;
let fitted = false;
let pendingFitSensors: SensorView[] = [];

const status: StatusModel = { link: { kind: "connecting", attempt: 0 }, counts: store.counts(), dataTime: Number.NaN };
const refreshStatus = (): void => renderStatusBar(statusElement, status);

const details = new DetailsPanel(detailsElement, () => select(undefined));
const trackLayer = new TrackLayer(map, store, (n) => select(n));

function select(trackNumber: number | undefined): void {
  selected = trackNumber;
  trackLayer.setSelected(trackNumber);
  details.clearDeleted();
  details.show(trackNumber === undefined ? undefined : store.tracks.get(trackNumber), store.dataTime, sensors);
}

function refreshDetails(): void {
  if (selected === undefined) return;
  const entry = store.tracks.get(selected);
  if (entry !== undefined) details.show(entry, store.dataTime, sensors);
}

/** Message handling counters, for diagnostics from the console. */
const perf = { messages: 0, lastHandleMs: 0, maxHandleMs: 0 };

function handle(msg: ServerMessage): void {
  const started = performance.now();
  apply(msg);
  perf.messages += 1;
  perf.lastHandleMs = performance.now() - started;
  perf.maxHandleMs = Math.max(perf.maxHandleMs, perf.lastHandleMs);
}

function apply(msg: ServerMessage): void {
  switch (msg.type) {
    case "hello": {
      status.warning = msg.protocolVersion !== PROTOCOL_VERSION ? `protocol v${msg.protocolVersion}, app v${PROTOCOL_VERSION}: reload` : undefined;
      sensors.clear();
      for (const s of msg.sensors) sensors.set(s.id, s);
      sensorLayer.setSensors(msg.sensors);
      pendingFitSensors = msg.sensors;
      if (!fitted && msg.sensors.length === 0) map.jumpTo({ center: [msg.mapCentre.lonDeg, msg.mapCentre.latDeg] });
      break;
    }
    case "tracks": {
      const change = msg.snapshot ? store.applySnapshot(msg.tracks) : store.applyUpdates(msg.tracks);
      trackLayer.update(change);
      if (msg.snapshot && !fitted) {
        // Fit once to the sensors and the tracks of the first picture.
        const points: LatLonDeg[] = [...pendingFitSensors, ...msg.tracks];
        if (points.length > 0) {
          fitPicture(map, points);
          fitted = true;
        }
      }
      if (selected !== undefined && change.removed.includes(selected)) details.markDeleted();
      else if (selected !== undefined && change.changed.includes(selected)) refreshDetails();
      break;
    }
    case "deleted": {
      const change = store.applyDeleted(msg.trackNumbers);
      trackLayer.update(change);
      if (selected !== undefined && change.removed.includes(selected)) details.markDeleted();
      break;
    }
  }
  status.counts = store.counts();
  status.dataTime = store.dataTime;
  refreshStatus();
}

map.on("click", (ev) => {
  // Clicks on markers stop propagation; a click on the map itself clears the selection.
  if ((ev.originalEvent.target as HTMLElement | null)?.closest?.(".track") == null) select(undefined);
});
map.on("mousemove", (ev) => {
  status.cursor = { latDeg: ev.lngLat.lat, lonDeg: ev.lngLat.lng };
  refreshStatus();
});
map.getCanvasContainer().addEventListener("mouseleave", () => {
  status.cursor = undefined;
  refreshStatus();
});
/** Below this zoom the data labels are hidden (they would only overlap). */
const LABEL_MIN_ZOOM = 5;
const updateLabelVisibility = (): void => {
  mapElement.classList.toggle("labels-hidden", map.getZoom() < LABEL_MIN_ZOOM);
};
map.on("zoomend", updateLabelVisibility);
map.on("load", updateLabelVisibility);
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape") select(undefined);
  // "L" toggles the data labels (for dense pictures).
  if ((ev.key === "l" || ev.key === "L") && !ev.ctrlKey && !ev.metaKey && !ev.altKey) mapElement.classList.toggle("labels-off");
});

const connection = new Connection(streamUrl(window.location), {
  onMessage: handle,
  onState: (link: LinkState) => {
    status.link = link;
    refreshStatus();
  },
});
connection.start();
// Keeps the retry countdown and the details' age moving between messages.
window.setInterval(() => {
  refreshStatus();
  refreshDetails();
}, 1000);
refreshStatus();

// For debugging from the console and for tests.
(window as unknown as { skywatch: unknown }).skywatch = { map, store, connection, select, perf };
