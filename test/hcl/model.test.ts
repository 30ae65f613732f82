import { beforeAll, describe, expect, it } from "vitest";
import { createHclParser, type HclParser, literalValue } from "../../src/hcl/index.js";
import { attr, exprOf, shape } from "./helpers.js";

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

function parseOk(text: string) {
  const file = parser.parse(text, "main.tf");
  expect(file.problems).toEqual([]);
  return file;
}

describe("blocks", () => {
  it("reads type, quoted and bare labels, nested blocks and ranges", () => {
    const file = parseOk('resource "aws_s3_bucket" logs {\n  versioning {\n    enabled = true\n  }\n}\n');
    const block = file.body.blocks[0]!;
    expect(block.type).toBe("resource");
    expect(block.labels).toEqual(["aws_s3_bucket", "logs"]);
    expect(block.headerRange.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(block.headerRange.end).toEqual({ line: 1, column: 30, offset: 29 });
    expect(block.range.end).toEqual({ line: 5, column: 2, offset: 71 });
    expect(block.labelRanges.map((r) => [r.start.column, r.end.column])).toEqual([[10, 25], [26, 30]]);
    expect(block.body.blocks[0]!.type).toBe("versioning");
    expect(block.body.blocks[0]!.body.attributes[0]!.name).toBe("enabled");
  });

  it("decodes escapes in labels and accepts single-line and empty blocks", () => {
    const file = parseOk('a "x\\"y" { b = 1 }\nc {}\n');
    expect(file.body.blocks.map((b) => [b.type, b.labels])).toEqual([["a", ['x"y']], ["c", []]]);
  });
});

describe("expressions", () => {
  const cases: [string, unknown][] = [
    ["1.5", { kind: "literal", value: 1.5 }],
    ["null", { kind: "literal", value: null }],
    ['"plain"', { kind: "literal", value: "plain" }],
    ["-3", { kind: "unary", op: "-", operand: { kind: "literal", value: 3 } }],
    ["!x", { kind: "unary", op: "!", operand: { kind: "variable", name: "x" } }],
    [
      "a.b[0].c",
      {
        kind: "traverse",
        target: { kind: "variable", name: "a" },
        steps: [{ kind: "attr", name: "b" }, { kind: "index", key: { kind: "literal", value: 0 } }, { kind: "attr", name: "c" }],
      },
    ],
    [
      "a.0.id",
      {
        kind: "traverse",
        target: { kind: "variable", name: "a" },
        steps: [{ kind: "index", key: { kind: "literal", value: 0 }, legacy: true }, { kind: "attr", name: "id" }],
      },
    ],
    [
      "a[*].b[0]",
      { kind: "splat", full: true, target: { kind: "variable", name: "a" }, steps: [{ kind: "attr", name: "b" }, { kind: "index", key: { kind: "literal", value: 0 } }] },
    ],
    ["a.*.b", { kind: "splat", full: false, target: { kind: "variable", name: "a" }, steps: [{ kind: "attr", name: "b" }] }],
    ["f(1, x...)", { kind: "call", name: "f", args: [{ kind: "literal", value: 1 }, { kind: "variable", name: "x" }], expandFinal: true }],
    ["c ? 1 : 2", { kind: "conditional", cond: { kind: "variable", name: "c" }, then: { kind: "literal", value: 1 }, else: { kind: "literal", value: 2 } }],
    ["(1)", { kind: "parens", expr: { kind: "literal", value: 1 } }],
    [
      "1 + 2 * 3",
      { kind: "binary", op: "+", left: { kind: "literal", value: 1 }, right: { kind: "binary", op: "*", left: { kind: "literal", value: 2 }, right: { kind: "literal", value: 3 } } },
    ],
    [
      "a || b && c == d",
      {
        kind: "binary",
        op: "||",
        left: { kind: "variable", name: "a" },
        right: { kind: "binary", op: "&&", left: { kind: "variable", name: "b" }, right: { kind: "binary", op: "==", left: { kind: "variable", name: "c" }, right: { kind: "variable", name: "d" } } },
      },
    ],
    [
      "[for k, v in m : v if k != \"\"]",
      {
        kind: "for",
        keyVar: "k",
        valueVar: "v",
        coll: { kind: "variable", name: "m" },
        keyExpr: null,
        valueExpr: { kind: "variable", name: "v" },
        cond: { kind: "binary", op: "!=", left: { kind: "variable", name: "k" }, right: { kind: "literal", value: "" } },
        grouping: false,
      },
    ],
    [
      "{ for x in l : x.k => x... }",
      {
        kind: "for",
        keyVar: null,
        valueVar: "x",
        coll: { kind: "variable", name: "l" },
        keyExpr: { kind: "traverse", target: { kind: "variable", name: "x" }, steps: [{ kind: "attr", name: "k" }] },
        valueExpr: { kind: "variable", name: "x" },
        cond: null,
        grouping: true,
      },
    ],
  ];
  it.each(cases)("%s", (src, expected) => {
    expect(shape(exprOf(parseOk(`v = ${src}\n`), "v"))).toEqual(expected);
  });

  it("reads object keys: bare, quoted, parenthesised and keywords", () => {
    const expr = exprOf(parseOk('v = { a = 1, "b c" = 2, (k) = 3, true = 4 }\n'), "v");
    expect(expr.kind).toBe("object");
    if (expr.kind !== "object") return;
    expect(expr.items.map((i) => [shape(i.key), i.bareKey])).toEqual([
      [{ kind: "literal", value: "a" }, true],
      [{ kind: "literal", value: "b c" }, false],
      [{ kind: "parens", expr: { kind: "variable", name: "k" } }, false],
      [{ kind: "literal", value: "true" }, true],
    ]);
  });

  it("reads numbers as JavaScript numbers, like HashiCorp's parser rounds them", () => {
    const file = parseOk("a = 9007199254740993\nb = 1e400\nc = 1e5\nd = 2E-3\ne = 007\n");
    expect(["a", "b", "c", "d", "e"].map((n) => literalValue(exprOf(file, n)))).toEqual([9007199254740992, Infinity, 100000, 0.002, 7]);
  });

  it("keeps nested literal collections literal", () => {
    const file = parseOk('v = [1, -2, { a = [true, null], "b" = { c = "d" } }]\n');
    expect(literalValue(exprOf(file, "v"))).toEqual([1, -2, { a: [true, null], b: { c: "d" } }]);
  });
});

describe("templates", () => {
  it("decodes quoted-string escapes", () => {
    const file = parseOk('v = "a\\nb\\tc\\"d\\\\e\\r\\u00e9\\U0001F600 $${x} %%{y} $$ %%"\n');
    expect(literalValue(exprOf(file, "v"))).toBe('a\nb\tc"d\\e\r\u00e9\u{1F600} ${x} %{y} $$ %%');
  });

  it("builds interpolation, if/else and for parts with strip markers", () => {
    const expr = exprOf(parseOk('v = "x ${~ a ~} y %{ if c }T%{ else }F%{ endif }%{ for k, v in m }${k}%{ endfor }"\n'), "v");
    expect(shape(expr)).toEqual({
      kind: "template",
      heredoc: false,
      parts: [
        { kind: "literal", value: "x" },
        { kind: "interp", expr: { kind: "variable", name: "a" }, stripLeft: true, stripRight: true },
        { kind: "literal", value: "y " },
        { kind: "if", cond: { kind: "variable", name: "c" }, then: [{ kind: "literal", value: "T" }], else: [{ kind: "literal", value: "F" }] },
        {
          kind: "for",
          keyVar: "k",
          valueVar: "v",
          coll: { kind: "variable", name: "m" },
          body: [{ kind: "interp", expr: { kind: "variable", name: "k" }, stripLeft: false, stripRight: false }],
        },
      ],
    });
  });

  it("keeps a plain heredoc verbatim (no backslash escapes) and flushes <<- like HCL", () => {
    const file = parseOk("a = <<EOT\n  keep \\n $${x}\nEOT\nb = <<-EOT\n    one\n\n      two\n    EOT\n");
    expect(literalValue(exprOf(file, "a"))).toBe("  keep \\n ${x}\n");
    expect(literalValue(exprOf(file, "b"))).toBe("one\n\n  two\n");
  });

  it("treats a heredoc with interpolation as a template and strips its indent", () => {
    const expr = exprOf(parseOk("p = <<-EOT\n    arn = ${x}\n    EOT\n"), "p");
    expect(shape(expr)).toEqual({
      kind: "template",
      heredoc: true,
      parts: [
        { kind: "literal", value: "arn = " },
        { kind: "interp", expr: { kind: "variable", name: "x" }, stripLeft: false, stripRight: false },
        { kind: "literal", value: "\n" },
      ],
    });
  });

  it("parses a bare template file for templatefile()", () => {
    const { parts, problems } = parser.parseTemplate("Hi ${name}!\n%{ for s in l ~}\n- ${s}\n%{ endfor ~}\n", "t.tpl");
    expect(problems).toEqual([]);
    expect(shape(parts)).toEqual([
      { kind: "literal", value: "Hi " },
      { kind: "interp", expr: { kind: "variable", name: "name" }, stripLeft: false, stripRight: false },
      { kind: "literal", value: "!\n" },
      {
        kind: "for",
        keyVar: null,
        valueVar: "s",
        coll: { kind: "variable", name: "l" },
        body: [
          { kind: "literal", value: "- " },
          { kind: "interp", expr: { kind: "variable", name: "s" }, stripLeft: false, stripRight: false },
          { kind: "literal", value: "\n" },
        ],
      },
    ]);
    const interp = parts[1]!;
    expect(interp.range.start).toEqual({ line: 1, column: 4, offset: 3 });
  });

  it("reports template errors at their place in the bare template", () => {
    const { problems } = parser.parseTemplate("ok\nbad ${ }\n", "t.tpl");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.range.start).toEqual({ line: 2, column: 5, offset: 7 });
  });
});

describe("attributes", () => {
  it("gives name and whole ranges", () => {
    const file = parseOk("  name   = 1\n");
    const a = attr(file, "name");
    expect([a.nameRange.start.column, a.nameRange.end.column, a.range.start.column, a.range.end.column]).toEqual([3, 7, 3, 13]);
  });
});
