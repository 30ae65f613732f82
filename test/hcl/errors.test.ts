import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createHclParser, type HclParser, type ParsedFile } from "../../src/hcl/index.js";

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../fixtures/hcl", name), "utf8");
const blockNames = (file: ParsedFile) => file.body.blocks.map((b) => b.labels.join("."));
const messages = (file: ParsedFile) => file.problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`);

describe("syntax errors point at the innermost fault", () => {
  it("points an unclosed brace at the brace that is not closed, keeping the good blocks", () => {
    const file = parser.parse(fixture("broken-unclosed.tf"), "broken-unclosed.tf");
    expect(messages(file)).toEqual(['5:37 missing "}" to close this "{"']);
    expect(blockNames(file)).toEqual(["aws_s3_bucket.ok_before", "aws_s3_bucket.ok_after"]);
  });

  it("points a stray token at the token, not at the start of the damaged region", () => {
    const file = parser.parse('a = 1\n\nresource "x" "ok" {\n  v = 1\n}\n\nresource "x" "bad" {\n  v = [1, 2 }\n}\n\nresource "x" "after" {\n  v = 3\n}\n', "main.tf");
    expect(file.problems[0]!.range.start).toMatchObject({ line: 8, column: 7 });
    expect(file.problems[0]!.message).toBe('missing "]" to close this "["');
    expect(blockNames(file)).toContain("x.ok");
    expect(file.body.attributes.map((a) => a.name)).toEqual(["a"]);
  });

  it("reports a missing equals sign on its line", () => {
    const file = parser.parse('variable "v" {\n  default = "x"\n  description "y"\n}\noutput "o" {\n  value = 1\n}\n', "main.tf");
    expect(messages(file)).toContain('3:18 missing "{"');
  });
});

describe("invalid HCL that tree-sitter accepts", () => {
  const cases: [string, string, string][] = [
    ["duplicated attribute", 'b = "x"\nb = "y"\n', '2:1 attribute "b" was already defined at line 1'],
    ["unquoted CIDR", "cidr = 10.0.0.0/16\n", "1:8 invalid number literal"],
    ["two attributes on one line", "a = 1 b = 2\n", "1:7 missing newline after argument"],
    ["two blocks on one line", "a {} b {}\n", "1:6 missing newline after block definition"],
    ["newline inside an expression", "a = 1 +\n  2\n", "1:8 unexpected newline inside an expression (wrap it in parentheses to span lines)"],
    ["raw newline in a quoted string", 'a = "x\ny"\n', '1:7 quoted strings may not span lines; use \\n or a heredoc'],
    ["chained legacy index", "a = x.0.1\n", "1:6 chained legacy indexes like .0.1 are not allowed; use [0][1]"],
    ["hex number", "a = 0x10\n", "1:5 invalid number literal"],
    ["single-line block with two arguments", "b { x = 1 y = 2 }\n", '1:11 a single-line block must end with "}" right after its single argument'],
    ["block header split over lines", 'resource "a"\n"b" {\n}\n', '1:13 a block header and its "{" must be on one line'],
    ["object items without separator", "a = { x = 1 y = 2 }\n", '1:13 missing "," or newline between object attributes'],
    ["empty interpolation", 'a = "${}"\n', '1:6 expected an expression inside "${ }"'],
    ["nested attribute-only splat", "a = x.*.b.*.c\n", "1:10 a splat cannot be nested inside an attribute-only splat (.*)"],
    ["heredoc closing marker at end of file", "a = <<EOT\nx\nEOT", "3:4 unterminated heredoc: its closing marker must stand on its own line, followed by a newline"],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(messages(parser.parse(text, "main.tf"))).toEqual([expected]);
  });

  it("rejects invalid escape sequences", () => {
    expect(messages(parser.parse('a = "\\q"\n', "main.tf"))).toContain('1:6 unexpected "\\\\"');
    expect(messages(parser.parse('a = "\\u12"\n', "main.tf"))).toContain('1:6 unexpected "\\\\"');
  });

  it("reports the unquoted CIDR fixture and its duplicate once each", () => {
    expect(messages(parser.parse(fixture("broken-cidr.tf"), "broken-cidr.tf"))).toEqual([
      "2:16 invalid number literal",
      '7:3 attribute "bucket" was already defined at line 6',
    ]);
  });

  it("accepts what HCL accepts around those rules", () => {
    const ok = [
      "a = 1 # comment ends the line\nb = 2\n",
      "a = [1,\n  2]\nb = f(1,\n  2)\nc = (1 +\n  2)\n",
      "a = x.0 .1\n",
      "a = x.*.b[0].*\n",
      "a = {\n  x = 1\n  y = 2,\n}\n",
      "x { a = 1 }\ny {}\n",
      "a = 1",
    ];
    for (const text of ok) expect(parser.parse(text, "main.tf").problems, text).toEqual([]);
  });
});
