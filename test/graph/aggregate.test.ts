import { describe, expect, it } from "vitest";
import { effectiveInterval, effectiveRetention, exceeds, fallsShort, immediatelyAvailable, sparserThan } from "../../src/graph/aggregate.js";
import { buildGraph } from "../../src/graph/index.js";
import { blk, dailyPlan, ref, res, root, tagSelection, unknown } from "./builders.js";

function agg(resources: Parameters<typeof root>[0], address: string) {
  const g = buildGraph([root(resources)]);
  const c = g.components.find((x) => x.address === address)!;
  const cov = g.coverage.get(c.id);
  return { retention: effectiveRetention(c, cov), interval: effectiveInterval(c, cov), available: immediatelyAvailable(c, cov) };
}

const db = (attrs: Parameters<typeof res>[2] = {}) => res("aws_db_instance", "db", { identifier: "db", ...attrs });

describe("aggregation", () => {
  it("longest retention and best interval over native PITR and a plan rule", () => {
    const a = agg([db({ backup_retention_period: 7, tags: { b: "d" } }), ...dailyPlan("daily", 90), tagSelection("s", "b", "d")], "aws_db_instance.db");
    expect(a.retention.value).toBe(90);
    expect(a.retention.source?.via).toBe("plan-rule");
    expect(a.interval.value).toBeCloseTo(5 / 60);
    expect(fallsShort(a.retention, 35)).toBe(false);
    expect(fallsShort(a.retention, 365)).toBe(true);
  });

  it("no lifecycle = forever; exceeds any maximum", () => {
    const a = agg([db({ backup_retention_period: 7, tags: { b: "d" } }), ...dailyPlan("daily", null), tagSelection("s", "b", "d")], "aws_db_instance.db");
    expect(a.retention.value).toBeNull();
    expect(exceeds(a.retention, 395)).toBe(true);
  });

  it("unknown retention of a stream makes a short known maximum unknown, not a longer one", () => {
    const a = agg([db({ backup_retention_period: 7, tags: { b: "d" } }), ...dailyPlan("daily", 35).map((r) => r), tagSelection("s", "b", "d")], "aws_db_instance.db");
    expect(fallsShort(a.retention, 30)).toBe(false);
    const u = agg([db({ backup_retention_period: unknown("var.days"), tags: {} })], "aws_db_instance.db");
    expect(typeof fallsShort(u.retention, 35)).toBe("object");
  });

  it("cold storage after 30 days: 30 days immediately available", () => {
    const vault = res("aws_backup_vault", "v", { name: "v" });
    const plan = res("aws_backup_plan", "p", { name: "p", rule: blk({ rule_name: "r", target_vault_name: ref("aws_backup_vault.v", "name"), lifecycle: blk({ cold_storage_after: 30, delete_after: 400 }) }) });
    const a = agg([res("aws_dynamodb_table", "t", { name: "t", hash_key: "id", tags: { b: "d" } }), vault, plan, tagSelection("s", "b", "d", "p")], "aws_dynamodb_table.t");
    expect(a.retention.value).toBe(400);
    expect(a.available.value).toBe(30);
    expect(sparserThan(a.interval, 24)).toBe(false);
  });

  it("log group: data retention counts (90 days), forever when absent", () => {
    expect(agg([res("aws_cloudwatch_log_group", "l", { name: "l", retention_in_days: 90 })], "aws_cloudwatch_log_group.l").retention.value).toBe(90);
    expect(agg([res("aws_cloudwatch_log_group", "l", { name: "l" })], "aws_cloudwatch_log_group.l").retention.value).toBeNull();
  });

  it("S3 Glacier transition: the data is immediately available until the transition", () => {
    const bucket = res("aws_s3_bucket", "logs", { bucket: "logs" });
    const lc = res("aws_s3_bucket_lifecycle_configuration", "logs", { bucket: ref("aws_s3_bucket.logs", "id"), rule: blk({ id: "r", status: "Enabled", transition: blk({ days: 30, storage_class: "GLACIER" }), expiration: blk({ days: 400 }) }) });
    const versioning = res("aws_s3_bucket_versioning", "logs", { bucket: ref("aws_s3_bucket.logs", "id"), versioning_configuration: blk({ status: "Enabled" }) });
    const a = agg([bucket, lc, versioning], "aws_s3_bucket.logs");
    expect(a.available.value).toBe(30);
  });
});
