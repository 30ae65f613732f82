/**
 * From a release declaration (a chart directory, a helm_release, an Argo CD Application, a Flux
 * HelmRelease, a helmfile entry) to Helm releases with their coalesced values: the chart's defaults
 * (its values.yaml when the chart is in the scan, else the knowledge's `defaults`), then the user's
 * layers in order. A chart's dependencies are releases of their own under the same release name and
 * namespace (Helm renders subcharts with the parent's `.Release`), with values scoped under the
 * dependency's alias or name and the parent's `global` passed down; a dependency whose condition or
 * tags are false renders nothing (github.com/helm/helm pkg/chartutil/dependencies.go:
 * processDependencyConditions — the first comma-separated path holding a boolean decides, a path
 * with no value or a non-boolean is skipped; processDependencyTags — any true tag enables, otherwise
 * any false tag disables; conditions override tags; charts under `charts/` that Chart.yaml does not
 * list are always rendered).
 */
import { chartKnowledgeMatch } from "../catalog/charts/index.js";
import type { Fact, Location } from "../graph/types.js";
import type { ChartIndex, ChartSource } from "./charts.js";
import { nestedLayer, scopedLayer } from "./layers.js";
import type { StageOutput } from "./output.js";
import type { ChartKnowledge, ClusterPlace, HelmRelease, ReleaseSource } from "./types.js";
import { Values, type ValueLayer } from "./values.js";
import { pathKey, pathText, valueAt, type Plain, type YamlPath } from "./yaml.js";

export interface ReleaseDeclaration {
  name: string;
  namespace: Fact<string>;
  namespaceDeclared: boolean;
  chart: { name: string; version?: string; repository?: string; source?: ChartSource };
  source: ReleaseSource;
  root: string;
  declaredAt: Location;
  environment: string;
  /** User layers, lowest first (values files, inline values, then `set` entries). */
  userLayers: ValueLayer[];
  /** Chart-default layers that replace the chart's values.yaml (Flux `valuesFiles`). */
  chartDefaults?: ValueLayer[];
  cluster?: ClusterPlace;
  /** Why the release's values cannot be known at all (a values entry that could not be evaluated): it is not rendered. */
  valuesUnknown?: string;
  /** Keys whose user value is unknown (a `set` whose value is a variable without a value). */
  unknownKeys?: { path: YamlPath; reason: string; location: Location }[];
  /** A helm_release etc. that names the chart without it in the scan: the label shown in notes. */
  label: string;
}

/** A release with what renders it: chart knowledge, or nothing (a note says why). */
export interface PlannedRelease {
  release: HelmRelease;
  knowledge?: ChartKnowledge;
  /** Why it is not rendered by its knowledge (values unknown), when it is not. */
  skip?: string;
}

const MAX_DEPENDENCY_DEPTH = 8;

