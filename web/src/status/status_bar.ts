/**
 * The status bar: link state, track counts, the picture's UTC clock (data time), the
 * cursor position, and a protocol warning when the server speaks another version.
 */
import type { LinkState } from "../connection";
import { formatDms, formatUtcClock } from "../format";

/** What the bar shows. */
export interface StatusModel {
  link: LinkState;
  counts: { total: number; confirmed: number; tentative: number; coasting: number };
  /** Latest data time, UTC seconds (NaN before any track). */
  dataTime: number;
  /** Cursor position, degrees, if over the map. */
  cursor?: { latDeg: number; lonDeg: number };
  /** Warning text (e.g. protocol mismatch). */
  warning?: string;
}

function linkText(link: LinkState, now: number): { text: string; css: string } {
  switch (link.kind) {
    case "live":
      return { text: "LIVE", css: "live" };
    case "connecting":
      return { text: link.attempt === 0 ? "CONNECTING" : `RECONNECTING (${link.attempt})`, css: "connecting" };
    case "offline": {
      const s = Math.max(0, Math.ceil((link.retryAt - now) / 1000));
      return { text: `NO LINK · retry in ${s} s`, css: "offline" };
    }
  }
}

/** Renders the bar into its element (cheap; called on every change and once a second). */
export function renderStatusBar(element: HTMLElement, model: StatusModel, now = Date.now()): void {
  const link = linkText(model.link, now);
  const c = model.counts;
  const cursor = model.cursor ? `${formatDms(model.cursor.latDeg, "lat")} ${formatDms(model.cursor.lonDeg, "lon")}` : "";
  element.innerHTML =
    `<span class="sb-item sb-link ${link.css}" data-link="${link.css}"><span class="dot"></span>${link.text}</span>` +
    `<span class="sb-item" title="confirmed / tentative / coasting">TRACKS <b class="sb-track-count">${c.total}</b>` +
    ` <span class="dim">${c.confirmed} cnf · ${c.tentative} tnt · ${c.coasting} cst</span></span>` +
    `<span class="sb-item" title="Time of the latest track data">DATA <b class="sb-clock">${formatUtcClock(model.dataTime)}</b></span>` +
    (model.warning ? `<span class="sb-item sb-warning">${model.warning}</span>` : "") +
    `<span class="sb-spacer"></span>` +
    `<span class="sb-item sb-cursor">${cursor}</span>` +
    `<span class="sb-item sb-brand">SKYWATCH</span>`;
}
