import { describe, expect, it } from "vitest";
import {
  durationDays,
  durationSeconds,
  firestoreRecurrenceHours,
  isSingleRegion,
  lastSegment,
  locationInName,
  projectInName,
  snapshotScheduleIntervalHours,
  standardScheduleIntervalHours,
  startHours,
  weekdayIndex,
} from "../../src/catalog/google-schedule.js";
import { isUnknownFact } from "../../src/graph/types.js";

describe("durations", () => {
  it.each([
    ["3600s", 3600],
    ["3.5s", 3.5],
    ["24h0m0s", 86400],
    ["72h", 259200],
    ["1h30m", 5400],
    ["1d", 86400],
    ["1440m", 86400],
    ["0", 0],
  ])("%s is %d seconds", (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(["", "seven days", "24", "1x", "1h junk"])("%j is no duration", (text) => {
    expect(durationSeconds(text)).toBeUndefined();
  });

  it("days of a duration", () => {
    expect(durationDays("2592000s")).toBe(30);
    expect(durationDays("8467200s")).toBe(98);
  });
});

describe("locations and names", () => {
  it("single regions versus zones, multi-regions and global", () => {
    for (const r of ["us-central1", "europe-west4", "northamerica-northeast1", "US-EAST4"]) expect(isSingleRegion(r), r).toBe(true);
    for (const l of ["us-central1-a", "us", "eu", "europe", "asia", "nam4", "eur3", "ca", "global"]) expect(isSingleRegion(l), l).toBe(false);
  });

  it("resource names and self links", () => {
    expect(lastSegment("projects/p/regions/us-central1/resourcePolicies/nightly")).toBe("nightly");
    expect(lastSegment("https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/disks/data")).toBe("data");
    expect(lastSegment("nightly")).toBe("nightly");
    expect(locationInName("projects/p/locations/europe-west1/keyRings/k")).toBe("europe-west1");
    expect(locationInName("projects/p/zones/us-central1-a/disks/data")).toBe("us-central1-a");
    expect(locationInName("nightly")).toBeUndefined();
    expect(projectInName("projects/acme-prod/locations/us/backupVaults/v")).toBe("acme-prod");
  });

  it("weekdays and start times", () => {
    expect(weekdayIndex("sunday")).toBe(0);
    expect(weekdayIndex("SATURDAY")).toBe(6);
    expect(weekdayIndex("FUNDAY")).toBeUndefined();
    expect(startHours("04:30")).toBe(4.5);
    expect(startHours("24:00")).toBeUndefined();
  });
});

describe("snapshot schedules", () => {
  it("hourly, daily and weekly schedules", () => {
    expect(snapshotScheduleIntervalHours({ kind: "hourly", hoursInCycle: 4 })).toBe(4);
    expect(snapshotScheduleIntervalHours({ kind: "daily", daysInCycle: 3 })).toBe(72);
    expect(snapshotScheduleIntervalHours({ kind: "weekly", days: [{ day: "SUNDAY", startTime: "02:00" }] })).toBe(168);
    // Monday and Thursday at 01:00: the Thursday → Monday gap is 4 days.
    expect(snapshotScheduleIntervalHours({ kind: "weekly", days: [{ day: "MONDAY", startTime: "01:00" }, { day: "THURSDAY", startTime: "01:00" }] })).toBe(96);
    // Different start times count: Friday 22:00 → Monday 06:00 is 56 hours.
    expect(snapshotScheduleIntervalHours({ kind: "weekly", days: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"].map((day) => ({ day, startTime: "06:00" })).concat([{ day: "FRIDAY", startTime: "22:00" }]) })).toBe(56);
  });

  it("impossible schedules are unknown", () => {
    expect(isUnknownFact(snapshotScheduleIntervalHours({ kind: "hourly", hoursInCycle: 0 }))).toBe(true);
    expect(isUnknownFact(snapshotScheduleIntervalHours({ kind: "weekly", days: [] }))).toBe(true);
    expect(isUnknownFact(snapshotScheduleIntervalHours({ kind: "weekly", days: [{ day: "MONDAY", startTime: "noon" }] }))).toBe(true);
  });
});

describe("Backup and DR standard schedules", () => {
  it("hourly runs inside the backup window, the night closes the gap", () => {
    expect(standardScheduleIntervalHours({ recurrenceType: "HOURLY", hourlyFrequency: 6, window: { startHour: 0, endHour: 24 } })).toBe(6);
    // 12:00 only (18:00 is the window's end, not in it): a day between backups.
    expect(standardScheduleIntervalHours({ recurrenceType: "HOURLY", hourlyFrequency: 6, window: { startHour: 12, endHour: 18 } })).toBe(24);
    // 00:00 to 05:00 hourly: 05:00 → 00:00 is 19 hours.
    expect(standardScheduleIntervalHours({ recurrenceType: "HOURLY", hourlyFrequency: 1, window: { startHour: 0, endHour: 6 } })).toBe(19);
    expect(isUnknownFact(standardScheduleIntervalHours({ recurrenceType: "HOURLY", hourlyFrequency: 4 }))).toBe(true);
    expect(isUnknownFact(standardScheduleIntervalHours({ recurrenceType: "HOURLY", window: { startHour: 0, endHour: 6 } }))).toBe(true);
  });

  it("daily, weekly, monthly and yearly", () => {
    expect(standardScheduleIntervalHours({ recurrenceType: "DAILY" })).toBe(24);
    expect(standardScheduleIntervalHours({ recurrenceType: "WEEKLY", daysOfWeek: ["SATURDAY"] })).toBe(168);
    expect(standardScheduleIntervalHours({ recurrenceType: "WEEKLY", daysOfWeek: ["MONDAY", "WEDNESDAY", "FRIDAY"] })).toBe(72);
    expect(standardScheduleIntervalHours({ recurrenceType: "MONTHLY", daysOfMonth: [1] })).toBe(31 * 24);
    expect(standardScheduleIntervalHours({ recurrenceType: "MONTHLY", daysOfMonth: [1, 15] })).toBe(17 * 24);
    // First Sunday of the month: at most five weeks apart.
    expect(standardScheduleIntervalHours({ recurrenceType: "MONTHLY", weekDayOfMonth: { weekOfMonth: "FIRST", dayOfWeek: "SUNDAY" } })).toBe(35 * 24);
    expect(standardScheduleIntervalHours({ recurrenceType: "YEARLY", months: ["JANUARY"], daysOfMonth: [1] })).toBe(366 * 24);
  });

  it("what Google does not document is unknown", () => {
    expect(isUnknownFact(standardScheduleIntervalHours({ recurrenceType: "MONTHLY", daysOfMonth: [31] }))).toBe(true);
    expect(isUnknownFact(standardScheduleIntervalHours({ recurrenceType: "WEEKLY" }))).toBe(true);
    expect(isUnknownFact(standardScheduleIntervalHours({ recurrenceType: "FORTNIGHTLY" }))).toBe(true);
  });
});

describe("Firestore backup schedules", () => {
  it("daily and weekly recurrences", () => {
    expect(firestoreRecurrenceHours("daily")).toBe(24);
    expect(firestoreRecurrenceHours("weekly")).toBe(168);
    expect(isUnknownFact(firestoreRecurrenceHours(undefined))).toBe(true);
  });
});
