import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/index.js";
import type { Component } from "../../src/graph/types.js";
import { defaultRequirements } from "../../src/policy/defaults.js";
import type { PolicyView, Requirements, RequirementSource } from "../../src/policy/types.js";
import { runRules } from "../../src/rules/index.js";
import { immutabilityMissing, immutabilityTooWeak } from "../../src/rules/immutability.js";
import { backupFrequencyBelowRpo } from "../../src/rules/recovery-objective.js";
import { impossibleLifecycle, retentionAboveMaximum, retentionBelowDefault, retentionBelowRegime } from "../../src/rules/retention.js";
import type { Rule } from "../../src/rules/types.js";
import { blk, dailyPlan, ref, res, root, tagSelection, unknown } from "../graph/builders.js";
import type { EvaluatedRoot } from "../../src/terraform/types-evaluated.js";

const SOX: RequirementSource = { kind: "regime", id: "sox", viaClass: "financial", strength: "convention", citation: "17 CFR 210.2-06", label: "class financial carries the SOX convention (auditors' 7-year rule, 17 CFR 210.2-06)" };
const SEC: RequirementSource = { kind: "regime", id: "sec-17a-4", viaClass: "broker-dealer", strength: "law", citation: "17 CFR 240.17a-4(f)", label: "class broker-dealer carries SEC Rule 17a-4 (law, 17 CFR 240.17a-4(f))" };
const GDPR: RequirementSource = { kind: "regime", id: "gdpr", viaClass: "personal", strength: "law", citation: "GDPR Art. 5(1)(e)", label: "class personal carries GDPR (law, Art. 5(1)(e))" };
const PCI: RequirementSource = { kind: "regime", id: "pci-dss", viaClass: "audit-log", strength: "standard", citation: "PCI DSS v4.0.1 Req. 10.5.1", label: "class audit-log carries PCI DSS (standard, Req. 10.5.1)" };

/** Requirements by the component's `data-class` tag, as the policy loader will give them. */
function classed(byClass: Record<string, (r: Requirements) => Requirements>): PolicyView {
  return {
    requirementsFor(c: Component) {
      const tags = typeof c.tags === "object" && !("unknown" in c.tags) ? c.tags : {};
      const cls = tags["data-class"];
      const base = defaultRequirements();
      return typeof cls === "string" && byClass[cls] ? byClass[cls]!({ ...base, classes: [cls] }) : base;
    },
  };
}

const POLICY = classed({
  financial: (r) => ({ ...r, regimes: ["sox"], critical: true, minRetentionDays: { value: 2555, source: SOX } }),
  "broker-dealer": (r) => ({ ...r, minRetentionDays: { value: 2190, source: SEC }, requiresImmutability: { value: true, source: SEC } }),
  personal: (r) => ({ ...r, maxRetentionDays: { value: "must-configure", source: GDPR } }),
  "personal-395": (r) => ({ ...r, maxRetentionDays: { value: 395, source: GDPR } }),
  "audit-log": (r) => ({ ...r, minRetentionDays: { value: 365, source: PCI }, minImmediatelyAvailableDays: { value: 90, source: PCI } }),
  hourly: (r) => ({ ...r, maxBackupIntervalHours: { value: 1, source: { kind: "class", id: "hourly", label: "class hourly (rpo_hours: 1)" } } }),
});

function run(roots: EvaluatedRoot[], rules: Rule[], policy: PolicyView = POLICY) {
  return runRules({ graph: buildGraph(roots), fileProblems: [], policy, rules }).findings;
}

const db = (name: string, attrs: Parameters<typeof res>[2] = {}) => res("aws_db_instance", name, { identifier: name, ...attrs });

