/** The rule registry and the runner: every rule is a value with metadata and one check over the graph. */
import type { Graph, NodeIdentity } from "../graph/types.js";
import type { PolicyView, RuleLevels } from "../policy/types.js";
import { unparseableInput, unrecognisedDataClass } from "./configuration.js";
import { statefulComponentWithoutBackup, COVERAGE_RULES } from "./coverage.js";
import { DELETION_RULES } from "./deletion.js";
import { MONITORING_RULES } from "./monitoring.js";
import { RESTORE_TESTING_RULES } from "./restore-testing.js";
import { ENCRYPTION_RULES } from "./encryption.js";
import { REGION_RULES } from "./region.js";
import { RETENTION_RULES } from "./retention.js";
import { backupFrequencyBelowRpo } from "./recovery-objective.js";
import { IMMUTABILITY_RULES } from "./immutability.js";
import type { FileProblem, Finding, Rule, RuleMeta, RuleUnknown } from "./types.js";

export type { FileProblem, Finding, Rule, RuleMeta, RuleUnknown } from "./types.js";

export const RULES: readonly Rule[] = [statefulComponentWithoutBackup, ...COVERAGE_RULES, ...DELETION_RULES, ...MONITORING_RULES, ...RESTORE_TESTING_RULES, unparseableInput, unrecognisedDataClass, ...ENCRYPTION_RULES, ...REGION_RULES, ...RETENTION_RULES, backupFrequencyBelowRpo, ...IMMUTABILITY_RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

export function ruleMetadata(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

export interface RuleRun {
  graph: Graph;
  fileProblems: readonly FileProblem[];
  policy: PolicyView;
  /** Config overrides of rule levels; "off" disables a rule. */
  levels?: RuleLevels;
  environment?: string;
  rules?: readonly Rule[];
}

export interface RuleResults {
  findings: Finding[];
  /** Decisions rules could not make, deduplicated by subject, what and reason, sorted. */
  unknowns: RuleUnknown[];
}

export function runRules(run: RuleRun): RuleResults {
  const findings: Finding[] = [];
  const unknowns = new Map<string, RuleUnknown>();
  const all = [...run.graph.components, ...run.graph.mechanisms];
  const byId = new Map<string, NodeIdentity>(all.map((n) => [n.id, n]));
  const byAddress = new Map<string, NodeIdentity>();
  for (const n of all) if (!byAddress.has(`${n.root}::${n.address}`)) byAddress.set(`${n.root}::${n.address}`, n);
  for (const rule of run.rules ?? RULES) {
    const override = run.levels?.get(rule.meta.id);
    if (override === "off") continue;
    rule.check({
      graph: run.graph,
      fileProblems: run.fileProblems,
      policy: run.policy,
      report: ({ subjectId, ...f }) => {
        const node = (subjectId !== undefined ? byId.get(subjectId) : undefined) ?? byAddress.get(`${f.root}::${f.subject}`);
        findings.push(withSubjectDetails({ ...f, ruleId: rule.meta.id, level: override ?? f.level ?? rule.meta.level, environment: run.environment ?? "" }, node));
      },
      reportUnknown: (u) => {
        const key = unknownKey(u);
        if (!unknowns.has(key)) unknowns.set(key, withoutUndefined(u));
      },
    });
  }
  return { findings, unknowns: sortUnknowns([...unknowns.values()]) };
}

/**
 * What the subject node adds to a finding: its environment (a Helm values variant), and for the
 * anchor the finding lands on, the related locations and properties its source recorded (a chart
 * default's line; key path, value and origin).
 */
function withSubjectDetails(f: Finding, node: NodeIdentity | undefined): Finding {
  if (!node) return f;
  const out: Finding = node.environment ? { ...f, environment: node.environment } : f;
  const details = node.anchorDetails?.[f.anchor];
  if (!details) return out;
  return {
    ...out,
    related: [...(details.related ?? []), ...out.related],
    ...(details.properties ? { properties: { ...details.properties, ...(out.properties ?? {}) } } : {}),
  };
}

/** Identity of an unknown: the same value, undecidable for the same reason, is listed once. */
export function unknownKey(u: RuleUnknown): string {
  return `${u.subject}\u0000${u.what}\u0000${u.reason}`;
}

function withoutUndefined(u: RuleUnknown): RuleUnknown {
  return { subject: u.subject, root: u.root, what: u.what, reason: u.reason, ...(u.hint !== undefined ? { hint: u.hint } : {}), ...(u.location ? { location: u.location } : {}) };
}

/** By subject, what, reason, root: independent of rule order. */
function sortUnknowns(list: RuleUnknown[]): RuleUnknown[] {
  const key = (u: RuleUnknown) => [u.subject, u.what, u.reason, u.root] as const;
  return list.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}
