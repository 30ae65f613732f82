/**
 * bitnami/opensearch (research: chart 2.0.11). Master and data nodes as bitnami/elasticsearch
 * (templates/{master,data}/statefulset.yaml, same helpers). Snapshot management
 * (`snapshots.enabled`, default false, line 3518): a post-install Job (templates/snapshots/init-job.yaml)
 * PUTs each `snapshots.repositories.<name>` to `/_snapshot/<name>` and each
 * `snapshots.policies.<name>` to `/_plugins/_sm/policies/<name>`; each policy becomes a ChartBackup.
 *
 * - Schedule: `creation.schedule.cron.expression` (default `0 20 * * *`, line 3651) and its timezone.
 * - Retention: `deletion.condition.max_age` (default `7d`, line 3655) and `max_count`; a policy
 *   without `deletion` never deletes (OpenSearch snapshot management).
 * - Target: the policy's `snapshot_config.repository` (default `default`, line 3664). An `fs`
 *   repository (the default, `settings.location: /snapshots`, lines 3671-3672) is the snapshots
 *   PVC in the cluster when `snapshots.persistence.enabled` (default false, line 3590; RWX, 8Gi);
 *   `s3` is a bucket (`settings.bucket`, `settings.region`, `server_side_encryption`).
 * `snapshotRepoPath` (line 103) must equal each fs repository's location or the template fails.
 */
import type { ChartKnowledge, ChartRendering, HelmRelease, K8sObject } from "../../helm/types.js";
import { isPlainObject, type YamlPath } from "../../helm/yaml.js";
import { Bitnami } from "./bitnami.js";
import { chartBackup, type ChartBackupTarget } from "./chart-backup.js";
import { compact } from "./fields.js";
import { dataNodes, nodeDefaults, searchDefaults, searchNodes } from "./elasticsearch.js";
import { dnsName, printed, truthy } from "./template.js";

/**
 * Days of an OpenSearch time value (`7d`, `36h`, `90m`): the units of
 * https://opensearch.org/docs/latest/api-reference/units/ . Undefined when it is not one.
 */
export function timeValueDays(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(d|h|m|s|ms|micros|nanos)\s*$/.exec(text);
  if (!m) return undefined;
  const seconds: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1, ms: 1e-3, micros: 1e-6, nanos: 1e-9 };
  return (Number(m[1]) * seconds[m[2]!]!) / 86400;
}

/**
 * Name of the snapshots PVC. Not verified against the 2.x template (not in the research
 * snapshot's notes); `<fullname>-snapshots` follows the chart's other names.
 */
function snapshotClaimName(b: Bitnami): string {
  return dnsName(`${b.fullname()}-snapshots`);
}

type Unknowns = NonNullable<ChartRendering["unknowns"]>;

interface RepositoryTarget {
  target: ChartBackupTarget;
  encrypted: boolean | null;
  /** Keys deciding the target and its encryption. */
  targetPath: YamlPath;
  encryptedPath: YamlPath;
}

/** Where a policy's repository keeps snapshots: the snapshots PVC (fs) or a bucket (s3). */
function repositoryTarget(b: Bitnami, policyAt: YamlPath, policy: string, unknowns: Unknowns): RepositoryTarget {
  const repoName = b.v.string([...policyAt, "snapshot_config", "repository"]);
  const repoAt = ["snapshots", "repositories", repoName];
  const repo = b.v.map(repoAt);
  const type = printed(repo.type);
  if (type === "fs") {
    if (b.v.string(["snapshotRepoPath"]) !== printed(b.v.get([...repoAt, "settings", "location"]))) {
      unknowns.push({ what: `OpenSearch snapshot repository ${repoName}`, reason: `helm template fails: the fs location of ${repoName} must equal snapshotRepoPath (templates/snapshots/repos-cm.yaml)`, location: b.release.values.origin(["snapshotRepoPath"]).location });
    }
    const persistence: YamlPath = ["snapshots", "persistence", "enabled"];
    if (!b.v.truthy(persistence)) {
      unknowns.push({
        what: `OpenSearch snapshot repository ${repoName}`,
        reason: `the fs repository ${repoName} has no snapshots PVC (snapshots.persistence.enabled is off): where its snapshots land depends on volumes the chart does not render`,
        location: b.release.values.origin(persistence).location,
      });
      return { target: { kind: "pvc", claimName: null }, encrypted: null, targetPath: persistence, encryptedPath: persistence };
    }
    const sc = b.storageClass(["snapshots", "persistence"]);
    return { target: { kind: "pvc", claimName: snapshotClaimName(b), ...(sc.name === undefined ? {} : { storageClass: sc.name }) }, encrypted: null, targetPath: persistence, encryptedPath: sc.path };
  }
  if (type === "s3") {
    const settings = b.v.map([...repoAt, "settings"]);
    const str = (k: string) => (truthy(settings[k]) ? printed(settings[k]) : undefined);
    const target = compact({ kind: "object-store", bucket: str("bucket"), region: str("region"), endpoint: str("endpoint"), basePath: str("base_path") }) as ChartBackupTarget;
    // repository-s3 `server_side_encryption: true` asks S3 for AES256 on every object; else the bucket's default decides.
    const sse = settings.server_side_encryption === true || settings.server_side_encryption === "true";
    return { target, encrypted: sse ? true : null, targetPath: repoAt, encryptedPath: [...repoAt, "settings", "server_side_encryption"] };
  }
  unknowns.push({
    what: `OpenSearch snapshot repository ${repoName || "(none)"}`,
    reason: repoName && Object.keys(repo).length ? `repository type "${type}" is not one the chart knowledge models (fs, s3)` : `policy ${policy} names a repository not in snapshots.repositories`,
    location: b.release.values.origin([...policyAt, "snapshot_config", "repository"]).location,
  });
  return { target: { kind: "pvc", claimName: null }, encrypted: null, targetPath: repoAt, encryptedPath: repoAt };
}

