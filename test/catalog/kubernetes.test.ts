import { describe, expect, it } from "vitest";
import { cronWithSecondsIntervalHours, engineOfImage, goDurationHours, k8upIntervalHours, robfigIntervalHours } from "../../src/catalog/kubernetes-common.js";
import { recoveryWindowDays, k8upRetentionDays } from "../../src/catalog/kubernetes-operators.js";
import { kubernetesNodes } from "../../src/catalog/kubernetes.js";
import type { BackupPlan, BackupSelection, BackupVault, Component, Graph } from "../../src/graph/types.js";
import { renderedObject } from "../../src/helm/objects.js";
import type { HelmRelease } from "../../src/helm/types.js";
import { Values, type ValueLayer } from "../../src/helm/values.js";
import { parseYamlDocuments, pathKey } from "../../src/helm/yaml.js";
import { ruleMetadata, runRules } from "../../src/rules/index.js";
import { blk, provider, res, root } from "../graph/builders.js";
import { brief, cluster, findingsOf, graphOf, manifest, POLICY } from "./kubernetes-helpers.js";

function component(g: Graph, address: string): Component {
  const c = g.components.find((x) => x.address === address);
  if (!c) throw new Error(`no component ${address}; have ${g.components.map((x) => x.address).join(", ")}`);
  return c;
}

function coverage(g: Graph, address: string) {
  return g.coverage.get(component(g, address).id)!;
}

const sts = (o: { name?: string; ns?: string; image?: string; annotations?: string; podAnnotations?: string; labels?: string; vctLabels?: string; storageClass?: string; extraSpec?: string } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${o.name ?? "ledger-postgresql"}
  namespace: ${o.ns ?? "payments"}
  labels:
    app.kubernetes.io/name: postgresql
    app.kubernetes.io/instance: ledger
    app.kubernetes.io/component: primary
${o.labels ?? ""}${o.annotations ? `  annotations:\n${o.annotations}` : ""}spec:
${o.extraSpec ?? ""}  selector:
    matchLabels:
      app.kubernetes.io/name: postgresql
      app.kubernetes.io/instance: ledger
      app.kubernetes.io/component: primary
  template:
    metadata:
      labels:
        app.kubernetes.io/name: postgresql
        app.kubernetes.io/instance: ledger
        app.kubernetes.io/component: primary
        tier: data
${o.podAnnotations ? `      annotations:\n${o.podAnnotations}` : ""}    spec:
      containers:
        - name: db
          image: ${o.image ?? "docker.io/bitnami/postgresql:17.2.0"}
  volumeClaimTemplates:
    - metadata:
        name: data
${o.vctLabels ? `        labels:\n${o.vctLabels}` : ""}      spec:
        accessModes: [ReadWriteOnce]
${o.storageClass ? `        storageClassName: ${o.storageClass}\n` : ""}        resources: { requests: { storage: 8Gi } }
`;

/** A Velero install: server (with extra args), optionally the node agent, the repository Secret, a storage location and an alert. */
const velero = (o: { args?: string[]; nodeAgent?: boolean; secret?: boolean; bsl?: string; alerts?: boolean; vsl?: boolean } = {}) =>
  [
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: velero, namespace: velero }
spec:
  selector: { matchLabels: { name: velero } }
  template:
    metadata: { labels: { name: velero } }
    spec:
      containers:
        - name: velero
          image: velero/velero:v1.16.1
          args: [server, ${(o.args ?? []).join(", ")}]
`,
    o.nodeAgent === false
      ? ""
      : `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: node-agent, namespace: velero }
spec:
  selector: { matchLabels: { name: node-agent } }
  template:
    metadata: { labels: { name: node-agent } }
    spec:
      containers: [{ name: node-agent, image: "velero/velero:v1.16.1", args: [node-agent, server] }]
`,
    o.secret === false ? "" : `apiVersion: v1\nkind: Secret\nmetadata: { name: velero-repo-credentials, namespace: velero }\nstringData: { repository-password: Xq3-not-the-default }\n`,
    o.bsl ??
      `apiVersion: velero.io/v1
kind: BackupStorageLocation
metadata: { name: default, namespace: velero }
spec:
  provider: aws
  default: true
  objectStorage: { bucket: shop-velero }
  config: { region: eu-central-1 }
`,
    o.vsl ? `apiVersion: velero.io/v1\nkind: VolumeSnapshotLocation\nmetadata: { name: aws, namespace: velero }\nspec: { provider: aws, config: { region: eu-west-1 } }\n` : "",
    o.alerts === false
      ? ""
      : `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: { name: velero, namespace: velero }
spec:
  groups: [{ name: velero, rules: [{ alert: VeleroBackupFailed, expr: "increase(velero_backup_failure_total[1h]) > 0" }] }]
`,
  ]
    .filter(Boolean)
    .join("---\n");

const schedule = (template: string, o: { name?: string; cron?: string; paused?: boolean } = {}) => `apiVersion: velero.io/v1
kind: Schedule
metadata: { name: ${o.name ?? "daily"}, namespace: velero }
spec:
  schedule: "${o.cron ?? "0 3 * * *"}"
${o.paused ? "  paused: true\n" : ""}  template:
${template
  .trim()
  .split("\n")
  .map((l) => `    ${l.trim()}`)
  .join("\n")}
`;

const docs = (...parts: string[]) => parts.join("---\n");

