/**
 * The backup-scope inventory (SPEC section 5): per component, what protects it,
 * how often, how long, where, which key and whether it stays retrievable, locked,
 * restore-tested. Computed once from the graph, the policy and the findings, so the
 * JSON and Markdown reporters read the same answers. Unknown stays unknown.
 */
import { lookupOf } from "../graph/lookup.js";
import {
  isUnknownFact,
  unknownFact,
  type BackupPlan,
  type BackupVault,
  type Component,
  type Coverage,
  type Fact,
  type Graph,
  type Mechanism,
  type RecoveryStream,
} from "../graph/types.js";
import type { PolicyView } from "../policy/types.js";
import type { Finding } from "../rules/types.js";
import type { InventoryEntry, Protection, ProtectionKey, ProtectionMechanism, ProtectionVault } from "../scan-result.js";

/**
 * Keys the provider manages for the service: the account cannot disable or delete them.
 * AWS managed keys: https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-cmk;
 * Google default encryption: https://cloud.google.com/docs/security/encryption/default-encryption;
 * Azure platform-managed keys: https://learn.microsoft.com/en-us/azure/security/fundamentals/encryption-atrest
 */
const PROVIDER_MANAGED: Readonly<Record<Component["provider"], string>> = { aws: "aws-managed", google: "google-managed", azurerm: "microsoft-managed", kubernetes: "provider-managed" };
/** ENC-002's threshold: a deletion window under 30 days without prevent_destroy risks the key (SPEC section 4). */
const SAFE_DELETION_WINDOW_DAYS = 30;

export function buildInventory(graph: Graph, policy: PolicyView, findings: readonly Finding[]): InventoryEntry[] {
  const nodes = new Map<string, Component | Mechanism>([...graph.components, ...graph.mechanisms].map((n) => [n.id, n]));
  const keyFindings = new Set(findings.filter((f) => f.ruleId === "ENC-002").map((f) => `${f.root}::${f.subject}`));
  return graph.components.map((component) => {
    const coverage = graph.coverage.get(component.id) ?? { status: "unknown", streams: [], unknowns: [unknownFact("coverage was not computed")], related: [] };
    const requirements = policy.requirementsFor(component);
    return {
      component,
      coverage,
      classes: [...requirements.classes],
      regimes: [...requirements.regimes],
      protection: protectionOf(component, coverage, nodes, graph, keyFindings),
    };
  });
}

function protectionOf(c: Component, coverage: Coverage, nodes: ReadonlyMap<string, Component | Mechanism>, graph: Graph, keyFindings: ReadonlySet<string>): Protection {
  const streams = coverage.streams;
  const vaults = vaultsOf(streams, nodes);
  return {
    mechanisms: mechanismsOf(streams, nodes),
    intervalHours: effectiveInterval(streams),
    retentionDays: effectiveRetention(streams),
    regions: distinctFacts(streams.map((s) => s.region)),
    accounts: distinctFacts(streams.map((s) => s.account).filter((a): a is Fact<string> => a !== null)),
    copies: c.copies.map((copy) => ({ region: copy.region, account: copy.account, via: copy.via })),
    vaults,
    keys: keysOf(c, vaults, nodes, keyFindings),
    locked: lockedOf(c, vaults),
    restoreTested: restoreTestedOf(c, graph),
  };
}

function mechanismsOf(streams: readonly RecoveryStream[], nodes: ReadonlyMap<string, Component | Mechanism>): ProtectionMechanism[] {
  const seen = new Map<string, ProtectionMechanism>();
  for (const s of streams) {
    const node = s.mechanismId === undefined ? undefined : nodes.get(s.mechanismId);
    const entry: ProtectionMechanism = node ? { via: s.via, address: node.address, root: node.root, type: node.type } : { via: s.via };
    const rule = node?.node === "backup-plan" ? ruleAt(node, s) : undefined;
    if (rule !== undefined) entry.rule = rule;
    seen.set(JSON.stringify([entry.via, entry.root, entry.address, entry.rule]), entry);
  }
  return [...seen.values()];
}

