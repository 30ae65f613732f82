/**
 * The Velero chart (vmware-tanzu/helm-charts charts/velero; research: helm-kubernetes.md §2a,
 * chart 12.1.0, app 1.18.1). Templates read: templates/deployment.yaml,
 * templates/backupstoragelocation.yaml, templates/volumesnapshotlocation.yaml,
 * templates/schedule.yaml, templates/node-agent-daemonset.yaml, templates/prometheusrule.yaml,
 * templates/_helpers.tpl.
 *
 * - Deployment `<fullname>` whose server args carry the defaults schedules inherit:
 *   `--default-backup-ttl` (configuration.defaultBackupTTL; unset → the server's 720h, velero
 *   pkg/cmd/server/config/config.go — the chart comment's "72h" is wrong), `--default-volumes-to-fs-backup`,
 *   `--default-snapshot-move-data`, `--uploader-type` (`default "kopia"`), `--features`.
 * - BackupStorageLocation per `configuration.backupStorageLocation[]` when backupsEnabled,
 *   VolumeSnapshotLocation per `configuration.volumeSnapshotLocation[]` when snapshotsEnabled,
 *   each named `.name | default "default"`, every `config` value quoted as a string.
 * - Schedule `<fullname>-<key>` per `schedules.<key>` not `disabled`, its `template` passed through.
 * - DaemonSet `node-agent` when deployNodeAgent (file-system backup and the data mover need it).
 * - PrometheusRule `<fullname>` when metrics.enabled and metrics.prometheusRule.enabled, its rules
 *   `metrics.prometheusRule.spec`.
 * The chart does not create the repository-password Secret `velero-repo-credentials`: Velero makes
 * it at run time with the static `static-passw0rd` unless it exists (velero pkg/repository/keys/keys.go).
 * The cloud-credentials Secret (credentials.*) is not rendered: it says nothing about backups.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import { isPlainObject, type Plain, type YamlPath } from "../../helm/yaml.js";
import { compact, FieldMap, nonEmpty, objectOf } from "./fields.js";
import { chartNameOf, dnsName, printed, truthy, ValuesReader } from "./template.js";

/** Backup spec fields a rule may judge: mapped to their key even when unset, so a finding names it. */
const TEMPLATE_FIELDS = ["ttl", "includedNamespaces", "excludedNamespaces", "labelSelector", "orLabelSelectors", "snapshotVolumes", "defaultVolumesToFsBackup", "snapshotMoveData", "storageLocation", "volumeSnapshotLocations", "includedResources", "excludedResources"];

class Velero {
  readonly v: ValuesReader;

  constructor(readonly release: HelmRelease) {
    this.v = new ValuesReader(release);
  }

  /** `velero.name`: nameOverride, else `.Chart.Name` (`velero`, or its alias). */
  name(): string {
    return dnsName(this.v.stringOr(["nameOverride"], chartNameOf(this.release, "velero")));
  }

  /** `velero.fullname` (templates/_helpers.tpl): fullnameOverride; the release name when it contains the name; else `<release>-<name>`. */
  fullname(): string {
    if (this.v.truthy(["fullnameOverride"])) return dnsName(this.v.string(["fullnameOverride"]));
    const name = this.v.stringOr(["nameOverride"], chartNameOf(this.release, "velero"));
    return dnsName(this.release.name.includes(name) ? this.release.name : `${this.release.name}-${name}`);
  }

  namePath(): YamlPath | undefined {
    return this.v.truthy(["fullnameOverride"]) ? ["fullnameOverride"] : this.v.truthy(["nameOverride"]) ? ["nameOverride"] : undefined;
  }

  labels(): Record<string, string> {
    const version = this.release.chart.version;
    return {
      "app.kubernetes.io/name": this.name(),
      "app.kubernetes.io/instance": this.release.name,
      "app.kubernetes.io/managed-by": "Helm",
      ...(version && /^\d+\.\d+\.\d+/.test(version) ? { "helm.sh/chart": dnsName(`${chartNameOf(this.release, "velero")}-${version}`.replace(/\+/g, "_")) } : {}),
    };
  }

  /** `.Release.Namespace`: every Velero template writes it; undefined when the release's is unknown. */
  namespace(): string | undefined {
    return typeof this.release.namespace === "string" ? this.release.namespace : undefined;
  }

  image(): string {
    const repo = this.v.string(["image", "repository"]);
    const digest = this.v.string(["image", "digest"]);
    const tag = this.v.string(["image", "tag"]);
    return digest ? `${repo}@${digest}` : tag ? `${repo}:${tag}` : repo;
  }
}

