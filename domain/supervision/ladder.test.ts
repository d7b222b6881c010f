import { describe, expect, it } from "vitest";
import { addDays } from "./days";
import {
  applyStep, evaluateLadder, exposureListing, openLadder, recordInterviewMinutes, resolve,
  type LadderResult, type LadderState,
} from "./ladder";
import { DEFAULT_LADDER_CONFIG as CFG, type LadderConfig, type LadderStep } from "./ladderConfig";
import type { LadderFacts } from "./ladderTriggers";

const facts = (daysOverdue: number, missedRounds = 0): LadderFacts => ({ daysOverdue, missedRounds, lateness: [] });
const ok = (r: LadderResult): LadderState => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.state;
};
const DUE = "2022-06-30"; // the task's deadline; day D+n is n days overdue
const day = (n: number) => addDays(DUE, n);
const steps = (s: LadderState) => s.history.map((e) => e.step);

describe("the whole walk with the default setting (deadline 2022-06-30, nothing done)", () => {
  // Each row: days overdue on the evaluation day → what is proposed, then what is applied on that day.
  // Defaults: 提醒 ≥1 day (auto); 督办通知 ≥7, ≥3 days after; 致函 ≥15, ≥7 after; 曝光 ≥30, ≥7 after;
  // 约谈 ≥45, ≥10 after; 提请问责 ≥60, ≥14 after and only once the 约谈 is minuted.
  it("climbs one rung at a time and closes with the history kept", () => {
    let s = openLadder("task-1", "unit-a");
    const walk: [number, LadderStep | null, object?][] = [
      [0, null], // on the deadline day nothing is overdue
      [1, "reminder"], // first overdue day: automatic
      [6, null], // 督办通知 needs 7 days
      [7, "notice", { confirmedBy: "office-1", docNumber: "中环攻坚督〔2022〕1号" }],
      [15, "letter", { confirmedBy: "office-1" }],
      [30, "exposure", { confirmedBy: "office-2" }],
      [45, "interview", { confirmedBy: "office-2", scheduledFor: day(50) }],
    ];
    for (const [n, expected, opts] of walk) {
      const ev = evaluateLadder(s, facts(n), CFG, day(n));
      expect(ev.proposals.map((p) => p.step), `D+${n}`).toEqual(expected ? [expected] : []);
      if (expected) s = ok(applyStep(s, expected, { at: day(n), ...opts }));
    }
    expect(steps(s)).toEqual(["reminder", "notice", "letter", "exposure", "interview"]);
    expect(s.history[0].confirmedBy).toBeUndefined(); // the system sent the reminder
    expect(exposureListing(s)).toEqual({ since: day(30), resolvedOn: null });

    // D+60: 提请问责 is due but held until the 约谈 is minuted.
    expect(evaluateLadder(s, facts(60), CFG, day(60))).toMatchObject({ proposals: [], held: [{ step: "accountability", heldBy: "interviewMinutes" }] });
    expect(applyStep(s, "accountability", { at: day(60), confirmedBy: "office-1" }, CFG)).toEqual({ ok: false, error: { code: "interviewMinutesRequired" } });
    s = ok(recordInterviewMinutes(s, { heldOn: day(50), ref: "约谈纪要 2022-3", recordedBy: "office-2" }));
    const ev = evaluateLadder(s, facts(60), CFG, day(60));
    expect(ev.proposals).toMatchObject([{ step: "accountability", automatic: false, reasons: [{ kind: "daysOverdue", value: 60, threshold: 60 }] }]);
    s = ok(applyStep(s, "accountability", { at: day(60), confirmedBy: "office-1" }));
    expect(evaluateLadder(s, facts(90), CFG, day(90)).proposals).toEqual([]); // top rung reached

    // The unit catches up on D+70.
    expect(evaluateLadder(s, facts(0), CFG, day(70)).caughtUp).toBe(true);
    s = ok(resolve(s, day(70)));
    expect(s.closedAt).toBe(day(70));
    expect(steps(s)).toHaveLength(6);
    expect(exposureListing(s)).toEqual({ since: day(30), resolvedOn: day(70) });
    expect(applyStep(s, "accountability", { at: day(71), confirmedBy: "x" })).toEqual({ ok: false, error: { code: "closed" } });
    expect(resolve(s, day(71))).toEqual({ ok: false, error: { code: "closed" } });
    expect(evaluateLadder(s, facts(80), CFG, day(80))).toEqual({ proposals: [], held: [], caughtUp: false });
  });
});

describe("pacing (minimum days since the previous rung)", () => {
  const afterReminder = ok(applyStep(openLadder("t", "u"), "reminder", { at: day(10) }));
  // Reminder sent late (D+10, e.g. the ladder opened then); notice needs ≥3 days after it.
  it.each([
    [12, "held", day(13)], // 2 days after the reminder
    [13, "proposed", undefined], // exactly 3 days after
  ] as const)("evaluated on D+%s → %s", (n, what, notBefore) => {
    const ev = evaluateLadder(afterReminder, facts(n), CFG, day(n));
    if (what === "held") expect(ev.held).toMatchObject([{ step: "notice", heldBy: "minDaysSincePrevious", notBefore }]);
    else expect(ev.proposals.map((p) => p.step)).toEqual(["notice"]);
  });

  it("applyStep refuses too early, with the first allowed day", () =>
    expect(applyStep(afterReminder, "notice", { at: day(12), confirmedBy: "o" })).toEqual({ ok: false, error: { code: "tooSoon", notBefore: day(13) } }));
});

