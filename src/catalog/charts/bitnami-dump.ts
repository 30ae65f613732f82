/**
 * Bitnami's logical-dump backups (postgresql and postgresql-ha `backup.*`: pg_dumpall;
 * mongodb `backup.*`: mongodump): a CronJob that writes a timestamped dump into a PVC of the same
 * namespace, plus the ChartBackup saying so. Research notes (bitnami-charts.md, built-in backup
 * table): nothing prunes the dumps (they pile up until the PVC is full; the Job history limits
 * are about Job objects), the dump is plaintext so only the PVC's StorageClass can encrypt it,
 * and the PVC lives in the cluster (not off-site).
 */
import type { ChartRendering, K8sObject } from "../../helm/types.js";
import type { Plain, YamlPath } from "../../helm/yaml.js";
import { Bitnami } from "./bitnami.js";
import { chartBackup, type ChartBackupTool } from "./chart-backup.js";
import { compact, FieldMap, nonEmpty, objectOf } from "./fields.js";

export interface DumpSpec {
  /** CronJob, PVC and ChartBackup name (`<primary>-pgdumpall`, `<fullname>-mongodump`). */
  name: string;
  /** `app.kubernetes.io/component` of the CronJob and PVC. */
  component: string;
  tool: ChartBackupTool;
  workload: { kind: string; name: string };
  /** `backup.cronjob.storage.enabled` where the chart has it (postgresql); absent: the PVC is always used. */
  storageEnabledPath?: YamlPath;
  /** Custom labels (first wins), e.g. [backup.cronjob.labels, commonLabels]. */
  labelPaths: YamlPath[];
  /** The CronJob and the PVC templates write metadata.namespace from namespaceOverride. */
  cronJobHonoursNamespaceOverride: boolean;
  pvcHonoursNamespaceOverride: boolean;
  /** The key the CronJob template reads its timeZone from, when it renders one. */
  timeZonePath?: YamlPath;
  imageRoot: YamlPath;
  /** The container command when the chart ships a default one (mongodb's built-in mongodump script). */
  defaultCommand?: string[];
}

const BACKUP: YamlPath = ["backup"];
const CRONJOB: YamlPath = ["backup", "cronjob"];
const STORAGE: YamlPath = ["backup", "cronjob", "storage"];

/** The dump CronJob, its PVC and the ChartBackup; nothing when `backup.enabled` is off. */
export function bitnamiDump(b: Bitnami, d: DumpSpec): ChartRendering {
  if (!b.v.truthy([...BACKUP, "enabled"])) return { objects: [] };
  const { labels: custom, sources } = b.customLabels(d.labelPaths);
  const labels = { ...b.standardLabels(custom), "app.kubernetes.io/component": d.component };
  const storageOn = d.storageEnabledPath ? b.v.truthy(d.storageEnabledPath) : true;
  const existing = b.v.truthy([...STORAGE, "existingClaim"]);
  const claimName = existing ? b.v.string([...STORAGE, "existingClaim"]) : d.name;
  const sc = b.storageClass(STORAGE);
  const objects: K8sObject[] = [cronJob(b, d, labels, sources, storageOn ? claimName : undefined)];
  if (storageOn && !existing) objects.push(dumpClaim(b, d, labels, sources));

  const unknowns: NonNullable<ChartRendering["unknowns"]> = [];
  const userMounts = b.v.list([...CRONJOB, "extraVolumeMounts"]).length > 0;
  if (!storageOn && !userMounts) return { objects };
  if (!storageOn) {
    unknowns.push({
      what: `${d.tool} dumps of ${d.workload.name}`,
      reason: `backup.cronjob.storage.enabled is off and backup.cronjob.extraVolumeMounts mounts volumes the chart does not know: where the dumps land cannot be told from values`,
      location: b.release.values.origin(d.storageEnabledPath ?? STORAGE).location,
    });
  }
  const timeZone = d.timeZonePath && b.v.truthy(d.timeZonePath) ? b.v.string(d.timeZonePath) : undefined;
  objects.push(
    chartBackup(
      b.release,
      {
        name: d.name,
        namespace: b.namespace(d.cronJobHonoursNamespaceOverride),
        labels,
        workload: d.workload,
        tool: d.tool,
        schedule: b.v.string([...CRONJOB, "schedule"]),
        ...(timeZone ? { timeZone } : {}),
        // Never pruned: the chart's script only adds timestamped files (research notes, 1b).
        retention: null,
        target: storageOn ? { kind: "pvc", claimName, ...(existing || sc.name === undefined ? {} : { storageClass: sc.name }) } : { kind: "pvc", claimName: null },
        // Plaintext dump: only the PVC's StorageClass can encrypt it at rest (research notes, 1b).
        encrypted: null,
      },
      {
        enabled: [...BACKUP, "enabled"],
        schedule: [...CRONJOB, "schedule"],
        ...(d.timeZonePath ? { timeZone: d.timeZonePath } : {}),
        retention: [...BACKUP, "enabled"],
        target: storageOn ? STORAGE : (d.storageEnabledPath ?? STORAGE),
        claimName: [...STORAGE, "existingClaim"],
        storageClass: sc.path,
        encrypted: sc.path,
        ...(b.namespacePath(d.cronJobHonoursNamespaceOverride) ? { namespace: ["namespaceOverride"] } : {}),
      },
    ),
  );
  return unknowns.length ? { objects, unknowns } : { objects };
}

