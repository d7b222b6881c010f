import { describe, expect, it } from "vitest";
import { FACILITY_KINDS, FACILITY_SPECS, facilityOverdue, facilitySpecByKey, medicalStandard, sludgeProblem, sludgeShares } from "./facility";
import { mergeLimits, presetLimits } from "./dischargePresets";

describe("facility kinds", () => {
  it("declare distinct keys, statuses that include their done ones, and fields not clashing with the common columns", () => {
    const common = new Set(["code", "name", "unitId", "riverId", "address", "lon", "lat", "geometry", "status", "deadline", "completedOn", "note"]);
    const keys = new Set<string>();
    for (const k of FACILITY_KINDS) {
      const s = FACILITY_SPECS[k];
      expect(keys.has(s.key)).toBe(false);
      keys.add(s.key);
      expect(facilitySpecByKey(s.key)?.kind).toBe(k);
      for (const d of s.done) expect(s.statuses.map((x) => x.value)).toContain(d);
      for (const f of s.fields) {
        expect(common.has(f.key)).toBe(false);
        if (f.kind === "enum") expect(f.options?.length).toBeGreaterThan(0);
      }
    }
  });

  it("is overdue past the deadline unless done (the seed's 二级 medical institutions: 2022-10-31)", () => {
    expect(facilityOverdue("medical", "rectifying", "2022-10-31", "2022-10-31")).toBe(false);
    expect(facilityOverdue("medical", "rectifying", "2022-10-31", "2022-11-01")).toBe(true);
    expect(facilityOverdue("medical", "compliant", "2022-10-31", "2022-11-01")).toBe(false);
    expect(facilityOverdue("medical", "none", null, "2022-11-01")).toBe(false);
  });

  it("picks the GB 18466-2005 table of a medical institution", () => {
    expect(medicalStandard({ category: "infectious", beds: 10, discharge: "sewer" })).toBe("t1");
    expect(medicalStandard({ category: "tuberculosis" })).toBe("t1");
    expect(medicalStandard({ category: "general", beds: 260, discharge: "water" })).toBe("t2discharge");
    expect(medicalStandard({ category: "general", beds: 260, discharge: "sewer" })).toBe("t2pretreatment");
    expect(medicalStandard({ category: "clinic", beds: 0, discharge: "sewer" })).toBe("disinfection");
    expect(medicalStandard({ category: "clinic", beds: 20, discharge: "sewer" })).toBe("t2pretreatment");
    expect(medicalStandard({})).toBeNull();
  });

  it("refuses sludge routes that add up to more than was produced, and gives the landfill share", () => {
    const s = { producedT: 5200, landfillT: 800, incinerationT: 2400, coprocessT: 1500, reuseT: 500 };
    expect(sludgeProblem(s)).toBeNull();
    expect(sludgeProblem({ ...s, reuseT: 506 })).toBe("各处置方式合计 5206 t，超过污泥产生量 5200 t");
    // 5205.2 is within 0.1% of 5200 (rounding of reported figures).
    expect(sludgeProblem({ ...s, reuseT: 505.2 })).toBeNull();
    expect(sludgeProblem({ producedT: null, landfillT: 10, incinerationT: null, coprocessT: null, reuseT: null })).toBe("填写处置量时须填写污泥产生量");
    // 800 ÷ 5200 = 0.1538; (2400 + 1500 + 500) ÷ 5200 = 0.8462.
    const shares = sludgeShares(s)!;
    expect(shares.landfill).toBeCloseTo(0.1538, 4);
    expect(shares.safe).toBeCloseTo(0.8462, 4);
    expect(sludgeShares({ ...s, producedT: null })).toBeNull();
  });
});

describe("preset permit limits", () => {
  it("gives GB 18918-2002 Table 1 limits of a grade, TP by build date", () => {
    const a = presetLimits({ standard: "gb18918", grade: "1A" });
    const by = (ls: typeof a, f: string) => ls.find((l) => l.factor === f);
    expect(by(a, "w01018")).toEqual({ factor: "w01018", upperLimit: 50, lowerLimit: null, unit: "mg/L", basis: "GB 18918-2002 表1 一级A" });
    expect(by(a, "w21003")?.upperLimit).toBe(5);
    expect(by(a, "w21003")?.basis).toContain("水温>12℃");
    expect(by(a, "w21011")?.upperLimit).toBe(0.5);
    expect(by(a, "w01001")).toMatchObject({ upperLimit: 9, lowerLimit: 6 });
    expect(by(presetLimits({ standard: "gb18918", grade: "1A", builtBefore2006: true }), "w21011")?.upperLimit).toBe(1);
    const b = presetLimits({ standard: "gb18918", grade: "1B" });
    expect([by(b, "w01018")?.upperLimit, by(b, "w21001")?.upperLimit, by(b, "w21011")?.upperLimit, by(b, "w02003")?.upperLimit]).toEqual([60, 20, 1, 10000]);
    // 三级 has no TN, NH3-N or fecal coliform limit.
    const three = presetLimits({ standard: "gb18918", grade: "3" });
    expect(["w21001", "w21003", "w02003"].map((f) => by(three, f))).toEqual([undefined, undefined, undefined]);
    expect(by(three, "w01018")?.upperLimit).toBe(120);
  });

  it("gives GB 8978-1996 Table 4 fluoride by grade and scope", () => {
    expect(presetLimits({ standard: "gb8978F", grade: "1", scope: "other" })).toEqual([{ factor: "w21017", upperLimit: 10, lowerLimit: null, unit: "mg/L", basis: "GB 8978-1996 表4 一级（其他排污单位）" }]);
    expect(presetLimits({ standard: "gb8978F", grade: "2", scope: "lowFluoride" })[0].upperLimit).toBe(20);
    expect(presetLimits({ standard: "gb8978F", grade: "2", scope: "yellowPhosphorus" })[0].upperLimit).toBe(15);
    expect(presetLimits({ standard: "gb8978F", grade: "3", scope: "other" })[0].upperLimit).toBe(20);
  });

  it("gives GB 18466-2005 values and merges a preset over a permit's own limits", () => {
    const t2 = presetLimits({ standard: "gb18466", table: "t2pretreatment" });
    expect(t2.map((l) => [l.factor, l.upperLimit, l.unit])).toEqual([["w02003", 5000, "MPN/L"], ["w01018", 250, "mg/L"], ["w01001", 9, "无量纲"]]);
    const own = [{ factor: "w21017", upperLimit: 8 }, { factor: "w01018", upperLimit: 40 }];
    expect(mergeLimits(own, [{ factor: "w01018", upperLimit: 50 }])).toEqual([{ factor: "w21017", upperLimit: 8 }, { factor: "w01018", upperLimit: 50 }]);
  });
});
