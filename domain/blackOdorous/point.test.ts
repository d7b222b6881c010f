import { describe, expect, it } from "vitest";
import { gradePoint, type PointSample } from "./point";
import type { BlackOdorGrade, Indicator } from "./thresholds";

/** Per indicator, a value that grades S(evere), L(ight) or N(one) by the table. */
const VALUE: Record<Indicator, Record<"S" | "L" | "N", number>> = {
  transparency: { S: 5, L: 15, N: 30 },
  dissolvedOxygen: { S: 0.1, L: 1, N: 5 },
  orp: { S: -250, L: 0, N: 100 },
  ammonia: { S: 20, L: 10, N: 2 },
};

/**
 * Rounds of results: each listed indicator follows its string of S/L/N (one letter per round); the others are
 * N (clear) in every round. All strings must have the same length.
 */
function rounds(spec: Partial<Record<Indicator, string>>): PointSample[] {
  const n = Object.values(spec)[0]?.length ?? 3;
  return Array.from({ length: n }, (_, r) => {
    const s: PointSample = {};
    for (const i of Object.keys(VALUE) as Indicator[]) s[i] = VALUE[i][(spec[i]?.[r] ?? "N") as "S" | "L" | "N"];
    return s;
  });
}

describe("gradePoint — 重度: one indicator ≥60% 重度, or two ≥30%; 轻度: the same with 轻度-or-worse", () => {
  // [spec, grade, rules fired, reasoning]
  const cases: [Partial<Record<Indicator, string>>, BlackOdorGrade, string[], string][] = [
    [{ ammonia: "NNNNN" }, "none", [], "all clear"],
    [{ ammonia: "SSSNN" }, "severe", ["oneIndicator60"], "3/5 = exactly 60% 重度"],
    [{ ammonia: "SSNNN" }, "none", [], "2/5 = 40% 重度 in one indicator only: neither rule fires at either level"],
    [{ ammonia: "SSNNN", dissolvedOxygen: "SSNNN" }, "severe", ["twoIndicators30"], "two indicators at 40% ≥ 30%"],
    [{ ammonia: "SSSNNNNNNN", orp: "SSSNNNNNNN" }, "severe", ["twoIndicators30"], "two indicators at exactly 30%"],
    [{ ammonia: "SSSNNNNNNN", orp: "SSNNNNNNNN" }, "none", [], "30% and 20%: one indicator at 30% is not enough; nothing else is black"],
    [{ ammonia: "SSSNNNNNNN", orp: "SSLNNNNNNN" }, "light", ["twoIndicators30"], "重度 30% + 20% fails; 轻度-or-worse 30% + 30% holds"],
    [{ ammonia: "LLLLLLNNNN" }, "light", ["oneIndicator60"], "6/10 = exactly 60% 轻度"],
    [{ ammonia: "LLLLLNNNNN" }, "none", [], "5/10 = 50% 轻度 in one indicator"],
    [{ ammonia: "SSLNN" }, "light", ["oneIndicator60"], "重度 40% fails; 重度 results count as 轻度-or-worse: 3/5 = 60%"],
    [{ ammonia: "SSN" }, "severe", ["oneIndicator60"], "2/3 = 66.7%"],
    [{ transparency: "SSNNNNN", dissolvedOxygen: "SSNNNNN" }, "none", [], "2/7 = 28.6% < 30% in both"],
    [{ transparency: "SSSNNNN", dissolvedOxygen: "SSSNNNN" }, "severe", ["twoIndicators30"], "3/7 = 42.9% in both"],
    [{ ammonia: "SSSSS", orp: "SSNNN" }, "severe", ["oneIndicator60", "twoIndicators30"], "both forms fire; both are reported"],
  ];
  it.each(cases)("%j → %s %j (%s)", (spec, grade, rules) => {
    const r = gradePoint(rounds(spec));
    expect(r.grade).toBe(grade);
    expect(r.reasons.map((x) => x.rule)).toEqual(rules);
    expect(r.reasons.every((x) => x.level === grade)).toBe(true);
  });

  it("shares count only the results present", () => {
    // Ammonia measured twice, both 重度 (2/2 = 100%); the third round lacks it.
    const s = rounds({ ammonia: "SSN" });
    delete s[2].ammonia;
    const r = gradePoint(s);
    expect(r.tallies.ammonia).toEqual({ total: 2, severe: 2, blackOdorous: 2 });
    expect(r.grade).toBe("severe");
  });

  it("applies the shallow-water transparency rule per sample", () => {
    // SD 7 cm: 重度 by the table (< 10) but 轻度 in 15 cm of water (0.4 × 15 = 6 ≤ 7 < 15).
    const deep = [{ transparency: 7 }, { transparency: 7 }, { transparency: 7 }];
    expect(gradePoint(deep).grade).toBe("severe");
    expect(gradePoint(deep.map((s) => ({ ...s, depthCm: 15 }))).grade).toBe("light");
  });

  it("states the rule with the numbers", () => {
    const [r] = gradePoint(rounds({ ammonia: "SSSNN" })).reasons;
    expect(r.indicators).toEqual([{ indicator: "ammonia", count: 3, total: 5 }]);
    expect(r.zh).toBe("单项指标 ≥60% 的检测结果为重度：氨氮 3/5 (60%)");
    expect(r.en).toBe("one indicator has ≥60% of results severe: ammonia nitrogen 3/5 (60%)");
  });
});
