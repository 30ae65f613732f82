/**
 * ARN patterns of AWS Backup selections (`arn:aws:dynamodb:*:*:table/*`, `*`)
 * matched against a component's ARN parts, three-valued: an unknown account in
 * the component's ARN does not block a match (SPEC section 1); an unknown name
 * matches only a pattern whose resource part is a wildcard for its type.
 */
import type { ArnParts, Fact, UnknownFact } from "./types.js";
import { isUnknownFact, unknownFact } from "./types.js";

export type Tri = true | false | UnknownFact;

/** Shell-style glob with `*` and `?` (AWS Backup resource patterns). */
export function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp("^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$", "s");
  return re.test(text);
}

/** `arn:partition:service:region:account:resource` → parts; the resource keeps its own colons. */
export function splitArnPattern(pattern: string): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const parts = pattern.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(":") };
}

/** Does the pattern name a resource type (its service is literal)? Such assignments ignore the region opt-in. */
export function patternNamesType(pattern: string): boolean {
  const p = splitArnPattern(pattern);
  return p !== undefined && !p.service.includes("*") && !p.service.includes("?");
}

function matchPart(pattern: string, value: Fact<string | null>, what: string, unknownMatches: boolean): Tri {
  if (value === null) return true;
  if (isUnknownFact(value)) {
    if (pattern === "*" || unknownMatches) return true;
    return unknownFact(`${what} is not known: ${value.reason}`, value.hint);
  }
  return globMatch(pattern, value);
}

/** Can a glob over `prefix + name` match some name with that prefix? (`table/*` yes for `table/`; `volume/*` no.) */
function prefixCompatible(resourcePattern: string, prefix: string): boolean {
  const star = resourcePattern.search(/[*?]/);
  const literalHead = star < 0 ? resourcePattern : resourcePattern.slice(0, star);
  return literalHead.startsWith(prefix) || prefix.startsWith(literalHead);
}

export function matchArnPattern(pattern: string, arn: ArnParts): Tri {
  if (pattern === "*") return true;
  const p = splitArnPattern(pattern);
  if (!p) return false;
  if (!globMatch(p.partition, arn.partition) || !globMatch(p.service, arn.service)) return false;
  const region = matchPart(p.region, arn.region, "region", false);
  if (region === false) return false;
  // Unknown accounts never block a match (SPEC section 1).
  const account = matchPart(p.account, arn.account, "account", true);
  if (account === false) return false;
  let name: Tri;
  if (isUnknownFact(arn.name)) {
    if (!prefixCompatible(p.resource, arn.resourcePrefix)) name = false;
    else if (p.resource === "*" || p.resource === `${arn.resourcePrefix}*`) name = true;
    else name = unknownFact(`name of the resource is not known (${arn.name.reason}), so ${pattern} may or may not match it`, arn.name.hint);
  } else name = globMatch(p.resource, arn.resourcePrefix + arn.name);
  if (name === false) return false;
  return and3(region, name);
}

export function and3(...xs: Tri[]): Tri {
  let u: UnknownFact | undefined;
  for (const x of xs) {
    if (x === false) return false;
    if (x !== true) u ??= x;
  }
  return u ?? true;
}

export function or3(...xs: Tri[]): Tri {
  let u: UnknownFact | undefined;
  for (const x of xs) {
    if (x === true) return true;
    if (x !== false) u ??= x;
  }
  return u ?? false;
}

export function not3(x: Tri): Tri {
  return x === true ? false : x === false ? true : x;
}
