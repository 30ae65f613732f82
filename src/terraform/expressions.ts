/**
 * Evaluation of HCL expressions over the three-valued Value model. References
 * (`var.x`, `aws_s3_bucket.b.arn`, `module.m.out`) are resolved by the caller's
 * Resolver, so this file knows HCL semantics only, not Terraform's namespaces.
 */
import type { BinaryOp, Expr, TemplatePart, Traverser } from "../hcl/ast.js";
import { toBoolValue, toNumberValue, toStringValue } from "./convert.js";
import { callFunction, type FunctionContext } from "./functions.js";
import {
  EvalError,
  ResourceRef,
  Unknown,
  firstUnknown,
  isList,
  isObject,
  isOpaque,
  isUnknown,
  makeObject,
  typeName,
  valuesEqual,
  type ObjectValue,
  type Value,
} from "./value.js";

/** Marks an object that stands for a resource instance: absent attributes are computed ones. */
export const RESOURCE_ADDRESS = Symbol("restorable.resourceAddress");

export interface ResolvedRef {
  value: Value;
  /** How many traversal steps the resolver consumed. */
  consumed: number;
}

export interface Resolver {
  /** Resolve a root name with the steps that follow it, or throw EvalError for an undeclared one. */
  resolve(name: string, steps: readonly Traverser[], evaluate: (e: Expr) => Value): ResolvedRef;
}

export interface ExprContext {
  resolver: Resolver;
  functions: FunctionContext;
  /** Variables introduced by `for` expressions and template `for` directives. */
  locals?: ReadonlyMap<string, Value>;
}

/**
 * Work one top-level evaluation may do (with the locals, variables and outputs it pulls in on first
 * use): each evaluated node and each iteration of a `for` is a step. It bounds expansion bombs such as
 * nested `for` expressions over large ranges, which would otherwise exhaust time or memory (issue 7);
 * real configurations stay far below it.
 */
export const MAX_EVALUATION_STEPS = 5_000_000;
/** Longest string an expression may build (UTF-16 code units); beyond it the value is unknown. */
export const MAX_STRING_LENGTH = 16 * 1024 * 1024;

/** Steps taken by the evaluation in progress, and how many evaluateOrUnknown calls are nested. */
let steps = 0;
let nesting = 0;

function step(): void {
  if (++steps > MAX_EVALUATION_STEPS) {
    throw new EvalError(`the expression takes more than ${MAX_EVALUATION_STEPS} evaluation steps (an expansion bomb?); it was not evaluated`);
  }
}

/** Limits of the machine itself (deep nesting, huge strings or arrays): the value is unknown, the scan goes on. */
function isResourceLimit(e: unknown): e is RangeError {
  return e instanceof RangeError && /Maximum call stack size exceeded|Invalid string length|Invalid array length/.test(e.message);
}

export function evaluate(expr: Expr, ctx: ExprContext): Value {
  step();
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "template":
      return evaluateTemplate(expr.parts, ctx);
    case "tuple":
      return expr.items.map((e) => evaluate(e, ctx));
    case "object":
      return evaluateObject(expr, ctx);
    case "parens":
      return evaluate(expr.expr, ctx);
    case "variable":
      return resolveRoot(expr.name, [], ctx);
    case "traverse":
      return evaluateTraversal(expr.target, expr.steps, ctx);
    case "splat":
      return evaluateSplat(expr, ctx);
    case "call":
      return evaluateCall(expr, ctx);
    case "conditional":
      return evaluateConditional(expr, ctx);
    case "unary":
      return evaluateUnary(expr.op, evaluate(expr.operand, ctx));
    case "binary":
      return evaluateBinary(expr.op, expr.left, expr.right, ctx);
    case "for":
      return evaluateFor(expr, ctx);
  }
}

/** Evaluate, turning Terraform-level errors into an Unknown that carries the message. */
export function evaluateOrUnknown(expr: Expr, ctx: ExprContext, where?: string): Value {
  if (nesting === 0) steps = 0;
  nesting++;
  try {
    return evaluate(expr, ctx);
  } catch (e) {
    if (e instanceof EvalError) return new Unknown(where ? `${where}: ${e.message}` : e.message);
    if (isResourceLimit(e)) {
      const why = `the expression is too large or nested too deeply to evaluate (${e.message})`;
      return new Unknown(where ? `${where}: ${why}` : why);
    }
    throw e;
  } finally {
    nesting--;
  }
}

