/**
 * Manifest documents of the scan: every YAML document with apiVersion, kind and metadata.name
 * outside chart folders (a chart's own files are values and metadata, its templates are never read),
 * helmfiles and kustomize patches (partial objects a kustomization merges into its resources:
 * kubectl.docs.kubernetes.io/references/kustomize/kustomization/patches/). Declarations (Argo CD
 * Applications, Flux HelmReleases) are found among them; all of them become objects.
 */
import type { ChartIndex } from "./charts.js";
import { joinInsideRoot } from "../discover/paths.js";
import { folderOf } from "./context.js";
import type { YamlCorpus } from "./corpus.js";
import { isKubernetesObject } from "./objects.js";
import { isPlainObject, valueAt, type Plain, type PositionedDocument, type YamlPath } from "./yaml.js";

export interface ManifestDoc {
  doc: PositionedDocument;
  file: string;
  /** Where the object is in the document (`items[i]` of a List). */
  prefix: YamlPath;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  body: Plain;
}

export function isHelmfile(path: string): boolean {
  const base = path.split("/").pop() ?? path;
  return /^helmfile\.ya?ml$/.test(base) || /(^|\/)helmfile\.d\/[^/]+\.ya?ml$/.test(path);
}

function isKustomization(path: string): boolean {
  return /^kustomization\.ya?ml$|^Kustomization$/.test(path.split("/").pop() ?? path);
}

/** Files a kustomization names as patches: not objects of their own. */
function kustomizePatches(corpus: YamlCorpus): Set<string> {
  const out = new Set<string>();
  for (const path of corpus.paths().filter(isKustomization)) {
    const doc = corpus.peek(path)?.documents[0];
    if (!doc) continue;
    const dir = folderOf(path);
    const add = (p: Plain | undefined) => {
      if (typeof p !== "string") return;
      const file = joinInsideRoot(dir, p);
      if (file) out.add(file);
    };
    for (const p of asList(valueAt(doc.value, ["patchesStrategicMerge"]))) add(p);
    for (const p of [...asList(valueAt(doc.value, ["patches"])), ...asList(valueAt(doc.value, ["patchesJson6902"]))]) add(valueAt(p, ["path"]));
  }
  return out;
}

function asList(v: Plain | undefined): Plain[] {
  return Array.isArray(v) ? v : [];
}

function inChart(path: string, charts: ChartIndex): boolean {
  return charts.dirs.some((d) => d === "." || path.startsWith(`${d}/`));
}

export function manifestDocs(corpus: YamlCorpus, charts: ChartIndex, extra: readonly { file: string; documents: PositionedDocument[] }[] = []): ManifestDoc[] {
  const patches = kustomizePatches(corpus);
  const out: ManifestDoc[] = [];
  const files = corpus.paths().filter((p) => !corpus.isPackaged(p) && !inChart(p, charts) && !isHelmfile(p) && !patches.has(p) && !isKustomization(p));
  const sources = [...files.map((file) => ({ file, documents: corpus.peek(file)?.documents ?? [] })), ...extra];
  for (const { file, documents } of sources) {
    for (const doc of documents) {
      const v = doc.value;
      if (isPlainObject(v) && typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) {
        v.items.forEach((item, i) => {
          if (isKubernetesObject(item)) out.push(manifestDoc(doc, file, ["items", i], item));
        });
      } else if (isKubernetesObject(v)) out.push(manifestDoc(doc, file, [], v));
    }
  }
  return out;
}

function manifestDoc(doc: PositionedDocument, file: string, prefix: YamlPath, body: Plain): ManifestDoc {
  const ns = valueAt(body, ["metadata", "namespace"]);
  return {
    doc,
    file,
    prefix,
    apiVersion: String(valueAt(body, ["apiVersion"])),
    kind: String(valueAt(body, ["kind"])),
    name: String(valueAt(body, ["metadata", "name"])),
    ...(typeof ns === "string" && ns !== "" ? { namespace: ns } : {}),
    body,
  };
}
