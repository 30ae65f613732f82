/**
 * Facts of Google components that depend on other resources of the scan: the Backup and DR
 * vault their backups land in, a Bigtable table's instance and clusters, a KMS key's key ring,
 * a secret's replicas. Each function reads the component and what it points at (CatalogContext).
 */
import type { ComponentCopy, Fact, KeyFacts, NativeBackup } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import { isList, isRef, Unknown, type Value } from "../terraform/value.js";
import type { CatalogContext } from "./index.js";
import { associatedResource, disksOfInstance, planOfAssociation, vaultOfPlan } from "./google-mechanisms.js";
import { resolveNamed, type Named } from "./google-names.js";
import { durationDays, durationSeconds, isSingleRegion, lastSegment, locationInName, regionOfLocation } from "./google-schedule.js";
import { atOf, blocksAt, boolFact, factOfOpaque, lookup, rawValue, strFact, toLocation } from "./read.js";


function sameResource(a: ResourceInstance, b: ResourceInstance): boolean {
  return a.root === b.root && a.address === b.address;
}

function names(n: Named, r: ResourceInstance): boolean {
  if (n.kind === "one") return sameResource(n.r, r);
  if (n.kind === "many") return n.rs.some((x) => sameResource(x, r));
  return false;
}

/** Backup and DR associations that back `r` up: naming it, or (for a disk) naming an instance it is attached to. */
function associationsOf(r: ResourceInstance, ctx: CatalogContext): ResourceInstance[] {
  return ctx
    .resourcesOfType("google_backup_dr_backup_plan_association")
    .filter((a) => a.mode === "managed")
    .filter((a) => {
      const target = associatedResource(a, ctx);
      if (names(target, r)) return true;
      return target.kind === "one" && target.r.type === "google_compute_instance" && disksOfInstance(target.r, ctx).some((d) => names(d, r));
    });
}

/**
 * Backup and DR stores a resource's backups in the plan's backup vault, in the vault's location
 * and project, which may differ from the resource's ("network transfer fees depending on the
 * locations of your backup vault and source workload"). A vault in another region or project is
 * where the backups live outside the resource's region or project; a vault beside the resource
 * adds no copy.
 * https://cloud.google.com/backup-disaster-recovery/docs/concepts/backup-vault
 */
export function backupDrVaultCopies(r: ResourceInstance, ctx: CatalogContext): ComponentCopy[] {
  const out: ComponentCopy[] = [];
  for (const a of associationsOf(r, ctx)) {
    const location = toLocation(a.header);
    const plan = planOfAssociation(a, ctx);
    const vault = plan.kind === "one" ? vaultOfPlan(plan.r, ctx) : undefined;
    if (!vault || vault.kind !== "one") {
      const why = unknownFact(`the backup vault of ${a.address} is not in the scan, so where its backups are stored is not known`);
      out.push({ region: why, account: why, via: "backup-dr-vault", location });
      continue;
    }
    const place = ctx.placeOf(vault.r);
    const otherRegion = typeof place.region === "string" && typeof ctx.region === "string" ? place.region !== ctx.region : isUnknownFact(place.region) || isUnknownFact(ctx.region) ? undefined : false;
    const otherProject = typeof place.account === "string" && typeof ctx.account === "string" && place.account !== ctx.account;
    if (otherRegion === false && !otherProject) continue;
    out.push({ region: place.region, account: place.account, via: otherRegion === false ? "backup-dr-vault-project" : "backup-dr-vault", location });
  }
  return out;
}

// ---------------------------------------------------------------- Bigtable

function bigtableInstance(table: ResourceInstance, ctx: CatalogContext): Named {
  return resolveNamed(rawValue(table.body, "instance_name"), ["google_bigtable_instance"], table, ctx);
}

/** Zones of a Bigtable instance's clusters (cluster.zone), in order. */
function clusterZones(inst: ResourceInstance): Fact<string[]> {
  const { blocks, unknown } = blocksAt(inst.body, "cluster");
  if (unknown) return unknown;
  const zones: string[] = [];
  for (const b of blocks) {
    const z = strFact(b, "zone", null);
    if (isUnknownFact(z)) return z;
    if (z !== null) zones.push(z.toLowerCase());
  }
  return zones;
}