function withLocals(ctx: ExprContext, vars: Iterable<[string, Value]>): ExprContext {
  const locals = new Map(ctx.locals ?? []);
  for (const [k, v] of vars) locals.set(k, v);
  return { ...ctx, locals };
}

function resolveRoot(name: string, steps: readonly Traverser[], ctx: ExprContext): Value {
  const local = ctx.locals?.get(name);
  if (local !== undefined || ctx.locals?.has(name)) return applySteps(local as Value, steps, ctx);
  const { value, consumed } = ctx.resolver.resolve(name, steps, (e) => evaluate(e, ctx));
  return applySteps(value, steps.slice(consumed), ctx);
}

function evaluateTraversal(target: Expr, steps: readonly Traverser[], ctx: ExprContext): Value {
  if (target.kind === "variable") return resolveRoot(target.name, steps, ctx);
  return applySteps(evaluate(target, ctx), steps, ctx);
}

export function applySteps(value: Value, steps: readonly Traverser[], ctx: ExprContext): Value {
  let v = value;
  for (const step of steps) {
    v = step.kind === "attr" ? getAttribute(v, step.name) : getIndex(v, evaluate(step.key, ctx));
  }
  return v;
}

export function getAttribute(v: Value, name: string): Value {
  if (isUnknown(v)) return v;
  if (v instanceof ResourceRef) return new Unknown(`${v.address}.${v.attribute}.${name} is known only after apply`);
  if (isObject(v)) {
    if (name in v) return v[name]!;
    const address = (v as { [RESOURCE_ADDRESS]?: string })[RESOURCE_ADDRESS];
    if (address !== undefined) return new ResourceRef(address, name);
    throw new EvalError(`Unsupported attribute: this object does not have an attribute named "${name}"`);
  }
  if (isList(v) && /^\d+$/.test(name)) return getIndex(v, Number(name));
  if (v === null) throw new EvalError(`Attempt to get attribute "${name}" from a null value`);
  throw new EvalError(`Unsupported attribute "${name}" on a ${typeName(v)} value`);
}

export function getIndex(v: Value, key: Value): Value {
  if (isOpaque(v)) return isUnknown(v) ? v : new Unknown(`${v.address}.${v.attribute} is known only after apply`);
  if (isOpaque(key)) return firstUnknown(key)!;
  if (isList(v)) {
    const i = typeof key === "number" ? key : Number(toNumberValue(key));
    if (!Number.isInteger(i)) throw new EvalError(`Invalid index: ${String(key)}`);
    if (i < 0 || i >= v.length) throw new EvalError(`Invalid index: the given index ${i} is out of range (length ${v.length})`);
    return v[i]!;
  }
  if (isObject(v)) {
    const k = toStringValue(key);
    if (typeof k !== "string") return k;
    if (k in v) return v[k]!;
    const address = (v as { [RESOURCE_ADDRESS]?: string })[RESOURCE_ADDRESS];
    if (address !== undefined) return new ResourceRef(address, k);
    throw new EvalError(`Invalid index: the given key "${k}" does not identify an element in this collection`);
  }
  if (v === null) throw new EvalError("Attempt to index a null value");
  throw new EvalError(`Cannot index a ${typeName(v)} value`);
}

function evaluateSplat(expr: Extract<Expr, { kind: "splat" }>, ctx: ExprContext): Value {
  const target = evaluate(expr.target, ctx);
  if (isOpaque(target)) return isUnknown(target) ? target : new Unknown(`${target.address}.${target.attribute} is known only after apply`);
  // A splat over a non-list wraps it; over null gives an empty tuple (HCL spec).
  const items = target === null ? [] : isList(target) ? target : [target];
  return items.map((item) => applySteps(item, expr.steps, ctx));
}

function evaluateObject(expr: Extract<Expr, { kind: "object" }>, ctx: ExprContext): Value {
  const out = makeObject();
  let unknownKey: Unknown | undefined;
  for (const item of expr.items) {
    const key = item.bareKey && item.key.kind === "literal" ? String(item.key.value) : toStringValue(evaluate(item.key, ctx));
    if (typeof key !== "string") {
      unknownKey ??= firstUnknown(key as Value) ?? new Unknown("object key is unknown");
      continue;
    }
    out[key] = evaluate(item.value, ctx);
  }
  return unknownKey ?? out;
}

