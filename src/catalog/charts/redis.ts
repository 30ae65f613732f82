/**
 * bitnami/redis (research: chart 23.1.1). Templates read: templates/master/application.yaml,
 * templates/master/pvc.yaml, templates/replicas/statefulset.yaml, templates/sentinel/statefulset.yaml.
 * No built-in backup (research notes, 1b).
 *
 * - Master (standalone, or replication without sentinel): `<fullname>-master`, kind `master.kind`
 *   (StatefulSet: VCT `redis-data`; Deployment: PVC `redis-data-<fullname>-master`, which the
 *   chart makes only in standalone).
 * - Replicas (replication without sentinel): StatefulSet `<fullname>-replicas`, marked REPLICA_OF
 *   the master.
 * - Sentinel (replication with sentinel.enabled): StatefulSet `<fullname>-node` whose pods elect
 *   the master among themselves (no master workload), `replica.persistence`.
 * On-disk durability also depends on `commonConfiguration` (line 195: `appendonly yes`, `save ""`).
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { dnsName } from "./template.js";

const persistence = { enabled: true, medium: "", existingClaim: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", path: "/data", annotations: {} };

/** Defaults (bitnami/redis/values.yaml 23.1.1; lines from the research notes, others unrecorded). */
const defaults = {
  ...bitnamiCommonValues(),
  image: { registry: "docker.io", repository: "bitnami/redis", tag: "", digest: "" },
  architecture: "replication", // line 140
  master: {
    kind: "StatefulSet", // line 370
    podLabels: {},
    podAnnotations: {},
    persistence, // enabled 508, medium 511, storageClass 531, size 538, existingClaim 558
  },
  replica: {
    replicaCount: 3, // line 685
    podLabels: {},
    podAnnotations: {},
    persistence, // enabled 993
  },
  sentinel: { enabled: false, persistence: { enabled: false } }, // lines 1175, 1338
};

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "redis");
  const fullname = b.fullname();
  const replication = b.v.string(["architecture"]) === "replication";
  const sentinel = replication && b.v.truthy(["sentinel", "enabled"]);
  const objects: K8sObject[] = [];
  const claim = (component: string, role: "master" | "replica") => ({
    name: "redis-data",
    persistence: [role, "persistence"],
    // VCT labels: `common.labels.matchLabels` plus the component (master/application.yaml).
    labels: { ...b.matchLabels(), "app.kubernetes.io/component": component },
  });
  const master = dnsName(`${fullname}-master`);
  if (!sentinel) {
    const kind = b.v.string(["master", "kind"]) === "Deployment" ? "Deployment" : "StatefulSet";
    objects.push(
      ...bitnamiWorkload(b, {
        kind,
        name: master,
        component: "master",
        labelPaths: [["commonLabels"]],
        podLabelPaths: [["master", "podLabels"], ["commonLabels"]],
        annotationPaths: [["commonAnnotations"]],
        podAnnotationsPath: ["master", "podAnnotations"],
        replicas: { value: 1 },
        container: "redis",
        honoursNamespaceOverride: true,
        data: {
          enabledPath: ["master", "persistence", "enabled"],
          existingClaim: true,
          medium: true,
          mountPath: b.v.string(["master", "persistence", "path"]),
          claims: [claim("master", "master")],
          ...(kind === "Deployment"
            ? {
                standaloneClaim: {
                  name: `redis-data-${fullname}-master`,
                  // templates/master/pvc.yaml renders only in standalone.
                  create: !replication,
                  labels: { ...b.standardLabels(b.customLabels([["master", "persistence", "labels"], ["commonLabels"]]).labels), "app.kubernetes.io/component": "master" },
                },
              }
            : {}),
        },
      }),
    );
  }
  if (replication) {
    const component = sentinel ? "node" : "replica";
    objects.push(
      ...bitnamiWorkload(b, {
        kind: "StatefulSet",
        name: dnsName(`${fullname}-${sentinel ? "node" : "replicas"}`),
        component,
        labelPaths: [["commonLabels"]],
        podLabelPaths: [["replica", "podLabels"], ["commonLabels"]],
        annotationPaths: [["commonAnnotations"]],
        podAnnotationsPath: ["replica", "podAnnotations"],
        replicas: replicasAt(b, ["replica", "replicaCount"]),
        container: "redis",
        honoursNamespaceOverride: true,
        ...(sentinel ? {} : { replicaOf: `${b.v.string(["master", "kind"]) === "Deployment" ? "Deployment" : "StatefulSet"}/${master}` }),
        data: { enabledPath: ["replica", "persistence", "enabled"], medium: true, mountPath: b.v.string(["replica", "persistence", "path"]), claims: [claim(component, "replica")] },
      }),
    );
  }
  return { objects };
}

export const redis: ChartKnowledge = {
  charts: ["redis"],
  majors: { min: 23, max: 23 },
  source: "bitnami/charts bitnami/redis 23.1.1 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
