/**
 * Components of Kubernetes (issue 6, Deliver 2 and 3): what holds data worth restoring.
 * - A StatefulSet with volumeClaimTemplates: one component, its data the PVCs `<vct>-<sts>-<i>`.
 * - A PersistentVolumeClaim (mounted by a Deployment, a Pod..., or by nothing: still data), and a
 *   claim a workload mounts that the scan does not define (a chart's `existingClaim`).
 * - A CloudNativePG Cluster (postgresql.cnpg.io/v1): a database whose PVCs carry cnpg.io/cluster.
 * - A workload running a known data store with no claim at all: its data lives in an emptyDir (or
 *   the container's own filesystem) and is lost when the pod goes (`ephemeralStorage`).
 * PersistentVolumes and StorageClasses are context (reclaim policy, region topology, encryption).
 * Read replicas (a StatefulSet of a chart's read replicas) are not components: the primary is.
 */
import type { Component, ComponentKind, Fact, Remedies } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import { and3 } from "../graph/arn.js";
import { objectAddress } from "../helm/objects.js";
import { isPlainObject } from "../helm/yaml.js";
import {
  anchorAt,
  at,
  engineOf,
  identityOf,
  isKind,
  listAt,
  locationOf,
  placeOf,
  podMetadata,
  podSpecPath,
  podVolumesOf,
  strAt,
  stringMap,
  typeOf,
  type Engine,
  type K8sObject,
} from "./kubernetes-common.js";
import { sameNamespace, type PersistentVolumes, type StorageClasses, type StorageFacts } from "./kubernetes-context.js";

/** Annotation (or label) by which chart knowledge marks the workload of a chart's read replicas: not a component of its own. */
export const REPLICA_OF = "restorable.dev/replica-of";
/** The annotation that classifies Kubernetes objects (SPEC section 3). */
export const DATA_CLASS = "restorable.dev/data-class";
/** Velero skips any resource with this label (since v1.2 also PVCs brought in by a pod). https://velero.io/docs/main/resource-filtering/#veleroioexclude-from-backuptrue */
export const VELERO_EXCLUDE = "velero.io/exclude-from-backup";
/** k8up skips a PVC whose annotation does not read as true (strconv.ParseBool). operator/backupcontroller/executor.go listAndFilterPVCs */
export const K8UP_BACKUP = "k8up.io/backup";
/** Annotation by which chart knowledge says the database encrypts its data itself (MariaDB TDE). */
export const ENCRYPTION_AT_REST = "restorable.dev/encryption-at-rest";

/** `app.kubernetes.io/component` values of read replicas, and of the primaries they follow (bitnami charts: primary/read, primary/secondary, master/replica). */
const REPLICA_COMPONENTS = new Set(["read", "secondary", "replica", "replicas", "slave"]);
const PRIMARY_COMPONENTS = new Set(["primary", "master"]);

export interface WorkloadContext {
  storage: StorageClasses;
  volumes: PersistentVolumes;
  /** Claims that hold backups (a chart's dump PVC, a dump CronJob's target): not data of their own. */
  isBackupTarget(o: K8sObject, claim: string): boolean;
}

/** Facts kept beside each component for the mechanisms (which object it is, its namespace scope). */
export interface KubernetesComponent {
  component: Component;
  object: K8sObject;
  /** The data store it runs (postgresql, mongodb...), when known from an image. */
  engine?: string;
}

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet"]);

