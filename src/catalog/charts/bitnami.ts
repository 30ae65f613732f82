/**
 * What every Bitnami chart renders the same way, from bitnami/common (bitnami/charts
 * `bitnami/common/templates`): names, labels, storage classes, images, and the data volume of a
 * stateful workload (a volumeClaimTemplate, a chart-made PVC, an existing claim, or an emptyDir
 * when persistence is off). Chart files describe their workloads with `WorkloadSpec`; this file
 * turns a spec into the objects `helm template` would print, with field provenance.
 */
import type { HelmRelease, K8sObject } from "../../helm/types.js";
import type { Plain, YamlPath } from "../../helm/yaml.js";
import { compact, FieldMap, nonEmpty, objectOf } from "./fields.js";
import { chartNameOf, dnsName, ValuesReader } from "./template.js";

/**
 * Annotation rendered on a workload that only replicates another one (PostgreSQL read replicas,
 * MySQL/MariaDB secondaries, Redis replicas): its value is `Kind/name` of the primary in the
 * same namespace. Read replicas are not components of their own (SPEC section 1); the catalog
 * folds them into the primary.
 */
export const REPLICA_OF = "restorable.dev/replica-of";

/** The Bitnami helpers of one release of one chart. */
/**
 * The values every Bitnami chart declares through bitnami/common: registries and storage classes
 * under `global`, name overrides, common labels and annotations. A fresh object on each call, so a
 * chart's defaults never share a nested object with another's.
 */
export function bitnamiCommonValues() {
  return {
    global: { imageRegistry: "", storageClass: "", defaultStorageClass: "" },
    nameOverride: "",
    fullnameOverride: "",
    namespaceOverride: "",
    commonLabels: {},
    commonAnnotations: {},
  };
}

export class Bitnami {
  readonly v: ValuesReader;

  /** `.Chart.Name`: the chart's own name (`postgresql`), or the dependency alias it is installed under. */
  readonly chart: string;

  constructor(
    readonly release: HelmRelease,
    chart: string,
  ) {
    this.v = new ValuesReader(release);
    this.chart = chartNameOf(release, chart);
  }

  /** `common.names.name`: nameOverride, else the chart name (bitnami/common _names.tpl). */
  name(): string {
    return dnsName(this.v.stringOr(["nameOverride"], this.chart));
  }

  /**
   * `common.names.fullname` (bitnami/common _names.tpl): fullnameOverride; else the release name
   * when it contains the chart name (or nameOverride); else `<release>-<name>`.
   */
  fullname(): string {
    if (this.v.truthy(["fullnameOverride"])) return dnsName(this.v.string(["fullnameOverride"]));
    const name = this.v.stringOr(["nameOverride"], this.chart);
    return dnsName(this.release.name.includes(name) ? this.release.name : `${this.release.name}-${name}`);
  }

  /** The values key a name comes from, when the user decided it. */
  namePath(): YamlPath | undefined {
    if (this.v.truthy(["fullnameOverride"])) return ["fullnameOverride"];
    if (this.v.truthy(["nameOverride"])) return ["nameOverride"];
    return undefined;
  }

  /**
   * `metadata.namespace` as the template writes it: `common.names.namespace` (namespaceOverride,
   * else the release namespace) where the template uses it, `.Release.Namespace` where it does not.
   * Undefined when the release namespace is unknown (the object then takes the release's fact).
   */
  namespace(honoursOverride = true): string | undefined {
    if (honoursOverride && this.v.truthy(["namespaceOverride"])) return dnsName(this.v.string(["namespaceOverride"]));
    return typeof this.release.namespace === "string" ? this.release.namespace : undefined;
  }

  namespacePath(honoursOverride = true): YamlPath | undefined {
    return honoursOverride && this.v.truthy(["namespaceOverride"]) ? ["namespaceOverride"] : undefined;
  }

