import type { Component, Coverage, Location, ScanUnknown } from "../../src/graph/types.js";
import { unknownFact } from "../../src/graph/types.js";
import type { Finding, RuleMeta } from "../../src/rules/types.js";
import type { InventoryEntry, Protection, ScanResult } from "../../src/scan-result.js";

export function loc(file: string, startLine: number, startColumn = 1, endLine = startLine, endColumn = startColumn + 10): Location {
  return { file, startLine, startColumn, endLine, endColumn };
}

function meta(id: string, name: string, category: RuleMeta["category"], level: RuleMeta["level"], severity: string): RuleMeta {
  return {
    id,
    name,
    category,
    level,
    shortDescription: `${name} short description`,
    fullDescription: `${name} explained in full, with why it matters`,
    helpMarkdown: `**${id}**: how to fix it.\n\n\`\`\`hcl\nresource "aws_backup_plan" "x" {}\n\`\`\``,
    helpText: `${id}: how to fix it.`,
    tags: ["backup", category, "backup"],
    securitySeverity: severity,
    providers: ["aws"],
  };
}

export const RULES: RuleMeta[] = [
  meta("CFG-001", "UnparseableInputFile", "configuration", "warning", "3.0"),
  meta("COV-001", "StatefulComponentWithoutBackup", "coverage", "error", "8.0"),
  meta("MON-001", "BackupFailuresReachNobody", "monitoring", "warning", "5.5"),
  { ...meta("RET-001", "RetentionBelowRegime", "retention", "error", "7"), citation: "17 CFR 210.2-06" },
  meta("REG-001", "NoCopyOutsideRegion", "region", "warning", "6.0"),
];

export function finding(overrides: Partial<Finding> & Pick<Finding, "ruleId" | "subject" | "location">): Finding {
  return {
    level: "error",
    message: `${overrides.subject} breaks a promise`,
    subjectKind: "resource",
    root: "envs/prod",
    anchor: "",
    related: [],
    environment: "",
    ...overrides,
  };
}

export const FINDINGS: Finding[] = [
  finding({
    ruleId: "RET-001",
    subject: "aws_db_instance.ledger",
    location: loc("envs/prod/db.tf", 14, 3, 14, 32),
    anchor: "backup_retention_period",
    message:
      "aws_db_instance.ledger keeps backups for 7 days; class financial carries the SOX convention (auditors' 7-year rule, 17 CFR 210.2-06): 2555 days. Add an AWS Backup plan rule with delete_after >= 2555, or change the class.",
    related: [{ location: loc("envs/prod/backup.tf", 9, 5, 9, 22), message: "plan rule daily keeps 35 days" }],
  }),
  finding({
    ruleId: "COV-001",
    subject: "aws_dynamodb_table.orders",
    location: loc("envs/prod/db.tf", 30, 1, 30, 38),
    message: "aws_dynamodb_table.orders has no backup: no PITR and no AWS Backup selection covers it. Enable point_in_time_recovery or add it to a backup selection",
  }),
  finding({
    ruleId: "MON-001",
    level: "warning",
    subject: "aws_backup_vault.main",
    location: loc("envs/prod/backup.tf", 1, 1, 1, 34),
    message: "Backup job failures in aws_backup_vault.main reach nobody. Add aws_backup_vault_notifications with BACKUP_JOB_COMPLETED.",
    related: [
      { location: loc("envs/prod/db.tf", 30, 1), message: "aws_dynamodb_table.orders" },
      { location: loc("envs/prod/db.tf", 10, 1), message: "aws_db_instance.ledger" },
    ],
    affected: ["aws_dynamodb_table.orders", "aws_db_instance.ledger"],
  }),
  finding({
    ruleId: "REG-001",
    level: "warning",
    subject: "aws_s3_bucket.build_cache",
    location: loc("envs/prod/s3 files/cache.tf", 3, 1),
    message: "aws_s3_bucket.build_cache has no copy outside us-east-1.",
    suppression: { kind: "inSource", justification: "rebuilt from source in minutes" },
  }),
  finding({
    ruleId: "CFG-001",
    level: "warning",
    subject: "modules/broken/main.tf",
    subjectKind: "module",
    root: "",
    location: loc("modules/broken/main.tf", 7, 12, 7, 13),
    message: "modules/broken/main.tf could not be parsed at line 7: unexpected '}'. Findings of its module may be incomplete.",
    environment: "",
  }),
  finding({
    ruleId: "COV-001",
    subject: "aws_dynamodb_table.orders",
    location: loc("envs/prod/db.tf", 30, 1, 30, 38),
    environment: "staging",
    message: "aws_dynamodb_table.orders has no backup in environment staging.",
  }),
];

