/**
 * The hand-written fast path (src/hcl/fast.ts) against the tree-sitter path it stands in for. The
 * contract: whenever parseFast returns a Body, the tree-sitter path reports no problem for that
 * text and returns a deep-equal Body (ranges included); otherwise the caller falls back. These
 * tests check that on every fixture, a generated corpus, the benchmark's generated repository,
 * damaged fixtures and a seeded mutation fuzz, and that the fast path accepts nearly every clean file.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import fg from "fast-glob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/gen-hcl-corpus.js";
import { generateRepo } from "../../src/bench/generate.js";
import type { Body } from "../../src/hcl/ast.js";
import { parseFast } from "../../src/hcl/fast.js";
import { createHclParser, type HclParser } from "../../src/hcl/parser.js";
import { LineIndex, stripBom } from "../../src/hcl/positions.js";
import { caseSeed, damage, KINDS, rng } from "../robustness/damage.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CORPUS_SIZE = 1200;
const DAMAGE_SEED = 20_260_712;
const DAMAGES_PER_FILE = 20;

interface Case {
  name: string;
  text: string;
}

let treeSitter: HclParser;
let withFastPath: HclParser;
let benchDir: string;
let fixtures: Case[];
let generated: Case[];

beforeAll(async () => {
  treeSitter = await createHclParser({ fastPath: false });
  withFastPath = await createHclParser();
  fixtures = (await fg("fixtures/**/*.{tf,tfvars}", { cwd: ROOT })).sort().map((f) => ({ name: f, text: readFileSync(path.join(ROOT, f), "utf8") }));
  benchDir = mkdtempSync(path.join(tmpdir(), "restorable-fast-"));
  generateRepo(benchDir, 40);
  const bench = (await fg("**/*.{tf,tfvars}", { cwd: benchDir })).sort().map((f) => ({ name: `bench/${f}`, text: readFileSync(path.join(benchDir, f), "utf8") }));
  generated = [...generateCorpus(CORPUS_SIZE).map((f) => ({ name: f.name, text: f.text })), ...bench];
});

afterAll(() => {
  if (benchDir) rmSync(benchDir, { recursive: true, force: true });
});

function fast(text: string): Body | undefined {
  return parseFast(text, new LineIndex(text));
}

interface Outcome {
  name: string;
  text: string;
  /** The tree-sitter path's Body when it reports no problem. */
  cleanBody: Body | null;
  accepted: boolean;
  /** Set when the fast path broke the contract. */
  disagreement?: string;
}

