/**
 * Terraform's built-in functions over three-valued `Value`s.
 *
 * Unknown propagation follows Terraform: a function that needs a whole value
 * returns Unknown (with that value's reason) when it is unknown, while a known
 * collection holding unknown elements still answers what it can
 * (`length([unknown, 1])` is 2). Functions that only move values around
 * (concat, flatten, element, lookup, merge, values, tolist, toset, slice...) keep
 * a ResourceRef itself in their result so it still identifies its resource; any
 * function that must look inside a value treats a ref as unknown.
 *
 * `try` and `can` need unevaluated arguments and belong to the evaluator.
 */
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { compareStrings, formatNumber, makeSet, toBoolValue, toNumberValue, toStringValue, unknownOf } from "./convert.js";
import {
  EvalError,
  firstUnknown,
  isObject,
  isOpaque,
  isRef,
  isWhollyKnown,
  makeObject,
  type ResourceRef,
  typeName,
  Unknown,
  valuesEqual,
  type ObjectValue,
  type Value,
} from "./value.js";

export interface FunctionContext {
  /** Contents of a file; the path is as written in the call. Unknown when it cannot or may not be read. */
  readFile(path: string): string | Unknown;
  /** `templatefile(path, vars)`: the rendered template. */
  renderTemplate(path: string, vars: ObjectValue): Value;
}

type Impl = (args: Value[], ctx: FunctionContext) => Value;

interface FunctionSpec {
  min: number;
  max: number;
  impl: Impl;
}

/** Thrown inside an implementation to make the whole result this Unknown. */
class Bail {
  constructor(readonly unknown: Unknown) {}
}

export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value {
  if (name.startsWith("provider::")) return new Unknown(`provider-defined function ${name} is not evaluated statically`);
  const bare = name.startsWith("core::") ? name.slice("core::".length) : name;
  if (bare === "try" || bare === "can") throw new EvalError(`${bare}() needs unevaluated arguments; the evaluator handles it`);
  const spec = FUNCTIONS.get(bare);
  if (!spec) throw new EvalError(`Call to unknown function: there is no function named "${name}".`);
  checkArity(bare, spec, args.length);
  try {
    return spec.impl(args, ctx);
  } catch (e) {
    if (e instanceof Bail) return e.unknown;
    throw e;
  }
}

/** True for every function name `callFunction` accepts (including those answered with Unknown). */
export function isKnownFunction(name: string): boolean {
  const bare = name.startsWith("core::") ? name.slice("core::".length) : name;
  return FUNCTIONS.has(bare);
}

function checkArity(name: string, spec: FunctionSpec, n: number): void {
  if (n < spec.min) {
    throw new EvalError(`Not enough function arguments: function "${name}" expects at least ${spec.min} argument(s), got ${n}.`);
  }
  if (n > spec.max) {
    throw new EvalError(`Too many function arguments: function "${name}" expects only ${spec.max} argument(s), got ${n}.`);
  }
}

// ---------------------------------------------------------------------------
// Argument helpers: each bails out with the argument's Unknown when it is opaque.

type Known = Exclude<Value, Unknown | ResourceRef>;

function known(v: Value | undefined): Known {
  const x = v ?? null;
  if (isOpaque(x)) throw new Bail(unknownOf(x));
  return x;
}

/** Like `known` but lets a ref through: it can still be compared with itself. */
function notUnknown(v: Value | undefined): Value {
  const x = v ?? null;
  if (x instanceof Unknown) throw new Bail(x);
  return x;
}

/** Bails unless the value is known all the way down. */
function whole(v: Value | undefined): Known {
  const x = v ?? null;
  if (!isWhollyKnown(x)) throw new Bail(firstUnknown(x)!);
  return x as Known;
}

function invalidArg(param: string, message: string): EvalError {
  return new EvalError(`Invalid value for "${param}" parameter: ${message}.`);
}

function notNull(v: Value | undefined, param: string): Known & {} {
  const x = known(v);
  if (x === null) throw invalidArg(param, "argument must not be null");
  return x;
}

function convertArg<T>(v: Value | undefined, param: string, conv: (v: Value) => T | null | Unknown): T {
  const x = notNull(v, param);
  try {
    return conv(x) as T;
  } catch (e) {
    if (e instanceof EvalError) throw invalidArg(param, e.message.replace(/^Invalid value: /, "").replace(/\.$/, ""));
    throw e;
  }
}

function str(v: Value | undefined, param = "str"): string {
  return convertArg(v, param, toStringValue);
}

function num(v: Value | undefined, param = "num"): number {
  return convertArg(v, param, toNumberValue);
}

function int(v: Value | undefined, param: string): number {
  const n = num(v, param);
  if (!Number.isInteger(n)) throw invalidArg(param, "value must be a whole number");
  return n;
}

function bool(v: Value | undefined, param: string): boolean {
  return convertArg(v, param, toBoolValue);
}

function list(v: Value | undefined, param = "list"): Value[] {
  const x = notNull(v, param);
  if (!Array.isArray(x)) throw invalidArg(param, `list, set, or tuple required, got ${typeName(x)}`);
  return x;
}

function obj(v: Value | undefined, param = "map"): ObjectValue {
  const x = notNull(v, param);
  if (!isObject(x)) throw invalidArg(param, `map or object required, got ${typeName(x)}`);
  return x;
}

function sortedKeys(o: ObjectValue): string[] {
  return Object.keys(o).sort(compareStrings);
}

/** A string element of a collection: unknown or ref elements make the result unknown. */
function elementString(v: Value, i: number): string {
  const x = known(v);
  if (x === null) throw new EvalError(`Invalid function argument: element ${i} is null; cannot concatenate null values.`);
  return str(x, `element ${i}`);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (g) => g.segment);
}

/**
 * Terraform converts the elements of tolist/tomap/toset to one type: mixed
 * primitives become strings. Opaque elements are left as they are.
 */
function unifyPrimitives(items: Value[]): Value[] {
  const kinds = new Set<string>();
  for (const x of items) {
    if (x === null || isOpaque(x)) continue;
    kinds.add(Array.isArray(x) || isObject(x) ? "structural" : typeof x);
  }
  if (kinds.size <= 1) return items;
  if (kinds.has("structural")) throw new EvalError("Invalid value: all elements must have the same type.");
  return items.map((x) => (x === null || isOpaque(x) ? x : (toStringValue(x) as string)));
}

