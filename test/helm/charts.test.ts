import { describe, expect, it } from "vitest";
import { load, release, tgz } from "./helpers.js";

const PG_VALUES = `architecture: standalone
primary:
  persistence:
    enabled: true
    size: 8Gi
backup:
  enabled: false
`;

const PG_CHART = "apiVersion: v2\nname: postgresql\nversion: 16.7.4\n";

describe("chart folders", () => {
  it("a chart no declaration installs is a release of its own: chart name, namespace default, said in the notes", () => {
    const r = load({ "db/Chart.yaml": PG_CHART, "db/values.yaml": PG_VALUES });
    const rel = release(r, "db::postgresql");
    expect(rel).toMatchObject({ name: "postgresql", namespace: "default", namespaceDeclared: false, source: "chart-directory", root: "db", environment: "", chart: { name: "postgresql", version: "16.7.4", directory: "db" } });
    expect(rel.declaredAt).toMatchObject({ file: "db/Chart.yaml", startLine: 2 });
    expect(r.notes.map((n) => n.what)).toContain("namespace defaulted");
    expect(r.objects.some((o) => o.kind === "StatefulSet" && o.name === "postgresql")).toBe(true);
  });

  it("values.yaml is the chart-default layer: a default with no user key lands on the declaration, its line related", () => {
    const r = load({ "db/Chart.yaml": PG_CHART, "db/values.yaml": PG_VALUES });
    const o = release(r, "db::postgresql").values.origin(["primary", "persistence", "enabled"]);
    expect(o.userSet).toBe(false);
    expect(o.location).toMatchObject({ file: "db/Chart.yaml", startLine: 2 });
    expect(o.related?.[0]?.location).toMatchObject({ file: "db/values.yaml", startLine: 4 });
  });

  it("each values-*.yaml / values.*.yaml is an environment of its own, never merged with another", () => {
    const r = load({
      "db/Chart.yaml": PG_CHART,
      "db/values.yaml": PG_VALUES,
      "db/values-prod.yaml": "primary:\n  persistence:\n    size: 100Gi\n",
      "db/values.staging.yaml": "backup:\n  enabled: true\n",
    });
    expect(r.releases.map((x) => x.environment).sort()).toEqual(["", "values-prod.yaml", "values.staging.yaml"]);
    const prod = release(r, "db::postgresql@values-prod.yaml");
    expect(prod.values.get(["primary", "persistence", "size"])).toBe("100Gi");
    expect(prod.values.get(["backup", "enabled"])).toBe(false);
    expect(prod.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "db/values-prod.yaml", startLine: 3 });
    const staging = release(r, "db::postgresql@values.staging.yaml");
    expect(staging.values.get(["primary", "persistence", "size"])).toBe("8Gi");
    expect(staging.values.get(["backup", "enabled"])).toBe(true);
    expect(release(r, "db::postgresql").values.get(["primary", "persistence", "size"])).toBe("8Gi");
  });

  it("an explicit null in an environment deletes the chart default", () => {
    const r = load({ "db/Chart.yaml": PG_CHART, "db/values.yaml": PG_VALUES, "db/values-dev.yaml": "primary:\n  persistence:\n    enabled: null\n" });
    const dev = release(r, "db::postgresql@values-dev.yaml");
    expect(dev.values.get(["primary", "persistence", "enabled"])).toBeUndefined();
    expect(dev.values.origin(["primary", "persistence", "enabled"])).toMatchObject({ userSet: true, location: { file: "db/values-dev.yaml", startLine: 3 } });
  });

  it("--values files go on top of values.yaml and of each environment file, in order", () => {
    const r = load(
      { "db/Chart.yaml": PG_CHART, "db/values.yaml": PG_VALUES, "db/values-prod.yaml": "primary:\n  persistence:\n    size: 100Gi\n" },
      { valuesFiles: [{ path: "ci/a.yaml", text: "primary:\n  persistence:\n    size: 20Gi\n" }, { path: "ci/b.yaml", text: "backup:\n  enabled: true\n" }] },
    );
    expect(release(r, "db::postgresql").values.get(["primary", "persistence", "size"])).toBe("20Gi");
    const prod = release(r, "db::postgresql@values-prod.yaml");
    expect(prod.values.get(["primary", "persistence", "size"])).toBe("20Gi");
    expect(prod.values.get(["backup", "enabled"])).toBe(true);
    expect(prod.values.origin(["backup", "enabled"]).location).toMatchObject({ file: "ci/b.yaml", startLine: 2 });
  });

  it("a Chart.yaml that does not parse is a problem; an unrelated broken YAML file is not ours to report", () => {
    const r = load({ "db/Chart.yaml": "name: [postgresql\n", "mkdocs.yml": "nav: [a\n", "k8s/app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n" });
    expect(r.problems.map((p) => p.file).sort()).toEqual(["db/Chart.yaml", "k8s/app.yaml"]);
  });
});

