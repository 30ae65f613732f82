/**
 * bitnami/elasticsearch (research: chart 22.1.7). Templates read: templates/master/statefulset.yaml,
 * templates/data/statefulset.yaml, templates/_helpers.tpl. Coordinating and ingest nodes are
 * stateless. `snapshotRepoPath` (line 109) only sets `path.repo`: no snapshot policy is created,
 * so there is no built-in backup (research notes, 1b).
 *
 * - `<fullname>-master` (`master.replicaCount` > 0; with master.masterOnly=false the masters hold data too)
 * - `<fullname>-data` (`data.replicaCount` > 0)
 * each with VCT `data` labelled with commonLabels. bitnami/opensearch renders the same nodes
 * (opensearch.ts reuses searchNodes).
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { dnsName } from "./template.js";

export const nodeDefaults = (replicaCount: number) => ({
  replicaCount,
  nameOverride: "",
  fullnameOverride: "",
  annotations: {},
  podLabels: {},
  podAnnotations: {},
  persistence: { enabled: true, existingClaim: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {} },
});

export const searchDefaults = (image: string) => ({
  ...bitnamiCommonValues(),
  image: { registry: "docker.io", repository: image, tag: "", digest: "" },
  snapshotRepoPath: "",
});

/**
 * `<chart>.<role>.fullname`: `<role>.fullnameOverride`, else `<fullname>-<role>.nameOverride|role`
 * (templates/_helpers.tpl of both charts).
 */
function nodeName(b: Bitnami, role: "master" | "data"): string {
  if (b.v.truthy([role, "fullnameOverride"])) return dnsName(b.v.string([role, "fullnameOverride"]));
  return dnsName(`${b.fullname()}-${b.v.stringOr([role, "nameOverride"], role)}`);
}

export function searchNodes(b: Bitnami, container: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const role of ["master", "data"] as const) {
    // `<chart>.<role>.enabled`: replicaCount > 0 (autoscaling aside).
    if ((b.v.int([role, "replicaCount"]) ?? 0) <= 0) continue;
    const common = b.v.stringMap(["commonLabels"]);
    objects.push(
      ...bitnamiWorkload(b, {
        kind: "StatefulSet",
        name: nodeName(b, role),
        component: role,
        labelPaths: [["commonLabels"]],
        podLabelPaths: [[role, "podLabels"], ["commonLabels"]],
        annotationPaths: [[role, "annotations"], ["commonAnnotations"]],
        podAnnotationsPath: [role, "podAnnotations"],
        replicas: replicasAt(b, [role, "replicaCount"]),
        container,
        honoursNamespaceOverride: true,
        data: {
          enabledPath: [role, "persistence", "enabled"],
          existingClaim: true,
          mountPath: `/bitnami/${container}/data`,
          claims: [{ name: "data", persistence: [role, "persistence"], labels: common, labelSources: [{ path: ["commonLabels"], value: common }] }],
        },
      }),
    );
  }
  return objects;
}

/** The StatefulSet whose data a cluster-wide snapshot protects: data nodes, else the masters. */
export function dataNodes(b: Bitnami): { kind: string; name: string } {
  return { kind: "StatefulSet", name: nodeName(b, (b.v.int(["data", "replicaCount"]) ?? 0) > 0 ? "data" : "master") };
}

function render(release: HelmRelease): ChartRendering {
  return { objects: searchNodes(new Bitnami(release, "elasticsearch"), "elasticsearch") };
}

/** Defaults (bitnami/elasticsearch/values.yaml 22.1.7): snapshotRepoPath 109, master.masterOnly 479, master.replicaCount 482, master.persistence.enabled 820, size 852, storageClass 828; data.replicaCount 896, data.persistence.enabled 1230, size 1262. */
export const elasticsearch: ChartKnowledge = {
  charts: ["elasticsearch"],
  majors: { min: 22, max: 22 },
  source: "bitnami/charts bitnami/elasticsearch 22.1.7 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults: { ...searchDefaults("bitnami/elasticsearch"), master: { ...nodeDefaults(2), masterOnly: true }, data: nodeDefaults(2) },
  render,
};
