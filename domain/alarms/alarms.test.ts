import { describe, expect, it } from "vitest";
import { evaluateRule, thresholdLimit, type Condition, type PointLimits, type Snapshot, type ThresholdCondition } from "./conditions";
import { displayState, nextState } from "./state";
import { DEFAULT_ESCALATION, dueNotifications } from "./escalation";
import { chinaDay, chinaDaysBetween, dischargeDays, shortDays } from "./discharge";
import { factorStatus, outletStatus, trcOf } from "./noncompliance";

const MIN = 60_000;
const H = 3_600_000;
const th = (factor: string, basis: ThresholdCondition["basis"], extra: Partial<ThresholdCondition> = {}): ThresholdCondition =>
  ({ kind: "threshold", factor, basis, multiple: 1, above: null, below: null, ...extra });
const section: PointLimits = { body: "river", targetClass: 3, permit: {} };
const outlet: PointLimits = { body: "river", targetClass: null, permit: { w01018: { upper: 100, lower: null }, w01001: { upper: 9, lower: 6 } } };

describe("thresholds", () => {
  it.each([
    ["NH3-N, target III", th("w21003", "target_class"), section, { upper: 1.0, lower: null }],
    ["TP in a lake, target III", th("w21011", "target_class"), { ...section, body: "lake" }, { upper: 0.05, lower: null }],
    ["DO, target III (lower bound)", th("w01009", "target_class"), section, { upper: null, lower: 5 }],
    ["pH (6–9 for every class)", th("w01001", "target_class"), section, { upper: 9, lower: 6 }],
    ["NH3-N at 2 × the target", th("w21003", "target_class", { multiple: 2 }), section, { upper: 2.0, lower: null }],
    ["TN in a river has no class limit", th("w21001", "target_class"), section, null],
    ["no target class", th("w21003", "target_class"), { ...section, targetClass: null }, null],
    ["COD permit 100", th("w01018", "permit"), outlet, { upper: 100, lower: null }],
    ["COD at 1.5 × permit", th("w01018", "permit", { multiple: 1.5 }), outlet, { upper: 150, lower: null }],
    ["no permit for NH3-N", th("w21003", "permit"), outlet, null],
    ["fixed value", th("w00000", "value", { above: 50 }), outlet, { upper: 50, lower: null }],
  ] as const)("%s", (_, c, p, expected) => expect(thresholdLimit(c, p)).toEqual(expected));
});

describe("evaluateRule", () => {
  const now = Date.parse("2024-05-01T12:00:00Z");
  const snap = (latest: Snapshot["latest"], lastDataAt: Snapshot["lastDataAt"] = {}): Snapshot => ({ latest, lastDataAt, now });
  const cod = th("w01018", "permit");
  const ph = th("w01001", "permit");
  const noData: Condition = { kind: "no_data", factor: "w01018", minutes: 30 };
  it.each([
    ["COD 100 is at the limit (within)", [cod], "and", { w01018: { t: now, value: 100 } }, {}, false],
    ["COD 100.1 breaks it", [cod], "and", { w01018: { t: now, value: 100.1 } }, {}, true],
    ["AND: COD over, pH fine", [cod, ph], "and", { w01018: { t: now, value: 120 }, w01001: { t: now, value: 7 } }, {}, false],
    ["OR: COD over, pH fine", [cod, ph], "or", { w01018: { t: now, value: 120 }, w01001: { t: now, value: 7 } }, {}, true],
    ["AND: COD over, pH 5.5", [cod, ph], "and", { w01018: { t: now, value: 120 }, w01001: { t: now, value: 5.5 } }, {}, true],
    ["no value: unknown", [cod], "and", {}, {}, null],
    ["a marked latest value: unknown", [cod], "and", { w01018: { t: now, value: null } }, {}, null],
    ["AND: unknown and false → false", [cod, ph], "and", { w01001: { t: now, value: 7 } }, {}, false],
    ["AND: unknown and true → unknown", [cod, ph], "and", { w01001: { t: now, value: 5 } }, {}, null],
    ["OR: unknown and true → true", [cod, ph], "or", { w01001: { t: now, value: 5 } }, {}, true],
    ["OR: unknown and false → unknown", [cod, ph], "or", { w01001: { t: now, value: 7 } }, {}, null],
    ["no data for 31 min", [noData], "and", {}, { w01018: now - 31 * MIN }, true],
    ["data 29 min ago", [noData], "and", {}, { w01018: now - 29 * MIN }, false],
    ["never any data", [noData], "and", {}, {}, true],
  ] as const)("%s → %s", (_, conditions, combinator, latest, last, met) => {
    expect(evaluateRule({ combinator, conditions: [...conditions] }, outlet, snap(latest, last)).met).toBe(met);
  });
  it("the data time is the newest threshold value judged", () => {
    const r = evaluateRule({ combinator: "or", conditions: [cod, ph] }, outlet, snap({ w01018: { t: now - H, value: 120 }, w01001: { t: now - 2 * H, value: 7 } }));
    expect(r.dataTime).toBe(now - H);
    expect(r.results[0]).toEqual({ met: true, value: 120, limit: { upper: 100, lower: null }, t: now - H });
  });
});