export function workloadComponents(objects: readonly K8sObject[], ctx: WorkloadContext): KubernetesComponent[] {
  const out: KubernetesComponent[] = [];
  const workloads = objects.filter((o) => WORKLOAD_KINDS.has(o.kind) && podSpecPath(o) !== undefined && !ownedByAnother(o, objects));
  const pvcs = objects.filter((o) => o.kind === "PersistentVolumeClaim" && o.apiVersion === "v1");
  const mounting = new Map<K8sObject, K8sObject[]>();
  const claimsNotInScan = new Map<string, { claim: string; workload: K8sObject; volumePath: (string | number)[] }>();

  for (const w of workloads) {
    if (isReadReplica(w, workloads)) continue;
    const vcts = w.kind === "StatefulSet" ? listAt(w, ["spec", "volumeClaimTemplates"]).filter(isPlainObject) : [];
    if (vcts.length > 0) {
      out.push(statefulSetComponent(w, ctx));
      continue;
    }
    const claims = podVolumesOf(w).filter((v) => v.claimName !== undefined && !ctx.isBackupTarget(w, v.claimName));
    for (const v of claims) {
      const pvc = pvcs.find((p) => p.name === v.claimName && sameNamespace(p, w));
      if (pvc) (mounting.get(pvc) ?? mounting.set(pvc, []).get(pvc)!).push(w);
      else {
        const key = `${w.cluster?.name ?? ""}\u0000${w.environment}\u0000${String(w.namespace)}\u0000${v.claimName}`;
        if (!claimsNotInScan.has(key)) claimsNotInScan.set(key, { claim: v.claimName!, workload: w, volumePath: [...v.path] });
      }
    }
    if (claims.length === 0 && w.kind !== "DaemonSet") {
      const ephemeral = ephemeralComponent(w);
      if (ephemeral) out.push(ephemeral);
    }
  }
  for (const pvc of pvcs) {
    if (ctx.isBackupTarget(pvc, pvc.name)) continue;
    out.push(claimComponent(pvc, mounting.get(pvc) ?? [], ctx));
  }
  for (const { claim, workload, volumePath } of claimsNotInScan.values()) out.push(unlistedClaimComponent(claim, workload, volumePath, ctx));
  for (const o of objects) if (isKind(o, "postgresql.cnpg.io", "Cluster")) out.push(cnpgClusterComponent(o, ctx));
  return out;
}

/** A Pod or ReplicaSet that a Deployment, StatefulSet... of the scan owns is judged through its owner. */
function ownedByAnother(o: K8sObject, objects: readonly K8sObject[]): boolean {
  const owners = at(o, ["metadata", "ownerReferences"]);
  if (!Array.isArray(owners)) return false;
  return owners.some((r) => isPlainObject(r) && typeof r.kind === "string" && typeof r.name === "string" && objects.some((x) => x.kind === r.kind && x.name === r.name && sameNamespace(x, o)));
}

/**
 * A read replica: marked by chart knowledge (`restorable.dev/replica-of`), or a StatefulSet whose
 * `app.kubernetes.io/component` is a replica role while a primary of the same instance exists
 * beside it (bitnami postgresql `read`, mysql/mariadb `secondary`, redis `replica`).
 */
export function isReadReplica(o: K8sObject, workloads: readonly K8sObject[]): boolean {
  if (o.annotations[REPLICA_OF] !== undefined || o.labels[REPLICA_OF] !== undefined) return true;
  const role = o.labels["app.kubernetes.io/component"];
  const instance = o.labels["app.kubernetes.io/instance"];
  if (!role || !instance || !REPLICA_COMPONENTS.has(role)) return false;
  return workloads.some(
    (w) =>
      w !== o &&
      sameNamespace(w, o) &&
      w.labels["app.kubernetes.io/instance"] === instance &&
      w.labels["app.kubernetes.io/name"] === o.labels["app.kubernetes.io/name"] &&
      PRIMARY_COMPONENTS.has(w.labels["app.kubernetes.io/component"] ?? ""),
  );
}

// ---- builders ----------------------------------------------------------------------------------

function baseComponent(o: K8sObject, address: string, type: string, kind: ComponentKind, backupCapable: boolean): Component {
  const place = placeOf(o);
  const c: Component = {
    ...identityOf(o, type, address),
    node: "component",
    provider: "kubernetes",
    kind,
    backupCapable,
    region: place.region,
    account: place.account,
    tags: {},
    namespace: o.namespace,
    arn: unknownFact("Kubernetes objects have no ARN"),
    // Kubernetes keeps no backups of its own: every stream comes from a backup tool (Velero, k8up, an operator, a chart job).
    nativeBackup: { enabled: false, retentionDays: null, pointInTime: false, frequencyHours: unknownFact("Kubernetes keeps no backups of its own") },
    encryption: { atRest: unknownFact(`encryption of ${address} is decided by its StorageClass`) },
    copies: [],
    // Velero snapshots keep the volume's encryption; what lands in a storage location is under that bucket's key.
    backupEncryption: "vault",
    deletionProtection: unknownFact(`deletion protection of ${address} is not catalogued`),
    backupsSurviveDeletion: unknownFact("backups of Kubernetes data live in their backup tool, not in the object"),
    coveredWith: [],
  };
  if (place.cluster !== undefined) c.cluster = place.cluster;
  return c;
}