describe("durations and schedules", () => {
  it("reads Go durations (no days or years)", () => {
    expect(goDurationHours("720h")).toBe(720);
    expect(goDurationHours("720h0m0s")).toBe(720);
    expect(goDurationHours("1h30m")).toBe(1.5);
    expect(goDurationHours("90m")).toBe(1.5);
    expect(goDurationHours("0")).toBe(0);
    expect(goDurationHours("30d")).toBeUndefined();
    expect(goDurationHours("7y")).toBeUndefined();
    expect(goDurationHours("72")).toBeUndefined();
    expect(goDurationHours("")).toBeUndefined();
  });

  it("reads Velero (robfig/cron ParseStandard), CloudNativePG (seconds first) and k8up (randomized) schedules", () => {
    expect(robfigIntervalHours("0 3 * * *")).toBe(24);
    expect(robfigIntervalHours("@every 6h")).toBe(6);
    expect(robfigIntervalHours("@daily")).toBe(24);
    expect(robfigIntervalHours("CRON_TZ=Europe/Berlin 0 3 * * 1")).toBe(168);
    expect(cronWithSecondsIntervalHours("0 0 2 * * *")).toBe(24);
    expect(cronWithSecondsIntervalHours("0 0 2 * *")).toMatchObject({ unknown: true, reason: expect.stringContaining("six fields") });
    expect(cronWithSecondsIntervalHours("*/30 * * * * *")).toMatchObject({ unknown: true });
    expect(k8upIntervalHours("@daily-random")).toBe(24);
    expect(k8upIntervalHours("@weekly-random")).toBe(168);
    expect(k8upIntervalHours("@annually-random")).toMatchObject({ unknown: true });
    expect(k8upIntervalHours("15 2 * * *")).toBe(24);
  });

  it("reads CloudNativePG recovery windows (m is 31 days) and rejects what the CRD rejects", () => {
    expect(recoveryWindowDays("30d")).toBe(30);
    expect(recoveryWindowDays("4w")).toBe(28);
    expect(recoveryWindowDays("6m")).toBe(186);
    expect(recoveryWindowDays(undefined)).toBeNull();
    expect(recoveryWindowDays("1y")).toMatchObject({ unknown: true, reason: expect.stringContaining("^[1-9][0-9]*[dwm]$") });
    expect(recoveryWindowDays("0d")).toMatchObject({ unknown: true });
  });

  it("turns k8up keep counts into a horizon (keepDaily defaults to 14; no prune keeps forever)", () => {
    expect(k8upRetentionDays(undefined, 24)).toBeNull();
    expect(k8upRetentionDays({ schedule: "@daily" }, 24)).toBe(14);
    expect(k8upRetentionDays({ retention: { keepDaily: 7, keepWeekly: 4, keepMonthly: 6 } }, 24)).toBe(186);
    // Weekly runs: 14 daily slots are 14 runs, a week apart.
    expect(k8upRetentionDays({ retention: { keepDaily: 14 } }, 168)).toBe(98);
    expect(k8upRetentionDays({ retention: { keepLast: 3 } }, 24)).toBe(14);
    expect(k8upRetentionDays({ retention: { keepYearly: 2 } }, 24)).toBe(730);
  });
});

describe("components", () => {
  it("names the store from the container image, and ignores companions beside it", () => {
    expect(engineOfImage("registry-1.docker.io/bitnami/postgresql:17.2.0@sha256:abc")?.engine).toBe("postgresql");
    expect(engineOfImage("bitnami/postgresql-repmgr:16")?.engine).toBe("postgresql");
    expect(engineOfImage("mongo:7")?.kind).toBe("database");
    expect(engineOfImage("valkey/valkey:8")?.kind).toBe("cache");
    expect(engineOfImage("confluentinc/cp-kafka:7.6.0")?.kind).toBe("stream");
    expect(engineOfImage("rabbitmq:3-management")?.kind).toBe("queue");
    expect(engineOfImage("docker.elastic.co/elasticsearch/elasticsearch:8.15.0")?.kind).toBe("search-index");
    expect(engineOfImage("quay.io/minio/minio:RELEASE.2024")?.kind).toBe("object-store");
    expect(engineOfImage("clickhouse/clickhouse-server:24.8")?.kind).toBe("warehouse");
    expect(engineOfImage("memcached:1.6")?.backupCapable).toBe(false);
    for (const companion of ["quay.io/prometheuscommunity/postgres-exporter:v0.16", "bitnami/redis-sentinel:7", "opensearchproject/opensearch-dashboards:2", "clickhouse/clickhouse-keeper:24", "confluentinc/cp-kafka-connect:7", "ghcr.io/cloudnative-pg/cloudnative-pg-operator:1.25", "nginx:1.27"]) {
      expect(engineOfImage(companion), companion).toBeUndefined();
    }
  });

  it("makes one component of a StatefulSet with claim templates: the pods' and claims' labels, the class annotation, the opt-in annotation", () => {
    const g = graphOf(manifest(sts({ annotations: "    restorable.dev/data-class: financial\n", podAnnotations: "        backup.velero.io/backup-volumes: data,tmp\n", vctLabels: "          backup: daily\n" })));
    const c = component(g, "StatefulSet/payments/ledger-postgresql");
    expect(c).toMatchObject({ provider: "kubernetes", kind: "database", type: "StatefulSet", namespace: "payments", cluster: "shop", region: "eu-west-1", account: "111122223333", backupResourceType: "PersistentVolumeClaim", fsBackupOptIn: true });
    expect(c.tags).toMatchObject({ "app.kubernetes.io/instance": "ledger", tier: "data", backup: "daily", "restorable.dev/data-class": "financial" });
    expect(c.location).toMatchObject({ file: "k8s/app.yaml", startLine: 2 });
    // PVCs of a StatefulSet outlive it by default.
    expect(c.deletionProtection).toBe(true);
    expect(c.remedies?.enableBackup).toContain("includedNamespaces includes payments");
  });

  it("is unknown in region, with a hint, when no cluster is known; a bound PersistentVolume's region topology decides then", () => {
    const none = graphOf(manifest(sts(), { cluster: undefined }));
    expect(component(none, "StatefulSet/payments/ledger-postgresql").region).toMatchObject({ unknown: true, hint: expect.stringContaining("clusters:") });
    const pv = `apiVersion: v1
kind: PersistentVolume
metadata: { name: pv-1 }
spec:
  claimRef: { namespace: payments, name: data-ledger-postgresql-0 }
  persistentVolumeReclaimPolicy: Retain
  nodeAffinity:
    required:
      nodeSelectorTerms:
        - matchExpressions: [{ key: topology.kubernetes.io/region, operator: In, values: [us-east-2] }]
`;
    const g = graphOf(manifest(docs(sts(), pv), { cluster: undefined }));
    expect(component(g, "StatefulSet/payments/ledger-postgresql").region).toBe("us-east-2");
  });

  it("skips read replicas: marked by chart knowledge, or a replica role beside its primary", () => {
    const read = sts({ name: "ledger-postgresql-read" }).replace(/app.kubernetes.io\/component: primary/g, "app.kubernetes.io/component: read");
    const g = graphOf(manifest(docs(sts(), read)));
    expect(g.components.map((c) => c.address)).toEqual(["StatefulSet/payments/ledger-postgresql"]);
    // A "read" StatefulSet without its primary in the scan is data of its own.
    expect(graphOf(manifest(read)).components.map((c) => c.address)).toEqual(["StatefulSet/payments/ledger-postgresql-read"]);
    const marked = sts({ name: "ledger-replica", annotations: "    restorable.dev/replica-of: ledger-postgresql\n" });
    expect(graphOf(manifest(docs(sts(), marked))).components).toHaveLength(1);
  });

  it("makes PVCs components: mounted (kind from the workload's image, pod labels), unmounted (a volume), or unlisted (an existing claim)", () => {
    const text = docs(
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: mongo-data, namespace: crm, labels: { app: mongo } }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 8Gi } } }
`,
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: scratch, namespace: crm }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`,
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: mongo, namespace: crm, annotations: { restorable.dev/data-class: personal } }
spec:
  selector: { matchLabels: { app: mongo } }
  template:
    metadata: { labels: { app: mongo, role: db } }
    spec:
      containers: [{ name: mongo, image: "mongo:7" }]
      volumes:
        - name: data
          persistentVolumeClaim: { claimName: mongo-data }
        - name: legacy
          persistentVolumeClaim: { claimName: mongo-legacy }
