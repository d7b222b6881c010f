/**
 * @module What the monthly reports say, independent of file format: a title, headed sections of paragraphs and
 * tables. One layout renders to .docx (renderDocx.ts, for reading and printing) and .xlsx (renderXlsx.ts: one sheet
 * per table, numbers as numbers, for further work), so the two files always state the same figures.
 */
import { CLASS_STATUS } from "../../domain/assessment/riverGrade";
import { classLabel, type WaterClass } from "../../domain/standards/gb3838";
import { LADDER_STEPS, STEP_LABELS, type LadderStep } from "../../domain/supervision/ladderConfig";
import { DEFAULT_SCORING_WEIGHTS } from "../../domain/supervision/scoring";
import type { CampaignProgressReport } from "./campaignProgress";
import type { WaterQualityReport } from "./waterQuality";
import { periodLabel } from "./period";

/** A table cell: text, a number, or empty. */
export type Cell = string | number | null;

/** A table: its sheet name in the .xlsx, headers and rows. */
export interface LayoutTable {
  sheet: string;
  headers: string[];
  rows: Cell[][];
  /** Column widths in characters (xlsx) — also the docx column proportions. */
  widths: number[];
}

/** One block of a section. */
export type Block = { kind: "para"; text: string } | { kind: "table"; table: LayoutTable };

/** A headed section (一、…). */
export interface LayoutSection {
  heading: string;
  blocks: Block[];
}

/** A whole report. */
export interface ReportLayout {
  issuer: string;
  title: string;
  /** Under the title, e.g. "（2024年5月）". */
  subtitle: string;
  sections: LayoutSection[];
  /** Closing lines at the right: issuer, date. */
  closing: string[];
  /** Key figures as (label, value) rows: the 概况 sheet. */
  keyFigures: [string, Cell][];
}

/** Who issues and when. */
export interface LayoutMeta {
  issuer: string;
  /** Generation day in Chinese, e.g. "2024年6月1日". */
  generatedOn: string;
  /** The figures stand at this day (interim report of a month not yet over), else null. */
  interimAsOf: string | null;
}

const LEVELS: Record<string, string> = { national: "国控", provincial: "省控", city: "市控", county: "县控" };
const para = (text: string): Block => ({ kind: "para", text });
const table = (t: LayoutTable): Block => ({ kind: "table", table: t });
const cls = (c: WaterClass | null) => (c ? classLabel(c) : "无数据");
const pctText = (v: number | null) => (v === null ? "—" : `${v}%`);

