/**
 * The typed HCL model every later stage reads. It is syntax only: no Terraform
 * semantics, no evaluation. Every node keeps its exact source range.
 *
 * Positions: `line` and `column` are 1-based; columns count UTF-16 code units
 * (what SARIF expects); `offset` is the 0-based UTF-16 index into the file text
 * after a leading BOM has been removed.
 */

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
  range: Range;
}

export interface Attribute {
  name: string;
  nameRange: Range;
  expr: Expr;
  /** Whole `name = expr` range. */
  range: Range;
}

export interface Block {
  type: string;
  labels: string[];
  labelRanges: Range[];
  body: Body;
  /** From the block type keyword to the closing brace. */
  range: Range;
  /** The header line: block type and labels (where findings about the block land). */
  headerRange: Range;
}

/** A traversal step after a root variable: `.name`, `[key]`, legacy `.0`. */
export type Traverser =
  | { kind: "attr"; name: string; range: Range }
  /** `legacy` marks the old `.0` form; its key is then a number literal over the digits. */
  | { kind: "index"; key: Expr; range: Range; legacy?: boolean };

export type TemplatePart =
  | { kind: "literal"; value: string; range: Range }
  | { kind: "interp"; expr: Expr; stripLeft: boolean; stripRight: boolean; range: Range }
  | { kind: "if"; cond: Expr; then: TemplatePart[]; else: TemplatePart[] | null; range: Range }
  | { kind: "for"; keyVar: string | null; valueVar: string; coll: Expr; body: TemplatePart[]; range: Range };

export type Expr =
  | { kind: "literal"; value: null | boolean | number | string; range: Range }
  /** Quoted string or heredoc containing interpolations or directives. */
  | { kind: "template"; parts: TemplatePart[]; heredoc: boolean; range: Range }
  | { kind: "tuple"; items: Expr[]; range: Range }
  | { kind: "object"; items: ObjectItem[]; range: Range }
  /** A root name such as `var`, `local`, `aws_s3_bucket`, `each`, a for variable. */
  | { kind: "variable"; name: string; range: Range }
  | { kind: "traverse"; target: Expr; steps: Traverser[]; range: Range }
  /** `target[*].a.b` (full) or `target.*.a.b` (attribute-only, legacy). */
  | { kind: "splat"; target: Expr; steps: Traverser[]; full: boolean; range: Range }
  | { kind: "call"; name: string; args: Expr[]; expandFinal: boolean; range: Range }
  | { kind: "conditional"; cond: Expr; then: Expr; else: Expr; range: Range }
  | { kind: "unary"; op: "!" | "-"; operand: Expr; range: Range }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; range: Range }
  | {
      kind: "for";
      keyVar: string | null;
      valueVar: string;
      coll: Expr;
      /** Present for `{ for ... : k => v }`. */
      keyExpr: Expr | null;
      valueExpr: Expr;
      cond: Expr | null;
      grouping: boolean;
      range: Range;
    }
  | { kind: "parens"; expr: Expr; range: Range };

export type BinaryOp = "||" | "&&" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "+" | "-" | "*" | "/" | "%";

export interface ObjectItem {
  /** A bare identifier key is a `literal` string; `(expr)` or a template is evaluated. */
  key: Expr;
  /** True when the key was written as a bare identifier (`a = 1`). */
  bareKey: boolean;
  value: Expr;
  range: Range;
}

/** A reason a file could not be (fully) read, with where. Becomes CFG-001. */
export interface ParseProblem {
  message: string;
  range: Range;
  /** A missing closer: usually the echo of a fault inside the block, so listed after the faults themselves. */
  echo?: boolean;
}

export interface ParsedFile {
  /** Path relative to the scan root, POSIX separators. */
  path: string;
  body: Body;
  /** Empty when the file is valid HCL (as HashiCorp's parser would accept it). */
  problems: ParseProblem[];
}
