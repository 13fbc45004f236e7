/** Reconnect delays: exponential back-off with a cap and ±20 % jitter. Pure. */

/** Back-off parameters, milliseconds. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 10_000, factor: 2 };

/**
 * Delay before reconnect attempt number `attempt` (0 = first retry).
 * @param random a number in [0, 1) for the jitter (Math.random in the app, fixed in tests).
 */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random));
}
