/**
 * The pre-commit hook through the real client: a temporary Git repository with a
 * `.pre-commit-config.yaml` naming this checkout (`repo: <checkout>`, `rev:` its
 * HEAD), `pre-commit install`, then plain `git commit`s, as a user works.
 *
 * pre-commit installs the hook from a commit: HEAD of this checkout, so commit
 * changes to the hook or the CLI before running this test locally (in CI the
 * fresh clone's HEAD is the working tree). Its node environment (npm install of
 * this package with its dev dependencies, build, npm pack, global install) is
 * built once per run in a PRE_COMMIT_HOME shared by the tests of this file.
 * Needs the `pre-commit` program: `.ci/run` installs Debian's; never skipped.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHECKOUT = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "restorable-pre-commit-"));
const preCommitHome = path.join(work, "pre-commit-home");
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 3 }));

/** The environment of a user's shell: no GIT_* variables leaking from a hook that runs this suite. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("GIT_") && !key.startsWith("PRE_COMMIT")) env[key] = value;
  return { ...env, PRE_COMMIT_HOME: preCommitHome, PRE_COMMIT_COLOR: "never", NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
}

function run(command: string, args: string[], cwd: string, timeout = 60_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: cleanEnv(), encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] });
}

function runOk(command: string, args: string[], cwd: string, timeout?: number): string {
  const r = run(command, args, cwd, timeout);
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

function checkoutHead(): string {
  const r = run("git", ["rev-parse", "HEAD"], CHECKOUT);
  if (r.status !== 0) throw new Error(`${CHECKOUT} is not a Git repository with a commit; pre-commit installs hooks from a commit`);
  return r.stdout.trim();
}

const PROVIDERS = `provider "aws" {
  region = "eu-west-1"
}
`;

function database(tags: string, backups = ""): string {
  return `# The orders ledger: financial records behind the audited statements.
resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  storage_encrypted       = true
  deletion_protection     = true
${backups}
  tags = {
${tags}
  }
}
`;
}

/** Automated backups off (line 9) and no backup plan selects it. */
const UNCOVERED_DB = database(`    data-class = "financial"`, "  backup_retention_period = 0\n");
/** Selected by the plan in backup.tf through its backup tag. */
const COVERED_DB = database(`    data-class = "financial"\n    backup     = "daily"`);

function backupPlan(days: number): string {
  return `resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    lifecycle {
      delete_after = ${days}
    }

    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-central-1:111122223333:backup-vault:dr"
      lifecycle {
        delete_after = ${days}
      }
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
`;
}

let repoCount = 0;
/** Read once: a commit landing in the checkout during the run must not make pre-commit install a second environment. */
let hookRevision = "";

/** A Git repository with the hook installed from this checkout's HEAD, and a first commit of `files` (hooks skipped). */
function userRepository(files: Record<string, string> = {}): string {
  const dir = path.join(work, `repo-${++repoCount}`);
  mkdirSync(dir);
  runOk("git", ["init", "-q", "-b", "main"], dir);
  runOk("git", ["config", "user.email", "dev@example.com"], dir);
  runOk("git", ["config", "user.name", "Dev"], dir);
  runOk("git", ["config", "commit.gpgsign", "false"], dir);
  writeFileSync(
    path.join(dir, ".pre-commit-config.yaml"),
    `repos:\n  - repo: ${CHECKOUT}\n    rev: ${hookRevision}\n    hooks:\n      - id: restorable\n`,
  );
  write(dir, { "providers.tf": PROVIDERS, ...files });
  runOk("git", ["add", "-A"], dir);
  runOk("git", ["commit", "-q", "--no-verify", "-m", "start"], dir);
  runOk("pre-commit", ["install"], dir);
  return dir;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

/** Stages `files` and runs `git commit` with the installed hook; the output is pre-commit's. */
function commit(dir: string, files: Record<string, string>): { committed: boolean; output: string } {
  write(dir, files);
  runOk("git", ["add", "--", ...Object.keys(files)], dir);
  const before = runOk("git", ["rev-parse", "HEAD"], dir).trim();
  const r = run("git", ["commit", "-m", "change"], dir);
  const after = runOk("git", ["rev-parse", "HEAD"], dir).trim();
  return { committed: r.status === 0 && after !== before, output: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  const version = run("pre-commit", ["--version"], CHECKOUT);
  if (version.error !== undefined || version.status !== 0) {
    throw new Error(
      "the pre-commit program is not installed, so the pre-commit hook cannot be tested with the real client: install it (Debian/Ubuntu: apt-get install -y pre-commit; .ci/run does this)",
    );
  }
  hookRevision = checkoutHead();
  // Builds the hook's node environment once for every test of this file (npm install, build, pack).
  const dir = userRepository();
  runOk("pre-commit", ["install-hooks"], dir, 600_000);
}, 620_000);

describe("pre-commit hook restorable (real pre-commit client, git commit)", () => {
  it("blocks a commit that adds an uncovered database, with COV-001 on it", () => {
    const dir = userRepository();
    const r = commit(dir, { "db.tf": UNCOVERED_DB });
    expect(r.committed, r.output).toBe(false);
    expect(r.output).toMatch(/restorable \(backup promises\)\.+Failed/);
    expect(r.output).toMatch(/db\.tf\n\s+9:3\s+error\s+COV-001\s+aws_db_instance\.orders \(database\) has no backup/);
  });

  it("lets a covered database through", () => {
    const dir = userRepository();
    const r = commit(dir, { "db.tf": COVERED_DB, "backup.tf": backupPlan(2555) });
    expect(r.output).toMatch(/restorable \(backup promises\)\.+Passed/);
    expect(r.committed, r.output).toBe(true);
  });

  it("blocks lowering the retention in backup.tf with the finding located on db.tf", () => {
    const dir = userRepository({ "db.tf": COVERED_DB, "backup.tf": backupPlan(2555) });
    const r = commit(dir, { "backup.tf": backupPlan(365) });
    expect(r.committed, r.output).toBe(false);
    expect(r.output).toMatch(/db\.tf\n\s+2:1\s+error\s+RET-001\s+aws_db_instance\.orders keeps recovery points for at most 365 days/);
    expect(r.output).toMatch(/-> backup\.tf:14:7/);
  });

  it("does not block a commit of other files over a finding it did not touch", () => {
    const dir = userRepository({ "db.tf": UNCOVERED_DB });
    const r = commit(dir, { "queue.tf": `resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n` });
    expect(r.committed, r.output).toBe(true);
    expect(r.output).not.toContain("COV-001");
  });

  it("is skipped by pre-commit when no Terraform file is staged", () => {
    const dir = userRepository({ "db.tf": UNCOVERED_DB });
    const r = commit(dir, { "README.md": "# infra\n" });
    expect(r.committed, r.output).toBe(true);
    expect(r.output).toMatch(/restorable \(backup promises\)\.+\(no files to check\)Skipped/);
  });
});
