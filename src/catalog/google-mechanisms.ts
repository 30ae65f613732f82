/**
 * Google Cloud backup mechanisms, mapped onto the graph's plans, selections and vaults:
 * - Compute Engine snapshot schedules (google_compute_resource_policy) are plans with one rule and
 *   no vault; the disks they are attached to (attachment resources, `resource_policies` of disks
 *   and of instance boot disks) are associations.
 * - Spanner and Firestore backup schedules are a plan and an association each.
 * - Backup and DR Service: backup vaults, backup plans and backup plan associations.
 * Associations protect exactly the resources they name (BackupSelection.association).
 */
import type { BackupPlan, BackupPlanRule, BackupSelection, BackupVault, Fact, Location, Mechanism, ResourceSelector } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { EvaluatedBody, ResourceInstance } from "../terraform/types-evaluated.js";
import { isList, isRef, type Value } from "../terraform/value.js";
import { identity, keyIdOf } from "./aws-mechanisms.js";
import type { CatalogContext, MechanismEntry } from "./index.js";
import { atOf, blocksAt, factOfOpaque, lookup, numFact, rawValue, strFact, toLocation } from "./read.js";
import { unixCronIntervalHours } from "./schedule.js";
import { durationDays, firestoreRecurrenceHours, regionOfLocation, snapshotScheduleIntervalHours, standardScheduleIntervalHours, type SnapshotSchedule, type StandardSchedule } from "./google-schedule.js";
import { resolveNamed, valuesOf, type Named } from "./google-names.js";

function nodeId(r: ResourceInstance, suffix = ""): string {
  return `${r.root}::${r.address}${suffix}`;
}

function at(body: EvaluatedBody, path: string): Location | undefined {
  const a = atOf(lookup(body, path));
  return a ? toLocation(a) : undefined;
}

/** A duration attribute ("604800s") in days; absent is `dflt`. */
function durationDaysFact(body: EvaluatedBody, path: string, dflt: Fact<number | null>): Fact<number | null> {
  const v = strFact(body, path, null);
  if (v === null) return dflt;
  if (isUnknownFact(v)) return v;
  return durationDays(v) ?? unknownFact(`${path} ${v} is not a duration`);
}


// ---------------------------------------------------------------- associations

/** Selectors for what a pointer names: one reference, several uncertain ones, or none (managed outside the scan). */
function selectorsFor(n: Named, location: Location, candidatesWhenUnknown: () => ResourceInstance[]): ResourceSelector[] {
  if (n.kind === "one") return [{ by: "ref", address: n.r.address, root: n.r.root, location }];
  if (n.kind === "many") return n.rs.map((r) => ({ by: "ref", address: r.address, root: r.root, location, uncertain: n.reason }));
  // An unknown pointer may name any in-scan resource of its type: each is uncertain (not every Google resource).
  if (n.kind === "unknown") return candidatesWhenUnknown().map((r) => ({ by: "ref", address: r.address, root: r.root, location, uncertain: `which resource is meant is not known: ${n.fact.reason}` }));
  return [];
}

function managedOfType(ctx: CatalogContext, ...types: string[]): ResourceInstance[] {
  return types.flatMap((t) => ctx.resourcesOfType(t)).filter((r) => r.mode === "managed");
}

/** Node id of the plan a pointer names, or why it is not known. */
function planIdOf(n: Named, what: string, v: Value | undefined): Fact<string> {
  if (n.kind === "one") return nodeId(n.r);
  if (n.kind === "unknown") return n.fact;
  if (n.kind === "many") return unknownFact(`which ${what} is meant is not known: ${n.reason}`);
  return unknownFact(`${what} ${typeof v === "string" ? v : ""} is defined outside the scan`.replace("  ", " "));
}

function association(r: ResourceInstance, ctx: CatalogContext, planId: Fact<string>, resources: ResourceSelector[], anchors: string[], idSuffix = ""): BackupSelection {
  return {
    ...identity(r, anchors),
    id: nodeId(r, idSuffix),
    node: "backup-selection",
    provider: "google",
    association: true,
    planId,
    region: ctx.region,
    account: ctx.account,
    resources,
    notResources: [],
    anyTags: [],
    allConditions: [],
  };
}

