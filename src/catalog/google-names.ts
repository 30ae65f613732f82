/**
 * How Google resources point at each other: by reference (`google_compute_disk.data.id`, known
 * only after apply, so the evaluator keeps the reference) or by literal name or resource path
 * (`google_compute_disk.data.name` is a literal once evaluated, and so is
 * `"projects/p/regions/r/resourcePolicies/nightly"`). Literal names are matched to in-scan
 * resources of the expected types by name, project and location; several matches make the
 * answer uncertain, none means the resource is managed outside the scan.
 */
import type { Fact, UnknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, type Value } from "../terraform/value.js";
import type { CatalogContext } from "./index.js";
import { factOfOpaque, rawValue } from "./read.js";
import { lastSegment, locationInName, projectInName, regionOfLocation } from "./google-schedule.js";

export type Named =
  | { kind: "one"; r: ResourceInstance }
  | { kind: "many"; rs: ResourceInstance[]; reason: string }
  | { kind: "none"; reason: string }
  | { kind: "unknown"; fact: UnknownFact };

export interface NameMatch {
  /** Attribute holding each candidate's name (default `name`). */
  nameAttr?: string;
  /** Location the target must be in (a zone or region), when the pointer says so. */
  location?: Fact<string | null>;
  /** Extra test a candidate must pass (same instance, same database...); unknown keeps it as possible. */
  accept?(candidate: ResourceInstance): boolean | "unknown";
}

function literal(r: ResourceInstance, attr: string): string | undefined {
  const v = rawValue(r.body, attr);
  return typeof v === "string" ? v : undefined;
}

/** The zone, region or location a resource names in its own block, lower case. */
export function ownLocation(r: ResourceInstance): string | undefined {
  for (const attr of ["zone", "region", "location"]) {
    const v = literal(r, attr);
    if (v !== undefined) return v.toLowerCase();
  }
  return undefined;
}

/** Two known locations can hold the same resource: equal, or one is the region of the other (a zone of a region). */
function compatibleLocations(a: string, b: string): boolean {
  const region = regionOfLocation;
  if (a === b) return true;
  const aZone = region(a) !== a;
  const bZone = region(b) !== b;
  return aZone && bZone ? false : region(a) === region(b);
}

/** The in-scan resource of one of `types` that `v` points at, from resource `from`. */
export function resolveNamed(v: Value | undefined, types: readonly string[], from: ResourceInstance, ctx: CatalogContext, match: NameMatch = {}): Named {
  if (v === undefined || v === null) return { kind: "none", reason: "nothing is named" };
  if (isRef(v)) {
    const t = ctx.resource(from.root, v.address);
    if (t && types.includes(t.type)) return { kind: "one", r: t };
    return { kind: "none", reason: `${v.address} is not a ${types.join(" or ")} of the scan` };
  }
  if (typeof v !== "string") return { kind: "unknown", fact: factOfOpaque(v) };
  const name = lastSegment(v);
  const project = projectInName(v) ?? ctx.account;
  const where = locationInName(v) ?? match.location;
  const nameAttr = match.nameAttr ?? "name";
  const candidates = types
    .flatMap((t) => ctx.resourcesWithLiteral(t, nameAttr, name))
    .filter((c) => c.mode === "managed")
    .filter((c) => {
      const theirs = ctx.placeOf(c).account;
      if (typeof project === "string" && typeof theirs === "string" && project !== theirs) return false;
      const loc = ownLocation(c);
      if (typeof where === "string" && loc !== undefined && !compatibleLocations(where.toLowerCase(), loc)) return false;
      return match.accept?.(c) !== false;
    });
  // A resource of the same root is the one meant when there is one.
  const sameRoot = candidates.filter((c) => c.root === from.root);
  const pool = sameRoot.length ? sameRoot : candidates;
  if (pool.length === 1) return { kind: "one", r: pool[0]! };
  if (pool.length === 0) return { kind: "none", reason: `no ${types.join(" or ")} named ${name} is in the scan` };
  return { kind: "many", rs: pool, reason: `${pool.length} resources of the scan are named ${name} (${pool.map((c) => c.address).join(", ")}), and which one ${from.address} means is not known` };
}

/** Every value of a list attribute (or the single value), for `resource_policies = [...]`. */
export function valuesOf(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}
