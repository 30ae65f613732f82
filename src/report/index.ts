import type { ScanResult } from "../scan-result.js";
import type { ReportOptions } from "./common.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

export const REPORT_FORMATS = ["text", "json", "sarif", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The whole report as one string, ready to write. */
export function formatReport(result: ScanResult, format: ReportFormat, opts: ReportOptions = {}): string {
  switch (format) {
    case "text":
      return formatText(result, opts);
    case "json":
      return formatJson(result, opts);
    case "sarif":
      return formatSarif(result, opts);
    case "markdown":
      return formatMarkdown(result, opts);
  }
}

export type { FailOn, ReportOptions } from "./common.js";
export { countingFindings, exitCodeFor, FAIL_ON_LEVELS, isFailOn } from "./gate.js";
export { readBaselineFingerprints } from "./baseline.js";
export { changedFileSet, findingsInChange, inChange, normalizeChangedPath, resultInChange } from "./changes.js";
export { formatJson, toJsonReport } from "./json.js";
export { formatMarkdown } from "./markdown.js";
export { formatSarif, toSarif } from "./sarif.js";
export { formatText } from "./text.js";
