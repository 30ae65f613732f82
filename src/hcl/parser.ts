import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Language, Parser, type Tree } from "web-tree-sitter";
import type { Body, ParsedFile, ParseProblem, Range, TemplatePart } from "./ast.js";
import { Converter, ShapeError } from "./convert.js";
import { syntaxProblems } from "./errors.js";
import { parseFast } from "./fast.js";
import { endOffsetOf, LineIndex, OffsetRange, startOffsetOf, stripBom } from "./positions.js";
import { MAX_SYNTAX_DEPTH, mirrorTree, type SyntaxNode as Node } from "./syntax.js";
import { Validator } from "./validate.js";

export interface HclParser {
  /** Parses a native-syntax HCL file (`.tf`, `.tfvars`, `.hcl`). */
  parse(text: string, path: string): ParsedFile;
  /**
   * The fast path alone: the parsed file when it is clean HCL the hand-written parser reads (the
   * same result `parse` gives), else undefined, and `parse` must read it with tree-sitter.
   */
  parseClean(text: string, path: string): ParsedFile | undefined;
  /** Parses a bare template, as `templatefile()` reads its file. */
  parseTemplate(text: string, path: string): { parts: TemplatePart[]; problems: ParseProblem[] };
}

export interface HclParserOptions {
  /**
   * Try the hand-written parser (fast.ts) first, which reads clean files several times faster and
   * leaves the rest to tree-sitter; the result is the same either way. Default true; tests turn it off.
   */
  fastPath?: boolean;
}

/** Loads the Terraform grammar once; the returned parser holds no per-file state between calls. */
export async function createHclParser(options: HclParserOptions = {}): Promise<HclParser> {
  const fast = options.fastPath ?? true;
  await Parser.init();
  const language = await Language.load(grammarWasm());
  const parser = new Parser();
  parser.setLanguage(language);
  const parseTree = (text: string): Tree => {
    const tree = parser.parse(text);
    if (!tree) throw new Error("tree-sitter returned no tree");
    return tree;
  };
  return {
    parse: (text, filePath) => parseNative(parseTree, stripBom(text), filePath, fast),
    parseClean: (text, filePath) => {
      if (!fast) return undefined;
      const clean = stripBom(text);
      const body = parseFast(clean, new LineIndex(clean));
      return body ? { path: filePath, body, problems: [] } : undefined;
    },
    parseTemplate: (text, filePath) => parseBareTemplate(parseTree, stripBom(text), filePath, fast),
  };
}

/**
 * The Terraform grammar: next to this module in the Action's bundle (dist/, where
 * node_modules is absent; web-tree-sitter finds its own .wasm there too), else from the package.
 */
function grammarWasm(): string {
  const bundled = fileURLToPath(new URL("tree-sitter-terraform.wasm", import.meta.url));
  if (existsSync(bundled)) return bundled;
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/package.json")), "tree-sitter-terraform.wasm");
}

type ParseTree = (text: string) => Tree;

function parseNative(parseTree: ParseTree, text: string, filePath: string, fast: boolean): ParsedFile {
  const lines = new LineIndex(text);
  const clean = fast ? parseFast(text, lines) : undefined;
  if (clean) return { path: filePath, body: clean, problems: [] };
  const { tree, rewritten } = parseWithExponents(parseTree, text);
  try {
    const { root, truncated } = mirrorTree(tree, text);
    const problems = dropTooDeep(root, truncated, lines);
    problems.push(...syntaxProblems(root, text, lines));
    const content = root.children.find((c) => c.type === "body" || c.type === "object") ?? null;
    if (content?.type === "object") {
      problems.push({ message: "expected attributes and blocks, found an object", range: lines.range(content.startIndex, content.endIndex) });
    }
    const items = content?.type === "body" ? content.children.filter((c) => c.type === "attribute" || c.type === "block") : [];
    new Validator(text, lines, problems, rewritten).body(items, null, null);
    const body = convertBody(content, text, lines, problems);
    problems.sort((a, b) => Number(a.echo ?? false) - Number(b.echo ?? false) || startOffsetOf(a.range) - startOffsetOf(b.range));
    return { path: filePath, body, problems };
  } finally {
    tree.delete();
  }
}

/**
 * Removes each top-level attribute or block that holds a node cut off at MAX_SYNTAX_DEPTH, with a
 * problem (CFG-001) where the nesting went too deep; the rest of the file is read as usual.
 */