// ---------------------------------------------------------------- snapshot schedules

const SNAPSHOT_POLICY = "google_compute_resource_policy";

function hasSnapshotSchedule(policy: ResourceInstance): boolean {
  return blocksAt(policy.body, "snapshot_schedule_policy").blocks.length > 0 || policy.body.unknownBlocks.has("snapshot_schedule_policy");
}

/** snapshot_schedule_policy.schedule as one of its three forms, with where it is written. */
function readSnapshotSchedule(body: EvaluatedBody): { schedule: Fact<SnapshotSchedule>; location?: Location } {
  const sched = blocksAt(body, "snapshot_schedule_policy.schedule");
  if (sched.unknown) return { schedule: sched.unknown };
  const b = sched.blocks[0];
  if (!b) return { schedule: unknownFact("snapshot_schedule_policy has no schedule") };
  const hourly = b.blocks.find((x) => x.type === "hourly_schedule");
  const daily = b.blocks.find((x) => x.type === "daily_schedule");
  const weekly = b.blocks.find((x) => x.type === "weekly_schedule");
  if (hourly) {
    const n = numFact(hourly, "hours_in_cycle", unknownFact("hourly_schedule without hours_in_cycle"));
    return { schedule: isUnknownFact(n) ? n : { kind: "hourly", hoursInCycle: n ?? 0 }, location: toLocation(hourly.at) };
  }
  if (daily) {
    const n = numFact(daily, "days_in_cycle", unknownFact("daily_schedule without days_in_cycle"));
    return { schedule: isUnknownFact(n) ? n : { kind: "daily", daysInCycle: n ?? 0 }, location: toLocation(daily.at) };
  }
  if (weekly) {
    const dayBlocks = blocksAt(weekly, "day_of_weeks");
    if (dayBlocks.unknown) return { schedule: dayBlocks.unknown, location: toLocation(weekly.at) };
    const days: { day: string; startTime: string }[] = [];
    for (const d of dayBlocks.blocks) {
      const day = strFact(d, "day", null);
      const time = strFact(d, "start_time", null);
      if (isUnknownFact(day)) return { schedule: day, location: toLocation(weekly.at) };
      if (isUnknownFact(time)) return { schedule: time, location: toLocation(weekly.at) };
      days.push({ day: day ?? "", startTime: time ?? "" });
    }
    return { schedule: { kind: "weekly", days }, location: toLocation(weekly.at) };
  }
  if (b.unknownBlocks.size) return { schedule: unknownFact("the schedule is built by dynamic blocks that could not be expanded") };
  return { schedule: unknownFact("schedule has no hourly_schedule, daily_schedule or weekly_schedule"), location: toLocation(b.at) };
}

/**
 * Where a snapshot schedule stores its snapshots: snapshot_properties.storage_locations (a region or
 * a multi-region), else the project's snapshot settings (google_compute_snapshot_settings:
 * NEAREST_MULTI_REGION, LOCAL_REGION, SPECIFIC_LOCATIONS), else the multi-region nearest the disk.
 * A snapshot schedule applies to disks of its own region, so LOCAL_REGION is the schedule's region.
 * https://cloud.google.com/compute/docs/disks/about-snapshot-schedules ("standard snapshots, which are geo-redundant")
 * https://cloud.google.com/compute/docs/disks/snapshot-settings
 * https://cloud.google.com/compute/docs/reference/rest/v1/snapshotSettings (StorageLocationPolicy)
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_snapshot_settings
 */
export function snapshotStorageRegion(policy: ResourceInstance, ctx: CatalogContext): { region: Fact<string>; location: Location } {
  const path = "snapshot_schedule_policy.snapshot_properties.storage_locations";
  const l = lookup(policy.body, path);
  const fallbackAt = toLocation(policy.header);
  if (l.kind === "unknown") return { region: l.fact, location: at(policy.body, path) ?? fallbackAt };
  if (l.kind === "value" && l.value !== null) {
    const first = isList(l.value) ? l.value[0] : l.value;
    const where = toLocation(l.at);
    if (typeof first === "string") return { region: regionOfLocation(first), location: where };
    if (first !== undefined && first !== null) return { region: factOfOpaque(first), location: where };
  }
  return projectSnapshotLocation(ctx, fallbackAt);
}

