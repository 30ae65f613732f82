/**
 * The policy a component must meet, as rules see it (SPEC section 3): what its
 * data classes and their regimes require, on top of the defaults for every
 * stateful component. Requirements only add up; each carries where it comes from,
 * so a message can say "class financial carries the SOX convention (auditors'
 * 7-year rule, 17 CFR 210.2-06): 2555 days".
 */
import type { Component } from "../graph/types.js";
import type { Level } from "../rules/types.js";

export type Strength = "law" | "standard" | "convention";

export interface RequirementSource {
  kind: "default" | "class" | "regime" | "config";
  /** Class or regime id ("" for the defaults). */
  id: string;
  /** For a regime: the class that carries it. */
  viaClass?: string;
  strength?: Strength;
  citation?: string;
  /**
   * Ready-to-print description, e.g. `class financial carries the SOX convention
   * (auditors' 7-year rule, 17 CFR 210.2-06)` or `the default floor (incident investigation)`.
   */
  label: string;
}

export interface Requirement<T> {
  value: T;
  source: RequirementSource;
}

export interface Requirements {
  /** Class ids that apply, sorted (from tags, provider default_tags, config rules, audit-log destinations). */
  classes: string[];
  /** Regime ids carried by those classes (or named directly by a tag), sorted. */
  regimes: string[];
  /** A class marks the data critical (financial, health, cardholder, broker-dealer, audit-log). */
  critical: boolean;
  /** `ephemeral` is the only class: exempt from coverage. */
  ephemeral: boolean;
  /** Retention floor in days, already extended by 365 when a regime's period starts at the end of the calendar year. */
  minRetentionDays: Requirement<number>;
  /** `must-configure`: a regime demands a maximum but none is configured (RET-003 fires only on indefinite retention). */
  maxRetentionDays?: Requirement<number | "must-configure">;
  /** Largest acceptable gap between recovery points (the default 24 h, or a class's rpo_hours). */
  maxBackupIntervalHours: Requirement<number>;
  /** Days the data must stay immediately available (not in cold storage / Glacier). */
  minImmediatelyAvailableDays?: Requirement<number>;
  /** A copy outside the component's region is expected (the default for every stateful component). */
  requiresCrossRegion: Requirement<boolean>;
  requiresCrossAccount?: Requirement<true>;
  requiresImmutability?: Requirement<true>;
  requiresRestoreTesting?: Requirement<true>;
  requiresCustomerManagedKey?: Requirement<true>;
  requiresEncryption?: Requirement<true>;
  requiresBackup?: Requirement<true>;
  /** Where a minimum exceeds another class's maximum: the minimum required by law wins (GDPR Art. 17(3)(b)). */
  conflicts: string[];
}

/** What rules may ask of the policy. */
export interface PolicyView {
  requirementsFor(component: Component): Requirements;
  /** Class tag values that name neither a class nor a regime (CFG-002). */
  classificationProblems?(component: Component): ClassificationProblem[];
}

/** A data-class tag whose value names neither a known class nor a regime. */
export interface ClassificationProblem {
  /** Tag key (`data-class`, `DataClassification`...). */
  key: string;
  /** The whole tag value as written. */
  value: string;
  /** The part of the value that is not recognised. */
  unrecognised: string;
  /** Known class ids, sorted. */
  knownClasses: string[];
  /** A known class or regime id within edit distance 2, when there is one. */
  suggestion?: string;
}

/** Rule level overrides from the config (`rules: { MON-001: { level: error } }`). */
export type RuleLevels = ReadonlyMap<string, Level | "off">;

/** Coverage declared outside the repository (`external_backups:` in the config), treated like an in-scan mechanism. */
export interface ExternalBackup {
  name: string;
  /** Selection by tags (all must match, case-sensitive) and/or Terraform address globs. */
  match: { tags?: Record<string, string>; address?: string };
  frequencyHours?: number;
  retentionDays?: number;
  copyRegions: string[];
  copyAccounts: string[];
  vaultLock?: "compliance" | "governance";
  /** Where it is declared in the config (for related locations). */
  location?: import("../graph/types.js").Location;
}

/** A config ignore (`ignore:` in the config). */
export interface ConfigIgnore {
  rule: string;
  address: string;
  reason?: string;
  /** ISO date (YYYY-MM-DD): the ignore stops applying after it. */
  expires?: string;
  location?: import("../graph/types.js").Location;
}