describe("RET-001", () => {
  it("fires on a financial database kept 7 days, names the strength, lands on backup_retention_period, level error", () => {
    const f = run([root([db("ledger", { backup_retention_period: 7, tags: { "data-class": "financial" } })])], [retentionBelowRegime, retentionBelowDefault]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: "RET-001", level: "error", subject: "aws_db_instance.ledger", anchor: "backup_retention_period" });
    expect(f[0]!.message).toContain("convention");
    expect(f[0]!.message).toContain("2555 days");
    expect(f[0]!.message).toContain("delete_after >= 2555");
  });

  it("is silent when a plan rule in another file keeps 2555 days; the longest stream counts", () => {
    const plan = dailyPlan("ledger", 2555, { file: "backup.tf" });
    const f = run([root([db("ledger", { backup_retention_period: 7, tags: { "data-class": "financial", backup: "ledger" } }), ...plan, tagSelection("sel", "backup", "ledger", "ledger")])], [retentionBelowRegime]);
    expect(f).toEqual([]);
  });

  it("related location is the plan rule's delete_after when the plan falls short too", () => {
    const plan = dailyPlan("ledger", 365, { file: "backup.tf" });
    const f = run([root([db("ledger", { backup_retention_period: 7, tags: { "data-class": "financial", backup: "ledger" } }), ...plan, tagSelection("sel", "backup", "ledger", "ledger")])], [retentionBelowRegime]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("at most 365 days");
    expect(f[0]!.related.map((r) => r.location.file)).toContain("backup.tf");
  });

  it("stays silent when a selection with unknown tags may add a longer stream", () => {
    const plan = dailyPlan("ledger", 3000, { file: "backup.tf" });
    const f = run([root([db("ledger", { backup_retention_period: 7, tags: { "data-class": "financial", backup: "ledger" } }), ...plan, tagSelection("sel", "backup", unknown("var.tag has no value"), "ledger")])], [retentionBelowRegime]);
    expect(f).toEqual([]);
  });

  it("availability part: a log-archive plan moving points to cold storage after 30 days, class needs 90 immediately available", () => {
    const vault = res("aws_backup_vault", "logs", { name: "logs" });
    const plan = res("aws_backup_plan", "logs", { name: "logs", rule: blk({ rule_name: "daily", target_vault_name: ref("aws_backup_vault.logs", "name"), lifecycle: blk({ cold_storage_after: 30, delete_after: 400 }) }) });
    const f = run([root([db("audit", { backup_retention_period: 7, tags: { "data-class": "audit-log", backup: "logs" } }), vault, plan, tagSelection("sel", "backup", "logs", "logs")])], [retentionBelowRegime, retentionBelowDefault]);
    expect(f).toHaveLength(1);
    expect(f[0]!.ruleId).toBe("RET-001");
    expect(f[0]!.message).toContain("immediately available");
    expect(f[0]!.message).toContain("standard");
  });

  it("append-only store: a log group kept 90 days with class audit-log (365) fires on retention_in_days", () => {
    const f = run([root([res("aws_cloudwatch_log_group", "trail", { name: "trail", retention_in_days: 90, tags: { "data-class": "audit-log" } })])], [retentionBelowRegime, retentionBelowDefault]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: "RET-001", anchor: "retention_in_days" });
  });
});

describe("RET-002", () => {
  it("fires below 35 days without a class, not on a log group that never expires", () => {
    const f = run([root([db("orders", { backup_retention_period: 7 }), res("aws_cloudwatch_log_group", "app", { name: "app" })])], [retentionBelowDefault]);
    expect(f.map((x) => [x.ruleId, x.subject, x.level])).toEqual([["RET-002", "aws_db_instance.orders", "warning"]]);
  });

  it("no RET for a component with COV-001, nor when retention is unknown", () => {
    const f = run([root([db("a", { backup_retention_period: 0 }), db("b", { backup_retention_period: unknown("var.days has no value") })])], [retentionBelowDefault]);
    expect(f).toEqual([]);
  });
});

describe("RET-003", () => {
  it("must-configure maximum: fires only on forever, at warning, naming the missing maximum", () => {
    const vault = res("aws_backup_vault", "v", { name: "v" });
    const forever = res("aws_backup_plan", "forever", { name: "forever", rule: blk({ rule_name: "daily", target_vault_name: ref("aws_backup_vault.v", "name") }) });
    const f = run([root([db("crm", { backup_retention_period: 7, tags: { "data-class": "personal", backup: "x" } }), db("crm2", { backup_retention_period: 7, tags: { "data-class": "personal" } }), vault, forever, tagSelection("sel", "backup", "x", "forever")])], [retentionAboveMaximum]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ subject: "aws_db_instance.crm", level: "warning" });
    expect(f[0]!.message).toContain("max_retention_days");
  });

  it("configured maximum: fires when a stream keeps longer", () => {
    const f = run([root([db("crm", { backup_retention_period: 7, tags: { "data-class": "personal-395", backup: "daily" } }), ...dailyPlan("daily", 730), tagSelection("sel", "backup", "daily")])], [retentionAboveMaximum]);
    expect(f).toHaveLength(1);
    expect(f[0]!.level).toBe("error");
    expect(f[0]!.message).toContain("at most 395 days");
  });
});

