/**
 * The Helm and Kubernetes stage (issue 6): from the scan's YAML files, chart directories,
 * packaged subcharts, Terraform helm_release resources, Argo CD Applications, Flux
 * HelmReleases and helmfile releases to Kubernetes objects, each with where it runs and where
 * each of its fields is decided. Parsing only: what the objects mean for backups is the
 * catalog's (src/catalog/kubernetes.ts), what a chart renders is its knowledge file's
 * (src/catalog/charts).
 *
 * A chart folder that no declaration installs is a release of its own (`helm install <chart> <dir>`
 * as a user would run it): named after the chart, in namespace "default" (both said in the summary),
 * once with its values.yaml and once more per `values-*.yaml` / `values.*.yaml` beside it (each its own
 * environment, never merged with another), with `--values` files on top, in order, as `helm install -f`.
 */
import type { ScanUnknown } from "../graph/types.js";
import type { ClusterConfig } from "../policy/config.js";
import type { FileProblem } from "../rules/types.js";
import type { EvaluatedRoot } from "../terraform/types-evaluated.js";
import { ChartIndex, type ChartSource } from "./charts.js";
import { Clusters } from "./clusters.js";
import { folderOf, type SourceContext } from "./context.js";
import { YamlCorpus } from "./corpus.js";
import { declareGitOps } from "./gitops.js";
import { declareHelmfiles } from "./helmfile.js";
import { documentLayer } from "./layers.js";
import { manifestDocs } from "./manifests.js";
import { objectsOfDocument } from "./objects.js";
import { StageOutput, type StageNote } from "./output.js";
import { ReleaseBuilder, type PlannedRelease, type ReleaseDeclaration } from "./releases.js";
import { sourceComments, templateFile, type HelmRenderer } from "./render.js";
import { declareHelmReleases } from "./terraform.js";
import type { HelmRelease, K8sObject } from "./types.js";
import type { ValueLayer } from "./values.js";
import { parseYamlDocuments, type PositionedDocument } from "./yaml.js";

/** How standard input is named in reports: `-` is a valid relative URI reference in SARIF (`<stdin>` is not: `<` and `>` must be escaped). */
export const STDIN_FILE = "-";

export interface KubernetesInput {
  /** YAML files of the scan (values files, Chart.yaml, helmfile.yaml, manifests), by path relative to the scan root. */
  yamlFiles: readonly { path: string; text: string }[];
  /** Packaged subcharts (`charts/*.tgz`), read in place. */
  archives: readonly { path: string; bytes: Uint8Array }[];
  /** `--values` files, in order: applied to the releases of the chart directories of the scan. `absolute` is for --helm-render. */
  valuesFiles: readonly { path: string; text: string; absolute?: string }[];
  /** Manifests read from standard input (`restorable scan -`). */
  stdin?: string;
  /** Evaluated Terraform roots, for helm_release resources and clusters defined in the scan. */
  terraform: readonly EvaluatedRoot[];
  /** `clusters:` of the config. */
  clusters: readonly ClusterConfig[];
  /** Go-templated YAML files (`*.yaml.gotmpl`): said in the summary, not parsed. */
  templates?: readonly string[];
  /** `--helm-render`: chart folders' releases are rendered by helm; `root` is the absolute scan root. */
  helmRender?: { root: string; render: HelmRenderer };
}

export interface KubernetesResult {
  releases: HelmRelease[];
  objects: K8sObject[];
  /** Unparseable files and charts that could not be read or rendered: CFG-001. */
  problems: FileProblem[];
  /** What the summary says (a namespace defaulted, a chart not known, an environment). */
  notes: StageNote[];
  /** What chart knowledge could not judge. */
  unknowns: ScanUnknown[];
}

interface Declared {
  decl: ReleaseDeclaration;
  planned: PlannedRelease[];
  /** Values files of a chart-directory release, for --helm-render. */
  renderFiles?: string[];
}

