/**
 * Deterministic generator of Terraform-like HCL files for the differential
 * test against HashiCorp's parser (test/hcl/differential.test.ts). About a
 * quarter of the files are deliberately broken in ways HCL rejects.
 *
 * Usage: node --import <ts-loader> scripts/gen-hcl-corpus.ts OUT_DIR [COUNT] [SEED]
 * (the test imports generateCorpus and needs no files on disk).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rng as prng } from "../src/bench/generate.js";

export interface CorpusFile {
  name: string;
  text: string;
  /** The mutation applied, when the file was broken on purpose. */
  mutation: string | null;
}

class Gen {
  constructor(private readonly rnd: () => number) {}

  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  ident(): string {
    return this.pick(["name", "bucket", "id", "tags", "enabled", "region", "count", "value", "kms_key_id", "retention_days", "ünï", "cidr_block", "x_1", "a-b"]);
  }

  number(): string {
    return this.pick([
      "0", "1", "42", "3.14", "0.1", "9007199254740993", "1e400", "1e5", "2E-3", "1.5e3", "1.5E+2", "007", "123456789012345678901234567890", "35", "0.000001",
    ]);
  }

  stringBody(): string {
    const pieces = ["abc", "ünïcødé 😀", "\\n", "\\t", '\\"', "\\\\", "\\r", "\\u00e9", "\\U0001F600", "$${x}", "%%{y}", "$$", "%%", " ", "a b", "arn:aws:s3:::b/*", "10.0.0.0/16", "#not-comment", "//x", "$", "%", "{", "}"];
    let s = "";
    const n = this.int(4);
    for (let i = 0; i < n; i++) {
      const piece = this.pick(pieces);
      // Avoid accidental `${`, `%{` or `%%%{` sequences across piece boundaries.
      s += /[$%]$/.test(s) && /^[{$%]/.test(piece) ? ` ${piece}` : piece;
    }
    // tree-sitter-hcl reads `%%%{` as `%%` + directive where HCL reads `%` + escape: a known gap.
    return /[$%]$/.test(s) ? `${s} ` : s;
  }

  quoted(depth: number): string {
    if (depth <= 0 || this.chance(0.6)) return `"${this.stringBody()}"`;
    let s = '"';
    const n = 1 + this.int(3);
    for (let i = 0; i < n; i++) {
      if (/[$%]$/.test(s)) s += " ";
      const r = this.int(6);
      if (r < 3) s += this.stringBody();
      else if (r < 5) s += `\${${this.chance(0.2) ? "~ " : ""}${this.expr(depth - 1, true)}${this.chance(0.2) ? " ~" : ""}}`;
      else if (r === 5) s += `%{ if ${this.variable()} }${this.stringBody()}%{ else }${this.stringBody()}%{ endif }`;
    }
    if (/[$%]$/.test(s)) s += " ";
    if (this.chance(0.2)) s += `%{ for k, v in ${this.variable()} }\${k}=\${v}%{ endfor }`;
    return s + '"';
  }

  heredoc(depth: number, indent: string): string {
    const flush = this.chance(0.5);
    const marker = this.pick(["EOT", "EOF", "POLICY", "END"]);
    const inner = flush ? indent + "  " : "";
    const lines: string[] = [];
    const n = 1 + this.int(4);
    for (let i = 0; i < n; i++) {
      const extra = " ".repeat(this.int(4));
      const r = this.int(8);
      if (r === 0) lines.push("");
      else if (r === 1) lines.push(inner + extra + "  ");
      else if (r === 2 && depth > 0) lines.push(`${inner}${extra}value = \${${this.expr(depth - 1, true)}}`);
      else if (r === 3) lines.push(`${inner}${extra}%{ if ${this.variable()} ~}yes%{ endif }`);
      else if (r === 4) lines.push(`${inner}\\n is literal $\${x} and %%{y}`);
      else if (r === 5) lines.push(`${inner}\t${extra}tabbed 😀`);
      else lines.push(`${inner}${extra}{"Effect": "Allow", "Action": "s3:*"}`);
    }
    const close = flush ? indent + "  " : "";
    return `<<${flush ? "-" : ""}${marker}\n${lines.join("\n")}\n${close}${marker}\n`;
  }

  variable(): string {
    const root = this.pick(["var", "local", "each", "count", "aws_s3_bucket", "module", "data"]);
    let s = root;
    const n = 1 + this.int(3);
    for (let i = 0; i < n; i++) {
      const r = this.int(10);
      if (r < 6) s += `.${this.pick(["id", "arn", "name", "value", "key", "index", "b", "main"])}`;
      else if (r < 8) s += `[${this.pick(["0", '"k"', "count.index", "1"])}]`;
      else if (r === 8) s += ".0";
      else s += this.chance(0.5) ? "[*].id" : ".*.arn";
    }
    return s;
  }

  tuple(depth: number, inParens: boolean): string {
    const n = this.int(4);
    const items = Array.from({ length: n }, () => this.expr(depth - 1, true));
    if (this.chance(0.3) && n > 0) return `[\n${items.map((i) => `  ${i},`).join("\n")}\n]`;
    return `[${items.join(", ")}${this.chance(0.2) && n > 0 ? "," : ""}]` + (inParens ? "" : "");
  }

  object(depth: number): string {
    const n = this.int(4);
    const items = Array.from({ length: n }, () => {
      const key = this.pick([this.ident(), `"${this.stringBody()}"`, `(${this.variable()})`, "true", "null"]);
      return `${key} ${this.pick(["=", ":"])} ${this.expr(depth - 1, false)}`;
    });
    if (n === 0) return "{}";
    if (this.chance(0.5)) return `{\n${items.map((i) => `    ${i}`).join("\n")}\n  }`;
    return `{ ${items.join(", ")} }`;
  }

  /** `inBrackets`: newlines are allowed (inside (), [] or ${}). Objects may hold multi-line items. */
  expr(depth: number, inBrackets: boolean): string {
    if (depth <= 0) return this.pick([this.number(), this.quoted(0), "true", "false", "null", this.variable(), `-${this.number()}`]);
    const r = this.int(20);
    switch (r) {
      case 0:
      case 1:
        return this.number();
      case 2:
        return `-${this.number()}`;
      case 3:
      case 4:
        return this.quoted(depth);
      case 5:
        return this.heredoc(depth, "  ").trimEnd() + (inBrackets ? "\n" : "");
      case 6:
        return this.tuple(depth, inBrackets);
      case 7:
        return this.object(depth);
      case 8:
        return this.variable();
      case 9:
        return `${this.pick(["merge", "lookup", "concat", "length", "jsonencode", "format", "coalesce", "try"])}(${this.expr(depth - 1, true)}, ${this.expr(depth - 1, true)}${this.chance(0.2) ? "..." : ""})`;
      case 10:
        return `${this.expr(depth - 1, false)} ? ${this.expr(depth - 1, false)} : ${this.expr(depth - 1, false)}`;
      case 11:
        return `${this.expr(depth - 1, false)} ${this.pick(["+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||"])} ${this.expr(depth - 1, false)}`;
      case 12:
        return `!${this.pick(["true", "false", this.variable()])}`;
      case 13:
        return `[for ${this.pick(["x", "k, v"])} in ${this.variable()} : ${this.expr(depth - 1, true)}${this.chance(0.3) ? ` if ${this.variable()}` : ""}]`;
      case 14:
        return `{ for k, v in ${this.variable()} : k => ${this.expr(depth - 1, true)}${this.chance(0.3) ? "..." : ""} }`;
      case 15:
        return `(${this.expr(depth - 1, true)})`;
      case 16:
        return this.chance(0.5) ? "true" : "null";
      case 17:
        return `[${this.number()}, [${this.number()}, -${this.number()}], { a = [${this.quoted(0)}], "b" = { c = null } }]`;
      default:
        return `"${this.stringBody()}"`;
    }
  }

  attributes(indent: string, depth: number): string[] {
    const n = 1 + this.int(5);
    const used = new Set<string>();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let name = this.ident();
      while (used.has(name)) name += "_x";
      used.add(name);
      const pad = this.chance(0.3) ? " ".repeat(1 + this.int(3)) : " ";
      const comment = this.pick(["", "", "", " # note", " // note", " /* c */"]);
      out.push(`${indent}${name}${pad}= ${this.expr(depth, false)}${comment}`);
    }
    return out;
  }

