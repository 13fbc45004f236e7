/**
 * Typed errors of the Mode S layer. DESIGN.md, "Contracts: Errors": decoders return a result or
 * throw a typed error with the byte offset; sources catch, count and go on.
 */

/** Why a Mode S frame or field could not be decoded. */
export type ModeSErrorReason =
  /** Fewer bytes than the downlink format needs (56 or 112 bits). */
  | "truncated"
  /** A hex string with an odd number of digits or a non-hex character. */
  | "bad-hex"
  /** A length that is neither 7 nor 14 bytes. */
  | "bad-length";

/** Thrown by the Mode S decoders for input they cannot interpret. */
export class ModeSDecodeError extends Error {
  override readonly name = "ModeSDecodeError";
  /** Byte offset of the problem in the buffer (or character offset in a hex string). */
  readonly offset: number;
  /** What went wrong. */
  readonly reason: ModeSErrorReason;
  constructor(reason: ModeSErrorReason, message: string, offset: number) {
    super(`${message} (byte offset ${offset})`);
    this.reason = reason;
    this.offset = offset;
  }
}
