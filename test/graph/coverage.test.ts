import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/index.js";
import type { Graph } from "../../src/graph/types.js";
import { blk, dailyPlan, provider, ref, res, root, tagSelection, unknown } from "./builders.js";

function cov(g: Graph, address: string, rootDir = ".") {
  const c = g.components.find((x) => x.address === address && x.root === rootDir);
  if (!c) throw new Error(`no component ${address}`);
  const v = g.coverage.get(c.id);
  if (!v) throw new Error(`no coverage for ${address}`);
  return v;
}

const table = (name: string, attrs: Parameters<typeof res>[2] = {}, o: Parameters<typeof res>[3] = {}) => res("aws_dynamodb_table", name, { name, hash_key: "id", ...attrs }, o);

describe("coverage", () => {
  it("PITR table is covered natively with 35 days", () => {
    const g = buildGraph([root([table("orders", { point_in_time_recovery: blk({ enabled: true }) })])]);
    const c = cov(g, "aws_dynamodb_table.orders");
    expect(c.status).toBe("covered");
    expect(c.streams).toHaveLength(1);
    expect(c.streams[0]).toMatchObject({ via: "pitr", retentionDays: 35, region: "eu-west-1" });
  });

  it("PITR recovery_period_in_days sets the window", () => {
    const g = buildGraph([root([table("orders", { point_in_time_recovery: blk({ enabled: true, recovery_period_in_days: 7 }) })])]);
    expect(cov(g, "aws_dynamodb_table.orders").streams[0]!.retentionDays).toBe(7);
  });

  it("table without PITR is covered by a tag selection, with the plan's streams", () => {
    const g = buildGraph([root([table("orders", { tags: { backup: "daily" } }), ...dailyPlan(), tagSelection("sel", "backup", "daily")])]);
    const c = cov(g, "aws_dynamodb_table.orders");
    expect(c.status).toBe("covered");
    expect(c.streams).toEqual([expect.objectContaining({ via: "plan-rule", retentionDays: 35, intervalHours: 24, region: "eu-west-1", mechanismId: ".::aws_backup_plan.daily" })]);
  });

  it("provider default_tags count for tag selections", () => {
    const p = provider({ defaultTags: { backup: "daily" } });
    const g = buildGraph([root([table("orders", {}, { provider: p }), ...dailyPlan(), tagSelection("sel", "backup", "daily")])]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("covered");
  });

  it("tag value typo: uncovered, with the near miss as related", () => {
    const g = buildGraph([root([table("orders", { tags: { backup: "daily" } }), ...dailyPlan(), tagSelection("sel", "backup", "dialy")])]);
    const c = cov(g, "aws_dynamodb_table.orders");
    expect(c.status).toBe("uncovered");
    expect(c.related).toHaveLength(1);
    expect(c.related[0]!.message).toContain("selection_tag backup=dialy");
    expect(c.related[0]!.message).toContain("does not match tag backup=daily");
    expect(c.related[0]!.location.file).toBe("backup.tf");
  });

  it("tag key in another case: uncovered (case-sensitive), near miss says so", () => {
    const g = buildGraph([root([table("orders", { tags: { Backup: "true" } }), ...dailyPlan(), tagSelection("sel", "backup", "true")])]);
    const c = cov(g, "aws_dynamodb_table.orders");
    expect(c.status).toBe("uncovered");
    expect(c.related[0]!.message).toMatch(/backup=true .* does not match tag Backup=true .*case-sensitive/);
  });

  it("ARN wildcard selects every DynamoDB table, not other types", () => {
    const sel = res("aws_backup_selection", "all_tables", { name: "t", plan_id: ref("aws_backup_plan.daily", "id"), resources: ["arn:aws:dynamodb:*:*:table/*"] });
    const g = buildGraph([root([table("orders"), res("aws_ebs_volume", "data", { availability_zone: "eu-west-1a", size: 10 }), ...dailyPlan(), sel])]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("covered");
    expect(cov(g, "aws_ebs_volume.data").status).toBe("uncovered");
  });

  it("ARN with a specific name matches only that table", () => {
    const sel = res("aws_backup_selection", "one", { name: "t", plan_id: ref("aws_backup_plan.daily", "id"), resources: ["arn:aws:dynamodb:eu-west-1:*:table/orders"] });
    const g = buildGraph([root([table("orders"), table("carts"), ...dailyPlan(), sel])]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("covered");
    expect(cov(g, "aws_dynamodb_table.carts").status).toBe("uncovered");
  });

  it('"*" plus region opt-out: uncovered; own-ARN selection under the same opt-out: covered', () => {
    const optOut = res("aws_backup_region_settings", "rs", { resource_type_opt_in_preference: { DynamoDB: false, RDS: true } });
    const star = res("aws_backup_selection", "all", { name: "all", plan_id: ref("aws_backup_plan.daily", "id"), resources: ["*"] });
    const g1 = buildGraph([root([table("orders"), ...dailyPlan(), star, optOut])]);
    const c1 = cov(g1, "aws_dynamodb_table.orders");
    expect(c1.status).toBe("uncovered");
    expect(c1.related.some((r) => r.message.includes("opted out"))).toBe(true);

    const own = res("aws_backup_selection", "own", { name: "own", plan_id: ref("aws_backup_plan.daily", "id"), resources: [ref("aws_dynamodb_table.orders")] });
    const g2 = buildGraph([root([table("orders"), ...dailyPlan(), own, optOut])]);
    expect(cov(g2, "aws_dynamodb_table.orders").status).toBe("covered");

    const typedArn = res("aws_backup_selection", "typed", { name: "typed", plan_id: ref("aws_backup_plan.daily", "id"), resources: ["arn:aws:dynamodb:*:*:table/*"] });
    const g3 = buildGraph([root([table("orders"), ...dailyPlan(), typedArn, optOut])]);
    expect(cov(g3, "aws_dynamodb_table.orders").status).toBe("covered");
  });

  it("not_resources excludes a component", () => {
    const sel = res("aws_backup_selection", "all", {
      name: "all",
      plan_id: ref("aws_backup_plan.daily", "id"),
      resources: ["arn:aws:dynamodb:*:*:table/*"],
      not_resources: [ref("aws_dynamodb_table.scratch")],
    });
    const g = buildGraph([root([table("orders"), table("scratch"), ...dailyPlan(), sel])]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("covered");
    expect(cov(g, "aws_dynamodb_table.scratch").status).toBe("uncovered");
  });

  it("a selection in another root covers by tag", () => {
    const app = root([table("orders", { tags: { backup: "daily" } })], { root: "app" });
    const central = root([...dailyPlan(), tagSelection("sel", "backup", "daily")], { root: "backup" });
    const g = buildGraph([app, central]);
    expect(cov(g, "aws_dynamodb_table.orders", "app").status).toBe("covered");
  });

  it("a plan in another region does not cover", () => {
    const west = provider({ region: "us-west-2" });
    const g = buildGraph([root([table("orders", { tags: { backup: "daily" } }), ...dailyPlan("daily", 35, { provider: west }), tagSelection("sel", "backup", "daily", "daily", { provider: west })])]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("uncovered");
  });

  it("a plan in another known account does not cover; an unknown account does not block", () => {
    const a = provider({ account: "111111111111" });
    const b = provider({ account: "222222222222" });
    const g = buildGraph([root([table("orders", { tags: { backup: "daily" } }, { provider: a }), ...dailyPlan("daily", 35, { provider: b }), tagSelection("sel", "backup", "daily", "daily", { provider: b })])]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("uncovered");
    const g2 = buildGraph([root([table("orders", { tags: { backup: "daily" } }, { provider: a }), ...dailyPlan(), tagSelection("sel", "backup", "daily")])]);
    expect(cov(g2, "aws_dynamodb_table.orders").status).toBe("covered");
  });

  it("unknown region of the component: unknown, listed with a reason", () => {
    const p = provider({ region: unknown("var.region has no value", "pass --var-file") });
    const g = buildGraph([root([table("orders", { tags: { backup: "daily" } }, { provider: p }), ...dailyPlan(), tagSelection("sel", "backup", "daily")])]);
    const c = cov(g, "aws_dynamodb_table.orders");
    expect(c.status).toBe("unknown");
    const u = g.unknowns.find((x) => x.subject === "aws_dynamodb_table.orders");
    expect(u?.reason).toContain("var.region has no value");
    expect(u?.hint).toBe("pass --var-file");
  });

  it("unknown tag value in the selection: unknown, not uncovered; other regions stay uncovered", () => {
    const west = provider({ region: "us-west-2" });
    const g = buildGraph([
      root([
        table("orders", { tags: { backup: "daily" } }),
        table("far", { tags: { backup: "daily" } }, { provider: west }),
        ...dailyPlan(),
        tagSelection("sel", "backup", unknown("var.backup_tag has no value", "pass --var-file")),
      ]),
    ]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("unknown");
    expect(cov(g, "aws_dynamodb_table.far").status).toBe("uncovered");
    const u = g.unknowns.find((x) => x.subject === "aws_dynamodb_table.orders");
    expect(u).toMatchObject({ what: "coverage", reason: "var.backup_tag has no value" });
    expect(u?.hint).toBe("pass --var-file");
  });

  it("unknown resources list makes selectable components unknown", () => {
    const sel = res("aws_backup_selection", "x", { name: "x", plan_id: ref("aws_backup_plan.daily", "id"), resources: unknown("var.arns has no value") });
    const g = buildGraph([root([table("orders"), ...dailyPlan(), sel])]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("unknown");
  });

  it("conditions must all hold", () => {
    const sel = res("aws_backup_selection", "c", {
      name: "c",
      plan_id: ref("aws_backup_plan.daily", "id"),
      resources: ["*"],
      condition: blk({ string_equals: [blk({ key: "aws:ResourceTag/Team", value: "core" })], string_not_equals: [blk({ key: "aws:ResourceTag/Env", value: "dev" })] }),
    });
    const g = buildGraph([root([table("core", { tags: { Team: "core", Env: "prod" } }), table("dev", { tags: { Team: "core", Env: "dev" } }), ...dailyPlan(), sel])]);
    expect(cov(g, "aws_dynamodb_table.core").status).toBe("covered");
    expect(cov(g, "aws_dynamodb_table.dev").status).toBe("uncovered");
  });

  it("RDS instance without backup_retention_period: covered natively, 1 day", () => {
    const g = buildGraph([root([res("aws_db_instance", "main", { engine: "postgres", instance_class: "db.t3.micro" })])]);
    const c = cov(g, "aws_db_instance.main");
    expect(c.status).toBe("covered");
    expect(c.streams).toEqual([expect.objectContaining({ via: "pitr", retentionDays: 1 })]);
  });

  it("RDS instance with backup_retention_period = 0 is uncovered", () => {
    const g = buildGraph([root([res("aws_db_instance", "main", { engine: "postgres", backup_retention_period: 0 })])]);
    expect(cov(g, "aws_db_instance.main").status).toBe("uncovered");
  });

  it("read replica is not a component, and is recorded as a copy of its source", () => {
    const g = buildGraph([
      root([
        res("aws_db_instance", "main", { engine: "postgres", identifier: "main" }),
        res("aws_db_instance", "replica", { replicate_source_db: ref("aws_db_instance.main", "identifier") }, { provider: provider({ region: "us-east-1" }) }),
      ]),
    ]);
    expect(g.components.map((c) => c.address)).toEqual(["aws_db_instance.main"]);
    expect(g.components[0]!.copies).toEqual([expect.objectContaining({ region: "us-east-1", account: null, via: "rds-read-replica" })]);
  });

  it("memcached is not backup-capable", () => {
    const g = buildGraph([root([res("aws_elasticache_cluster", "sessions", { engine: "memcached", node_type: "cache.t3.micro" }), res("aws_elasticache_cluster", "redis", { engine: "redis" })])]);
    const m = g.components.find((c) => c.address === "aws_elasticache_cluster.sessions")!;
    expect(m.backupCapable).toBe(false);
    expect(m.kind).toBe("cache");
    expect(cov(g, "aws_elasticache_cluster.redis").status).toBe("uncovered");
  });

  it("EBS volume attached to a covered instance is covered through it", () => {
    const g = buildGraph([
      root([
        res("aws_instance", "web", { ami: "ami-1", tags: { backup: "daily" } }),
        res("aws_ebs_volume", "data", { availability_zone: "eu-west-1a", size: 100 }),
        res("aws_volume_attachment", "data", { device_name: "/dev/sdf", volume_id: ref("aws_ebs_volume.data", "id"), instance_id: ref("aws_instance.web", "id") }),
        ...dailyPlan(),
        res("aws_backup_selection", "ec2", { name: "ec2", plan_id: ref("aws_backup_plan.daily", "id"), resources: ["arn:aws:ec2:*:*:instance/*"] }),
      ]),
    ]);
    const vol = g.components.find((c) => c.address === "aws_ebs_volume.data")!;
    expect(vol.coveredWith).toEqual([".::aws_instance.web"]);
    expect(cov(g, "aws_instance.web").status).toBe("covered");
    const c = cov(g, "aws_ebs_volume.data");
    expect(c.status).toBe("covered");
    expect(c.streams[0]).toMatchObject({ via: "plan-rule", retentionDays: 35 });
  });

  it("DLM policy covers volumes with its target tags", () => {
    const policy = res("aws_dlm_lifecycle_policy", "snap", {
      description: "daily",
      execution_role_arn: "arn:aws:iam::1:role/dlm",
      policy_details: blk({
        resource_types: ["VOLUME"],
        target_tags: { Snapshot: "true" },
        schedule: blk({ name: "daily", create_rule: blk({ interval: 12, interval_unit: "HOURS", times: ["23:45"] }), retain_rule: blk({ count: 14 }) }),
      }),
    });
    const g = buildGraph([root([res("aws_ebs_volume", "a", { size: 1, tags: { Snapshot: "true" } }), res("aws_ebs_volume", "b", { size: 1 }), policy])]);
    const a = cov(g, "aws_ebs_volume.a");
    expect(a.status).toBe("covered");
    expect(a.streams).toEqual([expect.objectContaining({ via: "snapshot-policy", intervalHours: 12, retentionDays: 7 })]);
    expect(cov(g, "aws_ebs_volume.b").status).toBe("uncovered");
  });

  it("unresolved known backup module: every component of its root is unknown", () => {
    const g = buildGraph([
      root([table("orders"), res("aws_s3_bucket", "logs", { bucket: "logs" })], {
        unresolvedModules: [{ root: ".", address: "module.backup", source: "cloudposse/backup/aws", at: { file: "main.tf", range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 2, offset: 0 } } }, referencedAddresses: [], reason: "registry module without .terraform/modules" }],
      }),
      root([table("elsewhere")], { root: "other" }),
    ]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("unknown");
    expect(cov(g, "aws_s3_bucket.logs").status).toBe("unknown");
    expect(cov(g, "aws_dynamodb_table.elsewhere", "other").status).toBe("uncovered");
  });

  it("unresolved other module: only components passed into it are unknown", () => {
    const g = buildGraph([
      root([table("orders"), table("carts")], {
        unresolvedModules: [{ root: ".", address: "module.x", source: "acme/thing/aws", at: { file: "main.tf", range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 2, offset: 0 } } }, referencedAddresses: ["aws_dynamodb_table.orders"], reason: "not downloaded" }],
      }),
    ]);
    expect(cov(g, "aws_dynamodb_table.orders").status).toBe("unknown");
    expect(cov(g, "aws_dynamodb_table.carts").status).toBe("uncovered");
  });

  it("S3: versioning is the native stream; AWS Backup needs versioning", () => {
    const g = buildGraph([
      root([
        res("aws_s3_bucket", "data", { bucket: "data" }),
        res("aws_s3_bucket_versioning", "data", { bucket: ref("aws_s3_bucket.data", "id"), versioning_configuration: blk({ status: "Enabled" }) }),
        res("aws_s3_bucket_lifecycle_configuration", "data", { bucket: ref("aws_s3_bucket.data", "id"), rule: blk({ id: "nc", status: "Enabled", filter: blk({}), noncurrent_version_expiration: blk({ noncurrent_days: 90 }) }) }),
        res("aws_s3_bucket", "plain", { bucket: "plain" }),
        ...dailyPlan(),
        res("aws_backup_selection", "s3", { name: "s3", plan_id: ref("aws_backup_plan.daily", "id"), resources: ["arn:aws:s3:::*"] }),
      ]),
    ]);
    const d = cov(g, "aws_s3_bucket.data");
    expect(d.status).toBe("covered");
    expect(d.streams.find((s) => s.via === "versioning")).toMatchObject({ retentionDays: 90 });
    const p = cov(g, "aws_s3_bucket.plain");
    expect(p.status).toBe("uncovered");
    expect(p.related.some((r) => r.message.includes("needs versioning"))).toBe(true);
  });

  it("S3 replication alone is not a backup, but is recorded as a copy", () => {
    const g = buildGraph([
      root([
        res("aws_s3_bucket", "src", { bucket: "src" }),
        res("aws_s3_bucket", "dst", { bucket: "dst" }, { provider: provider({ region: "us-east-1" }) }),
        res("aws_s3_bucket_replication_configuration", "r", { bucket: ref("aws_s3_bucket.src", "id"), role: "arn:aws:iam::1:role/r", rule: blk({ status: "Enabled", destination: blk({ bucket: ref("aws_s3_bucket.dst", "arn") }) }) }),
      ]),
    ]);
    expect(cov(g, "aws_s3_bucket.src").status).toBe("uncovered");
    expect(g.components.find((c) => c.address === "aws_s3_bucket.src")!.copies).toEqual([expect.objectContaining({ region: "us-east-1", account: null, via: "s3-replication" })]);
    expect(g.mechanisms.some((m) => m.node === "replication" && m.keepsRecoveryPoints === false)).toBe(true);
  });

  it("copy actions give copy streams in the destination vault's region, inheriting the rule's lifecycle", () => {
    const dr = provider({ region: "us-east-1", key: "aws.dr" });
    const plan = res("aws_backup_plan", "daily", {
      name: "daily",
      rule: blk({ rule_name: "daily", target_vault_name: ref("aws_backup_vault.daily", "name"), lifecycle: blk({ delete_after: 30 }), copy_action: blk({ destination_vault_arn: ref("aws_backup_vault.dr", "arn") }) }),
    });
    const g = buildGraph([root([table("orders", { tags: { backup: "daily" } }), res("aws_backup_vault", "daily", { name: "daily" }), res("aws_backup_vault", "dr", { name: "dr" }, { provider: dr }), plan, tagSelection("sel", "backup", "daily")])]);
    const c = cov(g, "aws_dynamodb_table.orders");
    expect(c.streams.map((s) => [s.via, s.region, s.retentionDays, s.intervalHours])).toEqual([
      ["plan-rule", "eu-west-1", 30, 24],
      ["copy", "us-east-1", 30, 24],
    ]);
  });

  it("EFS: One Zone on by default, backup policy DISABLED turns it off", () => {
    const g = buildGraph([
      root([
        res("aws_efs_file_system", "onezone", { availability_zone_name: "eu-west-1a" }),
        res("aws_efs_file_system", "regional", {}),
        res("aws_efs_file_system", "off", { availability_zone_name: "eu-west-1a" }),
        res("aws_efs_backup_policy", "off", { file_system_id: ref("aws_efs_file_system.off", "id"), backup_policy: blk({ status: "DISABLED" }) }),
      ]),
    ]);
    expect(cov(g, "aws_efs_file_system.onezone").status).toBe("covered");
    expect(cov(g, "aws_efs_file_system.regional").status).toBe("uncovered");
    expect(cov(g, "aws_efs_file_system.off").status).toBe("uncovered");
  });
});
