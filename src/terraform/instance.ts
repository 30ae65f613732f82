/**
 * One instance of a module (the root, or `module.db[0]`), evaluated lazily and
 * memoized: a variable, local, resource or output is evaluated when first
 * referenced, once. Dependency order falls out of the references themselves;
 * a reference cycle yields an Unknown instead of recursion.
 */
import type { Block, Body, Expr, Range, Traverser } from "../hcl/ast.js";
import { evaluateOrUnknown, RESOURCE_ADDRESS, type ExprContext, type Resolver, type ResolvedRef } from "./expressions.js";
import type { FunctionContext } from "./functions.js";
import { attr, isLocalSource, literalString, traversalName, type Declared, type ModuleDefinition } from "./module.js";
import { impliedProviderName, implicitProvider, providerEchoDataSource, providerInstance } from "./providers.js";
import { convertToType, parseTypeConstraint } from "./types.js";
import type { EvaluatedAttribute, EvaluatedBlock, EvaluatedBody, EvaluatedRoot, ProviderInstance, ResourceInstance } from "./types-evaluated.js";
import { EvalError, ResourceRef, Unknown, firstUnknown, isList, isObject, isOpaque, makeObject, type ObjectValue, type Value } from "./value.js";

/** More instances than this from one count/for_each is treated as unknown expansion (and reported). */
export const MAX_INSTANCES = 10_000;
const MAX_MODULE_DEPTH = 32;

/** A root-variable value before type conversion: CLI and environment values are raw text. */
export type VariableInput = { kind: "value"; value: Value; from: string } | { kind: "raw"; text: string; from: string };

/** What every module instance of one root shares. */
export interface RootEnvironment {
  root: string;
  /** Module definitions by directory (relative to the scan root). */
  module(dir: string): ModuleDefinition | undefined;
  /** Remote module directories from `.terraform/modules/modules.json`, by module key (`db`, `db.child`). */
  remoteModuleDir(key: string): string | undefined;
  /** Resolve `dir/rel` to a scan-root-relative path, or undefined when it leaves the scan root. */
  resolvePath(dir: string, rel: string): string | undefined;
  functions: FunctionContext;
  /** Parse raw `-var`/`TF_VAR_` text of a complex-typed variable as an HCL expression. */
  parseExpression(text: string): Expr | undefined;
  out: EvaluatedRoot;
}

interface Expansion {
  instances: { key: string | number | null; each: ObjectValue | null; count: ObjectValue | null }[];
  unknown?: Unknown;
}

type ResourceDecl = Declared<Block> & { mode: "managed" | "data"; type: string; name: string };

export class ModuleInstance {
  private readonly variables = new Map<string, Value>();
  private readonly locals = new Map<string, Value>();
  private readonly outputs = new Map<string, Value>();
  private readonly expansions = new Map<string, Expansion>();
  private readonly bodies = new Map<string, EvaluatedBody>();
  private readonly objects = new Map<string, Value>();
  private readonly children = new Map<string, { expansion: Expansion; instances: Map<string, ModuleInstance | null> }>();
  private readonly inProgress = new Set<string>();
  readonly providers: Map<string, ProviderInstance>;

  constructor(
    private readonly env: RootEnvironment,
    readonly def: ModuleDefinition,
    /** Address prefix: "" for the root, `module.db`, `module.db["x"].module.c`. */
    readonly path: string,
    /** Module keys for modules.json (`db`, `db.child`). */
    readonly moduleKey: string,
    private readonly inputs: (name: string) => VariableInput | undefined,
    inheritedProviders: Map<string, ProviderInstance>,
    private readonly ancestors: string[],
  ) {
    this.providers = new Map(inheritedProviders);
    for (const p of def.providers) {
      const alias = literalString(attr(p.node, "alias")?.expr);
      const key = alias ? `${p.node.labels[0]}.${alias}` : p.node.labels[0]!;
      this.providers.set(key, this.buildProvider(p, key));
    }
  }

  // ---- the resolver: Terraform's namespaces -------------------------------------------------

  private readonly resolver: Resolver = {
    resolve: (name, steps, evaluateKey) => this.resolve(name, steps, evaluateKey),
  };

  context(extra?: Iterable<[string, Value]>): ExprContext {
    return { resolver: this.resolver, functions: this.env.functions, locals: extra ? new Map(extra) : undefined };
  }

