/**
 * What evaluation hands to normalization: every resource instance of every root,
 * with its attribute values (three-valued), the source range of each attribute
 * and nested block, and its provider configuration (region, account, default tags).
 */
import type { Range } from "../hcl/ast.js";
import type { Unknown, Value } from "./value.js";

/** A source range in a file (path relative to the scan root). */
export interface FileRange {
  file: string;
  range: Range;
}

export interface EvaluatedAttribute {
  value: Value;
  /** The whole `name = expr` range. */
  at: FileRange;
  /** When the expression is a list literal `[a, b]`: the range of each item (a helm_release `values` entry, a v3 `set` entry). */
  items?: FileRange[];
}

export interface EvaluatedBody {
  attributes: Map<string, EvaluatedAttribute>;
  /** Nested blocks in source order; `dynamic` blocks are already expanded. */
  blocks: EvaluatedBlock[];
  /** Nested block types whose `dynamic` expansion could not be known (for_each unknown). */
  unknownBlocks: Map<string, Unknown>;
}

export interface EvaluatedBlock extends EvaluatedBody {
  type: string;
  labels: string[];
  /** Header of the block (for a dynamic block: its `content` header). */
  at: FileRange;
}

export interface ProviderInstance {
  /** Provider local name, e.g. `aws`. */
  name: string;
  /** `aws` or `aws.west`; as referenced from the root module. */
  key: string;
  /** Where the provider block is, when there is one. */
  at?: FileRange;
  region: Value;
  /** Account id when knowable (allowed_account_ids with one entry, assume_role ARN). */
  account: Value;
  /** `default_tags { tags = {...} }` (AWS), `default_labels` (Google); an object or null. */
  defaultTags: Value;
  /**
   * helm provider: the cluster it installs into, from `kubernetes { host = ... }` (provider v2) or
   * `kubernetes = { host = ... }` (v3); `at` is the `host` attribute. `clusterName` is the `name` of a
   * cluster data source the host reads (`data.aws_eks_cluster.this.endpoint`), evaluated, when it reads one.
   */
  kubernetes?: { host: Value; clusterName?: Value; at: FileRange };
}

export interface ResourceInstance {
  /** Address within the root: `module.db.aws_db_instance.this[0]`, `aws_s3_bucket.b["eu"]`, `aws_x.y[*]` when count/for_each is unknown. */
  address: string;
  /** The address without instance keys of the resource itself (`module.db.aws_db_instance.this`). */
  resourceAddress: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  /** Module path prefix (`module.db`, "" in the root). */
  modulePath: string;
  /** Root module directory relative to the scan root. */
  root: string;
  /** Block header and whole block. */
  header: FileRange;
  block: FileRange;
  body: EvaluatedBody;
  provider: ProviderInstance;
  /** True when this instance stands for an unknown number of instances (`[*]`). */
  expansionUnknown?: Unknown;
  /** `lifecycle { prevent_destroy = true }` (must be literal in Terraform). */
  preventDestroy: boolean;
}

/** A module call whose source is not available (registry module without `.terraform/modules`). */
export interface UnresolvedModule {
  root: string;
  address: string;
  source: string;
  at: FileRange;
  /** Addresses of resources referenced (by ResourceRef) in its inputs. */
  referencedAddresses: string[];
  reason: string;
}

export interface EvaluatedRoot {
  /** Root module directory relative to the scan root ("." for the scan root). */
  root: string;
  environment: string;
  resources: ResourceInstance[];
  unresolvedModules: UnresolvedModule[];
  /** Decisions that could not be made during evaluation (unknown count/for_each, missing variable values...). */
  unknowns: { subject: string; what: string; reason: string; hint?: string; at?: FileRange }[];
  /** The root's `terraform { backend "TYPE" { bucket = ... } }`, when declared (bucket only when a literal). */
  backend?: { type: string; bucket?: string; at: FileRange };
  /** Problems to report as configuration findings (module source escaping the root, cycles, bombs). */
  problems: { message: string; at: FileRange }[];
}
