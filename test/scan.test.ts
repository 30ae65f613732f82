import { promises as fsp } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scan, type ScanFileSystem } from "../src/index.js";
import { formatSarif } from "../src/report/sarif.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const DEMO = path.join(FIXTURES, "demo");
const CASES = path.join(FIXTURES, "cases");

function countingFileSystem(): { fs: ScanFileSystem; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    fs: {
      readFile: async (p) => {
        reads.set(p, (reads.get(p) ?? 0) + 1);
        return fsp.readFile(p);
      },
      stat: (p) => fsp.stat(p),
    },
  };
}

describe("scan()", () => {
  it("reads each file once", async () => {
    const { fs, reads } = countingFileSystem();
    const result = await scan({ paths: [FIXTURES], cwd: FIXTURES, fs, env: {} });
    expect(result.stats.files).toBeGreaterThan(20);
    expect(reads.size).toBe(result.stats.files);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
  });

  it("gives the same results when two scans run concurrently as when each runs alone", async () => {
    const a = path.join(CASES, "tag-selection-typo");
    const b = path.join(CASES, "module-instances");
    const aloneA = await scan({ paths: [a], cwd: a, env: {} });
    const aloneB = await scan({ paths: [b], cwd: b, env: {} });
    const [togetherA, togetherB] = await Promise.all([scan({ paths: [a], cwd: a, env: {} }), scan({ paths: [b], cwd: b, env: {} })]);
    expect(formatSarif(togetherA)).toBe(formatSarif(aloneA));
    expect(formatSarif(togetherB)).toBe(formatSarif(aloneB));
    expect(aloneA.findings.length).toBeGreaterThan(0);
    expect(aloneB.findings.length).toBeGreaterThan(0);
  });

  it("writes byte-identical SARIF for the same --root from another working directory and path order", async () => {
    const paths = ["demo", "cases/tag-selection-typo", "cases/for-each-instances"];
    const first = formatSarif(await scan({ root: FIXTURES, cwd: FIXTURES, paths, env: {} }));
    const second = formatSarif(
      await scan({ root: FIXTURES, cwd: path.join(CASES, "region-opt-out"), paths: [...paths].reverse().map((p) => path.join(FIXTURES, p)), env: {} }),
    );
    expect(second).toBe(first);
    expect(first).not.toContain(FIXTURES);
  });

  it("the demo shows at least one finding of every rule category", async () => {
    const result = await scan({ paths: [DEMO], cwd: DEMO, env: {} });
    const categoryOf = new Map(result.rules.map((r) => [r.id, r.category]));
    const shown = new Set(result.findings.map((f) => categoryOf.get(f.ruleId)));
    expect([...shown].sort()).toEqual(
      [
        "configuration",
        "coverage",
        "deletion-protection",
        "encryption",
        "immutability",
        "monitoring",
        "recovery-objective",
        "region",
        "restore-testing",
        "retention",
      ].sort(),
    );
  });

  it("a missing path is a usage error, not a crash", async () => {
    await expect(scan({ paths: ["does-not-exist"], cwd: DEMO })).rejects.toThrow(/path not found: does-not-exist/);
  });
});

describe("environments", () => {
  const dir = path.join(CASES, "var-file-and-for-expressions");

  it("lists the .tfvars files it did not evaluate", async () => {
    const without = await scan({ paths: [dir], cwd: dir, env: {} });
    expect(without.stats.environmentsNotEvaluated).toEqual(["envs/prod.tfvars", "envs/staging.tfvars"]);
    expect(without.findings).toEqual([]);
  });

  it("evaluates the one passed with --var-file, reading it once", async () => {
    const { fs, reads } = countingFileSystem();
    const result = await scan({ paths: [dir], cwd: dir, env: {}, fs, varFiles: ["envs/prod.tfvars"] });
    expect(result.stats.environmentsNotEvaluated).toEqual(["envs/staging.tfvars"]);
    expect(result.findings.map((f) => f.subject)).toEqual(['aws_dynamodb_table.this["orders"]', 'aws_dynamodb_table.this["scratch"]']);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
  });
});
