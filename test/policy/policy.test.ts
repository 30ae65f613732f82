import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { UsageError } from "../../src/errors.js";
import type { Component } from "../../src/graph/types.js";
import { Classifier, combine, loadBuiltinPolicies, parseConfig, policyFromConfig } from "../../src/policy/index.js";
import { builtinSources, POLICY_DIR } from "../../src/policy/load.js";
import { ruleMetadata } from "../../src/rules/index.js";

const RULE_IDS = ruleMetadata().map((m) => m.id);
const work = mkdtempSync(path.join(tmpdir(), "restorable-policy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function component(tags: Record<string, string>, extra: Partial<Component> = {}): Component {
  const at = { file: "main.tf", startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return { id: ".::aws_db_instance.x", root: ".", address: "aws_db_instance.x", type: "aws_db_instance", location: at, anchors: {}, tags, ...extra } as unknown as Component;
}

function requirementsOf(config: string | undefined, c: Component) {
  return policyFromConfig(config === undefined ? undefined : parseConfig(config, ".restorable.yml", RULE_IDS)).view.requirementsFor(c);
}

function configError(text: string): string {
  try {
    parseAndLoad(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("no error");
}
const parseAndLoad = (text: string) => policyFromConfig(parseConfig(text, ".restorable.yml", RULE_IDS));

describe("built-in policies", () => {
  const { regimes, classes } = loadBuiltinPolicies();
  it("are valid against their JSON Schemas (scans do not re-check the shipped files)", () => {
    expect(() => builtinSources(POLICY_DIR, true)).not.toThrow();
  });
  it("ships every regime of the SPEC with citation, applies_to and strength filled", () => {
    expect([...regimes.keys()].sort()).toEqual(
      ["finra-4511", "gdpr", "hgb-ao", "hipaa", "hipaa-documentation", "irs", "mifid-ii", "nydfs-500", "pci-dss", "pci-dss-chd", "sec-17a-4", "sox"].sort(),
    );
    for (const r of regimes.values()) {
      expect(r.citation.length, r.id).toBeGreaterThan(5);
      expect(r.appliesTo.length, r.id).toBeGreaterThan(5);
      expect(["law", "standard", "convention"]).toContain(r.strength);
    }
  });
  it("keeps the SPEC's facts", () => {
    expect(regimes.get("sox")).toMatchObject({ minRetentionDays: 2555, strength: "convention" });
    expect(regimes.get("sec-17a-4")).toMatchObject({ minRetentionDays: 2190, minImmediatelyAvailableDays: 730, requiresImmutability: true, requiresSeparateCopy: true, strength: "law" });
    expect(regimes.get("pci-dss")).toMatchObject({ minRetentionDays: 365, minImmediatelyAvailableDays: 90, strength: "standard" });
    expect(regimes.get("gdpr")!.maxRetentionDays).toBe("must-configure");
    expect(regimes.get("pci-dss-chd")!.maxRetentionDays).toBe("must-configure");
    expect(regimes.get("hgb-ao")).toMatchObject({ minRetentionDays: 3650, retentionStarts: "end_of_calendar_year" });
    expect(classes.get("financial")).toMatchObject({ regimes: ["sox", "irs"], critical: true });
    expect(classes.get("ephemeral")!.exemptFromCoverage).toBe(true);
    expect(classes.get("personal")!.critical).toBe(false);
  });
});

describe("config errors: FILE:LINE:COL, what, fix", () => {
  it("a value of the wrong type", () => {
    expect(configError("classes:\n  treasury:\n    rpo_hours: one\n")).toMatch(/^\.restorable\.yml:3:16: classes\.treasury\.rpo_hours must be a number .*; write a number there$/);
  });
  it("an unknown class in a classify rule", () => {
    expect(configError('classify:\n  - match: { address: "module.ledger.*" }\n    class: finance\n')).toMatch(/^\.restorable\.yml:3:12: classify\[0\] names class "finance", which does not exist; use one of: audit-log, .*financial/);
  });
  it("an unknown rule id", () => {
    expect(configError("rules:\n  MON-001: { level: error }\n  XYZ-999: { level: off }\n")).toMatch(/^\.restorable\.yml:3:3: unknown rule id "XYZ-999"; use one of: /);
  });
  it("an unknown regime in a class", () => {
    expect(configError("classes:\n  treasury:\n    regimes: [sox, soc2]\n")).toMatch(/^\.restorable\.yml:3:20: class treasury names regime "soc2", which does not exist/);
  });
  it("an unknown key, a bad level, a YAML syntax error", () => {
    expect(configError("defaults:\n  min_retention: 30\n")).toMatch(/^\.restorable\.yml:2:3: unknown key "min_retention" in defaults; use one of: min_retention_days, max_backup_interval_hours$/);
    expect(configError("rules:\n  MON-001: { level: fatal }\n")).toMatch(/^\.restorable\.yml:2:21: rules\.MON-001\.level is "fatal"; use one of: error, warning, note, off$/);
    expect(configError("classes: [\n")).toMatch(/^\.restorable\.yml:\d+:\d+: invalid YAML/);
  });
  it("a new regime without its facts", () => {
    expect(configError("regimes:\n  soc2:\n    min_retention_days: 365\n")).toMatch(/^\.restorable\.yml:2:3: regime "soc2" is not built in.*lacks name, jurisdiction, citation, applies_to, strength/);
  });
  it("through the CLI: exit 2 and one line on stderr", async () => {
    const dir = mkdtempSync(path.join(work, "cli-"));
    writeFileSync(path.join(dir, "main.tf"), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    writeFileSync(path.join(dir, ".restorable.yml"), "classify:\n  - match: { type: aws_s3_bucket }\n    class: finanical\n");
    const err: string[] = [];
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, cwd: dir, env: {}, isTTY: false };
    expect(await main(["scan", "."], io)).toBe(2);
    expect(err.join("")).toMatch(/^restorable: \.restorable\.yml:3:12: classify\[0\] names class "finanical"/);
    writeFileSync(path.join(dir, "other.yml"), "rules:\n  COV-999: { level: off }\n");
    err.length = 0;
    expect(await main(["scan", ".", "--config", "other.yml"], io)).toBe(2);
    expect(err.join("")).toMatch(/^restorable: other\.yml:2:3: unknown rule id "COV-999"/);
  });
});

describe("combining requirements", () => {
  it("defaults alone", () => {
    const r = requirementsOf(undefined, component({}));
    expect(r).toMatchObject({ classes: [], minRetentionDays: { value: 35 }, maxBackupIntervalHours: { value: 24 }, ephemeral: false });
  });
  it("two classes: the most protective value of each requirement, with a printable source", () => {
    const r = requirementsOf(undefined, component({ "data-class": "financial audit-log" }));
    expect(r.classes).toEqual(["audit-log", "financial"]);
    expect(r.regimes).toEqual(["irs", "pci-dss", "sox"]);
    expect(r.minRetentionDays.value).toBe(2555);
    expect(r.minRetentionDays.source.label).toBe("class financial carries the SOX convention (auditors' 7-year rule, 17 CFR 210.2-06)");
    expect(r.minImmediatelyAvailableDays).toMatchObject({ value: 90, source: { label: "class audit-log carries the PCI DSS standard (PCI DSS v4.0.1 Req. 10.5.1)" } });
    expect(r.critical).toBe(true);
  });
  it("health carries HIPAA duties", () => {
    const r = requirementsOf(undefined, component({ DataClass: "health" }));
    expect(r.requiresRestoreTesting?.source.label).toBe("class health carries the HIPAA law (45 CFR 164.308(a)(7)(ii)(A))");
    expect(r.requiresEncryption?.value).toBe(true);
    expect(r.minRetentionDays.value).toBe(35);
  });
  it("ephemeral applies only when it is the only class", () => {
    expect(requirementsOf(undefined, component({ "data-class": "ephemeral" })).ephemeral).toBe(true);
    const both = requirementsOf(undefined, component({ "data-class": "ephemeral", DataClassification: "personal" }));
    expect(both).toMatchObject({ ephemeral: false, classes: ["personal"] });
  });
  it("a class lowers the default floor only with its own min_retention_days; its regimes still raise it", () => {
    const config = "classes:\n  scratch:\n    min_retention_days: 7\n  books:\n    min_retention_days: 7\n    regimes: [pci-dss]\n";
    expect(requirementsOf(config, component({ "data-class": "scratch" })).minRetentionDays).toMatchObject({ value: 7, source: { kind: "class", label: "class scratch (.restorable.yml)" } });
    expect(requirementsOf(config, component({ "data-class": "books" })).minRetentionDays.value).toBe(365);
    expect(requirementsOf(undefined, component({ "data-class": "personal" })).minRetentionDays.value).toBe(35);
    // Another class without its own floor keeps the default.
    expect(requirementsOf(config, component({ "data-class": "scratch personal" })).minRetentionDays.value).toBe(35);
  });
  it("GDPR maximum against a SOX minimum: the minimum wins and conflicts says so", () => {
    const config = "regimes:\n  gdpr:\n    max_retention_days: 395\n";
    const r = requirementsOf(config, component({ "data-class": "personal,financial" }));
    expect(r.minRetentionDays.value).toBe(2555);
    expect(r.maxRetentionDays?.value).toBe(2555);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatch(/class personal carries the GDPR law .* maximum of 395 days, below the minimum of 2555 days .*SOX convention.*GDPR Art\. 17\(3\)\(b\)/);
    expect(requirementsOf(undefined, component({ "data-class": "personal" })).maxRetentionDays?.value).toBe("must-configure");
  });
  it("a period from the end of the calendar year adds 365 days", () => {
    const config = "classes:\n  books:\n    regimes: [hgb-ao]\n";
    const r = requirementsOf(config, component({ "data-class": "books" }));
    expect(r.minRetentionDays.value).toBe(4015);
    expect(r.minRetentionDays.source.label).toMatch(/HGB\/AO law .*counted from the end of the calendar year/);
  });
  it("a regime id as tag value applies the regime directly", () => {
    const r = requirementsOf(undefined, component({ "data-classification": "sec-17a-4" }));
    expect(r).toMatchObject({ classes: [], regimes: ["sec-17a-4"], minRetentionDays: { value: 2190 } });
    expect(r.requiresCrossRegion.source.kind).toBe("regime");
  });
  it("config defaults, classify rules by address, type and tags, audit-log destinations", () => {
    const loaded = parseAndLoad(
      'defaults:\n  min_retention_days: 60\nclassify:\n  - match: { address: "module.ledger.*" }\n    class: financial\n  - match: { tags: { app: crm } }\n    class: personal\n',
    );
    expect(loaded.view.requirementsFor(component({})).minRetentionDays).toMatchObject({ value: 60, source: { kind: "config" } });
    expect(loaded.view.requirementsFor(component({}, { address: "module.ledger.aws_db_instance.x[0]" })).classes).toEqual(["financial"]);
    expect(loaded.view.requirementsFor(component({ app: "crm" })).classes).toEqual(["personal"]);
    expect(loaded.view.requirementsFor(component({}, { receivesAuditLogs: ["aws_cloudtrail.org"] })).classes).toEqual(["audit-log"]);
    expect(loaded.view.requirementsFor(component({ "data-class": "ephemeral" }, { receivesAuditLogs: ["aws_cloudtrail.org"] })).classes).toEqual(["ephemeral"]);
  });
  it("an unrecognised tag value is a classification problem with a suggestion", () => {
    const { policy } = policyFromConfig(undefined);
    const c = new Classifier(policy, []).classify(component({ "data-class": "finanical" }));
    expect(c.problems).toEqual([expect.objectContaining({ key: "data-class", value: "finanical", suggestion: "financial" })]);
    expect(combine(c, policy, { minRetentionDays: 35, maxBackupIntervalHours: 24 }).classes).toEqual([]);
  });
});
