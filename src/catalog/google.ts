/**
 * Google Cloud catalog: one entry per resource type, as src/catalog/aws.ts.
 * Defaults cite their source; the provider page of each type is in `docs` and
 * is the source of defaults without a closer citation. Components are here;
 * backup mechanisms (snapshot schedules, Spanner and Firestore backup schedules,
 * Backup and DR vaults, plans and associations) in google-mechanisms.ts; facts that
 * depend on other resources (Backup and DR vault locations, Bigtable clusters, key
 * rings, secret replicas) in google-related.ts; name matching in google-names.ts and
 * pure schedule, duration and location helpers in google-schedule.ts. Every entry
 * reads its labels (Cloud SQL: settings.user_labels) for classification.
 */
import type { Component, ComponentCopy, ComponentKind, Fact, NativeBackup, Remedies } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import type { Value } from "../terraform/value.js";
import type { CatalogContext, ComponentEntry, LinkEntry, ProviderCatalog } from "./index.js";
import { atOf, blocksAt, boolFact, lookup, numFact, rawValue, strFact, toLocation } from "./read.js";
import { googleMechanisms } from "./google-mechanisms.js";
import { durationDays, regionOfLocation } from "./google-schedule.js";
import {
  firestoreCopies,
  spannerDatabaseCopies,
  spannerDatabaseRegion,
  backupDrVaultCopies,
  bigtableInstanceRegion,
  bigtableTableBackups,
  bigtableTableCopies,
  bigtableTableKey,
  bigtableTableRegion,
  keyRingLocation,
  kmsKeyFacts,
  secretDeletionRecovery,
  secretReplicas,
} from "./google-related.js";

const PROVIDER_DOCS = "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/";

const constKind = (k: ComponentKind) => () => k;

/**
 * Fix texts shared by several Google types. Backup and DR Service is Google's managed backup with
 * vaults (enforced, lockable retention; vaults in another region or project); Google Cloud has no
 * restore-testing resource in Terraform.
 * https://cloud.google.com/backup-disaster-recovery/docs/concepts/backup-plan
 */
const BACKUP_DR = (resourceType: string) => `protect it with a Backup and DR backup plan (google_backup_dr_backup_plan with resource_type ${resourceType}, and a google_backup_dr_backup_plan_association)`;
const CROSS_PROJECT = "back it up with a Backup and DR backup plan into a backup vault in a separate backup project";
const IMMUTABLE = "back it up with a Backup and DR backup plan into a backup vault whose minimum enforced retention (backup_minimum_enforced_retention_duration) is locked with effective_time";
const RESTORE_TESTING =
  "Google Cloud has no restore-testing resource in Terraform: restore its backup into a scratch resource on a schedule outside Terraform, and record each test in .restorable.yml with an ignore of RTS-001 whose reason names the test and whose expires: is the next test date";

/** Fixes in Google Cloud's terms (Component.remedies); rules print them. */
function remedies(r: Remedies): () => Remedies {
  return () => ({ crossAccountCopy: CROSS_PROJECT, immutability: IMMUTABLE, restoreTesting: RESTORE_TESTING, ...r });
}

const noNativeBackup: NativeBackup = { enabled: false, retentionDays: 0, pointInTime: false, frequencyHours: unknownFact("no native backups") };

/**
 * Multi-regions of Cloud Storage (and the multi-regions Cloud SQL and Compute Engine
 * store backups in): data is kept in at least two regions of the area.
 * https://cloud.google.com/storage/docs/locations#location-mr
 */
const MULTI_REGIONS = new Set(["us", "eu", "asia"]);

/**
 * Predefined dual-regions and their two regions.
 * https://cloud.google.com/storage/docs/locations#predefined
 */
const DUAL_REGIONS: Record<string, readonly [string, string]> = {
  asia1: ["asia-northeast1", "asia-northeast2"],
  eur4: ["europe-north1", "europe-west4"],
  nam4: ["us-central1", "us-east1"],
};

/** A zone (`us-central1-a`) names its region (`us-central1`); regions and multi-regions are kept, lower case. */
export function regionOfGoogleLocation(location: string): string {
  return regionOfLocation(location);
}

/**
 * The resource's own place, which overrides the provider's `region`: its `region`,
 * `location` or `location_id` attribute, else its `zone` (the zone's region).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/provider_reference#region
 */
export function googleResourceRegion(r: ResourceInstance): Value | undefined {
  if (r.type === "google_storage_bucket") {
    const first = bucketRegion(r);
    if (first !== undefined) return first;
  }
  // A Bigtable instance has no location of its own: its clusters have zones.
  if (r.type === "google_bigtable_instance") {
    const first = bigtableInstanceRegion(r);
    if (typeof first === "string") return first;
  }
  for (const attr of ["region", "location", "location_id", "zone"]) {
    const a = r.body.attributes.get(attr);
    if (!a || a.value === null) continue;
    return typeof a.value === "string" ? regionOfGoogleLocation(a.value) : a.value;
  }
  return undefined;
}