describe("umbrella charts", () => {
  const UMBRELLA = `apiVersion: v2
name: shop
version: 1.0.0
dependencies:
  - name: postgresql
    version: 16.x.x
    repository: oci://registry-1.docker.io/bitnamicharts
    alias: ledger
    condition: ledger.enabled
  - name: redis
    version: 20.x.x
    repository: oci://registry-1.docker.io/bitnamicharts
    condition: cache.enabled,redis.enabled
  - name: mongodb
    version: 16.x.x
    repository: oci://registry-1.docker.io/bitnamicharts
    tags: [documents]
`;
  const VALUES = `global:
  storageClass: fast
ledger:
  enabled: true
  primary:
    persistence:
      size: 50Gi
redis:
  enabled: false
tags:
  documents: false
`;

  it("a dependency is a release under the parent's name, its values scoped under the alias, globals passed down", () => {
    const r = load({ "shop/Chart.yaml": UMBRELLA, "shop/values.yaml": VALUES });
    const ledger = release(r, "shop::shop/ledger");
    expect(ledger).toMatchObject({ name: "shop", source: "umbrella-dependency", chart: { name: "postgresql", alias: "ledger", version: "16.x.x" } });
    expect(ledger.values.get(["primary", "persistence", "size"])).toBe("50Gi");
    expect(ledger.values.get(["global", "storageClass"])).toBe("fast");
    // The umbrella chart is the user's own: its values.yaml configures the dependency.
    expect(ledger.values.origin(["primary", "persistence", "size"])).toMatchObject({ userSet: true, location: { file: "shop/values.yaml", startLine: 7 } });
    // Not vendored: the subchart's defaults are the knowledge's, and a default lands on the dependency entry.
    expect(ledger.values.get(["primary", "persistence", "enabled"])).toBe(true);
    expect(ledger.values.origin(["backup", "enabled"]).location).toMatchObject({ file: "shop/Chart.yaml", startLine: 5 });
    expect(r.objects.some((o) => o.kind === "StatefulSet" && o.release === ledger)).toBe(true);
  });

  it("a false condition or tags render nothing, and the notes say which key decided", () => {
    const r = load({ "shop/Chart.yaml": UMBRELLA, "shop/values.yaml": VALUES });
    expect(r.releases.map((x) => x.id)).not.toContain("shop::shop/redis");
    expect(r.releases.map((x) => x.id)).not.toContain("shop::shop/mongodb");
    const disabled = r.notes.filter((n) => n.what === "disabled");
    expect(disabled.map((n) => n.reason)).toEqual(["condition redis.enabled is false: chart redis renders nothing", "tags documents are false: chart mongodb renders nothing"]);
    expect(disabled[0]!.location).toMatchObject({ file: "shop/values.yaml", startLine: 9 });
  });

  it("the first condition path that holds a boolean decides; an absent path leaves the dependency on", () => {
    const r = load({ "shop/Chart.yaml": UMBRELLA, "shop/values.yaml": "cache:\n  enabled: true\nredis:\n  enabled: false\n" });
    expect(r.releases.map((x) => x.id)).toContain("shop::shop/redis");
    expect(r.releases.map((x) => x.id)).toContain("shop::shop/ledger");
    expect(r.releases.map((x) => x.id)).toContain("shop::shop/mongodb");
  });

  it("a packaged subchart (charts/*.tgz) is read in place: its values.yaml is the chart default, with lines", () => {
    const archive = tgz({ "postgresql/Chart.yaml": PG_CHART, "postgresql/values.yaml": PG_VALUES, "postgresql/templates/statefulset.yaml": "{{ not yaml" });
    const r = load({ "shop/Chart.yaml": UMBRELLA, "shop/values.yaml": VALUES, "shop/charts/postgresql-16.7.4.tgz": archive });
    const ledger = release(r, "shop::shop/ledger");
    expect(ledger.chart).toMatchObject({ name: "postgresql", version: "16.7.4", directory: "shop/charts/postgresql-16.7.4.tgz/postgresql" });
    const o = ledger.values.origin(["backup", "enabled"]);
    expect(o.related?.[0]?.location).toMatchObject({ file: "shop/charts/postgresql-16.7.4.tgz/postgresql/values.yaml", startLine: 7 });
    expect(r.problems).toEqual([]);
    // A packaged chart is a dependency, never a release of its own.
    expect(r.releases.filter((x) => x.source === "chart-directory").map((x) => x.id)).toEqual(["shop::shop"]);
  });

  it("a damaged archive is a problem on it, and the scan goes on", () => {
    const r = load({ "shop/Chart.yaml": UMBRELLA, "shop/values.yaml": VALUES, "shop/charts/postgresql-16.7.4.tgz": new Uint8Array([1, 2, 3, 4]) });
    expect(r.problems.map((p) => p.file)).toEqual(["shop/charts/postgresql-16.7.4.tgz"]);
    expect(release(r, "shop::shop/ledger").chart.directory).toBeUndefined();
  });

  it("an unpacked vendored subchart (charts/<name>/) gives the defaults; one Chart.yaml does not list is still rendered", () => {
    const r = load({
      "shop/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n",
      "shop/values.yaml": "postgresql:\n  primary:\n    persistence:\n      size: 30Gi\n",
      "shop/charts/postgresql/Chart.yaml": PG_CHART,
      "shop/charts/postgresql/values.yaml": PG_VALUES,
    });
    const pg = release(r, "shop::shop/postgresql");
    expect(pg.values.get(["primary", "persistence", "size"])).toBe("30Gi");
    expect(pg.values.origin(["primary", "persistence", "enabled"]).related?.[0]?.location).toMatchObject({ file: "shop/charts/postgresql/values.yaml", startLine: 4 });
    expect(r.releases.filter((x) => x.source === "chart-directory").map((x) => x.id)).toEqual(["shop::shop"]);
  });

  it("a chart the knowledge does not describe is said in the notes, not guessed", () => {
    const r = load({ "shop/Chart.yaml": UMBRELLA, "shop/values.yaml": VALUES });
    expect(r.notes.find((n) => n.subject === "chart shop")?.reason).toMatch(/not known to restorable: its workloads are not judged; pass --helm-render/);
  });
});

describe("packaged chart safety", () => {
  it("an archive that inflates past the cap is a problem, not an out-of-memory", async () => {
    const { gzipSync } = await import("node:zlib");
    const { readChartArchive, MAX_INFLATED_BYTES } = await import("../../src/helm/archive.js");
    const bomb = gzipSync(Buffer.alloc(MAX_INFLATED_BYTES + 1024, 0));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = readChartArchive(bomb);
    expect(r.members.size).toBe(0);
    expect(r.problems[0]).toMatch(/inflates to more than/);
  });

  it("keeps chart metadata and values only: never templates, never paths that climb out", async () => {
    const { readChartArchive } = await import("../../src/helm/archive.js");
    const r = readChartArchive(tgz({ "pg/Chart.yaml": "name: pg\n", "pg/values.yaml": "a: 1\n", "pg/values-ci.yaml": "a: 2\n", "pg/templates/x.yaml": "{{", "../evil/Chart.yaml": "x", "pg/charts/common-2.0.0.tgz": "not really" }));
    expect([...r.members.keys()]).toEqual(["pg/Chart.yaml", "pg/values.yaml", "pg/values-ci.yaml", "pg/charts/common-2.0.0.tgz"]);
  });
});
