/**
 * GitOps declarations of Helm releases in the scan's manifests.
 *
 * Argo CD `Application` (argoproj.io/v1alpha1), https://argo-cd.readthedocs.io/en/stable/user-guide/helm/:
 * each Helm source (`spec.source` or `spec.sources[]`: `chart` from a Helm repository `repoURL` at
 * `targetRevision`, or `path` to a chart folder of the repository) is a release named
 * `helm.releaseName`, else the Application's name ("By default, the Helm release name is equal to the
 * Application name"), in `spec.destination.namespace`. Values: "Order of precedence is parameters >
 * valuesObject > values > valueFiles > helm repository values.yaml"; `valueFiles` are relative to the
 * chart folder, or `$ref/path` in the source whose `ref` is `ref` (read from the scan, which is taken to
 * be that repository); `ignoreMissingValueFiles` skips absent ones.
 *
 * Flux `HelmRelease` (helm.toolkit.fluxcd.io/v2*), https://fluxcd.io/flux/components/helm/helmreleases/:
 * the chart is `spec.chart.spec.chart` (a name in the HelmRepository `sourceRef`, or a path in a
 * GitRepository, taken as this repository) at `spec.chart.spec.version`, or `spec.chartRef` (an
 * OCIRepository's `url`); the release is `spec.releaseName`, else `[<targetNamespace>-]<name>`, in
 * `spec.targetNamespace`, else the HelmRelease's namespace. Values: `valuesFrom` (ConfigMap or Secret,
 * key `valuesKey`, default `values.yaml`; `targetPath` sets one value; `optional` skips a missing one)
 * merged in order, then `spec.values` (github.com/fluxcd/pkg chartutil/values.go
 * ChartValuesFromReferences); `spec.chart.spec.valuesFiles` replace the chart's own values.yaml
 * ("values.yaml is not included by default").
 */
import type { Location } from "../graph/types.js";
import { joinInsideRoot } from "../discover/paths.js";
import type { ChartSource } from "./charts.js";
import { folderOf, type SourceContext } from "./context.js";
import { documentLayer, embeddedLayer, locatedLayer, subLayer } from "./layers.js";
import type { ManifestDoc } from "./manifests.js";
import { chartLeaf } from "./releases.js";
import { setLayers, strvalsValue, type SetEntry } from "./set.js";
import type { ValueLayer } from "./values.js";
import { firstLine, isPlainObject, locateIn, parseYamlDocuments, valueAt, type Plain, type YamlPath } from "./yaml.js";

