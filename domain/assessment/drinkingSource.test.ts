import { describe, expect, it } from "vitest";
import { intakeComplianceRate, sourceCompliance, sourceComplianceRate, type SourceSample } from "./drinkingSource";

describe("sourceCompliance", () => {
  const ok = { w01001: 7.5, w01009: 6.2, w21003: 0.4, w21011: 0.08, w21038: 120, w20124: 0.05 };
  // [what, sample, compliant, evaluated, failures as [item, table, limit, multiple]]
  const cases: [string, SourceSample, boolean, number, [string, number, number | null, number | null][]][] = [
    ["all within Ⅲ / Table 2", { body: "river", values: ok }, true, 6, []],
    [
      // NH3-N 1.2: (1.2 − 1.0)/1.0 = 0.2; DO 4.5 < 5 (no multiple); Mn 0.12: (0.12 − 0.1)/0.1 = 0.2
      "Table 1 against Ⅲ and Table 2 against its limit",
      { body: "river", values: { ...ok, w21003: 1.2, w01009: 4.5, w20124: 0.12 } }, false, 6,
      [["w01009", 1, 5, null], ["w21003", 1, 1.0, 0.2], ["w20124", 2, 0.1, 0.2]],
    ],
    ["TP 0.06 passes a river source (Ⅲ 0.2)", { body: "river", values: { w21011: 0.06 } }, true, 1, []],
    // (0.06 − 0.05)/0.05 = 0.2
    ["TP 0.06 fails a lake source (Ⅲ 0.05)", { body: "lake", values: { w21011: 0.06 } }, false, 1, [["w21011", 1, 0.05, 0.2]]],
    ["pH 9.3 fails without a multiple", { body: "river", values: { w01001: 9.3 } }, false, 1, [["w01001", 1, null, null]]],
    ["fecal coliform and TN are not part of compliance", { body: "lake", values: { w21003: 0.2, w02003: 30000, w21001: 3 } },
      true, 1, []],
    [
      // Sb 0.006: (0.006 − 0.005)/0.005 = 0.2; Ni (w20121) 0.02 exactly at its limit passes
      "Table 3 by key or by code",
      { body: "river", values: { w20121: 0.02 }, table3: { Sb: 0.006 } }, false, 2, [["Sb", 3, 0.005, 0.2]],
    ],
  ];
  it.each(cases)("%s", (_what, sample, compliant, evaluated, failures) => {
    const r = sourceCompliance(sample);
    expect(r.compliant).toBe(compliant);
    expect(r.evaluated).toBe(evaluated);
    expect(r.failures.map((f) => [f.item, f.table, f.limit])).toEqual(failures.map(([i, t, l]) => [i, t, l]));
    r.failures.forEach((f, i) => {
      const m = failures[i][3];
      if (m === null) expect(f.multiple).toBeNull();
      else expect(f.multiple).toBeCloseTo(m, 12);
    });
  });

  it("rejects a sample with nothing to evaluate", () => {
    expect(() => sourceCompliance({ body: "river", values: { w01010: 20 } })).toThrow(RangeError);
  });
});

describe("rates", () => {
  it("水源达标率 counts sources, 取水水质达标率 weights by intake", () => {
    // 600 ✔ + 300 ✗ + 100 ✔: sources 2/3; volume (600 + 100) / 1000 = 70%
    const s = [{ compliant: true, volume: 600 }, { compliant: false, volume: 300 }, { compliant: true, volume: 100 }];
    expect(sourceComplianceRate(s)).toBeCloseTo(2 / 3, 12);
    expect(intakeComplianceRate(s)).toBeCloseTo(0.7, 12);
  });

  it("Quzhou-style report: 1057.3 万吨 all compliant ⇒ 100%", () => {
    expect(intakeComplianceRate([{ compliant: true, volume: 800.1 }, { compliant: true, volume: 257.2 }])).toBe(1);
  });

  it("no intake ⇒ null; negative volume rejected", () => {
    expect(intakeComplianceRate([])).toBeNull();
    expect(sourceComplianceRate([])).toBeNull();
    expect(() => intakeComplianceRate([{ compliant: true, volume: -1 }])).toThrow(RangeError);
  });
});
