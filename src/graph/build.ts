/**
 * Normalization: evaluated Terraform resources → graph nodes, through the catalog.
 * Components first, then links (split resources configuring a component), then
 * mechanisms; coverage is computed over the finished graph (coverage.ts).
 */
import { componentEntry, linkEntry, mechanismEntry, vaultLink, type CatalogContext } from "../catalog/index.js";
import { factOfOpaque, stringMapFact, toLocation, anchorsOf, rawValue } from "../catalog/read.js";
import { keyIdOf } from "../catalog/aws-mechanisms.js";
import { annotateKeys } from "../catalog/aws-keys.js";
import type { EvaluatedRoot, ResourceInstance } from "../terraform/types-evaluated.js";
import { isObject, isRef, isUnknown, type Value } from "../terraform/value.js";
import { computeCoverage } from "./coverage.js";
import { buildLookup } from "./lookup.js";
import { markStateBackends, notificationTopics, organizationsPolicies, scanWideFinder } from "../catalog/aws-scanwide.js";
import { markAuditLogDestinations } from "../catalog/aws-audit-logs.js";
import { googleResourceRegion, isGoogleProvider } from "../catalog/google.js";
import { azurermLocation } from "../catalog/azurerm.js";
import type { ExternalBackup } from "../policy/types.js";
import { kubernetesNodes } from "../catalog/kubernetes.js";
import type { K8sObject } from "../helm/types.js";
import type { BackupVault, Component, Fact, Graph, Mechanism, ScanUnknown } from "./types.js";
import { isUnknownFact, unknownFact } from "./types.js";

/** Resources of all roots, addressable by root and address (refs are root-relative). */
export class ResourceIndex {
  private byRoot = new Map<string, Map<string, ResourceInstance>>();
  private byResourceAddress = new Map<string, Map<string, ResourceInstance[]>>();

  constructor(roots: EvaluatedRoot[]) {
    for (const root of roots) {
      const m = new Map<string, ResourceInstance>();
      const ra = new Map<string, ResourceInstance[]>();
      for (const r of root.resources) {
        if (r.mode !== "managed") continue;
        m.set(r.address, r);
        const list = ra.get(r.resourceAddress) ?? [];
        list.push(r);
        ra.set(r.resourceAddress, list);
      }
      this.byRoot.set(root.root, m);
      this.byResourceAddress.set(root.root, ra);
    }
  }

  /** Exact address, else the `[*]` stand-in, else the only instance of that resource. */
  resolve(root: string, address: string): ResourceInstance | undefined {
    const m = this.byRoot.get(root);
    if (!m) return undefined;
    const exact = m.get(address) ?? m.get(`${address}[*]`);
    if (exact) return exact;
    const stripped = address.replace(/\[[^\]]*\]$/, "");
    const list = this.byResourceAddress.get(root)?.get(stripped) ?? this.byResourceAddress.get(root)?.get(address);
    if (list && list.length === 1) return list[0];
    const star = m.get(`${stripped}[*]`);
    return star;
  }
}

export function regionFact(v: Value): Fact<string> {
  if (typeof v === "string" && v !== "") return v;
  if (v === null || v === "") return unknownFact("the provider configuration sets no region", "set region in the provider block or pass AWS_REGION through --var");
  return factOfOpaque(v);
}

export function accountFact(v: Value): Fact<string | null> {
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number") return String(v);
  if (v === null || v === "" || v === undefined) return null;
  if (isUnknown(v) || isRef(v)) return factOfOpaque(v);
  return null;
}

export function placeOf(r: ResourceInstance, resolve?: (root: string, address: string) => ResourceInstance | undefined): { region: Fact<string>; account: Fact<string | null> } {
  // AzureRM resources carry their own `location` (or inherit their parent's); the provider has no region.
  if (r.type.startsWith("azurerm_")) return { region: azurermLocation(r, resolve ?? (() => undefined)), account: accountFact(r.provider.account) };
  // A Google resource's own `project` overrides the provider's.
  const project = isGoogleProvider(r.provider.name) ? r.body.attributes.get("project")?.value : undefined;
  return { region: regionFact(resourceRegion(r)), account: accountFact(project !== undefined && project !== null ? project : r.provider.account) };
}

/**
 * AWS provider v6 adds a `region` argument to every regional resource, overriding
 * the provider configuration's region for that resource (Terraform AWS provider
 * v6 upgrade guide, "Enhanced Region Support").
 */
