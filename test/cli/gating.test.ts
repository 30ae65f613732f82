/**
 * Suppressions and --baseline end to end: the real scan behind main(), on files
 * written to a temporary project, so a baseline from one run gates the next.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";

const work = mkdtempSync(path.join(tmpdir(), "restorable-gating-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let project: string;
let counter = 0;
beforeEach(() => {
  project = path.join(work, `p${++counter}`);
  write("providers.tf", 'provider "aws" {\n  region = "eu-west-1"\n}\n');
});

function write(file: string, text: string): void {
  const full = path.join(project, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

function table(name: string, comment = ""): string {
  return `${comment}resource "aws_dynamodb_table" "${name}" {
  name         = "${name}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
`;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd: project, env: {}, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

interface SarifResult {
  ruleId: string;
  baselineState?: string;
  suppressions?: { kind: string; justification: string }[];
  locations: { logicalLocations: { fullyQualifiedName: string }[] }[];
}

function results(sarif: string): SarifResult[] {
  return (JSON.parse(sarif) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;
}

function subjectOf(r: SarifResult): string {
  return r.locations[0]!.logicalLocations[0]!.fullyQualifiedName;
}

describe("--baseline through the real scan", () => {
  it("marks known results unchanged, keeps them in the SARIF and does not count them", async () => {
    write("db.tf", table("orders"));
    const baseline = path.join(project, "baseline.sarif");
    expect((await run(["scan", ".", "-f", "sarif", "-o", baseline])).code).toBe(1);

    const again = await run(["scan", ".", "-f", "sarif", "--baseline", baseline]);
    expect(again.code).toBe(0);
    expect(results(again.stdout).map((r) => [r.ruleId, subjectOf(r), r.baselineState])).toEqual([["COV-001", "aws_dynamodb_table.orders", "unchanged"]]);

    const text = await run(["scan", ".", "--baseline", baseline]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain("aws_dynamodb_table.orders");
    expect(text.stdout).toContain("1 in baseline");
  });

  it("counts a new result, and a resource moved to another file stays unchanged", async () => {
    write("db.tf", table("orders"));
    const baseline = path.join(project, "baseline.sarif");
    await run(["scan", ".", "-f", "sarif", "-o", baseline]);
    rmSync(path.join(project, "db.tf"));
    write("orders.tf", `\n\n${table("orders")}`);
    write("carts.tf", table("carts"));

    const r = await run(["scan", ".", "-f", "sarif", "--baseline", baseline]);
    expect(r.code).toBe(1);
    const states = Object.fromEntries(results(r.stdout).map((x) => [subjectOf(x), x.baselineState]));
    expect(states).toEqual({ "aws_dynamodb_table.carts": "new", "aws_dynamodb_table.orders": "unchanged" });
    const text = await run(["scan", ".", "--baseline", baseline]);
    expect(text.stdout).toContain("aws_dynamodb_table.carts");
    expect(text.stdout).not.toContain("aws_dynamodb_table.orders");
  });
});

describe("suppressions through the real scan", () => {
  it("keeps a suppressed result in the SARIF with its justification and does not count it", async () => {
    write("db.tf", table("projections", "# restorable:ignore COV-001 rebuilt from the event stream\n"));
    const sarif = await run(["scan", ".", "-f", "sarif"]);
    expect(sarif.code).toBe(0);
    expect(results(sarif.stdout).map((r) => r.suppressions)).toEqual([[{ kind: "inSource", justification: "rebuilt from the event stream" }]]);

    const text = await run(["scan", ".", "--fail-on", "note"]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain("aws_dynamodb_table.projections");
    expect(text.stdout).toContain("1 suppressed");
  });

  it("an ignore without a reason does not apply: the finding counts and says why", async () => {
    write("db.tf", table("projections", "# restorable:ignore COV-001\n"));
    const text = await run(["scan", "."]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("the restorable:ignore at db.tf:1 has no reason, so it does not apply");
  });
});