/**
 * Labels a backup tool matches for the component: the PVCs' own labels, and the labels of the pods
 * that mount them, since Velero backs up the PVCs of every pod it selects
 * (pkg/backup/actions/pod_action.go: "when a pod is backed up, all referenced PVCs are backed up too").
 * The exclusion label counts only on the PVC: Velero honours it on each item. The class annotation
 * and k8up's backup annotation are read from every object the data belongs to.
 */
function tagsOf(pvcLabels: Record<string, string>, podLabels: Record<string, string>, annotated: readonly Record<string, string>[], k8upAnnotations: readonly Record<string, string>[]): Record<string, Fact<string>> {
  const pod = { ...podLabels };
  delete pod[VELERO_EXCLUDE];
  const tags: Record<string, Fact<string>> = { ...pod, ...pvcLabels };
  const dataClass = annotated.map((a) => a[DATA_CLASS]).find((v) => v !== undefined);
  if (dataClass !== undefined && tags[DATA_CLASS] === undefined) tags[DATA_CLASS] = dataClass;
  const k8up = k8upAnnotations.map((a) => a[K8UP_BACKUP]).find((v) => v !== undefined);
  if (k8up !== undefined) tags[K8UP_BACKUP] = parseGoBool(k8up) ? "true" : "false";
  return tags;
}

/** strconv.ParseBool: 1, t, T, TRUE, true, True are true; anything else k8up treats as "do not back up". */
function parseGoBool(v: string): boolean {
  return ["1", "t", "T", "TRUE", "true", "True"].includes(v);
}

function applyStorage(c: Component, facts: StorageFacts): void {
  c.encryption = { atRest: facts.atRest, ...(facts.keyId !== undefined ? { keyId: facts.keyId } : {}), ...(facts.customerManagedKey !== undefined ? { customerManagedKey: facts.customerManagedKey } : {}) };
}

function combinedStorage(list: StorageFacts[]): StorageFacts {
  if (list.length === 1) return list[0]!;
  const atRest = and3(...list.map((f) => f.atRest));
  const cmk = list.map((f) => f.customerManagedKey).filter((x): x is Fact<boolean> => x !== undefined);
  return { atRest, retained: and3(...list.map((f) => f.retained)), ...(cmk.length === list.length ? { customerManagedKey: and3(...cmk) } : {}) };
}

function regionFromVolume(c: Component, ctx: WorkloadContext, o: K8sObject, claims: string[]): void {
  if (!isUnknownFact(c.region)) return;
  for (const claim of claims) {
    const pv = ctx.volumes.boundTo(o, claim);
    if (pv?.region) {
      c.region = pv.region;
      return;
    }
  }
}

function fsOptIn(podAnnotations: Record<string, string>, volumeNames: readonly string[]): boolean {
  // Velero's opt-in annotation names the pod volumes to back up with file-system backup. https://velero.io/docs/main/file-system-backup/#using-opt-in-pod-volume-backup
  const listed = (podAnnotations["backup.velero.io/backup-volumes"] ?? "").split(",").map((s) => s.trim());
  return volumeNames.some((n) => listed.includes(n));
}

