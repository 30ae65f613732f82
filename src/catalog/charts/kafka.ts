/**
 * bitnami/kafka in KRaft mode (research: chart 32.4.4). Templates read:
 * templates/controller-eligible/statefulset.yaml, templates/broker/statefulset.yaml (same shape).
 * No built-in backup (research notes, 1b).
 *
 * - `<fullname>-controller` (when kraft.enabled and controller.replicaCount > 0): controller-eligible
 *   nodes that also hold topic data unless controller.controllerOnly, VCT `data`.
 * - `<fullname>-broker` (broker.replicaCount > 0, default 0): broker-only nodes, VCT `data`.
 * Log persistence (`*.logPersistence`, off by default) holds Kafka's own logs, not data: left out.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import { Bitnami, bitnamiCommonValues, bitnamiWorkload, replicasAt } from "./bitnami.js";
import { dnsName } from "./template.js";

const persistence = { enabled: true, existingClaim: "", storageClass: "", accessModes: ["ReadWriteOnce"], size: "8Gi", mountPath: "/bitnami/kafka", annotations: {}, labels: {} };

/** Defaults (bitnami/kafka/values.yaml 32.4.4; lines from the research notes, others unrecorded). */
const defaults = {
  ...bitnamiCommonValues(),
  image: { registry: "docker.io", repository: "bitnami/kafka", tag: "", digest: "" },
  kraft: { enabled: true }, // the controller template's gate; its line not recorded in the notes
  controller: {
    replicaCount: 3, // line 676
    controllerOnly: false, // line 679
    podLabels: {},
    podAnnotations: {},
    persistence, // enabled 1065, storageClass 1077, size 1084
    logPersistence: { enabled: false }, // line 1105
  },
  broker: {
    replicaCount: 0, // line 1142
    podLabels: {},
    podAnnotations: {},
    persistence, // enabled 1525, size 1544
  },
};

function role(b: Bitnami, key: "controller" | "broker", component: string): K8sObject[] {
  return bitnamiWorkload(b, {
    kind: "StatefulSet",
    name: dnsName(`${b.fullname()}-${key}`),
    component,
    extraLabels: { "app.kubernetes.io/part-of": "kafka" },
    labelPaths: [["commonLabels"]],
    podLabelPaths: [[key, "podLabels"], ["commonLabels"]],
    annotationPaths: [["commonAnnotations"]],
    podAnnotationsPath: [key, "podAnnotations"],
    replicas: replicasAt(b, [key, "replicaCount"]),
    container: "kafka",
    honoursNamespaceOverride: true,
    data: {
      enabledPath: [key, "persistence", "enabled"],
      existingClaim: true,
      mountPath: b.v.string([key, "persistence", "mountPath"]),
      claims: [{ name: "data", persistence: [key, "persistence"], labels: b.v.stringMap([key, "persistence", "labels"]), labelSources: [{ path: [key, "persistence", "labels"], value: b.v.stringMap([key, "persistence", "labels"]) }] }],
    },
  });
}

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "kafka");
  const objects: K8sObject[] = [];
  if (b.v.truthy(["kraft", "enabled"]) && (b.v.int(["controller", "replicaCount"]) ?? 0) > 0) objects.push(...role(b, "controller", "controller-eligible"));
  if ((b.v.int(["broker", "replicaCount"]) ?? 0) > 0) objects.push(...role(b, "broker", "broker"));
  return { objects };
}

export const kafka: ChartKnowledge = {
  charts: ["kafka"],
  majors: { min: 32, max: 32 },
  source: "bitnami/charts bitnami/kafka 32.4.4 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
