import { posix } from "node:path";
import type { Finding } from "../rules/types.js";
import type { ScanResult } from "../scan-result.js";

/**
 * SPEC section 4: a result is "in a change" (pre-commit, the Action's
 * `only-changed`) when its primary location or any related location is in a
 * changed file. Paths are relative to the scan root with POSIX separators, as
 * in `Location.file`; build the set with `changedFileSet` to normalize them.
 */
export function inChange(finding: Finding, changedFiles: ReadonlySet<string>): boolean {
  if (changedFiles.size === 0) return false;
  if (changedFiles.has(normalizeChangedPath(finding.location.file))) return true;
  return finding.related.some((r) => changedFiles.has(normalizeChangedPath(r.location.file)));
}

/** The findings in a change, in their original order. */
export function findingsInChange<F extends Finding>(findings: readonly F[], changedFiles: ReadonlySet<string>): F[] {
  return findings.filter((f) => inChange(f, changedFiles));
}

/** A set of changed paths normalized for `inChange` (backslashes, `./`, `a/../b`). */
export function changedFileSet(paths: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const path of paths) {
    const normalized = normalizeChangedPath(path);
    if (normalized !== "") set.add(normalized);
  }
  return set;
}

/** `./a\\b.tf` → `a/b.tf`; "" for an empty path. Does not resolve against a root: pass root-relative paths. */
export function normalizeChangedPath(path: string): string {
  const slashed = path.replace(/\\/g, "/").trim();
  if (slashed === "") return "";
  const normalized = posix.normalize(slashed);
  return normalized === "." ? "" : normalized.replace(/^\.\//, "").replace(/\/$/, "");
}

/**
 * The result as seen from a change: findings in the change, and unknowns located
 * in a changed file. Components and stats stay whole. For what is printed and
 * gates only: never upload a SARIF built from it (dropped results close alerts).
 */
export function resultInChange(result: ScanResult, changedFiles: ReadonlySet<string>): ScanResult {
  return {
    ...result,
    findings: findingsInChange(result.findings, changedFiles),
    unknowns: result.unknowns.filter((u) => u.location !== undefined && changedFiles.has(normalizeChangedPath(u.location.file))),
  };
}
