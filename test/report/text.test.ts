import { describe, expect, it } from "vitest";
import { findingFingerprint } from "../../src/report/common.js";
import { formatText } from "../../src/report/text.js";
import { FINDINGS, scanResult } from "./fixtures.js";

describe("text output", () => {
  it("groups findings by file, shows related locations, hides suppressed ones and ends with one summary line", () => {
    expect(formatText(scanResult(), { color: false })).toBe(
      [
        "envs/prod/backup.tf",
        "  1:1  warning  MON-001  Backup job failures in aws_backup_vault.main reach nobody. Add aws_backup_vault_notifications with BACKUP_JOB_COMPLETED.",
        "       -> envs/prod/db.tf:10:1  aws_db_instance.ledger",
        "       -> envs/prod/db.tf:30:1  aws_dynamodb_table.orders",
        "",
        "envs/prod/db.tf",
        "  14:3  error    RET-001  aws_db_instance.ledger keeps backups for 7 days; class financial carries the SOX convention (auditors' 7-year rule, 17 CFR 210.2-06): 2555 days. Add an AWS Backup plan rule with delete_after >= 2555, or change the class.",
        "        -> envs/prod/backup.tf:9:5  plan rule daily keeps 35 days",
        "  30:1  error    COV-001  aws_dynamodb_table.orders has no backup: no PITR and no AWS Backup selection covers it. Enable point_in_time_recovery or add it to a backup selection",
        "  30:1  error    COV-001  [staging] aws_dynamodb_table.orders has no backup in environment staging.",
        "",
        "modules/broken/main.tf",
        "  7:12  warning  CFG-001  modules/broken/main.tf could not be parsed at line 7: unexpected '}'. Findings of its module may be incomplete.",
        "",
        "Environments not evaluated: envs/prod/staging.tfvars (pass --var-file to evaluate one).",
        "3 errors, 2 warnings in 3 files (1 suppressed); 3 components, 1 covered, 1 uncovered, 1 unknown; 3 unknowns (top reasons: depends on var.dr_region, which has no value (2); depends on var.days, which has no value (1))",
        "",
      ].join("\n"),
    );
  });

  it("colours with ANSI only when asked", () => {
    const result = scanResult({ findings: [FINDINGS[1]!], unknowns: [], stats: { ...scanResult().stats, environmentsNotEvaluated: [] } });
    expect(formatText(result, { color: true })).toBe(
      "\u001b[1m\u001b[4menvs/prod/db.tf\u001b[0m\n" +
        "  30:1  \u001b[31merror  \u001b[0m  \u001b[2mCOV-001\u001b[0m  aws_dynamodb_table.orders has no backup: no PITR and no AWS Backup selection covers it. Enable point_in_time_recovery or add it to a backup selection\n" +
        "\n" +
        "\u001b[1m1 error in 1 file; 3 components, 1 covered, 1 uncovered, 1 unknown; 0 unknowns\u001b[0m\n",
    );
    expect(formatText(result, { color: false })).not.toContain("\u001b");
  });

  it("says so when there is nothing to show", () => {
    const result = scanResult({ findings: [FINDINGS[3]!], components: [], unknowns: [], stats: { ...scanResult().stats, environmentsNotEvaluated: [] } });
    expect(formatText(result, { color: false })).toBe("no findings (1 suppressed); 0 components, 0 covered, 0 uncovered, 0 unknown; 0 unknowns\n");
  });

  it("hides findings of the baseline and counts them", () => {
    const baseline = new Set(FINDINGS.map(findingFingerprint));
    expect(formatText(scanResult({ unknowns: [] }), { color: false, baseline })).toBe(
      "Environments not evaluated: envs/prod/staging.tfvars (pass --var-file to evaluate one).\n" +
        "no findings (1 suppressed, 5 in baseline); 3 components, 1 covered, 1 uncovered, 1 unknown; 0 unknowns\n",
    );
  });

  it("with quiet, lists only findings at or above the threshold and no summary", () => {
    expect(formatText(scanResult(), { color: false, quiet: true, failOn: "error" })).toBe(
      [
        "envs/prod/db.tf",
        "  14:3  error    RET-001  aws_db_instance.ledger keeps backups for 7 days; class financial carries the SOX convention (auditors' 7-year rule, 17 CFR 210.2-06): 2555 days. Add an AWS Backup plan rule with delete_after >= 2555, or change the class.",
        "        -> envs/prod/backup.tf:9:5  plan rule daily keeps 35 days",
        "  30:1  error    COV-001  aws_dynamodb_table.orders has no backup: no PITR and no AWS Backup selection covers it. Enable point_in_time_recovery or add it to a backup selection",
        "  30:1  error    COV-001  [staging] aws_dynamodb_table.orders has no backup in environment staging.",
        "",
      ].join("\n"),
    );
    expect(formatText(scanResult(), { color: false, quiet: true, failOn: "none" })).toBe("");
  });

  it("does not depend on the order of findings", () => {
    const reversed = scanResult({ findings: [...FINDINGS].reverse() });
    expect(formatText(reversed, { color: false })).toBe(formatText(scanResult(), { color: false }));
  });

  it("keeps each finding on one line", () => {
    const multiLine = { ...FINDINGS[1]!, message: "first line\n  second line" };
    const text = formatText(scanResult({ findings: [multiLine] }), { color: false });
    expect(text).toContain("  30:1  error    COV-001  first line second line\n");
  });
});
