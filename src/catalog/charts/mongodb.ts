/**
 * bitnami/mongodb (research: chart 17.0.2). Templates read: templates/standalone/dep-sts.yaml,
 * templates/standalone/pvc.yaml, templates/replicaset/statefulset.yaml, templates/backup/{cronjob,pvc}.yaml.
 *
 * - standalone (default): a Deployment `<fullname>` (useStatefulSet=false) with the PVC
 *   `<fullname>` the chart makes, or a StatefulSet with VCT `persistence.name` (default `datadir`).
 * - replicaset: StatefulSet `<fullname>`, `replicaCount` members (one component), VCT `datadir`.
 * - backup.enabled: CronJob + PVC `<fullname>-mongodump` (mongodump, the chart's built-in script
 *   when backup.cronjob.command is empty), a ChartBackup. The mongodb backup has no
 *   `storage.enabled` key: the PVC is always used (research notes, 1b).
 * The arbiter holds no data; hidden members (`hidden.enabled`, default false) are left out.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { bitnamiDump } from "./bitnami-dump.js";

/** Defaults (bitnami/mongodb/values.yaml 17.0.2; lines from the research notes, others unrecorded). */
const defaults = {
  ...bitnamiCommonValues(),
  labels: {},
  annotations: {},
  podLabels: {},
  podAnnotations: {},
  image: { registry: "docker.io", repository: "bitnami/mongodb", tag: "", digest: "" },
  architecture: "standalone", // line 165
  useStatefulSet: false, // line 168
  replicaCount: 2, // line 474
  // enabled 1307, name 1310, existingClaim 1320, storageClass 1330, size 1337
  persistence: { enabled: true, name: "datadir", medium: "", existingClaim: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", mountPath: "/bitnami/mongodb", annotations: {} },
  persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" },
  hidden: { enabled: false }, // line 2031
  backup: {
    enabled: false, // line 1390
    cronjob: {
      schedule: "@daily", // line 1396
      command: [], // line 1472: empty means the template's built-in mongodump command
      labels: {},
      annotations: {},
      extraVolumeMounts: [],
      // existingClaim 1485, storageClass 1495, size 1502, mountPath 1508
      storage: { existingClaim: "", resourcePolicy: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", mountPath: "/backup/mongodb" },
    },
  },
};

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "mongodb");
  const name = b.fullname();
  const replicaset = b.v.string(["architecture"]) === "replicaset";
  const statefulSet = replicaset || b.v.truthy(["useStatefulSet"]);
  const volumeName = b.v.stringOr(["persistence", "name"], "datadir"); // `.Values.persistence.name | default "datadir"`
  const count = b.v.int(["replicaCount"]);
  const objects = bitnamiWorkload(b, {
    kind: statefulSet ? "StatefulSet" : "Deployment",
    name,
    component: "mongodb",
    labelPaths: [["labels"], ["commonLabels"]],
    podLabelPaths: [["podLabels"], ["commonLabels"]],
    annotationPaths: [["annotations"], ["commonAnnotations"]],
    podAnnotationsPath: ["podAnnotations"],
    // Standalone runs one pod: `gt replicaCount 1 | ternary 1 replicaCount` (standalone/dep-sts.yaml).
    replicas: replicaset ? replicasAt(b, ["replicaCount"]) : { value: count !== undefined && count > 1 ? 1 : count, path: ["replicaCount"] },
    container: "mongodb",
    honoursNamespaceOverride: true,
    pvcRetentionPolicyPath: ["persistentVolumeClaimRetentionPolicy"],
    data: {
      enabledPath: ["persistence", "enabled"],
      // The replicaset template has no existingClaim branch.
      existingClaim: !replicaset,
      medium: true,
      mountPath: b.v.string(["persistence", "mountPath"]),
      claims: [{ name: volumeName, namePath: ["persistence", "name"], persistence: ["persistence"], labels: {} }],
      ...(statefulSet
        ? {}
        : { standaloneClaim: { name, create: true, labels: { ...b.standardLabels(), "app.kubernetes.io/component": "mongodb" } } }),
    },
  });
  const dump = bitnamiDump(b, {
    name: `${name}-mongodump`,
    component: "mongodump",
    tool: "mongodump",
    workload: { kind: statefulSet ? "StatefulSet" : "Deployment", name },
    labelPaths: [["commonLabels"], ["backup", "cronjob", "labels"]],
    cronJobHonoursNamespaceOverride: true,
    pvcHonoursNamespaceOverride: true,
    imageRoot: ["image"],
    // templates/backup/cronjob.yaml: the built-in command when backup.cronjob.command is empty.
    defaultCommand: ["/bin/sh", "-c", `mongodump --host=\${MONGODB_SERVICE_NAME} --port=\${MONGODB_PORT_NUMBER}${replicaset ? " --oplog" : ""} --gzip --archive=\${MONGODUMP_DIR}/mongodump-$(date '+%Y-%m-%d-%H-%M').gz`],
  });
  return { objects: [...objects, ...dump.objects], ...(dump.unknowns ? { unknowns: dump.unknowns } : {}) };
}

export const mongodb: ChartKnowledge = {
  charts: ["mongodb"],
  majors: { min: 17, max: 17 },
  source: "bitnami/charts bitnami/mongodb 17.0.2 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