function resourceRegion(r: ResourceInstance) {
  // Google resources name their own region/location/zone, overriding the provider's region.
  if (isGoogleProvider(r.provider.name)) return googleResourceRegion(r) ?? r.provider.region;
  const own = r.provider.name === "aws" ? r.body.attributes.get("region") : undefined;
  return own && own.value !== null ? own.value : r.provider.region;
}

/** Resource tags (or labels, at `attribute`) with the provider's default_tags / default_labels merged in (resource wins). */
export function mergedTags(r: ResourceInstance, attribute = "tags"): Fact<Record<string, Fact<string>>> {
  const defaults = stringMapFact(r.provider.defaultTags ?? undefined);
  const own = stringMapFact(rawValue(r.body, attribute));
  if (isUnknownFact(defaults)) return defaults;
  if (isUnknownFact(own)) return own;
  return { ...defaults, ...own };
}

function arnString(c: Component): Fact<string> {
  const p = c.arnParts;
  if (!p) return unknownFact(`no ARN is known for ${c.type}`);
  for (const part of [p.region, p.account, p.name]) if (isUnknownFact(part)) return part;
  if (p.account === null) return unknownFact(`account of ${c.address} is not known`, "set allowed_account_ids or assume_role in the provider");
  return `arn:${p.partition}:${p.service}:${p.region as string}:${p.account as string}:${p.resourcePrefix}${p.name as string}`;
}

function buildComponent(r: ResourceInstance, ctx: CatalogContext): Component | undefined {
  const entry = componentEntry(r.type);
  if (!entry || (entry.isComponent && !entry.isComponent(r))) return undefined;
  const place = ctx.placeOf(r);
  const enc = entry.encryption?.(r, ctx) ?? { atRest: unknownFact(`encryption of ${r.type} is not catalogued`) };
  const c: Component = {
    id: `${r.root}::${r.address}`,
    root: r.root,
    address: r.address,
    type: r.type,
    location: toLocation(r.header),
    anchors: anchorsOf(r, entry.anchors),
    node: "component",
    provider: entry.provider,
    kind: entry.kind(r),
    backupCapable: entry.backupCapable ? entry.backupCapable(r) : true,
    region: entry.region?.(r, ctx) ?? place.region,
    account: place.account,
    tags: mergedTags(r, entry.tagsAttribute ?? "tags"),
    arn: unknownFact("not built yet"),
    nativeBackup: entry.nativeBackup(r),
    encryption: { atRest: enc.atRest, ...(enc.key !== undefined ? { keyId: keyIdOf(enc.key, r, ctx) } : {}), ...(enc.kms !== undefined ? { kms: enc.kms } : {}) },
    copies: entry.copies?.(r, ctx) ?? [],
    deletionProtection: entry.deletionProtection?.(r, ctx) ?? unknownFact(`deletion protection of ${r.type} is not catalogued`),
    backupsSurviveDeletion: entry.backupsSurviveDeletion?.(r) ?? unknownFact(`${r.type}: not catalogued`),
    coveredWith: [],
    preventDestroy: r.preventDestroy,
  };
  const brt = entry.backupResourceType?.(r);
  if (brt) c.backupResourceType = brt;
  if (entry.arn) c.arnParts = entry.arn(r, ctx);
  c.arn = arnString(c);
  if (entry.finalSnapshot) c.finalSnapshot = entry.finalSnapshot(r);
  if (entry.dataRetentionDays) c.dataRetentionDays = entry.dataRetentionDays(r);
  if (entry.dataRetentionAnchor && c.anchors[entry.dataRetentionAnchor]) c.dataRetentionAnchor = entry.dataRetentionAnchor;
  if (entry.dataColdAfterDays) c.dataColdAfterDays = entry.dataColdAfterDays(r);
  if (entry.attributes) c.attributes = entry.attributes(r, ctx);
  if (entry.keyFacts) c.keyFacts = entry.keyFacts(r, ctx);
  if (entry.deletionRecovery) c.deletionRecovery = entry.deletionRecovery(r, ctx);
  if (entry.remedies) c.remedies = entry.remedies(r);
  if (entry.literalNames) c.names = entry.literalNames(r);
  if (entry.backupEncryption) c.backupEncryption = entry.backupEncryption;
  if (entry.deletionProtectionAnchor) c.deletionProtectionAnchor = entry.deletionProtectionAnchor;
  const objectLock = entry.objectLock?.(r);
  if (objectLock) c.objectLock = objectLock;
  const tagsAt = entry.tagsAttribute ?? "tags";
  if (c.anchors[tagsAt]) c.tagsAnchor = tagsAt;
  if (enc.anchor && c.anchors[enc.anchor]) c.encryption.anchor = enc.anchor;
  if (enc.keyAnchor && c.anchors[enc.keyAnchor]) c.encryption.keyAnchor = enc.keyAnchor;
  return c;
}