  private resolve(name: string, steps: readonly Traverser[], evaluateKey: (e: Expr) => Value): ResolvedRef {
    const first = steps[0];
    const firstName = first?.kind === "attr" ? first.name : undefined;
    switch (name) {
      case "var":
        if (!firstName) throw new EvalError("A reference to var needs an attribute name, such as var.region");
        return { value: this.variable(firstName), consumed: 1 };
      case "local":
        if (!firstName) throw new EvalError("A reference to local needs an attribute name");
        return { value: this.local(firstName), consumed: 1 };
      case "module":
        if (!firstName) throw new EvalError("A reference to module needs a module name");
      {
        const r = this.resolveModule(firstName, steps.slice(1), evaluateKey);
        return { value: r.value, consumed: r.consumed + 1 };
      }
      case "path":
        return { value: this.pathValue(firstName), consumed: 1 };
      case "terraform":
        return { value: new Unknown("terraform.workspace is chosen at run time", "the workspace name is not known statically"), consumed: 1 };
      case "self":
        return { value: new Unknown("self is known only during provisioning"), consumed: 0 };
      case "each":
      case "count":
        throw new EvalError(`"${name}" can be used only in a block that sets ${name === "each" ? "for_each" : "count"}`);
      case "data": {
        const second = steps[1];
        if (!firstName || second?.kind !== "attr") throw new EvalError("A data source reference needs a type and a name");
        const r = this.resolveResource(`data.${firstName}.${second.name}`, steps.slice(2), evaluateKey);
        return { value: r.value, consumed: r.consumed + 2 };
      }
      default: {
        if (!firstName) throw new EvalError(`Invalid reference "${name}"`);
        const key = `${name}.${firstName}`;
        if (!this.def.resources.has(key)) return { value: this.danglingResource(key), consumed: 1 };
        const r = this.resolveResource(key, steps.slice(1), evaluateKey);
        return { value: r.value, consumed: r.consumed + 1 };
      }
    }
  }

  private pathValue(which: string | undefined): Value {
    if (which === "module") return relativeDir(this.env.root, this.def.dir);
    if (which === "root" || which === "cwd") return ".";
    throw new EvalError(`Unknown path attribute "${which}"`);
  }

  // ---- variables, locals, outputs ---------------------------------------------------------------

  variable(name: string): Value {
    return this.memo(this.variables, `var.${name}`, () => this.computeVariable(name));
  }

  private computeVariable(name: string): Value {
    const decl = this.def.variables.get(name);
    if (!decl) throw new EvalError(`Reference to undeclared input variable "${name}"`);
    const typeAttr = attr(decl.node, "type");
    const input = this.inputs(name);
    let value: Value | undefined;
    if (input?.kind === "raw") value = this.parseRawInput(input.text, typeAttr?.expr);
    else if (input?.kind === "value") value = input.value;
    const nullable = literalBool(attr(decl.node, "nullable")?.expr) ?? true;
    if (value === undefined || (value === null && !nullable)) {
      const def = attr(decl.node, "default");
      if (!def) {
        return new Unknown(
          `var.${name} has no value${this.path ? ` in ${this.path}` : ""}`,
          this.path ? `pass ${name} in the module call` : `pass --var-file or --var ${name}=... (root ${this.env.root})`,
        );
      }
      value = evaluateOrUnknown(def.expr, this.context(), `default of var.${name}`);
    }
    if (!typeAttr) return value;
    try {
      return convertToType(value, parseTypeConstraint(typeAttr.expr));
    } catch (e) {
      if (e instanceof EvalError) return new Unknown(`var.${name}: ${e.message}`);
      throw e;
    }
  }

  /** Terraform reads `-var` text as a plain string for primitive types and as HCL for complex ones. */
  private parseRawInput(text: string, typeExpr: Expr | undefined): Value {
    const primitive = !typeExpr || (typeExpr.kind === "variable" && ["string", "number", "bool"].includes(typeExpr.name));
    if (primitive) return text;
    const expr = this.env.parseExpression(text);
    if (!expr) return new Unknown(`value "${text}" is not a valid HCL expression`);
    return evaluateOrUnknown(expr, { resolver: noReferences, functions: this.env.functions });
  }

  local(name: string): Value {
    return this.memo(this.locals, `local.${name}`, () => {
      const decl = this.def.locals.get(name);
      if (!decl) throw new EvalError(`Reference to undeclared local value "${name}"`);
      return evaluateOrUnknown(decl.node.expr, this.context(), `local.${name}`);
    });
  }

