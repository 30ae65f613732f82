import type { Expr } from "./ast.js";

/**
 * The JSON value of an expression made only of literals: literals, tuples and
 * objects of literals with literal keys, `-` on a number, `!` on a bool,
 * templates without interpolation. `undefined` for anything else.
 */
export function literalValue(expr: Expr): unknown | undefined {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "template":
      return templateText(expr);
    case "parens":
      return undefined;
    case "unary": {
      const v = expr.operand.kind === "literal" ? expr.operand.value : undefined;
      if (expr.op === "-" && typeof v === "number") return -v;
      if (expr.op === "!" && typeof v === "boolean") return !v;
      return undefined;
    }
    case "tuple": {
      const out: unknown[] = [];
      for (const item of expr.items) {
        const v = literalValue(item);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const item of expr.items) {
        const key = literalKey(item.key);
        const v = literalValue(item.value);
        if (key === undefined || v === undefined) return undefined;
        out[key] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function literalKey(key: Expr): string | undefined {
  const v = literalValue(key);
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

function templateText(expr: Extract<Expr, { kind: "template" }>): string | undefined {
  let out = "";
  for (const part of expr.parts) {
    if (part.kind !== "literal") return undefined;
    out += part.value;
  }
  return out;
}
