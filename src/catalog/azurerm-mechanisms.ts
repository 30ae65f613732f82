/**
 * Azure Backup mechanisms: Recovery Services vaults, VM backup policies and protected VMs;
 * Backup vaults (Data Protection) with disk, blob and flexible-server policies and their backup
 * instances. Policies become BackupPlans with one rule per retention tier, protected items and
 * backup instances become associations (BackupSelection with `association: true`), vaults
 * become BackupVaults with their immutability as a lock and their built-in job-failure alerts.
 *
 * Where recovery points live decides vaults and copies:
 * - Recovery Services VM backups: the vault tier follows the vault's storage_mode_type
 *   (GeoRedundant, the default, also stores them in the paired region).
 * - Disk backups: incremental snapshots in the snapshot resource group (operational tier), in the
 *   disk's region; "the backups aren't copied to the backup vault", so neither its redundancy nor
 *   its immutability applies. https://learn.microsoft.com/en-us/azure/backup/disk-backup-support-matrix
 * - Operational blob backup: "stored locally within the source storage account itself" (point-in-time
 *   restore, versioning, soft delete). Vaulted blob backups live in the vault.
 *   https://learn.microsoft.com/en-us/azure/backup/blob-backup-support-matrix
 * - Flexible-server vaulted backups: in the vault (VaultStore), following its redundancy.
 */
import type { BackupPlan, BackupPlanRule, BackupSelection, BackupVault, Fact, Location, Mechanism, ResourceSelector } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { EvaluatedBody, ResourceInstance } from "../terraform/types-evaluated.js";
import { isList, isRef, isUnknown, type Value } from "../terraform/value.js";
import { identity, keyIdOf } from "./aws-mechanisms.js";
import { pairedRegion } from "./azurerm-regions.js";
import { DAYS_PER_MONTH, DAYS_PER_YEAR, hourlyWindowGapHours, isoDurationDays, repeatingIntervalsGapHours, weekdaysGapHours } from "./azurerm-time.js";
import type { CatalogContext, MechanismEntry } from "./index.js";
import { atOf, blocksAt, boolFact, factOfOpaque, lookup, numFact, rawValue, strFact, toLocation } from "./read.js";

type VaultKind = "recovery-services" | "data-protection";
const VAULT_TYPE: Record<VaultKind, string> = { "recovery-services": "azurerm_recovery_services_vault", "data-protection": "azurerm_data_protection_backup_vault" };

/** The vault a policy or protected item names, and its resource when it is in the scan. */
interface VaultRef {
  id: Fact<string>;
  resource?: ResourceInstance;
}

/** The last segment of an ARM id (`/subscriptions/.../backupVaults/bv-prod` → `bv-prod`). */
function lastSegment(id: string): string {
  const parts = id.split("/").filter((p) => p !== "");
  return parts[parts.length - 1] ?? id;
}

/**
 * The vault named by `attr`: a reference (`azurerm_data_protection_backup_vault.main.id`), or a
 * name (`recovery_vault_name` evaluates to the vault's literal name) looked up among the vaults
 * of the same root, narrowed by resource_group_name when several share the name.
 */
export function vaultOf(r: ResourceInstance, attr: string, kind: VaultKind, ctx: CatalogContext): VaultRef {
  const l = lookup(r.body, attr);
  if (l.kind === "absent") return { id: unknownFact(`${r.address} names no vault (${attr})`) };
  if (l.kind === "unknown") return { id: l.fact };
  const v = l.value;
  const type = VAULT_TYPE[kind];
  if (isRef(v)) {
    const t = ctx.resource(r.root, v.address);
    return t && t.type === type ? { id: `${t.root}::${t.address}`, resource: t } : { id: unknownFact(`${v.address} is not in the scan`) };
  }
  if (typeof v !== "string") return { id: factOfOpaque(v) };
  const name = v.includes("/") ? lastSegment(v) : v;
  const named = ctx.resourcesOfType(type).filter((x) => x.mode === "managed" && x.root === r.root && strFact(x.body, "name", null) === name);
  const group = strFact(r.body, "resource_group_name", null);
  const found = named.length > 1 && typeof group === "string" ? named.filter((x) => strFact(x.body, "resource_group_name", null) === group) : named;
  if (found.length === 1) return { id: `${found[0]!.root}::${found[0]!.address}`, resource: found[0]! };
  return { id: unknownFact(found.length > 1 ? `several vaults are named ${name}` : `vault ${name} is not in the scan`, "scan the configuration that defines the vault too") };
}

