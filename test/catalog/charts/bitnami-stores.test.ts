import { describe, expect, it } from "vitest";
import { REPLICA_OF } from "../../../src/catalog/charts/bitnami.js";
import { cassandra } from "../../../src/catalog/charts/cassandra.js";
import { elasticsearch } from "../../../src/catalog/charts/elasticsearch.js";
import { etcd } from "../../../src/catalog/charts/etcd.js";
import { kafka } from "../../../src/catalog/charts/kafka.js";
import { minio } from "../../../src/catalog/charts/minio.js";
import { opensearch, timeValueDays } from "../../../src/catalog/charts/opensearch.js";
import { rabbitmq } from "../../../src/catalog/charts/rabbitmq.js";
import { redis } from "../../../src/catalog/charts/redis.js";
import { at, DECLARED_AT, find, render, USER_FILE } from "./release.js";

describe("bitnami/redis", () => {
  it("replication (the default) renders master and replicas, the replicas marked", () => {
    const { objects } = render(redis, "");
    expect(objects.map((o) => o.name)).toEqual(["ledger-redis-master", "ledger-redis-replicas"]);
    const master = objects[0]!;
    expect(at(master, "spec", "volumeClaimTemplates", 0, "metadata")).toEqual({ name: "redis-data", labels: { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": "ledger", "app.kubernetes.io/component": "master" } });
    expect(objects[1]!.annotations[REPLICA_OF]).toBe("StatefulSet/ledger-redis-master");
    expect(at(objects[1]!, "spec", "replicas")).toBe(3);
  });

  it("master.kind=Deployment in standalone uses the PVC redis-data-<fullname>-master", () => {
    const { objects } = render(redis, "architecture: standalone\nmaster:\n  kind: Deployment\n");
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["Deployment/ledger-redis-master", "PersistentVolumeClaim/redis-data-ledger-redis-master"]);
    expect(at(objects[0]!, "spec", "template", "spec", "volumes")).toEqual([{ name: "redis-data", persistentVolumeClaim: { claimName: "redis-data-ledger-redis-master" } }]);
  });

  it("sentinel renders <fullname>-node members and no master; persistence off is an emptyDir", () => {
    const { objects } = render(redis, "sentinel:\n  enabled: true\nreplica:\n  persistence:\n    enabled: false\n");
    expect(objects.map((o) => o.name)).toEqual(["ledger-redis-node"]);
    expect(objects[0]!.annotations[REPLICA_OF]).toBeUndefined();
    expect(at(objects[0]!, "spec", "template", "spec", "volumes")).toEqual([{ name: "redis-data", emptyDir: {} }]);
    expect(objects[0]!.origin(["spec", "template", "spec", "volumes", 0])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 5 } });
  });
});

describe("bitnami/kafka", () => {
  it("renders the controller-eligible StatefulSet by default and brokers only when counted", () => {
    expect(render(kafka, "").objects.map((o) => o.name)).toEqual(["ledger-kafka-controller"]);
    const { objects } = render(kafka, "broker:\n  replicaCount: 3\n  persistence:\n    size: 100Gi\n");
    const broker = find(objects, "StatefulSet", "ledger-kafka-broker");
    expect(broker.labels).toMatchObject({ "app.kubernetes.io/component": "broker", "app.kubernetes.io/part-of": "kafka" });
    expect(at(broker, "spec", "volumeClaimTemplates", 0, "spec", "resources", "requests", "storage")).toBe("100Gi");
  });
});

describe("bitnami/rabbitmq", () => {
  it("renders one StatefulSet whose VCT carries the match labels", () => {
    const sts = render(rabbitmq, "replicaCount: 3\npersistence:\n  labels:\n    tier: queue\n").objects[0]!;
    expect(sts.name).toBe("ledger-rabbitmq");
    expect(at(sts, "spec", "replicas")).toBe(3);
    expect(at(sts, "spec", "volumeClaimTemplates", 0, "metadata", "labels")).toEqual({ "app.kubernetes.io/name": "rabbitmq", "app.kubernetes.io/instance": "ledger" });
  });
});

