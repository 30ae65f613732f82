/** Kubernetes objects from manifest text, and the graph and findings the catalog and rules make of them. */
import { buildGraph } from "../../src/graph/index.js";
import type { Graph } from "../../src/graph/types.js";
import { objectsOfDocument } from "../../src/helm/objects.js";
import type { ClusterPlace, K8sObject } from "../../src/helm/types.js";
import { parseYamlDocuments } from "../../src/helm/yaml.js";
import { policyFromConfig } from "../../src/policy/index.js";
import type { PolicyView } from "../../src/policy/types.js";
import { runRules, type Finding, type Rule } from "../../src/rules/index.js";
import type { EvaluatedRoot } from "../../src/terraform/types-evaluated.js";

export function cluster(region = "eu-west-1", account: string | null = "111122223333", name = "shop"): ClusterPlace {
  return { name, provider: "aws", region, account, location: { file: ".restorable.yml", startLine: 2, startColumn: 3, endLine: 2, endColumn: 10 } };
}

/** The objects of a multi-document manifest. */
export function manifest(text: string, o: { file?: string; cluster?: ClusterPlace | undefined; root?: string; environment?: string } = {}): K8sObject[] {
  const file = o.file ?? "k8s/app.yaml";
  const parsed = parseYamlDocuments(text, file);
  if (parsed.problems.length) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  const c = "cluster" in o ? o.cluster : cluster();
  return parsed.documents.flatMap((d) => objectsOfDocument(d, { root: o.root ?? "k8s", environment: o.environment ?? "", ...(c ? { cluster: c } : {}) }));
}

export function graphOf(objects: readonly K8sObject[], terraform: EvaluatedRoot[] = []): Graph {
  return buildGraph(terraform, { kubernetes: objects });
}

export const POLICY: PolicyView = policyFromConfig(undefined).view;

export function findingsOf(objects: readonly K8sObject[], o: { terraform?: EvaluatedRoot[]; rules?: readonly Rule[]; policy?: PolicyView } = {}): Finding[] {
  const graph = graphOf(objects, o.terraform ?? []);
  return runRules({ graph, fileProblems: [], policy: o.policy ?? POLICY, ...(o.rules ? { rules: o.rules } : {}) }).findings;
}

export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.subject} ${f.location.file}:${f.location.startLine}`).sort();
}
