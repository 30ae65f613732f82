import { describe, expect, it } from "vitest";
import { callFunction, isKnownFunction, type FunctionContext } from "../../src/terraform/functions.js";
import { EvalError, makeObject, ResourceRef, Unknown, type ObjectValue, type Value } from "../../src/terraform/value.js";

const U = new Unknown("not known until apply");
const DB = new ResourceRef("aws_db_instance.a", "arn");
const KEY = new ResourceRef("aws_kms_key.k", "arn");

/** Marks a row whose result must be an Unknown (any reason). */
const UNKNOWN = Symbol("unknown");

class Throws {
  constructor(readonly pattern: RegExp) {}
}
const err = (pattern: RegExp = /./): Throws => new Throws(pattern);

type Expected = Value | typeof UNKNOWN | Throws;
type Row = [args: Value[], expected: Expected];

const ctx: FunctionContext = {
  readFile: (path) => (path === "hello.txt" ? "Hello World" : new Unknown(`${path} is outside the scan root`)),
  renderTemplate: (path, vars) => `${path}:${JSON.stringify(vars)}`,
};

function label(args: Value[]): string {
  const text = args
    .map((a) => (a instanceof Unknown ? "<unknown>" : a instanceof ResourceRef ? `<${a.address}.${a.attribute}>` : JSON.stringify(a)))
    .join(", ");
  return text.length > 80 ? text.slice(0, 77) + "..." : text;
}

function check(name: string, args: Value[], expected: Expected): void {
  if (expected instanceof Throws) {
    expect(() => callFunction(name, args, ctx)).toThrow(EvalError);
    expect(() => callFunction(name, args, ctx)).toThrow(expected.pattern);
    return;
  }
  const result = callFunction(name, args, ctx);
  if (expected === UNKNOWN) expect(result).toBeInstanceOf(Unknown);
  else if (expected instanceof Unknown || expected instanceof ResourceRef) expect(result).toBe(expected);
  else expect(result).toEqual(expected);
}

function fn(name: string, rows: Row[]): void {
  describe(name, () => {
    rows.forEach(([args, expected], i) => {
      it(`${name}(${label(args)}) #${i}`, () => check(name, args, expected));
    });
  });
}

const o = (entries: Record<string, Value>): ObjectValue => makeObject(Object.entries(entries));

describe("callFunction", () => {
  it("rejects unknown functions", () => {
    expect(() => callFunction("nosuch", [], ctx)).toThrow(/Call to unknown function/);
  });
  it("checks arity", () => {
    expect(() => callFunction("lower", [], ctx)).toThrow(/Not enough function arguments/);
    expect(() => callFunction("lower", ["a", "b"], ctx)).toThrow(/Too many function arguments/);
  });
  it("accepts the core:: namespace", () => {
    expect(callFunction("core::upper", ["a"], ctx)).toBe("A");
  });
  it("answers provider functions with Unknown", () => {
    expect(callFunction("provider::aws::arn_parse", ["x"], ctx)).toBeInstanceOf(Unknown);
  });
  it("leaves try and can to the evaluator", () => {
    expect(() => callFunction("try", [1], ctx)).toThrow(EvalError);
  });
  it("knows its names", () => {
    expect(isKnownFunction("merge")).toBe(true);
    expect(isKnownFunction("core::merge")).toBe(true);
    expect(isKnownFunction("try")).toBe(false);
  });
});

// ---------------------------------------------------------------- collections

fn("merge", [
  [[o({ a: "b", c: "d" }), o({ e: "f", c: "z" })], o({ a: "b", c: "z", e: "f" })],
  [[o({ a: "b" }), o({ a: [1, 2], c: "z" }), o({ d: 3 })], o({ a: [1, 2], c: "z", d: 3 })],
  [[], o({})],
  [[null, o({ a: 1 })], o({ a: 1 })],
  [[o({ a: 1 }), o({ b: U })], o({ a: 1, b: U })],
  [[o({ a: 1 }), o({ db: DB })], o({ a: 1, db: DB })],
  [[o({ a: 1 }), U], U],
  [[o({ a: 1 }), DB], UNKNOWN],
  [[o({ a: 1 }), ["x"]], err(/arguments must be maps or objects/)],
]);

