/** The Action run through GitHub's own local runner for actions, @github/local-action, on the demo. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "restorable-local-action-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npx local-action run . src/action/run.ts .env", () => {
  it("scans the demo: outputs, SARIF file, job summary and annotations", async () => {
    const env = join(dir, ".env");
    writeFileSync(join(dir, "summary.md"), "");
    writeFileSync(join(dir, "output.txt"), "");
    writeFileSync(
      env,
      [
        `LOCAL_ACTION_WORKSPACE=${dir}`,
        `GITHUB_WORKSPACE=${join(repo, "fixtures", "demo")}`,
        `GITHUB_STEP_SUMMARY=${join(dir, "summary.md")}`,
        `GITHUB_OUTPUT=${join(dir, "output.txt")}`,
        "INPUT_PATHS=.",
        "INPUT_FAIL-ON=none",
        `INPUT_SARIF-FILE=${join(dir, "demo.sarif")}`,
        "INPUT_CATEGORY=restorable-demo",
        "",
      ].join("\n"),
    );
    const bin = join(repo, "node_modules", ".bin", "local-action");
    const { stdout } = await run(bin, ["run", repo, "src/action/run.ts", env], { cwd: repo, timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
    expect(stdout).toMatch(/^::error title=COV-001 aws_dynamodb_table\.carts,file=database\.tf,line=29,/m);
    expect(stdout).toContain(`::set-output name=sarif-file::${join(dir, "demo.sarif")}`);
    expect(stdout).toMatch(/::set-output name=findings::[1-9]\d*/);
    expect(stdout).toMatch(/::set-output name=coverage::\d+/);
    expect(stdout).not.toContain("::error::restorable:");
    const sarif = JSON.parse(readFileSync(join(dir, "demo.sarif"), "utf8")) as { runs: { automationDetails?: { id: string }; results: unknown[] }[] };
    expect(sarif.runs[0]!.automationDetails).toEqual({ id: "restorable-demo/" });
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, "summary.md"), "utf8")).toContain("```mermaid\n");
  }, 120_000);
});
