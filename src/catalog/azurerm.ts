/**
 * AzureRM catalog: one entry per resource type, as src/catalog/aws.ts. Defaults cite
 * their source; the provider page of each type is in `docs` and is the source of
 * defaults without a closer citation. Azure resources carry their region in
 * `location` (or inherit their parent's: a database its server's, a key its vault's).
 */
import type { Component, ComponentCopy, ComponentKind, Fact, KeyFacts, NativeBackup } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, type Value } from "../terraform/value.js";
import type { CatalogContext, ComponentEntry, ProviderCatalog } from "./index.js";
import { normalizeAzureRegion, pairedRegion } from "./azurerm-regions.js";
import { DAYS_PER_MONTH, isoDurationDays } from "./azurerm-time.js";
import { azurermMechanisms } from "./azurerm-mechanisms.js";
import { lockedAgainstDeletion } from "./azurerm-locks.js";
import { blocksAt, boolFact, factOfOpaque, isSet, lookup, numFact, rawValue, strFact } from "./read.js";

const PROVIDER_DOCS = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/";

export { AZURE_PAIRED_REGIONS, AZURE_REGION_PAIRS, normalizeAzureRegion, pairedRegion } from "./azurerm-regions.js";
export { DAYS_PER_MONTH, DAYS_PER_YEAR, isoDurationDays, parseRepeatingInterval, repeatingIntervalsGapHours, weekdaysGapHours, hourlyWindowGapHours } from "./azurerm-time.js";

/** Attributes by which an Azure child resource names its parent, whose location it shares. */
const PARENT_ATTRIBUTES = ["server_id", "key_vault_id", "storage_account_id"] as const;

/**
 * The region of an AzureRM resource: its `location`, following a reference to another
 * resource's location (`azurerm_resource_group.main.location`), else its parent's.
 */
export function azurermLocation(r: ResourceInstance, resolve: (root: string, address: string) => ResourceInstance | undefined, depth = 0): Fact<string> {
  if (depth > 4) return unknownFact(`location of ${r.address} is not known`);
  const own = r.body.attributes.get("location")?.value;
  if (own !== undefined && own !== null) return locationValue(own, r, resolve, depth);
  for (const attr of PARENT_ATTRIBUTES) {
    const v = rawValue(r.body, attr);
    if (v === undefined) continue;
    if (!isRef(v)) return factOfOpaque(v);
    const parent = resolve(r.root, v.address);
    return parent ? azurermLocation(parent, resolve, depth + 1) : unknownFact(`${r.address} takes its location from ${v.address}, which is not in the scan`);
  }
  return unknownFact(`${r.address} sets no location`, "set location on the resource");
}

function locationValue(v: Value, r: ResourceInstance, resolve: (root: string, address: string) => ResourceInstance | undefined, depth: number): Fact<string> {
  if (typeof v === "string" && v !== "") return normalizeAzureRegion(v);
  if (isRef(v) && v.attribute === "location") {
    const target = resolve(r.root, v.address);
    if (target) return azurermLocation(target, resolve, depth + 1);
  }
  return factOfOpaque(v);
}

const constKind = (k: ComponentKind) => () => k;
const noNativeBackup: NativeBackup = { enabled: false, retentionDays: 0, pointInTime: false, frequencyHours: unknownFact("no native backups") };

/** A copy in the paired region made by a geo-redundant option of the component's own block. */
function geoCopy(ctx: CatalogContext, r: ResourceInstance, via: string, anchor: string): ComponentCopy {
  const at = lookup(r.body, anchor);
  const location = at.kind === "value" ? { file: at.at.file, startLine: at.at.range.start.line, startColumn: at.at.range.start.column, endLine: at.at.range.end.line, endColumn: at.at.range.end.column } : undefined;
  return { region: pairedRegion(ctx.region), account: ctx.account, via, anchor, ...(location ? { location } : {}) };
}

/** Copies when a flag turns geo-redundancy on (`true`), none when off, one with an unknown region when unknown. */
function geoCopiesIf(on: Fact<boolean>, ctx: CatalogContext, r: ResourceInstance, via: string, anchor: string): ComponentCopy[] {
  if (on === false) return [];
  const copy = geoCopy(ctx, r, via, anchor);
  return on === true ? [copy] : [{ ...copy, region: on }];
}

