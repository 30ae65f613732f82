/**
 * bitnami/minio (research: chart 17.0.23). Templates read: templates/standalone/deployment.yaml,
 * templates/pvc.yaml, templates/distributed/statefulset.yaml. No built-in backup.
 *
 * - mode=standalone (default, line 204): Deployment `<fullname>` with volume `data` on the PVC
 *   `<fullname>` the chart makes (or persistence.existingClaim).
 * - mode=distributed: StatefulSet `<fullname>`, `statefulset.zones` × `statefulset.replicaCount`
 *   pods, VCT `data` (`data-0..n` with statefulset.drivesPerNode > 1), labelled with
 *   `common.labels.matchLabels`; no existingClaim branch.
 * Provisioned buckets (`provisioning.buckets`: versioning, withLock, lifecycle) are MinIO objects,
 * not Kubernetes ones: not rendered (see the report of issue 6).
 */
import type { ChartKnowledge, ChartRendering, HelmRelease } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, type ClaimSpec } from "./bitnami.js";

/** Defaults (bitnami/minio/values.yaml 17.0.23; lines from the research notes, others unrecorded). */
const defaults = {
  ...bitnamiCommonValues(),
  podLabels: {},
  podAnnotations: {},
  image: { registry: "docker.io", repository: "bitnami/minio", tag: "", digest: "" },
  mode: "standalone", // line 204
  statefulset: { replicaCount: 4, zones: 1, drivesPerNode: 1 }, // replicaCount 230, drivesPerNode 236
  // enabled 795, storageClass 803, size 813, existingClaim 819
  persistence: { enabled: true, storageClass: "", existingClaim: "", mountPath: "/bitnami/minio/data", accessModes: ["ReadWriteOnce"], size: "8Gi", annotations: {} },
  provisioning: { enabled: false, buckets: [] }, // lines 1479, 1653
};

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "minio");
  const name = b.fullname();
  const distributed = b.v.string(["mode"]) === "distributed";
  const drives = b.v.int(["statefulset", "drivesPerNode"]) ?? 1;
  const claim = (n: string): ClaimSpec => ({ name: n, persistence: ["persistence"], labels: distributed ? b.matchLabels() : {} });
  const claims = distributed && drives > 1 ? Array.from({ length: drives }, (_, i) => claim(`data-${i}`)) : [claim("data")];
  const zones = b.v.int(["statefulset", "zones"]) ?? 1;
  const perZone = b.v.int(["statefulset", "replicaCount"]);
  return {
    objects: bitnamiWorkload(b, {
      kind: distributed ? "StatefulSet" : "Deployment",
      name,
      labelPaths: [["commonLabels"]],
      podLabelPaths: distributed ? [["podLabels"], ["commonLabels"]] : [["podLabels"]],
      annotationPaths: [["commonAnnotations"]],
      podAnnotationsPath: ["podAnnotations"],
      // `replicas: {{ mul $zoneCount $replicaCount }}` (distributed/statefulset.yaml); the Deployment writes none (one pod).
      replicas: distributed ? { value: perZone === undefined ? undefined : zones * perZone, path: ["statefulset", "replicaCount"] } : { value: undefined },
      container: "minio",
      // Both templates write `.Release.Namespace`.
      honoursNamespaceOverride: false,
      data: {
        enabledPath: ["persistence", "enabled"],
        existingClaim: !distributed,
        mountPath: b.v.string(["persistence", "mountPath"]),
        claims,
        // `minio.createPVC`: standalone, persistence on, no existing claim (templates/pvc.yaml).
        ...(distributed ? {} : { standaloneClaim: { name, create: true, labels: b.standardLabels(b.v.stringMap(["commonLabels"])) } }),
      },
    }),
  };
}

export const minio: ChartKnowledge = {
  charts: ["minio"],
  majors: { min: 17, max: 17 },
  source: "bitnami/charts bitnami/minio 17.0.23 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
