import { describe, expect, it } from "vitest";
import { checkSamplingSheet, pointsOf } from "./samplingSheet";
import { gradeWaterBody } from "./waterBody";
import { eliminationProblem, pastDeadline } from "./lifecycle";

const HEADER = ["点位编号", "沿程序号", "采样日期", "水深(cm)", "透明度(cm)", "溶解氧(mg/L)", "氧化还原电位(mV)", "氨氮(mg/L)", "备注"];
/** Point × day rows; `nh3` per point, the other indicators clear (SD 40, DO 5, ORP 100). */
const round = (nh3: Record<string, number>, days = ["2022-06-01", "2022-06-04", "2022-06-07"]) => [
  HEADER,
  ...days.flatMap((d) => Object.entries(nh3).map(([p, v], i) => [p, String(i + 1), d, "80", "40", "5", "100", String(v), ""])),
];

describe("checkSamplingSheet — what grading needs from each row", () => {
  it("reads points in order with their rounds and the sampling span", () => {
    const c = checkSamplingSheet(round({ P1: 10, P2: 2, P3: 2 }));
    expect(c.errors).toEqual([]);
    expect([c.rows, c.samples.length, c.sampledFrom, c.sampledTo]).toEqual([9, 9, "2022-06-01", "2022-06-07"]);
    const points = pointsOf(c.samples);
    expect(points.map((p) => [p.id, p.samples.length])).toEqual([["P1", 3], ["P2", 3], ["P3", 3]]);
    expect(points[0].samples[0]).toEqual({ date: "2022-06-01", depthCm: 80, transparency: 40, dissolvedOxygen: 5, orp: 100, ammonia: 10 });
  });

  it("reports rows without indicators, points that change position, positions used twice and repeated days", () => {
    const c = checkSamplingSheet([
      HEADER,
      ["P1", "1", "2022-06-01", "", "40", "5", "100", "2", ""],
      ["P2", "2", "2022-06-01", "", "", "", "", "", "仪器故障"],
      ["P1", "3", "2022-06-04", "", "40", "5", "100", "2", ""],
      ["P9", "1", "2022-06-04", "", "40", "5", "100", "2", ""],
      ["P1", "1", "2022-06-01", "", "40", "5", "100", "2", ""],
      ["P3", "x", "2022-06-31", "", "40", "5", "100", "2", ""],
    ]);
    expect(c.errors.map((e) => [e.row, e.reasons])).toEqual([
      [3, ["透明度、溶解氧、氧化还原电位、氨氮至少填一项"]],
      [4, ["沿程序号：点位 P1 在第 2 行为 1，同一点位须一致"]],
      [5, ["沿程序号：1 已用于第 2 行的点位 P1"]],
      [6, ["点位编号＋采样日期：与第 2 行重复"]],
      [7, ["沿程序号：不是数字：x", "采样日期：没有这一天：2022-06-31"]],
    ]);
    expect(c.samples.map((s) => s.row)).toEqual([2]);
  });
});

describe("graded rounds as the route tests use them (hand-worked)", () => {
  // NH3-N 10 mg/L is 轻度 (8.0 < 10 ≤ 15), 20 is 重度 (> 15), 2 is 不黑臭; every other indicator is clear.
  it("one 轻度 point of three: 轻度黑臭", () => {
    const g = gradeWaterBody(pointsOf(checkSamplingSheet(round({ P1: 10, P2: 2, P3: 2 })).samples));
    expect([g.grade, g.points.map((p) => p.grade)]).toEqual(["light", ["light", "none", "none"]]);
  });
  it("two 重度 points of three (66.7% ≥ 60%): 重度黑臭", () => {
    const g = gradeWaterBody(pointsOf(checkSamplingSheet(round({ P1: 20, P2: 20, P3: 2 })).samples));
    expect([g.grade, g.severePoints]).toEqual(["severe", { count: 2, total: 3 }]);
  });
  it("shallow water: SD 7 cm in 15 cm of water is 轻度, not 重度 (0.4 × 15 = 6 ≤ 7)", () => {
    const rows = [HEADER, ...["2022-06-01", "2022-06-02", "2022-06-03"].map((d) => ["P1", "1", d, "15", "7", "", "", "", ""])];
    expect(gradeWaterBody(pointsOf(checkSamplingSheet(rows).samples)).points[0].grade).toBe("light");
  });
});

describe("lifecycle conditions", () => {
  it("elimination needs a clean round sampled after treatment began", () => {
    expect(eliminationProblem(null, "2022-03-01")).toBe("尚无监测结果：须有治理后的一次监测判定为不黑臭");
    expect(eliminationProblem({ grade: "none", sampledTo: "2022-02-28" }, "2022-03-01")).toBe("最近一次监测早于开始治理，须有治理后的监测结果");
    expect(eliminationProblem({ grade: "light", sampledTo: "2022-06-07" }, "2022-03-01")).toBe("最近一次监测判定为轻度黑臭，不能认定消除");
    expect(eliminationProblem({ grade: "none", sampledTo: "2022-03-01" }, "2022-03-01")).toBeNull();
  });
  it("a deadline is missed the day after it, while not eliminated", () => {
    expect(pastDeadline("underTreatment", "2022-12-31", "2022-12-31")).toBe(false);
    expect(pastDeadline("underTreatment", "2022-12-31", "2023-01-01")).toBe(true);
    expect(pastDeadline("eliminated", "2022-12-31", "2023-01-01")).toBe(false);
    expect(pastDeadline("identified", null, "2023-01-01")).toBe(false);
  });
});
