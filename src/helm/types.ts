/**
 * The Helm and Kubernetes side of the pipeline (issue 6). Every input — a rendered manifest,
 * a chart directory with its values, a Terraform helm_release, an Argo CD Application, a Flux
 * HelmRelease, a helmfile release — ends as Kubernetes objects (`K8sObject`): manifests give
 * them directly; releases give them through chart knowledge (src/catalog/charts), which renders
 * from the coalesced values what the chart would create. The catalog (src/catalog/kubernetes.ts)
 * then turns objects into graph nodes, whatever their source.
 */
import type { Fact, Location } from "../graph/types.js";
import type { Plain, YamlPath } from "./yaml.js";
import type { Values, ValueOrigin } from "./values.js";

/** Where objects run: a cluster of `clusters:` in the config, or one defined in the scan (EKS, GKE, AKS). */
export interface ClusterPlace {
  /** The cluster's name (config) or Terraform address. */
  name: string;
  provider: "aws" | "google" | "azurerm" | "unknown";
  region: Fact<string>;
  account: Fact<string | null>;
  /** Where the binding is declared (the config entry, the helm provider's kubernetes block). */
  location?: Location;
}

/** How a release was declared. */
export type ReleaseSource = "chart-directory" | "umbrella-dependency" | "helm_release" | "argocd-application" | "flux-helmrelease" | "helmfile";

/** A Helm release: a chart installed under a name in a namespace, with its coalesced values. */
export interface HelmRelease {
  /** Unique in the scan: `${root}::${name}` plus the environment when there is one. */
  id: string;
  name: string;
  /** Declared namespace, else "default" (issue 6: said in the summary). */
  namespace: Fact<string>;
  namespaceDeclared: boolean;
  chart: {
    name: string;
    /** Version as declared (Chart.yaml `version`, helm_release `version`), when known. */
    version?: string;
    repository?: string;
    /** The chart's directory in the scan, when it is there (its values.yaml gave the defaults). */
    directory?: string;
    /**
     * The Chart.yaml dependency's `alias`, when it sets one: templates see it as `.Chart.Name`
     * (Helm renames the subchart: pkg/chartutil/dependencies.go getAliasDependency), so names
     * built from the chart name (`<release>-<chart>`) use it.
     */
    alias?: string;
  };
  source: ReleaseSource;
  /** Folder the release belongs to (chart directory, Terraform root, manifest folder): the node's `root`. */
  root: string;
  /** Where the release is declared: a finding from a chart default with no user key lands here. */
  declaredAt: Location;
  values: Values;
  /** Variant name ("" for the default): `values-prod.yaml` beside a chart makes environment "values-prod.yaml". */
  environment: string;
  cluster?: ClusterPlace;
}

/** A Kubernetes object from a manifest or rendered by chart knowledge from a release. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** metadata.namespace, else the release's, else "default" for namespaced kinds. */
  namespace: Fact<string>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The object as plain data (apiVersion, kind, metadata, spec...). */
  body: Plain;
  /** Folder of the file or release it comes from (the graph node's `root`). */
  root: string;
  environment: string;
  cluster?: ClusterPlace;
  /** The release that renders it, when it comes from chart knowledge. */
  release?: HelmRelease;
  /** Where the object is declared: the manifest document's `kind` line, or the release declaration. */
  location: Location;
  /** Where the field at a path of `body` is decided, with related locations and properties. */
  origin(path: YamlPath): ValueOrigin;
}

/** What chart knowledge returns for a release: the objects the chart would render. */
export interface ChartRendering {
  objects: K8sObject[];
  /** Values it could not judge (a template default it does not know), for the scan's unknowns. */
  unknowns?: { what: string; reason: string; location: Location }[];
}

/** Chart knowledge, one file per chart (src/catalog/charts/<chart>.ts): adding a chart is adding one file. */
export interface ChartKnowledge {
  /** Chart names it knows (`postgresql`, or `bitnami/postgresql` as repositories write it is matched by its last segment). */
  charts: readonly string[];
  /** Chart major versions it was written for (`>=16 <18`); another major is rendered with a warning unknown, never guessed silently. */
  majors: { min: number; max: number };
  /** Source of the keys and defaults (chart repository, version, commit). */
  source: string;
  /** Defaults of the keys it reads, used when the chart's values.yaml is not in the scan. */
  defaults: Plain;
  render(release: HelmRelease): ChartRendering;
}

export type { Values, ValueOrigin };
