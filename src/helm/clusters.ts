/**
 * Where objects run (issue 6, Rules: cluster region from config or from a real binding in the scan):
 * - `clusters:` of .restorable.yml: an object or release whose file matches one of a cluster's `paths`
 *   (globs relative to the scan root; a path without a glob also matches the files under it) runs there;
 * - a Terraform helm_release whose helm provider's `kubernetes.host` reads an aws_eks_cluster,
 *   google_container_cluster or azurerm_kubernetes_cluster of the scan (directly, through a local
 *   module's output, or through a cluster data source that names one) runs in that cluster, with its
 *   region and account. Neither: no cluster, so the region is unknown and region rules stay silent.
 */
import picomatch from "picomatch";
import { azurermLocation } from "../catalog/azurerm.js";
import { regionOfLocation } from "../catalog/google-schedule.js";
import { factOfOpaque } from "../catalog/read.js";
import { unknownFact, type Fact, type Location } from "../graph/types.js";
import type { ClusterConfig } from "../policy/config.js";
import type { EvaluatedRoot, ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, isUnknown, type Value } from "../terraform/value.js";
import type { ClusterPlace } from "./types.js";

const CLUSTER_TYPES: Record<string, ClusterPlace["provider"]> = {
  aws_eks_cluster: "aws",
  google_container_cluster: "google",
  azurerm_kubernetes_cluster: "azurerm",
};

export class Clusters {
  private readonly matchers: { config: ClusterConfig; place: ClusterPlace; match: (file: string) => boolean }[];

  constructor(
    config: readonly ClusterConfig[],
    private readonly roots: readonly EvaluatedRoot[],
  ) {
    this.matchers = config.map((c) => ({ config: c, place: configPlace(c), match: pathsMatcher(c.paths) }));
  }

  /** The config cluster whose paths hold `file` (the first one listed). */
  forFile(file: string): ClusterPlace | undefined {
    return this.matchers.find((m) => m.match(file))?.place;
  }

  /** A config cluster by name (an Argo CD `destination.name`). */
  byName(name: string): ClusterPlace | undefined {
    return this.matchers.find((m) => m.config.name === name)?.place;
  }

  /** The cluster a helm_release installs into, from its helm provider's `kubernetes.host`. */
  forHelmRelease(r: ResourceInstance): ClusterPlace | undefined {
    const k = r.provider.kubernetes;
    if (!k) return undefined;
    const cluster = this.clusterResource(r.root, k.host) ?? (k.clusterName !== undefined ? this.clusterResource(r.root, k.clusterName) ?? this.clusterNamed(r.root, k.clusterName) : undefined);
    if (!cluster) return undefined;
    const place = terraformPlace(cluster, (root, address) => this.resource(root, address));
    const location: Location = { file: k.at.file, startLine: k.at.range.start.line, startColumn: k.at.range.start.column, endLine: k.at.range.end.line, endColumn: k.at.range.end.column };
    // A config cluster of the same name is the same cluster: one name, so their objects share selections.
    const configured = this.byName(place.name);
    const region = typeof place.region === "string" || !configured || typeof configured.region !== "string" ? place.region : configured.region;
    return { ...place, region, location };
  }

  private resource(root: string, address: string): ResourceInstance | undefined {
    return this.roots.find((x) => x.root === root)?.resources.find((x) => x.address === address || x.resourceAddress === address);
  }

  /** The cluster resource a value reads by reference (`aws_eks_cluster.shop.endpoint`, `"https://${google_container_cluster.c.endpoint}"`). */
  private clusterResource(root: string, v: Value): ResourceInstance | undefined {
    const ref = isRef(v) ? v : isUnknown(v) ? v.ref : undefined;
    if (!ref) return undefined;
    const r = this.resource(root, ref.address);
    return r && CLUSTER_TYPES[r.type] ? r : undefined;
  }

  /** The one cluster of the scan with this literal name (a data source's `name = "shop"`), same root first. */
  private clusterNamed(root: string, v: Value): ResourceInstance | undefined {
    if (typeof v !== "string") return undefined;
    const named = (rs: readonly ResourceInstance[]) => rs.filter((x) => CLUSTER_TYPES[x.type] && x.body.attributes.get("name")?.value === v);
    const here = named(this.roots.find((x) => x.root === root)?.resources ?? []);
    if (here.length === 1) return here[0];
    const all = named(this.roots.flatMap((x) => x.resources));
    return all.length === 1 ? all[0] : undefined;
  }
}

function configPlace(c: ClusterConfig): ClusterPlace {
  return {
    name: c.name,
    provider: c.provider ?? "unknown",
    region: c.region ?? unknownFact(`cluster ${c.name} of the config names no region`, `add region: to the clusters: entry ${c.name} in .restorable.yml`),
    account: c.account ?? unknownFact(`cluster ${c.name} of the config names no account`, `add account: to the clusters: entry ${c.name} in .restorable.yml`),
    location: c.location,
  };
}

function pathsMatcher(paths: readonly string[]): (file: string) => boolean {
  const tests = paths.map((p) => {
    const glob = p.replace(/^\.\//, "").replace(/\/+$/, "");
    const isGlob = picomatch.scan(glob).isGlob;
    const m = picomatch(glob, { dot: true });
    return (file: string) => m(file) || (!isGlob && (file === glob || file.startsWith(`${glob}/`)));
  });
  return (file) => tests.some((t) => t(file));
}

function fact(v: Value | undefined, what: string): Fact<string> {
  if (typeof v === "string" && v !== "") return v;
  if (v === undefined || v === null) return unknownFact(`${what} is not set`);
  return factOfOpaque(v);
}

function accountFact(v: Value): Fact<string | null> {
  if (typeof v === "string" || v === null) return v;
  return factOfOpaque(v);
}

/** An EKS cluster is in its provider's region; GKE in its `location` (a zone's region); AKS in its `location`. */
function terraformPlace(r: ResourceInstance, resolve: (root: string, address: string) => ResourceInstance | undefined): ClusterPlace {
  const provider = CLUSTER_TYPES[r.type]!;
  const name = r.body.attributes.get("name")?.value;
  const place = { name: typeof name === "string" && name !== "" ? name : r.address, provider };
  if (provider === "google") {
    const location = r.body.attributes.get("location")?.value;
    const project = r.body.attributes.get("project")?.value;
    return {
      ...place,
      region: typeof location === "string" && location !== "" ? regionOfLocation(location) : fact(r.provider.region, `region of ${r.address}`),
      account: typeof project === "string" && project !== "" ? project : accountFact(r.provider.account),
    };
  }
  if (provider === "azurerm") return { ...place, region: azurermLocation(r, resolve), account: accountFact(r.provider.account) };
  return { ...place, region: fact(r.provider.region, `region of ${r.address}`), account: accountFact(r.provider.account) };
}
