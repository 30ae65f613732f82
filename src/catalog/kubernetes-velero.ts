/**
 * Velero (velero.io/v1) as graph mechanisms (issue 6): each BackupStorageLocation is a vault, each
 * Schedule a plan (label "Velero schedule") with one rule, and one selection per label selector.
 * Semantics from the Velero sources and docs (research notes §2; vmware-tanzu/velero):
 * - Schedule.spec.schedule: robfig/cron v3 ParseStandard (five fields, @daily, @every 6h).
 * - template.ttl: a Go duration (h, m, s; no d or y); 0 or unset = the server's --default-backup-ttl,
 *   720h by default (pkg/cmd/server/config/config.go defaultBackupTTL = 30 * 24 * time.Hour).
 * - paused: true creates no backups.
 * - Scope: includedNamespaces (empty or * = all, globs), excludedNamespaces, labelSelector,
 *   orLabelSelectors (any one; mutually exclusive with labelSelector), included/excludedResources,
 *   and the label velero.io/exclude-from-backup=true on the item itself.
 *   https://velero.io/docs/main/resource-filtering/
 * - Volume data: snapshotVolumes false takes no snapshots; unset or true snapshots when a
 *   VolumeSnapshotLocation or the CSI feature (--features=EnableCSI; still read by the backup
 *   controller, features.IsEnabled(CSIFeatureFlag), since the CSI plugin merged into Velero 1.14)
 *   is there, else unknown (https://velero.io/docs/main/csi/). File-system backup (defaultVolumesToFsBackup, else the
 *   server's --default-volumes-to-fs-backup, else the pod opt-in annotation
 *   backup.velero.io/backup-volumes) and snapshot data movement (snapshotMoveData, else
 *   --default-snapshot-move-data) need the node-agent DaemonSet and write the data to the storage
 *   location. https://velero.io/docs/main/file-system-backup/, https://velero.io/docs/main/csi-snapshot-data-movement/
 * - Snapshots stay in the cluster's region and account; only what is written to the storage
 *   location can be elsewhere (the copy action to the location, via "velero-storage-location").
 * - The kopia/restic repository password is the Secret velero-repo-credentials (key
 *   repository-password), created with the hard-coded "static-passw0rd" when it does not exist
 *   (pkg/repository/keys/keys.go EnsureCommonRepositoryKey): ENC-004.
 */
import type { BackupPlan, BackupPlanRule, BackupSelection, BackupVault, Fact, Location, Mechanism, TagCriterion } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import { objectAddress } from "../helm/objects.js";
import { isPlainObject, type Plain } from "../helm/yaml.js";
import {
  anchorAt,
  at,
  boolAt,
  containersOf,
  goDurationHours,
  identityOf,
  imageName,
  isKind,
  listAt,
  locationOf,
  placeOf,
  robfigIntervalHours,
  stringList,
  stringMap,
  strAt,
  typeOf,
  type K8sObject,
} from "./kubernetes-common.js";
import { Buckets, isAwsEndpoint, isInClusterEndpoint, lockOfBucket, sameCluster, sameVariant } from "./kubernetes-context.js";
import { VELERO_EXCLUDE } from "./kubernetes-workloads.js";

const GROUP = "velero.io";
/** Velero's default ttl when neither the backup nor the server sets one. pkg/cmd/server/config/config.go */
export const DEFAULT_TTL_HOURS = 720;
/** Velero's default storage location name (--default-backup-storage-location). pkg/cmd/server/config/config.go */
const DEFAULT_BSL = "default";
/** Velero's repository password Secret and the static value it is created with. pkg/repository/keys/keys.go */
export const REPO_SECRET = "velero-repo-credentials";
export const STATIC_REPO_PASSWORD = "static-passw0rd";
/** Velero metrics that report failed or missing backups (velero chart values.yaml metrics.prometheusRule examples; pkg/metrics/metrics.go). */
const FAILURE_METRICS = ["velero_backup_failure_total", "velero_backup_last_status", "velero_backup_last_successful_timestamp", "velero_backup_partial_failure_total"];

