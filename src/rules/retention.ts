/** Retention rules (SPEC section 4, RET-*): how long recovery points are kept, against the class, the defaults and the plan's own lifecycle. */
import { lookupOf } from "../graph/lookup.js";
import type { Aggregate, ValueSource } from "../graph/aggregate.js";
import { daysText, effectiveRetention, exceeds, fallsShort, hoursText, immediatelyAvailable } from "../graph/aggregate.js";
import { EXTERNAL_MECHANISM_PREFIX, isExternalStream } from "../graph/coverage.js";
import type { BackupPlan, BackupPlanRule, Component, Location } from "../graph/types.js";
import type { Requirement } from "../policy/types.js";
import { fromClass, judgedForRetention, landing, levelFor, retentionBreakdown, sourceText, viaText, where } from "./recovery-common.js";
import type { Level, Rule, RuleContext } from "./types.js";
import { reportUnknownFact } from "./unknowns.js";
import { isUnknownFact } from "../graph/types.js";

/**
 * Recovery points moved to AWS Backup cold storage must stay there at least 90 days:
 * delete_after must be at least cold_storage_after + 90.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html
 */
export const COLD_STORAGE_MINIMUM_DAYS = 90;
const NATIVE_MAX_DAYS = 35;

function kept(c: Component): string {
  return c.kind === "log-store" ? "keeps its data" : "keeps recovery points";
}

function describeRetention(s: ValueSource, value: number | null | undefined): string {
  return `${viaText(s)} keeps ${value === undefined ? "an unknown time" : daysText(value)} (${where(s.location)})`;
}

function describeSource(agg: Aggregate) {
  return (s: ValueSource) => describeRetention(s, agg.sources.find((x) => x.source === s)?.value);
}

