/**
 * @module The head of a 党政机关公文 (GB/T 9704-2012 §7.2–7.3): 发文机关标志 (「…文件」), 发文字号
 * (「中环攻坚办〔2022〕13号」, brackets as typed are accepted, written back with 六角括号), 成文日期, and the
 * title of the plan itself (the last short line ending in 方案/计划/要点… before the body, else the 《》 of
 * 「关于印发《…》的通知」).
 */
import { chineseNumber } from "./deadlines";
import type { Paragraph } from "./structure";

/** What the head says. */
export interface PlanHeader {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
}

const DOC_NUMBER = /([\u4e00-\u9fa5]{2,12}?)\s*[〔【[（(]\s*(\d{4})\s*[〕】\]）)]\s*第?\s*0*(\d+)\s*号/;
const DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,2})月(\d{1,3}|[一二三四五六七八九十]{1,3})日$/;
const TITLE_END = /(?:方案|计划|要点|意见|办法|规划|细则|清单)$/;

/**
 * Splits off the closing signature (发文机关署名 and 成文日期 at the end, GB/T 9704-2012 §7.3.5): a last paragraph
 * that is only a date, and the short unpunctuated paragraph before it.
 */
export function splitSignature(paras: readonly Paragraph[]): { body: Paragraph[]; signature: Paragraph[] } {
  let n = 0;
  if (paras.length && DATE.test(paras.at(-1)!.text)) {
    n = 1;
    const before = paras.at(-2);
    if (before && before.text.length <= 30 && !/[，。；：、]/.test(before.text) && !/^[\d一二三四五六七八九十（(]/.test(before.text)) n = 2;
  }
  return { body: paras.slice(0, paras.length - n), signature: paras.slice(paras.length - n) };
}

/** Reads the head from the paragraphs before the first numbered heading and the closing signature. */
export function readHeader(preamble: readonly Paragraph[], signature: readonly Paragraph[]): PlanHeader {
  const texts = preamble.map((p) => p.text);
  const doc = texts.map((t) => DOC_NUMBER.exec(t)).find(Boolean);
  const issuer =
    texts.map((t) => /^(.+?)文件$/.exec(t)?.[1]).find(Boolean) ??
    texts.map((t) => /^(.+?)关于印发/.exec(t)?.[1]).find(Boolean) ??
    (signature.length === 2 ? signature[0].text : null);
  const title =
    texts.filter((t) => t.length <= 60 && !/[，。：]/.test(t) && TITLE_END.test(t) && !t.startsWith("关于")).at(-1) ??
    texts.map((t) => /关于印发《?(.+?)》?的通知/.exec(t)?.[1]).find(Boolean) ??
    texts.find((t) => !DOC_NUMBER.test(t) && !t.endsWith("文件")) ??
    null;
  const dateMatch = [...preamble, ...signature].map((p) => DATE.exec(p.text)).find(Boolean);
  let date: string | null = null;
  if (dateMatch) {
    const [y, m, d] = [dateMatch[1], dateMatch[2], dateMatch[3]].map(chineseNumber);
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d)
      date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }
  return { title, issuer, docNumber: doc ? `${doc[1]}〔${doc[2]}〕${doc[3]}号` : null, date };
}
