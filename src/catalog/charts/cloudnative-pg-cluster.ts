/**
 * The CloudNativePG `cluster` chart (cloudnative-pg/charts charts/cluster; research:
 * helm-kubernetes.md §3a, chart 0.8.1). Templates read: templates/cluster.yaml,
 * templates/_backup.tpl, templates/_barman_object_store.tpl, templates/scheduled-backups.yaml,
 * templates/backup-objectstore.yaml, templates/_helpers.tpl.
 *
 * - Cluster `<fullname>` (postgresql.cnpg.io/v1): `cluster.instances` (3), `storage`
 *   {size 8Gi, storageClass ""}, `walStorage` when enabled.
 * - backups.enabled with method barmanObjectStore: `spec.backup` {target prefer-standby,
 *   retentionPolicy (default "30d"), barmanObjectStore {wal/data compression and encryption —
 *   `with` drops an empty encryption, which then falls to the bucket's default —, destinationPath,
 *   endpointURL}}. For provider s3 the chart builds `endpointURL: https://s3.<region>.amazonaws.com`
 *   and `destinationPath: s3://<bucket><path>` when they are not given (and fails without
 *   region/bucket); azure `https://<storageAccount>.<serviceName>.core.windows.net/<container><path>`;
 *   google `gs://<bucket><path>`.
 * - method plugin with the Barman Cloud plugin: an ObjectStore `<fullname>-backups`
 *   (barmancloud.cnpg.io/v1) holding the same configuration and retentionPolicy, and the Cluster's
 *   `plugins` entry naming it (research notes: "renders ObjectStore <fn>-backups (helm hook) and
 *   the plugins entry").
 * - ScheduledBackup `<fullname>-<name>` per `backups.scheduledBackups[]` (6-field cron with seconds).
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import { isPlainObject, type Plain, type YamlPath } from "../../helm/yaml.js";
import { compact, FieldMap, nonEmpty, objectOf } from "./fields.js";
import { chartNameOf, dnsName, printed, truthy, ValuesReader } from "./template.js";

const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

class Cluster {
  readonly v: ValuesReader;
  readonly unknowns: NonNullable<ChartRendering["unknowns"]> = [];

  constructor(readonly release: HelmRelease) {
    this.v = new ValuesReader(release);
  }

  /** `cluster.fullname` (templates/_helpers.tpl): fullnameOverride; the release name when it contains the chart name (`cluster`); else `<release>-<name>`. */
  fullname(): string {
    if (this.v.truthy(["fullnameOverride"])) return dnsName(this.v.string(["fullnameOverride"]));
    const name = this.v.stringOr(["nameOverride"], chartNameOf(this.release, "cluster"));
    return dnsName(this.release.name.includes(name) ? this.release.name : `${this.release.name}-${name}`);
  }

  /** `cluster.namespace`: namespaceOverride, else the release namespace. */
  namespace(): string | undefined {
    if (this.v.truthy(["namespaceOverride"])) return this.v.string(["namespaceOverride"]);
    return typeof this.release.namespace === "string" ? this.release.namespace : undefined;
  }

  /** `cluster.labels`: chart, selector labels (name, instance, part-of cloudnative-pg), managed-by, cluster.additionalLabels. */
  labels(): Record<string, string> {
    const version = this.release.chart.version;
    return {
      ...(version && /^\d+\.\d+\.\d+/.test(version) ? { "helm.sh/chart": dnsName(`${chartNameOf(this.release, "cluster")}-${version}`.replace(/\+/g, "_")) } : {}),
      "app.kubernetes.io/name": dnsName(this.v.stringOr(["nameOverride"], chartNameOf(this.release, "cluster"))),
      "app.kubernetes.io/instance": this.release.name,
      "app.kubernetes.io/part-of": "cloudnative-pg",
      "app.kubernetes.io/managed-by": "Helm",
      ...this.v.stringMap(["cluster", "additionalLabels"]),
    };
  }

  backupsOn(): boolean {
    return this.v.truthy(["backups", "enabled"]);
  }

  method(): string {
    return this.v.string(["backups", "method"]);
  }

  /** `cluster.barmanPluginRequired`: backups on, method plugin, pluginConfiguration.name the Barman Cloud plugin. */
  pluginObjectStore(): boolean {
    return this.backupsOn() && this.method() === "plugin" && this.v.string(["backups", "pluginConfiguration", "name"]) === BARMAN_PLUGIN;
  }
}

