/**
 * Backups a chart builds in (issue 6, Deliver 5): the synthetic `restorable.dev/v1 ChartBackup`
 * objects chart knowledge renders for a chart's dump jobs (bitnami postgresql/postgresql-ha
 * pg_dumpall, mongodb mongodump, etcd snapshots, opensearch snapshot management; see
 * src/helm/types.ts and k8s-common.md), and dump CronJobs found in rendered manifests (a command
 * running pg_dumpall, pg_dump, mongodump, mysqldump, mariadb-dump or `etcdctl snapshot save`).
 * Each is a plan with one rule and a selection of its workload's component: interval from the
 * schedule, retention from its pruning (null: never pruned), in the cluster's region when it writes
 * to a PVC (no copy), else copied to its object store; encrypted as the target decides.
 */
import type { BackupPlan, BackupPlanRule, Component, Fact, Mechanism, TagCriterion } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import { objectAddress } from "../helm/objects.js";
import { isPlainObject } from "../helm/yaml.js";
import { anchorAt, at, boolAt, containersOf, identityOf, isKind, locationOf, namespaceSelection, placeOf, podMetadata, podVolumesOf, robfigIntervalHours, strAt, stringMap, typeOf, type K8sObject } from "./kubernetes-common.js";
import { sameNamespace, type Buckets, type StorageClasses } from "./kubernetes-context.js";
import { destinationOf, type Destination } from "./kubernetes-targets.js";
import type { KubernetesComponent } from "./kubernetes-workloads.js";

const TOOL_LABELS: Readonly<Record<string, string>> = {
  pg_dumpall: "pg_dumpall backup",
  pg_dump: "pg_dump backup",
  mongodump: "mongodump backup",
  mysqldump: "mysqldump backup",
  "mariadb-dump": "mariadb-dump backup",
  "etcd-snapshot": "etcd snapshot job",
  "opensearch-snapshot-management": "OpenSearch snapshot management",
};

/** Dump commands in a CronJob and the store each reads. */
const DUMP_COMMANDS: readonly { pattern: RegExp; tool: string; engines: readonly string[] }[] = [
  { pattern: /\bpg_dumpall\b/, tool: "pg_dumpall", engines: ["postgresql"] },
  { pattern: /\bpg_dump\b/, tool: "pg_dump", engines: ["postgresql"] },
  { pattern: /\bmongodump\b/, tool: "mongodump", engines: ["mongodb"] },
  { pattern: /\bmysqldump\b/, tool: "mysqldump", engines: ["mysql", "mariadb"] },
  { pattern: /\bmariadb-dump\b/, tool: "mariadb-dump", engines: ["mariadb", "mysql"] },
  { pattern: /\betcdctl\b.*\bsnapshot\s+save\b/, tool: "etcd-snapshot", engines: ["etcd"] },
];

/** Claims that receive backups: a ChartBackup's PVC target and the claims a dump CronJob mounts. They are not data of their own. */
export function backupTargetClaims(objects: readonly K8sObject[]): (o: K8sObject, claim: string) => boolean {
  const targets: { o: K8sObject; claim: string }[] = [];
  for (const o of objects) {
    if (isChartBackup(o) && strAt(o, ["spec", "target", "kind"]) === "pvc") {
      const claim = strAt(o, ["spec", "target", "claimName"]);
      if (claim) targets.push({ o, claim });
    }
    if (o.kind === "CronJob" && dumpToolOf(o)) for (const v of podVolumesOf(o)) if (v.claimName) targets.push({ o, claim: v.claimName });
  }
  return (o, claim) => targets.some((t) => t.claim === claim && sameNamespace(t.o, o));
}

function isChartBackup(o: K8sObject): boolean {
  return isKind(o, "restorable.dev", "ChartBackup");
}

function dumpToolOf(o: K8sObject): (typeof DUMP_COMMANDS)[number] | undefined {
  const text = containersOf(o).map((c) => c.argv.join(" ")).join("\n");
  return DUMP_COMMANDS.find((d) => d.pattern.test(text));
}

export interface ChartBackupContext {
  components: readonly KubernetesComponent[];
  storage: StorageClasses;
  buckets: Buckets;
}

export function chartBackupMechanisms(objects: readonly K8sObject[], ctx: ChartBackupContext): Mechanism[] {
  const out: Mechanism[] = [];
  for (const o of objects) {
    if (isChartBackup(o)) out.push(...chartBackup(o, objects, ctx));
    // Chart knowledge renders its jobs as ChartBackup objects; a CronJob it renders too is the same backup.
    else if (o.kind === "CronJob" && !o.release && boolAt(o, ["spec", "suspend"]) !== true) out.push(...dumpCronJob(o, objects, ctx));
  }
  return out;
}

