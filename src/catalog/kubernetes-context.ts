/**
 * Context the Kubernetes catalog reads beside the workloads: StorageClasses (encryption at rest,
 * reclaim policy), PersistentVolumes (reclaim policy, region topology), and the Terraform resources
 * of the scan that backup targets name (a Velero or CloudNativePG bucket defined as aws_s3_bucket,
 * google_storage_bucket or azurerm_storage_account): their region, account, encryption and lock.
 */
import type { BackupVault, Component, Fact } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import { at, isKind, stringMap, strAt, type K8sObject } from "./kubernetes-common.js";
import { isPlainObject } from "../helm/yaml.js";

/** Objects of the same cluster (both unnamed: the scan's one cluster). */
export function sameCluster(a: Pick<K8sObject, "cluster">, b: Pick<K8sObject, "cluster">): boolean {
  return (a.cluster?.name ?? "") === (b.cluster?.name ?? "");
}

/** Objects of the same variant: the same environment, or one of them belongs to every environment (""). */
export function sameVariant(a: Pick<K8sObject, "environment">, b: Pick<K8sObject, "environment">): boolean {
  return a.environment === b.environment || a.environment === "" || b.environment === "";
}

export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return typeof a.namespace === "string" && a.namespace === b.namespace && sameCluster(a, b) && sameVariant(a, b);
}

// ---- storage classes ---------------------------------------------------------------------------

export interface StorageFacts {
  atRest: Fact<boolean>;
  keyId?: string;
  customerManagedKey?: Fact<boolean>;
  /** The PersistentVolume keeps the disk when the claim is deleted (reclaim policy Retain). */
  retained: Fact<boolean>;
  /** The StorageClass object, when it is in the scan. */
  storageClass?: K8sObject;
}

const EBS = new Set(["ebs.csi.aws.com", "kubernetes.io/aws-ebs"]);
const GCE_PD = new Set(["pd.csi.storage.gke.io", "kubernetes.io/gce-pd"]);
const AZURE_DISK = new Set(["disk.csi.azure.com", "kubernetes.io/azure-disk"]);

/**
 * Encryption at rest of the volumes a StorageClass provisions, by provisioner:
 * - EBS: `encrypted: "true"` (with `kmsKeyId`, else the account's default EBS key); otherwise the
 *   volume is encrypted only when the account turns on EBS encryption by default, which the scan
 *   does not see: unknown. https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md,
 *   https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
 * - GCE persistent disks are always encrypted at rest (Google-managed keys unless
 *   `disk-encryption-kms-key`). https://cloud.google.com/docs/security/encryption/default-encryption,
 *   https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek
 * - Azure managed disks are always encrypted with server-side encryption (platform-managed keys unless
 *   `diskEncryptionSetID`). https://learn.microsoft.com/azure/virtual-machines/disk-encryption,
 *   https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys
 * Reclaim policy: `reclaimPolicy`, default Delete. https://kubernetes.io/docs/concepts/storage/storage-classes/#reclaim-policy
 */
export function storageClassFacts(sc: K8sObject): StorageFacts {
  const provisioner = strAt(sc, ["provisioner"]) ?? "";
  const params = stringMap(at(sc, ["parameters"]));
  const reclaim = strAt(sc, ["reclaimPolicy"]) ?? "Delete";
  const retained = reclaim === "Retain";
  const base = { retained, storageClass: sc };
  if (EBS.has(provisioner)) {
    if (params["encrypted"]?.toLowerCase() !== "true") {
      return { ...base, atRest: unknownFact(`StorageClass ${sc.name} does not set encrypted: "true": its EBS volumes are encrypted only if the account turns on EBS encryption by default`, `set parameters.encrypted: "true" (and kmsKeyId) on StorageClass ${sc.name}`) };
    }
    const key = params["kmsKeyId"];
    return key ? { ...base, atRest: true, keyId: key, customerManagedKey: !/alias\/aws\/ebs$/.test(key) } : { ...base, atRest: true, customerManagedKey: unknownFact(`StorageClass ${sc.name} names no kmsKeyId: the account's default EBS key encrypts its volumes`) };
  }
  if (GCE_PD.has(provisioner)) {
    const key = params["disk-encryption-kms-key"];
    return key ? { ...base, atRest: true, keyId: key, customerManagedKey: true } : { ...base, atRest: true, customerManagedKey: false };
  }
  if (AZURE_DISK.has(provisioner)) {
    const set = params["diskEncryptionSetID"] ?? params["diskencryptionsetid"];
    return set ? { ...base, atRest: true, keyId: set, customerManagedKey: true } : { ...base, atRest: true, customerManagedKey: false };
  }
  return { ...base, atRest: unknownFact(`encryption of volumes provisioned by ${provisioner || "an unnamed provisioner"} (StorageClass ${sc.name}) is not catalogued`) };
}

