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

/** Options of the library `scan()`; the CLI and the Action both build these. */
export interface ScanOptions {
  /** Files or directories to scan, absolute or relative to `cwd`. Default: ["."]. */
  paths?: string[];
  /** Working directory for relative paths. Default: process.cwd(). */
  cwd?: string;
  /** Scan root (URIs are relative to it). Default: SPEC section 1 (cwd if all paths are under it, else their deepest common folder). */
  root?: string;
  /** Extra glob excludes (gitignore-style). */
  exclude?: string[];
  /** `--var-file` files, in order. */
  varFiles?: string[];
  /** `--var name=value`, in order given (raw text as on Terraform's command line). */
  vars?: [string, string][];
  /** Environment for `TF_VAR_*`. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Files larger than this are skipped with CFG-001. Default 10 MB. */
  maxFileSize?: number;
  /** "Now" for ignore expiry (`--now`). Default: SOURCE_DATE_EPOCH from `env`, else the clock. */
  now?: Date;
  /** Filesystem access; tests inject a counting one. Default: node:fs. */
  fs?: ScanFileSystem;
}

/** The only way the scan touches the disk: every file is read once, through this. */
export interface ScanFileSystem {
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
}