/**
 * RTS-001: Azure has no restore-testing resource in Terraform (Azure Backup restores are jobs, not
 * configuration), so a test made outside Terraform is recorded as a dated ignore.
 */
const RESTORE_TESTING =
  "Azure has no restore-testing resource in Terraform: restore its latest recovery point regularly outside Terraform (a scheduled restore job into a scratch resource group, checked by a script), then record each test with an ignore of RTS-001 in .restorable.yml whose reason names the test and whose expires: is the next test date";

/**
 * REG-003: Azure Backup keeps recovery points in the vault's own subscription (geo-redundant copies
 * stay in it too); Resource Guard (multi-user authorization) can sit in another subscription.
 * https://learn.microsoft.com/en-us/azure/backup/multi-user-authorization-concept
 */
const CROSS_SUBSCRIPTION =
  "Azure Backup keeps recovery points in the vault's own subscription: keep an independent copy in a separate subscription (replicate or export the data to a storage account there with a locked immutability policy), and guard the vault with a Resource Guard (azurerm_data_protection_resource_guard) in another subscription";

/** DEL-002 in Azure terms: a management lock on the resource or its resource group. */
function lockRemedy(r: ResourceInstance): string {
  return `add an azurerm_management_lock with lock_level = "CanNotDelete" on it (scope = ${r.address.replace(/\[[^\]]*\]$/, "")}.id) or on its resource group`;
}

/** Management locks decide deletion protection of Azure databases (azurerm-locks.ts). */
const lockedDatabase = (r: ResourceInstance, ctx: CatalogContext): Fact<boolean> => lockedAgainstDeletion(r, ctx);

/** A key named by an attribute, as the component's encryption key (customer managed). */
function keyAt(r: ResourceInstance, path: string): { key?: Value } {
  const v = rawValue(r.body, path);
  return v !== undefined ? { key: v } : {};
}

/**
 * Flexible servers (PostgreSQL, MySQL): automated backups kept backup_retention_days
 * (default 7), restorable to any point in the window; `geo_redundant_backup_enabled`
 * (default false) also stores them in the paired region.
 * https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-backup-restore
 * https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-backup-restore
 */
function flexibleServer(type: string, minRetention: number): ComponentEntry {
  return {
    provider: "azurerm",
    docs: PROVIDER_DOCS + type.replace(/^azurerm_/, ""),
    kind: constKind("database"),
    nativeBackup: (r) => {
      const retention = numFact(r.body, "backup_retention_days", 7);
      // Backups cannot be turned off: the service accepts minRetention..35 days.
      return { enabled: true, retentionDays: typeof retention === "number" ? Math.max(retention, minRetention) : retention, pointInTime: true, frequencyHours: 5 / 60, via: "pitr", anchor: "backup_retention_days" };
    },
    // Always encrypted at rest (service-managed key unless customer_managed_key).
    encryption: (r) => ({ atRest: true, ...(rawValue(r.body, "customer_managed_key.key_vault_key_id") !== undefined ? { key: rawValue(r.body, "customer_managed_key.key_vault_key_id")! } : {}), keyAnchor: "customer_managed_key" }),
    deletionProtection: lockedDatabase,
    // Azure Backup (Data Protection) vaulted backups of flexible servers: datasource type of the Backup vault.
    backupResourceType: () => (type === "azurerm_postgresql_flexible_server" ? "AzureDatabaseForPostgreSQLFlexibleServer" : "AzureDatabaseForMySQLFlexibleServer"),
    // Vaulted backups are encrypted with the Backup vault's key. https://learn.microsoft.com/en-us/azure/backup/backup-azure-database-postgresql-flex-overview
    backupEncryption: "vault",
    // Backups of a deleted server are kept only a few days and only through support (PostgreSQL: 5 days).
    backupsSurviveDeletion: () => false,
    copies: (r, ctx) => geoCopiesIf(boolFact(r.body, "geo_redundant_backup_enabled", false), ctx, r, "azure-geo-redundant-backup", "geo_redundant_backup_enabled"),
    remedies: (r) => ({
      enableBackup: "raise backup_retention_days (automated backups cannot be turned off), or back it up to an Azure Backup vault",
      crossRegionCopy: "set geo_redundant_backup_enabled = true (at creation: it cannot be changed later) so its backups are also stored in the paired region",
      longerRetention: `back it up to a Backup vault (azurerm_data_protection_backup_instance_${type.replace(/^azurerm_/, "")} with a policy whose default_retention_rule keeps them)`,
      crossAccountCopy: CROSS_SUBSCRIPTION,
      customerManagedKey: "set customer_managed_key { key_vault_key_id } to a Key Vault key (at creation), and encrypt its Backup vault with azurerm_data_protection_backup_vault_customer_managed_key",
      deletionProtection: lockRemedy(r),
      immutability: `back it up to a Backup vault with immutability = "Locked" (azurerm_data_protection_backup_instance_${type.replace(/^azurerm_/, "")})`,
      restoreTesting: RESTORE_TESTING,
    }),
    anchors: ["backup_retention_days", "geo_redundant_backup_enabled", "customer_managed_key", "location", "tags"],
  };
}

