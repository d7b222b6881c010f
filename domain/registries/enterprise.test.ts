import { describe, expect, it } from "vitest";
import { creditCodeProblem, fluorideCoverage, fluorideProblem, intensityChange, monitorsByFactor, readPollutants, waterUseIntensity, writePollutants } from "./enterprise";

describe("enterprise rules", () => {
  it("checks 统一社会信用代码 by their GB 32100 check character", () => {
    // Published codes of well-known companies.
    expect(creditCodeProblem("9144030071526726XG")).toBeNull();
    expect(creditCodeProblem("91330100716105852F")).toBeNull();
    // By hand: Σ value×weight of "9144030071526726X" = 1782; 1782 mod 31 = 15; 31 − 15 = 16 → "G" (0–9, A=10 … G=16).
    expect(creditCodeProblem("9144030071526726XA")).toBe("统一社会信用代码校验位不符（应为 G）");
    expect(creditCodeProblem("9144030071526726X")).toMatch(/18 位/);
    expect(creditCodeProblem("91440300715267260I")).toMatch(/不含 I/);
  });

  it("reads and writes pollutant lists by name or code, in catalogue order", () => {
    expect(readPollutants("氟化物、化学需氧量，氨氮 w21011")).toEqual({ codes: ["w01018", "w21003", "w21011", "w21017"], unknown: [] });
    expect(readPollutants("COD、氨氮、二噁英")).toEqual({ codes: ["w21003"], unknown: ["COD", "二噁英"] });
    expect(readPollutants("pH、pH值")).toEqual({ codes: ["w01001"], unknown: [] });
    expect(writePollutants(["w21017", "w01018", "w21017"])).toBe("化学需氧量、氟化物");
    expect(readPollutants(writePollutants(["w21017", "w01018"])).codes).toEqual(["w01018", "w21017"]);
  });

  it("marks an enterprise discharging fluoride as 涉氟", () => {
    expect(fluorideProblem(["w01018", "w21017"], false)).toBe("排放氟化物的企业须标为涉氟企业");
    expect(fluorideProblem(["w01018", "w21017"], true)).toBeNull();
    // Handling fluoride without a permitted fluoride discharge may still be flagged.
    expect(fluorideProblem(["w01018"], true)).toBeNull();
  });

  it("tells connected, declared and missing online monitors per factor", () => {
    const devices = [
      { mn: "A", pointCode: "O1", enabled: true, expectedFactors: ["w01018", "w21003", "w00000"], lastSeenAt: null },
      { mn: "B", pointCode: "O2", enabled: false, expectedFactors: ["w21017"], lastSeenAt: null },
    ];
    const m = monitorsByFactor(["w01018", "w21003", "w21017"], ["w21011"], devices);
    expect(m).toEqual([
      { factor: "w01018", state: "connected", devices: ["A"] },
      { factor: "w21003", state: "connected", devices: ["A"] },
      { factor: "w21011", state: "declared", devices: [] },
      // B is disabled: its fluoride monitor does not count.
      { factor: "w21017", state: "none", devices: [] },
      { factor: "w00000", state: "connected", devices: ["A"] },
    ]);
  });

  it("counts fluoride enterprises by fluoride monitoring", () => {
    const c = fluorideCoverage([{ id: "a", state: "connected" }, { id: "b", state: "declared" }, { id: "c", state: "none" }, { id: "d", state: "none" }]);
    expect(c).toEqual({ total: 4, connected: 1, declared: 1, none: 2, installedRate: 0.5, connectedRate: 0.25 });
    expect(fluorideCoverage([])).toMatchObject({ total: 0, installedRate: null, connectedRate: null });
  });

  it("computes 万元工业增加值用水量 over complete enterprise-years and its change vs the base year", () => {
    // (120 000 + 30 000) m³ ÷ (10 000 + 5 000) 万元 = 10 m³/万元; the third lacks value added.
    const y2020 = waterUseIntensity([{ waterM3: 120_000, valueAddedWan: 10_000 }, { waterM3: 30_000, valueAddedWan: 5_000 }, { waterM3: 9_000, valueAddedWan: null }]);
    expect(y2020).toEqual({ counted: 2, incomplete: 1, waterM3: 150_000, valueAddedWan: 15_000, intensity: 10 });
    // 2022: 147 000 ÷ 15 000 = 9.8 → (9.8 − 10) ÷ 10 = −2%, the seed plan's target.
    const y2022 = waterUseIntensity([{ waterM3: 117_000, valueAddedWan: 10_000 }, { waterM3: 30_000, valueAddedWan: 5_000 }]);
    expect(y2022.intensity).toBeCloseTo(9.8, 10);
    expect(intensityChange(y2022.intensity, y2020.intensity)).toBeCloseTo(-0.02, 10);
    expect(waterUseIntensity([]).intensity).toBeNull();
    expect(intensityChange(9.8, null)).toBeNull();
  });
});