  output(name: string): Value {
    return this.memo(this.outputs, `output.${name}`, () => {
      const decl = this.def.outputs.get(name);
      if (!decl) throw new EvalError(`Unsupported attribute: module ${this.path} has no output "${name}"`);
      const value = attr(decl.node, "value");
      return value ? evaluateOrUnknown(value.expr, this.context(), `output ${name} of ${this.path}`) : null;
    });
  }

  private memo(cache: Map<string, Value>, key: string, compute: () => Value): Value {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as Value;
    if (this.inProgress.has(key)) return new Unknown(`${this.path ? this.path + "." : ""}${key} depends on itself (reference cycle)`);
    this.inProgress.add(key);
    try {
      const v = compute();
      cache.set(key, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }

  // ---- count / for_each -------------------------------------------------------------------------

  private expansionOf(key: string, block: Block, file: string): Expansion {
    const cached = this.expansions.get(key);
    if (cached) return cached;
    if (this.inProgress.has(`expand.${key}`)) return { instances: [unknownInstance()], unknown: new Unknown(`expansion of ${key} depends on itself`) };
    this.inProgress.add(`expand.${key}`);
    try {
      const e = this.computeExpansion(key, block, file);
      this.expansions.set(key, e);
      return e;
    } finally {
      this.inProgress.delete(`expand.${key}`);
    }
  }

  private computeExpansion(key: string, block: Block, file: string): Expansion {
    const count = attr(block, "count");
    const forEach = attr(block, "for_each");
    const where = `${this.path ? this.path + "." : ""}${key}`;
    if (count) {
      const v = evaluateOrUnknown(count.expr, this.context(), `count of ${where}`);
      if (isOpaque(v)) return this.unknownExpansion(where, "count", firstUnknown(v)!, file, count.range);
      const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < 0) return this.unknownExpansion(where, "count", new Unknown(`count of ${where} is not a whole number`), file, count.range);
      if (n > MAX_INSTANCES) return this.expansionBomb(where, `count = ${n}`, file, count.range);
      return { instances: Array.from({ length: n }, (_, i) => ({ key: i, each: null, count: makeObject([["index", i]]) })) };
    }
    if (forEach) {
      const v = evaluateOrUnknown(forEach.expr, this.context(), `for_each of ${where}`);
      const pairs = forEachPairs(v);
      if (pairs instanceof Unknown) return this.unknownExpansion(where, "for_each", pairs, file, forEach.range);
      if (pairs.length > MAX_INSTANCES) return this.expansionBomb(where, `for_each over ${pairs.length} elements`, file, forEach.range);
      return { instances: pairs.map(([k, value]) => ({ key: k, each: makeObject([["key", k], ["value", value]]), count: null })) };
    }
    return { instances: [{ key: null, each: null, count: null }] };
  }

  private unknownExpansion(where: string, what: string, u: Unknown, file: string, range: Range): Expansion {
    this.env.out.unknowns.push({ subject: `${where}[*]`, what: `${what} of ${where}`, reason: u.reason, hint: u.hint, at: { file, range } });
    return { instances: [unknownInstance()], unknown: u };
  }

  private expansionBomb(where: string, what: string, file: string, range: Range): Expansion {
    const u = new Unknown(`${what} exceeds the limit of ${MAX_INSTANCES} instances; judged as one instance standing for all`);
    this.env.out.problems.push({ message: `${where}: ${u.reason}`, at: { file, range } });
    return { instances: [unknownInstance()], unknown: u };
  }

  // ---- resources and data sources ---------------------------------------------------------------

  private resolveResource(key: string, steps: readonly Traverser[], evaluateKey: (e: Expr) => Value): ResolvedRef {
    const decl = this.def.resources.get(key);
    if (!decl) throw new EvalError(`Reference to undeclared resource ${key}`);
    const expansion = this.expansionOf(key, decl.node, decl.file);
    const hasRepetition = attr(decl.node, "count") !== undefined || attr(decl.node, "for_each") !== undefined;
    if (!hasRepetition) return { value: this.instanceObject(decl, expansion.instances[0]!), consumed: 0 };
    if (expansion.unknown) {
      // `aws_x.y[0].arn` with an unknown count still names the one component that stands for all instances.
      const next = steps[0];
      if (next?.kind === "index") {
        evaluateKey(next.key);
        return { value: this.instanceObject(decl, expansion.instances[0]!), consumed: 1 };
      }
      return { value: expansion.unknown, consumed: 0 };
    }
    if (attr(decl.node, "count")) return { value: expansion.instances.map((i) => this.instanceObject(decl, i)), consumed: 0 };
    return { value: makeObject(expansion.instances.map((i) => [String(i.key), this.instanceObject(decl, i)])), consumed: 0 };
  }

  /**
   * A reference to a resource this module does not declare (`terraform validate`
   * rejects it). It still names an address, so a backup selection listing it is
   * seen to select nothing (COV-002) rather than making every coverage unknown.
   */
  private danglingResource(key: string): Value {
    const obj = makeObject();
    Object.defineProperty(obj, RESOURCE_ADDRESS, { value: `${this.path ? this.path + "." : ""}${key}`, enumerable: false });
    return obj;
  }

  private instanceAddress(decl: ResourceDecl, key: string | number | null, unknownKey: boolean): string {
    const base = `${this.path ? this.path + "." : ""}${decl.mode === "data" ? "data." : ""}${decl.type}.${decl.name}`;
    return base + (unknownKey ? "[*]" : instanceKeySuffix(key));
  }

  private instanceObject(decl: ResourceDecl, inst: Expansion["instances"][number]): Value {
    const unknownKey = isUnknownInstance(inst);
    const address = this.instanceAddress(decl, inst.key, unknownKey);
    const cached = this.objects.get(address);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(address)) return new Unknown(`${address} depends on itself (reference cycle)`);
    this.inProgress.add(address);
    try {
      const provider = this.providerFor(decl.node, decl.type);
      const echo = decl.mode === "data" ? providerEchoDataSource(decl.type, provider) : undefined;
      const obj = echo && isObject(echo) ? makeObject(Object.entries(echo)) : bodyToObject(this.instanceBody(decl, inst));
      Object.defineProperty(obj, RESOURCE_ADDRESS, { value: address, enumerable: false });
      this.objects.set(address, obj);
      return obj;
    } finally {
      this.inProgress.delete(address);
    }
  }