/** `cluster.barmanObjectStoreConfig` (templates/_barman_object_store.tpl): where the backups go, with the key deciding each field. */
function objectStoreConfig(c: Cluster, fields: FieldMap, at: YamlPath): { [key: string]: Plain } {
  const b = ["backups"];
  const provider = c.v.string([...b, "provider"]);
  const out: { [key: string]: Plain } = {};
  const required = (what: string, key: YamlPath) => {
    c.unknowns.push({ what: `CloudNativePG backups of ${c.fullname()}`, reason: `helm template fails: ${what} (templates/_barman_object_store.tpl \`required\`)`, location: c.release.values.origin(key).location });
  };
  if (c.v.truthy([...b, "endpointURL"])) {
    out.endpointURL = c.v.string([...b, "endpointURL"]);
    fields.set([...at, "endpointURL"], [...b, "endpointURL"]);
  }
  if (c.v.truthy([...b, "destinationPath"])) {
    out.destinationPath = c.v.string([...b, "destinationPath"]);
    fields.set([...at, "destinationPath"], [...b, "destinationPath"]);
  }
  const path = (p: string) => c.v.string([...b, p, "path"]);
  if (provider === "s3") {
    if (!c.v.truthy([...b, "endpointURL"])) {
      fields.set([...at, "endpointURL"], [...b, "s3", "region"]);
      if (c.v.truthy([...b, "s3", "region"])) out.endpointURL = `https://s3.${c.v.string([...b, "s3", "region"])}.amazonaws.com`;
      else required("You need to specify S3 region if endpointURL is not specified.", [...b, "s3", "region"]);
    }
    if (!c.v.truthy([...b, "destinationPath"])) {
      fields.set([...at, "destinationPath"], [...b, "s3", "bucket"]);
      if (c.v.truthy([...b, "s3", "bucket"])) out.destinationPath = `s3://${c.v.string([...b, "s3", "bucket"])}${path("s3")}`;
      else required("You need to specify S3 bucket if destinationPath is not specified.", [...b, "s3", "bucket"]);
    }
  } else if (provider === "azure" && !c.v.truthy([...b, "destinationPath"])) {
    fields.set([...at, "destinationPath"], [...b, "azure", "storageAccount"]);
    if (c.v.truthy([...b, "azure", "storageAccount"])) {
      out.destinationPath = `https://${c.v.string([...b, "azure", "storageAccount"])}.${c.v.string([...b, "azure", "serviceName"])}.core.windows.net/${c.v.string([...b, "azure", "containerName"])}${path("azure")}`;
    } else required("You need to specify Azure storageAccount if destinationPath is not specified.", [...b, "azure", "storageAccount"]);
  } else if (provider === "google" && !c.v.truthy([...b, "destinationPath"])) {
    fields.set([...at, "destinationPath"], [...b, "google", "bucket"]);
    if (c.v.truthy([...b, "google", "bucket"])) out.destinationPath = `gs://${c.v.string([...b, "google", "bucket"])}${path("google")}`;
    else required("You need to specify Google storage bucket if destinationPath is not specified.", [...b, "google", "bucket"]);
  }
  return out;
}

/** wal/data settings: `with .encryption` drops an empty encryption (templates/_backup.tpl). */
function walAndData(c: Cluster, fields: FieldMap, at: YamlPath): { wal: Plain; data: Plain } {
  const part = (name: "wal" | "data", extra: string) => {
    const p = ["backups", name];
    fields.set([...at, name, "encryption"], [...p, "encryption"]).set([...at, name, "compression"], [...p, "compression"]);
    const n = c.v.get([...p, extra]);
    return compact({
      compression: c.v.truthy([...p, "compression"]) ? c.v.string([...p, "compression"]) : undefined,
      encryption: c.v.truthy([...p, "encryption"]) ? c.v.string([...p, "encryption"]) : undefined,
      [extra]: n === undefined ? undefined : n,
    });
  };
  return { wal: part("wal", "maxParallel"), data: part("data", "jobs") };
}

