import { describe, expect, it } from "vitest";
import { daysOverdue, deadlineStatus, dueReminders, lateDays, type Deadline } from "./deadlines";

const dl = (dueDate: string, completedAt?: string | number, unitId = "u"): Deadline =>
  ({ taskId: "t", unitId, dueDate, ...(completedAt === undefined ? {} : { completedAt }) });

describe("daysOverdue / lateDays / deadlineStatus (due 2022-05-30)", () => {
  // [completed, today, daysOverdue, lateDays, status]
  const cases: [string | undefined, string, number, number, string][] = [
    [undefined, "2022-05-29", 0, 0, "pending"],
    [undefined, "2022-05-30", 0, 0, "pending"], // the deadline day itself
    [undefined, "2022-05-31", 1, 1, "overdue"],
    [undefined, "2022-06-30", 31, 31, "overdue"],
    ["2022-05-30", "2022-06-30", 0, 0, "onTime"],
    ["2022-06-04", "2022-06-30", 0, 5, "late"], // done 5 days late: nothing overdue now, 5 days for scoring
    ["2022-06-04", "2022-06-02", 3, 3, "overdue"], // a completion dated after today is not seen yet
  ];
  it.each(cases)("done %s, today %s → %s overdue, %s late, %s", (done, today, over, late, status) => {
    const d = dl("2022-05-30", done);
    expect(daysOverdue(d, today)).toBe(over);
    expect(lateDays(d, today)).toBe(late);
    expect(deadlineStatus(d, today)).toBe(status);
  });

  it("a completion instant counts on its Shanghai day", () => {
    // 2022-05-30 20:00 UTC is 2022-05-31 04:00 in Shanghai: one day late.
    expect(lateDays(dl("2022-05-30", Date.UTC(2022, 4, 30, 20)), "2022-06-10")).toBe(1);
    expect(lateDays(dl("2022-05-30", Date.UTC(2022, 4, 30, 15, 59)), "2022-06-10")).toBe(0);
  });
});

describe("dueReminders (7/3/1 days before)", () => {
  const deadline = dl("2022-05-30");
  it.each([
    ["2022-05-22", null], // 8 days before
    ["2022-05-23", 7],
    ["2022-05-24", null],
    ["2022-05-27", 3],
    ["2022-05-29", 1],
    ["2022-05-30", null], // the day itself: no reminder (the ladder takes over after it)
    ["2022-05-31", null],
  ] as const)("today %s → %s", (today, n) =>
    expect(dueReminders([deadline], today).map((r) => r.daysBefore)).toEqual(n === null ? [] : [n]));

  it("skips finished deadlines and takes other offsets", () => {
    const list = [dl("2022-05-30", "2022-05-20", "done"), dl("2022-05-30", undefined, "b"), dl("2022-06-04", undefined, "a"), dl("2022-05-30", undefined, "a")];
    expect(dueReminders(list, "2022-05-23").map((r) => r.deadline.unitId)).toEqual(["a", "b"]);
    expect(dueReminders(list, "2022-05-23", [12, 7]).map((r) => [r.deadline.unitId, r.daysBefore])).toEqual([["a", 7], ["b", 7], ["a", 12]]);
  });
});
