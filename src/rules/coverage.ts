/** Coverage rules: is there a backup at all (SPEC section 4, COV-*). */
import type { Component, Coverage, Location } from "../graph/types.js";
import { isUnknownFact } from "../graph/types.js";
import { aboutComponent, holdsBackupableData } from "./scope.js";
import { levelFor } from "./recovery-common.js";
import type { Rule, RuleContext } from "./types.js";


export const statefulComponentWithoutBackup: Rule = {
  meta: {
    id: "COV-001",
    name: "StatefulComponentWithoutBackup",
    category: "coverage",
    level: "error",
    shortDescription: "Stateful component with no effective backup mechanism.",
    fullDescription:
      "A component that holds data at rest (database, bucket, volume, file system, persistent cache, search index, warehouse, state backend) has no mechanism that keeps restorable points in time: no automated backups with retention above zero, no point-in-time recovery, no AWS Backup selection or snapshot policy that selects it, no object versioning. Replication alone does not count: it copies deletions and corruption.",
    helpText:
      "Give the component a backup: enable its native automated backups or point-in-time recovery, or select it in an AWS Backup plan (by reference, ARN or tag). Coverage is computed over the whole scan, so a selection in another file or root counts.",
    helpMarkdown: [
      "A stateful component has no backup that keeps restorable points in time.",
      "",
      "Coverage is computed over the whole scan: native automated backups with retention above zero, point-in-time recovery, an `aws_backup_selection` that selects the resource by reference, ARN (wildcards included) or tag (with the provider's `default_tags` merged in), a snapshot lifecycle policy, or object versioning. Replication alone is not a backup: it copies deletions and corruption.",
      "",
      "Example that fires (the selection's tag has a typo):",
      "",
      "```hcl",
      'resource "aws_dynamodb_table" "orders" {',
      '  name     = "orders"',
      '  hash_key = "id"',
      '  tags     = { backup = "daily" }',
      "}",
      "",
      'resource "aws_backup_selection" "daily" {',
      '  name    = "daily"',
      "  plan_id = aws_backup_plan.daily.id",
      "  selection_tag {",
      '    type  = "STRINGEQUALS"',
      '    key   = "backup"',
      '    value = "dialy"',
      "  }",
      "}",
      "```",
      "",
      "Fix: correct the selection (`value = \"daily\"`), or enable `point_in_time_recovery { enabled = true }` on the table.",
    ].join("\n"),
    tags: ["backup", "coverage", "data-loss"],
    securitySeverity: "8.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote:
      "On Kubernetes: StatefulSets with volumeClaimTemplates, PersistentVolumeClaims and CloudNativePG clusters that no Velero schedule, k8up schedule, CloudNativePG backup or chart backup covers (by namespace and labels). A data store whose data lives in an emptyDir (persistence off) is ephemeral and reported only when a data class says its data must be kept. A schedule that selects a workload but copies none of its volume data is COV-006.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!holdsBackupableData(c) || stateBackendUnversioned(c)) continue;
      // Class ephemeral alone (caches, scratch): exempt from coverage (SPEC section 3).
      const req = ctx.policy.requirementsFor(c);
      if (req.ephemeral) continue;
      const coverage = ctx.graph.coverage.get(c.id);
      if (coverage?.status !== "uncovered") continue;
      // One fault, one finding: a backup that copies only the objects is COV-006's.
      if (coverage.metadataOnly?.length) continue;
      if (c.ephemeralStorage) {
        // Data in an emptyDir is not a backup gap unless a class says it must be kept (issue 6).
        if (req.classes.length > 0) reportEphemeral(ctx, c, req.classes, coverage);
        continue;
      }
      const anchor = c.nativeBackup.anchor && c.anchors[c.nativeBackup.anchor] ? c.nativeBackup.anchor : "";
      ctx.report({
        message:
          `${c.address} (${c.kind}) has no backup: ${noBackupText(c)}, ` +
          `so data deleted or corrupted in it cannot be restored. ` +
          (c.remedies ? `${c.remedies.enableBackup.charAt(0).toUpperCase()}${c.remedies.enableBackup.slice(1)}.` : `Enable its native backups or point-in-time recovery, or select it in an AWS Backup plan.`),
        ...aboutComponent(c),
        location: anchor ? c.anchors[anchor]! : c.location,
        anchor,
        related: coverage.related.slice(0, 20),
      });
    }
  },
};