/** Equality of set elements: refs are equal only to the same ref. */
function sameElement(a: Value, b: Value): boolean | Unknown {
  if (isRef(a) && isRef(b)) return a.address === b.address && a.attribute === b.attribute ? true : unknownOf(a);
  return valuesEqual(a, b);
}

// ---------------------------------------------------------------------------
// Collections

function merge(args: Value[]): Value {
  const out = makeObject();
  for (const a of args) {
    if (a === null) continue;
    const o = known(a);
    if (!isObject(o)) throw new EvalError(`Invalid function argument: arguments must be maps or objects, got "${typeName(o)}".`);
    for (const k of Object.keys(o)) out[k] = o[k]!;
  }
  return out;
}

function lookup(args: Value[]): Value {
  const o = obj(args[0], "inputMap");
  const k = str(args[1], "key");
  if (Object.hasOwn(o, k)) return o[k]!;
  if (args.length === 3) return args[2]!;
  throw new EvalError(`Invalid function argument: lookup failed to find key ${JSON.stringify(k)}.`);
}

function concat(args: Value[]): Value {
  const out: Value[] = [];
  for (const a of args) {
    const l = known(a);
    if (!Array.isArray(l)) throw new EvalError(`Invalid function argument: all arguments must be lists or tuples; got ${typeName(l)}.`);
    out.push(...l);
  }
  return out;
}

function coalesce(args: Value[]): Value {
  const primitiveKinds = new Set(args.filter((a) => a !== null && !isOpaque(a)).map((a) => typeof a));
  for (const a of args) {
    if (a instanceof Unknown) return a;
    // Deliberate: a ref is an apply-time id or arn, never "", so it is the answer.
    if (isRef(a)) return a;
    if (a === null || a === "") continue;
    if (primitiveKinds.size > 1 && !Array.isArray(a) && !isObject(a)) return toStringValue(a);
    return a;
  }
  throw new EvalError("Invalid function argument: no non-null, non-empty-string arguments.");
}

function coalescelist(args: Value[]): Value {
  for (const a of args) {
    if (a === null) continue;
    const l = list(a, "vals");
    if (l.length > 0) return l;
  }
  throw new EvalError("Invalid function argument: no non-null arguments.");
}

function length([v]: Value[]): Value {
  const x = notNull(v, "value");
  if (typeof x === "string") return graphemes(x).length;
  if (Array.isArray(x)) return x.length;
  if (isObject(x)) return Object.keys(x).length;
  throw invalidArg("value", "argument must be a string, a collection type, or a structural type");
}

function keys([m]: Value[]): Value {
  return sortedKeys(obj(m, "inputMap"));
}

function values([m]: Value[]): Value {
  const o = obj(m, "mapping");
  return sortedKeys(o).map((k) => o[k]!);
}

function element([l, i]: Value[]): Value {
  const items = list(l);
  const index = int(i, "index");
  if (items.length === 0) throw new EvalError("Invalid function argument: cannot use element function with an empty list.");
  if (index < 0) throw new EvalError("Invalid function argument: cannot use element function with a negative index.");
  return items[index % items.length]!;
}

function index([l, v]: Value[]): Value {
  const items = list(l);
  const target = notUnknown(v);
  for (let i = 0; i < items.length; i++) {
    const eq = valuesEqual(items[i]!, target);
    if (eq === true) return i;
    if (eq instanceof Unknown) throw new Bail(eq);
  }
  throw new EvalError("Invalid function argument: item not found.");
}

function contains([l, v]: Value[]): Value {
  const items = list(l);
  const target = notUnknown(v);
  let unknown: Unknown | undefined;
  for (const item of items) {
    const eq = sameElement(item, target);
    if (eq === true) return true;
    if (eq instanceof Unknown) unknown ??= eq;
  }
  return unknown ?? false;
}

function distinct([l]: Value[]): Value {
  const items = list(l);
  const out: Value[] = [];
  for (const item of items) {
    if (item instanceof Unknown) throw new Bail(item);
    if (!out.some((o) => sameElement(o, item) === true)) out.push(item);
  }
  return out;
}

function flatten([l]: Value[]): Value {
  const out: Value[] = [];
  const walk = (items: Value[]): void => {
    for (const item of items) {
      // An unknown element might itself be a list: the result's shape is unknown.
      if (item instanceof Unknown) throw new Bail(item);
      if (Array.isArray(item)) walk(item);
      else out.push(item);
    }
  };
  walk(list(l));
  return out;
}

function tomap([v]: Value[]): Value {
  const x = known(v);
  if (x === null) return null;
  if (!isObject(x)) throw invalidArg("v", `cannot convert ${typeName(x)} to map of any single type`);
  const ks = Object.keys(x);
  const vs = unifyPrimitives(ks.map((k) => x[k]!));
  return makeObject(ks.map((k, i) => [k, vs[i]!]));
}

function tolist([v]: Value[]): Value {
  const x = known(v);
  if (x === null) return null;
  if (!Array.isArray(x)) throw invalidArg("v", `cannot convert ${typeName(x)} to list of any single type`);
  return unifyPrimitives(x);
}

function toset([v]: Value[]): Value {
  const x = known(v);
  if (x === null) return null;
  if (!Array.isArray(x)) throw invalidArg("v", `cannot convert ${typeName(x)} to set of any single type`);
  return makeSet(unifyPrimitives(x));
}

function primitiveConversion(conv: (v: Value) => Value): Impl {
  return ([v]) => {
    const x = v ?? null;
    if (isOpaque(x)) return unknownOf(x);
    try {
      return conv(x);
    } catch (e) {
      if (e instanceof EvalError) throw invalidArg("v", e.message.replace(/^Invalid value: /, "").replace(/\.$/, ""));
      throw e;
    }
  };
}

