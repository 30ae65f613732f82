/**
 * Kubernetes objects from manifests (YAML documents with apiVersion, kind and metadata.name;
 * `kind: List` expanded) and from chart knowledge (objects a release would render, whose
 * fields trace back to values keys).
 */
import type { Location } from "../graph/types.js";
import type { ClusterPlace, HelmRelease, K8sObject } from "./types.js";
import type { ValueOrigin } from "./values.js";
import { firstLine, isPlainObject, locateIn, pathKey, pathText, valueAt, type Plain, type PositionedDocument, type YamlPath } from "./yaml.js";

/** Kinds that are cluster-scoped: they have no namespace. */
const CLUSTER_SCOPED = new Set(["PersistentVolume", "StorageClass", "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "VolumeSnapshotClass", "VolumeSnapshotContent", "PriorityClass"]);

function stringMap(v: Plain | undefined): Record<string, string> {
  if (!isPlainObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") out[k] = String(x);
  return out;
}

/** Is the document a Kubernetes object (apiVersion, kind, metadata.name)? */
export function isKubernetesObject(v: Plain): boolean {
  return isPlainObject(v) && typeof v.apiVersion === "string" && typeof v.kind === "string" && isPlainObject(v.metadata) && typeof v.metadata.name === "string";
}

export interface ObjectContext {
  root: string;
  environment: string;
  cluster?: ClusterPlace;
  /** Namespace when the object names none (a release's, or "default"). */
  defaultNamespace?: string;
}

/** The objects of a manifest document (a `List` gives its items). */
export function objectsOfDocument(doc: PositionedDocument, ctx: ObjectContext): K8sObject[] {
  const v = doc.value;
  if (isPlainObject(v) && typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) {
    return v.items.flatMap((item, i) => (isKubernetesObject(item) ? [manifestObject(doc, ["items", i], item, ctx)] : []));
  }
  return isKubernetesObject(v) ? [manifestObject(doc, [], v, ctx)] : [];
}

function manifestObject(doc: PositionedDocument, prefix: YamlPath, body: Plain, ctx: ObjectContext): K8sObject {
  const kind = String(valueAt(body, ["kind"]));
  const meta = valueAt(body, ["metadata"]);
  const ns = valueAt(meta, ["namespace"]);
  const kindAt = locateIn(doc, [...prefix, "kind"]);
  const location = kindAt ? firstLine(kindAt.location) : { file: doc.file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return {
    apiVersion: String(valueAt(body, ["apiVersion"])),
    kind,
    name: String(valueAt(meta, ["name"])),
    namespace: CLUSTER_SCOPED.has(kind) ? "" : typeof ns === "string" && ns !== "" ? ns : (ctx.defaultNamespace ?? "default"),
    labels: stringMap(valueAt(meta, ["labels"])),
    annotations: stringMap(valueAt(meta, ["annotations"])),
    body,
    root: ctx.root,
    environment: ctx.environment,
    ...(ctx.cluster ? { cluster: ctx.cluster } : {}),
    location,
    origin(path: YamlPath): ValueOrigin {
      const at = locateIn(doc, [...prefix, ...path]);
      const value = valueAt(body, path);
      return {
        location: at?.location ?? location,
        properties: { keyPath: pathText(path), value: value === undefined ? "unset" : JSON.stringify(value), valueOrigin: `manifest:${doc.file}` },
        userSet: at?.exact === true,
      };
    },
  };
}

/**
 * An object a chart would render for a release. `fields` maps object paths (as pathKey of the
 * object path) to the values path that decides them; a field without a mapping is decided by its
 * deepest mapped ancestor, else by the release declaration.
 */
export function renderedObject(release: HelmRelease, body: Plain, fields: ReadonlyMap<string, YamlPath>): K8sObject {
  const kind = String(valueAt(body, ["kind"]));
  const meta = valueAt(body, ["metadata"]);
  const ns = valueAt(meta, ["namespace"]);
  return {
    apiVersion: String(valueAt(body, ["apiVersion"])),
    kind,
    name: String(valueAt(meta, ["name"])),
    namespace: CLUSTER_SCOPED.has(kind) ? "" : typeof ns === "string" && ns !== "" ? ns : release.namespace,
    labels: stringMap(valueAt(meta, ["labels"])),
    annotations: stringMap(valueAt(meta, ["annotations"])),
    body,
    root: release.root,
    environment: release.environment,
    ...(release.cluster ? { cluster: release.cluster } : {}),
    release,
    location: release.declaredAt,
    origin(path: YamlPath): ValueOrigin {
      for (let n = path.length; n >= 0; n--) {
        const valuesPath = fields.get(pathKey(path.slice(0, n)));
        if (valuesPath) return release.values.origin(valuesPath);
      }
      const value = valueAt(body, path);
      return { location: release.declaredAt, properties: { keyPath: pathText(path), value: value === undefined ? "unset" : JSON.stringify(value), valueOrigin: `chart:${release.chart.name}` }, userSet: false };
    },
  };
}

/** Where an object lives, for messages: `StatefulSet/payments/ledger-postgresql` (cluster-scoped: `Kind/name`). */
export function objectAddress(o: Pick<K8sObject, "kind" | "namespace" | "name">): string {
  const ns = typeof o.namespace === "string" ? o.namespace : "?";
  return ns === "" ? `${o.kind}/${o.name}` : `${o.kind}/${ns}/${o.name}`;
}

export type { Location };
