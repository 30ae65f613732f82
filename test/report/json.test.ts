import { describe, expect, it } from "vitest";
import { unknownFact } from "../../src/graph/types.js";
import { findingFingerprint } from "../../src/report/common.js";
import { formatReport } from "../../src/report/index.js";
import { formatJson } from "../../src/report/json.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { FINDINGS, scanResult, UNKNOWNS } from "./fixtures.js";

describe("JSON output", () => {
  it("writes findings, the inventory, every unknown and stats, exactly", () => {
    const base = scanResult();
    const result = scanResult({
      findings: [FINDINGS[0]!],
      components: [base.components[1]!],
      unknowns: [UNKNOWNS[1]!],
    });
    const fp = findingFingerprint(FINDINGS[0]!);
    expect(formatJson(result)).toBe(`{
  "reportVersion": 1,
  "tool": {
    "name": "restorable",
    "version": "0.1.0",
    "informationUri": "https://github.com/restorable/restorable"
  },
  "findings": [
    {
      "ruleId": "RET-001",
      "level": "error",
      "message": "aws_db_instance.ledger keeps backups for 7 days; class financial carries the SOX convention (auditors' 7-year rule, 17 CFR 210.2-06): 2555 days. Add an AWS Backup plan rule with delete_after >= 2555, or change the class.",
      "subject": "aws_db_instance.ledger",
      "subjectKind": "resource",
      "root": "envs/prod",
      "environment": "",
      "location": {
        "file": "envs/prod/db.tf",
        "startLine": 14,
        "startColumn": 3,
        "endLine": 14,
        "endColumn": 32
      },
      "anchor": "backup_retention_period",
      "related": [
        {
          "location": {
            "file": "envs/prod/backup.tf",
            "startLine": 9,
            "startColumn": 5,
            "endLine": 9,
            "endColumn": 22
          },
          "message": "plan rule daily keeps 35 days"
        }
      ],
      "fingerprint": "${fp}"
    }
  ],
  "components": [
    {
      "address": "aws_db_instance.ledger",
      "root": "envs/prod",
      "type": "aws_db_instance",
      "provider": "aws",
      "kind": "database",
      "region": "us-east-1",
      "account": null,
      "file": "envs/prod/db.tf",
      "line": 10,
      "backupCapable": true,
      "encryption": {
        "atRest": true,
        "key": "aws_kms_key.backup"
      },
      "deletionProtection": false,
      "backupsSurviveDeletion": {
        "unknown": true,
        "reason": "depends on var.skip_final",
        "hint": "pass --var-file"
      },
      "classes": [
        "financial"
      ],
      "regimes": [
        "irs",
        "sox"
      ],
      "protection": {
        "mechanisms": [
          {
            "via": "copy",
            "address": "aws_backup_plan.main",
            "root": "envs/prod",
            "type": "aws_backup_plan",
            "rule": "daily"
          },
          {
            "via": "native"
          },
          {
            "via": "plan-rule",
            "address": "aws_backup_plan.main",
            "root": "envs/prod",
            "type": "aws_backup_plan",
            "rule": "daily"
          }
        ],
        "intervalHours": 24,
        "retentionDays": 35,
        "regions": [
          "us-east-1",
          "us-west-2"
        ],
        "accounts": [
          "111122223333"
        ],
        "copies": [],
        "vaults": [
          {
            "vault": "aws_backup_vault.dr",
            "root": "envs/prod",
            "region": "us-west-2",
            "account": "111122223333",
            "lock": {
              "unknown": true,
              "reason": "lock mode depends on var.lock_mode"
            }
          },
          {
            "vault": "aws_backup_vault.main",
            "root": "envs/prod",
            "region": "us-east-1",
            "account": "111122223333",
            "lock": "governance"
          }
        ],
        "keys": [
          {
            "of": "aws_backup_vault.dr",
            "key": "arn:aws:kms:us-west-2:111122223333:key/mrk-1",
            "retrievable": {
              "unknown": true,
              "reason": "the key is managed outside this scan"
            }
          },
          {
            "of": "aws_backup_vault.main",
            "key": "aws_kms_key.backup",
            "retrievable": true
          },
          {
            "of": "aws_db_instance.ledger",
            "key": "aws_kms_key.backup",
            "retrievable": true
          }
        ],
        "locked": {
          "unknown": true,
          "reason": "lock mode depends on var.lock_mode"
        },
        "restoreTested": false
      },
      "coverage": {
        "status": "covered",
        "streams": [
          {
            "via": "native",
            "retentionDays": 7,
            "intervalHours": 24,
            "region": "us-east-1",
            "account": null,
            "location": {
              "file": "envs/prod/db.tf",
              "startLine": 14,
              "startColumn": 3,
              "endLine": 14,
              "endColumn": 13
            }
          },
          {
            "via": "plan-rule",
            "mechanism": "envs/prod::aws_backup_plan.main",
            "retentionDays": 35,
            "intervalHours": 24,
            "region": "us-east-1",
            "account": null,
            "location": {
              "file": "envs/prod/backup.tf",
              "startLine": 9,
              "startColumn": 5,
              "endLine": 9,
              "endColumn": 15
            }
          }
        ],
        "unknowns": []
      }
    }
  ],
  "unknowns": [
    {
      "subject": "aws_s3_bucket.logs",
      "root": "envs/prod",
      "what": "retention",
      "reason": "depends on var.days, which has no value"
    }
  ],
  "stats": {
    "files": 6,
    "terraformFiles": 5,
    "roots": [
      "envs/prod"
    ],
    "environmentsNotEvaluated": [
      "envs/prod/staging.tfvars"
    ],
    "components": 3,
    "mechanisms": 4,
    "coverage": {
      "covered": 1,
      "uncovered": 0,
      "unknown": 0
    },
    "findings": {
      "total": 1,
      "error": 1,
      "warning": 0,
      "note": 0,
      "suppressed": 0,
      "inBaseline": 0
    },
    "unknowns": 1
  }
}
`);
  });

  it("lists all unknowns, with reason and hint, sorted", () => {
    const report = JSON.parse(formatJson(scanResult())) as { unknowns: { subject: string; reason: string; hint?: string }[] };
    expect(report.unknowns.map((u) => u.subject)).toEqual(["aws_backup_vault.dr", "aws_backup_vault.dr2", "aws_s3_bucket.logs"]);
    expect(report.unknowns[0]).toMatchObject({ reason: "depends on var.dr_region, which has no value", hint: "pass --var-file" });
  });

  it("shows unknown facts as {unknown, reason}, suppressions and baseline states", () => {
    const baseline = new Set([findingFingerprint(FINDINGS[0]!)]);
    const report = JSON.parse(formatJson(scanResult(), { baseline })) as {
      findings: { ruleId: string; suppression?: unknown; baselineState?: string }[];
      components: { address: string; region: unknown; coverage: { status: string; unknowns: unknown[] } }[];
      stats: { findings: { inBaseline: number; suppressed: number } };
    };
    const logs = report.components.find((c) => c.address === "aws_s3_bucket.logs")!;
    expect(logs.region).toEqual({ unknown: true, reason: "depends on var.region" });
    expect(logs.coverage).toEqual({ status: "unknown", streams: [], unknowns: [unknownFact("selection by unknown tag", "pass --var-file")] });
    expect(report.findings.find((f) => f.ruleId === "REG-001")!.suppression).toEqual({ kind: "inSource", justification: "rebuilt from source in minutes" });
    expect(report.findings.find((f) => f.ruleId === "RET-001")!.baselineState).toBe("unchanged");
    expect(report.stats.findings).toMatchObject({ inBaseline: 1, suppressed: 1 });
  });

  it("is deterministic and independent of input order", () => {
    const shuffled = scanResult({
      findings: [...FINDINGS].reverse(),
      components: [...scanResult().components].reverse(),
      unknowns: [...UNKNOWNS].reverse(),
    });
    expect(formatJson(shuffled)).toBe(formatJson(scanResult()));
    expect(formatJson(scanResult())).not.toContain(process.cwd());
  });
});

describe("formatReport", () => {
  it("dispatches on the format", () => {
    const result = scanResult();
    expect(formatReport(result, "json")).toBe(formatJson(result));
    expect(formatReport(result, "markdown")).toBe(formatMarkdown(result));
    expect(JSON.parse(formatReport(result, "sarif")).version).toBe("2.1.0");
    expect(formatReport(result, "text", { color: false })).toContain("3 errors, 2 warnings in 3 files");
  });
});
