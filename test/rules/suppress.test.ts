import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Location } from "../../src/graph/types.js";
import type { ConfigIgnore } from "../../src/policy/types.js";
import type { Finding } from "../../src/rules/types.js";
import { addressMatches, applySuppressions, inlineIgnoresAbove, isExpired, parseInlineIgnore, resolveNow } from "../../src/rules/suppress.js";
import { scan } from "../../src/index.js";

function loc(file: string, line: number, column = 1): Location {
  return { file, startLine: line, startColumn: column, endLine: line, endColumn: column + 10 };
}

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: "COV-001",
    level: "error",
    message: "aws_dynamodb_table.orders has no backup. Enable point-in-time recovery.",
    subject: "aws_dynamodb_table.orders",
    subjectKind: "resource",
    root: ".",
    location: loc("main.tf", 3),
    anchor: "",
    related: [],
    environment: "",
    ...overrides,
  };
}

const NOW = new Date("2026-06-30T12:00:00Z");

function run(findings: Finding[], files: Record<string, string>, ignores: ConfigIgnore[] = [], header?: Location): Finding[] {
  return applySuppressions({ findings, textOf: (f) => files[f], ignores, now: NOW, subjectHeader: () => header });
}

describe("parseInlineIgnore", () => {
  it("reads rule ids and the reason, in # and // comments", () => {
    expect(parseInlineIgnore("  # restorable:ignore COV-001 rebuilt nightly", "a.tf", 4)).toEqual({ rules: ["COV-001"], reason: "rebuilt nightly", file: "a.tf", line: 4 });
    expect(parseInlineIgnore("// restorable:ignore COV-001, reg-001 -- cache", "a.tf", 1)?.rules).toEqual(["COV-001", "REG-001"]);
    expect(parseInlineIgnore("// restorable:ignore COV-001, reg-001 -- cache", "a.tf", 1)?.reason).toBe("cache");
    expect(parseInlineIgnore("# restorable:ignore COV-001: kept elsewhere", "v.yaml", 1)?.reason).toBe("kept elsewhere");
  });

  it("has an empty reason when none is written", () => {
    expect(parseInlineIgnore("# restorable:ignore COV-001", "a.tf", 1)).toEqual({ rules: ["COV-001"], reason: "", file: "a.tf", line: 1 });
    expect(parseInlineIgnore("# restorable:ignore COV-001   ", "a.tf", 1)?.reason).toBe("");
  });

  it("ignores lines that are not the directive", () => {
    expect(parseInlineIgnore('name = "restorable:ignore COV-001 x"', "a.tf", 1)).toBeUndefined();
    expect(parseInlineIgnore("# restorable:ignored COV-001 x", "a.tf", 1)).toBeUndefined();
    expect(parseInlineIgnore("# see restorable:ignore COV-001 x", "a.tf", 1)).toBeUndefined();
  });
});

describe("inlineIgnoresAbove", () => {
  it("reads the run of comment lines right above, not past a blank line or code", () => {
    const lines = ["# restorable:ignore REG-001 far", "", "# restorable:ignore COV-001 near", "# another comment", 'resource "x" "y" {'];
    expect(inlineIgnoresAbove(lines, "a.tf", 5).map((d) => d.reason)).toEqual(["near"]);
    expect(inlineIgnoresAbove(['a = 1', 'resource "x" "y" {'], "a.tf", 2)).toEqual([]);
    expect(inlineIgnoresAbove(['resource "x" "y" {'], "a.tf", 1)).toEqual([]);
  });
});