/** Why nothing protects the component, in its provider's terms. */
function noBackupText(c: Component): string {
  if (c.provider === "kubernetes") {
    const ns = typeof c.namespace === "string" ? `namespace ${c.namespace}` : "its namespace";
    return `no Velero schedule, k8up schedule, CloudNativePG backup or chart backup covers ${ns} and its labels`;
  }
  return "nothing keeps restorable points in time for it (no automated backups or point-in-time recovery, and no backup selection, snapshot policy or versioning covers it)";
}

/** COV-001 for a data store whose data lives only in an emptyDir while its class needs the data kept. */
function reportEphemeral(ctx: RuleContext, c: Component, classes: readonly string[], coverage: Coverage): void {
  const at = c.ephemeralStorage!;
  ctx.report({
    message:
      `${c.address} (${c.kind}) keeps its data in an emptyDir (persistence is off): the data is lost whenever its pod is rescheduled, and no backup covers it, ` +
      `but its class ${classes.join(", ")} needs the data kept. Enable persistence (a PersistentVolumeClaim, e.g. persistence.enabled: true in its chart's values) and back it up` +
      (c.remedies ? `: ${c.remedies.enableBackup}.` : "."),
    ...aboutComponent(c),
    location: at.location,
    anchor: at.anchor,
    related: coverage.related.slice(0, 20),
  });
}

const BACKUP_STREAMS: ReadonlySet<string> = new Set(["plan-rule", "copy", "external", "snapshot-policy"]);

/** Whether the component keeps points outside itself (AWS Backup, copies, external): they survive its deletion. */
export function hasIndependentRecoveryPoints(c: Component, coverage: Coverage | undefined): boolean {
  return coverage?.status === "covered" && coverage.streams.some((s) => BACKUP_STREAMS.has(s.via));
}

function anchorOr(c: Component, ...keys: string[]): { location: Location; anchor: string } {
  for (const k of keys) if (c.anchors[k]) return { location: c.anchors[k]!, anchor: k };
  return { location: c.location, anchor: "" };
}

