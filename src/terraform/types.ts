/**
 * Type constraints of `variable` blocks and Terraform's conversion of a value
 * to such a type, including `optional(T, default)` attribute defaults.
 */
import type { Expr } from "../hcl/ast.js";
import { makeSet, toBoolValue, toNumberValue, toStringValue } from "./convert.js";
import { EvalError, isObject, isOpaque, makeObject, type ObjectValue, type Value } from "./value.js";

export interface ObjectAttribute {
  type: TypeConstraint;
  optional: boolean;
  /** Default of `optional(T, default)`, already converted to `type`; undefined when none. */
  default?: Value;
}

export type TypeConstraint =
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "bool" }
  | { kind: "any" }
  | { kind: "list"; element: TypeConstraint }
  | { kind: "set"; element: TypeConstraint }
  | { kind: "map"; element: TypeConstraint }
  | { kind: "tuple"; elements: TypeConstraint[] }
  | { kind: "object"; attributes: Map<string, ObjectAttribute> };

const ANY: TypeConstraint = { kind: "any" };

/** Terraform's spelling of a type, for messages. */
export function typeToString(t: TypeConstraint): string {
  switch (t.kind) {
    case "list":
    case "set":
    case "map":
      return `${t.kind}(${typeToString(t.element)})`;
    case "tuple":
      return `tuple([${t.elements.map(typeToString).join(", ")}])`;
    case "object":
      return `object({${[...t.attributes].map(([k, a]) => `${k}=${attributeToString(a)}`).join(", ")}})`;
    default:
      return t.kind;
  }
}

function attributeToString(a: ObjectAttribute): string {
  return a.optional ? `optional(${typeToString(a.type)})` : typeToString(a.type);
}

// ---------------------------------------------------------------------------
// Parsing

function invalid(what: string): EvalError {
  return new EvalError(`Invalid type specification: ${what}.`);
}

export function parseTypeConstraint(expr: Expr): TypeConstraint {
  return parseType(expr, false) as TypeConstraint;
}

/** In an object attribute position `optional(...)` is allowed and yields an ObjectAttribute. */
function parseType(expr: Expr, attributePosition: boolean): TypeConstraint | ObjectAttribute {
  switch (expr.kind) {
    case "parens":
      return parseType(expr.expr, attributePosition);
    case "variable":
      return keywordType(expr.name);
    case "literal":
      // Terraform 0.11 quoted types ("string", "list", "map").
      if (typeof expr.value === "string") return keywordType(expr.value);
      throw invalid("a type keyword or type constructor is required");
    case "call":
      if (expr.name === "optional") {
        if (!attributePosition) throw invalid('keyword "optional" is valid only as a modifier for object type attributes');
        return parseOptional(expr.args);
      }
      return parseConstructor(expr.name, expr.args);
    default:
      throw invalid("a type keyword or type constructor is required");
  }
}

function keywordType(name: string): TypeConstraint {
  switch (name) {
    case "string":
    case "number":
    case "bool":
    case "any":
      return { kind: name };
    // Bare collection keywords are the legacy spelling of list(any) etc.
    case "list":
    case "set":
    case "map":
      return { kind: name, element: ANY };
    default:
      throw invalid(`the keyword "${name}" is not a valid type`);
  }
}

function parseConstructor(name: string, args: Expr[]): TypeConstraint {
  if (args.length !== 1) throw invalid(`the ${name} type constructor requires one argument`);
  const arg = args[0]!;
  switch (name) {
    case "list":
    case "set":
    case "map":
      return { kind: name, element: parseTypeConstraint(arg) };
    case "tuple":
      if (arg.kind !== "tuple") throw invalid("the tuple type constructor requires a list of element types");
      return { kind: "tuple", elements: arg.items.map(parseTypeConstraint) };
    case "object":
      return parseObjectType(arg);
    default:
      throw invalid(`keyword "${name}" is not a valid type constructor`);
  }
}

function parseObjectType(arg: Expr): TypeConstraint {
  if (arg.kind !== "object") throw invalid("the object type constructor requires an object of attribute types");
  const attributes = new Map<string, ObjectAttribute>();
  for (const item of arg.items) {
    const key = literalValue(item.key);
    if (typeof key !== "string") throw invalid("object attribute names must be strings");
    const parsed = parseType(item.value, true);
    attributes.set(key, "optional" in parsed ? parsed : { type: parsed, optional: false });
  }
  return { kind: "object", attributes };
}

function parseOptional(args: Expr[]): ObjectAttribute {
  if (args.length < 1 || args.length > 2) throw invalid("optional requires a type and an optional default value");
  const type = parseTypeConstraint(args[0]!);
  if (args.length === 1) return { type, optional: true };
  const raw = literalValue(args[1]!);
  if (raw === null) return { type, optional: true };
  try {
    return { type, optional: true, default: convertToType(raw, type) };
  } catch (e) {
    if (e instanceof EvalError) throw invalid(`invalid default value for optional attribute: ${e.message}`);
    throw e;
  }
}