/** One Velero installation: the server and its objects in one namespace of one cluster. */
interface Install {
  namespace: string;
  sample: K8sObject;
  server?: K8sObject;
  flags: Map<string, string>;
  nodeAgent: Fact<boolean>;
  nodeAgentObject?: K8sObject;
  snapshotsAvailable: Fact<boolean>;
  vaults: { bsl: K8sObject; vault: BackupVault }[];
  defaultVault?: BackupVault;
}

export function veleroMechanisms(objects: readonly K8sObject[], buckets: Buckets): Mechanism[] {
  const out: Mechanism[] = [];
  for (const install of installsOf(objects)) {
    for (const bsl of objects.filter((o) => isKind(o, GROUP, "BackupStorageLocation") && inInstall(o, install))) {
      const vault = storageLocationVault(bsl, buckets);
      install.vaults.push({ bsl, vault });
      out.push(vault);
    }
    const defaultName = install.flags.get("default-backup-storage-location") ?? DEFAULT_BSL;
    install.defaultVault = (install.vaults.find((v) => boolAt(v.bsl, ["spec", "default"]) === true) ?? install.vaults.find((v) => v.bsl.name === defaultName))?.vault;
    alertsOf(install, objects);
    repositorySecretOf(install, objects);
    for (const schedule of objects.filter((o) => isKind(o, GROUP, "Schedule") && inInstall(o, install))) out.push(...scheduleMechanisms(schedule, install));
  }
  return out;
}

// ---- installations ------------------------------------------------------------------------------

function inInstall(o: K8sObject, install: Install): boolean {
  return o.namespace === install.namespace && sameCluster(o, install.sample) && sameVariant(o, install.sample);
}

function isVeleroImage(image: string): boolean {
  return imageName(image) === "velero";
}

/** The velero server Deployment: a velero image run with `server`. */
function isServer(o: K8sObject): boolean {
  return o.kind === "Deployment" && containersOf(o).some((c) => isVeleroImage(c.image) && c.argv.includes("server"));
}

/** The node agent DaemonSet (`node-agent server`; `restic server` before Velero 1.10). */
function isNodeAgent(o: K8sObject): boolean {
  return o.kind === "DaemonSet" && (o.name === "node-agent" || o.name === "restic" || containersOf(o).some((c) => isVeleroImage(c.image) && (c.argv.includes("node-agent") || c.argv.includes("restic"))));
}

