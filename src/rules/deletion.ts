/** Deletion protection rules (SPEC section 4, DEL-*): do backups survive deleting the resource, can a critical database be deleted. */
import { lookupOf } from "../graph/lookup.js";
import type { BackupVault, Component, Fact, Graph } from "../graph/types.js";
import { isUnknownFact } from "../graph/types.js";
import { reportUnknownFact, type UnknownOwner } from "./unknowns.js";
import { hasIndependentRecoveryPoints } from "./coverage.js";
import type { Rule, RuleContext } from "./types.js";
import { aboutComponent } from "./scope.js";

/**
 * A finding needs every condition to hold (`value` === `needed`): when none is known to fail
 * and some are unknown, the decision could not be made; lists those unknowns.
 */
function reportUndecided(ctx: RuleContext, owner: UnknownOwner, conditions: { what: string; value: Fact<boolean> | undefined; needed: boolean; location?: Component["location"] }[]): void {
  if (conditions.some((k) => k.value !== undefined && !isUnknownFact(k.value) && k.value !== k.needed)) return;
  for (const k of conditions) if (isUnknownFact(k.value)) reportUnknownFact(ctx, owner, k.what, k.value, k.location);
}

function anchorOf(c: Component, keys: string[]): { location: Component["location"]; anchor: string } {
  for (const k of keys) if (c.anchors[k]) return { location: c.anchors[k]!, anchor: k };
  return { location: c.location, anchor: "" };
}

/** Components whose recovery points are stored in a vault (plan-rule and copy streams). */
function componentsInVault(graph: Graph, vaultId: string): readonly Component[] {
  return lookupOf(graph).componentsInVault(vaultId);
}

export const backupsDeletedWithResource: Rule = {
  meta: {
    id: "DEL-001",
    name: "BackupsDeletedWithResource",
    category: "deletion-protection",
    level: "warning",
    shortDescription: "Backups deleted with the resource.",
    fullDescription:
      "Deleting the resource also deletes its backups: RDS and Aurora delete automated backups with the instance or cluster by default (delete_automated_backups = true) and no final snapshot is taken (skip_final_snapshot = true, or no final_snapshot_identifier); a bucket or backup vault with force_destroy is deleted with every object or recovery point in it. Recovery points kept by AWS Backup survive the deletion.",
    helpText:
      "Keep automated backups after deletion (delete_automated_backups = false), take a final snapshot (skip_final_snapshot = false with final_snapshot_identifier), remove force_destroy, or back the resource up with AWS Backup.",
    helpMarkdown: [
      "A `terraform destroy` (or a replacement) deletes the database together with its backups.",
      "",
      "```hcl",
      'resource "aws_db_instance" "orders" {',
      "  backup_retention_period   = 35",
      "  delete_automated_backups  = false",
      "  skip_final_snapshot       = false",
      '  final_snapshot_identifier = "orders-final"',
      "}",
      "```",
    ].join("\n"),
    tags: ["backup", "deletion-protection", "security"],
    securitySeverity: "6.0",
    providers: ["aws", "google"],
    providerNote: "RDS and Aurora automated backups and final snapshots, force_destroy on buckets and vaults; Cloud SQL final backups (final_backup_config, retain_backups_on_delete). On Azure the judged services keep their backups apart from the resource (a deleted SQL database stays restorable, vault recovery points outlive the protected VM), so there is nothing to judge.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      const coverage = ctx.graph.coverage.get(c.id);
      // Points that AWS Backup may keep (an unknown selection) may survive: unknown stays silent.
      if (coverage?.status === "uncovered" || hasIndependentRecoveryPoints(c, coverage) || coverage?.uncertain?.length) continue;
      if (c.finalSnapshot !== undefined) {
        reportUndecided(ctx, c, [
          { what: `whether automated backups of ${c.address} are enabled`, value: c.nativeBackup.enabled, needed: true },
          { what: `whether automated backups of ${c.address} survive its deletion`, value: c.backupsSurviveDeletion, needed: false, location: anchorOf(c, ["delete_automated_backups"]).location },
          { what: `whether deleting ${c.address} takes a final snapshot`, value: c.finalSnapshot, needed: false, location: anchorOf(c, ["skip_final_snapshot"]).location },
        ]);
      }
      const forceDestroy = c.attributes?.["forceDestroy"];
      if (isUnknownFact(forceDestroy)) reportUnknownFact(ctx, c, `force_destroy of ${c.address}`, forceDestroy, anchorOf(c, ["force_destroy"]).location);
      if (c.finalSnapshot !== undefined && c.nativeBackup.enabled === true && c.backupsSurviveDeletion === false && c.finalSnapshot === false) {
        const fix = c.remedies?.keepBackupsOnDelete;
        ctx.report({
          message: fix
            ? `Deleting ${c.address} also deletes its automated backups and takes no final backup, so a mistaken destroy or replacement loses the data and every backup of it. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`
            : `Deleting ${c.address} also deletes its automated backups (delete_automated_backups defaults to true) and takes no final snapshot ` +
              `(skip_final_snapshot = true or no final_snapshot_identifier), so a mistaken destroy or replacement loses the data and every backup of it. ` +
              `Set delete_automated_backups = false, or skip_final_snapshot = false with a final_snapshot_identifier, or back it up with AWS Backup.`,
          ...aboutComponent(c),
          ...anchorOf(c, ["skip_final_snapshot", "delete_automated_backups"]),
          related: [],
        });
      }
      if (c.attributes?.["forceDestroy"] === true) {
        ctx.report({
          message:
            `${c.address} sets force_destroy = true: deleting it deletes every object and every previous version in it, and no backup outside it keeps them. ` +
            `Remove force_destroy, or back it up ${c.provider === "aws" ? "with AWS Backup" : "to a backup outside it"}.`,
          ...aboutComponent(c),
          ...anchorOf(c, ["force_destroy"]),
          related: [],
        });
      }
    }
    for (const m of ctx.graph.mechanisms) {
      if (m.node === "backup-vault" && isUnknownFact(m.forceDestroy) && !vaultLockedInCompliance(m)) reportUnknownFact(ctx, m, `force_destroy of ${m.address}`, m.forceDestroy);
      if (m.node !== "backup-vault" || m.forceDestroy !== true || vaultLockedInCompliance(m)) continue;
      const affected = componentsInVault(ctx.graph, m.id);
      ctx.report({
        message:
          `${m.address} sets force_destroy = true: deleting the vault deletes every recovery point in it` +
          (affected.length ? `, the backups of ${affected.map((c) => c.address).slice(0, 3).join(", ")}${affected.length > 3 ? ` and ${affected.length - 3} more` : ""}` : "") +
          `. Remove force_destroy, or lock the vault in compliance mode.`,
        subject: m.address,
        subjectId: m.id,
        subjectKind: "resource",
        root: m.root,
        location: m.anchors["force_destroy"] ?? m.location,
        anchor: m.anchors["force_destroy"] ? "force_destroy" : "",
        related: affected.slice(0, 20).map((c) => ({ location: c.location, message: `${c.address} keeps recovery points in ${m.address}` })),
        affected: affected.map((c) => c.address),
      });
    }
  },
};

