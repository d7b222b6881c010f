import { describe, expect, it } from "vitest";
import { parseSheet, readCell, writeCell, type RefLookup, type SheetColumn, type SheetSpec } from "./sheet";

const UNITS: RefLookup = {
  idOf: (n) => ({ 中站生态环境分局: "u1", 生态环境分局: "u1", 府城办事处: "u2" })[n] ?? null,
  nameOf: (id) => ({ u1: "中站生态环境分局", u2: "府城办事处" })[id],
};
const SPEC: SheetSpec = {
  sheetName: "测试",
  keyColumn: "code",
  columns: [
    { key: "code", header: "编号", kind: "text", required: true, maxLength: 5, example: "A1", note: "" },
    { key: "kind", header: "类型", kind: "enum", required: true, options: [{ value: "ban", label: "依法取缔" }, { value: "merge", label: "清理合并" }], example: "", note: "" },
    { key: "n", header: "数量", kind: "integer", min: 0, example: "", note: "" },
    { key: "x", header: "面积(km²)", kind: "number", example: "", note: "" },
    { key: "on", header: "日期", kind: "date", example: "", note: "" },
    { key: "ok", header: "在任", kind: "boolean", example: "", note: "" },
    { key: "unit", header: "单位", kind: "ref", ref: "unit", example: "", note: "" },
  ],
};

describe("readCell — each kind, with the reason a cell does not fit", () => {
  const col = (key: string): SheetColumn => SPEC.columns.find((c) => c.key === key)!;
  // [column, text, value or error]
  const cases: [string, string, unknown][] = [
    ["code", "  RK01 ", "RK01"],
    ["code", "RK0001", new Error("不能超过 5 个字")],
    ["code", "", new Error("必填")],
    ["kind", "清理合并", "merge"],
    ["kind", "merge", "merge"],
    ["kind", "取缔", new Error("应为：依法取缔、清理合并")],
    ["n", "12", 12],
    ["n", "1.5", new Error("应为整数：1.5")],
    ["n", "-1", new Error("不能小于 0")],
    ["n", "十二", new Error("不是数字：十二")],
    ["n", "", null],
    ["x", "0.35", 0.35],
    ["x", "1e3", 1000],
    ["on", "2022-05-31", "2022-05-31"],
    ["on", "2022/5/31", "2022-05-31"],
    ["on", "2022年5月31日", "2022-05-31"],
    ["on", "2022-02-30", new Error("没有这一天：2022-02-30")],
    ["on", "5月底", new Error("日期格式应为 YYYY-MM-DD")],
    ["ok", "是", true],
    ["ok", "否", false],
    ["ok", "也许", new Error("应填“是”或“否”")],
    ["unit", "生态环境分局", "u1"],
    ["unit", "某局", new Error("未找到“某局”")],
  ];
  it.each(cases)("%s %j → %j", (key, text, expected) => {
    if (expected instanceof Error) expect(() => readCell(col(key), text, { unit: UNITS })).toThrow(expected.message);
    else expect(readCell(col(key), text, { unit: UNITS })).toEqual(expected);
  });

  it("writes what it reads (labels, 是/否, names)", () => {
    const values: Record<string, unknown> = { code: "RK01", kind: "merge", n: 3, x: 0.35, on: "2022-05-31", ok: false, unit: "u2" };
    for (const c of SPEC.columns) expect(readCell(c, String(writeCell(c, values[c.key], { unit: UNITS })), { unit: UNITS })).toEqual(values[c.key]);
    expect(writeCell(col("kind"), null, {})).toBe("");
  });
});

describe("parseSheet — header anywhere, any order, every bad row reported", () => {
  it("reads rows below a title, columns out of order, skipping empty rows", () => {
    const r = parseSheet(SPEC, [
      ["入河排污口台账"],
      ["类型", "编号", "无关列", "单位"],
      ["依法取缔", "A1", "x", "府城办事处"],
      ["", "", "", ""],
      ["清理合并", "A2", "", ""],
    ], { unit: UNITS });
    expect(r.fileError).toBeNull();
    expect(r.rows).toBe(2);
    expect(r.good.map((g) => [g.row, g.values.code, g.values.kind, g.values.unit])).toEqual([[3, "A1", "ban", "u2"], [5, "A2", "merge", null]]);
  });

  it("reports all reasons of a row, duplicates by key, and file-level problems", () => {
    const r = parseSheet(SPEC, [
      ["编号", "类型", "数量"],
      ["A1", "依法取缔", "1"],
      ["TOOLONG", "取缔", "x"],
      ["A1", "清理合并", ""],
    ]);
    expect(r.errors).toEqual([
      { row: 3, reasons: ["编号：不能超过 5 个字", "类型：应为：依法取缔、清理合并", "数量：不是数字：x"], cells: { 编号: "TOOLONG", 类型: "取缔", 数量: "x" } },
      { row: 4, reasons: ["编号：与第 2 行重复"], cells: { 编号: "A1", 类型: "清理合并", 数量: "" } },
    ]);
    expect(parseSheet(SPEC, [["名称"]]).fileError).toBe("找不到表头（应有“编号”列，请使用下载的模板）");
    expect(parseSheet(SPEC, [["编号", "数量"]]).fileError).toBe("缺少必填列：类型");
    expect(parseSheet(SPEC, [["编号", "类型"], ["", ""]]).fileError).toBe("文件中没有数据行");
  });
});
