import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER_CONFIG, ladderConfigProblems, type LadderConfig } from "./ladderConfig";
import { firedTriggers, isCaughtUp, latenessWithin, type LadderFacts } from "./ladderTriggers";

const facts = (daysOverdue: number, missedRounds: number, dueDates: string[] = []): LadderFacts =>
  ({ daysOverdue, missedRounds, lateness: dueDates.map((dueDate) => ({ dueDate })) });

describe("latenessWithin (window = the last N days, today included)", () => {
  // today 2022-06-30, window 30 days ⇒ due dates 2022-06-01 … 2022-06-30 count.
  it.each([
    ["2022-06-30", 1], // today
    ["2022-06-01", 1], // 29 days ago: last day inside
    ["2022-05-31", 0], // 30 days ago: just outside
    ["2022-07-01", 0], // future records are not counted
  ] as const)("due %s → %s", (due, n) => expect(latenessWithin([{ dueDate: due }], 30, "2022-06-30")).toBe(n));
});

describe("firedTriggers (any set condition at or above its threshold)", () => {
  const t = { daysOverdue: 7, missedRounds: 2, lateness: { count: 3, withinDays: 30 } };
  const three = ["2022-06-10", "2022-06-20", "2022-06-30"];
  it.each([
    [facts(6, 1, three.slice(1)), []], // every figure one short
    [facts(7, 0), ["daysOverdue"]], // exactly 7 days
    [facts(0, 2), ["missedRounds"]], // exactly 2 rounds
    [facts(0, 0, three), ["lateness"]], // exactly 3 in 30 days
    [facts(0, 0, ["2022-05-31", ...three.slice(1)]), []], // the third is one day outside the window
    [facts(20, 5, three), ["daysOverdue", "missedRounds", "lateness"]],
  ] as const)("%j → %j", (f, kinds) => expect(firedTriggers(t, f, "2022-06-30").map((r) => r.kind)).toEqual(kinds));

  it("says why in Chinese and English with the numbers", () => {
    const [r] = firedTriggers({ lateness: { count: 3, withinDays: 30 } }, facts(1, 0, three), "2022-06-30");
    expect(r).toMatchObject({ value: 3, threshold: 3, withinDays: 30 });
    expect(r.zh).toBe("近 30 天内迟报、漏报 3 次（达到 3 次）");
    expect(r.en).toBe("3 late or missing submissions in the last 30 days (threshold 3)");
  });

  it("an unset condition never fires", () => expect(firedTriggers({}, facts(99, 99), "2022-06-30")).toEqual([]));
});

describe("isCaughtUp", () => {
  it.each([[facts(0, 0), true], [facts(1, 0), false], [facts(0, 1), false], [facts(0, 0, ["2022-06-01"]), true]] as const)(
    "%j → %s", (f, v) => expect(isCaughtUp(f)).toBe(v));
});

describe("ladderConfigProblems", () => {
  it("the default setting is usable and survives JSON", () => {
    expect(ladderConfigProblems(DEFAULT_LADDER_CONFIG)).toEqual([]);
    expect(JSON.parse(JSON.stringify(DEFAULT_LADDER_CONFIG))).toEqual(DEFAULT_LADDER_CONFIG);
  });

  it("only 提醒 is automatic by default", () =>
    expect(Object.entries(DEFAULT_LADDER_CONFIG.steps).filter(([, r]) => r.automatic).map(([s]) => s)).toEqual(["reminder"]));

  it("names each problem", () => {
    const bad = structuredClone(DEFAULT_LADDER_CONFIG) as LadderConfig;
    bad.steps.notice.triggers = {};
    bad.steps.letter.triggers.daysOverdue = 0;
    bad.steps.exposure.minDaysSincePrevious = -1;
    bad.steps.interview.triggers.lateness = { count: 2, withinDays: 0 };
    delete (bad.steps as Partial<LadderConfig["steps"]>).accountability;
    expect(ladderConfigProblems(bad)).toEqual([
      "notice: no trigger set, the rung would never be proposed",
      "letter: daysOverdue must be a positive integer",
      "exposure: minDaysSincePrevious must be an integer ≥ 0",
      "interview: lateness needs a positive count and withinDays",
      "accountability: missing",
    ]);
  });
});