export function loadKubernetes(input: KubernetesInput): KubernetesResult {
  const out = new StageOutput();
  const corpus = new YamlCorpus(input.yamlFiles, input.archives);
  out.problems.push(...corpus.problems);
  const charts = new ChartIndex(corpus);
  const clusters = new Clusters(input.clusters, input.terraform);
  const builder = new ReleaseBuilder(charts, out);
  const declared: Declared[] = [];
  const ctx: SourceContext = {
    corpus,
    charts,
    clusters,
    out,
    usedCharts: new Set(),
    declare: (decl) => {
      noteDefaults(decl, out);
      declared.push({ decl, planned: builder.expand(decl) });
    },
  };

  const stdin = input.stdin === undefined ? undefined : parseStdin(input.stdin, out);
  declareHelmReleases(input.terraform, ctx);
  const manifests = manifestDocs(corpus, charts, stdin ? [{ file: STDIN_FILE, documents: stdin }] : []);
  declareGitOps(manifests, ctx);
  declareHelmfiles(input.templates ?? [], ctx);
  const extra = valuesFileLayers(input.valuesFiles, out);
  for (const chart of charts.topLevel()) {
    if (ctx.usedCharts.has(chart.dir)) continue;
    for (const variant of chartVariants(chart, extra)) {
      const decl = chartDirectoryRelease(chart, variant, clusters);
      noteDefaults(decl, out);
      declared.push({ decl, planned: builder.expand(decl), renderFiles: variant.files });
    }
  }

  const objects: K8sObject[] = [];
  for (const d of declared) objects.push(...objectsOf(d, input, out));
  objects.push(...manifestObjects(manifests, clusters));
  out.problems.push(...corpus.inputProblems());
  return { releases: declared.flatMap((d) => d.planned.map((p) => p.release)), objects, problems: out.problems, notes: out.notes, unknowns: out.unknowns };
}

function parseStdin(text: string, out: StageOutput): PositionedDocument[] {
  const r = parseYamlDocuments(text, STDIN_FILE);
  for (const p of r.problems) out.problems.push({ file: p.file, message: p.message, location: p.location });
  return r.documents;
}

/** The summary says when a name or namespace was not declared (issue 6, Inputs). */
function noteDefaults(decl: ReleaseDeclaration, out: StageOutput): void {
  if (decl.namespaceDeclared) return;
  const why =
    decl.source === "chart-directory"
      ? `chart folder ${decl.chart.source?.dir ?? decl.chart.name} is installed by no declaration of the scan: it is judged as release "${decl.name}" (the chart's name) in namespace "default"`
      : decl.source === "helm_release"
        ? `${decl.label} sets no namespace: it is judged in "default" (the helm provider's default when HELM_NAMESPACE is not set)`
        : `${decl.label} names no namespace: it is judged in "default"`;
  out.note({ subject: `release ${decl.name}`, what: "namespace defaulted", reason: why, location: decl.declaredAt });
}

function valuesFileLayers(files: KubernetesInput["valuesFiles"], out: StageOutput): { layer: ValueLayer; absolute?: string }[] {
  const layers: { layer: ValueLayer; absolute?: string }[] = [];
  for (const f of files) {
    const r = parseYamlDocuments(f.text, f.path);
    for (const p of r.problems) out.problems.push({ file: p.file, message: p.message, location: p.location });
    const doc = r.documents[0];
    if (doc) layers.push({ layer: documentLayer(doc, "user-values"), ...(f.absolute ? { absolute: f.absolute } : {}) });
  }
  return layers;
}

interface Variant {
  environment: string;
  layers: ValueLayer[];
  /** Files to pass to helm with -f (relative to the scan root, or absolute). */
  files: string[];
}

/** values.yaml alone (environment ""), then each environment file on its own; --values files on top of each. */
function chartVariants(chart: ChartSource, extra: { layer: ValueLayer; absolute?: string }[]): Variant[] {
  const extraFiles = extra.map((e) => e.absolute ?? e.layer.name);
  return [
    { environment: "", layers: extra.map((e) => e.layer), files: extraFiles },
    ...chart.environments.map((env) => ({ environment: env.name, layers: [env.layer, ...extra.map((e) => e.layer)], files: [env.file, ...extraFiles] })),
  ];
}

function chartDirectoryRelease(chart: ChartSource, variant: Variant, clusters: Clusters): ReleaseDeclaration {
  const cluster = clusters.forFile(chart.chartFile);
  return {
    name: chart.name,
    namespace: "default",
    namespaceDeclared: false,
    chart: { name: chart.name, ...(chart.version ? { version: chart.version } : {}), source: chart },
    source: "chart-directory",
    root: chart.dir,
    declaredAt: chart.declaredAt,
    environment: variant.environment,
    userLayers: variant.layers,
    ...(cluster ? { cluster } : {}),
    label: `chart ${chart.name} (${chart.dir})`,
  };
}

