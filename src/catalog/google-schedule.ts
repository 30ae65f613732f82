/**
 * Pure helpers of the Google Cloud catalog: durations, locations, resource names, and the
 * largest gap between two runs of the schedules Google services use (Compute Engine snapshot
 * schedules, Backup and DR standard schedules, Firestore backup recurrences). Spanner backup
 * schedules are five-field Unix cron (schedule.ts, unixCronIntervalHours).
 */
import type { Fact } from "../graph/types.js";
import { unknownFact } from "../graph/types.js";

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/**
 * Seconds of a duration as Google resources write them: protobuf durations ("3600s", "3.5s":
 * Backup and DR, Firestore and Spanner retentions, KMS destroy_scheduled_duration), Go durations
 * ("24h0m0s", "72h": Bigtable automated_backup_policy) and Spanner's version_retention_period
 * ("1d", "24h", "1440m", "86400s"). Undefined when it is not such a duration.
 * https://protobuf.dev/reference/protobuf/google.protobuf/#duration
 * https://pkg.go.dev/time#ParseDuration
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database#version_retention_period
 */
export function durationSeconds(text: string): number | undefined {
  const s = text.trim();
  if (s === "0") return 0;
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== s) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * SECONDS_PER_UNIT[p[2]!]!, 0);
}

/** Days of a duration (see durationSeconds). */
export function durationDays(text: string): number | undefined {
  const s = durationSeconds(text);
  return s === undefined ? undefined : s / 86400;
}

/**
 * A single region is named `area-direction` plus a number (`us-central1`, `europe-west4`,
 * `northamerica-northeast1`); everything else Google calls a location is a zone (a region plus
 * `-a`), a multi-region or dual-region (`us`, `eu`, `europe`, `nam4`, `eur3`, `ca`) or `global`.
 * https://cloud.google.com/compute/docs/regions-zones
 * https://cloud.google.com/kms/docs/locations
 * https://cloud.google.com/storage/docs/locations
 */
export function isSingleRegion(location: string): boolean {
  return /^[a-z]+-[a-z]+\d+$/.test(location.toLowerCase());
}

/** A zone (`us-central1-a`) names its region (`us-central1`); regions and multi-regions are kept, lower case. */
export function regionOfLocation(location: string): string {
  const l = location.toLowerCase();
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(l) ? l.slice(0, -2) : l;
}

/** The last segment of a resource name or self link (`projects/p/regions/r/resourcePolicies/nightly` → `nightly`). */
export function lastSegment(name: string): string {
  const parts = name.split("/").filter((p) => p !== "");
  return parts[parts.length - 1] ?? name;
}

/** The location in a resource name (`projects/p/locations/europe-west1/keyRings/k` → `europe-west1`), zones and regions included. */
export function locationInName(name: string): string | undefined {
  const m = /(?:^|\/)(?:locations|regions|zones)\/([^/]+)/.exec(name);
  return m ? m[1] : undefined;
}

/** The project in a resource name (`projects/acme-prod/...` → `acme-prod`). */
export function projectInName(name: string): string | undefined {
  const m = /(?:^|\/)projects\/([^/]+)/.exec(name);
  return m ? m[1] : undefined;
}

const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;
const MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"] as const;

/** Index of a weekday name (0 = SUNDAY), or undefined. */
export function weekdayIndex(day: string): number | undefined {
  const i = (WEEKDAYS as readonly string[]).indexOf(day.toUpperCase());
  return i >= 0 ? i : undefined;
}

/** Hours since midnight of an "HH:MM" start time. */
export function startHours(time: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h + min / 60 : undefined;
}

/** Largest gap, in hours, between runs at the same time of day on the days `runs` accepts, over four years (a leap year included). */
function largestDayGapHours(runs: (d: Date) => boolean): number | undefined {
  const start = Date.UTC(2024, 0, 1);
  let prev: number | undefined;
  let largest = 0;
  for (let i = 0; i < 4 * 365 + 1; i++) {
    const d = new Date(start + i * 86_400_000);
    if (!runs(d)) continue;
    if (prev !== undefined) largest = Math.max(largest, i - prev);
    prev = i;
  }
  return prev === undefined || largest === 0 ? undefined : largest * 24;
}

