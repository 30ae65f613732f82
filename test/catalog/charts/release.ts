/**
 * Synthetic releases for chart knowledge tests: a chart-default layer (the knowledge's own
 * defaults, or the same written out as the chart's values.yaml with positions) under a user
 * values file parsed with positions, as src/helm builds them.
 */
import { stringify } from "yaml";
import type { Location } from "../../../src/graph/types.js";
import type { ChartKnowledge, HelmRelease, K8sObject } from "../../../src/helm/types.js";
import { Values, type ValueLayer } from "../../../src/helm/values.js";
import { parseYamlDocuments, type Plain } from "../../../src/helm/yaml.js";

export const DECLARED_AT: Location = { file: "infra/main.tf", startLine: 12, startColumn: 1, endLine: 12, endColumn: 32 };

export const USER_FILE = "values/prod.yaml";
export const CHART_FILE = "charts/chart/values.yaml";

function layerOf(text: string, file: string, origin: ValueLayer["origin"]): ValueLayer {
  const parsed = parseYamlDocuments(text, file);
  if (parsed.problems.length) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  const doc = parsed.documents[0];
  return { origin, name: file, value: doc?.value ?? {}, ...(doc ? { positions: doc.positions } : {}) };
}

export interface ReleaseOptions {
  name?: string;
  namespace?: string;
  version?: string;
  /** Write the defaults out as the chart's values.yaml (a chart directory in the scan): chart-default keys then have lines. */
  chartFile?: boolean;
}

export function releaseOf(k: ChartKnowledge, user: string, opts: ReleaseOptions = {}): HelmRelease {
  const chart: ValueLayer = opts.chartFile
    ? layerOf(stringify(k.defaults), CHART_FILE, "chart-default")
    : { origin: "chart-default", name: `chart ${k.charts[0]} defaults`, value: k.defaults };
  const layers = [chart, ...(user.trim() ? [layerOf(user, USER_FILE, "user-values")] : [])];
  const name = opts.name ?? "ledger";
  return {
    id: `.::${name}`,
    name,
    namespace: opts.namespace ?? "payments",
    namespaceDeclared: true,
    chart: { name: k.charts[0]!, ...(opts.version ? { version: opts.version } : {}) },
    source: "helm_release",
    root: ".",
    declaredAt: DECLARED_AT,
    values: new Values(layers, DECLARED_AT),
    environment: "",
  };
}

export function render(k: ChartKnowledge, user: string, opts: ReleaseOptions = {}) {
  return k.render(releaseOf(k, user, opts));
}

export function find(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const o = objects.find((x) => x.kind === kind && x.name === name);
  if (!o) throw new Error(`no ${kind}/${name} among ${objects.map((x) => `${x.kind}/${x.name}`).join(", ")}`);
  return o;
}

/** A value inside an object's body. */
export function at(o: K8sObject, ...path: (string | number)[]): Plain | undefined {
  let cur: Plain | undefined = o.body;
  for (const seg of path) {
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    cur = Array.isArray(cur) ? (typeof seg === "number" ? cur[seg] : undefined) : (cur as Record<string, Plain>)[String(seg)];
  }
  return cur;
}

/** Line of the first line of a text that contains `needle` (1-based). */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i + 1;
}