/** The fix for a retention below `days`: raise the in-block attribute, or add a plan rule. */
function retentionFix(c: Component, agg: Aggregate, days: number): string {
  const own = agg.sources.find((s) => s.source.anchor !== undefined && c.anchors[s.source.anchor!]);
  const isExternal = (s: ValueSource) => s.stream !== undefined && isExternalStream(s.stream);
  const external = agg.sources.find((s) => isExternal(s.source));
  const plan = agg.sources.find((s) => (s.source.via === "plan-rule" || s.source.via === "copy") && !isExternal(s.source));
  const steps: string[] = [];
  if (external) steps.push(`raise retention_days of external backup ${external.source.stream!.mechanismId!.slice(EXTERNAL_MECHANISM_PREFIX.length)} (${where(external.source.location)}) to at least ${days}`);
  if (plan) steps.push(plan.source.stream?.label ? `raise the retention of the ${plan.source.stream.label} at ${where(plan.source.location)} to at least ${days} days${retentionUnitHint(plan.source.stream.label, days)}` : `raise delete_after of the plan rule at ${where(plan.source.location)} to at least ${days}`);
  if (own && c.kind === "log-store") steps.push(`set ${own.source.anchor} to at least ${days} (or 0 to never expire)`);
  // Native automated backups keep at most 35 days (RDS, Aurora, DynamoDB PITR, ElastiCache, Redshift).
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html
  else if (own && own.source.via !== "data" && days <= (c.nativeBackup.maxRetentionDays ?? NATIVE_MAX_DAYS)) steps.push(`raise ${own.source.anchor} to ${days}`);
  if (!plan && c.kind !== "log-store") steps.push(c.remedies ? `${c.remedies.longerRetention} for at least ${days} days` : `select it in an AWS Backup plan rule with delete_after >= ${days}`);
  const text = steps.join(", or ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How the retention is written where its unit is not days: a Velero ttl is a Go duration in hours (no `d`), a CloudNativePG retentionPolicy a window such as "2555d". */
function retentionUnitHint(label: string, days: number): string {
  if (label === "Velero schedule") return ` (template.ttl: ${days * 24}h; a Go duration has no days)`;
  if (label === "CloudNativePG backup") return ` (retentionPolicy: "${days}d")`;
  return "";
}

function componentFinding(ctx: RuleContext, c: Component, agg: Aggregate, sources: readonly ValueSource[], message: string, level?: Level) {
  const at = landing(c, sources, describeSource(agg));
  ctx.report({ message, subject: c.address, subjectKind: "resource", root: c.root, location: at.location, anchor: at.anchor, related: at.related, ...(level ? { level } : {}) });
}

/** A move to cold storage, not the end of retention, is what ends immediate availability. */
function coldStorageLimits(availability: Aggregate, retention: Aggregate): boolean {
  const warm = availability.value;
  const kept = retention.value;
  return typeof warm === "number" && (kept === null || (typeof kept === "number" && warm < kept));
}

/** Why the data is not immediately available long enough, as text; undefined when it is (or unknown). */
function availabilityShortfall(c: Component, ctx: RuleContext, need: Requirement<number> | undefined): { text: string; agg: Aggregate } | undefined {
  if (!need) return undefined;
  const agg = immediatelyAvailable(c, ctx.graph.coverage.get(c.id));
  if (fallsShort(agg, need.value) !== true) return undefined;
  const cold = agg.source;
  const observed = agg.value === undefined || agg.value === null ? "" : daysText(agg.value);
  return {
    agg,
    text:
      `its recovery points stay immediately available (before cold storage or Glacier, which need a restore job) for at most ${observed}` +
      `${cold ? ` (${viaText(cold)}, ${where(cold.location)})` : ""}; ${sourceText(need)} needs the first ${need.value} days immediately available. ` +
      `Move the transition (cold_storage_after, or the Glacier transition) to at least ${need.value} days, or remove it.`,
  };
}

/** Lists an immediately-available period that could not be compared with the requirement. */
function reportUnknownAvailability(ctx: RuleContext, c: Component, need: Requirement<number>): void {
  const short = fallsShort(immediatelyAvailable(c, ctx.graph.coverage.get(c.id)), need.value);
  if (isUnknownFact(short)) reportUnknownFact(ctx, c, `immediately available retention of ${c.address}`, short);
}

/** A maximum of another class that this minimum overrides (GDPR Art. 17(3)(b)): said in the message so nobody "fixes" it by lowering retention. */
function conflictNote(conflicts: readonly string[]): string {
  return conflicts.map((t) => ` Note: ${t}.`).join("");
}

export const retentionBelowRegime: Rule = {
  meta: {
    id: "RET-001",
    name: "RetentionBelowRegimeMinimum",
    category: "retention",
    level: "error",
    shortDescription: "Longest retention below the minimum of the component's data class or regime.",
    fullDescription:
      "The longest retention over every recovery stream of the component (automated backups, point-in-time recovery, AWS Backup plan rules and copy actions, snapshot policies, versioning, and the data's own retention for stores that expire their data) is shorter than the minimum its data class or regime sets, or the recovery points leave immediately available storage (AWS Backup cold storage, S3 Glacier) earlier than the regime allows.",
    helpText:
      "Keep recovery points at least as long as the class requires: add or extend an AWS Backup plan rule (delete_after), or change the class if the data does not carry that regime. Keep them out of cold storage for the immediately-available period the regime names.",
    helpMarkdown: [
      "Laws, standards and conventions set how long records must be kept (SOX convention: 7 years; SEC 17a-4: 6 years; PCI DSS audit logs: 1 year, 90 days immediately available). When every backup of a component expires earlier, the records are gone after that time.",
      "",
      "The effective retention is the longest over all recovery streams: automated backups, point-in-time recovery, each AWS Backup plan rule and copy action, snapshot policies, versioning, and the data's own retention for stores that expire their data (log groups, S3 expiration rules).",
      "",
      "Example that fires (class financial: SOX convention, 2555 days):",
      "",
      "```hcl",
      'resource "aws_db_instance" "ledger" {',
      "  backup_retention_period = 7",
      '  tags = { data-class = "financial" }',
      "}",
      "```",
      "",
      "Fix: select it in an AWS Backup plan that keeps the points long enough.",
      "",
      "```hcl",
      'resource "aws_backup_plan" "ledger" {',
      '  name = "ledger"',
      "  rule {",
      '    rule_name         = "daily-7y"',
      "    target_vault_name = aws_backup_vault.ledger.name",
      '    schedule          = "cron(0 5 ? * * *)"',
      "    lifecycle {",
      "      delete_after = 2555",
      "    }",
      "  }",
      "}",
      "```",
    ].join("\n"),
    tags: ["backup", "retention", "compliance", "security"],
    securitySeverity: "7.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "On Kubernetes: Velero ttl (a Go duration; unset is the server's --default-backup-ttl, 720h), CloudNativePG retentionPolicy (a recovery window; m is 31 days), k8up prune keep counts (keepDaily defaults to 14), and chart backups (a dump job that never prunes keeps forever).",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!judgedForRetention(c, ctx.graph)) continue;
      const req = ctx.policy.requirementsFor(c);
      if (req.ephemeral) continue;
      const agg = effectiveRetention(c, ctx.graph.coverage.get(c.id));
      const min = req.minRetentionDays;
      const short = fromClass(min) ? fallsShort(agg, min.value) : false;
      const availability = req.minImmediatelyAvailableDays && fromClass(req.minImmediatelyAvailableDays) ? availabilityShortfall(c, ctx, req.minImmediatelyAvailableDays) : undefined;
      if (isUnknownFact(short)) reportUnknownFact(ctx, c, `retention of ${c.address}`, short);
      if (req.minImmediatelyAvailableDays && fromClass(req.minImmediatelyAvailableDays)) reportUnknownAvailability(ctx, c, req.minImmediatelyAvailableDays);
      if (short === true) {
        const observed = agg.value === undefined ? "" : daysText(agg.value);
        componentFinding(
          ctx,
          c,
          agg,
          agg.sources.map((s) => s.source),
          `${c.address} ${kept(c)} for at most ${observed} (${retentionBreakdown(agg)}); ${sourceText(min)}: ${min.value} days. ` +
            `${retentionFix(c, agg, min.value)}, or change the class.` +
            // When retention itself is what ends availability, raising it fixes both: no cold-storage advice.
            (availability && coldStorageLimits(availability.agg, agg) ? ` Also, ${availability.text}` : "") +
            conflictNote(req.conflicts),
          levelFor(min),
        );
      } else if (short === false && availability) {
        const sources = availability.agg.sources.map((s) => s.source);
        componentFinding(ctx, c, availability.agg, sources, `${c.address}: ${availability.text}`, levelFor(req.minImmediatelyAvailableDays!));
      }
    }
  },
};

export const retentionBelowDefault: Rule = {
  meta: {
    id: "RET-002",
    name: "RetentionBelowDefaultFloor",
    category: "retention",
    level: "warning",
    shortDescription: "Retention below the default floor for incident investigation.",
    fullDescription:
      "No data class sets a retention minimum for the component, and its longest retention over every recovery stream is shorter than the default floor (35 days unless the config's defaults change it): corruption or a breach found later than that cannot be rolled back.",
    helpText:
      "Keep recovery points at least as long as the default floor (35 days, AWS Backup Audit Manager's default for its minimum-retention control): raise the automated backup retention or select the component in an AWS Backup plan rule with a longer delete_after.",
    helpMarkdown: [
      "Incidents are often found weeks after they start: ransomware dwell time, a silent data corruption, a bad migration. A backup kept for 7 days cannot roll back damage found on day 20.",
      "",
      "The default floor is 35 days (AWS Backup Audit Manager's default for its minimum frequency and retention control); the config's `defaults.min_retention_days` changes it. Components whose class sets its own minimum are judged by RET-001 instead.",
      "",
      "Example that fires:",
      "",
      "```hcl",
      'resource "aws_db_instance" "orders" {',
      "  backup_retention_period = 7",
      "}",
      "```",
      "",
      "Fix:",
      "",
      "```hcl",
      'resource "aws_db_instance" "orders" {',
      "  backup_retention_period = 35",
      "}",
      "```",
    ].join("\n"),
    tags: ["backup", "retention", "security"],
    securitySeverity: "5.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!judgedForRetention(c, ctx.graph)) continue;
      const req = ctx.policy.requirementsFor(c);
      const min = req.minRetentionDays;
      if (req.ephemeral || fromClass(min)) continue;
      // One fault, one finding: an availability shortfall of the class is RET-001's.
      if (req.minImmediatelyAvailableDays && fromClass(req.minImmediatelyAvailableDays) && availabilityShortfall(c, ctx, req.minImmediatelyAvailableDays)) continue;
      const agg = effectiveRetention(c, ctx.graph.coverage.get(c.id));
      const short = fallsShort(agg, min.value);
      if (isUnknownFact(short)) reportUnknownFact(ctx, c, `retention of ${c.address}`, short);
      if (short !== true) continue;
      const observed = agg.value === undefined ? "" : daysText(agg.value);
      componentFinding(
        ctx,
        c,
        agg,
        agg.sources.map((s) => s.source),
        `${c.address} ${kept(c)} for at most ${observed} (${retentionBreakdown(agg)}), below ${sourceText(min)}: damage found later than that cannot be rolled back. ` +
          `${retentionFix(c, agg, min.value)}.`,
      );
    }
  },
};

export const retentionAboveMaximum: Rule = {
  meta: {
    id: "RET-003",
    name: "RetentionAboveMaximum",
    category: "retention",
    level: "warning",
    shortDescription: "Retention above the maximum the data class allows (personal data).",
    fullDescription:
      "Recovery points of the component are kept longer than the maximum its data class or regime allows (GDPR storage limitation for personal data), or forever while a regime demands a maximum that the configuration does not set.",
    helpText:
      "Give every recovery stream an end no later than the maximum (delete_after on plan rules and copy actions, expiration on buckets, retention on log groups), or configure the maximum for the regime (max_retention_days in .restorable.yml).",
    helpMarkdown: [
      "Personal data may be kept no longer than needed (GDPR Art. 5(1)(e)); backups are copies of it. Keeping recovery points forever, or longer than the maximum set for the class, keeps data that should have been erased.",
      "",
      "When a regime requires a maximum but none is configured, only indefinite retention is reported (as a warning), and the message names the missing maximum.",
      "",
      "Example that fires (class personal, no lifecycle: recovery points are kept forever):",
      "",
      "```hcl",
      'resource "aws_backup_plan" "customers" {',
      '  name = "customers"',
      "  rule {",
      '    rule_name         = "daily"',
      "    target_vault_name = aws_backup_vault.main.name",
      "  }",
      "}",
      "```",
      "",
      "Fix: give the rule a lifecycle within the maximum (`lifecycle { delete_after = 395 }`) and set `regimes: { gdpr: { max_retention_days: 395 } }` in `.restorable.yml`.",
    ].join("\n"),
    tags: ["backup", "retention", "privacy", "security"],
    securitySeverity: "4.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "On Kubernetes, a chart's dump job that never prunes, a CloudNativePG store without retentionPolicy and a k8up Schedule without prune keep their backups forever.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!judgedForRetention(c, ctx.graph)) continue;
      const req = ctx.policy.requirementsFor(c);
      const max = req.maxRetentionDays;
      if (req.ephemeral || !max) continue;
      const agg = effectiveRetention(c, ctx.graph.coverage.get(c.id));
      if (max.value === "must-configure") {
        if (agg.value !== null) continue;
        const forever = agg.sources.filter((s) => s.value === null).map((s) => s.source);
        componentFinding(
          ctx,
          c,
          agg,
          forever,
          `${c.address} ${kept(c)} forever (${retentionBreakdown(agg)}); ${sourceText(max)} requires a maximum retention, and none is configured: set max_retention_days for ${max.source.id || "the regime"} in .restorable.yml, then give every recovery stream an end${c.provider === "aws" ? " (delete_after)" : ""} within it.`,
          "warning",
        );
        continue;
      }
      // When a minimum required by law exceeds the maximum, the minimum wins (GDPR Art. 17(3)(b)).
      const min = req.minRetentionDays;
      const minimumWins = fromClass(min) && min.value > max.value;
      const limit = minimumWins ? min.value : max.value;
      const over = exceeds(agg, limit);
      if (isUnknownFact(over)) reportUnknownFact(ctx, c, `retention of ${c.address}`, over);
      if (over !== true) continue;
      componentFinding(
        ctx,
        c,
        agg,
        agg.sources.filter((s) => s.value === null || s.value > limit).map((s) => s.source),
        `${c.address} ${kept(c)} for ${agg.value === undefined ? "" : daysText(agg.value)} (${retentionBreakdown(agg)}); ${sourceText(max)}: at most ${max.value} days` +
          (minimumWins ? `, but ${sourceText(min)} requires ${min.value} days and a minimum required by law wins (GDPR Art. 17(3)(b)), so the limit is ${limit} days` : "") +
          `. Set the retention of each stream (delete_after, the expiration, or the provider's retention setting) to at most ${limit} days.`,
        levelFor(max),
      );
    }
  },
};

