/**
 * bitnami/postgresql (research: bitnami-charts.md and helm-kubernetes.md §1, chart 17.1.0; the
 * `primary.*` / `readReplicas.*` keys are the same since 11.x, the KB range of the notes is
 * `>=16 <18`). Templates read: templates/primary/statefulset.yaml, templates/read/statefulset.yaml,
 * templates/backup/{cronjob,pvc}.yaml, templates/_helpers.tpl (bitnami/charts main).
 *
 * - Primary: StatefulSet `<fullname>` (standalone) or `<fullname>-<primary.name>` (replication),
 *   one replica, VCT `primary.persistence.volumeName` (default `data`).
 * - Read replicas (architecture=replication): StatefulSet `<fullname>-<readReplicas.name>`,
 *   VCT `data`, marked REPLICA_OF the primary.
 * - backup.enabled: CronJob + PVC `<primary>-pgdumpall` running pg_dumpall, and a ChartBackup.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease } from "../../helm/types.js";
import type { YamlPath } from "../../helm/yaml.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { bitnamiDump } from "./bitnami-dump.js";
import { dnsName } from "./template.js";

/** `postgresql.v1.chart.fullname`: global.postgresql.fullnameOverride, else common.names.fullname (templates/_helpers.tpl). */
class PostgresqlNames extends Bitnami {
  override fullname(): string {
    return this.v.truthy(["global", "postgresql", "fullnameOverride"]) ? this.v.string(["global", "postgresql", "fullnameOverride"]) : super.fullname();
  }

  override namePath(): YamlPath | undefined {
    return this.v.truthy(["global", "postgresql", "fullnameOverride"]) ? ["global", "postgresql", "fullnameOverride"] : super.namePath();
  }

  replication(): boolean {
    return this.v.string(["architecture"]) === "replication";
  }

  /** `postgresql.v1.primary.fullname`: `<fullname>-<primary.name>` in replication, else the fullname. */
  primaryName(): string {
    return this.replication() ? dnsName(`${this.fullname()}-${this.v.string(["primary", "name"])}`) : this.fullname();
  }

  /** `postgresql.v1.readReplica.fullname`. */
  readName(): string {
    return dnsName(`${this.fullname()}-${this.v.string(["readReplicas", "name"])}`);
  }
}

const persistenceDefaults = (size: string) => ({
  enabled: true,
  existingClaim: "",
  mountPath: "/bitnami/postgresql",
  storageClass: "",
  accessModes: ["ReadWriteOnce"],
  size,
  annotations: {},
  labels: {},
});

/**
 * Defaults of the keys read here. Lines are bitnami/postgresql/values.yaml 17.1.0 as the research
 * notes record them; keys without a line are read by the templates but their line was not recorded
 * (names, labels, images, access modes), with the value the chart ships.
 */
