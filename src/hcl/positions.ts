import type { Position, Range } from "./ast.js";

/** Maps UTF-16 offsets of one text to 1-based line/column positions. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** Line (0-based) of the last position asked for: parsers ask in nearly increasing order. */
  private lastLine = 0;

  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = this.lastLine;
    if (!((starts[lo] ?? 0) <= offset && (lo + 1 >= starts.length || starts[lo + 1]! > offset))) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      this.lastLine = lo;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1, offset };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** Shifts a range computed on another text by a constant offset into `index`. */
export function rebaseRange(range: Range, delta: number, index: LineIndex): Range {
  return index.range(range.start.offset + delta, range.end.offset + delta);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
