/** Which components the data-at-rest rules judge (SPEC section 2: the kinds COV-001 judges). */
import type { Component, ComponentKind } from "../graph/types.js";

/**
 * Data at rest that can be backed up. Queues and streams (COV-005), secrets and
 * keys (COV-004, ENC-*) and log stores (RET-*) are judged elsewhere.
 */
export const BACKUP_KINDS: ReadonlySet<ComponentKind> = new Set([
  "database",
  "object-store",
  "volume",
  "file-system",
  "cache",
  "search-index",
  "warehouse",
  "state-backend",
]);

/** A component of a judged kind that can be backed up at all (memcached cannot). */
export function holdsBackupableData(c: Component): boolean {
  return BACKUP_KINDS.has(c.kind) && c.backupCapable;
}

/** The subject fields of a finding about a component: its address, node id and root. */
export function aboutComponent(c: Component): { subject: string; subjectId: string; subjectKind: "resource"; root: string } {
  return { subject: c.address, subjectId: c.id, subjectKind: "resource", root: c.root };
}