  block(indent: string, depth: number): string {
    const kind = this.int(6);
    const header =
      kind === 0 ? `resource "${this.pick(["aws_s3_bucket", "aws_db_instance", "aws_backup_plan"])}" "${this.pick(["main", "dr", "ünï"])}"`
      : kind === 1 ? `variable "${this.pick(["region", "tags"])}"`
      : kind === 2 ? "locals"
      : kind === 3 ? `module ${this.pick(["mod_a", "mod_b"])}`
      : kind === 4 ? `data "aws_iam_policy_document" "p"`
      : `provider "aws"`;
    const lines = this.attributes(indent + "  ", depth);
    if (depth > 1 && this.chance(0.5)) {
      lines.push(`${indent}  ${this.pick(["lifecycle", "rule", "versioning", "dynamic \"tag\""])} {`);
      lines.push(...this.attributes(indent + "    ", depth - 1));
      lines.push(`${indent}  }`);
    }
    if (this.chance(0.1)) return `${indent}${header} { ${this.ident()} = ${this.number()} }`;
    if (this.chance(0.05)) return `${indent}${header} {}`;
    return `${indent}${header} {\n${lines.join("\n")}\n${indent}}`;
  }

  file(): string {
    const n = 1 + this.int(4);
    const parts: string[] = [];
    if (this.chance(0.2)) parts.push("# generated\n");
    for (let i = 0; i < n; i++) parts.push(this.block("", 1 + this.int(3)));
    if (this.chance(0.3)) parts.push(this.attributes("", 2).join("\n"));
    let text = parts.join("\n\n") + "\n";
    if (this.chance(0.1)) text = text.replace(/\n/g, "\r\n");
    if (this.chance(0.05)) text = "\ufeff" + text;
    return text;
  }
}