describe("RET-004", () => {
  it("cold storage + 90 > delete_after on a rule and its copy; subject is the plan rule, related the components", () => {
    const vault = res("aws_backup_vault", "v", { name: "v" });
    const plan = res("aws_backup_plan", "p", {
      name: "p",
      rule: blk({ rule_name: "monthly", target_vault_name: ref("aws_backup_vault.v", "name"), schedule: "cron(0 5 1 * ? *)", lifecycle: blk({ cold_storage_after: 30, delete_after: 60 }), copy_action: blk({ destination_vault_arn: "arn:aws:backup:us-west-2:111122223333:backup-vault:dr" }) }),
    });
    const f = run([root([db("orders", { backup_retention_period: 7, tags: { b: "1" } }), vault, plan, tagSelection("sel", "b", "1", "p")])], [impossibleLifecycle]);
    expect(f.map((x) => [x.subject, x.anchor])).toEqual([
      ['aws_backup_plan.p.rule["monthly"]', "retention"],
      ['aws_backup_plan.p.rule["monthly"]', "copy[0].retention"],
    ]);
    expect(f[0]!.affected).toEqual(["aws_db_instance.orders"]);
    expect(f[0]!.message).toContain("at least 120");
  });

  it("retention shorter than the schedule interval", () => {
    const vault = res("aws_backup_vault", "v", { name: "v" });
    const plan = res("aws_backup_plan", "p", { name: "p", rule: blk({ rule_name: "weekly", target_vault_name: ref("aws_backup_vault.v", "name"), schedule: "cron(0 5 ? * SUN *)", lifecycle: blk({ delete_after: 3 }) }) });
    const f = run([root([vault, plan])], [impossibleLifecycle]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("168 hours");
  });
});

describe("RPO-001", () => {
  it("weekly plan, no PITR: fires at warning on the default; PITR silences it", () => {
    const vault = res("aws_backup_vault", "v", { name: "v" });
    const plan = res("aws_backup_plan", "weekly", { name: "weekly", rule: blk({ rule_name: "weekly", target_vault_name: ref("aws_backup_vault.v", "name"), schedule: "cron(0 5 ? * SUN *)", lifecycle: blk({ delete_after: 35 }) }) });
    const table = (name: string, pitr: boolean) => res("aws_dynamodb_table", name, { name, hash_key: "id", tags: { b: "w" }, point_in_time_recovery: blk({ enabled: pitr }) });
    const f = run([root([table("sparse", false), table("pitr", true), vault, plan, tagSelection("sel", "b", "w", "weekly")])], [backupFrequencyBelowRpo]);
    expect(f.map((x) => [x.subject, x.level])).toEqual([["aws_dynamodb_table.sparse", "warning"]]);
    expect(f[0]!.message).toContain("168 hours");
    expect(f[0]!.related[0]!.location.file).toBe("main.tf");
  });

  it("class RPO 1 hour: daily fires at error", () => {
    const f = run([root([res("aws_dynamodb_table", "t", { name: "t", hash_key: "id", tags: { b: "daily", "data-class": "hourly" } }), ...dailyPlan(), tagSelection("sel", "b", "daily")])], [backupFrequencyBelowRpo]);
    expect(f.map((x) => x.level)).toEqual(["error"]);
  });
});

describe("IMM-001 / IMM-002", () => {
  const bd = (name: string) => db(name, { backup_retention_period: 7, tags: { "data-class": "broker-dealer", backup: "records" } });
  const plan = () => res("aws_backup_plan", "records", { name: "records", rule: blk({ rule_name: "daily", target_vault_name: ref("aws_backup_vault.records", "name"), lifecycle: blk({ delete_after: 2190 }) }) });
  const base = () => [bd("trades"), res("aws_backup_vault", "records", { name: "records" }), plan(), tagSelection("sel", "backup", "records", "records")];

  it("vault without lock: IMM-001 on the vault, error, related the component", () => {
    const f = run([root(base())], [immutabilityMissing, immutabilityTooWeak]);
    expect(f.map((x) => [x.ruleId, x.subject, x.level])).toEqual([["IMM-001", "aws_backup_vault.records", "error"]]);
    expect(f[0]!.affected).toEqual(["aws_db_instance.trades"]);
  });

  it("governance lock: IMM-002 on the lock", () => {
    const lock = res("aws_backup_vault_lock_configuration", "records", { backup_vault_name: ref("aws_backup_vault.records", "name"), min_retention_days: 2190 });
    const f = run([root([...base(), lock])], [immutabilityMissing, immutabilityTooWeak]);
    expect(f.map((x) => [x.ruleId, x.subject, x.anchor])).toEqual([["IMM-002", "aws_backup_vault.records", "lock.mode"]]);
  });

  it("compliance lock shorter than the retention: IMM-002; long enough: silent", () => {
    const lock = (min: number) => res("aws_backup_vault_lock_configuration", "records", { backup_vault_name: ref("aws_backup_vault.records", "name"), changeable_for_days: 3, min_retention_days: min });
    expect(run([root([...base(), lock(7)])], [immutabilityMissing, immutabilityTooWeak]).map((x) => [x.ruleId, x.anchor])).toEqual([["IMM-002", "lock.min-retention"]]);
    expect(run([root([...base(), lock(2190)])], [immutabilityMissing, immutabilityTooWeak])).toEqual([]);
  });

  it("unknown lock mode stays silent; no requirement, no finding", () => {
    const lock = res("aws_backup_vault_lock_configuration", "records", { backup_vault_name: ref("aws_backup_vault.records", "name"), changeable_for_days: unknown("var.grace has no value") });
    expect(run([root([...base(), lock])], [immutabilityMissing, immutabilityTooWeak])).toEqual([]);
    expect(run([root(base())], [immutabilityMissing, immutabilityTooWeak], { requirementsFor: () => defaultRequirements() })).toEqual([]);
  });
});
