import type { Finding } from "../rules/types.js";
import type { ScanResult } from "../scan-result.js";
import { type FailOn, isActive, meetsThreshold, type ReportOptions } from "./common.js";

export const FAIL_ON_LEVELS = ["error", "warning", "note", "none"] as const;

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON_LEVELS as readonly string[]).includes(value);
}

export type GateOptions = Pick<ReportOptions, "baseline" | "reportUnknown"> & { failOn: FailOn };

/** Findings that fail the gate: at or above `failOn`, not suppressed, not in the baseline. */
export function countingFindings(result: ScanResult, options: GateOptions): Finding[] {
  return result.findings.filter((f) => isActive(f, options.baseline) && meetsThreshold(f.level, options.failOn));
}

/**
 * 1 when something fails the gate, else 0. With `reportUnknown`, located
 * unknowns are SARIF results at level note, so they count for `--fail-on note`.
 */
export function exitCodeFor(result: ScanResult, options: GateOptions): 0 | 1 {
  if (countingFindings(result, options).length > 0) return 1;
  const unknownNotesCount =
    options.reportUnknown === true && meetsThreshold("note", options.failOn) && result.unknowns.some((u) => u.location !== undefined);
  return unknownNotesCount ? 1 : 0;
}
