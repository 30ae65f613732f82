/**
 * AzureRM catalog: one entry per resource type, as src/catalog/aws.ts. Defaults cite
 * their source; the provider page of each type is in `docs` and is the source of
 * defaults without a closer citation. Azure resources carry their region in
 * `location` (or inherit their parent's: a database its server's, a key its vault's).
 */
import type { Component, ComponentCopy, ComponentKind, Fact, NativeBackup } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, type Value } from "../terraform/value.js";
import type { CatalogContext, ComponentEntry, ProviderCatalog } from "./index.js";
import { boolFact, factOfOpaque, isSet, lookup, numFact, rawValue, strFact } from "./read.js";

const PROVIDER_DOCS = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/";

/**
 * Azure region pairs, as data. Source: Microsoft Learn, "Azure region pairs and nonpaired
 * regions", https://learn.microsoft.com/en-us/azure/reliability/regions-paired (read 2026-11).
 * Brazil South, West US 3 and West India pair one way (their pair replicates elsewhere).
 * Regions absent here (Poland Central, Italy North, Israel Central, Spain Central, Mexico
 * Central, Qatar Central, New Zealand North...) have no pair: geo-redundant options are
 * unavailable there, so their copy region is unknown, never a pass.
 */
export const AZURE_PAIRED_REGIONS: Readonly<Record<string, string>> = {
  eastus: "westus",
  westus: "eastus",
  eastus2: "centralus",
  centralus: "eastus2",
  northcentralus: "southcentralus",
  southcentralus: "northcentralus",
  westus2: "westcentralus",
  westcentralus: "westus2",
  westus3: "eastus",
  canadacentral: "canadaeast",
  canadaeast: "canadacentral",
  brazilsouth: "southcentralus",
  northeurope: "westeurope",
  westeurope: "northeurope",
  uksouth: "ukwest",
  ukwest: "uksouth",
  francecentral: "francesouth",
  francesouth: "francecentral",
  germanywestcentral: "germanynorth",
  germanynorth: "germanywestcentral",
  norwayeast: "norwaywest",
  norwaywest: "norwayeast",
  switzerlandnorth: "switzerlandwest",
  switzerlandwest: "switzerlandnorth",
  swedencentral: "swedensouth",
  swedensouth: "swedencentral",
  eastasia: "southeastasia",
  southeastasia: "eastasia",
  australiaeast: "australiasoutheast",
  australiasoutheast: "australiaeast",
  australiacentral: "australiacentral2",
  australiacentral2: "australiacentral",
  japaneast: "japanwest",
  japanwest: "japaneast",
  koreacentral: "koreasouth",
  koreasouth: "koreacentral",
  centralindia: "southindia",
  southindia: "centralindia",
  westindia: "southindia",
  southafricanorth: "southafricawest",
  southafricawest: "southafricanorth",
  uaenorth: "uaecentral",
  uaecentral: "uaenorth",
};

/** Azure accepts display names ("West Europe") and names ("westeurope") for the same region. */
export function normalizeAzureRegion(location: string): string {
  return location.toLowerCase().replace(/[\s_-]/g, "");
}

/** The region a geo-redundant option copies to: the pair, or unknown when the region has none or is unknown. */
export function pairedRegion(region: Fact<string>): Fact<string> {
  if (isUnknownFact(region)) return region;
  const pair = AZURE_PAIRED_REGIONS[region];
  return pair ?? unknownFact(`${region} has no Azure paired region: geo-redundant storage is not available there`, "see https://learn.microsoft.com/en-us/azure/reliability/regions-paired");
}

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

/**
 * Days of an ISO 8601 duration as Azure writes retention (`P7Y`, `P12M`, `P52W`, `P30D`,
 * `PT0S`): a year is 365 days, a month 30 (a lower bound for any month count).
 */
export function isoDurationDays(s: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(s.trim().toUpperCase());
  if (!m || s.trim().toUpperCase() === "P" || s.trim().toUpperCase() === "PT") return undefined;
  const [y, mo, w, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number, number];
  return y * 365 + mo * 30 + w * 7 + d + h / 24 + mi / 1440 + sec / 86400;
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
    deletionProtection: () => false,
    // Backups of a deleted server are kept only a few days and only through support (PostgreSQL: 5 days).
    backupsSurviveDeletion: () => false,
    copies: (r, ctx) => geoCopiesIf(boolFact(r.body, "geo_redundant_backup_enabled", false), ctx, r, "azure-geo-redundant-backup", "geo_redundant_backup_enabled"),
    remedies: () => ({
      enableBackup: "raise backup_retention_days (automated backups cannot be turned off), or back it up to an Azure Backup vault",
      crossRegionCopy: "set geo_redundant_backup_enabled = true (at creation: it cannot be changed later) so its backups are also stored in the paired region",
      longerRetention: "keep long-term backups in an Azure Backup vault (azurerm_data_protection_backup_vault with a policy) that keeps them",
    }),
    anchors: ["backup_retention_days", "geo_redundant_backup_enabled", "customer_managed_key", "location", "tags"],
  };
}

