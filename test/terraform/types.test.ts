import { describe, expect, it } from "vitest";
import type { Expr, ObjectItem, Range } from "../../src/hcl/ast.js";
import { convertToType, literalValue, parseTypeConstraint, typeToString, type TypeConstraint } from "../../src/terraform/types.js";
import { EvalError, makeObject, ResourceRef, Unknown, type ObjectValue, type Value } from "../../src/terraform/value.js";

// ---- tiny Expr builders (what the HCL parser produces for `type = ...`)

const pos = { line: 1, column: 1, offset: 0 };
const range: Range = { start: pos, end: pos };
const kw = (name: string): Expr => ({ kind: "variable", name, range });
const call = (name: string, ...args: Expr[]): Expr => ({ kind: "call", name, args, expandFinal: false, range });
const lit = (value: null | boolean | number | string): Expr => ({ kind: "literal", value, range });
const tup = (...items: Expr[]): Expr => ({ kind: "tuple", items, range });
const neg = (operand: Expr): Expr => ({ kind: "unary", op: "-", operand, range });
const tmpl = (text: string): Expr => ({ kind: "template", parts: [{ kind: "literal", value: text, range }], heredoc: false, range });
const obj = (attrs: Record<string, Expr>): Expr => ({
  kind: "object",
  items: Object.entries(attrs).map(([k, value]): ObjectItem => ({ key: lit(k), bareKey: true, value, range })),
  range,
});
const object = (attrs: Record<string, Expr>): Expr => call("object", obj(attrs));
const optional = (t: Expr, dflt?: Expr): Expr => (dflt ? call("optional", t, dflt) : call("optional", t));

const o = (entries: Record<string, Value>): ObjectValue => makeObject(Object.entries(entries));
const U = new Unknown("not known until apply");
const DB = new ResourceRef("aws_db_instance.a", "arn");

describe("parseTypeConstraint", () => {
  const rows: [Expr, string][] = [
    [kw("string"), "string"],
    [kw("number"), "number"],
    [kw("bool"), "bool"],
    [kw("any"), "any"],
    [call("list", kw("string")), "list(string)"],
    [call("set", kw("number")), "set(number)"],
    [call("map", call("list", kw("any"))), "map(list(any))"],
    [call("tuple", tup(kw("string"), kw("number"))), "tuple([string, number])"],
    [object({ a: kw("string"), b: optional(kw("number"), lit(7)) }), "object({a=string, b=optional(number)})"],
    [kw("list"), "list(any)"],
    [lit("string"), "string"],
    [{ kind: "parens", expr: kw("bool"), range }, "bool"],
  ];
  rows.forEach(([expr, text]) => it(text, () => expect(typeToString(parseTypeConstraint(expr))).toBe(text)));

  it("keeps optional defaults converted to the attribute type", () => {
    const t = parseTypeConstraint(object({ port: optional(kw("number"), lit("5432")), name: optional(kw("string")) }));
    expect(t.kind === "object" && t.attributes.get("port")).toEqual({ type: { kind: "number" }, optional: true, default: 5432 });
    expect(t.kind === "object" && t.attributes.get("name")).toEqual({ type: { kind: "string" }, optional: true });
  });

  const bad: [string, Expr][] = [
    ["unknown keyword", kw("strin")],
    ["optional outside an object", call("optional", kw("string"))],
    ["unknown constructor", call("array", kw("string"))],
    ["constructor without argument", call("list")],
    ["tuple without list", call("tuple", kw("string"))],
    ["non-literal default", object({ a: optional(kw("string"), kw("var")) })],
    ["default of the wrong type", object({ a: optional(kw("number"), lit("x")) })],
    ["a number", lit(5)],
  ];
  bad.forEach(([what, expr]) => it(`rejects ${what}`, () => expect(() => parseTypeConstraint(expr)).toThrow(EvalError)));
});

describe("literalValue", () => {
  const rows: [Expr, Value][] = [
    [lit(1), 1],
    [neg(lit(2)), -2],
    [tmpl("abc"), "abc"],
    [tup(lit(1), lit("a")), [1, "a"]],
    [obj({ a: lit(true), b: tup() }), o({ a: true, b: [] })],
    [kw("null"), null],
  ];
  rows.forEach(([expr, value], i) => it(`#${i}`, () => expect(literalValue(expr)).toEqual(value)));
  it("rejects references", () => expect(() => literalValue(kw("var"))).toThrow(EvalError));
});