/** The server's args as templates/deployment.yaml writes them, each with the key it comes from. */
function serverArgs(v: Velero): { args: string[]; paths: YamlPath[] } {
  const args = ["server"];
  const paths: YamlPath[] = [[]];
  const c = ["configuration"];
  const add = (arg: string, path: YamlPath) => {
    args.push(arg);
    paths.push(path);
  };
  add(`--uploader-type=${v.v.stringOr([...c, "uploaderType"], "kopia")}`, [...c, "uploaderType"]);
  const withFlag = (key: string, flag: string) => {
    if (v.v.truthy([...c, key])) add(`--${flag}=${v.v.string([...c, key])}`, [...c, key]);
  };
  withFlag("defaultBackupStorageLocation", "default-backup-storage-location");
  withFlag("defaultBackupTTL", "default-backup-ttl");
  withFlag("defaultVolumeSnapshotLocations", "default-volume-snapshot-locations");
  // `{{- if .defaultVolumesToFsBackup }} - --default-volumes-to-fs-backup`: a bare flag.
  if (v.v.truthy([...c, "defaultVolumesToFsBackup"])) add("--default-volumes-to-fs-backup", [...c, "defaultVolumesToFsBackup"]);
  withFlag("garbageCollectionFrequency", "garbage-collection-frequency");
  // `with .defaultSnapshotMoveData`: written only when truthy, so `false` leaves the server default (false).
  withFlag("defaultSnapshotMoveData", "default-snapshot-move-data");
  withFlag("features", "features");
  for (const [i, extra] of v.v.list([...c, "extraArgs"]).entries()) add(printed(extra), [...c, "extraArgs", i]);
  return { args, paths };
}

function deployment(v: Velero): K8sObject {
  const { args, paths } = serverArgs(v);
  const fields = new FieldMap();
  const argsAt = ["spec", "template", "spec", "containers", 0, "args"];
  paths.forEach((p, i) => {
    if (p.length) fields.set([...argsAt, i], p);
  });
  fields.set(["spec", "template", "spec", "containers", 0, "image"], ["image"]);
  const namePath = v.namePath();
  if (namePath) fields.set(["metadata", "name"], namePath);
  const podAnnotations = v.v.stringMap(["podAnnotations"]);
  fields.tree(["spec", "template", "metadata", "annotations"], ["podAnnotations"], podAnnotations);
  const body = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: compact({ name: v.fullname(), namespace: v.namespace(), labels: { ...v.labels(), component: "velero", ...v.v.stringMap(["labels"]) }, annotations: nonEmpty(v.v.stringMap(["annotations"])) }),
    spec: {
      replicas: 1,
      selector: { matchLabels: { "app.kubernetes.io/instance": v.release.name, "app.kubernetes.io/name": v.name() } },
      template: {
        metadata: compact({ labels: { name: "velero", ...v.labels(), ...v.v.stringMap(["podLabels"]) }, annotations: nonEmpty(podAnnotations) }),
        spec: { containers: [{ name: "velero", image: v.image(), command: ["/velero"], args }] },
      },
    },
  };
  return objectOf(v.release, body, fields);
}

/** `config` of a location as the chart writes it: every value quoted as a string (`{{ $value | quote }}`). */
function quotedConfig(config: Plain | undefined): Record<string, string> | undefined {
  if (!isPlainObject(config) || Object.keys(config).length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(config)) out[k] = printed(x);
  return out;
}

function credentialOf(item: { [key: string]: Plain }): Record<string, string> | undefined {
  const c = item.credential;
  if (!isPlainObject(c)) return undefined;
  const out = compact({ name: truthy(c.name) ? printed(c.name) : undefined, key: truthy(c.key) ? printed(c.key) : undefined }) as Record<string, string>;
  return Object.keys(out).length ? out : undefined;
}

