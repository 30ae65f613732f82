/** Recovery-objective rules (SPEC section 4, RPO-001): how much data a restore can lose. */
import type { ValueSource } from "../graph/aggregate.js";
import { effectiveInterval, hoursText, sparserThan } from "../graph/aggregate.js";
import { judgedForFrequency, landing, levelFor, sourceText, viaText, where } from "./recovery-common.js";
import type { Rule } from "./types.js";
import { reportUnknownFact } from "./unknowns.js";
import { isUnknownFact } from "../graph/types.js";
import { aboutComponent } from "./scope.js";

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const backupFrequencyBelowRpo: Rule = {
  meta: {
    id: "RPO-001",
    name: "BackupFrequencyWorseThanRpo",
    category: "recovery-objective",
    level: "warning",
    shortDescription: "Backup frequency worse than the recovery point objective (no point-in-time recovery, schedule too sparse).",
    fullDescription:
      "The component has no point-in-time recovery or continuous backup, and even its most frequent backup stream leaves a larger gap between two recovery points than the recovery point objective of its class (or the default of 24 hours): a restore can lose more data than allowed.",
    helpText:
      "Enable point-in-time recovery or continuous backup, or schedule the backup at least as often as the RPO (the largest gap between two runs of the schedule counts, in its time zone).",
    helpMarkdown: [
      "The recovery point objective is how much data a restore may lose. A weekly schedule means up to 7 days of writes are gone after a restore; the default objective is 24 hours (AWS Backup Audit Manager's default for its minimum-frequency control), a class may set `rpo_hours`.",
      "",
      "The largest gap between two runs of the best stream counts: `cron(0 5 ? * MON-FRI *)` leaves 72 hours over the weekend.",
      "",
      "Example that fires:",
      "",
      "```hcl",
      "rule {",
      '  rule_name         = "weekly"',
      "  target_vault_name = aws_backup_vault.main.name",
      '  schedule          = "cron(0 5 ? * SUN *)"',
      "}",
      "```",
      "",
      'Fix: `schedule = "cron(0 5 ? * * *)"` (daily), or `enable_continuous_backup = true` for RDS, Aurora and S3.',
    ].join("\n"),
    tags: ["backup", "rpo", "security"],
    securitySeverity: "5.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "On Kubernetes: the schedule of a Velero or k8up Schedule, a chart backup or a CloudNativePG ScheduledBackup (six-field cron with seconds); CloudNativePG WAL archiving gives point-in-time recovery (archive_timeout 5 minutes).",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!judgedForFrequency(c, ctx.graph)) continue;
      const req = ctx.policy.requirementsFor(c);
      if (req.ephemeral) continue;
      const need = req.maxBackupIntervalHours;
      const agg = effectiveInterval(c, ctx.graph.coverage.get(c.id));
      const sparser = sparserThan(agg, need.value);
      if (isUnknownFact(sparser)) reportUnknownFact(ctx, c, `backup interval of ${c.address}`, sparser);
      if (sparser !== true || typeof agg.value !== "number") continue;
      const best = agg.source!;
      const describe = (s: ValueSource) => `${viaText(s)} runs every ${hoursText(agg.sources.find((x) => x.source === s)?.value ?? 0)} at worst (${where(s.location)})`;
      const at = landing(c, agg.sources.map((s) => s.source), describe);
      const level = levelFor(need);
      ctx.report({
        message:
          `${c.address} has no point-in-time recovery, and its most frequent backup (${viaText(best)}, ${where(best.location)}) leaves up to ${hoursText(agg.value)} between recovery points; ` +
          `${sourceText(need)}: at most ${hoursText(need.value)}. ` +
          (c.remedies?.moreFrequent
            ? `${capitalize(c.remedies.moreFrequent)} so that points are at most ${hoursText(need.value)} apart.`
            : `Schedule a backup at least every ${hoursText(need.value)} (e.g. cron(0 5 ? * * *) for daily), or enable point-in-time recovery or continuous backup.`),
        ...aboutComponent(c),
        location: at.location,
        anchor: at.anchor,
        related: at.related,
        ...(level ? { level } : {}),
      });
    }
  },
};