function snapshotBackups(b: Bitnami): ChartRendering {
  if (!b.v.truthy(["snapshots", "enabled"])) return { objects: [] };
  const objects: K8sObject[] = [];
  const unknowns: Unknowns = [];
  for (const [name, policy] of Object.entries(b.v.map(["snapshots", "policies"]))) {
    if (!isPlainObject(policy)) continue;
    const at = ["snapshots", "policies", name];
    const repo = repositoryTarget(b, at, name, unknowns);
    const retention = policyRetention(b, at, name, unknowns);
    const cron = [...at, "creation", "schedule", "cron"];
    const tz = b.v.string([...cron, "timezone"]);
    objects.push(
      chartBackup(
        b.release,
        {
          name: dnsName(`${b.fullname()}-${name}`),
          namespace: b.namespace(true),
          labels: { ...b.standardLabels(b.v.stringMap(["commonLabels"])), "app.kubernetes.io/component": "snapshots" },
          workload: dataNodes(b),
          tool: "opensearch-snapshot-management",
          schedule: b.v.string([...cron, "expression"]),
          ...(tz ? { timeZone: tz } : {}),
          retention,
          target: repo.target,
          encrypted: repo.encrypted,
        },
        {
          enabled: ["snapshots", "enabled"],
          schedule: [...cron, "expression"],
          timeZone: [...cron, "timezone"],
          retention: retentionKey(b, at),
          target: repo.targetPath,
          encrypted: repo.encryptedPath,
          ...(b.namespacePath(true) ? { namespace: ["namespaceOverride"] } : {}),
        },
      ),
    );
  }
  return unknowns.length ? { objects, unknowns } : { objects };
}

/** The key deciding a policy's retention: max_age, else max_count when only that is set. */
function retentionKey(b: Bitnami, at: YamlPath): YamlPath {
  const condition = [...at, "deletion", "condition"];
  const byCount = b.v.get([...condition, "max_age"]) === undefined && b.v.get([...condition, "max_count"]) !== undefined;
  return [...condition, byCount ? "max_count" : "max_age"];
}

function policyRetention(b: Bitnami, at: YamlPath, name: string, unknowns: Unknowns): { days?: number; count?: number } | null {
  if (!isPlainObject(b.v.get([...at, "deletion"]) ?? null)) return null;
  const maxAge = b.v.get([...at, "deletion", "condition", "max_age"]);
  const maxCount = b.v.int([...at, "deletion", "condition", "max_count"]);
  const days = maxAge === undefined ? undefined : timeValueDays(printed(maxAge));
  if (maxAge !== undefined && days === undefined) {
    unknowns.push({ what: `OpenSearch snapshot policy ${name}`, reason: `deletion.condition.max_age "${printed(maxAge)}" is not an OpenSearch time value`, location: b.release.values.origin([...at, "deletion", "condition", "max_age"]).location });
  }
  return { ...(days !== undefined ? { days } : {}), ...(maxCount !== undefined ? { count: maxCount } : {}) };
}

function render(release: HelmRelease): ChartRendering {
  const b = new Bitnami(release, "opensearch");
  const snapshots = snapshotBackups(b);
  return { objects: [...searchNodes(b, "opensearch"), ...snapshots.objects], ...(snapshots.unknowns ? { unknowns: snapshots.unknowns } : {}) };
}

/** Defaults (bitnami/opensearch/values.yaml 2.0.11; lines from the research notes, in the module comment). */
const defaults = {
  ...searchDefaults("bitnami/opensearch"),
  master: nodeDefaults(2), // replicaCount 540, persistence.enabled 820, size 852
  data: nodeDefaults(2), // replicaCount 1082, persistence.enabled 1358, storageClass 1366, size 1390
  snapshots: {
    enabled: false,
    persistence: { enabled: false, storageClass: "", accessModes: ["ReadWriteMany"], size: "8Gi" },
    repositories: { default: { type: "fs", settings: { location: "/snapshots" } } },
    policies: {
      default: {
        creation: { schedule: { cron: { expression: "0 20 * * *" } } },
        deletion: { condition: { max_age: "7d", min_count: 1 } },
        snapshot_config: { repository: "default" },
      },
    },
  },
};

export const opensearch: ChartKnowledge = {
  charts: ["opensearch"],
  majors: { min: 2, max: 2 },
  source: "bitnami/charts bitnami/opensearch 2.0.11 (research snapshot 5165628ae0); templates from bitnami/charts main",
  defaults,
  render,
};
