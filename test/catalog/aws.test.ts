import { describe, expect, it } from "vitest";
import { scheduleIntervalHours } from "../../src/catalog/schedule.js";
import { componentEntry, isKnownBackupModule } from "../../src/catalog/index.js";
import { matchArnPattern } from "../../src/graph/arn.js";
import { buildGraph } from "../../src/graph/index.js";
import { isUnknownFact, unknownFact } from "../../src/graph/types.js";
import { blk, ref, res, root, unknown } from "../graph/builders.js";

describe("schedule expressions", () => {
  it.each([
    ["cron(0 5 ? * * *)", 24],
    ["cron(0 */4 ? * * *)", 4],
    ["cron(0 0,12 ? * * *)", 12],
    ["cron(30 2 ? * MON-FRI *)", 72],
    ["cron(0 3 ? * SUN *)", 168],
    ["cron(0 5 1 * ? *)", 31 * 24],
    ["cron(0 5 L * ? *)", 31 * 24],
    ["cron(0 1 ? * 2#1 *)", 35 * 24],
    ["cron(0 5 1 1 ? *)", 366 * 24],
    ["rate(1 hour)", 1],
    ["rate(12 hours)", 12],
    ["rate(30 minutes)", 0.5],
    ["rate(7 days)", 168],
  ])("%s → %d h", (expr, hours) => {
    expect(scheduleIntervalHours(expr)).toBe(hours);
  });

  it.each(["cron(0 5 * *)", "every day", "cron(99 5 ? * * *)"])("%s is unknown", (expr) => {
    expect(isUnknownFact(scheduleIntervalHours(expr))).toBe(true);
  });

  it("an omitted rule schedule runs daily", () => {
    const g = buildGraph([root([res("aws_backup_plan", "p", { name: "p", rule: blk({ rule_name: "r", target_vault_name: "v" }) })])]);
    const plan = g.mechanisms.find((m) => m.node === "backup-plan");
    expect(plan?.node === "backup-plan" && plan.rules[0]!.intervalHours).toBe(24);
    expect(plan?.node === "backup-plan" && plan.rules[0]!.retentionDays).toBe(null);
  });
});

describe("ARN patterns", () => {
  const table = { partition: "aws", service: "dynamodb", region: "eu-west-1", account: null, resourcePrefix: "table/", name: "orders" } as const;
  it("wildcards and unknown parts", () => {
    expect(matchArnPattern("arn:aws:dynamodb:*:*:table/*", table)).toBe(true);
    expect(matchArnPattern("arn:aws:dynamodb:eu-west-1:123456789012:table/orders", table)).toBe(true);
    expect(matchArnPattern("arn:aws:dynamodb:us-east-1:*:table/orders", table)).toBe(false);
    expect(matchArnPattern("arn:aws:ec2:*:*:volume/*", table)).toBe(false);
    const noName = { ...table, name: unknownFact("var.name has no value") };
    expect(matchArnPattern("arn:aws:dynamodb:*:*:table/*", noName)).toBe(true);
    expect(isUnknownFact(matchArnPattern("arn:aws:dynamodb:*:*:table/orders", noName))).toBe(true);
    expect(matchArnPattern("arn:aws:dynamodb:*:*:table/orders", { ...table, account: unknownFact("x") })).toBe(true);
  });
});

