/**
 * @module Document numbers (发文字号) of the campaign office, as on the seed plan "中环攻坚办〔2022〕13号":
 * 机关代字 + year in 六角括号〔〕 + sequence + 号, numbered from 1 per series per year without leading zeros
 * (GB/T 9704-2012 发文字号 rule as recalled; clause not re-checked here). Parsing also accepts the brackets people
 * type instead (【】 [] （） ()), 第 and leading zeros; formatting always writes the canonical form.
 */
import { yearOf, type DateInput } from "./days";

/** A parsed document number. */
export interface DocNumber {
  /** 机关代字, e.g. "中环攻坚办". */
  prefix: string;
  /** Year, e.g. 2022. */
  year: number;
  /** Sequence within prefix and year, from 1. */
  number: number;
}

/** Document series of the office (a setting): key → 机关代字. */
export type DocSeries = Record<string, string>;

/**
 * Project defaults: office documents, 督办通知, and letters (致函). Only "中环攻坚办" appears in the seed; the
 * others follow the usual 督/函 pattern and are settings.
 */
export const DEFAULT_DOC_SERIES: DocSeries = {
  office: "中环攻坚办",
  supervision: "中环攻坚督",
  letter: "中环攻坚办函",
};

const PATTERN = /^\s*(.+?)\s*[〔【[（(]\s*(\d{4})\s*[〕】\]）)]\s*第?\s*(\d+)\s*号\s*$/;

/**
 * The canonical text of a document number.
 * @example formatDocNumber({ prefix: "中环攻坚办", year: 2022, number: 13 }) // "中环攻坚办〔2022〕13号"
 */
export function formatDocNumber(d: DocNumber): string {
  if (!d.prefix.trim()) throw new RangeError("document number needs a prefix");
  if (!Number.isInteger(d.year) || d.year < 1000 || d.year > 9999) throw new RangeError(`bad year ${d.year}`);
  if (!Number.isInteger(d.number) || d.number < 1) throw new RangeError(`bad sequence number ${d.number}`);
  return `${d.prefix.trim()}〔${d.year}〕${d.number}号`;
}

/**
 * Parses a document number; null when the text is not one.
 * @example parseDocNumber("中环攻坚督[2022]05号") // { prefix: "中环攻坚督", year: 2022, number: 5 }
 */
export function parseDocNumber(text: string): DocNumber | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const number = Number(m[3]);
  if (number < 1) return null;
  return { prefix: m[1], year: Number(m[2]), number };
}

/**
 * The next sequence number of a series in a year: one more than the highest issued (gaps are not refilled:
 * a withdrawn number stays used). Texts that do not parse or belong elsewhere are ignored.
 * @example nextSequence(["中环攻坚督〔2022〕4号", "中环攻坚督〔2021〕9号"], "中环攻坚督", 2022) // 5
 */
export function nextSequence(issued: readonly string[], prefix: string, year: number): number {
  let max = 0;
  for (const text of issued) {
    const d = parseDocNumber(text);
    if (d && d.prefix === prefix && d.year === year && d.number > max) max = d.number;
  }
  return max + 1;
}

/**
 * The next document number of a series, the year taken from `at` in Shanghai time (a notice signed at 00:30 on
 * 1 January belongs to the new year).
 * @example nextDocNumber([], "中环攻坚督", "2022-06-01") // "中环攻坚督〔2022〕1号"
 */
export function nextDocNumber(issued: readonly string[], prefix: string, at: DateInput): string {
  const year = yearOf(at);
  return formatDocNumber({ prefix, year, number: nextSequence(issued, prefix, year) });
}
