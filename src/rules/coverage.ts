/** Coverage rules: is there a backup at all (SPEC section 4, COV-*). */
import type { ComponentKind } from "../graph/types.js";
import type { Rule } from "./types.js";

/**
 * Kinds COV-001 judges: data at rest that can be backed up. Queues and streams
 * (COV-005), secrets and keys (COV-004, ENC-*) and log stores (RET-*) are judged
 * elsewhere (SPEC section 2).
 */
const JUDGED_KINDS: ReadonlySet<ComponentKind> = new Set([
  "database",
  "object-store",
  "volume",
  "file-system",
  "cache",
  "search-index",
  "warehouse",
  "state-backend",
]);

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
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!JUDGED_KINDS.has(c.kind) || !c.backupCapable) continue;
      const coverage = ctx.graph.coverage.get(c.id);
      if (coverage?.status !== "uncovered") continue;
      const anchor = c.nativeBackup.anchor && c.anchors[c.nativeBackup.anchor] ? c.nativeBackup.anchor : "";
      ctx.report({
        message:
          `${c.address} (${c.kind}) has no backup: nothing keeps restorable points in time for it ` +
          `(no automated backups or point-in-time recovery, and no backup selection, snapshot policy or versioning covers it), ` +
          `so data deleted or corrupted in it cannot be restored. ` +
          `Enable its native backups or point-in-time recovery, or select it in an AWS Backup plan.`,
        subject: c.address,
        subjectKind: "resource",
        root: c.root,
        location: anchor ? c.anchors[anchor]! : c.location,
        anchor,
        related: coverage.related.slice(0, 20),
      });
    }
  },
};
