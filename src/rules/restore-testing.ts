/** Restore-testing rules (SPEC section 4, RTS-001): is a class that requires restore testing covered by a restore-testing plan. */
import { and3, matchArnPattern, or3, type Tri } from "../graph/arn.js";
import { tagMatch } from "../graph/coverage.js";
import type { Component, RestoreTesting } from "../graph/types.js";
import { isUnknownFact } from "../graph/types.js";
import type { Rule } from "./types.js";
import { reportUnknownFact } from "./unknowns.js";
import { aboutComponent } from "./scope.js";

function samePlace(t: RestoreTesting, c: Component): Tri {
  if (isUnknownFact(t.region)) return t.region;
  if (isUnknownFact(c.region)) return c.region;
  if (t.region !== c.region) return false;
  return typeof t.account === "string" && typeof c.account === "string" ? t.account === c.account : true;
}

/**
 * A restore-testing selection picks recovery points of its protected resource type, in
 * its account and region, by ARN ("*" = all) and tag conditions (all must hold).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html
 */
function selectionTests(t: RestoreTesting, c: Component): Tri {
  const type: Tri = t.resourceType === undefined ? false : isUnknownFact(t.resourceType) ? t.resourceType : t.resourceType === c.backupResourceType;
  const arns = t.resourceArns ?? [];
  const byArn: Tri = arns.length === 0
    ? true
    : or3(...arns.map((a): Tri => (a.by === "arn" ? (a.pattern === "*" ? true : c.arnParts ? matchArnPattern(a.pattern, c.arnParts) : false) : a.by === "ref" ? a.address === c.address && a.root === c.root : { unknown: true, reason: a.reason })));
  const conditions = (t.conditions ?? []).map((k) => tagMatch(k, c.tags));
  return and3(samePlace(t, c), type, byArn, ...conditions);
}

export const restoreTestingMissing: Rule = {
  meta: {
    id: "RTS-001",
    name: "RestoreTestingMissing",
    category: "restore-testing",
    level: "warning",
    shortDescription: "Class that requires restore testing has no restore-testing plan covering it.",
    fullDescription:
      "The component's data class requires restore testing (HIPAA 45 CFR 164.308(a)(7)(ii)(D), NYDFS 500.16, GDPR Art. 32(1)(d), or a class setting), but no aws_backup_restore_testing_plan with a selection covers its resource type, ARN and tags in its account and region.",
    helpText: "Add an aws_backup_restore_testing_plan and an aws_backup_restore_testing_selection whose protected_resource_type and ARNs or conditions cover the component.",
    helpMarkdown: [
      "A backup that was never restored is a hope, not a backup. The component's class requires restore testing.",
      "",
      "```hcl",
      'resource "aws_backup_restore_testing_plan" "monthly" {',
      '  name                = "monthly"',
      '  schedule_expression = "cron(0 6 1 * ? *)"',
      "  recovery_point_selection {",
      '    algorithm            = "LATEST_WITHIN_WINDOW"',
      '    include_vaults       = ["*"]',
      '    recovery_point_types = ["SNAPSHOT"]',
      "  }",
      "}",
      'resource "aws_backup_restore_testing_selection" "rds" {',
      '  name                      = "rds"',
      "  restore_testing_plan_name = aws_backup_restore_testing_plan.monthly.name",
      '  protected_resource_type   = "RDS"',
      "  iam_role_arn              = aws_iam_role.restore.arn",
      '  protected_resource_arns   = ["*"]',
      "}",
      "```",
    ].join("\n"),
    tags: ["restore-testing", "backup", "security"],
    securitySeverity: "5.5",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "Restore tests are declared with AWS Backup restore testing; Google Cloud, Azure and Kubernetes backup tools (Velero, CloudNativePG, k8up) declare no restore tests in the scanned files, so their components that need one get the finding with the way to record tests made outside the scanned files.",
  },
  check(ctx) {
    const selections = ctx.graph.mechanisms.filter((m): m is RestoreTesting => m.node === "restore-testing" && m.role === "selection");
    for (const c of ctx.graph.components) {
      if (!c.backupCapable || ctx.graph.coverage.get(c.id)?.status === "uncovered") continue;
      const req = ctx.policy.requirementsFor(c).requiresRestoreTesting;
      if (!req) continue;
      // AWS Backup restore testing is the only restore test a Terraform configuration can declare.
      const tested = c.backupResourceType === undefined || c.provider !== "aws" ? false : or3(...selections.map((s) => selectionTests(s, c)));
      if (isUnknownFact(tested)) reportUnknownFact(ctx, c, `whether a restore-testing plan covers ${c.address}`, tested);
      if (tested !== false) continue;
      ctx.report({
        message:
          `${c.address} is never restore-tested, but restore testing is required: ${req.source.label}. ` +
          (c.remedies?.restoreTesting
            ? `${c.remedies.restoreTesting.charAt(0).toUpperCase()}${c.remedies.restoreTesting.slice(1)}.`
            : `Add an aws_backup_restore_testing_plan with an aws_backup_restore_testing_selection for protected_resource_type ${c.backupResourceType ?? "(its type)"} that covers it (protected_resource_arns or conditions).`),
        ...aboutComponent(c),
        // The requirement comes from the component's class (SPEC section 4, Default levels).
        level: req.source.kind === "default" ? "warning" : "error",
        location: c.location,
        anchor: "",
        related: [],
      });
    }
  },
};
export const RESTORE_TESTING_RULES: readonly Rule[] = [restoreTestingMissing];
