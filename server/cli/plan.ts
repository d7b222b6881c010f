/**
 * @module `qingliu plan parse FILE [--json] [--year N]`: parses a campaign plan (.txt, or .docx through mammoth's
 * raw-text extraction; "-" reads stdin) with the demo district's unit directory and prints the tasks, roles and
 * deadlines — as a Chinese table, or as the JSON contract below. Nothing is written anywhere.
 */
import { PlanFileError, planTextOf } from "../plans/planText";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parsePlan } from "../../domain/plan/parsePlan";
import { ROLES, type ParsedPlan, type Role, type RoleMap, type Target } from "../../domain/plan/types";
import { ZHONGZHAN_AREA_NAMES, ZHONGZHAN_UNITS } from "../../domain/plan/zhongzhanUnits";
import type { CliCommand, CliIO } from "./command";

/** The `--json` output: the CLI's contract. */
export interface PlanParseOutput {
  title: string | null;
  docNumber: string | null;
  year: number | null;
  goals: { text: string; targets: Target[] }[];
  tasks: { number: string; section: string; title: string; text: string; units: RoleMap; deadlines: { date: string; text: string }[] }[];
  unknownUnits: { name: string; taskNumbers: string[]; suggestion?: { unit: string; reason: string } }[];
}

/** The parse result cut down to the `--json` contract (no spans, no clauses). */
export function toPlanParseOutput(plan: ParsedPlan): PlanParseOutput {
  return {
    title: plan.title,
    docNumber: plan.docNumber,
    year: plan.year,
    goals: plan.goals.map((g) => ({
      text: g.text,
      targets: g.targets.map(({ indicator, value, unit, comparison, baselineYear }) =>
        baselineYear === undefined ? { indicator, value, unit, comparison } : { indicator, value, unit, comparison, baselineYear }),
    })),
    tasks: plan.tasks.map((t) => ({
      number: t.number,
      section: t.section,
      title: t.title,
      text: t.text,
      units: t.units,
      deadlines: t.deadlines.map((d) => ({ date: d.date, text: d.text })),
    })),
    unknownUnits: plan.unknownUnits,
  };
}

const ROLE_HEAD: Record<Role, string> = { lead: "牵头", co_lead: "按职责分工负责", participant: "参与", implementer: "落实", responsible: "负责" };
const COMPARISON: Record<Target["comparison"], string> = { reach: "达到", at_least: "不低于", at_most: "不高于", decrease: "下降", increase: "提高" };

// Display width: CJK and full-width characters take two columns.
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef\u201c\u201d]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));
const clip = (s: string, w: number) => {
  let out = "";
  for (const ch of s) {
    if (width(out + ch) > w - 1) return out + "…";
    out += ch;
  }
  return out;
};

/** The readable Chinese table printed without --json. */
export function formatPlan(plan: ParsedPlan): string {
  const out: string[] = [
    `标题：${plan.title ?? "（未识别）"}`,
    `文号：${plan.docNumber ?? "（未识别）"}    年度：${plan.year ?? "（未识别）"}    成文日期：${plan.date ?? "（未识别）"}`,
  ];
  if (plan.goals.length) {
    out.push("", "目标：");
    for (const g of plan.goals) {
      const t = g.targets.map((x) => `${x.indicator}${x.baselineYear ? `较${x.baselineYear}年` : ""}${COMPARISON[x.comparison]}${x.value}${x.unit}`);
      out.push(`  ${g.taskNumber ? `[任务${g.taskNumber}] ` : ""}${g.text}${t.length ? `  → ${t.join("；")}` : ""}`);
    }
  }
  const roles = ROLES.filter((r) => plan.tasks.some((t) => t.units[r].length || t.collectives[r].length));
  const head = ["序号", "任务", ...roles.map((r) => ROLE_HEAD[r]), "时限"];
  const rows = plan.tasks.map((t) => [
    t.number,
    clip(t.title, 30),
    ...roles.map((r) => [...t.units[r], ...t.collectives[r]].join("、") || "—"),
    [...new Set(t.deadlines.map((d) => d.date))].join("，") || "—",
  ]);
  const widths = head.map((h, j) => Math.max(width(h), ...rows.map((r) => width(r[j]))));
  const line = (cells: string[]) => cells.map((c, j) => (j === cells.length - 1 ? c : pad(c, widths[j]))).join("  ").trimEnd();
  out.push("", `任务（${plan.tasks.length}项）：`, line(head));
  let section: string | null = null;
  for (const [i, t] of plan.tasks.entries()) {
    if (t.section !== section) out.push(`【${(section = t.section) || "未分部分"}】`);
    out.push(line(rows[i]));
  }
  if (plan.unknownUnits.length)
    out.push("", "未知单位（请确认后加入单位目录或别名）：", ...plan.unknownUnits.map((u) => `  ${u.name}（任务 ${u.taskNumbers.join("、")}）${u.suggestion ? `，最接近：${u.suggestion.unit}` : ""}`));
  if (plan.warnings.length) out.push("", "提示：", ...plan.warnings.map((w) => `  ${w.message}`));
  return out.join("\n") + "\n";
}

