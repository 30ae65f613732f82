/**
 * What Helm templates do with values, for chart knowledge (issue 6): Go template truthiness,
 * sprig `default`, name truncation, and the reading of a release's coalesced values by path.
 * Chart knowledge files read values only through these, so a value is judged the way the
 * chart's own templates would judge it.
 */
import type { HelmRelease } from "../../helm/types.js";
import { isPlainObject, type Plain, type YamlPath } from "../../helm/yaml.js";

/**
 * Go template truthiness (`{{ if x }}`, sprig `empty`): false, 0, nil, "" and empty lists or
 * maps are false, everything else is true, so the string "false" is true.
 * https://pkg.go.dev/text/template#hdr-Actions ("The empty values are false, 0, any nil pointer
 * or interface value, and any array, slice, map, or string of length zero.")
 */
export function truthy(v: Plain | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v !== "";
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}

/** `trunc 63 | trimSuffix "-"`, as every chart's name helpers end (Kubernetes DNS label length). */
export function dnsName(s: string): string {
  const cut = s.slice(0, 63);
  return cut.endsWith("-") ? cut.slice(0, -1) : cut;
}

/** A value as a template prints it (`{{ .x }}`): numbers and booleans in Go's spelling. */
export function printed(v: Plain | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/**
 * `.Chart.Name` as the templates see it: a dependency's `alias` when its Chart.yaml sets one
 * (Helm renames the aliased subchart, pkg/chartutil/dependencies.go getAliasDependency), else the
 * chart's own name.
 */
export function chartNameOf(release: HelmRelease, name: string): string {
  return release.chart.alias || name;
}

/** The effective values of a release, read by path. */
export class ValuesReader {
  constructor(readonly release: HelmRelease) {}

  get(path: YamlPath): Plain | undefined {
    return this.release.values.get(path);
  }

  truthy(path: YamlPath): boolean {
    return truthy(this.get(path));
  }

  /** The value as a string, `""` when absent or empty (templates print nil as nothing). */
  string(path: YamlPath): string {
    return printed(this.get(path));
  }

  /** sprig `default fallback .x`: the value when it is not empty, else the fallback. */
  stringOr(path: YamlPath, fallback: string): string {
    const v = this.get(path);
    return truthy(v) ? printed(v) : fallback;
  }

  /** An integer value (`int .x`), undefined when absent or not a number. */
  int(path: YamlPath): number | undefined {
    const v = this.get(path);
    const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
    return Number.isInteger(n) ? n : undefined;
  }

  map(path: YamlPath): { [key: string]: Plain } {
    const v = this.get(path);
    return isPlainObject(v) ? v : {};
  }

  list(path: YamlPath): Plain[] {
    const v = this.get(path);
    return Array.isArray(v) ? v : [];
  }

  /** A map of strings (labels, annotations) with non-string scalars printed; other entries dropped. */
  stringMap(path: YamlPath): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(this.map(path))) if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") out[k] = String(x);
    return out;
  }
}
