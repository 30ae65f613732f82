import { describe, expect, it } from "vitest";
import { ledgerStatefulSet, load, release } from "./helpers.js";

const PG_CHART = "apiVersion: v2\nname: postgresql\nversion: 16.7.4\n";
const PG_VALUES = "primary:\n  persistence:\n    enabled: true\n    size: 8Gi\nbackup:\n  enabled: false\n";

describe("Argo CD Applications", () => {
  const APP = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ledger
  namespace: argocd
spec:
  project: default
  source:
    repoURL: registry-1.docker.io/bitnamicharts
    chart: postgresql
    targetRevision: 16.7.4
    helm:
      values: |
        primary:
          persistence:
            size: 20Gi
        backup:
          enabled: true
      valuesObject:
        primary:
          persistence:
            size: 40Gi
      parameters:
        - name: backup.enabled
          value: "false"
  destination:
    server: https://kubernetes.default.svc
    namespace: payments
`;

  it("a chart from a Helm repository is a release named after the Application, in the destination namespace", () => {
    const r = load({ "apps/ledger.yaml": APP });
    const rel = release(r, "apps::ledger");
    expect(rel).toMatchObject({ name: "ledger", namespace: "payments", namespaceDeclared: true, source: "argocd-application", chart: { name: "postgresql", version: "16.7.4", repository: "registry-1.docker.io/bitnamicharts" } });
    expect(rel.declaredAt).toMatchObject({ file: "apps/ledger.yaml", startLine: 2 });
  });

  it("parameters > valuesObject > values > valueFiles, and helm.values keys point at their own lines in the block", () => {
    const rel = release(load({ "apps/ledger.yaml": APP }), "apps::ledger");
    expect(rel.values.get(["primary", "persistence", "size"])).toBe("40Gi");
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "apps/ledger.yaml", startLine: 22, startColumn: 13 });
    expect(rel.values.get(["backup", "enabled"])).toBe(false);
    expect(rel.values.origin(["backup", "enabled"]).location).toMatchObject({ file: "apps/ledger.yaml", startLine: 24 });
    const without = release(load({ "apps/ledger.yaml": APP.replace(/      parameters:[\s\S]*?"false"\n/, "") }), "apps::ledger");
    expect(without.values.get(["backup", "enabled"])).toBe(true);
    expect(without.values.origin(["backup", "enabled"]).location).toMatchObject({ file: "apps/ledger.yaml", startLine: 18, startColumn: 11 });
  });

  it("a chart path of the repository uses its values.yaml; valueFiles are relative to the chart, releaseName names the release", () => {
    const app = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ledger-prod
spec:
  source:
    repoURL: https://github.com/acme/platform.git
    path: charts/ledger
    helm:
      releaseName: ledger
      valueFiles:
        - values-prod.yaml
        - missing.yaml
  destination:
    namespace: payments
`;
    const r = load({ "argocd/ledger.yaml": app, "charts/ledger/Chart.yaml": PG_CHART, "charts/ledger/values.yaml": PG_VALUES, "charts/ledger/values-prod.yaml": "primary:\n  persistence:\n    size: 100Gi\n" });
    const rel = release(r, "argocd::ledger");
    expect(rel.chart).toMatchObject({ name: "postgresql", directory: "charts/ledger" });
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "charts/ledger/values-prod.yaml", startLine: 3 });
    expect(r.notes.find((n) => n.what === "values file missing.yaml")?.reason).toMatch(/not in the scan/);
    // The chart folder is installed by the Application: no release of its own, no environments.
    expect(r.releases.filter((x) => x.source === "chart-directory")).toEqual([]);
  });
});

