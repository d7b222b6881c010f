/**
 * @module Numeric targets in goal sentences: absolute ones (「达标率达到100%」, 「不低于90%」, 「控制在5%以内」,
 * 「优良比例90%以上」) and
 * relative ones against a baseline year (「用水量较2020年下降2%」). The indicator is the phrase before the verb,
 * back to the previous comma or clause boundary, without a leading time phrase (「到2022年底」).
 */
import type { Comparison, Target } from "./types";

const NUM = "(\\d+(?:\\.\\d+)?)";
const UNIT = "(%|‰|个百分点|万吨|吨|万立方米|立方米|公里|千米|座|处|家|条|个|mg/L|毫克/升)?";
const SUBJECT = "([^，。；、：！？\\n]*?)";

const RELATIVE = new RegExp(`${SUBJECT}较(\\d{4})年(?:同期)?(?:水平)?(下降|降低|减少|削减|提高|提升|增加|增长|上升)(?:了)?${NUM}${UNIT}(以上)?`, "g");
const ABSOLUTE = new RegExp(
  `${SUBJECT}(达到|提高到|提升到|提高至|提升至|保持在|保持|稳定在|控制在|不低于|不少于|不高于|不超过|低于|高于|大于等于|小于等于|≥|≤|达)${NUM}${UNIT}(以上|以下|以内|及以上|及以下)?`,
  "g",
);

const VERB: Record<string, Comparison> = {
  达到: "reach", 达: "reach", 提高到: "reach", 提升到: "reach", 提高至: "reach", 提升至: "reach", 保持在: "reach", 保持: "reach", 稳定在: "reach",
  不低于: "at_least", 不少于: "at_least", 高于: "at_least", 大于等于: "at_least", "≥": "at_least",
  控制在: "at_most", 不高于: "at_most", 不超过: "at_most", 低于: "at_most", 小于等于: "at_most", "≤": "at_most",
};

/** 「水质优良比例90%以上」: a number with its unit and 以上/以下, no verb. */
const BARE = new RegExp(`${SUBJECT}${NUM}${UNIT.slice(0, -1)}(以上|以下|以内|及以上|及以下)`, "g");

/** The subject phrase, without a leading time phrase or 确保/力争. */
function indicator(subject: string): string {
  return subject
    .replace(/^(?:到|至|截至)?\d{4}年(?:底|末)?(?:前)?/, "")
    .replace(/^(?:确保|力争|努力|全年|使)/, "")
    .trim();
}

/**
 * The numeric targets of one sentence, in order.
 * @example findTargets("城市集中式饮用水水源地取水水质达标率达到100%")
 * // [{ indicator: "城市集中式饮用水水源地取水水质达标率", value: 100, unit: "%", comparison: "reach" }]
 */
export function findTargets(sentence: string): Target[] {
  const found: { at: number; end: number; target: Target }[] = [];
  for (const m of sentence.matchAll(RELATIVE)) {
    const name = indicator(m[1]);
    if (!name) continue;
    const comparison: Comparison = /下降|降低|减少|削减/.test(m[3]) ? "decrease" : "increase";
    found.push({ at: m.index!, end: m.index! + m[0].length, target: { indicator: name, value: Number(m[4]), unit: m[5] ?? "", comparison, baselineYear: Number(m[2]) } });
  }
  for (const m of sentence.matchAll(ABSOLUTE)) {
    const name = indicator(m[1]);
    if (!name || found.some((f) => m.index! < f.end && f.at < m.index! + m[0].length)) continue;
    let comparison = VERB[m[2]];
    if (comparison === "reach" && m[5]) comparison = /以上/.test(m[5]) ? "at_least" : "at_most";
    found.push({ at: m.index!, end: m.index! + m[0].length, target: { indicator: name, value: Number(m[3]), unit: m[4] ?? "", comparison } });
  }
  for (const m of sentence.matchAll(BARE)) {
    const name = indicator(m[1]);
    if (!name || found.some((f) => m.index! < f.end && f.at < m.index! + m[0].length)) continue;
    found.push({ at: m.index!, end: m.index! + m[0].length, target: { indicator: name, value: Number(m[2]), unit: m[3], comparison: /以上/.test(m[4]) ? "at_least" : "at_most" } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.target);
}
