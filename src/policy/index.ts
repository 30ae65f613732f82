/**
 * The policy of a scan, from one call: the built-in regimes and classes, the
 * config's additions and overrides (by id), and what the config says beyond
 * policy (rule levels, ignores, external backups, environments, clusters).
 */
import type { Component } from "../graph/types.js";
import type { ScanFileSystem } from "../scan-result.js";
import { Classifier, type Classification } from "./classify.js";
import { combine, type PolicyDefaults } from "./combine.js";
import { parseConfig, readConfigFile, type ClassifyRule, type ClusterConfig, type RestorableConfig } from "./config.js";
import { DEFAULT_MAX_BACKUP_INTERVAL_HOURS, DEFAULT_MIN_RETENTION_DAYS } from "./defaults.js";
import { builtinSources, checkClassRegimes, classFromRaw, regimeFromRaw, validateAt, type PolicySet, type RawEntry } from "./load.js";
import type { ClassificationProblem, ConfigIgnore, ExternalBackup, PolicyView, Requirements, RuleLevels } from "./types.js";
import { problemAt, type YamlPath, type YamlSource } from "./yaml.js";

export type { Classification, ClassOrigin } from "./classify.js";
export { CLASS_TAG_KEYS, Classifier, addressMatcher, matchesComponent } from "./classify.js";
export { combine, regimeSource, type PolicyDefaults } from "./combine.js";
export { CONFIG_NAMES, parseConfig, type ClassifyRule, type ClusterConfig, type ComponentMatch, type RestorableConfig } from "./config.js";
export { loadBuiltinPolicies, POLICY_DIR, type DataClass, type PolicySet, type Regime } from "./load.js";
export type * from "./types.js";

/** Everything a scan takes from the policy and the config. */
export interface LoadedPolicy {
  /** What rules ask: requirements and classification problems per component. */
  view: PolicyView;
  /** Regimes and classes after the config's overrides. */
  policy: PolicySet;
  defaults: PolicyDefaults;
  /** `rules:` level overrides, for runRules. */
  levels: RuleLevels;
  /** `ignore:` entries (suppression applies them). */
  ignores: ConfigIgnore[];
  /** `external_backups:` (coverage treats them like in-scan mechanisms). */
  externalBackups: ExternalBackup[];
  /** `environments:` root → var files. */
  environments: Record<string, string[]>;
  clusters: ClusterConfig[];
  /** The config file used, as printed (relative to the scan root when inside it). */
  configFile?: string;
}

export interface LoadPolicyOptions {
  /** Scan root (absolute): where `.restorable.yml` is looked for, and what `--config` paths are shown relative to. */
  root: string;
  /** `--config FILE` (absolute or relative to the root). */
  configFile?: string;
  fs: ScanFileSystem;
  /** Rule ids the config may name (`ruleMetadata()` ids). */
  ruleIds: readonly string[];
}

/** Loads the built-ins and the config; any problem is a UsageError `FILE:LINE:COL: what; fix`. */
export async function loadPolicy(options: LoadPolicyOptions): Promise<LoadedPolicy> {
  const found = await readConfigFile(options.root, options.configFile, options.fs);
  const config = found ? parseConfig(found.text, found.file, options.ruleIds) : undefined;
  return policyFromConfig(config);
}

/** The policy from a parsed config (or the built-ins alone). */
export function policyFromConfig(config: RestorableConfig | undefined): LoadedPolicy {
  const policy = mergedPolicy(config);
  const classify = config ? checkedClassifyRules(config, policy) : [];
  const defaults: PolicyDefaults = {
    minRetentionDays: config?.defaults.minRetentionDays ?? DEFAULT_MIN_RETENTION_DAYS,
    maxBackupIntervalHours: config?.defaults.maxBackupIntervalHours ?? DEFAULT_MAX_BACKUP_INTERVAL_HOURS,
  };
  if (config && (config.defaults.minRetentionDays !== undefined || config.defaults.maxBackupIntervalHours !== undefined)) defaults.configuredIn = config.file;
  const loaded: LoadedPolicy = {
    view: policyView(policy, classify, defaults, config?.file),
    policy,
    defaults,
    levels: config?.levels ?? new Map(),
    ignores: config?.ignores ?? [],
    externalBackups: config?.externalBackups ?? [],
    environments: config?.environments ?? {},
    clusters: config?.clusters ?? [],
  };
  if (config) loaded.configFile = config.file;
  return loaded;
}