/** Largest gap between weekly runs at the given (weekday, hour) times, in hours. */
function weeklyGapHours(times: { day: number; hour: number }[]): number | undefined {
  if (times.length === 0) return undefined;
  const points = times.map((t) => t.day * 24 + t.hour).sort((a, b) => a - b);
  let largest = 0;
  for (let i = 0; i < points.length; i++) {
    const next = i + 1 < points.length ? points[i + 1]! : points[0]! + 168;
    largest = Math.max(largest, next - points[i]!);
  }
  return largest === 0 ? 168 : largest;
}

/** A Compute Engine snapshot schedule, as read from snapshot_schedule_policy.schedule. */
export type SnapshotSchedule =
  | { kind: "hourly"; hoursInCycle: number }
  | { kind: "daily"; daysInCycle: number }
  | { kind: "weekly"; days: { day: string; startTime: string }[] };

/**
 * Largest gap between two snapshots of a snapshot schedule: hourly_schedule runs every
 * hours_in_cycle hours, daily_schedule every days_in_cycle days, weekly_schedule at each
 * day_of_weeks entry's day and start time (UTC).
 * https://cloud.google.com/compute/docs/disks/about-snapshot-schedules#snapshot_schedule_frequency
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_resource_policy#nested_schedule
 */
export function snapshotScheduleIntervalHours(s: SnapshotSchedule): Fact<number> {
  switch (s.kind) {
    case "hourly":
      return s.hoursInCycle > 0 ? s.hoursInCycle : unknownFact(`hours_in_cycle ${s.hoursInCycle} is not a positive number`);
    case "daily":
      return s.daysInCycle > 0 ? s.daysInCycle * 24 : unknownFact(`days_in_cycle ${s.daysInCycle} is not a positive number`);
    case "weekly": {
      const times: { day: number; hour: number }[] = [];
      for (const d of s.days) {
        const day = weekdayIndex(d.day);
        const hour = startHours(d.startTime);
        if (day === undefined || hour === undefined) return unknownFact(`day_of_weeks ${d.day} ${d.startTime} is not a day and an HH:MM time`);
        times.push({ day, hour });
      }
      return weeklyGapHours(times) ?? unknownFact("weekly_schedule has no day_of_weeks");
    }
  }
}

/** A Backup and DR standard schedule, as read from backup_rules.standard_schedule. */
export interface StandardSchedule {
  recurrenceType: string;
  hourlyFrequency?: number;
  daysOfWeek?: string[];
  daysOfMonth?: number[];
  months?: string[];
  weekDayOfMonth?: { weekOfMonth: string; dayOfWeek: string };
  window?: { startHour: number; endHour: number };
}

const WEEK_OF_MONTH: Readonly<Record<string, number>> = { FIRST: 1, SECOND: 2, THIRD: 3, FOURTH: 4 };

/**
 * Largest gap between two backups of a Backup and DR standard schedule. Jobs are queued at the
 * start of the backup window; HOURLY runs every hourly_frequency hours from the window's start
 * while before its end (end_hour_of_day is not part of the window), every day; DAILY once a day;
 * WEEKLY on days_of_week; MONTHLY on days_of_month or week_day_of_month; YEARLY in months on those days.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/backup_dr_backup_plan#nested_backup_rules_standard_schedule
 * https://cloud.google.com/backup-disaster-recovery/docs/reference/rest/v1/projects.locations.backupPlans#BackupWindow
 */
