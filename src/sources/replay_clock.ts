/**
 * Replay clock: releases time-stamped items at `speed` × real time, measured from the first
 * item, so a recording or a simulation plays like a live feed. `speed` = Infinity releases
 * everything as fast as possible (yielding to the event loop now and then).
 */

/** Sleeps for `ms` milliseconds. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Options of `paced`. */
export interface PaceOptions {
  /** Data seconds per wall-clock second (1 = real time). Infinity = no waiting. */
  speed: number;
  /** Stops the replay when aborted. */
  signal?: AbortSignal;
  /** Wall clock in ms (injectable for tests). Default `performance.now`. */
  now?: () => number;
}

/**
 * Re-yields items of `source` when their time (UTC s, from `timeOf`) is due on the replay
 * clock. Items must come in time order; an item earlier than the previous is released at once.
 */
export async function* paced<T>(
  source: AsyncIterable<T> | Iterable<T>,
  timeOf: (item: T) => number,
  options: PaceOptions,
): AsyncGenerator<T> {
  const now = options.now ?? (() => performance.now());
  let start: { wall: number; data: number } | undefined;
  let n = 0;
  for await (const item of source) {
    if (options.signal?.aborted) return;
    const t = timeOf(item);
    if (!start) start = { wall: now(), data: t };
    if (Number.isFinite(options.speed)) {
      const due = start.wall + ((t - start.data) * 1000) / options.speed;
      const wait = due - now();
      if (wait > 1) await sleep(wait, options.signal);
      else if (++n % 1000 === 0) await new Promise((r) => setImmediate(r)); // behind: still let I/O run
    } else if (++n % 1000 === 0) {
      await new Promise((r) => setImmediate(r));
    }
    yield item;
  }
}
