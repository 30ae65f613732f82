/**
 * Google Cloud catalog: one entry per resource type, as src/catalog/aws.ts.
 * Defaults cite their source; the provider page of each type is in `docs` and
 * is the source of defaults without a closer citation.
 */
import type { ComponentCopy, ComponentKind, Fact, NativeBackup } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import type { Value } from "../terraform/value.js";
import type { CatalogContext, ComponentEntry, ProviderCatalog } from "./index.js";
import { atOf, blocksAt, boolFact, lookup, numFact, rawValue, strFact, toLocation } from "./read.js";

const PROVIDER_DOCS = "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/";

const constKind = (k: ComponentKind) => () => k;

/** Fixes in Google Cloud's terms (Component.remedies); rules print them. */
function remedies(enableBackup: string, crossRegionCopy: string) {
  return () => ({ enableBackup, crossRegionCopy, longerRetention: "add a Backup and DR backup plan (google_backup_dr_backup_plan) that keeps its backups" });
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
  const l = location.toLowerCase();
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(l) ? l.slice(0, -2) : l;
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
  return { enabled, retentionDays, pointInTime: pitr, frequencyHours: 24, via: "native", anchor: `${base}.enabled`, retentionAnchor };
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
  if (versioning === true) return { enabled: true, retentionDays: noncurrentRetention(r), pointInTime: false, frequencyHours: 0, via: "versioning", anchor: "versioning.enabled" };
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

/** A Go duration ("1h", "3600s", "7d") in days. */
function durationDays(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const perDay: Record<string, number> = { s: 86400, m: 1440, h: 24, d: 1 };
  return n / perDay[m[2]!]!;
}

/**
 * Spanner version retention: reads at any timestamp inside the window (default 1h,
 * up to 7d); backups come from google_spanner_backup_schedule.
 * https://cloud.google.com/spanner/docs/pitr
 */
function spannerVersionRetention(r: ResourceInstance): NativeBackup {
  const v = strFact(r.body, "version_retention_period", "1h");
  const days: Fact<number | null> = isUnknownFact(v) ? v : (durationDays(v ?? "1h") ?? unknownFact(`version_retention_period ${String(v)} is not a duration`));
  return { enabled: true, retentionDays: days, pointInTime: true, frequencyHours: 1 / 3600, via: "pitr", anchor: "version_retention_period" };
}

/**
 * Firestore PITR: point_in_time_recovery_enablement default POINT_IN_TIME_RECOVERY_DISABLED;
 * enabled keeps 7 days of versions (per minute). https://cloud.google.com/firestore/docs/pitr
 */
function firestorePitr(r: ResourceInstance): NativeBackup {
  const v = strFact(r.body, "point_in_time_recovery_enablement", "POINT_IN_TIME_RECOVERY_DISABLED");
  const enabled: Fact<boolean> = isUnknownFact(v) ? v : v === "POINT_IN_TIME_RECOVERY_ENABLED";
  return { enabled, retentionDays: enabled === false ? 0 : 7, pointInTime: enabled, frequencyHours: 1 / 60, via: "pitr", anchor: "point_in_time_recovery_enablement" };
}

const components: Record<string, ComponentEntry> = {
  google_sql_database_instance: {
    provider: "google",
    remedies: remedies("set settings.backup_configuration.enabled = true with point_in_time_recovery_enabled (PostgreSQL, SQL Server) or binary_log_enabled (MySQL)", "leave settings.backup_configuration.location unset (backups go to the nearest multi-region) or set it to another region or a multi-region"),
    docs: PROVIDER_DOCS + "sql_database_instance",
    kind: constKind("database"),
    // A read replica is not a component: its master is.
    isComponent: (r) => strFact(r.body, "master_instance_name", null) === null,
    nativeBackup: cloudSqlBackups,
    // Cloud SQL always encrypts at rest; encryption_key_name selects a CMEK. https://cloud.google.com/sql/docs/mysql/cmek
    encryption: (r) => {
      const key = rawValue(r.body, "encryption_key_name");
      return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: "encryption_key_name" };
    },
    // deletion_protection (Terraform-side) defaults to true; settings.deletion_protection_enabled (API-side) to false.
    deletionProtection: (r) => {
      const tf = boolFact(r.body, "deletion_protection", true);
      if (tf === true) return true;
      const api = boolFact(r.body, "settings.deletion_protection_enabled", false);
      return api === true ? true : isUnknownFact(tf) ? tf : api;
    },
    // Automated backups are deleted with the instance unless kept by retain-backups-on-delete (not read yet).
    // https://cloud.google.com/sql/docs/mysql/backup-recovery/backups#what_backups_provide
    backupsSurviveDeletion: () => false,
    copies: cloudSqlBackupLocation,
    anchors: [
      "settings.backup_configuration.enabled",
      "settings.backup_configuration.point_in_time_recovery_enabled",
      "settings.backup_configuration.binary_log_enabled",
      "settings.backup_configuration.backup_retention_settings.retained_backups",
      "settings.backup_configuration.transaction_log_retention_days",
      "settings.backup_configuration.location",
      "settings.backup_configuration",
      "deletion_protection",
      "encryption_key_name",
      "settings.user_labels",
    ],
  },
  google_storage_bucket: {
    provider: "google",
    remedies: remedies("enable versioning, or keep soft delete on (soft_delete_policy.retention_duration_seconds > 0)", "use a dual-region or multi-region location, or copy it to a bucket in another region (Storage Transfer Service)"),
    docs: PROVIDER_DOCS + "storage_bucket",
    kind: constKind("object-store"),
    nativeBackup: bucketBackups,
    // Google encrypts every object at rest; encryption.default_kms_key_name selects a CMEK. https://cloud.google.com/storage/docs/encryption
    encryption: (r) => {
      const key = rawValue(r.body, "encryption.default_kms_key_name");
      return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: "encryption.default_kms_key_name" };
    },
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    dataRetentionDays: bucketExpiration,
    dataRetentionAnchor: "lifecycle_rule",
    copies: bucketLocationCopies,
    // force_destroy (default false) lets Terraform delete the bucket with every object in it.
    attributes: (r) => ({ forceDestroy: boolFact(r.body, "force_destroy", false) }),
    literalNames: (r) => {
      const n = rawValue(r.body, "name");
      return typeof n === "string" ? [n] : [];
    },
    anchors: ["versioning.enabled", "versioning", "soft_delete_policy.retention_duration_seconds", "soft_delete_policy", "retention_policy", "lifecycle_rule", "location", "encryption.default_kms_key_name", "force_destroy", "labels"],
  },
  google_compute_disk: {
    provider: "google",
    remedies: remedies("attach a snapshot schedule (google_compute_resource_policy) through resource_policies or google_compute_disk_resource_policy_attachment", "keep its snapshots in a multi-region (snapshot_properties.storage_locations of the snapshot schedule)"),
    docs: PROVIDER_DOCS + "compute_disk",
    kind: constKind("volume"),
    // Persistent disks have no backup of their own: snapshot schedules (resource policies) back them up.
    // https://cloud.google.com/compute/docs/disks/scheduled-snapshots
    nativeBackup: (r) => {
      const policies = lookup(r.body, "resource_policies");
      if (policies.kind === "absent") return noNativeBackup;
      return { ...noNativeBackup, enabled: unknownFact("resource_policies attaches a snapshot schedule, which is not read yet"), anchor: "resource_policies" };
    },
    encryption: (r) => {
      const key = rawValue(r.body, "disk_encryption_key.kms_key_self_link");
      return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: "disk_encryption_key.kms_key_self_link" };
    },
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    anchors: ["resource_policies", "disk_encryption_key.kms_key_self_link", "labels"],
  },
  google_filestore_instance: {
    provider: "google",
    remedies: remedies("back it up with google_filestore_backup or a Backup and DR backup plan", "store its backups in another region"),
    docs: PROVIDER_DOCS + "filestore_instance",
    kind: constKind("file-system"),
    // No scheduled backups of its own: google_filestore_backup / snapshots are separate resources.
    // https://cloud.google.com/filestore/docs/backups
    nativeBackup: () => noNativeBackup,
    encryption: (r) => {
      const key = rawValue(r.body, "kms_key_name");
      return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: "kms_key_name" };
    },
    deletionProtection: (r) => boolFact(r.body, "deletion_protection_enabled", false),
    backupsSurviveDeletion: () => false,
    anchors: ["kms_key_name", "deletion_protection_enabled", "labels"],
  },
  google_redis_instance: {
    provider: "google",
    remedies: remedies('enable RDB persistence (persistence_config.persistence_mode = "RDB")', "export its snapshots to a bucket in another region"),
    docs: PROVIDER_DOCS + "redis_instance",
    kind: constKind("cache"),
    nativeBackup: redisPersistence,
    // Always encrypted at rest; customer_managed_key selects a CMEK. https://cloud.google.com/memorystore/docs/redis/cmek
    encryption: (r) => {
      const key = rawValue(r.body, "customer_managed_key");
      return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: "customer_managed_key" };
    },
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    anchors: ["persistence_config.persistence_mode", "persistence_config.rdb_snapshot_period", "persistence_config", "customer_managed_key", "labels"],
  },
  google_bigtable_instance: {
    provider: "google",
    remedies: remedies("give its tables an automated_backup_policy", "replicate it to a cluster in another region, or copy its backups there"),
    docs: PROVIDER_DOCS + "bigtable_instance",
    kind: constKind("database"),
    // Backups are per table (google_bigtable_table automated_backup_policy), not read yet.
    // https://cloud.google.com/bigtable/docs/backups
    nativeBackup: () => ({ ...noNativeBackup, enabled: unknownFact("Bigtable backups are configured per table (automated_backup_policy), which is not read yet") }),
    encryption: () => ({ atRest: true }),
    // deletion_protection defaults to true (provider docs).
    deletionProtection: (r) => boolFact(r.body, "deletion_protection", true),
    backupsSurviveDeletion: () => false,
    anchors: ["deletion_protection", "labels"],
  },
  google_spanner_database: {
    provider: "google",
    remedies: remedies("add a google_spanner_backup_schedule", "use a multi-region instance configuration, or copy its backups to another region"),
    docs: PROVIDER_DOCS + "spanner_database",
    kind: constKind("database"),
    nativeBackup: spannerVersionRetention,
    encryption: (r) => {
      const key = rawValue(r.body, "encryption_config.kms_key_name");
      return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: "encryption_config.kms_key_name" };
    },
    // deletion_protection (Terraform-side) defaults to true; enable_drop_protection (API-side) to false.
    deletionProtection: (r) => {
      const tf = boolFact(r.body, "deletion_protection", true);
      const api = boolFact(r.body, "enable_drop_protection", false);
      return tf === true || api === true ? true : isUnknownFact(tf) ? tf : api;
    },
    backupsSurviveDeletion: () => false,
    anchors: ["version_retention_period", "deletion_protection", "enable_drop_protection", "encryption_config.kms_key_name"],
  },
  google_firestore_database: {
    provider: "google",
    remedies: remedies('set point_in_time_recovery_enablement = "POINT_IN_TIME_RECOVERY_ENABLED" or add a google_firestore_backup_schedule', "use a multi-region location (nam5, eur3)"),
    docs: PROVIDER_DOCS + "firestore_database",
    kind: constKind("database"),
    nativeBackup: firestorePitr,
    encryption: (r) => {
      const key = rawValue(r.body, "cmek_config.kms_key_name");
      return key === undefined ? { atRest: true } : { atRest: true, key, keyAnchor: "cmek_config.kms_key_name" };
    },
    // delete_protection_state default DELETE_PROTECTION_STATE_UNSPECIFIED (off).
    deletionProtection: (r) => {
      const v = strFact(r.body, "delete_protection_state", "DELETE_PROTECTION_STATE_UNSPECIFIED");
      return isUnknownFact(v) ? v : v === "DELETE_PROTECTION_ENABLED";
    },
    backupsSurviveDeletion: () => false,
    anchors: ["point_in_time_recovery_enablement", "delete_protection_state", "cmek_config.kms_key_name"],
  },
  google_kms_crypto_key: {
    provider: "google",
    docs: PROVIDER_DOCS + "kms_crypto_key",
    kind: constKind("key"),
    nativeBackup: () => noNativeBackup,
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    // destroy_scheduled_duration default 30 days ("2592000s"): versions stay restorable until then.
    attributes: (r) => {
      const v = strFact(r.body, "destroy_scheduled_duration", "2592000s");
      return { keyDeletionWindowDays: isUnknownFact(v) ? v : (durationDays(v ?? "") ?? null) };
    },
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
    backupsSurviveDeletion: () => false,
    anchors: ["replication", "deletion_protection", "labels"],
  },
};

export const googleCatalog: ProviderCatalog = {
  components,
  links: {},
  mechanisms: {},
  vaultLinks: {},
  isKnownBackupModule: () => false,
};
