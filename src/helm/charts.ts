/**
 * Charts of the scan: a folder with a Chart.yaml is a chart (https://helm.sh/docs/topics/charts/):
 * its name and version (the major decides the knowledge), its dependencies (Chart.yaml
 * `dependencies`, or requirements.yaml for apiVersion v1 charts) with `condition`, `tags`, `alias`,
 * `repository` and `version`, its values.yaml (the chart-default layer, lines kept), its vendored
 * subcharts (`charts/<name>/` folders and `charts/*.tgz` archives, read in place) and, beside a chart
 * that is not vendored, its environment files `values-*.yaml` / `values.*.yaml`.
 */
import type { Location } from "../graph/types.js";
import type { YamlCorpus } from "./corpus.js";
import { documentLayer } from "./layers.js";
import type { ValueLayer } from "./values.js";
import { firstLine, isPlainObject, locateIn, valueAt, type Plain, type PositionedDocument } from "./yaml.js";
import { joinInsideRoot } from "../discover/paths.js";

export interface ChartDependency {
  /** Chart name (Chart.yaml `dependencies[].name`). */
  name: string;
  alias?: string;
  /** Comma-separated values paths; the first that holds a boolean decides. */
  condition?: string;
  tags: string[];
  version?: string;
  repository?: string;
  /** The dependency entry in Chart.yaml (the release declaration of what it renders). */
  location: Location;
  /** The dependency's `condition` key, for notes. */
  conditionLocation?: Location;
}

export interface ChartSource {
  name: string;
  version?: string;
  dir: string;
  chartFile: string;
  /** The Chart.yaml `name` line: where a chart-directory release is declared. */
  declaredAt: Location;
  /** values.yaml as the chart-default layer; undefined when the chart has none. */
  defaults?: ValueLayer;
  dependencies: ChartDependency[];
  /** Vendored charts under `charts/` (folders and archives), including ones Chart.yaml does not list. */
  vendored: ChartSource[];
  /** From inside a packaged chart. */
  packaged: boolean;
  /** `values-*.yaml` / `values.*.yaml` beside Chart.yaml: one environment each (not for vendored charts). */
  environments: { name: string; file: string; layer: ValueLayer }[];
}

function dirOf(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? "." : p.slice(0, i);
}

function join(dir: string, rel: string): string {
  return dir === "." ? rel : `${dir}/${rel}`;
}

