/**
 * The command as a user runs it: the real scan() behind main(), and once through
 * the built `bin/restorable.js` in a child process (npm ci builds lib/ in prepare).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DEMO = path.join(ROOT, "fixtures/demo");
const work = mkdtempSync(path.join(tmpdir(), "restorable-e2e-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(argv: string[], cwd = DEMO): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd, env: {}, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("restorable scan (real scan)", () => {
  it("reports the demo's gaps and exits 1 at the default --fail-on error", async () => {
    const r = await run(["scan", "."]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/database\.tf\n(?: .*\n)*  29:1  error    COV-001  aws_dynamodb_table\.carts/);
    expect(r.stderr).toBe("");
  });

  it("exits 0 with --fail-on none and still prints the findings", async () => {
    const r = await run(["scan", ".", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("COV-001");
  });

  it.each([
    [["scan", "missing-dir"], /missing-dir/],
    [["scan", ".", "--var", "region"], /--var/],
    [["scan", ".", "--format", "xml"], /--format/],
    [["scan", ".", "--frobnicate"], /frobnicate/],
    [["scan", ".", "--var-file", "nope.tfvars"], /nope\.tfvars/],
  ])("%j is a usage error: exit 2, one line on stderr, no stack", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("an unwritable -o is exit 2 and leaves no partial file", async () => {
    const target = path.join(work, "no-such-dir", "out.sarif");
    const r = await run(["scan", ".", "-f", "sarif", "-o", target]);
    expect(r.code).toBe(2);
    expect(existsSync(path.dirname(target))).toBe(false);
  });

  it("-o writes the whole report and nothing else in its folder", async () => {
    const target = path.join(work, "demo.sarif");
    const r = await run(["scan", ".", "-f", "sarif", "-o", target, "--fail-on", "none"]);
    expect(r.code).toBe(0);
    expect(readdirSync(work)).toEqual(["demo.sarif"]);
  });
});

describe("bin/restorable.js", () => {
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, "lib/cli/main.js"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  });

  it("runs the demo scan as the README says and emits SARIF 2.1.0", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/restorable.js"), "scan", "fixtures/demo", "--format", "sarif", "--fail-on", "none"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.filter((x) => x.ruleId === "COV-001")).toHaveLength(5);
    expect(sarif.runs[0]!.results.length).toBe(35);
  });

  it("a missing path exits 2 with one line", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/restorable.js"), "scan", "nowhere"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