function slice([l, s, e]: Value[]): Value {
  const items = list(l);
  const start = int(s, "start_index");
  const end = int(e, "end_index");
  if (start < 0) throw invalidArg("start_index", "must be greater than or equal to 0");
  if (end > items.length) throw invalidArg("end_index", "index out of range");
  if (start > end) throw new EvalError('Invalid function argument: "start_index" must be less than or equal to "end_index".');
  return items.slice(start, end);
}

function reverse([l]: Value[]): Value {
  return [...list(l)].reverse();
}

function sort([l]: Value[]): Value {
  const items = list(l);
  return items.map((v, i) => elementString(v, i)).sort(compareStrings);
}

function zipmap([k, v]: Value[]): Value {
  const ks = list(k, "keys");
  const vs = list(v, "values");
  if (ks.length !== vs.length) {
    throw new EvalError(`Invalid function argument: number of keys (${ks.length}) does not match number of values (${vs.length}).`);
  }
  return makeObject(ks.map((key, i) => [elementString(key, i), vs[i]!]));
}

function setunion(args: Value[]): Value {
  return makeSet(args.flatMap((a) => list(a, "sets")));
}

function setintersection([first, ...rest]: Value[]): Value {
  const others = rest.map((r) => list(r, "other_sets"));
  const keep = list(first, "first_set").filter((x) => others.every((o) => setHas(o, x)));
  return makeSet(keep);
}

function setsubtract([a, b]: Value[]): Value {
  const remove = list(b, "b");
  return makeSet(list(a, "a").filter((x) => !setHas(remove, x)));
}

/** Membership where an undecidable comparison makes the whole answer unknown. */
function setHas(set: Value[], x: Value): boolean {
  const r = contains([set, x]);
  if (r instanceof Unknown) throw new Bail(r);
  return r === true;
}

/** Most elements a function may generate from smaller arguments (setproduct, padding widths): beyond it, an error, not an out-of-memory. */
const MAX_GENERATED = 1_000_000;

function setproduct(args: Value[]): Value {
  const sets = args.map((a) => list(a, "sets"));
  const size = sets.reduce((n, s) => n * s.length, 1);
  if (size > MAX_GENERATED) throw new EvalError(`Invalid function argument: setproduct would generate ${size} elements, more than ${MAX_GENERATED}; it was not evaluated`);
  let out: Value[][] = [[]];
  for (const s of sets) out = out.flatMap((prefix) => s.map((x) => [...prefix, x]));
  return sets.length === 0 ? [] : out;
}

function one([l]: Value[]): Value {
  const x = known(l);
  if (x === null) return null;
  const items = list(x);
  if (items.length > 1) throw invalidArg("list", "must be a list, set, or tuple value with either zero or one elements");
  return items[0] ?? null;
}

function sum([l]: Value[]): Value {
  const items = list(l);
  if (items.length === 0) throw invalidArg("list", "cannot sum an empty list");
  return items.reduce<number>((acc, x, i) => {
    if (known(x) === null) throw new EvalError(`Invalid function argument: argument must be list, set, or tuple of number values; element ${i} is null.`);
    return acc + num(x, "list");
  }, 0);
}

function compact([l]: Value[]): Value {
  const out: string[] = [];
  list(l).forEach((x, i) => {
    if (known(x) === null) return;
    const s = elementString(x, i);
    if (s !== "") out.push(s);
  });
  return out;
}

