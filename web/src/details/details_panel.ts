/**
 * The details panel of the selected track: every field of its view in operator units
 * (with the SI value where useful), its symbol, sensors, update count and age.
 */
import { feet, feetPerMinute, formatAge, formatDms, formatFlightLevel, formatUtcDateTime, knots } from "../format";
import type { SensorView } from "../protocol";
import { EMERGENCY_TAG, appearanceOf, renderSymbol, type TrackEntry } from "../tracks";

const EMERGENCY_TEXT = { hijack: "7500 unlawful interference", radio: "7600 radio failure", emergency: "7700 emergency" } as const;
const IDENTITY_TEXT = { civil: "Neutral · civil aircraft", pending: "Pending (SSR Mode 3/A only)", unknown: "Unknown (no SSR)" } as const;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function row(name: string, value: string, field: string): string {
  return `<tr data-field="${field}"><th>${name}</th><td>${value}</td></tr>`;
}

/** HTML of the panel body for one track. `dataTime` (UTC s) is the picture's clock, for the age. */
export function detailsHtml(entry: TrackEntry, dataTime: number, sensors: ReadonlyMap<string, SensorView>): string {
  const v = entry.view;
  const look = appearanceOf(v);
  const symbol = renderSymbol(look.sidc, 26);
  const vr = v.verticalRateMps;
  const sensorList = v.sensors.map((id) => esc(sensors.get(id)?.name ? `${sensors.get(id)!.name} (${id})` : id)).join("<br>") || "—";
  const age = Number.isFinite(dataTime) ? dataTime - v.lastUpdateTime : Number.NaN;
  const rows = [
    row("Status", `<span class="status-${v.status}">${v.status.toUpperCase()}</span>`, "status"),
    row("Identity", IDENTITY_TEXT[look.identity], "identity"),
    row("Callsign", v.callsign !== undefined ? esc(v.callsign) : "—", "callsign"),
    row("Mode 3/A", v.mode3A !== undefined ? v.mode3A : "—", "mode3A"),
    row("ICAO address", v.icaoAddress !== undefined ? v.icaoAddress : "—", "icaoAddress"),
    look.emergency !== undefined ? row("Emergency", `<span class="tag tag-emergency">${EMERGENCY_TAG[look.emergency]}</span> ${EMERGENCY_TEXT[look.emergency]}`, "emergency") : "",
    row("Latitude", `${formatDms(v.latDeg, "lat")} <span class="dim">${v.latDeg.toFixed(5)}°</span>`, "lat"),
    row("Longitude", `${formatDms(v.lonDeg, "lon")} <span class="dim">${v.lonDeg.toFixed(5)}°</span>`, "lon"),
    row("Flight level", v.flightLevel !== undefined ? `FL${formatFlightLevel(v.flightLevel)}` : "— (no Mode C)", "flightLevel"),
    row("Height (track, ≈ MSL)", `${Math.round(feet(v.altitudeM)).toLocaleString("en-US")} ft <span class="dim">${Math.round(v.altitudeM)} m</span>`, "altitude"),
    row("Ground speed", `${Math.round(knots(v.groundSpeedMps))} kt <span class="dim">${v.groundSpeedMps.toFixed(1)} m/s</span>`, "groundSpeed"),
    row("Course", `${String(Math.round(v.courseDeg) % 360).padStart(3, "0")}° true`, "course"),
    row("Vertical rate", `${vr > 0 ? "+" : ""}${Math.round(feetPerMinute(vr))} ft/min <span class="dim">${vr.toFixed(1)} m/s</span>`, "verticalRate"),
    row("Position σ", `${Math.round(v.positionSigmaM)} m`, "positionSigma"),
    row("Sensors", sensorList, "sensors"),
    row("Updates", String(v.updates), "updates"),
    row("Last update", `${formatUtcDateTime(v.lastUpdateTime)}`, "lastUpdateTime"),
    row("Age", formatAge(age), "age"),
  ].join("");
  return (
    `<header><div class="details-symbol">${symbol.svg}</div>` +
    `<div><div class="details-title">TRACK <span class="details-track-number">${v.trackNumber}</span></div>` +
    `<div class="details-subtitle">${esc(v.callsign ?? (v.mode3A !== undefined ? `A${v.mode3A}` : "no identity"))}</div></div>` +
    `<button class="details-close" title="Close" aria-label="Close">×</button></header>` +
    `<table>${rows}</table>`
  );
}

/** The panel element and its behaviour. */
export class DetailsPanel {
  private trackNumber: number | undefined;

  /** @param onClose called when the operator closes the panel. */
  constructor(
    private readonly element: HTMLElement,
    private readonly onClose: () => void,
  ) {
    element.addEventListener("click", (ev) => {
      if ((ev.target as HTMLElement).closest(".details-close")) this.onClose();
    });
  }

  /** The track shown, if any. */
  get shown(): number | undefined {
    return this.trackNumber;
  }

  /** Shows a track (or hides the panel with `undefined`). */
  show(entry: TrackEntry | undefined, dataTime: number, sensors: ReadonlyMap<string, SensorView>): void {
    if (entry === undefined) {
      this.trackNumber = undefined;
      this.element.classList.add("hidden");
      this.element.innerHTML = "";
      delete this.element.dataset.trackNumber;
      return;
    }
    this.trackNumber = entry.view.trackNumber;
    this.element.dataset.trackNumber = String(entry.view.trackNumber);
    this.element.innerHTML = detailsHtml(entry, dataTime, sensors);
    this.element.classList.remove("hidden");
  }

  /** Marks the shown track as deleted (keeps its last data visible). */
  markDeleted(): void {
    if (this.trackNumber === undefined) return;
    this.element.classList.add("deleted");
    const status = this.element.querySelector('[data-field="status"] td');
    if (status !== null) status.innerHTML = `<span class="status-deleted">DELETED</span>`;
  }

  /** Clears the deleted mark (a new track was shown). */
  clearDeleted(): void {
    this.element.classList.remove("deleted");
  }
}