export const selectionTargetsNothing: Rule = {
  meta: {
    id: "COV-002",
    name: "BackupSelectionTargetsNothing",
    category: "coverage",
    level: "warning",
    shortDescription: "Backup selection that very likely targets nothing.",
    fullDescription:
      "A backup selection has a tag condition that no selectable component in its account and region satisfies while one has a near miss (the same key in another case, or a value within edit distance 2), or references a resource that this scan does not define. Selections of resources managed elsewhere (literal ARNs, tags with no near miss) are normal for central backup stacks and are not reported.",
    helpText:
      "Correct the tag key or value so it matches the resources it is meant to select (tag matching is case-sensitive), or fix the reference. The near-miss components are listed as related locations.",
    helpMarkdown: [
      "A backup selection very likely selects nothing: its tag condition matches no resource in its account and region, while a resource carries almost the same tag.",
      "",
      "```hcl",
      'resource "aws_backup_selection" "daily" {',
      "  selection_tag {",
      '    type  = "STRINGEQUALS"',
      '    key   = "backup"',
      '    value = "dialy"   # the tables say "daily"',
      "  }",
      "}",
      "```",
      "",
      'Fix: `value = "daily"`. Tag keys and values are compared case-sensitively by AWS Backup.',
    ].join("\n"),
    tags: ["backup", "coverage", "security"],
    securitySeverity: "6.0",
    providers: ["aws"],
    providerNote: "AWS Backup selections by tag or reference. Google and Azure protect resources through explicit associations (a Backup and DR plan association, an Azure protected item or backup instance), which name one resource each, so there is no selection that could miss. Kubernetes backups select by namespace as well as labels; a near-miss label of a component in a namespace the backup does not select would mislead, so they are not judged (an uncovered component lists the near miss with its COV-001).",
  },
  check(ctx) {
    const byId = new Map(ctx.graph.components.map((c) => [c.id, c]));
    for (const m of ctx.graph.mechanisms) {
      if (m.node !== "backup-selection" || !m.reach || m.reach.mayMatch) continue;
      // Kubernetes selections also select by namespace, which near misses do not weigh: not judged here.
      if (m.provider === "kubernetes") continue;
      for (const miss of m.reach.nearMisses) {
        const t = miss.criterion;
        const near = miss.componentIds.map((id) => byId.get(id)).filter((c): c is Component => c !== undefined);
        const block = m.anyTags.includes(t) ? "selection_tag" : "condition";
        // Name the closest carrier: the one with the criterion's value under a key in another case, when there is one.
        const closeTag = (c: Component) => Object.entries(isUnknownFact(c.tags) ? {} : c.tags).find(([k]) => k.toLowerCase() === String(t.key).toLowerCase());
        const sample = near.find((c) => closeTag(c)?.[1] === t.value) ?? near[0]!;
        const close = closeTag(sample);
        const others = near.filter((c) => c !== sample).length;
        ctx.report({
          message:
            `${m.address} selects ${block} ${String(t.key)}=${String(t.value)}, which no backup-selectable resource in its account and region carries, ` +
            `while ${sample.address}${others > 0 ? ` (and ${others} more with a near match)` : ""} carries ${close ? `${close[0]}=${String(close[1])}` : "a near match"} (tag matching is case-sensitive), ` +
            `so the selection very likely backs up nothing. Correct the ${block} to the tag the resources carry.`,
          subject: m.address,
          subjectId: m.id,
          subjectKind: "resource",
          root: m.root,
          location: t.location,
          anchor: block,
          related: near.slice(0, 20).map((c) => ({ location: c.anchors["tags"] ?? c.location, message: `${c.address} nearly matches` })),
          affected: near.map((c) => c.address),
        });
      }
      for (const r of m.reach.missingRefs) {
        if (r.by !== "ref") continue;
        ctx.report({
          message: `${m.address} selects ${r.address}, which is not defined in this scan, so that entry backs up nothing. Reference the resource that holds the data.`,
          subject: m.address,
          subjectId: m.id,
          subjectKind: "resource",
          root: m.root,
          location: r.location,
          anchor: "resources",
          related: [],
        });
      }
    }
  },
};

export const stateBackendWithoutVersioning: Rule = {
  meta: {
    id: "COV-003",
    name: "StateBackendWithoutVersioning",
    category: "coverage",
    level: "error",
    shortDescription: "Terraform state backend bucket without versioning.",
    fullDescription:
      "The S3 bucket that a root of this scan names in its `backend \"s3\"` block is defined here without versioning: a corrupted or deleted state file cannot be restored, and Terraform then loses track of every resource it manages.",
    helpText: "Enable versioning on the state bucket (aws_s3_bucket_versioning with status = \"Enabled\"), as the Terraform S3 backend documentation recommends.",
    helpMarkdown: [
      "The Terraform state bucket keeps no previous versions: an overwritten or deleted state cannot be recovered.",
      "",
      "```hcl",
      'resource "aws_s3_bucket_versioning" "state" {',
      "  bucket = aws_s3_bucket.state.id",
      "  versioning_configuration {",
      '    status = "Enabled"',
      "  }",
      "}",
      "```",
    ].join("\n"),
    tags: ["backup", "coverage", "terraform-state", "security"],
    securitySeverity: "8.0",
    providers: ["aws", "google", "azurerm"],
    providerNote: "State backends `s3` (S3 bucket), `gcs` (Cloud Storage bucket) and `azurerm` (storage account) defined in the scan.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!stateBackendUnversioned(c)) continue;
      const at = anchorOr(c, c.nativeBackup.anchor ?? "versioning.enabled");
      const related = c.nativeBackup.location ? [{ location: c.nativeBackup.location, message: "versioning is not enabled here" }] : [];
      ctx.report({
        message:
          `${c.address} holds the Terraform state of ${(c.stateBackendOf ?? []).join(", ")} and has no versioning, so a corrupted or deleted state file cannot be restored. ` +
          (c.remedies ? `${c.remedies.enableBackup.charAt(0).toUpperCase()}${c.remedies.enableBackup.slice(1)}.` : `Add aws_s3_bucket_versioning with versioning_configuration { status = "Enabled" } for it.`),
        ...aboutComponent(c),
        ...at,
        related,
      });
    }
  },
};