describe("applySuppressions", () => {
  it("suppresses in source with the reason as justification", () => {
    const [f] = run([finding()], { "main.tf": "x\n# restorable:ignore COV-001 rebuilt from events\nresource {" });
    expect(f!.suppression).toEqual({ kind: "inSource", justification: "rebuilt from events" });
    expect(f!.message).toBe(finding().message);
  });

  it("lists several rules in one directive", () => {
    const text = "// restorable:ignore COV-001,REG-001 cache\nresource {";
    const out = run([finding({ location: loc("main.tf", 2) }), finding({ ruleId: "REG-001", location: loc("main.tf", 2) }), finding({ ruleId: "RET-002", location: loc("main.tf", 2) })], { "main.tf": text });
    expect(out.map((f) => f.suppression?.kind)).toEqual(["inSource", "inSource", undefined]);
  });

  it("does not apply an ignore without a reason and says so in the message", () => {
    const [f] = run([finding()], { "main.tf": "x\n# restorable:ignore COV-001\nresource {" });
    expect(f!.suppression).toBeUndefined();
    expect(f!.message).toBe(`${finding().message} (the restorable:ignore at main.tf:2 has no reason, so it does not apply)`);
  });

  it("honours a comment above the subject's block header for a finding on one of its attributes", () => {
    const text = "# restorable:ignore COV-001 scratch\nresource {\n  backup_retention_period = 0\n}";
    const [f] = run([finding({ location: loc("main.tf", 3, 3), anchor: "backup_retention_period" })], { "main.tf": text }, [], loc("main.tf", 2));
    expect(f!.suppression?.justification).toBe("scratch");
  });

  it("leaves findings alone when the file text is not known", () => {
    const input = finding();
    expect(run([input], {})[0]).toBe(input);
  });

  it("applies config ignores by rule and address glob", () => {
    const ignores: ConfigIgnore[] = [{ rule: "COV-001", address: "module.cache.*", reason: "rebuilt from source" }];
    const out = run([finding({ subject: "module.cache.aws_s3_bucket.this[0]" }), finding({ subject: "aws_s3_bucket.other" })], {}, ignores);
    expect(out.map((f) => f.suppression)).toEqual([{ kind: "external", justification: "rebuilt from source" }, undefined]);
  });

  it("matches a plain address with brackets literally", () => {
    expect(addressMatches('aws_s3_bucket.logs["eu"]', 'aws_s3_bucket.logs["eu"]')).toBe(true);
    expect(addressMatches("aws_s3_bucket.logs[0]", "aws_s3_bucket.logs[0]")).toBe(true);
    expect(addressMatches("aws_s3_bucket.logs", "aws_s3_bucket.logs_old")).toBe(false);
  });

  it("stops applying an expired config ignore, the day after its expiry date", () => {
    const ignore: ConfigIgnore = { rule: "COV-001", address: "aws_dynamodb_table.orders", reason: "migration", expires: "2026-06-29", location: loc(".restorable.yml", 12) };
    const [f] = run([finding()], {}, [ignore]);
    expect(f!.suppression).toBeUndefined();
    expect(f!.message).toContain("(the config ignore at .restorable.yml:12 expired on 2026-06-29, so it no longer applies)");
    expect(run([finding()], {}, [{ ...ignore, expires: "2026-06-30" }])[0]!.suppression?.kind).toBe("external");
    expect(isExpired({ expires: "2026-06-30" }, new Date("2026-07-01T00:00:00Z"))).toBe(true);
    expect(isExpired({ expires: "not a date" }, NOW)).toBe(true);
    expect(isExpired({}, NOW)).toBe(false);
  });

  it("does not apply a config ignore without a reason", () => {
    const [f] = run([finding()], {}, [{ rule: "COV-001", address: "*", reason: " ", location: loc(".restorable.yml", 3) }]);
    expect(f!.suppression).toBeUndefined();
    expect(f!.message).toContain("(the config ignore at .restorable.yml:3 has no reason, so it does not apply)");
  });

  it("prefers the inline ignore and keeps input order", () => {
    const out = run([finding(), finding({ subject: "b", location: loc("b.tf", 1) })], { "main.tf": "\n# restorable:ignore COV-001 inline\n" }, [{ rule: "*", address: "*", reason: "config" }]);
    expect(out.map((f) => f.suppression)).toEqual([
      { kind: "inSource", justification: "inline" },
      { kind: "external", justification: "config" },
    ]);
  });
});

describe("resolveNow", () => {
  it("uses --now, else SOURCE_DATE_EPOCH, else the clock", () => {
    expect(resolveNow(NOW, { SOURCE_DATE_EPOCH: "0" })).toBe(NOW);
    expect(resolveNow(undefined, { SOURCE_DATE_EPOCH: "86400" }).toISOString()).toBe("1970-01-02T00:00:00.000Z");
    expect(Math.abs(resolveNow(undefined, {}).getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe("inline ignores through the real scan", () => {
  it("suppresses what fixtures/cases/suppress-inline says, and reports the ignore without a reason", async () => {
    const dir = path.resolve(import.meta.dirname, "../../fixtures/cases/suppress-inline");
    const result = await scan({ paths: [dir], cwd: dir, env: {} });
    const bySubject = new Map(result.findings.map((f) => [f.subject, f]));
    expect(bySubject.get("aws_dynamodb_table.order_projections")?.suppression).toEqual({ kind: "inSource", justification: "rebuilt from the order event stream on demand" });
    expect(bySubject.get("aws_s3_bucket.build_cache")?.suppression).toEqual({ kind: "inSource", justification: "CI build cache, rebuilt from source" });
    expect(bySubject.get("aws_db_instance.reporting")?.suppression?.justification).toBe("replica of the warehouse, reloaded nightly");
    expect(bySubject.get("aws_db_instance.loadtest")?.suppression?.justification).toBe("scratch database for load tests, dropped every week");
    for (const active of ["aws_dynamodb_table.invoices", "aws_dynamodb_table.payments", "aws_dynamodb_table.refunds"]) {
      expect(bySubject.get(active)?.suppression, active).toBeUndefined();
    }
    expect(bySubject.get("aws_dynamodb_table.invoices")?.message).toMatch(/\(the restorable:ignore at data\.tf:20 has no reason, so it does not apply\)$/);
  });
});