function statefulSetComponent(o: K8sObject, ctx: WorkloadContext): KubernetesComponent {
  const found = engineOf(o);
  const c = baseComponent(o, objectAddress(o), typeOf(o), found?.engine.kind ?? "volume", found?.engine.backupCapable ?? true);
  const vcts = listAt(o, ["spec", "volumeClaimTemplates"]).filter(isPlainObject);
  const names = vcts.map((v) => (isPlainObject(v.metadata) && typeof v.metadata.name === "string" ? v.metadata.name : "")).filter(Boolean);
  const pod = podMetadata(o);
  // PVCs of a StatefulSet carry its selector's matchLabels merged into the template's labels (StatefulSet controller, getPersistentVolumeClaims).
  const selector = stringMap(at(o, ["spec", "selector", "matchLabels"]));
  const vctLabels = Object.assign({}, ...vcts.map((v) => stringMap(isPlainObject(v.metadata) ? v.metadata.labels : undefined))) as Record<string, string>;
  const vctAnnotations = vcts.map((v) => stringMap(isPlainObject(v.metadata) ? v.metadata.annotations : undefined));
  c.tags = tagsOf({ ...vctLabels, ...selector }, pod.labels, [o.annotations, pod.annotations, ...vctAnnotations], vctAnnotations);
  c.backupResourceType = "PersistentVolumeClaim";
  c.fsBackupOptIn = fsOptIn(pod.annotations, names);
  const storage = combinedStorage(vcts.map((v) => ctx.storage.factsFor(isPlainObject(v.spec) && typeof v.spec.storageClassName === "string" ? v.spec.storageClassName : undefined, o)));
  applyStorage(c, storage);
  // Chart knowledge marks a database that encrypts its own files (MariaDB TDE, src/catalog/charts/mariadb.ts): its volumes and their snapshots hold ciphertext.
  if (o.annotations[ENCRYPTION_AT_REST] === "tde") c.encryption.atRest = true;
  // PVCs outlive their StatefulSet unless persistentVolumeClaimRetentionPolicy.whenDeleted is Delete (default Retain).
  // https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention
  const whenDeleted = strAt(o, ["spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"]) ?? "Retain";
  c.deletionProtection = whenDeleted === "Delete" ? false : true;
  if (whenDeleted === "Delete") c.deletionProtectionAnchor = "persistentVolumeClaimRetentionPolicy";
  if (whenDeleted === "Delete") anchorAt(c, "persistentVolumeClaimRetentionPolicy", o, ["spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"]);
  if (o.release) {
    anchorAt(c, "persistence", o, ["spec", "volumeClaimTemplates", 0]);
    c.nativeBackup.anchor = "persistence";
  }
  regionFromVolume(c, ctx, o, names.map((n) => `${n}-${o.name}-0`));
  c.remedies = workloadRemedies(o, c);
  return withEngine({ component: c, object: o }, found?.engine);
}

function withEngine(kc: KubernetesComponent, engine: Engine | undefined): KubernetesComponent {
  return engine ? { ...kc, engine: engine.engine } : kc;
}

function claimComponent(pvc: K8sObject, mountedBy: readonly K8sObject[], ctx: WorkloadContext): KubernetesComponent {
  const mounted = mountedBy.map((w) => ({ w, found: engineOf(w) })).find((x) => x.found);
  const c = baseComponent(pvc, objectAddress(pvc), "PersistentVolumeClaim", mounted?.found?.engine.kind ?? "volume", mounted?.found?.engine.backupCapable ?? true);
  const pods = mountedBy.map(podMetadata);
  c.tags = tagsOf(pvc.labels, Object.assign({}, ...pods.map((p) => p.labels)) as Record<string, string>, [pvc.annotations, ...mountedBy.map((w) => w.annotations), ...pods.map((p) => p.annotations)], [pvc.annotations]);
  c.backupResourceType = "PersistentVolumeClaim";
  c.fsBackupOptIn = mountedBy.some((w, i) => fsOptIn(pods[i]!.annotations, podVolumesOf(w).filter((v) => v.claimName === pvc.name).map((v) => v.name)));
  const storage = ctx.storage.factsFor(strAt(pvc, ["spec", "storageClassName"]), pvc);
  applyStorage(c, storage);
  const bound = ctx.volumes.boundTo(pvc, pvc.name);
  c.deletionProtection = bound ? bound.retained : storage.retained;
  if (bound?.region && isUnknownFact(c.region)) c.region = bound.region;
  if (pvc.release) {
    anchorAt(c, "persistence", pvc, ["spec"]);
    c.nativeBackup.anchor = "persistence";
  }
  const access = at(pvc, ["spec", "accessModes"]);
  if (Array.isArray(access)) c.attributes = { accessModes: access.filter((x) => typeof x === "string").join(",") };
  c.remedies = workloadRemedies(mounted?.w ?? pvc, c);
  return withEngine({ component: c, object: pvc }, mounted?.found?.engine);
}

