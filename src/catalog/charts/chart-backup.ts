/**
 * The one synthetic kind (k8s-common.md): `restorable.dev/v1 ChartBackup`, for a chart feature
 * that backs data up with no Kubernetes object saying what it does (a dump CronJob's script, a
 * snapshot policy registered through a Job). Its fields carry their values origin like any
 * rendered object.
 */
import type { HelmRelease, K8sObject } from "../../helm/types.js";
import type { Plain, YamlPath } from "../../helm/yaml.js";
import { compact, FieldMap, objectOf } from "./fields.js";

export const CHART_BACKUP_API_VERSION = "restorable.dev/v1";
export const CHART_BACKUP_KIND = "ChartBackup";

export type ChartBackupTool = "pg_dumpall" | "mongodump" | "etcd-snapshot" | "opensearch-snapshot-management";

export type ChartBackupTarget =
  /** A PVC in the workload's namespace; claimName null when the chart mounts none the values name (the data then lands where the user mounted it, or nowhere). */
  | { kind: "pvc"; claimName: string | null; storageClass?: string }
  | { kind: "object-store"; bucket?: string; region?: string; endpoint?: string; basePath?: string };

export interface ChartBackupSpec {
  name: string;
  namespace: string | undefined;
  labels: Record<string, string>;
  workload: { kind: string; name: string };
  tool: ChartBackupTool;
  /** Five-field cron or `@daily`, as the chart passes it on. */
  schedule: string;
  /** The CronJob's `timeZone`, when the chart renders one. */
  timeZone?: string;
  /**
   * null: the chart never prunes what it writes. `{}` (neither days nor count): it prunes, but how
   * long it keeps could not be read (an unknown is reported with it); judge it unknown, not never.
   */
  retention: { days?: number; count?: number } | null;
  target: ChartBackupTarget;
  /** null: depends on the target (the PVC's StorageClass, the bucket's default encryption). */
  encrypted: boolean | null;
}

/** Values keys deciding each part of a ChartBackup. */
export interface ChartBackupOrigins {
  /** The key that switched the feature on (`backup.enabled`): the object itself. */
  enabled: YamlPath;
  schedule: YamlPath;
  timeZone?: YamlPath;
  retention: YamlPath;
  target: YamlPath;
  claimName?: YamlPath;
  storageClass?: YamlPath;
  encrypted: YamlPath;
  namespace?: YamlPath;
}

export function chartBackup(release: HelmRelease, spec: ChartBackupSpec, origins: ChartBackupOrigins): K8sObject {
  const fields = new FieldMap()
    .set([], origins.enabled)
    .set(["metadata"], origins.enabled)
    .set(["spec"], origins.enabled)
    .set(["spec", "workload"], origins.enabled)
    .set(["spec", "schedule"], origins.schedule)
    .set(["spec", "retention"], origins.retention)
    .set(["spec", "target"], origins.target)
    .set(["spec", "encrypted"], origins.encrypted);
  if (origins.timeZone) fields.set(["spec", "timeZone"], origins.timeZone);
  if (origins.claimName) fields.set(["spec", "target", "claimName"], origins.claimName);
  if (origins.storageClass) fields.set(["spec", "target", "storageClass"], origins.storageClass);
  if (origins.namespace) fields.set(["metadata", "namespace"], origins.namespace);
  const target: Plain = compact({ ...spec.target });
  const body = {
    apiVersion: CHART_BACKUP_API_VERSION,
    kind: CHART_BACKUP_KIND,
    metadata: compact({ name: spec.name, namespace: spec.namespace, labels: spec.labels }),
    spec: compact({
      workload: spec.workload,
      tool: spec.tool,
      schedule: spec.schedule,
      timeZone: spec.timeZone,
      retention: spec.retention === null ? null : compact(spec.retention),
      target,
      encrypted: spec.encrypted,
    }),
  };
  return objectOf(release, body, fields);
}
