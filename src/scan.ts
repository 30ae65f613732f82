/**
 * The library entry: discover → parse → evaluate → normalize → graph → rules.
 * The CLI and the GitHub Action both call `scan()`; it never writes, never uses
 * the network and never runs code from the scanned repository.
 */
import { readFileSync, realpathSync, statSync, promises as fsp } from "node:fs";
import path from "node:path";
import { discover, joinInsideRoot, type DiscoveredFile } from "./discover/index.js";
import { UsageError } from "./errors.js";
import { buildGraph } from "./graph/index.js";
import { packageJson as pkg } from "./package-json.js";
import { loadKubernetes } from "./helm/index.js";
import { helmTemplate } from "./helm/render.js";
import type { Graph, Location } from "./graph/types.js";
import { createHclParser, parseTfJson, type HclParser, type ParsedFile, type Range } from "./hcl/index.js";
import { parseInWorkers, workerCount } from "./hcl/pool.js";
import { loadPolicy } from "./policy/index.js";
import { ruleMetadata, runRules, unknownKey, type FileProblem, type Finding, type RuleUnknown } from "./rules/index.js";
import { applySuppressions, resolveNow } from "./rules/suppress.js";
import { buildInventory } from "./report/inventory.js";
import type { InventoryEntry, ScanFileSystem, ScanOptions, ScanResult } from "./scan-result.js";
import { defineModule, type ModuleDefinition } from "./terraform/module.js";
import { evaluatePlan, planLocator, planRoots, readPlan, type ParsedPlan } from "./terraform/plan.js";
import { evaluateRoot, findRoots, type VarFile } from "./terraform/root.js";
import type { EvaluatedRoot } from "./terraform/types-evaluated.js";

export type { ScanOptions, ScanResult } from "./scan-result.js";

const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const nodeFileSystem: ScanFileSystem = {
  readFile: (p) => fsp.readFile(p),
  stat: (p) => fsp.stat(p),
  readFileSync: (p) => readFileSync(p),
  statSync: (p) => statSync(p),
};

function packageJson(): { version: string; homepage: string } {
  return { version: pkg.version ?? "0.0.0", homepage: pkg.homepage ?? "https://github.com/restorable/restorable" };
}

