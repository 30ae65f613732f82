/**
 * Azure management locks (azurerm_management_lock) as deletion protection. A lock at a scope
 * applies to every resource under it: "When you apply a lock at a parent scope, all resources
 * within that scope inherit the same lock"; CanNotDelete and ReadOnly both block deletion.
 * https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/lock-resources
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/management_lock
 *
 * A resource is protected when a lock of this scan targets it, one of its parents (a database's
 * server), their resource group or their subscription. No such lock is "not protected": a lock made
 * outside this configuration (portal, Azure Policy, another state) is not seen. A lock whose scope or
 * level cannot be known makes the protection unknown.
 */
import type { Fact } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, type Value } from "../terraform/value.js";
import type { CatalogContext } from "./index.js";
import { factOfOpaque, rawValue, strFact } from "./read.js";

/** Attributes naming a parent whose locks also protect the resource (a database's server). */
const PARENT_ATTRIBUTES = ["server_id"] as const;

/** The resource and its parents, nearest first. */
function lineage(r: ResourceInstance, ctx: CatalogContext): ResourceInstance[] {
  const out = [r];
  let cur = r;
  for (let depth = 0; depth < 4; depth++) {
    const parent = PARENT_ATTRIBUTES.map((a) => rawValue(cur.body, a)).find((v) => v !== undefined);
    if (!isRef(parent)) break;
    const next = ctx.resource(cur.root, parent.address);
    if (!next) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** The resource group names of the lineage (lower case), or why one is not known. */
function resourceGroups(chain: ResourceInstance[]): Fact<string[]> {
  const names: string[] = [];
  for (const r of chain) {
    const v = strFact(r.body, "resource_group_name", null);
    if (v === null) continue;
    if (isUnknownFact(v)) return v;
    names.push(v.toLowerCase());
  }
  return names;
}

function matchName(names: Fact<string[]>, name: string): Fact<boolean> {
  return isUnknownFact(names) ? names : names.includes(name.toLowerCase());
}

/** Does a lock's scope cover the resource? Three-valued. */
function scopeCovers(lock: ResourceInstance, scope: Value | undefined, chain: ResourceInstance[], groups: Fact<string[]>, account: Fact<string | null>, ctx: CatalogContext): Fact<boolean> {
  if (scope === undefined) return false;
  if (isRef(scope)) {
    const address = scope.address;
    if (chain.some((r) => r.root === lock.root && r.address === address)) return true;
    const type = address.replace(/^data\./, "").split(".")[0];
    if (type === "azurerm_subscription") return sameSubscription(lock, chain[0]!, account, ctx);
    if (type === "azurerm_resource_group") {
      const rg = ctx.resourcesOfType("azurerm_resource_group").find((x) => x.root === lock.root && (x.address === address || x.address === `${address}[*]`));
      const name = rg ? strFact(rg.body, "name", null) : unknownFact(`${address} is not in the scan`);
      if (name === null) return unknownFact(`${address} sets no name`);
      return isUnknownFact(name) ? name : matchName(groups, name);
    }
    // A lock on another resource does not protect this one.
    return false;
  }
  if (typeof scope === "string") return literalScopeCovers(scope, chain, groups, account);
  return factOfOpaque(scope);
}

/** A literal scope id: a subscription, a resource group, or a resource (matched by its name). */
function literalScopeCovers(scope: string, chain: ResourceInstance[], groups: Fact<string[]>, account: Fact<string | null>): Fact<boolean> {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+)(\/providers\/.+)?)?\/?$/i.exec(scope);
  if (!m) return false;
  const [, sub, group, resource] = m;
  if (typeof account === "string" && account.toLowerCase() !== sub!.toLowerCase()) return false;
  const subscription: Fact<boolean> = typeof account === "string" ? true : unknownFact(`the subscription of ${chain[0]!.address} is not known, so lock scope ${scope} cannot be compared`, "set subscription_id in the provider block");
  if (group === undefined) return subscription;
  const inGroup = matchName(groups, group);
  if (inGroup === false) return false;
  if (resource === undefined) return and(inGroup, subscription);
  const name = resource.split("/").filter(Boolean).pop()!.toLowerCase();
  const named = chain.some((r) => {
    const n = strFact(r.body, "name", null);
    return typeof n === "string" && n.toLowerCase() === name;
  });
  return named ? and(inGroup, subscription) : false;
}

