/**
 * Shared reading of Kubernetes objects for the Kubernetes catalog: values at paths, pod specs and
 * containers, the engine a container image runs, where an object runs (its cluster), identities of
 * graph nodes, where a field is decided (anchors with their related locations and properties),
 * Go durations and the cron dialects of Velero, CloudNativePG and k8up.
 */
import type { BackupSelection, Component, Fact, Location, NodeIdentity, ResourceSelector, TagCriterion, UnknownFact } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import { objectAddress } from "../helm/objects.js";
import type { K8sObject } from "../helm/types.js";
import { firstLine, isPlainObject, pathText, valueAt, type Plain, type YamlPath } from "../helm/yaml.js";
import { unixCronIntervalHours } from "./schedule.js";

export type { K8sObject };

/** The value at a path of an object's body. */
export function at(o: K8sObject, path: YamlPath): Plain | undefined {
  return valueAt(o.body, path);
}

export function strAt(o: K8sObject, path: YamlPath): string | undefined {
  const v = at(o, path);
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** A boolean field; Kubernetes decodes YAML booleans, a quoted "true" is not one (it is rejected), so only real booleans count. */
export function boolAt(o: K8sObject, path: YamlPath): boolean | undefined {
  const v = at(o, path);
  return typeof v === "boolean" ? v : undefined;
}

export function listAt(o: K8sObject, path: YamlPath): Plain[] {
  const v = at(o, path);
  return Array.isArray(v) ? v : [];
}

export function stringList(v: Plain | undefined): string[] {
  return Array.isArray(v) ? v.flatMap((x) => (typeof x === "string" ? [x] : [])) : [];
}

export function stringMap(v: Plain | undefined): Record<string, string> {
  if (!isPlainObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") out[k] = String(x);
  return out;
}

export function apiGroup(o: Pick<K8sObject, "apiVersion">): string {
  const i = o.apiVersion.indexOf("/");
  return i < 0 ? "" : o.apiVersion.slice(0, i);
}

export function isKind(o: K8sObject, group: string, kind: string): boolean {
  return o.kind === kind && apiGroup(o) === group;
}

/** Kinds that run pods, with the path of their pod spec. https://kubernetes.io/docs/concepts/workloads/ */
const POD_SPEC_PATHS: Readonly<Record<string, YamlPath>> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

export function podSpecPath(o: K8sObject): YamlPath | undefined {
  const group = apiGroup(o);
  if (group !== "" && group !== "apps" && group !== "batch") return undefined;
  return POD_SPEC_PATHS[o.kind];
}

/** Labels and annotations of the pods an object runs (a Pod's own metadata). */
export function podMetadata(o: K8sObject): { labels: Record<string, string>; annotations: Record<string, string> } {
  const spec = podSpecPath(o);
  if (!spec) return { labels: {}, annotations: {} };
  if (o.kind === "Pod") return { labels: o.labels, annotations: o.annotations };
  const meta = [...spec.slice(0, -1), "metadata"];
  return { labels: stringMap(at(o, [...meta, "labels"])), annotations: stringMap(at(o, [...meta, "annotations"])) };
}

export interface Container {
  name: string;
  image: string;
  /** command and args, as one list. */
  argv: string[];
  path: YamlPath;
}

/** The containers of an object's pods (init containers excluded: they do not keep data). */
export function containersOf(o: K8sObject): Container[] {
  const spec = podSpecPath(o);
  if (!spec) return [];
  return listAt(o, [...spec, "containers"]).flatMap((c, i) => {
    if (!isPlainObject(c)) return [];
    const argv = [...stringList(c.command), ...stringList(c.args)];
    return [{ name: typeof c.name === "string" ? c.name : "", image: typeof c.image === "string" ? c.image : "", argv, path: [...spec, "containers", i] }];
  });
}

export interface PodVolume {
  name: string;
  claimName?: string;
  emptyDir: boolean;
  path: YamlPath;
}

export function podVolumesOf(o: K8sObject): PodVolume[] {
  const spec = podSpecPath(o);
  if (!spec) return [];
  return listAt(o, [...spec, "volumes"]).flatMap((v, i) => {
    if (!isPlainObject(v) || typeof v.name !== "string") return [];
    const pvc = v.persistentVolumeClaim;
    const claimName = isPlainObject(pvc) && typeof pvc.claimName === "string" ? pvc.claimName : undefined;
    return [{ name: v.name, ...(claimName !== undefined ? { claimName } : {}), emptyDir: v.emptyDir !== undefined, path: [...spec, "volumes", i] }];
  });
}

export type Engine = {
  engine: string;
  kind: "database" | "cache" | "stream" | "queue" | "search-index" | "object-store" | "warehouse";
  /** False for stores that cannot be backed up (memcached keeps nothing on disk). */
  backupCapable: boolean;
};

/** Image name tokens of the data stores the catalog knows, with the component kind each gives (SPEC section 2). */
const ENGINES: Readonly<Record<string, Engine>> = {
  postgres: { engine: "postgresql", kind: "database", backupCapable: true },
  postgresql: { engine: "postgresql", kind: "database", backupCapable: true },
  mysql: { engine: "mysql", kind: "database", backupCapable: true },
  mariadb: { engine: "mariadb", kind: "database", backupCapable: true },
  mongo: { engine: "mongodb", kind: "database", backupCapable: true },
  mongodb: { engine: "mongodb", kind: "database", backupCapable: true },
  etcd: { engine: "etcd", kind: "database", backupCapable: true },
  cassandra: { engine: "cassandra", kind: "database", backupCapable: true },
  redis: { engine: "redis", kind: "cache", backupCapable: true },
  valkey: { engine: "valkey", kind: "cache", backupCapable: true },
  memcached: { engine: "memcached", kind: "cache", backupCapable: false },
  kafka: { engine: "kafka", kind: "stream", backupCapable: true },
  rabbitmq: { engine: "rabbitmq", kind: "queue", backupCapable: true },
  elasticsearch: { engine: "elasticsearch", kind: "search-index", backupCapable: true },
  opensearch: { engine: "opensearch", kind: "search-index", backupCapable: true },
  minio: { engine: "minio", kind: "object-store", backupCapable: true },
  clickhouse: { engine: "clickhouse", kind: "warehouse", backupCapable: true },
};

/**
 * Image name tokens of companions that run beside a store but keep no data of it (exporters,
 * dashboards, Redis Sentinel, ClickHouse Keeper, Kafka Connect, operators, clients and UIs).
 */
const COMPANION_TOKENS = new Set(["exporter", "dashboards", "dashboard", "sentinel", "operator", "client", "proxy", "ui", "cli", "agent", "shell", "keeper", "metrics", "backup", "connect", "console", "commander", "init", "tools", "controller", "webhook"]);

/** The repository's last path segment of an image reference, without registry, tag or digest. */
export function imageName(image: string): string {
  const noDigest = image.split("@")[0] ?? "";
  const last = noDigest.split("/").pop() ?? "";
  return last.split(":")[0]!.toLowerCase();
}

/** The data store an image runs, when it is one the catalog knows (`docker.io/bitnami/postgresql:16`, `mongo:7`). */
export function engineOfImage(image: string): Engine | undefined {
  const tokens = imageName(image).split(/[-_.]/).filter(Boolean);
  if (tokens.some((t) => COMPANION_TOKENS.has(t))) return undefined;
  for (const t of tokens) if (ENGINES[t]) return ENGINES[t];
  return undefined;
}

/** The store the object's pods run: the first container whose image is a known store. */
export function engineOf(o: K8sObject): { engine: Engine; container: Container } | undefined {
  for (const c of containersOf(o)) {
    const engine = engineOfImage(c.image);
    if (engine) return { engine, container: c };
  }
  return undefined;
}

/** Region and account of the cluster an object runs in; unknown with a hint when no cluster is known. */
export function placeOf(o: K8sObject): { region: Fact<string>; account: Fact<string | null>; cluster?: string } {
  if (!o.cluster) {
    const why = unknownFact(
      `no cluster is known for ${objectAddress(o)}, so its region is unknown`,
      "add clusters: to .restorable.yml with the cluster's region and the paths of these manifests or charts",
    );
    return { region: why, account: null };
  }
  return { region: o.cluster.region, account: o.cluster.account, cluster: o.cluster.name };
}

/** The node id of an object's node: unique per environment (a Helm `values-prod.yaml` variant renders the same addresses). */
export function nodeId(root: string, address: string, environment: string): string {
  return environment ? `${root}::${address}::${environment}` : `${root}::${address}`;
}

/** Identity of a graph node made from an object; `address` defaults to the object's `Kind/namespace/name`. */
export function identityOf(o: K8sObject, type: string, address = objectAddress(o)): NodeIdentity {
  return {
    id: nodeId(o.root, address, o.environment),
    root: o.root,
    address,
    type,
    location: o.location,
    anchors: {},
    ...(o.environment ? { environment: o.environment } : {}),
  };
}

/** The type name of a node from an object: the kind for core and apps objects, `group/Kind` for custom resources. */
export function typeOf(o: K8sObject): string {
  const group = apiGroup(o);
  return group === "" || group === "apps" || group === "batch" ? o.kind : `${group}/${o.kind}`;
}

/**
 * Where the field at `path` of an object is decided, recorded as an anchor of `node`: the manifest's
 * own line, or for an object a chart renders, the user's values key (else the nearest user-written
 * key, else the release declaration) with the chart default's line related and the key path, value
 * and origin as properties (issue 6, Locations). `valuesPath` names the values key directly when the
 * field maps to one the object does not render (a chart option that renders nothing when off).
 */
export function anchorAt(node: NodeIdentity, key: string, o: K8sObject, path: YamlPath, valuesPath?: YamlPath): Location {
  const origin = o.release && valuesPath ? o.release.values.origin(valuesPath) : o.origin(path);
  const location = o.release ? origin.location : path.length > 0 ? firstLine(origin.location) : o.location;
  node.anchors[key] = location;
  if (o.release) {
    const details: NonNullable<NodeIdentity["anchorDetails"]>[string] = { properties: { ...origin.properties } };
    if (origin.related?.length) details.related = origin.related;
    node.anchorDetails = { ...(node.anchorDetails ?? {}), [key]: details };
  }
  return location;
}

/** A field's location without recording an anchor (for related locations): its first line in a manifest, the deciding values key of a chart. */
export function locationOf(o: K8sObject, path: YamlPath): Location {
  if (path.length === 0) return o.location;
  const l = o.origin(path).location;
  return o.release ? l : firstLine(l);
}

export function keyText(path: YamlPath): string {
  return pathText(path);
}

// ---- durations and schedules -------------------------------------------------------------------

const GO_UNITS_HOURS: Readonly<Record<string, number>> = { ns: 1 / 3.6e12, us: 1 / 3.6e9, "µs": 1 / 3.6e9, "μs": 1 / 3.6e9, ms: 1 / 3.6e6, s: 1 / 3600, m: 1 / 60, h: 1 };

/**
 * A Go duration (`time.ParseDuration`: a sequence of decimal numbers with a unit ns, us/µs, ms, s, m, h;
 * no days or years), in hours; undefined when it is not one. https://pkg.go.dev/time#ParseDuration
 */
export function goDurationHours(text: string): number | undefined {
  const s = text.trim();
  if (s === "0" || s === "+0" || s === "-0") return 0;
  const body = /^[+-]?(.+)$/.exec(s)?.[1];
  if (!body) return undefined;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < body.length) {
    part.lastIndex = pos;
    const m = part.exec(body);
    if (!m) return undefined;
    total += Number(m[1]) * GO_UNITS_HOURS[m[2]!]!;
    pos = part.lastIndex;
  }
  return s.startsWith("-") ? -total : total;
}

/**
 * Largest gap between runs of a robfig/cron schedule as Velero and k8up parse it (`cron.ParseStandard`):
 * five fields, a predefined `@daily`..., `@every <Go duration>`, optionally after `CRON_TZ=`/`TZ=`.
 * https://pkg.go.dev/github.com/robfig/cron/v3#hdr-Intervals
 */
export function robfigIntervalHours(expr: string): Fact<number> {
  const s = expr.trim().replace(/^(CRON_TZ|TZ)=\S+\s+/, "");
  const every = /^@every\s+(\S+)$/.exec(s);
  if (every) {
    const h = goDurationHours(every[1]!);
    return h !== undefined && h > 0 ? h : unknownFact(`schedule "${expr}" has no valid @every duration`);
  }
  return unixCronIntervalHours(s);
}

/**
 * Largest gap between runs of a CloudNativePG ScheduledBackup schedule: six fields, seconds first
 * (robfig/cron v1 `cron.Parse`), or a predefined `@daily`... A single-second field runs once a
 * minute at most, so the five other fields decide the gap.
 * https://cloudnative-pg.io/documentation/current/backup/#scheduled-backups
 */
export function cronWithSecondsIntervalHours(expr: string): Fact<number> {
  const s = expr.trim();
  if (s.startsWith("@")) return robfigIntervalHours(s);
  const fields = s.split(/\s+/);
  if (fields.length !== 6) return unknownFact(`schedule "${expr}" does not have six fields (CloudNativePG schedules start with seconds)`);
  if (!/^\d+$/.test(fields[0]!)) return unknownFact(`schedule "${expr}" runs several times a minute`);
  return unixCronIntervalHours(fields.slice(1).join(" "));
}

/**
 * Largest gap between runs of a k8up schedule: robfig/cron, plus k8up's randomized predefined
 * schedules, which run once per period at a time derived from the Schedule's name
 * (operator/schedulecontroller/randomizer.go: `@daily-random` is `M H * * *`, `@monthly-random`
 * picks a day of month up to 27; `@annually-random` is not randomized there, so it is left unknown).
 */
export function k8upIntervalHours(expr: string): Fact<number> {
  const s = expr.trim();
  const random: Record<string, string> = { "@hourly-random": "0 * * * *", "@daily-random": "0 0 * * *", "@weekly-random": "0 0 * * 0", "@monthly-random": "0 0 1 * *", "@yearly-random": "0 0 1 1 *" };
  if (random[s]) return unixCronIntervalHours(random[s]!);
  if (s.endsWith("-random")) return unknownFact(`k8up schedule "${expr}" is not one it randomizes`);
  return robfigIntervalHours(s);
}

export function unknownOr<T>(v: Fact<T> | undefined, fallback: UnknownFact): Fact<T> {
  return v === undefined ? fallback : v;
}

export function isKnown<T>(v: Fact<T> | undefined): v is T {
  return v !== undefined && !isUnknownFact(v);
}

export function uniqueStrings(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

// ---- plans and selections ----------------------------------------------------------------------

/**
 * A selection of the components of one namespace (of the object's cluster) whose labels meet every
 * condition: how operator and chart backups pick the data they back up.
 */
export function namespaceSelection(owner: K8sObject, address: string, planId: string, place: { region: Fact<string>; account: Fact<string | null> }, conditions: TagCriterion[], notResources: ResourceSelector[] = []): BackupSelection {
  const sel: BackupSelection = {
    ...identityOf(owner, typeOf(owner), address),
    node: "backup-selection",
    provider: "kubernetes",
    planId,
    region: place.region,
    account: place.account,
    resources: [],
    notResources,
    anyTags: [],
    allConditions: conditions,
    namespaces: { include: typeof owner.namespace === "string" ? [owner.namespace] : [], exclude: [] },
  };
  // A namespace that is not known may be any: every component the labels select is unknown, not covered.
  if (isUnknownFact(owner.namespace)) sel.allConditions = [...conditions, { key: owner.namespace, value: "", op: "exists", location: owner.location }];
  if (owner.cluster) sel.cluster = owner.cluster.name;
  return sel;
}

/** A reference that resolves to exactly this component (coverage finds references by `root::address`). */
export function refTo(c: Component): ResourceSelector {
  return { by: "ref", root: c.root, address: c.id.slice(c.root.length + 2), location: c.location };
}
