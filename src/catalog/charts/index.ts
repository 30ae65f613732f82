/**
 * The chart knowledge registry (issue 6, Deliver item 2): what each known chart renders, by
 * chart name and major version. Adding a chart is adding one file and one line to KNOWLEDGE.
 *
 * A chart is matched by the last segment of its name (`bitnami/postgresql`,
 * `oci://registry-1.docker.io/bitnamicharts/postgresql` and `postgresql` are the same chart);
 * a version picks the entry whose `majors` hold its major, and a version outside every range
 * gets the closest entry (the stage notes it: chartKnowledgeMatch says whether it is in range).
 */
import type { ChartKnowledge } from "../../helm/types.js";
import { cassandra } from "./cassandra.js";
import { cloudnativePgCluster } from "./cloudnative-pg-cluster.js";
import { elasticsearch } from "./elasticsearch.js";
import { etcd } from "./etcd.js";
import { kafka } from "./kafka.js";
import { mariadb } from "./mariadb.js";
import { minio } from "./minio.js";
import { mongodb } from "./mongodb.js";
import { mysql } from "./mysql.js";
import { opensearch } from "./opensearch.js";
import { postgresql } from "./postgresql.js";
import { postgresqlHa } from "./postgresql-ha.js";
import { rabbitmq } from "./rabbitmq.js";
import { redis } from "./redis.js";
import { velero } from "./velero.js";

/**
 * Knowledge whose render never throws (no input file crashes the tool, SPEC section 7): a value of
 * a shape no template expects gives no objects and an unknown at the release declaration.
 */
function guarded(k: ChartKnowledge): ChartKnowledge {
  return {
    ...k,
    render(release) {
      try {
        return k.render(release);
      } catch (e) {
        return { objects: [], unknowns: [{ what: `release ${release.name} (chart ${release.chart.name})`, reason: `its values could not be rendered by the chart knowledge (${(e as Error).message})`, location: release.declaredAt }] };
      }
    },
  };
}

const KNOWLEDGE: readonly ChartKnowledge[] = [
  postgresql,
  postgresqlHa,
  mysql,
  mariadb,
  mongodb,
  redis,
  kafka,
  rabbitmq,
  elasticsearch,
  opensearch,
  minio,
  etcd,
  cassandra,
  velero,
  cloudnativePgCluster,
].map(guarded);

/**
 * Chart names too generic to trust alone: `cluster` is CloudNativePG's only when the name or the
 * repository says cloudnative-pg (cnpg), so another chart called `cluster` is not rendered as one.
 */
const QUALIFIED: Readonly<Record<string, RegExp>> = { cluster: /cloudnative-pg|cnpg/i };

/** `oci://registry-1.docker.io/bitnamicharts/postgresql` → `postgresql` (a packaged `postgresql-17.1.0.tgz` too). */
export function chartBaseName(chartName: string): string {
  const last = chartName.trim().replace(/\/+$/, "").split("/").pop() ?? "";
  return last.replace(/\.tgz$/i, "").replace(/-\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/, "").toLowerCase();
}

/** The major of a version as charts and releases write it (`17.1.0`, `v17`, `17.x.x`, `~17.1`, `^16`); undefined when none. */
export function versionMajor(version: string | undefined): number | undefined {
  if (!version) return undefined;
  const m = /(\d+)/.exec(version);
  return m ? Number(m[1]) : undefined;
}

function distance(k: ChartKnowledge, major: number): number {
  return major < k.majors.min ? k.majors.min - major : major > k.majors.max ? major - k.majors.max : 0;
}

export interface ChartKnowledgeMatch {
  knowledge: ChartKnowledge;
  /** True when the version's major is in the entry's range; false when the closest entry was taken; undefined when no version was given. */
  versionInRange: boolean | undefined;
}

/**
 * The knowledge for a chart and version, and whether the version is one it was written for.
 * `repository` (helm_release `repository`, a Chart.yaml dependency's) qualifies generic names.
 */
export function chartKnowledgeMatch(chartName: string, version?: string, repository?: string): ChartKnowledgeMatch | undefined {
  const base = chartBaseName(chartName);
  const qualifier = QUALIFIED[base];
  if (qualifier && !qualifier.test(chartName) && !(repository && qualifier.test(repository))) return undefined;
  const candidates = KNOWLEDGE.filter((k) => k.charts.includes(base));
  if (candidates.length === 0) return undefined;
  const major = versionMajor(version);
  if (major === undefined) return { knowledge: candidates[0]!, versionInRange: undefined };
  const best = [...candidates].sort((a, b) => distance(a, major) - distance(b, major) || b.majors.max - a.majors.max)[0]!;
  return { knowledge: best, versionInRange: distance(best, major) === 0 };
}

/** The knowledge for a chart (see chartKnowledgeMatch); undefined for a chart nobody described. */
export function chartKnowledge(chartName: string, version?: string, repository?: string): ChartKnowledge | undefined {
  return chartKnowledgeMatch(chartName, version, repository)?.knowledge;
}

/** Every entry, for listing what is known. */
export function knownCharts(): readonly ChartKnowledge[] {
  return KNOWLEDGE;
}

export { CHART_BACKUP_API_VERSION, CHART_BACKUP_KIND } from "./chart-backup.js";
export type { ChartBackupSpec, ChartBackupTarget, ChartBackupTool } from "./chart-backup.js";
export { REPLICA_OF } from "./bitnami.js";
export { ENCRYPTION_AT_REST, ENCRYPTION_KEY_SOURCE } from "./mariadb.js";
