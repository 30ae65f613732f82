/** Terraform's JSON syntax (`.tf.json`) converted into the native-syntax model, without a schema. */
import { parse as parseJson } from "@humanwhocodes/momoa";
import type { Attribute, Block, Body, Expr, ParsedFile, ParseProblem, Position, Range, TemplatePart } from "./ast.js";
import type { HclParser } from "./parser.js";
import { endOffsetOf, LineIndex, spanOf, startOffsetOf, stripBom } from "./positions.js";

type JsonNode = ReturnType<typeof parseJson>["body"];
type JsonObject = Extract<JsonNode, { type: "Object" }>;
type JsonMember = JsonObject["members"][number];

/** How many labels each block type takes; the nesting levels of JSON objects are the labels. */
const TOP_LEVEL_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
  check: 1,
};

/**
 * Nested blocks recognisable without a provider schema, per parent block type
 * ("*" = any). Everything else in a body is an attribute.
 */
const NESTED_BLOCKS: Record<string, Record<string, number>> = {
  "*": { lifecycle: 0, provisioner: 1, connection: 0, dynamic: 1 },
  terraform: { backend: 1, cloud: 0, required_providers: 0 },
  variable: { validation: 0 },
  output: { precondition: 0 },
  lifecycle: { precondition: 0, postcondition: 0 },
  dynamic: { content: 0 },
  provisioner: { connection: 0 },
  check: { assert: 0, data: 2 },
};

/** Bodies whose properties are all attributes even when they look like blocks. */
const ATTRIBUTE_ONLY = new Set(["locals", "required_providers", "content"]);