/** Region, subscription and storage redundancy of a vault (unknown when it is not in the scan). */
interface VaultFacts {
  region: Fact<string>;
  account: Fact<string | null>;
  redundancy: Fact<string>;
  /** Where the redundancy is decided: its attribute, else the vault's header. */
  redundancyAt?: Location;
}

function vaultFacts(v: VaultRef, kind: VaultKind, ctx: CatalogContext): VaultFacts {
  if (!v.resource) {
    const why = isUnknownFact(v.id) ? v.id : unknownFact(`${v.id} is not in the scan`);
    return { region: why, account: why, redundancy: why };
  }
  const place = ctx.placeOf(v.resource);
  // storage_mode_type defaults to GeoRedundant (recovery_services_vault); a Backup vault's redundancy is required (data_protection_backup_vault).
  const attr = kind === "recovery-services" ? "storage_mode_type" : "redundancy";
  const raw = strFact(v.resource.body, attr, kind === "recovery-services" ? "GeoRedundant" : null);
  const redundancy: Fact<string> = raw === null ? unknownFact(`${v.resource.address} sets no ${attr}`) : raw;
  const at = atOf(lookup(v.resource.body, attr));
  return { region: place.region, account: place.account, redundancy, redundancyAt: at ? toLocation(at) : toLocation(v.resource.header) };
}

/**
 * The copy a geo-redundant vault keeps of each recovery point in the paired region (same vault,
 * same subscription, same retention). LocallyRedundant and ZoneRedundant vaults keep none; an
 * unknown redundancy is a copy to an unknown region.
 * https://learn.microsoft.com/en-us/azure/backup/backup-create-recovery-services-vault#set-storage-redundancy
 */
function geoCopies(v: VaultRef, facts: VaultFacts, retentionDays: Fact<number | null>, ruleLocation: Location, retentionLocation?: Location): BackupPlanRule["copyActions"] {
  if (typeof facts.redundancy === "string" && facts.redundancy !== "GeoRedundant") return [];
  const destination = isUnknownFact(facts.redundancy) ? facts.redundancy : pairedRegion(facts.region);
  return [
    {
      destinationRegion: destination,
      destinationAccount: facts.account,
      retentionDays,
      location: facts.redundancyAt ?? ruleLocation,
      via: "azure-geo-redundant-vault",
      ...(typeof v.id === "string" ? { destinationVaultId: v.id } : {}),
      ...(retentionLocation ? { retentionLocation } : {}),
    },
  ];
}

/** An ISO 8601 duration attribute in days (null when absent); unknown when it is not a duration. */
function durationAt(body: EvaluatedBody, path: string): { days: Fact<number> | null; at?: Location } {
  const v = strFact(body, path, null);
  const l = atOf(lookup(body, path));
  const at = l ? { at: toLocation(l) } : {};
  if (v === null) return { days: null, ...at };
  if (isUnknownFact(v)) return { days: v, ...at };
  const days = isoDurationDays(v);
  return { days: days ?? unknownFact(`${path} = "${v}" is not an ISO 8601 duration`), ...at };
}

function stringList(body: EvaluatedBody, path: string): Fact<string[]> | undefined {
  const l = lookup(body, path);
  if (l.kind === "absent") return undefined;
  if (l.kind === "unknown") return l.fact;
  const v = l.value;
  if (v === null) return undefined;
  if (!isList(v)) return factOfOpaque(v);
  const out: string[] = [];
  for (const x of v) {
    if (typeof x !== "string") return factOfOpaque(x);
    out.push(x);
  }
  return out;
}

/** Node id of the resource an attribute references (a policy, a vault), or why it is not known. */
function refId(r: ResourceInstance, attr: string, ctx: CatalogContext): Fact<string> {
  const l = lookup(r.body, attr);
  if (l.kind === "absent") return unknownFact(`${r.address} sets no ${attr}`);
  if (l.kind === "unknown") return l.fact;
  const v = l.value;
  if (isRef(v)) return ctx.idOf(r.root, v.address) ?? unknownFact(`${v.address} is not in the scan`);
  if (typeof v === "string") return unknownFact(`${attr} ${v} is defined outside the scan`, "scan the configuration that defines it too");
  return factOfOpaque(v);
}