function storageLocations(v: Velero): K8sObject[] {
  const at = ["configuration", "backupStorageLocation"];
  if (!v.v.truthy(["backupsEnabled"])) return [];
  return v.v.list(at).flatMap((raw, i) => {
    if (!isPlainObject(raw)) return [];
    const p = [...at, i];
    const config = quotedConfig(raw.config);
    const fields = new FieldMap()
      .set([], p)
      .set(["metadata", "name"], [...p, "name"])
      .set(["spec", "provider"], [...p, "provider"])
      .set(["spec", "objectStorage", "bucket"], [...p, "bucket"])
      .set(["spec", "objectStorage", "prefix"], [...p, "prefix"])
      .set(["spec", "default"], [...p, "default"])
      .set(["spec", "accessMode"], [...p, "accessMode"])
      .tree(["spec", "config"], [...p, "config"], config);
    // Keys a rule judges, mapped even when unset (region and encryption are provider config keys).
    for (const key of ["region", "kmsKeyId", "serverSideEncryption", "customerKeyEncryptionFile", "kmsKeyName", "subscriptionId", "resourceGroup", "storageAccount", "s3Url"]) fields.set(["spec", "config", key], [...p, "config", key]);
    const body = {
      apiVersion: "velero.io/v1",
      kind: "BackupStorageLocation",
      metadata: compact({ name: truthy(raw.name) ? printed(raw.name) : "default", namespace: v.namespace(), labels: v.labels(), annotations: nonEmpty(v.v.stringMap([...p, "annotations"])) }),
      spec: compact({
        provider: printed(raw.provider),
        default: truthy(raw.default) ? true : undefined,
        accessMode: truthy(raw.accessMode) ? printed(raw.accessMode) : "ReadWrite",
        credential: credentialOf(raw),
        validationFrequency: truthy(raw.validationFrequency) ? printed(raw.validationFrequency) : undefined,
        objectStorage: compact({ bucket: printed(raw.bucket), prefix: truthy(raw.prefix) ? printed(raw.prefix) : undefined, caCert: truthy(raw.caCert) ? printed(raw.caCert) : undefined }),
        config,
      }),
    };
    return [objectOf(v.release, body, fields)];
  });
}

function snapshotLocations(v: Velero): K8sObject[] {
  const at = ["configuration", "volumeSnapshotLocation"];
  if (!v.v.truthy(["snapshotsEnabled"])) return [];
  return v.v.list(at).flatMap((raw, i) => {
    if (!isPlainObject(raw)) return [];
    const p = [...at, i];
    const config = quotedConfig(raw.config);
    const fields = new FieldMap().set([], p).set(["metadata", "name"], [...p, "name"]).set(["spec", "provider"], [...p, "provider"]).tree(["spec", "config"], [...p, "config"], config);
    for (const key of ["region", "snapshotLocation", "project", "subscriptionId", "resourceGroup"]) fields.set(["spec", "config", key], [...p, "config", key]);
    const body = {
      apiVersion: "velero.io/v1",
      kind: "VolumeSnapshotLocation",
      metadata: compact({ name: truthy(raw.name) ? printed(raw.name) : "default", namespace: v.namespace(), labels: v.labels(), annotations: nonEmpty(v.v.stringMap([...p, "annotations"])) }),
      spec: compact({ credential: credentialOf(raw), provider: printed(raw.provider), config }),
    };
    return [objectOf(v.release, body, fields)];
  });
}

function schedules(v: Velero): K8sObject[] {
  const out: K8sObject[] = [];
  for (const [key, raw] of Object.entries(v.v.map(["schedules"]))) {
    if (!isPlainObject(raw) || truthy(raw.disabled)) continue;
    const p = ["schedules", key];
    const template = isPlainObject(raw.template) ? raw.template : undefined;
    const fields = new FieldMap()
      .set([], p)
      .set(["spec", "schedule"], [...p, "schedule"])
      .set(["spec", "paused"], [...p, "paused"])
      .set(["spec", "skipImmediately"], [...p, "skipImmediately"])
      .set(["spec", "template"], [...p, "template"])
      .tree(["spec", "template"], [...p, "template"], template);
    for (const f of TEMPLATE_FIELDS) if (template?.[f] === undefined) fields.set(["spec", "template", f], [...p, "template", f]);
    fields.tree(["metadata", "labels"], [...p, "labels"], v.v.stringMap([...p, "labels"]));
    const body = {
      apiVersion: "velero.io/v1",
      kind: "Schedule",
      metadata: compact({
        name: dnsName(`${v.fullname()}-${key}`),
        namespace: v.namespace(),
        labels: { ...v.labels(), ...v.v.stringMap([...p, "labels"]) },
        annotations: nonEmpty(v.v.stringMap([...p, "annotations"])),
      }),
      spec: compact({
        paused: truthy(raw.paused) ? true : undefined,
        useOwnerReferencesInBackup: truthy(raw.useOwnerReferencesInBackup) ? true : undefined,
        skipImmediately: truthy(raw.skipImmediately) ? true : undefined,
        schedule: printed(raw.schedule),
        template,
      }),
    };
    out.push(objectOf(v.release, body, fields));
  }
  return out;
}

