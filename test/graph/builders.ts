/** Small builders for EvaluatedRoot inputs: resources with attributes and nested blocks. */
import type { EvaluatedBlock, EvaluatedBody, EvaluatedRoot, FileRange, ProviderInstance, ResourceInstance, UnresolvedModule } from "../../src/terraform/types-evaluated.js";
import { ResourceRef, Unknown, makeObject, type Value } from "../../src/terraform/value.js";

export class BlockSpec {
  constructor(
    readonly body: Record<string, Value | BlockSpec | BlockSpec[]>,
    readonly unknownBlocks: Record<string, Unknown> = {},
  ) {}
}

/** A nested block: `blk({ enabled: true })`. */
export function blk(body: Record<string, Value | BlockSpec | BlockSpec[]>, unknownBlocks: Record<string, Unknown> = {}): BlockSpec {
  return new BlockSpec(body, unknownBlocks);
}

export function ref(address: string, attribute = "arn"): ResourceRef {
  return new ResourceRef(address, attribute);
}

export function unknown(reason: string, hint?: string): Unknown {
  return new Unknown(reason, hint);
}

export function obj(o: Record<string, Value>): Value {
  return makeObject(Object.entries(o));
}

let line = 1;
function at(file: string, lines = 1): FileRange {
  const start = line;
  line += lines + 1;
  return { file, range: { start: { line: start, column: 1, offset: 0 }, end: { line: start + lines, column: 2, offset: 0 } } };
}

function body(spec: BlockSpec, file: string): EvaluatedBody {
  const attributes = new Map<string, { value: Value; at: FileRange }>();
  const blocks: EvaluatedBlock[] = [];
  for (const [k, v] of Object.entries(spec.body)) {
    const list = v instanceof BlockSpec ? [v] : Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof BlockSpec) ? (v as BlockSpec[]) : undefined;
    if (list) {
      for (const b of list) blocks.push({ type: k, labels: [], at: at(file), ...body(b, file) });
    } else {
      const value = v as Value;
      attributes.set(k, { value: value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Unknown) && !(value instanceof ResourceRef) ? makeObject(Object.entries(value)) : value, at: at(file) });
    }
  }
  return { attributes, blocks, unknownBlocks: new Map(Object.entries(spec.unknownBlocks)) };
}

export interface ProviderSpec {
  region?: Value;
  account?: Value;
  defaultTags?: Record<string, Value> | Value;
  key?: string;
}

export function provider(p: ProviderSpec = {}): ProviderInstance {
  const dt = p.defaultTags;
  return {
    name: "aws",
    key: p.key ?? "aws",
    region: p.region === undefined ? "eu-west-1" : p.region,
    account: p.account === undefined ? null : p.account,
    defaultTags: dt === undefined ? null : dt !== null && typeof dt === "object" && !Array.isArray(dt) && !(dt instanceof Unknown) && !(dt instanceof ResourceRef) ? makeObject(Object.entries(dt as Record<string, Value>)) : (dt as Value),
  };
}

export interface ResOptions {
  root?: string;
  provider?: ProviderInstance;
  file?: string;
  preventDestroy?: boolean;
  unknownBlocks?: Record<string, Unknown>;
  index?: string;
}

export function res(type: string, name: string, attrs: Record<string, Value | BlockSpec | BlockSpec[]> = {}, o: ResOptions = {}): ResourceInstance {
  const file = o.file ?? "main.tf";
  const address = `${type}.${name}${o.index ?? ""}`;
  return {
    address,
    resourceAddress: `${type}.${name}`,
    mode: "managed",
    type,
    name,
    modulePath: "",
    root: o.root ?? ".",
    header: at(file, 0),
    block: at(file, 3),
    body: body(new BlockSpec(attrs, o.unknownBlocks ?? {}), file),
    provider: o.provider ?? provider(),
    preventDestroy: o.preventDestroy ?? false,
  };
}

export function root(resources: ResourceInstance[], o: { root?: string; unresolvedModules?: UnresolvedModule[] } = {}): EvaluatedRoot {
  const r = o.root ?? ".";
  return { root: r, environment: "", resources: resources.map((x) => ({ ...x, root: r })), unresolvedModules: o.unresolvedModules ?? [], unknowns: [], problems: [] };
}

/** A daily plan with one rule kept `days` days, and its vault. */
export function dailyPlan(name = "daily", days: number | null = 35, o: ResOptions = {}): ResourceInstance[] {
  const rule: Record<string, Value | BlockSpec | BlockSpec[]> = { rule_name: name, target_vault_name: ref(`aws_backup_vault.${name}`, "name"), schedule: "cron(0 5 ? * * *)" };
  if (days !== null) rule["lifecycle"] = blk({ delete_after: days });
  return [res("aws_backup_vault", name, { name }, o), res("aws_backup_plan", name, { name, rule: blk(rule) }, o)];
}

export function tagSelection(name: string, key: Value, value: Value, plan = "daily", o: ResOptions = {}): ResourceInstance {
  return res("aws_backup_selection", name, { name, plan_id: ref(`aws_backup_plan.${plan}`, "id"), iam_role_arn: "arn:aws:iam::1:role/b", selection_tag: blk({ type: "STRINGEQUALS", key, value }) }, { file: "backup.tf", ...o });
}
