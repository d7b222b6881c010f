import { describe, expect, it } from "vitest";
import { locateColumns } from "./columns";
import { parseCsv } from "./csv";
import { matchFactor } from "./factorMatch";
import { formatShanghai, parseSampleTime } from "./time";
import { normaliseUnit, unitFactor } from "./units";
import { parseLabValue } from "./value";
import { validateLabRows } from "./validate";

describe("parseCsv", () => {
  it("reads quoted cells, doubled quotes, CRLF and a BOM; keeps blank lines for row numbers", () => {
    expect(parseCsv('\ufeff站点,备注\r\nS01,"含,逗号 ""引号"""\r\n\r\nS02,"两\n行"\n')).toEqual([
      ["站点", "备注"],
      ["S01", '含,逗号 "引号"'],
      [""],
      ["S02", "两\n行"],
    ]);
  });
});

describe("locateColumns", () => {
  it("finds columns in any order, ignoring spaces and unit notes", () => {
    expect(locateColumns(["因子", " 站点 ", "采样时间", "数值（mg/L）", "其他"])).toEqual({ ok: true, index: { 因子: 0, 站点: 1, 采样时间: 2, 数值: 3 } });
    expect(locateColumns(["站点", "数值"])).toEqual({ ok: false, missing: ["采样时间", "因子"] });
  });
});

describe("matchFactor", () => {
  it.each([
    ["w21003", "w21003"], ["W21003", "w21003"], ["氨氮", "w21003"], ["氨氮（以N计）", "w21003"], ["NH3-N", "w21003"],
    ["w20142", "w20111"], ["汞", "w20111"], ["总汞", "w20111"], ["高锰酸盐指数", "w01019"], ["CODMn", "w01019"],
    ["060", "w21003"], ["pH", "w01001"], ["总 磷", "w21011"], ["dissolved oxygen", "w01009"],
  ])("%s → %s", (text, code) => expect(matchFactor(text)).toBe(code));
  it("answers undefined for unknown names", () => {
    expect(matchFactor("叶绿素z")).toBeUndefined();
    expect(matchFactor("")).toBeUndefined();
  });
});

describe("units", () => {
  it("normalises micro signs and case", () => {
    expect(normaliseUnit(" μg/L")).toBe("µg/l");
    expect(normaliseUnit("ug/l")).toBe("µg/l");
    expect(normaliseUnit("MG/L")).toBe("mg/l");
  });
  it.each([
    ["w20111", "µg/L", 0.001], ["w20111", "mg/L", 1], ["w21003", "ug/L", 0.001], ["w21003", "ng/L", 1e-6],
    ["w02003", "MPN/100mL", 10], ["w01001", "", 1], ["w01001", "无量纲", 1], ["w01010", "°C", 1],
  ] as const)("%s in %s ×%s", (code, unit, factor) => expect(unitFactor(code, unit)).toEqual({ ok: true, factor }));
  it("refuses a missing unit on a concentration and units of another kind", () => {
    expect(unitFactor("w20111", "")).toMatchObject({ ok: false, reason: expect.stringContaining("缺少单位") });
    expect(unitFactor("w21003", "个/L")).toMatchObject({ ok: false, reason: expect.stringContaining("无法换算") });
  });
});

describe("parseLabValue", () => {
  it.each([
    ["0.82", "", { ok: true, value: 0.82, belowDl: false, detectionLimit: null }],
    ["0.82", "0.025", { ok: true, value: 0.82, belowDl: false, detectionLimit: 0.025 }],
    ["<0.01", "", { ok: true, value: 0.01, belowDl: true, detectionLimit: 0.01 }],
    ["＜0.01", "", { ok: true, value: 0.01, belowDl: true, detectionLimit: 0.01 }],
    ["0.01L", "", { ok: true, value: 0.01, belowDl: true, detectionLimit: 0.01 }],
    ["ND", "0.025", { ok: true, value: 0.025, belowDl: true, detectionLimit: 0.025 }],
    ["未检出", "0.04", { ok: true, value: 0.04, belowDl: true, detectionLimit: 0.04 }],
    ["0.01", "0.025", { ok: true, value: 0.025, belowDl: true, detectionLimit: 0.025 }],
  ] as const)("%s (DL %s)", (v, dl, expected) => expect(parseLabValue(v, dl)).toEqual(expected));
  it.each([
    ["", "", "数值为空"], ["abc", "", "不是数字"], ["未检出", "", "须同时填写检出限"], ["1,5", "", "不是数字"], ["1", "-1", "不是正数"],
  ])("refuses %s (DL %s)", (v, dl, reason) => expect(parseLabValue(v, dl)).toMatchObject({ ok: false, reason: expect.stringContaining(reason) }));
});