  private instanceBody(decl: ResourceDecl, inst: Expansion["instances"][number]): EvaluatedBody {
    const address = this.instanceAddress(decl, inst.key, isUnknownInstance(inst));
    const cached = this.bodies.get(address);
    if (cached) return cached;
    const vars: [string, Value][] = [];
    if (inst.each) vars.push(["each", inst.each]);
    if (inst.count) vars.push(["count", inst.count]);
    const body = evaluateBody(decl.node.body, this.context(vars), decl.file, RESOURCE_META);
    this.bodies.set(address, body);
    return body;
  }

  private providerFor(block: Block, type: string): ProviderInstance {
    const ref = attr(block, "provider");
    const key = (ref && traversalName(ref.expr)) ?? impliedProviderName(type);
    return this.providers.get(key) ?? implicitProvider(key, this.env.root);
  }

  private buildProvider(p: Declared<Block>, key: string): ProviderInstance {
    const ctx = this.context();
    const at = { file: p.file, range: p.node.headerRange };
    const value = (name: string): Value | undefined => {
      const a = attr(p.node, name);
      return a ? evaluateOrUnknown(a.expr, ctx, `${name} of provider ${key}`) : undefined;
    };
    const nested = (blockType: string, name: string): Value | undefined => {
      const b = p.node.body.blocks.find((x) => x.type === blockType);
      const a = b && attr(b, name);
      return a ? evaluateOrUnknown(a.expr, ctx, `${blockType}.${name} of provider ${key}`) : undefined;
    };
    const instance = providerInstance(p.node, at, key, {
      region: value("region") ?? value("location") ?? null,
      allowedAccountIds: value("allowed_account_ids") ?? null,
      assumeRoleArn: nested("assume_role", "role_arn") ?? null,
      defaultTags: nested("default_tags", "tags") ?? value("default_labels") ?? null,
      project: value("project") ?? null,
      subscriptionId: value("subscription_id") ?? null,
    });
    const kubernetes = p.node.labels[0] === "helm" ? this.helmKubernetes(p) : undefined;
    return kubernetes ? { ...instance, kubernetes } : instance;
  }