/** Layout of the water-quality report. */
export function waterQualityLayout(r: WaterQualityReport, meta: LayoutMeta): ReportLayout {
  const t = r.totals;
  const label = periodLabel(r.period);
  const overview = t.assessed
    ? `${label}${meta.interimAsOf ? `（截至${meta.interimAsOf}）` : ""}，全区纳入评价的监测断面（点位）${t.sections}个，有监测数据的${t.assessed}个。` +
      `其中Ⅰ～Ⅲ类水质断面${t.classCounts[1] + t.classCounts[2] + t.classCounts[3]}个，占${pctText(t.goodShare)}；` +
      `Ⅳ类${t.classCounts[4]}个，Ⅴ类${t.classCounts[5]}个；劣Ⅴ类${t.classCounts[6]}个，占${pctText(t.inferiorShare)}。` +
      (t.withTarget ? `有水质目标的${t.withTarget}个断面中，达到目标的${t.attained}个，达标率${pctText(t.attainmentRate)}。` : "")
    : `${label}，全区纳入评价的监测断面（点位）${t.sections}个，本月均无有效监测数据。`;
  const pollutants = t.pollutants.length
    ? `本月主要污染指标为${t.pollutants.map((p) => `${p.name}（${p.sections}个断面）`).join("、")}。`
    : "本月各断面均无主要污染指标（水质均为Ⅰ～Ⅲ类或无数据）。";
  const sectionsTable: LayoutTable = {
    sheet: "断面水质",
    headers: ["序号", "断面（点位）", "编码", "水体", "级别", "目标类别", "本月类别", "水质状况", "是否达标", "主要污染指标（超标倍数）", "评价数据", "样本数"],
    widths: [6, 22, 12, 14, 8, 10, 10, 10, 10, 30, 10, 8],
    rows: r.sections.map((s, i) => [
      i + 1, s.name, s.code, s.waterBody, s.level ? LEVELS[s.level] ?? s.level : null, s.targetClass ? classLabel(s.targetClass) : null,
      cls(s.class), s.class ? CLASS_STATUS[s.class] : null,
      s.attained === null ? "—" : s.attained ? "达标" : "未达标",
      s.mainPollutants.map((p) => (p.multiple !== null && p.multiple > 0 ? `${p.name}（${round2(p.multiple)}）` : p.name)).join("、") || null,
      s.period ? PERIOD_LABELS[s.period] ?? s.period : null, s.samples,
    ]),
  };
  const pollutantTable: LayoutTable = {
    sheet: "主要污染指标",
    headers: ["指标", "代码", "作为主要污染指标的断面数"],
    widths: [16, 10, 24],
    rows: t.pollutants.map((p) => [p.name, p.code, p.sections]),
  };
  return {
    issuer: meta.issuer,
    title: `${label}地表水环境质量月报`,
    subtitle: meta.interimAsOf ? `（截至${meta.interimAsOf}，月份未结束）` : `（${label}）`,
    sections: [
      { heading: "一、总体情况", blocks: [para(overview)] },
      { heading: "二、各断面水质", blocks: [table(sectionsTable)] },
      { heading: "三、主要污染指标", blocks: [para(pollutants), ...(t.pollutants.length ? [table(pollutantTable)] : [])] },
      {
        heading: "四、评价依据",
        blocks: [para("按《地表水环境质量标准》（GB 3838-2002）表1和《地表水环境质量评价办法（试行）》（环办〔2011〕22号）评价：以月均值确定水质类别，水温、总氮、粪大肠菌群不参与类别评价；主要污染指标为超过Ⅲ类标准的项目，按类别和超标倍数取前三项。质控判为失败的数据不参与评价。")],
      },
    ],
    closing: [meta.issuer, meta.generatedOn],
    keyFigures: [
      ["月份", r.period], ["断面（点位）数", t.sections], ["有数据断面数", t.assessed], ["Ⅰ类", t.classCounts[1]], ["Ⅱ类", t.classCounts[2]],
      ["Ⅲ类", t.classCounts[3]], ["Ⅳ类", t.classCounts[4]], ["Ⅴ类", t.classCounts[5]], ["劣Ⅴ类", t.classCounts[6]],
      ["Ⅰ～Ⅲ类比例（%）", t.goodShare], ["劣Ⅴ类比例（%）", t.inferiorShare], ["有目标断面数", t.withTarget], ["达标断面数", t.attained],
      ["达标率（%）", t.attainmentRate],
    ],
  };
}

const PERIOD_LABELS: Record<string, string> = { sample: "手工监测", day: "日均值", hour: "小时值" };
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The scoring rule in words, from the weights the ranking uses. */
function scoringText(w = DEFAULT_SCORING_WEIGHTS): string {
  const steps = LADDER_STEPS.filter((s) => w.steps[s] > 0).map((s) => `${STEP_LABELS[s].zh}${w.steps[s]}分`).join("、");
  return `得分 = 100 × 按时率 − 逾期扣分（每逾期1天扣${w.perOverdueDay}分，最多${w.overdueCap}分）− 督办扣分（${steps}），在0～100之间。`;
}

const LATE_KIND: Record<string, string> = { missing: "未报送", late: "迟报" };

