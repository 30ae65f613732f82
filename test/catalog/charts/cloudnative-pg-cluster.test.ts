import { describe, expect, it } from "vitest";
import { cloudnativePgCluster } from "../../../src/catalog/charts/cloudnative-pg-cluster.js";
import { at, CHART_FILE, DECLARED_AT, find, lineOf, render, USER_FILE } from "./release.js";

const S3 = ["backups:", "  enabled: true", "  s3:", "    region: eu-west-1", "    bucket: ledger-pg", "    path: /prod"].join("\n");

describe("cloudnative-pg cluster chart", () => {
  it("renders the Cluster with instances and storage, and no backup by default", () => {
    const { objects } = render(cloudnativePgCluster, "cluster:\n  storage:\n    size: 200Gi\n    storageClass: gp3\n", { name: "ledger" });
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["Cluster/ledger-cluster"]);
    const c = objects[0]!;
    expect(c.apiVersion).toBe("postgresql.cnpg.io/v1");
    expect(c.labels).toMatchObject({ "app.kubernetes.io/name": "cluster", "app.kubernetes.io/instance": "ledger", "app.kubernetes.io/part-of": "cloudnative-pg" });
    expect(at(c, "spec")).toEqual({ instances: 3, storage: { size: "200Gi", storageClass: "gp3" } });
    expect(c.origin(["spec", "storage", "size"]).location).toMatchObject({ file: USER_FILE, startLine: 3 });
    expect(c.origin(["spec", "backup"])).toMatchObject({ userSet: false, location: DECLARED_AT, properties: { keyPath: "backups.enabled", value: "false" } });
  });

  it("builds the s3 destinationPath and endpointURL as the chart does, with the chart's 30d retention and AES256", () => {
    const { objects } = render(cloudnativePgCluster, S3, { name: "ledger-cluster", chartFile: true });
    const c = find(objects, "Cluster", "ledger-cluster");
    expect(at(c, "spec", "backup")).toEqual({
      target: "prefer-standby",
      retentionPolicy: "30d",
      barmanObjectStore: {
        wal: { compression: "gzip", encryption: "AES256" },
        data: { compression: "gzip", encryption: "AES256" },
        endpointURL: "https://s3.eu-west-1.amazonaws.com",
        destinationPath: "s3://ledger-pg/prod",
      },
    });
    const retention = c.origin(["spec", "backup", "retentionPolicy"]);
    expect(retention).toMatchObject({ userSet: false, location: { file: USER_FILE, startLine: lineOf(S3, "backups:") }, properties: { keyPath: "backups.retentionPolicy", value: '"30d"' } });
    expect(retention.related?.[0]?.location.file).toBe(CHART_FILE);
    expect(c.origin(["spec", "backup", "barmanObjectStore", "destinationPath"]).location).toMatchObject({ startLine: lineOf(S3, "bucket:") });
    const sb = find(objects, "ScheduledBackup", "ledger-cluster-daily-backup");
    expect(at(sb, "spec")).toEqual({ immediate: true, schedule: "0 0 0 * * *", method: "barmanObjectStore", backupOwnerReference: "self", cluster: { name: "ledger-cluster" } });
  });

  it("drops an empty encryption (left to the bucket's default) and takes the user's retention", () => {
    const user = `${S3}\n  retentionPolicy: 90d\n  wal:\n    encryption: ""\n  data:\n    encryption: aws:kms\n`;
    const c = render(cloudnativePgCluster, user).objects[0]!;
    expect(at(c, "spec", "backup", "retentionPolicy")).toBe("90d");
    expect(at(c, "spec", "backup", "barmanObjectStore", "wal")).toEqual({ compression: "gzip" });
    expect(at(c, "spec", "backup", "barmanObjectStore", "data", "encryption")).toBe("aws:kms");
    expect(c.origin(["spec", "backup", "barmanObjectStore", "wal", "encryption"])).toMatchObject({ userSet: true, location: { startLine: lineOf(user, 'encryption: ""') } });
  });

  it("takes an explicit destinationPath and endpointURL as given, and builds azure and google paths", () => {
    const explicit = render(cloudnativePgCluster, "backups:\n  enabled: true\n  destinationPath: s3://other/x\n  endpointURL: https://minio.local\n").objects[0]!;
    expect(at(explicit, "spec", "backup", "barmanObjectStore")).toMatchObject({ destinationPath: "s3://other/x", endpointURL: "https://minio.local" });
    const azure = render(cloudnativePgCluster, "backups:\n  enabled: true\n  provider: azure\n  azure:\n    storageAccount: acct\n    containerName: pg\n").objects[0]!;
    expect(at(azure, "spec", "backup", "barmanObjectStore", "destinationPath")).toBe("https://acct.blob.core.windows.net/pg/");
    const google = render(cloudnativePgCluster, "backups:\n  enabled: true\n  provider: google\n  google:\n    bucket: pg-gcs\n").objects[0]!;
    expect(at(google, "spec", "backup", "barmanObjectStore", "destinationPath")).toBe("gs://pg-gcs/");
  });

  it("reports the chart's own render failure (s3 without region or bucket) as unknown", () => {
    const r = render(cloudnativePgCluster, "backups:\n  enabled: true\n");
    expect(r.unknowns?.map((u) => u.reason)).toEqual([
      "helm template fails: You need to specify S3 region if endpointURL is not specified. (templates/_barman_object_store.tpl `required`)",
      "helm template fails: You need to specify S3 bucket if destinationPath is not specified. (templates/_barman_object_store.tpl `required`)",
    ]);
  });

  it("with the Barman Cloud plugin renders the ObjectStore and the Cluster's plugins entry", () => {
    const user = `${S3}\n  method: plugin\n  scheduledBackups:\n    - name: nightly\n      schedule: '0 0 1 * * *'\n      method: plugin\n`;
    const { objects } = render(cloudnativePgCluster, user, { name: "ledger" });
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["Cluster/ledger-cluster", "ObjectStore/ledger-cluster-backups", "ScheduledBackup/ledger-cluster-nightly"]);
    const c = objects[0]!;
    expect(at(c, "spec", "backup")).toBeUndefined();
    expect(at(c, "spec", "plugins")).toEqual([{ name: "barman-cloud.cloudnative-pg.io", isWALArchiver: true, parameters: { barmanObjectName: "ledger-cluster-backups" } }]);
    const store = objects[1]!;
    expect(store.apiVersion).toBe("barmancloud.cnpg.io/v1");
    expect(at(store, "spec", "retentionPolicy")).toBe("30d");
    expect(at(store, "spec", "configuration", "destinationPath")).toBe("s3://ledger-pg/prod");
    expect(at(objects[2]!, "spec", "pluginConfiguration")).toEqual({ name: "barman-cloud.cloudnative-pg.io" });
  });

  it("renders walStorage when enabled", () => {
    const c = render(cloudnativePgCluster, "cluster:\n  walStorage:\n    enabled: true\n    size: 4Gi\n").objects[0]!;
    expect(at(c, "spec", "walStorage")).toEqual({ size: "4Gi" });
  });
});