const NEAREST_MULTI_REGION = (region: Fact<string>): string => (typeof region === "string" ? `the multi-region nearest ${region}` : "the multi-region nearest the disk");

function projectSnapshotLocation(ctx: CatalogContext, fallbackAt: Location): { region: Fact<string>; location: Location } {
  const all = managedOfType(ctx, "google_compute_snapshot_settings");
  const project = ctx.account;
  const sure = all.filter((s) => typeof project === "string" && ctx.placeOf(s).account === project);
  const maybe = all.filter((s) => !sure.includes(s) && !(typeof project === "string" && typeof ctx.placeOf(s).account === "string"));
  if (sure.length === 0 && maybe.length > 0) {
    return { region: unknownFact(`whether ${maybe[0]!.address} sets the snapshot location of this project is not known: their projects are not both known`, "set project on the provider"), location: toLocation(maybe[0]!.header) };
  }
  const settings = sure[0];
  if (!settings) return { region: NEAREST_MULTI_REGION(ctx.region), location: fallbackAt };
  const where = at(settings.body, "storage_location.policy") ?? toLocation(settings.header);
  const policy = strFact(settings.body, "storage_location.policy", null);
  if (isUnknownFact(policy)) return { region: policy, location: where };
  if (policy === "LOCAL_REGION") return { region: ctx.region, location: where };
  if (policy === "SPECIFIC_LOCATIONS") {
    const loc = strFact(settings.body, "storage_location.locations.location", null) ?? strFact(settings.body, "storage_location.locations.name", null);
    if (isUnknownFact(loc)) return { region: loc, location: where };
    return { region: loc === null ? unknownFact("SPECIFIC_LOCATIONS without locations") : regionOfLocation(loc), location: at(settings.body, "storage_location.locations") ?? where };
  }
  return { region: NEAREST_MULTI_REGION(ctx.region), location: where };
}

/**
 * A snapshot schedule: one rule, no vault. Retention is retention_policy.max_retention_days; the
 * provider marks retention_policy optional and Google documents no default, so without it the
 * retention is unknown. The copy action says where the snapshots are stored (they are the rule's
 * own points: same retention).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_resource_policy
 */
function buildSnapshotSchedule(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  if (!hasSnapshotSchedule(r)) return [];
  const policyBlock = blocksAt(r.body, "snapshot_schedule_policy").blocks[0];
  const { schedule, location: scheduleLocation } = readSnapshotSchedule(r.body);
  const intervalHours: Fact<number> = isUnknownFact(schedule) ? schedule : snapshotScheduleIntervalHours(schedule);
  const retentionPath = "snapshot_schedule_policy.retention_policy.max_retention_days";
  const retentionDays = numFact(r.body, retentionPath, unknownFact("retention_policy.max_retention_days is not set, and Google documents no default retention for scheduled snapshots", "set snapshot_schedule_policy.retention_policy.max_retention_days"));
  const retentionLocation = at(r.body, retentionPath);
  const storage = snapshotStorageRegion(r, ctx);
  const ruleAt = toLocation(policyBlock?.at ?? r.header);
  const rule: BackupPlanRule = {
    name: typeof rawValue(r.body, "name") === "string" ? (rawValue(r.body, "name") as string) : "",
    location: ruleAt,
    intervalHours,
    retentionDays,
    coldStorageAfterDays: null,
    continuous: false,
    copyActions: [
      {
        destinationRegion: storage.region,
        destinationAccount: ctx.account,
        retentionDays,
        coldStorageAfterDays: null,
        location: storage.location,
        via: "gce-snapshot-location",
        ...(retentionLocation ? { retentionLocation } : {}),
      },
    ],
    ...(retentionLocation ? { retentionLocation } : {}),
    ...(scheduleLocation ? { scheduleLocation } : {}),
  };
  const plan: BackupPlan = { ...identity(r, ["snapshot_schedule_policy"]), node: "backup-plan", provider: "google", label: "snapshot schedule", region: ctx.region, account: ctx.account, rules: [rule] };
  return [plan];
}