function evaluateCall(expr: Extract<Expr, { kind: "call" }>, ctx: ExprContext): Value {
  if (expr.name === "try") return evaluateTry(expr.args, ctx);
  if (expr.name === "can") return evaluateCan(expr.args, ctx);
  let args = expr.args.map((a) => evaluate(a, ctx));
  if (expr.expandFinal && args.length > 0) {
    const last = args[args.length - 1]!;
    if (isOpaque(last)) return firstUnknown(last)!;
    if (!isList(last)) throw new EvalError(`Invalid expanding argument value: ${typeName(last)} is not a list`);
    args = [...args.slice(0, -1), ...last];
  }
  const result = callFunction(expr.name, args, ctx.functions);
  if (typeof result === "string" && result.length > MAX_STRING_LENGTH) throw new EvalError(`${expr.name}() returned a string longer than ${MAX_STRING_LENGTH} characters; it was not evaluated`);
  return result;
}

/**
 * `try` returns the first argument that evaluates without error. An argument
 * whose value is unknown cannot be judged yet, so the result is unknown
 * (Terraform defers the decision to apply time in the same way).
 */
function evaluateTry(args: Expr[], ctx: ExprContext): Value {
  let lastError: EvalError | undefined;
  for (const arg of args) {
    try {
      return evaluate(arg, ctx);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      lastError = e;
    }
  }
  throw new EvalError(`no expression given to try could be evaluated${lastError ? `: ${lastError.message}` : ""}`);
}

function evaluateCan(args: Expr[], ctx: ExprContext): Value {
  if (args.length !== 1) throw new EvalError("can expects exactly one argument");
  try {
    const v = evaluate(args[0]!, ctx);
    if (isOpaque(v)) return firstUnknown(v)!;
    return true;
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    return false;
  }
}

function evaluateConditional(expr: Extract<Expr, { kind: "conditional" }>, ctx: ExprContext): Value {
  const cond = toBoolValue(evaluate(expr.cond, ctx));
  if (cond === true) return evaluate(expr.then, ctx);
  if (cond === false) return evaluate(expr.else, ctx);
  if (cond === null) throw new EvalError("The condition value is null");
  // Unknown condition: the result is known only when both branches agree.
  const a = tryEvaluate(expr.then, ctx);
  const b = tryEvaluate(expr.else, ctx);
  if (a !== undefined && b !== undefined && valuesEqual(a, b) === true) return a;
  return cond as Unknown;
}

function tryEvaluate(expr: Expr, ctx: ExprContext): Value | undefined {
  try {
    return evaluate(expr, ctx);
  } catch (e) {
    if (e instanceof EvalError) return undefined;
    throw e;
  }
}

function evaluateUnary(op: "!" | "-", v: Value): Value {
  if (op === "!") {
    const b = toBoolValue(v);
    return typeof b === "boolean" ? !b : b;
  }
  const n = toNumberValue(v);
  return typeof n === "number" ? -n : n;
}

function evaluateBinary(op: BinaryOp, leftExpr: Expr, rightExpr: Expr, ctx: ExprContext): Value {
  const left = evaluate(leftExpr, ctx);
  if (op === "&&" || op === "||") return evaluateLogical(op, left, evaluate(rightExpr, ctx));
  const right = evaluate(rightExpr, ctx);
  if (op === "==" || op === "!=") {
    const eq = valuesEqual(left, right);
    return typeof eq === "boolean" ? (op === "==" ? eq : !eq) : eq;
  }
  const a = toNumberValue(left);
  const b = toNumberValue(right);
  if (typeof a !== "number") return a;
  if (typeof b !== "number") return b;
  switch (op) {
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new EvalError("Division by zero");
      return a / b;
    case "%":
      if (b === 0) throw new EvalError("Division by zero");
      return a % b;
  }
}

/** Kleene logic: a known operand can decide the result even when the other is unknown. */
function evaluateLogical(op: "&&" | "||", left: Value, right: Value): Value {
  const a = toBoolValue(left);
  const b = toBoolValue(right);
  const decisive = op === "&&" ? false : true;
  if (a === decisive || b === decisive) return decisive;
  if (typeof a === "boolean" && typeof b === "boolean") return !decisive;
  if (a === null || b === null) throw new EvalError("Unsupported null operand for a logical operator");
  return (isOpaque(a as Value) ? a : b) as Value;
}

