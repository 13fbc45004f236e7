/**
 * Seeded pseudo-random numbers for the simulator: the same seed gives the same numbers on
 * every machine, so a scenario run is reproducible byte for byte.
 *
 * Generator: mulberry32 (Tommy Ettinger, public domain), 32-bit state, period 2³².
 * Seeds are derived by hashing a key (FNV-1a 32-bit, then the murmur3 finaliser), so every
 * (run seed, sensor, scan, target) gets its own independent stream and the noise of one target
 * does not depend on which other targets exist.
 */

/** A source of uniform numbers in [0, 1). */
export interface Random {
  /** Next uniform number in [0, 1). */
  next(): number;
}

/** mulberry32 generator seeded with a 32-bit integer (other numbers are truncated to 32 bits). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a step over the UTF-16 code units of `s`, from state `h`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** murmur3 fmix32 finaliser. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a string key: FNV-1a over UTF-16 code units, then the murmur3 fmix32 finaliser. */
export function hash32(key: string): number {
  return fmix32(fnv(FNV_OFFSET, key));
}

/**
 * A generator for one key under a run seed, e.g. `streamFor(seed, "20/1", scan, "ARR-SW#3")`:
 * seeded with `hash32` of the key "seed|part|part…" (hashed part by part, without building it).
 */
export function streamFor(seed: number, ...key: (string | number)[]): Random {
  let h = Math.imul(fnv(FNV_OFFSET, String(seed)) ^ 0x7c, FNV_PRIME); // "seed|"
  for (let i = 0; i < key.length; i++) {
    if (i > 0) h = Math.imul(h ^ 0x7c, FNV_PRIME); // "|"
    const part = key[i];
    h = fnv(h, typeof part === "string" ? part : String(part));
  }
  return mulberry32(fmix32(h));
}

/** Advances a generator by `n` draws (keeps a stream's later numbers where draws are not needed). */
export function skip(rng: Random, n: number): void {
  for (let i = 0; i < n; i++) rng.next();
}

/**
 * Standard normal sample N(0, 1) by the Box–Muller transform (G. E. P. Box, M. E. Muller,
 * Ann. Math. Statist. 29(2), 1958). Uses two uniforms per call (the second normal is dropped
 * so that the number of draws per sample is fixed).
 */
export function gaussian(rng: Random): number {
  const u1 = 1 - rng.next(); // (0, 1]: log never sees 0
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