/** A Bigtable instance is where its first cluster is. */
export function bigtableInstanceRegion(inst: ResourceInstance): Fact<string> | undefined {
  const zones = clusterZones(inst);
  if (isUnknownFact(zones)) return zones;
  return zones[0] !== undefined ? regionOfLocation(zones[0]) : undefined;
}

/** A table is where its instance is. */
export function bigtableTableRegion(table: ResourceInstance, ctx: CatalogContext): Fact<string> | undefined {
  const inst = bigtableInstance(table, ctx);
  return inst.kind === "one" ? bigtableInstanceRegion(inst.r) : undefined;
}

/**
 * Bigtable tables are encrypted with the key of their instance's clusters (cluster.kms_key_name),
 * else with Google's default encryption. A table whose instance is not in the scan has an unknown key.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_instance#kms_key_name
 */
export function bigtableTableKey(table: ResourceInstance, ctx: CatalogContext): Value | undefined {
  const inst = bigtableInstance(table, ctx);
  if (inst.kind !== "one") return new Unknown(`the instance of ${table.address} is not in the scan, so the key of its clusters is not known`);
  return rawValue(inst.r.body, "cluster.kms_key_name");
}

/**
 * Bigtable automated backups: daily backups kept retention_period (at most 90 days). The provider
 * creates a table without automated backups when automated_backup_policy is omitted (or both
 * values are "0"); an undefined frequency is 24 hours.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_table#automated_backup_policy
 * https://cloud.google.com/bigtable/docs/managing-backups#automated-backup
 */
export function bigtableTableBackups(table: ResourceInstance): NativeBackup {
  const off: NativeBackup = { enabled: false, retentionDays: 0, pointInTime: false, frequencyHours: 24, via: "native", anchor: "automated_backup_policy" };
  const policy = blocksAt(table.body, "automated_backup_policy");
  if (policy.unknown) return { ...off, enabled: policy.unknown, retentionDays: policy.unknown };
  const b = policy.blocks[0];
  if (!b) return off;
  const retention = strFact(b, "retention_period", null);
  const frequency = strFact(b, "frequency", null);
  if (isUnknownFact(retention)) return { ...off, enabled: retention, retentionDays: retention, anchor: "automated_backup_policy.retention_period" };
  if (isUnknownFact(frequency)) return { ...off, enabled: frequency, frequencyHours: frequency };
  const seconds = retention === null ? undefined : durationSeconds(retention);
  const every = frequency === null ? 86400 : durationSeconds(frequency);
  if (seconds === 0 && (every === 0 || frequency === null)) return { ...off, anchor: "automated_backup_policy.retention_period" };
  const retentionDays: Fact<number | null> = seconds === undefined ? unknownFact(`retention_period ${String(retention)} is not a duration`) : seconds / 86400;
  const frequencyHours: Fact<number> = every === undefined || every === 0 ? unknownFact(`frequency ${String(frequency)} is not a positive duration`) : every / 3600;
  // Automated backups are "retained for 1-90 days" (https://github.com/googleapis/google-cloud-go/pull/9702, adding them to the client).
  return { enabled: true, retentionDays, pointInTime: false, frequencyHours, via: "native", anchor: "automated_backup_policy", retentionAnchor: "automated_backup_policy.retention_period", maxRetentionDays: 90 };
}

/**
 * Automated backups are created on the instance's clusters (all of its zones, or the zones of
 * automated_backup_policy.locations): a cluster in another region keeps the table's backups there.
 * https://cloud.google.com/bigtable/docs/managing-backups ("To create daily backups on all clusters")
 * https://cloud.google.com/bigtable/docs/reference/admin/rest/v2/projects.instances.tables#AutomatedBackupPolicy (locations)
 */
export function bigtableTableCopies(table: ResourceInstance, ctx: CatalogContext): ComponentCopy[] {
  if (bigtableTableBackups(table).enabled !== true) return [];
  const inst = bigtableInstance(table, ctx);
  if (inst.kind !== "one") return [];
  const zones = clusterZones(inst.r);
  const own = bigtableInstanceRegion(inst.r);
  const location = toLocation(atOf(lookup(table.body, "automated_backup_policy")) ?? table.header);
  if (isUnknownFact(zones)) return [{ region: zones, account: ctx.account, via: "bigtable-cluster-backup", location }];
  const listed = rawValue(table.body, "automated_backup_policy.locations");
  const where = isList(listed) && listed.length ? listed.filter((x): x is string => typeof x === "string").map((x) => locationInName(x) ?? x) : zones;
  const regions = [...new Set(where.map(regionOfLocation))].filter((x) => x !== own);
  return regions.map((region) => ({ region, account: ctx.account, via: "bigtable-cluster-backup", location, anchor: "automated_backup_policy" }));
}

