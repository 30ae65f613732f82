/**
 * Defaults for every stateful component, classed or not (SPEC section 3): a
 * retention floor of 35 days and a backup at least every 24 hours (the defaults
 * of AWS Backup Audit Manager's "backup-plan-min-frequency-and-min-retention-check"
 * control), and a copy outside the component's region.
 */
import type { Requirements, RequirementSource } from "./types.js";

export const DEFAULT_MIN_RETENTION_DAYS = 35;
export const DEFAULT_MAX_BACKUP_INTERVAL_HOURS = 24;

export function defaultSource(label: string): RequirementSource {
  return { kind: "default", id: "", label };
}

export function defaultRequirements(minRetentionDays = DEFAULT_MIN_RETENTION_DAYS, maxIntervalHours = DEFAULT_MAX_BACKUP_INTERVAL_HOURS): Requirements {
  return {
    classes: [],
    regimes: [],
    critical: false,
    ephemeral: false,
    minRetentionDays: { value: minRetentionDays, source: defaultSource(`the default retention floor (${minRetentionDays} days, for incident investigation)`) },
    maxBackupIntervalHours: { value: maxIntervalHours, source: defaultSource(`the default backup frequency (at least every ${maxIntervalHours} hours)`) },
    requiresCrossRegion: { value: true, source: defaultSource("the default expectation of a copy outside the component's region") },
    conflicts: [],
  };
}
