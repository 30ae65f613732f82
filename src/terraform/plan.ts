/**
 * Plan JSON (`terraform show -json tfplan`) as evaluation input (SPEC section 1:
 * "Plan JSON gives already-resolved values; use it when given"). A plan is
 * recognised by content; its `planned_values` become the resource instances of
 * its root, `after_unknown` marks what is known only after apply, and the
 * `configuration` section gives providers (region, default tags) and the
 * references behind unknown values. Locations come from the root's .tf files
 * when they are in the scan, else from the plan file itself.
 */
import { parse as parseJson } from "@humanwhocodes/momoa";
import type { Block, Body, Range } from "../hcl/ast.js";
import { attr, isLocalSource, literalString, type ModuleDefinition } from "./module.js";
import { joinInsideRoot } from "../discover/paths.js";
import type { EvaluatedBlock, EvaluatedBody, EvaluatedRoot, FileRange, ProviderInstance } from "./types-evaluated.js";
import { ResourceRef, Unknown, isObject, makeObject, type ObjectValue, type Value } from "./value.js";

const UNKNOWN_AFTER_APPLY = "known only after apply";

// ---- recognition ------------------------------------------------------------------------------

/** Cheap first look: only files whose first 512 bytes name `"format_version"` are parsed. */
export function mayBePlan(text: string): boolean {
  return text.slice(0, 512).includes('"format_version"');
}

/** A parsed plan: the JSON value, and the source range of every node by JSON pointer. */
export interface ParsedPlan {
  path: string;
  json: Record<string, unknown>;
  positions: Map<string, Range>;
}

export type PlanRead = { kind: "plan"; plan: ParsedPlan } | { kind: "not-a-plan" } | { kind: "problem"; message: string; range?: Range };

type JsonNode = ReturnType<typeof parseJson>["body"];

/**
 * A `*.json` file is a plan when its top-level object has `format_version`,
 * `terraform_version` and `planned_values` or `resource_changes`. Other JSON is
 * not ours (silently). A plan whose structure is not a plan's is a problem.
 */
export function readPlan(text: string, path: string): PlanRead {
  if (!mayBePlan(text)) return { kind: "not-a-plan" };
  let doc: ReturnType<typeof parseJson>;
  try {
    doc = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    // Truncated plans still start like one: report those, ignore other broken JSON.
    if (text.slice(0, 512).includes('"terraform_version"')) return { kind: "problem", message: `plan JSON ${path} is not valid JSON: ${(e as Error).message}` };
    return { kind: "not-a-plan" };
  }
  const positions = new Map<string, Range>();
  let json: unknown;
  try {
    json = toValue(doc.body, "", positions, 0);
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    if (text.slice(0, 512).includes('"terraform_version"')) return { kind: "problem", message: `plan JSON ${path} nests deeper than ${MAX_PLAN_DEPTH} levels; it was not read` };
    return { kind: "not-a-plan" };
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) return { kind: "not-a-plan" };
  const top = json as Record<string, unknown>;
  if (!("format_version" in top) || !("terraform_version" in top) || !("planned_values" in top || "resource_changes" in top)) return { kind: "not-a-plan" };
  const fault = planFault(top);
  if (fault) return { kind: "problem", message: `plan JSON ${path}: ${fault.message}`, range: positions.get(fault.pointer) };
  return { kind: "plan", plan: { path, json: top, positions } };
}

/** Plans nest a few levels per module and value; deeper JSON is hostile, not a plan to read. */
const MAX_PLAN_DEPTH = 512;
class TooDeep extends Error {}

function toValue(node: JsonNode, pointer: string, positions: Map<string, Range>, depth: number): unknown {
  if (depth > MAX_PLAN_DEPTH) throw new TooDeep();
  positions.set(pointer, rangeOf(node));
  switch (node.type) {
    case "Object": {
      const o: Record<string, unknown> = Object.create(null);
      for (const m of node.members) {
        const key = m.name.type === "String" ? m.name.value : m.name.name;
        const p = `${pointer}/${escapePointer(key)}`;
        o[key] = toValue(m.value, p, positions, depth + 1);
        // The member (`"key": value`) rather than its value: a finding lands on the key's line.
        positions.set(p, rangeOf(m));
      }
      return o;
    }
    case "Array":
      return node.elements.map((e, i) => toValue(e.value, `${pointer}/${i}`, positions, depth + 1));
    case "String":
    case "Number":
    case "Boolean":
      return node.value;
    case "Null":
      return null;
    default:
      return null;
  }
}