// ---------------------------------------------------------------- KMS

/** Location of a key's key ring: the in-scan ring's `location`, or the location in a key ring name. */
export function keyRingLocation(key: ResourceInstance, ctx: CatalogContext): Fact<string> {
  const ring = rawValue(key.body, "key_ring");
  if (ring === undefined) return unknownFact("the key has no key_ring");
  if (isRef(ring)) {
    const r = ctx.resource(key.root, ring.address);
    const loc = r ? strFact(r.body, "location", null) : null;
    if (typeof loc === "string") return loc.toLowerCase();
    if (isUnknownFact(loc)) return loc;
    return unknownFact(`the location of key ring ${ring.address} is not known`);
  }
  if (typeof ring === "string") return locationInName(ring)?.toLowerCase() ?? unknownFact(`key ring ${ring} does not name its location`);
  return factOfOpaque(ring);
}

/**
 * Cloud KMS keys cannot be deleted; destroying one (terraform destroy included) schedules every
 * version for destruction, and versions stay restorable for destroy_scheduled_duration: 30 days
 * by default (older provider docs say 24 hours, the service's default before it changed).
 * IAM, not a key policy, governs who manages a key, so no policy locks the project out. A key's
 * versions are enabled unless a version resource disables them, which is not read here.
 * Keys of global, multi-region and dual-region key rings are usable in more than one region.
 * https://cloud.google.com/kms/docs/destroy-restore ("The default scheduled for destruction duration is 30 days")
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key
 * https://cloud.google.com/kms/docs/locations
 */
export function kmsKeyFacts(key: ResourceInstance, ctx: CatalogContext): KeyFacts {
  const v = strFact(key.body, "destroy_scheduled_duration", null);
  const window: Fact<number> = v === null ? 30 : isUnknownFact(v) ? v : (durationDays(v) ?? unknownFact(`destroy_scheduled_duration ${v} is not a duration`));
  const location = keyRingLocation(key, ctx);
  const facts: KeyFacts = {
    enabled: true,
    deletionWindowDays: window,
    multiRegion: isUnknownFact(location) ? location : !isSingleRegion(location),
    policyAllowsAccountRoot: true,
    anchors: { deletionWindowDays: "destroy_scheduled_duration" },
  };
  if (typeof window === "number") {
    facts.deletionWindowRemedy = {
      observed: `keeps destroyed key versions restorable for only ${Math.round(window * 100) / 100} day${window === 1 ? "" : "s"} (destroy_scheduled_duration), after a terraform destroy or a version destroy`,
      fix: 'set destroy_scheduled_duration = "2592000s" (30 days, the default) or longer',
    };
  }
  return facts;
}

// ---------------------------------------------------------------- Secret Manager

/**
 * Secret payloads are stored per the replication policy: automatic replication copies them across
 * multiple regions chosen by Google; user-managed replication to each replicas.location.
 * https://cloud.google.com/secret-manager/docs/choosing-replication
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/secret_manager_secret#replication
 */
export function secretReplicas(secret: ResourceInstance, ctx: CatalogContext): ComponentCopy[] {
  const rep = blocksAt(secret.body, "replication");
  const location = toLocation(rep.blocks[0]?.at ?? secret.header);
  if (rep.unknown) return [{ region: rep.unknown, account: ctx.account, via: "secret-manager-replica", location, anchor: "replication" }];
  const b = rep.blocks[0];
  if (!b) return [];
  // `auto {}` (provider 5+) or `automatic = true` (earlier).
  if (b.blocks.some((x) => x.type === "auto") || boolFact(b, "automatic", false) === true) {
    return [{ region: "multiple regions chosen by Google (automatic replication)", account: ctx.account, via: "secret-manager-replica", location, anchor: "replication" }];
  }
  const replicas = blocksAt(b, "user_managed.replicas");
  if (replicas.unknown) return [{ region: replicas.unknown, account: ctx.account, via: "secret-manager-replica", location, anchor: "replication" }];
  return replicas.blocks.map((x) => {
    const loc = strFact(x, "location", null);
    return { region: loc === null ? unknownFact("replica without location") : isUnknownFact(loc) ? loc : regionOfLocation(loc), account: ctx.account, via: "secret-manager-replica", location: toLocation(x.at), anchor: "replication" };
  });
}