/** A declaration's objects: rendered by helm (--helm-render, chart folders), else by each release's chart knowledge. */
function objectsOf(d: Declared, input: KubernetesInput, out: StageOutput): K8sObject[] {
  if (input.helmRender && d.decl.source === "chart-directory" && d.decl.chart.source) return helmRendered(d, input.helmRender, out);
  return d.planned.flatMap((p) => knowledgeObjects(p, out));
}

function knowledgeObjects(p: PlannedRelease, out: StageOutput): K8sObject[] {
  if (!p.knowledge || p.skip) return [];
  try {
    const r = p.knowledge.render(p.release);
    for (const u of r.unknowns ?? []) {
      out.unknowns.push({ subject: `release ${p.release.name} (chart ${p.release.chart.name})`, root: p.release.root, what: u.what, reason: u.reason, location: u.location });
    }
    return r.objects;
  } catch (e) {
    // Knowledge is ours: a fault in it must not stop the scan, and must not pass silently either.
    out.note({ subject: `chart ${p.release.chart.name}`, what: "knowledge failed", reason: `the knowledge of chart ${p.release.chart.name} failed on release ${p.release.name} (${(e as Error).message}); please report it`, location: p.release.declaredAt });
    return [];
  }
}

function helmRendered(d: Declared, render: NonNullable<KubernetesInput["helmRender"]>, out: StageOutput): K8sObject[] {
  const chart = d.decl.chart.source!;
  const abs = (p: string) => (p.startsWith("/") ? p : `${render.root}/${p === "." ? "" : p}`.replace(/\/$/, ""));
  const result = render.render({
    release: d.decl.name,
    namespace: typeof d.decl.namespace === "string" ? d.decl.namespace : "default",
    chartDir: abs(chart.dir),
    valuesFiles: (d.renderFiles ?? []).map(abs),
  });
  if (!result.ok) {
    out.problem(chart.chartFile, `${result.message} (chart ${chart.dir}${d.decl.environment ? `, ${d.decl.environment}` : ""})`, chart.declaredAt);
    return [];
  }
  const virtual = `${chart.dir === "." ? "" : `${chart.dir}/`}helm-template${d.decl.environment ? `-${d.decl.environment}` : ""}.yaml`;
  const parsed = parseYamlDocuments(result.stdout, virtual);
  for (const p of parsed.problems) out.problem(chart.chartFile, `--helm-render: helm template printed YAML that does not parse (${p.message})`, chart.declaredAt);
  const sources = sourceComments(result.stdout);
  const objects: K8sObject[] = [];
  for (const doc of parsed.documents) {
    for (const o of objectsOfDocument(doc, { root: chart.dir, environment: d.decl.environment, defaultNamespace: typeof d.decl.namespace === "string" ? d.decl.namespace : "default", ...(d.decl.cluster ? { cluster: d.decl.cluster } : {}) })) {
      const source = [...sources].reverse().find((s) => s.line <= o.location.startLine)?.source;
      const file = source ? templateFile(source, chart.dir) : chart.chartFile;
      const location = { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
      const base = o.origin.bind(o);
      objects.push({
        ...o,
        location,
        origin: (path) => {
          const r = base(path);
          return { ...r, location, properties: { ...r.properties, valueOrigin: `helm template${source ? ` (# Source: ${source})` : ""}` } };
        },
      });
    }
  }
  return objects;
}

function manifestObjects(manifests: ReturnType<typeof manifestDocs>, clusters: Clusters): K8sObject[] {
  const seen = new Set<PositionedDocument>();
  const out: K8sObject[] = [];
  for (const m of manifests) {
    if (seen.has(m.doc)) continue;
    seen.add(m.doc);
    const cluster = clusters.forFile(m.file);
    out.push(...objectsOfDocument(m.doc, { root: m.file === STDIN_FILE ? "." : folderOf(m.file), environment: "", ...(cluster ? { cluster } : {}) }));
  }
  return out;
}

export type { ClusterPlace, HelmRelease, K8sObject } from "./types.js";
export type { StageNote } from "./output.js";
