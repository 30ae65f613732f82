/**
 * Terraform's implicit conversions between primitive types (cty's `convert`
 * package), plus the number formatting Terraform uses when a number becomes a
 * string. Null converts to null of any type; Unknown and ResourceRef become
 * Unknown (a ref's value is not known, only its identity).
 */
import { EvalError, firstUnknown, isOpaque, isRef, typeName, Unknown, valuesEqual, type ResourceRef, type Value } from "./value.js";

/** The Unknown standing for an opaque value (a ref becomes "known only after apply"). */
export function unknownOf(v: Unknown | ResourceRef): Unknown {
  return v instanceof Unknown ? v : firstUnknown(v)!;
}

/**
 * Decimal text of a number as Terraform prints it: no exponent, integers without
 * ".0". Terraform computes with 512-bit floats, so `0.1 + 0.2` prints "0.3";
 * rounding fractions to 15 significant digits gives the same text for ordinary values.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : n < 0 ? "-Infinity" : "NaN";
  if (Object.is(n, -0)) return "0";
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return expandExponent(String(Number(n.toPrecision(15))));
}

/** "1.5e-7" → "0.00000015"; text without an exponent is returned unchanged. */
function expandExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, int, frac = "", expText] = m;
  const digits = int! + frac;
  const point = int!.length + Number(expText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/0+$/, "");
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const NUMBER_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses Terraform's decimal number syntax; undefined when the text is not a number. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER_TEXT.test(t) ? Number(t) : undefined;
}

function describe(v: Value): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "tuple";
  return typeName(v);
}

export function toStringValue(v: Value): string | null | Unknown {
  if (v === null || typeof v === "string") return v;
  if (isOpaque(v)) return unknownOf(v);
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  throw new EvalError(`Invalid value: cannot convert ${describe(v)} to string.`);
}

export function toNumberValue(v: Value): number | null | Unknown {
  if (v === null || typeof v === "number") return v;
  if (isOpaque(v)) return unknownOf(v);
  if (typeof v === "string") {
    const n = parseNumber(v);
    if (n === undefined) {
      throw new EvalError(
        `Invalid value: cannot convert ${describe(v)} to number; given string must be a decimal representation of a number.`,
      );
    }
    return n;
  }
  throw new EvalError(`Invalid value: cannot convert ${describe(v)} to number.`);
}

export function toBoolValue(v: Value): boolean | null | Unknown {
  if (v === null || typeof v === "boolean") return v;
  if (isOpaque(v)) return unknownOf(v);
  if (typeof v === "string") {
    // cty accepts "1" and "0" as well as the canonical spellings.
    if (v === "true" || v === "1") return true;
    if (v === "false" || v === "0") return false;
    throw new EvalError(`Invalid value: cannot convert ${describe(v)} to bool; only the strings "true" or "false" are allowed.`);
  }
  throw new EvalError(`Invalid value: cannot convert ${describe(v)} to bool.`);
}

/**
 * A set from its elements: duplicates removed (refs are equal only to the same
 * ref), and ordered as Terraform orders sets of strings (lexical) or numbers.
 * Unknown elements are kept: each may or may not equal another element.
 */
export function makeSet(items: readonly Value[]): Value[] {
  const out: Value[] = [];
  // Strings, numbers, booleans and null are equal only to themselves: found by key, so a set of
  // 40,000 strings costs 40,000 look-ups, not 800 million comparisons. Other elements compare pairwise.
  const primitives = new Set<string | number | boolean | null>();
  const complex: Value[] = [];
  for (const item of items) {
    if (item instanceof Unknown) {
      out.push(item);
      continue;
    }
    if (item === null || typeof item !== "object") {
      if (primitives.has(item)) continue;
      primitives.add(item);
      out.push(item);
      continue;
    }
    if (!complex.some((o) => sameElement(o, item))) complex.push(item), out.push(item);
  }
  if (out.every((x) => typeof x === "string")) return (out as string[]).sort(compareStrings);
  if (out.every((x) => typeof x === "number")) return (out as number[]).sort((a, b) => a - b);
  return out;
}

function sameElement(a: Value, b: Value): boolean {
  if (isRef(a) || isRef(b)) return isRef(a) && isRef(b) && a.address === b.address && a.attribute === b.attribute;
  return valuesEqual(a, b) === true;
}

/** Byte-wise comparison of strings as Go does (code point order, not UTF-16 unit order). */
export function compareStrings(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const d = ca[i]!.codePointAt(0)! - cb[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}