function check(c: Case): Outcome {
  const text = stripBom(c.text);
  const reference = treeSitter.parse(text, c.name);
  const body = fast(text);
  const outcome: Outcome = { name: c.name, text, cleanBody: reference.problems.length === 0 ? reference.body : null, accepted: body !== undefined };
  if (!body) return outcome;
  if (reference.problems.length > 0) {
    const shown = reference.problems.slice(0, 3).map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`);
    outcome.disagreement = `fast path accepted, tree-sitter reports: ${shown.join("; ")}`;
  } else if (!isDeepStrictEqual(body, reference.body)) {
    outcome.disagreement = `bodies differ at ${firstDifference(body, reference.body, "body")}`;
  }
  return outcome;
}

/** Where two model values first differ, for a readable failure. */
function firstDifference(a: unknown, b: unknown, at: string): string {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return `${at}: fast ${JSON.stringify(a)} vs tree-sitter ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (!(k in a) || !(k in b)) return `${at}.${k}: present in ${k in a ? "fast" : "tree-sitter"} only`;
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${at}.${k}`);
  }
  return `${at}: differ`;
}

function report(outcomes: Outcome[]): string[] {
  const bad = outcomes.filter((o) => o.disagreement);
  if (bad.length > 0) {
    console.error(bad.slice(0, 3).map((o) => `${o.name}: ${o.disagreement}\n${o.text.slice(0, 2000)}`).join("\n----\n"));
  }
  return bad.map((o) => `${o.name}: ${o.disagreement}`);
}

/**
 * Constructs the fast path deliberately leaves to tree-sitter that occur in the fixtures and the
 * generated corpus; a clean file it gives up on must show one of them. (The full list of what it
 * gives up on is in "gives up on" below.) None today: chained conditionals were the one, until
 * convert.ts nested them to the right as HCL does.
 */
const DELIBERATE_BAILS: { reason: string; applies: (body: Body) => boolean }[] = [];

describe("fast path against the tree-sitter path", () => {
  it("agrees on every .tf and .tfvars fixture", () => {
    const outcomes = fixtures.map(check);
    expect(report(outcomes)).toEqual([]);
    const accepted = outcomes.filter((o) => o.accepted && o.cleanBody);
    expect(accepted.map((o) => fast(o.text))).toStrictEqual(accepted.map((o) => o.cleanBody));
  });

  it(`agrees on a generated corpus of ${CORPUS_SIZE} files and the benchmark's generated repository`, () => {
    expect(report(generated.map(check))).toEqual([]);
  });

  it("accepts every clean fixture and generated file but the deliberate exceptions, at least 98% of them", () => {
    const clean = [...fixtures, ...generated].map(check).filter((o) => o.cleanBody);
    const bailed = clean.filter((o) => !o.accepted);
    const unexplained = bailed.filter((o) => !DELIBERATE_BAILS.some((d) => d.applies(o.cleanBody!))).map((o) => o.name);
    expect(unexplained, "clean files the fast path gives up on for no listed reason").toEqual([]);
    const rate = (clean.length - bailed.length) / clean.length;
    expect(rate, `accepted ${clean.length - bailed.length} of ${clean.length}; gave up on: ${bailed.map((o) => o.name).join(", ")}`).toBeGreaterThanOrEqual(0.98);
  });

  it(`never accepts what tree-sitter rejects: ${DAMAGES_PER_FILE} damaged variants of each clean fixture`, () => {
    const outcomes: Outcome[] = [];
    let accepted = 0;
    for (const f of fixtures) {
      if (treeSitter.parse(stripBom(f.text), f.name).problems.length > 0) continue;
      const bytes = readFileSync(path.join(ROOT, f.name));
      for (let i = 0; i < DAMAGES_PER_FILE; i++) {
        const name = `${f.name}#${i}`;
        const kind = KINDS[i % KINDS.length]!;
        const outcome = check({ name: `${name} (${kind})`, text: damage(bytes, kind, rng(caseSeed(DAMAGE_SEED, name))).toString("utf8") });
        if (outcome.accepted) accepted++;
        outcomes.push(outcome);
      }
    }
    expect(outcomes.length).toBeGreaterThan(1000);
    // Some damage leaves a file valid (a flipped letter in a string or comment): those are checked for equality.
    expect(accepted).toBeGreaterThan(0);
    expect(report(outcomes)).toEqual([]);
  });

  it("never accepts what tree-sitter rejects: seeded insertions of syntax-significant snippets", () => {
    const SNIPPETS = ["#", "# c\n", "//", "/*", "*/", "/* x */", "/*\n*/", "\n", "\r\n", "\r", " ", "{", "}", "[", "]", "(", ")", ",", "=", ":", "?", ".", ".*", "[*]", "...", "=>", "!", "-", "+", "*", "==", "<", "&&", "||", "~", '"', "${", "%{", "$${", "%%{", "$$", "%%", "\\", "\\n", "\\u00e9", "<<EOT\nx\nEOT\n", "<<-EOT\n  x\n  EOT\n", "EOT\n", "0", "1e5", "1.5", ".0", "x", "for", "in", "if", "endif", "true", "a::b", "ü", "😀", "\u00a0", "%{ if x }", "%{ endif }", "%{ else }", "${x}", "${~ x ~}", "[for x in y : x]", "{ for k, v in m : k => v }", "a = 1\n", "c { d = 1 }\n", "-1", "x.0", "x.*.y"];
    const seeds = fixtures.map((f) => stripBom(f.text)).filter((t) => treeSitter.parse(t, "seed.tf").problems.length === 0);
    const rand = rng(DAMAGE_SEED);
    const int = (n: number) => Math.floor(rand() * n);
    const outcomes: Outcome[] = [];
    for (let n = 0; n < 4000; n++) {
      let text = seeds[int(seeds.length)]!;
      for (let edits = 1 + int(3); edits > 0; edits--) {
        const at = int(text.length + 1);
        const snippet = SNIPPETS[int(SNIPPETS.length)]!;
        const cut = int(3) === 0 ? 1 + int(3) : 0;
        text = text.slice(0, at) + snippet + text.slice(Math.min(text.length, at + cut));
      }
      // Only what the fast path accepts needs the (slower) tree-sitter reading.
      if (fast(text)) outcomes.push(check({ name: `mutation ${n}`, text }));
    }
    expect(outcomes.length).toBeGreaterThan(200);
    expect(report(outcomes)).toEqual([]);
  });

  it("is what createHclParser uses by default, with the same results, templates included", () => {
    for (const f of fixtures) expect(withFastPath.parse(f.text, f.name)).toStrictEqual(treeSitter.parse(f.text, f.name));
    const templates = [
      readFileSync(path.join(ROOT, "fixtures/cases/file-functions/tier.tftpl"), "utf8"),
      "",
      "plain",
      "a ${b} c\n",
      "%{ for k, v in m ~}\n  ${k} = ${v}\n%{~ endfor }\n",
      "%{ if x }yes%{ else }no%{ endif }",
      "no final newline ${x}",
      "unclosed ${",
      "bad ${}",
    ];
    for (const t of templates) expect(withFastPath.parseTemplate(t, "t.tftpl")).toStrictEqual(treeSitter.parseTemplate(t, "t.tftpl"));
  });
});