/** StorageClasses per cluster: by name, and the default class (annotation storageclass.kubernetes.io/is-default-class). */
export class StorageClasses {
  private readonly classes: K8sObject[];

  constructor(objects: readonly K8sObject[]) {
    this.classes = objects.filter((o) => isKind(o, "storage.k8s.io", "StorageClass"));
  }

  /**
   * Facts for a claim's storageClassName: a named class, the cluster's default class when the claim
   * names none (https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class-1), unknown
   * when the class is not in the scan, or when `""` asks for a pre-provisioned volume.
   */
  factsFor(className: string | undefined, of: K8sObject): StorageFacts {
    const here = this.classes.filter((sc) => sameCluster(sc, of) && (sc.environment === "" || sc.environment === of.environment));
    if (className === "") return { atRest: unknownFact(`storageClassName "" binds a pre-provisioned PersistentVolume, whose encryption is not in the scan`), retained: unknownFact("the reclaim policy of a pre-provisioned PersistentVolume is not in the scan") };
    const sc =
      className === undefined
        ? here.find((c) => c.annotations["storageclass.kubernetes.io/is-default-class"] === "true" || c.annotations["storageclass.beta.kubernetes.io/is-default-class"] === "true")
        : here.find((c) => c.name === className);
    if (sc) return storageClassFacts(sc);
    const which = className === undefined ? "the cluster's default StorageClass" : `StorageClass ${className}`;
    return {
      atRest: unknownFact(`${which} is not in the scan, so whether its volumes are encrypted is unknown`, "scan the StorageClass manifests too"),
      retained: unknownFact(`${which} is not in the scan, so its reclaim policy is unknown`, "scan the StorageClass manifests too"),
    };
  }
}

// ---- persistent volumes ------------------------------------------------------------------------

/** Region topology keys of a PersistentVolume's node affinity. https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesioregion */
const REGION_KEYS = new Set(["topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region"]);

export interface BoundVolume {
  pv: K8sObject;
  region?: string;
  retained: boolean;
}

/** PersistentVolumes of the scan bound to a claim (spec.claimRef), with their region topology and reclaim policy. */
export class PersistentVolumes {
  private readonly byClaim = new Map<string, BoundVolume>();

  constructor(objects: readonly K8sObject[]) {
    for (const pv of objects) {
      if (pv.kind !== "PersistentVolume" || pv.apiVersion !== "v1") continue;
      const ns = strAt(pv, ["spec", "claimRef", "namespace"]);
      const name = strAt(pv, ["spec", "claimRef", "name"]);
      if (!ns || !name) continue;
      const region = regionOfAffinity(pv) ?? pv.labels["topology.kubernetes.io/region"];
      // Statically created volumes default to Retain. https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming
      const retained = (strAt(pv, ["spec", "persistentVolumeReclaimPolicy"]) ?? "Retain") === "Retain";
      this.byClaim.set(`${pv.cluster?.name ?? ""}\u0000${ns}\u0000${name}`, { pv, ...(region ? { region } : {}), retained });
    }
  }

  boundTo(of: K8sObject, claim: string): BoundVolume | undefined {
    return typeof of.namespace === "string" ? this.byClaim.get(`${of.cluster?.name ?? ""}\u0000${of.namespace}\u0000${claim}`) : undefined;
  }
}

