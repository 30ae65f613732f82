/**
 * One harness for every fixture project under fixtures/cases: each file marks the
 * findings it expects inline, as ESLint's RuleTester and Semgrep do:
 *
 *   resource "aws_dynamodb_table" "orders" {   # expect: COV-001 aws_dynamodb_table.orders
 *   # expect-unknown: var.backup_tag has no value
 *   "point_in_time_recovery": [{ "enabled": false }], "//": "expect: COV-001"   (.tf.json)
 *
 * `expect: RULE [ADDRESS]` asserts a finding of RULE on that line (with that subject
 * when given); `expect-unknown: TEXT` asserts an unknown whose reason contains TEXT.
 * Every finding must be expected and every expectation found, so adding a case is
 * adding a folder. A `fixture.json` may give scan options (vars, varFiles, env).
 */
import fg from "fast-glob";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/index.js";

const CASES = path.resolve(import.meta.dirname, "../../fixtures/cases");

interface Expectation {
  file: string;
  line: number;
  ruleId: string;
  subject?: string;
}

function expectationsIn(dir: string): { findings: Expectation[]; unknowns: string[] } {
  const findings: Expectation[] = [];
  const unknowns: string[] = [];
  for (const file of fg.sync("**/*.{tf,tf.json,tfvars,yaml,yml,json}", { cwd: dir, dot: true }).sort()) {
    readFileSync(path.join(dir, file), "utf8")
      .split(/\r?\n/)
      .forEach((text, i) => {
        for (const m of text.matchAll(/(#|\/\/|"\/\/":\s*")\s*expect:\s*([A-Z]{3}-\d{3})(?:\s+(\S+))?/g)) {
          // In JSON the marker is a "//" comment value: its closing quote is not part of the address.
          const subject = m[1]!.startsWith('"') ? m[3]?.replace(/"[,}\]]*$/, "") : m[3];
          findings.push({ file, line: i + 1, ruleId: m[2]!, ...(subject ? { subject } : {}) });
        }
        const u = /(?:#|\/\/)\s*expect-unknown:\s*(.+?)\s*$/.exec(text);
        if (u) unknowns.push(u[1]!);
      });
  }
  return { findings, unknowns };
}

const DEMO = path.resolve(import.meta.dirname, "../../fixtures/demo");
const caseDirs = [...fg.sync("*", { cwd: CASES, onlyDirectories: true }).sort().map((d) => path.join(CASES, d)), DEMO];

describe("fixture projects", () => {
  it("has fixture cases", () => expect(caseDirs.length).toBeGreaterThan(5));

  for (const dir of caseDirs) {
    it(path.relative(path.dirname(CASES), dir), async () => {
      const optionsFile = path.join(dir, "fixture.json");
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
      const result = await scan({ paths: [dir], cwd: dir, env: {}, ...options });
      const want = expectationsIn(dir);
      const got = result.findings.map((f) => ({ file: f.location.file, line: f.location.startLine, ruleId: f.ruleId, subject: f.subject }));
      const matches = (e: Expectation, g: (typeof got)[number]) =>
        e.file === g.file && e.line === g.line && e.ruleId === g.ruleId && (e.subject === undefined || e.subject === g.subject);
      const missing = want.findings.filter((e) => !got.some((g) => matches(e, g)));
      const unexpected = got.filter((g) => !want.findings.some((e) => matches(e, g)));
      expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
      // Issue 3, "Done when": a retention finding prints the strength of the requirement it cites.
      for (const f of result.findings.filter((x) => x.ruleId === "RET-001")) expect(f.message, `${f.subject}: ${f.message}`).toMatch(/\b(law|standard|convention)\b/);
      const reasons = result.unknowns.map((u) => `${u.subject}: ${u.what}: ${u.reason}`);
      for (const text of want.unknowns) expect(reasons.some((r) => r.includes(text)), `unknown containing "${text}" in ${reasons.join(" | ")}`).toBe(true);
    });
  }
});
