/**
 * `npm run bench -- --generate N [--keep DIR]` or `npm run bench -- DIR` (issue 7): the whole
 * scan (discover, parse, evaluate, rules, SARIF written) in a child process, timed and with its
 * peak RSS, next to the time to merely parse the same files with the tree-sitter grammar in one
 * process, so the share of time spent beyond parsing is visible.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
import { createHclParser } from "../hcl/index.js";
import { generateRepo } from "./generate.js";

interface Figures {
  files: number;
  mb: number;
  wallMs: number;
  grammarOnlyMs: number;
  parseOnlyMs: number;
  peakRssMb: number;
  findings: number;
}

const CHILD = fileURLToPath(new URL("./child.js", import.meta.url));

/**
 * Parse every HCL file the scan parses (.tf and .tfvars) once, in this process, and nothing else:
 * with the tree-sitter grammar alone (the floor the issue measures against), and through
 * restorable's parser (the tree, its checks and its conversion to the AST the scan evaluates).
 */
async function parseOnly(dir: string): Promise<{ grammarMs: number; astMs: number; files: number }> {
  const files = (await fg(["**/*.tf", "**/*.tfvars"], { cwd: dir, ignore: ["**/node_modules/**", "**/.git/**"] })).sort();
  const texts = files.map((f) => readFileSync(path.join(dir, f), "utf8"));
  await Parser.init();
  const grammar = new Parser();
  grammar.setLanguage(await Language.load(grammarWasmPath()));
  let start = performance.now();
  for (const t of texts) grammar.parse(t)?.delete();
  const grammarMs = performance.now() - start;
  const parser = await createHclParser();
  start = performance.now();
  for (let i = 0; i < texts.length; i++) parser.parse(texts[i]!, files[i]!);
  return { grammarMs, astMs: performance.now() - start, files: files.length };
}

function grammarWasmPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/package.json")), "tree-sitter-terraform.wasm");
}

/** The whole scan in a fresh Node process: wall time from its own clock, peak RSS from its resource usage. */
function fullScan(dir: string, extraArgs: string[]): { wallMs: number; peakRssMb: number; findings: number; files: number } {
  const r = spawnSync(process.execPath, [CHILD, dir, ...extraArgs], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`the scan failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

function printFigures(label: string, f: Figures): void {
  const secs = f.wallMs / 1000;
  const lines = [
    `${label}`,
    `  files            ${f.files}`,
    `  MB               ${f.mb.toFixed(2)}`,
    `  wall (scan)      ${f.wallMs.toFixed(0)} ms`,
    `  files/s          ${(f.files / secs).toFixed(0)}`,
    `  MB/s             ${(f.mb / secs).toFixed(2)}`,
    `  peak RSS         ${f.peakRssMb.toFixed(0)} MB`,
    `  grammar only     ${f.grammarOnlyMs.toFixed(0)} ms (tree-sitter parse of the same files, one thread)`,
    `  parse only       ${f.parseOnlyMs.toFixed(0)} ms (restorable's parser: tree, checks, AST; one thread)`,
    `  scan / grammar   ${(f.wallMs / f.grammarOnlyMs).toFixed(2)}x`,
    `  scan / parse     ${(f.wallMs / f.parseOnlyMs).toFixed(2)}x`,
    `  findings         ${f.findings}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

/** Bytes of the files a scan reads (Terraform, variables, YAML, JSON). */
async function inputBytes(dir: string): Promise<number> {
  const files = await fg(["**/*.tf", "**/*.tf.json", "**/*.tfvars", "**/*.tfvars.json", "**/*.yaml", "**/*.yml", "**/*.json"], { cwd: dir, ignore: ["**/node_modules/**", "**/.git/**"] });
  return files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
}

async function measure(dir: string, label: string, extraArgs: string[]): Promise<Figures> {
  const parsed = await parseOnly(dir);
  const scan = fullScan(dir, extraArgs);
  const figures = { files: scan.files, mb: (await inputBytes(dir)) / 1e6, wallMs: scan.wallMs, grammarOnlyMs: parsed.grammarMs, parseOnlyMs: parsed.astMs, peakRssMb: scan.peakRssMb, findings: scan.findings };
  printFigures(label, figures);
  return figures;
}

function usage(): never {
  process.stderr.write("usage: npm run bench -- --generate N [--keep DIR] [--workers N] | npm run bench -- DIR [--workers N]\n");
  process.exit(2);
}

export async function main(argv: string[]): Promise<void> {
  const workers = argv.indexOf("--workers");
  const extra = workers >= 0 ? ["--workers", argv[workers + 1] ?? usage()] : [];
  const gen = argv.indexOf("--generate");
  if (gen >= 0) {
    const n = Number(argv[gen + 1]);
    if (!Number.isInteger(n) || n <= 0) usage();
    const keep = argv.indexOf("--keep");
    const dir = keep >= 0 ? path.resolve(argv[keep + 1] ?? usage()) : mkdtempSync(path.join(tmpdir(), "restorable-bench-"));
    const repo = generateRepo(dir, n);
    try {
      await measure(dir, `generated: ${n} modules (${repo.files} files) in ${dir}`, extra);
    } finally {
      if (keep < 0) rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const dir = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--workers");
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usage();
  await measure(path.resolve(dir), `directory: ${path.resolve(dir)}`, extra);
}
