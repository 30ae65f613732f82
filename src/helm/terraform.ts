/**
 * Terraform `helm_release` resources of the evaluated roots as release declarations
 * (registry.terraform.io/providers/hashicorp/helm/latest/docs/resources/release): `name`,
 * `namespace` (the provider defaults it to HELM_NAMESPACE of the Terraform run, else "default"),
 * `chart` (a path to a chart folder, `repo/name`, an `oci://` reference, or a name with `repository`),
 * `version`, and the values in the provider's order (getValues in github.com/hashicorp/
 * terraform-provider-helm helm/resource_helm_release.go): each `values` string (a YAML document) in
 * list order, then `set`, `set_list`, `set_sensitive` — blocks in provider v2, lists of objects in v3.
 * A `set` of type "auto" (the default) is typed by strvals, "string" keeps the string, "literal"
 * parses the value as YAML under the top-level key `name` (applySetValue).
 *
 * A `values` entry that came from file("x.yaml") is the file's text: it is found again by content
 * among the scan's YAML files, so its keys point at that file's lines; any other entry
 * (yamlencode, templatefile) points at its list item.
 */
import { unknownFact, type Fact, type Location } from "../graph/types.js";
import type { EvaluatedAttribute, EvaluatedBlock, EvaluatedRoot, ResourceInstance } from "../terraform/types-evaluated.js";
import { isList, isObject, isOpaque, firstUnknown, type Value } from "../terraform/value.js";
import { joinInsideRoot } from "../discover/paths.js";
import { rangeLocation, type SourceContext } from "./context.js";
import { documentLayer, locatedLayer } from "./layers.js";
import { chartLeaf, type ReleaseDeclaration } from "./releases.js";
import { setLayers, strvalsValue, type SetEntry } from "./set.js";
import { parseSetPath, type ValueLayer } from "./values.js";
import { isPlainObject, parseYamlDocuments, type Plain, type YamlPath } from "./yaml.js";

export function declareHelmReleases(roots: readonly EvaluatedRoot[], ctx: SourceContext): void {
  const byContent = contentIndex(ctx);
  for (const root of roots) {
    for (const r of root.resources) {
      if (r.type !== "helm_release" || r.mode !== "managed") continue;
      const decl = helmReleaseDeclaration(r, root, ctx, byContent);
      if (decl) ctx.declare(decl);
    }
  }
}

type ContentIndex = (text: string, root: string) => string | undefined;

/** The scan YAML file whose text a `values` entry is (file() returns the text unchanged), under the root first. */
function contentIndex(ctx: SourceContext): ContentIndex {
  let index: Map<string, string[]> | undefined;
  return (text, root) => {
    if (!index) {
      index = new Map();
      for (const p of ctx.corpus.paths()) {
        if (ctx.corpus.isPackaged(p)) continue;
        const t = ctx.corpus.text(p)!;
        index.set(t, [...(index.get(t) ?? []), p]);
      }
    }
    const files = index.get(text);
    if (!files) return undefined;
    const prefix = root === "." ? "" : `${root}/`;
    return files.find((f) => f.startsWith(prefix)) ?? files[0];
  };
}

function str(body: ResourceInstance["body"], name: string): Value | undefined {
  return body.attributes.get(name)?.value;
}

function helmReleaseDeclaration(r: ResourceInstance, root: EvaluatedRoot, ctx: SourceContext, byContent: ContentIndex): ReleaseDeclaration | undefined {
  const declaredAt = rangeLocation(r.header);
  const name = str(r.body, "name");
  const chart = str(r.body, "chart");
  if (typeof name !== "string" || typeof chart !== "string") {
    const what = typeof name !== "string" ? "name" : "chart";
    const v = typeof name !== "string" ? name : chart;
    ctx.out.note({ subject: r.address, what: `${what} unknown`, reason: `the ${what} of ${r.address} is ${v === undefined ? "not set" : `unknown (${firstUnknown(v as Value)?.reason ?? "not a string"})`}: its workloads are not judged`, location: declaredAt });
    return undefined;
  }
  const version = str(r.body, "version");
  const repository = str(r.body, "repository");
  const source = localChart(chart, r.root, ctx);
  if (source) ctx.usedCharts.add(source.dir);
  const ns = namespaceOf(r);
  const values = valuesLayers(r, root.root, ctx, byContent);
  const sets = setEntries(r);
  const { layers: setLayersList, unreadable } = setLayers(sets.entries);
  for (const e of unreadable) ctx.out.note({ subject: r.address, what: `set ${e.name}`, reason: `the set name "${e.name}" is not a Helm values path; it was ignored`, location: e.location });
  const cluster = ctx.clusters.forHelmRelease(r) ?? ctx.clusters.forFile(r.header.file);
  return {
    name,
    namespace: ns.namespace,
    namespaceDeclared: ns.declared,
    chart: { name: source?.name ?? chartLeaf(chart), ...(typeof version === "string" && version !== "" ? { version } : {}), ...(typeof repository === "string" && repository !== "" ? { repository } : {}), ...(source ? { source } : {}) },
    source: "helm_release",
    root: r.root,
    declaredAt,
    environment: root.environment,
    userLayers: [...values.layers, ...setLayersList, ...literalLayers(sets.literals)],
    ...(cluster ? { cluster } : {}),
    ...(values.unknown ? { valuesUnknown: values.unknown } : {}),
    ...(sets.unknownKeys.length ? { unknownKeys: sets.unknownKeys } : {}),
    label: r.address,
  };
}