/** A state-backend bucket whose versioning is known to be off (COV-003 reports it; COV-001 leaves it). */
export function stateBackendUnversioned(c: Component): boolean {
  // Versioning off, and no soft delete either (Cloud Storage and Azure Blob soft delete also keep overwritten state files).
  return c.kind === "state-backend" && c.nativeBackup.enabled === false && (c.nativeBackup.via === "versioning" || c.nativeBackup.via === "soft-delete");
}

export const secretDeletableWithoutRecovery: Rule = {
  meta: {
    id: "COV-004",
    name: "SecretDeletableWithoutRecovery",
    category: "coverage",
    level: "warning",
    shortDescription: "Secret or key deletable without a recovery window.",
    fullDescription:
      "A secret or key vault can be deleted for good at once, with no recovery window (Secrets Manager recovery_window_in_days = 0, an Azure Key Vault without purge protection): a mistaken or malicious delete cannot be undone, and whatever the secret or key protects may become unreadable.",
    helpText: "Keep a recovery window: recovery_window_in_days between 7 and 30 (30 is the default) on Secrets Manager secrets, purge_protection_enabled = true on Azure Key Vaults.",
    helpMarkdown: [
      "The secret or vault can be deleted for good without a recovery window: a Secrets Manager secret with recovery_window_in_days = 0, or an Azure Key Vault without purge protection (anyone allowed to purge can skip its soft-delete window).",
      "",
      "```hcl",
      'resource "aws_secretsmanager_secret" "db" {',
      '  name                    = "db-password"',
      "  recovery_window_in_days = 30",
      "}",
      "",
      'resource "azurerm_key_vault" "app" {',
      '  name                       = "kv-app-prod"',
      "  soft_delete_retention_days = 90",
      "  purge_protection_enabled   = true",
      "  # location, resource_group_name, tenant_id, sku_name ...",
      "}",
      "```",
    ].join("\n"),
    tags: ["backup", "coverage", "secrets", "security"],
    securitySeverity: "5.0",
    providers: ["aws", "google", "azurerm"],
    providerNote: "Secrets Manager secrets, KMS keys, Azure Key Vaults, and Google Secret Manager secrets without deletion_protection (Secret Manager has no recovery window).",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      // The catalog states, in the provider's words, whether a delete can be made final at once; unknown stays silent.
      const d = c.deletionRecovery;
      if (d?.immediate !== true) continue;
      ctx.report({
        message: `${d.observed}. ${d.fix}`,
        ...aboutComponent(c),
        ...anchorOr(c, d.anchor),
        related: [],
      });
    }
  },
};

/** SQS's default retention, the floor COV-005 applies to queues and streams: 4 days. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html */
const MIN_EVENT_RETENTION_DAYS = 4;

