/**
 * bitnami/etcd (research: chart 12.0.20). Templates read: templates/statefulset.yaml,
 * templates/cronjob.yaml (snapshotter), templates/snapshot-pvc.yaml, templates/_helpers.tpl.
 *
 * - StatefulSet `<fullname>` (`replicaCount` members, one component), VCT `data`.
 * - disasterRecovery.enabled (default false, line 864): CronJob `<fullname>-snapshotter` running
 *   /opt/bitnami/scripts/etcd/snapshot.sh every `disasterRecovery.cronjob.schedule`
 *   (`*\/30 * * * *`, line 869) into the RWX PVC `<fullname>-snapshotter` (or
 *   disasterRecovery.pvc.existingClaim), keeping `disasterRecovery.cronjob.snapshotHistoryLimit`
 *   snapshots (default 1, line 875; env ETCD_SNAPSHOT_HISTORY_LIMIT), and a ChartBackup.
 *   The PVC's class is `disasterRecovery.pvc.storageClassName` written as is (default `nfs`,
 *   line 973), not through common.storage.class; the PVC carries `helm.sh/resource-policy: keep`.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import { Bitnami, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { chartBackup } from "./chart-backup.js";
import { compact, FieldMap, objectOf } from "./fields.js";
import { dnsName } from "./template.js";

/** Defaults (bitnami/etcd/values.yaml 12.0.20; lines from the research notes, others unrecorded). */
const defaults = {
  global: { imageRegistry: "", storageClass: "", defaultStorageClass: "" },
  nameOverride: "",
  fullnameOverride: "",
  commonLabels: {},
  commonAnnotations: {},
  podLabels: {},
  podAnnotations: {},
  image: { registry: "docker.io", repository: "bitnami/etcd", tag: "", digest: "" },
  replicaCount: 1, // line 271
  persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" }, // line 533
  // enabled 632, storageClass 640, size 654
  persistence: { enabled: true, storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {}, labels: {} },
  startFromSnapshot: { enabled: false }, // line 848
  disasterRecovery: {
    enabled: false, // line 864
    cronjob: { schedule: "*/30 * * * *", historyLimit: 1, snapshotHistoryLimit: 1, snapshotsDir: "/snapshots" }, // lines 869, 872, 875, 878
    pvc: { existingClaim: "", size: "2Gi", storageClassName: "nfs" }, // lines 967, 970, 973
  },
};

const DR = ["disasterRecovery"];

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "etcd");
  const name = b.fullname();
  const dr = b.v.truthy([...DR, "enabled"]);
  // `etcd.disasterRecovery.pvc.name`: the existing claim, else `<fullname>-snapshotter`.
  const existing = b.v.truthy([...DR, "pvc", "existingClaim"]);
  const claimName = existing ? b.v.string([...DR, "pvc", "existingClaim"]) : dnsName(`${name}-snapshotter`);
  const objects: K8sObject[] = bitnamiWorkload(b, {
    kind: "StatefulSet",
    name,
    component: "etcd",
    labelPaths: [["commonLabels"]],
    podLabelPaths: [["podLabels"], ["commonLabels"]],
    annotationPaths: [["commonAnnotations"]],
    podAnnotationsPath: ["podAnnotations"],
    replicas: replicasAt(b, ["replicaCount"]),
    container: "etcd",
    honoursNamespaceOverride: false,
    pvcRetentionPolicyPath: ["persistentVolumeClaimRetentionPolicy"],
    ...(dr ? { extraVolumes: [{ name: "snapshot-volume", persistentVolumeClaim: { claimName } }] } : {}),
    data: {
      enabledPath: ["persistence", "enabled"],
      mountPath: "/bitnami/etcd",
      claims: [{ name: "data", persistence: ["persistence"], labels: b.v.stringMap(["persistence", "labels"]), labelSources: [{ path: ["persistence", "labels"], value: b.v.stringMap(["persistence", "labels"]) }] }],
    },
  });
  if (!dr) return { objects };
  const labels = b.standardLabels(b.v.stringMap(["commonLabels"]));
  const snapshotter = dnsName(`${name}-snapshotter`);
  objects.push(snapshotterCronJob(b, snapshotter, labels, claimName));
  if (!existing) objects.push(snapshotClaim(b, snapshotter, labels));
  const limit = b.v.int([...DR, "cronjob", "snapshotHistoryLimit"]);
  const unknowns: NonNullable<ChartRendering["unknowns"]> =
    limit === undefined
      ? [{ what: `etcd snapshots of ${name}`, reason: `disasterRecovery.cronjob.snapshotHistoryLimit "${b.v.string([...DR, "cronjob", "snapshotHistoryLimit"])}" is not a number: how many snapshots are kept cannot be told`, location: release.values.origin([...DR, "cronjob", "snapshotHistoryLimit"]).location }]
      : [];
  const storageClass = existing ? undefined : b.v.string([...DR, "pvc", "storageClassName"]);
  objects.push(
    chartBackup(
      release,
      {
        name: snapshotter,
        namespace: b.namespace(false),
        labels,
        workload: { kind: "StatefulSet", name },
        tool: "etcd-snapshot",
        schedule: b.v.string([...DR, "cronjob", "schedule"]),
        retention: limit === undefined ? {} : { count: limit },
        target: { kind: "pvc", claimName, ...(storageClass !== undefined ? { storageClass } : {}) },
        encrypted: null,
      },
      {
        enabled: [...DR, "enabled"],
        schedule: [...DR, "cronjob", "schedule"],
        retention: [...DR, "cronjob", "snapshotHistoryLimit"],
        target: [...DR, "pvc"],
        claimName: [...DR, "pvc", "existingClaim"],
        storageClass: [...DR, "pvc", "storageClassName"],
        encrypted: [...DR, "pvc", "storageClassName"],
      },
    ),
  );
  return unknowns.length ? { objects, unknowns } : { objects };
}

