import { describe, expect, it } from "vitest";
import { findingFingerprint } from "../../src/report/common.js";
import { formatSarif, toSarif } from "../../src/report/sarif.js";
import type { Finding } from "../../src/rules/types.js";
import { FINDINGS, finding, loc, scanResult } from "./fixtures.js";
import { sarifValidator } from "./sarif-schema.js";

const validate = sarifValidator();

function manyRelated(n: number): Finding {
  const related = Array.from({ length: n }, (_, i) => ({ location: loc("envs/prod/db.tf", 100 + i, 1), message: `component ${i}` }));
  return finding({
    ruleId: "MON-001",
    level: "warning",
    subject: "aws_backup_vault.shared",
    location: loc("envs/prod/backup.tf", 40, 1),
    related,
    affected: related.map((_, i) => `aws_db_instance.db${String(i).padStart(2, "0")}`),
  });
}

describe("SARIF output", () => {
  it("is valid against the official SARIF 2.1.0 schema, with and without unknowns and a baseline", () => {
    for (const options of [{}, { reportUnknown: true }, { baseline: new Set([findingFingerprint(FINDINGS[0]!)]) }]) {
      const log = JSON.parse(formatSarif(scanResult({ findings: [...FINDINGS, manyRelated(25)] }), options));
      const ok = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it("rejects an invalid log (the validator is not vacuous)", () => {
    const log = toSarif(scanResult());
    (log.runs[0]!.results![0] as { level: string }).level = "critical";
    expect(validate(JSON.parse(JSON.stringify(log)))).toBe(false);
  });

  it("describes the tool and every rule with GitHub's fields", () => {
    const log = toSarif(scanResult());
    expect(log.$schema).toBe("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe("restorable");
    expect(driver.version).toBe("0.1.0");
    expect(driver.informationUri).toBe("https://github.com/restorable/restorable");
    expect(driver.rules!.map((r) => r.id)).toEqual(["CFG-001", "COV-001", "MON-001", "REG-001", "RET-001"]);
    expect(driver.rules![4]).toEqual({
      id: "RET-001",
      name: "RetentionBelowRegime",
      shortDescription: { text: "RetentionBelowRegime short description" },
      fullDescription: { text: "RetentionBelowRegime explained in full, with why it matters." },
      help: {
        text: "RET-001: how to fix it.",
        markdown: '**RET-001**: how to fix it.\n\n```hcl\nresource "aws_backup_plan" "x" {}\n```',
      },
      defaultConfiguration: { level: "error" },
      properties: { category: "retention", tags: ["backup", "retention"], "security-severity": "7.0", citation: "17 CFR 210.2-06" },
    });
    for (const rule of driver.rules!) {
      expect(rule.name).not.toBe(rule.id);
      expect(rule.fullDescription!.text).toMatch(/\.$/);
      expect(rule.properties!["security-severity"]).toMatch(/^\d+\.\d$/);
    }
  });

  it("maps a component finding to one result with location, logical location, fingerprint and properties", () => {
    const log = toSarif(scanResult());
    const ret = log.runs[0]!.results!.find((r) => r.ruleId === "RET-001")!;
    expect(ret).toEqual({
      ruleId: "RET-001",
      ruleIndex: 4,
      level: "error",
      message: { text: FINDINGS[0]!.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "envs/prod/db.tf", uriBaseId: "%SRCROOT%" },
            region: { startLine: 14, startColumn: 3, endLine: 14, endColumn: 32 },
          },
          logicalLocations: [{ fullyQualifiedName: "aws_db_instance.ledger", kind: "resource" }],
        },
      ],
      partialFingerprints: { "restorable/v1": findingFingerprint(FINDINGS[0]!) },
      properties: { root: "envs/prod" },
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: "envs/prod/backup.tf", uriBaseId: "%SRCROOT%" },
            region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 22 },
          },
          message: { text: "plan rule daily keeps 35 days." },
        },
      ],
    });
    expect(findingFingerprint(FINDINGS[0]!)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("uses kind module and the path for file findings, and ends messages with a period", () => {
    const results = toSarif(scanResult()).runs[0]!.results!;
    const cfg = results.find((r) => r.ruleId === "CFG-001")!;
    expect(cfg.locations![0]!.logicalLocations).toEqual([{ fullyQualifiedName: "modules/broken/main.tf", kind: "module" }]);
    expect(cfg.properties).toEqual({ root: "" });
    const cov = results.find((r) => r.ruleId === "COV-001" && r.properties!["environment"] === undefined)!;
    expect(cov.message.text).toMatch(/backup selection\.$/);
    const staging = results.find((r) => r.properties!["environment"] === "staging")!;
    expect(staging.properties).toEqual({ root: "envs/prod", environment: "staging" });
  });

  it("percent-encodes URIs relative to the scan root", () => {
    const results = toSarif(scanResult()).runs[0]!.results!;
    const uris = results.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris).toContain("envs/prod/s3%20files/cache.tf");
  });

  it("keeps suppressed findings with their suppression", () => {
    const reg = toSarif(scanResult()).runs[0]!.results!.find((r) => r.ruleId === "REG-001")!;
    expect(reg.suppressions).toEqual([{ kind: "inSource", justification: "rebuilt from source in minutes" }]);
    const unsuppressed = toSarif(scanResult()).runs[0]!.results!.filter((r) => r.ruleId !== "REG-001");
    for (const r of unsuppressed) expect(r.suppressions).toBeUndefined();
  });

  it("sorts results by uri, line, column, rule id and subject", () => {
    const results = toSarif(scanResult()).runs[0]!.results!;
    const keys = results.map((r) => {
      const l = r.locations![0]!;
      return `${l.physicalLocation!.artifactLocation!.uri}:${l.physicalLocation!.region!.startLine}:${l.physicalLocation!.region!.startColumn} ${r.ruleId} ${l.logicalLocations![0]!.fullyQualifiedName}`;
    });
    expect(keys).toEqual([
      "envs/prod/backup.tf:1:1 MON-001 aws_backup_vault.main",
      "envs/prod/db.tf:14:3 RET-001 aws_db_instance.ledger",
      "envs/prod/db.tf:30:1 COV-001 aws_dynamodb_table.orders",
      "envs/prod/db.tf:30:1 COV-001 aws_dynamodb_table.orders",
      "envs/prod/s3%20files/cache.tf:3:1 REG-001 aws_s3_bucket.build_cache",
      "modules/broken/main.tf:7:12 CFG-001 modules/broken/main.tf",
    ]);
  });

  it("is deterministic: same input, same bytes, whatever the order of findings and related locations", () => {
    const a = formatSarif(scanResult(), { reportUnknown: true });
    const shuffled = scanResult({
      findings: [...FINDINGS].reverse().map((f) => ({ ...f, related: [...f.related].reverse(), affected: f.affected && [...f.affected].reverse() })),
      rules: [...scanResult().rules].reverse(),
      unknowns: [...scanResult().unknowns].reverse(),
    });
    expect(formatSarif(shuffled, { reportUnknown: true })).toBe(a);
    expect(formatSarif(scanResult(), { reportUnknown: true })).toBe(a);
    expect(a.endsWith("}\n")).toBe(true);
    expect(a).toContain('\n  "version": "2.1.0",\n');
  });

  it("holds no absolute path, timestamp or host name", () => {
    const text = formatSarif(scanResult({ findings: [...FINDINGS, manyRelated(25)] }), { reportUnknown: true });
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/"(file:|\/)/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(text).not.toMatch(/TimeUtc|machine|"uri": "[A-Za-z]:/);
    const base = toSarif(scanResult()).runs[0]!.originalUriBaseIds!["%SRCROOT%"]!;
    expect(base.uri).toBeUndefined();
  });

  it("keeps the fingerprint when a resource moves to another file or line", () => {
    const original = FINDINGS[1]!;
    const moved = { ...original, location: loc("envs/prod/tables.tf", 3, 5) };
    const fp = (f: Finding) => toSarif(scanResult({ findings: [f] })).runs[0]!.results![0]!.partialFingerprints!["restorable/v1"];
    expect(fp(moved)).toBe(fp(original));
    expect(fp({ ...original, anchor: "point_in_time_recovery.enabled" })).not.toBe(fp(original));
    expect(fp({ ...original, root: "envs/stage" })).not.toBe(fp(original));
    expect(fp({ ...original, environment: "prod" })).not.toBe(fp(original));
    expect(fp({ ...original, subject: "aws_dynamodb_table.other" })).not.toBe(fp(original));
  });

  it("caps related locations at 20 and lists every affected component in properties", () => {
    const result = toSarif(scanResult({ findings: [manyRelated(25)] })).runs[0]!.results![0]!;
    expect(result.relatedLocations).toHaveLength(20);
    expect(result.relatedLocations!.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(result.properties!["affected"]).toHaveLength(25);
    expect((result.properties!["affected"] as string[])[24]).toBe("aws_db_instance.db24");
  });

  it("adds UNK-001 notes only with reportUnknown, for unknowns that have a location", () => {
    expect(toSarif(scanResult()).runs[0]!.results!.some((r) => r.ruleId === "UNK-001")).toBe(false);
    const log = toSarif(scanResult(), { reportUnknown: true });
    const rules = log.runs[0]!.tool.driver.rules!;
    const unk = log.runs[0]!.results!.filter((r) => r.ruleId === "UNK-001");
    expect(unk).toHaveLength(2);
    expect(unk[0]!.level).toBe("note");
    expect(rules[unk[0]!.ruleIndex!]!.id).toBe("UNK-001");
    expect(unk[0]!.message.text).toBe(
      "Could not determine region of aws_backup_vault.dr: depends on var.dr_region, which has no value. pass --var-file.",
    );
  });

  it("marks results against a baseline as unchanged or new", () => {
    const baseline = new Set([findingFingerprint(FINDINGS[0]!)]);
    const results = toSarif(scanResult(), { baseline }).runs[0]!.results!;
    expect(results.find((r) => r.ruleId === "RET-001")!.baselineState).toBe("unchanged");
    expect(results.filter((r) => r.baselineState === "new")).toHaveLength(results.length - 1);
  });

  it("keeps at most 20 distinct tags per rule (GitHub's limit)", () => {
    const rules = scanResult().rules.map((r) => (r.id === "COV-001" ? { ...r, tags: Array.from({ length: 30 }, (_, i) => `t${i % 25}`) } : r));
    const tags = toSarif(scanResult({ rules })).runs[0]!.tool.driver.rules![1]!.properties!.tags!;
    expect(tags).toHaveLength(20);
    expect(new Set(tags).size).toBe(20);
  });

  it("refuses a finding of a rule the scan did not declare", () => {
    expect(() => toSarif(scanResult({ findings: [finding({ ruleId: "XYZ-999", subject: "x", location: loc("a.tf", 1) })] }))).toThrow(
      /XYZ-999/,
    );
  });

  it("refuses a security-severity that is not a number from 0 to 10", () => {
    const rules = scanResult().rules.map((r) => (r.id === "COV-001" ? { ...r, securitySeverity: "high" } : r));
    expect(() => toSarif(scanResult({ rules }))).toThrow(/security-severity/);
  });
});
