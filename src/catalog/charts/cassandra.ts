/**
 * bitnami/cassandra (research: chart 12.3.13). Template read: templates/statefulset.yaml.
 * StatefulSet `<fullname>` (`replicaCount` nodes, one component), VCT `data` and, when
 * `persistence.commitLogMountPath` is set, VCT `commitlog` (`persistence.commitLogsize`,
 * `persistence.commitStorageClass`), both labelled with `common.labels.matchLabels`.
 * No built-in backup.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, type ClaimSpec, replicasAt } from "./bitnami.js";

/** Defaults (bitnami/cassandra/values.yaml 12.3.13; lines from the research notes, others unrecorded). */
const defaults = {
  ...bitnamiCommonValues(),
  podLabels: {},
  podAnnotations: {},
  image: { registry: "docker.io", repository: "bitnami/cassandra", tag: "", digest: "" },
  replicaCount: 1, // line 249
  // enabled 656, existingClaim 659, storageClass 667, commitStorageClass 676, size 686
  persistence: { enabled: true, existingClaim: "", storageClass: "", commitStorageClass: "", commitLogMountPath: "", mountPath: "/bitnami/cassandra", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {} },
};

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "cassandra");
  const labels = b.matchLabels();
  const claims: ClaimSpec[] = [{ name: "data", persistence: ["persistence"], labels }];
  if (b.v.truthy(["persistence", "commitLogMountPath"])) claims.push({ name: "commitlog", persistence: ["persistence"], sizeKey: "commitLogsize", storageClassKey: "commitStorageClass", labels });
  return {
    objects: bitnamiWorkload(b, {
      kind: "StatefulSet",
      name: b.fullname(),
      labelPaths: [["commonLabels"]],
      podLabelPaths: [["podLabels"]],
      annotationPaths: [["commonAnnotations"]],
      podAnnotationsPath: ["podAnnotations"],
      replicas: replicasAt(b, ["replicaCount"]),
      container: "cassandra",
      honoursNamespaceOverride: false,
      data: {
        enabledPath: ["persistence", "enabled"],
        // existingClaim is a key of 12.3.13 (research line 659), rendered here as the usual Bitnami
        // existing-claim volume; the template version read had no such branch (not verified for 12.x).
        existingClaim: true,
        mountPath: b.v.string(["persistence", "mountPath"]),
        claims,
      },
    }),
  };
}

export const cassandra: ChartKnowledge = {
  charts: ["cassandra"],
  majors: { min: 12, max: 12 },
  source: "bitnami/charts bitnami/cassandra 12.3.13 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
