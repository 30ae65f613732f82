/**
 * Operator backups as graph mechanisms (issue 6): CloudNativePG and k8up.
 *
 * CloudNativePG (postgresql.cnpg.io/v1, research notes §3a; cloudnative-pg api/v1):
 * - A Cluster archives WAL and stores base backups in an object store: spec.backup.barmanObjectStore
 *   (deprecated since 1.26), or the Barman Cloud plugin (spec.plugins[] barman-cloud.cloudnative-pg.io
 *   with parameters.barmanObjectName naming a barmancloud.cnpg.io/v1 ObjectStore).
 * - Base backups come only from Backups/ScheduledBackups (spec.cluster.name; six-field cron with
 *   seconds; suspend; method barmanObjectStore (default), plugin or volumeSnapshot). Without one, no
 *   base backup exists and WAL alone restores nothing: the cluster is not covered.
 * - retentionPolicy `^[1-9][0-9]*[dwm]$` is a recovery window (barman RecoveryWindowRetentionPolicy,
 *   m = 31 days): backups needed for point-in-time recovery back to now - window are kept; unset
 *   keeps everything. https://cloudnative-pg.io/plugin-barman-cloud/docs/retention
 * - WAL archiving gives point-in-time recovery within the window; CloudNativePG sets archive_timeout
 *   to 5min, so a WAL segment reaches the store at least every 5 minutes.
 *   https://cloudnative-pg.io/documentation/current/wal_archiving/
 * - wal/data encryption: "" uses the bucket's default encryption, AES256 and aws:kms encrypt.
 * - Volume snapshots (method volumeSnapshot) have no retention and stay in the cluster.
 *
 * k8up (k8up.io/v1 Schedule, research notes §3b; k8up-io/k8up):
 * - A Schedule backs up every PVC of its namespace (RWO or RWX) unless the PVC's annotation
 *   k8up.io/backup reads false (operator/backupcontroller/executor.go listAndFilterPVCs); when
 *   backup.labelSelectors is set, only PVCs matching one of them (backup_utils.go fetchPVCs lists
 *   the union of the selectors' matches). Labels are matched against the component's labels, which
 *   also hold its pods' labels (what Velero needs): a selector on a pod-only label is read as a match.
 * - backup.schedule: cron, predefined, or k8up's @daily-random...
 * - prune.retention keepLast/Hourly/Daily/Weekly/Monthly/Yearly (restic forget); k8up sets
 *   KEEP_DAILY=14 when keepDaily is unset (operator/prunecontroller/executor.go). Without a prune
 *   schedule nothing is ever deleted.
 * - restic encrypts every repository with the repoPasswordSecretRef password.
 *   https://restic.readthedocs.io/en/stable/100_references.html#terminology
 */
import type { BackupPlan, BackupPlanRule, Component, Fact, Location, Mechanism, TagCriterion } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import { objectAddress } from "../helm/objects.js";
import { isPlainObject, type Plain, type YamlPath } from "../helm/yaml.js";
import {
  anchorAt,
  at,
  boolAt,
  cronWithSecondsIntervalHours,
  identityOf,
  isKind,
  k8upIntervalHours,
  listAt,
  locationOf,
  namespaceSelection,
  placeOf,
  strAt,
  typeOf,
  type K8sObject,
} from "./kubernetes-common.js";
import { sameNamespace, type Buckets } from "./kubernetes-context.js";
import { destinationOf, destinationVault, type Destination } from "./kubernetes-targets.js";
import { labelCriteria } from "./kubernetes-velero.js";
import { K8UP_BACKUP, type KubernetesComponent } from "./kubernetes-workloads.js";

const CNPG = "postgresql.cnpg.io";
const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
/** CloudNativePG's default archive_timeout, the most a WAL segment waits before it is archived. */
const WAL_ARCHIVE_HOURS = 5 / 60;

/** A recovery window in days; null when unset (nothing is deleted); unknown when it does not match the CRD's pattern. */
export function recoveryWindowDays(text: string | undefined): Fact<number | null> {
  if (text === undefined || text === "") return null;
  const m = /^([1-9][0-9]*)([dwm])$/.exec(text);
  if (!m) return unknownFact(`retentionPolicy "${text}" does not match ^[1-9][0-9]*[dwm]$ (days, weeks, or months of 31 days), so CloudNativePG rejects it`, 'write it as a number of days, weeks or months, e.g. "2555d"');
  return Number(m[1]) * { d: 1, w: 7, m: 31 }[m[2] as "d" | "w" | "m"];
}