describe("AWS catalog", () => {
  it("every component entry cites its provider page", () => {
    for (const t of ["aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table", "aws_s3_bucket", "aws_efs_file_system", "aws_ebs_volume", "aws_instance", "aws_fsx_windows_file_system", "aws_fsx_lustre_file_system", "aws_fsx_ontap_file_system", "aws_fsx_openzfs_file_system", "aws_elasticache_replication_group", "aws_elasticache_cluster", "aws_memorydb_cluster", "aws_redshift_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_opensearch_domain", "aws_sqs_queue", "aws_kinesis_stream", "aws_msk_cluster", "aws_secretsmanager_secret", "aws_kms_key", "aws_cloudwatch_log_group"]) {
      expect(componentEntry(t)?.docs, t).toMatch(/^https:\/\//);
    }
  });

  it("defaults: RDS 1 day, Aurora 1 day, Redshift 1 day, FSx Windows 7, ElastiCache 0, OpenSearch 14 days hourly", () => {
    const g = buildGraph([
      root([
        res("aws_db_instance", "db", { engine: "mysql" }),
        res("aws_rds_cluster", "aurora", { engine: "aurora-postgresql" }),
        res("aws_rds_cluster_instance", "member", { cluster_identifier: ref("aws_rds_cluster.aurora", "id") }),
        res("aws_redshift_cluster", "wh", { cluster_identifier: "wh" }),
        res("aws_fsx_windows_file_system", "win", {}),
        res("aws_elasticache_replication_group", "redis", { replication_group_id: "r" }),
        res("aws_opensearch_domain", "search", { domain_name: "s", engine_version: "OpenSearch_2.11" }),
      ]),
    ]);
    const nb = (a: string) => g.components.find((c) => c.address === a)!.nativeBackup;
    expect(nb("aws_db_instance.db")).toMatchObject({ enabled: true, retentionDays: 1, pointInTime: true, anchor: "backup_retention_period" });
    expect(nb("aws_rds_cluster.aurora")).toMatchObject({ enabled: true, retentionDays: 1 });
    expect(g.components.find((c) => c.address === "aws_rds_cluster.aurora")!.backupResourceType).toBe("Aurora");
    expect(g.components.some((c) => c.type === "aws_rds_cluster_instance")).toBe(false);
    expect(nb("aws_redshift_cluster.wh")).toMatchObject({ enabled: true, retentionDays: 1, frequencyHours: 8 });
    expect(nb("aws_fsx_windows_file_system.win")).toMatchObject({ enabled: true, retentionDays: 7 });
    expect(nb("aws_elasticache_replication_group.redis")).toMatchObject({ enabled: false, retentionDays: 0 });
    expect(nb("aws_opensearch_domain.search")).toMatchObject({ enabled: true, retentionDays: 14, frequencyHours: 1 });
  });

  it("log group retention 0 or absent means never expire; SQS keeps 4 days by default", () => {
    const g = buildGraph([root([res("aws_cloudwatch_log_group", "a", { name: "a" }), res("aws_cloudwatch_log_group", "b", { name: "b", retention_in_days: 90 }), res("aws_sqs_queue", "q", { name: "q" })])]);
    const c = (a: string) => g.components.find((x) => x.address === a)!;
    expect(c("aws_cloudwatch_log_group.a").dataRetentionDays).toBe(null);
    expect(c("aws_cloudwatch_log_group.b").dataRetentionDays).toBe(90);
    expect(c("aws_sqs_queue.q")).toMatchObject({ kind: "queue", dataRetentionDays: 4 });
  });

  it("ARN, region and tags with default_tags; unknown identifier leaves the ARN unknown", () => {
    const g = buildGraph([root([res("aws_db_instance", "a", { identifier: "ledger" }), res("aws_db_instance", "b", { identifier: unknown("var.id has no value") })])]);
    const a = g.components.find((x) => x.address === "aws_db_instance.a")!;
    expect(a.arnParts).toMatchObject({ service: "rds", resourcePrefix: "db:", name: "ledger", region: "eu-west-1" });
    expect(isUnknownFact(a.arn)).toBe(true); // account not known
    const b = g.components.find((x) => x.address === "aws_db_instance.b")!;
    expect(isUnknownFact(b.arnParts!.name)).toBe(true);
  });

  it("anchors point at deciding attributes", () => {
    const g = buildGraph([root([res("aws_dynamodb_table", "t", { name: "t", point_in_time_recovery: blk({ enabled: false }) })])]);
    const t = g.components[0]!;
    expect(Object.keys(t.anchors)).toContain("point_in_time_recovery.enabled");
    expect(t.nativeBackup.anchor).toBe("point_in_time_recovery.enabled");
  });

  it("known backup modules", () => {
    expect(isKnownBackupModule({ source: "cloudposse/backup/aws" })).toBe(true);
    expect(isKnownBackupModule({ source: "registry.terraform.io/lgallard/backup/aws" })).toBe(true);
    expect(isKnownBackupModule({ source: "git::https://github.com/cloudposse/terraform-aws-backup.git?ref=1.0.0" })).toBe(true);
    expect(isKnownBackupModule({ source: "terraform-aws-modules/s3-bucket/aws" })).toBe(false);
  });

  it("vault lock and notifications attach to the vault", () => {
    const g = buildGraph([
      root([
        res("aws_backup_vault", "v", { name: "v" }),
        res("aws_backup_vault_lock_configuration", "l", { backup_vault_name: ref("aws_backup_vault.v", "name"), changeable_for_days: 3, min_retention_days: 7 }),
        res("aws_backup_vault_notifications", "n", { backup_vault_name: "v", sns_topic_arn: "arn:aws:sns:eu-west-1:1:t", backup_vault_events: ["BACKUP_JOB_COMPLETED"] }),
      ]),
    ]);
    const v = g.mechanisms.find((m) => m.node === "backup-vault");
    expect(v?.node === "backup-vault" && v.lock).toMatchObject({ mode: "compliance", minRetentionDays: 7, maxRetentionDays: null });
    expect(v?.node === "backup-vault" && v.notifications).toEqual([expect.objectContaining({ events: ["BACKUP_JOB_COMPLETED"], topic: "arn:aws:sns:eu-west-1:1:t" })]);
  });
});
