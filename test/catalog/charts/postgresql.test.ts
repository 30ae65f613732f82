import { describe, expect, it } from "vitest";
import { postgresql } from "../../../src/catalog/charts/postgresql.js";
import { REPLICA_OF } from "../../../src/catalog/charts/bitnami.js";
import { at, CHART_FILE, DECLARED_AT, find, lineOf, releaseOf, render, USER_FILE } from "./release.js";

describe("bitnami/postgresql", () => {
  it("renders the standalone primary StatefulSet with its data VCT, labels and image from chart defaults", () => {
    const { objects } = render(postgresql, "");
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["StatefulSet/ledger-postgresql"]);
    const sts = objects[0]!;
    expect(sts.apiVersion).toBe("apps/v1");
    expect(sts.namespace).toBe("payments");
    expect(sts.labels).toMatchObject({ "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": "ledger", "app.kubernetes.io/component": "primary", "app.kubernetes.io/managed-by": "Helm" });
    expect(at(sts, "spec", "replicas")).toBe(1);
    expect(at(sts, "spec", "selector", "matchLabels")).toEqual({ "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": "ledger", "app.kubernetes.io/component": "primary" });
    expect(at(sts, "spec", "template", "spec", "containers", 0, "image")).toBe("docker.io/bitnami/postgresql");
    expect(at(sts, "spec", "volumeClaimTemplates")).toEqual([
      { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "8Gi" } } } },
    ]);
    expect(at(sts, "spec", "template", "spec", "volumes")).toBeUndefined();
  });

  it("names the release alone when it contains the chart name, and honours fullnameOverride and namespaceOverride", () => {
    expect(render(postgresql, "", { name: "app-postgresql" }).objects[0]!.name).toBe("app-postgresql");
    const { objects } = render(postgresql, "fullnameOverride: ledger-db\nnamespaceOverride: data\n");
    expect(objects[0]!.name).toBe("ledger-db");
    expect(objects[0]!.namespace).toBe("data");
    expect(objects[0]!.origin(["metadata", "name"])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 1 } });
  });

  it("names an aliased dependency by its alias, as Helm renames the subchart's .Chart.Name", () => {
    const release = releaseOf(postgresql, "", { name: "shop" });
    const sts = postgresql.render({ ...release, chart: { ...release.chart, alias: "orders-db" } }).objects[0]!;
    expect(sts.name).toBe("shop-orders-db");
    expect(sts.labels["app.kubernetes.io/name"]).toBe("orders-db");
  });

  it("points the VCT (persistence) at the user's key when set, and at the release declaration when a chart default", () => {
    const user = "primary:\n  persistence:\n    enabled: true\n    size: 100Gi\n";
    const sts = render(postgresql, user).objects[0]!;
    expect(at(sts, "spec", "volumeClaimTemplates", 0, "spec", "resources", "requests", "storage")).toBe("100Gi");
    expect(sts.origin(["spec", "volumeClaimTemplates", 0])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 3 }, properties: { keyPath: "primary.persistence.enabled", value: "true" } });
    expect(sts.origin(["spec", "volumeClaimTemplates", 0, "spec", "resources", "requests", "storage"])).toMatchObject({ userSet: true, location: { startLine: 4 } });

    const bare = render(postgresql, "").objects[0]!;
    const o = bare.origin(["spec", "volumeClaimTemplates", 0]);
    expect(o).toMatchObject({ userSet: false, location: DECLARED_AT, properties: { keyPath: "primary.persistence.enabled", value: "true" } });
    expect(o.related).toBeUndefined();
  });

  it("relates the chart default's line when the chart's values.yaml is in the scan, landing on the nearest user ancestor", () => {
    const user = "primary:\n  persistence:\n    size: 20Gi\n";
    const sts = render(postgresql, user, { chartFile: true }).objects[0]!;
    const o = sts.origin(["spec", "volumeClaimTemplates", 0]);
    expect(o.userSet).toBe(false);
    expect(o.location).toMatchObject({ file: USER_FILE, startLine: 2 });
    expect(o.related).toEqual([{ location: expect.objectContaining({ file: CHART_FILE }), message: "chart default primary.persistence.enabled: true" }]);
    expect(o.properties.valueOrigin).toBe(`chart-default:${CHART_FILE}`);
  });

  it("renders an emptyDir data volume and no VCT when persistence is off, also when deleted with null", () => {
    for (const user of ["primary:\n  persistence:\n    enabled: false\n", "primary:\n  persistence:\n    enabled: null\n"]) {
      const sts = render(postgresql, user).objects[0]!;
      expect(at(sts, "spec", "volumeClaimTemplates")).toBeUndefined();
      expect(at(sts, "spec", "template", "spec", "volumes")).toEqual([{ name: "data", emptyDir: {} }]);
      expect(sts.origin(["spec", "template", "spec", "volumes", 0])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 3 } });
    }
  });

  it("mounts an existing claim instead of a VCT", () => {
    const sts = render(postgresql, "primary:\n  persistence:\n    existingClaim: ledger-data\n").objects[0]!;
    expect(at(sts, "spec", "volumeClaimTemplates")).toBeUndefined();
    expect(at(sts, "spec", "template", "spec", "volumes")).toEqual([{ name: "data", persistentVolumeClaim: { claimName: "ledger-data" } }]);
    expect(sts.origin(["spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"]).location).toMatchObject({ startLine: 3 });
  });

  it("takes the storage class by Bitnami precedence: global.storageClass, the component's, global.defaultStorageClass; '-' renders empty", () => {
    const sc = (user: string) => {
      const sts = render(postgresql, user).objects[0]!;
      return { name: at(sts, "spec", "volumeClaimTemplates", 0, "spec", "storageClassName"), key: sts.origin(["spec", "volumeClaimTemplates", 0, "spec", "storageClassName"]).properties.keyPath };
    };
    expect(sc("")).toEqual({ name: undefined, key: "primary.persistence.storageClass" });
    expect(sc("global:\n  defaultStorageClass: standard\n")).toEqual({ name: "standard", key: "global.defaultStorageClass" });
    expect(sc("global:\n  defaultStorageClass: standard\nprimary:\n  persistence:\n    storageClass: gp3-encrypted\n")).toEqual({ name: "gp3-encrypted", key: "primary.persistence.storageClass" });
    expect(sc("global:\n  storageClass: fast\nprimary:\n  persistence:\n    storageClass: gp3-encrypted\n")).toEqual({ name: "fast", key: "global.storageClass" });
    expect(sc("primary:\n  persistence:\n    storageClass: '-'\n")).toEqual({ name: "", key: "primary.persistence.storageClass" });
  });

  it("carries pod annotations (Velero opt-in), persistence labels and commonLabels", () => {
    const user = [
      "commonLabels:",
      "  team: payments",
      "primary:",
      "  podAnnotations:",
      "    backup.velero.io/backup-volumes: data",
      "  persistence:",
      "    labels:",
      "      backup: daily",
    ].join("\n");
    const sts = render(postgresql, user).objects[0]!;
    expect(sts.labels.team).toBe("payments");
    expect(at(sts, "spec", "template", "metadata", "annotations")).toEqual({ "backup.velero.io/backup-volumes": "data" });
    expect(at(sts, "spec", "template", "metadata", "labels")).toMatchObject({ team: "payments", "app.kubernetes.io/component": "primary" });
    expect(at(sts, "spec", "volumeClaimTemplates", 0, "metadata", "labels")).toEqual({ backup: "daily" });
    expect(sts.origin(["spec", "template", "metadata", "annotations", "backup.velero.io/backup-volumes"])).toMatchObject({ userSet: true, location: { startLine: 5 } });
    expect(sts.origin(["metadata", "labels", "team"]).location).toMatchObject({ startLine: 2 });
  });

  it("renders primary and read replicas in replication, the replicas marked as such", () => {
    const { objects } = render(postgresql, "architecture: replication\nreadReplicas:\n  replicaCount: 2\n");
    expect(objects.map((o) => o.name)).toEqual(["ledger-postgresql-primary", "ledger-postgresql-read"]);
    const read = find(objects, "StatefulSet", "ledger-postgresql-read");
    expect(read.annotations[REPLICA_OF]).toBe("StatefulSet/ledger-postgresql-primary");
    expect(read.labels["app.kubernetes.io/component"]).toBe("read");
    expect(at(read, "spec", "replicas")).toBe(2);
    expect(at(read, "spec", "volumeClaimTemplates", 0, "metadata", "name")).toBe("data");
    expect(find(objects, "StatefulSet", "ledger-postgresql-primary").annotations[REPLICA_OF]).toBeUndefined();
  });

  it("renders the pg_dumpall CronJob, its PVC and a ChartBackup that never prunes", () => {
    const user = "backup:\n  enabled: true\n  cronjob:\n    schedule: '0 3 * * *'\n    storage:\n      storageClass: gp3\n      size: 50Gi\n";
    const { objects } = render(postgresql, user);
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual([
      "StatefulSet/ledger-postgresql",
      "CronJob/ledger-postgresql-pgdumpall",
      "PersistentVolumeClaim/ledger-postgresql-pgdumpall",
      "ChartBackup/ledger-postgresql-pgdumpall",
    ]);
    const pvc = find(objects, "PersistentVolumeClaim", "ledger-postgresql-pgdumpall");
    expect(pvc.labels["app.kubernetes.io/component"]).toBe("pg_dumpall");
    expect(at(pvc, "spec")).toEqual({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "50Gi" } }, storageClassName: "gp3" });
    const cb = find(objects, "ChartBackup", "ledger-postgresql-pgdumpall");
    expect(cb.apiVersion).toBe("restorable.dev/v1");
    expect(cb.namespace).toBe("payments");
    expect(at(cb, "spec")).toEqual({
      workload: { kind: "StatefulSet", name: "ledger-postgresql" },
      tool: "pg_dumpall",
      schedule: "0 3 * * *",
      retention: null,
      target: { kind: "pvc", claimName: "ledger-postgresql-pgdumpall", storageClass: "gp3" },
      encrypted: null,
    });
    expect(cb.origin([])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: 2 }, properties: { keyPath: "backup.enabled" } });
    expect(cb.origin(["spec", "schedule"])).toMatchObject({ userSet: true, location: { startLine: 4 } });
    expect(cb.origin(["spec", "retention"]).properties.keyPath).toBe("backup.enabled");
    expect(cb.origin(["spec", "encrypted"]).properties.keyPath).toBe("backup.cronjob.storage.storageClass");
  });

  it("a dump with the chart's default schedule lands on the user's backup key, the default line related", () => {
    const user = "backup:\n  enabled: true\n";
    const text = user;
    const cb = find(render(postgresql, user, { chartFile: true }).objects, "ChartBackup", "ledger-postgresql-pgdumpall");
    expect(at(cb, "spec", "schedule")).toBe("@daily");
    const o = cb.origin(["spec", "schedule"]);
    expect(o).toMatchObject({ userSet: false, location: { file: USER_FILE, startLine: lineOf(text, "backup:") } });
    expect(o.related?.[0]?.message).toBe('chart default backup.cronjob.schedule: "@daily"');
  });

  it("writes the dump into an existing claim (no PVC rendered) and keeps nothing when storage is off", () => {
    const existing = render(postgresql, "backup:\n  enabled: true\n  cronjob:\n    storage:\n      existingClaim: dumps\n").objects;
    expect(existing.some((o) => o.kind === "PersistentVolumeClaim")).toBe(false);
    expect(at(find(existing, "ChartBackup", "ledger-postgresql-pgdumpall"), "spec", "target")).toEqual({ kind: "pvc", claimName: "dumps" });

    const off = render(postgresql, "backup:\n  enabled: true\n  cronjob:\n    storage:\n      enabled: false\n").objects;
    expect(off.map((o) => o.kind)).toEqual(["StatefulSet", "CronJob"]);
  });

  it("does not render the CronJob's timeZone from backup.cronjob.timeZone (the template reads backup.cronjob.timezone)", () => {
    const cron = find(render(postgresql, "backup:\n  enabled: true\n  cronjob:\n    timeZone: Europe/Berlin\n").objects, "CronJob", "ledger-postgresql-pgdumpall");
    expect(at(cron, "spec", "timeZone")).toBeUndefined();
    const cron2 = find(render(postgresql, "backup:\n  enabled: true\n  cronjob:\n    timezone: Europe/Berlin\n").objects, "CronJob", "ledger-postgresql-pgdumpall");
    expect(at(cron2, "spec", "timeZone")).toBe("Europe/Berlin");
  });
});