describe("state machine (persistence 10 min)", () => {
  const P = 10 * MIN;
  it.each([
    ["first met value starts the wait", P, { met: true, at: 0 }, null, null, "pending", 0],
    ["met for 9 min", P, { met: true, at: 9 * MIN }, 0, null, "pending", 0],
    ["met for 10 min raises", P, { met: true, at: 10 * MIN }, 0, null, "raise", 0],
    ["persistence 0 raises at once", 0, { met: true, at: 5 }, null, null, "raise", 5],
    ["still met while active: hold (no duplicate)", P, { met: true, at: 20 * MIN }, 0, { active: true, acknowledged: false }, "hold", 0],
    ["not met while active clears", P, { met: false, at: 21 * MIN }, 0, { active: true, acknowledged: true }, "clear", null],
    ["met again before acknowledgement reactivates", P, { met: true, at: 40 * MIN }, 30 * MIN, { active: false, acknowledged: false }, "reactivate", 30 * MIN],
    ["an older value moves the start back", P, { met: true, at: 5 * MIN }, 8 * MIN, null, "pending", 5 * MIN],
    ["not met, nothing open", P, { met: false, at: 0 }, 0, null, "none", null],
    ["unknown keeps the wait and the alarm", P, { met: null, at: 30 * MIN }, 5 * MIN, { active: true, acknowledged: false }, "none", 5 * MIN],
  ] as const)("%s", (_, persistence, ev, since, alarm, transition, pendingSince) => {
    expect(nextState(ev, { pendingSince: since }, alarm, persistence)).toEqual({ transition, pendingSince });
  });
  it("display states", () => {
    expect([
      displayState({ active: true, acknowledged: false }), displayState({ active: true, acknowledged: true }),
      displayState({ active: false, acknowledged: false }), displayState({ active: false, acknowledged: true }),
    ]).toEqual(["active_unack", "active_ack", "cleared_unack", "closed"]);
  });
});

describe("notifications: repeat every 10 min, escalate after 30 min", () => {
  const base = { raisedAt: 0, active: true, acknowledged: false, level: -1, lastNotifiedAt: null };
  it.each([
    ["raised: level 0", base, 0, [0], []],
    ["5 min later: nothing", { ...base, level: 0, lastNotifiedAt: 0 }, 5 * MIN, [], []],
    ["10 min: repeat level 0", { ...base, level: 0, lastNotifiedAt: 0 }, 10 * MIN, [], [0]],
    ["30 min: escalate to level 1 (no repeat at the same time)", { ...base, level: 0, lastNotifiedAt: 20 * MIN }, 30 * MIN, [1], []],
    ["40 min: repeat both levels", { ...base, level: 1, lastNotifiedAt: 30 * MIN }, 40 * MIN, [], [0, 1]],
    ["acknowledged: nothing", { ...base, acknowledged: true, level: 0, lastNotifiedAt: 0 }, 60 * MIN, [], []],
    ["cleared: nothing", { ...base, active: false, level: 0, lastNotifiedAt: 0 }, 60 * MIN, [], []],
    ["found late (35 min, nothing sent): both levels at once", base, 35 * MIN, [0, 1], []],
  ] as const)("%s", (_, s, now, newLevels, repeatLevels) => {
    expect(dueNotifications(s, DEFAULT_ESCALATION, 10, now)).toEqual({ newLevels, repeatLevels });
  });
  it("repeat 0 never repeats", () => {
    expect(dueNotifications({ ...base, level: 1, lastNotifiedAt: 0 }, DEFAULT_ESCALATION, 0, 600 * MIN)).toEqual({ newLevels: [], repeatLevels: [] });
  });
});

