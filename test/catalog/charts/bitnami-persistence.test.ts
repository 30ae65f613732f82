/**
 * The same promise for every Bitnami chart: persistence on renders a claim whose origin is the
 * persistence switch (the release declaration plus the chart's line when nobody wrote it), and
 * persistence off renders an emptyDir data volume whose origin is the user's `enabled: false`.
 */
import { describe, expect, it } from "vitest";
import { cassandra } from "../../../src/catalog/charts/cassandra.js";
import { elasticsearch } from "../../../src/catalog/charts/elasticsearch.js";
import { etcd } from "../../../src/catalog/charts/etcd.js";
import { kafka } from "../../../src/catalog/charts/kafka.js";
import { mariadb } from "../../../src/catalog/charts/mariadb.js";
import { minio } from "../../../src/catalog/charts/minio.js";
import { mongodb } from "../../../src/catalog/charts/mongodb.js";
import { mysql } from "../../../src/catalog/charts/mysql.js";
import { opensearch } from "../../../src/catalog/charts/opensearch.js";
import { postgresql } from "../../../src/catalog/charts/postgresql.js";
import { postgresqlHa } from "../../../src/catalog/charts/postgresql-ha.js";
import { rabbitmq } from "../../../src/catalog/charts/rabbitmq.js";
import { redis } from "../../../src/catalog/charts/redis.js";
import type { ChartKnowledge } from "../../../src/helm/types.js";
import { at, CHART_FILE, DECLARED_AT, find, render, USER_FILE } from "./release.js";

const CASES: [ChartKnowledge, string, string, string, string][] = [
  [postgresql, "primary.persistence.enabled", "StatefulSet", "ledger-postgresql", "docker.io/bitnami/postgresql"],
  [postgresqlHa, "persistence.enabled", "StatefulSet", "ledger-postgresql-ha-postgresql", "docker.io/bitnami/postgresql-repmgr"],
  [mysql, "primary.persistence.enabled", "StatefulSet", "ledger-mysql", "docker.io/bitnami/mysql"],
  [mariadb, "primary.persistence.enabled", "StatefulSet", "ledger-mariadb", "docker.io/bitnami/mariadb"],
  [mongodb, "persistence.enabled", "Deployment", "ledger-mongodb", "docker.io/bitnami/mongodb"],
  [redis, "master.persistence.enabled", "StatefulSet", "ledger-redis-master", "docker.io/bitnami/redis"],
  [kafka, "controller.persistence.enabled", "StatefulSet", "ledger-kafka-controller", "docker.io/bitnami/kafka"],
  [rabbitmq, "persistence.enabled", "StatefulSet", "ledger-rabbitmq", "docker.io/bitnami/rabbitmq"],
  [elasticsearch, "data.persistence.enabled", "StatefulSet", "ledger-elasticsearch-data", "docker.io/bitnami/elasticsearch"],
  [opensearch, "data.persistence.enabled", "StatefulSet", "ledger-opensearch-data", "docker.io/bitnami/opensearch"],
  [minio, "persistence.enabled", "Deployment", "ledger-minio", "docker.io/bitnami/minio"],
  [etcd, "persistence.enabled", "StatefulSet", "ledger-etcd", "docker.io/bitnami/etcd"],
  [cassandra, "persistence.enabled", "StatefulSet", "ledger-cassandra", "docker.io/bitnami/cassandra"],
];

/** `a.b.c` → "a:\n  b:\n    c: value\n". */
function nested(dotted: string, value: string): string {
  return dotted.split(".").map((k, i, all) => `${"  ".repeat(i)}${k}:${i === all.length - 1 ? ` ${value}` : ""}`).join("\n") + "\n";
}

describe.each(CASES.map((c) => [c[0].charts[0]!, ...c] as const))("bitnami/%s persistence", (chart, k, key, kind, name, image) => {
  it(`${chart}: on by default, the claim decided by ${key} at the release declaration with the chart's line related`, () => {
    const { objects } = render(k, "", { chartFile: true });
    const w = find(objects, kind, name);
    expect(w.namespace).toBe("payments");
    expect(w.labels).toMatchObject({ "app.kubernetes.io/instance": "ledger", "app.kubernetes.io/managed-by": "Helm" });
    expect(at(w, "spec", "template", "spec", "containers", 0, "image")).toBe(image);
    const claimAt = at(w, "spec", "volumeClaimTemplates") ? ["spec", "volumeClaimTemplates", 0] : ["spec", "template", "spec", "volumes", 0];
    if (kind === "Deployment") expect(at(w, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName")).toBe(name);
    const o = w.origin(claimAt);
    expect(o.location).toEqual(DECLARED_AT);
    expect(o.properties).toEqual({ keyPath: key, value: "true", valueOrigin: `chart-default:${CHART_FILE}` });
    expect(o.related).toEqual([{ location: expect.objectContaining({ file: CHART_FILE }), message: `chart default ${key}: true` }]);
  });

  it(`${chart}: ${key}: false renders the data volume as an emptyDir, decided at the user's key`, () => {
    const user = nested(key, "false");
    const { objects } = render(k, user);
    const w = find(objects, kind, name);
    expect(at(w, "spec", "volumeClaimTemplates")).toBeUndefined();
    expect(objects.some((o) => o.kind === "PersistentVolumeClaim")).toBe(false);
    const volumes = at(w, "spec", "template", "spec", "volumes") as { name: string; emptyDir?: unknown }[];
    const i = volumes.findIndex((v) => v.emptyDir !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(w.origin(["spec", "template", "spec", "volumes", i])).toMatchObject({ userSet: true, location: { file: USER_FILE, startLine: key.split(".").length }, properties: { keyPath: key, value: "false" } });
  });
});
