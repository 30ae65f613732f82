/**
 * Schedule expressions turned into the largest gap between two runs, in hours:
 * - AWS (AWS Backup rules, DLM, EventBridge): `cron(...)` with six fields (minutes hours
 *   day-of-month month day-of-week year; `?`, `L`, `W`, `#`) and `rate(n unit)`.
 *   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 * - Unix cron, five fields (Spanner backup schedules and other Google schedules): days of
 *   week 0-7 (0 and 7 are Sunday), and when both day fields are restricted a day matching
 *   either runs (crontab(5)). https://cloud.google.com/spanner/docs/backup/manage-backup-schedules
 */
import type { Fact } from "../graph/types.js";
import { unknownFact } from "../graph/types.js";

/** Largest gap between runs, in hours; an unparsable expression is unknown. */
export function scheduleIntervalHours(expr: string): Fact<number> {
  const s = expr.trim();
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(s);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2]!.toLowerCase();
    if (n <= 0) return unknownFact(`schedule ${expr} has a non-positive rate`);
    return unit.startsWith("minute") ? n / 60 : unit.startsWith("hour") ? n : n * 24;
  }
  const cron = /^cron\((.*)\)$/i.exec(s);
  if (!cron) return unknownFact(`schedule ${expr} is neither cron(...) nor rate(...)`);
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== 6) return unknownFact(`cron expression ${expr} does not have six fields`);
  const gap = cronLargestGapMinutes(fields as [string, string, string, string, string, string]);
  return gap === undefined ? unknownFact(`cron expression ${expr} could not be parsed or never runs`) : gap / 60;
}

/**
 * Predefined schedules of crontab(5) (Vixie cron) and robfig/cron, the parser behind Velero, k8up and
 * Kubernetes CronJobs: https://man7.org/linux/man-pages/man5/crontab.5.html,
 * https://pkg.go.dev/github.com/robfig/cron/v3#hdr-Predefined_schedules.
 */