fn("lookup", [
  [[o({ a: "ay", b: "bee" }), "a", "what?"], "ay"],
  [[o({ a: "ay", b: "bee" }), "c", "what?"], "what?"],
  [[o({ a: "ay" }), "a"], "ay"],
  [[o({ a: "ay" }), "c"], err(/lookup failed to find key "c"/)],
  [[o({ a: U }), "a"], U],
  [[o({ a: DB }), "a"], DB],
  [[U, "a", "x"], U],
  [[o({ a: 1 }), U], U],
  [[null, "a"], err(/must not be null/)],
]);

fn("concat", [
  [[["a", ""], ["b", "c"]], ["a", "", "b", "c"]],
  [[[], []], []],
  [[[DB], ["x"]], [DB, "x"]],
  [[[DB], U], U],
  [[["a", U]], ["a", U]],
  [[["a"], "b"], err(/must be lists or tuples/)],
]);

fn("coalesce", [
  [["a", "b"], "a"],
  [["", "b"], "b"],
  [[1, 2], 1],
  [[null, "x"], "x"],
  [[1, "hello"], "1"],
  [[U, "x"], U],
  [["x", U], "x"],
  [[null, KEY], KEY],
  [[null, ""], err(/no non-null, non-empty-string arguments/)],
]);

fn("coalescelist", [
  [[["a", "b"], ["c", "d"]], ["a", "b"]],
  [[[], ["c", "d"]], ["c", "d"]],
  [[U, ["c"]], U],
  [[[], []], err(/no non-null arguments/)],
]);

fn("length", [
  [[[]], 0],
  [[["a", "b"]], 2],
  [[o({ a: "b" })], 1],
  [["hello"], 5],
  [["👾🕹️"], 2],
  [[[U, 1]], 2],
  [[o({ a: U })], 1],
  [[U], U],
  [[DB], UNKNOWN],
  [[null], err(/must not be null/)],
  [[5], err(/must be a string, a collection type, or a structural type/)],
]);

fn("keys", [
  [[o({ a: 1, c: 2, d: 3 })], ["a", "c", "d"]],
  [[o({ d: 1, a: 2 })], ["a", "d"]],
  [[o({ a: U })], ["a"]],
  [[U], U],
  [[["a"]], err()],
]);

fn("values", [
  [[o({ a: 3, c: 2, d: 1 })], [3, 2, 1]],
  [[o({ b: DB, a: "x" })], ["x", DB]],
  [[U], U],
]);

fn("element", [
  [[["a", "b", "c"], 1], "b"],
  [[["a", "b", "c"], 3], "a"],
  [[["a", "b", "c"], 2], "c"],
  [[[DB, "x"], 0], DB],
  [[[U, "x"], 0], U],
  [[["a"], U], U],
  [[[], 0], err(/empty list/)],
  [[["a"], -1], err(/negative index/)],
]);

fn("index", [
  [[["a", "b", "c"], "b"], 1],
  [[["a", U], "a"], 0],
  [[[U, "a"], "a"], UNKNOWN],
  [[["a", "b"], "z"], err(/item not found/)],
]);

fn("contains", [
  [[["a", "b", "c"], "a"], true],
  [[["a", "b", "c"], "d"], false],
  [[["a", U], "b"], UNKNOWN],
  [[["a", U], "a"], true],
  [[[DB], DB], true],
  [[[U], "a"], UNKNOWN],
  [[["a"], U], U],
  [[[1, 2], 1], true],
]);

fn("distinct", [
  [[["a", "b", "a", "c", "d", "b"]], ["a", "b", "c", "d"]],
  [[[DB, DB, KEY]], [DB, KEY]],
  [[["a", U]], U],
]);

fn("flatten", [
  [[[["a", "b"], [], ["c"]]], ["a", "b", "c"]],
  [[[[["a", "b"], []], ["c"]]], ["a", "b", "c"]],
  [[[[DB], ["x"]]], [DB, "x"]],
  [[[["a"], U]], U],
  [[U], U],
]);

fn("tomap", [
  [[o({ a: 1, b: 2 })], o({ a: 1, b: 2 })],
  [[o({ a: "foo", b: true })], o({ a: "foo", b: "true" })],
  [[null], null],
  [[U], U],
  [[["a"]], err(/cannot convert/)],
]);