class InputError extends Error {}

/** Reads the plan text: "-" from stdin, a file through plans/planText.ts (.docx, or text in UTF-8/UTF-16/GB18030). */
async function readPlanText(file: string, io: CliIO): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString("utf8");
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    throw new InputError(`无法读取 / cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return await planTextOf(data, file);
  } catch (err) {
    if (err instanceof PlanFileError) throw new InputError(`${file}: ${err.message}`);
    throw err;
  }
}

/** `qingliu plan parse` */
export const planParse: CliCommand = {
  words: ["plan", "parse"],
  summary: "解析实施方案（任务、责任单位、时限）/ parse a campaign plan",
  help: `用法 / usage: qingliu plan parse FILE [--json] [--year 2022]

按演示区（焦作市中站区）单位目录解析实施方案：标题、文号、目标及量化指标、编号任务、各角色责任单位
（牵头、按职责分工负责、参与、落实、负责）和时限；未知单位单独列出，不会自动创建。
Parses a plan with the demo district's unit directory; unknown unit names are listed, never created.

FILE  .txt（UTF-8）或 .docx；"-" 表示标准输入 / .txt (UTF-8) or .docx; "-" reads stdin
--year N  未注明年份的时限按此年度解析（默认取标题、文号或成文日期中的年份）
          plan year for dates without one (default: from the title, number or date)
--json  输出 / prints:
  { "title", "docNumber", "year", "goals": [{ "text", "targets": [{ "indicator", "value", "unit", "comparison" }] }],
    "tasks": [{ "number", "section", "title", "text",
                "units": { "lead", "co_lead", "participant", "implementer", "responsible" },
                "deadlines": [{ "date": "2022-05-31", "text": "2022年5月底前" }] }],
    "unknownUnits": [{ "name", "taskNumbers" }] }
  comparison: reach | at_least | at_most | decrease | increase (relative targets add "baselineYear")

退出码 / exit: 0 成功 / ok · 2 输入无效 / invalid input`,
  async run(argv, io) {
    let values: { json?: boolean; year?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" }, year: { type: "string" } }, allowPositionals: true }));
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n\n${this.help}\n`);
      return 2;
    }
    if (positionals.length !== 1) {
      io.stderr.write(`须给出一个输入文件 / expected exactly one FILE\n\n${this.help}\n`);
      return 2;
    }
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
      io.stderr.write(`--year 须为 2000–2100 的年份 / --year must be a year 2000–2100\n`);
      return 2;
    }
    try {
      const text = await readPlanText(positionals[0], io);
      if (!text.trim()) throw new InputError("文件为空 / the file is empty");
      const plan = parsePlan(text, { units: ZHONGZHAN_UNITS, areaNames: ZHONGZHAN_AREA_NAMES, year });
      io.stdout.write(values.json ? JSON.stringify(toPlanParseOutput(plan)) + "\n" : formatPlan(plan));
      return 0;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`输入无效 / invalid input: ${err.message}\n`);
      return 2;
    }
  },
};
