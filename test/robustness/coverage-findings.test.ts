/**
 * A crash the fuzz tests (fuzz.ts) found in src/graph/coverage.ts: a backup selection with no
 * `resources`, no `selection_tag` and no `condition` (what a damaged or half-written selection
 * looks like; `terraform validate` accepts it) made
 * computeCoverage reduce an empty list of candidate bounds: "TypeError: Reduce of empty array with
 * no initial value", an internal error (exit 3). It selects nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scan } from "../../src/index.js";

const work = mkdtempSync(path.join(tmpdir(), "restorable-coverage-findings-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a backup selection that selects by nothing", () => {
  it("is judged (the table stays uncovered), not a crash", async () => {
    writeFileSync(
      path.join(work, "main.tf"),
      `resource "aws_backup_plan" "p" {
  name = "p"
  rule {
    rule_name         = "daily"
    target_vault_name = "v"
    schedule          = "cron(0 5 * * ? *)"
  }
}

resource "aws_backup_selection" "empty" {
  name         = "empty"
  plan_id      = aws_backup_plan.p.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
}

resource "aws_dynamodb_table" "orders" {
  name = "orders"
}
`,
    );
    const result = await scan({ paths: [work], cwd: work, env: {} });
    expect(result.findings.map((f) => `${f.ruleId} ${f.subject}`)).toContain("COV-001 aws_dynamodb_table.orders");
  });
});