/** The snapshot schedule a policy pointer names (by reference, name or self link), as a plan id; undefined when it names a policy that is no snapshot schedule. */
function snapshotPlanId(v: Value | undefined, from: ResourceInstance, ctx: CatalogContext, region: Fact<string | null>): Fact<string> | undefined {
  const n = resolveNamed(v, [SNAPSHOT_POLICY], from, ctx, { location: region });
  if (n.kind === "one" && !hasSnapshotSchedule(n.r)) return undefined;
  return planIdOf(n, "resource policy", v);
}

/**
 * `google_compute_disk_resource_policy_attachment` (name = policy name, disk, zone) and the region
 * disk variant (region): the disk is snapshotted by the schedule.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk_resource_policy_attachment
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_region_disk_resource_policy_attachment
 */
function diskAttachment(placeAttr: "zone" | "region", diskType: string) {
  return (r: ResourceInstance, ctx: CatalogContext): Mechanism[] => {
    const place = strFact(r.body, placeAttr, null);
    const region: Fact<string | null> = typeof place === "string" ? regionOfLocation(place) : place;
    const planId = snapshotPlanId(rawValue(r.body, "name"), r, ctx, region);
    if (planId === undefined) return [];
    const diskV = rawValue(r.body, "disk");
    const disk = resolveNamed(diskV, [diskType], r, ctx, { location: place });
    const where = at(r.body, "disk") ?? toLocation(r.header);
    return [association(r, ctx, planId, selectorsFor(disk, where, () => managedOfType(ctx, diskType)), ["name", "disk"])];
  };
}

/**
 * `resource_policies = [...]` of a disk, a region disk, or an instance's boot disk
 * (boot_disk.initialize_params.resource_policies): each snapshot schedule named covers the resource.
 * Items are references (`.id`, `.self_link`), names or self links.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk#resource_policies
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#resource_policies (initialize_params)
 */
function inlinePolicies(path: string) {
  return (r: ResourceInstance, ctx: CatalogContext): Mechanism[] => {
    const l = lookup(r.body, path);
    if (l.kind === "absent") return [];
    const where = toLocation(l.at ?? r.header);
    const self: ResourceSelector[] = [{ by: "ref", address: r.address, root: r.root, location: where }];
    if (l.kind === "unknown") return [association(r, ctx, l.fact, self, [path], `#${path}`)];
    const out: Mechanism[] = [];
    valuesOf(l.value).forEach((v, i) => {
      const planId = snapshotPlanId(v, r, ctx, ctx.region);
      if (planId !== undefined) out.push({ ...association(r, ctx, planId, self, [path], `#${path}[${i}]`), location: where });
    });
    return out;
  };
}

// ---------------------------------------------------------------- Spanner and Firestore schedules

/**
 * google_spanner_backup_schedule: backups every spec.cron_spec.text (five-field cron, UTC) kept
 * retention_duration (up to 366 days); full_backup_spec and incremental_backup_spec both keep
 * restorable backups. The schedule is deleted with its database, its backups are not.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_backup_schedule
 */
function buildSpannerSchedule(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const cron = strFact(r.body, "spec.cron_spec.text", null);
  const intervalHours: Fact<number> = cron === null ? unknownFact("the backup schedule has no spec.cron_spec.text") : isUnknownFact(cron) ? cron : unixCronIntervalHours(cron);
  const retentionDays = durationDaysFact(r.body, "retention_duration", unknownFact("the backup schedule has no retention_duration"));
  const plan = schedulePlan(r, ctx, "Spanner backup schedule", intervalHours, retentionDays, "retention_duration", "spec.cron_spec.text");
  const instance = rawValue(r.body, "instance");
  const db = resolveNamed(rawValue(r.body, "database"), ["google_spanner_database"], r, ctx, { accept: (c) => sameInstance(rawValue(c.body, "instance"), instance) });
  const where = at(r.body, "database") ?? toLocation(r.header);
  return [plan, association(r, ctx, plan.id, selectorsFor(db, where, () => managedOfType(ctx, "google_spanner_database")), ["database"], "#database")];
}