/** Longest of the long-term retention durations, with the frequency of the longest one's backups. */
function longTermRetention(r: ResourceInstance): NativeBackup["longTerm"] | undefined {
  const kinds = [
    ["long_term_retention_policy.weekly_retention", 7 * 24],
    ["long_term_retention_policy.monthly_retention", DAYS_PER_MONTH * 24],
    ["long_term_retention_policy.yearly_retention", 365 * 24],
  ] as const;
  let best: { days: number; hours: number; anchor: string } | undefined;
  for (const [path, hours] of kinds) {
    // Each defaults to PT0S (none).
    const v = strFact(r.body, path, "PT0S");
    if (isUnknownFact(v)) return { retentionDays: v, frequencyHours: v, anchor: path };
    const days = v === null ? 0 : isoDurationDays(v);
    if (days === undefined) return { retentionDays: unknownFact(`${path} = "${v}" is not an ISO 8601 duration`), frequencyHours: hours, anchor: path };
    if (days > 0 && (!best || days > best.days)) best = { days, hours, anchor: path };
  }
  return best ? { retentionDays: best.days, frequencyHours: best.hours, anchor: best.anchor } : undefined;
}

/** Backup storage redundancy `Geo`/`GeoZone` keeps the backups in the paired region too. */
function geoBackupStorage(v: Fact<string | null>): Fact<boolean> {
  return isUnknownFact(v) ? v : v === "Geo" || v === "GeoZone";
}

/** Geo-redundant storage account replication: GRS, RA-GRS, GZRS, RA-GZRS keep a copy in the paired region. */
function geoReplicated(v: Fact<string | null>): Fact<boolean> {
  if (isUnknownFact(v)) return v;
  if (v === null) return unknownFact("account_replication_type is not set");
  return /GRS$/i.test(v) || /GZRS$/i.test(v);
}

