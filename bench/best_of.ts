/** Timing helper of the benchmarks. */

/**
 * Runs `f` `runs` times and returns the shortest wall time (s) with the count the last run
 * returned (records, plots…): the best run is the one least disturbed by the rest of the machine.
 */
export function bestOf(runs: number, f: () => number): { seconds: number; count: number } {
  let seconds = Infinity;
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    count = f();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { seconds, count };
}