/** The protected resource of an association: a reference to an in-scan resource, or why it is not known. */
function protectedResource(r: ResourceInstance, attr: string): ResourceSelector[] {
  const a = r.body.attributes.get(attr);
  if (!a) return [];
  const location = toLocation(a.at);
  const v: Value = a.value;
  if (isRef(v)) return [{ by: "ref", address: v.address, root: r.root, location }];
  // A literal ARM id names a resource this scan cannot match: it protects nothing here.
  if (typeof v === "string") return [{ by: "arn", pattern: v, location }];
  if (v === null) return [];
  return [{ by: "unknown", reason: isUnknown(v) ? v.reason : `${attr} is not known statically`, location }];
}

function association(r: ResourceInstance, ctx: CatalogContext, resourceAttr: string, policyAttr: string, anchors: readonly string[], region: Fact<string>): BackupSelection {
  return {
    ...identity(r, anchors),
    node: "backup-selection",
    provider: "azurerm",
    association: true,
    planId: refId(r, policyAttr, ctx),
    region,
    account: ctx.account,
    resources: protectedResource(r, resourceAttr),
    notResources: [],
    anyTags: [],
    allConditions: [],
  };
}

function planRule(
  name: string,
  location: Location,
  intervalHours: Fact<number>,
  retentionDays: Fact<number | null>,
  vault: { ref: VaultRef; facts: VaultFacts } | undefined,
  at: { retention?: Location; schedule?: Location },
): BackupPlanRule {
  return {
    name,
    location,
    ...(vault ? { vaultId: vault.ref.id } : {}),
    intervalHours,
    retentionDays,
    // Archive tiering (tiering_policy) is not modelled: its rules differ from AWS cold storage (see RET-004).
    coldStorageAfterDays: null,
    continuous: false,
    copyActions: vault ? geoCopies(vault.ref, vault.facts, retentionDays, location, at.retention) : [],
    ...(at.retention ? { retentionLocation: at.retention } : {}),
    ...(at.schedule ? { scheduleLocation: at.schedule } : {}),
  };
}

function plan(r: ResourceInstance, label: string, facts: VaultFacts, rules: BackupPlanRule[], anchors: readonly string[]): BackupPlan {
  return { ...identity(r, anchors), node: "backup-plan", provider: "azurerm", label, region: facts.region, account: facts.account, rules };
}

// ---- Recovery Services

/** Fixes in Azure terms for a vault's immutability. */
const VAULT_REMEDIES = (kind: VaultKind): NonNullable<BackupVault["remedies"]> => {
  const what = kind === "recovery-services" ? "Recovery Services vault" : "Backup vault";
  return {
    lock: `set immutability = "Locked" on the ${what} (an immutable vault keeps every recovery point until its retention ends; "Locked" cannot be undone, so set "Unlocked" first to try it)`,
    governanceToCompliance: `set immutability = "Locked" on the ${what}: "Unlocked" immutability can be turned off by anyone allowed to change the vault, "Locked" cannot`,
  };
};

/**
 * immutability: Locked is irreversible (compliance), Unlocked can be disabled (governance), Disabled
 * or absent is none (the setting is off unless set). An immutable vault keeps each point for its own
 * retention ("protect your backup data from being deleted before its intended expiry"), so the lock
 * holds each point's retention rather than a minimum of its own.
 * https://learn.microsoft.com/en-us/azure/backup/backup-azure-immutable-vault-concept
 * https://github.com/Azure/azure-policy/blob/master/built-in-policies/policyDefinitions/Backup/Vaults_Immutability_Audit.json
 */
export function immutabilityLock(r: ResourceInstance): BackupVault["lock"] | undefined {
  const state = strFact(r.body, "immutability", "Disabled");
  if (state === "Disabled" || state === null) return undefined;
  const at = atOf(lookup(r.body, "immutability"));
  const location = toLocation(at ?? r.header);
  const mode: Fact<"governance" | "compliance"> = isUnknownFact(state) ? state : state === "Locked" ? "compliance" : state === "Unlocked" ? "governance" : unknownFact(`immutability = "${state}" is not Disabled, Unlocked or Locked`);
  return { mode, minRetentionDays: null, maxRetentionDays: null, location, modeLocation: location, holdsPointRetention: true };
}

