import { describe, expect, it } from "vitest";
import type { Location } from "../../src/graph/types.js";
import { changedFileSet, findingsInChange, inChange, normalizeChangedPath } from "../../src/report/changes.js";
import type { Finding } from "../../src/rules/types.js";

function at(file: string, line = 1): Location {
  return { file, startLine: line, startColumn: 1, endLine: line, endColumn: 10 };
}

function finding(file: string, related: string[] = [], ruleId = "RET-001"): Finding {
  return {
    ruleId,
    level: "error",
    message: "m",
    subject: "aws_db_instance.ledger",
    subjectKind: "resource",
    root: "",
    location: at(file, 3),
    anchor: "",
    related: related.map((f, i) => ({ location: at(f, 10 + i), message: "plan rule" })),
    environment: "",
  };
}

describe("inChange", () => {
  it("is true when the primary location is in a changed file", () => {
    expect(inChange(finding("db.tf"), new Set(["db.tf"]))).toBe(true);
  });

  it("is true when only a related location is in a changed file (retention lowered in backup.tf)", () => {
    expect(inChange(finding("db.tf", ["network.tf", "backup.tf"]), new Set(["backup.tf"]))).toBe(true);
  });

  it("is false when neither the primary nor any related location is changed", () => {
    expect(inChange(finding("db.tf", ["backup.tf"]), new Set(["main.tf", "db.tf.bak"]))).toBe(false);
  });

  it("compares whole root-relative paths, not base names", () => {
    expect(inChange(finding("envs/prod/db.tf"), new Set(["db.tf"]))).toBe(false);
    expect(inChange(finding("envs/prod/db.tf"), new Set(["envs/prod/db.tf"]))).toBe(true);
  });

  it("is false for an empty change", () => {
    expect(inChange(finding("db.tf", ["backup.tf"]), new Set())).toBe(false);
  });

  it("matches paths given with ./ or backslashes once normalized by changedFileSet", () => {
    const changed = changedFileSet(["./modules\\db\\main.tf", "envs/prod/../prod/backup.tf"]);
    expect(inChange(finding("modules/db/main.tf"), changed)).toBe(true);
    expect(inChange(finding("x.tf", ["envs/prod/backup.tf"]), changed)).toBe(true);
  });

  it("matches a file finding (CFG-*) on its own path", () => {
    expect(inChange(finding("broken.tf", [], "CFG-001"), changedFileSet(["broken.tf"]))).toBe(true);
  });
});

describe("findingsInChange", () => {
  it("keeps the findings in the change, in order", () => {
    const a = finding("db.tf");
    const b = finding("other.tf");
    const c = finding("cache.tf", ["backup.tf"]);
    expect(findingsInChange([a, b, c], new Set(["db.tf", "backup.tf"]))).toEqual([a, c]);
  });
});

describe("normalizeChangedPath", () => {
  it.each([
    ["db.tf", "db.tf"],
    ["./db.tf", "db.tf"],
    ["a\\b\\c.tf", "a/b/c.tf"],
    ["a/./b/../c.tf", "a/c.tf"],
    ["modules/", "modules"],
    [".", ""],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalizeChangedPath(input)).toBe(expected);
  });
});