/** `--flag=value`, `--flag value` and bare boolean `--flag` of the server's arguments. */
function serverFlags(server: K8sObject | undefined): Map<string, string> {
  const flags = new Map<string, string>();
  const argv = server ? (containersOf(server).find((c) => isVeleroImage(c.image))?.argv ?? []) : [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--?([a-z0-9-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) continue;
    const next = argv[i + 1];
    if (m[2] !== undefined) flags.set(m[1]!, m[2]);
    else if (next !== undefined && !next.startsWith("-") && !["true", "false"].includes(next) && !BOOL_FLAGS.has(m[1]!)) flags.set(m[1]!, argv[++i]!);
    else flags.set(m[1]!, "true");
  }
  return flags;
}

const BOOL_FLAGS = new Set(["default-volumes-to-fs-backup", "default-snapshot-move-data", "restore-only"]);

function installsOf(objects: readonly K8sObject[]): Install[] {
  const installs: Install[] = [];
  const velero = objects.filter((o) => (apiGroupOf(o) === GROUP || isServer(o) || isNodeAgent(o)) && typeof o.namespace === "string");
  for (const o of velero) {
    if (installs.some((i) => inInstall(o, i))) continue;
    const here = velero.filter((x) => x.namespace === o.namespace && sameCluster(x, o) && sameVariant(x, o));
    const server = here.find(isServer);
    const agent = here.find(isNodeAgent);
    const flags = serverFlags(server);
    const nodeAgent: Fact<boolean> = agent
      ? true
      : server
        ? false
        : unknownFact(`the Velero installation of namespace ${String(o.namespace)} is not in the scan, so whether its node agent runs is unknown`, "scan the velero chart's values or the Velero manifests too");
    const features = (flags.get("features") ?? "").split(",").map((s) => s.trim());
    const vsl = here.some((x) => isKind(x, GROUP, "VolumeSnapshotLocation") && (strAt(x, ["spec", "provider"]) ?? "") !== "");
    // A VolumeSnapshotLocation can be created outside the scan (velero snapshot-location create): without one or the CSI feature, unknown.
    const snapshotsAvailable: Fact<boolean> =
      vsl || features.includes("EnableCSI")
        ? true
        : unknownFact(
            server
              ? `whether Velero in namespace ${String(o.namespace)} snapshots volumes depends on a VolumeSnapshotLocation or the CSI feature (--features=EnableCSI), and the scan has neither`
              : `whether Velero in namespace ${String(o.namespace)} can snapshot volumes depends on a VolumeSnapshotLocation or the CSI feature, and its installation is not in the scan`,
            "declare the VolumeSnapshotLocation (velero chart: configuration.volumeSnapshotLocation) or --features=EnableCSI, or set snapshotVolumes: false when the schedule relies on file-system backup",
          );
    installs.push({ namespace: o.namespace as string, sample: o, ...(server ? { server } : {}), flags, nodeAgent, ...(agent ? { nodeAgentObject: agent } : {}), snapshotsAvailable, vaults: [] });
  }
  return installs;
}

function apiGroupOf(o: K8sObject): string {
  const i = o.apiVersion.indexOf("/");
  return i < 0 ? "" : o.apiVersion.slice(0, i);
}

// ---- storage locations --------------------------------------------------------------------------

/** `velero.io/aws` and `aws` name the same plugin. */
function providerOf(bsl: K8sObject): string {
  return (strAt(bsl, ["spec", "provider"]) ?? "").replace(/^velero\.io\//, "");
}

/**
 * A BackupStorageLocation as a vault. Region and account by provider (velero-plugin-for-aws,
 * -gcp, -microsoft-azure, research notes §2b): AWS the bucket's region when it is an aws_s3_bucket
 * of the scan, else `config.region` (an s3Url inside the cluster keeps the backups there);
 * GCP has no region key, the bucket's location decides; Azure's storage account (config.storageAccount)
 * and config.subscriptionId. Keys: AWS config.kmsKeyId (SSE-KMS) or serverSideEncryption, GCP
 * config.kmsKeyName. Lock: the joined bucket's S3 Object Lock (Velero documents that Object Lock
 * works with versioned buckets; GCP bucket lock does not: https://velero.io/docs/main/backup-reference/).
 */
function storageLocationVault(bsl: K8sObject, buckets: Buckets): BackupVault {
  const provider = providerOf(bsl);
  const bucketName = strAt(bsl, ["spec", "objectStorage", "bucket"]);
  const config = stringMap(at(bsl, ["spec", "config"]));
  const place = placeOf(bsl);
  const vault: BackupVault = {
    ...identityOf(bsl, typeOf(bsl)),
    node: "backup-vault",
    provider: "kubernetes",
    name: bsl.name,
    region: unknownFact(`the region of Velero storage location ${bsl.name} is not known`),
    account: null,
    notifications: [],
  };
  anchorAt(vault, "config", bsl, ["spec", "config"]);
  const where = unknownFact(`the bucket ${bucketName ?? "(none)"} of Velero storage location ${bsl.name} is not in the scan and the location names no region`, `set config.region on the BackupStorageLocation, or scan the Terraform that defines bucket ${bucketName ?? ""}`);
  if (provider === "aws") {
    const bucket = buckets.find("s3", bucketName);
    const s3Url = config["s3Url"];
    if (s3Url && isInClusterEndpoint(s3Url)) vault.region = place.region;
    else if (s3Url && !isAwsEndpoint(s3Url)) vault.region = unknownFact(`Velero storage location ${bsl.name} writes to ${s3Url}, an S3-compatible store whose region is not known`);
    // The bucket's own region when the scan defines it: config.region only tells the plugin where to look.
    else vault.region = bucket?.region ?? config["region"] ?? where;
    vault.account = bucket ? bucket.account : null;
    const key = config["kmsKeyId"];
    if (key) {
      vault.keyId = key;
      vault.customerManagedKey = !/alias\/aws\/s3$/.test(key);
    } else if (config["customerKeyEncryptionFile"] || config["customerKeyEncryptionSecret"]) vault.customerManagedKey = true;
    else if (config["serverSideEncryption"] === "AES256") vault.customerManagedKey = false;
    else vault.customerManagedKey = bucket?.encryption.customerManagedKey ?? unknownFact(`Velero storage location ${bsl.name} names no kmsKeyId: its bucket's default encryption decides`);
    const lock = lockOfBucket(bucket);
    if (lock) vault.lock = lock;
  } else if (provider === "gcp") {
    const bucket = buckets.find("gcs", bucketName);
    vault.region = bucket?.region ?? where;
    vault.account = bucket ? bucket.account : null;
    const key = config["kmsKeyName"];
    if (key) {
      vault.keyId = key;
      vault.customerManagedKey = true;
    } else vault.customerManagedKey = bucket?.encryption.customerManagedKey ?? unknownFact(`Velero storage location ${bsl.name} names no kmsKeyName: its bucket's default encryption decides`);
  } else if (provider === "azure") {
    const account = buckets.find("azure", config["storageAccount"]);
    vault.region = account?.region ?? unknownFact(`the storage account ${config["storageAccount"] ?? "(none)"} of Velero storage location ${bsl.name} is not in the scan`, "scan the Terraform that defines the storage account");
    vault.account = config["subscriptionId"] ?? (account ? account.account : null);
    vault.customerManagedKey = account?.encryption.customerManagedKey ?? unknownFact(`a customer managed key of Azure storage is a property of the storage account ${config["storageAccount"] ?? ""}, which is not in the scan`);
    const lock = lockOfBucket(account);
    if (lock) vault.lock = lock;
  } else {
    vault.region = unknownFact(`Velero storage location ${bsl.name} uses provider "${provider}", whose region is not catalogued`);
  }
  vault.remedies = {
    lock: `enable S3 Object Lock in COMPLIANCE mode with a default retention on bucket ${bucketName ?? "(its bucket)"} (object_lock_enabled and aws_s3_bucket_object_lock_configuration); Velero works with Object Lock on versioned buckets but cannot delete expired versions, and does not work with GCP bucket lock (https://velero.io/docs/main/backup-reference/)`,
    governanceToCompliance: `set the default retention of bucket ${bucketName ?? "(its bucket)"}'s Object Lock to COMPLIANCE mode`,
    longerLock: `raise the default retention of bucket ${bucketName ?? "(its bucket)"}'s Object Lock`,
  };
  return vault;
}

/**
 * MON-001 for Velero: failed backups reach someone when a PrometheusRule of the cluster alerts on
 * Velero's backup metrics (the velero chart's metrics.prometheusRule, off by default: values.yaml
 * line 312, research notes §2a). Without one, the finding lands on the chart's key or the server.
 */
function alertsOf(install: Install, objects: readonly K8sObject[]): void {
  const alerting = objects.some((o) => isKind(o, "monitoring.coreos.com", "PrometheusRule") && sameCluster(o, install.sample) && alertsOnVelero(o));
  const server = install.server;
  for (const { vault, bsl } of install.vaults) {
    const anchor = "metrics.prometheusRule.enabled";
    const location = server ? anchorAt(vault, anchor, server, server.release ? ["spec"] : [], ["metrics", "prometheusRule", "enabled"]) : anchorAt(vault, anchor, bsl, []);
    vault.failureAlerts = {
      enabled: alerting,
      location,
      anchor,
      observed: "no PrometheusRule in the scan alerts on Velero's backup metrics (velero_backup_failure_total, velero_backup_last_successful_timestamp)",
      fix: "enable metrics.prometheusRule in the velero chart with an alert on velero_backup_failure_total (and on velero_backup_last_successful_timestamp for backups that stop running), routed to your alert receiver",
    };
  }
}

function alertsOnVelero(rule: K8sObject): boolean {
  for (const g of listAt(rule, ["spec", "groups"])) {
    if (!isPlainObject(g) || !Array.isArray(g.rules)) continue;
    for (const r of g.rules) {
      if (!isPlainObject(r) || typeof r.alert !== "string") continue;
      const expr = typeof r.expr === "string" ? r.expr : "";
      if (FAILURE_METRICS.some((m) => expr.includes(m))) return true;
    }
  }
  return false;
}

/**
 * ENC-004: the node agent runs (file-system backup or data movement in use) and the scan creates no
 * Secret velero-repo-credentials in Velero's namespace (or creates it with the static value): Velero
 * then protects every repository with "static-passw0rd". Recorded on the default storage location.
 */
function repositorySecretOf(install: Install, objects: readonly K8sObject[]): void {
  if (install.nodeAgent !== true) return;
  const target = install.defaultVault ?? install.vaults[0]?.vault;
  if (!target) return;
  const secret = objects.find((o) => o.kind === "Secret" && o.apiVersion === "v1" && o.name === REPO_SECRET && inInstall(o, install));
  const value = secret ? secretValue(secret, "repository-password") : undefined;
  const agent = install.nodeAgentObject!;
  const location = anchorAt(target, "deployNodeAgent", agent, agent.release ? ["spec"] : [], ["deployNodeAgent"]);
  target.repositorySecret = {
    staticDefault: !secret || value === STATIC_REPO_PASSWORD,
    location,
    anchor: "deployNodeAgent",
    observed: secret
      ? `the Secret ${REPO_SECRET} in namespace ${install.namespace} sets repository-password to Velero's static default "${STATIC_REPO_PASSWORD}"`
      : `the node agent runs in namespace ${install.namespace} (file-system backup and data movement write kopia repositories), and the scan creates no Secret ${REPO_SECRET} there, so Velero creates it with the hard-coded password "${STATIC_REPO_PASSWORD}" (pkg/repository/keys/keys.go)`,
    fix: `create the Secret ${REPO_SECRET} in namespace ${install.namespace} with a random repository-password (key repository-password, e.g. from openssl rand -base64 32) before installing Velero; an existing repository keeps its password, so rotate it with the repository's own tools`,
  };
}

function secretValue(secret: K8sObject, key: string): string | undefined {
  const plain = at(secret, ["stringData", key]);
  if (typeof plain === "string") return plain;
  const b64 = at(secret, ["data", key]);
  if (typeof b64 !== "string") return undefined;
  try {
    return Buffer.from(b64, "base64").toString("utf8");
  } catch {
    return undefined;
  }
}

// ---- schedules ----------------------------------------------------------------------------------

/** Resource names Velero resolves to PersistentVolumeClaims (resource, short name, with the core group). */
const PVC_NAMES = new Set(["persistentvolumeclaims", "persistentvolumeclaim", "pvc", "persistentvolumeclaims.", "*"]);

/** Does the schedule back up PVCs at all (included/excludedResources, and the newer namespace-scoped variants)? */
function backsUpClaims(template: Plain | undefined): boolean {
  if (!isPlainObject(template)) return true;
  const included = [...stringList(template.includedResources), ...stringList(template.includedNamespaceScopedResources)].map((s) => s.toLowerCase());
  const excluded = [...stringList(template.excludedResources), ...stringList(template.excludedNamespaceScopedResources)].map((s) => s.toLowerCase());
  if (excluded.some((r) => PVC_NAMES.has(r) && r !== "*")) return false;
  return included.length === 0 || included.some((r) => PVC_NAMES.has(r));
}

/** ttl in days: the template's Go duration, else the server's --default-backup-ttl, else 720h. */
function ttlDays(schedule: K8sObject, install: Install): { days: Fact<number>; location: Location } {
  const raw = at(schedule, ["spec", "template", "ttl"]);
  const templateAt = locationOf(schedule, ["spec", "template", "ttl"]);
  if (raw !== undefined && raw !== null) {
    const hours = typeof raw === "string" ? goDurationHours(raw) : undefined;
    if (hours === undefined) return { days: unknownFact(`ttl ${JSON.stringify(raw)} of Velero schedule ${schedule.name} is not a Go duration (h, m and s only; no days or years: 720h is 30 days)`, `write the ttl in hours, e.g. "${typeof raw === "string" && /^\d+d$/.test(raw) ? `${Number(raw.slice(0, -1)) * 24}h` : "840h"}"`), location: templateAt };
    if (hours > 0) return { days: hours / 24, location: templateAt };
  }
  const flag = install.flags.get("default-backup-ttl");
  if (flag !== undefined) {
    const hours = goDurationHours(flag);
    const at0 = install.server ? locationOf(install.server, []) : schedule.location;
    if (hours === undefined) return { days: unknownFact(`--default-backup-ttl=${flag} of the Velero server is not a Go duration`), location: at0 };
    if (hours > 0) return { days: hours / 24, location: at0 };
  }
  return { days: DEFAULT_TTL_HOURS / 24, location: schedule.location };
}

/** A boolean of the template, else the server flag, else Velero's default false when the server is in the scan. */
function templateOrServer(schedule: K8sObject, field: string, flag: string, install: Install): Fact<boolean> {
  const own = boolAt(schedule, ["spec", "template", field]);
  if (own !== undefined) return own;
  const f = install.flags.get(flag);
  if (f !== undefined) return f === "true";
  return install.server ? false : unknownFact(`${field} of Velero schedule ${schedule.name} is unset, and the Velero server (whose --${flag} decides it) is not in the scan`, "scan the velero chart's values or the Velero manifests too");
}

function volumeDataOf(schedule: K8sObject, install: Install): NonNullable<BackupPlanRule["volumeData"]> {
  const snapshotVolumes = boolAt(schedule, ["spec", "template", "snapshotVolumes"]);
  const snapshots: Fact<boolean> = snapshotVolumes === false ? false : install.snapshotsAvailable;
  const fs = templateOrServer(schedule, "defaultVolumesToFsBackup", "default-volumes-to-fs-backup", install);
  const move = templateOrServer(schedule, "snapshotMoveData", "default-snapshot-move-data", install);
  // Data movement moves CSI snapshots: it needs snapshots to move.
  const moves: Fact<boolean> = move === true ? snapshots : move;
  let toStorage: Fact<boolean | "opt-in">;
  if (install.nodeAgent === false) toStorage = false;
  else if (fs === true || moves === true) toStorage = install.nodeAgent;
  else if (isUnknownFact(fs)) toStorage = fs;
  else if (isUnknownFact(moves)) toStorage = moves;
  // Opt-in pod volume backup: pods that name their volume in backup.velero.io/backup-volumes.
  else toStorage = "opt-in";
  const written = ["snapshotVolumes", "defaultVolumesToFsBackup", "snapshotMoveData"].find((f) => at(schedule, ["spec", "template", f]) !== undefined);
  const location = locationOf(schedule, written ? ["spec", "template", written] : ["spec", "template"]);
  return { snapshots, toStorage, location };
}

function scheduleMechanisms(schedule: K8sObject, install: Install): Mechanism[] {
  // A paused schedule creates no backups. https://velero.io/docs/main/api-types/schedule/
  if (boolAt(schedule, ["spec", "paused"]) === true) return [];
  const place = placeOf(schedule);
  const template = at(schedule, ["spec", "template"]);
  const location = strAt(schedule, ["spec", "template", "storageLocation"]);
  const vault = location !== undefined ? install.vaults.find((v) => v.bsl.name === location)?.vault : install.defaultVault;
  const vaultId: Fact<string> = vault ? vault.id : unknownFact(location !== undefined ? `Velero storage location ${location} is not in the scan` : `the default Velero storage location of namespace ${install.namespace} is not in the scan`);
  const ttl = ttlDays(schedule, install);
  const scheduleExpr = strAt(schedule, ["spec", "schedule"]);
  const plan: BackupPlan = {
    ...identityOf(schedule, typeOf(schedule)),
    node: "backup-plan",
    provider: "kubernetes",
    label: "Velero schedule",
    region: place.region,
    account: place.account,
    rules: [],
  };
  const scheduleAt = anchorAt(plan, "schedule", schedule, ["spec", "schedule"]);
  const ttlAnchor = anchorAt(plan, "ttl", schedule, ["spec", "template", "ttl"]);
  const rule: BackupPlanRule = {
    name: schedule.name,
    location: schedule.location,
    vaultId,
    intervalHours: scheduleExpr ? robfigIntervalHours(scheduleExpr) : unknownFact(`Velero schedule ${schedule.name} has no spec.schedule`),
    retentionDays: ttl.days,
    coldStorageAfterDays: null,
    continuous: false,
    // The copy is the data written to the storage location: its points are in that vault, under its key.
    copyActions: [
      {
        destinationRegion: vault ? vault.region : unknownFact(isUnknownFact(vaultId) ? vaultId.reason : "storage location not found"),
        destinationAccount: vault ? vault.account : null,
        retentionDays: ttl.days,
        location: vault ? vault.location : schedule.location,
        ...(vault ? { destinationVaultId: vault.id } : {}),
        retentionLocation: at(schedule, ["spec", "template", "ttl"]) !== undefined ? ttlAnchor : ttl.location,
        via: "velero-storage-location",
      },
    ],
    volumeData: volumeDataOf(schedule, install),
    retentionLocation: at(schedule, ["spec", "template", "ttl"]) !== undefined ? ttlAnchor : ttl.location,
    scheduleLocation: scheduleAt,
  };
  plan.rules.push(rule);
  if (!backsUpClaims(template)) return [plan];
  return [plan, ...selectionsOf(schedule, plan)];
}

/**
 * Selections of a schedule: labelSelector as all-conditions; orLabelSelectors as one selection per
 * selector (a resource matching any one is backed up: velero --or-selector); both at once fail
 * Velero's validation, so nothing is selected. The exclusion label is a notEquals condition.
 */
function selectionsOf(schedule: K8sObject, plan: BackupPlan): BackupSelection[] {
  const labelSelector = at(schedule, ["spec", "template", "labelSelector"]);
  const orSelectors = listAt(schedule, ["spec", "template", "orLabelSelectors"]);
  if (labelSelector !== undefined && labelSelector !== null && orSelectors.length > 0) return [];
  const groups: { selector: Plain | undefined; path: (string | number)[] }[] =
    orSelectors.length > 0 ? orSelectors.map((s, i) => ({ selector: s, path: ["spec", "template", "orLabelSelectors", i] })) : [{ selector: labelSelector ?? undefined, path: ["spec", "template", "labelSelector"] }];
  const namespaces = {
    include: stringList(at(schedule, ["spec", "template", "includedNamespaces"])),
    exclude: stringList(at(schedule, ["spec", "template", "excludedNamespaces"])),
  };
  return groups.map((g, i) => {
    const address = `${objectAddress(schedule)}${groups.length > 1 ? `#orLabelSelectors[${i}]` : "#selection"}`;
    const sel: BackupSelection = {
      ...identityOf(schedule, typeOf(schedule), address),
      node: "backup-selection",
      provider: "kubernetes",
      planId: plan.id,
      region: plan.region,
      account: plan.account,
      resources: [],
      notResources: [],
      anyTags: [],
      allConditions: [...labelCriteria(g.selector, locationOf(schedule, g.path)), { key: VELERO_EXCLUDE, value: "true", op: "notEquals", location: schedule.location }],
      namespaces,
    };
    if (schedule.cluster) sel.cluster = schedule.cluster.name;
    return sel;
  });
}

/** A Kubernetes LabelSelector (matchLabels, matchExpressions) as tag criteria, all of which must hold. https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors */
export function labelCriteria(selector: Plain | undefined, location: Location): TagCriterion[] {
  if (!isPlainObject(selector)) return [];
  const out: TagCriterion[] = Object.entries(stringMap(selector.matchLabels)).map(([key, value]) => ({ key, value, op: "equals" as const, location }));
  for (const e of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
    if (!isPlainObject(e) || typeof e.key !== "string") continue;
    const values = stringList(e.values);
    const op = e.operator === "In" ? "in" : e.operator === "NotIn" ? "notIn" : e.operator === "Exists" ? "exists" : e.operator === "DoesNotExist" ? "notExists" : undefined;
    if (op === undefined) {
      out.push({ key: e.key, value: unknownFact(`label selector operator ${String(e.operator)} is not one Kubernetes defines`), op: "equals", location });
      continue;
    }
    out.push({ key: e.key, value: values[0] ?? "", op, values, location });
  }
  return out;
}
