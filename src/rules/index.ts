/** The rule registry and the runner: every rule is a value with metadata and one check over the graph. */
import type { Graph } from "../graph/types.js";
import { unparseableInput } from "./configuration.js";
import { statefulComponentWithoutBackup } from "./coverage.js";
import type { FileProblem, Finding, Rule, RuleMeta } from "./types.js";

export type { FileProblem, Finding, Rule, RuleMeta } from "./types.js";

export const RULES: readonly Rule[] = [statefulComponentWithoutBackup, unparseableInput].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

export function ruleMetadata(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

export function runRules(graph: Graph, fileProblems: readonly FileProblem[], environment = "", rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check({
      graph,
      fileProblems,
      report: (f) => findings.push({ ...f, ruleId: rule.meta.id, level: f.level ?? rule.meta.level, environment }),
    });
  }
  return findings;
}