export function parseTfJson(text: string, path: string, parser: HclParser): ParsedFile {
  const source = stripBom(text);
  const lines = new LineIndex(source);
  const problems: ParseProblem[] = [];
  const empty: Body = { attributes: [], blocks: [], range: lines.range(0, source.length) };
  let doc: ReturnType<typeof parseJson>;
  try {
    doc = parseJson(source, { mode: "json", ranges: true });
  } catch (err) {
    problems.push({ message: jsonErrorMessage(err), range: jsonErrorRange(err, lines) });
    return { path, body: empty, problems };
  }
  const reader = new JsonReader(source, lines, problems, parser, path);
  const deep = firstTooDeep(doc.body);
  if (deep) {
    problems.push({ message: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels, more than any real configuration; the file was not read`, range: reader.range(deep) });
    return { path, body: empty, problems };
  }
  if (doc.body.type !== "Object") {
    problems.push({ message: "a Terraform JSON file must hold an object", range: reader.range(doc.body) });
    return { path, body: empty, problems };
  }
  return { path, body: reader.rootBody(doc.body), problems };
}

/** Deepest JSON nesting read: the reader recurses per level, and a hostile file must not overflow the stack. */
const MAX_JSON_DEPTH = 200;

/** The first node below MAX_JSON_DEPTH, found without recursion. */
function firstTooDeep(root: JsonNode): JsonNode | undefined {
  const stack: [JsonNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return node;
    if (node.type === "Array") for (const e of node.elements) stack.push([e.value, depth + 1]);
    else if (node.type === "Object") for (const m of node.members) stack.push([m.value, depth + 1]);
  }
  return undefined;
}

class JsonReader {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly problems: ParseProblem[],
    private readonly parser: HclParser,
    private readonly path: string,
  ) {}

  range(node: { range?: [number, number] | undefined }): Range {
    const [start, end] = node.range ?? [0, 0];
    return this.lines.range(start, end);
  }

  rootBody(obj: JsonObject): Body {
    const body: Body = { attributes: [], blocks: [], range: this.range(obj) };
    for (const member of visibleMembers(obj)) {
      const type = memberName(member);
      const labels = TOP_LEVEL_LABELS[type] ?? 0;
      this.blocksFor(type, labels, member, member.value, [], body.blocks);
    }
    return body;
  }

  /** Walks `labelsLeft` object levels (arrays allowed at every level) down to block bodies. */
  private blocksFor(type: string, labelsLeft: number, typeMember: JsonMember, value: JsonNode, labels: JsonMember[], out: Block[]): void {
    if (value.type === "Array") {
      for (const el of value.elements) this.blocksFor(type, labelsLeft, typeMember, el.value, labels, out);
      return;
    }
    if (value.type !== "Object") {
      this.problems.push({ message: `expected an object for "${type}"`, range: this.range(value) });
      return;
    }
    if (labelsLeft > 0) {
      for (const member of visibleMembers(value)) {
        this.blocksFor(type, labelsLeft - 1, typeMember, member.value, [...labels, member], out);
      }
      return;
    }
    const head = labels[labels.length - 1] ?? typeMember;
    const headRange = this.range(head.name);
    const bodyRange = this.range(value);
    out.push({
      type,
      labels: labels.map(memberName),
      labelRanges: labels.map((l) => this.range(l.name)),
      body: this.body(type, value),
      range: spanOf(this.lines, headRange, bodyRange),
      headerRange: headRange,
    });
  }

  private body(type: string, obj: JsonObject): Body {
    const body: Body = { attributes: [], blocks: [], range: this.range(obj) };
    const nested = ATTRIBUTE_ONLY.has(type) ? {} : { ...NESTED_BLOCKS["*"], ...NESTED_BLOCKS[type] };
    for (const member of visibleMembers(obj)) {
      const name = memberName(member);
      const labels = nested[name];
      if (labels !== undefined && (member.value.type === "Object" || member.value.type === "Array")) {
        this.blocksFor(name, labels, member, member.value, [], body.blocks);
      } else {
        body.attributes.push(this.attribute(member));
      }
    }
    return body;
  }

  private attribute(member: JsonMember): Attribute {
    const nameRange = this.range(member.name);
    const valueRange = this.range(member.value);
    return {
      name: memberName(member),
      nameRange,
      expr: this.expr(member.value),
      range: spanOf(this.lines, nameRange, valueRange),
    };
  }

  private expr(node: JsonNode): Expr {
    const range = this.range(node);
    switch (node.type) {
      case "String":
        return this.stringExpr(node.value, node.range ?? [0, 0]);
      case "Number":
        return { kind: "literal", value: node.value, range };
      case "Boolean":
        return { kind: "literal", value: node.value, range };
      case "Null":
        return { kind: "literal", value: null, range };
      case "Array":
        return { kind: "tuple", items: node.elements.map((e) => this.expr(e.value)), range };
      case "Object":
        return {
          kind: "object",
          items: visibleMembers(node).map((m) => ({
            key: this.stringExpr(memberName(m), m.name.range ?? [0, 0]),
            bareKey: false,
            value: this.expr(m.value),
            range: spanOf(this.lines, this.range(m.name), this.range(m.value)),
          })),
          range,
        };
      default:
        return { kind: "literal", value: null, range };
    }
  }

  /**
   * A JSON string is an HCL template. Sub-expression ranges are exact when the
   * JSON source spells the string without escapes; otherwise they all collapse
   * to the string's own range.
   */
  private stringExpr(value: string, [start, end]: [number, number]): Expr {
    const range = this.lines.range(start, end);
    if (!value.includes("${") && !value.includes("%{")) return { kind: "literal", value, range };
    const { parts, problems } = this.parser.parseTemplate(value, this.path);
    const exact = this.text.slice(start + 1, end - 1) === value;
    const mapRange = (r: Range): Range => (exact ? this.lines.range(startOffsetOf(r) + start + 1, endOffsetOf(r) + start + 1) : range);
    for (const p of problems) this.problems.push({ message: p.message, range: mapRange(p.range) });
    const mapped = remapRanges(parts, mapRange);
    if (mapped.every((p) => p.kind === "literal")) {
      return { kind: "literal", value: mapped.map((p) => (p.kind === "literal" ? p.value : "")).join(""), range };
    }
    return { kind: "template", parts: mapped, heredoc: false, range };
  }
}

function visibleMembers(obj: JsonObject): JsonMember[] {
  return obj.members.filter((m) => memberName(m) !== "//");
}

function memberName(member: JsonMember): string {
  return member.name.type === "String" ? member.name.value : member.name.name;
}

function remapRanges(parts: TemplatePart[], map: (r: Range) => Range): TemplatePart[] {
  return deepMap(parts, map);
}

function deepMap<T>(value: T, map: (r: Range) => Range): T {
  if (Array.isArray(value)) return value.map((v) => deepMap(v, map)) as T;
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (isRange(obj)) return map(obj) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = deepMap(v, map);
  return out as T;
}

function isRange(obj: Record<string, unknown>): obj is Range & Record<string, unknown> {
  return isPosition(obj.start) && isPosition(obj.end);
}

function isPosition(v: unknown): v is Position {
  return typeof v === "object" && v !== null && typeof (v as Position).offset === "number" && typeof (v as Position).line === "number";
}

function jsonErrorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return `invalid JSON: ${msg.replace(/\s*\(\d+:\d+\)\s*$/, "")}`;
}

function jsonErrorRange(err: unknown, lines: LineIndex): Range {
  const e = err as { offset?: unknown; line?: unknown; column?: unknown };
  const offset = typeof e.offset === "number" ? e.offset : 0;
  return lines.range(offset, offset);
}