function sameInstance(a: Value | undefined, b: Value | undefined): boolean | "unknown" {
  if (typeof a === "string" && typeof b === "string") return a.split("/").pop() === b.split("/").pop();
  if (isRef(a) && isRef(b)) return a.address === b.address;
  return "unknown";
}

/**
 * google_firestore_backup_schedule: daily_recurrence or weekly_recurrence, kept `retention`
 * (at most 7 days for daily, 14 weeks for weekly); `database` defaults to "(default)". The schedule
 * is deleted with its database, its backups are not.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/firestore_backup_schedule
 */
function buildFirestoreSchedule(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const recurrence = blocksAt(r.body, "daily_recurrence").blocks.length ? "daily" : blocksAt(r.body, "weekly_recurrence").blocks.length ? "weekly" : undefined;
  const retentionDays = durationDaysFact(r.body, "retention", unknownFact("the backup schedule has no retention"));
  const plan = schedulePlan(r, ctx, "Firestore backup schedule", firestoreRecurrenceHours(recurrence), retentionDays, "retention", recurrence === "weekly" ? "weekly_recurrence" : "daily_recurrence");
  const dbV = rawValue(r.body, "database") ?? "(default)";
  const db = resolveNamed(dbV, ["google_firestore_database"], r, ctx);
  const where = at(r.body, "database") ?? toLocation(r.header);
  return [plan, association(r, ctx, plan.id, selectorsFor(db, where, () => managedOfType(ctx, "google_firestore_database")), ["database"], "#database")];
}

function schedulePlan(r: ResourceInstance, ctx: CatalogContext, label: string, intervalHours: Fact<number>, retentionDays: Fact<number | null>, retentionPath: string, schedulePath: string): BackupPlan {
  const retentionLocation = at(r.body, retentionPath);
  const scheduleLocation = at(r.body, schedulePath);
  const rule: BackupPlanRule = {
    name: "",
    location: toLocation(r.header),
    intervalHours,
    retentionDays,
    coldStorageAfterDays: null,
    continuous: false,
    copyActions: [],
    ...(retentionLocation ? { retentionLocation } : {}),
    ...(scheduleLocation ? { scheduleLocation } : {}),
  };
  return { ...identity(r, [retentionPath, schedulePath]), node: "backup-plan", provider: "google", label, region: ctx.region, account: ctx.account, rules: [rule] };
}

// ---------------------------------------------------------------- Backup and DR

const BACKUP_VAULT = "google_backup_dr_backup_vault";
const BACKUP_PLAN = "google_backup_dr_backup_plan";

/**
 * Backup and DR workload types (backup plan `resource_type`) and the Terraform types they protect.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/backup_dr_backup_plan#resource_type
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/backup_dr_backup_plan_association#resource_type
 */
export const BACKUP_DR_TYPES: Readonly<Record<string, readonly string[]>> = {
  "compute.googleapis.com/Instance": ["google_compute_instance"],
  // A plan for compute.googleapis.com/Disk protects zonal and regional disks.
  "compute.googleapis.com/Disk": ["google_compute_disk", "google_compute_region_disk"],
  "compute.googleapis.com/RegionDisk": ["google_compute_region_disk"],
  "sqladmin.googleapis.com/Instance": ["google_sql_database_instance"],
  "file.googleapis.com/Instance": ["google_filestore_instance"],
  "storage.googleapis.com/Bucket": ["google_storage_bucket"],
};
const ALL_BACKUP_DR_TYPES = [...new Set(Object.values(BACKUP_DR_TYPES).flat())];

/** Seconds of a Backup and DR duration attribute ("100000s") as days. */
function vaultRetentionDays(r: ResourceInstance): Fact<number | null> {
  return durationDaysFact(r.body, "backup_minimum_enforced_retention_duration", unknownFact("backup_minimum_enforced_retention_duration is not set"));
}

