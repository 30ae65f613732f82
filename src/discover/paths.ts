/**
 * Paths inside the scan root, as every later stage names them: POSIX, relative to the root. One
 * rule for module sources, `file()`, chart dependencies, values files and manifests named by a
 * release: a path that climbs above the root, or an absolute one, is not inside it.
 */

/** `dir/rel` normalized (POSIX, relative to the scan root); undefined when it leaves the scan root. */
export function joinInsideRoot(dir: string, rel: string): string | undefined {
  if (rel.startsWith("/")) return undefined;
  const parts = dir === "." ? [] : dir.split("/");
  for (const p of rel.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return parts.length ? parts.join("/") : ".";
}