describe("applyStep refusals", () => {
  const fresh = openLadder("t", "u");
  const withReminder = ok(applyStep(fresh, "reminder", { at: day(1) }));
  const cases: [string, LadderState, LadderStep, object, LadderConfig, unknown][] = [
    ["skipping to 致函", withReminder, "letter", { confirmedBy: "o" }, CFG, { code: "skipNotAllowed", expected: "notice" }],
    ["starting above 提醒", fresh, "notice", { confirmedBy: "o" }, CFG, { code: "skipNotAllowed", expected: "reminder" }],
    ["repeating a rung", withReminder, "reminder", {}, CFG, { code: "notForward", current: "reminder" }],
    ["督办通知 without confirmation", withReminder, "notice", {}, CFG, { code: "confirmationRequired", step: "notice" }],
    ["督办通知 with a blank confirmer", withReminder, "notice", { confirmedBy: "  " }, CFG, { code: "confirmationRequired", step: "notice" }],
  ];
  it.each(cases)("%s", (_, state, step, opts, cfg, error) =>
    expect(applyStep(state, step, { at: day(20), ...opts }, cfg)).toEqual({ ok: false, error }));

  it("约谈 needs a scheduled day", () => {
    const s: LadderState = { ...fresh, history: ["reminder", "notice", "letter", "exposure"].map((step) => ({ step: step as LadderStep, at: day(1) })) };
    expect(applyStep(s, "interview", { at: day(40), confirmedBy: "o" })).toEqual({ ok: false, error: { code: "interviewDateRequired" } });
  });

  it("a confirmation setting can make 督办通知 automatic", () => {
    const cfg = structuredClone(CFG);
    cfg.steps.notice.automatic = true;
    expect(steps(ok(applyStep(withReminder, "notice", { at: day(20) }, cfg)))).toEqual(["reminder", "notice"]);
  });
});

describe("skipping when the setting allows it", () => {
  const cfg: LadderConfig = { ...structuredClone(CFG), allowSkip: true };
  const s = ok(applyStep(openLadder("t", "u"), "reminder", { at: day(1) }));

  it("proposes every due rung above the current one, weakest first", () => {
    // D+31: 督办通知 (≥7), 致函 (≥15), 曝光 (≥30) are due; 约谈 (≥45) is not. All pacing met (30 days since 提醒).
    const ev = evaluateLadder(s, facts(31), cfg, day(31));
    expect(ev.proposals.map((p) => p.step)).toEqual(["notice", "letter", "exposure"]);
  });

  it("applies a rung two above", () =>
    expect(steps(ok(applyStep(s, "exposure", { at: day(31), confirmedBy: "o" }, cfg)))).toEqual(["reminder", "exposure"]));
});

describe("missed rounds and caught-up", () => {
  it("two missed rounds propose 督办通知 even with the task not overdue", () => {
    const s = ok(applyStep(openLadder("t", "u"), "reminder", { at: "2022-06-01" }));
    const ev = evaluateLadder(s, facts(0, 2), CFG, "2022-06-05");
    expect(ev.proposals).toMatchObject([{ step: "notice", reasons: [{ kind: "missedRounds", zh: "2 轮调度未报送（达到 2 轮）" }] }]);
  });

  it("nothing is proposed once caught up, whatever the lateness history", () => {
    const f: LadderFacts = { daysOverdue: 0, missedRounds: 0, lateness: ["2022-06-01", "2022-06-02", "2022-06-03"].map((dueDate) => ({ dueDate })) };
    expect(evaluateLadder(openLadder("t", "u"), f, CFG, "2022-06-05")).toEqual({ proposals: [], held: [], caughtUp: true });
  });
});

describe("interview minutes", () => {
  const base: LadderState = {
    taskId: "t", unitId: "u",
    history: [{ step: "interview", at: day(45), confirmedBy: "o", scheduledFor: day(50) }],
  };
  it.each([
    [openLadder("t", "u"), day(50), { code: "noInterview" }],
    [base, day(44), { code: "tooSoon", notBefore: day(45) }], // held before it was decided
  ] as const)("refuses (%#)", (s, heldOn, error) =>
    expect(recordInterviewMinutes(s, { heldOn, ref: "r", recordedBy: "o" })).toEqual({ ok: false, error }));

  it("records once, also after closure", () => {
    const closed = ok(resolve(base, day(46)));
    const s = ok(recordInterviewMinutes(closed, { heldOn: day(45), ref: "r", recordedBy: "o" }));
    expect(s.history[0].minutes).toEqual({ heldOn: day(45), ref: "r", recordedBy: "o" });
    expect(recordInterviewMinutes(s, { heldOn: day(45), ref: "r2", recordedBy: "o" })).toEqual({ ok: false, error: { code: "minutesAlreadyRecorded" } });
  });
});

describe("state is plain data", () => {
  it("survives a JSON round trip and applyStep does not mutate its input", () => {
    const s = openLadder("t", "u");
    const s2 = ok(applyStep(s, "reminder", { at: Date.UTC(2022, 6, 1, 2) }));
    expect(s.history).toEqual([]);
    expect(JSON.parse(JSON.stringify(s2))).toEqual(s2);
  });
});
