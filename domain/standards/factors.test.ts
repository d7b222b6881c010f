import { describe, expect, it } from "vitest";
import { FACTORS, FACTOR_ALIASES, canonicalCode, toMgPerL } from "./factors";

describe("factor catalogue", () => {
  it("keys match codes and aliases point at catalogue codes", () => {
    for (const [code, info] of Object.entries(FACTORS)) expect(info.code).toBe(code);
    for (const target of Object.values(FACTOR_ALIASES)) expect(FACTORS[target]).toBeDefined();
  });

  it.each([
    ["w21017", "氟化物"], ["w21022", "氯化物"], ["w01019", "高锰酸盐指数"], ["w01017", "五日生化需氧量"], ["w01018", "化学需氧量"],
  ])("%s is %s (HJ 212-2017 Table B.1)", (code, name) => {
    expect(FACTORS[code as keyof typeof FACTORS].nameZh).toBe(name);
  });

  it("flags heavy metals and cyanide", () => {
    const flagged = Object.values(FACTORS).filter((f) => f.heavyMetal).map((f) => f.code).sort();
    expect(flagged).toEqual(["w20111", "w20115", "w20117", "w20119", "w20120", "w20121", "w20122", "w20123"]);
    expect(Object.values(FACTORS).filter((f) => f.cyanide).map((f) => f.code)).toEqual(["w21016"]);
  });

  it.each([
    ["w20142", "w20111"], ["w20111", "w20111"], ["w99999", undefined],
  ])("canonicalCode(%s) → %s", (code, expected) => expect(canonicalCode(code)).toBe(expected));

  it.each([
    ["w20111", 0.08, 0.00008], ["w20120", 50, 0.05], ["w21003", 1.2, 1.2],
  ] as const)("toMgPerL(%s, %s) → %s", (code, v, mg) => expect(toMgPerL(code, v)).toBeCloseTo(mg, 12));
});
