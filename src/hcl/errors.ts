/** Turns tree-sitter ERROR and MISSING nodes into problems pointing at the innermost fault. */
import type { SyntaxNode as Node } from "./syntax.js";
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
  return faults.slice(0, MAX_SYNTAX_PROBLEMS).map((node) => {
    const at = pointOf(node);
    const problem: ParseProblem = { message: describe(node, text, at.endIndex), range: lines.range(at.startIndex, at.endIndex) };
    return isMissingCloser(node) ? { ...problem, echo: true } : problem;
  });
}

/** A block left open is usually the echo of a fault inside it (an unclosed bracket is the fault itself). */
function isMissingCloser(node: Node): boolean {
  const closer = node.parent?.type === "block_end" ? node.parent : node;
  return node.isMissing && closer.type === "block_end" && openerOf(node) !== undefined;
}

const OPENER_OF: Record<string, string[]> = {
  block_end: ["block_start"],
  object_end: ["object_start"],
  tuple_end: ["tuple_start"],
  quoted_template_end: ["quoted_template_start"],
  template_interpolation_end: ["template_interpolation_start"],
  template_directive_end: ["template_directive_start"],
  ")": ["("],
  "]": ["["],
};

/**
 * Where to point: a missing closer points at its opener (the end of file
 * says nothing about which brace is unclosed); an ERROR at its first token,
 * since tree-sitter's ERROR often swallows the lines that follow.
 */
function pointOf(node: Node): { startIndex: number; endIndex: number } {
  if (node.isMissing) return openerOf(node) ?? afterPreviousToken(node);
  return firstLeaf(node) ?? node;
}

/** A missing token belongs right after the token before it, not at the next line's start. */
function afterPreviousToken(missing: Node): { startIndex: number; endIndex: number } {
  let cur: Node | null = missing;
  while (cur && !cur.previousSibling) cur = cur.parent;
  const prev = cur?.previousSibling;
  return prev ? { startIndex: prev.endIndex, endIndex: prev.endIndex } : missing;
}

/** The opening token matching a missing closer; `block_end` and friends wrap the bare `}`. */
function openerOf(missing: Node): Node | undefined {
  let closer = missing;
  const wrapper = missing.parent;
  if (wrapper && wrapper.childCount === 1 && OPENER_OF[wrapper.type]) closer = wrapper;
  const openers = OPENER_OF[closer.type];
  return openers ? closer.parent?.children.find((c) => openers.includes(c.type)) : undefined;
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

function describe(node: Node, text: string, at: number): string {
  if (node.isMissing && node.type === "heredoc_identifier") {
    return "unterminated heredoc: its closing marker must stand on its own line, followed by a newline";
  }
  if (node.isMissing) {
    const wanted = TOKEN_TEXT[node.type] ?? node.type;
    const opener = openerOf(node);
    if (opener) return `missing "${wanted}" to close this "${text.slice(opener.startIndex, opener.endIndex)}"`;
    const next = text.slice(at).match(/^[ \t]*(\S)/u)?.[1];
    return next === undefined ? `missing "${wanted}"` : `unexpected ${JSON.stringify(next)}: expected ${wanted === "<<" ? "an expression" : `"${wanted}"`}`;
  }
  const leaf = firstLeaf(node);
  const shown = leaf ? text.slice(leaf.startIndex, leaf.endIndex) : text.slice(node.startIndex, node.endIndex);
  if (shown.length === 0) {
    const next = text.slice(node.startIndex).match(/\S/u)?.[0];
    return next === undefined ? "unexpected end of input" : `unexpected ${JSON.stringify(next)}`;
  }
  const clipped = shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
  return `unexpected ${JSON.stringify(clipped)}`;
}

function firstLeaf(node: Node): Node | null {
  let cur: Node | null = node;
  while (cur && cur.childCount > 0) cur = cur.child(0);
  return cur;
}