const CRON_MACROS: Readonly<Record<string, string>> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** Largest gap between runs of a five-field Unix cron expression (or a predefined `@daily`...), in hours; unparsable is unknown. */
export function unixCronIntervalHours(expr: string): Fact<number> {
  const macro = CRON_MACROS[expr.trim().toLowerCase()];
  if (macro) return unixCronIntervalHours(macro);
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) return unknownFact(`cron expression "${expr}" does not have five fields`);
  const [minF, hourF, domF, monF, dowF] = fields as [string, string, string, string, string];
  const dom = domF === "*" ? () => true : domMatcher(domF);
  const dowSet = dowF === "*" ? undefined : parseField(dowF, 0, 7, DAYS, 0);
  if (!dom || (dowF !== "*" && !dowSet)) return unknownFact(`cron expression "${expr}" could not be parsed`);
  const dow: DayMatcher = dowSet ? (d) => dowSet.has(d.getUTCDay()) || (d.getUTCDay() === 0 && dowSet.has(7)) : () => true;
  // crontab(5): with both day fields restricted, a day matching either one runs.
  const day: DayMatcher = domF !== "*" && dowF !== "*" ? (d) => dom(d) || dow(d) : (d) => dom(d) && dow(d);
  const gap = largestGapMinutes(minF, hourF, monF, day, domF === "*" && dowF === "*");
  return gap === undefined ? unknownFact(`cron expression "${expr}" could not be parsed or never runs`) : gap / 60;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Values of a simple cron field (no L/W/#), or undefined when it cannot be parsed. */
function parseField(field: string, min: number, max: number, names?: string[], nameBase = 1): Set<number> | undefined {
  const out = new Set<number>();
  const toNum = (t: string): number | undefined => {
    const up = t.toUpperCase();
    if (names) {
      const i = names.indexOf(up);
      if (i >= 0) return i + nameBase;
    }
    if (!/^\d+$/.test(t)) return undefined;
    return Number(t);
  };
  for (const item of field.split(",")) {
    const [range, stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0 || range === undefined) return undefined;
    let lo: number | undefined;
    let hi: number | undefined;
    if (range === "*" || range === "?") {
      lo = min;
      hi = max;
    } else if (range.includes("-")) {
      const [a, b] = range.split("-");
      lo = toNum(a ?? "");
      hi = toNum(b ?? "");
    } else {
      lo = toNum(range);
      hi = stepText === undefined ? lo : max;
    }
    if (lo === undefined || hi === undefined || lo < min || hi > max || lo > hi) return undefined;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

type DayMatcher = (date: Date) => boolean;

function daysInMonth(y: number, m0: number): number {
  return new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();
}

function domMatcher(field: string): DayMatcher | undefined {
  if (field === "?" || field === "*") return () => true;
  if (field === "L") return (d) => d.getUTCDate() === daysInMonth(d.getUTCFullYear(), d.getUTCMonth());
  const w = /^(\d+|L)W$/.exec(field);
  if (w) {
    // Nearest weekday to the given day (or to the last day), within the month.
    return (d) => {
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth();
      const last = daysInMonth(y, m);
      const target = w[1] === "L" ? last : Math.min(Number(w[1]), last);
      const wd = new Date(Date.UTC(y, m, target)).getUTCDay();
      let day = target;
      if (wd === 6) day = target === 1 ? 3 : target - 1;
      else if (wd === 0) day = target === last ? target - 2 : target + 1;
      return d.getUTCDate() === day;
    };
  }
  const set = parseField(field, 1, 31);
  return set && ((d) => set.has(d.getUTCDate()));
}

function dowMatcher(field: string): DayMatcher | undefined {
  if (field === "?" || field === "*") return () => true;
  const last = /^([1-7]|[A-Za-z]{3})L$/.exec(field);
  if (last) {
    const wd = dayNumber(last[1]!);
    if (wd === undefined) return undefined;
    return (d) => d.getUTCDay() === wd - 1 && d.getUTCDate() + 7 > daysInMonth(d.getUTCFullYear(), d.getUTCMonth());
  }
  const nth = /^([1-7]|[A-Za-z]{3})#([1-5])$/.exec(field);
  if (nth) {
    const wd = dayNumber(nth[1]!);
    if (wd === undefined) return undefined;
    const k = Number(nth[2]);
    return (d) => d.getUTCDay() === wd - 1 && Math.ceil(d.getUTCDate() / 7) === k;
  }
  // AWS numbers days 1-7 = SUN-SAT.
  const set = parseField(field, 1, 7, DAYS, 1);
  return set && ((d) => set.has(d.getUTCDay() + 1));
}

function dayNumber(t: string): number | undefined {
  if (/^[1-7]$/.test(t)) return Number(t);
  const i = DAYS.indexOf(t.toUpperCase());
  return i >= 0 ? i + 1 : undefined;
}

/** Largest gap in minutes over four years (a leap year included), so monthly/yearly patterns show their worst case. */
function cronLargestGapMinutes([minF, hourF, domF, monF, dowF, yearF]: [string, string, string, string, string, string]): number | undefined {
  const dom = domMatcher(domF);
  const dow = dowMatcher(dowF);
  if (!dom || !dow) return undefined;
  // A year field other than `*` limits runs to some years; we judge the pattern within a year.
  if (yearF !== "*" && !parseField(yearF, 1970, 2199)) return undefined;
  const everyDay = (domF === "*" || domF === "?") && (dowF === "*" || dowF === "?") && yearF === "*";
  return largestGapMinutes(minF, hourF, monF, (d) => dom(d) && dow(d), everyDay);
}

/** Largest gap in minutes between runs at the given minutes and hours on the days `day` accepts, over four years. */
function largestGapMinutes(minF: string, hourF: string, monF: string, day: DayMatcher, everyDay = false): number | undefined {
  const minutes = parseField(minF, 0, 59);
  const hours = parseField(hourF, 0, 23);
  const months = parseField(monF, 1, 12, MONTHS, 1);
  if (!minutes || !hours || !months) return undefined;
  const times = [...hours].sort((a, b) => a - b).flatMap((h) => [...minutes].sort((a, b) => a - b).map((m) => h * 60 + m));
  if (times.length === 0) return undefined;
  // Runs every day of every month: the largest gap is within one day, wrapping to the next (no calendar walk).
  if (everyDay && months.size === 12) return Math.max(...times.map((t, i) => (i + 1 < times.length ? times[i + 1]! : times[0]! + 1440) - t));
  const start = Date.UTC(2024, 0, 1);
  const days = 4 * 365 + 1;
  let prev: number | undefined;
  let largest = 0;
  for (let i = 0; i < days; i++) {
    const date = new Date(start + i * 86_400_000);
    if (!months.has(date.getUTCMonth() + 1) || !day(date)) continue;
    for (const t of times) {
      const at = i * 1440 + t;
      if (prev !== undefined) largest = Math.max(largest, at - prev);
      prev = at;
    }
  }
  if (prev === undefined) return undefined;
  // One run a day at one time: the gap is a day even if the window saw a single run.
  return largest === 0 ? undefined : largest;
}