  /**
   * `common.labels.standard` with custom labels merged over it (bitnami/common _labels.tpl:
   * `merge customLabels standard`, the first dict wins): name, instance, managed-by and, when the
   * chart version is known, helm.sh/chart.
   */
  standardLabels(custom: Record<string, string> = {}): Record<string, string> {
    const version = this.release.chart.version;
    const standard: Record<string, string> = {
      "app.kubernetes.io/name": this.name(),
      ...(version && /^\d+\.\d+\.\d+/.test(version) ? { "helm.sh/chart": dnsName(`${this.chart}-${version}`.replace(/\+/g, "_")) } : {}),
      "app.kubernetes.io/instance": this.release.name,
      "app.kubernetes.io/managed-by": "Helm",
    };
    return { ...standard, ...custom };
  }

  /** `common.labels.matchLabels`: name and instance, which custom labels may override (bitnami/common _labels.tpl). */
  matchLabels(custom: Record<string, string> = {}): Record<string, string> {
    const picked: Record<string, string> = {};
    for (const k of ["app.kubernetes.io/name", "app.kubernetes.io/instance"]) if (custom[k] !== undefined) picked[k] = custom[k]!;
    return { "app.kubernetes.io/name": this.name(), "app.kubernetes.io/instance": this.release.name, ...picked };
  }

  /**
   * Custom labels merged from several values maps (`common.tplvalues.merge`, first wins), with
   * where each key comes from.
   */
  customLabels(paths: readonly YamlPath[]): { labels: Record<string, string>; sources: { path: YamlPath; value: Record<string, string> }[] } {
    const sources = paths.map((path) => ({ path, value: this.v.stringMap(path) }));
    const labels: Record<string, string> = {};
    for (const s of [...sources].reverse()) Object.assign(labels, s.value);
    return { labels, sources };
  }

  /**
   * `common.storage.class` (bitnami/common _storage.tpl): global.storageClass wins over the
   * component's persistence.storageClass, which wins over global.defaultStorageClass; `-`
   * renders `storageClassName: ""` (no dynamic provisioning); empty renders nothing, so the
   * cluster's default StorageClass applies. Returns the rendered value (undefined: not written)
   * and the key that decides it.
   */
  storageClass(persistencePath: YamlPath, key = "storageClass"): { name: string | undefined; path: YamlPath } {
    const candidates: YamlPath[] = [["global", "storageClass"], [...persistencePath, key], ["global", "defaultStorageClass"]];
    const path = candidates.find((p) => this.v.truthy(p));
    if (!path) return { name: undefined, path: [...persistencePath, key] };
    const value = this.v.string(path);
    return { name: value === "-" ? "" : value, path };
  }

  /**
   * `common.images.image` (bitnami/common _images.tpl): `registry/repository:tag`, the registry
   * replaced by global.imageRegistry, `@digest` instead of the tag when a digest is set.
   */
  image(root: YamlPath = ["image"]): string {
    const registry = this.v.truthy(["global", "imageRegistry"]) ? this.v.string(["global", "imageRegistry"]) : this.v.string([...root, "registry"]);
    const repository = this.v.string([...root, "repository"]);
    const digest = this.v.string([...root, "digest"]);
    const tag = this.v.string([...root, "tag"]);
    const base = registry ? `${registry}/${repository}` : repository;
    return digest ? `${base}@${digest}` : tag ? `${base}:${tag}` : base;
  }
}

/** A persistent volume of a workload: one volumeClaimTemplate when persistence is on. */
export interface ClaimSpec {
  /** The volume (and VCT) name, e.g. `data`, `redis-data`. */
  name: string;
  /** The values key that names it, when the chart takes it from values (postgresql primary.persistence.volumeName). */
  namePath?: YamlPath;
  /** `<component>.persistence` in values. */
  persistence: YamlPath;
  /** Key of the size under `persistence` (default `size`). */
  sizeKey?: string;
  /** Key of the storage class under `persistence` (default `storageClass`). */
  storageClassKey?: string;
  /** Labels the template writes on the VCT (they differ per chart), with where they come from. */
  labels: Record<string, string>;
  labelSources?: { path: YamlPath; value: Record<string, string> }[];
}