/**
 * A backup vault keeps every backup at least backup_minimum_enforced_retention_duration: nobody
 * can delete it earlier. effective_time is when that enforced retention becomes locked: from then
 * on it can no longer be reduced, as a compliance-mode lock (before it, as during AWS's grace
 * time, it can still change). Without effective_time a vault admin can lower it: governance mode.
 * With backup_retention_inheritance = MATCH_BACKUP_EXPIRE_TIME each backup's enforced retention
 * ends at its own expiry, so the lock holds every backup for its whole retention.
 * Backups are encrypted with encryption_config.kms_key_name when set (a key in the vault's
 * location). Deleting a vault that still holds backups is refused (force_delete and
 * ignore_inactive_datasources only lift it for empty data sources), so nothing is force-destroyed.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/backup_dr_backup_vault
 * https://cloud.google.com/backup-disaster-recovery/docs/concepts/backup-vault
 * https://cloud.google.com/backup-disaster-recovery/docs/cloud-console/backup-vault-create ("Lock the enforced retention")
 */
function buildVault(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const name = strFact(r.body, "backup_vault_id", null);
  const effective = lookup(r.body, "effective_time");
  const mode: Fact<"governance" | "compliance"> =
    effective.kind === "absent" || (effective.kind === "value" && effective.value === null) ? "governance" : effective.kind === "unknown" ? effective.fact : typeof effective.value === "string" ? "compliance" : factOfOpaque(effective.value);
  const inheritance = strFact(r.body, "backup_retention_inheritance", "INHERIT_VAULT_RETENTION");
  const minAt = at(r.body, "backup_minimum_enforced_retention_duration");
  const modeAt = at(r.body, "effective_time");
  const vault: BackupVault = {
    ...identity(r, ["backup_vault_id", "encryption_config.kms_key_name", "effective_time", "backup_minimum_enforced_retention_duration"]),
    node: "backup-vault",
    provider: "google",
    name: name ?? unknownFact("backup vault without backup_vault_id"),
    region: ctx.region,
    account: ctx.account,
    keyAnchor: "encryption_config.kms_key_name",
    lock: {
      mode,
      minRetentionDays: vaultRetentionDays(r),
      maxRetentionDays: null,
      location: toLocation(r.header),
      ...(minAt ? { minRetentionLocation: minAt } : {}),
      ...(modeAt ? { modeLocation: modeAt } : {}),
      ...(inheritance === "MATCH_BACKUP_EXPIRE_TIME" ? { holdsPointRetention: true } : {}),
    },
    remedies: {
      lock: "set backup_minimum_enforced_retention_duration on the backup vault to the required retention and lock it with effective_time",
      governanceToCompliance: `set effective_time on ${r.address} so that its minimum enforced retention is locked and can no longer be reduced`,
      longerLock: `raise backup_minimum_enforced_retention_duration of ${r.address} (a duration in seconds)`,
    },
    notifications: [],
    forceDestroy: false,
  };
  const key = lookup(r.body, "encryption_config.kms_key_name");
  if (key.kind === "value" && key.value !== null) vault.keyId = keyIdOf(key.value, r, ctx);
  else if (key.kind === "unknown") vault.keyId = key.fact;
  return [vault];
}

/** The vault a Backup and DR plan stores its backups in (by reference, id or name). */
export function vaultOfPlan(plan: ResourceInstance, ctx: CatalogContext): Named {
  return resolveNamed(rawValue(plan.body, "backup_vault"), [BACKUP_VAULT], plan, ctx, { nameAttr: "backup_vault_id" });
}

/** The plan a Backup and DR association applies (by reference, name or id). */
export function planOfAssociation(a: ResourceInstance, ctx: CatalogContext): Named {
  return resolveNamed(rawValue(a.body, "backup_plan"), [BACKUP_PLAN], a, ctx, { nameAttr: "backup_plan_id" });
}