export class ReleaseBuilder {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly charts: ChartIndex,
    private readonly out: StageOutput,
  ) {}

  /** The release and the releases of its enabled dependencies. */
  expand(decl: ReleaseDeclaration): PlannedRelease[] {
    const source = decl.chart.source;
    const version = source?.version ?? decl.chart.version;
    const match = chartKnowledgeMatch(source?.name ?? decl.chart.name, version, decl.chart.repository);
    const defaults = decl.chartDefaults ?? [source?.defaults ?? knowledgeDefaults(match?.knowledge, decl.chart.name)].flatMap((d) => (d ? [d] : []));
    const layers = [...defaults, ...decl.userLayers];
    const release = this.release(decl, {
      id: this.uniqueId(`${decl.root}::${decl.name}${decl.environment ? `@${decl.environment}` : ""}`),
      chart: { name: source?.name ?? chartLeaf(decl.chart.name), ...(version ? { version } : {}), ...(decl.chart.repository ? { repository: decl.chart.repository } : {}), ...(source ? { directory: source.dir } : {}) },
      layers,
      declaredAt: decl.declaredAt,
      source: decl.source,
    });
    const planned: PlannedRelease[] = [this.plan(release, match, decl)];
    if (source) {
      const userOwned = decl.source === "chart-directory" || (!source.packaged && !source.dir.includes("/charts/"));
      const top = new Values(layers, decl.declaredAt);
      planned.push(...this.dependencies(decl, release, source, layers, top, userOwned, 1));
    }
    return planned;
  }

  private plan(release: HelmRelease, match: ReturnType<typeof chartKnowledgeMatch>, decl: ReleaseDeclaration): PlannedRelease {
    const subject = `release ${release.name} (chart ${release.chart.name})`;
    if (!match) {
      this.out.note({
        subject: `chart ${release.chart.name}`,
        what: "not known to restorable",
        reason: `chart ${release.chart.name} is not known to restorable: its workloads are not judged; pass --helm-render or add a knowledge file (src/catalog/charts)`,
        location: release.declaredAt,
      });
      return { release };
    }
    if (match.versionInRange === false) {
      const { min, max } = match.knowledge.majors;
      this.out.note({
        subject: `chart ${release.chart.name} ${release.chart.version ?? ""}`.trim(),
        what: "version outside the knowledge",
        reason: `chart ${release.chart.name} ${release.chart.version} is outside the majors restorable knows (${min}-${max}); it was rendered with that knowledge, check its keys`,
        location: release.declaredAt,
      });
    }
    if (decl.valuesUnknown) {
      this.out.note({ subject, what: "values unknown", reason: `${decl.valuesUnknown}: its workloads are not judged`, location: release.declaredAt });
      return { release, knowledge: match.knowledge, skip: decl.valuesUnknown };
    }
    const read = decl.unknownKeys?.find((k) => readsKey(match.knowledge.defaults, k.path));
    if (read) {
      const reason = `${pathText(read.path)} is unknown (${read.reason})`;
      this.out.note({ subject, what: "values unknown", reason: `${reason}: its workloads are not judged`, location: read.location });
      return { release, knowledge: match.knowledge, skip: reason };
    }
    return { release, knowledge: match.knowledge };
  }

  private release(decl: ReleaseDeclaration, r: { id: string; chart: HelmRelease["chart"]; layers: ValueLayer[]; declaredAt: Location; source: ReleaseSource }): HelmRelease {
    return {
      id: r.id,
      name: decl.name,
      namespace: decl.namespace,
      namespaceDeclared: decl.namespaceDeclared,
      chart: r.chart,
      source: r.source,
      root: decl.root,
      declaredAt: r.declaredAt,
      values: new Values(r.layers, r.declaredAt),
      environment: decl.environment,
      ...(decl.cluster ? { cluster: decl.cluster } : {}),
    };
  }

  private dependencies(decl: ReleaseDeclaration, parent: HelmRelease, source: ChartSource, parentLayers: ValueLayer[], top: Values, userOwned: boolean, depth: number): PlannedRelease[] {
    if (depth > MAX_DEPENDENCY_DEPTH) return [];
    const parentValues = new Values(parentLayers, parent.declaredAt);
    const listed = source.dependencies.map((dep) => ({ dep, chart: this.charts.dependencyChart(source, dep) }));
    const listedDirs = new Set(listed.flatMap((l) => (l.chart ? [l.chart.dir] : [])));
    // Helm also renders charts under charts/ that Chart.yaml does not list (processDependencyEnabled).
    const unlisted = source.vendored.filter((c) => !listedDirs.has(c.dir) && !source.dependencies.some((d) => d.name === c.name));
    const entries = [
      ...listed.map(({ dep, chart }) => ({ key: dep.alias ?? dep.name, name: dep.name, alias: dep.alias, version: chart?.version ?? dep.version, repository: dep.repository, chart, declaredAt: dep.location, dep })),
      ...unlisted.map((chart) => ({ key: chart.name, name: chart.name, alias: undefined, version: chart.version, repository: undefined, chart, declaredAt: source.declaredAt, dep: undefined })),
    ];
    const out: PlannedRelease[] = [];
    for (const e of entries) {
      const match = chartKnowledgeMatch(e.name, e.version, e.repository);
      const defaults = e.chart?.defaults ?? knowledgeDefaults(match?.knowledge, e.name);
      if (e.dep && !this.enabled(e.dep, e.key, parentValues, top, defaults, parent)) continue;
      const layers = [
        ...(defaults ? [defaults] : []),
        ...parentLayers.flatMap((l) => scopedLayer(l, e.key, userOwned && l === source.defaults ? "user-values" : l.origin) ?? []),
      ];
      const release = this.release(decl, {
        id: this.uniqueId(`${parent.id}/${e.key}`),
        chart: { name: e.name, ...(e.version ? { version: e.version } : {}), ...(e.repository ? { repository: e.repository } : {}), ...(e.chart ? { directory: e.chart.dir } : {}), ...(e.alias ? { alias: e.alias } : {}) },
        layers,
        declaredAt: e.declaredAt,
        source: "umbrella-dependency",
      });
      out.push(this.plan(release, match, { ...decl, unknownKeys: scopedUnknownKeys(decl.unknownKeys, e.key) }));
      if (e.chart) out.push(...this.dependencies(decl, release, e.chart, layers, top, false, depth + 1));
    }
    return out;
  }

  /** Tags, then the condition (which overrides them), as Helm decides a dependency is rendered. */
  private enabled(dep: NonNullable<ChartSource["dependencies"][number]>, key: string, parentValues: Values, top: Values, subDefaults: ValueLayer | undefined, parent: HelmRelease): boolean {
    let enabled = true;
    let decidedBy: { text: string; location: Location } | undefined;
    const tagValues = dep.tags.map((t) => ({ t, v: top.get(["tags", t]) })).filter((x) => typeof x.v === "boolean");
    if (tagValues.length > 0) {
      enabled = tagValues.some((x) => x.v === true);
      if (!enabled) decidedBy = { text: `tags ${tagValues.map((x) => x.t).join(", ")} are false`, location: writtenAt(top, ["tags", tagValues[0]!.t]) ?? dep.location };
    }
    for (const raw of (dep.condition ?? "").split(",")) {
      const cond = raw.trim();
      if (cond === "") continue;
      const path = cond.split(".");
      const v = conditionValue(path, key, parentValues, subDefaults);
      if (typeof v !== "boolean") continue;
      enabled = v;
      decidedBy = v ? undefined : { text: `condition ${cond} is false`, location: writtenAt(parentValues, path) ?? dep.conditionLocation ?? dep.location };
      break;
    }
    if (!enabled && decidedBy) {
      this.out.note({
        subject: `dependency ${key} of release ${parent.name}${parent.environment ? ` [${parent.environment}]` : ""}`,
        what: "disabled",
        reason: `${decidedBy.text}: chart ${dep.name} renders nothing`,
        location: decidedBy.location,
      });
    }
    return enabled;
  }

  private uniqueId(id: string): string {
    const n = (this.ids.get(id) ?? 0) + 1;
    this.ids.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  }
}

