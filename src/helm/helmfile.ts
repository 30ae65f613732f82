/**
 * helmfile releases (https://helmfile.readthedocs.io/en/stable/#configuration): `releases[]` with
 * `name`, `namespace`, `chart` (`<repository name>/<chart>` of `repositories[]`, an `oci://`
 * reference, or a path to a chart folder relative to the helmfile), `version`, `values` (files relative
 * to the helmfile, passed to helm as `--values` in order, and inline maps) and `set` (`--set`, after the
 * values); `installed: false` means the release is not installed. A `helmfile.yaml.gotmpl` (and values
 * `*.gotmpl`) are Go templates: said in the summary, not parsed; a `helmfile.yaml` may also hold
 * templates (`{{ }}`), which are read as written.
 */
import { joinInsideRoot } from "../discover/paths.js";
import { folderOf, type SourceContext } from "./context.js";
import { documentLayer, subLayer } from "./layers.js";
import { isHelmfile } from "./manifests.js";
import { chartLeaf } from "./releases.js";
import { setLayers, strvalsValue, type SetEntry } from "./set.js";
import type { ValueLayer } from "./values.js";
import { firstLine, isPlainObject, locateIn, valueAt, type Plain, type PositionedDocument, type YamlPath } from "./yaml.js";

function str(v: Plain | undefined): string | undefined {
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

export function declareHelmfiles(templates: readonly string[], ctx: SourceContext): void {
  for (const t of templates) {
    const base = t.split("/").pop() ?? t;
    if (/^helmfile\.ya?ml\.gotmpl$/.test(base) || /(^|\/)helmfile\.d\/[^/]+\.gotmpl$/.test(t)) {
      ctx.out.note({ subject: t, what: "templated helmfile", reason: `${t} is a Go template: its releases are not read (render it with helmfile template and scan the output)`, location: { file: t, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
    }
  }
  for (const path of ctx.corpus.paths().filter((p) => isHelmfile(p) && !ctx.corpus.isPackaged(p))) {
    const parsed = ctx.corpus.get(path);
    if (!parsed) continue;
    if (parsed.problems.length && (ctx.corpus.text(path) ?? "").includes("{{")) {
      // Templated YAML that does not parse as written is not a broken file: say so instead of CFG-001.
      ctx.corpus.inputs.delete(path);
      ctx.out.note({ subject: path, what: "templated helmfile", reason: `${path} holds Go templates that are not valid YAML as written: its releases are not read`, location: parsed.problems[0]!.location });
      continue;
    }
    for (const doc of parsed.documents) helmfileDocument(doc, path, ctx);
  }
}

function helmfileDocument(doc: PositionedDocument, path: string, ctx: SourceContext): void {
  const repos = new Map<string, string>();
  for (const r of asList(valueAt(doc.value, ["repositories"]))) {
    const name = str(valueAt(r, ["name"]));
    const url = str(valueAt(r, ["url"]));
    if (name && url) repos.set(name, url);
  }
  const dir = folderOf(path);
  asList(valueAt(doc.value, ["releases"])).forEach((rel, i) => {
    const at = (p: YamlPath) => {
      const l = locateIn(doc, ["releases", i, ...p]);
      return l ? firstLine(l.location) : { file: path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    };
    const name = str(valueAt(rel, ["name"]));
    const chart = str(valueAt(rel, ["chart"]));
    if (!name || !chart) return;
    const label = `helmfile release ${name}`;
    if (valueAt(rel, ["installed"]) === false) {
      ctx.out.note({ subject: label, what: "not installed", reason: `${label} has installed: false: it is not judged`, location: at(["installed"]) });
      return;
    }
    const slash = chart.indexOf("/");
    const repoName = slash > 0 && !chart.startsWith(".") ? chart.slice(0, slash) : undefined;
    const isPath = chart.startsWith("./") || chart.startsWith("../") || (repoName !== undefined && !repos.has(repoName) && !chart.includes("://"));
    const local = isPath ? joinInsideRoot(dir, chart.replace(/\/+$/, "")) : undefined;
    const source = local !== undefined && ctx.charts.isChartDir(local) ? ctx.charts.chart(local) : undefined;
    if (source) ctx.usedCharts.add(source.dir);
    const layers: ValueLayer[] = [];
    asList(valueAt(rel, ["values"])).forEach((v, j) => {
      if (typeof v === "string") {
        const file = joinInsideRoot(dir, v);
        const values = file ? ctx.corpus.first(file) : undefined;
        if (file && values) layers.push(documentLayer(values, "user-values"));
        else ctx.out.note({ subject: label, what: `values ${v}`, reason: v.endsWith(".gotmpl") ? `values ${v} of ${label} is a Go template: its values are not read` : `values file ${v} of ${label} is not in the scan: its values are not known`, location: at(["values", j]) });
      } else if (isPlainObject(v)) {
        const layer = subLayer(doc, ["releases", i, "values", j], "user-values", `values[${j}] of ${label} in ${path}`);
        if (layer) layers.push(layer);
      }
    });
    const sets: SetEntry[] = [];
    asList(valueAt(rel, ["set"])).forEach((s, j) => {
      const key = str(valueAt(s, ["name"]));
      const value = valueAt(s, ["value"]);
      if (!key || value === undefined) return;
      sets.push({ name: key, value: typeof value === "string" ? strvalsValue(value, false) : value, location: at(["set", j]), label: `set ${key} of ${label}` });
    });
    layers.push(...setLayers(sets).layers);
    const namespace = str(valueAt(rel, ["namespace"]));
    const version = str(valueAt(rel, ["version"]));
    const repository = repoName ? repos.get(repoName) : chart.includes("://") ? chart : undefined;
    const cluster = ctx.clusters.forFile(path);
    ctx.declare({
      name,
      namespace: namespace ?? "default",
      namespaceDeclared: namespace !== undefined,
      chart: source ? { name: source.name, source } : { name: chartLeaf(chart), ...(version ? { version } : {}), ...(repository ? { repository } : {}) },
      source: "helmfile",
      root: dir,
      declaredAt: at([]),
      environment: "",
      userLayers: layers,
      ...(cluster ? { cluster } : {}),
      label,
    });
  });
}

function asList(v: Plain | undefined): Plain[] {
  return Array.isArray(v) ? v : [];
}
