import { describe, expect, it } from "vitest";
import { policyAllowsAccountRoot } from "../../src/catalog/aws-keys.js";
import { buildGraph } from "../../src/graph/index.js";
import { isUnknownFact } from "../../src/graph/types.js";
import { defaultRequirements } from "../../src/policy/defaults.js";
import type { PolicyView, Requirements } from "../../src/policy/types.js";
import { ENCRYPTION_RULES } from "../../src/rules/encryption.js";
import { runRules } from "../../src/rules/index.js";
import { blk, provider, ref, res, root, unknown } from "../graph/builders.js";

const classSource = { kind: "class" as const, id: "financial", label: "class financial" };
function policy(extra: Partial<Requirements> = {}): PolicyView {
  return { requirementsFor: () => ({ ...defaultRequirements(), ...extra }) };
}
function run(resources: ReturnType<typeof res>[], view: PolicyView = policy()) {
  return runRules({ graph: buildGraph([root(resources)]), fileProblems: [], policy: view, rules: ENCRYPTION_RULES }).findings;
}
const db = (name: string, attrs: Parameters<typeof res>[2] = {}) =>
  res("aws_db_instance", name, { identifier: name, engine: "postgres", backup_retention_period: 35, ...attrs });

describe("key policy", () => {
  const root = (p: string) => JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: p }, Action: "kms:*", Resource: "*" }] });
  it("grants the account root by ARN or account id", () => {
    expect(policyAllowsAccountRoot(root("arn:aws:iam::111122223333:root"), "111122223333")).toBe(true);
    expect(policyAllowsAccountRoot(root("111122223333"), "111122223333")).toBe(true);
    expect(policyAllowsAccountRoot(undefined, "111122223333")).toBe(true);
  });
  it("locks out when only a role is named; unknown when the account or policy is unknown", () => {
    expect(policyAllowsAccountRoot(root("arn:aws:iam::111122223333:role/admin"), "111122223333")).toBe(false);
    expect(isUnknownFact(policyAllowsAccountRoot(root("arn:aws:iam::111122223333:root"), null))).toBe(true);
    expect(isUnknownFact(policyAllowsAccountRoot(unknown("data source"), "111122223333"))).toBe(true);
  });
});

describe("ENC-001", () => {
  it("unencrypted snapshots at warning, at error when the class requires encryption", () => {
    expect(run([db("legacy", { storage_encrypted: false })]).map((f) => [f.ruleId, f.level, f.anchor])).toEqual([["ENC-001", "warning", "storage_encrypted"]]);
    const hipaa = policy({ requiresEncryption: { value: true, source: classSource } });
    expect(run([db("legacy", { storage_encrypted: false })], hipaa)[0]!.level).toBe("error");
  });
  it("AWS managed keys only matter when the class requires a customer managed key", () => {
    const cmk = policy({ requiresCustomerManagedKey: { value: true, source: classSource } });
    expect(run([db("ledger", { storage_encrypted: true })])).toEqual([]);
    expect(run([db("ledger", { storage_encrypted: true })], cmk).map((f) => f.ruleId)).toEqual(["ENC-001"]);
    expect(run([db("ledger", { storage_encrypted: true, kms_key_id: "alias/aws/rds" })], cmk).map((f) => f.ruleId)).toEqual(["ENC-001"]);
    expect(run([res("aws_kms_key", "k", {}), db("ledger", { storage_encrypted: true, kms_key_id: ref("aws_kms_key.k") })], cmk)).toEqual([]);
  });
});

describe("ENC-002 and ENC-003", () => {
  it("a key with a 7-day window used by a vault, unless prevent_destroy", () => {
    const vault = res("aws_backup_vault", "v", { name: "v", kms_key_arn: ref("aws_kms_key.k") });
    const f = run([res("aws_kms_key", "k", { deletion_window_in_days: 7 }), vault]);
    expect(f.map((x) => [x.ruleId, x.subject, x.anchor, x.affected])).toEqual([["ENC-002", "aws_kms_key.k", "deletion_window_in_days", ["aws_backup_vault.v"]]]);
    expect(run([res("aws_kms_key", "k", { deletion_window_in_days: 7 }, { preventDestroy: true }), vault])).toEqual([]);
    expect(run([res("aws_kms_key", "k", { deletion_window_in_days: 7 })])).toEqual([]);
  });

  it("a cross-account copy of RDS backups under an AWS managed key is impossible", () => {
    const acct = provider({ account: "111122223333" });
    const rs = [
      res("aws_backup_vault", "main", { name: "main" }, { provider: acct }),
      res("aws_backup_plan", "p", { name: "p", rule: blk({ rule_name: "r", target_vault_name: ref("aws_backup_vault.main", "name"), copy_action: blk({ destination_vault_arn: "arn:aws:backup:us-east-1:999988887777:backup-vault:central" }) }) }, { provider: acct }),
      res("aws_backup_selection", "s", { name: "s", plan_id: ref("aws_backup_plan.p", "id"), resources: [ref("aws_db_instance.ledger")] }, { provider: acct }),
      res("aws_db_instance", "ledger", { identifier: "ledger", storage_encrypted: true, backup_retention_period: 35 }, { provider: acct }),
    ];
    const f = run(rs).filter((x) => x.ruleId === "ENC-003");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("999988887777");
  });
});
