import { UsageError } from "../errors.js";
import { FINGERPRINT_KEY } from "./common.js";

/**
 * The `restorable/v1` fingerprints of every result in a baseline SARIF log.
 * A file that is not such a log is a problem with the command's own input.
 */
export function readBaselineFingerprints(text: string, file: string): Set<string> {
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--baseline ${file} is not valid JSON (${(e as Error).message}); pass a SARIF file written by "restorable scan -f sarif"`);
  }
  const runs = (log as { runs?: unknown } | null)?.runs;
  if (typeof log !== "object" || log === null || !Array.isArray(runs)) {
    throw new UsageError(`--baseline ${file} is not a SARIF log (no "runs" array); pass a SARIF file written by "restorable scan -f sarif"`);
  }
  const fingerprints = new Set<string>();
  for (const run of runs) {
    const results = (run as { results?: unknown } | null)?.results;
    if (!Array.isArray(results)) continue;
    for (const result of results) {
      const value = (result as { partialFingerprints?: Record<string, unknown> } | null)?.partialFingerprints?.[FINGERPRINT_KEY];
      if (typeof value === "string") fingerprints.add(value);
    }
  }
  return fingerprints;
}