const T = {
  string: parseTypeConstraint(kw("string")),
  number: parseTypeConstraint(kw("number")),
  bool: parseTypeConstraint(kw("bool")),
  listString: parseTypeConstraint(call("list", kw("string"))),
  setString: parseTypeConstraint(call("set", kw("string"))),
  mapNumber: parseTypeConstraint(call("map", kw("number"))),
  tuple: parseTypeConstraint(call("tuple", tup(kw("string"), kw("bool")))),
  rule: parseTypeConstraint(
    object({
      name: kw("string"),
      retention: optional(kw("number"), lit(35)),
      copy: optional(kw("bool"), lit(false)),
      tags: optional(call("map", kw("string"))),
    }),
  ),
};
const listOfRules = parseTypeConstraint(call("list", object({ name: kw("string"), retention: optional(kw("number"), lit(35)) })));
const mapOfRules = parseTypeConstraint(call("map", object({ name: kw("string"), retention: optional(kw("number"), lit(35)) })));
const nested = parseTypeConstraint(
  object({
    backup: optional(object({ enabled: optional(kw("bool"), lit(true)), days: optional(kw("number"), lit(7)) }), obj({})),
  }),
);

type Row = [value: Value, type: TypeConstraint, expected: Value | RegExp];

describe("convertToType", () => {
  const rows: [string, ...Row][] = [
    ["number to string", 5, T.string, "5"],
    ["string to number", "5", T.number, 5],
    ["string to bool", "true", T.bool, true],
    ["null stays null", null, T.rule, null],
    ["unknown stays unknown", U, T.listString, U],
    ["a ref stays a ref", DB, T.string, DB],
    ["list elements", [1, "a", true], T.listString, ["1", "a", "true"]],
    ["unknown inside a list stays inside", ["a", U], T.listString, ["a", U]],
    ["set dedupes and sorts", ["b", "a", "b"], T.setString, ["a", "b"]],
    ["map values", o({ a: "1", b: 2 }), T.mapNumber, o({ a: 1, b: 2 })],
    ["tuple", ["x", "false"], T.tuple, ["x", false]],
    ["optional defaults", o({ name: "daily" }), T.rule, o({ name: "daily", retention: 35, copy: false, tags: null })],
    ["given values win", o({ name: "d", retention: "7", copy: true }), T.rule, o({ name: "d", retention: 7, copy: true, tags: null })],
    ["null gets the default", o({ name: "d", retention: null }), T.rule, o({ name: "d", retention: 35, copy: false, tags: null })],
    ["extra attributes are dropped", o({ name: "d", extra: 1 }), T.rule, o({ name: "d", retention: 35, copy: false, tags: null })],
    ["unknown attribute stays", o({ name: U }), T.rule, o({ name: U, retention: 35, copy: false, tags: null })],
    [
      "defaults inside list(object)",
      [o({ name: "a" }), o({ name: "b", retention: 1 })],
      listOfRules,
      [o({ name: "a", retention: 35 }), o({ name: "b", retention: 1 })],
    ],
    [
      "defaults inside map(object)",
      o({ x: o({ name: "a" }), y: o({ name: "b", retention: 2 }) }),
      mapOfRules,
      o({ x: o({ name: "a", retention: 35 }), y: o({ name: "b", retention: 2 }) }),
    ],
    ["nested object default gets its own defaults", o({}), nested, o({ backup: o({ enabled: true, days: 7 }) })],
    ["nested object given partially", o({ backup: o({ days: 1 }) }), nested, o({ backup: o({ enabled: true, days: 1 }) })],
    ["missing required attribute", o({ retention: 1 }), T.rule, /attribute "name" is required/],
    ["nested path in errors", [o({ name: "a", retention: "x" })], listOfRules, /element 0: attribute "retention": a number is required/],
    ["list is not a string", ["a"], T.string, /string required/],
    ["string is not a list", "a", T.listString, /list\(string\) required/],
    ["tuple length", ["a"], T.tuple, /exactly 2 elements/],
    ["bad number", "abc", T.number, /a number is required/],
    ["object required", ["a"], T.rule, /object required/],
  ];
  rows.forEach(([what, value, type, expected]) =>
    it(what, () => {
      if (expected instanceof RegExp) {
        expect(() => convertToType(value, type)).toThrow(EvalError);
        expect(() => convertToType(value, type)).toThrow(expected);
      } else {
        expect(convertToType(value, type)).toEqual(expected);
      }
    }),
  );

  it("any accepts everything as is", () => {
    const v = o({ a: [1, "x"] });
    expect(convertToType(v, { kind: "any" })).toBe(v);
  });
});