  /**
   * The helm provider's cluster: `kubernetes { host }` (v2 block) or `kubernetes = { host }` (v3 attribute)
   * (registry.terraform.io/providers/hashicorp/helm/latest/docs#argument-reference). When the host reads a
   * cluster data source, that data source's `name` is evaluated too, to find the cluster it names.
   */
  private helmKubernetes(p: Declared<Block>): ProviderInstance["kubernetes"] {
    const ctx = this.context();
    const block = p.node.body.blocks.find((b) => b.type === "kubernetes");
    const hostAttr = block ? attr(block, "host") : undefined;
    const objectAttr = block ? undefined : attr(p.node, "kubernetes");
    const hostItem = objectAttr?.expr.kind === "object" ? objectAttr.expr.items.find((i) => i.key.kind === "literal" && i.key.value === "host") : undefined;
    const hostExpr = hostAttr?.expr ?? hostItem?.value;
    if (!hostExpr) return undefined;
    const at = { file: p.file, range: hostAttr?.range ?? hostItem!.range };
    const host = evaluateOrUnknown(hostExpr, ctx, "kubernetes.host of provider helm");
    const source = clusterDataSourceIn(hostExpr);
    const nameExpr = source && this.env.parseExpression(`data.${source.type}.${source.name}.name`);
    const clusterName = nameExpr ? evaluateOrUnknown(nameExpr, ctx, `name of data.${source!.type}.${source!.name}`) : undefined;
    return { host, at, ...(clusterName !== undefined ? { clusterName } : {}) };
  }

  // ---- module calls -----------------------------------------------------------------------------

  /** `module.NAME[KEY].OUTPUT`, given the steps after NAME; `consumed` counts those steps. */
  private resolveModule(name: string, steps: readonly Traverser[], evaluateKey: (e: Expr) => Value): ResolvedRef {
    const call = this.child(name);
    const repeated = call.decl && (attr(call.decl.node, "count") || attr(call.decl.node, "for_each"));
    let consumed = 0;
    let instances = [...call.instances.entries()];
    if (repeated) {
      const next = steps[0];
      if (next?.kind !== "index") {
        if (call.expansion.unknown) return { value: call.expansion.unknown, consumed };
        const all = instances.map(([k, m]) => [k, m ? moduleObject(m) : unresolvedValue(name)] as const);
        const value = attr(call.decl!.node, "count")
          ? all.map(([, v]) => v)
          : makeObject(all.map(([k, v]) => [JSON.parse(k.slice(1, -1)) as string, v]));
        return { value, consumed };
      }
      consumed++;
      const k = evaluateKey(next.key);
      if (call.expansion.unknown) instances = instances.slice(0, 1);
      else if (isOpaque(k)) return { value: firstUnknown(k)!, consumed };
      else instances = instances.filter(([key]) => key === instanceKeySuffix(typeof k === "number" ? k : String(k)));
      if (instances.length === 0) throw new EvalError(`module.${name}${instanceKeySuffix(k as string | number)} does not exist`);
    }
    const instance = instances[0]?.[1];
    const output = steps[consumed];
    if (output?.kind !== "attr") return { value: instance ? moduleObject(instance) : unresolvedValue(name), consumed };
    return { value: instance ? instance.output(output.name) : unresolvedValue(name), consumed: consumed + 1 };
  }

  /** The instances of a module call, created once. A null instance is an unresolved source. */
  child(name: string): { decl?: Declared<Block>; expansion: Expansion; instances: Map<string, ModuleInstance | null> } {
    const decl = this.def.moduleCalls.get(name);
    if (!decl) throw new EvalError(`Reference to undeclared module "${name}"`);
    const cached = this.children.get(name);
    if (cached) return { decl, ...cached };
    const expansion = this.expansionOf(`module.${name}`, decl.node, decl.file);
    const instances = new Map<string, ModuleInstance | null>();
    const entry = { expansion, instances };
    this.children.set(name, entry);
    const childDef = this.resolveModuleSource(name, decl);
    for (const inst of expansion.instances) {
      const suffix = isUnknownInstance(inst) ? "[*]" : instanceKeySuffix(inst.key);
      const path = `${this.path ? this.path + "." : ""}module.${name}${suffix}`;
      if (!childDef) {
        instances.set(suffix, null);
        continue;
      }
      const vars: [string, Value][] = [];
      if (inst.each) vars.push(["each", inst.each]);
      if (inst.count) vars.push(["count", inst.count]);
      const ctx = this.context(vars);
      const inputs = (varName: string): VariableInput | undefined => {
        const a = attr(decl.node, varName);
        if (!a || MODULE_META.has(varName)) return undefined;
        return { kind: "value", value: evaluateOrUnknown(a.expr, ctx, `${varName} of ${path}`), from: path };
      };
      const key = this.moduleKey ? `${this.moduleKey}.${name}` : name;
      instances.set(suffix, new ModuleInstance(this.env, childDef, path, key, inputs, this.providersForChild(decl.node), [...this.ancestors, this.def.dir]));
    }
    return { decl, ...entry };
  }