function dropTooDeep(root: Node, truncated: readonly Node[], lines: LineIndex): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const dropped = new Set<Node>();
  for (const deep of truncated) {
    let item = deep;
    while (item.parent && item.parent !== root && !(item.parent.type === "body" && item.parent.parent === root)) item = item.parent;
    if (dropped.has(item)) continue;
    dropped.add(item);
    const what = item.type === "block" ? "this block" : item.type === "attribute" ? "this attribute" : "this file";
    problems.push({
      message: `${what} nests deeper than ${MAX_SYNTAX_DEPTH} syntax levels, more than any real configuration; it was not read`,
      range: lines.range(deep.startIndex, Math.min(deep.endIndex, deep.startIndex + 1)),
    });
  }
  for (const item of dropped) {
    const parent = item.parent!;
    parent.children.splice(parent.children.indexOf(item), 1);
    parent.children.forEach((c, i) => (c.index = i));
  }
  return problems;
}

function convertBody(content: Node | null, text: string, lines: LineIndex, problems: ParseProblem[]): Body {
  const converter = new Converter(text, lines, problems);
  const bodyNode = content?.type === "body" ? content : null;
  try {
    return converter.body(bodyNode, 0, text.length);
  } catch (err) {
    if (!(err instanceof ShapeError)) throw err;
    problems.push({ message: `could not read this file: ${err.message}`, range: lines.range(0, 0) });
    return { attributes: [], blocks: [], range: lines.range(0, text.length) };
  }
}

/**
 * The grammar only knows exponents after a fraction (`1.5e3`), while HCL also
 * accepts `1e5`. Such literals are rewritten to a same-length `0x…` token the
 * grammar accepts; the converter reads the number from the original text.
 */
function parseWithExponents(parseTree: ParseTree, text: string): { tree: Tree; rewritten: Set<number> } {
  const rewritten = new Set<number>();
  let tree = parseTree(text);
  const candidates = [...text.matchAll(/(?<![\w.])\d+[eE][+-]?\d+(?!\w|\.\d)/g)];
  let patched = text;
  // Error recovery around one bad literal can hide the next, so repeat until stable.
  for (let changed = candidates.length > 0; changed; ) {
    changed = false;
    for (const match of candidates) {
      const start = match.index;
      if (rewritten.has(start)) continue;
      const node = tree.rootNode.descendantForIndex(start, start + 1);
      if (!node || NOT_CODE.has(node.type) || node.startIndex > start) continue;
      const len = match[0].length;
      patched = patched.slice(0, start) + "0x" + "a".repeat(len - 2) + patched.slice(start + len);
      rewritten.add(start);
      changed = true;
    }
    if (changed) {
      tree.delete();
      tree = parseTree(patched);
    }
  }
  return { tree, rewritten };
}

const NOT_CODE = new Set(["comment", "template_literal", "identifier", "quoted_template_start", "heredoc_identifier"]);

const TEMPLATE_ATTR = "t";

/**
 * A bare template is parsed as the body of a heredoc: `t = <<MARKER\n` is
 * prepended (offsets are shifted back afterwards) with a marker that does not
 * occur in the text.
 */
function parseBareTemplate(
  parseTree: ParseTree,
  text: string,
  filePath: string,
  fast: boolean,
): { parts: TemplatePart[]; problems: ParseProblem[] } {
  let marker = "RESTORABLE_TEMPLATE_END";
  while (text.includes(marker)) marker += "_";
  const prefix = `${TEMPLATE_ATTR} = <<${marker}\n`;
  const needsNewline = text.length > 0 && !text.endsWith("\n");
  const wrapped = `${prefix}${text}${needsNewline ? "\n" : ""}${marker}\n`;
  const parsed = parseNative(parseTree, wrapped, filePath, fast);
  const lines = new LineIndex(text);
  const shift = (offset: number): number => Math.max(0, Math.min(text.length, offset - prefix.length));
  const rebase = <T>(value: T): T => rebaseRanges(value, (r) => lines.range(shift(startOffsetOf(r)), shift(endOffsetOf(r))));
  const problems = parsed.problems.map((p) => rebase(p));
  const expr = parsed.body.attributes[0]?.expr;
  let parts: TemplatePart[] = [];
  if (expr?.kind === "template") parts = expr.parts;
  else if (expr?.kind === "literal" && typeof expr.value === "string" && expr.value !== "") {
    parts = [{ kind: "literal", value: expr.value, range: expr.range }];
  }
  parts = rebase(parts);
  if (needsNewline) trimAddedNewline(parts);
  return { parts, problems };
}

function trimAddedNewline(parts: TemplatePart[]): void {
  const last = parts[parts.length - 1];
  if (last?.kind !== "literal" || !last.value.endsWith("\n")) return;
  last.value = last.value.slice(0, -1);
  if (last.value === "") parts.pop();
}

/** Deep-copies a model value, mapping every range through `map`. */
function rebaseRanges<T>(value: T, map: (range: Range) => Range): T {
  if (Array.isArray(value)) return value.map((v) => rebaseRanges(v, map)) as T;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof OffsetRange) return map(value) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = rebaseRanges(v, map);
  return out as T;
}