function readStandardSchedule(b: EvaluatedBody): Fact<StandardSchedule> {
  const type = strFact(b, "recurrence_type", null);
  if (type === null) return unknownFact("standard_schedule has no recurrence_type");
  if (isUnknownFact(type)) return type;
  const out: StandardSchedule = { recurrenceType: type };
  const freq = numFact(b, "hourly_frequency", null);
  if (isUnknownFact(freq)) return freq;
  if (freq !== null) out.hourlyFrequency = freq;
  for (const [attr, key] of [["days_of_week", "daysOfWeek"], ["months", "months"]] as const) {
    const v = rawValue(b, attr);
    if (v === undefined) continue;
    if (!isList(v) || v.some((x) => typeof x !== "string")) return unknownFact(`${attr} is not known statically`);
    out[key] = v as string[];
  }
  const dom = rawValue(b, "days_of_month");
  if (dom !== undefined) {
    if (!isList(dom) || dom.some((x) => typeof x !== "number")) return unknownFact("days_of_month is not known statically");
    out.daysOfMonth = dom as number[];
  }
  const wdom = b.blocks.find((x) => x.type === "week_day_of_month");
  if (wdom) {
    const week = strFact(wdom, "week_of_month", null);
    const day = strFact(wdom, "day_of_week", null);
    if (isUnknownFact(week)) return week;
    if (isUnknownFact(day)) return day;
    out.weekDayOfMonth = { weekOfMonth: week ?? "", dayOfWeek: day ?? "" };
  }
  const win = b.blocks.find((x) => x.type === "backup_window");
  if (win) {
    const start = numFact(win, "start_hour_of_day", 0);
    const end = numFact(win, "end_hour_of_day", unknownFact("backup_window without end_hour_of_day"));
    if (isUnknownFact(start)) return start;
    if (isUnknownFact(end)) return end;
    out.window = { startHour: start ?? 0, endHour: end ?? 24 };
  }
  return out;
}

/**
 * google_backup_dr_backup_plan: backups stored in `backup_vault`, each backup_rules block keeping
 * its backups backup_retention_days on its standard_schedule. The backups are stored where the
 * vault is (its location and project), which is what the rule's stream says.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/backup_dr_backup_plan
 * https://cloud.google.com/backup-disaster-recovery/docs/cloud-console/backup-vault-create ("a Location where the backup data will be permanently stored")
 */
function buildBackupDrPlan(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const vault = vaultOfPlan(r, ctx);
  const vaultV = rawValue(r.body, "backup_vault");
  const vaultId: Fact<string> =
    vault.kind === "one" ? nodeId(vault.r) : vault.kind === "unknown" ? vault.fact : vault.kind === "many" ? unknownFact(`which backup vault is meant is not known: ${vault.reason}`) : unknownFact(`backup vault ${typeof vaultV === "string" ? vaultV : ""} is outside the scan`.replace("  ", " "));
  const place = vault.kind === "one" ? ctx.placeOf(vault.r) : { region: ctx.region, account: ctx.account };
  const ruleBlocks = blocksAt(r.body, "backup_rules");
  const rules: BackupPlanRule[] = ruleBlocks.blocks.map((b) => {
    const std = b.blocks.find((x) => x.type === "standard_schedule");
    const schedule: Fact<StandardSchedule> = std ? readStandardSchedule(std) : unknownFact("backup rule without standard_schedule");
    const retentionLocation = at(b, "backup_retention_days");
    const name = strFact(b, "rule_id", "");
    return {
      name: typeof name === "string" ? name : "",
      location: toLocation(b.at),
      vaultId,
      intervalHours: isUnknownFact(schedule) ? schedule : standardScheduleIntervalHours(schedule),
      retentionDays: numFact(b, "backup_retention_days", unknownFact("backup rule without backup_retention_days")),
      coldStorageAfterDays: null,
      continuous: false,
      copyActions: [],
      ...(retentionLocation ? { retentionLocation } : {}),
      ...(std ? { scheduleLocation: toLocation(std.at) } : {}),
    };
  });
  const plan: BackupPlan = { ...identity(r, ["backup_rules", "backup_vault"]), node: "backup-plan", provider: "google", label: "Backup and DR backup plan", region: place.region, account: place.account, rules };
  if (ruleBlocks.unknown) plan.unknownRules = ruleBlocks.unknown;
  return [plan];
}