  /** Terraform passes default (unaliased) providers implicitly, unless `providers = {...}` lists them. */
  private providersForChild(call: Block): Map<string, ProviderInstance> {
    const explicit = attr(call, "providers");
    const out = new Map<string, ProviderInstance>();
    if (!explicit || explicit.expr.kind !== "object") {
      for (const [k, v] of this.providers) if (!k.includes(".")) out.set(k, v);
      return out;
    }
    for (const item of explicit.expr.items) {
      const childKey = traversalName(item.key);
      const parentKey = traversalName(item.value);
      if (!childKey || !parentKey) continue;
      const p = this.providers.get(parentKey) ?? implicitProvider(parentKey, this.env.root);
      out.set(childKey, { ...p, key: childKey });
    }
    return out;
  }

  private resolveModuleSource(name: string, decl: Declared<Block>): ModuleDefinition | undefined {
    const source = literalString(attr(decl.node, "source")?.expr) ?? "";
    const where = { file: decl.file, range: decl.node.headerRange };
    const address = `${this.path ? this.path + "." : ""}module.${name}`;
    let dir: string | undefined;
    if (isLocalSource(source)) {
      dir = this.env.resolvePath(this.def.dir, source);
      if (dir === undefined) {
        this.env.out.problems.push({ message: `${address}: module source "${source}" leaves the scan root; it is not followed`, at: where });
        return this.unresolved(address, source, decl, "its source leaves the scan root");
      }
    } else {
      dir = this.env.remoteModuleDir(this.moduleKey ? `${this.moduleKey}.${name}` : name);
      if (dir === undefined) return this.unresolved(address, source, decl, "registry/remote source without .terraform/modules (run terraform init to make it readable)");
    }
    if (this.ancestors.includes(dir) || dir === this.def.dir || this.ancestors.length >= MAX_MODULE_DEPTH) {
      this.env.out.problems.push({ message: `${address}: module call cycle through ${dir}; not followed`, at: where });
      return this.unresolved(address, source, decl, "module call cycle");
    }
    const def = this.env.module(dir);
    if (!def) return this.unresolved(address, source, decl, `no Terraform files in ${dir}`);
    return def;
  }

  private unresolved(address: string, source: string, decl: Declared<Block>, reason: string): undefined {
    const refs = new Set<string>();
    const ctx = this.context([
      ["each", makeObject([["key", new Unknown("each.key")], ["value", new Unknown("each.value")]])],
      ["count", makeObject([["index", new Unknown("count.index")]])],
    ]);
    for (const a of decl.node.body.attributes) {
      if (MODULE_META.has(a.name)) continue;
      collectAddresses(evaluateOrUnknown(a.expr, ctx), refs);
    }
    this.env.out.unresolvedModules.push({
      root: this.env.root,
      address,
      source,
      at: { file: decl.file, range: decl.node.headerRange },
      referencedAddresses: [...refs].sort(),
      reason,
    });
    return undefined;
  }

  // ---- evaluate everything ----------------------------------------------------------------------

  /** Evaluate every managed resource of this instance and its children, in source order. */
  collect(into: ResourceInstance[]): void {
    for (const decl of this.def.resources.values()) {
      if (decl.mode !== "managed") continue;
      const expansion = this.expansionOf(`${decl.type}.${decl.name}`, decl.node, decl.file);
      for (const inst of expansion.instances) into.push(this.resourceInstance(decl, inst, expansion.unknown));
    }
    for (const name of this.def.moduleCalls.keys()) {
      for (const child of this.child(name).instances.values()) child?.collect(into);
    }
  }