function iterationPairs(coll: Value): [Value, Value][] | Unknown {
  if (isOpaque(coll)) return firstUnknown(coll)!;
  if (isList(coll)) return coll.map((v, i) => [i, v]);
  if (isObject(coll)) return Object.keys(coll).sort().map((k) => [k, coll[k]!]);
  if (coll === null) throw new EvalError("A null value cannot be used as the collection in a 'for' expression");
  throw new EvalError(`A ${typeName(coll)} value cannot be used as the collection in a 'for' expression`);
}

function evaluateFor(expr: Extract<Expr, { kind: "for" }>, ctx: ExprContext): Value {
  const pairs = iterationPairs(evaluate(expr.coll, ctx));
  if (pairs instanceof Unknown) return pairs;
  const tupleOut: Value[] = [];
  const objectOut: ObjectValue = makeObject();
  const groups = new Map<string, Value[]>();
  for (const [k, v] of pairs) {
    step();
    const vars: [string, Value][] = [[expr.valueVar, v]];
    if (expr.keyVar) vars.push([expr.keyVar, k]);
    const inner = withLocals(ctx, vars);
    if (expr.cond) {
      const keep = toBoolValue(evaluate(expr.cond, inner));
      if (isOpaque(keep as Value)) return keep as Value;
      if (keep !== true) continue;
    }
    if (!expr.keyExpr) {
      tupleOut.push(evaluate(expr.valueExpr, inner));
      continue;
    }
    const key = toStringValue(evaluate(expr.keyExpr, inner));
    if (typeof key !== "string") return (firstUnknown(key as Value) ?? new Unknown("for expression key is unknown")) as Value;
    const value = evaluate(expr.valueExpr, inner);
    if (expr.grouping) {
      const g = groups.get(key) ?? [];
      g.push(value);
      groups.set(key, g);
    } else {
      if (key in objectOut) throw new EvalError(`Duplicate object key "${key}" in for expression (use "..." to group)`);
      objectOut[key] = value;
    }
  }
  if (!expr.keyExpr) return tupleOut;
  if (expr.grouping) for (const [k, g] of groups) objectOut[k] = g;
  return objectOut;
}

export function evaluateTemplate(parts: readonly TemplatePart[], ctx: ExprContext): Value {
  // A template that is a single interpolation yields the value itself (HCL "unwrapping").
  if (parts.length === 1 && parts[0]!.kind === "interp") return evaluate(parts[0]!.expr, ctx);
  let out = "";
  let unknown: Unknown | undefined;
  const append = (v: Value) => {
    const s = toStringValue(v);
    if (typeof s === "string") {
      if (out.length + s.length > MAX_STRING_LENGTH) throw new EvalError(`the template builds a string longer than ${MAX_STRING_LENGTH} characters; it was not evaluated`);
      out += s;
    } else unknown ??= (firstUnknown(s as Value) ?? new Unknown("template value is unknown"));
  };
  renderParts(parts, ctx, append);
  return unknown ?? out;
}

function renderParts(parts: readonly TemplatePart[], ctx: ExprContext, append: (v: Value) => void): void {
  for (const part of parts) {
    switch (part.kind) {
      case "literal":
        append(part.value);
        break;
      case "interp": {
        const v = evaluate(part.expr, ctx);
        if (v === null) throw new EvalError("Invalid template interpolation value: the value is null");
        append(v);
        break;
      }
      case "if": {
        const c = toBoolValue(evaluate(part.cond, ctx));
        if (c === true) renderParts(part.then, ctx, append);
        else if (c === false) renderParts(part.else ?? [], ctx, append);
        else append(isOpaque(c as Value) ? (c as Value) : new Unknown("template condition is null"));
        break;
      }
      case "for": {
        const pairs = iterationPairs(evaluate(part.coll, ctx));
        if (pairs instanceof Unknown) {
          append(pairs);
          break;
        }
        for (const [k, v] of pairs) {
          step();
          const vars: [string, Value][] = [[part.valueVar, v]];
          if (part.keyVar) vars.push([part.keyVar, k]);
          renderParts(part.body, withLocals(ctx, vars), append);
        }
        break;
      }
    }
  }
}
