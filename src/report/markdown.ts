import { isUnknownFact, type Fact } from "../graph/types.js";
import type { Finding, Level } from "../rules/types.js";
import type { InventoryEntry, Protection, ScanResult } from "../scan-result.js";
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
import { mermaidDiagram } from "./mermaid.js";
import { summaryLine } from "./text.js";

export type MarkdownOptions = Pick<ReportOptions, "baseline">;

const LEVEL_HEADINGS: [Level, string][] = [
  ["error", "Errors"],
  ["warning", "Warnings"],
  ["note", "Notes"],
];

/** A report larger than this (bytes) drops table rows until it fits; GitHub's job summary limit is 1 MiB. */
export const MAX_MARKDOWN_BYTES = 1024 * 1024;
const FIRST_ROW_LIMIT = 2000;

/** The backup-scope table, findings by severity, the diagram, unknowns at the end; always under 1 MiB. */
export function formatMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const active = sortedFindings(result.findings).filter((f) => isActive(f, options.baseline));
  const uncovered = uncoveredIds(result);
  const diagram = mermaidDiagram(result.components, uncovered);
  for (let rows = FIRST_ROW_LIMIT; ; rows = Math.floor(rows / 2)) {
    const sections = [
      `## restorable ${result.tool.version}`,
      summaryLine(result, active, options),
      inventorySection(result.components, uncovered, rows),
      ...(diagram !== undefined && rows > 0 ? [`### Where backups go\n\n\`\`\`mermaid\n${diagram}\n\`\`\``] : []),
      ...findingSections(active, rows),
      ...helmNotes(result),
      `**${unknownsSummary(result.unknowns)}**`,
    ];
    const text = `${sections.join("\n\n")}\n`;
    if (rows === 0 || Buffer.byteLength(text, "utf8") <= MAX_MARKDOWN_BYTES) return text;
  }
}

/** What the Helm and Kubernetes stage assumed or could not read (issue 6: "said in the summary"), at most 50. */
function helmNotes(result: ScanResult): string[] {
  const notes = result.stats.notes ?? [];
  if (notes.length === 0) return [];
  const rows = notes.slice(0, 50).map((n) => `- ${cell(n.reason)}${n.location ? ` (${code(formatLocation(n.location))})` : ""}`);
  return [`### Helm and Kubernetes notes\n\n${rows.join("\n")}${omitted(notes.length - rows.length, "note")}`];
}

/** Components that an unsuppressed COV-001 reports, by component id. */
function uncoveredIds(result: ScanResult): Set<string> {
  const reported = new Set(result.findings.filter((f) => f.ruleId === "COV-001" && f.suppression === undefined).map((f) => `${f.root}::${f.subject}`));
  return new Set(result.components.filter((e) => reported.has(`${e.component.root}::${e.component.address}`)).map((e) => e.component.id));
}

function omitted(count: number, what: string): string {
  return count > 0 ? `\n\n_${plural(count, `more ${what}`, `more ${what}s`)} in the JSON or SARIF report._` : "";
}

/** Table cell text: one line, pipes escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

function code(text: string): string {
  return `\`${cell(text).replace(/`/g, "'")}\``;
}

function findingSections(findings: readonly Finding[], maxRows: number): string[] {
  if (findings.length === 0) return ["No findings."];
  return LEVEL_HEADINGS.flatMap(([level, heading]) => {
    const ofLevel = findings.filter((f) => f.level === level);
    if (ofLevel.length === 0) return [];
    const rows = ofLevel
      .slice(0, maxRows)
      .map((f) => `| ${f.ruleId} | ${code(formatLocation(f.location))} | ${code(f.subject)} | ${cell(f.environment === "" ? f.message : `[${f.environment}] ${f.message}`)} |`);
    return [`### ${heading} (${ofLevel.length})\n\n| Rule | Location | Subject | Message |\n| --- | --- | --- | --- |\n${rows.join("\n")}${omitted(ofLevel.length - rows.length, "finding")}`];
  });
}

function factText<T>(value: Fact<T>, show: (v: T) => string): string {
  return isUnknownFact(value) ? "unknown" : show(value);
}

function retentionText(days: number | null): string {
  return days === null ? "forever" : plural(days, "day");
}

function intervalText(hours: number): string {
  if (hours === 0) return "continuous";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  return hours % 24 === 0 ? plural(hours / 24, "day") : `${hours} h`;
}

function unknownText(): string {
  return "unknown";
}

function everyText(p: Protection): string {
  return p.intervalHours === undefined ? "–" : factText(p.intervalHours, intervalText);
}

function keptText(p: Protection): string {
  return p.retentionDays === undefined ? "–" : factText(p.retentionDays, retentionText);
}

function backedUpByText(entry: InventoryEntry, uncovered: ReadonlySet<string>): string {
  const m = entry.protection.mechanisms.map((x) => (x.address === undefined ? x.via : x.rule !== undefined ? `${x.address} (${x.rule})` : x.address));
  const text = [...new Set(m)].sort(compareStrings).join(", ");
  if (text !== "") return entry.coverage.status === "unknown" ? `${text}; maybe more` : text;
  if (entry.coverage.status === "unknown") return unknownText();
  return uncovered.has(entry.component.id) ? "**nothing**" : "nothing";
}

/** Regions outside the component's own that hold copies or replicas. */
function copiesText(entry: InventoryEntry): string {
  const own = entry.component.region;
  const regions = [...entry.protection.regions, ...entry.protection.copies.map((c) => c.region)];
  const other = new Set(regions.filter((r): r is string => !isUnknownFact(r) && r !== own));
  const unknown = regions.some(isUnknownFact) || isUnknownFact(own);
  const text = [...other].sort(compareStrings).join(", ");
  if (text !== "") return unknown ? `${text}, unknown` : text;
  return unknown ? unknownText() : "–";
}

function keyText(p: Protection): string {
  const keys = p.keys.map((k) => {
    const name = factText(k.key, (v) => v);
    const state = isUnknownFact(k.retrievable) ? "" : k.retrievable ? "" : " (not retrievable)";
    return `${name}${state}`;
  });
  return [...new Set(keys)].sort(compareStrings).join(", ") || "–";
}

function lockedText(p: Protection): string {
  return factText(p.locked, (m) => (m === "none" ? "no" : m));
}

function testedText(p: Protection): string {
  return factText(p.restoreTested, (t) => (t ? "yes" : "no"));
}

function inventorySection(entries: readonly InventoryEntry[], uncovered: ReadonlySet<string>, maxRows: number): string {
  if (entries.length === 0) return "### Backup scope\n\nNo stateful components found.";
  const sorted = [...entries].sort(
    (a, b) => compareStrings(a.component.root, b.component.root) || compareStrings(a.component.address, b.component.address),
  );
  const rows = sorted.slice(0, maxRows).map((entry) => {
    const c = entry.component;
    const p = entry.protection;
    const name = c.root === "." || c.root === "" ? c.address : `${c.root}: ${c.address}`;
    const cells = [code(name), c.kind, cell(entry.classes.join(", ") || "–"), cell(backedUpByText(entry, uncovered)), everyText(p), keptText(p), cell(copiesText(entry)), cell(keyText(p)), lockedText(p), testedText(p)];
    return `| ${cells.join(" | ")} |`;
  });
  const header = "| Component | Kind | Class | Backed up by | Every | Kept | Copies in | Key | Locked | Tested |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";
  return `### Backup scope (${plural(entries.length, "component")})\n\n${header}\n${rows.join("\n")}${omitted(sorted.length - rows.length, "component")}`;
}