export interface BuildState {
  components: Component[];
  mechanisms: Mechanism[];
  unknowns: ScanUnknown[];
}

export function buildNodes(roots: EvaluatedRoot[]): BuildState & { index: ResourceIndex } {
  const index = new ResourceIndex(roots);
  const componentsById = new Map<string, Component>();
  const unknowns: ScanUnknown[] = [];
  const placeIn = (r: ResourceInstance) => placeOf(r, (root, address) => index.resolve(root, address));
  const byType = new Map<string, ResourceInstance[]>();
  for (const r of roots.flatMap((root) => root.resources)) (byType.get(r.type) ?? byType.set(r.type, []).get(r.type)!).push(r);
  const byLiteral = new Map<string, Map<string, ResourceInstance[]>>();
  const resourcesWithLiteral = (type: string, attr: string, value: string): readonly ResourceInstance[] => {
    const key = `${type}\0${attr}`;
    let index = byLiteral.get(key);
    if (!index) {
      index = new Map();
      for (const x of byType.get(type) ?? []) {
        const v = rawValue(x.body, attr);
        if (typeof v === "string") (index.get(v) ?? index.set(v, []).get(v)!).push(x);
      }
      byLiteral.set(key, index);
    }
    return index.get(value) ?? [];
  };
  const ctxFor = (r: ResourceInstance): CatalogContext => {
    const place = placeIn(r);
    return {
      region: place.region,
      account: place.account,
      idOf: (root, address) => {
        const t = index.resolve(root, address);
        return t ? `${t.root}::${t.address}` : undefined;
      },
      resource: (root, address) => index.resolve(root, address),
      placeOf: placeIn,
      resourcesOfType: (type) => byType.get(type) ?? [],
      resourcesWithLiteral,
    };
  };

  const all = roots.flatMap((root) => root.resources.filter((r) => r.mode === "managed"));
  for (const r of all) {
    const c = buildComponent(r, ctxFor(r));
    if (c) componentsById.set(c.id, c);
  }

  const mechanisms: Mechanism[] = [];
  for (const r of all) {
    const m = mechanismEntry(r.type);
    if (m) mechanisms.push(...m.build(r, ctxFor(r)));
  }

  const componentAt = (root: string, address: string): Component | undefined => {
    const t = index.resolve(root, address);
    return t ? componentsById.get(`${t.root}::${t.address}`) : undefined;
  };

  // Links: split resources that configure a component.
  for (const r of all) {
    const link = linkEntry(r.type);
    if (!link) continue;
    const target = linkTarget(r, link.targetAttribute, link.targetTypes, componentsById.values(), componentAt);
    if (typeof target === "string") {
      unknowns.push({ subject: r.address, root: r.root, what: `which ${link.targetTypes.join("/")} it configures`, reason: target, location: toLocation(r.header) });
      continue;
    }
    if (!target) continue;
    const made = link.apply(target, r, { ...ctxFor(r), components: componentAt });
    if (made) mechanisms.push(...made);
  }

  // Vault links: lock and notifications.
  const vaults = vaultIndex(mechanisms.filter((m): m is BackupVault => m.node === "backup-vault"));
  for (const r of all) {
    const apply = vaultLink(r.type);
    if (!apply) continue;
    const v = rawValue(r.body, "backup_vault_name");
    const vault = isRef(v) ? vaults.byId.get(`${r.root}::${index.resolve(r.root, v.address)?.address}`) : typeof v === "string" ? vaults.inRoot(r.root, v) : undefined;
    if (vault) apply(vault, r);
  }

  // Plan rules naming their vault by literal name.
  for (const m of mechanisms) {
    if (m.node !== "backup-plan") continue;
    for (const rule of m.rules) {
      if (typeof rule.vaultId === "string" && rule.vaultId.startsWith("name:")) {
        const name = rule.vaultId.slice(5);
        const v = vaults.inRoot(m.root, name) ?? vaults.named(name).find((x) => sameKnown(x.region, m.region));
        rule.vaultId = v ? v.id : unknownFact(`vault ${name} is not in the scan`);
      }
    }
  }

  // A read replica in another region copies its source (replication, not a backup).
  for (const r of all) {
    if (r.type !== "aws_db_instance") continue;
    const src = rawValue(r.body, "replicate_source_db");
    if (!isRef(src)) continue;
    const source = componentAt(r.root, src.address);
    if (!source) continue;
    const place = placeOf(r);
    const replicaKey = rawValue(r.body, "kms_key_id");
    source.copies.push({ region: place.region, account: place.account, via: "rds-read-replica", location: toLocation(r.header), ...(replicaKey !== undefined ? { keyId: keyIdOf(replicaKey, r, ctxFor(r)) } : {}) });
    mechanisms.push({
      id: `${r.root}::${r.address}`,
      root: r.root,
      address: r.address,
      type: r.type,
      location: toLocation(r.header),
      anchors: anchorsOf(r, ["replicate_source_db"]),
      node: "replication",
      sourceId: source.id,
      destinationRegion: place.region,
      destinationAccount: place.account,
      keepsRecoveryPoints: false,
      retentionDays: 0,
    });
  }

  annotateKeys(componentsById.values(), mechanisms);
  // Scan-wide facts: state-backend buckets, Organizations backup policies, notification topics.
  const find = scanWideFinder(roots);
  markStateBackends(roots, [...componentsById.values()]);
  mechanisms.push(...organizationsPolicies(roots, find));
  notificationTopics(roots, mechanisms, find);
  markAuditLogDestinations(all, [...componentsById.values()], componentAt);

  return { components: [...componentsById.values()], mechanisms, unknowns, index };
}