function policyView(policy: PolicySet, rules: ClassifyRule[], defaults: PolicyDefaults, configFile?: string): PolicyView {
  const classifier = new Classifier(policy, rules, configFile);
  const cache = new WeakMap<Component, { requirements: Requirements; problems: ClassificationProblem[] }>();
  // combine() reads only the ids of the classes and regimes, in order: components of one classification share a result.
  const combined = new Map<string, Requirements>();
  const requirementsOf = (classification: Classification): Requirements => {
    const key = `${classification.classes.map((c) => c.id).join(",")}|${classification.regimes.map((r) => r.id).join(",")}`;
    return combined.get(key) ?? combined.set(key, combine(classification, policy, defaults)).get(key)!;
  };
  const of = (c: Component) => {
    let hit = cache.get(c);
    if (!hit) {
      const classification = classifier.classify(c);
      hit = { requirements: requirementsOf(classification), problems: classification.problems };
      cache.set(c, hit);
    }
    return hit;
  };
  return {
    requirementsFor: (c) => of(c).requirements,
    classificationProblems: (c) => of(c).problems,
  };
}

/** Built-ins with the config's regimes and classes merged over them by id. */
function mergedPolicy(config: RestorableConfig | undefined): PolicySet {
  const builtins = builtinSources();
  const regimes = new Map([...builtins.regimes].map(([id, { raw, file }]) => [id, regimeFromRaw(raw, file)]));
  for (const [id, { raw, path }] of config?.regimes ?? []) {
    if (raw.id !== undefined && raw.id !== id) throw problemAt(config!.src, [...path, "id"], `regime "${id}" has id "${String(raw.id)}"; remove the id or make it "${id}"`);
    const merged: RawEntry = { ...(builtins.regimes.get(id)?.raw ?? {}), ...raw, id };
    if (!builtins.regimes.has(id)) requireNewRegimeFields(config!.src, path, id, merged);
    validateAt(config!.src, path, "regime", merged);
    regimes.set(id, regimeFromRaw(merged, config!.file));
  }
  const classes = new Map([...builtins.classes].map(([id, { raw, file }]) => [id, classFromRaw(id, raw, file)]));
  if (config) {
    const entries = new Map([...config.classes].map(([id, { raw, path }]) => [id, { raw, src: config.src, base: path }]));
    checkClassRegimes(entries, new Set(regimes.keys()));
    for (const [id, { raw }] of config.classes) classes.set(id, classFromRaw(id, { ...(builtins.classes.get(id)?.raw ?? {}), ...raw }, config.file));
  }
  return { regimes, classes };
}

const NEW_REGIME_FIELDS = ["name", "jurisdiction", "citation", "applies_to", "strength"] as const;

function requireNewRegimeFields(src: YamlSource, path: YamlPath, id: string, merged: RawEntry): void {
  const missing = NEW_REGIME_FIELDS.filter((f) => merged[f] === undefined);
  if (missing.length === 0) {
    merged.retention_starts ??= "creation";
    return;
  }
  throw problemAt(src, path, `regime "${id}" is not built in, so it is a new regime and lacks ${missing.join(", ")}; add them, or correct the id to a built-in one`, true);
}

function checkedClassifyRules(config: RestorableConfig, policy: PolicySet): ClassifyRule[] {
  return config.classify.map((rule, i) => {
    if (policy.classes.has(rule.class) || policy.regimes.has(rule.class)) return rule;
    throw problemAt(
      config.src,
      ["classify", i, "class"],
      `classify[${i}] names class "${rule.class}", which does not exist; use one of: ${[...policy.classes.keys()].sort().join(", ")}, or define it under classes:`,
    );
  });
}
