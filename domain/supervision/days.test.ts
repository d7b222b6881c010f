import { describe, expect, it } from "vitest";
import { addDays, dayNumber, daysBetween, toIsoDate, yearOf } from "./days";

/** Epoch ms of a Shanghai wall-clock time. */
const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

describe("toIsoDate (instants land on their Shanghai day)", () => {
  it.each([
    [sh(2022, 5, 30, 0, 0), "2022-05-30"], // local midnight belongs to the new day
    [sh(2022, 5, 30, 23, 59), "2022-05-30"],
    [sh(2022, 5, 31, 0, 0) - 1, "2022-05-30"], // last millisecond of the day
    [Date.UTC(2022, 4, 30, 16, 0), "2022-05-31"], // 16:00 UTC = 00:00 next day in Shanghai
    [Date.UTC(2022, 4, 30, 15, 59), "2022-05-30"],
    [sh(1969, 12, 31, 12), "1969-12-31"], // negative epoch floors, not truncates
    ["2024-02-29", "2024-02-29"],
  ] as const)("%s → %s", (input, iso) => expect(toIsoDate(input)).toBe(iso));
});

describe("daysBetween / addDays", () => {
  it.each([
    ["2022-05-30", "2022-05-30", 0],
    ["2022-05-30", "2022-05-31", 1],
    ["2022-05-31", "2022-05-30", -1],
    ["2022-02-28", "2022-03-01", 1], // not a leap year
    ["2024-02-28", "2024-03-01", 2], // leap year
    ["2022-12-31", "2023-01-01", 1],
  ] as const)("%s → %s = %s days", (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
    expect(addDays(a, n)).toBe(b);
  });

  it("mixes dates and instants by local day", () => {
    expect(daysBetween("2022-05-30", sh(2022, 5, 31, 0, 1))).toBe(1);
    expect(daysBetween("2022-05-30", sh(2022, 5, 30, 23, 59))).toBe(0);
  });
});

describe("input checks", () => {
  it.each(["2022-02-30", "2022-13-01", "2022-5-1", "20220501", "2022-05-01T00:00"])("rejects %s", (s) =>
    expect(() => dayNumber(s)).toThrow(RangeError));
  it("rejects a non-finite instant", () => expect(() => dayNumber(Number.NaN)).toThrow(RangeError));
});

describe("yearOf", () => {
  it("counts the year in Shanghai time", () => {
    expect(yearOf(sh(2023, 1, 1, 0, 0))).toBe(2023); // still 2022-12-31 in UTC
    expect(yearOf(sh(2022, 12, 31, 23, 59))).toBe(2022);
  });
});
