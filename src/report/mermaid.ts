/**
 * The Markdown report's diagram (SPEC section 5): components → backup plans →
 * vaults → copy regions, as a Mermaid `flowchart LR` that GitHub renders in job
 * summaries and PR comments. Large scans collapse components by type so the
 * diagram stays readable; labels are escaped with Mermaid's entity codes.
 */
import { isUnknownFact, type RecoveryStream } from "../graph/types.js";
import type { InventoryEntry } from "../scan-result.js";
import { compareStrings } from "./common.js";

/** Above this many nodes, components are grouped by resource type. */
export const COLLAPSE_ABOVE_NODES = 50;
/** Above this many nodes even after grouping, the diagram is left out (GitHub stops rendering far earlier). */
export const MAX_NODES = 400;

type Kind = "component" | "plan" | "vault" | "region" | "mechanism";

interface DiagramNode {
  key: string;
  kind: Kind;
  label: string;
  status?: "covered" | "uncovered" | "unknown";
}

interface Diagram {
  nodes: Map<string, DiagramNode>;
  edges: Map<string, { from: string; to: string; label?: string }>;
}

/** Escapes text for a quoted Mermaid label: quotes, angle brackets, ampersands, backticks, newlines. */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&/g, "#amp;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/\|/g, "#124;")
    .replace(/[{}[\]()]/g, (c) => `#${c.charCodeAt(0)};`);
  return `"${escaped}"`;
}

/** Node id of a graph node id (`root::address`): its address. */
function addressOf(id: string): string {
  const i = id.indexOf("::");
  return i < 0 ? id : id.slice(i + 2);
}

function addNode(d: Diagram, node: DiagramNode): string {
  if (!d.nodes.has(node.key)) d.nodes.set(node.key, node);
  return node.key;
}

function addEdge(d: Diagram, from: string, to: string, label?: string): void {
  const key = JSON.stringify([from, to, label ?? ""]);
  if (!d.edges.has(key)) d.edges.set(key, label === undefined ? { from, to } : { from, to, label });
}

function regionText(s: RecoveryStream): string {
  return isUnknownFact(s.region) ? "unknown region" : s.region;
}

function mechanismLabel(s: RecoveryStream): string {
  return s.mechanismId === undefined ? `${s.via} (native)` : `${s.via}: ${addressOf(s.mechanismId)}`;
}

/** Source vaults of a plan's rules, for its copy streams. */
function planVaults(streams: readonly RecoveryStream[], planId: string): string[] {
  return streams.filter((s) => s.mechanismId === planId && s.via !== "copy" && s.vaultId !== undefined && !isUnknownFact(s.vaultId)).map((s) => s.vaultId as string);
}

/** "uncovered" only for components that a COV-001 finding reports (keys, queues and ephemeral stores are judged elsewhere). */
function statusOf(entry: InventoryEntry, uncovered: ReadonlySet<string>): DiagramNode["status"] {
  if (entry.coverage.status === "uncovered") return uncovered.has(entry.component.id) ? "uncovered" : undefined;
  return entry.coverage.status;
}

function componentKey(entry: InventoryEntry, grouped: boolean, uncovered: ReadonlySet<string>): DiagramNode {
  const c = entry.component;
  const status = statusOf(entry, uncovered);
  if (!grouped) return status === undefined ? { key: `c:${c.id}`, kind: "component", label: c.address } : { key: `c:${c.id}`, kind: "component", label: c.address, status };
  return status === undefined ? { key: `t:${c.type}:`, kind: "component", label: c.type } : { key: `t:${c.type}:${status}`, kind: "component", label: c.type, status };
}