/** A chart path (relative to the root module, as Terraform runs there) that is a chart folder of the scan. */
function localChart(chart: string, root: string, ctx: SourceContext) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(chart)) return undefined;
  const dir = joinInsideRoot(root, chart.replace(/\/+$/, ""));
  return dir !== undefined && ctx.charts.isChartDir(dir) ? ctx.charts.chart(dir) : undefined;
}

function namespaceOf(r: ResourceInstance): { namespace: Fact<string>; declared: boolean } {
  const v = str(r.body, "namespace");
  if (v === undefined || v === null) return { namespace: "default", declared: false };
  if (typeof v === "string") return v === "" ? { namespace: "default", declared: false } : { namespace: v, declared: true };
  const u = firstUnknown(v);
  return { namespace: unknownFact(`namespace of ${r.address} is unknown${u ? `: ${u.reason}` : ""}`, u?.hint), declared: true };
}

function valuesLayers(r: ResourceInstance, root: string, ctx: SourceContext, byContent: ContentIndex): { layers: ValueLayer[]; unknown?: string } {
  const attr = r.body.attributes.get("values");
  if (!attr || attr.value === null) return { layers: [] };
  if (!isList(attr.value)) return { layers: [], unknown: `values of ${r.address} is unknown (${isOpaque(attr.value) ? (firstUnknown(attr.value)?.reason ?? "not known statically") : "not a list"})` };
  const layers: ValueLayer[] = [];
  for (const [i, item] of attr.value.entries()) {
    if (item === null || item === "") continue;
    if (typeof item !== "string") return { layers, unknown: `values[${i}] of ${r.address} is unknown (${firstUnknown(item)?.reason ?? "not a string"})` };
    const layer = valuesEntryLayer(item, i, r, attr, root, ctx, byContent);
    if ("problem" in layer) return { layers, unknown: layer.problem };
    if (layer.layer) layers.push(layer.layer);
  }
  return { layers };
}

function valuesEntryLayer(text: string, i: number, r: ResourceInstance, attr: EvaluatedAttribute, root: string, ctx: SourceContext, byContent: ContentIndex): { layer?: ValueLayer } | { problem: string } {
  const file = byContent(text, root);
  const doc = file ? ctx.corpus.first(file) : undefined;
  if (file && doc) return { layer: documentLayer(doc, "user-values") };
  const at = rangeLocation(attr.items?.[i] ?? attr.at);
  const parsed = parseYamlDocuments(text, at.file);
  if (parsed.problems.length) return { problem: `values[${i}] of ${r.address} is not valid YAML (${parsed.problems[0]!.message})` };
  const value = parsed.documents[0]?.value;
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) return { problem: `values[${i}] of ${r.address} is not a YAML map` };
  return { layer: locatedLayer(value, "user-values", `values[${i}] of ${r.address}`, at) };
}

interface SetEntries {
  entries: SetEntry[];
  literals: { name: string; value: Plain; location: Location; label: string }[];
  unknownKeys: { path: YamlPath; reason: string; location: Location }[];
}

/** `set`, `set_list`, `set_sensitive` (and write-only `set_wo`) in the provider's order, blocks (v2) or lists (v3). */
function setEntries(r: ResourceInstance): SetEntries {
  const out: SetEntries = { entries: [], literals: [], unknownKeys: [] };
  for (const kind of ["set", "set_list", "set_sensitive", "set_wo"] as const) {
    for (const { fields, location } of setItems(r, kind)) {
      const name = fields.name;
      const label = `${kind} "${typeof name === "string" ? name : "?"}" of ${r.address}`;
      if (typeof name !== "string") continue;
      const value = fields.value;
      if (value !== undefined && value !== null && (isOpaque(value) || (isList(value) && value.some(isOpaque)))) {
        const path = parseSetPath(name);
        const u = firstUnknown(value);
        if (path) out.unknownKeys.push({ path, reason: u?.reason ?? "not known statically", location });
        continue;
      }
      const type = typeof fields.type === "string" ? fields.type : "auto";
      if (kind === "set_list") {
        const items = isList(value) ? value.filter((x) => x !== null).map(String) : [];
        out.entries.push({ name, value: items.map((x) => strvalsValue(x, false)), location, label });
      } else if (type === "literal") {
        const parsed = parseYamlDocuments(`${name}: ${scalarText(value)}`, location.file).documents[0]?.value;
        out.literals.push({ name, value: isPlainObject(parsed) ? (parsed[name] ?? null) : null, location, label });
      } else {
        out.entries.push({ name, value: strvalsValue(scalarText(value), type === "string"), location, label });
      }
    }
  }
  return out;
}

/** Terraform turns a number or bool into the string the provider reads. */
function scalarText(v: Value | undefined): string {
  return v === undefined || v === null ? "" : typeof v === "string" ? v : String(v);
}

function setItems(r: ResourceInstance, kind: string): { fields: Record<string, Value>; location: Location }[] {
  const blocks = r.body.blocks.filter((b: EvaluatedBlock) => b.type === kind);
  if (blocks.length) return blocks.map((b) => ({ fields: Object.fromEntries([...b.attributes].map(([k, a]) => [k, a.value])), location: rangeLocation(b.at) }));
  const attr = r.body.attributes.get(kind);
  if (!attr || !isList(attr.value)) return [];
  return attr.value.flatMap((item, i) => (isObject(item) ? [{ fields: item as Record<string, Value>, location: rangeLocation(attr.items?.[i] ?? attr.at) }] : []));
}

/** `type = "literal"`: the value under the key `name` as written, not a dotted path (applySetValue). */
function literalLayers(literals: SetEntries["literals"]): ValueLayer[] {
  return literals.map((l) => ({ origin: "set" as const, name: l.label, value: { [l.name]: l.value }, location: l.location }));
}

