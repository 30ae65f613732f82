import { beforeAll, describe, expect, it } from "vitest";
import { createHclParser, type HclParser, literalValue } from "../../src/hcl/index.js";
import { exprOf } from "./helpers.js";

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

const value = (src: string) => literalValue(exprOf(parser.parse(`v = ${src}\n`, "main.tf"), "v"));

describe("literalValue", () => {
  it.each([
    ["42", 42],
    ["-42", -42],
    ["!true", false],
    ['"a"', "a"],
    ["<<EOT\nx\nEOT\n", "x\n"],
    ["[1, [2, -3]]", [1, [2, -3]]],
    ['{ a = { "b" = [null] } }', { a: { b: [null] } }],
  ])("%s is %j", (src, expected) => {
    expect(value(src)).toEqual(expected);
  });

  it.each(["var.x", '"${x}"', "[1, var.x]", "{ (k) = 1 }", "-var.x", "1 + 1", "(1)", "f()"])("%s is not literal", (src) => {
    expect(value(src)).toBeUndefined();
  });
});
