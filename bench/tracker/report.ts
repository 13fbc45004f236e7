/**
 * Printing helpers of the tracker benchmark: plain-text tables, PASS/FAIL verdicts, number
 * formatting, and the shape every section returns (its figures, for `--json`).
 */

/** A verdict against one goal of issue #6: true = PASS, false = FAIL, null = not measurable here. */
export type Verdict = boolean | null;

/** One goal of a section with the measured value and the verdict. */
export interface Goal {
  /** What is compared, e.g. "s1 mean GOSPA ≤ 0.8 × Stone Soup best". */
  goal: string;
  /** The measured figure and the limit, as printed. */
  measured: string;
  verdict: Verdict;
}

/** What a section returns: its goals and every figure it measured (JSON-ready). */
export interface SectionResult {
  section: string;
  goals: Goal[];
  figures: Record<string, unknown>;
  /** Why the section (or part of it) could not run, when it could not. */
  skipped?: string;
}

/** "PASS", "FAIL" or "n/a". */
export function verdictText(v: Verdict): string {
  return v === null ? "n/a" : v ? "PASS" : "FAIL";
}

/** A number with `digits` decimals, or "–" for null/undefined/NaN. */
export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  return x.toFixed(digits);
}

/** A large count with thin groups (12 345 678), or "–". */
export function fmtInt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return Math.round(x).toLocaleString("en-US").replace(/,/g, " ");
}

/** A ratio 0…1 as a percentage with `digits` decimals, or "–". */
export function fmtPct(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(digits)}%`;
}

/**
 * A plain-text table: a header row, a rule, then the rows; columns padded to their widest
 * cell, the first column left-aligned and the others right-aligned.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, j) => (j === 0 ? c.padEnd(width[j]) : c.padStart(width[j]))).join("  ").trimEnd();
  return [line(header), width.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The goals of a section as a table with their verdicts. */
export function goalsTable(goals: readonly Goal[]): string {
  return table(["goal (issue #6)", "measured", "verdict"], goals.map((g) => [g.goal, g.measured, verdictText(g.verdict)]));
}

/** A section heading. */
export function heading(title: string): string {
  return `\n=== ${title} ${"=".repeat(Math.max(3, 88 - title.length))}`;
}