describe("parseSampleTime", () => {
  it.each([
    ["2024-05-06 09:30", "2024-05-06T01:30:00.000Z"],
    ["2024/5/6 9:30:15", "2024-05-06T01:30:15.000Z"],
    ["2024年5月6日 9时30分", "2024-05-06T01:30:00.000Z"],
    ["2024-05-06", "2024-05-05T16:00:00.000Z"],
    ["2024-05-06T01:30:00Z", "2024-05-06T01:30:00.000Z"],
    ["2024-05-06T09:30:00+08:00", "2024-05-06T01:30:00.000Z"],
    ["2024-05-06 03:30-0200", "2024-05-06T05:30:00.000Z"],
  ])("%s → %s", (text, iso) => {
    const r = parseSampleTime(text);
    expect(r.ok && r.t.toISOString()).toBe(iso);
  });
  it.each(["2024-02-30 10:00", "2024-05-06 24:00", "昨天", "06/05/2024"])("refuses %s", (text) => expect(parseSampleTime(text).ok).toBe(false));
  it("formats Beijing time", () => expect(formatShanghai(new Date("2024-05-05T16:00:00Z"))).toBe("2024-05-06 00:00:00"));
});

describe("validateLabRows", () => {
  const points = [
    { id: "p1", code: "S01", name: "大沙河府城断面" },
    { id: "p2", code: "S02", name: "同名断面" },
    { id: "p3", code: "S03", name: "同名断面" },
  ];
  const now = new Date("2024-06-01T00:00:00Z");
  const header = ["站点", "采样时间", "因子", "数值", "单位", "检出限", "备注"];

  it("turns good rows into readings in the storage unit, below-DL kept as the limit", () => {
    const r = validateLabRows(
      [
        header,
        ["S01", "2024-05-06 09:30", "氨氮", "0.82", "mg/L", "0.025", ""],
        ["大沙河府城断面", "2024-05-06 09:30", "w20111", "<0.04", "µg/L", "", "未检出"],
        ["s01", "2024-05-06 09:30", "pH", "7.6", "", "", ""],
      ],
      { points, now },
    );
    expect(r.fileError).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(3);
    expect(r.readings).toEqual([
      { row: 2, pointId: "p1", factor: "w21003", t: new Date("2024-05-06T01:30:00Z"), value: 0.82, belowDl: false, detectionLimit: 0.025, originalValue: 0.82, originalUnit: "mg/L", note: null },
      { row: 3, pointId: "p1", factor: "w20111", t: new Date("2024-05-06T01:30:00Z"), value: 0.00004, belowDl: true, detectionLimit: 0.00004, originalValue: 0.04, originalUnit: "µg/L", note: "未检出" },
      { row: 4, pointId: "p1", factor: "w01001", t: new Date("2024-05-06T01:30:00Z"), value: 7.6, belowDl: false, detectionLimit: null, originalValue: 7.6, originalUnit: "", note: null },
    ]);
  });

  it("reports every bad row with its number and all reasons", () => {
    const r = validateLabRows(
      [
        header,
        ["S09", "2024-13-01", "氨氮", "x", "mg/L", "", ""],
        ["同名断面", "2024-05-06 09:30", "叶绿素z", "1", "mg/L", "", ""],
        ["", "", "", "", "", "", ""],
        ["S01", "2030-01-01 00:00", "总汞", "0.1", "", "", ""],
        ["S01", "2024-05-06 09:30", "pH", "15", "", "", ""],
        ["S01", "2024-05-07 09:30", "氨氮", "0.5", "mg/L", "", ""],
        ["S01", "2024-05-07 09:30", "NH3-N", "0.6", "mg/L", "", ""],
      ],
      { points, now },
    );
    expect(r.rows).toBe(6);
    expect(r.readings.map((x) => x.row)).toEqual([7]);
    expect(r.errors.map((e) => [e.row, e.reasons])).toEqual([
      [2, ["站点“S09”不存在（按站点编码或名称匹配）", "采样时间“2024-13-01”不是有效日期时间", "数值“x”不是数字"]],
      [3, ["站点名称“同名断面”对应多个站点，请改用站点编码", "因子“叶绿素z”无法识别（填写 HJ 212 编码如 w21003 或中文名称如 氨氮）"]],
      [5, ["采样时间 2030-01-01 00:00:00 晚于当前时间", "缺少单位（总汞应为 mg/L 或可换算的单位）"]],
      [6, ["pH 15 不在 0–14 之间"]],
      [8, ["与第 7 行重复（同一站点、因子、采样时间）"]],
    ]);
    expect(r.errors[0].cells).toMatchObject({ 站点: "S09", 数值: "x" });
  });

  it("refuses a file without the required columns or rows", () => {
    expect(validateLabRows([["站点", "数值"]], { points, now }).fileError).toContain("缺少列：采样时间、因子");
    expect(validateLabRows([header], { points, now }).fileError).toBe("文件中没有数据行");
    expect(validateLabRows([], { points, now }).fileError).toBe("文件为空");
  });
});
