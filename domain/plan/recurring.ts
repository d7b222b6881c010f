/**
 * @module Recurring milestones written in plan text: 「每月10日前」 (monthly, the 10th), 「每月底」, 「每季度末」 /
 * 「每季度」 (quarter ends), 「每季度结束后10日内」 (the 10th day after each quarter end, the last one in January of
 * the next year; 「…10个工作日内」 counts Monday–Friday only, see `workingDays.ts`), 「每月结束后5个工作日内」,
 * 「每月前5个工作日内」 (monthly), 「每半年」 (06-30 and 12-31), 「每年6月底前」 (yearly, once in the plan year). Each is
 * expanded into its occurrences in the plan year, on or after the plan's date of issue when known, so a plan
 * issued on 20 January whose units report 「每月10日前」 gets 11 milestones, 10 February to 10 December. Without a
 * plan year nothing is expanded (the caller warns).
 *
 * Weekly duties (「每周报送」「每周五前」, `findWeekly`) are expanded only within a period: one written in the
 * same sentence (「6月至9月」「6月1日至9月30日」「汛期」 = 6月1日–9月30日, the flood season in Henan), else the
 * task's own, from the date of issue (or 1 January) to the task's last dated deadline. The rule: a weekly deadline
 * is the last day of each ISO week (Sunday) within the period, or the weekday named (「每周五前」 → each Friday).
 * Without any period nothing is expanded (52 milestones a year are a schedule, not deadlines; the caller warns),
 * and daily duties (「每日」「每天」) are never expanded.
 */

import { addWorkingDays, nthWorkingDayOfMonth } from "./workingDays";

/** How often a milestone recurs. */
export type Recurrence = "weekly" | "monthly" | "quarterly" | "half_yearly" | "yearly";

/** One recurring milestone found in a text, with offsets into that text. */
export interface FoundRecurring {
  recurrence: Recurrence;
  /** ISO dates of its occurrences in the plan year, ascending. */
  dates: string[];
  text: string;
  start: number;
  end: number;
}

const N = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const BEFORE = "(?:前|之前|以前)?";
const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : s.includes("十") ? (s.split("十")[0] ? CN[s.split("十")[0]] : 1) * 10 + (s.split("十")[1] ? CN[s.split("十")[1]] : 0) : CN[s]);
const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The day in month `m`, capped at its last day (「每月31日」 in February is the 28th/29th). */
const day = (y: number, m: number, d: number | "end") => `${y}-${pad(m)}-${pad(d === "end" ? lastDay(y, m) : Math.min(d, lastDay(y, m)))}`;
const TENTH: Record<string, number | "end"> = { 上旬: 10, 中旬: 20, 下旬: "end", 底: "end", 末: "end" };
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

type Rule = [RegExp, Recurrence, (m: RegExpExecArray, y: number) => string[] | null];

const RULES: Rule[] = [
  // 每月10日前 / 每月10号
  [new RegExp(`每(?:个)?月${N}[日号]${BEFORE}`, "g"), "monthly", (m, y) => {
    const d = num(m[1]);
    return d >= 1 && d <= 31 ? MONTHS.map((mo) => day(y, mo, d)) : null;
  }],
  // 每月底前 / 每月末 / 每月下旬
  [new RegExp(`每(?:个)?月(底|末|上旬|中旬|下旬)${BEFORE}`, "g"), "monthly", (m, y) => MONTHS.map((mo) => day(y, mo, TENTH[m[1]]))],
  // 每季度结束后10日内 / 每季度末后5个工作日内: the days (or working days, Monday–Friday) after each quarter end
  [new RegExp(`每(?:个)?季度(?:末|结束)?后${N}(个工作日|日|天)内`, "g"), "quarterly", (m, y) => {
    const n = num(m[1]);
    return [3, 6, 9, 12].map((mo) => (m[2] === "个工作日" ? addWorkingDays(day(y, mo, "end"), n) : new Date(Date.UTC(y, mo, n)).toISOString().slice(0, 10)));
  }],
  // 每月结束后5个工作日内 / 每月后10日内: after each month's end
  [new RegExp(`每(?:个)?月(?:末|底|结束)?后${N}(个工作日|日|天)内`, "g"), "monthly", (m, y) => {
    const n = num(m[1]);
    return MONTHS.map((mo) => (m[2] === "个工作日" ? addWorkingDays(day(y, mo, "end"), n) : new Date(Date.UTC(y, mo, n)).toISOString().slice(0, 10)));
  }],
  // 每月前5个工作日内: the 5th working day of each month
  [new RegExp(`每(?:个)?月(?:的)?前${N}个工作日(?:内)?`, "g"), "monthly", (m, y) => MONTHS.map((mo) => nthWorkingDayOfMonth(y, mo, num(m[1])))],
  // 每季度末 / 每季度 / 每个季度结束前
  [new RegExp(`每(?:个)?季度(?:末|底|结束)?${BEFORE}`, "g"), "quarterly", (_m, y) => [3, 6, 9, 12].map((mo) => day(y, mo, "end"))],
  // 每半年
  [new RegExp(`每半年(?:末|底)?${BEFORE}`, "g"), "half_yearly", (_m, y) => [day(y, 6, "end"), day(y, 12, "end")]],
  // 每年6月底前 / 每年5月30日前
  [new RegExp(`每年${N}月(?:${N}[日号]|(底|末|份|上旬|中旬|下旬))${BEFORE}`, "g"), "yearly", (m, y) => {
    const mo = num(m[1]);
    if (!(mo >= 1 && mo <= 12)) return null;
    if (m[2] === undefined) return [day(y, mo, m[3] === "份" ? "end" : TENTH[m[3]])];
    const d = num(m[2]);
    return d >= 1 && d <= lastDay(y, mo) ? [day(y, mo, d)] : null;
  }],
];

