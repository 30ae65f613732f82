/**
 * The Helm and Kubernetes stage (issue 6): from the scan's YAML files, chart directories,
 * packaged subcharts, Terraform helm_release resources, Argo CD Applications, Flux
 * HelmReleases and helmfile releases to Kubernetes objects, each with where it runs and where
 * each of its fields is decided. Parsing only: what the objects mean for backups is the
 * catalog's (src/catalog/kubernetes.ts), what a chart renders is its knowledge file's
 * (src/catalog/charts).
 */
import type { ClusterConfig } from "../policy/config.js";
import type { FileProblem } from "../rules/types.js";
import type { EvaluatedRoot } from "../terraform/types-evaluated.js";
import type { HelmRelease, K8sObject } from "./types.js";

export interface KubernetesInput {
  /** YAML files of the scan (values files, Chart.yaml, helmfile.yaml, manifests), by path relative to the scan root. */
  yamlFiles: readonly { path: string; text: string }[];
  /** Packaged subcharts (`charts/*.tgz`), read in place. */
  archives: readonly { path: string; bytes: Uint8Array }[];
  /** `--values`/`-f` files, in order: applied to the releases of the chart directories given. */
  valuesFiles: readonly { path: string; text: string }[];
  /** Manifests read from standard input (`restorable scan -`). */
  stdin?: string;
  /** Evaluated Terraform roots, for helm_release resources and clusters defined in the scan. */
  terraform: readonly EvaluatedRoot[];
  /** `clusters:` of the config. */
  clusters: readonly ClusterConfig[];
}

export interface KubernetesResult {
  releases: HelmRelease[];
  objects: K8sObject[];
  /** Unparseable files and charts that could not be read: CFG-001. */
  problems: FileProblem[];
  /** What the summary says (a namespace defaulted, a chart not known, an environment). */
  notes: { subject: string; what: string; reason: string; location?: FileProblem["location"] }[];
}

export function loadKubernetes(_input: KubernetesInput): KubernetesResult {
  return { releases: [], objects: [], problems: [], notes: [] };
}

export type { ClusterPlace, HelmRelease, K8sObject } from "./types.js";
