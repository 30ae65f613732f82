/**
 * YAML with source positions for policy files and the config: every problem is
 * reported as `FILE:LINE:COL: what is wrong; how to fix`, with LINE:COL taken from
 * the YAML node that the problem is about (ajv's instancePath mapped to the node).
 */
import type { ErrorObject } from "ajv";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { UsageError } from "../errors.js";
import type { Location } from "../graph/types.js";

export interface YamlSource {
  /** Path as printed in messages (relative to the scan root when inside it). */
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** A key path into the YAML document (`["classes", "treasury", "regimes", 0]`). */
export type YamlPath = readonly (string | number)[];

/** Parses YAML; a syntax error (or a duplicate key) is a UsageError at its position. */
export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? { line: 1, col: 1 };
    const what = first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new UsageError(`${file}:${pos.line}:${pos.col}: invalid YAML: ${what}; fix the syntax (check indentation, quotes and brackets)`);
  }
  return { file, doc, lines };
}

/** The node at a path, or the deepest existing ancestor (so a missing key points at its parent). */
function nodeAt(src: YamlSource, path: YamlPath, key = false): Node | undefined {
  let cur: unknown = src.doc.contents;
  let found: Node | undefined = (cur as Node | null) ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return found;
      if (key && i === path.length - 1 && isScalar(pair.key)) return pair.key;
      cur = pair.value;
      found = (pair.value as Node | null) ?? (isScalar(pair.key) ? pair.key : found);
    } else if (isSeq(cur) && typeof step === "number") {
      const item = cur.items[step];
      if (!item) return found;
      cur = item;
      found = item as Node;
    } else return found;
  }
  return found;
}

/** Location of the value at a path (or of its key with `key: true`). */
export function locationOf(src: YamlSource, path: YamlPath, key = false): Location {
  const node = nodeAt(src, path, key);
  const [start, end] = node?.range ?? [0, 0];
  const a = src.lines.linePos(start);
  const b = src.lines.linePos(Math.max(start, end));
  return { file: src.file, startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
}

export function problemAt(src: YamlSource, path: YamlPath, message: string, key = false): UsageError {
  const at = locationOf(src, path, key);
  return new UsageError(`${src.file}:${at.startLine}:${at.startColumn}: ${message}`);
}

/** `/classes/treasury/regimes/0` → ["classes", "treasury", "regimes", 0]. */
export function pathOfPointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function dotted(path: YamlPath): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "") || "the document";
}

/** The most useful of ajv's errors (an anyOf summary beats its branches) as a UsageError at its node. */
export function schemaProblem(src: YamlSource, errors: readonly ErrorObject[], base: YamlPath = []): UsageError {
  const error = errors.find((e) => e.keyword === "anyOf") ?? errors.find((e) => e.keyword !== "if") ?? errors[0]!;
  const path = [...base, ...pathOfPointer(error.instancePath)];
  const where = dotted(path);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      const allowed = allowedKeys(error.parentSchema);
      return problemAt(src, [...path, name], `unknown key "${name}" in ${where}; ${allowed.length ? `use one of: ${allowed.join(", ")}` : "remove it"}`, true);
    }
    case "required":
      return problemAt(src, path, `${where} lacks the required key "${String(p.missingProperty)}"; add it`);
    case "type":
      return problemAt(src, path, `${where} must be ${article(String(p.type))} (found ${describe(error.data)}); write ${article(String(p.type))} there`);
    case "enum":
      return problemAt(src, path, `${where} is ${describe(error.data)}; use one of: ${(p.allowedValues as unknown[]).map(String).join(", ")}`);
    case "const":
      return problemAt(src, path, `${where} is ${describe(error.data)}; it must be ${JSON.stringify(p.allowedValue)}`);
    case "anyOf":
      return problemAt(src, path, `${where} is ${describe(error.data)}; ${anyOfHint(error.parentSchema)}`);
    case "propertyNames":
      return problemAt(src, [...path, String(p.propertyName)], `"${String(p.propertyName)}" in ${where} is not a valid id; use lower-case letters, digits and dashes`, true);
    case "pattern":
      return problemAt(src, path, `${where} is ${describe(error.data)}, which does not have the expected form (${patternHint(String(p.pattern))}); correct it`);
    default:
      return problemAt(src, path, `${where} ${error.message ?? "is invalid"} (found ${describe(error.data)}); correct it`);
  }
}

function allowedKeys(schema: unknown): string[] {
  const s = schema as { properties?: Record<string, unknown>; $defs?: { fields?: { properties?: Record<string, unknown> } } } | undefined;
  return Object.keys(s?.properties ?? s?.$defs?.fields?.properties ?? {});
}

function anyOfHint(schema: unknown): string {
  const desc = (schema as { description?: string } | undefined)?.description;
  return desc ? `expected ${desc.charAt(0).toLowerCase()}${desc.slice(1).replace(/\.$/, "")}` : "correct the value";
}

function patternHint(pattern: string): string {
  if (pattern.includes("[A-Z]{3}")) return "a rule id such as COV-001";
  if (pattern.includes("\\d{12}")) return "a 12-digit AWS account id, quoted";
  if (pattern.includes("\\d{4}-")) return "a date such as 2027-06-30";
  if (pattern.includes("[a-z]{2}(")) return "an AWS region such as us-west-2";
  if (pattern.includes("a-z0-9-")) return "lower-case letters, digits and dashes";
  return `matching ${pattern}`;
}

function article(type: string): string {
  const t = type.split(",")[0]!;
  if (t === "integer") return "a whole number";
  if (t === "number") return "a number";
  if (t === "object") return "a mapping (key: value)";
  if (t === "array") return "a list";
  if (t === "boolean") return "true or false";
  return `a ${t}`;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return JSON.stringify(v);
}
