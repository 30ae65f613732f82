/** Monitoring rules (SPEC section 4, MON-001): do failed backup and copy jobs reach anyone. */
import { lookupOf } from "../graph/lookup.js";
import type { BackupEventRule, BackupVault, Fact, Graph, UnknownFact } from "../graph/types.js";
import { isUnknownFact } from "../graph/types.js";
import type { Rule, RuleContext } from "./types.js";
import { reportUnknownFact } from "./unknowns.js";

/**
 * Vault events that report failures. BACKUP_JOB_COMPLETED carries the final state
 * (FAILED included); COPY_JOB_FAILED for copies. BACKUP_JOB_FAILED, BACKUP_JOB_SUCCESSFUL
 * and the other deprecated events send nothing.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-notifications.html
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html
 */
const BACKUP_FAILURE_EVENT = "BACKUP_JOB_COMPLETED";
const COPY_FAILURE_EVENT = "COPY_JOB_FAILED";

type Tri = boolean | UnknownFact;

/** What a vault receives: recovery points of backup jobs, and copies started from it. */
function vaultDuties(graph: Graph, v: BackupVault): { backup: boolean; copy: boolean } {
  return lookupOf(graph).vaultDuties(v.id);
}

function notified(v: BackupVault, event: string): Tri {
  let result: Tri = false;
  for (const n of v.notifications) {
    if (isUnknownFact(n.events)) {
      result = n.events;
      continue;
    }
    if (!n.events.includes(event)) continue;
    const accepts: Fact<boolean> = n.topicAcceptsBackup ?? false;
    if (accepts === true) return true;
    if (isUnknownFact(accepts)) result = accepts;
  }
  return result;
}

function samePlace(v: BackupVault, e: BackupEventRule): Tri {
  if (isUnknownFact(e.region)) return e.region;
  if (isUnknownFact(v.region)) return v.region;
  if (v.region !== e.region) return false;
  return typeof v.account === "string" && typeof e.account === "string" ? v.account === e.account : true;
}

function eventRuleCovers(graph: Graph, v: BackupVault, kind: "backup" | "copy"): Tri {
  let result: Tri = false;
  for (const m of lookupOf(graph).mechanismsOfKind("event-rule")) {
    const place = samePlace(v, m);
    if (place === false) continue;
    const jobs = m.failedJobs;
    const hit: Tri = isUnknownFact(jobs) ? jobs : jobs[kind];
    if (hit === true && place === true) return true;
    if (hit !== false) result = isUnknownFact(hit) ? hit : (place as UnknownFact);
  }
  return result;
}

function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return isUnknownFact(a) ? a : b;
}