const defaults = {
  ...bitnamiCommonValues(),
  global: { ...bitnamiCommonValues().global, postgresql: { fullnameOverride: "" } },
  image: { registry: "docker.io", repository: "bitnami/postgresql", tag: "", digest: "" },
  architecture: "standalone", // line 194
  primary: {
    name: "primary",
    labels: {},
    annotations: {},
    podLabels: {},
    podAnnotations: {},
    // enabled line 801, volumeName 804, existingClaim 807, storageClass 823, size 830
    persistence: { ...persistenceDefaults("8Gi"), volumeName: "data" },
    persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" }, // enabled line 852
  },
  readReplicas: {
    name: "read",
    replicaCount: 1, // line 867
    labels: {},
    annotations: {},
    podLabels: {},
    podAnnotations: {},
    persistence: persistenceDefaults("8Gi"), // enabled line 1258, size 1284
    persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" },
  },
  backup: {
    enabled: false, // line 1320
    cronjob: {
      schedule: "@daily", // line 1323
      timeZone: "", // line 1325 (the CronJob template reads `backup.cronjob.timezone`, so this key renders nothing)
      labels: {},
      annotations: {},
      extraVolumeMounts: [],
      // enabled 1414, existingClaim 1418, resourcePolicy 1421, storageClass 1428, size 1435, mountPath 1441
      storage: { enabled: true, existingClaim: "", resourcePolicy: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", mountPath: "/backup/pgdump" },
    },
  },
};

function render(release: HelmRelease): ChartRendering {
  const b = new PostgresqlNames(release, "postgresql");
  const primary = b.primaryName();
  const objects = bitnamiWorkload(b, {
    kind: "StatefulSet",
    name: primary,
    component: "primary",
    labelPaths: [["primary", "labels"], ["commonLabels"]],
    podLabelPaths: [["primary", "podLabels"], ["commonLabels"]],
    annotationPaths: [["primary", "annotations"], ["commonAnnotations"]],
    podAnnotationsPath: ["primary", "podAnnotations"],
    replicas: { value: 1 }, // `replicas: 1` in templates/primary/statefulset.yaml
    container: "postgresql",
    honoursNamespaceOverride: true,
    pvcRetentionPolicyPath: ["primary", "persistentVolumeClaimRetentionPolicy"],
    data: {
      enabledPath: ["primary", "persistence", "enabled"],
      existingClaim: true,
      mountPath: b.v.string(["primary", "persistence", "mountPath"]),
      claims: [
        {
          name: b.v.stringOr(["primary", "persistence", "volumeName"], "data"),
          namePath: ["primary", "persistence", "volumeName"],
          persistence: ["primary", "persistence"],
          labels: b.v.stringMap(["primary", "persistence", "labels"]),
          labelSources: [{ path: ["primary", "persistence", "labels"], value: b.v.stringMap(["primary", "persistence", "labels"]) }],
        },
      ],
    },
  });
  if (b.replication()) {
    objects.push(
      ...bitnamiWorkload(b, {
        kind: "StatefulSet",
        name: b.readName(),
        component: "read",
        labelPaths: [["readReplicas", "labels"], ["commonLabels"]],
        podLabelPaths: [["readReplicas", "podLabels"], ["commonLabels"]],
        annotationPaths: [["readReplicas", "annotations"], ["commonAnnotations"]],
        podAnnotationsPath: ["readReplicas", "podAnnotations"],
        replicas: replicasAt(b, ["readReplicas", "replicaCount"]),
        container: "postgresql",
        honoursNamespaceOverride: true,
        replicaOf: `StatefulSet/${primary}`,
        pvcRetentionPolicyPath: ["readReplicas", "persistentVolumeClaimRetentionPolicy"],
        data: {
          enabledPath: ["readReplicas", "persistence", "enabled"],
          existingClaim: true,
          mountPath: b.v.string(["readReplicas", "persistence", "mountPath"]),
          // The read template names its VCT `data` literally (templates/read/statefulset.yaml).
          claims: [{ name: "data", persistence: ["readReplicas", "persistence"], labels: b.v.stringMap(["readReplicas", "persistence", "labels"]), labelSources: [{ path: ["readReplicas", "persistence", "labels"], value: b.v.stringMap(["readReplicas", "persistence", "labels"]) }] }],
        },
      }),
    );
  }
  const dump = bitnamiDump(b, {
    name: `${primary}-pgdumpall`,
    component: "pg_dumpall",
    tool: "pg_dumpall",
    workload: { kind: "StatefulSet", name: primary },
    storageEnabledPath: ["backup", "cronjob", "storage", "enabled"],
    labelPaths: [["backup", "cronjob", "labels"], ["commonLabels"]],
    // templates/backup/cronjob.yaml uses common.names.namespace, templates/backup/pvc.yaml .Release.Namespace.
    cronJobHonoursNamespaceOverride: true,
    pvcHonoursNamespaceOverride: false,
    timeZonePath: ["backup", "cronjob", "timezone"],
    imageRoot: ["image"],
  });
  return { objects: [...objects, ...dump.objects], ...(dump.unknowns ? { unknowns: dump.unknowns } : {}) };
}

export const postgresql: ChartKnowledge = {
  charts: ["postgresql"],
  majors: { min: 16, max: 17 },
  source: "bitnami/charts bitnami/postgresql 17.1.0 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