/** Labels that pick the workload's data: its selector's matchLabels (the pods' and its PVCs' labels). */
function workloadConditions(workload: K8sObject, location: Component["location"]): TagCriterion[] {
  return Object.entries(stringMap(at(workload, ["spec", "selector", "matchLabels"]))).map(([key, value]) => ({ key, value, op: "equals" as const, location }));
}

function chartBackup(o: K8sObject, objects: readonly K8sObject[], ctx: ChartBackupContext): Mechanism[] {
  const kind = strAt(o, ["spec", "workload", "kind"]);
  const name = strAt(o, ["spec", "workload", "name"]);
  const workload = objects.find((w) => w.kind === kind && w.name === name && sameNamespace(w, o));
  if (!workload) return [];
  const conditions = workloadConditions(workload, o.location);
  if (conditions.length === 0) return [];
  const tool = strAt(o, ["spec", "tool"]) ?? "chart backup";
  const schedule = strAt(o, ["spec", "schedule"]);
  const interval: Fact<number> = schedule ? robfigIntervalHours(schedule) : unknownFact(`the chart backup ${o.name} has no schedule`);
  const retention = chartRetention(at(o, ["spec", "retention"]), interval);
  const plan = planOf(o, TOOL_LABELS[tool] ?? `${tool} backup`);
  const rule = ruleOf(o, plan, interval, retention);
  const targetKind = strAt(o, ["spec", "target", "kind"]);
  const encrypted = boolAt(o, ["spec", "encrypted"]);
  if (targetKind === "pvc") {
    const claim = strAt(o, ["spec", "target", "claimName"]);
    const claimObject = objects.find((p) => p.kind === "PersistentVolumeClaim" && p.name === claim && sameNamespace(p, o));
    const className = strAt(o, ["spec", "target", "storageClass"]) ?? (claimObject ? strAt(claimObject, ["spec", "storageClassName"]) : undefined);
    rule.encrypted =
      encrypted ??
      (claim === undefined && className === undefined
        ? unknownFact(`the chart backup ${o.name} names no claim: its data lands where the chart's user mounted it`)
        : ctx.storage.factsFor(className, claimObject ?? o).atRest);
  } else {
    const dest = chartDestination(o, ctx.buckets);
    rule.encrypted = encrypted ?? dest.encryptedByDefault;
    rule.copyActions.push({ destinationRegion: dest.region, destinationAccount: dest.account, retentionDays: retention, location: locationOf(o, ["spec", "target"]), via: "chart-backup-object-store", ...(rule.retentionLocation ? { retentionLocation: rule.retentionLocation } : {}) });
  }
  plan.rules.push(rule);
  return [plan, namespaceSelection(o, `${plan.address}#selection`, plan.id, placeOf(o), conditions)];
}

/** An object-store target: bucket, region and endpoint as the chart gives them (opensearch s3 repositories, ...). */
function chartDestination(o: K8sObject, buckets: Buckets): Destination {
  const bucket = strAt(o, ["spec", "target", "bucket"]);
  const region = strAt(o, ["spec", "target", "region"]);
  const endpoint = strAt(o, ["spec", "target", "endpoint"]);
  const dest = destinationOf(bucket ? `s3://${bucket}` : undefined, endpoint, o, buckets);
  return region && !dest.inCluster ? { ...dest, region } : dest;
}

/** retention { days, count } | null: null is never pruned; a count keeps that many runs. The longer of the two decides. */
function chartRetention(v: ReturnType<typeof at>, interval: Fact<number>): Fact<number | null> {
  if (v === null || v === undefined) return null;
  if (!isPlainObject(v)) return unknownFact("the chart backup's retention is not readable");
  const days = typeof v.days === "number" ? v.days : undefined;
  const count = typeof v.count === "number" ? v.count : undefined;
  if (count !== undefined && isUnknownFact(interval)) return interval;
  const byCount = count !== undefined ? (count * (interval as number)) / 24 : undefined;
  const all = [days, byCount].filter((x): x is number => x !== undefined);
  // `{}`: the chart prunes, but how long it keeps could not be read (the knowledge reports why).
  return all.length ? Math.max(...all) : unknownFact("the chart backup prunes, but its retention could not be read");
}

function planOf(o: K8sObject, label: string): BackupPlan {
  const place = placeOf(o);
  return { ...identityOf(o, typeOf(o)), node: "backup-plan", provider: "kubernetes", label, region: place.region, account: place.account, rules: [] };
}

