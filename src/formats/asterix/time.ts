/**
 * ASTERIX carries time of day only (seconds since UTC midnight, e.g. I048/140, I034/030).
 * It is resolved against a reference time given by the source (a capture timestamp, the
 * date of a recording, or the clock for live data): the result is the instant with that
 * time of day nearest to the reference, so midnight rollovers resolve to the right day.
 * DESIGN.md, "Contracts: Time".
 */

/** Seconds per day. */
export const DAY = 86400;

/**
 * The UTC time (s since 1970) whose time of day is `timeOfDay` (s, may exceed 86400 by a
 * little in some recordings) and which lies nearest to `reference` (UTC s).
 */
export function resolveTimeOfDay(timeOfDay: number, reference: number): number {
  const midnight = Math.floor(reference / DAY) * DAY;
  let t = midnight + timeOfDay;
  while (t - reference > DAY / 2) t -= DAY;
  while (reference - t > DAY / 2) t += DAY;
  return t;
}

/**
 * Resolves successive times of day of one stream: each against the container's time when it
 * has one, otherwise against the previous resolved time (so a recording crossing midnight moves
 * to the next day), starting from `start` (UTC s; e.g. midnight of the recording's date).
 */
export class TimeOfDayResolver {
  private last: number;

  constructor(start: number) {
    this.last = start;
  }

  /** The latest resolved time (or the start), UTC s. */
  latest(): number {
    return this.last;
  }

  /** Resolves one time of day; `containerTime` (UTC s) is used as the reference when given. */
  resolve(timeOfDay: number, containerTime?: number): number {
    const t = resolveTimeOfDay(timeOfDay, containerTime ?? this.last);
    this.last = t;
    return t;
  }
}

/**
 * The time of day (s since UTC midnight) of a UTC time, as an ASTERIX time-of-day item holds it:
 * in [0, 86400), values that would round up to 86400 at the 1/128 s LSB kept just below.
 */
export function timeOfDayOf(time: number): number {
  const tod = ((time % DAY) + DAY) % DAY;
  return Math.min(tod, DAY - 1 / 128);
}
