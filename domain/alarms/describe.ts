/**
 * @module Chinese text of an alarm's evidence for notifications and the audit trail: which values broke which
 * limits, or how long a point has been silent.
 */
import { factorZh, num } from "../qc/finding";
import type { Condition, ConditionResult } from "./conditions";

const BASIS: Record<string, string> = { permit: "许可限值", target_class: "目标类别限值", value: "设定值" };

/** One condition's evidence, e.g. "氨氮 2.31 > 1（目标类别限值）". */
export function describeCondition(c: Condition, r: ConditionResult): string {
  if (c.kind === "no_data") {
    const what = c.factor ? factorZh(c.factor) : "全部因子";
    if (r.value === null) return `${what}从未收到数据`;
    if (r.never) return `${what}从未收到数据（已 ${Math.floor(r.value)} 分钟，阈值 ${c.minutes} 分钟）`;
    return `${what}已 ${Math.floor(r.value)} 分钟无数据（阈值 ${c.minutes} 分钟）`;
  }
  const name = factorZh(c.factor);
  if (r.value === null || !r.limit) return `${name}无可判定的数据`;
  const basis = BASIS[c.basis] ?? c.basis;
  const mult = c.basis !== "value" && c.multiple !== 1 ? ` × ${num(c.multiple)}` : "";
  if (r.limit.upper !== null && r.value > r.limit.upper) return `${name} ${num(r.value)} > ${num(r.limit.upper)}（${basis}${mult}）`;
  if (r.limit.lower !== null && r.value < r.limit.lower) return `${name} ${num(r.value)} < ${num(r.limit.lower)}（${basis}）`;
  const bound = [r.limit.lower !== null ? `≥ ${num(r.limit.lower)}` : null, r.limit.upper !== null ? `≤ ${num(r.limit.upper)}` : null].filter(Boolean).join(" 且 ");
  return `${name} ${num(r.value)}（${basis} ${bound}，未超限）`;
}

/** The evidence of the conditions that are met, joined; all conditions when none is. */
export function describeOutcome(conditions: readonly Condition[], results: readonly ConditionResult[], combinator: "and" | "or"): string {
  const met = conditions.map((c, i) => ({ c, r: results[i] })).filter((x) => x.r?.met === true);
  const shown = met.length ? met : conditions.map((c, i) => ({ c, r: results[i] }));
  return shown.map((x) => describeCondition(x.c, x.r)).join(combinator === "and" ? "，且" : "；");
}