/** A vault of either kind, with its immutability as its lock. */
function azureVault(r: ResourceInstance, ctx: CatalogContext, kind: VaultKind, anchors: readonly string[]): BackupVault {
  const vault: BackupVault = {
    ...identity(r, anchors),
    node: "backup-vault",
    provider: "azurerm",
    name: strFact(r.body, "name", null) ?? unknownFact("vault without name"),
    region: ctx.region,
    account: ctx.account,
    notifications: [],
    remedies: VAULT_REMEDIES(kind),
  };
  const lock = immutabilityLock(r);
  if (lock) vault.lock = lock;
  return vault;
}

function buildRecoveryServicesVault(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const anchors = ["immutability", "storage_mode_type", "cross_region_restore_enabled", "soft_delete_enabled", "encryption.key_id", "encryption", "monitoring.alerts_for_all_job_failures_enabled", "monitoring"];
  const vault = azureVault(r, ctx, "recovery-services", anchors);
  vault.keyAnchor = "encryption.key_id";
  const key = rawValue(r.body, "encryption.key_id");
  if (key !== undefined) vault.keyId = keyIdOf(key, r, ctx);
  // monitoring.alerts_for_all_job_failures_enabled defaults to true: built-in Azure Monitor alerts for job failures.
  // https://learn.microsoft.com/en-us/azure/backup/monitoring-and-alerts-overview
  const alertsPath = "monitoring.alerts_for_all_job_failures_enabled";
  const alertsAt = atOf(lookup(r.body, alertsPath));
  vault.failureAlerts = {
    enabled: boolFact(r.body, alertsPath, true),
    location: toLocation(alertsAt ?? r.header),
    anchor: alertsAt ? alertsPath : "",
    fix: "set monitoring { alerts_for_all_job_failures_enabled = true } (the default) and route the built-in Azure Monitor alerts to an action group (azurerm_monitor_alert_processing_rule_action_group)",
  };
  return [vault];
}

/** Retention count of a tier block (`retention_daily.count`), in days per point kept. */
function tierRetention(body: EvaluatedBody, block: string, daysPerCount: number): { days: Fact<number | null>; at?: Location; blockAt?: Location } {
  const b = blocksAt(body, block);
  if (b.unknown) return { days: b.unknown };
  const first = b.blocks[0];
  if (!first) return { days: unknownFact(`${block} is not set`) };
  const count = numFact(first, "count", null);
  const at = atOf(lookup(first, "count"));
  const days: Fact<number | null> = count === null ? unknownFact(`${block}.count is not set`) : isUnknownFact(count) ? count : count * daysPerCount;
  return { days, blockAt: toLocation(first.at), ...(at ? { at: toLocation(at) } : {}) };
}

/** Largest gap between backups of a VM policy's `backup` block, in hours. */
export function vmScheduleIntervalHours(frequency: Fact<string | null>, weekdays: Fact<string[]> | undefined, hourInterval: Fact<number | null>, hourDuration: Fact<number | null>): Fact<number> {
  if (frequency === null) return unknownFact("backup.frequency is not set");
  if (isUnknownFact(frequency)) return frequency;
  if (frequency === "Daily") return 24;
  if (frequency === "Weekly") {
    if (weekdays === undefined) return unknownFact("a weekly backup without backup.weekdays");
    if (isUnknownFact(weekdays)) return weekdays;
    return weekdaysGapHours(weekdays) ?? unknownFact(`backup.weekdays ${weekdays.join(", ")} are not weekdays`);
  }
  if (frequency === "Hourly") {
    if (isUnknownFact(hourInterval)) return hourInterval;
    if (isUnknownFact(hourDuration)) return hourDuration;
    if (hourInterval === null || hourDuration === null) return unknownFact("an hourly backup needs backup.hour_interval and backup.hour_duration");
    return hourlyWindowGapHours(hourInterval, hourDuration) ?? unknownFact(`backup.hour_interval ${hourInterval} and hour_duration ${hourDuration} do not make a schedule`);
  }
  return unknownFact(`backup.frequency "${frequency}" is not Daily, Weekly or Hourly`);
}

