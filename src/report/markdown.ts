import { isUnknownFact, type Fact, type RecoveryStream } from "../graph/types.js";
import type { Finding, Level } from "../rules/types.js";
import type { InventoryEntry, ScanResult } from "../scan-result.js";
import {
  compareStrings,
  formatLocation,
  isActive,
  oneLine,
  plural,
  type ReportOptions,
  sortedFindings,
  unknownsSummary,
} from "./common.js";
import { summaryLine } from "./text.js";

export type MarkdownOptions = Pick<ReportOptions, "baseline">;

const LEVEL_HEADINGS: [Level, string][] = [
  ["error", "Errors"],
  ["warning", "Warnings"],
  ["note", "Notes"],
];

/** First version: findings grouped by severity, the backup-scope table, unknowns at the end. */
export function formatMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const active = sortedFindings(result.findings).filter((f) => isActive(f, options.baseline));
  const sections = [
    `## restorable ${result.tool.version}`,
    summaryLine(result, active, options),
    ...findingSections(active),
    inventorySection(result.components),
    `**${unknownsSummary(result.unknowns)}**`,
  ];
  return `${sections.join("\n\n")}\n`;
}

/** Table cell text: one line, pipes escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

function code(text: string): string {
  return `\`${cell(text).replace(/`/g, "'")}\``;
}

function findingSections(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["No findings."];
  return LEVEL_HEADINGS.flatMap(([level, heading]) => {
    const ofLevel = findings.filter((f) => f.level === level);
    if (ofLevel.length === 0) return [];
    const rows = ofLevel.map((f) => `| ${f.ruleId} | ${code(formatLocation(f.location))} | ${code(f.subject)} | ${cell(f.environment === "" ? f.message : `[${f.environment}] ${f.message}`)} |`);
    return [`### ${heading} (${ofLevel.length})\n\n| Rule | Location | Subject | Message |\n| --- | --- | --- | --- |\n${rows.join("\n")}`];
  });
}

function factText<T>(value: Fact<T>, show: (v: T) => string): string {
  return isUnknownFact(value) ? "unknown" : show(value);
}

function retentionText(days: number | null): string {
  return days === null ? "forever" : plural(days, "day");
}

function intervalText(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  return hours % 24 === 0 ? plural(hours / 24, "day") : `${hours} h`;
}

function streamText(s: RecoveryStream): string {
  const retention = factText(s.retentionDays, retentionText);
  const interval = factText(s.intervalHours, intervalText);
  const region = factText(s.region, (r) => r);
  return `${s.via}: every ${interval}, kept ${retention}, in ${region}`;
}

function inventorySection(entries: readonly InventoryEntry[]): string {
  if (entries.length === 0) return "### Backup scope\n\nNo stateful components found.";
  const sorted = [...entries].sort(
    (a, b) => compareStrings(a.component.root, b.component.root) || compareStrings(a.component.address, b.component.address),
  );
  const rows = sorted.map(({ component: c, coverage }) => {
    const streams = coverage.streams.map(streamText).sort(compareStrings).join("<br>") || "none";
    return `| ${code(c.address)} | ${cell(c.root)} | ${c.kind} | ${cell(factText(c.region, (r) => r))} | ${coverage.status} | ${cell(streams)} |`;
  });
  return `### Backup scope (${plural(entries.length, "component")})\n\n| Component | Root | Kind | Region | Coverage | Recovery streams |\n| --- | --- | --- | --- | --- | --- |\n${rows.join("\n")}`;
}