  private resourceInstance(decl: ResourceDecl, inst: Expansion["instances"][number], unknown: Unknown | undefined): ResourceInstance {
    const address = this.instanceAddress(decl, inst.key, isUnknownInstance(inst));
    const lifecycle = decl.node.body.blocks.find((b) => b.type === "lifecycle");
    return {
      address,
      resourceAddress: this.instanceAddress(decl, null, false),
      mode: decl.mode,
      type: decl.type,
      name: decl.name,
      modulePath: this.path,
      root: this.env.root,
      header: { file: decl.file, range: decl.node.headerRange },
      block: { file: decl.file, range: decl.node.range },
      body: this.instanceBody(decl, inst),
      provider: this.providerFor(decl.node, decl.type),
      ...(unknown ? { expansionUnknown: unknown } : {}),
      preventDestroy: literalBool(lifecycle && attr(lifecycle, "prevent_destroy")?.expr) === true,
    };
  }
}

const RESOURCE_META = new Set(["count", "for_each", "provider", "depends_on"]);
const RESOURCE_META_BLOCKS = new Set(["lifecycle", "provisioner", "connection"]);
const NO_META_BLOCKS: ReadonlySet<string> = new Set();
const MODULE_META = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

const noReferences: Resolver = {
  resolve(name) {
    throw new EvalError(`Variables may not be used here (found "${name}")`);
  },
};

/** Evaluate a block body: attributes, nested blocks, `dynamic` blocks expanded. */
export function evaluateBody(body: Body, ctx: ExprContext, file: string, skip: ReadonlySet<string> = new Set(), metaBlocks: ReadonlySet<string> = RESOURCE_META_BLOCKS): EvaluatedBody {
  const attributes = new Map<string, EvaluatedAttribute>();
  for (const a of body.attributes) {
    if (skip.has(a.name)) continue;
    const items = a.expr.kind === "tuple" ? { items: a.expr.items.map((i) => ({ file, range: i.range })) } : {};
    attributes.set(a.name, { value: evaluateOrUnknown(a.expr, ctx, a.name), at: { file, range: a.range }, ...items });
  }
  const blocks: EvaluatedBlock[] = [];
  const unknownBlocks = new Map<string, Unknown>();
  for (const b of body.blocks) {
    // Meta-argument blocks exist only at the resource's top level; nested ones (an AWS Backup rule's `lifecycle`) are data.
    if (metaBlocks.has(b.type)) continue;
    if (b.type === "dynamic") expandDynamic(b, ctx, file, blocks, unknownBlocks);
    else blocks.push({ type: b.type, labels: b.labels, at: { file, range: b.headerRange }, ...evaluateBody(b.body, ctx, file, new Set(), NO_META_BLOCKS) });
  }
  return { attributes, blocks, unknownBlocks };
}

function expandDynamic(b: Block, ctx: ExprContext, file: string, blocks: EvaluatedBlock[], unknownBlocks: Map<string, Unknown>): void {
  const type = b.labels[0];
  const content = b.body.blocks.find((x) => x.type === "content");
  const forEach = attr(b, "for_each");
  if (!type || !content || !forEach) return;
  const iterator = literalString(attr(b, "iterator")?.expr) ?? (attr(b, "iterator") && traversalName(attr(b, "iterator")!.expr)) ?? type;
  const pairs = forEachPairs(evaluateOrUnknown(forEach.expr, ctx, `for_each of dynamic "${type}"`), true);
  if (pairs instanceof Unknown) {
    unknownBlocks.set(type, pairs);
    return;
  }
  for (const [key, value] of pairs) {
    const inner: ExprContext = { ...ctx, locals: new Map([...(ctx.locals ?? []), [iterator, makeObject([["key", key], ["value", value]])]]) };
    blocks.push({ type, labels: [], at: { file, range: content.headerRange }, ...evaluateBody(content.body, inner, file, new Set(), NO_META_BLOCKS) });
  }
}

/** for_each accepts a map (keys sorted, as Terraform does) or a set of strings; dynamic blocks also accept lists. */
function forEachPairs(v: Value, allowList = false): [string | number, Value][] | Unknown {
  if (isOpaque(v)) return firstUnknown(v)!;
  if (isObject(v)) return Object.keys(v).sort().map((k) => [k, v[k]!]);
  if (isList(v)) {
    const u = v.find(isOpaque);
    if (allowList) return v.map((x, i) => [i, x]);
    if (u) return firstUnknown(u)!;
    if (v.some((x) => typeof x !== "string")) return new Unknown("for_each needs a map or a set of strings");
    return [...new Set(v as string[])].sort().map((s) => [s, s]);
  }
  if (v === null) return new Unknown("for_each is null");
  return new Unknown("for_each needs a map or a set of strings");
}

