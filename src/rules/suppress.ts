/**
 * Suppressions (SPEC section 4): applied to the findings after the rules ran and
 * before any report. A suppressed finding stays in the results with
 * `suppression: { kind, justification }` (SARIF `suppressions`), does not count for
 * `--fail-on` and is hidden from the text output.
 *
 * - inSource: `# restorable:ignore COV-001 reason text` (or `//`) in the comment
 *   lines right above the finding's primary location, or right above its subject's
 *   block header (a comment above `resource "..." "..." {` covers findings that land
 *   on one of its attributes). Several ids: `restorable:ignore COV-001,REG-001 reason`.
 * - external: config `ignore:` entries (rule, address glob, reason, optional expiry).
 *
 * An ignore without a reason does not apply and says so in the finding's message;
 * an expired config ignore stops applying and says so too. Rules never see comments:
 * the HCL model has none, so the source lines come from the texts the scan already read.
 */
import picomatch from "picomatch";
import type { Location } from "../graph/types.js";
import type { ConfigIgnore } from "../policy/types.js";
import type { Finding } from "./types.js";

export interface SuppressionInput {
  findings: readonly Finding[];
  /** Text of a scanned file (path relative to the scan root); undefined when not read. */
  textOf: (file: string) => string | undefined;
  /** Block header of a finding's subject (`${root}::${address}`), for comments above the block. */
  subjectHeader?: (root: string, address: string) => Location | undefined;
  ignores?: readonly ConfigIgnore[];
  /** Decides expiry of config ignores. */
  now: Date;
}

/** An inline directive as written: the rule ids it names and its reason ("" when none). */
export interface InlineIgnore {
  rules: string[];
  reason: string;
  file: string;
  line: number;
}

const DIRECTIVE = /^\s*(?:#|\/\/)\s*restorable:ignore\b(.*)$/i;
const RULE_LIST = /^\s*([A-Za-z]{3}-\d{3}(?:\s*,\s*[A-Za-z]{3}-\d{3})*)(.*)$/;
const WILDCARD_RULES = new Set(["*", "all"]);

/** Parses one source line: the directive it holds, if any. */
export function parseInlineIgnore(text: string, file: string, line: number): InlineIgnore | undefined {
  const m = DIRECTIVE.exec(text);
  if (!m) return undefined;
  const rest = m[1]!.replace(/\*\/\s*$/, "");
  const list = RULE_LIST.exec(rest);
  if (!list) return { rules: [], reason: reasonText(rest), file, line };
  const rules = list[1]!.split(",").map((r) => r.trim().toUpperCase());
  return { rules, reason: reasonText(list[2]!), file, line };
}

/** Reason text without the separators people put before it (`--`, `:`, `-`). */
function reasonText(text: string): string {
  return text.replace(/^\s*(?:--|[:\u2014\u2013-])?\s*/, "").trim();
}

function isCommentLine(text: string): boolean {
  return /^\s*(?:#|\/\/)/.test(text);
}

/**
 * Directives in the run of comment lines right above `line` (1-based), nearest first.
 * A blank line ends the run: a comment further up belongs to something else.
 */
export function inlineIgnoresAbove(lines: readonly string[], file: string, line: number): InlineIgnore[] {
  const out: InlineIgnore[] = [];
  for (let i = line - 2; i >= 0 && isCommentLine(lines[i]!); i--) {
    const directive = parseInlineIgnore(lines[i]!, file, i + 1);
    if (directive) out.push(directive);
  }
  return out;
}

function names(directive: Pick<InlineIgnore, "rules">, ruleId: string): boolean {
  return directive.rules.includes(ruleId);
}

/** Config ignore address globs: picomatch, where a plain address (brackets included) also matches itself. */
export function addressMatches(glob: string, address: string): boolean {
  return glob === address || picomatch.isMatch(address, glob, { dot: true });
}

function ruleMatches(rule: string, ruleId: string): boolean {
  return WILDCARD_RULES.has(rule.trim().toLowerCase()) || rule.trim().toUpperCase() === ruleId;
}

/** The first instant after the expiry day (the ignore applies through the whole of `expires`, UTC). */
export function expiryInstant(expires: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expires.trim());
  if (!m) return undefined;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(start) ? undefined : start + 24 * 3600 * 1000;
}

export function isExpired(ignore: Pick<ConfigIgnore, "expires">, now: Date): boolean {
  if (ignore.expires === undefined) return false;
  const end = expiryInstant(ignore.expires);
  // A date that cannot be read never keeps a finding hidden.
  return end === undefined || now.getTime() >= end;
}

function where(loc: { file: string; line: number }): string {
  return `${loc.file}:${loc.line}`;
}

function configWhere(ignore: ConfigIgnore): string {
  return ignore.location ? `the config ignore at ${where({ file: ignore.location.file, line: ignore.location.startLine })}` : `the config ignore of ${ignore.rule} for ${ignore.address}`;
}

/** Locations whose comment lines above may hold a directive for this finding. */
function anchorLines(f: Finding, header: Location | undefined): { file: string; line: number }[] {
  const out = [{ file: f.location.file, line: f.location.startLine }];
  if (header && !(header.file === f.location.file && header.startLine === f.location.startLine)) out.push({ file: header.file, line: header.startLine });
  return out;
}

/** The findings with suppressions applied; input order is kept, other findings are returned as they are. */
export function applySuppressions(input: SuppressionInput): Finding[] {
  const lines = new Map<string, readonly string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) lines.set(file, input.textOf(file)?.split(/\r?\n/));
    return lines.get(file);
  };
  return input.findings.map((f) => suppress(f, input, linesOf));
}

function suppress(f: Finding, input: SuppressionInput, linesOf: (file: string) => readonly string[] | undefined): Finding {
  const notes: string[] = [];
  const header = f.subjectKind === "resource" ? input.subjectHeader?.(f.root, f.subject) : undefined;
  const inline = anchorLines(f, header).flatMap((at) => {
    const text = linesOf(at.file);
    return text ? inlineIgnoresAbove(text, at.file, at.line) : [];
  });
  for (const directive of inline.filter((d) => names(d, f.ruleId))) {
    if (directive.reason !== "") return { ...f, suppression: { kind: "inSource", justification: directive.reason } };
    notes.push(`the restorable:ignore at ${where(directive)} has no reason, so it does not apply`);
  }
  for (const ignore of (input.ignores ?? []).filter((i) => ruleMatches(i.rule, f.ruleId) && addressMatches(i.address, f.subject))) {
    const reason = ignore.reason?.trim() ?? "";
    if (reason === "") notes.push(`${configWhere(ignore)} has no reason, so it does not apply`);
    else if (isExpired(ignore, input.now)) notes.push(`${configWhere(ignore)} expired on ${ignore.expires}, so it no longer applies`);
    else return { ...f, suppression: { kind: "external", justification: reason } };
  }
  if (notes.length === 0) return f;
  return { ...f, message: `${f.message.replace(/\s+$/, "")} (${notes.join("; ")})` };
}

/** "Now" for expiry (SPEC section 5): the given date, else SOURCE_DATE_EPOCH, else the clock. */
export function resolveNow(now: Date | undefined, env: Record<string, string | undefined>): Date {
  if (now !== undefined) return now;
  const epoch = env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}