interface Store {
  owner: K8sObject;
  /** Path of the BarmanObjectStoreConfiguration in the owner. */
  path: YamlPath;
  retention?: string;
  retentionPath: YamlPath;
  address: string;
  /** WAL archiving to this store is on. */
  archivesWal: boolean;
}

function cnpgStores(cluster: K8sObject, objects: readonly K8sObject[]): { inline?: Store; plugin?: Store } {
  const out: { inline?: Store; plugin?: Store } = {};
  if (isPlainObject(at(cluster, ["spec", "backup", "barmanObjectStore"]))) {
    out.inline = {
      owner: cluster,
      path: ["spec", "backup", "barmanObjectStore"],
      ...(strAt(cluster, ["spec", "backup", "retentionPolicy"]) !== undefined ? { retention: strAt(cluster, ["spec", "backup", "retentionPolicy"])! } : {}),
      retentionPath: ["spec", "backup", "retentionPolicy"],
      address: `${objectAddress(cluster)}#barmanObjectStore`,
      // The WAL archive of a Cluster is its barmanObjectStore. https://cloudnative-pg.io/documentation/current/appendixes/backup_barmanobjectstore/
      archivesWal: true,
    };
  }
  const plugin = listAt(cluster, ["spec", "plugins"]).find((p) => isPlainObject(p) && p.name === BARMAN_PLUGIN);
  if (isPlainObject(plugin)) {
    const name = isPlainObject(plugin.parameters) && typeof plugin.parameters.barmanObjectName === "string" ? plugin.parameters.barmanObjectName : undefined;
    const store = objects.find((o) => isKind(o, "barmancloud.cnpg.io", "ObjectStore") && o.name === name && sameNamespace(o, cluster));
    if (store) {
      out.plugin = {
        owner: store,
        path: ["spec", "configuration"],
        ...(strAt(store, ["spec", "retentionPolicy"]) !== undefined ? { retention: strAt(store, ["spec", "retentionPolicy"])! } : {}),
        retentionPath: ["spec", "retentionPolicy"],
        address: objectAddress(store),
        archivesWal: plugin.isWALArchiver === true,
      };
    }
  }
  return out;
}

/** wal or data encryption of a store: AES256/aws:kms encrypt; "" or unset leaves it to the bucket's default. */
function storeEncryption(store: Store, part: "wal" | "data", dest: Destination): Fact<boolean> {
  const v = strAt(store.owner, [...store.path, part, "encryption"]);
  if (v === "AES256" || v === "aws:kms") return true;
  return dest.encryptedByDefault;
}

function storeCustomerKey(store: Store, dest: Destination): Fact<boolean> | undefined {
  const v = strAt(store.owner, [...store.path, "data", "encryption"]);
  if (v === "AES256") return false;
  if (v === "aws:kms") return dest.joined?.encryption.customerManagedKey ?? unknownFact("encryption aws:kms uses the bucket's default KMS key, which is not in the scan");
  return undefined;
}

