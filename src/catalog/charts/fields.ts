/**
 * Field provenance for the objects chart knowledge renders: which values key decides each
 * field of an object (src/helm/objects.ts renderedObject). A field without a mapping is decided
 * by its deepest mapped ancestor, else by the release declaration; map the deciding key even
 * when it is unset, so a finding on it names that key (`schedules.daily.template.ttl: unset`)
 * and lands on its nearest user-written ancestor.
 */
import type { HelmRelease, K8sObject } from "../../helm/types.js";
import { renderedObject } from "../../helm/objects.js";
import { isPlainObject, pathKey, type Plain, type YamlPath } from "../../helm/yaml.js";

export class FieldMap {
  private readonly map = new Map<string, YamlPath>();

  /** The field at `objectPath` is decided by the values key at `valuesPath`. */
  set(objectPath: YamlPath, valuesPath: YamlPath): this {
    this.map.set(pathKey(objectPath), valuesPath);
    return this;
  }

  /** Every path inside `value` (rendered at `objectPath`) is decided by the same path under `valuesPath`. */
  tree(objectPath: YamlPath, valuesPath: YamlPath, value: Plain | undefined): this {
    this.set(objectPath, valuesPath);
    if (isPlainObject(value)) for (const [k, x] of Object.entries(value)) this.tree([...objectPath, k], [...valuesPath, k], x);
    else if (Array.isArray(value)) value.forEach((x, i) => this.tree([...objectPath, i], [...valuesPath, i], x));
    return this;
  }

  /** Each key of a map rendered at `objectPath` (labels, annotations) comes from its key under one of `sources` (first that has it). */
  keys(objectPath: YamlPath, entries: Record<string, string>, sources: readonly { path: YamlPath; value: Record<string, string> }[]): this {
    for (const k of Object.keys(entries)) {
      const from = sources.find((s) => Object.prototype.hasOwnProperty.call(s.value, k));
      if (from) this.set([...objectPath, k], [...from.path, k]);
    }
    return this;
  }

  entries(): ReadonlyMap<string, YamlPath> {
    return this.map;
  }
}

/** A Kubernetes object the chart renders for the release, its fields traced to values keys. */
export function objectOf(release: HelmRelease, body: { [key: string]: Plain }, fields: FieldMap): K8sObject {
  return renderedObject(release, body, fields.entries());
}

/** Drops undefined entries, so a rendered body holds only the fields the template writes. */
export function compact<T extends Record<string, Plain | undefined>>(o: T): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** Whether a map has entries (a `metadata.annotations` the template writes only when non-empty). */
export function nonEmpty(m: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(m).length > 0 ? m : undefined;
}
