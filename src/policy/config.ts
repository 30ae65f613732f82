/**
 * `.restorable.yml` (SPEC section 3): found at the scan root (or `.restorable.yaml`),
 * or given with `--config FILE`. Validated against policies/schema/restorable-config.schema.json;
 * any problem stops the run with `FILE:LINE:COL: what is wrong; how to fix` (exit 2).
 */
import path from "node:path";
import { UsageError } from "../errors.js";
import type { Location } from "../graph/types.js";
import type { Level } from "../rules/types.js";
import type { ScanFileSystem } from "../scan-result.js";
import { validateAt, type RawEntry } from "./load.js";
import type { ConfigIgnore, ExternalBackup, RuleLevels } from "./types.js";
import { locationOf, parseYaml, problemAt, type YamlPath, type YamlSource } from "./yaml.js";

export const CONFIG_NAMES = [".restorable.yml", ".restorable.yaml"] as const;

/** Selection of components by address glob, resource type and tags (all given criteria must hold). */
export interface ComponentMatch {
  address?: string;
  type?: string;
  tags?: Record<string, string>;
}

export interface ClassifyRule {
  match: ComponentMatch;
  class: string;
  location: Location;
}

/** Where Kubernetes manifests and charts run (`clusters:`). */
export interface ClusterConfig {
  name: string;
  region?: string;
  account?: string;
  provider?: "aws" | "google" | "azurerm";
  paths: string[];
  location: Location;
}

export interface RestorableConfig {
  /** As printed in messages: relative to the scan root when inside it. */
  file: string;
  src: YamlSource;
  /** Raw regime entries by id, with their path in the document. */
  regimes: Map<string, { raw: RawEntry; path: YamlPath }>;
  classes: Map<string, { raw: RawEntry; path: YamlPath }>;
  defaults: { minRetentionDays?: number; maxBackupIntervalHours?: number; location?: Location };
  classify: ClassifyRule[];
  externalBackups: ExternalBackup[];
  clusters: ClusterConfig[];
  /** Root module directory → var files, one environment per file. */
  environments: Record<string, string[]>;
  levels: RuleLevels;
  ignores: ConfigIgnore[];
}

/** The config file to use: `--config FILE`, else `.restorable.yml`/`.restorable.yaml` at the scan root, else none. */
export async function readConfigFile(root: string, configFile: string | undefined, fs: ScanFileSystem): Promise<{ file: string; text: string } | undefined> {
  const display = (abs: string) => {
    const rel = path.relative(root, abs);
    return rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel.split(path.sep).join("/");
  };
  if (configFile !== undefined) {
    const abs = path.resolve(root, configFile);
    const buf = await fs.readFile(abs).catch(() => {
      throw new UsageError(`--config ${configFile}: file not found or not readable; check the path`);
    });
    return { file: display(abs), text: buf.toString("utf8").replace(/^\uFEFF/, "") };
  }
  for (const name of CONFIG_NAMES) {
    const abs = path.join(root, name);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat?.isFile()) continue;
    const buf = await fs.readFile(abs);
    return { file: name, text: buf.toString("utf8").replace(/^\uFEFF/, "") };
  }
  return undefined;
}

/** Parses and validates a config; rule ids are checked against `knownRuleIds` (class and regime ids later, against the merged policy). */
export function parseConfig(text: string, file: string, knownRuleIds: readonly string[]): RestorableConfig {
  const src = parseYaml(text, file);
  const data = (src.doc.toJS() as unknown) ?? {};
  validateAt(src, [], "config", data);
  const raw = data as Record<string, unknown>;
  const entries = (key: string) => Object.entries((raw[key] as Record<string, RawEntry> | null | undefined) ?? {});
  const config: RestorableConfig = {
    file,
    src,
    regimes: new Map(entries("regimes").map(([id, r]) => [id, { raw: r ?? {}, path: ["regimes", id] }])),
    classes: new Map(entries("classes").map(([id, c]) => [id, { raw: c ?? {}, path: ["classes", id] }])),
    defaults: defaultsOf(src, raw.defaults as RawEntry | null | undefined),
    classify: ((raw.classify as RawEntry[] | null | undefined) ?? []).map((c, i) => ({
      match: matchOf(c.match as RawEntry),
      class: c.class as string,
      location: locationOf(src, ["classify", i, "class"]),
    })),
    externalBackups: ((raw.external_backups as RawEntry[] | null | undefined) ?? []).map((e, i) => externalBackupOf(src, e, i)),
    clusters: ((raw.clusters as RawEntry[] | null | undefined) ?? []).map((c, i) => clusterOf(src, c, i)),
    environments: (raw.environments as Record<string, string[]> | null | undefined) ?? {},
    levels: levelsOf(src, raw.rules as Record<string, { level: Level | "off" }> | null | undefined, knownRuleIds),
    ignores: ((raw.ignore as RawEntry[] | null | undefined) ?? []).map((g, i) => ignoreOf(src, g, i, knownRuleIds)),
  };
  return config;
}

