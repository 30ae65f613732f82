/**
 * Helm values, coalesced as Helm does, with per-key provenance (issue 6).
 *
 * Layers, lowest first: the chart's values.yaml (or the chart knowledge's defaults when the
 * chart is not in the scan), then each user values file in order, then `--set`-style values.
 * Maps deep-merge; lists and scalars are replaced whole; an explicit `null` in a higher layer
 * deletes the key, so templates see nil and the chart default is gone.
 * https://helm.sh/docs/chart_template_guide/values_files/ ("Deleting a default key")
 *
 * Each effective key remembers the layer that set it, so a finding can point at the user's own
 * line, or, for a chart default, at the nearest user-written ancestor key, else at the release
 * declaration, with the chart default's line as a related location.
 */
import type { Location } from "../graph/types.js";
import { firstLine, isPlainObject, pathKey, pathText, type Plain, type YamlPath } from "./yaml.js";

export type LayerOrigin = "chart-default" | "user-values" | "set";

export interface ValueLayer {
  origin: LayerOrigin;
  /** What the layer is, as printed: a file path, `set` lines of a helm_release, "chart postgresql 16 defaults". */
  name: string;
  value: Plain;
  /** Location of each path (pathKey) in the layer's file, when it has one. */
  positions?: ReadonlyMap<string, Location>;
  /** Where every key of the layer is written when it has no per-key positions (a `set` block, an inline values object). */
  location?: Location;
}

type Node =
  | { kind: "map"; entries: Map<string, Node>; layer: number }
  | { kind: "list"; value: Plain[]; layer: number }
  | { kind: "scalar"; value: Exclude<Plain, Plain[] | { [key: string]: Plain }>; layer: number }
  /** Deleted by an explicit null in `layer`. */
  | { kind: "deleted"; layer: number };

function toNode(v: Plain, layer: number): Node {
  if (isPlainObject(v)) {
    const entries = new Map<string, Node>();
    for (const [k, x] of Object.entries(v)) entries.set(k, toNode(x, layer));
    return { kind: "map", entries, layer };
  }
  if (Array.isArray(v)) return { kind: "list", value: v, layer };
  if (v === null) return { kind: "deleted", layer };
  return { kind: "scalar", value: v, layer };
}

/** Helm's coalescing of `over` onto `base`: maps merge, everything else replaces, null deletes. */
function merge(base: Node | undefined, over: Node): Node {
  if (over.kind === "map" && base?.kind === "map") {
    const entries = new Map(base.entries);
    for (const [k, v] of over.entries) entries.set(k, merge(entries.get(k), v));
    return { kind: "map", entries, layer: over.layer };
  }
  return over;
}

function toPlain(n: Node): Plain | undefined {
  switch (n.kind) {
    case "map": {
      const out: { [key: string]: Plain } = {};
      for (const [k, v] of n.entries) {
        const p = toPlain(v);
        if (p !== undefined) out[k] = p;
      }
      return out;
    }
    case "list":
      return n.value;
    case "scalar":
      return n.value;
    case "deleted":
      return undefined;
  }
}

/** Where an effective value comes from, for a finding. */
export interface ValueOrigin {
  /** The deciding place: the user's own key, else the nearest user-written ancestor, else the release declaration. */
  location: Location;
  /** The chart default's line when the value is a chart default and the chart's values.yaml is in the scan. */
  related?: { location: Location; message: string }[];
  /** `properties` of the finding: key path, effective value and origin. */
  properties: { keyPath: string; value: string; valueOrigin: string };
  /** True when a user layer set the value itself. */
  userSet: boolean;
}

export class Values {
  private readonly tree: Node;

  constructor(
    readonly layers: readonly ValueLayer[],
    /** Where the release is declared (helm_release block, Chart.yaml dependency, Application...). */
    readonly declaredAt: Location,
  ) {
    let tree: Node = { kind: "map", entries: new Map(), layer: -1 };
    layers.forEach((l, i) => {
      if (isPlainObject(l.value)) tree = merge(tree, toNode(l.value, i));
    });
    this.tree = tree;
  }

  private node(path: YamlPath): Node | undefined {
    let cur: Node | undefined = this.tree;
    for (const seg of path) {
      if (!cur) return undefined;
      if (cur.kind === "map") cur = cur.entries.get(String(seg));
      else if (cur.kind === "list" && typeof seg === "number") {
        const item: Plain | undefined = cur.value[seg];
        cur = item === undefined ? undefined : toNode(item, cur.layer);
      } else return undefined;
    }
    return cur;
  }

