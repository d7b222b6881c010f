/**
 * @module Deadlines and milestones written in plan text, resolved against the plan year: 「2022年5月底前」 →
 * 2022-05-31, 「2025年12月」 → 2025-12-31, 「5月30日前」 → 2022-05-30, 「到2022年底」 → 2022-12-31, 「6月份」 → 2022-06-30, 上/中/下旬 →
 * the 10th/20th/last day, 上半年 → 06-30, 第N季度 → quarter end, 「12月前」 → 12-31 of the plan year, 「今年年底前」 →
 * 12-31, 「印发后5个工作日内」 → the 5th working day (Monday–Friday, `workingDays.ts`) after the date of issue. The
 * date is the last day allowed. Dates followed by 起/以来/开始/印发 are start or reference dates, not
 * deadlines. Recurring ones (「每月10日前」「每季度末」, see `recurring.ts`) give one deadline per occurrence, each
 * marked with its `recurrence`; weekly ones (「每周五前」) within a period, see `recurring.ts`.
 */
import { findRecurring, findWeekly, type Recurrence } from "./recurring";
import { addWorkingDays } from "./workingDays";

/** One deadline found in a text, with offsets into that text. */
export interface FoundDeadline {
  date: string;
  text: string;
  start: number;
  end: number;
  /** Set on each occurrence of a recurring milestone (「每月10日前」). */
  recurrence?: Recurrence;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number written in Arabic or Chinese numerals up to 99, or a year digit by digit ("二〇二二").
 * @example chineseNumber("十二") // 12
 */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes("十")) return Number([...s].map((c) => CN_DIGITS[c] ?? NaN).join(""));
  const [tens, ones] = s.split("十");
  return (tens ? CN_DIGITS[tens] : 1) * 10 + (ones ? CN_DIGITS[ones] : 0);
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO date, or null when the day does not exist. */
function iso(y: number, m: number, d: number | "end"): string | null {
  if (!(m >= 1 && m <= 12)) return null;
  const day = d === "end" ? lastDay(y, m) : d;
  if (!(day >= 1 && day <= lastDay(y, m))) return null;
  return `${y}-${pad(m)}-${pad(day)}`;
}

const Y = "(\\d{4}|[〇零一二三四五六七八九]{4})";
const N = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const BEFORE = "(?:前|之前|以前)?";
const TO = "(?:到|至|截至|截止到|截止)?";
// Not preceded by a digit or 年 (a yearless pattern inside a dated one), nor followed by a start-date word.
const NO_YEAR = "(?<![\\d〇零一二三四五六七八九十年])";
const NOT_START = "(?!起|以来|开始|印发|召开|施行)";
const TENTH: Record<string, number | "end"> = { 上旬: 10, 中旬: 20, 下旬: "end", 底: "end", 末: "end", 份: "end" };
const QUARTER_END: Record<number, [number, number]> = { 1: [3, 31], 2: [6, 30], 3: [9, 30], 4: [12, 31] };

type Rule = [RegExp, (m: RegExpExecArray, year: number | null) => string | null];

/** 「本方案印发后5个工作日内」「自印发之日起10日内」: N (working) days after the date of issue. */
const AFTER_ISSUE = new RegExp(`(?:自|从)?(?:本方案|本通知|方案|通知|本文件)?(?:印发|下发|发布)(?:之日起|后|起)${N}(个工作日|日|天)内`, "g");