fn("tolist", [
  [[["a", "b", "c"]], ["a", "b", "c"]],
  [[["a", "b", 3]], ["a", "b", "3"]],
  [[[DB, "x"]], [DB, "x"]],
  [[U], U],
  [[o({ a: 1 })], err(/cannot convert/)],
]);

fn("toset", [
  [[["a", "b", "c"]], ["a", "b", "c"]],
  [[["a", "b", 3]], ["3", "a", "b"]],
  [[["c", "b", "b"]], ["b", "c"]],
  [[[DB, DB]], [DB]],
  [[U], U],
]);

fn("tostring", [
  [["hello"], "hello"],
  [[1], "1"],
  [[1.5], "1.5"],
  [[true], "true"],
  [[null], null],
  [[DB], UNKNOWN],
  [[U], U],
  [[[]], err(/cannot convert tuple to string/)],
]);

fn("tonumber", [
  [[1], 1],
  [["1"], 1],
  [["-2.5"], -2.5],
  [[null], null],
  [[U], U],
  [["no"], err(/cannot convert "no" to number/)],
]);

fn("tobool", [
  [[true], true],
  [["true"], true],
  [["false"], false],
  [[null], null],
  [[U], U],
  [["no"], err(/cannot convert "no" to bool/)],
  [[1], err(/cannot convert number to bool/)],
]);

fn("slice", [
  [[["a", "b", "c", "d"], 1, 3], ["b", "c"]],
  [[[DB, "b"], 0, 1], [DB]],
  [[["a"], 0, 2], err(/end_index/)],
  [[["a", "b"], 2, 1], err(/start_index/)],
  [[U, 0, 1], U],
]);

fn("reverse", [
  [[[1, 2, 3]], [3, 2, 1]],
  [[[DB, 1]], [1, DB]],
]);

fn("sort", [
  [[["e", "d", "a", "x"]], ["a", "d", "e", "x"]],
  [[["b", 10, 9]], ["10", "9", "b"]],
  [[["a", U]], U],
]);

fn("zipmap", [
  [[["a", "b"], [1, 2]], o({ a: 1, b: 2 })],
  [[["a", "b"], [1, DB]], o({ a: 1, b: DB })],
  [[["a", U], [1, 2]], U],
  [[["a"], [1, 2]], err(/number of keys \(1\) does not match number of values \(2\)/)],
]);

fn("setunion", [
  [[["a", "b"], ["b", "c"], ["d"]], ["a", "b", "c", "d"]],
  [[["a"], U], U],
]);

fn("setintersection", [
  [[["a", "b"], ["b", "c"], ["b", "d"]], ["b"]],
  [[["a", "b"], ["c"]], []],
]);

fn("setsubtract", [
  [[["a", "b", "c"], ["a", "c"]], ["b"]],
]);

fn("setproduct", [
  [
    [["development", "staging"], ["app1", "app2"]],
    [
      ["development", "app1"],
      ["development", "app2"],
      ["staging", "app1"],
      ["staging", "app2"],
    ],
  ],
  [[["a"], []], []],
]);

fn("one", [
  [[[]], null],
  [[["hello"]], "hello"],
  [[[DB]], DB],
  [[null], null],
  [[U], U],
  [[["hello", "goodbye"]], err(/either zero or one elements/)],
]);

fn("sum", [
  [[[10, 13, 6, 4.5]], 33.5],
  [[["1", 2]], 3],
  [[[1, U]], U],
  [[[]], err(/cannot sum an empty list/)],
]);

fn("compact", [
  [[["a", "", "b", null, "c"]], ["a", "b", "c"]],
  [[["a", U]], U],
  [[["a", DB]], UNKNOWN],
]);

fn("chunklist", [
  [[["a", "b", "c", "d", "e"], 2], [["a", "b"], ["c", "d"], ["e"]]],
  [[["a", "b", "c", "d", "e"], 1], [["a"], ["b"], ["c"], ["d"], ["e"]]],
  [[["a"], -1], err(/positive/)],
]);

fn("alltrue", [
  [[["true", true]], true],
  [[[true, false]], false],
  [[[]], true],
  [[[U, false]], false],
  [[[U, true]], U],
]);

fn("anytrue", [
  [[["true"]], true],
  [[[true, false]], true],
  [[[]], false],
  [[[U, true]], true],
  [[[U, false]], U],
]);