const components: Record<string, ComponentEntry> = {
  azurerm_mssql_database: {
    provider: "azurerm",
    docs: PROVIDER_DOCS + "mssql_database",
    kind: constKind("database"),
    nativeBackup: (r) => {
      // Point-in-time restore within short_term_retention_policy.retention_days (1-35; Azure's default 7);
      // log backups every 5-10 minutes. https://learn.microsoft.com/en-us/azure/azure-sql/database/automated-backups-overview
      const retention = numFact(r.body, "short_term_retention_policy.retention_days", 7);
      const longTerm = longTermRetention(r);
      return {
        enabled: true,
        retentionDays: retention,
        pointInTime: true,
        frequencyHours: 10 / 60,
        via: "pitr",
        anchor: "short_term_retention_policy.retention_days",
        ...(longTerm ? { longTerm } : {}),
      };
    },
    // TDE on by default (transparent_data_encryption_enabled default true), with the service-managed key
    // unless transparent_data_encryption_key_vault_key_id names a customer managed key; backups keep it.
    // https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-tde-overview
    encryption: (r) => ({ atRest: boolFact(r.body, "transparent_data_encryption_enabled", true), ...keyAt(r, "transparent_data_encryption_key_vault_key_id"), anchor: "transparent_data_encryption_enabled", keyAnchor: "transparent_data_encryption_key_vault_key_id" }),
    deletionProtection: lockedDatabase,
    // Backups of a deleted database are kept for its PITR window (restore a deleted database).
    // https://learn.microsoft.com/en-us/azure/azure-sql/database/recovery-using-backups#deleted-database-restore
    backupsSurviveDeletion: () => true,
    // storage_account_type (backup storage redundancy) defaults to Geo: backups also in the paired region.
    // geo_backup_enabled applies only to DataWarehouse SKUs (provider docs).
    copies: (r, ctx) => geoCopiesIf(geoBackupStorage(strFact(r.body, "storage_account_type", "Geo")), ctx, r, "azure-sql-geo-backup", "storage_account_type"),
    remedies: (r) => ({
      enableBackup: "set short_term_retention_policy.retention_days",
      crossRegionCopy: 'set storage_account_type = "Geo" or "GeoZone" (the default is Geo) so its backups are also stored in the paired region, or add a geo-replica',
      longerRetention: "add a long_term_retention_policy (weekly_retention, monthly_retention or yearly_retention as ISO 8601 durations) that keeps backups",
      crossAccountCopy: CROSS_SUBSCRIPTION,
      customerManagedKey: "set transparent_data_encryption_key_vault_key_id to a Key Vault key: its backups keep the database's TDE key",
      deletionProtection: lockRemedy(r),
      immutability: "make its long-term retention backups immutable (time-based immutability of Azure SQL LTR backups) so they cannot be deleted before they expire",
      restoreTesting: RESTORE_TESTING,
    }),
    anchors: ["transparent_data_encryption_key_vault_key_id", "short_term_retention_policy.retention_days", "short_term_retention_policy", "long_term_retention_policy.weekly_retention", "long_term_retention_policy.monthly_retention", "long_term_retention_policy.yearly_retention", "long_term_retention_policy", "storage_account_type", "transparent_data_encryption_enabled", "tags"],
  },
  azurerm_postgresql_flexible_server: flexibleServer("azurerm_postgresql_flexible_server", 7),
  azurerm_mysql_flexible_server: flexibleServer("azurerm_mysql_flexible_server", 1),
  azurerm_cosmosdb_account: {
    provider: "azurerm",
    docs: PROVIDER_DOCS + "cosmosdb_account",
    kind: constKind("database"),
    nativeBackup: (r) => {
      // backup.type defaults to Periodic: every 240 minutes, each kept 8 hours (provider docs).
      // Continuous: point-in-time restore over 7 or 30 days (tier Continuous7Days / Continuous30Days, default 30).
      // https://learn.microsoft.com/en-us/azure/cosmos-db/continuous-backup-restore-introduction
      const type = strFact(r.body, "backup.type", "Periodic");
      if (isUnknownFact(type)) return { enabled: true, retentionDays: type, pointInTime: type, frequencyHours: type, anchor: "backup.type" };
      if (type === "Continuous") {
        const tier = strFact(r.body, "backup.tier", "Continuous30Days");
        const days: Fact<number | null> = isUnknownFact(tier) ? tier : tier === "Continuous7Days" ? 7 : 30;
        const anchor = isSet(r.body, "backup.tier") === false ? "backup.type" : "backup.tier";
        return { enabled: true, retentionDays: days, pointInTime: true, frequencyHours: 1 / 3600, via: "pitr", anchor, maxRetentionDays: 30 };
      }
      const interval = numFact(r.body, "backup.interval_in_minutes", 240);
      const hours = numFact(r.body, "backup.retention_in_hours", 8);
      return {
        enabled: true,
        retentionDays: typeof hours === "number" ? hours / 24 : hours,
        pointInTime: false,
        frequencyHours: typeof interval === "number" ? interval / 60 : isUnknownFact(interval) ? interval : 4,
        via: "native",
        anchor: "backup.retention_in_hours",
      };
    },
    encryption: (r) => ({ atRest: true, ...keyAt(r, "key_vault_key_id"), keyAnchor: "key_vault_key_id" }),
    deletionProtection: lockedDatabase,
    backupsSurviveDeletion: () => false,
    // Periodic backups: storage_redundancy defaults to Geo (provider docs).
    copies: (r, ctx) => {
      const type = strFact(r.body, "backup.type", "Periodic");
      if (type === "Continuous") return [];
      const redundancy = strFact(r.body, "backup.storage_redundancy", "Geo");
      return geoCopiesIf(isUnknownFact(type) ? type : isUnknownFact(redundancy) ? redundancy : redundancy === "Geo", ctx, r, "cosmosdb-geo-backup", "backup.storage_redundancy");
    },
    remedies: (r) => ({
      enableBackup: "configure its backup block",
      crossRegionCopy: 'add a geo_location in another region, or use periodic backup with storage_redundancy = "Geo" (the default) so backups are also stored in the paired region',
      longerRetention: "export its data regularly (change feed or Azure Data Factory) to a storage account with versioning whose lifecycle keeps it",
      crossAccountCopy: CROSS_SUBSCRIPTION,
      moreFrequent: 'lower backup.interval_in_minutes, or use continuous backup (backup { type = "Continuous" })',
      customerManagedKey: "set key_vault_key_id to a Key Vault key (at creation): its backups keep the account's key",
      deletionProtection: lockRemedy(r),
      immutability: "export its data regularly to a storage account with a locked immutability policy",
      restoreTesting: RESTORE_TESTING,
    }),
    anchors: ["backup.type", "backup.tier", "backup.interval_in_minutes", "backup.retention_in_hours", "backup.storage_redundancy", "backup", "key_vault_key_id", "tags"],
  },
  azurerm_storage_account: {
    provider: "azurerm",
    docs: PROVIDER_DOCS + "storage_account",
    kind: constKind("object-store"),
    nativeBackup: storageAccountNative,
    // Storage service encryption is always on, with Microsoft-managed keys unless customer_managed_key names a Key Vault key.
    // https://learn.microsoft.com/en-us/azure/storage/common/storage-service-encryption
    encryption: (r) => ({ atRest: true, ...keyAt(r, "customer_managed_key.key_vault_key_id"), keyAnchor: "customer_managed_key" }),
    // Azure Backup for blobs (operational and vaulted): datasource type of the Backup vault.
    backupResourceType: () => "AzureBlob",
    objectLock: storageImmutability,
    literalNames: (r) => {
      const name = strFact(r.body, "name", null);
      return typeof name === "string" ? [name] : [];
    },
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    // GRS/RA-GRS/GZRS/RA-GZRS replicate asynchronously to the paired region: a copy, not a backup (deletes replicate).
    // https://learn.microsoft.com/en-us/azure/storage/common/storage-redundancy
    copies: (r, ctx) => geoCopiesIf(geoReplicated(strFact(r.body, "account_replication_type", null)), ctx, r, "azure-storage-geo-replication", "account_replication_type"),
    remedies: () => ({
      enableBackup: "set versioning_enabled = true and a delete_retention_policy (blob soft delete) in blob_properties, or back it up with an Azure Backup vault (azurerm_data_protection_backup_instance_blob_storage)",
      crossRegionCopy: 'set account_replication_type = "GRS", "RA-GRS", "GZRS" or "RA-GZRS" so a copy is kept in the paired region, or add object replication to an account in another region',
      longerRetention: "turn on blob versioning and keep the versions with an azurerm_storage_management_policy with an azurerm_storage_management_policy that keeps them, or back it up to a Backup vault (vaulted blob backup) that keeps them",
      crossAccountCopy: CROSS_SUBSCRIPTION,
      customerManagedKey: "set customer_managed_key { key_vault_key_id, user_assigned_identity_id } to a Key Vault key: versions and soft-deleted blobs stay in the account under its key",
      immutability: 'set immutability_policy { state = "Locked", period_since_creation_in_days } (an unlocked policy can be shortened or removed), or back it up to a Backup vault with immutability = "Locked" (vaulted blob backup)',
      restoreTesting: RESTORE_TESTING,
    }),
    anchors: [
      "account_replication_type",
      "blob_properties.versioning_enabled",
      "blob_properties.delete_retention_policy.days",
      "blob_properties.delete_retention_policy",
      "blob_properties.container_delete_retention_policy",
      "blob_properties.restore_policy.days",
      "blob_properties.restore_policy",
      "blob_properties",
      "customer_managed_key",
      "immutability_policy.state",
      "immutability_policy.period_since_creation_in_days",
      "immutability_policy",
      "tags",
    ],
  },
  azurerm_managed_disk: {
    provider: "azurerm",
    docs: PROVIDER_DOCS + "managed_disk",
    kind: constKind("volume"),
    // No native backups: snapshots come from Azure Backup (Recovery Services or Data Protection vaults).
    nativeBackup: () => noNativeBackup,
    // Server-side encryption with platform-managed keys is always on. https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
    encryption: (r) => ({ atRest: true, ...keyAt(r, "disk_encryption_set_id"), keyAnchor: "disk_encryption_set_id" }),
    // Azure Disk Backup (Data Protection): datasource type of the Backup vault.
    backupResourceType: () => "AzureDisk",
    // Disk Backup takes incremental snapshots, which keep the disk's encryption settings.
    // https://learn.microsoft.com/en-us/azure/backup/disk-backup-overview
    backupEncryption: "source",
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    remedies: () => ({
      enableBackup: "back it up with an Azure Backup vault (azurerm_data_protection_backup_instance_disk), or back up its VM with azurerm_backup_protected_vm",
      crossRegionCopy: 'back up its VM to a Recovery Services vault with storage_mode_type = "GeoRedundant" (the default): Disk Backup snapshots stay in the disk\'s region',
      longerRetention: "back it up with an Azure Backup policy that keeps snapshots (default_retention_duration of azurerm_data_protection_backup_policy_disk, up to 360 days)",
      crossAccountCopy: CROSS_SUBSCRIPTION,
      moreFrequent: 'back it up with an azurerm_data_protection_backup_policy_disk whose backup_repeating_time_intervals run hourly (for example "R/2024-01-01T00:00:00+00:00/PT4H")',
      customerManagedKey: "encrypt it with a disk encryption set (disk_encryption_set_id) whose key is a Key Vault key: its snapshots keep the disk's encryption",
      immutability: 'back up its VM into a Recovery Services vault with immutability = "Locked": Disk Backup snapshots stay in a resource group, outside any vault',
      restoreTesting: RESTORE_TESTING,
    }),
    anchors: ["disk_encryption_set_id", "storage_account_type", "tags"],
  },
  azurerm_key_vault: {
    provider: "azurerm",
    docs: PROVIDER_DOCS + "key_vault",
    kind: constKind("secret"),
    nativeBackup: () => noNativeBackup,
    encryption: () => ({ atRest: true }),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    // soft_delete_retention_days default 90 (7-90); soft delete is always on since February 2025.
    // https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
    attributes: (r) => ({ softDeleteRetentionDays: numFact(r.body, "soft_delete_retention_days", 90), purgeProtection: boolFact(r.body, "purge_protection_enabled", false) }),
    deletionRecovery: (r) => vaultDeletionRecovery(r, r.address),
    anchors: ["purge_protection_enabled", "soft_delete_retention_days", "tags"],
  },
  azurerm_key_vault_key: {
    provider: "azurerm",
    docs: PROVIDER_DOCS + "key_vault_key",
    kind: constKind("key"),
    nativeBackup: () => noNativeBackup,
    encryption: () => ({ atRest: true }),
    keyFacts: keyVaultKeyFacts,
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    anchors: ["key_vault_id", "tags"],
  },
  azurerm_linux_virtual_machine: virtualMachine("azurerm_linux_virtual_machine", "os_disk.disk_encryption_set_id"),
  azurerm_windows_virtual_machine: virtualMachine("azurerm_windows_virtual_machine", "os_disk.disk_encryption_set_id"),
  azurerm_virtual_machine: virtualMachine("azurerm_virtual_machine", undefined),
};