/** Longest of the long-term retention durations, with the frequency of the longest one's backups. */
function longTermRetention(r: ResourceInstance): NativeBackup["longTerm"] | undefined {
  const kinds = [
    ["long_term_retention_policy.weekly_retention", 7 * 24],
    ["long_term_retention_policy.monthly_retention", 30 * 24],
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
    // TDE on by default (transparent_data_encryption_enabled default true).
    encryption: (r) => ({ atRest: boolFact(r.body, "transparent_data_encryption_enabled", true), anchor: "transparent_data_encryption_enabled" }),
    deletionProtection: () => false,
    // Backups of a deleted database are kept for its PITR window (restore a deleted database).
    // https://learn.microsoft.com/en-us/azure/azure-sql/database/recovery-using-backups#deleted-database-restore
    backupsSurviveDeletion: () => true,
    // storage_account_type (backup storage redundancy) defaults to Geo: backups also in the paired region.
    // geo_backup_enabled applies only to DataWarehouse SKUs (provider docs).
    copies: (r, ctx) => geoCopiesIf(geoBackupStorage(strFact(r.body, "storage_account_type", "Geo")), ctx, r, "azure-sql-geo-backup", "storage_account_type"),
    remedies: () => ({
      enableBackup: "set short_term_retention_policy.retention_days",
      crossRegionCopy: 'set storage_account_type = "Geo" or "GeoZone" (the default is Geo) so its backups are also stored in the paired region, or add a geo-replica',
      longerRetention: "add a long_term_retention_policy (weekly_retention, monthly_retention or yearly_retention as ISO 8601 durations) that keeps backups",
    }),
    anchors: ["short_term_retention_policy.retention_days", "short_term_retention_policy", "long_term_retention_policy.weekly_retention", "long_term_retention_policy.monthly_retention", "long_term_retention_policy.yearly_retention", "long_term_retention_policy", "storage_account_type", "transparent_data_encryption_enabled", "tags"],
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
    encryption: (r) => ({ atRest: true, ...(rawValue(r.body, "key_vault_key_id") !== undefined ? { key: rawValue(r.body, "key_vault_key_id")! } : {}), keyAnchor: "key_vault_key_id" }),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    // Periodic backups: storage_redundancy defaults to Geo (provider docs).
    copies: (r, ctx) => {
      const type = strFact(r.body, "backup.type", "Periodic");
      if (type === "Continuous") return [];
      const redundancy = strFact(r.body, "backup.storage_redundancy", "Geo");
      return geoCopiesIf(isUnknownFact(type) ? type : isUnknownFact(redundancy) ? redundancy : redundancy === "Geo", ctx, r, "cosmosdb-geo-backup", "backup.storage_redundancy");
    },
    remedies: () => ({
      enableBackup: "configure its backup block",
      crossRegionCopy: 'add a geo_location in another region, or use periodic backup with storage_redundancy = "Geo" (the default) so backups are also stored in the paired region',
      longerRetention: "export its data regularly (change feed or Azure Data Factory) to a storage account with versioning whose lifecycle keeps it",
    }),
    anchors: ["backup.type", "backup.tier", "backup.interval_in_minutes", "backup.retention_in_hours", "backup.storage_redundancy", "backup", "key_vault_key_id", "tags"],
  },
  azurerm_storage_account: {
    provider: "azurerm",
    docs: PROVIDER_DOCS + "storage_account",
    kind: constKind("object-store"),
    nativeBackup: storageAccountNative,
    // Storage service encryption is always on. https://learn.microsoft.com/en-us/azure/storage/common/storage-service-encryption
    encryption: () => ({ atRest: true }),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    // GRS/RA-GRS/GZRS/RA-GZRS replicate asynchronously to the paired region: a copy, not a backup (deletes replicate).
    // https://learn.microsoft.com/en-us/azure/storage/common/storage-redundancy
    copies: (r, ctx) => geoCopiesIf(geoReplicated(strFact(r.body, "account_replication_type", null)), ctx, r, "azure-storage-geo-replication", "account_replication_type"),
    remedies: () => ({
      enableBackup: "set versioning_enabled = true and a delete_retention_policy (blob soft delete) in blob_properties, or back it up with an Azure Backup vault (azurerm_data_protection_backup_instance_blob_storage)",
      crossRegionCopy: 'set account_replication_type = "GRS", "RA-GRS", "GZRS" or "RA-GZRS" so a copy is kept in the paired region, or add object replication to an account in another region',
      longerRetention: "raise blob_properties.delete_retention_policy.days (up to 365), or keep blob versions with an azurerm_storage_management_policy that keeps them",
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
    encryption: (r) => ({ atRest: true, ...(rawValue(r.body, "disk_encryption_set_id") !== undefined ? { key: rawValue(r.body, "disk_encryption_set_id")! } : {}), keyAnchor: "disk_encryption_set_id" }),
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    remedies: () => ({
      enableBackup: "back it up with an Azure Backup vault (azurerm_data_protection_backup_instance_disk), or back up its VM with azurerm_backup_protected_vm",
      crossRegionCopy: "back it up to a Recovery Services vault with geo-redundant storage and cross_region_restore_enabled = true",
      longerRetention: "back it up with an Azure Backup policy that keeps snapshots",
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
    deletionProtection: () => false,
    backupsSurviveDeletion: () => false,
    anchors: ["key_vault_id", "tags"],
  },
};

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
  if (softDelete === true) return { enabled: true, retentionDays: softDeleteDays, pointInTime, frequencyHours: 0, via: "soft-delete", anchor: "blob_properties.delete_retention_policy.days" };
  if (isUnknownFact(versioning)) return { enabled: versioning, retentionDays: versioning, pointInTime: versioning, frequencyHours: 0, via: "versioning", anchor: "blob_properties.versioning_enabled" };
  if (softDelete === "unknown") {
    const why = unknownFact("blob_properties.delete_retention_policy is not known");
    return { enabled: why, retentionDays: why, pointInTime: why, frequencyHours: 0, via: "soft-delete" };
  }
  return { enabled: false, retentionDays: 0, pointInTime: false, frequencyHours: 0, via: "versioning", anchor: "blob_properties.versioning_enabled" };
}

export const azurermCatalog: ProviderCatalog = {
  components,
  links: {},
  mechanisms: {},
  vaultLinks: {},
  isKnownBackupModule: () => false,
};