fn("matchkeys", [
  [[["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"]], ["i-abc", "i-def"]],
]);

fn("transpose", [
  [[o({ a: ["1", "2"], b: ["2", "3"] })], o({ "1": ["a"], "2": ["a", "b"], "3": ["b"] })],
]);

fn("range", [
  [[3], [0, 1, 2]],
  [[1, 4], [1, 2, 3]],
  [[1, 8, 2], [1, 3, 5, 7]],
  [[1, 4, 0.5], [1, 1.5, 2, 2.5, 3, 3.5]],
  [[4, 1], [4, 3, 2]],
  [[10, 5, -2], [10, 8, 6]],
  [[0], []],
  [[1, 4, -1], err(/step must be positive/)],
  [[0, 2000], err(/more than 1024 values/)],
]);

// ---------------------------------------------------------------- strings

fn("format", [
  [["Hello, %s!", "Ander"], "Hello, Ander!"],
  [["There are %d lights", 4], "There are 4 lights"],
  [["%.2f", 3.14159], "3.14"],
  [["%5d|", 42], "   42|"],
  [["%-5d|", 42], "42   |"],
  [["%05d", -42], "-0042"],
  [["%+d", 5], "+5"],
  [["%x %X %o %b", 255, 255, 8, 5], "ff FF 10 101"],
  [["%e", 1000000], "1.000000e+06"],
  [["%g %g", 1000000, 0.5], "1e+06 0.5"],
  [["%f", 1.5], "1.500000"],
  [["%v %v %v", "a", 1.5, true], "a 1.5 true"],
  [["%v", 1000000], "1e+06"],
  [["%05s|%-3v|", "ab", "x"], "000ab|x  |"],
  [["%q", "<a>"], '"\\u003ca\\u003e"'],
  [["%v", [1, "a"]], '[1,"a"]'],
  [["%#v", "a"], '"a"'],
  [["%v", null], "null"],
  [["%q", "hi"], '"hi"'],
  [["%t", "true"], "true"],
  [["%s", 5], "5"],
  [["%.3s", "abcdef"], "abc"],
  [["%10s|%-4s|", "right", "l"], "     right|l   |"],
  [["100%%"], "100%"],
  [["%[2]s %[1]s", "a", "b"], "b a"],
  [["%s", U], U],
  [["%v", ["a", U]], U],
  [["%s", DB], UNKNOWN],
  [["%s %s", "a"], err(/not enough arguments/)],
  [["%s", "a", "b"], err(/too many arguments/)],
  [["%d", "abc"], err(/unsupported value for "%d"/)],
  [["%y", 1], err(/unsupported format verb/)],
  [["%d", 1.5], err(/integer/)],
  [["%s", [1]], err(/string required/)],
  [["%s", null], err(/null value cannot be formatted/)],
]);

fn("formatlist", [
  [["Hello, %s!", ["Valentina", "Ander"]], ["Hello, Valentina!", "Hello, Ander!"]],
  [["%s, %s%s", ["Valentina", "Ander"], "ohh", "!"], ["Valentina, ohh!", "Ander, ohh!"]],
  [["%s=%s", ["a", "b"], ["1", "2"]], ["a=1", "b=2"]],
  [["%s", ["a", U]], ["a", U]],
  [["%s", U], U],
  [["%s%s", ["a"], ["b", "c"]], err(/argument 2 has length 2, which is inconsistent with argument 1 of length 1/)],
]);

fn("join", [
  [[", ", ["foo", "bar", "baz"]], "foo, bar, baz"],
  [[", ", ["foo"]], "foo"],
  [["-", ["a"], ["b", 1]], "a-b-1"],
  [[",", ["a", U]], U],
  [[",", ["a", DB]], UNKNOWN],
  [[",", ["a", null]], err(/element 1 is null/)],
]);

fn("split", [
  [[",", "foo"], ["foo"]],
  [[",", "foo,bar,baz"], ["foo", "bar", "baz"]],
  [[",", ""], [""]],
  [[",", U], U],
]);