describe("daily discharge (China days, ≥ 18 valid hours)", () => {
  // 2024-05-01 00:00 China = 2024-04-30T16:00Z
  const dayStart = Date.parse("2024-04-30T16:00:00Z");
  const hoursOf = (start: number, values: number[]) => values.map((value, i) => ({ t: start + i * H, value }));
  it("means per China day; short days are not evaluated", () => {
    const d1 = hoursOf(dayStart, [...Array(12).fill(90), ...Array(12).fill(130)]); // mean 110
    const d2 = hoursOf(dayStart + 24 * H, Array(17).fill(500)); // 17 h only
    const d3 = hoursOf(dayStart + 48 * H, Array(20).fill(100)); // at the limit
    const days = dischargeDays([...d1, ...d2, ...d3], { upper: 100, lower: null });
    expect(days).toEqual([
      { day: "2024-05-01", mean: 110, max: 130, hours: 24, exceeded: true, exceedMultiple: 0.1 },
      { day: "2024-05-03", mean: 100, max: 100, hours: 20, exceeded: false, exceedMultiple: 0 },
    ]);
    expect(chinaDay(dayStart - 1)).toBe("2024-04-30");
  });
  it("short days among those examined, with their valid hours (a day without any has 0)", () => {
    const d1 = hoursOf(dayStart, Array(24).fill(90));
    const d2 = hoursOf(dayStart + 24 * H, [...Array(17).fill(500), Number.NaN]); // 17 finite hours
    expect(shortDays([...d1, ...d2], ["2024-05-03", "2024-05-02", "2024-05-01", "2024-05-02"])).toEqual([
      { day: "2024-05-02", hours: 17 }, { day: "2024-05-03", hours: 0 },
    ]);
    expect(shortDays(d2, ["2024-05-02"], 17)).toEqual([]);
    // 2024-04-30 23:59:59.999 China to 2024-05-02 00:00 China: three China days.
    expect(chinaDaysBetween(dayStart - 1, dayStart + 24 * H)).toEqual(["2024-04-30", "2024-05-01", "2024-05-02"]);
    expect(chinaDaysBetween(dayStart, dayStart + 24 * H - 1)).toEqual(["2024-05-01"]);
  });
  it("a lower bound (pH 6–9)", () => {
    const days = dischargeDays(hoursOf(dayStart, Array(24).fill(5.4)), { upper: 9, lower: 6 });
    expect(days[0].exceeded).toBe(true);
    expect(days[0].exceedMultiple).toBeCloseTo(0.1, 10);
  });
});

describe("noncompliance (40 CFR 403.8 SNC criteria over six months)", () => {
  const days = (means: number[]) =>
    means.map((mean, i) => ({ day: `2024-05-${String(i + 1).padStart(2, "0")}`, mean, max: mean, hours: 24, exceeded: mean > 100, exceedMultiple: mean > 100 ? (mean - 100) / 100 : 0 }));
  it.each([
    ["no days", [], "no_data", false, false],
    ["all within", [90, 95, 100], "compliant", false, false],
    ["1 of 10 over a little", [101, ...Array(9).fill(90)], "violation", false, false],
    // chronic: 7 of 10 over (70% ≥ 66%)
    ["7 of 10 over by 1%", [...Array(7).fill(101), ...Array(3).fill(90)], "significant", true, false],
    ["6 of 10 over by 1%", [...Array(6).fill(101), ...Array(4).fill(90)], "violation", false, false],
    // TRC 1.2 for COD: 4 of 12 (33.3%) at ≥ 120
    ["4 of 12 at 1.2 × limit", [...Array(4).fill(120), ...Array(8).fill(90)], "significant", false, true],
    ["3 of 12 at 1.2 × limit", [...Array(3).fill(120), ...Array(9).fill(90)], "violation", false, false],
  ] as const)("%s → %s", (_, means, status, chronic, trc) => {
    expect(factorStatus({ factor: "w01018", upper: 100, days: days([...means]) })).toMatchObject({ status, chronic, trc });
  });
  it("BOD5 uses TRC 1.4; pH none; the outlet takes its worst factor", () => {
    expect([trcOf("w01017"), trcOf("w01018"), trcOf("w01001")]).toEqual([1.4, 1.2, null]);
    expect(factorStatus({ factor: "w01017", upper: 100, days: days([...Array(4).fill(130), ...Array(8).fill(90)]) }).trc).toBe(false);
    const r = outletStatus([
      { factor: "w01018", upper: 100, days: days([90, 90]) },
      { factor: "w21003", upper: 100, days: days([101, 90, 90]) },
    ]);
    expect(r.status).toBe("violation");
    expect(r.factors.map((f) => f.status)).toEqual(["compliant", "violation"]);
  });
});

describe("describeOutcome", () => {
  it("names the values, limits and their basis", async () => {
    const { describeOutcome } = await import("./describe");
    const conditions: Condition[] = [th("w21003", "target_class"), { kind: "no_data", factor: null, minutes: 30 }];
    const text = describeOutcome(conditions, [
      { met: true, value: 2.31, limit: { upper: 1, lower: null }, t: 0 },
      { met: false, value: 3, limit: null, t: 0 },
    ], "or");
    expect(text).toBe("氨氮 2.31 > 1（目标类别限值）");
    expect(describeOutcome([{ kind: "no_data", factor: "w01018", minutes: 30 }], [{ met: true, value: 45.5, limit: null, t: 0 }], "and"))
      .toBe("化学需氧量已 45 分钟无数据（阈值 30 分钟）");
    expect(describeOutcome([{ kind: "no_data", factor: null, minutes: 30 }], [{ met: true, value: 31, limit: null, t: 0, never: true }], "and"))
      .toBe("全部因子从未收到数据（已 31 分钟，阈值 30 分钟）");
  });
});