function str(v: Plain | undefined): string | undefined {
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

function at(m: ManifestDoc, path: YamlPath): Location {
  const l = locateIn(m.doc, [...m.prefix, ...path]);
  return l ? firstLine(l.location) : { file: m.file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}

export function declareGitOps(docs: readonly ManifestDoc[], ctx: SourceContext): void {
  for (const m of docs) {
    if (m.apiVersion.startsWith("argoproj.io/") && m.kind === "Application") argoApplication(m, ctx);
    else if (m.apiVersion.startsWith("argoproj.io/") && m.kind === "ApplicationSet") {
      ctx.out.note({ subject: `ApplicationSet ${m.name}`, what: "not expanded", reason: `ApplicationSet ${m.name} generates Applications at run time: the releases it makes are not judged`, location: at(m, ["kind"]) });
    } else if (m.apiVersion.startsWith("helm.toolkit.fluxcd.io/") && m.kind === "HelmRelease") fluxHelmRelease(m, docs, ctx);
  }
}

// ---- Argo CD --------------------------------------------------------------------------------------

function argoApplication(m: ManifestDoc, ctx: SourceContext): void {
  const spec = valueAt(m.body, ["spec"]);
  const multi = valueAt(spec, ["sources"]);
  const sources: { path: YamlPath; value: Plain }[] = Array.isArray(multi)
    ? multi.map((s, i) => ({ path: ["spec", "sources", i], value: s }))
    : valueAt(spec, ["source"]) !== undefined
      ? [{ path: ["spec", "source"], value: valueAt(spec, ["source"])! }]
      : [];
  const refs = new Map<string, Plain>();
  for (const s of sources) {
    const ref = str(valueAt(s.value, ["ref"]));
    if (ref) refs.set(ref, s.value);
  }
  const nsValue = str(valueAt(spec, ["destination", "namespace"]));
  const destName = str(valueAt(spec, ["destination", "name"]));
  const cluster = (destName ? ctx.clusters.byName(destName) : undefined) ?? ctx.clusters.forFile(m.file);
  for (const s of sources) {
    const chartName = str(valueAt(s.value, ["chart"]));
    const chartPath = str(valueAt(s.value, ["path"]));
    const local = chartPath !== undefined ? joinInsideRoot(".", chartPath) : undefined;
    const source = local !== undefined && ctx.charts.isChartDir(local) ? ctx.charts.chart(local) : undefined;
    if (!chartName && !source) continue;
    if (source) ctx.usedCharts.add(source.dir);
    const helm = [...s.path, "helm"];
    const label = `${sources.length > 1 ? `${pathLabel(s.path)} of ` : ""}Application ${m.name}`;
    const layers: ValueLayer[] = [];
    for (const [i, f] of asList(valueAt(m.body, [...helm, "valueFiles"])).entries()) {
      if (typeof f !== "string") continue;
      const file = argoValuesFile(f, source, refs);
      const doc = file ? ctx.corpus.first(file) : undefined;
      if (file && doc) layers.push(documentLayer(doc, "user-values"));
      else if (valueAt(m.body, [...helm, "ignoreMissingValueFiles"]) !== true) {
        ctx.out.note({ subject: label, what: `values file ${f}`, reason: `values file ${f} of ${label} is not in the scan: its values are not known`, location: at(m, [...helm, "valueFiles", i]) });
      }
    }
    const inline = embeddedLayer(docOf(m), [...m.prefix, ...helm, "values"], ctx.corpus.text(m.file), "user-values", `helm.values of ${label}`);
    if (inline.problem) ctx.out.problem(m.file, inline.problem, at(m, [...helm, "values"]));
    if (inline.layer) layers.push(inline.layer);
    const object = subLayer(docOf(m), [...m.prefix, ...helm, "valuesObject"], "user-values", `helm.valuesObject of ${label}`);
    if (object) layers.push(object);
    layers.push(...argoParameters(m, helm, label));
    const name = str(valueAt(m.body, [...helm, "releaseName"])) ?? m.name;
    const version = str(valueAt(s.value, ["targetRevision"]));
    const repository = str(valueAt(s.value, ["repoURL"]));
    ctx.declare({
      name,
      namespace: nsValue ?? "default",
      namespaceDeclared: nsValue !== undefined,
      chart: source ? { name: source.name, source } : { name: chartLeaf(chartName!), ...(version && version !== "HEAD" ? { version } : {}), ...(repository ? { repository } : {}) },
      source: "argocd-application",
      root: folderOf(m.file),
      declaredAt: at(m, sources.length > 1 ? s.path : ["kind"]),
      environment: "",
      userLayers: layers,
      ...(cluster ? { cluster } : {}),
      label,
    });
  }
}

function pathLabel(p: YamlPath): string {
  return p.slice(1).map((x) => (typeof x === "number" ? `[${x}]` : x)).join("");
}

/** `$ref/path` is in the `ref` source's repository root; any other path is relative to the chart folder. */
function argoValuesFile(f: string, chart: ChartSource | undefined, refs: Map<string, Plain>): string | undefined {
  const m = /^\$([^/]+)\/(.*)$/.exec(f);
  if (m) return refs.has(m[1]!) ? joinInsideRoot(".", m[2]!) : undefined;
  return chart ? joinInsideRoot(chart.dir, f) : undefined;
}

function argoParameters(m: ManifestDoc, helm: YamlPath, label: string): ValueLayer[] {
  const entries: SetEntry[] = [];
  for (const [i, p] of asList(valueAt(m.body, [...helm, "parameters"])).entries()) {
    const name = str(valueAt(p, ["name"]));
    if (!name) continue;
    const raw = valueAt(p, ["value"]);
    entries.push({ name, value: strvalsValue(raw === undefined || raw === null ? "" : String(raw), valueAt(p, ["forceString"]) === true), location: at(m, [...helm, "parameters", i]), label: `helm.parameters ${name} of ${label}` });
  }
  return setLayers(entries).layers;
}

// ---- Flux -----------------------------------------------------------------------------------------

function fluxHelmRelease(m: ManifestDoc, docs: readonly ManifestDoc[], ctx: SourceContext): void {
  const spec = valueAt(m.body, ["spec"]);
  const label = `HelmRelease ${m.name}`;
  const chart = fluxChart(m, docs, ctx);
  if (!chart) {
    ctx.out.note({ subject: label, what: "chart unknown", reason: `the chart of ${label} is not named in the scan: its workloads are not judged`, location: at(m, ["kind"]) });
    return;
  }
  const targetNs = str(valueAt(spec, ["targetNamespace"]));
  const namespace = targetNs ?? m.namespace;
  const name = str(valueAt(spec, ["releaseName"])) ?? (targetNs ? `${targetNs}-${m.name}` : m.name);
  const layers: ValueLayer[] = [];
  for (const [i, ref] of asList(valueAt(spec, ["valuesFrom"])).entries()) {
    const layer = fluxValuesFrom(m, ref, i, docs, ctx, label);
    if (layer) layers.push(layer);
  }
  const inline = subLayer(docOf(m), [...m.prefix, "spec", "values"], "user-values", `spec.values of ${label}`);
  if (inline) layers.push(inline);
  const cluster = ctx.clusters.forFile(m.file);
  ctx.declare({
    name,
    namespace: namespace ?? "default",
    namespaceDeclared: namespace !== undefined,
    chart: chart.chart,
    source: "flux-helmrelease",
    root: folderOf(m.file),
    declaredAt: at(m, ["kind"]),
    environment: "",
    userLayers: layers,
    ...(chart.defaults ? { chartDefaults: chart.defaults } : {}),
    ...(cluster ? { cluster } : {}),
    label,
  });
}

type FluxChart = { chart: { name: string; version?: string; repository?: string; source?: ChartSource }; defaults?: ValueLayer[] };

function fluxChart(m: ManifestDoc, docs: readonly ManifestDoc[], ctx: SourceContext): FluxChart | undefined {
  const spec = valueAt(m.body, ["spec"]);
  const template = valueAt(spec, ["chart", "spec"]);
  const ns = m.namespace;
  const find = (kind: string, name: string | undefined, namespace: string | undefined) =>
    name ? docs.find((d) => d.kind === kind && d.name === name && (d.namespace === undefined || namespace === undefined || d.namespace === namespace)) : undefined;
  if (isPlainObject(template)) {
    const chartName = str(valueAt(template, ["chart"]));
    if (!chartName) return undefined;
    const version = str(valueAt(template, ["version"]));
    const kind = str(valueAt(template, ["sourceRef", "kind"]));
    const sourceNs = str(valueAt(template, ["sourceRef", "namespace"])) ?? ns;
    const repo = find(kind ?? "HelmRepository", str(valueAt(template, ["sourceRef", "name"])), sourceNs);
    if (kind === "GitRepository" || kind === "Bucket") {
      const dir = joinInsideRoot(".", chartName.replace(/\/+$/, ""));
      const source = dir !== undefined && ctx.charts.isChartDir(dir) ? ctx.charts.chart(dir) : undefined;
      if (!source) return { chart: { name: chartLeaf(chartName) } };
      ctx.usedCharts.add(source.dir);
      const files = asList(valueAt(template, ["valuesFiles"])).flatMap((f) => (typeof f === "string" ? [joinInsideRoot(".", f)] : [])).flatMap((f) => (f ? [f] : []));
      const defaults = files.flatMap((f) => {
        const doc = ctx.corpus.first(f);
        return doc ? [documentLayer(doc, "chart-default")] : [];
      });
      return { chart: { name: source.name, source }, ...(files.length ? { defaults } : {}) };
    }
    const url = str(valueAt(repo?.body, ["spec", "url"]));
    return { chart: { name: chartLeaf(chartName), ...(version ? { version } : {}), ...(url ? { repository: url } : {}) } };
  }
  const refKind = str(valueAt(spec, ["chartRef", "kind"]));
  const refName = str(valueAt(spec, ["chartRef", "name"]));
  const refNs = str(valueAt(spec, ["chartRef", "namespace"])) ?? ns;
  if (refKind === "OCIRepository") {
    const oci = find("OCIRepository", refName, refNs);
    const url = str(valueAt(oci?.body, ["spec", "url"]));
    if (!url) return undefined;
    const version = str(valueAt(oci?.body, ["spec", "ref", "tag"])) ?? str(valueAt(oci?.body, ["spec", "ref", "semver"]));
    return { chart: { name: chartLeaf(url), ...(version ? { version } : {}), repository: url } };
  }
  if (refKind === "HelmChart") {
    const hc = find("HelmChart", refName, refNs);
    const chartName = str(valueAt(hc?.body, ["spec", "chart"]));
    if (!chartName) return undefined;
    const version = str(valueAt(hc?.body, ["spec", "version"]));
    return { chart: { name: chartLeaf(chartName), ...(version ? { version } : {}) } };
  }
  return undefined;
}

/** A ConfigMap or Secret of the scan holding values (same namespace as the HelmRelease, or none written). */
function fluxValuesFrom(m: ManifestDoc, ref: Plain, i: number, docs: readonly ManifestDoc[], ctx: SourceContext, label: string): ValueLayer | undefined {
  const kind = str(valueAt(ref, ["kind"]));
  const name = str(valueAt(ref, ["name"]));
  const key = str(valueAt(ref, ["valuesKey"])) ?? "values.yaml";
  const targetPath = str(valueAt(ref, ["targetPath"]));
  const optional = valueAt(ref, ["optional"]) === true;
  const where = at(m, ["spec", "valuesFrom", i]);
  const holder = docs.find((d) => d.kind === kind && d.name === name && (d.namespace === undefined || m.namespace === undefined || d.namespace === m.namespace));
  const field = holder ? valuesField(holder, key) : undefined;
  if (!holder || !field) {
    if (!optional) ctx.out.note({ subject: label, what: `valuesFrom ${kind} ${name}`, reason: `${kind} ${name}${holder ? ` has no key ${key}` : " is not in the scan"}: the values of ${label} from it are not known`, location: where });
    return undefined;
  }
  const layerName = `${kind} ${name} key ${key}`;
  if (targetPath) {
    const raw = field.text;
    const quoted = /^(['"]).*\1$/s.test(raw);
    return setLayers([{ name: targetPath, value: strvalsValue(quoted ? raw.slice(1, -1) : raw, quoted), location: field.location, label: `${layerName} at ${targetPath}` }]).layers[0];
  }
  if (field.path) {
    const r = embeddedLayer(docOf(holder), [...holder.prefix, ...field.path], ctx.corpus.text(holder.file), "user-values", layerName);
    if (r.problem) ctx.out.problem(holder.file, r.problem, field.location);
    ctx.corpus.inputs.add(holder.file);
    return r.layer;
  }
  const parsed = parseYamlDocuments(field.text, holder.file);
  const value = parsed.documents[0]?.value;
  return parsed.problems.length === 0 && isPlainObject(value) ? locatedLayer(value, "user-values", layerName, field.location) : undefined;
}

/** The text under a key of a ConfigMap's `data`, a Secret's `stringData`, or a Secret's base64 `data`. */
function valuesField(d: ManifestDoc, key: string): { text: string; path?: YamlPath; location: Location } | undefined {
  for (const section of d.kind === "Secret" ? ["stringData", "data"] : ["data"]) {
    const v = valueAt(d.body, [section, key]);
    if (typeof v !== "string") continue;
    const location = at(d, [section, key]);
    if (d.kind === "Secret" && section === "data") {
      const text = Buffer.from(v, "base64").toString("utf8");
      return { text, location };
    }
    return { text: v, path: [section, key], location };
  }
  return undefined;
}

function docOf(m: ManifestDoc) {
  return m.doc;
}

function asList(v: Plain | undefined): Plain[] {
  return Array.isArray(v) ? v : [];
}