describe("bitnami/elasticsearch", () => {
  it("renders master and data StatefulSets with VCT data, names overridable per role", () => {
    const { objects } = render(elasticsearch, "data:\n  fullnameOverride: es-hot\n");
    expect(objects.map((o) => o.name)).toEqual(["ledger-elasticsearch-master", "es-hot"]);
    expect(objects.every((o) => at(o, "spec", "volumeClaimTemplates", 0, "metadata", "name") === "data")).toBe(true);
    expect(render(elasticsearch, "data:\n  replicaCount: 0\n").objects.map((o) => o.name)).toEqual(["ledger-elasticsearch-master"]);
  });
});

describe("bitnami/opensearch snapshot management", () => {
  it("renders no ChartBackup unless snapshots.enabled", () => {
    expect(render(opensearch, "").objects.some((o) => o.kind === "ChartBackup")).toBe(false);
  });

  it("the default policy keeps 7 days in an fs repository on the snapshots PVC", () => {
    const user = "snapshotRepoPath: /snapshots\nsnapshots:\n  enabled: true\n  persistence:\n    enabled: true\n    storageClass: efs\n";
    const r = render(opensearch, user, { chartFile: true });
    expect(r.unknowns).toBeUndefined();
    const cb = find(r.objects, "ChartBackup", "ledger-opensearch-default");
    expect(at(cb, "spec")).toEqual({
      workload: { kind: "StatefulSet", name: "ledger-opensearch-data" },
      tool: "opensearch-snapshot-management",
      schedule: "0 20 * * *",
      retention: { days: 7 },
      target: { kind: "pvc", claimName: "ledger-opensearch-snapshots", storageClass: "efs" },
      encrypted: null,
    });
    const o = cb.origin(["spec", "retention"]);
    expect(o).toMatchObject({ userSet: false, location: { file: USER_FILE, startLine: 2 }, properties: { keyPath: "snapshots.policies.default.deletion.condition.max_age", value: '"7d"' } });
    expect(o.related?.[0]?.message).toBe('chart default snapshots.policies.default.deletion.condition.max_age: "7d"');
  });

  it("a policy without deletion never prunes; an s3 repository is an object store, encrypted when SSE is asked", () => {
    const user = [
      "snapshots:",
      "  enabled: true",
      "  repositories:",
      "    offsite:",
      "      type: s3",
      "      settings:",
      "        bucket: search-snapshots",
      "        region: eu-west-1",
      "        server_side_encryption: true",
      "  policies:",
      "    nightly:",
      "      creation:",
      "        schedule:",
      "          cron:",
      "            expression: '0 1 * * *'",
      "            timezone: Europe/Paris",
      "      snapshot_config:",
      "        repository: offsite",
    ].join("\n");
    const r = render(opensearch, user);
    const cbs = r.objects.filter((o) => o.kind === "ChartBackup");
    // The chart's `default` policy is still there (maps merge); the user's is added.
    const nightly = find(cbs, "ChartBackup", "ledger-opensearch-nightly");
    expect(at(nightly, "spec")).toMatchObject({ schedule: "0 1 * * *", timeZone: "Europe/Paris", retention: null, target: { kind: "object-store", bucket: "search-snapshots", region: "eu-west-1" }, encrypted: true });
    expect(nightly.origin(["spec", "encrypted"]).location).toMatchObject({ startLine: 9 });
    // The default fs repository without snapshotRepoPath: helm template fails; persistence off: unknown target.
    expect(r.unknowns?.map((u) => u.reason).join("\n")).toMatch(/snapshotRepoPath/);
    expect(at(find(cbs, "ChartBackup", "ledger-opensearch-default"), "spec", "target")).toEqual({ kind: "pvc", claimName: null });
  });

  it("reads OpenSearch time values as days", () => {
    expect(timeValueDays("7d")).toBe(7);
    expect(timeValueDays("36h")).toBe(1.5);
    expect(timeValueDays("7y")).toBeUndefined();
  });
});

