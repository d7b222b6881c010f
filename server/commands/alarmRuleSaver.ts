/**
 * @module Creates or changes an alarm rule. The rule's point must exist; thresholds on permit limits belong to
 * outlets and thresholds on target classes to points that have one (sections, stations, intakes). Audited with the
 * whole rule before and after.
 */
import type { AlarmRuleRow } from "../db/tables/quality";
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import { findPoint } from "../repositories/point.repository";
import { findRule, insertRule, updateRule, type RuleInput } from "../repositories/alarm.repository";
import type { Condition } from "../../domain/alarms/conditions";
import type { EscalationLevel } from "../../domain/alarms/escalation";

/** A rule to save; `id` changes an existing one. */
export interface AlarmRuleSaverProps extends Omit<RuleInput, "conditions" | "escalation"> {
  id?: string;
  conditions: Condition[];
  escalation: EscalationLevel[];
}

/** Saves the rule; returns it. */
export async function alarmRuleSaver(ctx: CommandContext, p: AlarmRuleSaverProps): Promise<AlarmRuleRow> {
  if (p.pointId) {
    const point = await findPoint(ctx.trx, p.pointId);
    if (!point) throw ValidationError([{ path: "pointId", message: "站点不存在" }]);
    p.conditions.forEach((c, i) => {
      if (c.kind !== "threshold") return;
      if (c.basis === "permit" && point.kind !== "outlet") throw ValidationError([{ path: `conditions.${i}.basis`, message: "许可限值只适用于排口" }]);
      if (c.basis === "target_class" && point.target_class === null) throw ValidationError([{ path: `conditions.${i}.basis`, message: "该站点没有目标水质类别" }]);
    });
  }
  const before = p.id ? await findRule(ctx.trx, p.id) : undefined;
  const input: RuleInput = { ...p, conditions: p.conditions, escalation: p.escalation };
  const rule = before ? await updateRule(ctx.trx, before.id, input) : await insertRule(ctx.trx, input, ctx.actor?.id ?? null);
  await audit(ctx, {
    action: before ? "alarm_rule.update" : "alarm_rule.create",
    entityType: "alarm_rule",
    entityId: rule.id,
    data: { name: rule.name, severity: rule.severity, pointId: rule.point_id, pointKind: rule.point_kind, enabled: rule.enabled, conditions: p.conditions, combinator: p.combinator, persistenceMinutes: p.persistenceMinutes, repeatMinutes: p.repeatMinutes, escalation: p.escalation, ...(before ? { before: { name: before.name, enabled: before.enabled, conditions: before.conditions } } : {}) },
  });
  return rule;
}
