/**
 * bitnami/mysql (research: chart 14.0.5). Templates read: templates/primary/statefulset.yaml,
 * templates/secondary/statefulset.yaml, templates/_helpers.tpl (bitnami/charts main). No built-in
 * backup: the README points to Velero (research notes, 1b).
 *
 * - Primary: StatefulSet `<fullname>` (standalone) or `<fullname>-<primary.name>` (replication),
 *   one replica, VCT `data` labelled with the selector labels and component `primary`.
 * - Secondaries (architecture=replication): `<fullname>-<secondary.name>`, `secondary.replicaCount`
 *   replicas, marked REPLICA_OF the primary.
 * MariaDB's chart has the same shape (mariadb.ts reuses primaryAndSecondaries).
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import type { YamlPath } from "../../helm/yaml.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { dnsName } from "./template.js";

export const replicatedDefaults = (image: string) => ({
  ...bitnamiCommonValues(),
  image: { registry: "docker.io", repository: image, tag: "", digest: "" },
  architecture: "standalone",
  primary: {
    name: "primary",
    podLabels: {},
    podAnnotations: {},
    persistence: { enabled: true, existingClaim: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {} },
    persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" },
  },
  secondary: {
    name: "secondary",
    replicaCount: 1,
    podLabels: {},
    podAnnotations: {},
    persistence: { enabled: true, existingClaim: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {} },
    persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" },
  },
});

export interface ReplicatedChart {
  chart: string;
  container: string;
  /** `app.kubernetes.io/part-of` the chart adds to labels and selectors (mysql: `mysql`). */
  partOf?: string;
  /** restorable.dev annotations for both roles (MariaDB TDE). */
  markers?: { key: string; value: string; path: YamlPath }[];
}

/** Primary and, in replication, secondaries, as bitnami/mysql and bitnami/mariadb render them. */
export function primaryAndSecondaries(b: Bitnami, c: ReplicatedChart): K8sObject[] {
  const replication = b.v.string(["architecture"]) === "replication";
  const fullname = b.fullname();
  // `<chart>.primary.fullname` / `<chart>.secondary.fullname` (templates/_helpers.tpl).
  const primary = replication ? dnsName(`${fullname}-${b.v.string(["primary", "name"])}`) : fullname;
  const extra: Record<string, string> = c.partOf ? { "app.kubernetes.io/part-of": c.partOf } : {};
  const role = (component: "primary" | "secondary", name: string, replicas: ReturnType<typeof replicasAt> | { value: number }) => {
    // VCT labels: `common.labels.matchLabels` of commonLabels plus the component (primary/statefulset.yaml).
    const claimLabels = { ...b.matchLabels(b.v.stringMap(["commonLabels"])), "app.kubernetes.io/component": component };
    return bitnamiWorkload(b, {
      kind: "StatefulSet",
      name,
      component,
      extraLabels: extra,
      labelPaths: [["commonLabels"]],
      podLabelPaths: [[component, "podLabels"], ["commonLabels"]],
      annotationPaths: [["commonAnnotations"]],
      podAnnotationsPath: [component, "podAnnotations"],
      replicas,
      container: c.container,
      honoursNamespaceOverride: true,
      pvcRetentionPolicyPath: [component, "persistentVolumeClaimRetentionPolicy"],
      ...(component === "secondary" ? { replicaOf: `StatefulSet/${primary}` } : {}),
      ...(c.markers ? { markers: c.markers } : {}),
      data: {
        enabledPath: [component, "persistence", "enabled"],
        existingClaim: true,
        mountPath: `/bitnami/${c.chart}`,
        claims: [{ name: "data", persistence: [component, "persistence"], labels: claimLabels, labelSources: [{ path: ["commonLabels"], value: b.v.stringMap(["commonLabels"]) }] }],
      },
    });
  };
  const objects = role("primary", primary, { value: 1 });
  if (replication) objects.push(...role("secondary", dnsName(`${fullname}-${b.v.string(["secondary", "name"])}`), replicasAt(b, ["secondary", "replicaCount"])));
  return objects;
}

function render(release: HelmRelease): ChartRendering {
  return { objects: primaryAndSecondaries(new Bitnami(release, "mysql"), { chart: "mysql", container: "mysql", partOf: "mysql" }) };
}

/**
 * Defaults (bitnami/mysql/values.yaml 14.0.5; lines from the research notes): architecture 119,
 * primary.persistence.enabled 528, existingClaim 532, storageClass 543, size 553;
 * secondary.replicaCount 679, secondary.persistence.enabled 971, size 996.
 */
export const mysql: ChartKnowledge = {
  charts: ["mysql"],
  majors: { min: 14, max: 14 },
  source: "bitnami/charts bitnami/mysql 14.0.5 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults: replicatedDefaults("bitnami/mysql"),
  render,
};