/**
 * azurerm_backup_policy_vm: one plan rule per retention tier. The base tier holds every backup
 * (retention_daily.count days; for a weekly schedule retention_weekly.count weeks); the weekly,
 * monthly and yearly tiers keep some of those points count weeks, months (365/12 days) or years
 * (365 days), at one point a week, month or year. Rules print their tier as the rule name.
 */
function buildVmPolicy(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const ref = vaultOf(r, "recovery_vault_name", "recovery-services", ctx);
  const facts = vaultFacts(ref, "recovery-services", ctx);
  const vault = { ref, facts };
  const backup = blocksAt(r.body, "backup").blocks[0];
  const frequency = backup ? strFact(backup, "frequency", null) : unknownFact("the policy has no backup block");
  const interval = backup
    ? vmScheduleIntervalHours(frequency, stringList(backup, "weekdays"), numFact(backup, "hour_interval", null), numFact(backup, "hour_duration", null))
    : unknownFact("the policy has no backup block");
  const scheduleAt = backup ? atOf(lookup(backup, "frequency")) : undefined;
  const schedule = scheduleAt ? toLocation(scheduleAt) : backup ? toLocation(backup.at) : undefined;
  const rules: BackupPlanRule[] = [];
  const tier = (name: string, block: string, daysPerCount: number, tierInterval: Fact<number>, optional: boolean) => {
    if (optional && blocksAt(r.body, block).blocks.length === 0 && !blocksAt(r.body, block).unknown) return;
    const t = tierRetention(r.body, block, daysPerCount);
    rules.push(planRule(name, t.blockAt ?? toLocation(r.header), tierInterval, t.days, vault, { ...(t.at ? { retention: t.at } : {}), ...(schedule ? { schedule } : {}) }));
  };
  const weekly = frequency === "Weekly";
  if (!weekly) tier("daily", "retention_daily", 1, interval, false);
  const weeklyDays = stringList(blocksAt(r.body, "retention_weekly").blocks[0] ?? r.body, "weekdays");
  const weeklyGap = weekly ? interval : Array.isArray(weeklyDays) ? (weekdaysGapHours(weeklyDays) ?? 168) : 168;
  tier("weekly", "retention_weekly", 7, weeklyGap, !weekly);
  tier("monthly", "retention_monthly", DAYS_PER_MONTH, DAYS_PER_MONTH * 24, true);
  tier("yearly", "retention_yearly", DAYS_PER_YEAR, DAYS_PER_YEAR * 24, true);
  const p = plan(r, "Azure Backup VM policy", facts, rules, ["backup", "retention_daily", "retention_weekly", "retention_monthly", "retention_yearly", "recovery_vault_name"]);
  for (const block of ["retention_daily", "retention_weekly", "retention_monthly", "retention_yearly"]) {
    const u = blocksAt(r.body, block).unknown;
    if (u) p.unknownRules ??= u;
  }
  return [p];
}

/**
 * azurerm_backup_protected_vm: the VM (source_vm_id) is backed up by the policy (backup_policy_id).
 * protection_state BackupsSuspended or ProtectionStopped takes no new backups: not a backup of it.
 */
function buildProtectedVm(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const state = strFact(r.body, "protection_state", "Protected");
  if (state === "BackupsSuspended" || state === "ProtectionStopped") return [];
  const ref = vaultOf(r, "recovery_vault_name", "recovery-services", ctx);
  return [association(r, ctx, "source_vm_id", "backup_policy_id", ["source_vm_id", "backup_policy_id"], vaultFacts(ref, "recovery-services", ctx).region)];
}

// ---- Data Protection (Backup vaults)

function buildBackupVault(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const vault = azureVault(r, ctx, "data-protection", ["immutability", "redundancy", "soft_delete", "retention_duration_in_days", "cross_region_restore_enabled"]);
  // A customer managed key is a resource of its own. https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_vault_customer_managed_key
  for (const k of ctx.resourcesOfType("azurerm_data_protection_backup_vault_customer_managed_key")) {
    const target = rawValue(k.body, "data_protection_backup_vault_id");
    if (k.root !== r.root || !isRef(target) || ctx.resource(k.root, target.address) !== r) continue;
    const key = rawValue(k.body, "key_vault_key_id");
    if (key !== undefined) vault.keyId = keyIdOf(key, k, ctx);
    const at = atOf(lookup(k.body, "key_vault_key_id"));
    vault.anchors["customer_managed_key"] = toLocation(at ?? k.header);
    vault.keyAnchor = "customer_managed_key";
  }
  return [vault];
}

