import type { Finding, Level } from "../rules/types.js";
import type { ScanResult } from "../scan-result.js";
import {
  compareLocations,
  compareStrings,
  coverageCounts,
  formatLocation,
  isActive,
  isInBaseline,
  levelCounts,
  meetsThreshold,
  oneLine,
  plural,
  type ReportOptions,
  sortedFindings,
  unknownsSummary,
} from "./common.js";

export type TextOptions = Pick<ReportOptions, "color" | "baseline" | "quiet" | "failOn">;

interface Paint {
  file(s: string): string;
  level(level: Level, s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const ANSI = {
  reset: "\u001b[0m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  underline: "\u001b[4m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  cyan: "\u001b[36m",
};

const LEVEL_COLOUR: Record<Level, string> = { error: ANSI.red, warning: ANSI.yellow, note: ANSI.cyan };

function paint(color: boolean): Paint {
  if (!color) return { file: (s) => s, level: (_l, s) => s, dim: (s) => s, bold: (s) => s };
  return {
    file: (s) => `${ANSI.bold}${ANSI.underline}${s}${ANSI.reset}`,
    level: (l, s) => `${LEVEL_COLOUR[l]}${s}${ANSI.reset}`,
    dim: (s) => `${ANSI.dim}${s}${ANSI.reset}`,
    bold: (s) => `${ANSI.bold}${s}${ANSI.reset}`,
  };
}

/** The report for people: findings grouped by file, then one summary line. */
export function formatText(result: ScanResult, options: TextOptions): string {
  const p = paint(options.color === true);
  const failOn = options.failOn ?? "error";
  const shown = sortedFindings(result.findings)
    .filter((f) => isActive(f, options.baseline))
    .filter((f) => !options.quiet || meetsThreshold(f.level, failOn));
  const blocks = groupByFile(shown).map(([file, findings]) => fileBlock(file, findings, p));
  if (options.quiet) return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
  const lines = blocks.length === 0 ? [] : [blocks.join("\n\n"), ""];
  lines.push(...notEvaluatedLines(result), ...kubernetesNoteLines(result));
  lines.push(p.bold(summaryLine(result, shown, options)));
  return `${lines.join("\n")}\n`;
}

function groupByFile(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.location.file);
    if (group) group.push(f);
    else groups.set(f.location.file, [f]);
  }
  return [...groups.entries()];
}

function fileBlock(file: string, findings: readonly Finding[], p: Paint): string {
  const positionWidth = Math.max(...findings.map((f) => position(f).length));
  const ruleWidth = Math.max(...findings.map((f) => f.ruleId.length));
  const rows = [p.file(file)];
  for (const f of findings) {
    const pos = position(f).padEnd(positionWidth);
    const level = p.level(f.level, f.level.padEnd(7));
    const rule = p.dim(f.ruleId.padEnd(ruleWidth));
    const environment = f.environment === "" ? "" : `${p.dim(`[${f.environment}]`)} `;
    rows.push(`  ${pos}  ${level}  ${rule}  ${environment}${oneLine(f.message)}`);
    const indent = " ".repeat(2 + positionWidth + 2);
    for (const r of [...f.related].sort((a, b) => compareLocations(a.location, b.location) || compareStrings(a.message, b.message))) {
      rows.push(`${indent}${p.dim(`-> ${formatLocation(r.location)}`)}  ${oneLine(r.message)}`);
    }
  }
  return rows.join("\n");
}

function position(f: Finding): string {
  return `${f.location.startLine}:${f.location.startColumn}`;
}

function notEvaluatedLines(result: ScanResult): string[] {
  const envs = result.stats.environmentsNotEvaluated;
  if (envs.length === 0) return [];
  const list = [...envs].sort(compareStrings).join(", ");
  return [`Environments not evaluated: ${list} (pass --var-file to evaluate one).`];
}

/** Most Helm/Kubernetes notes printed; the JSON report has all of them. */
const MAX_NOTE_LINES = 10;

/** What the Helm and Kubernetes stage assumed or could not read (issue 6: "said in the summary"). */
function kubernetesNoteLines(result: ScanResult): string[] {
  const notes = result.stats.notes ?? [];
  if (notes.length === 0) return [];
  const lines = notes.slice(0, MAX_NOTE_LINES).map((n) => `Helm: ${oneLine(n.reason)}${n.location ? ` (${formatLocation(n.location)})` : ""}`);
  if (notes.length > MAX_NOTE_LINES) lines.push(`Helm: ${notes.length - MAX_NOTE_LINES} more notes in the JSON report.`);
  return lines;
}

/** "3 errors, 1 warning in 2 files (1 suppressed); 12 components, 9 covered, 2 unknown; 4 unknowns (top reasons: ...)" */
export function summaryLine(result: ScanResult, shown: readonly Finding[], options: Pick<ReportOptions, "baseline"> = {}): string {
  return [findingsSummary(result, shown, options), componentsSummary(result), unknownsSummary(result.unknowns)].join("; ");
}

function findingsSummary(result: ScanResult, shown: readonly Finding[], options: Pick<ReportOptions, "baseline">): string {
  const counts = levelCounts(shown);
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push(plural(counts.warning, "warning"));
  if (counts.note > 0) parts.push(plural(counts.note, "note"));
  const files = new Set(shown.map((f) => f.location.file)).size;
  let text = parts.length === 0 ? "no findings" : `${parts.join(", ")} in ${plural(files, "file")}`;
  const hidden: string[] = [];
  const suppressed = result.findings.filter((f) => f.suppression !== undefined).length;
  if (suppressed > 0) hidden.push(`${suppressed} suppressed`);
  const inBaseline = result.findings.filter((f) => f.suppression === undefined && isInBaseline(f, options.baseline)).length;
  if (inBaseline > 0) hidden.push(`${inBaseline} in baseline`);
  if (hidden.length > 0) text += ` (${hidden.join(", ")})`;
  return text;
}

function componentsSummary(result: ScanResult): string {
  const c = coverageCounts(result);
  return `${plural(c.components, "component")}, ${c.covered} covered, ${c.uncovered} uncovered, ${c.unknown} unknown`;
}