export function isGoogleProvider(name: string): boolean {
  return name === "google" || name === "google-beta";
}

/**
 * Cloud SQL automated backups: daily, `retained_backups` kept (default 7) with
 * retention_unit COUNT (the only unit), so the count of daily backups is days.
 * backup_configuration.enabled defaults to false in the provider; PITR comes from
 * point_in_time_recovery_enabled (PostgreSQL, SQL Server) or binary_log_enabled (MySQL),
 * logs kept transaction_log_retention_days (default 7).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
 * https://cloud.google.com/sql/docs/mysql/backup-recovery/backups ("retains 7 backups by default")
 */
function cloudSqlBackups(r: ResourceInstance): NativeBackup {
  const base = "settings.backup_configuration";
  const enabled = boolFact(r.body, `${base}.enabled`, false);
  const unit = strFact(r.body, `${base}.backup_retention_settings.retention_unit`, "COUNT");
  const count = numFact(r.body, `${base}.backup_retention_settings.retained_backups`, 7);
  const retentionDays: Fact<number | null> = enabled === false ? 0 : isUnknownFact(enabled) ? enabled : isUnknownFact(unit) ? unit : unit === "COUNT" ? count : unknownFact(`retention_unit ${String(unit)} is not COUNT`);
  const pitrPg = boolFact(r.body, `${base}.point_in_time_recovery_enabled`, false);
  const binlog = boolFact(r.body, `${base}.binary_log_enabled`, false);
  const pitr: Fact<boolean> = enabled === false ? false : pitrPg === true || binlog === true ? enabled : isUnknownFact(pitrPg) ? pitrPg : isUnknownFact(binlog) ? binlog : false;
  const retained = `${base}.backup_retention_settings.retained_backups`;
  const retentionAnchor = lookup(r.body, retained).kind === "absent" ? base : retained;
  // retained_backups keeps 1 to 365 backups (Cloud SQL backups page, "Backup retention").
  return { enabled, retentionDays, pointInTime: pitr, frequencyHours: 24, via: "native", anchor: `${base}.enabled`, retentionAnchor, maxRetentionDays: 365 };
}

/**
 * Cloud SQL stores backups in the multi-region nearest the instance unless
 * backup_configuration.location names another place: a copy outside a single region.
 * https://cloud.google.com/sql/docs/mysql/backup-recovery/backups#locations
 */
function cloudSqlBackupLocation(r: ResourceInstance, ctx: CatalogContext): ComponentCopy[] {
  const path = "settings.backup_configuration.location";
  if (boolFact(r.body, "settings.backup_configuration.enabled", false) === false) return [];
  const loc = strFact(r.body, path, null);
  const at = atOf(lookup(r.body, path));
  const where = at ? { location: toLocation(at), anchor: path } : {};
  if (loc === null) {
    const region = ctx.region;
    return [{ region: typeof region === "string" ? `the multi-region nearest ${region}` : region, account: ctx.account, via: "cloudsql-backup-location", ...where }];
  }
  return [{ region: isUnknownFact(loc) ? loc : regionOfGoogleLocation(loc), account: ctx.account, via: "cloudsql-backup-location", ...where }];
}

/** Data of a dual- or multi-region bucket is stored in two or more regions: a copy outside one region. */
function bucketLocationCopies(r: ResourceInstance, ctx: CatalogContext): ComponentCopy[] {
  const loc = strFact(r.body, "location", null);
  if (typeof loc !== "string") return [];
  const l = loc.toLowerCase();
  const at = atOf(lookup(r.body, "location"));
  const where = at ? { location: toLocation(at), anchor: "location" } : {};
  const custom = rawValue(r.body, "custom_placement_config.data_locations");
  if (Array.isArray(custom) && custom.length >= 2) {
    const regions = custom.filter((x): x is string => typeof x === "string").map(regionOfGoogleLocation);
    return regions.slice(1).map((region) => ({ region, account: ctx.account, via: "gcs-dual-region", ...where }));
  }
  const dual = DUAL_REGIONS[l];
  if (dual) return [{ region: dual[1], account: ctx.account, via: "gcs-dual-region", ...where }];
  if (MULTI_REGIONS.has(l)) return [{ region: `another region of the ${l} multi-region`, account: ctx.account, via: "gcs-multi-region", ...where }];
  return [];
}

/** The first region of a predefined or configurable dual-region bucket is its region; others keep their location. */
function bucketRegion(r: ResourceInstance): string | undefined {
  const custom = rawValue(r.body, "custom_placement_config.data_locations");
  if (Array.isArray(custom) && typeof custom[0] === "string") return regionOfGoogleLocation(custom[0]);
  const loc = strFact(r.body, "location", null);
  return typeof loc === "string" ? (DUAL_REGIONS[loc.toLowerCase()]?.[0] ?? undefined) : undefined;
}

/**
 * Object versioning (versioning.enabled, default false) keeps noncurrent versions until a
 * lifecycle rule deletes them; without it, soft delete keeps deleted and overwritten objects
 * restorable for retention_duration_seconds: on by default with 7 days (604800 s) since
 * 2024-03-01, 0 disables it. SPEC section 2 counts "soft delete with retention" as a backup.
 * https://cloud.google.com/storage/docs/soft-delete
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#soft_delete_policy
 */
