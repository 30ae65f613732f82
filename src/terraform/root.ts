/**
 * Roots and their evaluation (SPEC section 1, "Roots and environments"): a root
 * module is a directory no other directory of the scan calls as a module (or one
 * with a backend block); child modules are evaluated only through their calls.
 */
import { joinInsideRoot } from "../discover/paths.js";
import type { Expr, ParsedFile, TemplatePart } from "../hcl/ast.js";
import { evaluateOrUnknown, evaluateTemplate, type Resolver } from "./expressions.js";
import type { FunctionContext } from "./functions.js";
import { ModuleInstance, type RootEnvironment, type VariableInput } from "./instance.js";
import { attr, isLocalSource, literalString, type ModuleDefinition } from "./module.js";
import type { EvaluatedRoot, ResourceInstance } from "./types-evaluated.js";
import { EvalError, Unknown, type ObjectValue, type Value } from "./value.js";

/**
 * Directories that hold a root module, sorted. Modules that only call each other (a module call
 * cycle no root reaches) would otherwise never be evaluated, silently: the first of each such group
 * is taken as a root, so its resources are judged and the cycle is reported.
 */
export function findRoots(modules: ReadonlyMap<string, ModuleDefinition>): string[] {
  const calls = new Map<string, string[]>();
  const called = new Set<string>();
  for (const def of modules.values()) {
    const targets: string[] = [];
    for (const call of def.moduleCalls.values()) {
      const source = literalString(attr(call.node, "source")?.expr);
      if (source && isLocalSource(source)) {
        const target = joinInsideRoot(def.dir, source);
        if (target && target !== def.dir) called.add(target), targets.push(target);
      }
    }
    calls.set(def.dir, targets);
  }
  const candidates = [...modules.values()].filter((d) => !isInsideDotTerraform(d.dir)).map((d) => d.dir).sort();
  const roots = candidates.filter((dir) => modules.get(dir)!.hasBackend || !called.has(dir));
  const reached = new Set<string>();
  const reach = (dir: string) => {
    const stack = [dir];
    while (stack.length) {
      const d = stack.pop()!;
      if (reached.has(d)) continue;
      reached.add(d);
      stack.push(...(calls.get(d) ?? []));
    }
  };
  roots.forEach(reach);
  for (const dir of candidates) {
    if (reached.has(dir)) continue;
    roots.push(dir);
    reach(dir);
  }
  return roots.sort();
}

export function isInsideDotTerraform(dir: string): boolean {
  return dir.split("/").includes(".terraform");
}

/** A variable definitions file (`.tfvars`, `.tfvars.json`) already parsed. */
export type VarFile = { path: string; parsed: ParsedFile } | { path: string; json: unknown };

export interface RootInputs {
  /** Files Terraform loads by itself, in its order: terraform.tfvars(.json), then *.auto.tfvars(.json) sorted. */
  autoVarFiles: VarFile[];
  /** `--var-file` files, in order. */
  varFiles: VarFile[];
  /** `--var name=value`, in order. */
  vars: [string, string][];
  env: Record<string, string | undefined>;
  environment: string;
}

export interface RootServices {
  module(dir: string): ModuleDefinition | undefined;
  /** modules.json entries of this root (`key` → directory relative to the scan root). */
  remoteModules: ReadonlyMap<string, string>;
  /** Read a text file by scan-root-relative path (cached: every file is read once). */
  readText(path: string): string | undefined;
  parseTemplate(text: string, path: string): TemplatePart[] | undefined;
  parseExpression(text: string): Expr | undefined;
}

export function evaluateRoot(rootDir: string, inputs: RootInputs, services: RootServices): EvaluatedRoot {
  const out: EvaluatedRoot = { root: rootDir, environment: inputs.environment, resources: [], unresolvedModules: [], unknowns: [], problems: [] };
  const def = services.module(rootDir);
  if (!def) return out;
  const env: RootEnvironment = {
    root: rootDir,
    module: services.module,
    remoteModuleDir: (key) => services.remoteModules.get(key),
    resolvePath: joinInsideRoot,
    functions: functionContext(rootDir, services),
    parseExpression: services.parseExpression,
    out,
  };
  if (def.backend) out.backend = { type: def.backend.type, at: { file: def.backend.file, range: def.backend.block.headerRange }, ...(def.backend.bucket !== undefined ? { bucket: def.backend.bucket } : {}) };
  const values = rootVariableInputs(def, inputs, env.functions);
  const root = new ModuleInstance(env, def, "", "", (name) => values.get(name), new Map(), []);
  const resources: ResourceInstance[] = [];
  root.collect(resources);
  out.resources = resources;
  return out;
}

/** Merge variable values by Terraform's precedence: environment, tfvars files, then the command line. */
function rootVariableInputs(def: ModuleDefinition, inputs: RootInputs, functions: FunctionContext): Map<string, VariableInput> {
  const values = new Map<string, VariableInput>();
  for (const [k, v] of Object.entries(inputs.env)) {
    if (k.startsWith("TF_VAR_") && v !== undefined) values.set(k.slice(7), { kind: "raw", text: v, from: `environment ${k}` });
  }
  for (const file of [...inputs.autoVarFiles, ...inputs.varFiles]) {
    for (const [name, value] of varFileValues(file, functions)) values.set(name, { kind: "value", value, from: file.path });
  }
  for (const [name, text] of inputs.vars) values.set(name, { kind: "raw", text, from: "--var" });
  for (const name of [...values.keys()]) if (!def.variables.has(name)) values.delete(name);
  return values;
}

const literalsOnly: Resolver = {
  resolve(name) {
    throw new EvalError(`Variables may not be used in a variable definitions file (found "${name}")`);
  },
};

export function varFileValues(file: VarFile, functions: FunctionContext): Map<string, Value> {
  const out = new Map<string, Value>();
  if ("json" in file) {
    if (file.json && typeof file.json === "object" && !Array.isArray(file.json)) {
      for (const [k, v] of Object.entries(file.json as Record<string, unknown>)) out.set(k, v as Value);
    }
    return out;
  }
  for (const a of file.parsed.body.attributes) {
    out.set(a.name, evaluateOrUnknown(a.expr, { resolver: literalsOnly, functions }, `${a.name} in ${file.path}`));
  }
  return out;
}

/** `file()` and `templatefile()` read relative to the root module directory, never outside the scan root. */
function functionContext(rootDir: string, services: RootServices): FunctionContext {
  const readFile = (path: string): string | Unknown => {
    const resolved = joinInsideRoot(rootDir, path);
    if (resolved === undefined) return new Unknown(`file "${path}" is outside the scan root; it is not read`);
    const text = services.readText(resolved);
    return text ?? new Unknown(`file "${resolved}" could not be read`);
  };
  const ctx: FunctionContext = {
    readFile,
    renderTemplate(path: string, vars: ObjectValue): Value {
      const text = readFile(path);
      if (text instanceof Unknown) return text;
      const parts = services.parseTemplate(text, path);
      if (!parts) return new Unknown(`template "${path}" could not be parsed`);
      return evaluateTemplate(parts, { resolver: literalsOnly, functions: ctx, locals: new Map(Object.entries(vars)) });
    },
  };
  return ctx;
}

