import { describe, expect, it } from "vitest";
import type { PointSample } from "./point";
import { detectRelapse, type ListedWaterBody, type RemediationStatus } from "./relapse";
import { gradeWaterBody } from "./waterBody";

const S: PointSample = { transparency: 5, dissolvedOxygen: 0.1, orp: -250, ammonia: 20 };
const L: PointSample = { transparency: 15, dissolvedOxygen: 1, orp: 0, ammonia: 10 };
const N: PointSample = { transparency: 30, dissolvedOxygen: 5, orp: 100, ammonia: 2 };
const graded = (...points: PointSample[]) =>
  gradeWaterBody(points.map((p, i) => ({ id: `P${i + 1}`, samples: [p, p, p] })));

const clear = graded(N, N, N); // 不黑臭
const light = graded(L, N, N); // one 轻度 point ⇒ 轻度
const severe = graded(S, S, N); // 2/3 = 66.7% 重度 points ⇒ 重度
const body = (status: RemediationStatus): ListedWaterBody => ({ id: "b1", name: "白马门河", status, statusSince: "2021-10-01" });

describe("detectRelapse — eliminated or 长制久清 body graded black-odorous after the status began", () => {
  // [status, round date, round, finding grade or null, reasoning]
  const cases: [RemediationStatus, string, ReturnType<typeof graded>, string | null, string][] = [
    ["eliminated", "2022-07-12", light, "light", "eliminated, now 轻度"],
    ["longTermEffective", "2022-07-12", severe, "severe", "长制久清, now 重度"],
    ["eliminated", "2022-07-12", clear, null, "still clear"],
    ["underTreatment", "2022-07-12", severe, null, "never eliminated: not a relapse"],
    ["identified", "2022-07-12", light, null, "never eliminated"],
    ["eliminated", "2021-10-01", light, "light", "sampled on the day the status began"],
    ["eliminated", "2021-09-30", light, null, "sampled before the status began"],
  ];
  it.each(cases)("%s, %s → %s (%s)", (status, date, round, grade) => {
    const f = detectRelapse(body(status), date, round);
    expect(f?.grade ?? null).toBe(grade);
  });

  it("says what was found, where and why", () => {
    const f = detectRelapse(body("eliminated"), "2022-07-12", light)!;
    expect(f).toMatchObject({ waterBodyId: "b1", previousStatus: "eliminated", grade: "light", date: "2022-07-12", pointIds: ["P1"] });
    expect(f.zh).toBe("白马门河（已消除黑臭）2022-07-12 监测判定为轻度黑臭，返黑返臭");
    expect(f.en).toBe("白马门河 (eliminated) graded lightly black-odorous on 2022-07-12: relapse");
    expect(f.reasons.map((r) => r.rule)).toEqual(["blackOdorousPoints"]);
  });
});