/**
 * Virtual machines hold their disks' data, as aws_instance does: `volume` components backed up by
 * Azure Backup (azurerm_backup_protected_vm), which snapshots every attached disk and keeps the
 * points in the Recovery Services vault, encrypted with the vault's key.
 * https://learn.microsoft.com/en-us/azure/backup/backup-azure-vms-introduction
 * https://learn.microsoft.com/en-us/azure/backup/encryption-at-rest-with-cmk
 */
function virtualMachine(type: string, keyPath: string | undefined): ComponentEntry {
  return {
    provider: "azurerm",
    docs: PROVIDER_DOCS + type.replace(/^azurerm_/, ""),
    kind: constKind("volume"),
    backupResourceType: () => "AzureVM",
    backupEncryption: "vault",
    nativeBackup: () => noNativeBackup,
    // Managed disks are always encrypted at rest (platform-managed keys unless a disk encryption set names a customer key).
    // https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
    encryption: (r) => ({ atRest: true, ...(keyPath ? { ...keyAt(r, keyPath), keyAnchor: keyPath } : {}) }),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    remedies: () => ({
      enableBackup: "back it up with an azurerm_backup_protected_vm (source_vm_id = its id) in a Recovery Services vault with an azurerm_backup_policy_vm",
      crossRegionCopy: 'back it up to a Recovery Services vault with storage_mode_type = "GeoRedundant" (the default), so its recovery points are also kept in the paired region (cross_region_restore_enabled = true lets you restore there)',
      longerRetention: "raise the retention of its azurerm_backup_policy_vm (retention_daily, retention_weekly, retention_monthly or retention_yearly count)",
      crossAccountCopy: CROSS_SUBSCRIPTION,
      moreFrequent: 'back it up daily, or every few hours with an Enhanced policy (policy_type = "V2", backup { frequency = "Hourly", hour_interval, hour_duration })',
      customerManagedKey: "set encryption { key_id } on its Recovery Services vault to a Key Vault key (with infrastructure_encryption_enabled and an identity allowed to use the key)",
      immutability: 'back it up into a Recovery Services vault with immutability = "Locked"',
      restoreTesting: RESTORE_TESTING,
    }),
    anchors: keyPath ? [keyPath, "os_disk", "tags"] : ["storage_os_disk", "tags"],
  };
}