function clusterObject(c: Cluster): K8sObject {
  const fields = new FieldMap()
    .set(["spec", "instances"], ["cluster", "instances"])
    .set(["spec", "storage"], ["cluster", "storage"])
    .set(["spec", "storage", "size"], ["cluster", "storage", "size"])
    .set(["spec", "storage", "storageClass"], ["cluster", "storage", "storageClass"])
    .set(["spec", "walStorage"], ["cluster", "walStorage", "enabled"])
    .set(["spec", "walStorage", "size"], ["cluster", "walStorage", "size"])
    .set(["spec", "walStorage", "storageClass"], ["cluster", "walStorage", "storageClass"])
    // Whether the Cluster backs up at all is decided by backups.enabled, also when it does not.
    .set(["spec", "backup"], ["backups", "enabled"])
    .set(["spec", "plugins"], ["backups", "enabled"]);
  if (c.v.truthy(["fullnameOverride"])) fields.set(["metadata", "name"], ["fullnameOverride"]);
  if (c.v.truthy(["namespaceOverride"])) fields.set(["metadata", "namespace"], ["namespaceOverride"]);
  let backup: Plain | undefined;
  let plugins: Plain | undefined;
  if (c.backupsOn() && c.method() !== "plugin") {
    const at = ["spec", "backup", "barmanObjectStore"];
    fields.set(["spec", "backup", "retentionPolicy"], ["backups", "retentionPolicy"]).set(at, ["backups", "enabled"]);
    backup = compact({
      target: "prefer-standby",
      retentionPolicy: c.v.truthy(["backups", "retentionPolicy"]) ? c.v.string(["backups", "retentionPolicy"]) : undefined,
      barmanObjectStore: { ...walAndData(c, fields, at), ...objectStoreConfig(c, fields, at) },
    });
  } else if (c.pluginObjectStore()) {
    fields.set(["spec", "plugins"], ["backups", "method"]).set(["spec", "plugins", 0, "name"], ["backups", "pluginConfiguration", "name"]);
    plugins = [{ name: BARMAN_PLUGIN, isWALArchiver: true, parameters: { barmanObjectName: objectStoreName(c) } }];
  }
  const imageName = c.v.truthy(["cluster", "imageName"])
    ? c.v.string(["cluster", "imageName"])
    : c.v.string(["type"]) === "postgresql" && c.v.truthy(["version", "postgresql"])
      ? `ghcr.io/cloudnative-pg/postgresql:${c.v.string(["version", "postgresql"])}`
      : undefined;
  const body = {
    apiVersion: "postgresql.cnpg.io/v1",
    kind: "Cluster",
    metadata: compact({ name: c.fullname(), namespace: c.namespace(), labels: c.labels(), annotations: nonEmpty(c.v.stringMap(["cluster", "annotations"])) }),
    spec: compact({
      instances: c.v.int(["cluster", "instances"]),
      imageName,
      storage: compact({ size: c.v.string(["cluster", "storage", "size"]), storageClass: c.v.truthy(["cluster", "storage", "storageClass"]) ? c.v.string(["cluster", "storage", "storageClass"]) : undefined }),
      walStorage: c.v.truthy(["cluster", "walStorage", "enabled"])
        ? compact({ size: c.v.string(["cluster", "walStorage", "size"]), storageClass: c.v.truthy(["cluster", "walStorage", "storageClass"]) ? c.v.string(["cluster", "walStorage", "storageClass"]) : undefined })
        : undefined,
      backup,
      plugins,
    }),
  };
  return objectOf(c.release, body, fields);
}

function objectStoreName(c: Cluster): string {
  return dnsName(`${c.fullname()}-backups`);
}

/** The plugin's ObjectStore (templates/backup-objectstore.yaml), rendered when cluster.barmanPluginRequired. */
function pluginObjectStore(c: Cluster): K8sObject[] {
  if (!c.pluginObjectStore()) return [];
  const fields = new FieldMap().set([], ["backups", "method"]).set(["spec", "retentionPolicy"], ["backups", "retentionPolicy"]);
  const at = ["spec", "configuration"];
  const body = {
    apiVersion: "barmancloud.cnpg.io/v1",
    kind: "ObjectStore",
    metadata: compact({ name: objectStoreName(c), namespace: c.namespace(), labels: { "cnpg.io/cluster": c.fullname(), ...c.labels() } }),
    spec: compact({
      retentionPolicy: c.v.truthy(["backups", "retentionPolicy"]) ? c.v.string(["backups", "retentionPolicy"]) : undefined,
      configuration: { ...walAndData(c, fields, at), ...objectStoreConfig(c, fields, at) },
    }),
  };
  return [objectOf(c.release, body, fields)];
}