function and(a: Fact<boolean>, b: Fact<boolean>): Fact<boolean> {
  if (a === false || b === false) return false;
  if (isUnknownFact(a)) return a;
  return b;
}

/** A subscription data source of the lock's root names the lock's provider subscription. */
function sameSubscription(lock: ResourceInstance, r: ResourceInstance, account: Fact<string | null>, ctx: CatalogContext): Fact<boolean> {
  if (lock.root === r.root && lock.provider.key === r.provider.key) return true;
  const theirs = ctx.placeOf(lock).account;
  if (typeof theirs === "string" && typeof account === "string") return theirs === account;
  return unknownFact(`the subscription of ${lock.address} and of ${r.address} are not both known`, "set subscription_id in the provider blocks");
}

/** CanNotDelete and ReadOnly both block deletion. */
function blocksDeletion(lock: ResourceInstance): Fact<boolean> {
  const level = strFact(lock.body, "lock_level", null);
  if (level === null) return false;
  if (isUnknownFact(level)) return level;
  return level === "CanNotDelete" || level === "ReadOnly";
}

/** Whether a management lock of this scan keeps the resource from being deleted. */
export function lockedAgainstDeletion(r: ResourceInstance, ctx: CatalogContext): Fact<boolean> {
  const chain = lineage(r, ctx);
  const groups = resourceGroups(chain);
  const account = ctx.placeOf(r).account;
  let unknown: Fact<boolean> | undefined;
  for (const lock of locksThatMayName(r, ctx.resourcesOfType("azurerm_management_lock"))) {
    const scope = rawValue(lock.body, "scope");
    const covers = scopeCovers(lock, scope, chain, groups, account, ctx);
    const result = and(covers, blocksDeletion(lock));
    if (result === true) return true;
    if (isUnknownFact(result)) unknown ??= unknownFact(`${lock.address} may lock ${r.address}: ${result.reason}`, result.hint);
  }
  return unknown ?? false;
}

/** Managed locks by root, and those naming their scope by a literal id, per list of locks (one per scan), in scan order. */
const LOCK_INDEX = new WeakMap<readonly ResourceInstance[], { byRoot: Map<string, ResourceInstance[]>; literal: ResourceInstance[]; order: Map<ResourceInstance, number> }>();

/**
 * The locks that may name `r`, in scan order: those of its root, and those elsewhere that name a
 * scope by a literal id (references are root-relative). Found by root, not by reading every lock
 * of the scan for every resource.
 */
function locksThatMayName(r: ResourceInstance, locks: readonly ResourceInstance[]): ResourceInstance[] {
  let index = LOCK_INDEX.get(locks);
  if (!index) {
    index = { byRoot: new Map(), literal: [], order: new Map(locks.map((l, i) => [l, i])) };
    for (const lock of locks) {
      if (lock.mode !== "managed") continue;
      (index.byRoot.get(lock.root) ?? index.byRoot.set(lock.root, []).get(lock.root)!).push(lock);
      if (typeof rawValue(lock.body, "scope") === "string") index.literal.push(lock);
    }
    LOCK_INDEX.set(locks, index);
  }
  const own = index.byRoot.get(r.root) ?? [];
  const elsewhere = index.literal.filter((l) => l.root !== r.root);
  if (elsewhere.length === 0) return own;
  const order = index.order;
  return [...own, ...elsewhere].sort((a, b) => order.get(a)! - order.get(b)!);
}