export const inFlightEventsNotDurable: Rule = {
  meta: {
    id: "COV-005",
    name: "InFlightEventsNotDurable",
    category: "coverage",
    level: "warning",
    shortDescription: "In-flight events not durable.",
    fullDescription:
      "A queue (not itself a dead-letter queue) has no dead-letter queue, a queue or stream keeps messages less than 4 days (the SQS default; Kinesis keeps 24 hours by default), or a dead-letter queue keeps messages no longer than its source queue (SQS keeps the original enqueue time of a standard queue's message, so it expires early in the dead-letter queue).",
    helpText:
      "Give every queue a dead-letter queue, keep messages at least 4 days (a long weekend of failed consumers), and keep dead-letter queues longer than their sources (14 days is the SQS maximum).",
    helpMarkdown: [
      "Messages that fail or wait too long are lost: there is no backup of in-flight events.",
      "",
      "```hcl",
      'resource "aws_sqs_queue" "orders_dlq" {',
      '  name                      = "orders-dlq"',
      "  message_retention_seconds = 1209600 # 14 days, longer than the source",
      "}",
      'resource "aws_sqs_queue" "orders" {',
      '  name                      = "orders"',
      "  message_retention_seconds = 345600 # 4 days",
      "  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn, maxReceiveCount = 5 })",
      "}",
      "```",
    ].join("\n"),
    tags: ["backup", "coverage", "messaging", "security"],
    securitySeverity: "5.0",
    providers: ["aws"],
    providerNote: "SQS queues and Kinesis streams; Google Pub/Sub and Azure Service Bus are not catalogued yet.",
  },
  check(ctx) {
    const queues = ctx.graph.components.filter((c) => c.kind === "queue" && c.type === "aws_sqs_queue");
    const dlqSources = deadLetterSources(queues);
    const unknownTargetRoots = new Set(queues.filter((q) => isUnknownFact(q.attributes?.["deadLetterQueueId"] ?? null)).map((q) => q.root));
    for (const c of ctx.graph.components) {
      if (c.kind !== "queue" && c.kind !== "stream") continue;
      const retention = c.dataRetentionDays;
      if (typeof retention === "number" && retention < MIN_EVENT_RETENTION_DAYS) {
        const hours = Math.round(retention * 24 * 100) / 100;
        ctx.report({
          message:
            `${c.address} keeps messages for ${hours} hours; consumers that fail over a long weekend lose events. ` +
            `Keep them at least ${MIN_EVENT_RETENTION_DAYS} days (${c.kind === "queue" ? "message_retention_seconds >= 345600" : "retention_period >= 96"}).`,
          ...aboutComponent(c),
          ...anchorOr(c, c.dataRetentionAnchor ?? "", "message_retention_seconds", "retention_period"),
          related: [],
        });
      }
      if (c.type !== "aws_sqs_queue") continue;
      const isDlq = dlqSources.has(c.id) || c.attributes?.["isDeadLetterQueue"] === true;
      if (!isDlq && c.attributes?.["hasDeadLetterQueue"] === false && !unknownTargetRoots.has(c.root)) {
        ctx.report({
          message:
            `${c.address} has no dead-letter queue: a message that keeps failing is retried until it expires and is lost. ` +
            `Add a redrive_policy with deadLetterTargetArn and maxReceiveCount.`,
          ...aboutComponent(c),
          location: c.location,
          anchor: "",
          related: [],
        });
      }
      for (const source of dlqSources.get(c.id) ?? []) {
        if (source.attributes?.["fifo"] !== false) continue;
        const own = c.dataRetentionDays;
        const theirs = source.dataRetentionDays;
        if (typeof own !== "number" || typeof theirs !== "number" || own > theirs) continue;
        ctx.report({
          message:
            `${c.address} is the dead-letter queue of ${source.address} and keeps messages ${own} days, no longer than its source (${theirs} days). ` +
            `SQS keeps a standard queue message's original enqueue time in the dead-letter queue, so failed messages expire early there ` +
            `(https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html). ` +
            `Set its message_retention_seconds above ${Math.round(theirs * 86400)} (1209600 = 14 days is the maximum).`,
          ...aboutComponent(c),
          ...anchorOr(c, "message_retention_seconds"),
          related: [{ location: source.anchors["message_retention_seconds"] ?? source.location, message: `source queue ${source.address} keeps messages ${theirs} days` }],
        });
      }
    }
  },
};