export function cnpgMechanisms(objects: readonly K8sObject[], components: readonly KubernetesComponent[], buckets: Buckets): Mechanism[] {
  const out: Mechanism[] = [];
  for (const kc of components) {
    const cluster = kc.object;
    if (!isKind(cluster, CNPG, "Cluster")) continue;
    const stores = cnpgStores(cluster, objects);
    const scheduled = objects.filter((o) => isKind(o, CNPG, "ScheduledBackup") && strAt(o, ["spec", "cluster", "name"]) === cluster.name && sameNamespace(o, cluster));
    const active = scheduled.filter((sb) => boolAt(sb, ["spec", "suspend"]) !== true);
    explainMissingBaseBackups(kc.component, stores, active.length);
    if (active.length === 0) continue;
    const place = placeOf(cluster);
    const plan: BackupPlan = { ...identityOf(cluster, "postgresql.cnpg.io/backup", `${objectAddress(cluster)}#backup`), node: "backup-plan", provider: "kubernetes", label: "CloudNativePG backup", region: place.region, account: place.account, rules: [] };
    const vaults = new Map<Store, { vault: ReturnType<typeof destinationVault>; dest: Destination }>();
    const vaultOf = (store: Store) => {
      const known = vaults.get(store);
      if (known) return known;
      const dest = destinationOf(strAt(store.owner, [...store.path, "destinationPath"]), strAt(store.owner, [...store.path, "endpointURL"]), store.owner, buckets);
      const vault = destinationVault(store.owner, store.address, dest, locationOf(store.owner, [...store.path, "destinationPath"]), storeCustomerKey(store, dest));
      const made = { vault, dest };
      vaults.set(store, made);
      out.push(vault);
      return made;
    };
    let walStore: Store | undefined;
    for (const sb of active) {
      const method = strAt(sb, ["spec", "method"]) ?? "barmanObjectStore";
      const schedule = strAt(sb, ["spec", "schedule"]);
      const interval = schedule ? cronWithSecondsIntervalHours(schedule) : unknownFact(`ScheduledBackup ${sb.name} has no spec.schedule`);
      const scheduleLocation = locationOf(sb, ["spec", "schedule"]);
      if (method === "volumeSnapshot") {
        // Needs spec.backup.volumeSnapshot; snapshots have no retention policy and stay in the cluster.
        if (!isPlainObject(at(cluster, ["spec", "backup", "volumeSnapshot"]))) continue;
        plan.rules.push({ name: sb.name, location: sb.location, intervalHours: interval, retentionDays: null, coldStorageAfterDays: null, continuous: false, copyActions: [], scheduleLocation });
        continue;
      }
      const store = method === "plugin" ? stores.plugin : method === "barmanObjectStore" ? stores.inline : undefined;
      if (!store) continue;
      const { vault, dest } = vaultOf(store);
      const retention = recoveryWindowDays(store.retention);
      const retentionLocation = retentionAt(store, kc.component);
      const rule: BackupPlanRule = {
        name: sb.name,
        location: sb.location,
        vaultId: vault.id,
        intervalHours: interval,
        retentionDays: retention,
        coldStorageAfterDays: null,
        continuous: false,
        copyActions: [{ destinationRegion: dest.region, destinationAccount: dest.account, retentionDays: retention, location: vault.location, destinationVaultId: vault.id, retentionLocation, via: "cnpg-object-store" }],
        encrypted: storeEncryption(store, "data", dest),
        retentionLocation,
        scheduleLocation,
      };
      plan.rules.push(rule);
      if (store.archivesWal) walStore ??= store;
    }
    if (walStore) {
      const { vault, dest } = vaultOf(walStore);
      const retention = recoveryWindowDays(walStore.retention);
      const retentionLocation = retentionAt(walStore, kc.component);
      plan.rules.push({
        name: "WAL archive",
        location: locationOf(walStore.owner, walStore.path),
        vaultId: vault.id,
        intervalHours: WAL_ARCHIVE_HOURS,
        retentionDays: retention,
        coldStorageAfterDays: null,
        continuous: true,
        copyActions: [{ destinationRegion: dest.region, destinationAccount: dest.account, retentionDays: retention, location: vault.location, destinationVaultId: vault.id, retentionLocation, via: "cnpg-object-store" }],
        encrypted: storeEncryption(walStore, "wal", dest),
        retentionLocation,
      });
    }
    if (plan.rules.length === 0) continue;
    anchorAt(plan, "backup", cluster, ["spec", "backup"]);
    out.push(plan, namespaceSelection(cluster, `${objectAddress(cluster)}#backup-selection`, plan.id, place, [{ key: "cnpg.io/cluster", value: cluster.name, op: "equals", location: cluster.location }]));
  }
  return out;
}

/**
 * Where a store's retention is decided: its retentionPolicy (an anchor of the component when the
 * Cluster itself writes it, so RET findings land there), else the store's configuration.
 */
function retentionAt(store: Store, c: Component): Location {
  if (store.retention === undefined) return locationOf(store.owner, store.path);
  if (isKind(store.owner, CNPG, "Cluster")) return anchorAt(c, "backup.retentionPolicy", store.owner, store.retentionPath);
  return locationOf(store.owner, store.retentionPath);
}

/** COV-001's fix for a Cluster that archives WAL but has no ScheduledBackup says why it is not covered. */
function explainMissingBaseBackups(c: Component, stores: { inline?: Store; plugin?: Store }, scheduled: number): void {
  const store = stores.inline ?? stores.plugin;
  if (!store || scheduled > 0 || !c.remedies) return;
  const where = strAt(store.owner, [...store.path, "destinationPath"]) ?? "its object store";
  c.remedies.enableBackup = `it archives WAL to ${where}, but no ScheduledBackup (postgresql.cnpg.io/v1) targets it, so no base backup exists to restore from: add a ScheduledBackup with spec.cluster.name: ${c.address.split("/").pop()}${stores.plugin && !stores.inline ? " and method: plugin" : ""}`;
}

// ---- k8up ---------------------------------------------------------------------------------------