  /** The effective value at a path; undefined when absent or deleted by a null. */
  get(path: YamlPath): Plain | undefined {
    const n = this.node(path);
    return n ? toPlain(n) : undefined;
  }

  /** The whole effective tree. */
  all(): { [key: string]: Plain } {
    const v = toPlain(this.tree);
    return isPlainObject(v) ? v : {};
  }

  /** The layer that decided the value at a path (set it, or deleted it with null); undefined when no layer has it. */
  layerOf(path: YamlPath): ValueLayer | undefined {
    const n = this.node(path);
    return n && n.layer >= 0 ? this.layers[n.layer] : undefined;
  }

  /** Where a layer writes a path, or its deepest written ancestor. */
  private written(layer: ValueLayer, path: YamlPath): { location: Location; exact: boolean } | undefined {
    if (layer.positions) {
      for (let n = path.length; n >= 1; n--) {
        const at = layer.positions.get(pathKey(path.slice(0, n)));
        if (at) return { location: n === path.length ? at : firstLine(at), exact: n === path.length };
      }
    }
    return layer.location ? { location: layer.location, exact: false } : undefined;
  }

  /**
   * Where a finding decided by the value at `path` lands (issue 6, Locations): the user's own key
   * when a user layer set it; for a chart default, the nearest user-written ancestor key, else the
   * release declaration, with the chart default's line related.
   */
  origin(path: YamlPath): ValueOrigin {
    const layer = this.layerOf(path);
    const value = this.get(path);
    const keyPath = pathText(path);
    const shown = value === undefined ? (layer ? "null (deleted)" : "unset") : JSON.stringify(value);
    if (layer && layer.origin !== "chart-default") {
      const at = this.written(layer, path);
      return { location: at?.location ?? this.declaredAt, properties: { keyPath, value: shown, valueOrigin: `${layer.origin}:${layer.name}` }, userSet: true };
    }
    const userAncestor = this.nearestUserAncestor(path);
    const chartLine = layer ? this.written(layer, path) : undefined;
    const related = chartLine?.exact ? [{ location: chartLine.location, message: `chart default ${keyPath}: ${shown}` }] : undefined;
    return {
      location: userAncestor ?? this.declaredAt,
      ...(related ? { related } : {}),
      properties: { keyPath, value: shown, valueOrigin: layer ? `chart-default:${layer.name}` : "unset" },
      userSet: false,
    };
  }

  /** The deepest ancestor of `path` that a user layer writes (its key line). */
  private nearestUserAncestor(path: YamlPath): Location | undefined {
    for (let n = path.length - 1; n >= 1; n--) {
      const prefix = path.slice(0, n);
      for (let i = this.layers.length - 1; i >= 0; i--) {
        const l = this.layers[i]!;
        if (l.origin === "chart-default" || !l.positions) continue;
        const at = l.positions.get(pathKey(prefix));
        if (at) return firstLine(at);
      }
    }
    return undefined;
  }
}

/**
 * `--set` syntax (Helm strvals, as Terraform helm_release `set { name }` uses it): dotted keys,
 * `\.` for a literal dot, `[n]` list indices. Returns the path, or undefined when it cannot be read.
 * https://helm.sh/docs/intro/using_helm/#the-format-and-limitations-of---set
 */
export function parseSetPath(name: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let cur = "";
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch === "\\" && i + 1 < name.length) {
      cur += name[++i];
    } else if (ch === ".") {
      if (cur !== "") out.push(cur);
      cur = "";
    } else if (ch === "[") {
      const close = name.indexOf("]", i);
      if (close < 0) return undefined;
      if (cur !== "") out.push(cur);
      cur = "";
      const n = Number(name.slice(i + 1, close));
      if (!Number.isInteger(n) || n < 0) return undefined;
      out.push(n);
      i = close;
    } else cur += ch;
  }
  if (cur !== "") out.push(cur);
  return out.length ? out : undefined;
}

/** A values tree holding `value` at `path` (lists as needed), for one `set` entry. */
export function treeAt(path: readonly (string | number)[], value: Plain): Plain {
  let v: Plain = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i]!;
    if (typeof seg === "number") {
      const list: Plain[] = [];
      list[seg] = v;
      for (let j = 0; j < seg; j++) if (list[j] === undefined) list[j] = null;
      v = list;
    } else v = { [seg]: v };
  }
  return v;
}

/** `--set` values are strings unless they read as bool, null or a number (Helm strvals typing). */
export function typedSetValue(raw: string): Plain {
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw === "null") return null;
  if (/^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  return raw;
}
