import type { Component, Coverage, ScanUnknown } from "./graph/types.js";
import type { Finding, RuleMeta } from "./rules/types.js";

/** What `scan()` returns and every reporter consumes. Deterministic: no clock, no absolute paths. */
export interface ScanResult {
  tool: { name: "restorable"; version: string; informationUri: string };
  /** Every rule known to this version, in id order (SARIF `tool.driver.rules`). */
  rules: RuleMeta[];
  /** Sorted by file, line, column, rule id, subject. */
  findings: Finding[];
  /** The backup-scope inventory. */
  components: InventoryEntry[];
  unknowns: ScanUnknown[];
  stats: ScanStats;
}

export interface InventoryEntry {
  component: Component;
  coverage: Coverage;
}

export interface ScanStats {
  files: number;
  terraformFiles: number;
  roots: string[];
  /** `.tfvars` files that were not evaluated (environments). */
  environmentsNotEvaluated: string[];
  components: number;
  mechanisms: number;
}