fn("replace", [
  [["1 + 2 + 3", "+", "-"], "1 - 2 - 3"],
  [["hello world", "/w.*d/", "everybody"], "hello everybody"],
  [["hello world", "/(w)(o)/", "$2${1}"], "hello owrld"],
  [["hello-world", "/(?P<first>\\w+)-(?P<second>\\w+)/", "${second} $first"], "world hello"],
  [["a.b", ".", "$$"], "a$$b"],
  [[U, "a", "b"], U],
]);

fn("regex", [
  [["[a-z]+", "53453453.345345aaabbbccc23454"], "aaabbbccc"],
  [["(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01"], ["2019", "02", "01"]],
  [
    ["^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/"],
    o({ authority: "terraform.io", scheme: "https" }),
  ],
  [["(?i)HELLO", "say hello"], "hello"],
  [["[a-z]+", "53453453.34534523454"], err(/did not match/)],
  [["(", "x"], err(/invalid regexp/)],
]);

fn("regexall", [
  [["[a-z]+", "1234abcd5678efgh9"], ["abcd", "efgh"]],
  [["[a-z]+", "123"], []],
  [["(\\d)(\\w)", "1a2b"], [["1", "a"], ["2", "b"]]],
]);

fn("lower", [
  [["HELLO"], "hello"],
  [["АЛЛО!"], "алло!"],
  [[U], U],
  [[null], err(/must not be null/)],
]);

fn("upper", [
  [["hello"], "HELLO"],
  [["алло!"], "АЛЛО!"],
]);

fn("title", [
  [["hello world"], "Hello World"],
  [["hello_world-again"], "Hello_world-Again"],
]);

fn("trimspace", [[["  hello\n\n"], "hello"]]);

fn("trim", [
  [["?!hello?!", "!?"], "hello"],
  [["foobar", "far"], "oob"],
  [["   hello! world.!  ", "! "], "hello! world."],
]);

fn("trimprefix", [
  [["helloworld", "hello"], "world"],
  [["helloworld", "cat"], "helloworld"],
]);

fn("trimsuffix", [
  [["helloworld", "world"], "hello"],
  [["helloworld", "cat"], "helloworld"],
]);

fn("chomp", [
  [["hello\n"], "hello"],
  [["hello\r\n"], "hello"],
  [["hello\n\n"], "hello"],
]);

fn("strrev", [
  [["hello"], "olleh"],
  [["a ☃"], "☃ a"],
]);

fn("indent", [[[2, "[\n  foo,\n  bar,\n]\n"], "[\n    foo,\n    bar,\n  ]\n  "]]);

fn("substr", [
  [["hello world", 1, 4], "ello"],
  [["🤔🤷", 0, 1], "🤔"],
  [["hello world", -5, -1], "world"],
  [["hello world", 6, 10], "world"],
  [["hello", 0, 0], ""],
  [["hello", 9, 1], err(/offset/)],
]);

fn("startswith", [
  [["hello world", "hello"], true],
  [["hello world", "world"], false],
  [[U, "x"], U],
]);

fn("endswith", [
  [["hello world", "world"], true],
  [["hello world", "hello"], false],
]);

fn("strcontains", [
  [["hello world", "wor"], true],
  [["hello world", "wod"], false],
]);

fn("urlencode", [
  [["Hello World!"], "Hello+World%21"],
  [["☃"], "%E2%98%83"],
  [["foo=bar&bar=baz"], "foo%3Dbar%26bar%3Dbaz"],
]);

fn("basename", [
  [["foo/bar/baz.txt"], "baz.txt"],
  [["/"], "/"],
]);

fn("dirname", [[["foo/bar/baz.txt"], "foo/bar"]]);

// ---------------------------------------------------------------- encoding

fn("jsonencode", [
  [[o({ hello: "world" })], '{"hello":"world"}'],
  [[o({ b: [1, 2.5, null, true], a: "x" })], '{"a":"x","b":[1,2.5,null,true]}'],
  [["<b>&"], '"\\u003cb\\u003e\\u0026"'],
  [[1e21], "1000000000000000000000"],
  [[o({ a: U })], U],
  [[[DB]], UNKNOWN],
]);

fn("jsondecode", [
  [['{"hello": "world"}'], o({ hello: "world" })],
  [["true"], true],
  [["[1, null]"], [1, null]],
  [[U], U],
  [["{nope"], err()],
]);

