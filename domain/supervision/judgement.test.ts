import { describe, expect, it } from "vitest";
import { closesWhenCaughtUp, hasJudgement, judgementReason, nextStep } from "./judgement";
import { applyStep, evaluateLadder, openLadder } from "./ladder";
import { DEFAULT_LADDER_CONFIG } from "./ladderConfig";

describe("judgementReason", () => {
  it("wraps a written reason as a reason of kind judgement", () =>
    expect(judgementReason("  连续两次调度报送内容空泛，\n未反映实际进展 ")).toEqual({
      kind: "judgement", value: 0, threshold: 0, zh: "攻坚战办研判：连续两次调度报送内容空泛， 未反映实际进展", en: "Office judgement: 连续两次调度报送内容空泛， 未反映实际进展",
    }));
  it.each(["", "   ", "工作不力", "多次催办仍未报送"])("refuses %j (under 10 characters)", (text) => expect(judgementReason(text)).toBeNull());
  it("accepts exactly 10 characters", () => expect(judgementReason("一二三四五六七八九十")).not.toBeNull());
});

describe("an office escalation when no trigger fired", () => {
  const state = openLadder("t1", "u1");
  const noFacts = { daysOverdue: 0, missedRounds: 0, lateness: [] };
  it("is not something the triggers propose", () =>
    expect(evaluateLadder(state, noFacts, DEFAULT_LADDER_CONFIG, "2022-06-01")).toEqual({ proposals: [], held: [], caughtUp: true }));
  it("applies the next rung with the office user confirming", () => {
    expect(nextStep(state)).toBe("reminder");
    const r = applyStep(state, "reminder", { at: "2022-06-01" });
    expect(r.ok).toBe(true);
    const after = r.ok ? r.state : state;
    expect(nextStep(after)).toBe("notice");
    // 督办通知 needs an office user's confirmation, and the configured days after the 提醒.
    expect(applyStep(after, "notice", { at: "2022-06-20" })).toEqual({ ok: false, error: { code: "confirmationRequired", step: "notice" } });
    expect(applyStep(after, "notice", { at: "2022-06-20", confirmedBy: "office" }).ok).toBe(true);
  });
  it("has no next rung at the top or once closed", () => {
    const top = { ...state, history: ["reminder", "notice", "letter", "exposure", "interview", "accountability"].map((step) => ({ step: step as never, at: "2022-06-01" })) };
    expect(nextStep(top)).toBeNull();
    expect(nextStep({ ...state, closedAt: "2022-06-02" })).toBeNull();
  });
});

describe("closesWhenCaughtUp", () => {
  const trigger = { kind: "daysOverdue", value: 3, threshold: 1, zh: "逾期3天", en: "3 days overdue" };
  it.each([
    [[], true],
    [[{ reasons: [trigger] }], true],
    [[{ reasons: [trigger] }, { reasons: [judgementReason("报送材料与现场核查情况明显不符")] }], false],
    [[{ reasons: ["not an object", null] }], true],
  ] as const)("%j → %s", (rungs, expected) => expect(closesWhenCaughtUp(rungs as never)).toBe(expected));
  it("hasJudgement reads untyped JSON", () => expect(hasJudgement([{ kind: "judgement" }])).toBe(true));
});
