import type { Position, Range } from "./ast.js";

/** Maps UTF-16 offsets of one text to 1-based line/column positions. */
export class LineIndex {
  private readonly lineStarts: number[];
  /** Line (0-based) of the last position asked for: parsers ask in nearly increasing order. */
  #lastLine = 0;

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = this.#lastLine;
    if (!((starts[lo] ?? 0) <= offset && (lo + 1 >= starts.length || starts[lo + 1]! > offset))) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      this.#lastLine = lo;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1, offset };
  }

  range(start: number, end: number): Range {
    return new OffsetRange(this, start, end);
  }
}

/**
 * A range that keeps its two offsets; line and column are computed when read. An AST holds a range
 * per node and most are never read, while a range of two position objects made three long-lived
 * objects per node: on a 10,000-file scan, most of the AST's 3.4 million objects (issue 7).
 * Equal offsets in one text are equal ranges: the text's index is private, and not compared.
 * Structured clone (a parse worker's answer) keeps only the offsets: `rehydrateRanges` restores them.
 */
export class OffsetRange implements Range {
  readonly #lines: LineIndex;

  constructor(
    lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {
    this.#lines = lines;
  }

  get start(): Position {
    return this.#lines.position(this.startOffset);
  }

  get end(): Position {
    return this.#lines.position(this.endOffset);
  }
}

/** Start and end offsets of any range (an OffsetRange, or one of plain positions). */
export function startOffsetOf(r: Range): number {
  return r instanceof OffsetRange ? r.startOffset : r.start.offset;
}

export function endOffsetOf(r: Range): number {
  return r instanceof OffsetRange ? r.endOffset : r.end.offset;
}

/** The range from the start of `a` to the end of `b`, in `lines`. */
export function spanOf(lines: LineIndex, a: Range, b: Range): Range {
  return lines.range(startOffsetOf(a), endOffsetOf(b));
}

/**
 * Restores the OffsetRanges of a value that went through structured clone (a worker's ParsedFile):
 * plain `{ startOffset, endOffset }` objects become ranges of `lines` again, in place.
 */
export function rehydrateRanges(value: unknown, lines: LineIndex): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      if (isClonedRange(x)) (v as Record<string | number, unknown>)[k] = lines.range(x.startOffset, x.endOffset);
      else if (x !== null && typeof x === "object") stack.push(x);
    }
  }
}

function isClonedRange(x: unknown): x is { startOffset: number; endOffset: number } {
  if (x === null || typeof x !== "object" || x instanceof OffsetRange) return false;
  const keys = Object.keys(x);
  return keys.length === 2 && typeof (x as { startOffset?: unknown }).startOffset === "number" && typeof (x as { endOffset?: unknown }).endOffset === "number";
}

/** Shifts a range computed on another text by a constant offset into `index`. */
export function rebaseRange(range: Range, delta: number, index: LineIndex): Range {
  return index.range(startOffsetOf(range) + delta, endOffsetOf(range) + delta);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
