import type { Graph, Location, ScanUnknown } from "../graph/types.js";
import type { PolicyView } from "../policy/types.js";

export type Level = "error" | "warning" | "note";

export type Category =
  | "coverage"
  | "retention"
  | "recovery-objective"
  | "encryption"
  | "region"
  | "immutability"
  | "monitoring"
  | "restore-testing"
  | "deletion-protection"
  | "configuration";

/** What a reporter knows of a rule: its metadata only. */
export interface RuleMeta {
  id: string;
  /** PascalCase name, as SARIF `name` expects (e.g. `StatefulComponentWithoutBackup`). */
  name: string;
  category: Category;
  level: Level;
  shortDescription: string;
  fullDescription: string;
  /** Markdown help with a fixed example. */
  helpMarkdown: string;
  /** Plain-text help. */
  helpText: string;
  tags: string[];
  /** GitHub's severity score (0.0-10.0) as a string, e.g. "8.0". */
  securitySeverity: string;
  /** Regime citation when the rule's requirement comes from one. */
  citation?: string;
  /** Providers whose resources the rule judges: Terraform providers, and Kubernetes/Helm objects (docs/rules.md says so per rule). */
  providers: readonly ("aws" | "google" | "azurerm" | "kubernetes")[];
  /** What it reads on each provider, when that is less than everything. */
  providerNote?: string;
}

export interface RelatedLocation {
  location: Location;
  message: string;
}

export interface Finding {
  ruleId: string;
  level: Level;
  message: string;
  /** Address of the finding's subject; for file findings (CFG-*), the file path. */
  subject: string;
  subjectKind: "resource" | "module";
  /** Root module directory relative to the scan root; "" for file findings. */
  root: string;
  /** Primary location. */
  location: Location;
  /** Key path of the anchor within the subject ("" = block header); part of the fingerprint. */
  anchor: string;
  related: RelatedLocation[];
  /** All affected addresses when the subject is a mechanism (related holds at most 20). */
  affected?: string[];
  /** Environment (var-file set) the finding was evaluated in; "" for the default. */
  environment: string;
  /** Facts about where it lands, for SARIF `properties` (key path, effective value, origin of a Helm value). */
  properties?: Record<string, string>;
  suppression?: { kind: "inSource" | "external"; justification: string };
}

/** An input file that could not be read or parsed (fully), with where. */
export interface FileProblem {
  file: string;
  location: Location;
  message: string;
  /** "evaluation": the file parsed, but evaluating it hit a bound (module source leaving the scan root, a module call cycle, an expansion bomb). */
  stage?: "evaluation";
}

export interface RuleContext {
  graph: Graph;
  /** What each component must meet (classes, regimes, defaults). */
  policy: PolicyView;
  /** Files of the scan that could not be read or parsed: the graph may be incomplete around them. */
  fileProblems: readonly FileProblem[];
  /** `subjectId`: the subject node's id, so variants of one address (Helm values environments) stay apart. */
  report(finding: Omit<Finding, "ruleId" | "level" | "environment"> & { level?: Level; subjectId?: string }): void;
  /**
   * A decision the rule could not make because a deciding value is unknown (SPEC section 1:
   * unknowns are listed, never turned into findings). `what` names the value and its owner
   * ("retention of aws_dynamodb_table.x"); `reason` is the UnknownFact's own, generic reason.
   */
  reportUnknown(unknown: RuleUnknown): void;
}

/** What a rule could not determine; the same shape as the scan's unknowns. */
export type RuleUnknown = ScanUnknown;

/** A rule, ESLint-style: metadata and one function over the graph. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
