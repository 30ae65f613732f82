import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createHclParser, type HclParser, literalValue, parseTfJson } from "../../src/hcl/index.js";
import { lc, shape } from "./helpers.js";

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

describe("Terraform JSON syntax", () => {
  const text = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/hcl/main.tf.json"), "utf8");

  it("turns top-level keys into blocks with labels, arrays into repeated blocks", () => {
    const file = parseTfJson(text, "main.tf.json", parser);
    expect(file.problems).toEqual([]);
    expect(file.body.blocks.map((b) => [b.type, ...b.labels])).toEqual([
      ["provider", "aws"],
      ["provider", "aws"],
      ["resource", "aws_s3_bucket", "logs"],
      ["resource", "aws_backup_plan", "daily"],
      ["locals"],
      ["variable", "env"],
    ]);
    const dr = file.body.blocks[1]!;
    expect(dr.body.attributes.map((a) => [a.name, literalValue(a.expr)])).toEqual([
      ["alias", "dr"],
      ["region", "eu-west-1"],
    ]);
  });

  it("makes meta blocks blocks and everything else attributes", () => {
    const logs = parseTfJson(text, "main.tf.json", parser).body.blocks[2]!;
    expect(logs.body.attributes.map((a) => [a.name, a.expr.kind])).toEqual([
      ["bucket", "template"],
      ["versioning", "object"],
    ]);
    expect(logs.body.blocks.map((b) => [b.type, ...b.labels])).toEqual([["lifecycle"], ["provisioner", "local-exec"]]);
    const plan = parseTfJson(text, "main.tf.json", parser).body.blocks[3]!;
    const dynamic = plan.body.blocks[0]!;
    expect([dynamic.type, ...dynamic.labels]).toEqual(["dynamic", "rule"]);
    expect(dynamic.body.blocks.map((b) => b.type)).toEqual(["content"]);
    expect(shape(dynamic.body.attributes[0]!.expr)).toEqual({
      kind: "template",
      heredoc: false,
      parts: [{ kind: "interp", expr: { kind: "traverse", target: { kind: "variable", name: "var" }, steps: [{ kind: "attr", name: "rules" }] }, stripLeft: false, stripRight: false }],
    });
  });

  it("maps template sub-expressions onto the JSON source when the string has no escapes", () => {
    const logs = parseTfJson(text, "main.tf.json", parser).body.blocks[2]!;
    expect(lc(logs.headerRange)).toEqual([11, 7, 11, 13]);
    const bucket = logs.body.attributes[0]!.expr;
    expect(lc(bucket.range)).toEqual([12, 19, 12, 36]);
    if (bucket.kind !== "template") throw new Error("expected a template");
    const interp = bucket.parts[1]!;
    expect(interp.kind === "interp" && lc(interp.expr.range)).toEqual([12, 27, 12, 34]);
  });

  it("collapses sub-expression ranges to the string when JSON escapes shift offsets", () => {
    const file = parseTfJson('{"locals": {"a": "\\u0041${var.x}"}}', "x.tf.json", parser);
    const expr = file.body.blocks[0]!.body.attributes[0]!.expr;
    if (expr.kind !== "template") throw new Error("expected a template");
    expect(expr.parts[0]).toMatchObject({ kind: "literal", value: "A" });
    const interp = expr.parts[1]!;
    expect(interp.kind === "interp" && lc(interp.expr.range)).toEqual(lc(expr.range));
  });

  it("reports invalid JSON with its position", () => {
    const file = parseTfJson('{\n  "locals": {\n    "a": 1,,\n  }\n}\n', "bad.tf.json", parser);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]!.range.start.line).toBe(3);
    expect(file.problems[0]!.message).toMatch(/^invalid JSON/);
  });

  it("ignores // comment keys and keeps literal values", () => {
    const file = parseTfJson('{"//": "x", "locals": {"//": "y", "n": -1.5, "l": [1, "a", null], "o": {"k": true}}}', "x.tf.json", parser);
    const attrs = file.body.blocks[0]!.body.attributes;
    expect(attrs.map((a) => [a.name, literalValue(a.expr)])).toEqual([
      ["n", -1.5],
      ["l", [1, "a", null]],
      ["o", { k: true }],
    ]);
  });
});