function component(address: string, kind: Component["kind"], file: string, line: number): Component {
  return {
    node: "component",
    id: `envs/prod::${address}`,
    root: "envs/prod",
    address,
    type: address.split(".")[0] ?? address,
    location: loc(file, line, 1),
    anchors: {},
    provider: "aws",
    kind,
    backupCapable: true,
    region: "us-east-1",
    account: null,
    tags: {},
    arn: unknownFact("no arn"),
    nativeBackup: { enabled: false, retentionDays: 0, pointInTime: false, frequencyHours: 24 },
    encryption: { atRest: true, keyId: "aws_kms_key.backup" },
    copies: [],
    deletionProtection: false,
    backupsSurviveDeletion: unknownFact("depends on var.skip_final", "pass --var-file"),
    coveredWith: [],
    preventDestroy: false,
  } as Component;
}

const COVERED: Coverage = {
  status: "covered",
  streams: [
    {
      via: "plan-rule",
      mechanismId: "envs/prod::aws_backup_plan.main",
      retentionDays: 35,
      intervalHours: 24,
      region: "us-east-1",
      account: null,
      location: loc("envs/prod/backup.tf", 9, 5),
    },
    {
      via: "native",
      retentionDays: 7,
      intervalHours: 24,
      region: "us-east-1",
      account: null,
      location: loc("envs/prod/db.tf", 14, 3),
    },
  ],
  unknowns: [],
  related: [],
};

const NOT_PROTECTED: Pick<InventoryEntry, "classes" | "regimes" | "protection"> = {
  classes: [],
  regimes: [],
  protection: {
    mechanisms: [],
    intervalHours: undefined,
    retentionDays: undefined,
    regions: [],
    accounts: [],
    copies: [],
    vaults: [],
    keys: [],
    locked: "none",
    restoreTested: false,
  },
};

export const LEDGER_PROTECTION: Protection = {
  mechanisms: [
    { via: "native" },
    { via: "plan-rule", address: "aws_backup_plan.main", root: "envs/prod", type: "aws_backup_plan", rule: "daily" },
    { via: "copy", address: "aws_backup_plan.main", root: "envs/prod", type: "aws_backup_plan", rule: "daily" },
  ],
  intervalHours: 24,
  retentionDays: 35,
  regions: ["us-east-1", "us-west-2"],
  accounts: ["111122223333"],
  copies: [],
  vaults: [
    { vault: "aws_backup_vault.main", root: "envs/prod", region: "us-east-1", account: "111122223333", lock: "governance", keyId: "envs/prod::aws_kms_key.backup" },
    { vault: "aws_backup_vault.dr", root: "envs/prod", region: "us-west-2", account: "111122223333", lock: unknownFact("lock mode depends on var.lock_mode") },
  ],
  keys: [
    { of: "aws_db_instance.ledger", key: "aws_kms_key.backup", retrievable: true },
    { of: "aws_backup_vault.main", key: "aws_kms_key.backup", retrievable: true },
    { of: "aws_backup_vault.dr", key: "arn:aws:kms:us-west-2:111122223333:key/mrk-1", retrievable: unknownFact("the key is managed outside this scan") },
  ],
  locked: unknownFact("lock mode depends on var.lock_mode"),
  restoreTested: false,
};

export const UNKNOWNS: ScanUnknown[] = [
  {
    subject: "aws_backup_vault.dr",
    root: "envs/prod",
    what: "region",
    reason: "depends on var.dr_region, which has no value",
    hint: "pass --var-file",
    location: loc("envs/prod/backup.tf", 20, 1),
  },
  { subject: "aws_s3_bucket.logs", root: "envs/prod", what: "retention", reason: "depends on var.days, which has no value" },
  {
    subject: "aws_backup_vault.dr2",
    root: "envs/prod",
    what: "region",
    reason: "depends on var.dr_region, which has no value",
    location: loc("envs/prod/backup.tf", 25, 1),
  },
];

export function scanResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    tool: { name: "restorable", version: "0.1.0", informationUri: "https://github.com/restorable/restorable" },
    rules: RULES,
    findings: FINDINGS,
    components: [
      { component: component("aws_dynamodb_table.orders", "database", "envs/prod/db.tf", 30), coverage: { status: "uncovered", streams: [], unknowns: [], related: [] }, ...NOT_PROTECTED },
      { component: component("aws_db_instance.ledger", "database", "envs/prod/db.tf", 10), coverage: COVERED, classes: ["financial"], regimes: ["irs", "sox"], protection: LEDGER_PROTECTION },
      {
        component: { ...component("aws_s3_bucket.logs", "object-store", "envs/prod/s3 files/cache.tf", 20), region: unknownFact("depends on var.region") },
        coverage: { status: "unknown", streams: [], unknowns: [unknownFact("selection by unknown tag", "pass --var-file")], related: [] },
        ...NOT_PROTECTED,
      },
    ],
    unknowns: UNKNOWNS,
    stats: {
      files: 6,
      terraformFiles: 5,
      roots: ["envs/prod"],
      environmentsNotEvaluated: ["envs/prod/staging.tfvars"],
      components: 3,
      mechanisms: 4,
    },
    ...overrides,
  };
}