function bucketBackups(r: ResourceInstance): NativeBackup {
  const versioning = boolFact(r.body, "versioning.enabled", false);
  if (versioning === true) {
    const retentionDays = noncurrentRetention(r);
    // A lifecycle rule that ends noncurrent versions decides their retention.
    const byRule = typeof retentionDays === "number" || isUnknownFact(retentionDays);
    return { enabled: true, retentionDays, pointInTime: false, frequencyHours: 0, via: "versioning", anchor: "versioning.enabled", ...(byRule ? { retentionAnchor: "lifecycle_rule" } : {}) };
  }
  const seconds = numFact(r.body, "soft_delete_policy.retention_duration_seconds", 604800);
  const enabled: Fact<boolean> = isUnknownFact(seconds) ? seconds : seconds !== null && seconds > 0;
  const softDelete: NativeBackup = {
    enabled,
    retentionDays: isUnknownFact(seconds) ? seconds : (seconds ?? 0) / 86400,
    pointInTime: false,
    frequencyHours: 0,
    via: "soft-delete",
    anchor: "soft_delete_policy.retention_duration_seconds",
  };
  if (isUnknownFact(versioning) && enabled !== true) return { ...softDelete, enabled: versioning, anchor: "versioning.enabled" };
  return softDelete;
}

/** Days noncurrent versions are kept: the smallest days_since_noncurrent_time of a Delete rule; null = kept until deleted by hand. */
function noncurrentRetention(r: ResourceInstance): Fact<number | null> {
  const { blocks, unknown } = blocksAt(r.body, "lifecycle_rule");
  if (unknown) return unknown;
  let days: number | null = null;
  for (const b of blocks) {
    if (strFact(b, "action.type", null) !== "Delete") continue;
    const n = numFact(b, "condition.days_since_noncurrent_time", null);
    if (isUnknownFact(n)) return n;
    if (n !== null) days = days === null ? n : Math.min(days, n);
    else if (isUnknownFact(numFact(b, "condition.num_newer_versions", null)) || numFact(b, "condition.num_newer_versions", null) !== null) {
      return unknownFact("noncurrent versions are kept by count (num_newer_versions), not by age");
    }
  }
  return days;
}

/** Days after which a Delete lifecycle rule removes live objects (condition.age); null = never. */
function bucketExpiration(r: ResourceInstance): Fact<number | null> {
  const { blocks, unknown } = blocksAt(r.body, "lifecycle_rule");
  if (unknown) return unknown;
  let days: number | null = null;
  for (const b of blocks) {
    if (strFact(b, "action.type", null) !== "Delete") continue;
    if (isUnknownFact(numFact(b, "condition.days_since_noncurrent_time", null)) || numFact(b, "condition.days_since_noncurrent_time", null) !== null) continue;
    if (numFact(b, "condition.num_newer_versions", null) !== null) continue;
    const age = numFact(b, "condition.age", null);
    if (isUnknownFact(age)) return age;
    if (age !== null) days = days === null ? age : Math.min(days, age);
  }
  return days;
}

/** Memorystore for Redis RDB snapshots: only the latest snapshot is kept, so the window is one period. https://cloud.google.com/memorystore/docs/redis/about-persistence */
const RDB_PERIOD_HOURS: Record<string, number> = { ONE_HOUR: 1, SIX_HOURS: 6, TWELVE_HOURS: 12, TWENTY_FOUR_HOURS: 24 };

function redisPersistence(r: ResourceInstance): NativeBackup {
  // persistence_mode default DISABLED; rdb_snapshot_period default TWENTY_FOUR_HOURS (provider docs).
  const mode = strFact(r.body, "persistence_config.persistence_mode", "DISABLED");
  const enabled: Fact<boolean> = isUnknownFact(mode) ? mode : mode === "RDB";
  const period = strFact(r.body, "persistence_config.rdb_snapshot_period", "TWENTY_FOUR_HOURS");
  const hours: Fact<number> = isUnknownFact(period) ? period : (RDB_PERIOD_HOURS[period ?? ""] ?? unknownFact(`rdb_snapshot_period ${String(period)} is not known`));
  return {
    enabled,
    retentionDays: enabled === false ? 0 : typeof hours === "number" ? hours / 24 : hours,
    pointInTime: false,
    frequencyHours: hours,
    via: "native",
    anchor: "persistence_config.persistence_mode",
  };
}

/**
 * Spanner version retention: reads at any timestamp inside the window (default 1h,
 * up to 7d); backups come from google_spanner_backup_schedule.
 * https://cloud.google.com/spanner/docs/pitr
 */
