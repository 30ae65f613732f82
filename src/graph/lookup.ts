/**
 * Lookups over a finished graph that rules ask many times (issue 7: nothing quadratic in
 * components × mechanisms): nodes by id, and which components keep recovery points in a vault
 * or come from a mechanism. Built once by buildGraph; `lookupOf` builds it for a graph put
 * together by hand (tests).
 */
import type { BackupVault, Component, Graph, GraphNode, Mechanism } from "./types.js";

export interface GraphLookup {
  node(id: string): GraphNode | undefined;
  /** Components with a recovery stream stored in the vault. */
  componentsInVault(vaultId: string): readonly Component[];
  /** Components with a recovery stream produced by the mechanism (a plan, a selection, a replication). */
  componentsOf(mechanismId: string): readonly Component[];
  /** Is the component the destination of a replication (an S3 replica bucket)? */
  isReplicationDestination(componentId: string): boolean;
  /** Mechanisms of one node kind, in graph order. */
  mechanismsOfKind<K extends Mechanism["node"]>(kind: K): readonly Extract<Mechanism, { node: K }>[];
  /** Vaults and components encrypted with the key (their own key, or a copy's or replica's). */
  keyUsers(keyId: string): { vaults: readonly BackupVault[]; components: readonly Component[] };
  /** What plan rules send into the vault: recovery points of backup jobs, and copies started from it. */
  vaultDuties(vaultId: string): { backup: boolean; copy: boolean };
}

export function buildLookup(graph: Pick<Graph, "components" | "mechanisms" | "coverage">): GraphLookup {
  const nodes = new Map<string, GraphNode>();
  for (const n of graph.components) nodes.set(n.id, n);
  for (const n of graph.mechanisms) nodes.set(n.id, n);
  const byVault = new Map<string, Component[]>();
  const byMechanism = new Map<string, Component[]>();
  const add = (m: Map<string, Component[]>, key: string, c: Component) => {
    const list = m.get(key) ?? m.set(key, []).get(key)!;
    if (list[list.length - 1] !== c) list.push(c);
  };
  for (const c of graph.components) {
    for (const s of graph.coverage.get(c.id)?.streams ?? []) {
      if (typeof s.vaultId === "string") add(byVault, s.vaultId, c);
      if (s.mechanismId !== undefined) add(byMechanism, s.mechanismId, c);
    }
  }
  const destinations = new Set<string>();
  for (const m of graph.mechanisms) if (m.node === "replication" && m.destinationId !== undefined) destinations.add(m.destinationId);
  const byKind = new Map<string, Mechanism[]>();
  for (const m of graph.mechanisms) (byKind.get(m.node) ?? byKind.set(m.node, []).get(m.node)!).push(m);
  const keyVaults = new Map<string, BackupVault[]>();
  for (const m of graph.mechanisms) if (m.node === "backup-vault" && typeof m.keyId === "string") (keyVaults.get(m.keyId) ?? keyVaults.set(m.keyId, []).get(m.keyId)!).push(m);
  const keyComponents = new Map<string, Component[]>();
  for (const c of graph.components) {
    const keys = new Set<string>();
    if (typeof c.encryption.keyId === "string") keys.add(c.encryption.keyId);
    for (const x of c.copies) {
      if (typeof x.keyId === "string") keys.add(x.keyId);
      if (typeof x.kmsObjects?.replicaKeyId === "string") keys.add(x.kmsObjects.replicaKeyId);
    }
    for (const k of keys) add(keyComponents, k, c);
  }
  const duties = new Map<string, { backup: boolean; copy: boolean }>();
  for (const m of graph.mechanisms) {
    if (m.node !== "backup-plan") continue;
    for (const r of m.rules) {
      if (typeof r.vaultId !== "string") continue;
      const d = duties.get(r.vaultId) ?? duties.set(r.vaultId, { backup: false, copy: false }).get(r.vaultId)!;
      d.backup = true;
      if (r.copyActions.length) d.copy = true;
    }
  }
  return {
    node: (id) => nodes.get(id),
    componentsInVault: (id) => byVault.get(id) ?? [],
    componentsOf: (id) => byMechanism.get(id) ?? [],
    isReplicationDestination: (id) => destinations.has(id),
    mechanismsOfKind: <K extends Mechanism["node"]>(kind: K) => (byKind.get(kind) ?? []) as Extract<Mechanism, { node: K }>[],
    keyUsers: (id) => ({ vaults: keyVaults.get(id) ?? [], components: keyComponents.get(id) ?? [] }),
    vaultDuties: (id) => duties.get(id) ?? { backup: false, copy: false },
  };
}

/** The graph's lookup: the one buildGraph made, else a fresh one. */
export function lookupOf(graph: Graph): GraphLookup {
  return graph.lookup ?? buildLookup(graph);
}