function defaultsOf(src: YamlSource, d: RawEntry | null | undefined): RestorableConfig["defaults"] {
  if (!d) return {};
  const out: RestorableConfig["defaults"] = { location: locationOf(src, ["defaults"]) };
  if (typeof d.min_retention_days === "number") out.minRetentionDays = d.min_retention_days;
  if (typeof d.max_backup_interval_hours === "number") out.maxBackupIntervalHours = d.max_backup_interval_hours;
  return out;
}

function matchOf(m: RawEntry): ComponentMatch {
  const out: ComponentMatch = {};
  if (typeof m.address === "string") out.address = m.address;
  if (typeof m.type === "string") out.type = m.type;
  if (m.tags && typeof m.tags === "object") out.tags = m.tags as Record<string, string>;
  return out;
}

function externalBackupOf(src: YamlSource, e: RawEntry, i: number): ExternalBackup {
  const m = matchOf(e.match as RawEntry);
  const out: ExternalBackup = {
    name: e.name as string,
    match: { ...(m.tags ? { tags: m.tags } : {}), ...(m.address ? { address: m.address } : {}) },
    copyRegions: (e.copy_regions as string[] | undefined) ?? [],
    copyAccounts: (e.copy_accounts as string[] | undefined) ?? [],
    location: locationOf(src, ["external_backups", i]),
  };
  if (m.type !== undefined) throw problemAt(src, ["external_backups", i, "match", "type"], `external_backups[${i}].match selects by tags or address only; remove type (use an address glob such as "aws_dynamodb_table.*")`, true);
  if (typeof e.frequency_hours === "number") out.frequencyHours = e.frequency_hours;
  if (typeof e.retention_days === "number") out.retentionDays = e.retention_days;
  if (e.vault_lock === "compliance" || e.vault_lock === "governance") out.vaultLock = e.vault_lock;
  return out;
}

function clusterOf(src: YamlSource, c: RawEntry, i: number): ClusterConfig {
  const out: ClusterConfig = { name: c.name as string, paths: (c.paths as string[] | undefined) ?? [], location: locationOf(src, ["clusters", i]) };
  if (typeof c.region === "string") out.region = c.region;
  if (typeof c.account === "string") out.account = c.account;
  if (c.provider === "aws" || c.provider === "google" || c.provider === "azurerm") out.provider = c.provider;
  return out;
}

function checkRuleId(src: YamlSource, id: string, at: YamlPath, known: readonly string[], key: boolean): void {
  if (known.includes(id)) return;
  const near = known.filter((k) => k.slice(0, 3) === id.slice(0, 3));
  throw problemAt(src, at, `unknown rule id "${id}"; use one of: ${(near.length ? near : known).join(", ")}`, key);
}

function levelsOf(src: YamlSource, rules: Record<string, { level: Level | "off" }> | null | undefined, known: readonly string[]): RuleLevels {
  const out = new Map<string, Level | "off">();
  for (const [id, { level }] of Object.entries(rules ?? {})) {
    checkRuleId(src, id, ["rules", id], known, true);
    out.set(id, level);
  }
  return out;
}

function ignoreOf(src: YamlSource, g: RawEntry, i: number, known: readonly string[]): ConfigIgnore {
  checkRuleId(src, g.rule as string, ["ignore", i, "rule"], known, false);
  const out: ConfigIgnore = { rule: g.rule as string, address: g.address as string, location: locationOf(src, ["ignore", i]) };
  if (typeof g.reason === "string" && g.reason.trim() !== "") out.reason = g.reason;
  if (typeof g.expires === "string") {
    if (!isCalendarDate(g.expires)) throw problemAt(src, ["ignore", i, "expires"], `ignore[${i}].expires is "${g.expires}", not a calendar date; write a date such as 2027-06-30`);
    out.expires = g.expires;
  }
  return out;
}

function isCalendarDate(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}
