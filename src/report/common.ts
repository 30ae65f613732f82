import { createHash } from "node:crypto";
import type { Location, ScanUnknown } from "../graph/types.js";
import type { Finding, Level } from "../rules/types.js";
import type { ScanResult } from "../scan-result.js";

/** Options shared by every reporter; each one reads only the fields it needs. */
export interface ReportOptions {
  /** Text only: ANSI colours. */
  color?: boolean;
  /** SARIF only: unknowns become UNK-001 results at level note (SPEC section 1). */
  reportUnknown?: boolean;
  /** Fingerprints (`restorable/v1`) of a baseline SARIF: those results are `unchanged`. */
  baseline?: ReadonlySet<string>;
  /** Text only: list only findings that count for `failOn`, no summary line. */
  quiet?: boolean;
  /** Threshold used by `quiet`. Default "error". */
  failOn?: FailOn;
}

export type FailOn = Level | "none";

export const FINGERPRINT_KEY = "restorable/v1";

const LEVEL_RANK: Record<Level, number> = { error: 3, warning: 2, note: 1 };

export function levelRank(level: Level): number {
  return LEVEL_RANK[level];
}

/** Plain code-unit comparison: locale-independent, so output bytes never depend on the host. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: number, b: number): number {
  return a - b;
}

/** SPEC section 5 order: uri, line, column, rule id, subject; the rest only breaks ties. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.location.file, b.location.file) ||
    compareNumbers(a.location.startLine, b.location.startLine) ||
    compareNumbers(a.location.startColumn, b.location.startColumn) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.root, b.root) ||
    compareStrings(a.anchor, b.anchor) ||
    compareStrings(a.environment, b.environment) ||
    compareNumbers(a.location.endLine, b.location.endLine) ||
    compareNumbers(a.location.endColumn, b.location.endColumn) ||
    compareStrings(a.message, b.message)
  );
}

export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function compareLocations(a: Location, b: Location): number {
  return (
    compareStrings(a.file, b.file) ||
    compareNumbers(a.startLine, b.startLine) ||
    compareNumbers(a.startColumn, b.startColumn) ||
    compareNumbers(a.endLine, b.endLine) ||
    compareNumbers(a.endColumn, b.endColumn)
  );
}

export function compareUnknowns(a: ScanUnknown, b: ScanUnknown): number {
  return (
    compareStrings(a.root, b.root) ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.what, b.what) ||
    compareStrings(a.reason, b.reason) ||
    compareStrings(a.hint ?? "", b.hint ?? "") ||
    compareStrings(a.location?.file ?? "", b.location?.file ?? "") ||
    compareNumbers(a.location?.startLine ?? 0, b.location?.startLine ?? 0)
  );
}

export function sortedUnknowns(unknowns: readonly ScanUnknown[]): ScanUnknown[] {
  return [...unknowns].sort(compareUnknowns);
}

function sha256Hex(parts: readonly string[]): string {
  // JSON array: no separator character can make two different tuples collide.
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * Identity of a finding across runs: rule, root, subject, anchor and environment.
 * No file name, line or column, so moving a resource to another file keeps the alert.
 */
export function findingFingerprint(f: Pick<Finding, "ruleId" | "root" | "subject" | "anchor" | "environment">): string {
  return sha256Hex([f.ruleId, f.root, f.subject, f.anchor, f.environment]);
}

export function unknownFingerprint(u: ScanUnknown): string {
  return sha256Hex([UNKNOWN_RULE_ID, u.root, u.subject, u.what, ""]);
}

export const UNKNOWN_RULE_ID = "UNK-001";

export function isInBaseline(f: Finding, baseline: ReadonlySet<string> | undefined): boolean {
  return baseline !== undefined && baseline.has(findingFingerprint(f));
}

/** Findings a person should look at: not suppressed, not already in the baseline. */
export function isActive(f: Finding, baseline: ReadonlySet<string> | undefined): boolean {
  return f.suppression === undefined && !isInBaseline(f, baseline);
}

export function meetsThreshold(level: Level, failOn: FailOn): boolean {
  return failOn !== "none" && levelRank(level) >= levelRank(failOn);
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Collapse whitespace runs (newlines included) so one finding stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function formatLocation(loc: Location): string {
  return `${loc.file}:${loc.startLine}:${loc.startColumn}`;
}

export interface ReasonCount {
  reason: string;
  count: number;
}

/** Unknown reasons by frequency (then alphabetically), most frequent first. */
export function topUnknownReasons(unknowns: readonly ScanUnknown[], limit = 3): ReasonCount[] {
  const counts = new Map<string, number>();
  for (const u of unknowns) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || compareStrings(a.reason, b.reason))
    .slice(0, limit);
}

/** "4 unknowns (top reasons: x (2), y (1))" — the closing words of text and Markdown reports. */
export function unknownsSummary(unknowns: readonly ScanUnknown[]): string {
  const head = plural(unknowns.length, "unknown");
  if (unknowns.length === 0) return head;
  const reasons = topUnknownReasons(unknowns)
    .map((r) => `${oneLine(r.reason)} (${r.count})`)
    .join("; ");
  return `${head} (top reasons: ${reasons})`;
}

export interface CoverageCounts {
  components: number;
  covered: number;
  uncovered: number;
  unknown: number;
}

export function coverageCounts(result: ScanResult): CoverageCounts {
  const counts: CoverageCounts = { components: result.components.length, covered: 0, uncovered: 0, unknown: 0 };
  for (const entry of result.components) counts[entry.coverage.status] += 1;
  return counts;
}

export interface LevelCounts {
  error: number;
  warning: number;
  note: number;
}

export function levelCounts(findings: readonly Finding[]): LevelCounts {
  const counts: LevelCounts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.level] += 1;
  return counts;
}

/** Ends a plain-text sentence with a period (SARIF and GitHub expect complete sentences). */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
