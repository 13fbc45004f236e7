/** Errors of the simulator. */

/** A scenario definition that cannot be flown or simulated (bad route, inconsistent profile, bad option). */
export class ScenarioError extends Error {
  /** Which target or sensor the problem is in, when known (its id). */
  readonly subject: string | undefined;

  constructor(message: string, subject?: string) {
    super(subject === undefined ? message : `${subject}: ${message}`);
    this.name = "ScenarioError";
    this.subject = subject;
  }
}