/**
 * Key facts of an azurerm_key_vault_key: its vault decides how long a deleted key can be recovered.
 * With purge protection, a deleted key stays recoverable for the vault's soft_delete_retention_days
 * (default 90, 7 to 90); without it, anyone allowed to purge can delete it for good at once (a
 * window of 0 days). Keys have no enabled flag or key policy in Terraform: access is the vault's.
 * https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
 */
function keyVaultKeyFacts(r: ResourceInstance, ctx: CatalogContext): KeyFacts {
  const facts: KeyFacts = { enabled: true, deletionWindowDays: unknownFact(`the vault of ${r.address} is not in the scan`), multiRegion: false, policyAllowsAccountRoot: true, anchors: {} };
  const v = rawValue(r.body, "key_vault_id");
  const vault = isRef(v) ? ctx.resource(r.root, v.address) : undefined;
  if (!vault || vault.type !== "azurerm_key_vault") return facts;
  const purge = boolFact(vault.body, "purge_protection_enabled", false);
  const days = numFact(vault.body, "soft_delete_retention_days", 90);
  const purgeAt = lookup(vault.body, "purge_protection_enabled");
  const daysAt = lookup(vault.body, "soft_delete_retention_days");
  facts.deletionWindowDays = isUnknownFact(purge) ? purge : purge === false ? 0 : days === null ? 90 : days;
  const at = purge === true && daysAt.kind === "value" ? daysAt.at : purgeAt.kind === "value" ? purgeAt.at : vault.header;
  facts.deletionWindowLocation = { file: at.file, startLine: at.range.start.line, startColumn: at.range.start.column, endLine: at.range.end.line, endColumn: at.range.end.column };
  facts.deletionWindowRemedy =
    purge === false
      ? { observed: `can be purged at once after a delete: its vault ${vault.address} has no purge protection`, fix: `set purge_protection_enabled = true on ${vault.address} (with soft_delete_retention_days = 90)` }
      : { observed: `can be purged ${typeof days === "number" ? days : 90} days after it is deleted (soft_delete_retention_days of its vault ${vault.address})`, fix: `set soft_delete_retention_days = 90 on ${vault.address}` };
  return facts;
}

