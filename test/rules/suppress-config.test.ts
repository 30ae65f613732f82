/**
 * Config ignores end to end: fixtures/cases/config-ignores has a `.restorable.yml` with
 * `ignore:` entries (exact address, address glob, expired, without a reason) and rule
 * levels (REG-001 off, COV-001 warning). Scanned on a fixed date, the findings carry
 * `suppression.kind === "external"` with the reason as justification exactly where an
 * ignore applies, and the SARIF lists `suppressions` for them.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../src/index.js";
import { formatSarif } from "../../src/report/sarif.js";
import type { ScanResult } from "../../src/scan-result.js";

const DIR = path.resolve(import.meta.dirname, "../../fixtures/cases/config-ignores");
const NOW = new Date("2026-11-22");

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  suppressions?: { kind: string; justification: string }[];
}

describe("config ignores (fixtures/cases/config-ignores)", () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan({ paths: [DIR], cwd: DIR, env: {}, now: NOW });
  });

  const bySubject = (subject: string) => {
    const f = result.findings.find((x) => x.subject === subject);
    expect(f, subject).toBeDefined();
    return f!;
  };

  it("suppresses by exact address and by glob, with the reason as justification", () => {
    const suppressed = result.findings.filter((f) => f.suppression !== undefined).map((f) => [f.subject, f.suppression]);
    expect(suppressed).toEqual([
      ["aws_dynamodb_table.session_cache", { kind: "external", justification: "sessions expire after 30 minutes; losing them logs users out, nothing more" }],
      ["aws_s3_bucket.tmp_exports", { kind: "external", justification: "scratch buckets of the export jobs, emptied every night" }],
      ["aws_s3_bucket.tmp_uploads", { kind: "external", justification: "scratch buckets of the export jobs, emptied every night" }],
    ]);
  });

  it("does not apply an expired ignore, and says so", () => {
    const f = bySubject("aws_dynamodb_table.audit_events");
    expect(f.suppression).toBeUndefined();
    expect(f.message).toContain("expired on 2026-03-31, so it no longer applies");
    expect(f.message).toContain(".restorable.yml:13");
  });

  it("still applies an ignore whose expiry is after the scan date", async () => {
    const later = await scan({ paths: [DIR], cwd: DIR, env: {}, now: new Date("2027-07-01") });
    expect(later.findings.find((f) => f.subject === "aws_s3_bucket.tmp_exports")!.suppression).toBeUndefined();
    expect(later.findings.find((f) => f.subject === "aws_s3_bucket.tmp_exports")!.message).toContain("expired on 2027-06-30");
    expect(later.findings.find((f) => f.subject === "aws_dynamodb_table.session_cache")!.suppression?.kind).toBe("external");
  });

  it("does not apply an ignore without a reason, and says so", () => {
    const f = bySubject("aws_dynamodb_table.ledger");
    expect(f.suppression).toBeUndefined();
    expect(f.message).toContain("has no reason, so it does not apply");
  });

  it("leaves findings no ignore matches untouched", () => {
    const f = bySubject("aws_s3_bucket.exports");
    expect(f.suppression).toBeUndefined();
    expect(f.message).not.toMatch(/config ignore/);
  });

  it("applies the rule levels: REG-001 off, COV-001 at warning", () => {
    expect(result.findings.some((f) => f.ruleId === "REG-001")).toBe(false);
    expect(result.findings.map((f) => [f.ruleId, f.level])).toEqual(Array.from({ length: 6 }, () => ["COV-001", "warning"]));
  });

  it("writes SARIF suppressions for the suppressed results only", () => {
    const sarif = JSON.parse(formatSarif(result)) as { runs: { results: SarifResult[] }[] };
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId === "COV-001");
    expect(results).toHaveLength(6);
    const suppressed = results.filter((r) => r.suppressions !== undefined);
    expect(suppressed.map((r) => [r.locations[0]!.physicalLocation.region.startLine, r.suppressions])).toEqual([
      [2, [{ kind: "external", justification: "sessions expire after 30 minutes; losing them logs users out, nothing more" }]],
      [19, [{ kind: "external", justification: "scratch buckets of the export jobs, emptied every night" }]],
      [23, [{ kind: "external", justification: "scratch buckets of the export jobs, emptied every night" }]],
    ]);
  });
});