describe("bitnami/minio", () => {
  it("standalone is a Deployment on the PVC <fullname>, or an existing claim", () => {
    expect(render(minio, "").objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["Deployment/ledger-minio", "PersistentVolumeClaim/ledger-minio"]);
    const existing = render(minio, "persistence:\n  existingClaim: objects\n").objects;
    expect(existing.map((o) => o.kind)).toEqual(["Deployment"]);
    expect(at(existing[0]!, "spec", "template", "spec", "volumes")).toEqual([{ name: "data", persistentVolumeClaim: { claimName: "objects" } }]);
  });

  it("distributed is a StatefulSet of zones × replicaCount pods with one VCT per drive", () => {
    const sts = render(minio, "mode: distributed\nstatefulset:\n  zones: 2\n  drivesPerNode: 2\n").objects;
    expect(sts.map((o) => o.kind)).toEqual(["StatefulSet"]);
    expect(at(sts[0]!, "spec", "replicas")).toBe(8);
    expect((at(sts[0]!, "spec", "volumeClaimTemplates") as { metadata: { name: string } }[]).map((v) => v.metadata.name)).toEqual(["data-0", "data-1"]);
  });
});

describe("bitnami/etcd", () => {
  it("renders the snapshotter CronJob, its RWX nfs PVC and a ChartBackup keeping snapshotHistoryLimit snapshots", () => {
    const user = "disasterRecovery:\n  enabled: true\n  cronjob:\n    snapshotHistoryLimit: 48\n";
    const { objects } = render(etcd, user);
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["StatefulSet/ledger-etcd", "CronJob/ledger-etcd-snapshotter", "PersistentVolumeClaim/ledger-etcd-snapshotter", "ChartBackup/ledger-etcd-snapshotter"]);
    expect(at(objects[0]!, "spec", "template", "spec", "volumes")).toEqual([{ name: "snapshot-volume", persistentVolumeClaim: { claimName: "ledger-etcd-snapshotter" } }]);
    const pvc = objects[2]!;
    expect(pvc.annotations["helm.sh/resource-policy"]).toBe("keep");
    expect(at(pvc, "spec")).toEqual({ accessModes: ["ReadWriteMany"], resources: { requests: { storage: "2Gi" } }, storageClassName: "nfs" });
    const cb = objects[3]!;
    expect(at(cb, "spec")).toEqual({ workload: { kind: "StatefulSet", name: "ledger-etcd" }, tool: "etcd-snapshot", schedule: "*/30 * * * *", retention: { count: 48 }, target: { kind: "pvc", claimName: "ledger-etcd-snapshotter", storageClass: "nfs" }, encrypted: null });
    expect(cb.origin(["spec", "retention"])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 4 } });
    expect(cb.origin(["spec", "schedule"])).toMatchObject({ userSet: false, properties: { keyPath: "disasterRecovery.cronjob.schedule", value: '"*/30 * * * *"' } });
  });

  it("without disasterRecovery it is the StatefulSet alone, its VCT decided at the release declaration", () => {
    const { objects } = render(etcd, "");
    expect(objects.map((o) => o.kind)).toEqual(["StatefulSet"]);
    expect(objects[0]!.origin(["spec", "volumeClaimTemplates", 0]).location).toEqual(DECLARED_AT);
  });
});

describe("bitnami/cassandra", () => {
  it("renders the data VCT and a commitlog VCT when commitLogMountPath is set", () => {
    const sts = render(cassandra, "persistence:\n  commitLogMountPath: /bitnami/cassandra/commitlog\n  commitLogsize: 4Gi\n  commitStorageClass: io2\n").objects[0]!;
    expect(sts.name).toBe("ledger-cassandra");
    const vcts = at(sts, "spec", "volumeClaimTemplates") as { metadata: { name: string }; spec: { storageClassName?: string; resources: { requests: { storage: string } } } }[];
    expect(vcts.map((v) => v.metadata.name)).toEqual(["data", "commitlog"]);
    expect(vcts[1]!.spec).toMatchObject({ storageClassName: "io2", resources: { requests: { storage: "4Gi" } } });
    expect(sts.origin(["spec", "volumeClaimTemplates", 1, "spec", "storageClassName"]).properties.keyPath).toBe("persistence.commitStorageClass");
  });
});