`,
    );
    const g = graphOf(manifest(text));
    expect(g.components.map((c) => [c.address, c.kind])).toEqual([
      ["PersistentVolumeClaim/crm/mongo-data", "database"],
      ["PersistentVolumeClaim/crm/scratch", "volume"],
      ["PersistentVolumeClaim/crm/mongo-legacy", "database"],
    ]);
    expect(component(g, "PersistentVolumeClaim/crm/mongo-data").tags).toMatchObject({ app: "mongo", role: "db", "restorable.dev/data-class": "personal" });
    // The claim the scan does not define lands on the volume that names it.
    expect(component(g, "PersistentVolumeClaim/crm/mongo-legacy").location).toMatchObject({ startLine: lineOf(text, "- name: legacy") });
  });

  it("marks a known store without a claim as ephemeral, and ignores stateless workloads", () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: cache, namespace: shop }
spec:
  selector: { matchLabels: { app: cache } }
  template:
    metadata: { labels: { app: cache } }
    spec:
      containers: [{ name: redis, image: "redis:7" }, { name: exporter, image: "oliver006/redis_exporter:v1" }]
      volumes:
        - name: data
          emptyDir: {}
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: "nginx:1.27" }]
      volumes: [{ name: tmp, emptyDir: {} }]
`;
    const g = graphOf(manifest(text));
    expect(g.components.map((c) => c.address)).toEqual(["Deployment/shop/cache"]);
    const c = component(g, "Deployment/shop/cache");
    expect(c.ephemeralStorage).toMatchObject({ anchor: "persistence", location: { startLine: 11 } });
    expect(c.backupResourceType).toBeUndefined();
    expect(brief(findingsOf(manifest(text)))).toEqual([]);
  });

  it("reads encryption and reclaim policy from the StorageClass (EBS encrypted with a key; a default class; unknown when not in the scan)", () => {
    const classes = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: gp3-encrypted }
provisioner: ebs.csi.aws.com
reclaimPolicy: Retain
parameters: { type: gp3, encrypted: "true", kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/abc" }
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp2
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: kubernetes.io/aws-ebs
`;
    const g = graphOf(manifest(docs(classes, sts({ storageClass: "gp3-encrypted" }), sts({ name: "other", ns: "ops" }))));
    expect(component(g, "StatefulSet/payments/ledger-postgresql").encryption).toMatchObject({ atRest: true, keyId: "arn:aws:kms:eu-west-1:111122223333:key/abc", customerManagedKey: true });
    expect(component(g, "StatefulSet/ops/other").encryption.atRest).toMatchObject({ unknown: true, reason: expect.stringContaining("encryption by default") });
    const gke = graphOf(manifest(docs(`apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: standard-rwo }\nprovisioner: pd.csi.storage.gke.io\n`, sts({ storageClass: "standard-rwo" }))));
    expect(component(gke, "StatefulSet/payments/ledger-postgresql").encryption).toMatchObject({ atRest: true, customerManagedKey: false });
    expect(component(graphOf(manifest(sts({ storageClass: "missing" }))), "StatefulSet/payments/ledger-postgresql").encryption.atRest).toMatchObject({ unknown: true });
  });

  it("makes a CloudNativePG Cluster a database whose PVCs carry cnpg.io/cluster", () => {
    const g = graphOf(manifest(`apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: { name: ledger, namespace: payments }\nspec: { instances: 3, storage: { size: 10Gi } }\n`));
    expect(component(g, "Cluster/payments/ledger")).toMatchObject({ kind: "database", type: "postgresql.cnpg.io/Cluster", tags: { "cnpg.io/cluster": "ledger" } });
  });

  it("gives components of a variant their own ids", () => {
    const objects = [...manifest(sts(), { environment: "values-prod.yaml" }), ...manifest(sts(), { environment: "values-staging.yaml" })];
    const nodes = kubernetesNodes(objects, { components: [] });
    expect(nodes.components.map((c) => [c.id, c.environment])).toEqual([
      ["k8s::StatefulSet/payments/ledger-postgresql::values-prod.yaml", "values-prod.yaml"],
      ["k8s::StatefulSet/payments/ledger-postgresql::values-staging.yaml", "values-staging.yaml"],
    ]);
  });
});

describe("Velero", () => {
  const ledger = sts();

  it("covers a selected namespace: the schedule's ttl and interval, a copy to the storage location's region", () => {
    const g = graphOf(manifest(docs(ledger, velero({ args: ["--features=EnableCSI"] }), schedule("includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 840h"))));
    const cov = coverage(g, "StatefulSet/payments/ledger-postgresql");
    expect(cov.status).toBe("covered");
    expect(cov.streams.map((s) => [s.via, s.region, s.retentionDays, s.intervalHours, s.copyVia ?? ""])).toEqual([
      ["plan-rule", "eu-west-1", 35, 24, ""],
      ["copy", "eu-central-1", 35, 24, "velero-storage-location"],
    ]);
    const plan = g.mechanisms.find((m): m is BackupPlan => m.node === "backup-plan")!;
    expect(plan).toMatchObject({ provider: "kubernetes", label: "Velero schedule", address: "Schedule/velero/daily" });
    expect(findingsOf(manifest(docs(ledger, velero(), schedule("includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 840h"))))).toEqual([]);
  });

  it("uses the server's --default-backup-ttl, else 720h, when the template sets none (or 0)", () => {
    const ttl = (server: string[], template: string) => coverage(graphOf(manifest(docs(ledger, velero({ args: server }), schedule(template)))), "StatefulSet/payments/ledger-postgresql").streams[0]!.retentionDays;
    expect(ttl([], "includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true")).toBe(30);
    expect(ttl(["--default-backup-ttl=2160h"], "includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true")).toBe(90);
    expect(ttl([], "includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 0s")).toBe(30);
    expect(ttl([], "includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 30d")).toMatchObject({ unknown: true, hint: expect.stringContaining("720h") });
  });

  it("selects by namespace globs and exclusions, and an empty list is every namespace", () => {
    const status = (template: string) => coverage(graphOf(manifest(docs(ledger, velero(), schedule(template)))), "StatefulSet/payments/ledger-postgresql").status;
    expect(status("includedNamespaces: ['pay*']\ndefaultVolumesToFsBackup: true")).toBe("covered");
    expect(status("defaultVolumesToFsBackup: true")).toBe("covered");
    expect(status("includedNamespaces: ['*']\nexcludedNamespaces: [payments]\ndefaultVolumesToFsBackup: true")).toBe("uncovered");
    expect(status("includedNamespaces: [orders]\ndefaultVolumesToFsBackup: true")).toBe("uncovered");
  });

  it("matches labelSelector (matchLabels, matchExpressions), orLabelSelectors (any), and the exclusion label on the claim", () => {
    const status = (template: string, extra = "") => coverage(graphOf(manifest(docs(sts(extra ? { vctLabels: extra } : {}), velero(), schedule(template)))), "StatefulSet/payments/ledger-postgresql").status;
    expect(status("labelSelector: { matchLabels: { app.kubernetes.io/instance: ledger } }\ndefaultVolumesToFsBackup: true")).toBe("covered");
    expect(status("labelSelector: { matchExpressions: [{ key: tier, operator: In, values: [data, cache] }] }\ndefaultVolumesToFsBackup: true")).toBe("covered");
    expect(status("labelSelector: { matchLabels: { app.kubernetes.io/instance: orders } }\ndefaultVolumesToFsBackup: true")).toBe("uncovered");
    expect(status("orLabelSelectors: [{ matchLabels: { app: nope } }, { matchLabels: { tier: data } }]\ndefaultVolumesToFsBackup: true")).toBe("covered");
    // Both at once fail Velero's validation.
    expect(status("labelSelector: { matchLabels: { tier: data } }\norLabelSelectors: [{ matchLabels: { tier: data } }]\ndefaultVolumesToFsBackup: true")).toBe("uncovered");
    expect(status("defaultVolumesToFsBackup: true", '          velero.io/exclude-from-backup: "true"\n')).toBe("uncovered");
  });

  it("does not cover when PVCs are not among the included resources, or the schedule is paused", () => {
    const status = (template: string, paused = false) => coverage(graphOf(manifest(docs(ledger, velero(), schedule(template, { paused })))), "StatefulSet/payments/ledger-postgresql").status;
    expect(status("includedResources: [deployments, configmaps]\ndefaultVolumesToFsBackup: true")).toBe("uncovered");
    expect(status("includedResources: [pvc, pods]\ndefaultVolumesToFsBackup: true")).toBe("covered");
    expect(status("excludedResources: [persistentvolumeclaims]\ndefaultVolumesToFsBackup: true")).toBe("uncovered");
    expect(status("defaultVolumesToFsBackup: true", true)).toBe("uncovered");
  });

  it("decides volume data: snapshots need a snapshot location or CSI; file-system backup and data movement need the node agent", () => {
    const run = (o: Parameters<typeof velero>[0], template: string, pod = sts()) => {
      const g = graphOf(manifest(docs(pod, velero(o), schedule(`includedNamespaces: [payments]\n${template}`))));
      return coverage(g, "StatefulSet/payments/ledger-postgresql");
    };
    // CSI snapshots only: covered, no copy (snapshots stay in the cluster's region).
    const csi = run({ args: ["--features=EnableCSI"], nodeAgent: false }, "ttl: 840h");
    expect(csi.streams.map((s) => s.via)).toEqual(["plan-rule"]);
    expect(run({ vsl: true, nodeAgent: false }, "ttl: 840h").status).toBe("covered");
    // No snapshots and no node agent: metadata only (COV-006).
    const none = run({ nodeAgent: false }, "ttl: 840h\nsnapshotVolumes: false\ndefaultVolumesToFsBackup: true");
    expect(none.status).toBe("uncovered");
    expect(none.metadataOnly?.[0]?.message).toContain("copies only its Kubernetes objects");
    // Snapshots asked for, but neither a VolumeSnapshotLocation nor CSI in the scan (one may be created outside it): unknown.
    const maybe = run({ nodeAgent: false }, "ttl: 840h");
    expect(maybe.status).toBe("unknown");
    expect(maybe.unknowns[0]!.reason).toContain("VolumeSnapshotLocation");
    // File-system backup set on the server.
    expect(run({ args: ["--default-volumes-to-fs-backup"] }, "ttl: 840h").streams.map((s) => s.via)).toEqual(["plan-rule", "copy"]);
    // Opt-in: only pods that name their volume.
    expect(run({}, "ttl: 840h\nsnapshotVolumes: false").status).toBe("uncovered");
    expect(run({}, "ttl: 840h\nsnapshotVolumes: false", sts({ podAnnotations: "        backup.velero.io/backup-volumes: data\n" })).status).toBe("covered");
    // Data movement moves CSI snapshots to the storage location.
    expect(run({ args: ["--features=EnableCSI"] }, "ttl: 840h\nsnapshotMoveData: true").streams.map((s) => s.via)).toEqual(["plan-rule", "copy"]);
  });

  it("is unknown, not uncovered, when the Velero installation is not in the scan", () => {
    const bsl = `apiVersion: velero.io/v1\nkind: BackupStorageLocation\nmetadata: { name: default, namespace: velero }\nspec: { provider: aws, default: true, objectStorage: { bucket: b }, config: { region: eu-central-1 } }\n`;
    const g = graphOf(manifest(docs(ledger, bsl, schedule("includedNamespaces: [payments]\nttl: 840h"))));
    const cov = coverage(g, "StatefulSet/payments/ledger-postgresql");
    expect(cov.status).toBe("unknown");
    expect(cov.unknowns[0]!.reason).toContain("not in the scan");
    expect(findingsOf(manifest(docs(ledger, bsl, schedule("includedNamespaces: [payments]\nttl: 840h")))).map((f) => f.ruleId)).toEqual(["MON-001"]);
  });

  it("reads the storage location's place: AWS config.region, an in-cluster s3Url, a joined Terraform bucket (region, account, Object Lock), GCP and Azure", () => {
    const vaultOf = (bsl: string, terraform = [] as ReturnType<typeof root>[]) => graphOf(manifest(docs(ledger, velero({ bsl }))), terraform).mechanisms.find((m): m is BackupVault => m.node === "backup-vault")!;
    const bsl = (provider: string, bucket: string, config: string) => `apiVersion: velero.io/v1\nkind: BackupStorageLocation\nmetadata: { name: default, namespace: velero }\nspec: { provider: ${provider}, default: true, objectStorage: { bucket: ${bucket} }, config: { ${config} } }\n`;
    expect(vaultOf(bsl("aws", "b", "region: us-east-2, kmsKeyId: alias/velero")).region).toBe("us-east-2");
    expect(vaultOf(bsl("aws", "b", "region: us-east-2, kmsKeyId: alias/velero"))).toMatchObject({ keyId: "alias/velero", customerManagedKey: true });
    expect(vaultOf(bsl("aws", "b", "region: minio, s3Url: 'http://minio.backup.svc:9000'")).region).toBe("eu-west-1");
    expect(vaultOf(bsl("aws", "b", "region: us-east-1, s3Url: 'https://storage.example.net'")).region).toMatchObject({ unknown: true });
    expect(vaultOf(bsl("velero.io/gcp", "b", "kmsKeyName: projects/p/locations/l/keyRings/r/cryptoKeys/k")).region).toMatchObject({ unknown: true, hint: expect.stringContaining("Terraform") });
    expect(vaultOf(bsl("azure", "b", "resourceGroup: rg, storageAccount: shopbackups, subscriptionId: 0000-1111")).account).toBe("0000-1111");
    const west = provider({ region: "us-west-2", account: "999988887777" });
    const tf = root([
      res("aws_s3_bucket", "velero", { bucket: "shop-velero", object_lock_enabled: true }, { provider: west }),
      res("aws_s3_bucket_object_lock_configuration", "velero", { bucket: "shop-velero", rule: blk({ default_retention: blk({ mode: "COMPLIANCE", days: 400 }) }) }, { provider: west }),
    ]);
    const joined = vaultOf(bsl("aws", "shop-velero", "profile: default"), [tf]);
    expect(joined).toMatchObject({ region: "us-west-2", account: "999988887777", lock: { mode: "compliance", minRetentionDays: 400 } });
  });

  it("MON-001: alerts on Velero's metrics count; none lands on the Velero server", () => {
    const base = docs(ledger, schedule("includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 840h"));
    expect(findingsOf(manifest(docs(base, velero()))).map((f) => f.ruleId)).toEqual([]);
    const text = docs(base, velero({ alerts: false }));
    const f = findingsOf(manifest(text));
    expect(f.map((x) => [x.ruleId, x.subject, x.location.startLine])).toEqual([["MON-001", "BackupStorageLocation/velero/default", lineOf(text, "kind: Deployment")]]);
    expect(f[0]!.message).toContain("velero_backup_failure_total");
  });

  it("ENC-004: the node agent without velero-repo-credentials (or with the static value) uses Velero's static password", () => {
    const base = docs(ledger, schedule("includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 840h"));
    const missing = findingsOf(manifest(docs(base, velero({ secret: false }))));
    expect(missing.map((x) => [x.ruleId, x.subject])).toEqual([["ENC-004", "BackupStorageLocation/velero/default"]]);
    expect(missing[0]!.message).toContain("static-passw0rd");
    expect(missing[0]!.affected).toEqual(["StatefulSet/payments/ledger-postgresql"]);
    const staticValue = velero({ secret: false }).replace("---\napiVersion: velero.io/v1", `---\napiVersion: v1\nkind: Secret\nmetadata: { name: velero-repo-credentials, namespace: velero }\ndata: { repository-password: ${Buffer.from("static-passw0rd").toString("base64")} }\n---\napiVersion: velero.io/v1`);
    expect(findingsOf(manifest(docs(base, staticValue))).map((x) => x.ruleId)).toEqual(["ENC-004"]);
    // Without the node agent there is no repository.
    expect(findingsOf(manifest(docs(ledger, velero({ secret: false, nodeAgent: false, args: ["--features=EnableCSI"] }), schedule("includedNamespaces: [payments]\nttl: 840h\nstorageLocation: default")))).map((x) => x.ruleId)).toEqual(["REG-001"]);
  });

  it("COV-006 instead of COV-001 for a schedule that copies only objects; COV-001 otherwise", () => {
    const meta = findingsOf(manifest(docs(ledger, velero({ nodeAgent: false }), schedule("includedNamespaces: [payments]\nsnapshotVolumes: false\nttl: 840h"))));
    expect(meta.map((f) => [f.ruleId, f.subject, f.related[0]?.location.startLine])).toEqual([["COV-006", "StatefulSet/payments/ledger-postgresql", expect.any(Number)]]);
    const other = findingsOf(manifest(docs(ledger, velero(), schedule("includedNamespaces: [orders]\ndefaultVolumesToFsBackup: true\nttl: 840h"))));
    expect(other.map((f) => f.ruleId)).toEqual(["COV-001"]);
  });

  it("REG-001 for snapshots only, REG-002 for a storage location in the cluster's region, RET-004 for a ttl shorter than the interval", () => {
    const snapshots = findingsOf(manifest(docs(ledger, velero({ args: ["--features=EnableCSI"], nodeAgent: false }), schedule("includedNamespaces: [payments]\nttl: 840h"))));
    expect(snapshots.map((f) => f.ruleId)).toEqual(["REG-001"]);
    expect(snapshots[0]!.related[0]!.message).toContain("Velero schedule keeps its recovery points in eu-west-1");
    const same = velero().replace("region: eu-central-1", "region: eu-west-1");
    expect(findingsOf(manifest(docs(ledger, same, schedule("includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 840h")))).map((f) => f.ruleId)).toEqual(["REG-002"]);
    const weekly = findingsOf(manifest(docs(ledger, velero(), schedule("includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 48h", { cron: "0 3 * * 0" }))));
    expect(weekly.map((f) => f.ruleId).sort()).toEqual(["RET-002", "RET-004", "RPO-001"]);
  });
});

describe("CloudNativePG, k8up and chart backups", () => {
  const cnpg = (backup: string, extra = "") => `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: { name: ledger, namespace: payments }
spec:
  instances: 3
  storage: { size: 10Gi }
  backup:
${backup
  .trim()
  .split("\n")
  .map((l) => `    ${l}`)
  .join("\n")}
${extra}`;
  const scheduled = (o: { method?: string; suspend?: boolean; name?: string } = {}) => `---
apiVersion: postgresql.cnpg.io/v1
kind: ScheduledBackup
metadata: { name: ${o.name ?? "daily"}, namespace: payments }
spec:
  schedule: "0 0 2 * * *"
  cluster: { name: ledger }
${o.method ? `  method: ${o.method}\n` : ""}${o.suspend ? "  suspend: true\n" : ""}`;
  const store = `retentionPolicy: "30d"\nbarmanObjectStore:\n  destinationPath: s3://ledger-backups/pg\n  endpointURL: https://s3.eu-central-1.amazonaws.com\n  data: { encryption: AES256 }`;

  it("CloudNativePG: base backups from the ScheduledBackup, WAL archiving for point-in-time recovery, copied to the store's region", () => {
    const g = graphOf(manifest(cnpg(store, scheduled())));
    const cov = coverage(g, "Cluster/payments/ledger");
    expect(cov.status).toBe("covered");
    expect(cov.streams.map((s) => [s.via, s.region, s.retentionDays, Math.round(s.intervalHours as number * 60), s.encrypted])).toEqual([
      ["plan-rule", "eu-west-1", 30, 1440, true],
      ["copy", "eu-central-1", 30, 1440, true],
      ["plan-rule", "eu-west-1", 30, 5, true],
      ["copy", "eu-central-1", 30, 5, true],
    ]);
  });

  it("CloudNativePG: no base backups without a (non-suspended) ScheduledBackup, and COV-001 says so", () => {
    const f = findingsOf(manifest(cnpg(store, scheduled({ suspend: true }))));
    expect(f.map((x) => x.ruleId)).toEqual(["COV-001"]);
    expect(f[0]!.message).toContain("no ScheduledBackup (postgresql.cnpg.io/v1) targets it");
  });

  it("CloudNativePG: the Barman Cloud plugin's ObjectStore, and volume snapshots (no retention, in the cluster)", () => {
    const plugin = `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: { name: ledger, namespace: payments }
spec:
  instances: 1
  storage: { size: 10Gi }
  plugins:
    - name: barman-cloud.cloudnative-pg.io
      isWALArchiver: true
      parameters: { barmanObjectName: ledger-store }
---
apiVersion: barmancloud.cnpg.io/v1
kind: ObjectStore
metadata: { name: ledger-store, namespace: payments }
spec:
  retentionPolicy: "6m"
  configuration:
    destinationPath: gs://ledger-pg-backups/
`;
    const g = graphOf(manifest(plugin + scheduled({ method: "plugin" })));
    const cov = coverage(g, "Cluster/payments/ledger");
    expect(cov.streams.map((s) => [s.via, s.retentionDays])).toEqual([["plan-rule", 186], ["copy", 186], ["plan-rule", 186], ["copy", 186]]);
    expect(cov.streams[1]!.region).toMatchObject({ unknown: true, reason: expect.stringContaining("ledger-pg-backups") });
    const snap = graphOf(manifest(cnpg("volumeSnapshot: { className: csi-snapclass }", scheduled({ method: "volumeSnapshot" }))));
    expect(coverage(snap, "Cluster/payments/ledger").streams.map((s) => [s.via, s.retentionDays])).toEqual([["plan-rule", null]]);
  });

  it("CloudNativePG: RET-001 lands on the retentionPolicy of a financial cluster", () => {
    const financial = cnpg(store, scheduled()).replace("metadata: { name: ledger, namespace: payments }", "metadata:\n  name: ledger\n  namespace: payments\n  annotations: { restorable.dev/data-class: financial }");
    const f = findingsOf(manifest(financial));
    expect(f.map((x) => [x.ruleId, x.location.startLine, x.anchor])).toEqual([["RET-001", 11, "backup.retentionPolicy"]]);
    expect(f[0]!.message).toMatch(/SOX convention.*2555 days.*retentionPolicy: "2555d"/);
  });

  it("k8up: every PVC of the namespace unless annotated k8up.io/backup: false; labelSelectors narrow it", () => {
    const pvc = (name: string, extra = "") => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: wiki\n  labels: { app: wiki }\n${extra}spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }\n`;
    const k8up = (selectors = "") => `apiVersion: k8up.io/v1
kind: Schedule
metadata: { name: nightly, namespace: wiki }
spec:
  backend:
    repoPasswordSecretRef: { name: repo, key: password }
    s3: { endpoint: "http://minio.minio.svc:9000", bucket: wiki }
  backup:
    schedule: "0 1 * * *"
${selectors}  prune:
    schedule: "0 5 * * 0"
    retention: { keepDaily: 7, keepWeekly: 5 }
`;
    const g = graphOf(manifest(docs(pvc("pages"), pvc("uploads", "  annotations: { k8up.io/backup: \"false\" }\n"), pvc("cache", "  annotations: { k8up.io/backup: \"no\" }\n"), pvc("attachments", "  annotations: { k8up.io/backup: \"true\" }\n"), k8up())));
    expect(["pages", "uploads", "cache", "attachments"].map((n) => coverage(g, `PersistentVolumeClaim/wiki/${n}`).status)).toEqual(["covered", "uncovered", "uncovered", "covered"]);
    // An in-cluster MinIO keeps the backups in the cluster: no copy.
    expect(coverage(g, "PersistentVolumeClaim/wiki/pages").streams.map((s) => [s.via, s.retentionDays])).toEqual([["plan-rule", 35]]);
    const narrowed = graphOf(manifest(docs(pvc("pages"), k8up("    labelSelectors:\n      - matchLabels: { app: other }\n"))));
    expect(coverage(narrowed, "PersistentVolumeClaim/wiki/pages").status).toBe("uncovered");
  });

  it("chart backups: a ChartBackup of chart knowledge, never pruned, on a PVC of an unencrypted class (ENC-001, REG-001, RET-003)", () => {
    const release: HelmRelease = releaseOf("crm", "crm", "postgresql", "backup:\n  enabled: true\n");
    const workload = renderedObject(release, parseYaml(sts({ name: "crm-postgresql", ns: "crm", annotations: "    restorable.dev/data-class: personal\n" })), new Map([[pathKey(["spec", "volumeClaimTemplates"]), ["primary", "persistence"]]]));
    const backup = renderedObject(
      release,
      parseYaml(`apiVersion: restorable.dev/v1
kind: ChartBackup
metadata: { name: crm-postgresql-pgdumpall, namespace: crm }
spec:
  workload: { kind: StatefulSet, name: crm-postgresql }
  tool: pg_dumpall
  schedule: "@daily"
  retention: null
  target: { kind: pvc, claimName: crm-postgresql-pgdumpall }
  encrypted: false
`),
      new Map([
        [pathKey(["spec"]), ["backup", "enabled"]],
        [pathKey(["spec", "schedule"]), ["backup", "cronjob", "schedule"]],
      ]),
    );
    const dumpPvc = renderedObject(release, parseYaml(`apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: crm-postgresql-pgdumpall, namespace: crm }\nspec: { accessModes: [ReadWriteOnce] }\n`), new Map());
    const objects = [workload, backup, dumpPvc];
    const g = graphOf(objects);
    // The dump PVC holds backups, not data of its own.
    expect(g.components.map((c) => c.address)).toEqual(["StatefulSet/crm/crm-postgresql"]);
    const cov = coverage(g, "StatefulSet/crm/crm-postgresql");
    expect(cov.streams.map((s) => [s.via, s.label, s.retentionDays, s.intervalHours, s.encrypted])).toEqual([["plan-rule", "pg_dumpall backup", null, 24, false]]);
    const f = findingsOf(objects);
    expect(f.map((x) => x.ruleId).sort()).toEqual(["ENC-001", "REG-001", "RET-003", "RTS-001"]);
    const enc = f.find((x) => x.ruleId === "ENC-001")!;
    expect(enc.message).toContain("stored unencrypted");
    // The backup's deciding place is the user's backup.enabled key.
    expect(enc.related[0]!.location).toMatchObject({ file: "values/crm.yaml", startLine: 2 });
    // COV-001 of a chart-rendered component lands on the persistence key's origin (the release line here), with the chart default's details.
    const uncovered = findingsOf([workload]);
    expect(uncovered.map((x) => [x.ruleId, x.location.file, x.anchor])).toEqual([["COV-001", "main.tf", "persistence"]]);
    expect(uncovered[0]!.properties).toMatchObject({ keyPath: "primary.persistence", valueOrigin: expect.stringContaining("chart-default") });
  });

  it("chart backups: a dump CronJob in rendered manifests, with find -mtime pruning", () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata: { name: ledger-dump, namespace: payments, labels: { app.kubernetes.io/instance: ledger } }
spec:
  schedule: "30 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: dump
              image: postgres:17
              command: [sh, -c, "pg_dump -Fc ledger > /dumps/ledger-$(date +%F).dump && find /dumps -mtime +40 -delete"]
          volumes: [{ name: dumps, persistentVolumeClaim: { claimName: ledger-dumps } }]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ledger-dumps, namespace: payments }
spec: { accessModes: [ReadWriteOnce] }
`;
    const g = graphOf(manifest(docs(sts(), cron)));
    expect(g.components.map((c) => c.address)).toEqual(["StatefulSet/payments/ledger-postgresql"]);
    expect(coverage(g, "StatefulSet/payments/ledger-postgresql").streams.map((s) => [s.label, s.retentionDays, s.intervalHours])).toEqual([["pg_dump backup", 41, 24]]);
  });
});

