import { describe, expect, it } from "vitest";
import { createHclParser } from "../../src/hcl/index.js";
import type { KubernetesResult } from "../../src/helm/index.js";
import { defineModule } from "../../src/terraform/module.js";
import { evaluateRoot } from "../../src/terraform/root.js";
import type { EvaluatedRoot } from "../../src/terraform/types-evaluated.js";
import { load, release } from "./helpers.js";

/** The root module in folder `root` of these files, evaluated as the scan evaluates it. */
async function evaluate(files: Record<string, string>, root = "infra"): Promise<EvaluatedRoot> {
  const parser = await createHclParser();
  const parsed = Object.entries(files)
    .filter(([p]) => p.endsWith(".tf"))
    .map(([p, t]) => parser.parse(t, p));
  const modules = new Map([[root, defineModule(root, parsed)]]);
  return evaluateRoot(
    root,
    { autoVarFiles: [], varFiles: [], vars: [], env: {}, environment: "" },
    {
      module: (d) => modules.get(d),
      remoteModules: new Map(),
      readText: (p) => files[p],
      parseTemplate: (text, p) => {
        const t = parser.parseTemplate(text, p);
        return t.problems.length ? undefined : t.parts;
      },
      parseExpression: (text) => {
        const f = parser.parse(`v = ${text}\n`, "<var>");
        return f.problems.length ? undefined : f.body.attributes[0]?.expr;
      },
    },
  );
}

async function loadTf(files: Record<string, string>): Promise<KubernetesResult> {
  const root = await evaluate(files);
  const yaml = Object.fromEntries(Object.entries(files).filter(([p]) => /\.ya?ml$/.test(p)));
  return load(yaml, { terraform: [root] });
}

const EKS = `provider "aws" {
  region = "eu-central-1"
  allowed_account_ids = ["111122223333"]
}

resource "aws_eks_cluster" "main" {
  name     = "payments"
  role_arn = "arn:aws:iam::111122223333:role/eks"
}
`;

