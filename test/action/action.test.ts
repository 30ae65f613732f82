/**
 * Runs dist/index.js the way the GitHub runner does: INPUT_* variables (dashes kept),
 * a pull_request event payload, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and a
 * real git repository with a base and a head commit.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "..", "..");
const bundle = join(repo, "dist", "index.js");
const dir = mkdtempSync(join(tmpdir(), "restorable-action-"));
const workspace = join(dir, "workspace");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  "providers.tf": `provider "aws" {\n  region = "eu-west-1"\n}\n`,
  "db.tf": `# The ledger: financial records, backed up by the daily plan in backup.tf.
resource "aws_db_instance" "ledger" {
  identifier                  = "ledger"
  engine                      = "postgres"
  instance_class              = "db.r6g.large"
  allocated_storage           = 100
  storage_encrypted           = true
  username                    = "ledger"
  manage_master_user_password = true
  backup_retention_period     = 7
  deletion_protection         = true

  tags = {
    data-class = "financial"
    backup     = "daily"
  }
}
`,
  "legacy.tf": `# An old table nobody backs up; the pull request does not touch it.
resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
`,
  "backup.tf": `resource "aws_backup_vault" "main" {
  name = "ledger-backups"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = 2555
    }
  }
}

resource "aws_backup_selection" "daily" {
  name         = "daily"
  iam_role_arn = "arn:aws:iam::111122223333:role/aws-backup-service"
  plan_id      = aws_backup_plan.daily.id

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}
`,
};

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: workspace, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } }).trim();
}

let base = "";
let head = "";

beforeAll(() => {
  execFileSync("git", ["init", "-q", "-b", "main", workspace]);
  git("config", "commit.gpgsign", "false");
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(workspace, name), text);
  git("add", ".");
  git("commit", "-q", "-m", "base");
  base = git("rev-parse", "HEAD");
  // The pull request lowers the plan's retention: the finding lands on db.tf, which it does not touch.
  writeFileSync(join(workspace, "backup.tf"), FILES["backup.tf"]!.replace("delete_after = 2555", "delete_after = 30"));
  git("commit", "-q", "-am", "Keep daily backups for 30 days");
  head = git("rev-parse", "HEAD");
});

interface Run {
  status: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  sarif: { runs: { results: { ruleId: string; baselineState?: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; automationDetails?: { id: string } }[] };
}

/** GITHUB_OUTPUT in the runner's heredoc format: name<<DELIMITER / value / DELIMITER. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return out;
}

async function runAction(name: string, inputs: Record<string, string>, payload: unknown = { pull_request: { base: { sha: base }, head: { sha: head } } }): Promise<Run> {
  const eventPath = join(dir, `${name}-event.json`);
  const outputPath = join(dir, `${name}-output.txt`);
  const summaryPath = join(dir, `${name}-summary.md`);
  writeFileSync(eventPath, JSON.stringify(payload));
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env["PATH"],
    HOME: process.env["HOME"],
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const { status, stdout } = await new Promise<{ status: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [bundle], { cwd: workspace, env, timeout: 60_000 }, (error, stdout) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout });
    });
  });
  const outputs = parseOutputs(readFileSync(outputPath, "utf8"));
  const sarifPath = outputs["sarif-file"] ?? join(workspace, inputs["sarif-file"] ?? "restorable.sarif");
  return { status, stdout, outputs, summary: readFileSync(summaryPath, "utf8"), sarif: JSON.parse(readFileSync(sarifPath, "utf8")) as Run["sarif"] };
}

const ruleIdsOf = (r: Run) => r.sarif.runs[0]!.results.map((x) => `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri}`).sort();
const annotations = (r: Run) => r.stdout.split("\n").filter((l) => /^::(error|warning|notice) /.test(l));

describe("the Action run as the runner runs it (node dist/index.js)", () => {
  it("with only-changed in a pull request gates and annotates the change, and uploads every result", async () => {
    const r = await runAction("only-changed", { paths: ".", "fail-on": "error", "only-changed": "true", "sarif-file": "out/restorable.sarif", category: "restorable-infra" });
    expect(r.status).toBe(1);
    // RET-001 lands on db.tf (unchanged) and is in the change through its related location in backup.tf.
    expect(r.stdout).toMatch(/^::error title=RET-001 aws_db_instance\.ledger,file=db\.tf,line=2,endLine=2,col=1,endColumn=\d+::aws_db_instance\.ledger keeps recovery points for at most 30 days/m);
    // The uncovered table in legacy.tf has nothing to do with the change: neither annotated nor gating...
    expect(r.stdout).not.toContain("file=legacy.tf");
    expect(annotations(r)).toHaveLength(3);
    expect(r.stdout).toContain("::error::restorable: 1 finding at or above fail-on error in the files this pull request changes.");
    expect(r.outputs).toEqual({ "sarif-file": join(workspace, "out", "restorable.sarif"), findings: "3", errors: "1", warnings: "2", coverage: "50" });
    // ...but it stays in the uploaded SARIF: dropping it would close its alert.
    expect(ruleIdsOf(r)).toEqual(["COV-001 legacy.tf", "MON-001 backup.tf", "REG-001 db.tf", "RET-001 db.tf"]);
    expect(r.sarif.runs[0]!.automationDetails).toEqual({ id: "restorable-infra/" });
    expect(r.summary).toMatch(/^## restorable /);
    expect(r.summary).toContain("```mermaid\n");
    expect(r.summary).toContain("aws_db_instance.ledger");
  });

  it("without the base commit in the checkout warns about fetch-depth and gates every finding", async () => {
    const missing = "0123456789abcdef0123456789abcdef01234567";
    const r = await runAction("no-base", { "fail-on": "error", "only-changed": "true" }, { pull_request: { base: { sha: missing }, head: { sha: head } } });
    expect(r.stdout).toMatch(/^::warning::only-changed: commit 0123456789abcdef0123456789abcdef01234567 .*fetch-depth: 0/m);
    expect(r.stdout).toMatch(/^::error title=COV-001 aws_dynamodb_table\.sessions,file=legacy\.tf,line=2,/m);
    expect(r.outputs["errors"]).toBe("2");
    expect(r.status).toBe(1);
  });

  it("with a baseline gates only new findings; the SARIF keeps all, marked new or unchanged", async () => {
    git("checkout", "-q", base);
    try {
      const before = await runAction("before", { "fail-on": "none", "sarif-file": "baseline.sarif" });
      expect(before.status).toBe(0);
      expect(before.stdout).toContain("file=legacy.tf");
    } finally {
      git("checkout", "-q", "main");
    }
    const r = await runAction("baseline", { "fail-on": "warning", baseline: "baseline.sarif", annotations: "false", summary: "false" });
    expect(annotations(r)).toEqual([]);
    expect(r.summary).toBe("");
    expect(r.outputs["findings"]).toBe("1");
    expect(r.outputs["errors"]).toBe("1");
    expect(r.status).toBe(1);
    expect(r.sarif.runs[0]!.results.map((x) => `${x.ruleId} ${x.baselineState}`).sort()).toEqual(["COV-001 unchanged", "MON-001 unchanged", "REG-001 unchanged", "RET-001 new"]);
  });

  it("passes with fail-on none and fails the step with a clear message on a bad input", async () => {
    const ok = await runAction("none", { "fail-on": "none" });
    expect(ok.status).toBe(0);
    expect(ok.outputs["findings"]).toBe("4");
    const bad = await runAction("bad", { "fail-on": "sometimes" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('::error::restorable: input fail-on must be error, warning, note or none (got "sometimes")');
  });
});
