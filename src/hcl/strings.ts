/** String-level rules of HCL templates: escapes, strip markers and flush heredocs. */

export interface EscapeError {
  message: string;
  /** Offsets relative to the decoded raw text. */
  start: number;
  end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/** Decodes the literal text of a quoted template (`\n`, `\uXXXX`, `$${`, `%%{`, ...). */
export function decodeQuoted(raw: string, errors: EscapeError[]): string {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    if (ch === "\\") {
      const sel = raw[i + 1];
      if (sel !== undefined && sel in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[sel];
        i += 2;
        continue;
      }
      if (sel === "u" || sel === "U") {
        const len = sel === "u" ? 4 : 8;
        const hex = raw.slice(i + 2, i + 2 + len);
        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
        if (Number.isNaN(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          errors.push({ message: "invalid unicode escape sequence", start: i, end: i + 2 + hex.length });
          i += 2 + hex.length;
          continue;
        }
        out += String.fromCodePoint(code);
        i += 2 + len;
        continue;
      }
      errors.push({
        message: sel === undefined ? "invalid escape sequence" : `invalid escape sequence "\\${sel}"`,
        start: i,
        end: Math.min(raw.length, i + 2),
      });
      i += 2;
      continue;
    }
    out += decodeTemplateEscape(raw, i);
    i += templateEscapeLength(raw, i);
  }
  return out;
}

/** Decodes a heredoc literal: only `$${` and `%%{` are escapes; backslashes are literal. */
export function decodeHeredoc(raw: string): string {
  return raw.replace(/([$%])\1\{/g, "$1{");
}

function templateEscapeLength(raw: string, i: number): number {
  const ch = raw[i];
  if ((ch === "$" || ch === "%") && raw[i + 1] === ch && raw[i + 2] === "{") return 3;
  return 1;
}

function decodeTemplateEscape(raw: string, i: number): string {
  return templateEscapeLength(raw, i) === 3 ? `${raw[i]}{` : (raw[i] as string);
}

/** Go's unicode.IsSpace for the characters that matter in templates. */
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && SPACE.test(s.slice(i, i + 1))) i++;
  return s.slice(i);
}

export function trimRightSpace(s: string): string {
  let i = s.length;
  while (i > 0 && SPACE.test(s.slice(i - 1, i))) i--;
  return s.slice(0, i);
}

/** One token of a template before nesting: a literal, or a code token (interpolation/directive). */
export type FlatToken<C> = { lit: true; value: string; start: number; end: number } | { lit: false; code: C };

/**
 * Removes the common leading whitespace of a `<<-` heredoc, as HCL's
 * flushHeredocTemplateParts does: per source line, blank lines do not count,
 * a line starting with an interpolation has no indent.
 */
export function flushHeredoc<C>(tokens: FlatToken<C>[]): void {
  let minSpaces = Number.MAX_SAFE_INTEGER;
  let atLineStart = true;
  const adjust: { lit: true; value: string; start: number; end: number }[] = [];
  for (const tok of tokens) {
    if (atLineStart) {
      atLineStart = false;
      let spaces: number;
      if (tok.lit) {
        const trimmed = trimLeftSpace(tok.value);
        if (trimmed.length === 0 && tok.value.endsWith("\n")) {
          spaces = Number.MAX_SAFE_INTEGER;
        } else {
          spaces = [...tok.value.slice(0, tok.value.length - trimmed.length)].length;
          adjust.push(tok);
        }
      } else {
        spaces = 0;
      }
      minSpaces = Math.min(minSpaces, spaces);
    }
    if (tok.lit && tok.value.endsWith("\n")) atLineStart = true;
  }
  if (minSpaces === Number.MAX_SAFE_INTEGER) return;
  for (const tok of adjust) {
    const chars = [...tok.value];
    tok.value = chars.slice(minSpaces).join("");
  }
}

/** Splits heredoc literal tokens after each newline, as HCL's scanner emits one token per line. */
export function splitLines<C>(tokens: FlatToken<C>[]): FlatToken<C>[] {
  const out: FlatToken<C>[] = [];
  for (const tok of tokens) {
    if (!tok.lit) {
      out.push(tok);
      continue;
    }
    let from = 0;
    for (let i = 0; i < tok.value.length; i++) {
      if (tok.value[i] === "\n") {
        out.push({ lit: true, value: tok.value.slice(from, i + 1), start: tok.start + from, end: tok.start + i + 1 });
        from = i + 1;
      }
    }
    if (from < tok.value.length) {
      out.push({ lit: true, value: tok.value.slice(from), start: tok.start + from, end: tok.end });
    }
  }
  return out;
}