/**
 * Version-level immutability of a storage account (immutability_policy): Locked can only be made
 * longer (compliance), Unlocked can be shortened or removed (governance), Disabled is none.
 * https://learn.microsoft.com/en-us/azure/storage/blobs/immutable-policy-configure-version-scope
 * https://learn.microsoft.com/en-us/dotnet/api/azure.resourcemanager.storage.models.accountimmutabilitypolicy.state
 */
function storageImmutability(r: ResourceInstance): Component["objectLock"] | undefined {
  const blocks = blocksAt(r.body, "immutability_policy");
  const header = locationOf(r.header);
  if (blocks.unknown) return { enabled: blocks.unknown, location: header, label: "immutability policy" };
  const b = blocks.blocks[0];
  if (!b) return undefined;
  const state = strFact(b, "state", null);
  const stateAt = lookup(b, "state");
  const periodAt = lookup(b, "period_since_creation_in_days");
  const enabled: Fact<boolean> = state === null ? unknownFact("immutability_policy.state is not set") : isUnknownFact(state) ? state : state !== "Disabled";
  const mode: Fact<string> = isUnknownFact(state) ? state : state === "Locked" ? "COMPLIANCE" : state === "Unlocked" ? "GOVERNANCE" : unknownFact(`immutability_policy.state "${String(state)}" is not Locked or Unlocked`);
  return {
    enabled,
    mode,
    retentionDays: numFact(b, "period_since_creation_in_days", null),
    location: locationOf(b.at),
    ...(stateAt.kind === "value" ? { modeLocation: locationOf(stateAt.at) } : {}),
    ...(periodAt.kind === "value" ? { retentionLocation: locationOf(periodAt.at) } : {}),
    label: "immutability policy",
  };
}

