/**
 * Typed errors of the coverage module. Every error says what was wrong and where (file, field).
 */

/** What kind of problem a {@link CoverageError} reports. */
export type CoverageErrorCode =
  | "dem-format" // a terrain file that is not what its name or header says
  | "dem-io" // a terrain file that cannot be read
  | "dem-mismatch" // tiles of a mosaic with different post spacing
  | "site-outside" // a sensor or protected site outside the terrain grid
  | "bad-input"; // a layer list, region, sensor parameter or option that is not valid

/** Error raised by the coverage module for bad input. Never thrown for a valid, merely unusual, input. */
export class CoverageError extends Error {
  constructor(
    readonly code: CoverageErrorCode,
    message: string,
    /** File the problem was found in, when there is one. */
    readonly file?: string,
  ) {
    super(file !== undefined ? `${file}: ${message}` : message);
    this.name = "CoverageError";
  }
}