/** templates/scheduled-backups.yaml: one ScheduledBackup per backups.scheduledBackups item. */
function scheduledBackups(c: Cluster): K8sObject[] {
  if (!c.backupsOn()) return [];
  return c.v.list(["backups", "scheduledBackups"]).flatMap((raw, i) => {
    if (!isPlainObject(raw)) return [];
    const p = ["backups", "scheduledBackups", i];
    const method = printed(raw.method);
    const fields = new FieldMap().set([], p).set(["spec", "schedule"], [...p, "schedule"]).set(["spec", "method"], [...p, "method"]).set(["spec", "backupOwnerReference"], [...p, "backupOwnerReference"]);
    // With method plugin the ScheduledBackup names the plugin (CNPG ScheduledBackupSpec.pluginConfiguration); not verified in 0.8.1's template.
    const pluginConfiguration = method === "plugin" ? { name: c.v.stringOr(["backups", "pluginConfiguration", "name"], BARMAN_PLUGIN) } : undefined;
    const body = {
      apiVersion: "postgresql.cnpg.io/v1",
      kind: "ScheduledBackup",
      metadata: compact({ name: dnsName(`${c.fullname()}-${printed(raw.name)}`), namespace: c.namespace(), labels: c.labels() }),
      spec: compact({
        immediate: true,
        schedule: printed(raw.schedule),
        method: method || undefined,
        pluginConfiguration,
        backupOwnerReference: truthy(raw.backupOwnerReference) ? printed(raw.backupOwnerReference) : undefined,
        cluster: { name: c.fullname() },
      }),
    };
    return [objectOf(c.release, body, fields)];
  });
}

function render(release: HelmRelease): ChartRendering {
  const c = new Cluster(release);
  const objects = [clusterObject(c), ...pluginObjectStore(c), ...scheduledBackups(c)];
  return c.unknowns.length ? { objects, unknowns: c.unknowns } : { objects };
}

/**
 * Defaults (charts/cluster/values.yaml 0.8.1; lines from the research notes): cluster.instances 197,
 * storage.size 217, storageClass 218, walStorage.enabled 221; backups.enabled 473, method 476,
 * endpointURL 485, destinationPath 499, provider 506, s3.* 508-514, azure.* 516-523, google.* 525-528,
 * wal.encryption 542, data.encryption 549, scheduledBackups 556-563, retentionPolicy 567.
 * Azure/Google key names beyond `storageAccount`, `containerName`, `serviceName`, `bucket`, `path`,
 * `gkeEnvironment` are not modelled; the values of `azure.serviceName` ("blob"), `s3.path`/`azure.path`/
 * `google.path` ("/") and `pluginConfiguration.name` are the chart's as the templates use them, their
 * lines not recorded in the notes.
 */
const defaults = {
  nameOverride: "",
  fullnameOverride: "",
  namespaceOverride: "",
  type: "postgresql",
  cluster: {
    instances: 3,
    storage: { size: "8Gi", storageClass: "" },
    walStorage: { enabled: false, storageClass: "" },
    additionalLabels: {},
    annotations: {},
  },
  backups: {
    enabled: false,
    method: "barmanObjectStore",
    endpointURL: "",
    destinationPath: "",
    provider: "s3",
    s3: { region: "", bucket: "", path: "/", accessKey: "", secretKey: "", inheritFromIAMRole: false },
    azure: { path: "/", connectionString: "", storageAccount: "", storageKey: "", storageSasToken: "", containerName: "", serviceName: "blob", inheritFromAzureAD: false },
    google: { path: "/", bucket: "", gkeEnvironment: false, applicationCredentials: "" },
    pluginConfiguration: { name: BARMAN_PLUGIN },
    wal: { compression: "gzip", encryption: "AES256" },
    data: { compression: "gzip", encryption: "AES256" },
    scheduledBackups: [{ name: "daily-backup", schedule: "0 0 0 * * *", backupOwnerReference: "self", method: "barmanObjectStore" }],
    retentionPolicy: "30d",
  },
};

export const cloudnativePgCluster: ChartKnowledge = {
  charts: ["cluster"],
  majors: { min: 0, max: 0 },
  source: "cloudnative-pg/charts charts/cluster 0.8.1 (research snapshot b21ad2d); templates from cloudnative-pg/charts main",
  defaults,
  render,
};
