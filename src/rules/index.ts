/** The rule registry and the runner: every rule is a value with metadata and one check over the graph. */
import type { Graph } from "../graph/types.js";
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
import type { FileProblem, Finding, Rule, RuleMeta } from "./types.js";

export type { FileProblem, Finding, Rule, RuleMeta } from "./types.js";

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

export function runRules(run: RuleRun): Finding[] {
  const findings: Finding[] = [];
  for (const rule of run.rules ?? RULES) {
    const override = run.levels?.get(rule.meta.id);
    if (override === "off") continue;
    rule.check({
      graph: run.graph,
      fileProblems: run.fileProblems,
      policy: run.policy,
      report: (f) => findings.push({ ...f, ruleId: rule.meta.id, level: override ?? f.level ?? rule.meta.level, environment: run.environment ?? "" }),
    });
  }
  return findings;
}