/** A claim a workload mounts that the scan does not define (a chart's existingClaim): its own labels are not known, the pod's are. */
function unlistedClaimComponent(claim: string, w: K8sObject, volumePath: (string | number)[], ctx: WorkloadContext): KubernetesComponent {
  const found = engineOf(w);
  const address = objectAddress({ kind: "PersistentVolumeClaim", namespace: w.namespace, name: claim });
  const c = baseComponent(w, address, "PersistentVolumeClaim", found?.engine.kind ?? "volume", found?.engine.backupCapable ?? true);
  const pod = podMetadata(w);
  c.tags = tagsOf({}, pod.labels, [w.annotations, pod.annotations], []);
  c.backupResourceType = "PersistentVolumeClaim";
  const volumeName = podVolumesOf(w).find((v) => v.claimName === claim)?.name;
  c.fsBackupOptIn = volumeName !== undefined && fsOptIn(pod.annotations, [volumeName]);
  c.location = locationOf(w, volumePath);
  anchorAt(c, "persistence", w, volumePath);
  c.nativeBackup.anchor = "persistence";
  c.encryption = { atRest: unknownFact(`PersistentVolumeClaim ${claim} is not in the scan, so its StorageClass and encryption are unknown`, "scan the manifest that creates the claim") };
  const bound = ctx.volumes.boundTo(w, claim);
  if (bound) c.deletionProtection = bound.retained;
  if (bound?.region && isUnknownFact(c.region)) c.region = bound.region;
  c.remedies = workloadRemedies(w, c);
  return withEngine({ component: c, object: w }, found?.engine);
}

/** A known data store with no claim: its data is in an emptyDir (persistence off) or the container's filesystem. */
function ephemeralComponent(w: K8sObject): KubernetesComponent | undefined {
  const found = engineOf(w);
  if (!found) return undefined;
  const c = baseComponent(w, objectAddress(w), typeOf(w), found.engine.kind, found.engine.backupCapable);
  const pod = podMetadata(w);
  c.tags = tagsOf({}, pod.labels, [w.annotations, pod.annotations], []);
  const emptyDir = podVolumesOf(w).find((v) => v.emptyDir);
  const location = emptyDir ? anchorAt(c, "persistence", w, [...emptyDir.path]) : w.release ? anchorAt(c, "persistence", w, ["spec"]) : w.location;
  c.ephemeralStorage = { location, anchor: emptyDir || w.release ? "persistence" : "" };
  c.encryption = { atRest: unknownFact(`${c.address} keeps its data in an emptyDir on the node`) };
  c.remedies = workloadRemedies(w, c);
  return withEngine({ component: c, object: w }, found.engine);
}

function cnpgClusterComponent(o: K8sObject, ctx: WorkloadContext): KubernetesComponent {
  const c = baseComponent(o, objectAddress(o), typeOf(o), "database", true);
  // CloudNativePG labels every pod and PVC of the cluster cnpg.io/cluster=<name>, and copies
  // spec.inheritedMetadata to them. https://cloudnative-pg.io/documentation/current/labels_annotations/
  const inherited = { labels: stringMap(at(o, ["spec", "inheritedMetadata", "labels"])), annotations: stringMap(at(o, ["spec", "inheritedMetadata", "annotations"])) };
  c.tags = tagsOf({ ...inherited.labels, "cnpg.io/cluster": o.name }, {}, [o.annotations, inherited.annotations], [inherited.annotations]);
  c.backupResourceType = "PersistentVolumeClaim";
  c.fsBackupOptIn = false;
  const className = strAt(o, ["spec", "storage", "storageClass"]) ?? strAt(o, ["spec", "storage", "pvcTemplate", "storageClassName"]);
  applyStorage(c, ctx.storage.factsFor(className, o));
  if (o.release) {
    anchorAt(c, "storage", o, ["spec", "storage"]);
    c.nativeBackup.anchor = "storage";
  }
  c.remedies = workloadRemedies(o, c);
  return withEngine({ component: c, object: o }, { engine: "postgresql", kind: "database", backupCapable: true });
}

// ---- remedies ----------------------------------------------------------------------------------

/**
 * Built-in backup switches of charts, from the research notes (bitnami/charts values.yaml):
 * postgresql `backup.enabled` (line 1320), postgresql-ha `backup.enabled` (2174), mongodb
 * `backup.enabled` (1390), etcd `disasterRecovery.enabled` (864), opensearch `snapshots.enabled` (3518).
 */
