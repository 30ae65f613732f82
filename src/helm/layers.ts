/**
 * Value layers (src/helm/values.ts) from the places users write Helm values: a whole values file,
 * a map inside another document (Argo CD `helm.valuesObject`, Flux `spec.values`, a helmfile inline
 * map), a YAML string inside a document (Argo CD `helm.values`, a ConfigMap's `values.yaml` key), and
 * a subchart's share of its parent's values (scoped under the dependency's name or alias, with the
 * parent's `global` passed down, as Helm's coalesceDeps/coalesceGlobals do:
 * github.com/helm/helm pkg/chartutil/coalesce.go).
 */
import type { Location } from "../graph/types.js";
import type { LayerOrigin, ValueLayer } from "./values.js";
import { isPlainObject, locateIn, parseYamlDocuments, pathKey, valueAt, firstLine, type Plain, type PositionedDocument, type YamlPath } from "./yaml.js";

/** A whole values document as a layer (its lines are where each key is written). */
export function documentLayer(doc: PositionedDocument, origin: LayerOrigin, name = doc.file): ValueLayer {
  return { origin, name, value: isPlainObject(doc.value) ? doc.value : {}, positions: doc.positions };
}

/** The map at `prefix` of a document as a layer, its positions re-rooted at the map. */
export function subLayer(doc: PositionedDocument, prefix: YamlPath, origin: LayerOrigin, name: string): ValueLayer | undefined {
  const value = valueAt(doc.value, prefix);
  if (!isPlainObject(value)) return undefined;
  const head = pathKey(prefix);
  const positions = new Map<string, Location>();
  for (const [k, loc] of doc.positions) {
    if (k.startsWith(`${head}\u0000`)) positions.set(k.slice(head.length + 1), loc);
  }
  const at = locateIn(doc, prefix);
  return { origin, name, value, positions, ...(at ? { location: firstLine(at.location) } : {}) };
}

/**
 * A YAML string at `path` of a document (a `|` block holding a values file) as a layer. In a literal
 * block each content line is the key's next lines with the block's indentation removed, so embedded
 * line n, column c is file line key+n, column c+indent; any other scalar style keeps only the key's
 * location. Undefined when the string is not a YAML map; `problem` when it does not parse.
 */
export function embeddedLayer(doc: PositionedDocument, path: YamlPath, fileText: string | undefined, origin: LayerOrigin, name: string): { layer?: ValueLayer; problem?: string } {
  const raw = valueAt(doc.value, path);
  if (typeof raw !== "string") return {};
  const at = locateIn(doc, path);
  const keyLine = at?.location.startLine ?? 1;
  const parsed = parseYamlDocuments(raw, doc.file);
  const first = parsed.problems[0];
  if (first) return { problem: `the values in ${pathText(path)} are not valid YAML: ${first.message}` };
  const inner = parsed.documents[0];
  if (!inner || !isPlainObject(inner.value)) return {};
  const location = at ? firstLine(at.location) : undefined;
  const indent = fileText === undefined ? undefined : literalBlockIndent(fileText, keyLine);
  const positions = new Map<string, Location>();
  if (indent !== undefined) {
    for (const [k, loc] of inner.positions) {
      if (k === "") continue;
      positions.set(k, { file: doc.file, startLine: loc.startLine + keyLine, startColumn: loc.startColumn + indent, endLine: loc.endLine + keyLine, endColumn: loc.endColumn + indent });
    }
  }
  return { layer: { origin, name, value: inner.value, ...(positions.size ? { positions } : {}), ...(location ? { location } : {}) } };
}

function pathText(path: YamlPath): string {
  return path.map(String).join(".");
}

/** The indentation of a literal block (`key: |`) whose key is on `keyLine`, when it is one. */
function literalBlockIndent(text: string, keyLine: number): number | undefined {
  const lines = text.split(/\r?\n/);
  const header = lines[keyLine - 1];
  if (header === undefined || !/:\s*\|[-+]?\d*\s*(#.*)?$/.test(header)) return undefined;
  for (let i = keyLine; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    return line.length - line.trimStart().length;
  }
  return undefined;
}

/** An inline map written at `location` (a `set` entry's value tree, a Terraform yamlencode) as a layer without per-key lines. */
export function locatedLayer(value: Plain, origin: LayerOrigin, name: string, location: Location): ValueLayer {
  return { origin, name, value: isPlainObject(value) ? value : {}, location };
}

/**
 * A parent's layer as its subchart sees it: the map under `key` (the dependency's alias or name), with
 * the parent's `global` merged over the subchart's own `global`. Helm gives the parent's globals
 * precedence (coalesceGlobals copies them over the subchart's). `origin` overrides the layer's origin
 * (the umbrella chart's own values.yaml is the user's configuration of its dependencies).
 */
export function scopedLayer(layer: ValueLayer, key: string, origin: LayerOrigin = layer.origin): ValueLayer | undefined {
  if (!isPlainObject(layer.value)) return undefined;
  const own = valueAt(layer.value, [key]);
  const global = valueAt(layer.value, ["global"]);
  if (!isPlainObject(own) && !isPlainObject(global)) return undefined;
  const value: { [k: string]: Plain } = isPlainObject(own) ? { ...own } : {};
  if (isPlainObject(global)) value.global = mergeOver(isPlainObject(value.global) ? value.global : {}, global);
  const positions = new Map<string, Location>();
  if (layer.positions) {
    const head = `${key}\u0000`;
    for (const [k, loc] of layer.positions) if (k.startsWith(head)) positions.set(k.slice(head.length), loc);
    for (const [k, loc] of layer.positions) if (k === "global" || k.startsWith("global\u0000")) positions.set(k, loc);
  }
  return { origin, name: layer.name, value, ...(layer.positions ? { positions } : {}), ...(layer.location ? { location: layer.location } : {}) };
}

/** `over` deep-merged onto `base` (maps merge, the rest is replaced). */
function mergeOver(base: { [k: string]: Plain }, over: { [k: string]: Plain }): { [k: string]: Plain } {
  const out: { [k: string]: Plain } = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? mergeOver(b, v) : v;
  }
  return out;
}

/** A layer nested under `key` (a subchart's defaults as its parent sees them, for conditions). */
export function nestedLayer(layer: ValueLayer, key: string): ValueLayer {
  const positions = new Map<string, Location>();
  if (layer.positions) for (const [k, loc] of layer.positions) positions.set(k === "" ? key : `${key}\u0000${k}`, loc);
  return { origin: layer.origin, name: layer.name, value: { [key]: layer.value }, ...(layer.positions ? { positions } : {}), ...(layer.location ? { location: layer.location } : {}) };
}