describe("fast path on tricky constructs", () => {
  /** Parses with both paths; the fast path must accept and agree exactly. */
  function same(text: string): Body {
    const reference = treeSitter.parse(text, "case.tf");
    expect(reference.problems).toEqual([]);
    const body = fast(text);
    expect(body, "the fast path gave up").toBeDefined();
    expect(body).toStrictEqual(reference.body);
    return body!;
  }

  const CASES: [string, string][] = [
    ["empty file", ""],
    ["whitespace only", "  \n\n\t\n"],
    ["only comments", "# one\n// two\n/* three\n   lines */\n"],
    ["comment at end of file without newline", "a = 1\n# end"],
    ["a trailing attribute without final newline", 'a = 1\nb = "x"'],
    ["CRLF line endings", 'resource "a" "b" {\r\n  x = [\r\n    1,\r\n  ]\r\n  y = <<EOT\r\nline\r\nEOT\r\n}\r\n'],
    ["plain heredoc with escapes kept", "a = <<EOT\nback\\slash $${x} %%{y} $$ %%\n  ${var.x}\nEOT\n"],
    ["indented heredoc", "a = <<-EOT\n    {\n      \"k\": \"${v}\"\n    }\n\n  EOT\n"],
    ["heredoc: indented closing marker, marker-like lines, empty", "a = <<EOT\nEOTX\n EOT-not\n   EOT\nb = <<E\nE\n"],
    ["heredoc with strip markers and directives", "a = <<-EOT\n  %{ if var.verbose ~}\n  verbose\n  %{~ else ~}\n  quiet\n  %{~ endif }\n  %{ for k, v in m }${k}=${v}\n  %{ endfor ~}\n  EOT\n"],
    ["heredoc: closing marker followed by text is content", "a = <<EOT\nx\nEOT ? y : z\nEOT y ${z}\nEOT-${w}\nEOT\nb = 1\n"],
    ["heredoc inside an interpolation", 'a = "${<<EOT\ninner\nEOT\n}"\n'],
    ["quoted template directives with strip markers", 'a = "x %{~ if c ~} y %{~ else ~} z %{~ endif ~} w ${~ v ~} !"\n'],
    ["template for with key and value", 'a = "%{ for k, v in m }${k}:${v},%{ endfor }"\n'],
    ["escapes in quoted strings", 'a = "tab\\t quote\\" back\\\\ \\u00e9 \\U0001F600 $${lit} %%{lit} $$x %%y $ % {"\n'],
    ["non-ASCII and astral characters, UTF-16 columns", 'ünï = "😀ü ${var.x} 😀"\nb = "😀" # 😀\nc = 1\n'],
    ["identifiers with dashes and keywords as names", 'a-b = x-y\nfor = x.in.if.true\nblock true "if" {\n  null = { in = 1, for_each = 2 }\n}\n'],
    ["numbers, exponents included", "a = [0, 007, 1.5, 1.5e3, 1.5E+2, 1e5, 2E-3, 1e400, 9007199254740993, -1]\n"],
    ["operator precedence", "a = !x && y || z == w + v * -u % t - s / r < q\nb = (1 + 2) * 3 >= 4 != false\n"],
    ["conditionals", "a = x ? y ? 1 : 2 : 3\nb = x == 1 ? a + b : c || d\nc = (x ? 1 : 2) ? 3 : 4\n"],
    ["chained conditionals (right-associative; convert.ts re-nests tree-sitter's reading)", "a = x ? 1 : y ? 2 : 3\nb = p ? 1 : q ? 2 : r ? 3 : (s ? 4 : 5)\nc = x ? (y ? 1 : 2) : z ? 3 : 4\n"],
    ["traversals, legacy index, splats", "a = x.y[0].z\nb = aws_instance.web.0.id\nc = a.*.b\nd = a[*].b[0].c\ne = a.*.b[0].*.c\nf = a[*][*]\ng = f(x).y[\"k\"]\nh = (x).y\n"],
    ["calls: expansion, trailing comma, provider functions", "a = f(1, x...)\nb = g(\n  1,\n  2,\n)\nc = provider::aws::arn_parse(x)\nd = f()\n"],
    ["nested for expressions", "a = [for x in [for y in z : y * 2] : { for k, v in x : k => v... if v != null }]\nb = { for k, v in m : k => [for i in v : i if i > 0] }\n"],
    ["object keys: bare, quoted, parenthesized, keywords, colons", 'a = { x = 1, "q r" = 2, (var.k) = 3, true = 4, null = 5, y: 6, "${p}" = 7 }\nb = {\n  x = 1\n  y = 2,\n  z = 3\n}\n'],
    ["comments between items, elements and arguments", "# head\na = [ # c\n  1, # d\n  2 /* e */\n] # f\nb = { # g\n  x = 1 # h\n  y = 2, /* i */ z = 3\n}\nc = f( # j\n  1, # k\n  2 # l\n)\nd {\n  # m\n  e = 1 // n\n  /* o */\n}\n"],
    ["single-line and empty blocks", 'a { b = 1 }\nc {}\nd "x" y {\n}\ne { f = [\n  1,\n] }\ng { /* c */ h = 1 /* d */ }\n'],
    ["nested blocks and labels with escapes", 'resource "a\\"b" "\\u00e9" {\n  lifecycle {\n    prevent_destroy = true\n  }\n  dynamic "tag" {\n    for_each = x\n  }\n}\n'],
    ["newlines inside brackets and parentheses", "a = [\n  1 +\n  2,\n]\nb = (\n  x\n  ? 1\n  : 2\n)\nc = f(\n  a\n  .b\n)\nd = x[\n  0\n]\n"],
  ];

  for (const [title, text] of CASES) it(title, () => void same(text));

  it("counts columns in UTF-16 code units", () => {
    const body = same('a = "😀${x}"\n');
    const expr = body.attributes[0]!.expr;
    if (expr.kind !== "template") throw new Error("expected a template");
    expect(expr.parts[1]!.range.start).toEqual({ line: 1, column: 8, offset: 7 });
  });

  const BAILS: [string, string][] = [
    ["comment inside an expression", "a = 1 /* c */ + 2\n"],
    ["comment between `=` and the value (the validator skips such values)", "a = # c\n  1\n"],
    ["comment in a block header", 'a /* c */ "b" {\n}\n'],
    ["comment inside a for expression", "a = [for x in y : x # c\n]\n"],
    ["newline inside an expression", "a = 1 +\n  2\n"],
    ["newline before a traversal", "a = x\n  .y\n"],
    ["duplicated attribute", "a = 1\na = 2\n"],
    ["two items on one line", "a = 1 b = 2\n"],
    ["single-line block with two arguments", "b { x = 1, y = 2 }\n"],
    ["single-line block closing on another line", "b { x = 1\n}\n"],
    ["object without separators", "a = { x = 1 y = 2 }\n"],
    ["hex number", "a = 0x1F\n"],
    ["unquoted CIDR", "a = 10.0.0.0/16\n"],
    ["chained legacy index", "a = x.0.1\n"],
    ["splat nested in an attribute-only splat", "a = x.*.y.*.z\n"],
    ["traversal of a number", "a = 1 .0\n"],
    ["bad escape", 'a = "\\q"\n'],
    ["surrogate escape", 'a = "\\ud800"\n'],
    ["raw newline in a quoted string", 'a = "x\ny"\n'],
    ["empty interpolation", 'a = "${}"\n'],
    ["directive keyword glued to its expression", 'a = "%{ifx}y%{endif}"\n'],
    ["unbalanced directives", 'a = "%{ if x }y"\n'],
    ["`$$$` run before an interpolation", 'a = "$$${x}"\n'],
    ["heredoc closing marker followed by spaces", "a = <<EOT\nx\nEOT  \n"],
    ["heredoc marker, a space and `${` (tree-sitter's scanner reads no interpolation there)", "a = <<EOT\nEOT ${y}\nEOT\n"],
    ["unterminated heredoc", "a = <<EOT\nx\nEOT"],
    ["heredoc marker not ending its line", "a = <<EOT x\nEOT\n"],
    ["lone carriage return", "a = 1\rb = 2\n"],
    ["NUL character", 'a = "x\0"\n'],
    ["top-level object", '{ "a": 1 }\n'],
    ["`::` outside a function name", "a = x::y\n"],
    ["a for keyword as a variable", "a = [in]\n"],
    ["deep nesting", `a = ${"[".repeat(300)}1${"]".repeat(300)}\n`],
    ["long operator chain", `a = ${Array(400).fill("1").join(" + ")}\n`],
    ["deeply nested template directives", `a = "${"%{if true}".repeat(300)}x${"%{endif}".repeat(300)}"\n`],
  ];

  for (const [title, text] of BAILS) {
    it(`gives up on: ${title}`, () => {
      expect(fast(text)).toBeUndefined();
      expect(withFastPath.parse(text, "case.tf")).toStrictEqual(treeSitter.parse(text, "case.tf"));
    });
  }
});
