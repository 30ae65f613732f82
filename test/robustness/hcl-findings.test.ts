/**
 * Deep nesting in HCL and .tf.json (issue 7, item 4). The validator, the converter and the evaluator
 * recurse per level, and once overflowed the stack (tuples from about 770 levels, nested blocks from
 * about 1,260, a chain of about 2,350 `+` terms); the parser now cuts nesting at a bound with a parse
 * problem (CFG-001) on the attribute or block that holds it, and reads the rest of the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHclParser, parseTfJson, type HclParser } from "../../src/hcl/index.js";
import { scan } from "../../src/index.js";

const DEPTH = 10_000;
const work = mkdtempSync(path.join(tmpdir(), "restorable-hcl-findings-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

const NATIVE: [string, string][] = [
  [`a tuple nested ${DEPTH} deep`, `locals {\n  x = ${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}\n}\n`],
  [`an object nested ${DEPTH} deep`, `locals {\n  x = ${"{ a = ".repeat(DEPTH)}1${" }".repeat(DEPTH)}\n}\n`],
  [`parentheses nested ${DEPTH} deep`, `locals {\n  x = ${"(".repeat(DEPTH)}1${")".repeat(DEPTH)}\n}\n`],
  [`blocks nested ${DEPTH} deep`, `${"a {\n".repeat(DEPTH)}${"}\n".repeat(DEPTH)}`],
  [`a chain of ${DEPTH} additions`, `locals {\n  x = ${Array.from({ length: DEPTH }, (_, i) => String(i)).join(" + ")}\n}\n`],
  [`a template with ${DEPTH} nested %{if}`, `locals {\n  x = "${"%{if true}".repeat(DEPTH)}x${"%{endif}".repeat(DEPTH)}"\n}\n`],
];

describe("the HCL parser on deep nesting: a result, never an exception", () => {
  for (const [what, text] of NATIVE) {
    it(`parse(): ${what}`, () => {
      const parsed = parser.parse(text, "deep.tf");
      expect(parsed.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/nests deeper than 600 syntax levels/));
      expect(parsed.problems[0]!.range.start.line).toBeGreaterThanOrEqual(1);
    });
  }

  it(`parseTemplate(): an interpolation nested ${DEPTH} deep (templatefile)`, () => {
    const t = parser.parseTemplate(`\${${"(".repeat(DEPTH)}1${")".repeat(DEPTH)}}`, "deep.tftpl");
    expect(t.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/nests deeper than/));
  });

  it(`parseTfJson(): an expression string nested ${DEPTH} deep in .tf.json`, () => {
    const text = JSON.stringify({ locals: { x: `\${${"(".repeat(DEPTH)}1${")".repeat(DEPTH)}}` } });
    const parsed = parseTfJson(text, "deep.tf.json", parser);
    expect(parsed.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/nests deeper than/));
  });
});

const IN_SCAN: [string, string, string][] = [
  ...NATIVE.map(([what, text]): [string, string, string] => [what, "deep.tf", text]),
  [`JSON arrays nested ${DEPTH} deep in .tf.json`, "deep.tf.json", `{"locals":{"x":${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}}}`],
];

describe("scan() on deep HCL: the rest of the scan goes on", () => {
  for (const [what, file, text] of IN_SCAN) {
    it(what, async () => {
      const dir = mkdtempSync(path.join(work, "case-"));
      writeFileSync(path.join(dir, file), text);
      writeFileSync(path.join(dir, "db.tf"), 'resource "aws_dynamodb_table" "orders" {\n  name = "orders"\n}\n');
      const result = await scan({ paths: [dir], cwd: dir, env: {}, workers: 0 });
      const findings = result.findings.map((f) => `${f.ruleId} ${f.subject}`);
      expect(findings).toContain("COV-001 aws_dynamodb_table.orders");
      expect(findings).toContain(`CFG-001 ${file}`);
    });
  }
});
