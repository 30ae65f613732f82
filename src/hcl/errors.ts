/** Turns tree-sitter ERROR and MISSING nodes into problems pointing at the innermost fault. */
import type { Node } from "web-tree-sitter";
import type { ParseProblem } from "./ast.js";
import type { LineIndex } from "./positions.js";

const MAX_SYNTAX_PROBLEMS = 20;

const TOKEN_TEXT: Record<string, string> = {
  quoted_template_end: '"',
  quoted_template_start: '"',
  block_end: "}",
  block_start: "{",
  object_end: "}",
  object_start: "{",
  tuple_end: "]",
  tuple_start: "[",
  template_interpolation_end: "}",
  template_directive_end: "}",
  heredoc_identifier: "heredoc marker",
};

export function syntaxProblems(root: Node, text: string, lines: LineIndex): ParseProblem[] {
  const faults: Node[] = [];
  collectInnermost(root, faults);
  return faults.slice(0, MAX_SYNTAX_PROBLEMS).map((node) => ({
    message: describe(node, text),
    range: lines.range(node.startIndex, node.endIndex),
  }));
}

function collectInnermost(node: Node, out: Node[]): void {
  if (node.isMissing) {
    out.push(node);
    return;
  }
  const faultyChildren = node.children.filter((c) => c.hasError || c.isMissing);
  if (node.isError && faultyChildren.length === 0) {
    out.push(node);
    return;
  }
  for (const child of faultyChildren) collectInnermost(child, out);
}

function describe(node: Node, text: string): string {
  if (node.isMissing) return `missing "${TOKEN_TEXT[node.type] ?? node.type}"`;
  const leaf = firstLeaf(node);
  const shown = leaf ? text.slice(leaf.startIndex, leaf.endIndex) : text.slice(node.startIndex, node.endIndex);
  if (shown.length === 0) return "unexpected end of input";
  const clipped = shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
  return `unexpected ${JSON.stringify(clipped)}`;
}

function firstLeaf(node: Node): Node | null {
  let cur: Node | null = node;
  while (cur && cur.childCount > 0) cur = cur.child(0);
  return cur;
}