export const backupFailuresReachNobody: Rule = {
  meta: {
    id: "MON-001",
    name: "BackupFailuresReachNobody",
    category: "monitoring",
    level: "warning",
    shortDescription: "Backup or copy job failures reach nobody.",
    fullDescription:
      "A vault that receives recovery points has no notification for an event that reports failures (BACKUP_JOB_COMPLETED carries the failed state, COPY_JOB_FAILED for copy sources; AWS lists BACKUP_JOB_FAILED as deprecated and it sends nothing), or its SNS topic has no policy letting backup.amazonaws.com publish, and no EventBridge rule matches failed backup or copy jobs.",
    helpText:
      "Add aws_backup_vault_notifications with BACKUP_JOB_COMPLETED (and COPY_JOB_FAILED when the plan copies) to a topic whose policy lets backup.amazonaws.com publish, or an EventBridge rule on aws.backup job state changes with state FAILED.",
    helpMarkdown: [
      "Backups fail silently: nobody is told when a backup or copy job fails.",
      "",
      "```hcl",
      'resource "aws_backup_vault_notifications" "main" {',
      "  backup_vault_name   = aws_backup_vault.main.name",
      "  sns_topic_arn       = aws_sns_topic.backup.arn",
      '  backup_vault_events = ["BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED"]',
      "}",
      "# and an aws_sns_topic_policy allowing backup.amazonaws.com to SNS:Publish",
      "```",
    ].join("\n"),
    tags: ["monitoring", "backup", "security"],
    securitySeverity: "5.0",
    providers: ["aws", "azurerm", "kubernetes"],
    providerNote: "AWS Backup vault notifications and EventBridge rules; Azure Backup's built-in job-failure alerts; on Kubernetes, a PrometheusRule alerting on Velero's backup metrics (velero_backup_failure_total, velero_backup_last_status, velero_backup_last_successful_timestamp) for each Velero storage location that receives backups. Google Backup and DR alerts are configured in Cloud Monitoring, outside the resources this rule reads; CloudNativePG and k8up alerts are not judged yet.",
  },
  check(ctx) {
    for (const m of ctx.graph.mechanisms) {
      if (m.node !== "backup-vault") continue;
      const duties = vaultDuties(ctx.graph, m);
      if ((m.provider ?? "aws") !== "aws") {
        if (duties.backup || duties.copy) judgeProviderAlerts(ctx, m);
        continue;
      }
      const missing: string[] = [];
      const judge = (event: string, kind: "backup" | "copy") => {
        const reached = or(notified(m, event), eventRuleCovers(ctx.graph, m, kind));
        if (reached === false) missing.push(event);
        if (isUnknownFact(reached)) reportUnknownFact(ctx, m, `whether failed ${kind} jobs into ${m.address} reach anyone`, reached, m.notifications[0]?.location ?? m.location);
      };
      if (duties.backup) judge(BACKUP_FAILURE_EVENT, "backup");
      if (duties.copy) judge(COPY_FAILURE_EVENT, "copy");
      if (!missing.length) continue;
      const affected = lookupOf(ctx.graph).componentsInVault(m.id);
      const n = m.notifications[0];
      const why = !n
        ? "it has no aws_backup_vault_notifications"
        : n.topicAcceptsBackup === false && !isUnknownFact(n.events) && missing.every((e) => (n.events as string[]).includes(e))
          ? "its notification topic has no policy letting backup.amazonaws.com publish, so AWS Backup cannot deliver"
          : `its notifications do not include ${missing.join(" and ")}${!isUnknownFact(n.events) && n.events.includes("BACKUP_JOB_FAILED") ? " (BACKUP_JOB_FAILED is deprecated and sends nothing)" : ""}`;
      ctx.report({
        message:
          `Failed ${missing.includes(BACKUP_FAILURE_EVENT) ? "backup" : "copy"} jobs into ${m.address} reach nobody: ${why}, and no EventBridge rule matches failed AWS Backup jobs in its region. ` +
          `Notify ${missing.join(" and ")} to an SNS topic whose policy lets backup.amazonaws.com publish, or add an EventBridge rule on aws.backup job state changes with state FAILED.`,
        subject: m.address,
        subjectId: m.id,
        subjectKind: "resource",
        root: m.root,
        location: n ? n.location : m.location,
        anchor: n ? "notifications" : "",
        related: affected.slice(0, 20).map((c) => ({ location: c.location, message: `${c.address} is backed up into ${m.address}` })),
        affected: affected.map((c) => c.address),
      });
    }
  },
};
/**
 * Vaults of providers that raise job-failure alerts of their own (Azure Backup's built-in
 * Azure Monitor alerts): a finding only when those alerts are known to be off. A vault
 * without such a fact (Google Backup and DR) is not judged.
 */
function judgeProviderAlerts(ctx: RuleContext, m: BackupVault): void {
  const alerts = m.failureAlerts;
  if (!alerts) return;
  if (isUnknownFact(alerts.enabled)) {
    reportUnknownFact(ctx, m, `whether failed backup jobs into ${m.address} raise alerts`, alerts.enabled, alerts.location);
    return;
  }
  if (alerts.enabled) return;
  const affected = lookupOf(ctx.graph).componentsInVault(m.id);
  ctx.report({
    message: `Failed backup jobs into ${m.address} reach nobody: ${alerts.observed ?? "its job-failure alerts are turned off"}, so a backup that stops working goes unnoticed until a restore is needed. ${alerts.fix.charAt(0).toUpperCase()}${alerts.fix.slice(1)}.`,
    subject: m.address,
    subjectId: m.id,
    subjectKind: "resource",
    root: m.root,
    location: alerts.location,
    anchor: alerts.anchor,
    related: affected.slice(0, 20).map((c) => ({ location: c.location, message: `${c.address} is backed up into ${m.address}` })),
    affected: affected.map((c) => c.address),
  });
}

export const MONITORING_RULES: readonly Rule[] = [backupFailuresReachNobody];
