/**
 * The syntax tree as plain JavaScript objects, copied from tree-sitter's tree in one cursor walk
 * (issue 7). Reading a web-tree-sitter `Node` crosses into WebAssembly on every property
 * (`children` marshals an array each time), and the validator and the converter read each node
 * many times; a copy made once is several times cheaper. It offers the subset of `Node` they use.
 */
import type { Tree } from "web-tree-sitter";

export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  parent: SyntaxNode | null = null;
  /** Index in the parent's children. */
  index = 0;
  /** The grammar's field name of this node in its parent, when it has one. */
  fieldName: string | null = null;
  /** True when the node or a descendant is an ERROR or a MISSING node. */
  hasError: boolean;

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
  ) {
    this.hasError = type === "ERROR" || isMissing;
  }

  get isError(): boolean {
    return this.type === "ERROR";
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get childCount(): number {
    return this.children.length;
  }

  child(i: number): SyntaxNode | null {
    return this.children[i] ?? null;
  }

  get previousSibling(): SyntaxNode | null {
    return this.parent?.children[this.index - 1] ?? null;
  }

  get nextSibling(): SyntaxNode | null {
    return this.parent?.children[this.index + 1] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    return this.children.find((c) => c.fieldName === name) ?? null;
  }

  /** The deepest node that spans [start, end). */
  descendantForIndex(start: number, end = start + 1): SyntaxNode {
    let cur: SyntaxNode = this;
    for (;;) {
      const next: SyntaxNode | undefined = cur.children.find((c) => c.startIndex <= start && end <= c.endIndex);
      if (!next) return cur;
      cur = next;
    }
  }
}

/** Parent types whose children's field names the converter asks for (object_elem: key, val). */
const FIELD_PARENTS = new Set(["object_elem"]);

/**
 * Copies a tree-sitter tree (every node, named or not) into SyntaxNodes. Each cursor property
 * read marshals the cursor into WebAssembly, so only what changes per node is read: its type
 * id, start and end; named-ness is the type's, MISSING is checked only for empty nodes (a
 * missing node spans nothing), field names only where they are used.
 */
/**
 * Deepest syntax nesting copied. Real configurations stay far below it (each tuple or object level
 * is three syntax levels, each nested block two), while the validator, the converter and the
 * evaluator recurse per level: a hostile file 10,000 levels deep would overflow their stack. The
 * nodes at this depth keep no children and are returned as `truncated`; the parser drops what holds them.
 */
export const MAX_SYNTAX_DEPTH = 600;

export function mirrorTree(tree: Tree, source: string, maxDepth = MAX_SYNTAX_DEPTH): { root: SyntaxNode; truncated: SyntaxNode[] } {
  const cursor = tree.walk();
  const language = tree.language;
  const named = new Map<number, boolean>();
  const isNamed = (typeId: number) => named.get(typeId) ?? named.set(typeId, language.nodeTypeIsNamed(typeId)).get(typeId)!;
  try {
    const make = (parent: SyntaxNode | null) => {
      const typeId = cursor.nodeTypeId;
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      const missing = start === end && cursor.nodeIsMissing;
      const node = new SyntaxNode(source, language.types[typeId] || "ERROR", start, end, isNamed(typeId), missing);
      if (parent) {
        if (FIELD_PARENTS.has(parent.type)) node.fieldName = cursor.currentFieldName;
        node.parent = parent;
        node.index = parent.children.length;
        parent.children.push(node);
      }
      return node;
    };
    const root = make(null);
    const truncated: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [root];
    // Depth-first with an explicit stack: deep nesting (10,000 levels) must not overflow the call stack.
    for (;;) {
      if (cursor.gotoFirstChild()) {
        if (stack.length < maxDepth) {
          stack.push(make(stack[stack.length - 1]!));
          continue;
        }
        truncated.push(stack[stack.length - 1]!);
        cursor.gotoParent();
      }
      for (;;) {
        const done = stack.pop()!;
        const parent = stack[stack.length - 1];
        if (!parent) return { root, truncated };
        if (done.hasError) parent.hasError = true;
        if (cursor.gotoNextSibling()) {
          stack.push(make(parent));
          break;
        }
        cursor.gotoParent();
      }
    }
  } finally {
    cursor.delete();
  }
}
