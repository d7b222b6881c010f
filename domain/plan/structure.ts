/**
 * @module The outline of a plan: paragraphs of the normalised text and their numbering (党政机关公文 levels
 * 「一、」「（一）」「1.」「（1）」 per GB/T 9704-2012 §7.3.3, or dotted 「2.1.1」), ranked by first appearance, built
 * into a tree. Arabic-numbered entries that carry content are tasks; the rest are headings.
 */

/** One paragraph of the normalised text. */
export interface Paragraph {
  text: string;
  start: number;
  end: number;
  /** Set on an item of an enumeration cut out of its line (「一是…；二是…」): see `paragraphs`. */
  inline?: true;
}

import { chineseNumber } from "./deadlines";

/** The numbering at the start of a paragraph. */
export interface Marker {
  /**
   * "cn1" 一、 · "cn2" （一） · "dot1" 1. · "dot2" 2.1 … · "arp" （1） · "circ" ① · "chap" 第一章 · "sec" 第一节 ·
   * "art" 第一条 (number in Arabic) · "annex" 附件 (always top level) · inline only: "cnis" 一是 and "rp" 1） (numbers
   * in Arabic).
   */
  scheme: string;
  number: string;
  /** Characters the marker takes, separators included. */
  length: number;
}

/** A numbered entry of the outline. */
export interface OutlineNode {
  marker: Marker;
  level: number;
  /** Own paragraph. */
  head: Paragraph;
  /** Unnumbered paragraphs that follow it. */
  body: Paragraph[];
  children: OutlineNode[];
  /** End of the last paragraph of the subtree. */
  end: number;
}

/**
 * Splits normalised text into paragraphs with offsets. Sub-items written on one line become paragraphs of their
 * own, as if each began a line, marked `inline`, when they run from 1 in order: circled 「…：①完成溯源；②完成整治。」,
 * 「一是……；二是……」, 「1）……2）……」 and 「（1）……（2）……」 (see `inlineCuts`); a lone 「①」 or 「（1）」 (a reference)
 * stays where it is.
 * @example paragraphs("甲\n乙") // [{ text: "甲", start: 0, end: 1 }, { text: "乙", start: 2, end: 3 }]
 */
export function paragraphs(norm: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (const text of norm.split("\n")) {
    if (text) {
      const cuts = inlineCuts(text);
      const bounds = [0, ...cuts.filter((c) => c > 0), text.length];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const inline = cuts.includes(bounds[i]);
        out.push({ text: text.slice(bounds[i], bounds[i + 1]), start: start + bounds[i], end: start + bounds[i + 1], ...(inline ? { inline } : {}) });
      }
    }
    start += text.length + 1;
  }
  return out;
}

const CN_ORDINAL = "一二三四五六七八九十";
/** Where an inline item may start: the line's start or after punctuation (not 「统一是」, not 「2021）」). */
const ITEM_BEFORE = /[：:；;。，,、！？\s]/;

/** The item families of `inlineCuts`: the k-th item's possible spellings, and whether it needs ITEM_BEFORE. */
const FAMILIES: [(k: number) => string[], boolean][] = [
  [(k) => [String.fromCharCode(0x2460 + k - 1)], false],
  [(k) => (k <= 10 ? [`${CN_ORDINAL[k - 1]}是`] : []), true],
  [(k) => [`（${k}）`, `(${k})`], false],
  [(k) => [`${k}）`, `${k})`], true],
];

/**
 * Offsets of the items of one inline enumeration in `text` (①②…, 一是/二是…, （1）（2）…, 1）2）…): the family whose
 * first item comes first, from item 1 in order; none unless items 1 and 2 are both there.
 */
