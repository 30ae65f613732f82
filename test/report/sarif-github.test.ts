/** What GitHub code scanning needs beyond the schema: stable fingerprints, a category, its limits. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Sarif from "sarif";
import { afterAll, describe, expect, it } from "vitest";
import { FINGERPRINT_KEY } from "../../src/report/common.js";
import { MAX_RESULTS_PER_RUN, toSarif } from "../../src/report/sarif.js";
import { scan } from "../../src/scan.js";
import { finding, loc, scanResult } from "./fixtures.js";

const repo = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "restorable-fingerprints-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** fingerprint → "RULE uri:line" of every result. */
async function fingerprintsOf(root: string): Promise<Map<string, string>> {
  const log = toSarif(await scan({ paths: ["."], cwd: root, env: {} }));
  return new Map(
    log.runs[0]!.results!.map((r) => {
      const pl = r.locations![0]!.physicalLocation!;
      return [r.partialFingerprints![FINGERPRINT_KEY]!, `${r.ruleId} ${pl.artifactLocation!.uri}:${pl.region!.startLine}`];
    }),
  );
}

describe("partialFingerprints", () => {
  it("stay the same when lines are inserted above the findings (only their lines move)", async () => {
    const copy = join(dir, "demo");
    cpSync(join(repo, "fixtures", "demo"), copy, { recursive: true });
    const before = await fingerprintsOf(copy);
    expect(before.size).toBeGreaterThan(10);
    const header = "# Owned by the platform team.\n# Reviewed quarterly; see the runbook.\n\n";
    for (const f of readdirSync(copy, { recursive: true, encoding: "utf8" }).filter((f) => /\.(tf|ya?ml)$/.test(f))) writeFileSync(join(copy, f), header + readFileSync(join(copy, f), "utf8"));
    const after = await fingerprintsOf(copy);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // The check is not vacuous: every result did move down three lines.
    for (const [fp, where] of before) {
      const [rule, at] = where.split(" ");
      const [uri, line] = at!.split(":");
      expect(after.get(fp)).toBe(`${rule} ${uri}:${Number(line) + 3}`);
    }
  });
});

describe("runAutomationDetails (code scanning category)", () => {
  it("is written as 'category/' when a category is given, and absent otherwise", () => {
    expect(toSarif(scanResult(), { category: "restorable/prod" }).runs[0]!.automationDetails).toEqual({ id: "restorable/prod/" });
    expect(toSarif(scanResult(), { category: "restorable-prod/" }).runs[0]!.automationDetails).toEqual({ id: "restorable-prod/" });
    expect(toSarif(scanResult()).runs[0]!.automationDetails).toBeUndefined();
    expect(toSarif(scanResult(), { category: "  " }).runs[0]!.automationDetails).toBeUndefined();
  });
});

describe("GitHub's limits", () => {
  it("keeps at most 25,000 results per run, the most severe first, and says how many it left out", () => {
    const findings = [
      ...Array.from({ length: 4 }, (_, i) => finding({ ruleId: "REG-001", level: "warning", subject: `aws_s3_bucket.w${i}`, location: loc("a.tf", i + 1, 1) })),
      ...Array.from({ length: 3 }, (_, i) => finding({ ruleId: "COV-001", level: "error", subject: `aws_s3_bucket.e${i}`, location: loc("b.tf", i + 1, 1) })),
    ];
    const run = toSarif(scanResult({ findings, unknowns: [] }), { maxResults: 5 }).runs[0]!;
    expect(run.results!.map((r: Sarif.Result) => r.level)).toEqual(["warning", "warning", "error", "error", "error"]);
    expect(run.properties).toMatchObject({ omittedResults: 2 });
    expect(MAX_RESULTS_PER_RUN).toBe(25_000);
    expect(toSarif(scanResult({ findings, unknowns: [] })).runs[0]!.properties).toBeUndefined();
  });

  it("never writes more than 1,000 locations per result (GitHub's hard limit)", () => {
    const related = Array.from({ length: 2000 }, (_, i) => ({ location: loc("c.tf", i + 1, 1), message: `r${i}` }));
    const result = toSarif(scanResult({ findings: [finding({ ruleId: "MON-001", subject: "aws_backup_vault.main", location: loc("c.tf", 1, 1), related })], unknowns: [] })).runs[0]!.results![0]!;
    expect((result.locations?.length ?? 0) + (result.relatedLocations?.length ?? 0)).toBeLessThanOrEqual(1000);
  });
});
