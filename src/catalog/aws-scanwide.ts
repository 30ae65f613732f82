/**
 * Facts that need more than one resource of the scan: state-backend buckets
 * (a root's backend names a bucket of any root), AWS Organizations backup policies
 * and their attachments, and whether vault notification topics accept AWS Backup.
 */
import type { BackupVault, Component, Mechanism } from "../graph/types.js";
import type { EvaluatedRoot, ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, isUnknown } from "../terraform/value.js";
import { topicAcceptsBackup, type ResourceFinder } from "./aws-monitoring.js";
import { organizationsBackupPolicy } from "./aws-organizations.js";

export function scanWideFinder(roots: EvaluatedRoot[]): ResourceFinder {
  const byRoot = new Map<string, Map<string, ResourceInstance>>();
  for (const root of roots) byRoot.set(root.root, new Map(root.resources.map((r) => [r.address, r])));
  return (root, address) => {
    const m = byRoot.get(root);
    return m?.get(address) ?? m?.get(`${address}[*]`) ?? m?.get(`${address}[0]`);
  };
}

/** The resource type that holds the state of each backend that keeps it in object storage. */
const STATE_BACKEND_TYPES: Readonly<Record<string, string>> = { s3: "aws_s3_bucket", gcs: "google_storage_bucket", azurerm: "azurerm_storage_account" };

/** Buckets (and Azure storage accounts) named by a root's `backend "s3"`, `"gcs"` or `"azurerm"` become kind `state-backend`. */
export function markStateBackends(roots: EvaluatedRoot[], components: Component[]): void {
  const byTypeAndName = new Map<string, Component[]>();
  const stateTypes = new Set(Object.values(STATE_BACKEND_TYPES));
  for (const c of components) {
    if (!stateTypes.has(c.type)) continue;
    for (const name of c.names ?? (typeof c.arnParts?.name === "string" ? [c.arnParts.name] : [])) {
      const k = `${c.type}\u0000${name}`;
      (byTypeAndName.get(k) ?? byTypeAndName.set(k, []).get(k)!).push(c);
    }
  }
  for (const root of roots) {
    const b = root.backend;
    const type = b ? STATE_BACKEND_TYPES[b.type] : undefined;
    if (!b || type === undefined || b.bucket === undefined) continue;
    for (const c of byTypeAndName.get(`${type}\u0000${b.bucket}`) ?? []) {
      c.kind = "state-backend";
      (c.stateBackendOf ??= []).push(root.root);
    }
  }
}

/** Plans and selections of every aws_organizations_policy of type BACKUP_POLICY, scoped by its attachments. */
export function organizationsPolicies(roots: EvaluatedRoot[], find: ResourceFinder): Mechanism[] {
  const out: Mechanism[] = [];
  for (const root of roots) {
    const attachments = root.resources.filter((r) => r.mode === "managed" && r.type === "aws_organizations_policy_attachment");
    for (const r of root.resources) {
      if (r.mode !== "managed" || r.type !== "aws_organizations_policy") continue;
      const mine = attachments.filter((a) => {
        const v = a.body.attributes.get("policy_id")?.value;
        const ref = isRef(v) ? v : isUnknown(v) ? v.ref : undefined;
        return ref !== undefined && find(a.root, ref.address) === r;
      });
      out.push(...organizationsBackupPolicy(r, mine));
    }
  }
  return out;
}

/** Fill `topicAcceptsBackup` of every vault notification. */
export function notificationTopics(roots: EvaluatedRoot[], mechanisms: Mechanism[], find: ResourceFinder): void {
  const topicPolicies = roots.flatMap((root) => root.resources.filter((r) => r.mode === "managed" && r.type === "aws_sns_topic_policy"));
  for (const m of mechanisms) {
    if (m.node !== "backup-vault") continue;
    for (const n of (m as BackupVault).notifications) n.topicAcceptsBackup = topicAcceptsBackup(n.topic, topicPolicies, find);
  }
}
