import { describe, expect, it } from "vitest";
import { formatNumber, makeSet, parseNumber, toBoolValue, toNumberValue, toStringValue } from "../../src/terraform/convert.js";
import { EvalError, makeObject, ResourceRef, Unknown, type Value } from "../../src/terraform/value.js";

const U = new Unknown("not known until apply");
const DB = new ResourceRef("aws_db_instance.a", "arn");
const UNKNOWN = Symbol("unknown");

class Throws {
  constructor(readonly pattern: RegExp) {}
}

type Row = [input: Value, expected: Value | typeof UNKNOWN | Throws];

function table(name: string, conv: (v: Value) => Value, rows: Row[]): void {
  describe(name, () => {
    rows.forEach(([input, expected], i) => {
      it(`#${i} ${input instanceof Unknown || input instanceof ResourceRef ? "<opaque>" : JSON.stringify(input)}`, () => {
        if (expected instanceof Throws) {
          expect(() => conv(input)).toThrow(EvalError);
          expect(() => conv(input)).toThrow(expected.pattern);
        } else if (expected === UNKNOWN) {
          expect(conv(input)).toBeInstanceOf(Unknown);
        } else if (expected instanceof Unknown) {
          expect(conv(input)).toBe(expected);
        } else {
          expect(conv(input)).toEqual(expected);
        }
      });
    });
  });
}

table("toStringValue", toStringValue, [
  ["hello", "hello"],
  [5, "5"],
  [-5, "-5"],
  [1.5, "1.5"],
  [0.1 + 0.2, "0.3"],
  [1e21, "1000000000000000000000"],
  [1.5e-7, "0.00000015"],
  [-0, "0"],
  [true, "true"],
  [false, "false"],
  [null, null],
  [U, U],
  [DB, UNKNOWN],
  [[], new Throws(/cannot convert tuple to string/)],
  [makeObject(), new Throws(/cannot convert object to string/)],
]);

table("toNumberValue", toNumberValue, [
  [5, 5],
  ["5", 5],
  ["-1.25", -1.25],
  ["1e3", 1000],
  [" 7 ", 7],
  [null, null],
  [U, U],
  [DB, UNKNOWN],
  ["five", new Throws(/cannot convert "five" to number; given string must be a decimal representation of a number/)],
  ["", new Throws(/cannot convert "" to number/)],
  [true, new Throws(/cannot convert bool to number/)],
  [[1], new Throws(/cannot convert tuple to number/)],
]);

table("toBoolValue", toBoolValue, [
  [true, true],
  ["true", true],
  ["false", false],
  ["1", true],
  ["0", false],
  [null, null],
  [U, U],
  [DB, UNKNOWN],
  ["True", new Throws(/only the strings "true" or "false" are allowed/)],
  [1, new Throws(/cannot convert number to bool/)],
]);

describe("formatNumber", () => {
  const rows: [number, string][] = [
    [0, "0"],
    [42, "42"],
    [-42, "-42"],
    [3.14, "3.14"],
    [1e20, "100000000000000000000"],
    [2 ** 70, "1180591620717411303424"],
    [1e-7, "0.0000001"],
    [-2.5e-8, "-0.000000025"],
    [123456.789, "123456.789"],
  ];
  rows.forEach(([n, text]) => it(`${n} → ${text}`, () => expect(formatNumber(n)).toBe(text)));
});

describe("parseNumber", () => {
  it("accepts decimal syntax only", () => {
    expect(parseNumber("12")).toBe(12);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("0x10")).toBeUndefined();
    expect(parseNumber("1,000")).toBeUndefined();
    expect(parseNumber("Infinity")).toBeUndefined();
  });
});

describe("makeSet", () => {
  const rows: [Value[], Value[]][] = [
    [["b", "a", "b"], ["a", "b"]],
    [[3, 1, 2, 1], [1, 2, 3]],
    [[DB, DB], [DB]],
    [[U, U, "a"], [U, U, "a"]],
    [[[1], [1], [2]], [[1], [2]]],
  ];
  rows.forEach(([input, out], i) => it(`#${i}`, () => expect(makeSet(input)).toEqual(out)));
});