function snapshotterCronJob(b: Bitnami, name: string, labels: Record<string, string>, claimName: string): K8sObject {
  const fields = new FieldMap()
    .set([], [...DR, "enabled"])
    .set(["spec", "schedule"], [...DR, "cronjob", "schedule"])
    .set(["spec", "successfulJobsHistoryLimit"], [...DR, "cronjob", "historyLimit"])
    .set(["spec", "jobTemplate", "spec", "template", "spec", "volumes"], [...DR, "pvc"]);
  const body = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: compact({ name, namespace: b.namespace(false), labels }),
    spec: compact({
      concurrencyPolicy: "Forbid",
      schedule: b.v.string([...DR, "cronjob", "schedule"]),
      successfulJobsHistoryLimit: b.v.int([...DR, "cronjob", "historyLimit"]),
      jobTemplate: {
        spec: {
          template: {
            metadata: { labels: { ...labels, "app.kubernetes.io/component": "snapshotter" } },
            spec: {
              containers: [
                {
                  name: "etcd-snapshotter",
                  image: b.image(),
                  command: ["/opt/bitnami/scripts/etcd/snapshot.sh"],
                  env: [{ name: "ETCD_SNAPSHOT_HISTORY_LIMIT", value: b.v.string([...DR, "cronjob", "snapshotHistoryLimit"]) }],
                  volumeMounts: [{ name: "snapshot-volume", mountPath: "/snapshots" }],
                },
              ],
              volumes: [{ name: "snapshot-volume", persistentVolumeClaim: { claimName } }],
            },
          },
        },
      },
    }),
  };
  return objectOf(b.release, body, fields);
}

function snapshotClaim(b: Bitnami, name: string, labels: Record<string, string>): K8sObject {
  const fields = new FieldMap()
    .set([], [...DR, "enabled"])
    .set(["spec", "resources", "requests", "storage"], [...DR, "pvc", "size"])
    .set(["spec", "storageClassName"], [...DR, "pvc", "storageClassName"]);
  const body = {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: compact({ name, namespace: b.namespace(false), labels, annotations: { "helm.sh/resource-policy": "keep" } }),
    spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: b.v.string([...DR, "pvc", "size"]) } }, storageClassName: b.v.string([...DR, "pvc", "storageClassName"]) },
  };
  return objectOf(b.release, body, fields);
}

export const etcd: ChartKnowledge = {
  charts: ["etcd"],
  majors: { min: 12, max: 12 },
  source: "bitnami/charts bitnami/etcd 12.0.20 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