function nodeAgent(v: Velero): K8sObject[] {
  if (!v.v.truthy(["deployNodeAgent"])) return [];
  const args = ["node-agent", "server", ...(v.v.truthy(["configuration", "features"]) ? [`--features=${v.v.string(["configuration", "features"])}`] : [])];
  const fields = new FieldMap().set([], ["deployNodeAgent"]).set(["spec", "template", "spec", "containers", 0, "args", 2], ["configuration", "features"]);
  const body = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: compact({ name: "node-agent", namespace: v.namespace(), labels: { ...v.labels(), ...v.v.stringMap(["nodeAgent", "labels"]) } }),
    spec: {
      selector: { matchLabels: { name: "node-agent" } },
      template: {
        metadata: { labels: { name: "node-agent", ...v.labels() } },
        spec: { containers: [{ name: "node-agent", image: v.image(), command: ["/velero"], args }] },
      },
    },
  };
  return [objectOf(v.release, body, fields)];
}

function prometheusRule(v: Velero): K8sObject[] {
  if (!v.v.truthy(["metrics", "enabled"]) || !v.v.truthy(["metrics", "prometheusRule", "enabled"])) return [];
  const rules = v.v.list(["metrics", "prometheusRule", "spec"]);
  const fields = new FieldMap()
    .set([], ["metrics", "prometheusRule", "enabled"])
    .set(["metadata", "namespace"], ["metrics", "prometheusRule", "namespace"])
    .tree(["spec", "groups", 0, "rules"], ["metrics", "prometheusRule", "spec"], rules);
  const namespace = v.v.truthy(["metrics", "prometheusRule", "namespace"]) ? v.v.string(["metrics", "prometheusRule", "namespace"]) : v.namespace();
  const body = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: compact({ name: v.fullname(), namespace, labels: { ...v.labels(), ...v.v.stringMap(["metrics", "prometheusRule", "additionalLabels"]) } }),
    spec: { groups: [{ name: v.name(), rules }] },
  };
  return [objectOf(v.release, body, fields)];
}

function render(release: HelmRelease): ChartRendering {
  const v = new Velero(release);
  const unknowns: NonNullable<ChartRendering["unknowns"]> = [];
  for (const key of ["backupStorageLocation", "volumeSnapshotLocation"]) {
    const value = v.v.get(["configuration", key]);
    if (value !== undefined && !Array.isArray(value)) {
      // Chart majors before the list form took a single map; 12.x ranges over a list (templates/volumesnapshotlocation.yaml `typeIs "[]interface {}"`).
      unknowns.push({ what: `Velero configuration.${key}`, reason: `configuration.${key} is not a list, which chart 12.x needs: it renders no location from it`, location: release.values.origin(["configuration", key]).location });
    }
  }
  const objects = [deployment(v), ...storageLocations(v), ...snapshotLocations(v), ...schedules(v), ...nodeAgent(v), ...prometheusRule(v)];
  return unknowns.length ? { objects, unknowns } : { objects };
}

/**
 * Defaults (charts/velero/values.yaml 12.1.0; lines from the research notes): metrics.enabled 249,
 * serviceMonitor.enabled 278, prometheusRule.enabled 312, prometheusRule.spec 318;
 * backupStorageLocation 401-444, volumeSnapshotLocation 451-472, defaultBackupTTL 496 (empty),
 * defaultVolumesToFsBackup 596 (empty), credentials.useSecret 637, backupsEnabled 664,
 * snapshotsEnabled 666, deployNodeAgent 669, schedules 798. The BSL/VSL item `name:` is null in the
 * chart (left out here: the template defaults it to "default").
 */
const defaults = {
  nameOverride: "",
  fullnameOverride: "",
  image: { repository: "velero/velero", tag: "", digest: "" },
  annotations: {},
  labels: {},
  podAnnotations: {},
  podLabels: {},
  metrics: { enabled: true, serviceMonitor: { enabled: false }, prometheusRule: { enabled: false, namespace: "", additionalLabels: {}, spec: [] } },
  configuration: {
    backupStorageLocation: [{ provider: "", bucket: "", caCert: "", prefix: "", default: false, validationFrequency: "", accessMode: "ReadWrite", credential: {}, config: {}, annotations: {} }],
    volumeSnapshotLocation: [{ provider: "", credential: {}, config: {}, annotations: {} }],
    uploaderType: "kopia",
    defaultBackupStorageLocation: "",
    defaultBackupTTL: "",
    defaultVolumeSnapshotLocations: "",
    defaultVolumesToFsBackup: "",
    defaultSnapshotMoveData: "",
    features: "",
    extraArgs: [],
  },
  credentials: { useSecret: true, existingSecret: "", secretContents: {} },
  backupsEnabled: true,
  snapshotsEnabled: true,
  deployNodeAgent: false,
  nodeAgent: { labels: {} },
  schedules: {},
};

export const velero: ChartKnowledge = {
  charts: ["velero"],
  majors: { min: 12, max: 12 },
  source: "vmware-tanzu/helm-charts charts/velero 12.1.0 (research snapshot 73466ca); templates from vmware-tanzu/helm-charts main",
  defaults,
  render,
};
