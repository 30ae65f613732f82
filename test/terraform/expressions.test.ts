import { beforeAll, describe, expect, it } from "vitest";
import { createHclParser, type HclParser } from "../../src/hcl/index.js";
import { evaluate, type Resolver } from "../../src/terraform/expressions.js";
import type { FunctionContext } from "../../src/terraform/functions.js";
import { EvalError, ResourceRef, Unknown, type Value } from "../../src/terraform/value.js";

let parser: HclParser;
beforeAll(async () => {
  parser = await createHclParser();
});

const functions: FunctionContext = {
  readFile: () => new Unknown("no files in this test"),
  renderTemplate: () => new Unknown("no templates in this test"),
};

/** Variables for `var.NAME`; an absent one is unknown, as a root variable with no value is. */
function resolverFor(vars: Record<string, Value>): Resolver {
  return {
    resolve(name, steps) {
      if (name === "var") {
        const s = steps[0];
        if (s?.kind !== "attr") throw new EvalError("bad var reference");
        return { value: s.name in vars ? vars[s.name]! : new Unknown(`var.${s.name} has no value`), consumed: 1 };
      }
      if (name === "aws_db_instance") return { value: new ResourceRef("aws_db_instance.main", "arn"), consumed: 2 };
      throw new EvalError(`Reference to undeclared name ${name}`);
    },
  };
}

function run(src: string, vars: Record<string, Value> = {}): Value {
  const file = parser.parse(`x = ${src}\n`, "t.tf");
  expect(file.problems).toEqual([]);
  return evaluate(file.body.attributes[0]!.expr, { resolver: resolverFor(vars), functions });
}

describe("expressions", () => {
  it.each<[string, Value]>([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["-5 + 2", -3],
    ["10 % 4", 2],
    ['"a" == "a"', true],
    ["1 == \"1\"", false],
    ["!true || false", false],
    ["3 > 2 ? \"yes\" : \"no\"", "yes"],
    ['"${1 + 1}-x"', "2-x"],
    ['"%{ if true }on%{ else }off%{ endif }"', "on"],
    ['"%{ for s in ["a", "b"] }${s},%{ endfor }"', "a,b,"],
    ["[for s in [\"a\", \"b\"] : upper(s)]", ["A", "B"]],
    ['{ for k, v in { a = 1, b = 2 } : v => k }', { "1": "a", "2": "b" }],
    ['{ for s in ["x", "y", "x"] : s => s... }', { x: ["x", "x"], y: ["y"] }],
    ['[for i, v in ["a", "b", "c"] : v if i != 1]', ["a", "c"]],
    ['[{ n = 1 }, { n = 2 }][*].n', [1, 2]],
    ['{ n = 3 }[*].n', [3]],
    ["null[*]", []],
    ['[[1, 2], [3]][0][1]', 2],
    ['{ a = { b = "c" } }.a.b', "c"],
    ['{ a = { b = "c" } }["a"]["b"]', "c"],
    ["length(concat([1], [2, 3]))", 3],
  ])("%s", (src, want) => {
    expect(run(src)).toEqual(want);
  });

  it("Kleene logic: a known operand decides even when the other is unknown", () => {
    expect(run("false && var.u")).toBe(false);
    expect(run("true || var.u")).toBe(true);
    expect(run("true && var.u")).toBeInstanceOf(Unknown);
  });

  it("chained conditionals nest to the right, as in HCL, on both parsers (the fast path and tree-sitter)", async () => {
    const treeSitter = await createHclParser({ fastPath: false });
    const src = 'var.env == "prod" ? 35 : var.env == "staging" ? 7 : 1';
    for (const p of [parser, treeSitter]) {
      const file = p.parse(`x = ${src}\n`, "t.tf");
      expect(file.problems).toEqual([]);
      const value = (env: string) => evaluate(file.body.attributes[0]!.expr, { resolver: resolverFor({ env }), functions });
      // Nested the other way, prod would read `(true ? 35 : …) ? 7 : 1`, an error on a number condition.
      expect([value("prod"), value("staging"), value("dev")]).toEqual([35, 7, 1]);
    }
    expect(run("true ? 1 : false ? 2 : 3")).toBe(1);
  });

  it("an unknown condition is known only when both branches agree", () => {
    expect(run('var.u ? "a" : "a"')).toBe("a");
    expect(run('var.u ? "a" : "b"')).toBeInstanceOf(Unknown);
  });

  it("a template with an unknown part is unknown, with the reason of the part", () => {
    const v = run('"prefix-${var.env}"');
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).reason).toContain("var.env has no value");
  });

  it("a for expression over an unknown collection is unknown", () => {
    expect(run("[for x in var.items : x]")).toBeInstanceOf(Unknown);
  });

  it("keeps resource references inside collections", () => {
    expect(run("[aws_db_instance.main.arn]")).toEqual([new ResourceRef("aws_db_instance.main", "arn")]);
  });
});

describe("try and can", () => {
  it.each<[string, Value]>([
    // Terraform docs: try(local.foo.bar, "fallback") style, on literal objects.
    ['try({ a = 1 }.b, "fallback")', "fallback"],
    ['try({ a = 1 }.a, "fallback")', 1],
    ['try([1, 2][5], [1, 2][0])', 1],
    ['try(tonumber("12"), 0)', 12],
    ['try(tonumber("x"), 0)', 0],
    ['can({ a = 1 }.a)', true],
    ['can({ a = 1 }.b)', false],
    ['can(regex("^ami-", "ami-123"))', true],
    ['can(regex("^ami-", "img-123"))', false],
  ])("%s", (src, want) => {
    expect(run(src)).toEqual(want);
  });

  it("try on an unknown first argument is unknown: it cannot know whether that would fail", () => {
    expect(run('try(var.settings.region, "eu-west-1")')).toBeInstanceOf(Unknown);
  });

  it("can on an unknown value is unknown", () => {
    expect(run("can(var.settings.region)")).toBeInstanceOf(Unknown);
  });

  it("try with no argument that evaluates is an error", () => {
    expect(() => run('try({}.a, {}.b)')).toThrow(EvalError);
  });
});