describe("more component and coverage cases", () => {
  it("a chart's emptyDir lands on the values key that turned persistence off", () => {
    const release = releaseOf("sessions", "shop", "redis", "master:\n  persistence:\n    enabled: false\n");
    const body = parseYaml(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: sessions-redis-master, namespace: shop, annotations: { restorable.dev/data-class: personal } }
spec:
  selector: { matchLabels: { app.kubernetes.io/instance: sessions } }
  template:
    metadata: { labels: { app.kubernetes.io/instance: sessions } }
    spec:
      containers: [{ name: redis, image: "docker.io/bitnami/redis:7.4" }]
      volumes: [{ name: redis-data, emptyDir: {} }]
`);
    const o = renderedObject(release, body, new Map([[pathKey(["spec", "template", "spec", "volumes", 0]), ["master", "persistence", "enabled"]]]));
    const f = findingsOf([o]);
    expect(f.map((x) => [x.ruleId, x.location.file, x.location.startLine, x.anchor])).toEqual([["COV-001", "values/sessions.yaml", 3, "persistence"]]);
    expect(f[0]!.message).toContain("emptyDir");
    expect(f[0]!.properties).toMatchObject({ keyPath: "master.persistence.enabled", value: "false" });
  });

  it("takes a database's own encryption (MariaDB TDE marked by chart knowledge) as encryption at rest", () => {
    const g = graphOf(manifest(sts({ image: "docker.io/bitnami/mariadb:11.4", annotations: "    restorable.dev/encryption-at-rest: tde\n" })));
    expect(component(g, "StatefulSet/payments/ledger-postgresql").encryption.atRest).toBe(true);
  });

  it("keeps clusters apart: a schedule of another cluster covers nothing here", () => {
    const objects = [...manifest(sts()), ...manifest(docs(velero(), schedule("includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true")), { file: "other/velero.yaml", cluster: cluster("us-east-1", "222233334444", "ops") })];
    expect(coverage(graphOf(objects), "StatefulSet/payments/ledger-postgresql").status).toBe("uncovered");
  });

  it("lists, not reports, an object store whose encryption is not known (an S3-compatible store outside AWS)", () => {
    const text = `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: { name: ledger, namespace: payments }
spec:
  instances: 1
  storage: { size: 10Gi }
  backup:
    retentionPolicy: "60d"
    barmanObjectStore:
      destinationPath: s3://ledger/
      endpointURL: https://objects.example.net
---
apiVersion: postgresql.cnpg.io/v1
kind: ScheduledBackup
metadata: { name: daily, namespace: payments }
spec: { schedule: "0 0 1 * * *", cluster: { name: ledger } }
`;
    const graph = graphOf(manifest(text));
    const { findings, unknowns } = runRules({ graph, fileProblems: [], policy: POLICY });
    expect(findings.map((f) => f.ruleId)).toEqual([]);
    expect(unknowns.map((u) => u.what)).toEqual(expect.arrayContaining([expect.stringContaining("is encrypted"), expect.stringContaining("destination region")]));
  });
});

describe("rules on Kubernetes nodes", () => {
  it("lists Kubernetes among the providers of the rules that judge it, with the new COV-006 and ENC-004", () => {
    const meta = new Map(ruleMetadata().map((r) => [r.id, r]));
    for (const id of ["COV-001", "COV-006", "RET-001", "RET-002", "RET-003", "RET-004", "RPO-001", "ENC-001", "ENC-004", "REG-001", "REG-002", "REG-003", "IMM-001", "IMM-002", "MON-001", "RTS-001", "DEL-002", "CFG-001", "CFG-002"]) {
      expect(meta.get(id)?.providers, id).toContain("kubernetes");
    }
    for (const id of ["COV-002", "COV-003", "COV-004", "COV-005", "ENC-002", "ENC-003", "DEL-001"]) expect(meta.get(id)?.providers, id).not.toContain("kubernetes");
    expect(meta.get("COV-006")).toMatchObject({ category: "coverage", level: "warning" });
    expect(meta.get("ENC-004")).toMatchObject({ category: "encryption", level: "warning" });
  });

  it("CFG-002 names labels and annotations; COV-002 leaves Kubernetes selections alone", () => {
    const f = findingsOf(manifest(sts({ annotations: "    restorable.dev/data-class: finanical\n" })));
    expect(f.map((x) => x.ruleId).sort()).toEqual(["CFG-002", "COV-001"]);
    expect(f.find((x) => x.ruleId === "CFG-002")!.message).toContain("label or annotation restorable.dev/data-class");
    const typo = findingsOf(manifest(docs(sts(), velero(), schedule("labelSelector: { matchLabels: { app.kubernetes.io/instance: ledgr } }\ndefaultVolumesToFsBackup: true"))));
    expect(typo.map((x) => x.ruleId)).toEqual(["COV-001"]);
  });

  it("IMM-001 on a storage location whose bucket has no Object Lock; a COMPLIANCE lock of the joined bucket satisfies it", () => {
    const classes = `apiVersion: v1\nkind: Namespace\nmetadata: { name: payments }\n`;
    const brokerDealer = sts({ annotations: "    restorable.dev/data-class: broker-dealer\n" });
    const withBucket = (lock: boolean) =>
      root([
        res("aws_s3_bucket", "velero", { bucket: "shop-velero", object_lock_enabled: lock }, { provider: provider({ region: "eu-central-1" }) }),
        ...(lock ? [res("aws_s3_bucket_object_lock_configuration", "velero", { bucket: "shop-velero", rule: blk({ default_retention: blk({ mode: "COMPLIANCE", days: 2200 }) }) }, { provider: provider({ region: "eu-central-1" }) })] : []),
      ]);
    const template = "includedNamespaces: [payments]\ndefaultVolumesToFsBackup: true\nttl: 52800h";
    const unlocked = findingsOf(manifest(docs(classes, brokerDealer, velero(), schedule(template))), { terraform: [withBucket(false)] }).filter((f) => f.ruleId.startsWith("IMM"));
    expect(unlocked.map((f) => [f.ruleId, f.subject, f.level])).toEqual([["IMM-001", "BackupStorageLocation/velero/default", "error"]]);
    expect(unlocked[0]!.message).toContain("S3 Object Lock in COMPLIANCE mode");
    expect(findingsOf(manifest(docs(classes, brokerDealer, velero(), schedule(template))), { terraform: [withBucket(true)] }).filter((f) => f.ruleId.startsWith("IMM"))).toEqual([]);
  });

  it("selections are namespaced Kubernetes selections", () => {
    const g = graphOf(manifest(docs(sts(), velero(), schedule("includedNamespaces: [payments]\nexcludedNamespaces: [kube-system]\ndefaultVolumesToFsBackup: true"))));
    const sel = g.mechanisms.find((m): m is BackupSelection => m.node === "backup-selection")!;
    expect(sel).toMatchObject({ provider: "kubernetes", cluster: "shop", namespaces: { include: ["payments"], exclude: ["kube-system"] } });
    expect(cluster().name).toBe("shop");
  });
});

function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

// ---- helpers for chart-rendered objects --------------------------------------------------------

function parseYaml(text: string) {
  const doc = parseYamlDocuments(text, "rendered.yaml").documents[0]!;
  return doc.value;
}

function layer(file: string, text: string, origin: ValueLayer["origin"]): ValueLayer {
  const doc = parseYamlDocuments(text, file).documents[0]!;
  return { origin, name: file, value: doc.value, positions: doc.positions };
}

function releaseOf(name: string, namespace: string, chart: string, userValues: string): HelmRelease {
  const declaredAt = { file: "main.tf", startLine: 3, startColumn: 1, endLine: 3, endColumn: 40 };
  const values = new Values([layer("chart/values.yaml", "primary:\n  persistence:\n    enabled: true\nbackup:\n  enabled: false\n  cronjob:\n    schedule: \"@daily\"\n", "chart-default"), layer(`values/${name}.yaml`, userValues, "user-values")], declaredAt);
  return { id: `.::${name}`, name, namespace, namespaceDeclared: true, chart: { name: chart }, source: "helm_release", root: ".", declaredAt, values, environment: "", cluster: cluster() };
}
