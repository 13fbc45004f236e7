/**
 * How well one track holds each Mode S address (issue #6, real-data goal): every plot that
 * carries an ICAO address is attributed to the track it went to, and per address the share of
 * its plots held by its most common track is computed (pure functions).
 *
 * Attribution uses only the tracker's public output: a plot-caused update (`initiated`,
 * `updated`, `confirmed`) carries the track after the update, whose `lastUpdateTime` is the
 * plot's time and whose identity holds the plot's address (a track takes the address of each
 * plot it is given). So the update claims one not yet attributed plot with that (address, time).
 * A plot no update claims (skipped by the tracker, or its track showing another address) counts
 * as not held by the main track.
 */

/** A plot carrying a Mode S address. */
export interface AddressPlot {
  /** 24-bit ICAO address. */
  address: number;
  /** UTC seconds of the plot. */
  time: number;
}

/** A plot-caused track update as the tracker reported it. */
export interface PlotUpdate {
  trackNumber: number;
  /** The track's ICAO address after the update, if any. */
  address: number | undefined;
  /** The track's `lastUpdateTime` after the update, UTC s. */
  lastUpdateTime: number;
}

/** The figures of one address (or of one appearance of it). */
export interface AddressShare {
  address: number;
  /** Plots carrying the address. */
  plots: number;
  /** Track number holding most of them (−1 when none was attributed). */
  mainTrack: number;
  /** Plots attributed to the main track. */
  mainPlots: number;
  /** mainPlots / plots. */
  share: number;
  /** Distinct tracks the plots went to. */
  tracks: number;
  /** Plots no update claimed. */
  unattributed: number;
}

/**
 * The track number each plot went to (−1 when no update claims it), by the rule above. Updates
 * without an address claim nothing; each plot is claimed at most once, first come first served.
 */
export function attributePlots(plots: readonly AddressPlot[], updates: readonly PlotUpdate[]): Int32Array {
  const byKey = new Map<string, number[]>();
  plots.forEach((p, i) => {
    const key = `${p.address}@${p.time}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const out = new Int32Array(plots.length).fill(-1);
  for (const u of updates) {
    if (u.address === undefined) continue;
    const list = byKey.get(`${u.address}@${u.lastUpdateTime}`);
    const i = list?.shift();
    if (i !== undefined) out[i] = u.trackNumber;
  }
  return out;
}

function shareOf(address: number, tracks: readonly number[]): AddressShare {
  const counts = new Map<number, number>();
  let unattributed = 0;
  for (const t of tracks) {
    if (t < 0) unattributed++;
    else counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let mainTrack = -1;
  let mainPlots = 0;
  for (const [t, n] of counts) if (n > mainPlots || (n === mainPlots && t < mainTrack)) [mainTrack, mainPlots] = [t, n];
  return { address, plots: tracks.length, mainTrack, mainPlots, share: tracks.length > 0 ? mainPlots / tracks.length : NaN, tracks: counts.size, unattributed };
}

/**
 * Per address, the share of its plots held by its most common track, ordered by address.
 * With `gapS`, each address's plots are first cut into appearances wherever two consecutive
 * plots are more than `gapS` apart (an aircraft leaving coverage and coming back may fairly get
 * a new track), and each appearance with at least `minPlots` plots is scored on its own.
 */
export function addressShares(
  plots: readonly AddressPlot[], trackOf: Int32Array, options: { gapS?: number; minPlots?: number } = {},
): AddressShare[] {
  const byAddress = new Map<number, { time: number; track: number }[]>();
  plots.forEach((p, i) => {
    const list = byAddress.get(p.address);
    const e = { time: p.time, track: trackOf[i] };
    if (list) list.push(e);
    else byAddress.set(p.address, [e]);
  });
  const out: AddressShare[] = [];
  const minPlots = options.minPlots ?? 1;
  for (const address of [...byAddress.keys()].sort((a, b) => a - b)) {
    const list = byAddress.get(address)!.sort((a, b) => a.time - b.time);
    let seg: number[] = [];
    const close = (): void => {
      if (seg.length >= minPlots) out.push(shareOf(address, seg));
      seg = [];
    };
    for (let i = 0; i < list.length; i++) {
      if (options.gapS !== undefined && i > 0 && list[i].time - list[i - 1].time > options.gapS) close();
      seg.push(list[i].track);
    }
    close();
  }
  return out;
}

/** Minimum, mean and the count under `threshold` of the shares. */
export function shareSummary(shares: readonly AddressShare[], threshold: number): { n: number; min: number; mean: number; under: number } {
  let min = Infinity;
  let sum = 0;
  let under = 0;
  for (const s of shares) {
    min = Math.min(min, s.share);
    sum += s.share;
    if (s.share < threshold) under++;
  }
  return { n: shares.length, min: shares.length > 0 ? min : NaN, mean: shares.length > 0 ? sum / shares.length : NaN, under };
}