/** Dead-letter queue id → the queues that send to it. */
function deadLetterSources(queues: Component[]): Map<string, Component[]> {
  const byArn = new Map<string, Component>();
  for (const q of queues) if (typeof q.arn === "string") byArn.set(q.arn, q);
  const out = new Map<string, Component[]>();
  for (const q of queues) {
    const id = q.attributes?.["deadLetterQueueId"];
    const arn = q.attributes?.["deadLetterQueueArn"];
    const target = typeof id === "string" ? id : typeof arn === "string" ? byArn.get(arn)?.id : undefined;
    if (target) (out.get(target) ?? out.set(target, []).get(target)!).push(q);
  }
  return out;
}
export const metadataOnlyBackup: Rule = {
  meta: {
    id: "COV-006",
    name: "BackupCopiesMetadataOnly",
    category: "coverage",
    level: "warning",
    shortDescription: "Backup that captures the objects but not the data (Velero schedule without volume snapshots or file-system backup for the PVCs it selects).",
    fullDescription:
      "A Velero schedule selects the component (its namespace and labels), but copies none of its volume data: it takes no volume snapshots (snapshotVolumes: false, or no VolumeSnapshotLocation and no CSI snapshots) and no file-system backup or data movement writes the volumes to the storage location (defaultVolumesToFsBackup off, no node agent, no backup.velero.io/backup-volumes annotation on the pod). A restore brings the StatefulSet, its claims and configuration back with empty volumes.",
    helpText:
      "Let the schedule capture the volumes: snapshots (snapshotVolumes unset or true, with a VolumeSnapshotLocation or --features=EnableCSI), or file-system backup (defaultVolumesToFsBackup: true, or the pod annotation backup.velero.io/backup-volumes naming the data volume) with the node agent deployed (deployNodeAgent: true in the velero chart).",
    helpMarkdown: [
      "The schedule backs up the Kubernetes objects of the workload (StatefulSet, PersistentVolumeClaims, Secrets...) but not the data in its volumes, so a restore recreates empty volumes. Velero copies volume data only as volume snapshots (a VolumeSnapshotLocation or CSI snapshots) or with file-system backup / snapshot data movement through the node agent ([File System Backup](https://velero.io/docs/main/file-system-backup/), [CSI snapshot data movement](https://velero.io/docs/main/csi-snapshot-data-movement/)).",
      "",
      "Example that fires (no snapshots, and the node agent is not deployed):",
      "",
      "```yaml",
      "apiVersion: velero.io/v1",
      "kind: Schedule",
      "metadata:",
      "  name: payments-daily",
      "  namespace: velero",
      "spec:",
      '  schedule: "0 3 * * *"',
      "  template:",
      "    includedNamespaces: [payments]",
      "    snapshotVolumes: false",
      "    ttl: 840h",
      "```",
      "",
      "Fix: back the volumes up with file-system backup and deploy the node agent (velero chart values):",
      "",
      "```yaml",
      "deployNodeAgent: true",
      "schedules:",
      "  payments-daily:",
      '    schedule: "0 3 * * *"',
      "    template:",
      "      includedNamespaces: [payments]",
      "      defaultVolumesToFsBackup: true",
      "      ttl: 840h",
      "```",
    ].join("\n"),
    tags: ["backup", "coverage", "data-loss", "kubernetes"],
    securitySeverity: "7.0",
    providers: ["kubernetes"],
    providerNote: "Velero schedules (velero.io/v1), from manifests or the velero chart's schedules.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!holdsBackupableData(c)) continue;
      const coverage = ctx.graph.coverage.get(c.id);
      if (coverage?.status !== "uncovered" || !coverage.metadataOnly?.length) continue;
      const req = ctx.policy.requirementsFor(c);
      if (req.ephemeral) continue;
      const first = coverage.metadataOnly[0]!;
      const level = req.requiresBackup ? levelFor(req.requiresBackup) : undefined;
      ctx.report({
        message:
          `${first.message}: the schedule takes no volume snapshots and no file-system backup or data movement writes its volumes to the storage location, so a restore brings back empty volumes and nothing else backs ${c.address} up. ` +
          `Let the schedule snapshot the volumes (snapshotVolumes unset or true, with a VolumeSnapshotLocation or --features=EnableCSI), or back them up with file-system backup (defaultVolumesToFsBackup: true, or the pod annotation backup.velero.io/backup-volumes naming the data volume) with the node agent deployed (deployNodeAgent: true).`,
        ...aboutComponent(c),
        location: c.location,
        anchor: "",
        related: coverage.metadataOnly.slice(0, 20).map((m) => ({ location: m.location, message: m.message })),
        ...(level ? { level } : {}),
      });
    }
  },
};

export const COVERAGE_RULES: readonly Rule[] = [selectionTargetsNothing, stateBackendWithoutVersioning, secretDeletableWithoutRecovery, inFlightEventsNotDurable, metadataOnlyBackup];