/** The value of an evaluated body as seen through a reference: attributes, and nested blocks as lists. */
export function bodyToObject(body: EvaluatedBody): ObjectValue {
  const o = makeObject();
  for (const [k, a] of body.attributes) o[k] = a.value;
  for (const b of body.blocks) {
    const list = (o[b.type] as Value[] | undefined) ?? [];
    list.push(bodyToObject(b));
    o[b.type] = list;
  }
  for (const [k, u] of body.unknownBlocks) o[k] = u;
  return o;
}

function moduleObject(m: ModuleInstance): Value {
  return makeObject([...m.def.outputs.keys()].map((k) => [k, m.output(k)]));
}

function unresolvedValue(name: string): Value {
  return new Unknown(`outputs of module.${name} are unknown: its source could not be read`, "run terraform init so .terraform/modules holds it, or scan the module's source");
}

function collectAddresses(v: Value, into: Set<string>): void {
  if (v instanceof ResourceRef) into.add(v.address);
  else if (isList(v)) v.forEach((x) => collectAddresses(x, into));
  else if (isObject(v)) {
    const addr = (v as { [RESOURCE_ADDRESS]?: string })[RESOURCE_ADDRESS];
    if (addr) into.add(addr);
    for (const x of Object.values(v)) collectAddresses(x, into);
  }
}

export function instanceKeySuffix(key: string | number | null): string {
  if (key === null) return "";
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

const UNKNOWN_INSTANCE = Symbol("unknown instance");
function unknownInstance(): Expansion["instances"][number] & { [UNKNOWN_INSTANCE]: true } {
  return {
    key: null,
    each: makeObject([["key", new Unknown("each.key is unknown: for_each could not be evaluated")], ["value", new Unknown("each.value is unknown: for_each could not be evaluated")]]),
    count: makeObject([["index", new Unknown("count.index is unknown: count could not be evaluated")]]),
    [UNKNOWN_INSTANCE]: true,
  };
}
function isUnknownInstance(i: Expansion["instances"][number]): boolean {
  return (i as { [UNKNOWN_INSTANCE]?: true })[UNKNOWN_INSTANCE] === true;
}

function literalBool(expr: Expr | undefined): boolean | undefined {
  return expr?.kind === "literal" && typeof expr.value === "boolean" ? expr.value : undefined;
}

function relativeDir(root: string, dir: string): string {
  if (root === dir) return ".";
  const r = root === "." ? [] : root.split("/");
  const d = dir === "." ? [] : dir.split("/");
  let i = 0;
  while (i < r.length && i < d.length && r[i] === d[i]) i++;
  return [...r.slice(i).map(() => ".."), ...d.slice(i)].join("/") || ".";
}

const CLUSTER_DATA_SOURCES = new Set(["aws_eks_cluster", "google_container_cluster", "azurerm_kubernetes_cluster"]);

/** The first `data.<cluster type>.<name>` an expression reads (the helm provider's host often does). */
function clusterDataSourceIn(e: Expr): { type: string; name: string } | undefined {
  if (e.kind === "traverse" && e.target.kind === "variable" && e.target.name === "data") {
    const [t, n] = e.steps;
    if (t?.kind === "attr" && n?.kind === "attr" && CLUSTER_DATA_SOURCES.has(t.name)) return { type: t.name, name: n.name };
  }
  for (const child of childExpressions(e)) {
    const found = clusterDataSourceIn(child);
    if (found) return found;
  }
  return undefined;
}

function childExpressions(e: Expr): Expr[] {
  switch (e.kind) {
    case "template":
      return e.parts.flatMap((p) => (p.kind === "interp" ? [p.expr] : []));
    case "tuple":
      return e.items;
    case "object":
      return e.items.map((i) => i.value);
    case "traverse":
    case "splat":
      return [e.target];
    case "call":
      return e.args;
    case "conditional":
      return [e.cond, e.then, e.else];
    case "unary":
      return [e.operand];
    case "binary":
      return [e.left, e.right];
    case "parens":
      return [e.expr];
    default:
      return [];
  }
}
