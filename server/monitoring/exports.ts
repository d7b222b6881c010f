/**
 * @module .xlsx exports of the monitoring tables (issue 8 §7): monthly classes of a point, ecological flow (days and
 * months), drinking-water compliance, river grades and device status. Chinese headers, one sheet per table, numbers
 * as numbers (rates as percentages with one decimal), so the office can work on them in Excel. Built with exceljs.
 */
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { FACTORS, canonicalCode } from "../../domain/standards/factors";
import { classLabel, type WaterClass } from "../../domain/standards/gb3838";
import type { DrinkingWaterReport } from "./drinkingWater";
import type { EcoFlowStation } from "./ecoFlow";
import type { WaterBodyGrade } from "./rivers";
import { contentDisposition } from "../presenters/download";

/** One sheet: headers with widths, rows of cells. */
export interface Sheet {
  name: string;
  columns: { header: string; width: number; format?: "percent" | "number" | "text" }[];
  rows: (string | number | null)[][];
}

/** A workbook of sheets, as bytes. */
export async function workbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.columns.map((c) => c.header)).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      if (c.format === "percent") col.numFmt = "0.0%";
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends a workbook as an attachment with a Chinese file name. */
export function sendXlsx(reply: FastifyReply, file: Buffer, asciiName: string, name: string) {
  return reply
    .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header("content-disposition", contentDisposition(asciiName, name))
    .send(file);
}

const cls = (c: number | null | undefined) => (c ? classLabel(c as WaterClass) : "—");
const factor = (code: string) => {
  const c = canonicalCode(code);
  return c ? FACTORS[c].nameZh : code;
};
const yesNo = (v: boolean | null) => (v === null ? "—" : v ? "是" : "否");
const WARNING = { none: "正常", yellow: "黄色预警", red: "红色预警" } as const;

/** Ecological flow: months of every station, then each station's days. */
export function ecoFlowSheets(stations: readonly EcoFlowStation[], guaranteeTarget: number): Sheet[] {
  const months: Sheet = {
    name: "生态流量月度",
    columns: [
      { header: "流量站", width: 28 }, { header: "月份", width: 10 }, { header: "生态流量目标(m³/s)", width: 16 },
      { header: "评价天数", width: 10 }, { header: "达标天数", width: 10 }, { header: "保证率", width: 10, format: "percent" },
      { header: `达到保证率要求(${Math.round(guaranteeTarget * 100)}%)`, width: 18 }, { header: "黄色预警天数", width: 12 },
      { header: "红色预警天数", width: 12 }, { header: "月均流量(m³/s)", width: 14 }, { header: "最小日均流量(m³/s)", width: 16 },
    ],
    rows: stations.flatMap((s) => s.months.map((m) => [
      s.point.name, m.month, s.point.target, m.evaluatedDays, m.complyingDays, m.guaranteeRate, yesNo(m.meetsGuarantee),
      m.yellowDays, m.redDays, m.meanFlow === null ? null : Number(m.meanFlow.toFixed(3)), m.minFlow === null ? null : Number(m.minFlow.toFixed(3)),
    ])),
  };
  const days = stations.map((s): Sheet => ({
    name: `${s.point.code} 日均`,
    columns: [{ header: "日期", width: 12 }, { header: "日均流量(m³/s)", width: 14 }, { header: "目标(m³/s)", width: 12 }, { header: "达标", width: 8 }, { header: "预警", width: 12 }],
    rows: (s.result?.days ?? []).map((d) => [d.date, Number(d.mean.toFixed(3)), d.target, d.complies ? "是" : "否", WARNING[d.warning]]),
  }));
  return [months, ...days];
}

/** Drinking water: intakes by month, then the monthly rates. */
export function drinkingWaterSheets(r: DrinkingWaterReport): Sheet[] {
  return [
    {
      name: "水源地逐月评价",
      columns: [
        { header: "取水口", width: 30 }, { header: "水体", width: 16 }, { header: "月份", width: 10 }, { header: "达标", width: 8 },
        { header: "评价项目数", width: 10 }, { header: "超标项目（超标倍数）", width: 36 }, { header: "取水量(m³)", width: 14 },
      ],
      rows: r.intakes.flatMap((i) => i.months.map((m) => [
        i.point.name, i.point.waterBody ?? "", m.month, yesNo(m.compliant), m.evaluated,
        m.failures.map((f) => `${factor(f.item)}${f.multiple === null ? "" : `(${f.multiple.toFixed(2)})`}`).join("、"),
        m.volume === null ? null : Math.round(m.volume),
      ])),
    },
    {
      name: "达标率",
      columns: [
        { header: "月份", width: 10 }, { header: "评价水源数", width: 12 }, { header: "达标水源数", width: 12 },
        { header: "水源达标率", width: 12, format: "percent" }, { header: "取水量(m³)", width: 14 }, { header: "达标取水量(m³)", width: 14 },
        { header: "取水水质达标率", width: 14, format: "percent" },
      ],
      rows: [
        ...r.months.map((m) => [m.month, m.evaluated, m.compliant, m.sourceRate, Math.round(m.volume), Math.round(m.compliantVolume), m.intakeRate]),
        [`${r.from} 至 ${r.to}`, r.summary.evaluated, r.summary.compliant, r.summary.sourceRate, Math.round(r.summary.volume), Math.round(r.summary.compliantVolume), r.summary.intakeRate],
      ],
    },
  ];
}

/** River grades: one row per section, with its water body's grade. */
export function riverSheets(grades: readonly WaterBodyGrade[], period: string): Sheet[] {
  return [{
    name: `河流水质 ${period}`,
    columns: [
      { header: "水体", width: 16 }, { header: "水质状况", width: 10 }, { header: "评价方法", width: 12 }, { header: "主要污染指标", width: 24 },
      { header: "断面", width: 30 }, { header: "编码", width: 14 }, { header: "水质类别", width: 10 }, { header: "目标", width: 8 },
      { header: "达标", width: 8 }, { header: "断面主要污染指标", width: 28 },
    ],
    rows: grades.flatMap((g) => g.sections.map((s) => [
      g.waterBody, g.grade?.status ?? "—", g.grade ? (g.grade.method === "mean" ? "均值法" : "类别比例法") : "—",
      g.grade?.mainPollutants.map((p) => factor(p.code)).join("、") ?? "",
      s.name, s.code, cls(s.class), cls(s.targetClass), yesNo(s.attained),
      s.mainPollutants.map((p) => `${factor(p.code)}${p.multiple === null ? "" : `(${p.multiple.toFixed(2)})`}`).join("、"),
    ])),
  }];
}

/** Monthly classes of one point over a year. */
export function monthlyClassSheets(pointName: string, months: readonly { month: string; class: number | null; attained: boolean | null; mainPollutants: { code: string; multiple: number | null }[]; sampleCount: number }[]): Sheet[] {
  return [{
    name: "逐月水质类别",
    columns: [{ header: "站点", width: 30 }, { header: "月份", width: 10 }, { header: "样品数", width: 8 }, { header: "水质类别", width: 10 }, { header: "达到目标", width: 10 }, { header: "主要污染指标（超标倍数）", width: 36 }],
    rows: months.map((m) => [
      pointName, m.month, m.sampleCount, cls(m.class), yesNo(m.attained),
      m.mainPollutants.map((p) => `${factor(p.code)}${p.multiple === null ? "" : `(${p.multiple.toFixed(2)})`}`).join("、"),
    ]),
  }];
}
