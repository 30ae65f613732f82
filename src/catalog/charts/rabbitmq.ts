/**
 * bitnami/rabbitmq (research: chart 16.0.16). Template read: templates/statefulset.yaml.
 * StatefulSet `<fullname>` (`replicaCount` nodes, one component), VCT `data` labelled with
 * `common.labels.matchLabels` of persistence.labels and commonLabels. No built-in backup.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";

/** Defaults (bitnami/rabbitmq/values.yaml 16.0.16; lines from the research notes, others unrecorded). */
const defaults = {
  ...bitnamiCommonValues(),
  statefulsetLabels: {},
  statefulsetAnnotations: {},
  podLabels: {},
  podAnnotations: {},
  image: { registry: "docker.io", repository: "bitnami/rabbitmq", tag: "", digest: "" },
  replicaCount: 1, // line 683
  // enabled 974, storageClass 982, existingClaim 997, mountPath 1001, size 1009
  persistence: { enabled: true, storageClass: "", existingClaim: "", mountPath: "/opt/bitnami/rabbitmq/.rabbitmq/mnesia", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {}, labels: {} },
  persistentVolumeClaimRetentionPolicy: { enabled: false, whenScaled: "Retain", whenDeleted: "Retain" },
};

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "rabbitmq");
  const claimCustom = b.customLabels([["persistence", "labels"], ["commonLabels"]]);
  return {
    objects: bitnamiWorkload(b, {
      kind: "StatefulSet",
      name: b.fullname(),
      labelPaths: [["statefulsetLabels"], ["commonLabels"]],
      podLabelPaths: [["podLabels"], ["commonLabels"]],
      annotationPaths: [["statefulsetAnnotations"], ["commonAnnotations"]],
      podAnnotationsPath: ["podAnnotations"],
      replicas: replicasAt(b, ["replicaCount"]),
      container: "rabbitmq",
      honoursNamespaceOverride: true,
      pvcRetentionPolicyPath: ["persistentVolumeClaimRetentionPolicy"],
      data: {
        enabledPath: ["persistence", "enabled"],
        existingClaim: true,
        mountPath: b.v.string(["persistence", "mountPath"]),
        // `common.labels.matchLabels` keeps only name/instance of the custom labels.
        claims: [{ name: "data", persistence: ["persistence"], labels: b.matchLabels(claimCustom.labels) }],
      },
    }),
  };
}

export const rabbitmq: ChartKnowledge = {
  charts: ["rabbitmq"],
  majors: { min: 16, max: 16 },
  source: "bitnami/charts bitnami/rabbitmq 16.0.16 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