/** restic forget keeps, per `--keep-<period> n`, the newest snapshot of each of the last n periods that have one: n periods, or n runs when runs are sparser. https://restic.readthedocs.io/en/stable/060_forget.html */
export function k8upRetentionDays(prune: Plain | undefined, intervalHours: Fact<number>): Fact<number | null> {
  if (!isPlainObject(prune)) return null;
  const r = isPlainObject(prune.retention) ? prune.retention : {};
  const n = (k: string) => (typeof r[k] === "number" && (r[k] as number) > 0 ? (r[k] as number) : 0);
  if (isUnknownFact(intervalHours)) return intervalHours;
  const run = intervalHours / 24;
  const keepDaily = n("keepDaily") || 14;
  return Math.max(n("keepLast") * run, n("keepHourly") * Math.max(1 / 24, run), keepDaily * Math.max(1, run), n("keepWeekly") * Math.max(7, run), n("keepMonthly") * Math.max(31, run), n("keepYearly") * Math.max(365, run));
}

function k8upDestination(schedule: K8sObject, buckets: Buckets): Destination {
  const backend = at(schedule, ["spec", "backend"]);
  const place = placeOf(schedule);
  if (!isPlainObject(backend)) return { label: "the operator's global backend", region: unknownFact(`k8up Schedule ${schedule.name} names no backend: the operator's global backend (not in the scan) is used`), account: null, encryptedByDefault: true, inCluster: false };
  if (isPlainObject(backend.s3)) return destinationOf(`s3://${String(backend.s3.bucket ?? "")}`, typeof backend.s3.endpoint === "string" ? backend.s3.endpoint : undefined, schedule, buckets);
  if (isPlainObject(backend.gcs)) return destinationOf(`gs://${String(backend.gcs.bucket ?? "")}`, undefined, schedule, buckets);
  if (isPlainObject(backend.local)) return { label: `local path ${String(backend.local.mountPath ?? "")}`, region: place.region, account: place.account, encryptedByDefault: true, inCluster: true };
  return { label: "its backend", region: unknownFact(`the region of k8up Schedule ${schedule.name}'s backend is not catalogued`), account: null, encryptedByDefault: true, inCluster: false };
}

export function k8upMechanisms(objects: readonly K8sObject[], buckets: Buckets): Mechanism[] {
  const out: Mechanism[] = [];
  for (const s of objects) {
    if (!isKind(s, "k8up.io", "Schedule") || !isPlainObject(at(s, ["spec", "backup"]))) continue;
    const place = placeOf(s);
    const expr = strAt(s, ["spec", "backup", "schedule"]);
    const interval = expr ? k8upIntervalHours(expr) : unknownFact(`k8up Schedule ${s.name} has no backup.schedule`);
    const retention = k8upRetentionDays(at(s, ["spec", "prune"]), interval);
    const dest = k8upDestination(s, buckets);
    const vault = destinationVault(s, `${objectAddress(s)}#backend`, dest, locationOf(s, ["spec", "backend"]), undefined);
    const retentionLocation = locationOf(s, at(s, ["spec", "prune", "retention"]) !== undefined ? ["spec", "prune", "retention"] : at(s, ["spec", "prune"]) !== undefined ? ["spec", "prune"] : ["spec", "backup"]);
    const plan: BackupPlan = { ...identityOf(s, typeOf(s)), node: "backup-plan", provider: "kubernetes", label: "k8up schedule", region: place.region, account: place.account, rules: [] };
    plan.rules.push({
      name: s.name,
      location: locationOf(s, ["spec", "backup"]),
      vaultId: vault.id,
      intervalHours: interval,
      retentionDays: retention,
      coldStorageAfterDays: null,
      continuous: false,
      copyActions: dest.inCluster ? [] : [{ destinationRegion: dest.region, destinationAccount: dest.account, retentionDays: retention, location: vault.location, destinationVaultId: vault.id, retentionLocation, via: "k8up-backend" }],
      // restic encrypts the repository with the repoPasswordSecretRef password.
      encrypted: true,
      retentionLocation,
      scheduleLocation: locationOf(s, ["spec", "backup", "schedule"]),
    });
    const excluded: TagCriterion = { key: K8UP_BACKUP, value: "false", op: "notEquals", location: s.location };
    const selectors = listAt(s, ["spec", "backup", "labelSelectors"]);
    const groups = selectors.length > 0 ? selectors.map((sel, i) => labelCriteria(sel, locationOf(s, ["spec", "backup", "labelSelectors", i]))) : [[]];
    out.push(vault, plan, ...groups.map((conditions, i) => namespaceSelection(s, `${objectAddress(s)}#selection${groups.length > 1 ? `[${i}]` : ""}`, plan.id, place, [...conditions, excluded])));
  }
  return out;
}