/** Vaults by id, and by literal name (within a root, or anywhere), in graph order. */
function vaultIndex(vaults: readonly BackupVault[]) {
  const byId = new Map(vaults.map((v) => [v.id, v]));
  const byName = new Map<string, BackupVault[]>();
  // Monorepos repeat one vault name in every root: the first of each root and name, found by key.
  const byRootAndName = new Map<string, BackupVault>();
  for (const v of vaults) {
    if (typeof v.name !== "string") continue;
    (byName.get(v.name) ?? byName.set(v.name, []).get(v.name)!).push(v);
    const key = `${v.root}\0${v.name}`;
    if (!byRootAndName.has(key)) byRootAndName.set(key, v);
  }
  return {
    byId,
    named: (name: string): readonly BackupVault[] => byName.get(name) ?? [],
    inRoot: (root: string, name: string): BackupVault | undefined => byRootAndName.get(`${root}\0${name}`),
  };
}

function sameKnown(a: Fact<string>, b: Fact<string>): boolean {
  return typeof a === "string" && a === b;
}

/** The component a link configures; a string explains why it cannot be known. */
function linkTarget(
  r: ResourceInstance,
  attr: string,
  types: readonly string[],
  components: Iterable<Component>,
  componentAt: (root: string, address: string) => Component | undefined,
): Component | string | undefined {
  const v = rawValue(r.body, attr);
  if (v === undefined) return undefined;
  if (isRef(v)) {
    const c = componentAt(r.root, v.address);
    return c && types.includes(c.type) ? c : undefined;
  }
  if (typeof v === "string") {
    for (const c of components) {
      if (c.root !== r.root || !types.includes(c.type)) continue;
      const name = c.arnParts?.name;
      if (name === v || (typeof c.arn === "string" && c.arn === v)) return c;
    }
    return undefined;
  }
  if (isObject(v)) return undefined;
  return factOfOpaque(v).reason;
}

export interface GraphOptions {
  /** Coverage declared outside the repository (`external_backups:` in the config). */
  externalBackups?: readonly ExternalBackup[];
  /** Kubernetes objects of the scan: manifests and what Helm releases render. */
  kubernetes?: readonly K8sObject[];
}

export function buildGraph(roots: EvaluatedRoot[], options: GraphOptions = {}): Graph {
  const state = buildNodes(roots);
  const k8s = kubernetesNodes(options.kubernetes ?? [], { components: state.components });
  state.components.push(...k8s.components);
  state.mechanisms.push(...k8s.mechanisms);
  state.unknowns.push(...k8s.unknowns);
  const { coverage, unknowns } = computeCoverage(state.components, state.mechanisms, roots, options.externalBackups ?? []);
  const graph: Graph = { components: state.components, mechanisms: state.mechanisms, coverage, unknowns: [...state.unknowns, ...unknowns] };
  graph.lookup = buildLookup(graph);
  return graph;
}
