/**
 * bitnami/postgresql-ha (research: chart 16.3.4). Templates read: templates/postgresql/statefulset.yaml,
 * templates/backup/{cronjob,pvc}.yaml, templates/_helpers.tpl (bitnami/charts main).
 *
 * - StatefulSet `<fullname>-postgresql` (repmgr, `postgresql.replicaCount` replicas, every pod a
 *   full copy; the cluster is one component), labels component `postgresql` and `role: data`,
 *   VCT `data` from the top-level `persistence.*`.
 * - backup.enabled: CronJob + PVC `<fullname>-postgresql-pgdumpall` (pg_dumpall), a ChartBackup.
 * The witness (`witness.create`, default false, line 703) and pgpool hold no data and are left out.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { bitnamiDump } from "./bitnami-dump.js";
import { dnsName } from "./template.js";

/** Defaults (bitnami/postgresql-ha/values.yaml 16.3.4; lines from the research notes, others unrecorded). */
const defaults = {
  ...bitnamiCommonValues(),
  postgresql: {
    image: { registry: "docker.io", repository: "bitnami/postgresql-repmgr", tag: "", digest: "" },
    replicaCount: 3, // line 150
    labels: {},
    podLabels: {},
    podAnnotations: {},
  },
  witness: { create: false }, // line 703
  // enabled 2049, existingClaim 2055, storageClass 2062, size 2072
  persistence: { enabled: true, existingClaim: "", storageClass: "", mountPath: "/bitnami/postgresql", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {}, labels: {} },
  persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" },
  backup: {
    enabled: false, // line 2174
    cronjob: {
      schedule: "@daily", // line 2177
      labels: {},
      annotations: {},
      extraVolumeMounts: [],
      // existingClaim 2310, storageClass 2320, size 2327, mountPath 2333
      storage: { existingClaim: "", resourcePolicy: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", mountPath: "/backup/pgdump" },
    },
  },
};

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "postgresql-ha");
  // `postgresql-ha.postgresql`: `<common.names.fullname>-postgresql` (templates/_helpers.tpl).
  const name = dnsName(`${b.fullname()}-postgresql`);
  const objects = bitnamiWorkload(b, {
    kind: "StatefulSet",
    name,
    component: "postgresql",
    extraLabels: { role: "data" },
    labelPaths: [["postgresql", "labels"], ["commonLabels"]],
    podLabelPaths: [["postgresql", "podLabels"], ["commonLabels"]],
    annotationPaths: [["commonAnnotations"]],
    podAnnotationsPath: ["postgresql", "podAnnotations"],
    replicas: replicasAt(b, ["postgresql", "replicaCount"]),
    container: "postgresql",
    imageRoot: ["postgresql", "image"],
    honoursNamespaceOverride: true,
    pvcRetentionPolicyPath: ["persistentVolumeClaimRetentionPolicy"],
    data: {
      enabledPath: ["persistence", "enabled"],
      existingClaim: true,
      mountPath: b.v.string(["persistence", "mountPath"]),
      claims: [{ name: "data", persistence: ["persistence"], labels: b.v.stringMap(["persistence", "labels"]), labelSources: [{ path: ["persistence", "labels"], value: b.v.stringMap(["persistence", "labels"]) }] }],
    },
  });
  const dump = bitnamiDump(b, {
    name: `${name}-pgdumpall`,
    component: "pg_dumpall",
    tool: "pg_dumpall",
    workload: { kind: "StatefulSet", name },
    labelPaths: [["backup", "cronjob", "labels"], ["commonLabels"]],
    // Both backup templates write `.Release.Namespace` (templates/backup/{cronjob,pvc}.yaml).
    cronJobHonoursNamespaceOverride: false,
    pvcHonoursNamespaceOverride: false,
    timeZonePath: ["backup", "cronjob", "timezone"],
    imageRoot: ["postgresql", "image"],
  });
  return { objects: [...objects, ...dump.objects], ...(dump.unknowns ? { unknowns: dump.unknowns } : {}) };
}

export const postgresqlHa: ChartKnowledge = {
  charts: ["postgresql-ha"],
  majors: { min: 16, max: 16 },
  source: "bitnami/charts bitnami/postgresql-ha 16.3.4 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