describe("Terraform helm_release", () => {
  it("name, namespace, chart, repository, version; values from file() keep the file's lines", async () => {
    const r = await loadTf({
      "infra/main.tf": `resource "helm_release" "ledger" {
  name       = "ledger"
  namespace  = "payments"
  repository = "oci://registry-1.docker.io/bitnamicharts"
  chart      = "postgresql"
  version    = "16.7.4"
  values     = [file("\${path.module}/values/ledger.yaml"), yamlencode({ backup = { enabled = true } })]
}
`,
      "infra/values/ledger.yaml": "primary:\n  persistence:\n    size: 100Gi\n",
    });
    const rel = release(r, "infra::ledger");
    expect(rel).toMatchObject({ name: "ledger", namespace: "payments", namespaceDeclared: true, source: "helm_release", root: "infra", chart: { name: "postgresql", version: "16.7.4", repository: "oci://registry-1.docker.io/bitnamicharts" } });
    expect(rel.declaredAt).toMatchObject({ file: "infra/main.tf", startLine: 1 });
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "infra/values/ledger.yaml", startLine: 3 });
    // yamlencode has no lines of its own: its keys point at its list item.
    expect(rel.values.get(["backup", "enabled"])).toBe(true);
    expect(rel.values.origin(["backup", "enabled"]).location).toMatchObject({ file: "infra/main.tf", startLine: 7, startColumn: 60 });
  });

  it("set blocks come after values, each located at its block, typed as Helm's strvals types them", async () => {
    const r = await loadTf({
      "infra/main.tf": `resource "helm_release" "ledger" {
  name   = "ledger"
  chart  = "bitnami/postgresql"
  values = [yamlencode({ primary = { persistence = { enabled = true, size = "10Gi" } } })]

  set {
    name  = "primary.persistence.enabled"
    value = "false"
  }
  set {
    name  = "primary.persistence.size"
    value = "020"
  }
  set {
    name  = "primary.podAnnotations.backup\\\\.velero\\\\.io/backup-volumes"
    value = "data"
    type  = "string"
  }
}
`,
    });
    const rel = release(r, "infra::ledger");
    expect(rel.values.get(["primary", "persistence", "enabled"])).toBe(false);
    expect(rel.values.origin(["primary", "persistence", "enabled"])).toMatchObject({ userSet: true, location: { file: "infra/main.tf", startLine: 6 } });
    expect(rel.values.get(["primary", "persistence", "size"])).toBe("020");
    expect(rel.values.get(["primary", "podAnnotations", "backup.velero.io/backup-volumes"])).toBe("data");
    // No namespace: "default", said in the notes.
    expect(rel).toMatchObject({ namespace: "default", namespaceDeclared: false });
    expect(r.notes.find((n) => n.subject === "release ledger")?.reason).toMatch(/sets no namespace/);
  });

  it("provider v3 writes set as a list of objects: each entry is located at its item", async () => {
    const r = await loadTf({
      "infra/main.tf": `resource "helm_release" "ledger" {
  name  = "ledger"
  chart = "postgresql"
  set = [
    { name = "backup.enabled", value = "true" },
    { name = "primary.persistence.size", value = "50Gi" },
  ]
}
`,
    });
    const rel = release(r, "infra::ledger");
    expect(rel.values.get(["backup", "enabled"])).toBe(true);
    expect(rel.values.origin(["primary", "persistence", "size"]).location).toMatchObject({ file: "infra/main.tf", startLine: 6, startColumn: 5 });
  });

  it("set_list gives a list, type = \"literal\" a YAML value under the literal key, set_sensitive comes last", async () => {
    const r = await loadTf({
      "infra/main.tf": `resource "helm_release" "ledger" {
  name  = "ledger"
  chart = "postgresql"
  set_list {
    name  = "primary.persistence.accessModes"
    value = ["ReadWriteOnce", "ReadWriteMany"]
  }
  set {
    name  = "extraEnv"
    value = "[{name: A, value: b}]"
    type  = "literal"
  }
  set_sensitive {
    name  = "auth.postgresPassword"
    value = "true"
  }
  set {
    name  = "auth.postgresPassword"
    value = "overridden"
  }
}
`,
    });
    const rel = release(r, "infra::ledger");
    expect(rel.values.get(["primary", "persistence", "accessModes"])).toEqual(["ReadWriteOnce", "ReadWriteMany"]);
    expect(rel.values.get(["extraEnv"])).toEqual([{ name: "A", value: "b" }]);
    expect(rel.values.get(["auth", "postgresPassword"])).toBe(true);
  });

  it("values that cannot be evaluated make the release's workloads unjudged, said in the notes", async () => {
    const r = await loadTf({
      "infra/main.tf": `variable "extra" { type = string }
resource "helm_release" "ledger" {
  name   = "ledger"
  chart  = "postgresql"
  values = [var.extra]
}
`,
    });
    expect(r.objects).toEqual([]);
    expect(r.notes.find((n) => n.what === "values unknown")?.reason).toMatch(/values\[0\] of helm_release.ledger is unknown/);
  });

  it("an unknown set of a key the chart knowledge never reads does not stop the judgement", async () => {
    const r = await loadTf({
      "infra/main.tf": `variable "tag" { type = string }
resource "helm_release" "ledger" {
  name  = "ledger"
  chart = "postgresql"
  set {
    name  = "image.tagNotRead"
    value = var.tag
  }
}
`,
    });
    expect(r.objects.length).toBeGreaterThan(0);
  });

  it("a chart path of the scan is that chart folder, relative to the root module; it is no release of its own", async () => {
    const r = await loadTf({
      "infra/main.tf": `resource "helm_release" "ledger" {
  name      = "ledger"
  namespace = "payments"
  chart     = "../charts/ledger"
}
`,
      "charts/ledger/Chart.yaml": "apiVersion: v2\nname: postgresql\nversion: 16.7.4\n",
      "charts/ledger/values.yaml": "primary:\n  persistence:\n    enabled: true\n",
      "charts/ledger/values-prod.yaml": "primary:\n  persistence:\n    size: 1Ti\n",
    });
    expect(release(r, "infra::ledger").chart).toMatchObject({ name: "postgresql", version: "16.7.4", directory: "charts/ledger" });
    expect(r.releases.map((x) => x.id)).toEqual(["infra::ledger"]);
  });

  it("a helm provider whose kubernetes.host reads an EKS cluster of the scan runs its releases there (v2 block)", async () => {
    const r = await loadTf({
      "infra/main.tf": `${EKS}
provider "helm" {
  kubernetes {
    host = aws_eks_cluster.main.endpoint
  }
}

resource "helm_release" "ledger" {
  name  = "ledger"
  chart = "postgresql"
}
`,
    });
    expect(release(r, "infra::ledger").cluster).toMatchObject({ name: "payments", provider: "aws", region: "eu-central-1", account: "111122223333", location: { file: "infra/main.tf", startLine: 13, startColumn: 5 } });
    expect(r.objects.every((o) => o.cluster?.name === "payments")).toBe(true);
  });

  it("v3 `kubernetes = { host }`, a GKE endpoint in a template, and a data source naming the cluster bind too", async () => {
    const r = await loadTf({
      "infra/main.tf": `${EKS}
provider "google" { project = "acme-prod" }
resource "google_container_cluster" "gke" {
  name     = "analytics"
  location = "europe-west4-a"
}
data "aws_eks_cluster" "byname" { name = "payments" }
provider "helm" {
  alias = "gke"
  kubernetes = {
    host = "https://\${google_container_cluster.gke.endpoint}"
  }
}
provider "helm" {
  alias = "eks"
  kubernetes {
    host = data.aws_eks_cluster.byname.endpoint
  }
}
resource "helm_release" "a" {
  provider = helm.gke
  name     = "a"
  chart    = "postgresql"
}
resource "helm_release" "b" {
  provider = helm.eks
  name     = "b"
  chart    = "postgresql"
}
`,
    });
    expect(release(r, "infra::a").cluster).toMatchObject({ name: "analytics", provider: "google", region: "europe-west4", account: "acme-prod" });
    expect(release(r, "infra::b").cluster).toMatchObject({ name: "payments", region: "eu-central-1" });
  });

  it("a host that reads no cluster of the scan binds nothing: no region is guessed", async () => {
    const r = await loadTf({
      "infra/main.tf": `variable "host" { type = string }
provider "helm" {
  kubernetes {
    host = var.host
  }
}
resource "helm_release" "ledger" {
  name  = "ledger"
  chart = "postgresql"
}
`,
    });
    expect(release(r, "infra::ledger").cluster).toBeUndefined();
  });
});
