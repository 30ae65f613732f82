import type { Fact, Location, RecoveryStream, ScanUnknown, UnknownFact } from "../graph/types.js";
import { isUnknownFact } from "../graph/types.js";
import type { Finding } from "../rules/types.js";
import type { InventoryEntry, Protection, ScanResult } from "../scan-result.js";
import {
  compareLocations,
  compareStrings,
  coverageCounts,
  findingFingerprint,
  isActive,
  isInBaseline,
  levelCounts,
  type ReportOptions,
  sortedFindings,
  sortedUnknowns,
} from "./common.js";

export type JsonOptions = Pick<ReportOptions, "baseline">;

/** Bumped when a field changes meaning or disappears; new fields do not bump it. */
export const JSON_REPORT_VERSION = 1;

type JsonFact<T> = T | { unknown: true; reason: string; hint?: string };

/** Machine-readable report: findings, the backup-scope inventory, all unknowns, stats. */
export function formatJson(result: ScanResult, options: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonReport(result, options), null, 2)}\n`;
}

export function toJsonReport(result: ScanResult, options: JsonOptions = {}) {
  const findings = sortedFindings(result.findings);
  return {
    reportVersion: JSON_REPORT_VERSION,
    tool: { name: result.tool.name, version: result.tool.version, informationUri: result.tool.informationUri },
    findings: findings.map((f) => jsonFinding(f, options)),
    components: [...result.components].sort(compareEntries).map(jsonComponent),
    unknowns: sortedUnknowns(result.unknowns).map(jsonUnknown),
    stats: jsonStats(result, findings, options),
  };
}

function jsonLocation(loc: Location) {
  return { file: loc.file, startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn };
}

function jsonFinding(f: Finding, options: JsonOptions) {
  return {
    ruleId: f.ruleId,
    level: f.level,
    message: f.message,
    subject: f.subject,
    subjectKind: f.subjectKind,
    root: f.root,
    environment: f.environment,
    location: jsonLocation(f.location),
    anchor: f.anchor,
    related: [...f.related]
      .sort((a, b) => compareLocations(a.location, b.location) || compareStrings(a.message, b.message))
      .map((r) => ({ location: jsonLocation(r.location), message: r.message })),
    ...(f.affected !== undefined ? { affected: [...new Set(f.affected)].sort(compareStrings) } : {}),
    ...(f.suppression !== undefined ? { suppression: { kind: f.suppression.kind, justification: f.suppression.justification } } : {}),
    ...(options.baseline !== undefined ? { baselineState: isInBaseline(f, options.baseline) ? "unchanged" : "new" } : {}),
    fingerprint: findingFingerprint(f),
  };
}

function jsonUnknownFact(u: UnknownFact) {
  return u.hint === undefined ? { unknown: true as const, reason: u.reason } : { unknown: true as const, reason: u.reason, hint: u.hint };
}

function fact<T>(value: Fact<T>): JsonFact<T> {
  return isUnknownFact(value) ? jsonUnknownFact(value) : value;
}

function optionalFact<T>(value: Fact<T> | undefined): JsonFact<T> | null {
  return value === undefined ? null : fact(value);
}

function compareEntries(a: InventoryEntry, b: InventoryEntry): number {
  return compareStrings(a.component.root, b.component.root) || compareStrings(a.component.address, b.component.address);
}

function jsonStream(s: RecoveryStream) {
  return {
    via: s.via,
    ...(s.mechanismId !== undefined ? { mechanism: s.mechanismId } : {}),
    retentionDays: fact(s.retentionDays),
    intervalHours: fact(s.intervalHours),
    region: fact(s.region),
    account: fact(s.account),
    location: jsonLocation(s.location),
  };
}

function compareStreams(a: RecoveryStream, b: RecoveryStream): number {
  return compareStrings(a.via, b.via) || compareStrings(a.mechanismId ?? "", b.mechanismId ?? "") || compareLocations(a.location, b.location);
}

/** One row of the backup-scope inventory: what, where, how, how often, how long, which key. */
function jsonComponent(entry: InventoryEntry) {
  const c = entry.component;
  return {
    address: c.address,
    root: c.root,
    type: c.type,
    provider: c.provider,
    kind: c.kind,
    region: fact(c.region),
    account: fact(c.account),
    file: c.location.file,
    line: c.location.startLine,
    backupCapable: c.backupCapable,
    encryption: { atRest: fact(c.encryption.atRest), key: optionalFact(c.encryption.keyId) },
    deletionProtection: fact(c.deletionProtection),
    backupsSurviveDeletion: fact(c.backupsSurviveDeletion),
    classes: [...entry.classes].sort(compareStrings),
    regimes: [...entry.regimes].sort(compareStrings),
    protection: jsonProtection(entry.protection),
    coverage: {
      status: entry.coverage.status,
      streams: [...entry.coverage.streams].sort(compareStreams).map(jsonStream),
      unknowns: entry.coverage.unknowns.map(jsonUnknownFact),
    },
  };
}

/**
 * How it is protected. `intervalHours` and `retentionDays` are null when nothing keeps
 * recovery points; retention kept forever is "forever".
 */
function jsonProtection(p: Protection) {
  return {
    mechanisms: [...p.mechanisms]
      .sort((a, b) => compareStrings(a.via, b.via) || compareStrings(a.root ?? "", b.root ?? "") || compareStrings(a.address ?? "", b.address ?? "") || compareStrings(a.rule ?? "", b.rule ?? ""))
      .map((m) => ({ via: m.via, ...(m.address !== undefined ? { address: m.address, root: m.root ?? "", type: m.type ?? "" } : {}), ...(m.rule !== undefined ? { rule: m.rule } : {}) })),
    intervalHours: p.intervalHours === undefined ? null : fact(p.intervalHours),
    retentionDays: p.retentionDays === undefined ? null : p.retentionDays === null ? "forever" : fact(p.retentionDays),
    regions: p.regions.map(fact),
    accounts: p.accounts.map(fact),
    copies: p.copies
      .map((c) => ({ via: c.via, region: fact(c.region), account: fact(c.account) }))
      .sort((a, b) => compareStrings(JSON.stringify(a), JSON.stringify(b))),
    vaults: p.vaults
      .map((v) => ({ vault: fact(v.vault), ...(v.root !== undefined ? { root: v.root } : {}), region: fact(v.region), account: fact(v.account), lock: fact(v.lock) }))
      .sort((a, b) => compareStrings(JSON.stringify(a), JSON.stringify(b))),
    keys: p.keys
      .map((k) => ({ of: k.of, key: fact(k.key), retrievable: fact(k.retrievable) }))
      .sort((a, b) => compareStrings(JSON.stringify(a), JSON.stringify(b))),
    locked: fact(p.locked),
    restoreTested: fact(p.restoreTested),
  };
}

function jsonUnknown(u: ScanUnknown) {
  return {
    subject: u.subject,
    root: u.root,
    what: u.what,
    reason: u.reason,
    ...(u.hint !== undefined ? { hint: u.hint } : {}),
    ...(u.location !== undefined ? { location: jsonLocation(u.location) } : {}),
  };
}

function jsonStats(result: ScanResult, findings: readonly Finding[], options: JsonOptions) {
  const active = findings.filter((f) => isActive(f, options.baseline));
  const coverage = coverageCounts(result);
  return {
    files: result.stats.files,
    terraformFiles: result.stats.terraformFiles,
    roots: [...result.stats.roots].sort(compareStrings),
    environmentsNotEvaluated: [...result.stats.environmentsNotEvaluated].sort(compareStrings),
    ...(result.stats.notes?.length ? { notes: result.stats.notes.map((n) => ({ subject: n.subject, what: n.what, reason: n.reason, ...(n.location ? { location: jsonLocation(n.location) } : {}) })) } : {}),
    components: result.stats.components,
    mechanisms: result.stats.mechanisms,
    coverage: { covered: coverage.covered, uncovered: coverage.uncovered, unknown: coverage.unknown },
    findings: {
      total: findings.length,
      ...levelCounts(active),
      suppressed: findings.filter((f) => f.suppression !== undefined).length,
      inBaseline: findings.filter((f) => f.suppression === undefined && isInBaseline(f, options.baseline)).length,
    },
    unknowns: result.unknowns.length,
  };
}