/** The schedule of a Data Protection policy: backup_repeating_time_intervals as the largest gap in hours. */
function dpSchedule(r: ResourceInstance): { interval: Fact<number>; at?: Location } {
  const list = stringList(r.body, "backup_repeating_time_intervals");
  const at = atOf(lookup(r.body, "backup_repeating_time_intervals"));
  const interval = list === undefined ? unknownFact("the policy has no backup_repeating_time_intervals") : isUnknownFact(list) ? list : repeatingIntervalsGapHours(list);
  return { interval, ...(at ? { at: toLocation(at) } : {}) };
}

/**
 * Retention rules of a Data Protection policy (`retention_rule` blocks with `duration` or
 * `life_cycle.duration`). A tagged point is one of the scheduled backups kept longer (or shorter)
 * than the default; the default's points fill the time between, so a tier is a rule at the
 * schedule's interval, and only a tier that keeps points longer than the default adds anything.
 */
function dpTiers(r: ResourceInstance, path: "duration" | "life_cycle.duration", base: Fact<number> | null, interval: Fact<number>, vault: { ref: VaultRef; facts: VaultFacts } | undefined, schedule: Location | undefined): { rules: BackupPlanRule[]; unknown?: ReturnType<typeof unknownFact> } {
  const blocks = blocksAt(r.body, "retention_rule");
  const rules: BackupPlanRule[] = [];
  for (const b of blocks.blocks) {
    const d = durationAt(b, path);
    if (d.days === null) continue;
    if (typeof d.days === "number" && typeof base === "number" && d.days <= base) continue;
    const name = strFact(b, "name", null);
    rules.push(planRule(typeof name === "string" ? name : "retention_rule", toLocation(b.at), interval, d.days, vault, { ...(d.at ? { retention: d.at } : {}), ...(schedule ? { schedule } : {}) }));
  }
  return { rules, ...(blocks.unknown ? { unknown: blocks.unknown } : {}) };
}

/** The vault a Data Protection policy belongs to: vault_id, or vault_name in older provider versions. */
function dpVault(r: ResourceInstance, ctx: CatalogContext): { ref: VaultRef; facts: VaultFacts } {
  const ref = vaultOf(r, lookup(r.body, "vault_id").kind !== "absent" ? "vault_id" : "vault_name", "data-protection", ctx);
  return { ref, facts: vaultFacts(ref, "data-protection", ctx) };
}

/**
 * azurerm_data_protection_backup_policy_disk: incremental snapshots every interval, kept
 * default_retention_duration; retention_rule FirstOfDay/FirstOfWeek keep some longer. They stay in
 * the snapshot resource group (operational tier): no vault holds them, no geo copy is made.
 */
function buildDiskPolicy(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const { facts } = dpVault(r, ctx);
  const { interval, at: schedule } = dpSchedule(r);
  const d = durationAt(r.body, "default_retention_duration");
  const retention: Fact<number | null> = d.days ?? unknownFact("default_retention_duration is not set");
  const rules = [planRule("default", d.at ?? toLocation(r.header), interval, retention, undefined, { ...(d.at ? { retention: d.at } : {}), ...(schedule ? { schedule } : {}) })];
  const tiers = dpTiers(r, "duration", d.days, interval, undefined, schedule);
  const p = plan(r, "Azure Disk Backup policy", facts, [...rules, ...tiers.rules], ["backup_repeating_time_intervals", "default_retention_duration", "retention_rule"]);
  if (tiers.unknown) p.unknownRules = tiers.unknown;
  return [p];
}

/**
 * azurerm_data_protection_backup_policy_blob_storage: operational backup (continuous point-in-time
 * restore within the storage account, operational_default_retention_duration) and vaulted backups
 * (backup_repeating_time_intervals, vault_default_retention_duration and retention_rule life cycles,
 * in the vault).
 */
