import { describe, expect, it } from "vitest";
import { ladderFacts, lateness, roundLateness, type Round } from "./lateness";

/** Epoch ms of a Shanghai wall-clock time. */
const sh = (iso: string, hh: number, mm = 0) => Date.parse(`${iso}T00:00:00Z`) + (hh - 8) * 3_600_000 + mm * 60_000;

const round = (submissions: Round["submissions"], required = ["a"]): Round =>
  ({ id: "r1", taskId: "t1", dueDate: "2022-06-10", required, submissions });

describe("roundLateness (due 2022-06-10, one unit)", () => {
  // [submission, today, expected kind, days late]
  const cases: [string, Round["submissions"], string, string | null, number | null][] = [
    ["nothing, before the due date", [], "2022-06-09", null, null],
    ["nothing, on the due date", [], "2022-06-10", null, null], // the due day itself is not late yet
    ["nothing, the day after", [], "2022-06-11", "missing", 1],
    ["nothing, 12 days after", [], "2022-06-22", "missing", 12],
    ["submitted early", [{ unitId: "a", at: "2022-06-01" }], "2022-06-22", null, null],
    ["submitted 23:59 on the due day (Shanghai)", [{ unitId: "a", at: sh("2022-06-10", 23, 59) }], "2022-06-22", null, null],
    ["submitted 00:01 the next day", [{ unitId: "a", at: sh("2022-06-11", 0, 1) }], "2022-06-22", "late", 1],
    ["submitted 3 days late", [{ unitId: "a", at: "2022-06-13" }], "2022-06-22", "late", 3],
    ["late then resubmitted: the first counts", [{ unitId: "a", at: "2022-06-15" }, { unitId: "a", at: "2022-06-13" }], "2022-06-22", "late", 3],
    ["submission after 'today' is not seen yet", [{ unitId: "a", at: "2022-06-13" }], "2022-06-12", "missing", 2],
    ["another unit's submission does not count", [{ unitId: "b", at: "2022-06-01" }], "2022-06-12", "missing", 2],
  ];
  it.each(cases)("%s", (_, subs, today, kind, days) => {
    const r = roundLateness(round(subs), today);
    if (kind === null) expect(r).toEqual([]);
    else expect(r).toMatchObject([{ unitId: "a", kind, daysLate: days, dueDate: "2022-06-10" }]);
  });

  it("records the late submission day", () =>
    expect(roundLateness(round([{ unitId: "a", at: sh("2022-06-11", 9) }]), "2022-06-20")[0].submittedOn).toBe("2022-06-11"));
});

describe("lateness over rounds, then ladder facts", () => {
  const rounds: Round[] = [
    { id: "r1", taskId: "t1", dueDate: "2022-06-10", required: ["a", "b", "c"], submissions: [{ unitId: "a", at: "2022-06-09" }, { unitId: "b", at: "2022-06-12" }] },
    { id: "r2", taskId: "t1", dueDate: "2022-06-20", required: ["a", "b", "c"], submissions: [{ unitId: "a", at: "2022-06-20" }] },
    { id: "r3", taskId: "t2", dueDate: "2022-06-20", required: ["c"], submissions: [] },
    { id: "r4", taskId: "t1", dueDate: "2022-06-30", required: ["a", "b", "c"], submissions: [] }, // not yet due
  ];
  const today = "2022-06-25";
  const records = lateness(rounds, today);

  it("lists each missing or late submission", () => {
    // r1: a on time, b late 2, c missing 15; r2: a on time, b and c missing 5; r3: c missing 5; r4 not due.
    expect(records.map((r) => [r.roundId, r.unitId, r.kind, r.daysLate])).toEqual([
      ["r1", "b", "late", 2], ["r1", "c", "missing", 15],
      ["r2", "b", "missing", 5], ["r2", "c", "missing", 5],
      ["r3", "c", "missing", 5],
    ]);
  });

  it("gives the ladder facts of one (task, unit)", () => {
    const f = ladderFacts(records, "t1", "c", 4);
    expect(f.daysOverdue).toBe(4);
    expect(f.missedRounds).toBe(2); // r1, r2 — r3 is another task
    expect(f.lateness.map((r) => r.roundId)).toEqual(["r1", "r2"]);
    expect(ladderFacts(records, "t1", "b", 0)).toMatchObject({ missedRounds: 1 }); // the late r1 is lateness, not missed
    expect(ladderFacts(records, "t1", "a", 0)).toMatchObject({ missedRounds: 0, lateness: [] });
  });
});
