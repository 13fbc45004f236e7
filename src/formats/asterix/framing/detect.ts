/**
 * Guessing the container of a recording from its bytes: magic numbers for pcap/pcapng, then the
 * structure (how many plausible data blocks follow one another) for rply, final, gps and raw.
 */
import { isPlausibleBlock } from "./blocks.js";
import { hexAt, u16be } from "./bytes.js";
import { finalRecordProblem, FINAL_HEADER, FINAL_PADDING } from "./final.js";
import { pcapFormat } from "./pcap.js";
import { isPcapng } from "./pcapng.js";
import { GPS_HEADER, GPS_LAYOUT, RAW_LAYOUT, RPLY_LAYOUT, scoreUnits, type ChainScore } from "./sequential.js";
import { FramingError, type Framing } from "./types.js";

/** Units that must chain from the start for a structural guess, unless the buffer ends sooner. */
export const DETECT_UNITS = 8;

/** How far into a buffer a raw chain is looked for when none starts at its first byte, bytes. */
export const DETECT_WINDOW = 65536;

const EXTENSIONS: Record<string, Framing> = {
  pcap: "pcap", cap: "pcap", dmp: "pcap", pcapng: "pcapng", ntar: "pcapng", gps: "gps", rply: "rply", rpl: "rply",
  ff: "final", final: "final", ast: "raw", raw: "raw", bin: "raw", asterix: "raw",
};

function scoreFinal(b: Uint8Array): ChainScore {
  let r = 0;
  let count = 0;
  while (count < DETECT_UNITS) {
    if (r === b.length) return { count, outcome: count > 0 ? "eof" : "bad" };
    if (finalRecordProblem(b, r, b.length) !== null) {
      return { count, outcome: count > 0 && b.length - r >= 2 && u16be(b, r) > b.length - r ? "truncated" : "bad" };
    }
    const n = u16be(b, r);
    if (!isPlausibleBlock(b, r + FINAL_HEADER, r + n - FINAL_PADDING)) return { count, outcome: "bad" };
    count++;
    r += n;
  }
  return { count, outcome: r === b.length ? "eof" : "max" };
}

function passes(s: ChainScore): boolean {
  return s.count >= DETECT_UNITS || (s.count >= 1 && (s.outcome === "eof" || s.outcome === "truncated"));
}

/**
 * Tells the framing of a recording from its content: pcap (magic a1b2c3d4/a1b23c4d/a1b2cd34, either
 * byte order), pcapng (Section Header Block), then by structure: rply ([u32 LE len][u32 LE delay][block]),
 * final (records ending in A5A5A5A5), gps (2200-byte header, blocks each followed by 10 bytes), raw
 * (blocks back to back). A structural guess needs `DETECT_UNITS` plausible units in a row from the
 * start (fewer when the buffer ends first; a last unit cut by the end of the buffer still counts as
 * the end). When several fit, the file name's extension decides, then the longest chain. When none
 * fits, a raw chain of `DETECT_UNITS` blocks starting within the first `DETECT_WINDOW` bytes still
 * makes it raw (a damaged first block).
 *
 * @param buf the recording (only its first units are read for structural guesses).
 * @param fileName optional name, used as a hint and in the error message.
 * @throws FramingError when nothing fits (e.g. random bytes, a raw file of unlisted categories: force the framing then).
 */
export function detectFraming(buf: Uint8Array, fileName?: string): Framing {
  if (pcapFormat(buf) !== null) return "pcap";
  if (isPcapng(buf)) return "pcapng";
  const scores: [Framing, ChainScore][] = [
    ["rply", scoreUnits(buf, 0, RPLY_LAYOUT, DETECT_UNITS)],
    ["final", scoreFinal(buf)],
    ["gps", buf.length > GPS_HEADER ? scoreUnits(buf, GPS_HEADER, GPS_LAYOUT, DETECT_UNITS) : { count: 0, outcome: "bad" }],
    ["raw", scoreUnits(buf, 0, RAW_LAYOUT, DETECT_UNITS)],
  ];
  const fitting = scores.filter(([, s]) => passes(s));
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const hinted = ext === undefined ? undefined : EXTENSIONS[ext];
  const byHint = fitting.find(([f]) => f === hinted);
  if (byHint !== undefined) return byHint[0];
  if (fitting.length > 0) {
    // Stable sort keeps the preference order (rply, final, gps, raw) among equal chains.
    return [...fitting].sort(([, a], [, b]) => b.count - a.count)[0][0];
  }
  // A damaged start (a lying length in the first blocks): raw when a full chain of plausible blocks
  // starts a little later; the raw reader then reports the damaged bytes with their offset.
  const window = Math.min(buf.length, DETECT_WINDOW);
  for (let off = 1; off < window; off++) {
    if (scoreUnits(buf, off, RAW_LAYOUT, DETECT_UNITS).count >= DETECT_UNITS) return "raw";
  }
  const name = fileName ?? "the buffer";
  throw new FramingError(
    `cannot tell the framing of ${name} (${buf.length} bytes, first bytes ${hexAt(buf, 0, 8) || "none"}): ` +
    "no pcap/pcapng magic number, and no chain of plausible ASTERIX data blocks as raw, gps, rply or final format", fileName);
}
