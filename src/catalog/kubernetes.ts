/**
 * Kubernetes catalog (issue 6): objects — from manifests or rendered by chart knowledge — to
 * graph nodes. Stateful workloads (StatefulSet volumeClaimTemplates, PVCs, operator clusters)
 * become components addressed `Kind/namespace/name`; Velero, CloudNativePG, k8up and chart backup
 * jobs become plans, selections and vaults. One path for both sources: a field's origin says where
 * a finding lands (the manifest's line, or the user's values key of a chart).
 *
 * - kubernetes-workloads.ts: components (kind from the container image, tags, storage facts, remedies).
 * - kubernetes-velero.ts: BackupStorageLocations, Schedules, alerts (MON-001), the repository password (ENC-004).
 * - kubernetes-operators.ts: CloudNativePG backups and k8up Schedules.
 * - kubernetes-chart-backups.ts: ChartBackup objects and dump CronJobs.
 * - kubernetes-context.ts / kubernetes-targets.ts: StorageClasses, PersistentVolumes, buckets of the scan.
 */
import type { Component, Mechanism, ScanUnknown } from "../graph/types.js";
import type { K8sObject } from "../helm/types.js";
import { backupTargetClaims, chartBackupMechanisms } from "./kubernetes-chart-backups.js";
import { Buckets, PersistentVolumes, StorageClasses } from "./kubernetes-context.js";
import { cnpgMechanisms, k8upMechanisms } from "./kubernetes-operators.js";
import { veleroMechanisms } from "./kubernetes-velero.js";
import { workloadComponents, type KubernetesComponent } from "./kubernetes-workloads.js";

export interface KubernetesNodes {
  components: Component[];
  mechanisms: Mechanism[];
  unknowns: ScanUnknown[];
}

/** `terraform`: the Terraform components of the scan, for joins (a Velero bucket defined as aws_s3_bucket, a cluster as aws_eks_cluster). */
export function kubernetesNodes(objects: readonly K8sObject[], terraform: { components: readonly Component[] }): KubernetesNodes {
  if (objects.length === 0) return { components: [], mechanisms: [], unknowns: [] };
  const storage = new StorageClasses(objects);
  const buckets = new Buckets(terraform.components);
  const found = workloadComponents(objects, { storage, volumes: new PersistentVolumes(objects), isBackupTarget: backupTargetClaims(objects) });
  const components = dedupe(found);
  const mechanisms: Mechanism[] = [
    ...veleroMechanisms(objects, buckets),
    ...cnpgMechanisms(objects, components, buckets),
    ...k8upMechanisms(objects, buckets),
    ...chartBackupMechanisms(objects, { components, storage, buckets }),
  ];
  return { components: components.map((kc) => kc.component), mechanisms: dedupeNodes(mechanisms), unknowns: [] };
}

/** The same object in two files (a manifest and its copy) is one node: the first wins. */
function dedupe(list: KubernetesComponent[]): KubernetesComponent[] {
  const seen = new Set<string>();
  return list.filter((kc) => (seen.has(kc.component.id) ? false : (seen.add(kc.component.id), true)));
}

function dedupeNodes<T extends { id: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)));
}