/** The plan rule a stream comes from, by where it is declared. */
function ruleAt(plan: BackupPlan, s: RecoveryStream): string | undefined {
  const same = (a: { file: string; startLine: number }, b: { file: string; startLine: number }) => a.file === b.file && a.startLine === b.startLine;
  return plan.rules.find((r) => same(r.location, s.location) || r.copyActions.some((a) => same(a.location, s.location)))?.name;
}

/** Best (smallest) largest-gap over the streams; undefined when nothing keeps recovery points. */
export function effectiveInterval(streams: readonly RecoveryStream[]): Fact<number> | undefined {
  if (streams.length === 0) return undefined;
  const known = streams.map((s) => s.intervalHours).filter((v): v is number => !isUnknownFact(v));
  if (known.length > 0) return Math.min(...known);
  return firstUnknown(streams.map((s) => s.intervalHours)) ?? unknownFact("no stream has a known frequency");
}

/**
 * Longest retention over the streams (null = forever). When a stream's retention is
 * unknown, the known maximum is only a lower bound: it stands only if it is forever.
 */
export function effectiveRetention(streams: readonly RecoveryStream[]): Fact<number | null> | undefined {
  if (streams.length === 0) return undefined;
  const values = streams.map((s) => s.retentionDays);
  const known = values.filter((v): v is number | null => !isUnknownFact(v));
  if (known.includes(null)) return null;
  const unknown = firstUnknown(values);
  if (unknown !== undefined) return unknown;
  return Math.max(...(known as number[]));
}

function firstUnknown<T>(values: readonly Fact<T>[]) {
  return values.find(isUnknownFact);
}

/** Known values sorted and deduplicated, then unknowns deduplicated by reason. */
function distinctFacts(values: readonly Fact<string>[]): Fact<string>[] {
  const known = [...new Set(values.filter((v): v is string => !isUnknownFact(v)))].sort();
  const unknown = new Map(values.filter(isUnknownFact).map((u) => [u.reason, u]));
  return [...known, ...[...unknown.keys()].sort().map((r) => unknown.get(r)!)];
}

function vaultsOf(streams: readonly RecoveryStream[], nodes: ReadonlyMap<string, Component | Mechanism>): ProtectionVault[] {
  const out = new Map<string, ProtectionVault>();
  for (const s of streams) {
    if (s.vaultId === undefined) continue;
    if (isUnknownFact(s.vaultId)) {
      out.set(`?${s.vaultId.reason}`, { vault: s.vaultId, region: s.region, account: s.account, lock: s.vaultId });
      continue;
    }
    const node = nodes.get(s.vaultId);
    if (node?.node !== "backup-vault") continue;
    out.set(node.id, { vault: node.address, root: node.root, region: node.region, account: node.account, lock: lockMode(node), ...(node.keyId !== undefined ? { keyId: node.keyId } : {}) });
  }
  return [...out.values()];
}

function lockMode(v: BackupVault): Fact<"compliance" | "governance" | "none"> {
  return v.lock === undefined ? "none" : v.lock.mode;
}

const LOCK_RANK = { none: 0, governance: 1, compliance: 2 } as const;

/** The strongest lock among the vaults holding its points, or S3 Object Lock on the data itself. */
function lockedOf(c: Component, vaults: readonly ProtectionVault[]): Fact<"compliance" | "governance" | "none"> {
  const candidates: Fact<"compliance" | "governance" | "none">[] = vaults.map((v) => v.lock);
  if (c.objectLock) {
    const mode = c.objectLock.mode;
    const enabled = c.objectLock.enabled;
    if (isUnknownFact(enabled)) candidates.push(enabled);
    else if (enabled) candidates.push(mode === undefined || isUnknownFact(mode) ? (mode ?? unknownFact("object lock mode not set")) : mode.toUpperCase() === "COMPLIANCE" ? "compliance" : "governance");
  }
  const known = candidates.filter((m): m is "compliance" | "governance" | "none" => !isUnknownFact(m));
  const best = known.reduce<"compliance" | "governance" | "none">((a, b) => (LOCK_RANK[b] > LOCK_RANK[a] ? b : a), "none");
  const unknown = firstUnknown(candidates);
  return best === "compliance" || unknown === undefined ? best : unknown;
}

