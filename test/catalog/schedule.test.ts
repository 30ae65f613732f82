import { describe, expect, it } from "vitest";
import { unixCronIntervalHours } from "../../src/catalog/schedule.js";

describe("unixCronIntervalHours (five-field cron, as Spanner backup schedules write it)", () => {
  it("gives the largest gap between runs", () => {
    expect(unixCronIntervalHours("0 12 * * *")).toBe(24);
    expect(unixCronIntervalHours("0 */6 * * *")).toBe(6);
    expect(unixCronIntervalHours("30 1,13 * * *")).toBe(12);
    expect(unixCronIntervalHours("0 2 1 * *")).toBe(31 * 24);
  });
  it("reads 0 and 7 as Sunday, and weekday names", () => {
    expect(unixCronIntervalHours("0 2 * * 0")).toBe(168);
    expect(unixCronIntervalHours("0 2 * * 7")).toBe(168);
    expect(unixCronIntervalHours("0 2 * * MON-FRI")).toBe(72);
  });
  it("runs on a day matching either day field when both are restricted (crontab(5))", () => {
    // The 1st of each month or any Monday: never more than a week apart.
    expect(unixCronIntervalHours("0 2 1 * 1")).toBe(168);
  });
  it("reads the predefined schedules of crontab(5) and robfig/cron (@daily, @weekly...)", () => {
    expect(unixCronIntervalHours("@hourly")).toBe(1);
    expect(unixCronIntervalHours("@daily")).toBe(24);
    expect(unixCronIntervalHours("@midnight")).toBe(24);
    expect(unixCronIntervalHours("@weekly")).toBe(168);
    expect(unixCronIntervalHours("@monthly")).toBe(31 * 24);
    // The worst year of four is a leap year.
    expect(unixCronIntervalHours("@yearly")).toBe(366 * 24);
    expect(unixCronIntervalHours("@annually")).toBe(366 * 24);
    expect(unixCronIntervalHours("@reboot")).toMatchObject({ unknown: true });
  });
  it("is unknown, with the reason, for what it cannot read", () => {
    expect(unixCronIntervalHours("0 2 * *")).toMatchObject({ unknown: true, reason: expect.stringContaining("five fields") });
    expect(unixCronIntervalHours("0 25 * * *")).toMatchObject({ unknown: true });
  });
});
