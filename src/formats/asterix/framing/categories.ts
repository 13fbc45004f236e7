/**
 * ASTERIX categories Skywatch treats as "plausible" when it has to guess where a data block starts
 * (resynchronisation after garbage, framing detection). Ordinary framing accepts any category 1..255;
 * only the guessing uses this list, so that random bytes rarely look like a chain of blocks.
 *
 * Source: EUROCONTROL ASTERIX category list (www.eurocontrol.int/asterix): standard categories in use
 * (001–065) plus the special-purpose/non-standard ones commonly met in recordings (150–255).
 */
const KNOWN: readonly number[] = [
  1, 2, 3, 4, 7, 8, 9, 10, 11, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 30, 31, 32, 34, 48, 62, 63, 65,
  150, 151, 152, 153, 155, 205, 238, 240, 247, 252, 253, 255,
];

const TABLE = new Uint8Array(256);
for (const c of KNOWN) TABLE[c] = 1;

/** True when `cat` (0..255) is one of the commonly used ASTERIX categories listed above. */
export function isKnownCategory(cat: number): boolean {
  return TABLE[cat] === 1;
}

/** The commonly used categories, ascending. */
export const KNOWN_CATEGORIES: readonly number[] = KNOWN;

// Categories whose first UAP item (FRN 1) is the mandatory Data Source Identifier I0xx/010, so the
// first FSPEC octet of every record has its top bit set (category specifications, UAP tables).
const SOURCE_FIRST = new Uint8Array(256);
for (const c of [1, 2, 4, 8, 9, 10, 11, 15, 16, 17, 18, 19, 20, 21, 23, 25, 34, 48, 62, 63, 65, 247]) SOURCE_FIRST[c] = 1;

/** True when records of category `cat` always start with I/010 (FRN 1 set in the first FSPEC octet). */
export function startsWithSourceId(cat: number): boolean {
  return SOURCE_FIRST[cat] === 1;
}
