import { describe, expect, it } from "vitest";
import { REPLICA_OF } from "../../../src/catalog/charts/bitnami.js";
import { ENCRYPTION_AT_REST, ENCRYPTION_KEY_SOURCE, mariadb } from "../../../src/catalog/charts/mariadb.js";
import { mongodb } from "../../../src/catalog/charts/mongodb.js";
import { mysql } from "../../../src/catalog/charts/mysql.js";
import { postgresqlHa } from "../../../src/catalog/charts/postgresql-ha.js";
import { at, CHART_FILE, DECLARED_AT, find, render, USER_FILE } from "./release.js";

describe("bitnami/postgresql-ha", () => {
  it("renders one StatefulSet <fullname>-postgresql with role=data and the top-level persistence", () => {
    const { objects } = render(postgresqlHa, "persistence:\n  size: 50Gi\n");
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["StatefulSet/ledger-postgresql-ha-postgresql"]);
    const sts = objects[0]!;
    expect(at(sts, "spec", "replicas")).toBe(3);
    expect(at(sts, "spec", "selector", "matchLabels")).toEqual({ "app.kubernetes.io/name": "postgresql-ha", "app.kubernetes.io/instance": "ledger", "app.kubernetes.io/component": "postgresql", role: "data" });
    expect(at(sts, "spec", "template", "spec", "containers", 0, "image")).toBe("docker.io/bitnami/postgresql-repmgr");
    expect(at(sts, "spec", "volumeClaimTemplates", 0, "spec", "resources", "requests", "storage")).toBe("50Gi");
    expect(sts.origin(["spec", "volumeClaimTemplates", 0])).toMatchObject({ userSet: false, location: { file: USER_FILE, startLine: 1 }, properties: { keyPath: "persistence.enabled" } });
  });

  it("renders the pg_dumpall backup in the release namespace even with namespaceOverride (its templates use .Release.Namespace)", () => {
    const { objects } = render(postgresqlHa, "namespaceOverride: db\nbackup:\n  enabled: true\n");
    expect(find(objects, "StatefulSet", "ledger-postgresql-ha-postgresql").namespace).toBe("db");
    const cb = find(objects, "ChartBackup", "ledger-postgresql-ha-postgresql-pgdumpall");
    expect(cb.namespace).toBe("payments");
    expect(at(cb, "spec")).toMatchObject({ tool: "pg_dumpall", schedule: "@daily", retention: null, target: { kind: "pvc", claimName: "ledger-postgresql-ha-postgresql-pgdumpall" }, encrypted: null });
    expect(find(objects, "PersistentVolumeClaim", "ledger-postgresql-ha-postgresql-pgdumpall").namespace).toBe("payments");
  });
});

describe("bitnami/mysql", () => {
  it("labels the VCT with the selector labels and the component", () => {
    const sts = render(mysql, "").objects[0]!;
    expect(sts.name).toBe("ledger-mysql");
    expect(at(sts, "spec", "volumeClaimTemplates", 0, "metadata")).toEqual({
      name: "data",
      labels: { "app.kubernetes.io/name": "mysql", "app.kubernetes.io/instance": "ledger", "app.kubernetes.io/component": "primary" },
    });
    expect(sts.labels["app.kubernetes.io/part-of"]).toBe("mysql");
  });

  it("renders primary and secondaries in replication, the secondaries marked as replicas", () => {
    const { objects } = render(mysql, "architecture: replication\nsecondary:\n  replicaCount: 2\n  persistence:\n    enabled: false\n");
    expect(objects.map((o) => o.name)).toEqual(["ledger-mysql-primary", "ledger-mysql-secondary"]);
    const secondary = objects[1]!;
    expect(secondary.annotations[REPLICA_OF]).toBe("StatefulSet/ledger-mysql-primary");
    expect(at(secondary, "spec", "replicas")).toBe(2);
    expect(at(secondary, "spec", "template", "spec", "volumes")).toEqual([{ name: "data", emptyDir: {} }]);
    expect(at(objects[0]!, "spec", "volumeClaimTemplates", 0, "metadata", "name")).toBe("data");
  });
});

