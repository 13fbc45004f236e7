/** Typed errors of the sources layer. */

/** Why a source could not be read. */
export type SourceErrorReason =
  /** The file does not exist. */
  | "not-found"
  /** The file exists but could not be read (permissions, a directory, I/O error). */
  | "unreadable"
  /** The file was read but its framing could not be told (see `detectFraming`); pass `framing` explicitly. */
  | "unknown-framing";

/** Thrown by the file sources when a recording cannot be opened or read; the message names the file. */
export class SourceError extends Error {
  override readonly name = "SourceError";
  /** Path of the file concerned, as given by the caller. */
  readonly path: string;
  /** What went wrong. */
  readonly reason: SourceErrorReason;
  constructor(path: string, reason: SourceErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
    this.reason = reason;
  }
}
