import { describe, expect, it } from "vitest";
import type { LadderState } from "./ladder";
import { DEFAULT_SCORING_WEIGHTS, performanceOf, rankUnits, scoreUnit, type UnitPerformance } from "./scoring";

const perf = (due: number, onTime: number, overdueDays: number[] = [], steps: UnitPerformance["steps"] = []): UnitPerformance =>
  ({ unitId: "u", due, onTime, overdueDays, steps });

describe("scoreUnit (default weights: 0.5 per overdue day capped at 30; rungs 0/2/5/10/15/25)", () => {
  // [performance, expected score, reasoning]
  const cases: [UnitPerformance, number, string][] = [
    [perf(0, 0), 100, "nothing due: full marks"],
    [perf(10, 10), 100, "all on time"],
    [perf(4, 3, [6]), 72, "75 − 6×0.5"],
    [perf(4, 3, [6], ["reminder", "notice"]), 70, "75 − 3 − 0 − 2"],
    [perf(3, 2, [1]), 66.2, "66.67 − 0.5 = 66.17 → one decimal"],
    [perf(10, 5, [60]), 20, "50 − 30: exactly at the cap"],
    [perf(10, 5, [200]), 20, "50 − 30: capped"],
    [perf(2, 0, [90, 90], ["reminder", "notice", "letter", "exposure", "interview", "accountability"]), 0, "0 − 30 − 57 clamps to 0"],
  ];
  it.each(cases)("%j → %s (%s)", (p, score) => expect(scoreUnit(p).score).toBe(score));

  it("reports the figures", () => {
    expect(scoreUnit(perf(5, 3, [2, 4], ["notice"]))).toEqual({
      unitId: "u", onTimeRate: 0.6, totalOverdueDays: 6, averageOverdueDays: 3, stepPenalty: 2, due: 5, onTime: 3, steps: 1, score: 55,
    });
    expect(scoreUnit(perf(0, 0))).toMatchObject({ onTimeRate: null, averageOverdueDays: 0 });
  });

  it("weights are a setting", () => {
    const w = { ...DEFAULT_SCORING_WEIGHTS, perOverdueDay: 1, steps: { ...DEFAULT_SCORING_WEIGHTS.steps, reminder: 1 } };
    expect(scoreUnit(perf(4, 3, [6], ["reminder"]), w).score).toBe(68); // 75 − 6 − 1
  });

  it("rejects onTime > due", () => expect(() => scoreUnit(perf(1, 2))).toThrow(RangeError));
});

describe("rankUnits (competition ranking, ties share a rank)", () => {
  const s = (unitId: string, score: number) => ({ unitId, score, onTimeRate: null, totalOverdueDays: 0, averageOverdueDays: 0, stepPenalty: 0, due: 0, onTime: 0, steps: 0 });
  it.each([
    [[s("a", 90), s("b", 80), s("c", 70)], [["a", 1], ["b", 2], ["c", 3]]],
    [[s("b", 80), s("c", 90), s("a", 90)], [["a", 1], ["c", 1], ["b", 3]]], // tie at the top, stable by unit id
    [[s("a", 90), s("b", 80), s("c", 80), s("d", 80), s("e", 10)], [["a", 1], ["b", 2], ["c", 2], ["d", 2], ["e", 5]]],
    [[s("x", 0), s("y", 0)], [["x", 1], ["y", 1]]],
    [[], []],
  ] as const)("%#", (scores, expected) => expect(rankUnits(scores).map((r) => [r.unitId, r.rank])).toEqual(expected));
});