describe("bitnami/mariadb", () => {
  it("states TDE and where its keys live as annotations, traced to the tde keys", () => {
    const user = "tde:\n  enabled: true\n  existingSecret: mariadb-tde\n";
    const sts = render(mariadb, user).objects[0]!;
    expect(sts.annotations[ENCRYPTION_AT_REST]).toBe("tde");
    expect(sts.annotations[ENCRYPTION_KEY_SOURCE]).toBe("secret/mariadb-tde");
    expect(sts.origin(["metadata", "annotations", ENCRYPTION_KEY_SOURCE])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 3 } });
    expect(render(mariadb, "tde:\n  enabled: true\n  secretsStoreProvider:\n    enabled: true\n").objects[0]!.annotations[ENCRYPTION_KEY_SOURCE]).toBe("secrets-store-csi");
    expect(render(mariadb, "tde:\n  enabled: true\n").objects[0]!.annotations[ENCRYPTION_KEY_SOURCE]).toBe("unknown");
  });

  it("writes no TDE annotation by default", () => {
    const sts = render(mariadb, "").objects[0]!;
    expect(sts.annotations[ENCRYPTION_AT_REST]).toBeUndefined();
    expect(at(sts, "spec", "template", "spec", "containers", 0, "image")).toBe("docker.io/bitnami/mariadb");
  });
});

describe("bitnami/mongodb", () => {
  it("standalone is a Deployment with the PVC <fullname> the chart makes", () => {
    const { objects } = render(mongodb, "");
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["Deployment/ledger-mongodb", "PersistentVolumeClaim/ledger-mongodb"]);
    expect(at(objects[0]!, "spec", "template", "spec", "volumes")).toEqual([{ name: "datadir", persistentVolumeClaim: { claimName: "ledger-mongodb" } }]);
    expect(at(objects[1]!, "spec", "resources", "requests", "storage")).toBe("8Gi");
    expect(objects[1]!.labels["app.kubernetes.io/component"]).toBe("mongodb");
    expect(objects[1]!.origin([]).properties.keyPath).toBe("persistence.enabled");
  });

  it("standalone with useStatefulSet has a VCT named persistence.name; replicaset has replicaCount members", () => {
    const sts = render(mongodb, "useStatefulSet: true\npersistence:\n  name: mongo-data\n").objects;
    expect(sts.map((o) => o.kind)).toEqual(["StatefulSet"]);
    expect(at(sts[0]!, "spec", "volumeClaimTemplates", 0, "metadata", "name")).toBe("mongo-data");
    const rs = render(mongodb, "architecture: replicaset\nreplicaCount: 3\n").objects[0]!;
    expect(rs.kind).toBe("StatefulSet");
    expect(at(rs, "spec", "replicas")).toBe(3);
  });

  it("persistence off gives an emptyDir with the medium", () => {
    const d = render(mongodb, "persistence:\n  enabled: false\n  medium: Memory\n").objects;
    expect(d.map((o) => o.kind)).toEqual(["Deployment"]);
    expect(at(d[0]!, "spec", "template", "spec", "volumes")).toEqual([{ name: "datadir", emptyDir: { medium: "Memory" } }]);
  });

  it("renders the mongodump CronJob, PVC and ChartBackup, honouring namespaceOverride", () => {
    const { objects } = render(mongodb, "namespaceOverride: docs\nbackup:\n  enabled: true\n  cronjob:\n    schedule: '15 1 * * *'\n");
    const cron = find(objects, "CronJob", "ledger-mongodb-mongodump");
    expect(cron.namespace).toBe("docs");
    expect(at(cron, "spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "command", 2)).toContain("mongodump");
    const cb = find(objects, "ChartBackup", "ledger-mongodb-mongodump");
    expect(at(cb, "spec")).toEqual({ workload: { kind: "Deployment", name: "ledger-mongodb" }, tool: "mongodump", schedule: "15 1 * * *", retention: null, target: { kind: "pvc", claimName: "ledger-mongodb-mongodump" }, encrypted: null });
    expect(cb.origin(["spec", "schedule"]).location).toMatchObject({ file: USER_FILE, startLine: 5 });
  });

  it("a chart-default persistence with no user key lands on the release declaration, the chart's line related", () => {
    const dep = render(mongodb, "", { chartFile: true }).objects[0]!;
    const o = dep.origin(["spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"]);
    expect(o.location).toEqual(DECLARED_AT);
    expect(o.related?.[0]?.location.file).toBe(CHART_FILE);
  });
});