interface Lifecycle {
  what: string;
  anchorPrefix: string;
  retention: BackupPlanRule["retentionDays"];
  cold: BackupPlanRule["coldStorageAfterDays"];
  retentionLocation: Location | undefined;
  coldLocation: Location | undefined;
  location: Location;
}

function lifecyclesOf(rule: BackupPlanRule): Lifecycle[] {
  return [
    { what: "the rule", anchorPrefix: "", retention: rule.retentionDays, cold: rule.coldStorageAfterDays, retentionLocation: rule.retentionLocation, coldLocation: rule.coldStorageLocation, location: rule.location },
    // A copy the provider's storage makes of each point (`via` set: an Azure geo-redundant vault) under the rule's own
    // lifecycle is the same fault as the rule's: one fault, one finding. AWS copy actions are configured on their own.
    ...rule.copyActions.flatMap((copy, i) => (copy.via !== undefined && sameLifecycle(copy, rule) ? [] : [{
      what: `copy action ${i + 1}`,
      anchorPrefix: `copy[${i}].`,
      retention: copy.retentionDays,
      cold: copy.coldStorageAfterDays ?? null,
      retentionLocation: copy.retentionLocation,
      coldLocation: copy.coldStorageLocation,
      location: copy.location,
    }])),
  ];
}