function inlineCuts(text: string): number[] {
  let best: number[] = [];
  for (const [spell, needsBefore] of FAMILIES) {
    const cuts: number[] = [];
    for (let k = 1, at = 0; k <= 20; k++) {
      let next = -1;
      for (const s of spell(k))
        for (let i = text.indexOf(s, at); i >= 0; i = text.indexOf(s, i + 1)) {
          const before = text[i - 1];
          // 「1）」 after a digit or an opening parenthesis is another item kind (「11）」「（1）」).
          if (needsBefore && i > 0 && !ITEM_BEFORE.test(before)) continue;
          if (/^\d/.test(s) && i > 0 && /[\d（(]/.test(before)) continue;
          if (next < 0 || i < next) next = i;
          break;
        }
      if (next < 0) break;
      cuts.push(next);
      at = next + 1;
    }
    if (cuts.length >= 2 && (!best.length || cuts[0] < best[0])) best = cuts;
  }
  return best;
}

const CN = "[一二三四五六七八九十]+";

/**
 * The numbering that starts a paragraph, or null.
 * `inline`: the paragraph is an item cut out of its line, where 「一是」「1）」 count too.
 * @example marker("（一）深入打好…") // { scheme: "cn2", number: "一", length: 3 }
 */
export function marker(text: string, inline = false): Marker | null {
  let m: RegExpExecArray | null;
  // 「一是」「1）」 number items only inside a line (at a line's start they are too often prose or page furniture).
  if (inline && (m = /^([一二三四五六七八九十])是/.exec(text))) return { scheme: "cnis", number: String(chineseNumber(m[1])), length: m[0].length };
  if (inline && (m = /^(\d+)[）)]\s*/.exec(text))) return { scheme: "rp", number: m[1], length: m[0].length };
  // 「附件」「附件2：重点任务分解表」: an attachment starts a top-level part of its own.
  if (text.length <= 40 && (m = /^附件\s*(\d*)\s*[：:、．.]?\s*/.exec(text)) && !/[，。；]/.test(text)) return { scheme: "annex", number: m[1], length: m[0].length };
  // 「第一章」「第一节」 headings and 「第一条」 articles (rules and some work plans), numbered in Arabic for the ledger.
  if ((m = /^第([一二三四五六七八九十百]+)(章|节|部分)\s*/.exec(text))) return { scheme: m[2] === "节" ? "sec" : "chap", number: m[1], length: m[0].length };
  if ((m = /^第([一二三四五六七八九十百]+)条\s*/.exec(text))) return { scheme: "art", number: String(chineseNumber(m[1])), length: m[0].length };
  if ((m = new RegExp(`^(${CN})、`).exec(text))) return { scheme: "cn1", number: m[1], length: m[0].length };
  if ((m = new RegExp(`^[（(](${CN})[）)]`).exec(text))) return { scheme: "cn2", number: m[1], length: m[0].length };
  if ((m = /^(\d+(?:\.\d+)+)(?!\d)[.、]?\s*/.exec(text))) return { scheme: `dot${m[1].split(".").length}`, number: m[1], length: m[0].length };
  if ((m = /^(\d+)[.、．](?!\d)\s*/.exec(text))) return { scheme: "dot1", number: m[1], length: m[0].length };
  if ((m = /^[（(](\d+)[）)]\s*/.exec(text))) return { scheme: "arp", number: m[1], length: m[0].length };
  if ((m = /^([①-⑳])\s*/.exec(text))) return { scheme: "circ", number: String(m[1].charCodeAt(0) - 0x245f), length: m[0].length };
  return null;
}

/** Arabic numbering (1. / 2.1 / （1） / ①): the levels tasks are written at. */
export const isArabic = (m: Marker) => !["cn1", "cn2", "chap", "sec", "annex"].includes(m.scheme);

/** The outline: paragraphs before the first numbered one (the document head), and the tree. */
export interface Outline {
  preamble: Paragraph[];
  roots: OutlineNode[];
}

/**
 * Builds the outline. A scheme's level is the order in which it first appears, so 「一、」→「（一）」→「1.」 and
 * 「1.」→「1.1」→「1.1.1」 both nest as written.
 */
export function outline(paras: readonly Paragraph[]): Outline {
  const rank = new Map<string, number>();
  const preamble: Paragraph[] = [];
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const p of paras) {
    let m = marker(p.text, p.inline);
    // 「附件：…方案」 before any numbered heading is the notice's list of attachments, not an attachment.
    if (m?.scheme === "annex" && roots.length === 0) m = null;
    if (!m) {
      const top = stack.at(-1);
      if (top) top.body.push(p);
      else preamble.push(p);
      for (const n of stack) n.end = p.end;
      continue;
    }
    // The items of a line nest under what precedes them there, between that level and the next, and end with
    // the line: they take no rank, so a scheme met first inside a line does not shift the document's levels.
    while (stack.at(-1)?.head.inline) stack.pop();
    // An attachment is top level whatever came before it; its own numbering nests under it as ranked.
    if (!p.inline && m.scheme !== "annex" && !rank.has(m.scheme)) rank.set(m.scheme, rank.size + 1);
    const level = p.inline ? (stack.at(-1)?.level ?? 0) + 0.5 : m.scheme === "annex" ? 0 : rank.get(m.scheme)!;
    while (stack.length && stack.at(-1)!.level >= level) stack.pop();
    const node: OutlineNode = { marker: m, level, head: p, body: [], children: [], end: p.end };
    (stack.at(-1)?.children ?? roots).push(node);
    stack.push(node);
    for (const n of stack) n.end = p.end;
  }
  return { preamble, roots };
}

/**
 * A heading's title: its first sentence after the marker, without 。 or a closing parenthesis of role clauses.
 * @example headTitle({ text: "1.深入推进城市建成区黑臭水体整治。充分发挥…", start: 0, end: 20 }, marker("1.…")!) // "深入推进城市建成区黑臭水体整治"
 */
export function headTitle(head: Paragraph, m: Marker): string {
  const own = head.text.slice(m.length);
  const stop = own.search(/[。！？]/);
  return (stop < 0 ? own : own.slice(0, stop))
    .replace(/[；;：:，,]+$/, "")
    .replace(/[（(][^（）()]*(?:牵头|负责|参与|配合|落实|单位)[^（）()]*[）)]$/, "")
    .replace(/[；;：:，,]+$/, "")
    .trim();
}