describe("rankUnits tie-break (score, then fewer overdue days, fewer rungs, more on time, then name)", () => {
  const u = (unitId: string, totalOverdueDays: number, steps: number, onTime: number) =>
    ({ unitId, score: 0, onTimeRate: 0, totalOverdueDays, averageOverdueDays: 0, stepPenalty: 0, due: 10, onTime, steps });
  // Every unit scores 0 (a whole past plan overdue, as the 2022 seed today): the figures behind the score decide.
  const ranked = rankUnits(
    [u("p", 400, 1, 0), u("q", 300, 2, 0), u("r", 300, 1, 1), u("s", 300, 1, 0), u("t", 300, 1, 0), u("v", 500, 0, 3)],
    (id) => ({ p: "区财政局", q: "区农业农村局", r: "府城办事处", s: "冯封办事处", t: "丹河办事处", v: "区公安局" })[id]!,
  );
  it("orders and ranks by the criteria in turn, equal units sharing a rank", () =>
    expect(ranked.map((x) => [x.unitId, x.rank, x.tied, x.decidedBy])).toEqual([
      ["r", 1, false, null], // 300 days, 1 rung, 1 on time
      ["t", 2, true, "onTime"], // 300, 1, 0 — equal to s: listed by name, 丹 (dān) before 冯 (féng)
      ["s", 2, true, null],
      ["q", 4, false, "steps"], // 300 days but 2 rungs
      ["p", 5, false, "overdueDays"], // 400 days
      ["v", 6, false, "overdueDays"], // 500 days, whatever its rungs and on-time count
    ]));
  it("still ranks by score first", () => {
    const r = rankUnits([{ ...u("a", 900, 9, 0), score: 10 }, u("b", 0, 0, 9)]);
    expect(r.map((x) => [x.unitId, x.rank, x.decidedBy])).toEqual([["a", 1, null], ["b", 2, "score"]]);
  });
});

describe("performanceOf", () => {
  it("counts deadlines and rounds whose outcome is known, and the rungs received", () => {
    const today = "2022-06-30";
    const ladder: LadderState = { taskId: "t1", unitId: "a", history: [{ step: "reminder", at: "2022-06-02" }, { step: "notice", at: "2022-06-09", confirmedBy: "o" }] };
    const p = performanceOf("a", {
      deadlines: [
        { taskId: "t1", unitId: "a", dueDate: "2022-06-01", completedAt: "2022-06-01" }, // on time
        { taskId: "t2", unitId: "a", dueDate: "2022-06-10", completedAt: "2022-06-14" }, // 4 late
        { taskId: "t3", unitId: "a", dueDate: "2022-06-20" }, // open, 10 overdue
        { taskId: "t4", unitId: "a", dueDate: "2022-07-20" }, // not due: left out
        { taskId: "t1", unitId: "b", dueDate: "2022-06-01" }, // another unit
      ],
      rounds: [
        { id: "r1", taskId: "t1", dueDate: "2022-06-05", required: ["a", "b"], submissions: [{ unitId: "a", at: "2022-06-05" }] }, // on time
        { id: "r2", taskId: "t1", dueDate: "2022-06-15", required: ["a"], submissions: [{ unitId: "a", at: "2022-06-17" }] }, // 2 late
        { id: "r3", taskId: "t1", dueDate: "2022-06-25", required: ["a"], submissions: [] }, // missing, 5
        { id: "r4", taskId: "t1", dueDate: "2022-07-05", required: ["a"], submissions: [{ unitId: "a", at: "2022-06-28" }] }, // early: on time
        { id: "r5", taskId: "t1", dueDate: "2022-07-05", required: ["a"], submissions: [] }, // not due: left out
        { id: "r6", taskId: "t1", dueDate: "2022-06-05", required: ["b"], submissions: [] }, // not required of a
      ],
      ladders: [ladder, { ...ladder, unitId: "b" }],
    }, today);
    expect(p).toEqual({ unitId: "a", due: 7, onTime: 3, overdueDays: [4, 10, 2, 5], steps: ["reminder", "notice"] });
    // 100 × 3/7 = 42.857 − 0.5 × 21 = 32.357 − 2 = 30.357 → 30.4
    expect(scoreUnit(p).score).toBe(30.4);
  });
});
