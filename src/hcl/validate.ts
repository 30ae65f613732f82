/**
 * Rules of HashiCorp's native-syntax parser that the tree-sitter grammar does
 * not enforce: newline-terminated items, one-line headers, single-line blocks,
 * object separators, number and legacy-index tokens, duplicated attributes.
 * Only clean (error-free) subtrees are checked; damaged ones are reported by
 * the syntax-error pass.
 */
import type { SyntaxNode as Node } from "./syntax.js";
import type { ParseProblem } from "./ast.js";
import type { LineIndex } from "./positions.js";

const OPENERS = new Set(["(", "[", "tuple_start"]);
const CLOSERS = new Set([")", "]", "tuple_end"]);
const NEWLINE_FREE = new Set([
  "tuple",
  "for_tuple_expr",
  "for_object_expr",
  "template_interpolation",
  "template_if_intro",
  "template_else_intro",
  "template_if_end",
  "template_for_start",
  "template_for_end",
]);
const TEMPLATE_CONTAINERS = new Set([
  "quoted_template",
  "string_lit",
  "heredoc_template",
  "template_directive",
  "template_if",
  "template_for",
]);
const CODE_REGIONS = new Set([
  "template_interpolation",
  "template_if_intro",
  "template_else_intro",
  "template_if_end",
  "template_for_start",
  "template_for_end",
]);