/** Layout of the campaign-progress report. */
export function campaignLayout(r: CampaignProgressReport, meta: LayoutMeta): ReportLayout {
  const label = periodLabel(r.period);
  const d = r.deadlines;
  const stepsText = Object.entries(r.ladder.counts).filter(([, n]) => n > 0);
  const intro = r.plan
    ? `${label}${meta.interimAsOf ? `（截至${meta.interimAsOf}）` : ""}，《${r.plan.title}》${r.plan.docNumber ? `（${r.plan.docNumber}）` : ""}共${r.tasks.total}项任务，` +
      `已完成${r.tasks.done}项，推进中${r.tasks.open}项${r.tasks.cancelled ? `，取消${r.tasks.cancelled}项` : ""}。` +
      `推进中任务的各责任单位完成时限共${d.total}个，其中按时完成${d.onTime}个，逾期完成${d.late}个，逾期未完成${d.overdue}个，未到期${d.pending}个；本月到期${d.dueInMonth}个。`
    : `${label}尚未导入实施方案，无任务进展可报告。`;
  const overdueTable: LayoutTable = {
    sheet: "逾期任务",
    headers: ["序号", "任务", "责任单位", "完成时限", "逾期天数"],
    widths: [6, 40, 24, 14, 10],
    rows: r.overdue.map((o) => [o.taskNumber, o.taskTitle, o.unitName, o.dueOn, o.days]),
  };
  const latenessTable: LayoutTable = {
    sheet: "调度报送",
    headers: ["单位", "任务序号", "调度", "应报日期", "情况", "天数"],
    widths: [24, 10, 30, 14, 10, 8],
    rows: r.lateness.records.map((l) => [l.unitName, l.taskNumber, l.roundTitle, l.dueOn, LATE_KIND[l.kind], l.days]),
  };
  const ladderTable: LayoutTable = {
    sheet: "督办情况",
    headers: ["日期", "措施", "单位", "任务序号", "文号"],
    widths: [14, 12, 24, 10, 24],
    rows: r.ladder.steps.map((s) => [s.day, s.stepLabel, s.unitName, s.taskNumber, s.docNumber]),
  };
  const rankingTable: LayoutTable = {
    sheet: "单位排名",
    headers: ["名次", "单位", "得分", "按时率（%）", "累计逾期天数", "督办扣分"],
    widths: [8, 28, 10, 12, 14, 10],
    rows: r.ranking.map((u) => [u.rank, u.unitName, u.score, u.onTimeRate, u.totalOverdueDays, u.stepPenalty]),
  };
  const ladderText = r.ladder.steps.length
    ? `本月共采取督办措施${r.ladder.steps.length}次：${stepsText.map(([step, n]) => `${STEP_LABELS[step as LadderStep].zh}${n}次`).join("，")}。`
    : "本月未采取督办措施。";
  return {
    issuer: meta.issuer,
    title: `${label}水污染防治攻坚任务进展情况`,
    subtitle: meta.interimAsOf ? `（截至${meta.interimAsOf}，月份未结束）` : `（${label}）`,
    sections: [
      { heading: "一、总体进展", blocks: [para(intro)] },
      { heading: "二、逾期未完成任务", blocks: r.overdue.length ? [table(overdueTable)] : [para("截至月末，无逾期未完成的任务。")] },
      {
        heading: "三、调度报送情况",
        blocks: [para(`本月应报调度中，未报送${r.lateness.missing}次，迟报${r.lateness.late}次。`), ...(r.lateness.records.length ? [table(latenessTable)] : [])],
      },
      { heading: "四、督办情况", blocks: [para(ladderText), ...(r.ladder.steps.length ? [table(ladderTable)] : [])] },
      {
        heading: "五、单位排名",
        blocks: r.ranking.length
          ? [para(scoringText()), table(rankingTable)]
          : [para("本月无可排名的单位。")],
      },
    ],
    closing: [meta.issuer, meta.generatedOn],
    keyFigures: [
      ["月份", r.period], ["截至日期", r.asOf], ["实施方案", r.plan?.title ?? null], ["任务总数", r.tasks.total], ["已完成", r.tasks.done],
      ["推进中", r.tasks.open], ["已取消", r.tasks.cancelled], ["完成时限总数", d.total], ["按时完成", d.onTime], ["逾期完成", d.late],
      ["逾期未完成", d.overdue], ["未到期", d.pending], ["本月到期", d.dueInMonth], ["未报送次数", r.lateness.missing], ["迟报次数", r.lateness.late],
      ["督办措施次数", r.ladder.steps.length],
    ],
  };
}