describe("Argo CD multiple sources", () => {
  it("$ref/path value files come from the ref source (this repository); a ref-only source is no release", () => {
    const app = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ledger
spec:
  sources:
    - repoURL: https://charts.bitnami.com/bitnami
      chart: postgresql
      targetRevision: 16.7.4
      helm:
        valueFiles:
          - $config/envs/prod/ledger.yaml
    - repoURL: https://github.com/acme/platform.git
      targetRevision: main
      ref: config
  destination:
    name: prod
    namespace: payments
`;
    const clusters = [{ name: "prod", region: "eu-west-1", paths: [], location: { file: ".restorable.yml", startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } }];
    const r = load({ "apps/ledger.yaml": app, "envs/prod/ledger.yaml": "primary:\n  persistence:\n    size: 75Gi\n" }, { clusters });
    expect(r.releases.map((x) => x.id)).toEqual(["apps::ledger"]);
    const rel = release(r, "apps::ledger");
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "envs/prod/ledger.yaml", startLine: 3 });
    expect(rel.declaredAt).toMatchObject({ file: "apps/ledger.yaml", startLine: 7 });
    // destination.name names a cluster of the config.
    expect(rel.cluster).toMatchObject({ name: "prod", region: "eu-west-1" });
  });
});

describe("Flux HelmReleases", () => {
  const FLUX = `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: bitnami
  namespace: flux-system
spec:
  url: oci://registry-1.docker.io/bitnamicharts
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ledger-values
  namespace: payments
data:
  values.yaml: |
    primary:
      persistence:
        size: 25Gi
    backup:
      enabled: true
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ledger
  namespace: payments
spec:
  chart:
    spec:
      chart: postgresql
      version: "16.7.x"
      sourceRef:
        kind: HelmRepository
        name: bitnami
        namespace: flux-system
  valuesFrom:
    - kind: ConfigMap
      name: ledger-values
    - kind: Secret
      name: not-in-the-repo
      optional: true
  values:
    backup:
      enabled: false
`;

  it("chart and repository from the sourceRef; valuesFrom in order, then spec.values", () => {
    const r = load({ "clusters/prod/ledger.yaml": FLUX });
    const rel = release(r, "clusters/prod::ledger");
    expect(rel).toMatchObject({ namespace: "payments", source: "flux-helmrelease", chart: { name: "postgresql", version: "16.7.x", repository: "oci://registry-1.docker.io/bitnamicharts" } });
    expect(rel.values.get(["primary", "persistence", "size"])).toBe("25Gi");
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "clusters/prod/ledger.yaml", startLine: 18, startColumn: 9 });
    expect(rel.values.get(["backup", "enabled"])).toBe(false);
    expect(rel.values.origin(["backup", "enabled"]).location).toMatchObject({ file: "clusters/prod/ledger.yaml", startLine: 44 });
    // An optional reference that is absent says nothing.
    expect(r.notes.filter((n) => n.subject === "HelmRelease ledger")).toEqual([]);
  });

  it("targetNamespace places the release and prefixes the default release name", () => {
    const r = load({ "clusters/prod/ledger.yaml": FLUX.replace("  values:\n", "  targetNamespace: ledger\n  values:\n") });
    expect(release(r, "clusters/prod::ledger-ledger")).toMatchObject({ name: "ledger-ledger", namespace: "ledger" });
  });

  it("chartRef to an OCIRepository names the chart and version; a Secret's base64 data and targetPath give values", () => {
    const docs = `apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: OCIRepository
metadata:
  name: postgresql
  namespace: payments
spec:
  url: oci://registry-1.docker.io/bitnamicharts/postgresql
  ref:
    tag: 16.7.4
---
apiVersion: v1
kind: Secret
metadata:
  name: ledger-secret-values
  namespace: payments
data:
  values.yaml: ${Buffer.from("auth:\n  database: ledger\n").toString("base64")}
  size: MzBHaQ==
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ledger
  namespace: payments
spec:
  chartRef:
    kind: OCIRepository
    name: postgresql
  valuesFrom:
    - kind: Secret
      name: ledger-secret-values
    - kind: Secret
      name: ledger-secret-values
      valuesKey: size
      targetPath: primary.persistence.size
`;
    const rel = release(load({ "flux/ledger.yaml": docs }), "flux::ledger");
    expect(rel.chart).toMatchObject({ name: "postgresql", version: "16.7.4", repository: "oci://registry-1.docker.io/bitnamicharts/postgresql" });
    expect(rel.values.get(["auth", "database"])).toBe("ledger");
    expect(rel.values.get(["primary", "persistence", "size"])).toBe("30Gi");
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "flux/ledger.yaml", startLine: 18 });
  });

  it("a values reference that is neither optional nor in the scan is said", () => {
    const r = load({ "clusters/prod/ledger.yaml": FLUX.replace("      optional: true\n", "") });
    expect(r.notes.find((n) => n.what === "valuesFrom Secret not-in-the-repo")?.reason).toMatch(/is not in the scan/);
  });
});

describe("helmfile", () => {
  const HELMFILE = `repositories:
  - name: bitnami
    url: https://charts.bitnami.com/bitnami
releases:
  - name: ledger
    namespace: payments
    chart: bitnami/postgresql
    version: 16.7.4
    values:
      - values/ledger.yaml
      - primary:
          persistence:
            size: 60Gi
    set:
      - name: backup.enabled
        value: true
  - name: old
    namespace: payments
    chart: bitnami/postgresql
    installed: false
  - name: local
    chart: ./charts/ledger
`;

  it("releases with values files (relative to the helmfile), inline maps and set, in that order", () => {
    const r = load({ "deploy/helmfile.yaml": HELMFILE, "deploy/values/ledger.yaml": "primary:\n  persistence:\n    size: 30Gi\n    storageClass: gp3\n" });
    const rel = release(r, "deploy::ledger");
    expect(rel).toMatchObject({ namespace: "payments", source: "helmfile", chart: { name: "postgresql", version: "16.7.4", repository: "https://charts.bitnami.com/bitnami" } });
    expect(rel.values.get(["primary", "persistence", "size"])).toBe("60Gi");
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "deploy/helmfile.yaml", startLine: 13 });
    expect(rel.values.origin(["primary", "persistence", "storageClass"]).location).toMatchObject({ file: "deploy/values/ledger.yaml", startLine: 4 });
    expect(rel.values.get(["backup", "enabled"])).toBe(true);
    expect(rel.values.origin(["backup", "enabled"]).location).toMatchObject({ file: "deploy/helmfile.yaml", startLine: 15 });
    expect(rel.declaredAt).toMatchObject({ file: "deploy/helmfile.yaml", startLine: 5 });
  });

  it("installed: false is not a release; a local chart path is the chart folder", () => {
    const r = load({ "deploy/helmfile.yaml": HELMFILE, "deploy/charts/ledger/Chart.yaml": PG_CHART, "deploy/charts/ledger/values.yaml": PG_VALUES });
    expect(r.releases.map((x) => x.id)).not.toContain("deploy::old");
    expect(r.notes.find((n) => n.what === "not installed")).toBeDefined();
    expect(release(r, "deploy::local")).toMatchObject({ namespace: "default", namespaceDeclared: false, chart: { directory: "deploy/charts/ledger" } });
    expect(r.releases.filter((x) => x.source === "chart-directory")).toEqual([]);
  });

  it("a Go-templated helmfile is said in the summary, not parsed nor reported broken", () => {
    const r = load({ "deploy/helmfile.yaml": "releases:\n{{ range .Values.apps }}\n  - name: {{ . }}\n{{ end }}\n" }, { templates: ["deploy/helmfile.yaml.gotmpl"] });
    expect(r.problems).toEqual([]);
    expect(r.notes.map((n) => n.what)).toEqual(["templated helmfile", "templated helmfile"]);
  });
});

describe("manifests and standard input", () => {
  const STS = ledgerStatefulSet("payments");

  it("manifests from standard input are objects of the file -", () => {
    const r = load({}, { stdin: `---\n# Source: ledger/templates/sts.yaml\n${STS}` });
    expect(r.objects.map((o) => [o.kind, o.name, o.location.file, o.location.startLine])).toEqual([["StatefulSet", "ledger", "-", 4]]);
    expect(r.objects[0]!.root).toBe(".");
  });

  it("YAML on standard input that does not parse is a problem of -", () => {
    expect(load({}, { stdin: "kind: [x\n" }).problems.map((p) => p.file)).toEqual(["-"]);
  });

  it("kustomize patches are not objects of their own; chart files are never manifests", () => {
    const r = load({
      "base/sts.yaml": STS,
      "overlays/prod/kustomization.yaml": "resources: [../../base]\npatches:\n  - path: replicas.yaml\n",
      "overlays/prod/replicas.yaml": "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ledger\nspec:\n  replicas: 3\n",
      "db/Chart.yaml": PG_CHART,
      "db/ci/fake.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    });
    expect(r.objects.filter((o) => o.kind === "StatefulSet" && o.release === undefined).map((o) => o.location.file)).toEqual(["base/sts.yaml"]);
    expect(r.objects.some((o) => o.kind === "ConfigMap")).toBe(false);
  });

  it("clusters: an object whose file matches a cluster's paths runs there; others run nowhere known", () => {
    const clusters = [{ name: "prod", region: "eu-west-1", account: "111122223333", provider: "aws" as const, paths: ["k8s/prod"], location: { file: ".restorable.yml", startLine: 2, startColumn: 3, endLine: 2, endColumn: 10 } }];
    const r = load({ "k8s/prod/sts.yaml": STS, "k8s/dev/sts.yaml": STS.replace("payments", "dev") }, { clusters });
    const byFile = Object.fromEntries(r.objects.map((o) => [o.location.file, o.cluster]));
    expect(byFile["k8s/prod/sts.yaml"]).toMatchObject({ name: "prod", region: "eu-west-1", account: "111122223333", provider: "aws" });
    expect(byFile["k8s/dev/sts.yaml"]).toBeUndefined();
  });

  it("a config cluster without a region has an unknown region, never a guess", () => {
    const clusters = [{ name: "edge", paths: ["**/*.yaml"], location: { file: ".restorable.yml", startLine: 2, startColumn: 3, endLine: 2, endColumn: 10 } }];
    const [o] = load({ "sts.yaml": STS }, { clusters }).objects;
    expect(o!.cluster?.region).toMatchObject({ unknown: true });
  });
});