export function toolVersion(): string {
  return packageJson().version;
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const fs = options.fs ?? nodeFileSystem;
  // `-` reads manifests from standard input (`helm template … | restorable scan -`): it is no path to discover.
  const given = options.paths?.length ? options.paths : ["."];
  const discovery = await discover({ paths: given.filter((p) => p !== "-"), cwd, root: options.root, exclude: options.exclude }, fs);
  // Before any parsing: a bad config or policy stops the run (exit 2) at once.
  const loaded = await loadPolicy({
    root: discovery.root,
    ...(options.configFile !== undefined ? { configFile: path.resolve(cwd, options.configFile) } : {}),
    fs,
    ruleIds: [...ruleMetadata().map((m) => m.id), "UNK-001"],
  });
  const store = new TextStore(discovery.root, fs, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  await store.loadAll(discovery.files.filter((f) => f.kind !== "chart-archive").map((f) => f.path));
  await store.loadAllBytes(discovery.files.filter((f) => f.kind === "chart-archive").map((f) => f.path));
  const parser = await createHclParser();
  const parsedOne = progressCounter(discovery.files.filter((f) => PARSED_KINDS.has(f.kind) && store.get(f.path) !== undefined).length, options.onProgress);
  const parsed = parseAll(discovery.files, store, parser, await parseNativeFirst(discovery.files, store, options.workers, parser, parsedOne), parsedOne);
  const modules = groupModules(parsed);
  // Any *.json is read as a possible plan; one that cannot be read is not known to be ours.
  const planCandidates = new Set(discovery.files.filter((f) => f.kind === "plan-json").map((f) => f.path));
  const fileProblems = [...store.problems.filter((p) => !planCandidates.has(p.file)), ...parsed.problems, ...moduleProblems(modules)];

  const varFiles = await loadCommandLineVarFiles(options.varFiles ?? [], cwd, discovery.root, store, fs, parser);
  // SPEC: a plan JSON gives the values of its root (its folder); locations come from the .tf files there.
  const plans = planRoots(parsed.plans).byRoot;
  const roots = [...new Set([...findRoots(modules), ...plans.keys()])].sort();
  const varFilesByDir = groupByDir(parsed.varFiles);
  const evaluated: EvaluatedRoot[] = roots.map((root) => {
    const plan = plans.get(root);
    if (plan) return evaluatePlan(plan.json, plan.path, root, planLocator(root, (dir) => modules.get(dir), remoteModulesOf(root, parsed.modulesJson)), plan.positions);
    return evaluateRoot(
      root,
      {
        autoVarFiles: autoVarFilesOf(root, varFilesByDir),
        varFiles,
        vars: options.vars ?? [],
        env: options.env ?? process.env,
        environment: "",
      },
      {
        module: (dir) => modules.get(dir),
        remoteModules: remoteModulesOf(root, parsed.modulesJson),
        readText: (p) => store.readSync(p),
        parseTemplate: (text, p) => {
          const t = parser.parseTemplate(text, p);
          return t.problems.length ? undefined : t.parts;
        },
        parseExpression: (text) => {
          const f = parser.parse(`v = ${text}\n`, "<var>");
          return f.problems.length ? undefined : f.body.attributes[0]?.expr;
        },
      },
    );
  });

  const kubernetes = loadKubernetes({
    yamlFiles: discovery.files.flatMap((f) => {
      const text = f.kind === "yaml" ? store.get(f.path) : undefined;
      return text === undefined ? [] : [{ path: f.path, text }];
    }),
    archives: discovery.files.flatMap((f) => {
      const bytes = f.kind === "chart-archive" ? store.getBytes(f.path) : undefined;
      return bytes === undefined ? [] : [{ path: f.path, bytes }];
    }),
    valuesFiles: await loadValuesFiles(options.valuesFiles ?? [], cwd, discovery.root, store, fs),
    ...(options.stdin !== undefined && given.includes("-") ? { stdin: options.stdin } : {}),
    terraform: evaluated,
    clusters: loaded.clusters,
    templates: discovery.files.filter((f) => f.kind === "yaml-template").map((f) => f.path),
    ...(options.helmRender ? { helmRender: { root: discovery.root, render: helmTemplate(options.env ?? process.env) } } : {}),
  });
  fileProblems.push(...evaluationProblems(evaluated), ...kubernetes.problems);
  const graph = buildGraph(evaluated, { externalBackups: loaded.externalBackups, kubernetes: kubernetes.objects });
  const policy = loaded.view;
  const ruleResults = runRules({ graph, fileProblems, policy, levels: loaded.levels });
  const findings = sortFindings(
    applySuppressions({
      findings: ruleResults.findings,
      textOf: (file) => store.get(file),
      subjectHeader: headerLookup(graph),
      ignores: loaded.ignores,
      now: resolveNow(options.now, options.env ?? process.env),
    }),
  );
  const unknowns = [
    ...evaluated.flatMap((r) =>
      r.unknowns.map((u) => ({ subject: u.subject, root: r.root, what: u.what, reason: u.reason, hint: u.hint, location: u.at && toLocation(u.at.file, u.at.range) })),
    ),
    ...graph.unknowns,
    ...kubernetes.unknowns,
  ];
  appendNew(unknowns, ruleResults.unknowns);
  let inventory: InventoryEntry[] | undefined;
  return {
    tool: { name: "restorable", version: toolVersion(), informationUri: packageJson().homepage },
    rules: ruleMetadata(),
    findings,
    // Built on first read: SARIF and text reports never read it (a quarter of a second at 10,000 components).
    get components(): InventoryEntry[] {
      return (inventory ??= buildInventory(graph, policy, findings));
    },
    unknowns,
    stats: {
      files: discovery.files.length,
      terraformFiles: discovery.files.filter((f) => f.kind === "terraform" || f.kind === "terraform-json").length,
      roots,
      environmentsNotEvaluated: environmentsNotEvaluated(roots, parsed.varFiles, varFiles),
      components: graph.components.length,
      mechanisms: graph.mechanisms.length,
      ...(kubernetes.notes.length ? { notes: kubernetes.notes } : {}),
    },
  };
}

// ---- reading ----------------------------------------------------------------------------------

/** Every file of the scan is read once, through the injected file system, and decoded once. */
class TextStore {
  private readonly texts = new Map<string, string | null>();
  private readonly bytes = new Map<string, Uint8Array>();
  private realRoot: string | undefined;
  readonly problems: FileProblem[] = [];

  constructor(
    private readonly root: string,
    private readonly fs: ScanFileSystem,
    private readonly maxFileSize: number,
  ) {}

  async loadAll(paths: string[]): Promise<void> {
    if (this.fs.readFileSync && this.fs.statSync) for (const p of paths) this.loadSync(p, this.fs.statSync, this.fs.readFileSync);
    else await Promise.all(paths.map((p) => this.load(p)));
  }

  /** Binary inputs (packaged charts): kept as bytes, under the same size limit. */
  async loadAllBytes(paths: string[]): Promise<void> {
    await Promise.all(paths.map((p) => this.load(p, true)));
  }

  private loadSync(rel: string, stat: NonNullable<ScanFileSystem["statSync"]>, read: NonNullable<ScanFileSystem["readFileSync"]>): void {
    const abs = path.join(this.root, rel);
    try {
      if (this.readable(rel, stat(abs))) this.accept(rel, read(abs));
    } catch (e) {
      this.fail(rel, `the file could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }

  /** A regular file under --max-file-size; anything else is a problem (a FIFO named main.tf would block or never end). */
  private readable(rel: string, stat: { isFile(): boolean; size: number }): boolean {
    if (!stat.isFile()) {
      this.fail(rel, "it is not a regular file; it was skipped");
      return false;
    }
    if (stat.size > this.maxFileSize) {
      this.fail(rel, `the file is ${stat.size} bytes, above --max-file-size (${this.maxFileSize}); it was skipped`);
      return false;
    }
    return true;
  }

  getBytes(rel: string): Uint8Array | undefined {
    return this.bytes.get(rel);
  }

  private async load(rel: string, binary = false): Promise<void> {
    const abs = path.join(this.root, rel);
    try {
      if (!this.readable(rel, await this.fs.stat(abs))) return;
      const buf = await this.fs.readFile(abs);
      if (binary) this.bytes.set(rel, buf);
      else this.accept(rel, buf);
    } catch (e) {
      this.fail(rel, `the file could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }

  private accept(rel: string, buf: Buffer): void {
    const decoded = decodeText(buf);
    if (typeof decoded === "string") this.texts.set(rel, decoded);
    else this.fail(rel, decoded.problem);
  }

  private fail(rel: string, message: string): void {
    this.texts.set(rel, null);
    this.problems.push({ file: rel, message, location: { file: rel, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
  }

  get(rel: string): string | undefined {
    return this.texts.get(rel) ?? undefined;
  }

  /** For `file()`/`templatefile()`: files the evaluation asks for, read on first use (sync, still once). */
  readSync(rel: string): string | undefined {
    if (!this.texts.has(rel)) this.texts.set(rel, this.readInsideRoot(rel));
    return this.texts.get(rel) ?? undefined;
  }

  /**
   * A path inside the scan root may still be a symbolic link to anywhere (/etc/passwd, /dev/zero):
   * only a regular file, under --max-file-size, whose real path lies under the scan root is read.
   */
  private readInsideRoot(rel: string): string | null {
    try {
      const real = realpathSync(path.join(this.root, rel));
      const inside = path.relative((this.realRoot ??= realpathSync(this.root)), real);
      if (inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return null;
      const stat = statSync(real);
      if (!stat.isFile() || stat.size > this.maxFileSize) return null;
      const decoded = decodeText(readFileSync(real));
      return typeof decoded === "string" ? decoded : null;
    } catch {
      return null;
    }
  }
}

/** UTF-8 (BOM stripped) or UTF-16 with a BOM; binary and invalid UTF-8 are problems, not exceptions. */
export function decodeText(buf: Buffer): string | { problem: string } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder("utf-16be").decode(buf.subarray(2));
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  if (body.subarray(0, 8192).includes(0)) return { problem: "the file is binary, not text" };
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return { problem: "the file is not valid UTF-8 text" };
  }
}

// ---- parsing ----------------------------------------------------------------------------------

interface ParsedInputs {
  terraform: ParsedFile[];
  varFiles: VarFile[];
  modulesJson: Map<string, unknown>;
  plans: ParsedPlan[];
  problems: FileProblem[];
}

/** The kinds parseAll parses: the files progress counts. */
const PARSED_KINDS: ReadonlySet<DiscoveredFile["kind"]> = new Set(["terraform", "terraform-json", "tfvars", "tfvars-json", "modules-json", "plan-json"]);
const PROGRESS_INTERVAL_MS = 100;

/** Counts parsed files (each once) for `onProgress`: at most one call per interval, and always the last. */
function progressCounter(total: number, report: ((done: number, total: number) => void) | undefined): (file: string) => void {
  if (!report || total === 0) return () => {};
  const done = new Set<string>();
  let last = -Infinity;
  return (file) => {
    if (done.has(file)) return;
    done.add(file);
    const now = performance.now();
    if (done.size === total || now - last >= PROGRESS_INTERVAL_MS) {
      last = now;
      report(done.size, total);
    }
  };
}

/**
 * Native-syntax HCL files (.tf, .tfvars), parsed before the other inputs: each by the fast parser
 * here first (src/hcl/fast.ts, for clean files; sending its result back from a worker would cost more
 * than parsing it), and the files it leaves to tree-sitter in worker threads when they are many.
 * Progress counts the files this thread parses as they are done; the workers' files are counted when
 * parseAll takes them up (src/hcl/pool.ts reports no progress of its own).
 */
async function parseNativeFirst(
  files: DiscoveredFile[],
  store: TextStore,
  workers: number | undefined,
  parser: HclParser,
  parsedOne: (file: string) => void,
): Promise<ReadonlyMap<string, ParsedFile>> {
  const parsed = new Map<string, ParsedFile>();
  const rest: { path: string; text: string }[] = [];
  for (const f of files) {
    if (f.kind !== "terraform" && f.kind !== "tfvars") continue;
    const text = store.get(f.path);
    if (text === undefined) continue;
    const clean = parser.parseClean(text, f.path);
    if (clean) {
      parsed.set(f.path, clean);
      parsedOne(f.path);
    } else rest.push({ path: f.path, text });
  }
  const n = workerCount(rest, workers);
  const parseHere = (text: string, file: string) => {
    const p = parser.parse(text, file);
    parsedOne(file);
    return p;
  };
  const inWorkers = n > 0 ? await parseInWorkers(rest, n, parseHere) : undefined;
  for (const [file, p] of inWorkers ?? []) parsed.set(file, p);
  return parsed;
}

function parseAll(files: DiscoveredFile[], store: TextStore, parser: HclParser, preParsed?: ReadonlyMap<string, ParsedFile>, parsedOne: (file: string) => void = () => {}): ParsedInputs {
  const out: ParsedInputs = { terraform: [], varFiles: [], modulesJson: new Map(), plans: [], problems: [] };
  const parseNative = (text: string, file: string) => preParsed?.get(file) ?? parser.parse(text, file);
  for (const f of files) {
    const text = store.get(f.path);
    if (text === undefined) continue;
    switch (f.kind) {
      case "terraform":
      case "terraform-json": {
        const p = f.kind === "terraform" ? parseNative(text, f.path) : parseTfJson(text, f.path, parser);
        out.terraform.push(p);
        out.problems.push(...p.problems.map((x) => ({ file: f.path, message: x.message, location: toLocation(f.path, x.range) })));
        break;
      }
      case "tfvars": {
        const p = parseNative(text, f.path);
        out.varFiles.push({ path: f.path, parsed: p });
        out.problems.push(...p.problems.map((x) => ({ file: f.path, message: x.message, location: toLocation(f.path, x.range) })));
        break;
      }
      case "tfvars-json":
      case "modules-json": {
        const json = parseJsonOrProblem(text, f.path, out.problems);
        if (json === undefined) break;
        if (f.kind === "modules-json") out.modulesJson.set(f.path, json);
        else out.varFiles.push({ path: f.path, json });
        break;
      }
      case "plan-json": {
        const r = readPlan(text, f.path);
        if (r.kind === "plan") out.plans.push(r.plan);
        else if (r.kind === "problem") out.problems.push({ file: f.path, message: r.message, location: toLocation(f.path, r.range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }) });
        break;
      }
    }
    if (PARSED_KINDS.has(f.kind)) parsedOne(f.path);
  }
  return out;
}

function parseJsonOrProblem(text: string, file: string, problems: FileProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    problems.push({ file, message: `invalid JSON: ${(e as Error).message}`, location: { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
    return undefined;
  }
}

function dirOf(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? "." : p.slice(0, i);
}

function groupModules(parsed: ParsedInputs): Map<string, ModuleDefinition> {
  const byDir = new Map<string, ParsedFile[]>();
  for (const f of parsed.terraform) {
    const d = dirOf(f.path);
    byDir.set(d, [...(byDir.get(d) ?? []), f]);
  }
  return new Map([...byDir].map(([dir, files]) => [dir, defineModule(dir, files)]));
}

/**
 * What evaluation refused to follow (a module source leaving the scan root, a module call cycle, a
 * count or for_each above the instance bound): CFG-001 on the file, once even when several roots reach it.
 */
function evaluationProblems(evaluated: readonly EvaluatedRoot[]): FileProblem[] {
  const out = new Map<string, FileProblem>();
  for (const r of evaluated) {
    for (const p of r.problems) {
      const location = toLocation(p.at.file, p.at.range);
      out.set(`${p.at.file}\0${location.startLine}\0${location.startColumn}\0${p.message}`, { file: p.at.file, message: p.message, location, stage: "evaluation" });
    }
  }
  return [...out.values()];
}

function moduleProblems(modules: Map<string, ModuleDefinition>): FileProblem[] {
  return [...modules.values()].flatMap((m) => m.problems.map((p) => ({ file: p.file, message: p.message, location: toLocation(p.file, p.block.headerRange) })));
}

async function loadCommandLineVarFiles(files: string[], cwd: string, root: string, store: TextStore, fs: ScanFileSystem, parser: HclParser): Promise<VarFile[]> {
  const out: VarFile[] = [];
  for (const given of files) {
    const { path: f, text } = await readCommandLineFile(given, "--var-file", cwd, root, store, fs);
    if (f.endsWith(".json")) {
      try {
        out.push({ path: f, json: JSON.parse(text) });
      } catch (e) {
        throw new UsageError(`--var-file ${f}: invalid JSON (${(e as Error).message})`);
      }
      continue;
    }
    const parsed = parser.parse(text, f);
    const first = parsed.problems[0];
    if (first) throw new UsageError(`--var-file ${f}:${first.range.start.line}:${first.range.start.column}: ${first.message}`);
    out.push({ path: f, parsed });
  }
  return out;
}

/** `--values` files: named relative to the scan root when inside it, read once (the store already holds those under the root). */
async function loadValuesFiles(files: string[], cwd: string, root: string, store: TextStore, fs: ScanFileSystem): Promise<{ path: string; text: string; absolute: string }[]> {
  const out: { path: string; text: string; absolute: string }[] = [];
  for (const given of files) out.push(await readCommandLineFile(given, "--values", cwd, root, store, fs));
  return out;
}

/**
 * A file named on the command line: named as the scan names files (relative to the scan root)
 * when it lies inside it, and not read again when the scan already read it.
 */
async function readCommandLineFile(given: string, flag: string, cwd: string, root: string, store: TextStore, fs: ScanFileSystem): Promise<{ path: string; text: string; absolute: string }> {
  const abs = path.resolve(cwd, given);
  const rel = path.relative(root, abs);
  const f = rel.startsWith("..") || path.isAbsolute(rel) ? given : rel.split(path.sep).join("/");
  const text =
    store.get(f) ??
    decodeText(
      await fs.readFile(abs).catch(() => {
        throw new UsageError(`${flag} ${f}: file not found or not readable`);
      }),
    );
  if (typeof text !== "string") throw new UsageError(`${flag} ${f}: ${text.problem}`);
  return { path: f, text, absolute: abs };
}

function groupByDir(varFiles: VarFile[]): Map<string, VarFile[]> {
  const out = new Map<string, VarFile[]>();
  for (const f of varFiles) (out.get(dirOf(f.path)) ?? out.set(dirOf(f.path), []).get(dirOf(f.path))!).push(f);
  return out;
}

/** terraform.tfvars(.json), then *.auto.tfvars(.json) in lexical order: what Terraform loads by itself. */
function autoVarFilesOf(root: string, varFilesByDir: ReadonlyMap<string, VarFile[]>): VarFile[] {
  const inRoot = varFilesByDir.get(root) ?? [];
  const base = (f: VarFile) => f.path.slice(f.path.lastIndexOf("/") + 1);
  const main = inRoot.filter((f) => base(f) === "terraform.tfvars" || base(f) === "terraform.tfvars.json").sort((a, b) => (base(a) < base(b) ? -1 : 1));
  const auto = inRoot.filter((f) => /\.auto\.tfvars(\.json)?$/.test(base(f))).sort((a, b) => (base(a) < base(b) ? -1 : 1));
  return [...main, ...auto];
}

/** `.tfvars` files Terraform would not load by itself and that were not passed with --var-file: environments. */
function environmentsNotEvaluated(roots: string[], varFiles: VarFile[], passed: VarFile[]): string[] {
  const byDir = groupByDir(varFiles);
  const loaded = new Set([...roots.flatMap((r) => autoVarFilesOf(r, byDir)), ...passed].map((f) => f.path));
  return varFiles.filter((f) => !loaded.has(f.path)).map((f) => f.path).sort();
}

function remoteModulesOf(root: string, modulesJson: Map<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const json = modulesJson.get(root === "." ? ".terraform/modules/modules.json" : `${root}/.terraform/modules/modules.json`) as
    | { Modules?: { Key?: string; Dir?: string }[] }
    | undefined;
  for (const m of json?.Modules ?? []) {
    if (!m.Key || !m.Dir) continue;
    const dir = joinInsideRoot(root, m.Dir.split(path.sep).join("/"));
    if (dir) out.set(m.Key, dir);
  }
  return out;
}

// ---- results ----------------------------------------------------------------------------------

/** Block header of a node by root and address: inline ignores above it cover findings on its attributes. */
function headerLookup(graph: Graph): (root: string, address: string) => Location | undefined {
  const headers = new Map<string, Location>();
  for (const n of [...graph.components, ...graph.mechanisms]) headers.set(`${n.root}::${n.address}`, n.location);
  return (root, address) => headers.get(`${root}::${address}`);
}

export function toLocation(file: string, range: Range): Location {
  const { start, end } = range;
  return { file, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** Rule unknowns (already sorted) after the evaluation's and the graph's, each subject+what+reason once. */
function appendNew(unknowns: RuleUnknown[], fromRules: readonly RuleUnknown[]): void {
  const seen = new Set(unknowns.map(unknownKey));
  for (const u of fromRules) if (!seen.has(unknownKey(u))) unknowns.push(u), seen.add(unknownKey(u));
}

function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => [f.location.file, f.location.startLine, f.location.startColumn, f.ruleId, f.subject] as const;
  return findings.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  });
}
