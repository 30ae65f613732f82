import * as core from "@actions/core";
import { levelRank, oneLine } from "../report/common.js";
import type { Finding } from "../rules/types.js";

/**
 * GitHub shows at most 10 error and 10 warning annotations per step and 50 per job
 * (https://docs.github.com/en/rest/checks/runs#update-a-check-run); beyond 50 the
 * rest only clutter the log, so they are counted instead.
 */
export const MAX_ANNOTATIONS = 50;

function annotationProperties(f: Finding): core.AnnotationProperties {
  const loc = f.location;
  const properties: core.AnnotationProperties = { title: `${f.ruleId} ${f.subject}`, file: loc.file, startLine: loc.startLine, endLine: loc.endLine };
  // GitHub ignores columns on annotations spanning lines.
  if (loc.startLine === loc.endLine) {
    properties.startColumn = loc.startColumn;
    properties.endColumn = loc.endColumn;
  }
  return properties;
}

/** Writes `::error file=…,line=…::message` commands (most severe first); returns how many were left out. */
export function annotate(findings: readonly Finding[], max = MAX_ANNOTATIONS): number {
  const ordered = [...findings].sort((a, b) => levelRank(b.level) - levelRank(a.level));
  for (const f of ordered.slice(0, max)) {
    const message = oneLine(f.environment === "" ? f.message : `[${f.environment}] ${f.message}`);
    const properties = annotationProperties(f);
    if (f.level === "error") core.error(message, properties);
    else if (f.level === "warning") core.warning(message, properties);
    else core.notice(message, properties);
  }
  return Math.max(0, ordered.length - max);
}