function spannerVersionRetention(r: ResourceInstance): NativeBackup {
  const v = strFact(r.body, "version_retention_period", "1h");
  const days: Fact<number | null> = isUnknownFact(v) ? v : (durationDays(v ?? "1h") ?? unknownFact(`version_retention_period ${String(v)} is not a duration`));
  // version_retention_period is at most 7 days.
  return { enabled: true, retentionDays: days, pointInTime: true, frequencyHours: 1 / 3600, via: "pitr", anchor: "version_retention_period", maxRetentionDays: 7 };
}

/**
 * Firestore PITR: point_in_time_recovery_enablement default POINT_IN_TIME_RECOVERY_DISABLED;
 * enabled keeps 7 days of versions (per minute). https://cloud.google.com/firestore/docs/pitr
 */
function firestorePitr(r: ResourceInstance): NativeBackup {
  const v = strFact(r.body, "point_in_time_recovery_enablement", "POINT_IN_TIME_RECOVERY_DISABLED");
  const enabled: Fact<boolean> = isUnknownFact(v) ? v : v === "POINT_IN_TIME_RECOVERY_ENABLED";
  // The PITR window is fixed at 7 days: nothing to raise.
  return { enabled, retentionDays: enabled === false ? 0 : 7, pointInTime: enabled, frequencyHours: 1 / 60, via: "pitr", anchor: "point_in_time_recovery_enablement", maxRetentionDays: 7 };
}

/** A key attribute as the component's encryption: always encrypted at rest, a CMEK when the attribute names one. */
function keyAt(path: string) {
  return (r: ResourceInstance) => {
    const key = rawValue(r.body, path);
    return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: path };
  };
}

/** Components that a Backup and DR plan can protect: their backups in a vault are encrypted with the vault's key (encryption_config.kms_key_name). */
const IN_VAULT = "vault" as const;

/**
 * Cloud SQL: a final backup is taken on deletion only when settings.final_backup_config.enabled
 * (the deletion API's final backup is opt-in, off by default); automated backups are deleted with
 * the instance unless settings.retain_backups_on_delete = true (default false).
 * https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1beta4/instances/delete ("enableFinalBackup ... By default, it is turned off")
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#retain_backups_on_delete
 */
function cloudSqlFinalBackup(r: ResourceInstance): Fact<boolean> {
  return boolFact(r.body, "settings.final_backup_config.enabled", false);
}

/**
 * A locked Cloud Storage retention policy (retention_policy.is_locked) is WORM on the bucket's
 * objects: nobody can shorten or remove it. Unlocked, it can be changed or removed.
 * https://cloud.google.com/storage/docs/bucket-lock
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#retention_policy
 */
function bucketRetentionPolicy(r: ResourceInstance): Component["objectLock"] | undefined {
  const block = blocksAt(r.body, "retention_policy");
  if (!block.unknown && block.blocks.length === 0) return undefined;
  const location = toLocation(block.blocks[0]?.at ?? r.header);
  if (block.unknown) return { enabled: block.unknown, location, label: "bucket retention policy" };
  const b = block.blocks[0]!;
  const locked = boolFact(b, "is_locked", false);
  const seconds = numFact(b, "retention_period", unknownFact("retention_policy without retention_period"));
  const modeAt = atOf(lookup(b, "is_locked"));
  const retentionAt = atOf(lookup(b, "retention_period"));
  return {
    enabled: true,
    mode: isUnknownFact(locked) ? locked : locked ? "COMPLIANCE" : "GOVERNANCE",
    retentionDays: isUnknownFact(seconds) ? seconds : seconds === null ? null : seconds / 86400,
    location,
    label: "bucket retention policy",
    ...(modeAt ? { modeLocation: toLocation(modeAt) } : {}),
    ...(retentionAt ? { retentionLocation: toLocation(retentionAt) } : {}),
  };
}

const diskRemedies = (attachment: string, keyPath: string, resourceType: string) =>
  remedies({
    enableBackup: `attach a snapshot schedule (google_compute_resource_policy with snapshot_schedule_policy) through resource_policies or ${attachment}, or ${BACKUP_DR(resourceType)}`,
    crossRegionCopy: "store its snapshots in a multi-region or another region (snapshot_properties.storage_locations of its snapshot schedule, or google_compute_snapshot_settings), or back it up into a Backup and DR vault in another region",
    longerRetention: `raise retention_policy.max_retention_days of its snapshot schedule, or ${BACKUP_DR(resourceType)} that keeps its backups`,
    moreFrequent: "take its snapshots more often (an hourly_schedule in its snapshot schedule), or back it up more often with a Backup and DR backup plan",
    customerManagedKey: `set ${keyPath} to a Cloud KMS key you manage, or back it up into a Backup and DR vault with encryption_config.kms_key_name`,
  });

