import type { Attribute, Expr, ParsedFile, Range } from "../../src/hcl/index.js";

/** Drops ranges so structural assertions stay readable. */
export function shape<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === "range" || k.endsWith("Range") || k === "labelRanges" ? undefined : v)));
}

export function attr(file: ParsedFile, name: string): Attribute {
  const found = file.body.attributes.find((a) => a.name === name);
  if (!found) throw new Error(`no attribute ${name}`);
  return found;
}

export function exprOf(file: ParsedFile, name: string): Expr {
  return attr(file, name).expr;
}

/** `[startLine, startColumn, endLine, endColumn]` */
export function lc(range: Range): [number, number, number, number] {
  return [range.start.line, range.start.column, range.end.line, range.end.column];
}