function buildDiagram(entries: readonly InventoryEntry[], grouped: boolean, uncovered: ReadonlySet<string>): Diagram {
  const d: Diagram = { nodes: new Map(), edges: new Map() };
  for (const entry of entries) {
    const comp = addNode(d, componentKey(entry, grouped, uncovered));
    const streams = entry.coverage.streams;
    // Plan rules first, so a copy finds the vault it copies from.
    for (const s of [...streams.filter((x) => x.via !== "copy"), ...streams.filter((x) => x.via === "copy")]) {
      if ((s.via === "plan-rule" || s.via === "pitr") && s.mechanismId !== undefined) {
        const plan = addNode(d, { key: `p:${s.mechanismId}`, kind: "plan", label: addressOf(s.mechanismId) });
        addEdge(d, comp, plan);
        if (s.vaultId !== undefined) addEdge(d, plan, vaultNode(d, s));
      } else if (s.via === "copy") {
        const region = addNode(d, { key: `r:${regionText(s)}`, kind: "region", label: regionText(s) });
        const sources = s.mechanismId ? planVaults(streams, s.mechanismId) : [];
        const target = s.vaultId !== undefined ? vaultNode(d, s) : undefined;
        const from = sources.length > 0 ? sources.map((v) => `v:${v}`).filter((k) => d.nodes.has(k)) : [];
        if (from.length === 0) addEdge(d, comp, target ?? region, "copy");
        // A copy into the vault it comes from (Velero data moved into its storage location) is no edge of its own.
        for (const f of from) if (f !== (target ?? region)) addEdge(d, f, target ?? region, "copy");
        if (target !== undefined) addEdge(d, target, region);
      } else {
        // Native streams (no mechanism node) share one node per kind: "pitr", "versioning"...
        const mech = addNode(d, { key: `m:${s.mechanismId ?? s.via}`, kind: "mechanism", label: mechanismLabel(s) });
        addEdge(d, comp, mech);
      }
    }
  }
  return d;
}

function vaultNode(d: Diagram, s: RecoveryStream): string {
  const id = s.vaultId!;
  if (isUnknownFact(id)) return addNode(d, { key: `v:?${id.reason}`, kind: "vault", label: "unknown vault" });
  return addNode(d, { key: `v:${id}`, kind: "vault", label: addressOf(id) });
}

const SHAPES: Record<Kind, [string, string]> = {
  component: ["[", "]"],
  plan: ["(", ")"],
  vault: ["[(", ")]"],
  region: ["((", "))"],
  mechanism: ["[/", "/]"],
};

/** Node label with the group size when components are grouped. */
function labelOf(node: DiagramNode, counts: ReadonlyMap<string, number>): string {
  const n = counts.get(node.key);
  return n !== undefined && node.key.startsWith("t:") ? `${node.label} × ${n}${node.status === undefined || node.status === "covered" ? "" : ` (${node.status})`}` : node.label;
}

/** The Mermaid source (without the code fence), or undefined when there is nothing to draw or too much. */
export function mermaidDiagram(entries: readonly InventoryEntry[], uncovered: ReadonlySet<string> = new Set()): string | undefined {
  if (entries.length === 0) return undefined;
  const sorted = [...entries].sort((a, b) => compareStrings(a.component.id, b.component.id));
  let diagram = buildDiagram(sorted, false, uncovered);
  const grouped = diagram.nodes.size > COLLAPSE_ABOVE_NODES;
  if (grouped) diagram = buildDiagram(sorted, true, uncovered);
  if (diagram.nodes.size > MAX_NODES) return undefined;
  const counts = new Map<string, number>();
  if (grouped) for (const e of sorted) {
      const key = componentKey(e, true, uncovered).key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }

  const keys = [...diagram.nodes.keys()].sort(compareStrings);
  const ids = new Map(keys.map((k, i) => [k, `n${i + 1}`]));
  const lines = ["flowchart LR"];
  for (const key of keys) {
    const node = diagram.nodes.get(key)!;
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${ids.get(key)}${open}${mermaidLabel(labelOf(node, counts))}${close}`);
  }
  const edges = [...diagram.edges.values()].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.label ?? "", b.label ?? ""));
  for (const e of edges) lines.push(`  ${ids.get(e.from)} -->${e.label ? `|${mermaidLabel(e.label)}|` : ""} ${ids.get(e.to)}`);
  lines.push("  classDef uncovered fill:#fde2e1,stroke:#c0392b,color:#000");
  lines.push("  classDef unknown fill:#fff4ce,stroke:#b7950b,color:#000");
  for (const status of ["uncovered", "unknown"] as const) {
    const of = keys.filter((k) => diagram.nodes.get(k)!.status === status).map((k) => ids.get(k)!);
    if (of.length > 0) lines.push(`  class ${of.join(",")} ${status}`);
  }
  return lines.join("\n");
}