/** How a workload keeps its data. */
export interface DataSpec {
  claims: ClaimSpec[];
  /** The values key that switches persistence (`<component>.persistence.enabled`). */
  enabledPath: YamlPath;
  /** The chart honours `persistence.existingClaim` for this workload (a volume referencing the claim, no VCT). */
  existingClaim?: boolean;
  /** Deployment mode: the chart makes one PVC of this name instead of a VCT (mongodb standalone, minio standalone, redis master.kind=Deployment). */
  standaloneClaim?: { name: string; labels: Record<string, string>; labelSources?: { path: YamlPath; value: Record<string, string> }[]; create: boolean };
  /** The emptyDir used when persistence is off takes `persistence.medium` (mongodb, redis). */
  medium?: boolean;
  /** Where the data volume is mounted (for the container's volumeMounts). */
  mountPath?: string;
}

export interface WorkloadSpec {
  kind: "StatefulSet" | "Deployment";
  name: string;
  /** `app.kubernetes.io/component`, when the chart writes one. */
  component?: string;
  /** Further labels the template writes on the object, its selector and its pods (`role: data`, `app.kubernetes.io/part-of`). */
  extraLabels?: Record<string, string>;
  /** Custom labels of the object (first wins), e.g. [primary.labels, commonLabels]. */
  labelPaths: YamlPath[];
  /** Custom labels of the pods (first wins), e.g. [primary.podLabels, commonLabels]. */
  podLabelPaths: YamlPath[];
  /** Annotations of the object (first wins), e.g. [primary.annotations, commonAnnotations]. */
  annotationPaths?: YamlPath[];
  /** Pod annotations, e.g. primary.podAnnotations (Velero's backup.velero.io/backup-volumes goes here). */
  podAnnotationsPath?: YamlPath;
  replicas: { value: number | undefined; path?: YamlPath };
  container: string;
  imageRoot?: YamlPath;
  /** The template writes `metadata.namespace` from common.names.namespace (namespaceOverride) rather than .Release.Namespace. */
  honoursNamespaceOverride: boolean;
  data: DataSpec;
  /** Marks a replica of another workload (see REPLICA_OF). */
  replicaOf?: string;
  /** restorable.dev annotations stating what values decide and no Kubernetes field says (MariaDB TDE), with their keys. */
  markers?: { key: string; value: string; path: YamlPath }[];
  /** A PVC retention policy the StatefulSet carries (`<component>.persistentVolumeClaimRetentionPolicy`). */
  pvcRetentionPolicyPath?: YamlPath;
  /** Other volumes the pods mount (etcd's snapshot volume), rendered as given. */
  extraVolumes?: Plain[];
}

function claimTemplate(b: Bitnami, c: ClaimSpec, fields: FieldMap, at: YamlPath, enabledPath: YamlPath): Plain {
  const sc = b.storageClass(c.persistence, c.storageClassKey ?? "storageClass");
  const sizePath = [...c.persistence, c.sizeKey ?? "size"];
  const accessModes = b.v.list([...c.persistence, "accessModes"]).map(String);
  const annotations = b.v.stringMap([...c.persistence, "annotations"]);
  fields
    .set(at, enabledPath)
    .set([...at, "metadata", "name"], c.namePath ?? enabledPath)
    .set([...at, "metadata", "annotations"], [...c.persistence, "annotations"])
    .set([...at, "spec", "resources", "requests", "storage"], sizePath)
    .set([...at, "spec", "accessModes"], [...c.persistence, "accessModes"])
    .set([...at, "spec", "storageClassName"], sc.path);
  if (c.labelSources) fields.keys([...at, "metadata", "labels"], c.labels, c.labelSources);
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: compact({ name: c.name, labels: nonEmpty(c.labels), annotations: nonEmpty(annotations) }),
    spec: compact({
      accessModes: accessModes.length ? accessModes : undefined,
      resources: { requests: { storage: b.v.string(sizePath) } },
      storageClassName: sc.name,
    }),
  };
}