/** Where the layer that decides `path` writes it (a chart's own values.yaml too: notes name the line, not the declaration). */
function writtenAt(values: Values, path: YamlPath): Location | undefined {
  const layer = values.layerOf(path);
  return layer?.positions?.get(pathKey(path)) ?? layer?.location;
}

/** A condition's value in the parent's coalesced values, where the subchart's own defaults sit under its key. */
function conditionValue(path: string[], key: string, parentValues: Values, subDefaults: ValueLayer | undefined): Plain | undefined {
  if (parentValues.layerOf(path)) return parentValues.get(path);
  if (path[0] === key && subDefaults) return valueAt(nestedLayer(subDefaults, key).value, path);
  return undefined;
}

/** The knowledge's defaults as the chart-default layer of a chart that is not in the scan (no lines). */
function knowledgeDefaults(k: ChartKnowledge | undefined, chart: string): ValueLayer | undefined {
  return k ? { origin: "chart-default", name: `${chartLeaf(chart)} chart defaults (${k.source})`, value: k.defaults } : undefined;
}

/** `bitnami/postgresql`, `oci://…/postgresql` → `postgresql`. */
export function chartLeaf(chart: string): string {
  return chart.replace(/\/+$/, "").split("/").pop()!.replace(/\.tgz$/, "") || chart;
}

/** Does the knowledge read `path` (a key of its defaults, an ancestor of one, or below one)? */
function readsKey(defaults: Plain, path: YamlPath): boolean {
  let cur: Plain | undefined = defaults;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return true;
    if (!Object.prototype.hasOwnProperty.call(cur, String(seg))) return false;
    cur = (cur as { [k: string]: Plain })[String(seg)];
  }
  return true;
}

function scopedUnknownKeys(keys: ReleaseDeclaration["unknownKeys"], key: string): ReleaseDeclaration["unknownKeys"] {
  return keys?.flatMap((k) => (k.path[0] === key ? [{ ...k, path: k.path.slice(1) }] : k.path[0] === "global" ? [k] : []));
}
