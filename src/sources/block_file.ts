/**
 * Reading ASTERIX recordings from disk: the I/O edge in front of the pure framing functions.
 * The file is read whole with `fs.readFile` (recordings of up to a few hundred MB fit in memory;
 * blocks are yielded as subarrays of that one buffer, so nothing is copied per block). A streaming
 * reader for larger files can replace this without changing the yielded items.
 */
import { readFile } from "node:fs/promises";
import {
  detectFraming, frameBlocks, FramingError,
  type FramedBlock, type FrameOptions, type Framing, type FramingIssue,
} from "../formats/asterix/framing/index.js";
import { SourceError } from "./errors.js";

/** Options of {@link readBlockFile}: the framing options plus the framing itself. */
export interface BlockSourceOptions extends FrameOptions {
  /** Container format; detected from the content (and the file name as a hint) when absent. */
  framing?: Framing;
}

/** Reads a file whole; throws `SourceError` naming it on failure. */
export async function readRecording(path: string): Promise<Uint8Array> {
  try {
    const b = await readFile(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code === "ENOENT") throw new SourceError(path, "not-found", `recording ${path} does not exist`, { cause: err });
    const why = err instanceof Error ? err.message : String(err);
    throw new SourceError(path, "unreadable", `cannot read recording ${path}: ${why}`, { cause: err });
  }
}

/**
 * Reads a recording file and yields its framed ASTERIX data blocks and framing issues, in file order.
 * Block `offset`s are byte offsets in the file. No decoding happens here.
 *
 * @param path file to read (raw, pcap, pcapng, .gps, .rply, final format).
 * @param options `framing` to force a container format (else detected), plus `FrameOptions`
 *   (ORADIS handling, UDP port filter, stats counters).
 * @throws SourceError (reason "not-found" / "unreadable") when the file cannot be read, and
 *   (reason "unknown-framing", cause the `FramingError`) when no framing is given and none fits.
 *   Bad bytes inside the file are never thrown: they are yielded as issues.
 */
export async function* readBlockFile(
  path: string, options: BlockSourceOptions = {},
): AsyncGenerator<FramedBlock | FramingIssue, void, undefined> {
  const buf = await readRecording(path);
  let framing = options.framing;
  if (framing === undefined) {
    if (buf.length === 0) throw new SourceError(path, "unknown-framing", `recording ${path} is empty`);
    try {
      framing = detectFraming(buf, path);
    } catch (err) {
      if (!(err instanceof FramingError)) throw err;
      // The framing error names the file already.
      throw new SourceError(path, "unknown-framing", `${err.message}; pass the framing explicitly (--format)`, { cause: err });
    }
  }
  yield* frameBlocks(buf, framing, options);
}