/** Labels of the workload, its selector and its pods, and its annotations, each with where its keys come from. */
function workloadMetadata(b: Bitnami, w: WorkloadSpec, fields: FieldMap) {
  const { labels: custom, sources } = b.customLabels(w.labelPaths);
  const { labels: podCustom, sources: podSources } = b.customLabels(w.podLabelPaths);
  const fixed: Record<string, string> = { ...(w.extraLabels ?? {}), ...(w.component ? { "app.kubernetes.io/component": w.component } : {}) };
  const labels = { ...b.standardLabels(custom), ...fixed };
  const podLabels = { ...b.standardLabels(podCustom), ...fixed };
  const annotationSources = (w.annotationPaths ?? []).map((path) => ({ path, value: b.v.stringMap(path) }));
  const annotations: Record<string, string> = {};
  for (const s of [...annotationSources].reverse()) Object.assign(annotations, s.value);
  if (w.replicaOf) annotations[REPLICA_OF] = w.replicaOf;
  for (const m of w.markers ?? []) {
    annotations[m.key] = m.value;
    fields.set(["metadata", "annotations", m.key], m.path);
  }
  const podAnnotations = w.podAnnotationsPath ? b.v.stringMap(w.podAnnotationsPath) : {};
  if (w.podAnnotationsPath) {
    fields.set(["spec", "template", "metadata", "annotations"], w.podAnnotationsPath).keys(["spec", "template", "metadata", "annotations"], podAnnotations, [{ path: w.podAnnotationsPath, value: podAnnotations }]);
  }
  fields.keys(["metadata", "labels"], labels, sources).keys(["spec", "template", "metadata", "labels"], podLabels, podSources).keys(["metadata", "annotations"], annotations, annotationSources);
  return { labels, selector: { ...b.matchLabels(podCustom), ...fixed }, podLabels, annotations, podAnnotations };
}

/**
 * Where the data lives, as the chart's template decides: persistence off gives an emptyDir data
 * volume (e.g. bitnami/postgresql templates/primary/statefulset.yaml `else if not ...enabled`);
 * an existing claim gives a volume that references it; Deployment mode a volume on the PVC the
 * chart makes; otherwise volumeClaimTemplates.
 */
function dataVolumes(b: Bitnami, w: WorkloadSpec, fields: FieldMap): { volumes: Plain[]; claimTemplates?: Plain[]; claims: K8sObject[] } {
  const first = w.data.claims[0]!;
  const volumes: Plain[] = [...(w.extraVolumes ?? [])];
  const at = (i: number): YamlPath => ["spec", "template", "spec", "volumes", i];
  if (!b.v.truthy(w.data.enabledPath)) {
    const medium = w.data.medium ? b.v.string([...first.persistence, "medium"]) : "";
    for (const c of w.data.claims) {
      fields.set(at(volumes.length), w.data.enabledPath).set([...at(volumes.length), "name"], c.namePath ?? w.data.enabledPath);
      volumes.push({ name: c.name, emptyDir: medium ? { medium } : {} });
    }
    return { volumes, claims: [] };
  }
  const claimPath = [...first.persistence, "existingClaim"];
  if (w.data.existingClaim && b.v.truthy(claimPath)) {
    fields.set(at(volumes.length), claimPath).set([...at(volumes.length), "persistentVolumeClaim", "claimName"], claimPath);
    volumes.push({ name: first.name, persistentVolumeClaim: { claimName: b.v.string(claimPath) } });
    return { volumes, claims: [] };
  }
  const standalone = w.data.standaloneClaim;
  if (standalone) {
    fields.set(at(volumes.length), w.data.enabledPath).set([...at(volumes.length), "persistentVolumeClaim", "claimName"], b.namePath() ?? w.data.enabledPath);
    volumes.push({ name: first.name, persistentVolumeClaim: { claimName: standalone.name } });
    return { volumes, claims: standalone.create ? [standaloneClaim(b, w, first, standalone)] : [] };
  }
  fields.set(["spec", "volumeClaimTemplates"], w.data.enabledPath);
  return { volumes, claimTemplates: w.data.claims.map((c, i) => claimTemplate(b, c, fields, ["spec", "volumeClaimTemplates", i], w.data.enabledPath)), claims: [] };
}

