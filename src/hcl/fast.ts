/**
 * A hand-written parser for HCL native syntax that builds the ast.ts model straight from the text,
 * as the fast path for clean files (issue 7). It accepts only what it is certain the tree-sitter
 * path (parser.ts `parseNative`: grammar, validator, converter) reads without any problem, and
 * then returns exactly the Body that path returns, ranges included. Anything else — a syntax
 * error, a rule validate.ts enforces, an escape error, a construct whose tree-sitter reading is
 * odd or unsure — makes it give up (`undefined`), and the caller parses the file with tree-sitter,
 * which reports the problems. Giving up is always safe; a Body that differs is a bug.
 *
 * Where the two readings could differ, this parser follows tree-sitter, or gives up:
 * - newlines are only whitespace to tree-sitter; the validator then reports one that ends an item
 *   too early, so here a newline before a token that would continue an expression gives up;
 * - comments are tree nodes, and the converter trips over some of them, so they are accepted only
 *   between items, collection elements and call arguments, where the tree keeps them out of the way;
 * - template literal text is chunked the way the grammar's external scanner does (`$${`, `$$`).
 */
import type { Attribute, BinaryOp, Block, Body, Expr, ObjectItem, Range, TemplatePart, Traverser } from "./ast.js";
import { endOffsetOf, spanOf, startOffsetOf, type LineIndex } from "./positions.js";
import { decodeHeredoc, decodeQuoted, type EscapeError, type FlatToken, flushHeredoc, splitLines, trimLeftSpace, trimRightSpace } from "./strings.js";

/** Deepest recursion (expressions, blocks, templates) before giving up: far beyond real files, well within the stack. */
const MAX_NESTING = 150;
/**
 * Highest estimated tree-sitter syntax depth accepted. Each construct's estimate is at least the
 * levels tree-sitter gives it, so an accepted file stays below MAX_SYNTAX_DEPTH (600, syntax.ts),
 * where the tree-sitter path drops items. Long operator chains add depth without recursion here.
 */
const MAX_TREE_HEIGHT = 450;