const components: Record<string, ComponentEntry> = {
  google_sql_database_instance: {
    provider: "google",
    remedies: remedies({
      enableBackup: "set settings.backup_configuration.enabled = true with point_in_time_recovery_enabled (PostgreSQL, SQL Server) or binary_log_enabled (MySQL)",
      crossRegionCopy: "leave settings.backup_configuration.location unset (backups go to the nearest multi-region) or set it to another region or a multi-region",
      longerRetention: BACKUP_DR("sqladmin.googleapis.com/Instance") + " whose backup_retention_days keeps its backups",
      moreFrequent: "enable point-in-time recovery (settings.backup_configuration.point_in_time_recovery_enabled, or binary_log_enabled for MySQL)",
      customerManagedKey: "set encryption_key_name to a Cloud KMS key you manage (its automated backups are encrypted with the instance's key)",
      keepBackupsOnDelete: "set settings.retain_backups_on_delete = true, or settings.final_backup_config { enabled = true, retention_days = ... } so that a final backup is kept",
      deletionProtection: "set settings.deletion_protection_enabled = true (it blocks deletion through the API and the console; deletion_protection only stops Terraform)",
    }),
    docs: PROVIDER_DOCS + "sql_database_instance",
    kind: constKind("database"),
    // A read replica is not a component: its master is.
    isComponent: (r) => strFact(r.body, "master_instance_name", null) === null,
    backupResourceType: () => "sqladmin.googleapis.com/Instance",
    backupEncryption: IN_VAULT,
    nativeBackup: cloudSqlBackups,
    // Cloud SQL always encrypts at rest; encryption_key_name selects a CMEK. https://cloud.google.com/sql/docs/mysql/cmek
    encryption: keyAt("encryption_key_name"),
    // deletion_protection (Terraform-side) defaults to true; settings.deletion_protection_enabled (API-side) to false.
    deletionProtection: (r) => {
      const tf = boolFact(r.body, "deletion_protection", true);
      if (tf === true) return true;
      const api = boolFact(r.body, "settings.deletion_protection_enabled", false);
      return api === true ? true : isUnknownFact(tf) ? tf : api;
    },
    deletionProtectionAnchor: "deletion_protection",
    backupsSurviveDeletion: (r) => boolFact(r.body, "settings.retain_backups_on_delete", false),
    finalSnapshot: cloudSqlFinalBackup,
    copies: (r, ctx) => [...cloudSqlBackupLocation(r, ctx), ...backupDrVaultCopies(r, ctx)],
    tagsAttribute: "settings.user_labels",
    anchors: [
      "settings.backup_configuration.enabled",
      "settings.backup_configuration.point_in_time_recovery_enabled",
      "settings.backup_configuration.binary_log_enabled",
      "settings.backup_configuration.backup_retention_settings.retained_backups",
      "settings.backup_configuration.transaction_log_retention_days",
      "settings.backup_configuration.location",
      "settings.backup_configuration",
      "settings.retain_backups_on_delete",
      "settings.final_backup_config",
      "deletion_protection",
      "encryption_key_name",
      "settings.user_labels",
    ],
  },
  google_storage_bucket: {
    provider: "google",
    remedies: remedies({
      enableBackup: "enable versioning, or keep soft delete on (soft_delete_policy.retention_duration_seconds > 0)",
      crossRegionCopy: "use a dual-region or multi-region location, or copy it to a bucket in another region (Storage Transfer Service)",
      longerRetention: `keep noncurrent versions longer (versioning with a Delete lifecycle rule on days_since_noncurrent_time), raise soft_delete_policy.retention_duration_seconds (at most 90 days), or ${BACKUP_DR("storage.googleapis.com/Bucket")}`,
      crossAccountCopy: "copy it to a bucket in a separate project (Storage Transfer Service), or back it up with a Backup and DR backup plan into a backup vault in a separate project",
      customerManagedKey: "set encryption.default_kms_key_name to a Cloud KMS key you manage",
      immutability: "add a retention_policy with is_locked = true (a locked bucket retention policy), or back it up into a Backup and DR vault whose enforced retention is locked",
    }),
    docs: PROVIDER_DOCS + "storage_bucket",
    kind: constKind("object-store"),
    backupResourceType: () => "storage.googleapis.com/Bucket",
    backupEncryption: IN_VAULT,
    nativeBackup: bucketBackups,
    // Google encrypts every object at rest; encryption.default_kms_key_name selects a CMEK. https://cloud.google.com/storage/docs/encryption
    encryption: keyAt("encryption.default_kms_key_name"),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    dataRetentionDays: bucketExpiration,
    dataRetentionAnchor: "lifecycle_rule",
    copies: (r, ctx) => [...bucketLocationCopies(r, ctx), ...backupDrVaultCopies(r, ctx)],
    objectLock: bucketRetentionPolicy,
    // force_destroy (default false) lets Terraform delete the bucket with every object in it.
    attributes: (r) => ({ forceDestroy: boolFact(r.body, "force_destroy", false) }),
    literalNames: (r) => {
      const n = rawValue(r.body, "name");
      return typeof n === "string" ? [n] : [];
    },
    tagsAttribute: "labels",
    anchors: ["versioning.enabled", "versioning", "soft_delete_policy.retention_duration_seconds", "soft_delete_policy", "retention_policy", "lifecycle_rule", "location", "encryption.default_kms_key_name", "force_destroy", "labels"],
  },
  google_compute_disk: {
    provider: "google",
    remedies: diskRemedies("google_compute_disk_resource_policy_attachment", "disk_encryption_key.kms_key_self_link", "compute.googleapis.com/Disk"),
    docs: PROVIDER_DOCS + "compute_disk",
    kind: constKind("volume"),
    backupResourceType: () => "compute.googleapis.com/Disk",
    backupEncryption: IN_VAULT,
    // Persistent disks have no backup of their own: snapshot schedules (resource policies, see
    // google-mechanisms.ts) and Backup and DR plans back them up.
    // https://cloud.google.com/compute/docs/disks/scheduled-snapshots
    nativeBackup: () => noNativeBackup,
    encryption: keyAt("disk_encryption_key.kms_key_self_link"),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    copies: backupDrVaultCopies,
    tagsAttribute: "labels",
    anchors: ["resource_policies", "disk_encryption_key.kms_key_self_link", "labels"],
  },
  // Regional persistent disks replicate synchronously between two zones of one region (replica_zones):
  // high availability, not a backup, and not outside the region.
  // https://cloud.google.com/compute/docs/disks/regional-persistent-disk
  google_compute_region_disk: {
    provider: "google",
    remedies: diskRemedies("google_compute_region_disk_resource_policy_attachment", "disk_encryption_key.kms_key_name", "compute.googleapis.com/Disk"),
    docs: PROVIDER_DOCS + "compute_region_disk",
    kind: constKind("volume"),
    backupResourceType: () => "compute.googleapis.com/RegionDisk",
    backupEncryption: IN_VAULT,
    nativeBackup: () => noNativeBackup,
    encryption: keyAt("disk_encryption_key.kms_key_name"),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    copies: backupDrVaultCopies,
    tagsAttribute: "labels",
    anchors: ["resource_policies", "disk_encryption_key.kms_key_name", "labels"],
  },
  /**
   * A Compute Engine instance is a component (as aws_instance is) for the boot disk it creates
   * (boot_disk.initialize_params): that disk exists only through the instance, and a snapshot
   * schedule on it (initialize_params.resource_policies) or a Backup and DR backup of the instance
   * backs it up. An instance booting an existing disk (boot_disk.source) holds no data of its own:
   * that disk is the component. Attached disks (attached_disk.source, google_compute_attached_disk)
   * are covered with the instance only by a Backup and DR backup of the instance, which snapshots
   * its attached disks: its association names them (google-mechanisms.ts). coveredWith, which would
   * pass on the instance's whole coverage, is not used: a snapshot schedule on the boot disk does not
   * snapshot the other disks.
   * https://cloud.google.com/backup-disaster-recovery/docs/concepts/compute-intro
   */
  google_compute_instance: {
    provider: "google",
    remedies: remedies({
      enableBackup: `attach a snapshot schedule to its boot disk (boot_disk.initialize_params.resource_policies), or ${BACKUP_DR("compute.googleapis.com/Instance")}, which also backs up its attached disks`,
      crossRegionCopy: "store its boot disk snapshots in a multi-region or another region (snapshot_properties.storage_locations of the snapshot schedule), or back it up into a Backup and DR vault in another region",
      longerRetention: `raise retention_policy.max_retention_days of its boot disk's snapshot schedule, or ${BACKUP_DR("compute.googleapis.com/Instance")} that keeps its backups`,
      moreFrequent: "snapshot its boot disk more often (an hourly_schedule in its snapshot schedule), or back it up more often with a Backup and DR backup plan",
      customerManagedKey: "set boot_disk.kms_key_self_link to a Cloud KMS key you manage, or back it up into a Backup and DR vault with encryption_config.kms_key_name",
    }),
    docs: PROVIDER_DOCS + "compute_instance",
    kind: constKind("volume"),
    isComponent: (r) => lookup(r.body, "boot_disk.source").kind === "absent",
    backupResourceType: () => "compute.googleapis.com/Instance",
    backupEncryption: IN_VAULT,
    nativeBackup: () => noNativeBackup,
    encryption: keyAt("boot_disk.kms_key_self_link"),
    // deletion_protection defaults to false.
    deletionProtection: (r) => boolFact(r.body, "deletion_protection", false),
    deletionProtectionAnchor: "deletion_protection",
    backupsSurviveDeletion: () => false,
    copies: backupDrVaultCopies,
    tagsAttribute: "labels",
    anchors: ["boot_disk.initialize_params.resource_policies", "boot_disk.kms_key_self_link", "deletion_protection", "labels"],
  },
  google_filestore_instance: {
    provider: "google",
    remedies: remedies({
      enableBackup: `${BACKUP_DR("file.googleapis.com/Instance")}; a google_filestore_backup is a single backup taken when it is created, and nothing repeats it`,
      crossRegionCopy: "back it up into a Backup and DR vault in another region",
      longerRetention: BACKUP_DR("file.googleapis.com/Instance") + " that keeps its backups",
      moreFrequent: "back it up more often with its Backup and DR backup plan",
      customerManagedKey: "set kms_key_name to a Cloud KMS key you manage, or back it up into a Backup and DR vault with encryption_config.kms_key_name",
    }),
    docs: PROVIDER_DOCS + "filestore_instance",
    kind: constKind("file-system"),
    backupResourceType: () => "file.googleapis.com/Instance",
    backupEncryption: IN_VAULT,
    // No scheduled backups of its own: google_filestore_backup (a one-off backup, see links below)
    // and Backup and DR plans are separate resources. https://cloud.google.com/filestore/docs/backups
    nativeBackup: () => noNativeBackup,
    encryption: keyAt("kms_key_name"),
    deletionProtection: (r) => boolFact(r.body, "deletion_protection_enabled", false),
    deletionProtectionAnchor: "deletion_protection_enabled",
    backupsSurviveDeletion: () => false,
    copies: backupDrVaultCopies,
    tagsAttribute: "labels",
    anchors: ["kms_key_name", "deletion_protection_enabled", "labels"],
  },
  google_redis_instance: {
    provider: "google",
    remedies: remedies({
      enableBackup: 'enable RDB persistence (persistence_config.persistence_mode = "RDB")',
      crossRegionCopy: "export its snapshots to a bucket in another region",
      longerRetention: "export its RDB snapshots to Cloud Storage and keep them there (Memorystore keeps only the latest snapshot)",
      moreFrequent: 'take RDB snapshots more often (persistence_config.rdb_snapshot_period = "ONE_HOUR")',
      customerManagedKey: "set customer_managed_key to a Cloud KMS key you manage",
    }),
    docs: PROVIDER_DOCS + "redis_instance",
    kind: constKind("cache"),
    nativeBackup: redisPersistence,
    // Always encrypted at rest; customer_managed_key selects a CMEK. https://cloud.google.com/memorystore/docs/redis/cmek
    encryption: keyAt("customer_managed_key"),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    tagsAttribute: "labels",
    anchors: ["persistence_config.persistence_mode", "persistence_config.rdb_snapshot_period", "persistence_config", "customer_managed_key", "labels"],
  },
  google_bigtable_instance: {
    provider: "google",
    remedies: remedies({
      enableBackup: "give its tables an automated_backup_policy (google_bigtable_table)",
      crossRegionCopy: "add a cluster in another region (its tables' automated backups are taken on every cluster)",
      longerRetention: "raise automated_backup_policy.retention_period of its tables (at most 90 days)",
      customerManagedKey: "set cluster.kms_key_name to a Cloud KMS key you manage",
    }),
    docs: PROVIDER_DOCS + "bigtable_instance",
    kind: constKind("database"),
    // Backups are per table (google_bigtable_table, its own component); the instance's coverage stays unknown.
    // https://cloud.google.com/bigtable/docs/backups
    nativeBackup: () => ({ ...noNativeBackup, enabled: unknownFact("Bigtable backups are configured per table (automated_backup_policy of each google_bigtable_table), which are judged on their own") }),
    encryption: keyAt("cluster.kms_key_name"),
    // deletion_protection defaults to true (provider docs).
    deletionProtection: (r) => boolFact(r.body, "deletion_protection", true),
    deletionProtectionAnchor: "deletion_protection",
    backupsSurviveDeletion: () => false,
    tagsAttribute: "labels",
    anchors: ["deletion_protection", "cluster.kms_key_name", "labels"],
  },
  google_bigtable_table: {
    provider: "google",
    remedies: remedies({
      enableBackup: 'add automated_backup_policy { retention_period = "720h", frequency = "24h" }',
      crossRegionCopy: "add a cluster in another region to its instance (automated backups are taken on every cluster of the instance)",
      longerRetention: 'write automated_backup_policy.retention_period as a duration in hours ("840h" is 35 days; Bigtable keeps automated backups at most 90 days, so export the table to Cloud Storage to keep it longer)',
      moreFrequent: "export changes more often (automated backups run once a day; Bigtable has no point-in-time recovery)",
      customerManagedKey: "set cluster.kms_key_name on its instance's clusters to a Cloud KMS key you manage",
    }),
    docs: PROVIDER_DOCS + "bigtable_table",
    kind: constKind("database"),
    region: bigtableTableRegion,
    nativeBackup: bigtableTableBackups,
    encryption: (r, ctx) => {
      const key = bigtableTableKey(r, ctx);
      return key === undefined ? { atRest: true } : { atRest: true, key };
    },
    // deletion_protection: PROTECTED or UNPROTECTED (default).
    deletionProtection: (r) => {
      const v = strFact(r.body, "deletion_protection", "UNPROTECTED");
      return isUnknownFact(v) ? v : v === "PROTECTED";
    },
    deletionProtectionAnchor: "deletion_protection",
    copies: bigtableTableCopies,
    tagsAttribute: "labels",
    anchors: ["automated_backup_policy", "automated_backup_policy.retention_period", "deletion_protection", "labels"],
  },
  google_spanner_database: {
    provider: "google",
    remedies: remedies({
      enableBackup: "add a google_spanner_backup_schedule",
      crossRegionCopy: "use a multi-region instance configuration, or copy its backups to another region",
      longerRetention: "add a google_spanner_backup_schedule whose retention_duration keeps its backups (at most 366 days)",
      moreFrequent: "back it up more often (spec.cron_spec.text of its google_spanner_backup_schedule), or raise version_retention_period",
      customerManagedKey: "set encryption_config.kms_key_name to a Cloud KMS key you manage",
    }),
    docs: PROVIDER_DOCS + "spanner_database",
    kind: constKind("database"),
    backupResourceType: () => "spanner.googleapis.com/Database",
    region: spannerDatabaseRegion,
    copies: spannerDatabaseCopies,
    nativeBackup: spannerVersionRetention,
    encryption: keyAt("encryption_config.kms_key_name"),
    // deletion_protection (Terraform-side) defaults to true; enable_drop_protection (API-side) to false.
    deletionProtection: (r) => {
      const tf = boolFact(r.body, "deletion_protection", true);
      const api = boolFact(r.body, "enable_drop_protection", false);
      return tf === true || api === true ? true : isUnknownFact(tf) ? tf : api;
    },
    deletionProtectionAnchor: "deletion_protection",
    // Its version retention (PITR) goes with it; backup schedule backups are a stream of their own.
    backupsSurviveDeletion: () => false,
    tagsAttribute: "labels",
    anchors: ["version_retention_period", "deletion_protection", "enable_drop_protection", "encryption_config.kms_key_name"],
  },
  google_firestore_database: {
    provider: "google",
    remedies: remedies({
      enableBackup: 'set point_in_time_recovery_enablement = "POINT_IN_TIME_RECOVERY_ENABLED" or add a google_firestore_backup_schedule',
      crossRegionCopy: "use a multi-region location (nam5, eur3)",
      longerRetention: "add a weekly google_firestore_backup_schedule (weekly backups are kept up to 14 weeks)",
      moreFrequent: 'set point_in_time_recovery_enablement = "POINT_IN_TIME_RECOVERY_ENABLED", or add a daily google_firestore_backup_schedule',
      customerManagedKey: "set cmek_config.kms_key_name to a Cloud KMS key you manage",
    }),
    docs: PROVIDER_DOCS + "firestore_database",
    kind: constKind("database"),
    backupResourceType: () => "firestore.googleapis.com/Database",
    copies: firestoreCopies,
    nativeBackup: firestorePitr,
    encryption: keyAt("cmek_config.kms_key_name"),
    // delete_protection_state default DELETE_PROTECTION_STATE_UNSPECIFIED (off).
    deletionProtection: (r) => {
      const v = strFact(r.body, "delete_protection_state", "DELETE_PROTECTION_STATE_UNSPECIFIED");
      return isUnknownFact(v) ? v : v === "DELETE_PROTECTION_ENABLED";
    },
    deletionProtectionAnchor: "delete_protection_state",
    backupsSurviveDeletion: () => false,
    tagsAttribute: "labels",
    anchors: ["point_in_time_recovery_enablement", "delete_protection_state", "cmek_config.kms_key_name"],
  },
  google_kms_crypto_key: {
    provider: "google",
    docs: PROVIDER_DOCS + "kms_crypto_key",
    kind: constKind("key"),
    // A key is where its key ring is.
    region: keyRingLocation,
    nativeBackup: () => noNativeBackup,
    keyFacts: kmsKeyFacts,
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    tagsAttribute: "labels",
    anchors: ["destroy_scheduled_duration", "rotation_period", "labels"],
  },
  google_secret_manager_secret: {
    provider: "google",
    docs: PROVIDER_DOCS + "secret_manager_secret",
    kind: constKind("secret"),
    nativeBackup: () => noNativeBackup,
    // Secret Manager always encrypts at rest. https://cloud.google.com/secret-manager/docs/encryption
    encryption: () => ({ atRest: true }),
    deletionProtection: (r) => boolFact(r.body, "deletion_protection", false),
    deletionProtectionAnchor: "deletion_protection",
    backupsSurviveDeletion: () => false,
    copies: secretReplicas,
    deletionRecovery: secretDeletionRecovery,
    tagsAttribute: "labels",
    anchors: ["replication", "deletion_protection", "labels"],
  },
};

/**
 * google_filestore_backup takes one backup of a file share when it is created; nothing repeats it,
 * so it is no backup schedule and does not cover the instance (COV-001 still fires, and says why).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/filestore_backup
 */
const links: Record<string, LinkEntry> = {
  google_filestore_backup: {
    targetAttribute: "source_instance",
    targetTypes: ["google_filestore_instance"],
    apply(target, link) {
      if (!target.remedies) return;
      const where = `${link.header.file}:${link.header.range.start.line}`;
      target.remedies = {
        ...target.remedies,
        enableBackup: `${BACKUP_DR("file.googleapis.com/Instance")}: ${link.address} (${where}) is a single backup taken when it was created, and nothing repeats it`,
      };
    },
  },
};

export const googleCatalog: ProviderCatalog = {
  components,
  links,
  mechanisms: googleMechanisms,
  vaultLinks: {},
  isKnownBackupModule: () => false,
};