function chunklist([l, n]: Value[]): Value {
  const items = list(l);
  const size = int(n, "size");
  if (size < 0) throw invalidArg("size", "the size argument must be positive");
  if (size === 0) return [items];
  const out: Value[] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** alltrue/anytrue: a decisive element wins even when others are unknown. */
function boolFold(decisive: boolean): Impl {
  return ([l]) => {
    let unknown: Unknown | undefined;
    for (const x of list(l)) {
      if (isOpaque(x)) {
        unknown ??= unknownOf(x);
        continue;
      }
      const b = x === null ? false : bool(x, "list");
      if (b === decisive) return decisive;
    }
    return unknown ?? !decisive;
  };
}

function matchkeys([v, k, s]: Value[]): Value {
  const vals = list(v, "values");
  const ks = list(k, "keys");
  const search = list(s, "searchset");
  if (vals.length !== ks.length) throw new EvalError('Invalid function argument: length of keys and values should be equal.');
  return vals.filter((_, i) => setHas(search, ks[i]!));
}

function transpose([m]: Value[]): Value {
  const o = obj(m, "values");
  const out = new Map<string, string[]>();
  for (const k of sortedKeys(o)) {
    list(o[k], "values").forEach((x, i) => {
      const s = elementString(x, i);
      out.set(s, [...(out.get(s) ?? []), k]);
    });
  }
  return makeObject([...out].map(([k, vs]) => [k, vs]));
}

function range(args: Value[]): Value {
  const ns = args.map((a, i) => num(a, ["start", "limit", "step"][i]!));
  const [start, limit] = ns.length === 1 ? [0, ns[0]!] : [ns[0]!, ns[1]!];
  const step = ns[2] ?? (start <= limit ? 1 : -1);
  if (step === 0) throw invalidArg("step", "step must not be zero");
  if (start < limit && step < 0) throw invalidArg("step", "step must be positive when start is less than limit");
  if (start > limit && step > 0) throw invalidArg("step", "step must be negative when start is greater than limit");
  const out: number[] = [];
  for (let x = start; step > 0 ? x < limit : x > limit; x += step) {
    if (out.length >= 1024) throw new EvalError("Invalid function argument: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step.");
    out.push(x);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Strings

function stringFn(f: (s: string) => Value): Impl {
  return ([s]) => f(str(s));
}

function join([sep, ...lists]: Value[]): Value {
  const separator = str(sep, "separator");
  if (lists.length === 0) throw new EvalError("Not enough function arguments: at least one list is required.");
  return lists.flatMap((l) => list(l, "lists").map((x, i) => elementString(x, i))).join(separator);
}

function split([sep, s]: Value[]): Value {
  const separator = str(sep, "separator");
  const text = str(s);
  return separator === "" ? [...text] : text.split(separator);
}

function replace([s, sub, rep]: Value[]): Value {
  const text = str(s);
  const pattern = str(sub, "substr");
  const replacement = str(rep, "replace");
  if (pattern.length > 1 && pattern.startsWith("/") && pattern.endsWith("/")) {
    const re = compileRegex(pattern.slice(1, -1), true);
    return text.replace(re, (...m: unknown[]) => expandTemplate(replacement, matchGroups(m)));
  }
  return pattern === "" ? interleave(text, replacement) : text.split(pattern).join(replacement);
}

/** Go's strings.Replace with an empty old string inserts at every rune boundary. */
function interleave(text: string, replacement: string): string {
  return replacement + [...text].map((c) => c + replacement).join("");
}

interface Groups {
  numbered: (string | undefined)[];
  named: Record<string, string | undefined>;
}

function matchGroups(m: unknown[]): Groups {
  const last = m[m.length - 1];
  const hasNamed = typeof last === "object" && last !== null;
  const end = hasNamed ? m.length - 3 : m.length - 2;
  return {
    numbered: m.slice(0, end) as (string | undefined)[],
    named: hasNamed ? (last as Record<string, string | undefined>) : {},
  };
}

/** Go's regexp Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expandTemplate(template: string, g: Groups): string {
  return template.replace(/\$(?:\$|\{(\w+)\}|(\w+))/g, (all, braced: string | undefined, bare: string | undefined) => {
    if (all === "$$") return "$";
    const name = braced ?? bare!;
    const value = /^\d+$/.test(name) ? g.numbered[Number(name)] : g.named[name];
    return value ?? "";
  });
}

/** RE2 syntax is close to JS; the differences we translate are `(?P<name>` and leading flag groups. */
function compileRegex(pattern: string, global: boolean): RegExp {
  let source = pattern.replace(/\(\?P</g, "(?<");
  let flags = global ? "g" : "";
  const lead = /^\(\?([imsU]+)\)/.exec(source);
  if (lead) {
    source = source.slice(lead[0].length);
    flags += [...new Set(lead[1]!.replace("U", ""))].join("");
  }
  source = source.replace(/\\z/g, "$").replace(/\\A/g, "^");
  try {
    return new RegExp(source, flags + "u");
  } catch {
    try {
      return new RegExp(source, flags);
    } catch (e) {
      throw invalidArg("pattern", `invalid regexp pattern: ${(e as Error).message}`);
    }
  }
}

function regexResult(re: RegExp, m: RegExpExecArray): Value {
  const groupCount = m.length - 1;
  if (groupCount === 0) return m[0];
  const names = m.groups ? Object.keys(m.groups) : [];
  if (names.length === 0) return m.slice(1).map((x) => x ?? null);
  if (names.length !== groupCount) throw invalidArg("pattern", `invalid regexp pattern: cannot mix both named and unnamed capture groups in ${re.source}`);
  return makeObject(names.map((n) => [n, m.groups![n] ?? null]));
}

function regex([p, s]: Value[]): Value {
  const re = compileRegex(str(p, "pattern"), false);
  const m = re.exec(str(s, "string"));
  if (!m) throw new EvalError("Invalid function argument: pattern did not match any part of the given string.");
  return regexResult(re, m);
}

function regexall([p, s]: Value[]): Value {
  const re = compileRegex(str(p, "pattern"), true);
  return [...str(s, "string").matchAll(re)].map((m) => regexResult(re, m));
}

/** Go's strings.Title: upper-cases the first letter of each word. */
function title(s: string): string {
  let prevSeparator = true;
  let out = "";
  for (const c of s) {
    out += prevSeparator ? c.toUpperCase() : c;
    prevSeparator = isTitleSeparator(c);
  }
  return out;
}

function isTitleSeparator(c: string): boolean {
  if (c.codePointAt(0)! < 0x80) return !/[A-Za-z0-9_]/.test(c);
  if (/[\p{L}\p{N}]/u.test(c)) return false;
  return /\s/u.test(c);
}

function trim([s, cut]: Value[]): Value {
  const text = [...str(s)];
  const cutset = new Set(str(cut, "cutset"));
  let start = 0;
  let end = text.length;
  while (start < end && cutset.has(text[start]!)) start++;
  while (end > start && cutset.has(text[end - 1]!)) end--;
  return text.slice(start, end).join("");
}

function trimprefix([s, p]: Value[]): Value {
  const text = str(s);
  const prefix = str(p, "prefix");
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function trimsuffix([s, p]: Value[]): Value {
  const text = str(s);
  const suffix = str(p, "suffix");
  return text.endsWith(suffix) && suffix !== "" ? text.slice(0, -suffix.length) : text;
}

function substr([s, o, l]: Value[]): Value {
  const chars = graphemes(str(s));
  let offset = int(o, "offset");
  const length = int(l, "length");
  if (offset < 0) offset = Math.max(0, chars.length + offset);
  if (offset > chars.length) throw invalidArg("offset", "offset must be less than or equal to the length of the string");
  const end = length < 0 ? chars.length : Math.min(chars.length, offset + length);
  return chars.slice(offset, end).join("");
}

function stringPredicate(param: string, f: (s: string, t: string) => boolean): Impl {
  return ([s, t]) => f(str(s), str(t, param));
}

function format([f, ...rest]: Value[]): Value {
  const spec = str(f, "format");
  rest.forEach(whole);
  return formatString(spec, rest);
}

/** formatlist: list arguments are iterated in step, other arguments repeat. */
function formatlist([f, ...rest]: Value[]): Value {
  const spec = str(f, "format");
  let n: number | undefined;
  let chooser = 0;
  rest.forEach((a, i) => {
    const x = known(a);
    if (!Array.isArray(x)) return;
    if (n !== undefined && n !== x.length) {
      throw new EvalError(
        `Invalid function argument: argument ${i + 1} has length ${x.length}, which is inconsistent with argument ${chooser + 1} of length ${n}.`,
      );
    }
    if (n === undefined) chooser = i;
    n = x.length;
  });
  if (n === undefined) return [formatString(spec, rest.map(whole))];
  const out: Value[] = [];
  for (let i = 0; i < n; i++) {
    const row = rest.map((a) => (Array.isArray(a) ? a[i]! : a));
    out.push(isWhollyKnown(row) ? formatString(spec, row) : firstUnknown(row)!);
  }
  return out;
}

function indent([n, s]: Value[]): Value {
  const spaces = int(n, "spaces");
  if (spaces > MAX_GENERATED) throw invalidArg("spaces", `more than ${MAX_GENERATED} spaces`);
  const pad = " ".repeat(Math.max(0, spaces));
  return str(s).split("\n").join("\n" + pad);
}

function urlencode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");
}

function parseint([s, b]: Value[]): Value {
  const text = str(s, "number");
  const base = int(b, "base");
  if (base < 2 || base > 62) throw invalidArg("base", "base must be a whole number between 2 and 62 inclusive");
  const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const alphabet = base <= 36 ? digits.slice(0, base) + digits.slice(10, base).toUpperCase() : digits.slice(0, base);
  const m = /^([+-]?)(.+)$/.exec(text);
  if (!m || ![...m[2]!].every((c) => alphabet.includes(c))) {
    throw invalidArg("number", `cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
  }
  let value = 0n;
  for (const c of m[2]!) value = value * BigInt(base) + BigInt(digits.indexOf(base <= 36 ? c.toLowerCase() : c));
  return Number(m[1] === "-" ? -value : value);
}

// ---------------------------------------------------------------------------
// Encoding, hashing, files

function hash(algorithm: string, encoding: "hex" | "base64"): (s: string) => string {
  return (s) => createHash(algorithm).update(s, "utf8").digest(encoding);
}

function base64decode(s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
    throw invalidArg("str", "failed to decode base64 data");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(s, "base64"));
  } catch {
    throw invalidArg("str", "the result of decoding the provided string is not valid UTF-8");
  }
}

function jsondecode(s: string): Value {
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch (e) {
    throw invalidArg("str", `${(e as Error).message}`);
  }
  return fromJson(parsed);
}

function fromJson(x: unknown): Value {
  if (x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  if (Array.isArray(x)) return x.map(fromJson);
  return makeObject(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, fromJson(v)]));
}

function fileContent(ctx: FunctionContext, path: Value | undefined): string {
  const text = ctx.readFile(str(path, "path"));
  if (text instanceof Unknown) throw new Bail(text);
  return text;
}

function fileFn(transform: (s: string) => Value): Impl {
  return ([p], ctx) => transform(fileContent(ctx, p));
}

function templatefile([p, v]: Value[], ctx: FunctionContext): Value {
  const path = str(p, "path");
  const vars = obj(v, "vars");
  return ctx.renderTemplate(path, vars);
}

// ---------------------------------------------------------------------------
// Numbers

function numberFn(f: (n: number) => number): Impl {
  return ([n]) => f(num(n));
}

function minmax(pick: (...ns: number[]) => number): Impl {
  return (args) => {
    if (args.length === 0) throw new EvalError("Invalid function argument: must pass at least one number.");
    return pick(...args.map((a) => num(a, "numbers")));
  };
}

// ---------------------------------------------------------------------------
// Network (IPv4 only)

function parseCidr(prefix: string): { base: number; bits: number } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(prefix);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const bits = m ? Number(m[5]) : NaN;
  if (!m || octets.some((o) => o > 255) || bits > 32) {
    if (prefix.includes(":")) throw new Bail(new Unknown("IPv6 CIDR functions are not evaluated statically"));
    throw invalidArg("prefix", `invalid CIDR address: ${prefix}`);
  }
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: addr - (addr % size), bits };
}

function ipv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

function cidrsubnet([p, nb, nn]: Value[]): Value {
  const { base, bits } = parseCidr(str(p, "prefix"));
  const newbits = int(nb, "newbits");
  const netnum = int(nn, "netnum");
  const total = bits + newbits;
  if (newbits < 0 || total > 32) throw invalidArg("newbits", `insufficient address space to extend prefix of ${bits} by ${newbits}`);
  if (netnum < 0 || netnum >= 2 ** newbits) throw invalidArg("netnum", `prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return `${ipv4(base + netnum * 2 ** (32 - total))}/${total}`;
}

function cidrsubnets([p, ...nbs]: Value[]): Value {
  const { base, bits } = parseCidr(str(p, "prefix"));
  let next = base;
  return nbs.map((nb) => {
    const total = bits + int(nb, "newbits");
    if (total > 32) throw invalidArg("newbits", `would extend prefix to ${total} bits, which is too long for an IPv4 address`);
    const size = 2 ** (32 - total);
    const start = Math.ceil((next - base) / size) * size + base;
    if (start + size > base + 2 ** (32 - bits)) throw invalidArg("newbits", "not enough remaining address space");
    next = start + size;
    return `${ipv4(start)}/${total}`;
  });
}

function cidrhost([p, h]: Value[]): Value {
  const { base, bits } = parseCidr(str(p, "prefix"));
  const size = 2 ** (32 - bits);
  let host = int(h, "hostnum");
  if (host < 0) host += size;
  if (host < 0 || host >= size) throw invalidArg("hostnum", `prefix of ${bits} does not accommodate a host numbered ${int(h, "hostnum")}`);
  return ipv4(base + host);
}

function cidrnetmask([p]: Value[]): Value {
  const { bits } = parseCidr(str(p, "prefix"));
  return ipv4(2 ** 32 - 2 ** (32 - bits));
}

// ---------------------------------------------------------------------------
// format(): Terraform's fmt-like verbs

interface Verb {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  verb: string;
  /** The verb as written (`%5d`), for messages. */
  raw: string;
  /** Offset of the verb in the format string, for messages. */
  at: number;
}

const VERB = /%([-+# 0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?([a-zA-Z%])?/y;

function formatString(spec: string, args: Value[]): string {
  let out = "";
  let next = 0;
  let used = 0;
  let i = 0;
  while (i < spec.length) {
    const pct = spec.indexOf("%", i);
    if (pct < 0) return finishFormat(out + spec.slice(i), used, args.length);
    out += spec.slice(i, pct);
    VERB.lastIndex = pct;
    const m = VERB.exec(spec)!;
    i = VERB.lastIndex;
    const [, flags = "", explicit, width, precision, verb] = m;
    if (verb === undefined) throw new EvalError(`Error in function call: invalid format string starting at offset ${pct}.`);
    if (verb === "%") {
      out += "%";
      continue;
    }
    const argIndex = explicit !== undefined ? Number(explicit) - 1 : next;
    if (argIndex < 0 || argIndex >= args.length) {
      throw new EvalError(`Error in function call: not enough arguments for "%${verb}" at ${pct}: need index ${argIndex + 1} but have ${args.length} total.`);
    }
    next = argIndex + 1;
    used = Math.max(used, next);
    const w = width === undefined ? undefined : Number(width);
    const p = precision === undefined ? undefined : Number(precision || "0");
    if ((w ?? 0) > MAX_GENERATED || (p ?? 0) > MAX_GENERATED) throw new EvalError(`Error in function call: the width or precision at offset ${pct} is above ${MAX_GENERATED}.`);
    out += formatVerb({ flags, width: w, precision: p, verb, raw: m[0], at: pct }, args[argIndex]!);
  }
  return finishFormat(out, used, args.length);
}

function finishFormat(out: string, used: number, given: number): string {
  if (used < given) throw new EvalError(`Error in function call: too many arguments; only ${used} used by format string.`);
  return out;
}

function formatVerb(v: Verb, arg: Value): string {
  if (arg === null && v.verb !== "v") throw verbError(v, "null value cannot be formatted");
  switch (v.verb) {
    case "v":
      if (typeof arg === "string" && !v.flags.includes("#")) return padText(v, arg);
      if (typeof arg === "number" && !v.flags.includes("#")) return padText(v, formatG(arg, undefined, false));
      return padText(v, jsonEncode(arg));
    case "s":
      return padText(v, truncate(verbString(v, arg), v.precision));
    case "q":
      return padText(v, jsonString(truncate(verbString(v, arg), v.precision)));
    case "t":
      return String(verbConvert(v, arg, toBoolValue, "bool required"));
    case "d":
    case "b":
    case "o":
    case "x":
    case "X":
      return formatInteger(v, verbConvert(v, arg, toNumberValue, "number required"));
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      return formatFloat(v, verbConvert(v, arg, toNumberValue, "number required"));
    default:
      throw new EvalError(`Error in function call: unsupported format verb "${v.verb}" in "${v.raw}" at offset ${v.at}.`);
  }
}

function verbError(v: Verb, message: string): EvalError {
  return new EvalError(`Error in function call: unsupported value for "${v.raw}" at ${v.at}: ${message}.`);
}

function verbConvert<T>(v: Verb, arg: Value, conv: (x: Value) => T | null | Unknown, message: string): T {
  if (Array.isArray(arg) || isObject(arg)) throw verbError(v, message);
  try {
    return conv(arg) as T;
  } catch (e) {
    if (e instanceof EvalError) throw verbError(v, message);
    throw e;
  }
}

function verbString(v: Verb, arg: Value): string {
  return verbConvert(v, arg, toStringValue, "string required");
}

/** String precision counts grapheme clusters; 0 means no limit, as in cty. */
function truncate(s: string, precision: number | undefined): string {
  return precision ? graphemes(s).slice(0, precision).join("") : s;
}

/** cty pads non-numeric verbs itself: grapheme clusters, `0` flag pads with zeros. */
function padText(v: Verb, s: string): string {
  const fill = (v.width ?? 0) - graphemes(s).length;
  if (fill <= 0) return s;
  const pads = (v.flags.includes("0") ? "0" : " ").repeat(fill);
  return v.flags.includes("-") ? s + pads : pads + s;
}

function signed(v: Verb, n: number, digits: string): string {
  if (n < 0 || Object.is(n, -0)) return "-" + digits;
  if (v.flags.includes("+")) return "+" + digits;
  return v.flags.includes(" ") ? " " + digits : digits;
}

function formatInteger(v: Verb, n: number): string {
  if (!Number.isInteger(n)) throw verbError(v, "an integer is required");
  const radix = { d: 10, b: 2, o: 8, x: 16, X: 16 }[v.verb as "d" | "b" | "o" | "x" | "X"];
  let digits = BigInt(Math.abs(n)).toString(radix);
  if (v.verb === "X") digits = digits.toUpperCase();
  if (v.precision !== undefined) digits = digits.padStart(v.precision, "0");
  return padNumber(v, signed(v, n, digits));
}

/** Numeric verbs follow Go's fmt: the sign stays in front of zero padding. */
function formatFloat(v: Verb, n: number): string {
  const a = Math.abs(n);
  const lower = v.verb.toLowerCase();
  let digits: string;
  if (lower === "f") digits = a.toFixed(v.precision ?? 6);
  else if (lower === "e") digits = goExponent(a.toExponential(v.precision ?? 6));
  else digits = formatG(a, v.precision, v.flags.includes("#"));
  if (v.verb === "E" || v.verb === "G") digits = digits.toUpperCase();
  return padNumber(v, signed(v, n, digits));
}

/** Go writes at least two exponent digits: 1e+06. */
function goExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/** Go's %g: exponent form when exp < -4 or exp >= precision (6 when shortest). */
function formatG(a: number, precision: number | undefined, keepZeros: boolean): string {
  const p = precision === undefined ? undefined : Math.max(1, precision);
  const exp = a === 0 ? 0 : Number(a.toExponential(p === undefined ? undefined : p - 1).split("e")[1]);
  const limit = p ?? 21;
  const eprec = p === undefined ? 6 : limit;
  const strip = (s: string): string => (keepZeros || !s.includes(".") ? s : s.replace(/\.?0+$/, ""));
  if (exp < -4 || exp >= eprec) {
    const [mant, e] = a.toExponential(p === undefined ? undefined : p - 1).split("e");
    return goExponent(`${strip(mant!)}e${e}`);
  }
  if (p === undefined) return formatNumber(a);
  return strip(a.toFixed(Math.max(0, p - 1 - exp)));
}

function padNumber(v: Verb, s: string): string {
  const len = [...s].length;
  if (v.width === undefined || len >= v.width) return s;
  const fill = v.width - len;
  if (v.flags.includes("-")) return s + " ".repeat(fill);
  if (v.flags.includes("0")) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : "";
    return sign + "0".repeat(fill) + s.slice(sign.length);
  }
  return " ".repeat(fill) + s;
}

// ---------------------------------------------------------------------------
// jsonencode / yamlencode (callers pass wholly known values)

function jsonEncode(v: Value): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return jsonString(v);
  if (Array.isArray(v)) return `[${v.map(jsonEncode).join(",")}]`;
  if (isObject(v)) return `{${sortedKeys(v).map((k) => `${jsonString(k)}:${jsonEncode(v[k]!)}`).join(",")}}`;
  throw new Bail(unknownOf(v));
}

/** Go's encoding/json escapes HTML-significant characters and line separators. */
function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function yamlEncode(v: Value): string {
  if (isNonEmptyCollection(v)) return yamlNode(v).join("\n") + "\n";
  // go-yaml ends a document that is a single plain scalar with an explicit "...".
  if (v === null || typeof v === "number" || typeof v === "boolean") return `${yamlScalar(v)[0]}\n...\n`;
  // A top-level block scalar's content is indented like a mapping value's.
  const [first, ...rest] = yamlScalar(v);
  return [first, ...rest.map((l) => (l === "" ? l : "  " + l))].join("\n") + "\n";
}

function isNonEmptyCollection(v: Value): v is Value[] | ObjectValue {
  return Array.isArray(v) ? v.length > 0 : isObject(v) && Object.keys(v).length > 0;
}

/** Lines of a node; continuation lines of a block scalar are relative to the node's column. */
function yamlNode(v: Value): string[] {
  if (Array.isArray(v) && v.length > 0) {
    return v.flatMap((item) => yamlItem(item).map((l, i) => (i === 0 ? "- " + l : l === "" ? l : "  " + l)));
  }
  if (isObject(v) && Object.keys(v).length > 0) return sortedKeys(v).flatMap((k) => yamlEntry(k, v[k]!));
  return yamlScalar(v);
}

function yamlItem(v: Value): string[] {
  if (isNonEmptyCollection(v)) return yamlNode(v);
  return yamlScalar(v);
}

function yamlEntry(key: string, v: Value): string[] {
  const k = yamlQuoted(key) + ":";
  const indent = (l: string): string => (l === "" ? l : "  " + l);
  // go-yaml does not indent a sequence under its mapping key.
  if (Array.isArray(v) && v.length > 0) return [k, ...yamlNode(v)];
  if (isNonEmptyCollection(v)) return [k, ...yamlNode(v).map(indent)];
  const [first, ...rest] = yamlScalar(v);
  return [`${k} ${first}`, ...rest.map(indent)];
}

function yamlScalar(v: Value): string[] {
  if (v === null) return ["null"];
  if (typeof v === "boolean") return [String(v)];
  if (typeof v === "number") return [formatNumber(v)];
  if (Array.isArray(v)) return ["[]"];
  if (isObject(v)) return ["{}"];
  if (typeof v === "string") return yamlString(v);
  throw new Bail(unknownOf(v));
}

/** Multi-line strings become literal block scalars, others double-quoted scalars. */
function yamlString(s: string): string[] {
  const literal = s.includes("\n") && !/^[ \t]/.test(s) && !/[ \t]\n|[ \t]$/.test(s) && !/[\x00-\x08\x0b-\x1f\x7f]/.test(s);
  if (!literal) return [yamlQuoted(s)];
  const body = s.replace(/\n+$/, "");
  const trailing = s.length - body.length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const lines = body.split("\n");
  if (trailing > 1) lines.push(...Array<string>(trailing - 1).fill(""));
  return ["|" + chomp, ...lines];
}

function yamlQuoted(s: string): string {
  const escapes: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0" };
  return `"${s.replace(/["\\\x00-\x1f\x7f]/g, (c) => escapes[c] ?? "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"))}"`;
}

// ---------------------------------------------------------------------------
// Registry

const notStatic = (why: string): Impl => () => new Unknown(why);
const identity: Impl = ([v]) => v ?? null;
const removed = (name: string, instead: string): Impl => () => {
  throw new EvalError(`Call to unknown function: the "${name}" function was removed in Terraform v0.15; use ${instead} instead.`);
};

const V = Infinity;

const TABLE: [name: string, min: number, max: number, impl: Impl][] = [
  // collections
  ["merge", 0, V, merge],
  ["lookup", 2, 3, lookup],
  ["concat", 0, V, concat],
  ["coalesce", 0, V, coalesce],
  ["coalescelist", 0, V, coalescelist],
  ["length", 1, 1, length],
  ["keys", 1, 1, keys],
  ["values", 1, 1, values],
  ["element", 2, 2, element],
  ["index", 2, 2, index],
  ["contains", 2, 2, contains],
  ["distinct", 1, 1, distinct],
  ["flatten", 1, 1, flatten],
  ["tomap", 1, 1, tomap],
  ["tolist", 1, 1, tolist],
  ["toset", 1, 1, toset],
  ["tostring", 1, 1, primitiveConversion(toStringValue)],
  ["tonumber", 1, 1, primitiveConversion(toNumberValue)],
  ["tobool", 1, 1, primitiveConversion(toBoolValue)],
  ["slice", 3, 3, slice],
  ["reverse", 1, 1, reverse],
  ["sort", 1, 1, sort],
  ["zipmap", 2, 2, zipmap],
  ["setunion", 1, V, setunion],
  ["setintersection", 1, V, setintersection],
  ["setsubtract", 2, 2, setsubtract],
  ["setproduct", 1, V, setproduct],
  ["one", 1, 1, one],
  ["sum", 1, 1, sum],
  ["compact", 1, 1, compact],
  ["chunklist", 2, 2, chunklist],
  ["alltrue", 1, 1, boolFold(false)],
  ["anytrue", 1, 1, boolFold(true)],
  ["matchkeys", 3, 3, matchkeys],
  ["transpose", 1, 1, transpose],
  ["range", 1, 3, range],
  // strings
  ["format", 1, V, format],
  ["formatlist", 1, V, formatlist],
  ["join", 1, V, join],
  ["split", 2, 2, split],
  ["replace", 3, 3, replace],
  ["regex", 2, 2, regex],
  ["regexall", 2, 2, regexall],
  ["lower", 1, 1, stringFn((s) => s.toLowerCase())],
  ["upper", 1, 1, stringFn((s) => s.toUpperCase())],
  ["title", 1, 1, stringFn(title)],
  ["trimspace", 1, 1, stringFn((s) => s.trim())],
  ["chomp", 1, 1, stringFn((s) => s.replace(/(?:\r?\n)+$/, ""))],
  ["strrev", 1, 1, stringFn((s) => graphemes(s).reverse().join(""))],
  ["trim", 2, 2, trim],
  ["trimprefix", 2, 2, trimprefix],
  ["trimsuffix", 2, 2, trimsuffix],
  ["substr", 3, 3, substr],
  ["startswith", 2, 2, stringPredicate("prefix", (s, t) => s.startsWith(t))],
  ["endswith", 2, 2, stringPredicate("suffix", (s, t) => s.endsWith(t))],
  ["strcontains", 2, 2, stringPredicate("substr", (s, t) => s.includes(t))],
  ["indent", 2, 2, indent],
  ["urlencode", 1, 1, stringFn(urlencode)],
  // encoding
  ["jsonencode", 1, 1, ([v]) => jsonEncode(whole(v))],
  ["jsondecode", 1, 1, stringFn(jsondecode)],
  ["yamlencode", 1, 1, ([v]) => yamlEncode(whole(v))],
  ["yamldecode", 1, 1, notStatic("yamldecode is not evaluated statically")],
  ["csvdecode", 1, 1, notStatic("csvdecode is not evaluated statically")],
  ["base64encode", 1, 1, stringFn((s) => Buffer.from(s, "utf8").toString("base64"))],
  ["base64decode", 1, 1, stringFn(base64decode)],
  ["base64gzip", 1, 1, notStatic("base64gzip is not evaluated statically")],
  ["textencodebase64", 2, 2, notStatic("textencodebase64 is not evaluated statically")],
  ["textdecodebase64", 2, 2, notStatic("textdecodebase64 is not evaluated statically")],
  ["md5", 1, 1, stringFn(hash("md5", "hex"))],
  ["sha1", 1, 1, stringFn(hash("sha1", "hex"))],
  ["sha256", 1, 1, stringFn(hash("sha256", "hex"))],
  ["sha512", 1, 1, stringFn(hash("sha512", "hex"))],
  ["base64sha256", 1, 1, stringFn(hash("sha256", "base64"))],
  ["base64sha512", 1, 1, stringFn(hash("sha512", "base64"))],
  // files
  ["file", 1, 1, fileFn((s) => s)],
  ["filebase64", 1, 1, fileFn((s) => Buffer.from(s, "utf8").toString("base64"))],
  ["filemd5", 1, 1, fileFn(hash("md5", "hex"))],
  ["filesha1", 1, 1, fileFn(hash("sha1", "hex"))],
  ["filesha256", 1, 1, fileFn(hash("sha256", "hex"))],
  ["filesha512", 1, 1, fileFn(hash("sha512", "hex"))],
  ["filebase64sha256", 1, 1, fileFn(hash("sha256", "base64"))],
  ["filebase64sha512", 1, 1, fileFn(hash("sha512", "base64"))],
  ["templatefile", 2, 2, templatefile],
  ["fileexists", 1, 1, notStatic("fileexists is not evaluated statically")],
  ["fileset", 2, 2, notStatic("fileset is not evaluated statically")],
  ["templatestring", 2, 2, notStatic("templatestring is not evaluated statically")],
  ["abspath", 1, 1, notStatic("abspath depends on where Terraform runs")],
  ["pathexpand", 1, 1, notStatic("pathexpand depends on the home directory where Terraform runs")],
  ["basename", 1, 1, stringFn((s) => posix.basename(s) || (s.startsWith("/") ? "/" : "."))],
  ["dirname", 1, 1, stringFn((s) => posix.dirname(s))],
  // numbers
  ["min", 0, V, minmax(Math.min)],
  ["max", 0, V, minmax(Math.max)],
  ["abs", 1, 1, numberFn(Math.abs)],
  ["ceil", 1, 1, numberFn(Math.ceil)],
  ["floor", 1, 1, numberFn(Math.floor)],
  ["signum", 1, 1, numberFn((n) => Math.sign(n) + 0)],
  ["pow", 2, 2, ([a, b]) => num(a) ** num(b)],
  ["log", 2, 2, ([a, b]) => Math.log(num(a)) / Math.log(num(b, "base"))],
  ["parseint", 2, 2, parseint],
  // network
  ["cidrsubnet", 3, 3, cidrsubnet],
  ["cidrsubnets", 1, V, cidrsubnets],
  ["cidrhost", 2, 2, cidrhost],
  ["cidrnetmask", 1, 1, cidrnetmask],
  // not knowable before apply
  ["uuid", 0, 0, notStatic("uuid() is a new random value on every run")],
  ["uuidv5", 2, 2, notStatic("uuidv5 is not evaluated statically")],
  ["bcrypt", 1, 2, notStatic("bcrypt() uses a random salt")],
  ["timestamp", 0, 0, notStatic("timestamp() is the time of apply")],
  ["plantimestamp", 0, 0, notStatic("plantimestamp() is the time of plan")],
  ["timeadd", 2, 2, notStatic("timeadd is not evaluated statically")],
  ["timecmp", 2, 2, notStatic("timecmp is not evaluated statically")],
  ["formatdate", 2, 2, notStatic("formatdate is not evaluated statically")],
  ["rsadecrypt", 2, 2, notStatic("rsadecrypt is not evaluated statically")],
  ["issensitive", 1, 1, notStatic("sensitivity is not tracked")],
  // sensitivity is not tracked: these pass their value through
  ["sensitive", 1, 1, identity],
  ["nonsensitive", 1, 1, identity],
  ["ephemeralasnull", 1, 1, identity],
  ["list", 0, V, removed("list", "tolist")],
  ["map", 0, V, removed("map", "tomap")],
];

const FUNCTIONS = new Map<string, FunctionSpec>(TABLE.map(([name, min, max, impl]) => [name, { min, max, impl }]));

/** Names of all functions `callFunction` accepts. */
export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()];