/** Returns the Body of a clean native-syntax file (BOM already stripped), or undefined to fall back to tree-sitter. */
export function parseFast(text: string, lines: LineIndex): Body | undefined {
  try {
    return new FastParser(text, lines).file();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

/** Thrown (one shared instance, no stack trace) wherever the input leaves the accepted subset. */
const GIVE_UP = Object.freeze({ giveUp: true });
function giveUp(): never {
  throw GIVE_UP;
}

// ---- tokens ----

// Typed `number` so that comparing `this.kind` does not narrow it across advance().
const EOF: number = 0;
const IDENT: number = 1;
const NUMBER: number = 2;
const QUOTE: number = 3;
const HEREDOC: number = 4;
const LBRACE: number = 5;
const RBRACE: number = 6;
const LBRACK: number = 7;
const RBRACK: number = 8;
const LPAREN: number = 9;
const RPAREN: number = 10;
const COMMA: number = 11;
const ASSIGN: number = 12;
const COLON: number = 13;
const QUESTION: number = 14;
const DOT: number = 15;
const ATTR_SPLAT: number = 16;
const FULL_SPLAT: number = 17;
const ELLIPSIS: number = 18;
const ARROW: number = 19;
const NOT: number = 20;
const TILDE: number = 21;
const OR: number = 22;
const AND: number = 23;
const EQ: number = 24;
const NE: number = 25;
const LT: number = 26;
const GT: number = 27;
const LE: number = 28;
const GE: number = 29;
const PLUS: number = 30;
const MINUS: number = 31;
const STAR: number = 32;
const SLASH: number = 33;
const PERCENT: number = 34;

/** Binding strength of each binary operator token (0: not one), as HCL and the grammar rank them. */
const PRECEDENCE: number[] = [];
const OPERATOR: BinaryOp[] = [];
for (const [kind, op, prec] of [
  [OR, "||", 1],
  [AND, "&&", 2],
  [EQ, "==", 3],
  [NE, "!=", 3],
  [LT, "<", 4],
  [GT, ">", 4],
  [LE, "<=", 4],
  [GE, ">=", 4],
  [PLUS, "+", 5],
  [MINUS, "-", 5],
  [STAR, "*", 6],
  [SLASH, "/", 6],
  [PERCENT, "%", 6],
] as const) {
  PRECEDENCE[kind] = prec;
  OPERATOR[kind] = op;
}

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A UTF-16 surrogate: identifiers with characters outside the BMP are left to tree-sitter. */
function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

function isIdentStart(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || c === 95;
  return !isSurrogate(c) && ID_START.test(String.fromCharCode(c));
}

/** Characters that may not directly follow a number or a legacy index (they would glue onto it). */
function gluesToNumber(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95 || c === 46 || c >= 128;
}

/**
 * Characters that tree-sitter's heredoc scanner (iswspace) may skip where this parser cannot be
 * sure: at a heredoc line start they decide whether a closing marker follows.
 */
function isOddSpace(c: number): boolean {
  return (
    c === 11 ||
    c === 12 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// ---- templates ----

const INTERP = 1;
const IF = 2;
const ELSE = 4;
const ENDIF = 8;
const FOR = 16;
const ENDFOR = 32;

/** An interpolation or a directive of a template, with what the part builder needs. */
interface Code {
  type: number;
  start: number;
  end: number;
  /** `~` right after the opener / right before the closing brace. */
  left: boolean;
  right: boolean;
  /** The interpolated expression, the `if` condition or the `for` collection. */
  expr: Expr | null;
  keyVar: string | null;
  valueVar: string;
}

type Token = FlatToken<Code>;

function applyStripMarkers(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.lit) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (tok.code.left && prev?.lit) prev.value = trimRightSpace(prev.value);
    if (tok.code.right && next?.lit) next.value = trimLeftSpace(next.value);
  }
}

/** Deepest nesting of `%{if}`/`%{for}` directives in one template (each is two tree-sitter levels). */
const MAX_DIRECTIVE_NESTING = 50;

/** Nests flat template tokens into parts, exactly as convert.ts's PartBuilder does; gives up on unbalanced directives. */
class PartBuilder {
  private i = 0;
  private depth = 0;
  /** Deepest directive nesting seen, for the template's height. */
  maxDepth = 0;
  constructor(
    private readonly lines: LineIndex,
    private readonly tokens: Token[],
  ) {}

  build(): TemplatePart[] {
    return this.sequence(0);
  }

  /** Parts up to a code of a type in `stops` (a bit set), which must come unless `stops` is 0. */
  private sequence(stops: number): TemplatePart[] {
    const parts: TemplatePart[] = [];
    while (this.i < this.tokens.length) {
      const tok = this.tokens[this.i]!;
      if (tok.lit) {
        this.i++;
        this.pushLiteral(parts, tok.value, tok.start, tok.end);
        continue;
      }
      const code = tok.code;
      if (code.type & stops) return parts;
      this.i++;
      if (code.type === INTERP) {
        parts.push({ kind: "interp", expr: code.expr!, stripLeft: code.left, stripRight: code.right, range: this.lines.range(code.start, code.end) });
      } else if (code.type === IF) parts.push(this.ifPart(code));
      else if (code.type === FOR) parts.push(this.forPart(code));
      else giveUp();
    }
    if (stops !== 0) giveUp();
    return parts;
  }

  private pushLiteral(parts: TemplatePart[], value: string, start: number, end: number): void {
    const last = parts[parts.length - 1];
    if (last?.kind === "literal") {
      last.value += value;
      last.range = this.lines.range(startOffsetOf(last.range), end);
    } else if (value !== "" || start !== end) {
      parts.push({ kind: "literal", value, range: this.lines.range(start, end) });
    }
    const now = parts[parts.length - 1];
    if (now?.kind === "literal" && now.value === "") parts.pop();
  }

  private enter(): void {
    if (++this.depth > MAX_DIRECTIVE_NESTING) giveUp();
    this.maxDepth = Math.max(this.maxDepth, this.depth);
  }

  private ifPart(intro: Code): TemplatePart {
    this.enter();
    const then = this.sequence(ELSE | ENDIF);
    let els: TemplatePart[] | null = null;
    if ((this.tokens[this.i] as { code: Code }).code.type === ELSE) {
      this.i++;
      els = this.sequence(ENDIF);
    }
    const end = (this.tokens[this.i++] as { code: Code }).code.end;
    this.depth--;
    return { kind: "if", cond: intro.expr!, then, else: els, range: this.lines.range(intro.start, end) };
  }

  private forPart(intro: Code): TemplatePart {
    this.enter();
    const body = this.sequence(ENDFOR);
    const end = (this.tokens[this.i++] as { code: Code }).code.end;
    this.depth--;
    return { kind: "for", keyVar: intro.keyVar, valueVar: intro.valueVar, coll: intro.expr!, body, range: this.lines.range(intro.start, end) };
  }
}

// ---- the parser ----

class FastParser {
  // The current token: kind, [start, end), a newline / a comment in the gap before it, `::` inside an identifier.
  private kind = EOF;
  private start = 0;
  private end = 0;
  private nl = false;
  private cm = false;
  private colons = false;
  /** The heredoc opener is `<<-`. */
  private flush = false;

  /** Estimated tree-sitter height of the expression last returned. */
  private h = 0;
  private nesting = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  file(): Body {
    // tree-sitter's template scanner reads NUL as the end of input.
    if (this.text.includes("\0")) giveUp();
    this.advance();
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const names = new Names();
    for (let first = true; this.kind !== EOF; first = false) {
      if (!first && !this.nl) giveUp();
      this.item(attributes, blocks, names, 2);
    }
    return { attributes, blocks, range: this.lines.range(0, this.text.length) };
  }

  // ---- lexer ----

  /** Reads the token after the current one (code mode). */
  private advance(): void {
    const t = this.text;
    let i = this.end;
    let nl = false;
    let cm = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 10) {
        nl = true;
        i++;
      } else if (c === 13) {
        if (t.charCodeAt(i + 1) !== 10) giveUp();
        i++;
      } else if (c === 35 || (c === 47 && t.charCodeAt(i + 1) === 47)) {
        const eol = t.indexOf("\n", i);
        i = eol < 0 ? t.length : eol;
        cm = true;
      } else if (c === 47 && t.charCodeAt(i + 1) === 42) {
        const close = t.indexOf("*/", i + 2);
        if (close < 0) giveUp();
        i = close + 2;
        cm = true;
      } else break;
    }
    this.nl = nl;
    this.cm = cm;
    this.start = i;
    this.colons = false;
    this.lexToken(i);
  }

  private lexToken(i: number): void {
    const t = this.text;
    const c = t.charCodeAt(i);
    const n = t.charCodeAt(i + 1);
    let kind: number;
    let len = 1;
    switch (c) {
      case 34:
        kind = QUOTE;
        break;
      case 40:
        kind = LPAREN;
        break;
      case 41:
        kind = RPAREN;
        break;
      case 44:
        kind = COMMA;
        break;
      case 58:
        kind = COLON;
        break;
      case 63:
        kind = QUESTION;
        break;
      case 91:
        if (n === 42 && t.charCodeAt(i + 2) === 93) {
          kind = FULL_SPLAT;
          len = 3;
        } else kind = LBRACK;
        break;
      case 93:
        kind = RBRACK;
        break;
      case 123:
        kind = LBRACE;
        break;
      case 125:
        kind = RBRACE;
        break;
      case 126:
        kind = TILDE;
        break;
      case 43:
        kind = PLUS;
        break;
      case 45:
        kind = MINUS;
        break;
      case 42:
        kind = STAR;
        break;
      case 47:
        kind = SLASH;
        break;
      case 37:
        kind = PERCENT;
        break;
      case 46:
        if (n === 42) {
          kind = ATTR_SPLAT;
          len = 2;
        } else if (n === 46) {
          if (t.charCodeAt(i + 2) !== 46) giveUp();
          kind = ELLIPSIS;
          len = 3;
        } else kind = DOT;
        break;
      case 61:
        if (n === 61) {
          kind = EQ;
          len = 2;
        } else if (n === 62) {
          kind = ARROW;
          len = 2;
        } else kind = ASSIGN;
        break;
      case 33:
        if (n === 61) {
          kind = NE;
          len = 2;
        } else kind = NOT;
        break;
      case 60:
        if (n === 61) {
          kind = LE;
          len = 2;
        } else if (n === 60) {
          kind = HEREDOC;
          this.flush = t.charCodeAt(i + 2) === 45;
          len = this.flush ? 3 : 2;
        } else kind = LT;
        break;
      case 62:
        if (n === 61) {
          kind = GE;
          len = 2;
        } else kind = GT;
        break;
      case 38:
        if (n !== 38) giveUp();
        kind = AND;
        len = 2;
        break;
      case 124:
        if (n !== 124) giveUp();
        kind = OR;
        len = 2;
        break;
      default:
        if (Number.isNaN(c)) {
          kind = EOF;
          len = 0;
        } else if (isDigit(c)) {
          kind = NUMBER;
          len = this.numberEnd(i) - i;
        } else if (isIdentStart(c)) {
          kind = IDENT;
          len = this.identEnd(i + 1) - i;
        } else giveUp();
    }
    this.kind = kind;
    this.end = i + len;
  }

  /** End of an identifier whose first character is before `i`; `::` sets `colons`. */
  private identEnd(i: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(i);
      if (isAsciiLetter(c) || isDigit(c) || c === 95 || c === 45) i++;
      else if (c === 58) {
        if (t.charCodeAt(i + 1) !== 58) return i;
        if (!isIdentStart(t.charCodeAt(i + 2))) giveUp();
        this.colons = true;
        i += 2;
      } else if (c >= 128 && !isSurrogate(c) && ID_CONTINUE.test(String.fromCharCode(c))) i++;
      else return i;
    }
  }

  /**
   * A number: digits, then a fraction with an optional exponent, or an exponent alone. The grammar
   * knows only the former; parser.ts rewrites the latter (`1e5`) to a same-length token the grammar
   * accepts, and the converter reads the value from the original text, as here. Anything glued on
   * (`0x1F`, `10.0.0.0`, `1.x`, `1e5e`) is left to tree-sitter.
   */
  private numberEnd(i: number): number {
    const t = this.text;
    while (isDigit(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) === 46 && isDigit(t.charCodeAt(i + 1))) {
      i += 2;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      const sign = t.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (isDigit(t.charCodeAt(j))) {
        i = j + 1;
        while (isDigit(t.charCodeAt(i))) i++;
      }
    }
    if (gluesToNumber(t.charCodeAt(i)) && !t.startsWith("...", i)) giveUp();
    return i;
  }

  private isWord(word: string): boolean {
    return this.kind === IDENT && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  private slice(): string {
    return this.text.slice(this.start, this.end);
  }

  /** The current token continues an expression: no comment before it, and no newline where newlines end items. */
  private within(sensitive: boolean): void {
    if (this.cm || (sensitive && this.nl)) giveUp();
  }

  /** Moves past a token inside an expression; the next one must continue it too. */
  private step(sensitive: boolean): void {
    this.advance();
    this.within(sensitive);
  }

  private expect(kind: number, sensitive: boolean): void {
    if (this.kind !== kind) giveUp();
    this.within(sensitive);
  }

  private enter(): void {
    if (++this.nesting > MAX_NESTING) giveUp();
  }

  private range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  // ---- bodies ----

  /** One attribute or block of a body; `height` is the tree depth of the body's items. */
  private item(attributes: Attribute[], blocks: Block[], names: Names, height: number): "attribute" | "block" {
    if (this.kind !== IDENT || this.colons) giveUp();
    const nameStart = this.start;
    const nameEnd = this.end;
    const name = this.slice();
    this.advance();
    if (this.kind === ASSIGN) {
      this.within(true);
      this.step(true);
      const expr = this.expression(true);
      if (height + 1 + this.h > MAX_TREE_HEIGHT) giveUp();
      names.add(name);
      const nameRange = this.range(nameStart, nameEnd);
      attributes.push({ name, nameRange, expr, range: spanOf(this.lines, nameRange, expr.range) });
      return "attribute";
    }
    blocks.push(this.block(name, nameStart, nameEnd, height));
    return "block";
  }

  private block(type: string, typeStart: number, typeEnd: number, height: number): Block {
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    let headerEnd = typeEnd;
    while (this.kind === IDENT || this.kind === QUOTE) {
      this.within(true);
      if (this.kind === IDENT) {
        if (this.colons) giveUp();
        labels.push(this.slice());
        labelRanges.push(this.range(this.start, this.end));
        headerEnd = this.end;
        this.advance();
      } else {
        const open = this.start;
        labels.push(this.stringLabel());
        labelRanges.push(this.range(open, this.end));
        headerEnd = this.end;
        this.advance();
      }
    }
    this.expect(LBRACE, true);
    const openEnd = this.end;
    this.enter();
    this.advance();
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const names = new Names();
    if (this.kind !== RBRACE) {
      if (!this.nl) {
        // A single-line block holds one attribute and closes on its line.
        if (this.item(attributes, blocks, names, height + 2) !== "attribute") giveUp();
        if (this.kind !== RBRACE || this.nl) giveUp();
      } else {
        do this.item(attributes, blocks, names, height + 2);
        while (this.kind !== RBRACE && this.nl);
        if (this.kind !== RBRACE || !this.nl) giveUp();
      }
    }
    this.nesting--;
    const closeStart = this.start;
    const closeEnd = this.end;
    this.advance();
    return {
      type,
      labels,
      labelRanges,
      body: { attributes, blocks, range: this.range(openEnd, closeStart) },
      range: this.range(typeStart, closeEnd),
      headerRange: this.range(typeStart, headerEnd),
    };
  }

  /** A quoted block label: a string without interpolations or directives. Leaves `end` at the closing quote's end. */
  private stringLabel(): string {
    const open = this.start;
    const tokens: Token[] = [];
    const close = this.scanQuoted(open + 1, tokens);
    if (tokens.some((t) => !t.lit)) giveUp();
    this.end = close + 1;
    return this.decodeQuotedText(open + 1, close);
  }

  // ---- expressions ----

  /** An expression, with a conditional; `sensitive`: a newline between its tokens would end the item. */
  private expression(sensitive: boolean): Expr {
    this.enter();
    const cond = this.binary(1, sensitive);
    if (this.kind !== QUESTION) {
      this.nesting--;
      return cond;
    }
    let h = this.h;
    this.within(sensitive);
    this.step(sensitive);
    const then = this.expression(sensitive);
    h = Math.max(h, this.h);
    this.expect(COLON, sensitive);
    this.step(sensitive);
    // Right-associative, as in HCL: `a ? b : c ? d : e` is `a ? b : (c ? d : e)` (convert.ts re-nests tree-sitter's reading).
    const els = this.expression(sensitive);
    this.h = Math.max(h, this.h) + 2;
    this.nesting--;
    return { kind: "conditional", cond, then, else: els, range: spanOf(this.lines, cond.range, els.range) };
  }

  /** Precedence climbing over the binary operators binding at least `minPrec`, all left-associative. */
  private binary(minPrec: number, sensitive: boolean): Expr {
    let left = this.unary(sensitive);
    let h = this.h;
    for (;;) {
      const prec = PRECEDENCE[this.kind];
      if (prec === undefined || prec < minPrec) break;
      const op = OPERATOR[this.kind]!;
      this.within(sensitive);
      this.step(sensitive);
      const right = this.binary(prec + 1, sensitive);
      h = Math.max(h, this.h) + 3;
      if (h > MAX_TREE_HEIGHT) giveUp();
      left = { kind: "binary", op, left, right, range: spanOf(this.lines, left.range, right.range) };
    }
    this.h = h;
    return left;
  }

  private unary(sensitive: boolean): Expr {
    if (this.kind !== MINUS && this.kind !== NOT) return this.postfix(sensitive);
    const start = this.start;
    const op = this.kind === MINUS ? "-" : "!";
    this.step(sensitive);
    this.enter();
    const operand = this.unary(sensitive);
    this.nesting--;
    this.h += 3;
    return { kind: "unary", op, operand, range: this.range(start, endOffsetOf(operand.range)) };
  }

  /** A primary expression with its traversal steps and splats. */
  private postfix(sensitive: boolean): Expr {
    const isNumber = this.kind === NUMBER;
    let expr = this.primary(sensitive);
    let h = this.h;
    const start = startOffsetOf(expr.range);
    if (this.kind === DOT || this.kind === LBRACK) {
      if (isNumber) giveUp();
      const steps: Traverser[] = [];
      h = Math.max(h, this.steps(steps, sensitive));
      expr = { kind: "traverse", target: expr, steps, range: spanOf(this.lines, expr.range, steps[steps.length - 1]!.range) };
    }
    let nestedSplatRejected = false;
    while (this.kind === ATTR_SPLAT || this.kind === FULL_SPLAT) {
      if (isNumber) giveUp();
      const full = this.kind === FULL_SPLAT;
      if (!full && nestedSplatRejected) giveUp();
      this.within(sensitive);
      let end = this.end;
      this.advance();
      const steps: Traverser[] = [];
      h = Math.max(h, this.steps(steps, sensitive));
      if (steps.length > 0) end = this.lastEnd(steps);
      expr = { kind: "splat", target: expr, steps, full, range: this.range(start, end) };
      // validate.ts rejects `.*` right after an attribute-only splat, unless that one holds a `[key]` step (`a.*.b.*`, `a.*.b[0].*`).
      nestedSplatRejected = !full && !steps.some((s) => s.kind === "index" && !s.legacy);
    }
    this.h = h + 2;
    return expr;
  }

  private lastEnd(steps: Traverser[]): number {
    return endOffsetOf(steps[steps.length - 1]!.range);
  }

  /** Reads `.name`, `.0` and `[key]` steps into `steps`; returns their height. */
  private steps(steps: Traverser[], sensitive: boolean): number {
    const t = this.text;
    let h = 0;
    let lastLegacy = false;
    for (;;) {
      if (this.kind === DOT) {
        this.within(sensitive);
        const dot = this.start;
        const c = t.charCodeAt(dot + 1);
        if (isIdentStart(c)) {
          const end = this.identEnd(dot + 2);
          if (this.colons) giveUp();
          steps.push({ kind: "attr", name: t.slice(dot + 1, end), range: this.range(dot, end) });
          this.end = end;
          lastLegacy = false;
        } else if (isDigit(c)) {
          // Chained legacy indexes (`a.0.1`) are rejected by validate.ts, in some spacings only.
          if (lastLegacy) giveUp();
          let end = dot + 2;
          while (isDigit(t.charCodeAt(end))) end++;
          if (gluesToNumber(t.charCodeAt(end)) && t.charCodeAt(end) !== 46) giveUp();
          const key: Expr = { kind: "literal", value: Number(t.slice(dot + 1, end)), range: this.range(dot + 1, end) };
          steps.push({ kind: "index", key, range: this.range(dot, end), legacy: true });
          this.end = end;
          lastLegacy = true;
        } else giveUp();
        this.advance();
        h = Math.max(h, 2);
      } else if (this.kind === LBRACK) {
        this.within(sensitive);
        const open = this.start;
        this.step(false);
        const key = this.expression(false);
        h = Math.max(h, this.h + 3);
        this.expect(RBRACK, false);
        steps.push({ kind: "index", key, range: this.range(open, this.end) });
        this.advance();
        lastLegacy = false;
      } else return h;
    }
  }

  private primary(sensitive: boolean): Expr {
    const start = this.start;
    const end = this.end;
    this.h = 3;
    switch (this.kind) {
      case IDENT: {
        if (this.isWord("true") || this.isWord("false") || this.isWord("null")) {
          const value = this.text.charCodeAt(start) === 110 ? null : this.text.charCodeAt(start) === 116;
          this.advance();
          return { kind: "literal", value, range: this.range(start, end) };
        }
        // Keywords of for expressions and directives: where they read as names depends on the grammar's state.
        if (this.isWord("for") || this.isWord("in") || this.isWord("if")) giveUp();
        const colons = this.colons;
        const name = this.slice();
        this.advance();
        if (this.kind === LPAREN) {
          this.within(sensitive);
          return this.call(name, start);
        }
        if (colons) giveUp();
        return { kind: "variable", name, range: this.range(start, end) };
      }
      case NUMBER: {
        const value = Number(this.slice());
        this.advance();
        return { kind: "literal", value, range: this.range(start, end) };
      }
      case QUOTE:
        return this.quoted();
      case HEREDOC:
        return this.heredoc();
      case LBRACK:
        return this.tuple();
      case LBRACE:
        return this.object();
      case LPAREN: {
        this.step(false);
        const inner = this.expression(false);
        this.expect(RPAREN, false);
        const close = this.end;
        this.advance();
        this.h += 2;
        return { kind: "parens", expr: inner, range: this.range(start, close) };
      }
      default:
        giveUp();
    }
  }

  /** `name(args)`, the current token being `(`; comments may sit between arguments. */
  private call(name: string, start: number): Expr {
    const args: Expr[] = [];
    let expandFinal = false;
    let h = 0;
    this.advance();
    while (this.kind !== RPAREN) {
      args.push(this.expression(false));
      h = Math.max(h, this.h);
      if (this.kind === COMMA) this.advance();
      else if (this.kind === ELLIPSIS) {
        this.within(false);
        this.step(false);
        this.expect(RPAREN, false);
        expandFinal = true;
      } else if (this.kind !== RPAREN) giveUp();
    }
    const close = this.end;
    this.advance();
    this.h = h + 3;
    return { kind: "call", name, args, expandFinal, range: this.range(start, close) };
  }

  /** `[ ... ]`, the current token being `[`; comments may sit between elements. */
  private tuple(): Expr {
    const start = this.start;
    this.advance();
    if (this.isWord("for")) return this.forExpr(start, false);
    const items: Expr[] = [];
    let h = 0;
    while (this.kind !== RBRACK) {
      items.push(this.expression(false));
      h = Math.max(h, this.h);
      if (this.kind === COMMA) this.advance();
      else if (this.kind !== RBRACK) giveUp();
    }
    const close = this.end;
    this.advance();
    this.h = h + 3;
    return { kind: "tuple", items, range: this.range(start, close) };
  }

  /** `{ ... }` in an expression, the current token being `{`; elements end at a comma or a newline. */
  private object(): Expr {
    const start = this.start;
    this.advance();
    if (this.isWord("for")) return this.forExpr(start, true);
    const items: ObjectItem[] = [];
    let h = 0;
    let separated = true;
    while (this.kind !== RBRACE) {
      if (!separated && !this.nl) giveUp();
      items.push(this.objectItem());
      h = Math.max(h, this.h);
      separated = this.kind === COMMA;
      if (separated) this.advance();
    }
    const close = this.end;
    this.advance();
    this.h = h + 4;
    return { kind: "object", items, range: this.range(start, close) };
  }

  private objectItem(): ObjectItem {
    const start = this.start;
    let key: Expr;
    let bareKey = false;
    let h = 3;
    if (this.kind === IDENT) {
      if (this.colons) giveUp();
      key = { kind: "literal", value: this.slice(), range: this.range(start, this.end) };
      bareKey = true;
      this.advance();
    } else if (this.kind === QUOTE) {
      key = this.quoted();
      h = this.h;
    } else if (this.kind === LPAREN) {
      key = this.primary(false);
      h = this.h;
    } else giveUp();
    if (this.kind !== ASSIGN && this.kind !== COLON) giveUp();
    this.within(true);
    this.step(true);
    const value = this.expression(true);
    this.h = Math.max(h, this.h);
    return { key, bareKey, value, range: this.range(start, endOffsetOf(value.range)) };
  }

  /** `[for ...]` or `{for ...}`, the current token being `for`. No comments anywhere inside. */
  private forExpr(start: number, isObject: boolean): Expr {
    this.within(false);
    this.step(false);
    let keyVar: string | null = null;
    let valueVar = this.forVariable();
    if (this.kind === COMMA) {
      this.step(false);
      keyVar = valueVar;
      valueVar = this.forVariable();
    }
    if (!this.isWord("in")) giveUp();
    this.step(false);
    const coll = this.expression(false);
    let h = this.h;
    this.expect(COLON, false);
    this.step(false);
    let keyExpr: Expr | null = null;
    if (isObject) {
      keyExpr = this.expression(false);
      h = Math.max(h, this.h);
      this.expect(ARROW, false);
      this.step(false);
    }
    const valueExpr = this.expression(false);
    h = Math.max(h, this.h);
    let grouping = false;
    if (isObject && this.kind === ELLIPSIS) {
      this.within(false);
      this.step(false);
      grouping = true;
    }
    let cond: Expr | null = null;
    if (this.isWord("if")) {
      this.within(false);
      this.step(false);
      cond = this.expression(false);
      h = Math.max(h, this.h);
    }
    this.expect(isObject ? RBRACE : RBRACK, false);
    const close = this.end;
    this.advance();
    this.h = h + 4;
    return { kind: "for", keyVar, valueVar, coll, keyExpr, valueExpr, cond, grouping, range: this.range(start, close) };
  }

  /** A for variable; moves past it. */
  private forVariable(): string {
    if (this.kind !== IDENT || this.colons || this.isWord("in") || this.isWord("for") || this.isWord("if")) giveUp();
    const name = this.slice();
    this.step(false);
    return name;
  }

  // ---- templates ----

  /** A quoted string or template, the current token being its opening quote. */
  private quoted(): Expr {
    const open = this.start;
    const tokens: Token[] = [];
    const close = this.scanQuoted(open + 1, tokens);
    this.end = close + 1;
    this.advance();
    const range = this.range(open, close + 1);
    if (tokens.length === 0) return { kind: "literal", value: "", range };
    if (tokens.length === 1 && tokens[0]!.lit) return { kind: "literal", value: this.decodeQuotedText(open + 1, close), range };
    for (const tok of tokens) if (tok.lit) tok.value = this.decodeQuotedText(tok.start, tok.end);
    return this.templateExpr(tokens, "quoted", range);
  }

  private decodeQuotedText(start: number, end: number): string {
    const errors: EscapeError[] = [];
    const value = decodeQuoted(this.text.slice(start, end), errors);
    if (errors.length > 0) giveUp();
    return value;
  }

  /**
   * At a `$` or `%` (`c`) of template text, at `p`: an interpolation or directive (the text before it
   * and its code pushed as tokens; the text goes on after it), an escape `$${`/`%%{` or a literal
   * pair (skipped, part of the text), or a lone character. A `$$$` run is left to tree-sitter.
   */
  private templateMark(c: number, p: number, from: number, tokens: Token[], h: number): { p: number; from: number; h: number } {
    const t = this.text;
    const n = t.charCodeAt(p + 1);
    if (n === 123) {
      if (p > from) tokens.push(this.rawLiteral(from, p));
      const code = this.code(p, c === 36);
      tokens.push({ lit: false, code });
      return { p: code.end, from: code.end, h: Math.max(h, this.h) };
    }
    if (n === c) {
      const third = t.charCodeAt(p + 2);
      if (third === c) giveUp();
      return { p: p + (third === 123 ? 3 : 2), from, h };
    }
    return { p: p + 1, from, h };
  }

  /**
   * Scans quoted template text from `p` to its closing quote (returned), pushing raw literal
   * tokens and parsed codes. Chunks as tree-sitter's scanner does: `$${` and `%%{` are escapes,
   * `$$`/`%%` otherwise a literal pair; a `$$$` run, read differently by HashiCorp's parser, is left to it.
   */
  private scanQuoted(p: number, tokens: Token[]): number {
    const t = this.text;
    let from = p;
    let h = 0;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        const sel = t.charCodeAt(p + 1);
        if (sel === 110 || sel === 114 || sel === 116 || sel === 34 || sel === 92) p += 2;
        else if (sel === 117 || sel === 85) p += 2 + this.hexDigits(p + 2, sel === 117 ? 4 : 8);
        else giveUp();
      } else if (c === 36 || c === 37) {
        const at = this.templateMark(c, p, from, tokens, h);
        p = at.p;
        from = at.from;
        h = at.h;
      } else if (c === 10 || c === 13 || Number.isNaN(c)) giveUp();
      else p++;
    }
    if (p > from) tokens.push(this.rawLiteral(from, p));
    this.h = h + 6;
    return p;
  }

  /** Length of the `\u`/`\U` escape's hex digits; anything short is left to tree-sitter. */
  private hexDigits(p: number, count: number): number {
    for (let i = 0; i < count; i++) {
      const c = this.text.charCodeAt(p + i);
      if (!(isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) giveUp();
    }
    return count;
  }

  private rawLiteral(start: number, end: number): Token {
    return { lit: true, value: this.text.slice(start, end), start, end };
  }

  /** An interpolation `${ }` (`interp`) or a directive `%{ }` at `p`; leaves the lexer on its closing brace. */
  private code(p: number, interp: boolean): Code {
    this.enter();
    this.end = p + 2;
    this.advance();
    if (this.cm) giveUp();
    let left = false;
    if (this.kind === TILDE) {
      left = true;
      this.step(false);
    }
    let type = INTERP;
    let expr: Expr | null = null;
    let keyVar: string | null = null;
    let valueVar = "";
    let h = 0;
    if (interp) {
      if (this.kind === RBRACE || this.kind === TILDE) giveUp();
      expr = this.expression(false);
      h = this.h;
    } else {
      type = this.directiveType();
      this.step(false);
      if (type === IF) {
        expr = this.expression(false);
        h = this.h;
      } else if (type === FOR) {
        valueVar = this.forVariable();
        if (this.kind === COMMA) {
          this.step(false);
          keyVar = valueVar;
          valueVar = this.forVariable();
        }
        if (!this.isWord("in")) giveUp();
        this.step(false);
        expr = this.expression(false);
        h = this.h;
      }
    }
    let right = false;
    if (this.kind === TILDE) {
      this.within(false);
      right = true;
      this.step(false);
    }
    this.expect(RBRACE, false);
    this.nesting--;
    this.h = h + 2;
    return { type, start: p, end: this.end, left, right, expr, keyVar, valueVar };
  }

  private directiveType(): number {
    if (this.isWord("if")) return IF;
    if (this.isWord("else")) return ELSE;
    if (this.isWord("endif")) return ENDIF;
    if (this.isWord("for")) return FOR;
    if (this.isWord("endfor")) return ENDFOR;
    giveUp();
  }

  /** The template's expression from its decoded tokens, as convert.ts's template() and templateParts() make it. */
  private templateExpr(tokens: Token[], mode: "quoted" | "heredoc" | "flush", range: Range): Expr {
    applyStripMarkers(tokens);
    if (mode === "flush") flushHeredoc(tokens);
    const builder = new PartBuilder(this.lines, tokens);
    const parts = builder.build();
    this.h += 3 * builder.maxDepth;
    if (parts.every((p) => p.kind === "literal")) {
      return { kind: "literal", value: parts.map((p) => (p.kind === "literal" ? p.value : "")).join(""), range };
    }
    return { kind: "template", parts, heredoc: mode !== "quoted", range };
  }

  /**
   * `<<EOT` or `<<-EOT` up to its closing marker, the current token being the opener. The marker
   * must follow the opener directly and end its line; the closing marker must end its line too.
   */
  private heredoc(): Expr {
    const t = this.text;
    const start = this.start;
    const flush = this.flush;
    const markerStart = this.end;
    if (!isAsciiLetter(t.charCodeAt(markerStart)) && t.charCodeAt(markerStart) !== 95) giveUp();
    let p = markerStart + 1;
    for (let c = t.charCodeAt(p); isAsciiLetter(c) || isDigit(c) || c === 95 || c === 45; c = t.charCodeAt(++p));
    const marker = t.slice(markerStart, p);
    if (t.charCodeAt(p) === 13) p++;
    if (t.charCodeAt(p) !== 10) giveUp();
    const contentStart = p + 1;
    const tokens: Token[] = [];
    let from = contentStart;
    let h = 0;
    p = contentStart;
    for (let lineStart = true; ; ) {
      if (lineStart) {
        lineStart = false;
        let q = p;
        for (let c = t.charCodeAt(q); c === 32 || c === 9 || c === 10 || c === 13; c = t.charCodeAt(++q)) {
          if (c === 13 && t.charCodeAt(q + 1) !== 10) giveUp();
        }
        if (isOddSpace(t.charCodeAt(q))) giveUp();
        if (t.startsWith(marker, q)) {
          const after = q + marker.length;
          const c = t.charCodeAt(after);
          if (c === 10 || (c === 13 && t.charCodeAt(after + 1) === 10)) {
            const closeLine = t.lastIndexOf("\n", q - 1) + 1;
            if (closeLine > from) tokens.push(this.rawLiteral(from, closeLine));
            return this.finishHeredoc(tokens, flush ? "flush" : "heredoc", start, after, h);
          }
          // tree-sitter's scanner also closes on a marker followed by spaces (the validator then objects);
          // followed by other text, the line is content, the marker, the spaces and one more character
          // taken as one literal chunk (so `EOT ${x}` holds no interpolation).
          let k = after;
          for (let s = c; s === 32 || s === 9; s = t.charCodeAt(++k));
          const next = t.charCodeAt(k);
          if (!(next > 32 && next < 127) || next === 36 || next === 37) giveUp();
        }
        p = q;
      }
      const c = t.charCodeAt(p);
      if (c === 10) {
        lineStart = true;
        p++;
      } else if (c === 13) {
        if (t.charCodeAt(p + 1) !== 10) giveUp();
        p++;
      } else if (c === 36 || c === 37) {
        const at = this.templateMark(c, p, from, tokens, h);
        p = at.p;
        from = at.from;
        h = at.h;
      } else if (Number.isNaN(c)) giveUp();
      else p++;
    }
  }

  private finishHeredoc(raw: Token[], mode: "heredoc" | "flush", start: number, end: number, h: number): Expr {
    const tokens = splitLines(raw);
    for (const tok of tokens) if (tok.lit) tok.value = decodeHeredoc(tok.value);
    this.h = h + 6;
    const expr = this.templateExpr(tokens, mode, this.range(start, end));
    this.end = end;
    this.advance();
    return expr;
  }
}

/** Attribute names of one body, to give up on a duplicate (validate.ts reports it). */
class Names {
  private few: string[] = [];
  private many: Set<string> | null = null;

  add(name: string): void {
    if (this.many) {
      if (this.many.has(name)) giveUp();
      this.many.add(name);
      return;
    }
    if (this.few.includes(name)) giveUp();
    this.few.push(name);
    if (this.few.length > 16) this.many = new Set(this.few);
  }
}
