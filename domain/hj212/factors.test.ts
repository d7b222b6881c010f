import { describe, expect, it } from "vitest";
import { COMMAND_CODES, DATA_FLAGS, EXE_RTN, QN_RTN, SYSTEM_CODES, isDataFlag } from "./codes";
import { OLD_TO_NEW, WATER_FACTORS, waterFactor } from "./factors";
import { formatHjTime, formatQn, parseHjTime } from "./time";

describe("code tables", () => {
  it("water factors: µg/L and ng/L ones carry a mg/L divisor, others none", () => {
    const converted = Object.values(WATER_FACTORS).filter((f) => f.mgDivisor).map((f) => [f.code, f.mgDivisor]);
    expect(converted).toEqual([
      ["w20111", 1000], ["w20113", 1_000_000], ["w20115", 1000], ["w20117", 1000], ["w20119", 1000], ["w20120", 1000], ["w20128", 1000],
    ]);
    for (const [code, f] of Object.entries(WATER_FACTORS)) expect(f.code).toBe(code);
  });

  it("2005 codes are unique and map back to their factor", () => {
    for (const [old, code] of Object.entries(OLD_TO_NEW)) expect(waterFactor(code)?.oldCode).toBe(old);
    expect(OLD_TO_NEW["B01"]).toBe("w00000");
    expect(waterFactor("constructor")).toBeUndefined();
  });

  it("has the standard's system, command, return codes and flags", () => {
    expect(SYSTEM_CODES["32"]).toBe("地表水体环境污染源");
    expect(COMMAND_CODES["2051"]).toContain("分钟");
    expect(QN_RTN[9]).toBe("CRC校验错误");
    expect(EXE_RTN[100]).toBe("没有数据");
    expect(Object.keys(DATA_FLAGS)).toEqual(["N", "F", "M", "S", "D", "C", "T", "B"]);
    expect(isDataFlag("B")).toBe(true);
    expect(isDataFlag("P")).toBe(false);
  });
});

describe("time fields (UTC+8)", () => {
  it("formats and parses", () => {
    expect(formatHjTime(new Date("2016-08-01T00:58:57Z"))).toBe("20160801085857");
    expect(formatQn(new Date("2016-07-31T16:00:00.007Z"))).toBe("20160801000000007");
    expect(parseHjTime("20240229235959")).toBe("2024-02-29T23:59:59+08:00");
    expect(parseHjTime("20160824003817000")).toBe("2016-08-24T00:38:17.000+08:00");
    for (const bad of ["20230229000000", "20241301000000", "20240101240000", "2024010100000", "2024010100000x", ""]) expect(parseHjTime(bad)).toBeNull();
  });
});