function buildBlobPolicy(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const vault = dpVault(r, ctx);
  const rules: BackupPlanRule[] = [];
  const operational = durationAt(r.body, "operational_default_retention_duration");
  if (operational.days !== null) {
    const at = operational.at ?? toLocation(r.header);
    rules.push(planRule("operational", at, 1 / 3600, operational.days, undefined, { retention: at }));
  }
  const vaulted = durationAt(r.body, "vault_default_retention_duration");
  let unknownRules: ReturnType<typeof unknownFact> | undefined;
  if (vaulted.days !== null) {
    const { interval, at: schedule } = dpSchedule(r);
    rules.push(planRule("vaulted", vaulted.at ?? toLocation(r.header), interval, vaulted.days, vault, { ...(vaulted.at ? { retention: vaulted.at } : {}), ...(schedule ? { schedule } : {}) }));
    const tiers = dpTiers(r, "life_cycle.duration", vaulted.days, interval, vault, schedule);
    rules.push(...tiers.rules);
    unknownRules = tiers.unknown;
  }
  const p = plan(r, "Azure Backup blob policy", vault.facts, rules, ["operational_default_retention_duration", "vault_default_retention_duration", "backup_repeating_time_intervals", "retention_rule"]);
  if (unknownRules) p.unknownRules = unknownRules;
  return [p];
}

/**
 * azurerm_data_protection_backup_policy_postgresql_flexible_server / _mysql_flexible_server: full
 * backups on the schedule into the vault (VaultStore), kept default_retention_rule.life_cycle.duration,
 * retention_rule life cycles for tagged points.
 */
function buildFlexibleServerPolicy(label: string) {
  return (r: ResourceInstance, ctx: CatalogContext): Mechanism[] => {
    const vault = dpVault(r, ctx);
    const { interval, at: schedule } = dpSchedule(r);
    const d = durationAt(r.body, "default_retention_rule.life_cycle.duration");
    const retention: Fact<number | null> = d.days ?? unknownFact("default_retention_rule is not set");
    const rules = [planRule("default", d.at ?? toLocation(r.header), interval, retention, vault, { ...(d.at ? { retention: d.at } : {}), ...(schedule ? { schedule } : {}) })];
    const tiers = dpTiers(r, "life_cycle.duration", d.days, interval, vault, schedule);
    const p = plan(r, label, vault.facts, [...rules, ...tiers.rules], ["backup_repeating_time_intervals", "default_retention_rule", "retention_rule"]);
    if (tiers.unknown) p.unknownRules = tiers.unknown;
    return [p];
  };
}

/** A backup instance: the protected resource (`resourceAttr`) is backed up by backup_policy_id. */
function buildBackupInstance(resourceAttr: string) {
  return (r: ResourceInstance, ctx: CatalogContext): Mechanism[] => [association(r, ctx, resourceAttr, "backup_policy_id", [resourceAttr, "backup_policy_id"], ctx.region)];
}

export const azurermMechanisms: Record<string, MechanismEntry> = {
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/recovery_services_vault
  azurerm_recovery_services_vault: { build: buildRecoveryServicesVault },
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/backup_policy_vm
  azurerm_backup_policy_vm: { build: buildVmPolicy },
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/backup_protected_vm
  azurerm_backup_protected_vm: { build: buildProtectedVm },
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_vault
  azurerm_data_protection_backup_vault: { build: buildBackupVault },
  azurerm_data_protection_backup_policy_disk: { build: buildDiskPolicy },
  azurerm_data_protection_backup_policy_blob_storage: { build: buildBlobPolicy },
  azurerm_data_protection_backup_policy_postgresql_flexible_server: { build: buildFlexibleServerPolicy("Azure Backup PostgreSQL flexible server policy") },
  azurerm_data_protection_backup_policy_mysql_flexible_server: { build: buildFlexibleServerPolicy("Azure Backup MySQL flexible server policy") },
  azurerm_data_protection_backup_instance_disk: { build: buildBackupInstance("disk_id") },
  azurerm_data_protection_backup_instance_blob_storage: { build: buildBackupInstance("storage_account_id") },
  azurerm_data_protection_backup_instance_postgresql_flexible_server: { build: buildBackupInstance("server_id") },
  azurerm_data_protection_backup_instance_mysql_flexible_server: { build: buildBackupInstance("server_id") },
};
