import { describe, expect, it } from "vitest";
import type { PointSample } from "./point";
import type { BlackOdorGrade } from "./thresholds";
import { gradeWaterBody, type MonitoringPoint } from "./waterBody";

/** Three rounds with every indicator at one level, so the point's grade is that level by the point rule (3/3). */
const ROUND: Record<"S" | "L" | "N", PointSample> = {
  S: { transparency: 5, dissolvedOxygen: 0.1, orp: -250, ammonia: 20 },
  L: { transparency: 15, dissolvedOxygen: 1, orp: 0, ammonia: 10 },
  N: { transparency: 30, dissolvedOxygen: 5, orp: 100, ammonia: 2 },
};
/** Points P1, P2, … in order along the body, one letter per point. */
const body = (grades: string): MonitoringPoint[] =>
  [...grades].map((g, i) => ({ id: `P${i + 1}`, samples: [1, 2, 3].map(() => ROUND[g as "S" | "L" | "N"]) }));

describe("gradeWaterBody — ≥60% 重度 points ⇒ 重度; ≥3 consecutive 重度 points ⇒ that stretch 重度; any black point ⇒ at least 轻度", () => {
  // [points, body grade, stretches, rules, reasoning]
  const cases: [string, BlackOdorGrade, string[], string[], string][] = [
    ["NNN", "none", [], ["allPointsClear"], "every point clear"],
    ["LNN", "light", [], ["blackOdorousPoints"], "one 轻度 point"],
    ["SNNNN", "light", [], ["blackOdorousPoints"], "1/5 = 20% 重度"],
    ["SSSNN", "severe", ["P1–P3"], ["severePointShare", "severeStretch"], "3/5 = exactly 60%, and a run of 3"],
    ["SSNSN", "severe", [], ["severePointShare"], "3/5 = 60% without any run of 3"],
    ["SSSNNN", "light", ["P1–P3"], ["severeStretch", "blackOdorousPoints"], "3/6 = 50%: the stretch P1–P3 is 重度, the body is not"],
    ["SSNSSNNNNN", "light", [], ["blackOdorousPoints"], "4/10 = 40%, longest run 2"],
    ["SSNSSSNNNN", "light", ["P4–P6"], ["severeStretch", "blackOdorousPoints"], "5/10 = 50%, one run of 3"],
    ["SSSSSSNNNN", "severe", ["P1–P6"], ["severePointShare", "severeStretch"], "6/10 = exactly 60%, one run of 6"],
    ["SSSNSSSNNN", "severe", ["P1–P3", "P5–P7"], ["severePointShare", "severeStretch", "severeStretch"], "6/10, two runs"],
    ["SSSSSNNNNL", "light", ["P1–P5"], ["severeStretch", "blackOdorousPoints"], "5/10 = 50% (59.9% would still not do)"],
    ["LLLLL", "light", [], ["blackOdorousPoints"], "all 轻度: 0% 重度"],
    ["NNNSSS", "light", ["P4–P6"], ["severeStretch", "blackOdorousPoints"], "a run at the end is closed too"],
  ];
  it.each(cases)("%s → %s %j (%s)", (points, grade, runs, rules) => {
    const r = gradeWaterBody(body(points));
    expect(r.grade).toBe(grade);
    expect(r.severeStretches.map((s) => `${s.fromPointId}–${s.toPointId}`)).toEqual(runs);
    expect(r.reasons.map((x) => x.rule)).toEqual(rules);
  });

  it("states the numbers", () => {
    const r = gradeWaterBody(body("SSSNN"));
    expect(r.severePoints).toEqual({ count: 3, total: 5 });
    expect(r.reasons[0].zh).toBe("重度黑臭监测点 3/5 (60%)，达到 60%");
    expect(r.reasons[1].zh).toBe("连续 3 个监测点重度黑臭（P1—P3），该段为重度黑臭");
    expect(gradeWaterBody(body("LSN")).reasons[0].zh).toBe("2/3 个监测点黑臭：P1(轻度黑臭)、P2(重度黑臭)；重度监测点 1/3 (33.3%)，未达 60%");
  });
});

describe("sampling warnings (grade still given)", () => {
  it("flags fewer than 3 points, fewer than 3 rounds and a missing indicator", () => {
    const points: MonitoringPoint[] = [
      { id: "A", samples: [ROUND.N, ROUND.N] },
      { id: "B", samples: [1, 2, 3].map(() => ({ transparency: 30, dissolvedOxygen: 5, ammonia: 2 })) },
    ];
    const r = gradeWaterBody(points);
    expect(r.grade).toBe("none");
    expect(r.warnings.map((w) => [w.kind, w.pointId])).toEqual([["fewPoints", undefined], ["fewRounds", "A"], ["missingIndicator", "B"]]);
    expect(r.warnings[2].zh).toBe("B：缺少氧化还原电位");
  });

  it("no warnings for 3 points × 3 rounds × 4 indicators", () => expect(gradeWaterBody(body("NNN")).warnings).toEqual([]));
  it("needs a point", () => expect(() => gradeWaterBody([])).toThrow(RangeError));
});
