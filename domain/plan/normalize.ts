/**
 * @module Normalisation of plan text as extracted from PDF/Word: traditional → simplified (table in
 * `traditional.ts`), full-width digits/letters → ASCII, ASCII `,;:()!?` next to Chinese → full-width, spaces
 * between Chinese characters and numbers dropped ("2022 年 5 月 18 日" → "2022年5月18日"), and lines re-joined
 * into paragraphs when a PDF broke them mid-sentence ("中站生\n\n态环境分局") — except the lines of a task table
 * extracted one cell per line (`cellTable.ts`). Paragraphs are separated by one "\n".
 * Every span the parser reports is an offset into this text.
 */
import { findCellTables } from "./cellTable";
import { toSimplified } from "./traditional";

/** Chinese characters and CJK/full-width punctuation. */
const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026《》]/;
const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);

const HALF_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？" };

/** Line-level clean-up: width, traditional characters, spaces, punctuation width. */
function normalizeLine(line: string): string {
  let s = toSimplified(line)
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[\u3000\u00a0\t]/g, " ")
    // full-width digits, letters, ％ ． ＋ － ／ → ASCII
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff0b\uff0d\uff0f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim();
  // A run of spaces survives only between two non-Chinese characters ("zzhbfz@126.com and x").
  s = s.replace(/ +/g, (run, at: number) => (isCjk(s[at - 1]) || isCjk(s[at + run.length]) ? "" : " "));
  s = s.replace(/[,;:()!?]/g, (c, at: number) => {
    const before = s[at - 1];
    const after = s[at + 1];
    // "(一)" and "完成排查,制定" become full-width; "(1)", "zzhbfz@126.com" and "13:30" stay.
    if (c === "(") return isCjk(after) ? HALF_TO_FULL[c] : c;
    if (c === ")") return isCjk(before) ? HALF_TO_FULL[c] : c;
    return isCjk(before) || (isCjk(after) && !/\d/.test(before ?? "")) ? HALF_TO_FULL[c] : c;
  });
  return s;
}

/** Numbering or a label that always starts a new paragraph. */
export const PARAGRAPH_START =
  /^(?:第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+(?:\.\d+)+(?!\d)|\d+[.、](?!\d)|[（(]\d+[）)]|[①-⑳]|(?:牵头|主办|责任|配合|参与|协办|落实|实施)(?:单位|部门)[：:]|完成时限|附件)/;

const ENDS_PARAGRAPH = /[。！？；：”」』）)]$/;
const BODY_PUNCT = /[，。；]/;

/** Open （ without its ）. */
const unbalanced = (s: string) => (s.match(/[（(]/g)?.length ?? 0) > (s.match(/[）)]/g)?.length ?? 0);

/**
 * The width of a hard-wrapped text: the most common length among long lines, when at least a third of them share
 * it (a PDF page wraps every full line at the same width); 0 when lines are paragraph-long.
 */
function wrapWidth(lines: string[]): number {
  const long = lines.filter((l) => l.length >= 16);
  if (long.length < 6) return 0;
  const counts = new Map<number, number>();
  for (const l of long) counts.set(l.length, (counts.get(l.length) ?? 0) + 1);
  const [width, n] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return n * 3 >= long.length ? width : 0;
}

/**
 * Normalises raw plan text (see the module comment).
 * @example normalizePlanText("区财政局\n\n参与，各办事处负责落实）") // "区财政局参与，各办事处负责落实）" when the line before is body text
 */
export function normalizePlanText(raw: string): string {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n").map(normalizeLine).filter((l) => l !== "");
  const width = wrapWidth(lines);
  // A task table extracted one cell per line (`cellTable.ts`) keeps its lines: each is a cell, not a broken sentence.
  const inTable = new Set(findCellTables(lines).flatMap((t) => Array.from({ length: t.to - t.from + 1 }, (_, k) => t.from + k)));
  const paragraphs: string[] = [];
  for (const [i, line] of lines.entries()) {
    const prev = paragraphs.at(-1);
    const last = prev?.split("\n").at(-1);
    const join =
      prev !== undefined &&
      !inTable.has(i) &&
      !inTable.has(i - 1) &&
      last !== undefined &&
      !ENDS_PARAGRAPH.test(last) &&
      !PARAGRAPH_START.test(line) &&
      (BODY_PUNCT.test(prev.replace(PARAGRAPH_START, "")) || /[，、]$/.test(last) || unbalanced(prev) || (width > 0 && last.length >= width - 1));
    if (join) {
      const sep = isCjk(prev.at(-1)) || isCjk(line[0]) ? "" : " ";
      paragraphs[paragraphs.length - 1] = prev + sep + line;
    } else paragraphs.push(line);
  }
  return paragraphs.join("\n");
}
