/**
 * Kubernetes catalog (issue 6): objects — from manifests or rendered by chart knowledge — to
 * graph nodes. Stateful workloads (StatefulSet volumeClaimTemplates, PVCs, operator clusters)
 * become components addressed `Kind/namespace/name`; Velero, CloudNativePG, k8up and chart
 * backup jobs become plans, selections and vaults.
 */
import type { Component, Mechanism, ScanUnknown } from "../graph/types.js";
import type { K8sObject } from "../helm/types.js";

export interface KubernetesNodes {
  components: Component[];
  mechanisms: Mechanism[];
  unknowns: ScanUnknown[];
}

/** `terraform`: the Terraform components of the scan, for joins (a Velero bucket defined as aws_s3_bucket, a cluster as aws_eks_cluster). */
export function kubernetesNodes(_objects: readonly K8sObject[], _terraform: { components: readonly Component[] }): KubernetesNodes {
  return { components: [], mechanisms: [], unknowns: [] };
}