function sameLifecycle(copy: BackupPlanRule["copyActions"][number], rule: BackupPlanRule): boolean {
  const at = (l: Location | undefined) => (l ? `${l.file}:${l.startLine}:${l.startColumn}` : undefined);
  return (
    copy.retentionLocation !== undefined &&
    at(copy.retentionLocation) === at(rule.retentionLocation) &&
    copy.retentionDays === rule.retentionDays &&
    (copy.coldStorageAfterDays ?? null) === rule.coldStorageAfterDays &&
    at(copy.coldStorageLocation) === at(rule.coldStorageLocation)
  );
}

/** The lifecycle checks of RET-004 that an unknown delete_after, cold storage transition or schedule left undecided. */
function reportUnknownLifecycle(ctx: RuleContext, plan: BackupPlan, subject: string, lc: Lifecycle, rule: BackupPlanRule): void {
  const of = `${lc.what} of ${subject}`;
  const owner = { address: subject, root: plan.root, location: lc.location };
  const { retention, cold } = lc;
  if (isUnknownFact(retention) && (typeof cold === "number" || isUnknownFact(cold) || typeof rule.intervalHours === "number")) {
    reportUnknownFact(ctx, owner, `retention${(plan.provider ?? "aws") === "aws" ? " (delete_after)" : ""} of ${of}`, retention, lc.retentionLocation ?? lc.location);
  }
  if (isUnknownFact(cold) && typeof retention === "number") reportUnknownFact(ctx, owner, `cold storage transition of ${of}`, cold, lc.coldLocation ?? lc.location);
  if (isUnknownFact(rule.intervalHours) && typeof retention === "number") reportUnknownFact(ctx, owner, `schedule interval of ${subject}`, rule.intervalHours, rule.location);
}