/** Terraform types a Backup and DR association's `resource_type` protects (every supported type when unknown). */
function typesOfAssociation(a: ResourceInstance): readonly string[] {
  const t = strFact(a.body, "resource_type", null);
  return typeof t === "string" ? (BACKUP_DR_TYPES[t] ?? []) : ALL_BACKUP_DR_TYPES;
}

/** The resources a Backup and DR association protects: the one it names (as `Named`). */
export function associatedResource(a: ResourceInstance, ctx: CatalogContext): Named {
  return resolveNamed(rawValue(a.body, "resource"), typesOfAssociation(a), a, ctx);
}

/**
 * The disks of a Compute Engine instance: its boot disk when it is an existing disk (boot_disk.source),
 * its attached_disk blocks (source) and google_compute_attached_disk resources that name it.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#source (boot_disk, attached_disk)
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_attached_disk
 */
export function disksOfInstance(inst: ResourceInstance, ctx: CatalogContext): Named[] {
  const diskTypes = ["google_compute_disk", "google_compute_region_disk"];
  const out: Named[] = [];
  const boot = rawValue(inst.body, "boot_disk.source");
  if (boot !== undefined) out.push(resolveNamed(boot, diskTypes, inst, ctx));
  for (const b of blocksAt(inst.body, "attached_disk").blocks) out.push(resolveNamed(rawValue(b, "source"), diskTypes, inst, ctx));
  for (const ad of managedOfType(ctx, "google_compute_attached_disk")) {
    const target = resolveNamed(rawValue(ad.body, "instance"), ["google_compute_instance"], ad, ctx);
    if (target.kind === "one" && target.r === inst) out.push(resolveNamed(rawValue(ad.body, "disk"), diskTypes, ad, ctx));
  }
  return out.filter((n) => n.kind !== "none");
}

/**
 * google_backup_dr_backup_plan_association: `resource` is backed up by `backup_plan`. A Compute
 * Engine instance's backup snapshots its attached disks too, so they are named with it.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/backup_dr_backup_plan_association
 * https://cloud.google.com/backup-disaster-recovery/docs/concepts/compute-intro ("snapshots ... of some or all Persistent Disks attached to an instance")
 */
function buildAssociation(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const planV = rawValue(r.body, "backup_plan");
  const planId = planIdOf(planOfAssociation(r, ctx), "Backup and DR backup plan", planV);
  const where = at(r.body, "resource") ?? toLocation(r.header);
  const target = associatedResource(r, ctx);
  const resources = selectorsFor(target, where, () => managedOfType(ctx, ...typesOfAssociation(r)));
  if (target.kind === "one" && target.r.type === "google_compute_instance") {
    for (const d of disksOfInstance(target.r, ctx)) resources.push(...selectorsFor(d, where, () => []));
  }
  return [association(r, ctx, planId, resources, ["resource", "backup_plan", "resource_type"])];
}

export const googleMechanisms: Record<string, MechanismEntry> = {
  [SNAPSHOT_POLICY]: { build: buildSnapshotSchedule },
  google_compute_disk_resource_policy_attachment: { build: diskAttachment("zone", "google_compute_disk") },
  google_compute_region_disk_resource_policy_attachment: { build: diskAttachment("region", "google_compute_region_disk") },
  google_compute_disk: { build: inlinePolicies("resource_policies") },
  google_compute_region_disk: { build: inlinePolicies("resource_policies") },
  google_compute_instance: { build: inlinePolicies("boot_disk.initialize_params.resource_policies") },
  google_spanner_backup_schedule: { build: buildSpannerSchedule },
  google_firestore_backup_schedule: { build: buildFirestoreSchedule },
  [BACKUP_VAULT]: { build: buildVault },
  [BACKUP_PLAN]: { build: buildBackupDrPlan },
  google_backup_dr_backup_plan_association: { build: buildAssociation },
};