/**
 * Secret Manager has no recovery window: deleting a secret deletes it and all its versions at once.
 * deletion_protection (default false) stops Terraform from deleting it, the most common accidental
 * deletion in infrastructure code; without it COV-004 applies (IAM decides who can delete it otherwise).
 * https://cloud.google.com/secret-manager/docs/delete-secrets
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/secret_manager_secret#deletion_protection
 */
export function secretDeletionRecovery(secret: ResourceInstance): { immediate: Fact<boolean>; observed: string; fix: string; anchor: string } {
  const protectedByTf = boolFact(secret.body, "deletion_protection", false);
  const immediate: Fact<boolean> = isUnknownFact(protectedByTf) ? protectedByTf : !protectedByTf;
  return {
    immediate,
    observed: `${secret.address} can be deleted for good at once: Secret Manager deletes a secret and all its versions immediately, with no recovery window, and nothing stops terraform destroy or a replacement from deleting it (deletion_protection is not set)`,
    fix: "Set deletion_protection = true so Terraform refuses to delete it, grant secretmanager.secrets.delete to few principals, and set version_destroy_ttl so destroyed versions stay restorable for a while.",
    anchor: "deletion_protection",
  };
}

/**
 * Where a Spanner database's data lives: its instance's config. A regional config
 * (`regional-europe-west1`) keeps every replica in that region; a multi-region config
 * (`nam3`, `eur3`, `nam-eur-asia1`, custom ones) keeps read-write replicas in two or more
 * regions, a replica outside any one region. An instance outside the scan leaves both unknown.
 * https://cloud.google.com/spanner/docs/instance-configurations
 */
function spannerConfig(db: ResourceInstance, ctx: CatalogContext): { config: Fact<string>; at?: ReturnType<typeof toLocation> } {
  const inst = resolveNamed(rawValue(db.body, "instance"), ["google_spanner_instance"], db, ctx);
  if (inst.kind === "unknown") return { config: inst.fact };
  if (inst.kind !== "one") return { config: unknownFact(`the instance of ${db.address} is not in the scan (${inst.reason}), so where its replicas are is not known`, "scan the configuration that defines the Spanner instance too") };
  const v = strFact(inst.r.body, "config", null);
  const at = atOf(lookup(inst.r.body, "config"));
  if (v === null) return { config: unknownFact(`${inst.r.address} sets no config`) };
  return { config: isUnknownFact(v) ? v : lastSegment(v).toLowerCase(), ...(at ? { at: toLocation(at) } : {}) };
}

export function spannerDatabaseRegion(db: ResourceInstance, ctx: CatalogContext): Fact<string> | undefined {
  const { config } = spannerConfig(db, ctx);
  if (isUnknownFact(config)) return config;
  return config.startsWith("regional-") ? config.slice("regional-".length) : config;
}

export function spannerDatabaseCopies(db: ResourceInstance, ctx: CatalogContext): ComponentCopy[] {
  const { config, at } = spannerConfig(db, ctx);
  const where = at ? { location: at } : {};
  if (isUnknownFact(config)) return [{ region: config, account: ctx.account, via: "spanner-multi-region", ...where }];
  if (config.startsWith("regional-")) return [];
  return [{ region: `another region of the ${config} instance configuration`, account: ctx.account, via: "spanner-multi-region", ...where }];
}

/**
 * Firestore multi-region locations (nam5, nam7, eur3) replicate across regions of a continent; the
 * others are single regions. https://cloud.google.com/firestore/docs/locations#location-mr
 */
const FIRESTORE_MULTI_REGIONS = new Set(["nam5", "nam7", "eur3"]);

export function firestoreCopies(db: ResourceInstance, ctx: CatalogContext): ComponentCopy[] {
  const loc = strFact(db.body, "location_id", null);
  if (typeof loc !== "string" || !FIRESTORE_MULTI_REGIONS.has(loc.toLowerCase())) return [];
  const at = atOf(lookup(db.body, "location_id"));
  return [{ region: `another region of the ${loc.toLowerCase()} multi-region`, account: ctx.account, via: "firestore-multi-region", ...(at ? { location: toLocation(at), anchor: "location_id" } : {}) }];
}
