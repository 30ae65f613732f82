import { describe, expect, it } from "vitest";
import { chartBaseName, chartKnowledge, chartKnowledgeMatch, knownCharts, versionMajor } from "../../../src/catalog/charts/index.js";
import { dnsName, truthy } from "../../../src/catalog/charts/template.js";
import { DECLARED_AT, releaseOf, render } from "./release.js";

describe("chart knowledge registry", () => {
  it("matches a chart by the last segment of its name", () => {
    for (const name of ["postgresql", "bitnami/postgresql", "oci://registry-1.docker.io/bitnamicharts/postgresql", "charts/postgresql-17.1.0.tgz", "Bitnami/PostgreSQL"]) {
      expect(chartKnowledge(name)?.charts).toEqual(["postgresql"]);
    }
    expect(chartBaseName("oci://registry-1.docker.io/bitnamicharts/postgresql-ha")).toBe("postgresql-ha");
    expect(chartKnowledge("bitnami/postgresql-ha")?.charts).toEqual(["postgresql-ha"]);
    expect(chartKnowledge("vmware-tanzu/velero")?.charts).toEqual(["velero"]);
    expect(chartKnowledge("bitnami/wordpress")).toBeUndefined();
  });

  it("knows every chart of the issue", () => {
    expect(knownCharts().flatMap((k) => k.charts).sort()).toEqual(
      ["cassandra", "cluster", "elasticsearch", "etcd", "kafka", "mariadb", "minio", "mongodb", "mysql", "opensearch", "postgresql", "postgresql-ha", "rabbitmq", "redis", "velero"].sort(),
    );
    for (const k of knownCharts()) {
      expect(k.source).not.toBe("");
      expect(k.majors.min).toBeLessThanOrEqual(k.majors.max);
    }
  });

  it("says whether the version's major is one the entry was written for, and takes the closest otherwise", () => {
    expect(chartKnowledgeMatch("bitnami/postgresql", "17.1.0")?.versionInRange).toBe(true);
    expect(chartKnowledgeMatch("bitnami/postgresql", "16.x.x")?.versionInRange).toBe(true);
    const old = chartKnowledgeMatch("bitnami/postgresql", "12.5.6");
    expect(old?.knowledge.charts).toEqual(["postgresql"]);
    expect(old?.versionInRange).toBe(false);
    expect(chartKnowledgeMatch("bitnami/postgresql")?.versionInRange).toBeUndefined();
    expect(versionMajor("~17.1")).toBe(17);
    expect(versionMajor("v12")).toBe(12);
    expect(versionMajor("latest")).toBeUndefined();
  });

  it("takes the generic name `cluster` as CloudNativePG's only when the name or repository says so", () => {
    expect(chartKnowledge("cluster")).toBeUndefined();
    expect(chartKnowledge("cluster", "0.8.1", "https://cloudnative-pg.github.io/charts")?.charts).toEqual(["cluster"]);
    expect(chartKnowledge("cnpg/cluster")?.charts).toEqual(["cluster"]);
    expect(chartKnowledge("oci://ghcr.io/cloudnative-pg/charts/cluster")?.charts).toEqual(["cluster"]);
    expect(chartKnowledge("cluster", undefined, "https://charts.example.com")).toBeUndefined();
  });
});

describe("template semantics", () => {
  it("judges truth as Go templates do", () => {
    expect([false, 0, "", null, undefined, [], {}].map(truthy)).toEqual([false, false, false, false, false, false, false]);
    expect([true, 1, "false", "0", [0], { a: 1 }].map(truthy)).toEqual([true, true, true, true, true, true]);
  });

  it("truncates names to 63 characters and trims one trailing dash", () => {
    expect(dnsName(`${"a".repeat(62)}-b`)).toBe("a".repeat(62));
    expect(dnsName("ledger-")).toBe("ledger");
  });
});

describe("values of shapes no template expects", () => {
  const ODD = [
    "architecture: [replication]",
    "fullnameOverride: 12",
    "global: nope",
    "primary: 3",
    "persistence: 'x'",
    "readReplicas: {replicaCount: many, persistence: []}",
    "backup: {enabled: true, cronjob: oops}",
    "master: {kind: [Deployment], persistence: {enabled: true, existingClaim: {a: 1}}}",
    "controller: {replicaCount: '3'}",
    "broker: {replicaCount: '2', persistence: 7}",
    "mode: distributed",
    "statefulset: {replicaCount: x, zones: [1], drivesPerNode: '3'}",
    "schedules: [1, 2]",
    "configuration: 5",
    "snapshots: {enabled: true, policies: {a: 1, b: {snapshot_config: 7, deletion: {condition: {max_age: 7y}}}}, repositories: []}",
    "disasterRecovery: {enabled: true, cronjob: {snapshotHistoryLimit: many}, pvc: 4}",
    "backups: {enabled: true, method: plugin, scheduledBackups: x, provider: s3, s3: 1, pluginConfiguration: {name: barman-cloud.cloudnative-pg.io}}",
    "tde: {enabled: true, existingSecret: [a]}",
    "cluster: {instances: three, storage: [], walStorage: {enabled: true}}",
    "metrics: {enabled: true, prometheusRule: {enabled: true, spec: {a: 1}}}",
  ].join("\n");

  it("renders every chart without throwing", () => {
    for (const k of knownCharts()) {
      const r = render(k, ODD);
      expect(Array.isArray(r.objects)).toBe(true);
      for (const o of r.objects) expect(typeof o.name).toBe("string");
    }
  });

  it("a knowledge that throws gives no objects and an unknown at the release declaration", () => {
    const k = chartKnowledge("postgresql")!;
    const release = releaseOf(k, "");
    const broken = { ...release, values: { ...release.values, get: () => { throw new Error("boom"); } } as unknown as typeof release.values };
    const r = k.render(broken);
    expect(r.objects).toEqual([]);
    expect(r.unknowns?.[0]?.reason).toContain("boom");
    expect(r.unknowns?.[0]?.location).toEqual(DECLARED_AT);
  });
});
