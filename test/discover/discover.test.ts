import { promises as fsp } from "node:fs";
import { describe, expect, it } from "vitest";
import { discover, kindOf } from "../../src/discover/index.js";
import { project, tgz } from "../helm/helpers.js";

const fs = { readFile: (p: string) => fsp.readFile(p), stat: (p: string) => fsp.stat(p) };

describe("discover: Helm and Kubernetes inputs", () => {
  it("finds YAML files, packaged subcharts and Go-templated helmfiles", async () => {
    const dir = project({
      "main.tf": "",
      "k8s/app.yml": "kind: ConfigMap\n",
      "charts/shop/Chart.yaml": "name: shop\n",
      "charts/shop/values.yaml": "a: 1\n",
      "charts/shop/values-prod.yaml": "a: 2\n",
      "charts/shop/charts/postgresql-16.7.4.tgz": tgz({ "postgresql/Chart.yaml": "name: postgresql\n" }),
      "deploy/helmfile.yaml.gotmpl": "releases: []\n",
      "releases/shop-1.0.0.tgz": tgz({ "shop/Chart.yaml": "name: shop\n" }),
    });
    const d = await discover({ paths: ["."], cwd: dir }, fs);
    expect(d.files.map((f) => [f.path, f.kind])).toEqual([
      ["charts/shop/Chart.yaml", "yaml"],
      ["charts/shop/charts/postgresql-16.7.4.tgz", "chart-archive"],
      ["charts/shop/values-prod.yaml", "yaml"],
      ["charts/shop/values.yaml", "yaml"],
      ["deploy/helmfile.yaml.gotmpl", "yaml-template"],
      ["k8s/app.yml", "yaml"],
      ["main.tf", "terraform"],
    ]);
  });

  it("never reads a chart's templates (Go templates, not YAML), the scan's config or pre-commit's files", async () => {
    const dir = project({
      ".restorable.yml": "defaults: {}\n",
      ".pre-commit-config.yaml": "repos: []\n",
      "db/Chart.yaml": "name: db\n",
      "db/templates/statefulset.yaml": "{{- if .Values.x }}\n",
      "db/templates/NOTES.txt": "hi",
      "templates/not-a-chart.yaml": "kind: ConfigMap\n",
    });
    const d = await discover({ paths: ["."], cwd: dir }, fs);
    expect(d.files.map((f) => f.path)).toEqual(["db/Chart.yaml", "templates/not-a-chart.yaml"]);
  });

  it("kinds by name", () => {
    expect(kindOf("a/values.yaml")).toBe("yaml");
    expect(kindOf("a/charts/x-1.0.0.tgz")).toBe("chart-archive");
    expect(kindOf("a/x-1.0.0.tgz")).toBeUndefined();
    expect(kindOf("helmfile.yaml.gotmpl")).toBe("yaml-template");
    expect(kindOf(".restorable.yaml")).toBeUndefined();
  });
});