function keysOf(c: Component, vaults: readonly ProtectionVault[], nodes: ReadonlyMap<string, Component | Mechanism>, keyFindings: ReadonlySet<string>): ProtectionKey[] {
  const out: ProtectionKey[] = [];
  if (c.kind === "key") return out;
  if (c.encryption.keyId !== undefined) out.push(keyEntry(c.address, c.encryption.keyId, nodes, keyFindings));
  else if (c.encryption.atRest === true) out.push({ of: c.address, key: PROVIDER_MANAGED[c.provider], retrievable: true });
  // A vault is of its component's provider.
  for (const v of vaults) {
    if (isUnknownFact(v.vault)) continue;
    out.push(v.keyId !== undefined ? keyEntry(v.vault, v.keyId, nodes, keyFindings) : { of: v.vault, key: PROVIDER_MANAGED[c.provider], retrievable: true });
  }
  return out;
}

function keyEntry(of: string, keyId: Fact<string>, nodes: ReadonlyMap<string, Component | Mechanism>, keyFindings: ReadonlySet<string>): ProtectionKey {
  if (isUnknownFact(keyId)) return { of, key: keyId, retrievable: keyId };
  const node = nodes.get(keyId);
  if (node?.node !== "component") return { of, key: keyId, retrievable: unknownFact("the key is managed outside this scan") };
  return { of, key: node.address, retrievable: keyRetrievable(node, keyFindings) };
}

/** ENC-002's view of a key: enabled, a deletion window of 30 days or prevent_destroy, a policy that keeps the account root. */
function keyRetrievable(key: Component, keyFindings: ReadonlySet<string>): Fact<boolean> {
  if (keyFindings.has(`${key.root}::${key.address}`)) return false;
  const facts = key.keyFacts;
  if (facts === undefined) return unknownFact("the key's state is not known");
  const checks: Fact<boolean>[] = [
    facts.enabled,
    key.preventDestroy === true ? true : isUnknownFact(facts.deletionWindowDays) ? facts.deletionWindowDays : facts.deletionWindowDays >= SAFE_DELETION_WINDOW_DAYS,
    facts.policyAllowsAccountRoot,
  ];
  if (checks.includes(false)) return false;
  return firstUnknown(checks) ?? true;
}

/** A restore-testing selection of the component's AWS Backup type that names it, or all of the type. */
function restoreTestedOf(c: Component, graph: Graph): Fact<boolean> {
  const selections = lookupOf(graph).mechanismsOfKind("restore-testing").filter((m) => m.role === "selection");
  let unknown: Fact<boolean> | undefined;
  for (const s of selections) {
    const type = s.resourceType;
    if (type === undefined || isUnknownFact(type)) {
      unknown ??= unknownFact("a restore-testing selection has an unknown resource type");
      continue;
    }
    if (c.backupResourceType === undefined || type !== c.backupResourceType) continue;
    const arns = s.resourceArns ?? [];
    if (arns.some((a) => (a.by === "arn" && a.pattern === "*") || (a.by === "ref" && a.root === c.root && a.address === c.address))) {
      if ((s.conditions ?? []).length === 0) return true;
      unknown ??= unknownFact("a restore-testing selection of its type has conditions that are not evaluated");
    } else if (arns.some((a) => a.by !== "ref")) unknown ??= unknownFact("a restore-testing selection of its type names resources by ARN");
  }
  return unknown ?? false;
}