/** `persistentVolumeClaimRetentionPolicy` when the chart's switch for it is on (StatefulSets with VCTs only). */
function pvcRetentionPolicy(b: Bitnami, w: WorkloadSpec, fields: FieldMap): { whenDeleted: string; whenScaled: string } | undefined {
  const p = w.pvcRetentionPolicyPath;
  if (!p || !b.v.truthy([...p, "enabled"])) return undefined;
  const policy = { whenDeleted: b.v.string([...p, "whenDeleted"]), whenScaled: b.v.string([...p, "whenScaled"]) };
  fields.tree(["spec", "persistentVolumeClaimRetentionPolicy"], p, policy);
  return policy;
}

/** The workload object (and the PVC a Deployment-mode chart makes), as the chart's template renders it. */
export function bitnamiWorkload(b: Bitnami, w: WorkloadSpec): K8sObject[] {
  const fields = new FieldMap();
  const meta = workloadMetadata(b, w, fields);
  const data = dataVolumes(b, w, fields);
  const retention = data.claimTemplates ? pvcRetentionPolicy(b, w, fields) : undefined;
  const containerAt = ["spec", "template", "spec", "containers", 0];
  fields.set([...containerAt, "image"], w.imageRoot ?? ["image"]).set([...containerAt, "volumeMounts", 0], w.data.enabledPath);
  const namePath = b.namePath();
  if (namePath) fields.set(["metadata", "name"], namePath);
  if (w.replicas.path) fields.set(["spec", "replicas"], w.replicas.path);
  const nsPath = b.namespacePath(w.honoursNamespaceOverride);
  if (nsPath) fields.set(["metadata", "namespace"], nsPath);
  const body = {
    apiVersion: "apps/v1",
    kind: w.kind,
    metadata: compact({ name: w.name, namespace: b.namespace(w.honoursNamespaceOverride), labels: meta.labels, annotations: nonEmpty(meta.annotations) }),
    spec: compact({
      replicas: w.replicas.value,
      selector: { matchLabels: meta.selector },
      template: {
        metadata: compact({ labels: meta.podLabels, annotations: nonEmpty(meta.podAnnotations) }),
        spec: compact({
          containers: [{ name: w.container, image: b.image(w.imageRoot), volumeMounts: [compact({ name: w.data.claims[0]!.name, mountPath: w.data.mountPath })] }],
          volumes: data.volumes.length ? data.volumes : undefined,
        }),
      },
      persistentVolumeClaimRetentionPolicy: retention,
      volumeClaimTemplates: data.claimTemplates,
    }),
  };
  return [objectOf(b.release, body, fields), ...data.claims];
}

/** The PVC a Deployment-mode chart creates for its single pod (e.g. bitnami/mongodb templates/standalone/pvc.yaml). */
function standaloneClaim(b: Bitnami, w: WorkloadSpec, c: ClaimSpec, s: NonNullable<DataSpec["standaloneClaim"]>): K8sObject {
  const fields = new FieldMap();
  const template = claimTemplate(b, { ...c, labels: s.labels, ...(s.labelSources ? { labelSources: s.labelSources } : {}) }, fields, [], w.data.enabledPath) as { metadata: { [key: string]: Plain }; spec: Plain };
  fields.set(["metadata", "name"], b.namePath() ?? w.data.enabledPath);
  const nsPath = b.namespacePath(w.honoursNamespaceOverride);
  if (nsPath) fields.set(["metadata", "namespace"], nsPath);
  const body = { ...template, metadata: compact({ ...template.metadata, name: s.name, namespace: b.namespace(w.honoursNamespaceOverride) }) };
  return objectOf(b.release, body, fields);
}

/** The replica count a template writes (`replicas: {{ .Values.x }}`), with its key. */
export function replicasAt(b: Bitnami, path: YamlPath): { value: number | undefined; path: YamlPath } {
  return { value: b.v.int(path), path };
}
