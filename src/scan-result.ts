import type { Component, Coverage, Fact, Location, RecoveryStream, ScanUnknown } from "./graph/types.js";
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
  /** Data classes that apply (policy), sorted. */
  classes: string[];
  /** Regimes those classes carry, sorted. */
  regimes: string[];
  /** What protects it and how (src/report/inventory.ts). */
  protection: Protection;
}

/** The answers of the backup-scope inventory for one component. */
export interface Protection {
  /** What keeps recovery points: native backups, plan rules (by plan and rule), snapshot policies, replication... */
  mechanisms: ProtectionMechanism[];
  /** Effective backup interval (best stream's largest gap); undefined = nothing keeps recovery points. */
  intervalHours: Fact<number> | undefined;
  /** Effective retention (longest stream; null = forever); undefined = nothing keeps recovery points. */
  retentionDays: Fact<number | null> | undefined;
  /** Regions and accounts holding recovery points. */
  regions: Fact<string>[];
  accounts: Fact<string>[];
  /** Copies or replicas of the data itself. */
  copies: { region: Fact<string>; account: Fact<string | null>; via: string }[];
  /** Vaults holding its recovery points. */
  vaults: ProtectionVault[];
  /** Keys its data and its backups depend on. */
  keys: ProtectionKey[];
  /** Strongest lock on its recovery points (vault lock or S3 Object Lock). */
  locked: Fact<"compliance" | "governance" | "none">;
  restoreTested: Fact<boolean>;
}

export interface ProtectionMechanism {
  via: RecoveryStream["via"];
  /** The mechanism node, when the stream comes from one. */
  address?: string;
  root?: string;
  type?: string;
  /** Plan rule name, for plan-rule and copy streams. */
  rule?: string;
}

export interface ProtectionVault {
  vault: Fact<string>;
  root?: string;
  region: Fact<string>;
  account: Fact<string | null>;
  lock: Fact<"compliance" | "governance" | "none">;
  keyId?: Fact<string>;
}

export interface ProtectionKey {
  /** Address of the component or vault the key encrypts. */
  of: string;
  /** Key address (in the scan), ARN or alias, or the provider's own key: "aws-managed", "google-managed", "microsoft-managed". */
  key: Fact<string>;
  retrievable: Fact<boolean>;
}

export interface ScanStats {
  files: number;
  terraformFiles: number;
  roots: string[];
  /** `.tfvars` files that were not evaluated (environments). */
  environmentsNotEvaluated: string[];
  /**
   * What the summary says about the Helm and Kubernetes inputs (issue 6): a release name or namespace
   * taken by default, a chart restorable does not know, a Go-templated file not read. Absent: none.
   */
  notes?: ScanNote[];
  components: number;
  mechanisms: number;
}

export interface ScanNote {
  subject: string;
  what: string;
  reason: string;
  location?: Location;
}

/** Options of the library `scan()`; the CLI and the Action both build these. */
export interface ScanOptions {
  /** Worker threads that parse HCL in parallel; default: one per core beyond the first, for large inputs only; 0 parses in this thread. */
  workers?: number;
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
  /** `--config FILE` (absolute or relative to `cwd`). Default: `.restorable.yml` or `.restorable.yaml` at the scan root, if present. */
  configFile?: string;
  /**
   * Helm values files (`--values`), in order: user layers of every chart-folder release of the scan, on
   * top of its values.yaml (and of its environment file), as `helm install -f` adds them.
   */
  valuesFiles?: string[];
  /** Manifests read from standard input: `-` among the paths (`helm template … | restorable scan -`). */
  stdin?: string;
  /**
   * `--helm-render`: render each chart folder's release with the local `helm template` (no dependency
   * update, no network) instead of chart knowledge. Off by default: the one exception to never running anything.
   */
  helmRender?: boolean;
  /** Filesystem access; tests inject a counting one. Default: node:fs. */
  fs?: ScanFileSystem;
  /**
   * Progress of parsing (issue 7): called with the input files parsed so far and their total, at most
   * about ten times a second, and always once when the last file is parsed (`done === total`). The CLI
   * shows it on stderr when stderr is a terminal. It never changes the result.
   */
  onProgress?: (done: number, total: number) => void;
}

/** The only way the scan touches the disk: every file is read once, through this. */
export interface ScanFileSystem {
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
  /**
   * Synchronous forms, used for the inputs when both are given (the default, node:fs, gives them):
   * ten thousand small files read one after another take a seventh of the time they take through
   * promises and libuv's thread pool.
   */
  readFileSync?(path: string): Buffer;
  statSync?(path: string): { isFile(): boolean; isDirectory(): boolean; size: number };
}