function regionOfAffinity(pv: K8sObject): string | undefined {
  const terms = at(pv, ["spec", "nodeAffinity", "required", "nodeSelectorTerms"]);
  if (!Array.isArray(terms)) return undefined;
  for (const t of terms) {
    if (!isPlainObject(t) || !Array.isArray(t.matchExpressions)) continue;
    for (const e of t.matchExpressions) {
      if (!isPlainObject(e) || typeof e.key !== "string" || !REGION_KEYS.has(e.key) || e.operator !== "In" || !Array.isArray(e.values)) continue;
      if (e.values.length === 1 && typeof e.values[0] === "string") return e.values[0];
    }
  }
  return undefined;
}

// ---- buckets of the scan -----------------------------------------------------------------------

export type BucketKind = "s3" | "gcs" | "azure";

const BUCKET_TYPES: Readonly<Record<BucketKind, string>> = { s3: "aws_s3_bucket", gcs: "google_storage_bucket", azure: "azurerm_storage_account" };

/** Terraform buckets (and Azure storage accounts) of the scan, by the literal name backups use. */
export class Buckets {
  constructor(private readonly terraform: readonly Component[]) {}

  /** The one bucket of that name; undefined when none or several (ambiguous names decide nothing). */
  find(kind: BucketKind, name: string | undefined): Component | undefined {
    if (!name) return undefined;
    const type = BUCKET_TYPES[kind];
    const found = this.terraform.filter((c) => c.type === type && (c.names ?? (typeof c.arnParts?.name === "string" ? [c.arnParts.name] : [])).includes(name));
    return found.length === 1 ? found[0] : undefined;
  }
}

/** A bucket's WORM protection as a vault lock (S3 Object Lock, a locked Azure immutability policy). */
export function lockOfBucket(bucket: Component | undefined): BackupVault["lock"] | undefined {
  const ol = bucket?.objectLock;
  if (!ol || ol.enabled === false) return undefined;
  const mode: Fact<"governance" | "compliance"> = isUnknownFact(ol.enabled)
    ? ol.enabled
    : ol.mode === undefined || isUnknownFact(ol.mode)
      ? (ol.mode ?? unknownFact(`the lock mode of ${bucket!.address} is not known`))
      : ol.mode.toUpperCase() === "COMPLIANCE"
        ? "compliance"
        : "governance";
  const lock: NonNullable<BackupVault["lock"]> = { mode, minRetentionDays: ol.retentionDays ?? null, maxRetentionDays: null, location: ol.location };
  if (ol.modeLocation) lock.modeLocation = ol.modeLocation;
  if (ol.retentionLocation) lock.minRetentionLocation = ol.retentionLocation;
  return lock;
}

/** An S3 endpoint's region (`https://s3.eu-west-1.amazonaws.com`, `s3-eu-west-1.amazonaws.com`, `s3.dualstack.us-east-2.amazonaws.com`). https://docs.aws.amazon.com/general/latest/gr/s3.html */
export function regionOfS3Endpoint(endpoint: string): string | undefined {
  const host = endpoint.replace(/^[a-z]+:\/\//i, "").split(/[/:]/)[0]!.toLowerCase();
  const m = /^(?:[^.]+\.)?s3[.-](?:dualstack\.|fips\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(host);
  return m?.[1];
}

/** An endpoint inside the cluster (`http://minio.minio.svc:9000`, `minio.backup.svc.cluster.local`): the backups stay in the cluster. */
export function isInClusterEndpoint(endpoint: string): boolean {
  const host = endpoint.replace(/^[a-z]+:\/\//i, "").split(/[/:]/)[0]!.toLowerCase();
  return host.endsWith(".svc") || host.endsWith(".svc.cluster.local") || host.endsWith(".cluster.local") || !host.includes(".");
}

export function isAwsEndpoint(endpoint: string): boolean {
  const host = endpoint.replace(/^[a-z]+:\/\//i, "").split(/[/:]/)[0]!.toLowerCase();
  return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn");
}
