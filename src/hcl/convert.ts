/** Converts a tree-sitter-hcl syntax tree into the `ast.ts` model. */
import type { SyntaxNode as Node } from "./syntax.js";
import type {
  Attribute,
  BinaryOp,
  Block,
  Body,
  Expr,
  ObjectItem,
  ParseProblem,
  Range,
  TemplatePart,
  Traverser,
} from "./ast.js";
import { spanOf, startOffsetOf, type LineIndex } from "./positions.js";
import {
  decodeHeredoc,
  decodeQuoted,
  type EscapeError,
  type FlatToken,
  flushHeredoc,
  splitLines,
  trimLeftSpace,
  trimRightSpace,
} from "./strings.js";

const BINARY_OPS = new Set<string>(["||", "&&", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%"]);
const POSTFIX = new Set(["index", "get_attr", "splat"]);

/** Thrown when a node does not have the shape the grammar promises (only inside damaged trees). */
export class ShapeError extends Error {}

export class Converter {
  constructor(
    /** The original text (BOM stripped); node offsets index into it. */
    readonly text: string,
    readonly lines: LineIndex,
    readonly problems: ParseProblem[],
  ) {}

  range(node: Node): Range {
    return this.lines.range(node.startIndex, node.endIndex);
  }

  src(node: Node): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  problem(message: string, start: number, end: number): void {
    this.problems.push({ message, range: this.lines.range(start, end) });
  }

  // ---- bodies ----

  /** Converts a `body` node; items with syntax errors inside are left out (they are reported elsewhere). */
  body(node: Node | null, rangeStart: number, rangeEnd: number): Body {
    const body: Body = { attributes: [], blocks: [], range: this.lines.range(rangeStart, rangeEnd) };
    if (node) this.collectItems(node, body);
    return body;
  }

  private collectItems(node: Node, body: Body): void {
    for (const child of node.children) {
      if (child.type === "attribute" && !child.hasError) {
        this.guarded(child, () => body.attributes.push(this.attribute(child)));
      } else if (child.type === "block") {
        if (!child.hasError) this.guarded(child, () => body.blocks.push(this.block(child)));
        else this.salvage(child, body);
      } else if (child.type === "ERROR" || child.type === "body") {
        this.salvage(child, body);
      }
    }
  }

  /** Digs clean blocks out of a damaged region so the rest of the file still counts. */
  private salvage(node: Node, body: Body): void {
    for (const child of node.children) {
      if (child.type === "block" && !child.hasError) this.guarded(child, () => body.blocks.push(this.block(child)));
      else if (child.hasError || child.type === "body") this.salvage(child, body);
    }
  }

  /**
   * Converts one item; an item the grammar accepted but HCL does not (e.g. an
   * empty `${}`) is left out, with a problem unless one already covers it.
   */
  private guarded(item: Node, convert: () => void): void {
    try {
      convert();
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      const covered = this.problems.some((p) => startOffsetOf(p.range) >= item.startIndex && startOffsetOf(p.range) <= item.endIndex);
      if (!covered) this.problem(`could not read this ${item.type}: ${err.message}`, item.startIndex, item.endIndex);
    }
  }

  attribute(node: Node): Attribute {
    const name = need(node.child(0));
    const exprNode = need(node.children.find((c) => c.type === "expression") ?? null);
    return {
      name: this.src(name),
      nameRange: this.range(name),
      expr: this.expression(exprNode),
      range: this.range(node),
    };
  }

  block(node: Node): Block {
    const children = node.children;
    const type = need(children[0] ?? null);
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    let headerEnd = type.endIndex;
    let open: Node | null = null;
    let bodyNode: Node | null = null;
    let close: Node | null = null;
    for (const child of children.slice(1)) {
      if (child.type === "string_lit" && !open) {
        labels.push(this.stringLitValue(child));
        labelRanges.push(this.range(child));
        headerEnd = child.endIndex;
      } else if (child.type === "identifier" && !open) {
        labels.push(this.src(child));
        labelRanges.push(this.range(child));
        headerEnd = child.endIndex;
      } else if (child.type === "block_start") open = child;
      else if (child.type === "body") bodyNode = child;
      else if (child.type === "block_end") close = child;
    }
    const bodyStart = open ? open.endIndex : node.endIndex;
    const bodyEnd = close ? close.startIndex : node.endIndex;
    return {
      type: this.src(type),
      labels,
      labelRanges,
      body: this.body(bodyNode, bodyStart, bodyEnd),
      range: this.range(node),
      headerRange: this.lines.range(type.startIndex, headerEnd),
    };
  }

  // ---- expressions ----

  expression(node: Node): Expr {
    if (node.type !== "expression") return this.term(node.children.length ? node.children : [node], node);
    const kids = node.children;
    if (kids.length === 1 && kids[0]?.type === "conditional") return this.conditional(kids[0]);
    return this.term(kids, node);
  }

  private conditional(node: Node): Expr {
    const exprs = node.children.filter((c) => c.type === "expression");
    const [cond, then, els] = exprs;
    return rightAssociated(this.lines, this.expression(need(cond ?? null)), this.expression(need(then ?? null)), this.expression(need(els ?? null)));
  }

  /**
   * The grammar inlines `_expr_term`, so a term arrives as a run of sibling
   * nodes: a base (or `( expr )`) followed by postfix index/get_attr/splat nodes.
   */
  private term(nodes: Node[], whole: Node): Expr {
    let i = 0;
    let base: Expr;
    const first = need(nodes[0] ?? null);
    if (first.type === "(") {
      const inner = need(nodes[1] ?? null);
      const close = need(nodes[2] ?? null);
      base = { kind: "parens", expr: this.expression(inner), range: this.lines.range(first.startIndex, close.endIndex) };
      i = 3;
    } else {
      base = this.baseTerm(first);
      i = 1;
    }
    for (; i < nodes.length; i++) {
      const n = nodes[i] as Node;
      if (!POSTFIX.has(n.type)) throw new ShapeError(`unexpected ${n.type} in ${whole.type}`);
      base = this.applyPostfix(base, n);
    }
    return base;
  }

  private applyPostfix(target: Expr, node: Node): Expr {
    const start = startOffsetOf(target.range);
    if (node.type === "splat") {
      const splat = need(node.child(0));
      const steps = splat.children.filter((c) => c.type === "get_attr" || c.type === "index").map((c) => this.traverser(c));
      return {
        kind: "splat",
        target,
        steps,
        full: splat.type === "full_splat",
        range: this.lines.range(start, node.endIndex),
      };
    }
    const step = this.traverser(node);
    const range = this.lines.range(start, node.endIndex);
    if (target.kind === "traverse") {
      return { kind: "traverse", target: target.target, steps: [...target.steps, step], range };
    }
    return { kind: "traverse", target, steps: [step], range };
  }

  private traverser(node: Node): Traverser {
    if (node.type === "get_attr") {
      const id = need(node.children.find((c) => c.type === "identifier") ?? null);
      return { kind: "attr", name: this.src(id), range: this.range(node) };
    }
    const inner = need(node.child(0));
    if (inner.type === "legacy_index") {
      const digits = this.lines.range(inner.startIndex + 1, inner.endIndex);
      const value = Number(this.text.slice(inner.startIndex + 1, inner.endIndex));
      return { kind: "index", key: { kind: "literal", value, range: digits }, range: this.range(node), legacy: true };
    }
    const expr = need(inner.children.find((c) => c.type === "expression") ?? null);
    return { kind: "index", key: this.expression(expr), range: this.range(node) };
  }

  private baseTerm(node: Node): Expr {
    switch (node.type) {
      case "literal_value":
        return this.literal(need(node.child(0)));
      case "template_expr":
        return this.template(need(node.child(0)));
      case "collection_value":
        return this.collection(need(node.child(0)));
      case "variable_expr":
        return { kind: "variable", name: this.src(node), range: this.range(node) };
      case "function_call":
        return this.call(node);
      case "for_expr":
        return this.forExpr(need(node.child(0)));
      case "operation":
        return this.operation(need(node.child(0)));
      case "expression":
        return this.expression(node);
      default:
        throw new ShapeError(`unexpected ${node.type}`);
    }
  }

  private literal(node: Node): Expr {
    const range = this.range(node);
    switch (node.type) {
      case "numeric_lit":
        return { kind: "literal", value: Number(this.src(node)), range };
      case "bool_lit":
        return { kind: "literal", value: this.src(node) === "true", range };
      case "null_lit":
        return { kind: "literal", value: null, range };
      case "string_lit":
        return { kind: "literal", value: this.stringLitValue(node), range };
      default:
        throw new ShapeError(`unexpected literal ${node.type}`);
    }
  }

  private collection(node: Node): Expr {
    if (node.type === "tuple") {
      const items = node.children.filter((c) => c.type === "expression").map((c) => this.expression(c));
      return { kind: "tuple", items, range: this.range(node) };
    }
    const items = node.children.filter((c) => c.type === "object_elem").map((c) => this.objectItem(c));
    return { kind: "object", items, range: this.range(node) };
  }

  private objectItem(node: Node): ObjectItem {
    const keyNode = need(node.childForFieldName("key"));
    const valNode = need(node.childForFieldName("val"));
    const bare = bareKeyword(keyNode);
    const key: Expr = bare ? { kind: "literal", value: this.src(bare), range: this.range(bare) } : this.expression(keyNode);
    return { key, bareKey: bare !== null, value: this.expression(valNode), range: this.range(node) };
  }

  private call(node: Node): Expr {
    const name = need(node.child(0));
    const argsNode = node.children.find((c) => c.type === "function_arguments");
    const args = argsNode ? argsNode.children.filter((c) => c.type === "expression").map((c) => this.expression(c)) : [];
    const expandFinal = argsNode ? argsNode.children.some((c) => c.type === "ellipsis") : false;
    return { kind: "call", name: this.src(name), args, expandFinal, range: this.range(node) };
  }

  private forExpr(node: Node): Expr {
    const intro = need(node.children.find((c) => c.type === "for_intro") ?? null);
    const ids = intro.children.filter((c) => c.type === "identifier").map((c) => this.src(c));
    const coll = need(intro.children.find((c) => c.type === "expression") ?? null);
    const exprs = node.children.filter((c) => c.type === "expression").map((c) => this.expression(c));
    const condNode = node.children.find((c) => c.type === "for_cond");
    const condExpr = condNode?.children.find((c) => c.type === "expression");
    const isObject = node.type === "for_object_expr";
    return {
      kind: "for",
      keyVar: ids.length > 1 ? (ids[0] as string) : null,
      valueVar: ids[ids.length - 1] ?? "",
      coll: this.expression(coll),
      keyExpr: isObject ? needExpr(exprs[0]) : null,
      valueExpr: needExpr(isObject ? exprs[1] : exprs[0]),
      cond: condExpr ? this.expression(condExpr) : null,
      grouping: node.children.some((c) => c.type === "ellipsis"),
      range: this.range(node),
    };
  }

  private operation(node: Node): Expr {
    const kids = node.children;
    if (node.type === "unary_operation") {
      const op = need(kids[0] ?? null).type as "!" | "-";
      return { kind: "unary", op, operand: this.term(kids.slice(1), node), range: this.range(node) };
    }
    const opIndex = kids.findIndex((c, i) => i > 0 && !c.isNamed && BINARY_OPS.has(c.type));
    if (opIndex < 0) throw new ShapeError("binary operation without operator");
    return {
      kind: "binary",
      op: (kids[opIndex] as Node).type as BinaryOp,
      left: this.term(kids.slice(0, opIndex), node),
      right: this.term(kids.slice(opIndex + 1), node),
      range: this.range(node),
    };
  }

  // ---- templates ----

  /** The decoded value of a `string_lit` (quoted, no interpolation). */
  stringLitValue(node: Node): string {
    const parts = this.templateParts(node, "quoted");
    return parts.map((p) => (p.kind === "literal" ? p.value : "")).join("");
  }

  template(node: Node): Expr {
    const heredoc = node.type === "heredoc_template";
    const mode = heredoc ? (this.src(need(node.child(0))) === "<<-" ? "flush" : "heredoc") : "quoted";
    const parts = this.templateParts(node, mode);
    const range = this.range(node);
    if (parts.every((p) => p.kind === "literal")) {
      return { kind: "literal", value: parts.map((p) => (p.kind === "literal" ? p.value : "")).join(""), range };
    }
    return { kind: "template", parts, heredoc, range };
  }

  /** Parts of a template node whose literal text is read from the source between its code tokens. */
  templateParts(node: Node, mode: "quoted" | "heredoc" | "flush"): TemplatePart[] {
    const [contentStart, contentEnd] = mode === "quoted" ? this.quotedContent(node) : this.heredocContent(node);
    const codes: Node[] = [];
    collectCodeTokens(node, codes);
    let tokens: FlatToken<Node>[] = [];
    let cursor = contentStart;
    for (const code of codes) {
      if (code.startIndex > cursor) tokens.push(this.rawLiteral(cursor, code.startIndex));
      tokens.push({ lit: false, code });
      cursor = code.endIndex;
    }
    if (contentEnd > cursor) tokens.push(this.rawLiteral(cursor, contentEnd));
    if (mode !== "quoted") tokens = splitLines(tokens);
    for (const tok of tokens) if (tok.lit) tok.value = this.decodeLiteral(tok.value, tok.start, mode);
    applyStripMarkers(tokens, (code) => this.stripFlags(code));
    if (mode === "flush") flushHeredoc(tokens);
    return new PartBuilder(this, tokens).build();
  }

  private rawLiteral(start: number, end: number): FlatToken<Node> {
    return { lit: true, value: this.text.slice(start, end), start, end };
  }

  private decodeLiteral(raw: string, start: number, mode: "quoted" | "heredoc" | "flush"): string {
    if (mode !== "quoted") return decodeHeredoc(raw);
    const errors: EscapeError[] = [];
    const value = decodeQuoted(raw, errors);
    for (const e of errors) this.problem(e.message, start + e.start, start + e.end);
    return value;
  }

  private quotedContent(node: Node): [number, number] {
    const open = need(node.children.find((c) => c.type === "quoted_template_start") ?? null);
    const close = node.children.find((c) => c.type === "quoted_template_end");
    return [open.endIndex, close ? close.startIndex : node.endIndex];
  }

  /** Heredoc content runs from the line after `<<EOT` to the start of the closing marker's line. */
  private heredocContent(node: Node): [number, number] {
    const ids = node.children.filter((c) => c.type === "heredoc_identifier");
    const open = need(ids[0] ?? null);
    const nl = this.text.indexOf("\n", open.endIndex);
    const start = nl < 0 ? node.endIndex : nl + 1;
    const close = ids[1];
    if (!close) return [start, node.endIndex];
    const lineStart = this.text.lastIndexOf("\n", close.startIndex - 1) + 1;
    return [Math.min(start, lineStart), lineStart];
  }

  stripFlags(code: Node): { left: boolean; right: boolean } {
    const kids = code.children;
    const second = kids[1];
    const beforeLast = kids[kids.length - 2];
    const left = second?.type === "strip_marker";
    const right = beforeLast?.type === "strip_marker" && (kids.length > 3 || !left);
    return { left, right };
  }
}

/** A bare identifier (or keyword) used as an object key: `{ a = 1 }`, `{ true = 1 }`. */
function bareKeyword(keyExpr: Node): Node | null {
  if (keyExpr.childCount !== 1) return null;
  const only = keyExpr.child(0) as Node;
  if (only.type === "variable_expr") return only;
  if (only.type === "literal_value") {
    const lit = only.child(0) as Node;
    if (lit.type === "bool_lit" || lit.type === "null_lit") return lit;
  }
  return null;
}

const CODE_TOKENS = new Set([
  "template_interpolation",
  "template_if_intro",
  "template_else_intro",
  "template_if_end",
  "template_for_start",
  "template_for_end",
]);

function collectCodeTokens(node: Node, out: Node[]): void {
  for (const child of node.children) {
    if (CODE_TOKENS.has(child.type)) out.push(child);
    else if (child.type === "template_directive" || child.type === "template_if" || child.type === "template_for") {
      collectCodeTokens(child, out);
    }
  }
}

function applyStripMarkers<C>(tokens: FlatToken<C>[], flags: (code: C) => { left: boolean; right: boolean }): void {
  tokens.forEach((tok, i) => {
    if (tok.lit) return;
    const { left, right } = flags(tok.code);
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (left && prev?.lit) prev.value = trimRightSpace(prev.value);
    if (right && next?.lit) next.value = trimLeftSpace(next.value);
  });
}

/** Nests the flat template tokens into if/for parts, merging adjacent literals. */
class PartBuilder {
  private i = 0;
  constructor(
    private readonly conv: Converter,
    private readonly tokens: FlatToken<Node>[],
  ) {}

  build(): TemplatePart[] {
    return this.sequence(new Set());
  }

  private sequence(stops: Set<string>): TemplatePart[] {
    const parts: TemplatePart[] = [];
    while (this.i < this.tokens.length) {
      const tok = this.tokens[this.i] as FlatToken<Node>;
      if (tok.lit) {
        this.i++;
        this.pushLiteral(parts, tok.value, tok.start, tok.end);
        continue;
      }
      const code = tok.code;
      if (stops.has(code.type)) return parts;
      this.i++;
      if (code.type === "template_interpolation") parts.push(this.interp(code));
      else if (code.type === "template_if_intro") parts.push(this.ifPart(code));
      else if (code.type === "template_for_start") parts.push(this.forPart(code));
    }
    return parts;
  }

  private pushLiteral(parts: TemplatePart[], value: string, start: number, end: number): void {
    const last = parts[parts.length - 1];
    if (last?.kind === "literal") {
      last.value += value;
      last.range = this.conv.lines.range(startOffsetOf(last.range), end);
    } else if (value !== "" || start !== end) {
      parts.push({ kind: "literal", value, range: this.conv.lines.range(start, end) });
    }
    const now = parts[parts.length - 1];
    if (now?.kind === "literal" && now.value === "") parts.pop();
  }

  private interp(code: Node): TemplatePart {
    const exprNode = need(code.children.find((c) => c.type === "expression") ?? null);
    const { left, right } = this.conv.stripFlags(code);
    return {
      kind: "interp",
      expr: this.conv.expression(exprNode),
      stripLeft: left,
      stripRight: right,
      range: this.conv.range(code),
    };
  }

  private ifPart(intro: Node): TemplatePart {
    const cond = this.conv.expression(need(intro.children.find((c) => c.type === "expression") ?? null));
    const then = this.sequence(new Set(["template_else_intro", "template_if_end"]));
    let els: TemplatePart[] | null = null;
    let tok = this.tokens[this.i];
    if (tok && !tok.lit && tok.code.type === "template_else_intro") {
      this.i++;
      els = this.sequence(new Set(["template_if_end"]));
      tok = this.tokens[this.i];
    }
    const end = tok && !tok.lit ? tok.code.endIndex : intro.endIndex;
    this.i++;
    return { kind: "if", cond, then, else: els, range: this.conv.lines.range(intro.startIndex, end) };
  }

  private forPart(intro: Node): TemplatePart {
    const ids = intro.children.filter((c) => c.type === "identifier").map((c) => this.conv.src(c));
    const coll = this.conv.expression(need(intro.children.find((c) => c.type === "expression") ?? null));
    const body = this.sequence(new Set(["template_for_end"]));
    const tok = this.tokens[this.i];
    const end = tok && !tok.lit ? tok.code.endIndex : intro.endIndex;
    this.i++;
    return {
      kind: "for",
      keyVar: ids.length > 1 ? (ids[0] as string) : null,
      valueVar: ids[ids.length - 1] ?? "",
      coll,
      body,
      range: this.conv.lines.range(intro.startIndex, end),
    };
  }
}

function need(node: Node | null | undefined): Node {
  if (!node) throw new ShapeError("missing node");
  return node;
}

function needExpr(expr: Expr | undefined): Expr {
  if (!expr) throw new ShapeError("missing expression");
  return expr;
}

/**
 * `a ? b : c ? d : e` is `a ? b : (c ? d : e)` in HCL (hashicorp/hcl parses the false branch as a
 * whole expression), but the tree-sitter grammar nests it the other way, `(a ? b : c) ? d : e`. A
 * condition that is itself a bare conditional (a parenthesized one is a `parens` node) comes only
 * from such a chain, so it is re-nested here.
 */
function rightAssociated(lines: LineIndex, cond: Expr, then: Expr, els: Expr): Expr {
  if (cond.kind !== "conditional") return { kind: "conditional", cond, then, else: els, range: spanOf(lines, cond.range, els.range) };
  const inner = rightAssociated(lines, cond.else, then, els);
  return { kind: "conditional", cond: cond.cond, then: cond.then, else: inner, range: spanOf(lines, cond.range, inner.range) };
}
