/**
 * Time arithmetic of Azure Backup settings, as pure functions: ISO 8601 durations
 * (`P7Y`, `P12M`, `PT4H`), ISO 8601 repeating intervals (`R/2021-05-19T06:33:16+00:00/PT4H`,
 * Data Protection backup schedules), weekday lists and hourly backup windows (Recovery
 * Services VM policies).
 */
import type { Fact } from "../graph/types.js";
import { unknownFact } from "../graph/types.js";

/** A year of retention is 365 days; a month is a twelfth of it, so 12 months are exactly a year (P12M meets a 365-day requirement). */
export const DAYS_PER_YEAR = 365;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/**
 * Days of an ISO 8601 duration as Azure writes retention (`P7Y`, `P12M`, `P52W`, `P30D`, `PT0S`):
 * a year is 365 days and a month 365/12 days. Fractions are not accepted (Azure does not write them).
 */
export function isoDurationDays(s: string): number | undefined {
  const t = s.trim().toUpperCase();
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(t);
  if (!m || t === "P" || t.endsWith("T")) return undefined;
  const [y, mo, w, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number, number];
  // (mo * 365) / 12 rather than mo * (365 / 12): 12 months come out as exactly 365 days.
  return y * DAYS_PER_YEAR + (mo * DAYS_PER_YEAR) / 12 + w * 7 + d + h / 24 + mi / 1440 + sec / 86400;
}

/** An ISO 8601 repeating interval `R[n]/start/duration`: its first run (ms since epoch) and its period in hours. */
export interface RepeatingInterval {
  startMs: number;
  periodHours: number;
  /** `Rn`: the schedule stops after n runs. */
  repetitions?: number;
}

export function parseRepeatingInterval(s: string): RepeatingInterval | undefined {
  const m = /^R(\d*)\/([^/]+)\/(P[^/]+)$/i.exec(s.trim());
  if (!m) return undefined;
  const startMs = Date.parse(m[2]!);
  const days = isoDurationDays(m[3]!);
  if (Number.isNaN(startMs) || days === undefined || days <= 0) return undefined;
  return { startMs, periodHours: days * 24, ...(m[1] ? { repetitions: Number(m[1]) } : {}) };
}

/**
 * Largest gap between runs of a Data Protection schedule (`backup_repeating_time_intervals`),
 * in hours: one interval runs every period; several intervals of one period (weekly backups on
 * two days: two `P1W` intervals starting on different days) leave the largest gap between their
 * start times within a period. Intervals of different periods, or a schedule that stops, are unknown.
 */
export function repeatingIntervalsGapHours(intervals: readonly string[]): Fact<number> {
  if (intervals.length === 0) return unknownFact("the policy has no backup_repeating_time_intervals");
  const parsed: RepeatingInterval[] = [];
  for (const s of intervals) {
    const p = parseRepeatingInterval(s);
    if (!p) return unknownFact(`"${s}" is not an ISO 8601 repeating interval (R/start/duration)`);
    if (p.repetitions !== undefined) return unknownFact(`"${s}" stops after ${p.repetitions} runs`);
    parsed.push(p);
  }
  const period = parsed[0]!.periodHours;
  if (parsed.length === 1) return period;
  if (parsed.some((p) => p.periodHours !== period)) return unknownFact(`backup_repeating_time_intervals mix periods (${intervals.join(", ")})`);
  const periodMs = period * 3_600_000;
  const offsets = [...new Set(parsed.map((p) => ((p.startMs % periodMs) + periodMs) % periodMs))].sort((a, b) => a - b);
  let largest = offsets[0]! + periodMs - offsets[offsets.length - 1]!;
  for (let i = 1; i < offsets.length; i++) largest = Math.max(largest, offsets[i]! - offsets[i - 1]!);
  return largest / 3_600_000;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** Largest gap in hours between backups taken on these weekdays (`["Sunday"]` → 168); undefined when a name is not a weekday or the list is empty. */
export function weekdaysGapHours(days: readonly string[]): number | undefined {
  const idx = [...new Set(days.map((d) => WEEKDAYS.indexOf(d.toLowerCase())))].sort((a, b) => a - b);
  if (idx.length === 0 || idx.some((i) => i < 0)) return undefined;
  let largest = idx[0]! + 7 - idx[idx.length - 1]!;
  for (let i = 1; i < idx.length; i++) largest = Math.max(largest, idx[i]! - idx[i - 1]!);
  return largest * 24;
}

/**
 * Largest gap in hours of an hourly VM policy (Enhanced policy): backups every `intervalHours`
 * within a window of `durationHours` that opens at `backup.time` each day. Microsoft documents the
 * window, not whether a backup also runs at its closing time, so this takes the reading with the
 * smaller gap (a run at both ends: max(interval, 24 - duration)): a sparse schedule is never
 * reported from an assumption. https://learn.microsoft.com/en-us/azure/backup/backup-azure-vms-enhanced-policy
 */
export function hourlyWindowGapHours(intervalHours: number, durationHours: number): number | undefined {
  if (intervalHours <= 0 || durationHours <= 0 || durationHours > 24 || durationHours < intervalHours) return undefined;
  return Math.max(intervalHours, 24 - durationHours);
}
