import { execFile } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { findingFingerprint } from "../../src/report/common.js";
import { formatSarif } from "../../src/report/sarif.js";
import { scan } from "../../src/scan.js";
import { FINDINGS, finding, loc, scanResult } from "./fixtures.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Path of the self-contained Multitool binary that @microsoft/sarif-multitool installs for this platform. */
function multitoolBinary(): string {
  const binary = require("@microsoft/sarif-multitool") as string;
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    // The package's own postinstall does exactly this; it may not have run (npm install-scripts policy).
    chmodSync(binary, statSync(binary).mode | 0o100);
  }
  return binary;
}

const dir = mkdtempSync(join(tmpdir(), "restorable-multitool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(sarif: string): Promise<{ level: string; ruleId: string; text: string }[]> {
  const input = join(dir, "input.sarif");
  const output = join(dir, "validation.sarif");
  rmSync(output, { force: true });
  writeFileSync(input, sarif);
  const { stdout } = await run(multitoolBinary(), ["validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning", "--output", output, input], {
    cwd: dir,
    // Without ICU (slim CI images) .NET aborts unless told to run culture-invariant.
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
    timeout: 120_000,
  });
  expect(stdout).toContain("Analysis completed successfully");
  const log = JSON.parse(readFileSync(output, "utf8")) as {
    runs: { results?: { level?: string; ruleId?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[];
  };
  return (log.runs[0]?.results ?? []).map((r) => ({
    level: r.level ?? "warning",
    ruleId: r.ruleId ?? "",
    text: r.message.text ?? `${r.message.id ?? ""} ${(r.message.arguments ?? []).join(" | ")}`,
  }));
}

describe("SARIF Multitool validate --rule-kind Gh;Sarif", () => {
  it("reports no error and no warning on a log with every kind of result", async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ location: loc("envs/prod/db.tf", 100 + i, 1), message: `component ${i}` }));
    const result = scanResult({
      findings: [
        ...FINDINGS,
        finding({ ruleId: "MON-001", level: "warning", subject: "aws_backup_vault.shared", location: loc("envs/prod/backup.tf", 40, 1), related: many, affected: many.map((r) => r.message) }),
      ],
    });
    const sarif = formatSarif(result, { reportUnknown: true, baseline: new Set([findingFingerprint(FINDINGS[0]!)]) });
    expect(await validate(sarif)).toEqual([]);
  });

  it("reports no error and no warning on the demo's real scan (with a category and unknowns)", async () => {
    const result = await scan({ paths: ["fixtures/demo"], cwd: join(import.meta.dirname, "..", ".."), env: {} });
    expect(result.findings.length).toBeGreaterThan(10);
    expect(await validate(formatSarif(result, { reportUnknown: true, category: "restorable/demo" }))).toEqual([]);
  });

  it("reports no error and no warning on an empty scan", async () => {
    expect(await validate(formatSarif(scanResult({ findings: [], unknowns: [] })))).toEqual([]);
  });

  it("does find problems when there are some (the check is not vacuous)", async () => {
    const log = JSON.parse(formatSarif(scanResult())) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = "file:///home/me/repo/envs/prod/backup.tf";
    const problems = await validate(JSON.stringify(log, null, 2));
    expect(problems.length).toBeGreaterThan(0);
  });
});