const RULES: Rule[] = [
  // 2022年5月18日(前)
  [new RegExp(`${TO}${Y}年${N}月${N}[日号]${BEFORE}${NOT_START}`, "g"), (m) => iso(chineseNumber(m[1]), chineseNumber(m[2]), chineseNumber(m[3]))],
  // 2022年5月底(前) / 2022年6月份 / 2022年6月下旬
  [new RegExp(`${TO}${Y}年${N}月(底|末|份|上旬|中旬|下旬)${BEFORE}`, "g"), (m) => iso(chineseNumber(m[1]), chineseNumber(m[2]), TENTH[m[3]])],
  // 2024年3月至6月: the range's last month
  [new RegExp(`${Y}年${N}月(?:至|到|—|–|-|~|～)${N}月(?:底|末)?${BEFORE}(?![\\d〇零一二三四五六七八九十日号])`, "g"), (m) => iso(chineseNumber(m[1]), chineseNumber(m[3]), "end")],
  // 2025年12月(前): the month's last day — not 2025年12月18日, 12月底 or 12月份 (read above), nor a range's start
  [new RegExp(`${TO}${Y}年${N}月${BEFORE}(?![\\d〇零一二三四五六七八九十日号底末份上中下至到—–~～起])(?!-\\d)`, "g"), (m) => iso(chineseNumber(m[1]), chineseNumber(m[2]), "end")],
  // 完成时限：2024年 / 2024年度: the year's end
  [new RegExp(`(?<=(?:完成时限|完成时间|时间要求)[：:])${Y}年度?(?![\\d〇零一二三四五六七八九十月底末])`, "g"), (m) => iso(chineseNumber(m[1]), 12, 31)],
  // 2025年第三季度(末)(前)
  [new RegExp(`${TO}${Y}年第?([一二三四1-4])季度(?:末|底)?${BEFORE}`, "g"), (m) => {
    const q = QUARTER_END[chineseNumber(m[2])];
    return q ? iso(chineseNumber(m[1]), q[0], q[1]) : null;
  }],
  // 到2022年底 / 2022年年底前
  [new RegExp(`${TO}${Y}年(?:年)?(?:底|末)${BEFORE}`, "g"), (m) => iso(chineseNumber(m[1]), 12, 31)],
  // 5月30日前
  [new RegExp(`${TO}${NO_YEAR}${N}月${N}[日号]${BEFORE}${NOT_START}`, "g"), (m, y) => (y === null ? null : iso(y, chineseNumber(m[1]), chineseNumber(m[2])))],
  // 6月份 / 12月底前
  [new RegExp(`${TO}${NO_YEAR}${N}月(底|末|份|上旬|中旬|下旬)${BEFORE}`, "g"), (m, y) => (y === null ? null : iso(y, chineseNumber(m[1]), TENTH[m[2]]))],
  // 12月前 (the month is allowed: its last day), not 12月10日 nor 3个月前
  [new RegExp(`${TO}${NO_YEAR}${N}月(?:前|之前|以前)`, "g"), (m, y) => (y === null ? null : iso(y, chineseNumber(m[1]), "end"))],
  // 今年年底前 / 本年底 / 当年年底前
  [new RegExp(`${TO}(?:今年|本年|当年)(?:年|度)?(?:底|末)${BEFORE}`, "g"), (_m, y) => (y === null ? null : iso(y, 12, 31))],
  // 年底前 / 年内完成
  [new RegExp(`${TO}${NO_YEAR}(?:年底|年末)${BEFORE}|年内(?=完成)`, "g"), (_m, y) => (y === null ? null : iso(y, 12, 31))],
  // 上半年 / 下半年
  [/(上半年|下半年)(?:底|末)?(?:前|之前)?/g, (m, y) => (y === null ? null : m[1] === "上半年" ? iso(y, 6, 30) : iso(y, 12, 31))],
  // 第二季度(末)(前)
  [/第?([一二三四1-4])季度(?:末|底)?(?:前|之前)?/g, (m, y) => {
    const q = QUARTER_END[chineseNumber(m[1])];
    return y === null || !q ? null : iso(y, q[0], q[1]);
  }],
];

/**
 * Finds the deadlines in `text`; yearless ones use `year` (and are skipped when it is null). Overlapping matches
 * keep the earliest, then longest. A recurring milestone gives its occurrences in the plan year on or after
 * `from` (the plan's date of issue), all with the same text and offsets.
 * @example findDeadlines("2022年5月底前，完成排查", 2022) // [{ date: "2022-05-31", text: "2022年5月底前", start: 0, end: 9 }]
 */
export function findDeadlines(text: string, year: number | null, from?: string | null): FoundDeadline[] {
  const found: (FoundDeadline & { dates?: string[] })[] = [];
  for (const [re, toDate] of RULES)
    for (const m of text.matchAll(re)) {
      const date = toDate(m as RegExpExecArray, year);
      if (date) found.push({ date, text: m[0], start: m.index!, end: m.index! + m[0].length });
    }
  // 「（本方案）印发后5个工作日内」「印发之日起10日内」: counted from the date of issue, that day not counted.
  if (from)
    for (const m of text.matchAll(AFTER_ISSUE)) {
      const n = chineseNumber(m[1]);
      const d = new Date(`${from}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      const date = m[2] === "个工作日" ? addWorkingDays(from, n) : d.toISOString().slice(0, 10);
      found.push({ date, text: m[0], start: m.index!, end: m.index! + m[0].length });
    }
  // A weekly duty without a period of its own runs until the task's last dated deadline.
  const until = found.map((f) => f.date).sort().at(-1);
  for (const r of [...findRecurring(text, year, from), ...findWeekly(text, year, from, until)]) found.push({ date: r.dates[0], dates: r.dates, recurrence: r.recurrence, text: r.text, start: r.start, end: r.end });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.flatMap(({ dates, ...f }) => (dates ? dates.map((date) => ({ ...f, date })) : [f]));
}