function cronJob(b: Bitnami, d: DumpSpec, labels: Record<string, string>, sources: { path: YamlPath; value: Record<string, string> }[], claimName: string | undefined): K8sObject {
  const fields = new FieldMap()
    .set([], [...BACKUP, "enabled"])
    .set(["spec", "schedule"], [...CRONJOB, "schedule"])
    .set(["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "image"], d.imageRoot)
    .set(["spec", "jobTemplate", "spec", "template", "spec", "volumes"], STORAGE)
    .keys(["metadata", "labels"], labels, sources);
  if (d.timeZonePath) fields.set(["spec", "timeZone"], d.timeZonePath);
  if (b.namespacePath(d.cronJobHonoursNamespaceOverride)) fields.set(["metadata", "namespace"], ["namespaceOverride"]);
  const command = b.v.list([...CRONJOB, "command"]);
  const volumes: Plain[] = claimName ? [{ name: "datadir", persistentVolumeClaim: { claimName } }] : [];
  const body = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: compact({ name: d.name, namespace: b.namespace(d.cronJobHonoursNamespaceOverride), labels }),
    spec: compact({
      schedule: b.v.string([...CRONJOB, "schedule"]),
      timeZone: d.timeZonePath && b.v.truthy(d.timeZonePath) ? b.v.string(d.timeZonePath) : undefined,
      jobTemplate: {
        spec: {
          template: {
            metadata: { labels },
            spec: compact({
              containers: [
                compact({
                  name: d.name,
                  image: b.image(d.imageRoot),
                  command: command.length ? command : d.defaultCommand,
                  volumeMounts: claimName ? [{ name: "datadir", mountPath: b.v.string([...STORAGE, "mountPath"]) }] : undefined,
                }),
              ],
              volumes: volumes.length ? volumes : undefined,
            }),
          },
        },
      },
    }),
  };
  return objectOf(b.release, body, fields);
}

function dumpClaim(b: Bitnami, d: DumpSpec, labels: Record<string, string>, sources: { path: YamlPath; value: Record<string, string> }[]): K8sObject {
  const sc = b.storageClass(STORAGE);
  const policy = b.v.string([...STORAGE, "resourcePolicy"]);
  const accessModes = b.v.list([...STORAGE, "accessModes"]).map(String);
  const fields = new FieldMap()
    .set([], [...BACKUP, "enabled"])
    .set(["spec", "resources", "requests", "storage"], [...STORAGE, "size"])
    .set(["spec", "storageClassName"], sc.path)
    .set(["spec", "accessModes"], [...STORAGE, "accessModes"])
    .set(["metadata", "annotations", "helm.sh/resource-policy"], [...STORAGE, "resourcePolicy"])
    .keys(["metadata", "labels"], labels, sources);
  if (b.namespacePath(d.pvcHonoursNamespaceOverride)) fields.set(["metadata", "namespace"], ["namespaceOverride"]);
  const body = {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: compact({ name: d.name, namespace: b.namespace(d.pvcHonoursNamespaceOverride), labels, annotations: nonEmpty(policy ? { "helm.sh/resource-policy": policy } : {}) }),
    spec: compact({
      accessModes: accessModes.length ? accessModes : undefined,
      resources: { requests: { storage: b.v.string([...STORAGE, "size"]) } },
      storageClassName: sc.name,
    }),
  };
  return objectOf(b.release, body, fields);
}