function str(v: Plain | undefined): string | undefined {
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

const ENVIRONMENT_FILE = /^values[-.].+\.ya?ml$/;

export class ChartIndex {
  private readonly cache = new Map<string, ChartSource | null>();
  /** Chart directories (folders holding a Chart.yaml), scan files and archive members alike. */
  readonly dirs: string[];
  private readonly files: string[];

  constructor(private readonly corpus: YamlCorpus) {
    this.files = corpus.paths();
    this.dirs = this.files.filter((f) => (f.split("/").pop() ?? f) === "Chart.yaml").map(dirOf);
  }

  isChartDir(dir: string): boolean {
    return this.dirs.includes(dir);
  }

  /** Charts that are not another chart's subchart (under its `charts/`) nor inside an archive. */
  topLevel(): ChartSource[] {
    return this.dirs
      .filter((d) => !this.corpus.isPackaged(join(d, "Chart.yaml")) && !this.dirs.some((p) => p !== d && d.startsWith(`${p === "." ? "" : `${p}/`}charts/`)))
      .sort()
      .flatMap((d) => this.chart(d) ?? []);
  }

  /** The chart in `dir`, read once; undefined when there is none or its Chart.yaml does not parse. */
  chart(dir: string): ChartSource | undefined {
    if (this.cache.has(dir)) return this.cache.get(dir) ?? undefined;
    this.cache.set(dir, null);
    const chart = this.read(dir);
    this.cache.set(dir, chart ?? null);
    return chart;
  }

  private read(dir: string): ChartSource | undefined {
    const chartFile = join(dir, "Chart.yaml");
    const doc = this.corpus.first(chartFile);
    if (!doc || !isPlainObject(doc.value)) return undefined;
    const packaged = this.corpus.isPackaged(chartFile);
    const valuesFile = join(dir, "values.yaml");
    const values = this.corpus.first(valuesFile) ?? (this.corpus.has(valuesFile) ? undefined : this.corpus.first(join(dir, "values.yml")));
    const name = str(valueAt(doc.value, ["name"])) ?? dir.split("/").pop() ?? dir;
    const version = str(valueAt(doc.value, ["version"]));
    const nameAt = locateIn(doc, ["name"]);
    return {
      name,
      ...(version ? { version } : {}),
      dir,
      chartFile,
      declaredAt: nameAt ? firstLine(nameAt.location) : lineOne(chartFile),
      ...(values ? { defaults: documentLayer(values, "chart-default") } : {}),
      dependencies: this.dependencies(dir, doc),
      vendored: this.vendored(dir),
      packaged,
      environments: packaged ? [] : this.environments(dir),
    };
  }

  /** Chart.yaml `dependencies` (apiVersion v2), else requirements.yaml (apiVersion v1): https://helm.sh/docs/topics/charts/#chart-dependencies */
  private dependencies(dir: string, chartDoc: PositionedDocument): ChartDependency[] {
    let doc = chartDoc;
    let list = valueAt(chartDoc.value, ["dependencies"]);
    if (!Array.isArray(list)) {
      const req = this.corpus.first(join(dir, "requirements.yaml"));
      list = req ? valueAt(req.value, ["dependencies"]) : undefined;
      if (req) doc = req;
    }
    if (!Array.isArray(list)) return [];
    const out: ChartDependency[] = [];
    list.forEach((d, i) => {
      const name = str(valueAt(d, ["name"]));
      if (!name) return;
      const at = locateIn(doc, ["dependencies", i]);
      const condAt = locateIn(doc, ["dependencies", i, "condition"]);
      const tags = valueAt(d, ["tags"]);
      const alias = str(valueAt(d, ["alias"]));
      const condition = str(valueAt(d, ["condition"]));
      const version = str(valueAt(d, ["version"]));
      const repository = str(valueAt(d, ["repository"]));
      out.push({
        name,
        ...(alias ? { alias } : {}),
        ...(condition ? { condition } : {}),
        tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [],
        ...(version ? { version } : {}),
        ...(repository ? { repository } : {}),
        location: at ? firstLine(at.location) : lineOne(doc.file),
        ...(condAt?.exact ? { conditionLocation: condAt.location } : {}),
      });
    });
    return out;
  }

  /** Charts under `dir/charts/`: unpacked folders and archives (whose one top folder is the chart). */
  private vendored(dir: string): ChartSource[] {
    const prefix = join(dir, "charts/");
    const subdirs = this.dirs.filter((d) => d.startsWith(prefix) && !d.slice(prefix.length).replace(/\.tgz\/[^/]+$/, "").includes("/"));
    return subdirs.sort().flatMap((d) => this.chart(d) ?? []);
  }

  private environments(dir: string): ChartSource["environments"] {
    const prefix = dir === "." ? "" : `${dir}/`;
    return this.files
      .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes("/") && ENVIRONMENT_FILE.test(f.slice(prefix.length)))
      .sort()
      .flatMap((f) => {
        const doc = this.corpus.first(f);
        return doc ? [{ name: f.slice(prefix.length), file: f, layer: documentLayer(doc, "user-values") }] : [];
      });
  }

  /**
   * The chart a dependency renders: a vendored chart of that name (Helm matches `charts/` by name,
   * pkg/chartutil/dependencies.go getAliasDependency), else a `file://` repository in the scan.
   */
  dependencyChart(parent: ChartSource, dep: ChartDependency): ChartSource | undefined {
    const vendored = parent.vendored.find((c) => c.name === dep.name);
    if (vendored) return vendored;
    if (dep.repository?.startsWith("file://")) {
      const target = joinInsideRoot(parent.dir, dep.repository.slice("file://".length));
      return target ? this.chart(target) : undefined;
    }
    return undefined;
  }
}


export function lineOne(file: string): Location {
  return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}