export function standardScheduleIntervalHours(s: StandardSchedule): Fact<number> {
  switch (s.recurrenceType) {
    case "HOURLY": {
      const n = s.hourlyFrequency;
      if (n === undefined || !(n > 0)) return unknownFact("an HOURLY standard_schedule needs hourly_frequency");
      if (!s.window) return unknownFact("the HOURLY standard_schedule has no backup_window, so the hours it runs are not known", "set backup_window { start_hour_of_day, end_hour_of_day }");
      const span = s.window.endHour - s.window.startHour;
      if (!(span > 0)) return unknownFact("backup_window ends before it starts");
      // Runs at start, start+n, ... before the end; the gap across midnight closes the day.
      const lastOffset = Math.ceil(span / n) * n - n;
      return Math.max(n, 24 - lastOffset);
    }
    case "DAILY":
      return 24;
    case "WEEKLY": {
      const days = (s.daysOfWeek ?? []).map(weekdayIndex);
      if (days.length === 0) return unknownFact("a WEEKLY standard_schedule needs days_of_week");
      if (days.some((d) => d === undefined)) return unknownFact(`days_of_week ${(s.daysOfWeek ?? []).join(", ")} are not all weekdays`);
      return weeklyGapHours(days.map((day) => ({ day: day!, hour: 0 }))) ?? unknownFact("no days_of_week");
    }
    case "MONTHLY":
    case "YEARLY":
      return monthlyGapHours(s);
    default:
      return unknownFact(`recurrence_type ${s.recurrenceType} is not HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY`);
  }
}

function monthlyGapHours(s: StandardSchedule): Fact<number> {
  const months = s.recurrenceType === "YEARLY" ? (s.months ?? []).map((m) => (MONTHS as readonly string[]).indexOf(m.toUpperCase())) : [...Array(12).keys()];
  if (months.length === 0) return unknownFact("a YEARLY standard_schedule needs months");
  if (months.some((m) => m < 0)) return unknownFact(`months ${(s.months ?? []).join(", ")} are not all month names`);
  const inMonth = (d: Date) => months.includes(d.getUTCMonth());
  let day: (d: Date) => boolean;
  if (s.daysOfMonth && s.daysOfMonth.length) {
    // What Backup and DR does with day 29-31 in shorter months is not documented.
    if (s.daysOfMonth.some((n) => n > 28)) return unknownFact(`days_of_month ${s.daysOfMonth.join(", ")} include a day that some months do not have; how Backup and DR handles it is not documented`);
    const days = s.daysOfMonth;
    day = (d) => days.includes(d.getUTCDate());
  } else if (s.weekDayOfMonth) {
    const wd = weekdayIndex(s.weekDayOfMonth.dayOfWeek);
    const week = s.weekDayOfMonth.weekOfMonth.toUpperCase();
    if (wd === undefined) return unknownFact(`week_day_of_month.day_of_week ${s.weekDayOfMonth.dayOfWeek} is not a weekday`);
    if (week === "LAST") day = (d) => d.getUTCDay() === wd && d.getUTCDate() + 7 > new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    else if (WEEK_OF_MONTH[week] !== undefined) day = (d) => d.getUTCDay() === wd && Math.ceil(d.getUTCDate() / 7) === WEEK_OF_MONTH[week];
    else return unknownFact(`week_day_of_month.week_of_month ${s.weekDayOfMonth.weekOfMonth} is not FIRST, SECOND, THIRD, FOURTH or LAST`);
  } else return unknownFact(`a ${s.recurrenceType} standard_schedule needs days_of_month or week_day_of_month`);
  return largestDayGapHours((d) => inMonth(d) && day(d)) ?? unknownFact("the standard_schedule never runs");
}

/**
 * Firestore backup schedules run daily (daily_recurrence) or weekly on one day (weekly_recurrence).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/firestore_backup_schedule
 */
export function firestoreRecurrenceHours(recurrence: "daily" | "weekly" | undefined): Fact<number> {
  if (recurrence === "daily") return 24;
  if (recurrence === "weekly") return 168;
  return unknownFact("the backup schedule has neither daily_recurrence nor weekly_recurrence");
}