fn("yamlencode", [
  [[o({ a: "b", c: "d" })], '"a": "b"\n"c": "d"\n'],
  [[o({ foo: [1, 2, 3], bar: "baz" })], '"bar": "baz"\n"foo":\n- 1\n- 2\n- 3\n'],
  [[o({ foo: [1, o({ a: "b", c: "d" }), 3], bar: "baz" })], '"bar": "baz"\n"foo":\n- 1\n- "a": "b"\n  "c": "d"\n- 3\n'],
  [[o({ m: o({ x: o({ y: true }) }), e: [], n: null })], '"e": []\n"m":\n  "x":\n    "y": true\n"n": null\n'],
  [["hello"], '"hello"\n'],
  [[true], "true\n...\n"],
  [[null], "null\n...\n"],
  [[o({ s: "a\nb\n" })], '"s": |\n  a\n  b\n'],
  [[o({ a: U })], U],
]);

fn("base64encode", [[["Hello World"], "SGVsbG8gV29ybGQ="]]);

fn("base64decode", [
  [["SGVsbG8gV29ybGQ="], "Hello World"],
  [["not base64!"], err(/failed to decode base64/)],
  [["/w=="], err(/not valid UTF-8/)],
]);

fn("md5", [[["hello world"], "5eb63bbbe01eeed093cb22bb8f5acdc3"]]);
fn("sha1", [[["hello world"], "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"]]);
fn("sha256", [[["hello world"], "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"]]);
fn("base64sha256", [[["hello world"], "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="]]);

// ---------------------------------------------------------------- files

fn("file", [
  [["hello.txt"], "Hello World"],
  [["../../etc/passwd"], UNKNOWN],
  [[U], U],
]);

fn("filemd5", [[["hello.txt"], "b10a8db164e0754105b7a99be72e3fe5"]]);

fn("templatefile", [
  [["t.tpl", o({ a: 1 })], 't.tpl:{"a":1}'],
  [["t.tpl", U], U],
  [["t.tpl", "x"], err(/map or object required/)],
]);

// ---------------------------------------------------------------- numbers

fn("min", [
  [[12, 54, 3], 3],
  [["4", 5], 4],
  [[1, U], U],
  [[], err(/at least one number/)],
]);

fn("max", [[[12, 54, 3], 54]]);

fn("abs", [
  [[23], 23],
  [[0], 0],
  [[-12.4], 12.4],
]);

fn("ceil", [
  [[5], 5],
  [[5.1], 6],
]);

fn("floor", [
  [[5], 5],
  [[4.9], 4],
]);

fn("signum", [
  [[-13], -1],
  [[0], 0],
  [[344], 1],
]);

fn("pow", [
  [[3, 2], 9],
  [[4, 0], 1],
]);

fn("log", [[[16, 2], 4]]);

fn("parseint", [
  [["100", 10], 100],
  [["FF", 16], 255],
  [["-10", 16], -16],
  [["1011111011101111", 2], 48879],
  [["aA", 62], 656],
  [["12", 2], err(/cannot parse "12" as a base 2 integer/)],
  [["1", 1], err(/base/)],
]);

// ---------------------------------------------------------------- network

fn("cidrsubnet", [
  [["172.16.0.0/12", 4, 2], "172.18.0.0/16"],
  [["10.1.2.0/24", 4, 15], "10.1.2.240/28"],
  [["10.1.2.0/24", 4, 16], err(/does not accommodate/)],
  [["fd00:fd12:3456:7890::/56", 16, 162], UNKNOWN],
  [["not-a-cidr", 1, 1], err(/invalid CIDR/)],
]);

fn("cidrsubnets", [[["10.1.0.0/16", 4, 4, 8, 4], ["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]]]);

fn("cidrhost", [
  [["10.12.112.0/20", 16], "10.12.112.16"],
  [["10.12.112.0/20", 268], "10.12.113.12"],
]);

fn("cidrnetmask", [[["172.16.0.0/12"], "255.240.0.0"]]);

// ---------------------------------------------------------------- not static

fn("uuid", [[[], UNKNOWN]]);
fn("timestamp", [[[], UNKNOWN]]);
fn("bcrypt", [[["hello"], UNKNOWN]]);
fn("sensitive", [[[DB], DB]]);
fn("nonsensitive", [[["x"], "x"]]);