const MUTATIONS: Record<string, (text: string, g: Gen) => string> = {
  duplicateAttribute: (t) => t.replace(/^(\s*)([\w-]+)( *= *)([^\n]*)$/m, "$1$2$3$4\n$1$2 = 1"),
  unquotedCidr: (t) => t.replace(/\n/, "\ncidr = 10.0.0.0/16\n"),
  unclosedBrace: (t) => {
    const i = t.lastIndexOf("}");
    return i < 0 ? t + "x {\n" : t.slice(0, i) + t.slice(i + 1);
  },
  strayToken: (t, g) => {
    const lines = t.split("\n");
    const at = g.int(lines.length);
    lines.splice(at, 0, g.pick(["}", "= 1", "@", "]", ")", "foo bar", "x = ", "\"unterminated"]));
    return lines.join("\n");
  },
  twoOnOneLine: (t) => t.replace(/\n/, "\na = 1 b = 2\n"),
  missingEquals: (t) => t.replace(/\n/, "\nbroken \"value\"\n"),
  rawNewlineInString: (t) => t.replace(/\n/, '\nmsg = "line one\nline two"\n'),
  chainedLegacyIndex: (t) => t.replace(/\n/, "\nx = var.list.0.1\n"),
  hexNumber: (t) => t.replace(/\n/, "\nx = 0x1F\n"),
  badEscape: (t) => t.replace(/\n/, '\nx = "bad \\q escape"\n'),
  singleLineTwoAttrs: (t) => t.replace(/\n/, "\nb { x = 1 y = 2 }\n"),
  splitHeader: (t) => t.replace(/\n/, '\nresource "a"\n"b" {\n}\n'),
  newlineInExpr: (t) => t.replace(/\n/, "\nx = 1 +\n2\n"),
  emptyInterp: (t) => t.replace(/\n/, '\nx = "${}"\n'),
  objectNoSeparator: (t) => t.replace(/\n/, "\nx = { a = 1 b = 2 }\n"),
};

export function generateCorpus(count: number, seed = 20240611): CorpusFile[] {
  const g = new Gen(prng(seed));
  const names = Object.keys(MUTATIONS);
  const files: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    let text = g.file();
    let mutation: string | null = null;
    if (g.chance(0.25)) {
      mutation = g.pick(names);
      text = (MUTATIONS[mutation] as (t: string, g: Gen) => string)(text, g);
    }
    files.push({ name: `gen-${String(i).padStart(4, "0")}.tf`, text, mutation });
  }
  return files;
}

function main(): void {
  const [outDir, count = "1000", seed = "20240611"] = process.argv.slice(2);
  if (!outDir) throw new Error("usage: gen-hcl-corpus OUT_DIR [COUNT] [SEED]");
  mkdirSync(outDir, { recursive: true });
  for (const f of generateCorpus(Number(count), Number(seed))) writeFileSync(path.join(outDir, f.name), f.text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