/** Components whose recovery points come from this plan. */
function affectedBy(ctx: RuleContext, plan: BackupPlan): readonly Component[] {
  return lookupOf(ctx.graph).componentsOf(plan.id);
}

export const impossibleLifecycle: Rule = {
  meta: {
    id: "RET-004",
    name: "ImpossibleBackupLifecycle",
    category: "retention",
    level: "error",
    shortDescription: "Backup plan lifecycle that cannot work: cold storage without 90 days before deletion, or retention shorter than the schedule interval.",
    fullDescription:
      "An AWS Backup plan rule or copy action deletes recovery points less than 90 days after moving them to cold storage (AWS Backup requires 90 days in cold storage and rejects such a lifecycle), or keeps them for less time than the gap between two runs of its schedule, so there are periods with no recovery point at all.",
    helpText:
      "Set delete_after to at least cold_storage_after + 90 (or drop the cold storage transition), and keep recovery points at least as long as the largest gap between two runs of the schedule.",
    helpMarkdown: [
      "AWS Backup keeps recovery points in cold storage for at least 90 days: `delete_after` must be at least `cold_storage_after + 90` ([AWS Backup Lifecycle](https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html)), otherwise the plan is rejected at apply time. A rule whose points expire before the next run leaves windows with nothing to restore.",
      "",
      "Example that fires:",
      "",
      "```hcl",
      "rule {",
      '  rule_name         = "monthly"',
      "  target_vault_name = aws_backup_vault.main.name",
      '  schedule          = "cron(0 5 1 * ? *)"',
      "  lifecycle {",
      "    cold_storage_after = 30",
      "    delete_after       = 60",
      "  }",
      "}",
      "```",
      "",
      "Fix: `delete_after = 120` (30 + 90), or remove `cold_storage_after`.",
    ].join("\n"),
    tags: ["backup", "retention", "security"],
    securitySeverity: "6.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "The cold-storage part applies to AWS Backup; the interval part to every backup plan, policy and schedule.",
  },
  check(ctx) {
    for (const plan of ctx.graph.mechanisms) {
      if (plan.node !== "backup-plan") continue;
      let affected: readonly Component[] | undefined;
      plan.rules.forEach((rule, index) => {
        const subject = `${plan.address}.rule[${JSON.stringify(rule.name || String(index))}]`;
        for (const lc of lifecyclesOf(rule)) {
          const faults: { text: string; location: Location; anchor: string }[] = [];
          const retention = lc.retention;
          if (typeof lc.cold === "number" && typeof retention === "number" && retention < lc.cold + COLD_STORAGE_MINIMUM_DAYS) {
            faults.push({
              text:
                `${lc.what} of ${subject} moves recovery points to cold storage after ${lc.cold} days and deletes them after ${retention} days; ` +
                `AWS Backup keeps points in cold storage at least ${COLD_STORAGE_MINIMUM_DAYS} days and rejects this lifecycle. Set delete_after to at least ${lc.cold + COLD_STORAGE_MINIMUM_DAYS}, or remove cold_storage_after.`,
              location: lc.retentionLocation ?? lc.coldLocation ?? lc.location,
              anchor: `${lc.anchorPrefix}retention`,
            });
          }
          reportUnknownLifecycle(ctx, plan, subject, lc, rule);
          const interval = rule.intervalHours;
          if (typeof retention === "number" && typeof interval === "number" && retention * 24 < interval) {
            faults.push({
              text:
                `${lc.what} of ${subject} keeps recovery points ${daysText(retention)} but the schedule runs only every ${hoursText(interval)} at worst: ` +
                `for part of each cycle there is no recovery point at all. Keep them at least ${Math.ceil(interval / 24)} days, or schedule more often.`,
              location: lc.retentionLocation ?? lc.location,
              anchor: `${lc.anchorPrefix}retention-interval`,
            });
          }
          for (const f of faults) {
            affected ??= affectedBy(ctx, plan);
            ctx.report({
              message: f.text + (affected.length ? ` Affects ${affected.length === 1 ? affected[0]!.address : `${affected.length} components`}.` : ""),
              subject,
              subjectKind: "resource",
              root: plan.root,
              location: f.location,
              anchor: f.anchor,
              related: affected.slice(0, 20).map((c) => ({ location: c.location, message: `${c.address} is backed up by ${subject}` })),
              affected: affected.map((c) => c.address),
            });
          }
        }
      });
    }
  },
};

export const RETENTION_RULES: readonly Rule[] = [retentionBelowRegime, retentionBelowDefault, retentionAboveMaximum, impossibleLifecycle];