function ruleOf(o: K8sObject, plan: BackupPlan, interval: Fact<number>, retention: Fact<number | null>): BackupPlanRule {
  const location = anchorAt(plan, "backup", o, ["spec"]);
  const scheduleLocation = anchorAt(plan, "schedule", o, ["spec", "schedule"]);
  const retentionLocation = anchorAt(plan, "retention", o, ["spec", "retention"]);
  return { name: o.name, location, intervalHours: interval, retentionDays: retention, coldStorageAfterDays: null, continuous: false, copyActions: [], scheduleLocation, retentionLocation };
}

// ---- dump CronJobs in manifests ----------------------------------------------------------------

/** The component a dump CronJob reads: of its store, sharing its app.kubernetes.io/instance label, else the only one of its store in the namespace. */
function dumpedComponent(cron: K8sObject, engines: readonly string[], ctx: ChartBackupContext): KubernetesComponent | undefined {
  const here = ctx.components.filter((kc) => sameNamespace(kc.object, cron) && engines.includes(kc.engine ?? ""));
  const instance = cron.labels["app.kubernetes.io/instance"] ?? podMetadata(cron).labels["app.kubernetes.io/instance"];
  const byInstance = instance ? here.filter((kc) => !isUnknownFact(kc.component.tags) && kc.component.tags["app.kubernetes.io/instance"] === instance) : [];
  if (byInstance.length === 1) return byInstance[0];
  return here.length === 1 ? here[0] : undefined;
}

/** `find <dir> -mtime +N -delete` (or `-exec rm`) keeps files about N days: the common pruning of dump scripts. */
function pruneDays(script: string): number | undefined {
  const m = /\bfind\b[^\n;|&]*-mtime\s+\+(\d+)[^\n;|&]*(-delete\b|-exec\s+rm\b)/.exec(script);
  return m ? Number(m[1]) + 1 : undefined;
}

function dumpCronJob(cron: K8sObject, objects: readonly K8sObject[], ctx: ChartBackupContext): Mechanism[] {
  const dump = dumpToolOf(cron);
  if (!dump) return [];
  const target = dumpedComponent(cron, dump.engines, ctx);
  if (!target) return [];
  const conditions = target.object.kind === "PersistentVolumeClaim" ? Object.entries(target.object.labels).map(([key, value]) => ({ key, value, op: "equals" as const, location: cron.location })) : workloadConditions(target.object, cron.location);
  if (conditions.length === 0) return [];
  const schedule = strAt(cron, ["spec", "schedule"]);
  const interval: Fact<number> = schedule ? robfigIntervalHours(schedule) : unknownFact(`CronJob ${cron.name} has no schedule`);
  const script = containersOf(cron).map((c) => c.argv.join(" ")).join("\n");
  const days = pruneDays(script);
  const plan = planOf(cron, TOOL_LABELS[dump.tool] ?? `${dump.tool} backup`);
  const rule: BackupPlanRule = {
    name: cron.name,
    location: cron.location,
    intervalHours: interval,
    retentionDays: days ?? null,
    coldStorageAfterDays: null,
    continuous: false,
    copyActions: [],
    scheduleLocation: locationOf(cron, ["spec", "schedule"]),
    retentionLocation: cron.location,
  };
  const claim = podVolumesOf(cron).find((v) => v.claimName)?.claimName;
  const bucket = /\b(s3|gs):\/\/([a-z0-9][a-z0-9.-]+)/.exec(script);
  const claimObject = claim ? objects.find((p) => p.kind === "PersistentVolumeClaim" && p.name === claim && sameNamespace(p, cron)) : undefined;
  if (claim) rule.encrypted = claimObject ? ctx.storage.factsFor(strAt(claimObject, ["spec", "storageClassName"]), claimObject).atRest : unknownFact(`PersistentVolumeClaim ${claim}, where CronJob ${cron.name} writes its dumps, is not in the scan`);
  else {
    const dest = bucket ? destinationOf(`${bucket[1]}://${bucket[2]}`, undefined, cron, ctx.buckets) : { label: "its destination", region: unknownFact(`where CronJob ${cron.name} writes its dumps is not known`), account: null, encryptedByDefault: unknownFact(`where CronJob ${cron.name} writes its dumps is not known`), inCluster: false };
    rule.encrypted = dest.encryptedByDefault;
    rule.copyActions.push({ destinationRegion: dest.region, destinationAccount: dest.account, retentionDays: rule.retentionDays, location: cron.location, via: "dump-job-target" });
  }
  plan.rules.push(rule);
  return [plan, namespaceSelection(cron, `${objectAddress(cron)}#selection`, plan.id, placeOf(cron), conditions)];
}