function rangeOf(node: { loc?: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } } }): Range {
  const l = node.loc ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  return { start: { ...l.start }, end: { ...l.end } };
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function planFault(top: Record<string, unknown>): { message: string; pointer: string } | undefined {
  const pv = top.planned_values;
  if (pv !== undefined) {
    if (!isRecord(pv)) return { message: "planned_values is not an object", pointer: "/planned_values" };
    if (pv.root_module !== undefined) {
      const f = moduleFault(pv.root_module, "/planned_values/root_module");
      if (f) return f;
    }
  }
  const rc = top.resource_changes;
  if (rc !== undefined) {
    if (!Array.isArray(rc)) return { message: "resource_changes is not a list", pointer: "/resource_changes" };
    for (let i = 0; i < rc.length; i++) {
      const c = rc[i];
      if (!isRecord(c) || typeof c.address !== "string" || typeof c.type !== "string" || typeof c.name !== "string")
        return { message: `resource_changes[${i}] has no address, type or name`, pointer: `/resource_changes/${i}` };
    }
  }
  return undefined;
}

function moduleFault(m: unknown, pointer: string): { message: string; pointer: string } | undefined {
  if (!isRecord(m)) return { message: `${pointer.slice(1)} is not an object`, pointer };
  if (m.resources !== undefined) {
    if (!Array.isArray(m.resources)) return { message: `${pointer.slice(1)}/resources is not a list`, pointer: `${pointer}/resources` };
    for (let i = 0; i < m.resources.length; i++) {
      const r = m.resources[i];
      if (!isRecord(r) || typeof r.address !== "string" || typeof r.type !== "string" || typeof r.name !== "string")
        return { message: `resource ${i} of ${pointer.slice(1)} has no address, type or name`, pointer: `${pointer}/resources/${i}` };
      if (r.values !== undefined && r.values !== null && !isRecord(r.values))
        return { message: `values of ${String(r.address)} is not an object`, pointer: `${pointer}/resources/${i}/values` };
    }
  }
  if (m.child_modules !== undefined) {
    if (!Array.isArray(m.child_modules)) return { message: `${pointer.slice(1)}/child_modules is not a list`, pointer: `${pointer}/child_modules` };
    for (let i = 0; i < m.child_modules.length; i++) {
      const f = moduleFault(m.child_modules[i], `${pointer}/child_modules/${i}`);
      if (f) return f;
    }
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// ---- roots --------------------------------------------------------------------------------------

function dirOf(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? "." : p.slice(0, i);
}

/**
 * The root each plan gives values to: the plan file's folder (a folder of .tf
 * files or a folder of its own). With several plans in one folder, the first by
 * path is used; the others are returned as ignored.
 */
export function planRoots(plans: ParsedPlan[]): { byRoot: Map<string, ParsedPlan>; ignored: ParsedPlan[] } {
  const byRoot = new Map<string, ParsedPlan>();
  const ignored: ParsedPlan[] = [];
  for (const p of [...plans].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const dir = dirOf(p.path);
    if (byRoot.has(dir)) ignored.push(p);
    else byRoot.set(dir, p);
  }
  return { byRoot, ignored };
}

// ---- locations in .tf files -------------------------------------------------------------------

/**
 * Where a plan resource is written: `path` omitted → the block header; `[]` → the
 * whole block; otherwise the attribute or nested block at that path (string keys,
 * numeric indexes of nested blocks of one type). Undefined when not found.
 */
export type PlanLocate = (address: string, path?: readonly (string | number)[]) => FileRange | undefined;

/** Split `module.a["x"].module.b.aws_s3_bucket.c[0]` into module call names and the resource key `aws_s3_bucket.c`. */
export function splitAddress(address: string): { modules: string[]; resource: string; mode: "managed" | "data" } | undefined {
  const parts: string[] = [];
  let i = 0;
  while (i < address.length) {
    const ch = address[i]!;
    if (ch === ".") {
      i++;
      continue;
    }
    if (ch === "[") {
      // Skip an instance key, honouring quoted strings.
      let j = i + 1;
      if (address[j] === '"') {
        j++;
        while (j < address.length && address[j] !== '"') j += address[j] === "\\" ? 2 : 1;
        j++;
      }
      while (j < address.length && address[j] !== "]") j++;
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < address.length && address[j] !== "." && address[j] !== "[") j++;
    parts.push(address.slice(i, j));
    i = j;
  }
  const modules: string[] = [];
  let k = 0;
  while (parts[k] === "module" && k + 2 < parts.length) {
    modules.push(parts[k + 1]!);
    k += 2;
  }
  const rest = parts.slice(k);
  if (rest[0] === "data" && rest.length === 3) return { modules, resource: `data.${rest[1]}.${rest[2]}`, mode: "data" };
  if (rest.length !== 2) return undefined;
  return { modules, resource: `${rest[0]}.${rest[1]}`, mode: "managed" };
}

/** Locations from the root's .tf files: resources by address without instance keys, within the called module's directory. */
export function planLocator(rootDir: string, module: (dir: string) => ModuleDefinition | undefined, remoteModules: ReadonlyMap<string, string> = new Map()): PlanLocate {
  return (address, path) => {
    const split = splitAddress(address);
    if (!split) return undefined;
    let def = module(rootDir);
    const keys: string[] = [];
    for (const name of split.modules) {
      if (!def) return undefined;
      keys.push(name);
      const call = def.moduleCalls.get(name);
      const source = call && literalString(attr(call.node, "source")?.expr);
      if (!source) return undefined;
      const dir = isLocalSource(source) ? joinInsideRoot(def.dir, source) : remoteModules.get(keys.join("."));
      def = dir === undefined ? undefined : module(dir);
    }
    const decl = def?.resources.get(split.resource);
    if (!decl) return undefined;
    if (path === undefined) return { file: decl.file, range: decl.node.headerRange };
    if (path.length === 0) return { file: decl.file, range: decl.node.range };
    return { file: decl.file, range: rangeInBody(decl.node, path) };
  };
}

/** The most specific range written for a path: attribute, nested block (or its `dynamic` block), else the enclosing block's header. */
function rangeInBody(block: Block, path: readonly (string | number)[]): Range {
  let body: Body = block.body;
  let best: Range = block.headerRange;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== "string") continue;
    const a = body.attributes.find((x) => x.name === key);
    if (a) return a.range;
    const index = typeof path[i + 1] === "number" ? (path[i + 1] as number) : 0;
    const nested = body.blocks.filter((b) => b.type === key);
    const b = nested[index] ?? nested[0];
    if (b) {
      best = b.headerRange;
      body = b.body;
      continue;
    }
    const dyn = body.blocks.find((x) => x.type === "dynamic" && x.labels[0] === key);
    return dyn ? dyn.headerRange : best;
  }
  return best;
}

// ---- evaluation ---------------------------------------------------------------------------------

interface PlanResource {
  address: string;
  mode: string;
  type: string;
  name: string;
  values: Record<string, unknown>;
  /** JSON pointer of the resource object in the plan file. */
  pointer: string;
  /** Pointer of its values object, when the values came from planned_values/resource_changes. */
  valuesPointer: string;
  /** `registry.terraform.io/hashicorp/aws`. */
  providerName: string;
  modulePath: string;
}

/**
 * Turn a plan into the root's resource instances. `locate` gives .tf locations when
 * the root's files are in the scan; else locations are the plan's own (the line of
 * the resource's `"address"`, of an attribute's value), else the plan's first line.
 */
export function evaluatePlan(plan: unknown, planPath: string, root: string, locate: PlanLocate, positions: ReadonlyMap<string, Range> = new Map()): EvaluatedRoot {
  const out: EvaluatedRoot = { root, environment: "", resources: [], unresolvedModules: [], unknowns: [], problems: [] };
  if (!isRecord(plan)) return out;
  const firstLine: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  const inPlan = (pointer: string | undefined): FileRange | undefined => {
    const r = pointer === undefined ? undefined : positions.get(pointer);
    return r ? { file: planPath, range: r } : undefined;
  };
  const changes = new Map<string, { afterUnknown: unknown; pointer: string }>();
  const rc = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  rc.forEach((c, i) => {
    if (isRecord(c) && typeof c.address === "string" && isRecord(c.change)) changes.set(c.address, { afterUnknown: c.change.after_unknown, pointer: `/resource_changes/${i}` });
  });
  const config = isRecord(plan.configuration) ? plan.configuration : undefined;
  const providers = new ProviderResolver(plan, config, planPath, root, inPlan);

  for (const r of planResources(plan)) {
    if (r.mode !== "managed") continue;
    const split = splitAddress(r.address);
    const resourceAddress = split ? [...split.modules.map((m) => `module.${m}`), split.resource].join(".") : r.address;
    const configResource = split ? findConfigResource(config, split.modules, split.resource) : undefined;
    const expressions = configResource && isRecord(configResource.expressions) ? configResource.expressions : undefined;
    const change = changes.get(r.address);
    const header = locate(r.address) ?? inPlan(`${r.pointer}/address`) ?? inPlan(r.pointer) ?? { file: planPath, range: firstLine };
    const block = locate(r.address, []) ?? inPlan(r.pointer) ?? header;
    const ctx: BodyContext = {
      at: (path) => locate(r.address, path) ?? inPlan(`${r.valuesPointer}/${path.map((p) => escapePointer(String(p))).join("/")}`) ?? header,
      refPrefix: split && split.modules.length ? split.modules.map((m) => `module.${m}`).join(".") + "." : "",
    };
    const body = toBody(r.values, change?.afterUnknown, expressions, [], ctx, header);
    const provider = providers.forResource(r, configResource, body);
    out.resources.push({
      address: r.address,
      resourceAddress,
      mode: "managed",
      type: r.type,
      name: r.name,
      modulePath: r.modulePath,
      root,
      header,
      block,
      body,
      provider,
      preventDestroy: preventDestroyOf(configResource),
    });
  }
  return out;
}

/** Resources of planned_values (recursively through child_modules); resource_changes when there are no planned values. */
function planResources(plan: Record<string, unknown>): PlanResource[] {
  const out: PlanResource[] = [];
  const pv = isRecord(plan.planned_values) ? plan.planned_values : undefined;
  if (pv && isRecord(pv.root_module)) {
    const walk = (m: Record<string, unknown>, pointer: string): void => {
      const modulePath = typeof m.address === "string" ? m.address : "";
      (Array.isArray(m.resources) ? m.resources : []).forEach((r, i) => {
        if (!isRecord(r) || typeof r.address !== "string" || typeof r.type !== "string" || typeof r.name !== "string") return;
        const p = `${pointer}/resources/${i}`;
        out.push({
          address: r.address,
          mode: typeof r.mode === "string" ? r.mode : "managed",
          type: r.type,
          name: r.name,
          values: isRecord(r.values) ? r.values : {},
          pointer: p,
          valuesPointer: `${p}/values`,
          providerName: typeof r.provider_name === "string" ? r.provider_name : "",
          modulePath,
        });
      });
      (Array.isArray(m.child_modules) ? m.child_modules : []).forEach((c, i) => {
        if (isRecord(c)) walk(c, `${pointer}/child_modules/${i}`);
      });
    };
    walk(pv.root_module, "/planned_values/root_module");
    return out;
  }
  (Array.isArray(plan.resource_changes) ? plan.resource_changes : []).forEach((c, i) => {
    if (!isRecord(c) || typeof c.address !== "string" || typeof c.type !== "string" || typeof c.name !== "string" || !isRecord(c.change)) return;
    const actions = Array.isArray(c.change.actions) ? c.change.actions : [];
    if (actions.length === 1 && actions[0] === "delete") return;
    const p = `/resource_changes/${i}`;
    out.push({
      address: c.address,
      mode: typeof c.mode === "string" ? c.mode : "managed",
      type: c.type,
      name: c.name,
      values: isRecord(c.change.after) ? c.change.after : {},
      pointer: p,
      valuesPointer: `${p}/change/after`,
      providerName: typeof c.provider_name === "string" ? c.provider_name : "",
      modulePath: typeof c.module_address === "string" ? c.module_address : "",
    });
  });
  return out;
}

function configModule(config: Record<string, unknown> | undefined, calls: readonly string[]): Record<string, unknown> | undefined {
  let m = config && isRecord(config.root_module) ? config.root_module : undefined;
  for (const name of calls) {
    const call = m && isRecord(m.module_calls) ? m.module_calls[name] : undefined;
    m = isRecord(call) && isRecord(call.module) ? call.module : undefined;
  }
  return m;
}

function findConfigResource(config: Record<string, unknown> | undefined, calls: readonly string[], key: string): Record<string, unknown> | undefined {
  const m = configModule(config, calls);
  const resources = m && Array.isArray(m.resources) ? m.resources : [];
  return resources.find((r): r is Record<string, unknown> => isRecord(r) && r.address === key);
}

function preventDestroyOf(configResource: Record<string, unknown> | undefined): boolean {
  // The configuration section does not carry lifecycle settings; the plan cannot tell.
  void configResource;
  return false;
}

// ---- bodies -------------------------------------------------------------------------------------

interface BodyContext {
  at(path: readonly (string | number)[]): FileRange;
  /** `module.db.` for references written inside module db. */
  refPrefix: string;
}

/**
 * Values → body. Every key is an attribute; a list of objects (how nested blocks
 * appear in plan JSON) is also exposed as blocks of that type, so readers that
 * look for blocks and readers that dig through attribute values both find it.
 */
function toBody(values: Record<string, unknown>, afterUnknown: unknown, expressions: Record<string, unknown> | undefined, path: (string | number)[], ctx: BodyContext, header: FileRange): EvaluatedBody {
  const attributes = new Map<string, { value: Value; at: FileRange }>();
  const blocks: EvaluatedBlock[] = [];
  const unknownKeys = isRecord(afterUnknown) ? afterUnknown : {};
  const keys = new Set([...Object.keys(values), ...Object.keys(unknownKeys).filter((k) => unknownKeys[k] === true)]);
  for (const key of keys) {
    const unk = unknownKeys[key];
    const expr = expressions ? expressions[key] : undefined;
    const here = [...path, key];
    if (unk === true) {
      // Computed by the provider and not written in the configuration: unset, as in the .tf
      // analysis (catalog defaults apply). Written but unknown: unknown, or the reference it is.
      if (expressions && expr === undefined) continue;
      attributes.set(key, { value: unknownFromExpression(expr, values[key], ctx.refPrefix), at: ctx.at(here) });
      continue;
    }
    const value = withUnknowns(values[key], unk, expr, ctx.refPrefix);
    attributes.set(key, { value, at: ctx.at(here) });
    const raw = values[key];
    if (Array.isArray(raw) && raw.length > 0 && raw.every(isRecord)) {
      raw.forEach((item, i) => {
        const itemUnknown = Array.isArray(unk) ? unk[i] : undefined;
        const itemExpr = Array.isArray(expr) ? (expr[i] ?? expr[0]) : undefined;
        const at = ctx.at([...here, i]);
        blocks.push({ type: key, labels: [], at, ...toBody(item as Record<string, unknown>, itemUnknown, isRecord(itemExpr) ? itemExpr : undefined, [...here, i], ctx, at) });
      });
    }
  }
  void header;
  return { attributes, blocks, unknownBlocks: new Map() };
}

/** A JSON value with `after_unknown` markers applied: unknown positions become Unknown (or ResourceRef from the configuration). */
function withUnknowns(v: unknown, unk: unknown, expr: unknown, refPrefix: string): Value {
  if (unk === true) return unknownFromExpression(expr, v, refPrefix);
  if (Array.isArray(v)) {
    const refs = Array.isArray(unk) && unk.some((u) => u === true) ? fullReferences(expr) : [];
    let n = 0;
    return v.map((x, i) => {
      const u = Array.isArray(unk) ? unk[i] : undefined;
      if (u === true) {
        // `resources = [a.arn, b.arn]`: the i-th unknown element is the i-th reference when counts match.
        const unknownCount = (unk as unknown[]).filter((y) => y === true).length;
        const ref = unknownCount === refs.length ? refs[n] : undefined;
        n++;
        return ref ? refFrom(ref, refPrefix) ?? unknownAfterApply() : unknownAfterApply();
      }
      return withUnknowns(x, u, undefined, refPrefix);
    });
  }
  if (isRecord(v)) {
    const o: ObjectValue = makeObject();
    const u = isRecord(unk) ? unk : {};
    for (const [k, x] of Object.entries(v)) o[k] = withUnknowns(x, u[k], isRecord(expr) ? expr[k] : undefined, refPrefix);
    for (const [k, x] of Object.entries(u)) if (x === true && !(k in o)) o[k] = unknownAfterApply();
    return o;
  }
  if (v === undefined) return null;
  return v as Value;
}

function unknownAfterApply(): Unknown {
  return new Unknown(UNKNOWN_AFTER_APPLY);
}

/** An unknown attribute whose configuration is one reference to a resource attribute is that reference. */
function unknownFromExpression(expr: unknown, value: unknown, refPrefix: string): Value {
  const refs = fullReferences(expr);
  if (refs.length === 1) {
    const ref = refFrom(refs[0]!, refPrefix);
    if (ref) return Array.isArray(value) ? [ref] : ref;
  }
  return unknownAfterApply();
}

/** The references of an expression that are not a prefix of another one (`a.b.arn`, not `a.b`). */
function fullReferences(expr: unknown): string[] {
  if (!isRecord(expr) || !Array.isArray(expr.references)) return [];
  const refs = expr.references.filter((r): r is string => typeof r === "string");
  return refs.filter((r) => !refs.some((o) => o !== r && (o.startsWith(`${r}.`) || o.startsWith(`${r}[`))));
}

/** `aws_kms_key.k.arn` (written inside module db) → ResourceRef(module.db.aws_kms_key.k, arn). */
function refFrom(ref: string, refPrefix: string): ResourceRef | undefined {
  const m = /^([a-z][a-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref);
  if (!m || /^(var|local|module|data|each|count|path|terraform|self)\./.test(ref)) return undefined;
  return new ResourceRef(`${refPrefix}${m[1]}`, m[2]!);
}

// ---- providers ----------------------------------------------------------------------------------

class ProviderResolver {
  private readonly providerConfig: Record<string, unknown>;

  constructor(
    private readonly plan: Record<string, unknown>,
    private readonly config: Record<string, unknown> | undefined,
    private readonly planPath: string,
    private readonly root: string,
    private readonly inPlan: (pointer: string | undefined) => FileRange | undefined,
  ) {
    this.providerConfig = config && isRecord(config.provider_config) ? config.provider_config : {};
  }

  forResource(r: PlanResource, configResource: Record<string, unknown> | undefined, body: EvaluatedBody): ProviderInstance {
    const name = shortName(r.providerName, r.type);
    let key = typeof configResource?.provider_config_key === "string" ? configResource.provider_config_key : undefined;
    let entry = key !== undefined ? this.providerConfig[key] : undefined;
    // `module.a.module.b:aws` with no entry of its own: the provider passed down implicitly from above.
    while (key !== undefined && !isRecord(entry) && key.includes(":")) {
      const calls = moduleCallsOfKey(key);
      const local = stripModuleKey(key);
      key = calls.length > 1 ? `${calls.slice(0, -1).map((c) => `module.${c}`).join(".")}:${local}` : local;
      entry = this.providerConfig[key];
    }
    // Follow providers passed down from a parent module (`parent_key`).
    for (let guard = 0; isRecord(entry) && typeof entry.parent_key === "string" && guard < 20; guard++) {
      key = entry.parent_key;
      entry = this.providerConfig[key];
    }
    if (!isRecord(entry) && key === undefined) {
      key = name;
      entry = this.providerConfig[name];
    }
    const rootKey = stripModuleKey(key ?? name);
    if (!isRecord(entry)) {
      return {
        name,
        key: rootKey,
        region: new Unknown(`no provider "${rootKey}" configuration in plan ${this.planPath}: its region comes from the environment at run time`),
        account: new Unknown(`account of provider "${rootKey}" is not known statically`),
        defaultTags: this.defaultTagsFromTagsAll(body) ?? null,
      };
    }
    const exprs = isRecord(entry.expressions) ? entry.expressions : {};
    const scope = key && key.includes(":") ? moduleCallsOfKey(key) : [];
    const regionExpr = exprs.region;
    const region =
      regionExpr === undefined
        ? new Unknown(`provider "${rootKey}" sets no region: it comes from the environment at run time`, `set region in the provider configuration of root ${this.root}`)
        : this.resolve(regionExpr, scope, `region of provider "${rootKey}"`);
    const configuredTags = firstBlock(exprs.default_tags);
    const tagsExpr = configuredTags ? configuredTags.tags : undefined;
    const fromTagsAll = this.defaultTagsFromTagsAll(body);
    const defaultTags: Value =
      tagsExpr === undefined ? (fromTagsAll ?? null) : (fromTagsAll ?? (isRecord(tagsExpr) && "constant_value" in tagsExpr ? (tagsExpr.constant_value as Value) : new Unknown(`default_tags of provider "${rootKey}" are not constant in the plan`)));
    return {
      name,
      key: rootKey,
      at: this.inPlan(`/configuration/provider_config/${escapePointer(key ?? name)}`),
      region,
      account: this.accountOf(exprs, rootKey),
      defaultTags,
    };
  }

  /**
   * The provider's default tags as AWS applied them: `tags_all` minus `tags`. Merged back into
   * the resource's tags by the graph, this gives exactly the plan's `tags_all`.
   */
  private defaultTagsFromTagsAll(body: EvaluatedBody): Value | undefined {
    const all = body.attributes.get("tags_all")?.value;
    if (!isObject(all)) return undefined;
    const own = body.attributes.get("tags")?.value;
    const o = makeObject();
    for (const [k, v] of Object.entries(all)) if (!(isObject(own) && k in own && own[k] === v)) o[k] = v;
    return o;
  }

  /** constant_value, or a lone `var.NAME` reference: the plan's variable value (through module calls). */
  private resolve(expr: unknown, calls: readonly string[], what: string): Value {
    if (!isRecord(expr)) return new Unknown(`${what} is not known from the plan`);
    if ("constant_value" in expr) return expr.constant_value as Value;
    const refs = fullReferences(expr);
    const v = refs.length === 1 ? /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(refs[0]!) : null;
    if (!v) return new Unknown(`${what} depends on ${refs.join(", ") || "an expression"} that the plan does not resolve`);
    if (calls.length === 0) {
      const vars = isRecord(this.plan.variables) ? this.plan.variables : {};
      const entry = vars[v[1]!];
      return isRecord(entry) && "value" in entry ? (entry.value as Value) : new Unknown(`${what}: var.${v[1]} has no value in the plan`);
    }
    const parent = configModule(this.config, calls.slice(0, -1));
    const call = parent && isRecord(parent.module_calls) ? parent.module_calls[calls[calls.length - 1]!] : undefined;
    const input = isRecord(call) && isRecord(call.expressions) ? call.expressions[v[1]!] : undefined;
    if (input === undefined) {
      const m = configModule(this.config, calls);
      const decl = m && isRecord(m.variables) ? m.variables[v[1]!] : undefined;
      if (isRecord(decl) && "default" in decl) return decl.default as Value;
      return new Unknown(`${what}: var.${v[1]} of module.${calls.join(".module.")} has no value in the plan`);
    }
    return this.resolve(input, calls.slice(0, -1), what);
  }

  private accountOf(exprs: Record<string, unknown>, key: string): Value {
    const ids = exprs.allowed_account_ids;
    if (isRecord(ids) && Array.isArray(ids.constant_value) && ids.constant_value.length === 1 && typeof ids.constant_value[0] === "string") return ids.constant_value[0];
    const assume = firstBlock(exprs.assume_role);
    const arnExpr = assume ? assume.role_arn : undefined;
    if (isRecord(arnExpr) && typeof arnExpr.constant_value === "string") {
      const account = arnExpr.constant_value.split(":")[4];
      if (account && /^\d{12}$/.test(account)) return account;
    }
    return new Unknown(`account of provider "${key}" is not known statically`, "set allowed_account_ids or assume_role.role_arn in the provider block");
  }
}

function firstBlock(v: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(v)) return isRecord(v[0]) ? v[0] : undefined;
  return isRecord(v) ? v : undefined;
}

/** `module.db:aws.west` → `aws.west`; `aws` stays. */
function stripModuleKey(key: string): string {
  const i = key.lastIndexOf(":");
  return i < 0 ? key : key.slice(i + 1);
}

/** `module.db.module.inner:aws` → [db, inner]. */
function moduleCallsOfKey(key: string): string[] {
  const prefix = key.slice(0, key.lastIndexOf(":"));
  return splitAddress(`${prefix}.x.y`)?.modules ?? [];
}

/** `registry.terraform.io/hashicorp/aws` → `aws`. */
function shortName(full: string, type: string): string {
  const last = full ? full.split("/").pop() : undefined;
  return last && last.length ? last : (type.split("_")[0] ?? type);
}