export class Validator {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly problems: ParseProblem[],
    /** Offsets of number literals rewritten to `0x…` so tree-sitter accepts `1e5`. */
    private readonly rewrittenNumbers: ReadonlySet<number>,
  ) {}

  private report(message: string, start: number, end: number): void {
    this.problems.push({ message, range: this.lines.range(start, end) });
  }

  /** True when the text between two tokens holds a newline (a `#`/`//` comment counts as one). */
  hasNewline(from: number, to: number): boolean {
    const t = this.text;
    for (let i = from; i < to; i++) {
      const ch = t[i];
      if (ch === "\n") return true;
      if (ch === "/" && t[i + 1] === "*") {
        const close = t.indexOf("*/", i + 2);
        if (close < 0 || close >= to) return false;
        i = close + 1;
      } else if (ch === "#" || (ch === "/" && t[i + 1] === "/")) {
        const nl = t.indexOf("\n", i);
        return nl >= 0 && nl < to;
      }
    }
    return false;
  }

  // ---- bodies ----

  /** Checks the items of a body; `close` is the block's `}` (null at file level). */
  body(items: Node[], open: Node | null, close: Node | null): void {
    const singleLine = open !== null && items.length > 0 && !this.hasNewline(open.endIndex, (items[0] as Node).startIndex);
    if (singleLine) this.singleLineBlock(items, close);
    this.duplicates(items);
    items.forEach((item, i) => {
      if (item.hasError) return;
      if (item.type === "attribute") this.attribute(item);
      else if (item.type === "block") this.block(item);
      if (singleLine) return;
      const next = items[i + 1] ?? close;
      const gapEnd = next ? next.startIndex : this.text.length;
      if (next && !this.hasNewline(item.endIndex, gapEnd)) {
        const what = item.type === "block" ? "block definition" : "argument";
        this.report(`missing newline after ${what}`, next.startIndex, next.endIndex);
      }
    });
  }

  private singleLineBlock(items: Node[], close: Node | null): void {
    const first = items[0] as Node;
    if (first.type !== "attribute") {
      this.report("a single-line block can hold only one argument; put the nested block on its own line", first.startIndex, first.endIndex);
      return;
    }
    const second = items[1];
    if (second) {
      this.report("a single-line block must end with \"}\" right after its single argument", second.startIndex, second.endIndex);
    } else if (close && this.hasNewline(first.endIndex, close.startIndex)) {
      this.report("a single-line block must end with \"}\" on the same line", first.endIndex, close.startIndex);
    }
  }

  private duplicates(items: Node[]): void {
    const seen = new Map<string, Node>();
    for (const item of items) {
      if (item.type !== "attribute") continue;
      const nameNode = item.child(0);
      if (!nameNode) continue;
      const name = nameNode.text;
      const first = seen.get(name);
      if (first) {
        const line = this.lines.position(first.startIndex).line;
        this.report(`attribute "${name}" was already defined at line ${line}`, nameNode.startIndex, nameNode.endIndex);
      } else {
        seen.set(name, item);
      }
    }
  }

  private attribute(node: Node): void {
    const kids = node.children;
    this.sameLine(kids.slice(0, 3), "an argument's name, \"=\" and value must start on the same line");
    const expr = kids[2];
    if (expr) this.expr(expr, true);
  }

  private block(node: Node): void {
    const kids = node.children;
    const openIdx = kids.findIndex((c) => c.type === "block_start");
    const open = kids[openIdx] ?? null;
    this.sameLine(kids.slice(0, openIdx + 1), "a block header and its \"{\" must be on one line");
    const bodyNode = kids.find((c) => c.type === "body");
    const close = kids.find((c) => c.type === "block_end") ?? null;
    for (const label of kids.slice(1, openIdx)) this.expr(label, true);
    this.body(bodyNode ? bodyNode.children.filter(isItem) : [], open, close);
  }

  private sameLine(tokens: Node[], message: string): void {
    for (let i = 1; i < tokens.length; i++) {
      const prev = tokens[i - 1] as Node;
      const cur = tokens[i] as Node;
      if (this.hasNewline(prev.endIndex, cur.startIndex)) {
        this.report(message, prev.endIndex, cur.startIndex);
        return;
      }
    }
  }

  // ---- expressions ----

  /** Walks an expression; `sensitive` means a newline between tokens ends the item (HCL's newline mode). */
  expr(node: Node, sensitive: boolean): void {
    this.tokenRules(node);
    const type = node.type;
    if (type === "object") return this.object(node);
    if (type === "quoted_template" || type === "string_lit") this.noRawNewline(node);
    if (type === "heredoc_template") this.heredocEnd(node);
    if (TEMPLATE_CONTAINERS.has(type)) {
      for (const child of node.children) this.expr(child, false);
      return;
    }
    const inner = sensitive && !NEWLINE_FREE.has(type);
    const kids = node.children;
    let depth = 0;
    kids.forEach((child, i) => {
      if (CLOSERS.has(child.type)) depth--;
      this.expr(child, inner && depth === 0);
      if (OPENERS.has(child.type)) depth++;
      const next = kids[i + 1];
      if (next && inner && depth === 0 && this.hasNewline(child.endIndex, next.startIndex)) {
        this.report("unexpected newline inside an expression (wrap it in parentheses to span lines)", child.endIndex, next.startIndex);
      }
    });
  }

  private object(node: Node): void {
    const kids = node.children;
    let prevElem: Node | null = null;
    let comma = false;
    for (const child of kids) {
      if (child.type === "object_elem") {
        if (prevElem && !comma && !this.hasNewline(prevElem.endIndex, child.startIndex)) {
          this.report("missing \",\" or newline between object attributes", child.startIndex, child.endIndex);
        }
        this.expr(child, true);
        prevElem = child;
        comma = false;
      } else if (child.type === ",") {
        comma = true;
      }
    }
  }

  /** Quoted strings may not span lines outside their `${ }` and `%{ }` parts. */
  private noRawNewline(node: Node): void {
    const regions: [number, number][] = [];
    collectRegions(node, regions);
    let cursor = node.startIndex;
    for (const [start, end] of [...regions, [node.endIndex, node.endIndex] as [number, number]]) {
      const nl = this.text.slice(cursor, start).indexOf("\n");
      if (nl >= 0) {
        this.report("quoted strings may not span lines; use \\n or a heredoc", cursor + nl, cursor + nl + 1);
        return;
      }
      cursor = end;
    }
  }

  private heredocEnd(node: Node): void {
    const after = this.text.slice(node.endIndex, node.endIndex + 2);
    if (!(after.startsWith("\n") || after === "\r\n")) {
      this.report("a heredoc's closing marker must be followed by a newline", node.endIndex, node.endIndex);
    }
  }

  /** Token-level checks: number literals, legacy indexes, `::` identifiers, empty interpolations. */
  private tokenRules(node: Node): void {
    switch (node.type) {
      case "numeric_lit":
        if (node.text.startsWith("0x") && !this.rewrittenNumbers.has(node.startIndex)) {
          this.report("invalid number literal", node.startIndex, node.endIndex);
        }
        break;
      case "legacy_index":
        this.legacyIndex(node);
        break;
      case "splat":
        this.nestedSplat(node);
        break;
      case "identifier":
        if (node.text.includes("::") && node.parent?.type !== "function_call") {
          this.report(`invalid name "${node.text}"`, node.startIndex, node.endIndex);
        }
        break;
      case "template_interpolation":
        if (!node.children.some((c) => c.type === "expression")) {
          this.report("expected an expression inside \"${ }\"", node.startIndex, node.endIndex);
        }
        break;
    }
  }

  /**
   * HCL's attribute-only splat (`.*`) continues through `.name` steps only; a
   * second `.*` reached that way is a nested splat, which HCL rejects
   * (`a.*.b.*.c`), while `a.*.b[0].*` is fine.
   */
  private nestedSplat(node: Node): void {
    if (node.child(0)?.type !== "attr_splat") return;
    const prev = node.previousSibling;
    const prevSplat = prev?.type === "splat" ? prev.child(0) : null;
    if (prevSplat?.type !== "attr_splat") return;
    if (prevSplat.children.some((c) => c.type === "index" && c.child(0)?.type === "new_index")) return;
    this.report("a splat cannot be nested inside an attribute-only splat (.*)", node.startIndex, node.endIndex);
  }

  /** HCL lexes `x.0.1` and `10.0.0.0` as number tokens with several dots, which it rejects. */
  private legacyIndex(node: Node): void {
    const index = node.parent;
    const prev = index?.previousSibling;
    if (!index || !prev || prev.endIndex !== index.startIndex) return;
    if (prev.type === "literal_value" && prev.child(0)?.type === "numeric_lit") {
      let last = index;
      for (let next = index.nextSibling; next && isLegacyIndex(next) && next.startIndex === last.endIndex; next = next.nextSibling) {
        last = next;
      }
      this.report("invalid number literal", prev.startIndex, last.endIndex);
    } else if (isLegacyIndex(prev) && !this.startsAtNumber(prev)) {
      this.report("chained legacy indexes like .0.1 are not allowed; use [0][1]", prev.startIndex, index.endIndex);
    }
  }

  /** True when a run of adjacent legacy indexes hangs off a number literal (reported once as a bad number). */
  private startsAtNumber(index: Node): boolean {
    let cur: Node = index;
    for (let prev = cur.previousSibling; prev && prev.endIndex === cur.startIndex; prev = prev.previousSibling) {
      if (prev.type === "literal_value") return prev.child(0)?.type === "numeric_lit";
      if (!isLegacyIndex(prev)) return false;
      cur = prev;
    }
    return false;
  }
}

function isLegacyIndex(node: Node): boolean {
  return node.type === "index" && node.child(0)?.type === "legacy_index";
}

function isItem(node: Node): boolean {
  return node.type === "attribute" || node.type === "block";
}

function collectRegions(node: Node, out: [number, number][]): void {
  for (const child of node.children) {
    if (CODE_REGIONS.has(child.type)) out.push([child.startIndex, child.endIndex]);
    else if (TEMPLATE_CONTAINERS.has(child.type)) collectRegions(child, out);
  }
}