/**
 * The recurring milestones of `text` in plan year `year`, occurrences on or after `from` (ISO) when given.
 * @example findRecurring("每季度末报送进展", 2026)[0].dates // ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]
 */
export function findRecurring(text: string, year: number | null, from?: string | null): FoundRecurring[] {
  if (year === null) return [];
  const out: FoundRecurring[] = [];
  for (const [re, recurrence, toDates] of RULES)
    for (const m of text.matchAll(re)) {
      const dates = toDates(m as RegExpExecArray, year)?.filter((d) => !from || d >= from);
      if (dates?.length) out.push({ recurrence, dates, text: m[0], start: m.index!, end: m.index! + m[0].length });
    }
  return out.sort((a, b) => a.start - b.start);
}

const CN_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 末: 7 };
const WEEKLY = /每(?:个)?(?:周|星期)(?:([一二三四五六日天末])(?![次遍轮个至到]))?(?:前|之前|以前)?/g;
const YEAR = "(?:(\\d{4})年)?";
/** 「6月至9月」「2024年6月1日至9月30日」「6月15日—8月」: a period written in the sentence. */
const PERIOD = new RegExp(`${YEAR}${N}月(?:${N}[日号])?(?:至|到|—|–|-|~|～)${YEAR}${N}月(?:${N}[日号])?`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The period written in `sentence`, as ISO [first, last] days in plan year `y`, or null. */
function periodIn(sentence: string, y: number): [string, string] | null {
  if (/汛期/.test(sentence)) return [`${y}-06-01`, `${y}-09-30`];
  const m = PERIOD.exec(sentence);
  if (!m) return null;
  const [m1, m2] = [num(m[2]), num(m[5])];
  if (!(m1 >= 1 && m1 <= 12 && m2 >= 1 && m2 <= 12)) return null;
  const y1 = m[1] ? Number(m[1]) : y;
  const y2 = m[4] ? Number(m[4]) : y1;
  return [day(y1, m1, m[3] ? num(m[3]) : 1), day(y2, m2, m[6] ? num(m[6]) : "end")];
}

/**
 * The weekly milestones of `text` (see the module comment): each occurrence within the period and plan year `year`,
 * on or after `from`; `until` is the task's last dated deadline, the period's end when the sentence names none.
 * @example findWeekly("6月至9月每周五前报送巡查记录", 2024)[0].dates.slice(0, 2) // ["2024-06-07", "2024-06-14"]
 */
export function findWeekly(text: string, year: number | null, from?: string | null, until?: string | null): FoundRecurring[] {
  if (year === null) return [];
  const out: FoundRecurring[] = [];
  for (const m of text.matchAll(WEEKLY)) {
    const at = m.index!;
    const sentence = text.slice(text.slice(0, at).search(/[^。！？\n]*$/), at + text.slice(at).search(/[。！？\n]|$/));
    const period = periodIn(sentence, year) ?? (until ? [`${year}-01-01`, until] : null);
    if (!period) continue;
    const first = [period[0], from ?? "", `${year}-01-01`].sort().at(-1)!;
    const last = [period[1], `${year}-12-31`].sort()[0];
    const weekday = m[1] ? CN_WEEKDAY[m[1]] : 7;
    const dates: string[] = [];
    const d = new Date(`${first}T00:00:00Z`);
    // Forward to the first chosen weekday (ISO: Monday 1 … Sunday 7) on or after the period's start.
    d.setUTCDate(d.getUTCDate() + ((weekday - (d.getUTCDay() || 7) + 7) % 7));
    for (; iso(d) <= last; d.setUTCDate(d.getUTCDate() + 7)) dates.push(iso(d));
    if (dates.length) out.push({ recurrence: "weekly", dates, text: m[0], start: at, end: at + m[0].length });
  }
  return out;
}