/** Evaluates a constant expression (the default of `optional`) without any scope. */
export function literalValue(expr: Expr): Value {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "parens":
      return literalValue(expr.expr);
    case "tuple":
      return expr.items.map(literalValue);
    case "object":
      return makeObject(expr.items.map((i) => [objectKey(i.key, i.bareKey), literalValue(i.value)]));
    case "template":
      return expr.parts.map((p) => (p.kind === "literal" ? p.value : notLiteral())).join("");
    case "unary":
      return unaryLiteral(expr.op, literalValue(expr.operand));
    case "variable":
      // A bare `null`, `true` or `false` may come through as a name.
      if (expr.name === "null") return null;
      if (expr.name === "true" || expr.name === "false") return expr.name === "true";
      return notLiteral();
    default:
      return notLiteral();
  }
}

function objectKey(key: Expr, bare: boolean): string {
  if (bare && key.kind === "variable") return key.name;
  const v = literalValue(key);
  const s = toStringValue(v);
  if (typeof s !== "string") throw invalid("object keys must be strings");
  return s;
}

function unaryLiteral(op: "!" | "-", v: Value): Value {
  if (op === "-" && typeof v === "number") return -v;
  if (op === "!" && typeof v === "boolean") return !v;
  return notLiteral();
}

function notLiteral(): never {
  throw invalid("default values must be constant expressions of literals");
}

// ---------------------------------------------------------------------------
// Conversion

/**
 * Converts a value to a type constraint as Terraform does for input variables.
 * Null converts to null of any type (defaults of a null object are not applied).
 * Unknown and ResourceRef are returned as they are: a ref stays a ref so a module
 * input still identifies the resource it came from.
 */
export function convertToType(v: Value, t: TypeConstraint): Value {
  return convertAt(v, t, "");
}

function fail(path: string, message: string): never {
  throw new EvalError(path ? `${path}: ${message}` : message);
}

function convertAt(v: Value, t: TypeConstraint, path: string): Value {
  if (v === null || isOpaque(v) || t.kind === "any") return v;
  switch (t.kind) {
    case "string":
    case "number":
    case "bool":
      return convertPrimitive(v, t.kind, path);
    case "list":
    case "set": {
      if (!Array.isArray(v)) fail(path, `${typeToString(t)} required`);
      const items = v.map((x, i) => convertAt(x, t.element, elementPath(path, i)));
      return t.kind === "set" ? makeSet(items) : items;
    }
    case "map":
      if (!isObject(v)) fail(path, `${typeToString(t)} required`);
      return makeObject(Object.entries(v).map(([k, x]) => [k, convertAt(x, t.element, keyPath(path, k))]));
    case "tuple":
      if (!Array.isArray(v)) fail(path, "tuple required");
      if (v.length !== t.elements.length) fail(path, `tuple required with exactly ${t.elements.length} elements`);
      return v.map((x, i) => convertAt(x, t.elements[i]!, elementPath(path, i)));
    case "object":
      if (!isObject(v)) fail(path, "object required");
      return convertObject(v, t.attributes, path);
  }
}

function convertPrimitive(v: Value, kind: "string" | "number" | "bool", path: string): Value {
  const structural = Array.isArray(v) || isObject(v);
  if (structural) fail(path, kind === "string" ? "string required" : `a ${kind} is required`);
  try {
    if (kind === "string") return toStringValue(v);
    return kind === "number" ? toNumberValue(v) : toBoolValue(v);
  } catch (e) {
    if (e instanceof EvalError) fail(path, `a ${kind} is required`);
    throw e;
  }
}

function convertObject(v: ObjectValue, attributes: Map<string, ObjectAttribute>, path: string): ObjectValue {
  const out = makeObject();
  for (const [name, attr] of attributes) {
    const given = v[name];
    const p = attrPath(path, name);
    if (given === undefined && !attr.optional) fail(path, `attribute "${name}" is required`);
    if ((given === undefined || given === null) && attr.optional) {
      out[name] = attr.default === undefined ? null : attr.default;
    } else {
      out[name] = convertAt(given ?? null, attr.type, p);
    }
  }
  return out;
}

function elementPath(path: string, i: number): string {
  return path ? `${path}: element ${i}` : `element ${i}`;
}

function keyPath(path: string, k: string): string {
  return path ? `${path}: element ${JSON.stringify(k)}` : `element ${JSON.stringify(k)}`;
}

function attrPath(path: string, name: string): string {
  return path ? `${path}: attribute "${name}"` : `attribute "${name}"`;
}