const CHART_BACKUP_KEYS: Readonly<Record<string, string>> = {
  postgresql: "backup.enabled: true (a pg_dumpall CronJob)",
  "postgresql-ha": "backup.enabled: true (a pg_dumpall CronJob)",
  mongodb: "backup.enabled: true (a mongodump CronJob)",
  etcd: "disasterRecovery.enabled: true (an etcd snapshot CronJob)",
  opensearch: "snapshots.enabled: true (snapshot management)",
};

function namespaceText(c: Component): string {
  return typeof c.namespace === "string" ? `namespace ${c.namespace}` : "its namespace";
}

export const K8S_RESTORE_TESTING =
  "restore its backups into a scratch namespace on a schedule (velero restore create with --namespace-mappings, or a CloudNativePG Cluster bootstrapped from its backups) and record each test in .restorable.yml with an ignore of RTS-001 whose reason names the test and whose expires: is the next test date";

function workloadRemedies(o: K8sObject, c: Component): Remedies {
  const ns = namespaceText(c);
  const chart = o.release?.chart.name;
  const chartKey = chart ? CHART_BACKUP_KEYS[chart.split("/").pop() ?? chart] : undefined;
  const cnpg = isKind(o, "postgresql.cnpg.io", "Cluster");
  const velero = `add a Velero Schedule (velero.io/v1) whose template.includedNamespaces includes ${typeof c.namespace === "string" ? c.namespace : "its namespace"} and that snapshots its volumes or backs them up with file-system backup, or a k8up Schedule in ${ns}`;
  const enableBackup = cnpg
    ? `configure spec.backup.barmanObjectStore (or the Barman Cloud plugin) with WAL archiving and add a ScheduledBackup (postgresql.cnpg.io/v1) with spec.cluster.name: ${o.name}, or ${velero}`
    : chartKey
      ? `${velero}, or set ${chartKey} in the chart's values`
      : velero;
  return {
    enableBackup,
    crossRegionCopy: cnpg
      ? "point its barmanObjectStore destinationPath at a bucket in another region than the cluster"
      : "store its backups in a Velero BackupStorageLocation whose bucket is in another region than the cluster, with file-system backup or snapshotMoveData so the volume data lands there (volume snapshots stay in the cluster's region)",
    longerRetention: cnpg ? "set the CloudNativePG retentionPolicy to a longer recovery window (e.g. \"400d\")" : "back it up with a Velero schedule whose template.ttl keeps backups (in hours: 840h is 35 days)",
    crossAccountCopy: "store its backups in a bucket of another account (project, subscription) than the cluster's",
    moreFrequent: cnpg ? "schedule its ScheduledBackup more often, and archive WAL for point-in-time recovery" : "schedule the backup that covers it more often (spec.schedule, a cron expression)",
    customerManagedKey: cnpg
      ? "encrypt its object store bucket with a customer managed key (bucket default encryption with a KMS key, and encryption: aws:kms for wal and data)"
      : "set config.kmsKeyId (AWS) or kmsKeyName (GCP) on the Velero BackupStorageLocation, and encrypt its StorageClass with a customer managed key (kmsKeyId on an ebs.csi.aws.com StorageClass)",
    encryptBackups: cnpg
      ? "set wal.encryption and data.encryption of its barmanObjectStore to AES256 or aws:kms, or give the bucket a default encryption"
      : "write the backups to a PVC of an encrypted StorageClass (parameters.encrypted: \"true\" with a kmsKeyId on ebs.csi.aws.com) or to a bucket with default encryption, or back it up with Velero file-system backup, which encrypts what it stores in its repository",
    deletionProtection: "set reclaimPolicy: Retain on its StorageClass (or persistentVolumeReclaimPolicy: Retain on its PersistentVolume), so the disk survives the deletion of the claim",
    immutability:
      "store its backups in a bucket with S3 Object Lock in COMPLIANCE mode (Velero works with Object Lock on versioned buckets, but cannot delete expired versions: https://velero.io/docs/main/backup-reference/) and back it up there",
    restoreTesting: K8S_RESTORE_TESTING,
  };
}