function vaultLockedInCompliance(v: BackupVault): boolean {
  return v.lock?.mode === "compliance";
}

export const criticalDatabaseWithoutDeletionProtection: Rule = {
  meta: {
    id: "DEL-002",
    name: "CriticalDatabaseWithoutDeletionProtection",
    category: "deletion-protection",
    level: "warning",
    shortDescription: "Database of a critical class without deletion protection.",
    fullDescription:
      "A database whose data class is critical (financial, health, cardholder, broker-dealer, audit-log) has no deletion protection: one API call or a replacement in a Terraform plan deletes it.",
    helpText: "Enable deletion protection (RDS and Aurora deletion_protection = true at instance or cluster level, DynamoDB deletion_protection_enabled = true).",
    helpMarkdown: [
      "A critical database can be deleted by a single call.",
      "",
      "```hcl",
      'resource "aws_rds_cluster" "ledger" {',
      "  deletion_protection = true",
      '  tags = { data-class = "financial" }',
      "}",
      "```",
    ].join("\n"),
    tags: ["deletion-protection", "security"],
    securitySeverity: "6.5",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "On Kubernetes: a claim's data survives its deletion when the PersistentVolume is retained (reclaimPolicy Retain); a StatefulSet's claims survive the StatefulSet unless persistentVolumeClaimRetentionPolicy.whenDeleted is Delete.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (c.kind !== "database" || c.deletionProtection === true) continue;
      const req = ctx.policy.requirementsFor(c);
      if (!req.critical) continue;
      const attr = c.deletionProtectionAnchor ?? (c.type === "aws_dynamodb_table" ? "deletion_protection_enabled" : "deletion_protection");
      if (isUnknownFact(c.deletionProtection)) {
        reportUnknownFact(ctx, c, `deletion protection of ${c.address}`, c.deletionProtection, anchorOf(c, [attr]).location);
        continue;
      }
      ctx.report({
        message:
          `${c.address} has no deletion protection, and its class ${req.classes.join(", ")} is critical: one API call or a replacement in a plan deletes it. ` +
          (c.remedies?.deletionProtection ? `${c.remedies.deletionProtection.charAt(0).toUpperCase()}${c.remedies.deletionProtection.slice(1)}.` : `Set ${attr} = true.`),
        ...aboutComponent(c),
        // The requirement comes from the component's class (SPEC section 4, Default levels).
        level: "error",
        ...anchorOf(c, [attr]),
        related: [],
      });
    }
  },
};
export const DELETION_RULES: readonly Rule[] = [backupsDeletedWithResource, criticalDatabaseWithoutDeletionProtection];
