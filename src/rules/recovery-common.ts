/** Shared by the RET, RPO and IMM rules: which components they judge, where a finding lands, how a requirement is named. */
import type { Aggregate, ValueSource } from "../graph/aggregate.js";
import { daysText } from "../graph/aggregate.js";
import type { Component, ComponentKind, Coverage, Graph, Location } from "../graph/types.js";
import type { Requirement } from "../policy/types.js";
import { BACKUP_KINDS, holdsBackupableData } from "./scope.js";
import type { Level, RelatedLocation } from "./types.js";


/** Kinds whose retention the RET rules judge: data at rest and log stores. Queues/streams (COV-005), secrets and keys are judged elsewhere. */
const RETENTION_KINDS: ReadonlySet<ComponentKind> = new Set([...BACKUP_KINDS, "log-store"]);

/** One fault, one finding: a component that gets COV-001 gets no RET, RPO or REG finding. */
export function hasCoverageFinding(c: Component, coverage: Coverage | undefined): boolean {
  return holdsBackupableData(c) && coverage?.status === "uncovered";
}

export function judgedForRetention(c: Component, graph: Graph): boolean {
  return RETENTION_KINDS.has(c.kind) && c.backupCapable && !hasCoverageFinding(c, graph.coverage.get(c.id));
}

/** RPO applies to stores that need backups (not log stores, whose data is the record). */
export function judgedForFrequency(c: Component, graph: Graph): boolean {
  return holdsBackupableData(c) && !hasCoverageFinding(c, graph.coverage.get(c.id));
}

/** A requirement from the component's class or regime (not a default): findings on it are errors. */
export function fromClass(r: Requirement<unknown>): boolean {
  return r.source.kind === "class" || r.source.kind === "regime";
}

export function levelFor(r: Requirement<unknown>): Level | undefined {
  return fromClass(r) ? "error" : undefined;
}

/** The requirement's source, always naming its strength (law, standard or convention) when it has one. */
export function sourceText(r: Requirement<unknown>): string {
  const { label, strength } = r.source;
  return strength && !label.includes(strength) ? `${label} (${strength})` : label;
}

/**
 * Primary location, anchor and related locations of a component finding decided by these
 * sources (best first): the primary is the deciding source's attribute when it is in the
 * component's own block, else the block header; the others are related.
 */
export function landing(c: Component, sources: readonly ValueSource[], describe: (s: ValueSource) => string): { location: Location; anchor: string; related: RelatedLocation[] } {
  const first = sources[0];
  const own = first && first.anchor !== undefined && c.anchors[first.anchor] ? first : undefined;
  const related: RelatedLocation[] = [];
  const seen = new Set<string>();
  for (const s of sources) {
    if (s === own) continue;
    if (!s.location.file) continue;
    const key = `${s.location.file}:${s.location.startLine}:${s.location.startColumn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    related.push({ location: s.location, message: describe(s) });
    if (related.length === 20) break;
  }
  return own ? { location: own.location, anchor: own.anchor!, related } : { location: c.location, anchor: "", related };
}

const VIA_TEXT: Record<ValueSource["via"], string> = {
  native: "automated backups",
  pitr: "point-in-time recovery",
  "plan-rule": "AWS Backup plan rule",
  copy: "backup copy",
  "snapshot-policy": "snapshot policy",
  versioning: "object versioning (noncurrent versions)",
  "soft-delete": "soft delete",
  external: "backup declared outside the repository",
  data: "its own data retention",
};

export function viaText(s: ValueSource): string {
  const label = s.stream?.label;
  if (label && s.via === "plan-rule") return label;
  if (label && s.via === "copy") return `copy of the ${label}`;
  return VIA_TEXT[s.via];
}

export function where(l: Location): string {
  return `${l.file}:${l.startLine}`;
}

/** "the AWS Backup plan rule at backup.tf:12 keeps 7 days, automated backups keep 1 day". */
export function retentionBreakdown(agg: Aggregate): string {
  // A copy kept as long as the rule it comes from, declared at the same place, says nothing new.
  const seen = new Set<string>();
  return agg.sources
    .filter((s) => {
      const key = `${s.value}@${s.source.location.file}:${s.source.location.startLine}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 4)
    .map((s) => `${viaText(s.source)}${s.source.location.file ? ` (${where(s.source.location)})` : ""}: ${daysText(s.value)}`)
    .join("; ");
}
