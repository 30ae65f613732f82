/**
 * A Terraform module as declared: the blocks of every file of one directory,
 * indexed by what they declare. Pure syntax grouping, no evaluation.
 */
import type { Attribute, Block, Expr, ParsedFile } from "../hcl/ast.js";

export interface Declared<T> {
  file: string;
  node: T;
}

export interface ModuleDefinition {
  /** Directory relative to the scan root ("." for the root itself). */
  dir: string;
  files: string[];
  variables: Map<string, Declared<Block>>;
  locals: Map<string, Declared<Attribute>>;
  outputs: Map<string, Declared<Block>>;
  /** Keyed `type.name` (managed) and `data.type.name` (data). */
  resources: Map<string, Declared<Block> & { mode: "managed" | "data"; type: string; name: string }>;
  moduleCalls: Map<string, Declared<Block>>;
  providers: Declared<Block>[];
  /** A `terraform { backend ... }` or `cloud` block marks a root module. */
  hasBackend: boolean;
  /** The `backend "TYPE"` block and its literal `bucket` (backends take no variables), for state-backend checks. */
  backend?: { type: string; bucket?: string; file: string; block: Block };
  /** Duplicate declarations and other structural problems (Terraform rejects them). */
  problems: { message: string; file: string; block: Block }[];
}

export function defineModule(dir: string, files: ParsedFile[]): ModuleDefinition {
  const def: ModuleDefinition = {
    dir,
    files: files.map((f) => f.path),
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    moduleCalls: new Map(),
    providers: [],
    hasBackend: false,
    problems: [],
  };
  for (const file of files) {
    for (const block of file.body.blocks) addBlock(def, file.path, block);
  }
  return def;
}

function addBlock(def: ModuleDefinition, file: string, block: Block): void {
  const [l0, l1] = block.labels;
  switch (block.type) {
    case "variable":
      if (l0 !== undefined) addUnique(def, def.variables, l0, { file, node: block }, `variable "${l0}"`);
      break;
    case "output":
      if (l0 !== undefined) addUnique(def, def.outputs, l0, { file, node: block }, `output "${l0}"`);
      break;
    case "locals":
      for (const attr of block.body.attributes) {
        if (def.locals.has(attr.name)) def.problems.push({ message: `duplicate local value "${attr.name}"`, file, block });
        else def.locals.set(attr.name, { file, node: attr });
      }
      break;
    case "resource":
    case "data":
      if (l0 !== undefined && l1 !== undefined) {
        const mode = block.type === "resource" ? "managed" : "data";
        const key = mode === "managed" ? `${l0}.${l1}` : `data.${l0}.${l1}`;
        addUnique(def, def.resources, key, { file, node: block, mode, type: l0, name: l1 }, `${block.type} "${l0}" "${l1}"`);
      }
      break;
    case "module":
      if (l0 !== undefined) addUnique(def, def.moduleCalls, l0, { file, node: block }, `module "${l0}"`);
      break;
    case "provider":
      if (l0 !== undefined) def.providers.push({ file, node: block });
      break;
    case "terraform":
      if (block.body.blocks.some((b) => b.type === "backend" || b.type === "cloud")) def.hasBackend = true;
      for (const b of block.body.blocks) {
        if (b.type !== "backend" || b.labels[0] === undefined) continue;
        // s3 and gcs name a bucket; azurerm a storage account.
        const bucket = literalString(attr(b, "bucket")?.expr) ?? literalString(attr(b, "storage_account_name")?.expr);
        def.backend = { type: b.labels[0], file, block: b, ...(bucket !== undefined ? { bucket } : {}) };
      }
      break;
  }
}

function addUnique<T extends Declared<Block>>(def: ModuleDefinition, map: Map<string, T>, key: string, value: T, what: string): void {
  if (map.has(key)) def.problems.push({ message: `duplicate ${what}: already declared in ${map.get(key)!.file}`, file: value.file, block: value.node });
  else map.set(key, value);
}

/** The attribute of a body by name. */
export function attr(block: Block, name: string): Attribute | undefined {
  return block.body.attributes.find((a) => a.name === name);
}

/** `aws.west` from the traversal expression `aws.west` (provider references are not evaluated). */
export function traversalName(expr: Expr): string | undefined {
  if (expr.kind === "variable") return expr.name;
  if (expr.kind === "traverse" && expr.target.kind === "variable") {
    const parts = [expr.target.name];
    for (const s of expr.steps) {
      if (s.kind !== "attr") return undefined;
      parts.push(s.name);
    }
    return parts.join(".");
  }
  if (expr.kind === "literal" && typeof expr.value === "string") return expr.value;
  return undefined;
}

/** The literal string value of an expression, when it is one. */
export function literalString(expr: Expr | undefined): string | undefined {
  return expr?.kind === "literal" && typeof expr.value === "string" ? expr.value : undefined;
}

/** Whether a module `source` is a local path (evaluated from the scan) rather than a registry/remote source. */
export function isLocalSource(source: string): boolean {
  return source.startsWith("./") || source.startsWith("../") || source === "." || source === "..";
}