function locationOf(at: { file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }) {
  return { file: at.file, startLine: at.range.start.line, startColumn: at.range.start.column, endLine: at.range.end.line, endColumn: at.range.end.column };
}

/**
 * Without purge protection (default false), a deleted vault or vault item can be purged
 * at once by anyone allowed to purge: the soft-delete window does not hold.
 * https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview#purge-protection
 */
function vaultDeletionRecovery(r: ResourceInstance, address: string): NonNullable<Component["deletionRecovery"]> {
  const purge = boolFact(r.body, "purge_protection_enabled", false);
  const days = numFact(r.body, "soft_delete_retention_days", 90);
  const window = typeof days === "number" ? `${days}-day` : "soft-delete";
  return {
    immediate: isUnknownFact(purge) ? purge : !purge,
    observed: `${address} has no purge protection (${isSet(r.body, "purge_protection_enabled") === true ? "purge_protection_enabled = false" : "purge_protection_enabled defaults to false"}): a deleted vault, key or secret can be purged at once, skipping its ${window} soft-delete window`,
    fix: "Set purge_protection_enabled = true (it cannot be turned off again).",
    anchor: "purge_protection_enabled",
  };
}

/**
 * Blob data protection: versioning (versions kept until a lifecycle policy deletes them),
 * blob soft delete (delete_retention_policy, days default 7 when the block is present) and
 * point-in-time restore (restore_policy, needs versioning and soft delete). None is on by
 * default for accounts created through the API.
 * https://learn.microsoft.com/en-us/azure/storage/blobs/data-protection-overview
 */
function storageAccountNative(r: ResourceInstance): NativeBackup {
  const versioning = boolFact(r.body, "blob_properties.versioning_enabled", false);
  const softDelete = isSet(r.body, "blob_properties.delete_retention_policy");
  const softDeleteDays = numFact(r.body, "blob_properties.delete_retention_policy.days", 7);
  const restore = isSet(r.body, "blob_properties.restore_policy");
  const pointInTime: Fact<boolean> = restore === "unknown" ? unknownFact("blob_properties.restore_policy is not known") : restore;
  if (versioning === true) return { enabled: true, retentionDays: null, pointInTime, frequencyHours: 0, via: "versioning", anchor: "blob_properties.versioning_enabled" };
  // Blob soft delete keeps deleted data 1 to 365 days. https://learn.microsoft.com/en-us/azure/storage/blobs/soft-delete-blob-overview
  if (softDelete === true) return { enabled: true, retentionDays: softDeleteDays, pointInTime, frequencyHours: 0, via: "soft-delete", anchor: "blob_properties.delete_retention_policy.days", maxRetentionDays: 365 };
  if (isUnknownFact(versioning)) return { enabled: versioning, retentionDays: versioning, pointInTime: versioning, frequencyHours: 0, via: "versioning", anchor: "blob_properties.versioning_enabled" };
  if (softDelete === "unknown") {
    const why = unknownFact("blob_properties.delete_retention_policy is not known");
    return { enabled: why, retentionDays: why, pointInTime: why, frequencyHours: 0, via: "soft-delete" };
  }
  return { enabled: false, retentionDays: 0, pointInTime: false, frequencyHours: 0, via: "versioning", anchor: "blob_properties.versioning_enabled" };
}

export const azurermCatalog: ProviderCatalog = {
  components,
  links: {
    // A managed data disk attached to a VM is backed up with it (Azure Backup snapshots every attached disk).
    // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine_data_disk_attachment
    azurerm_virtual_machine_data_disk_attachment: {
      targetAttribute: "managed_disk_id",
      targetTypes: ["azurerm_managed_disk"],
      apply(target, link, ctx) {
        const vm = rawValue(link.body, "virtual_machine_id");
        if (!isRef(vm)) return;
        const id = ctx.idOf(link.root, vm.address);
        if (id && !target.coveredWith.includes(id)) target.coveredWith.push(id);
      },
    },
  },
  mechanisms: azurermMechanisms,
  vaultLinks: {},
  isKnownBackupModule: () => false,
};
