/**
 * The SIAP set (Single Integrated Air Picture: D. Votruba et al., "Single Integrated Air
 * Picture (SIAP) Metrics Implementation", SIAP SE TF, 2001; as in Stone Soup's `SIAPMetrics`):
 * here each track is associated to its nearest target when closer than the cut-off c
 * (several tracks may hold one target), per scan, and summed over scans:
 *
 * - completeness = Σ N_JT / Σ N_T (targets held by at least one track / targets present);
 * - ambiguity = Σ N_A / Σ N_JT (tracks associated / targets held; 1 is ideal, > 1 duplicates);
 * - spuriousness = Σ N_FT / Σ N_tracks (tracks associated to no target / all tracks).
 */
import type { ScanResult } from "./scan_association.js";

/** SIAP figures (null when the denominator is 0), with their sums. */
export interface Siap {
  completeness: number | null;
  ambiguity: number | null;
  spuriousness: number | null;
  sums: { targets: number; targetsHeld: number; tracksAssociated: number; tracksFalse: number; tracks: number };
}

/** SIAP completeness, ambiguity and spuriousness with association radius `c` (m). */
export function siap(scans: readonly ScanResult[], c: number): Siap {
  let targets = 0, held = 0, assoc = 0, falseT = 0, tracks = 0;
  for (const s of scans) {
    targets += s.targets.length;
    tracks += s.tracks.length;
    const heldIds = new Set<string>();
    for (const nn of s.nearest) {
      if (nn.targetId !== undefined && nn.distance < c) {
        assoc++;
        heldIds.add(nn.targetId);
      } else falseT++;
    }
    held += heldIds.size;
  }
  return {
    completeness: targets > 0 ? held / targets : null,
    ambiguity: held > 0 ? assoc / held : null,
    spuriousness: tracks > 0 ? falseT / tracks : null,
    sums: { targets, targetsHeld: held, tracksAssociated: assoc, tracksFalse: falseT, tracks },
  };
}
