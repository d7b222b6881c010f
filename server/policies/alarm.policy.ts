/**
 * @module Who may see and handle alarms. Every signed-in role reads alarms and violation records (the campaign is
 * judged on them; river chiefs follow their rivers). Those who respond — the office, monitoring operators and river
 * chiefs — acknowledge; the office and monitoring operators write the rules.
 */
import type { AlarmRow, AlarmRuleRow } from "../db/tables/quality";
import { definePolicy, has, type Actor } from "./cancan";

/** Whether the actor may read alarms, rules and violations. */
export const canReadAlarms = (_a: Actor) => true;
/** Whether the actor may create and change alarm rules. */
export const canManageAlarmRules = (a: Actor) => has(a, "office_admin", "monitoring_operator");
/** Whether the actor responds to alarms. */
export const canRespondToAlarms = (a: Actor) => has(a, "office_admin", "monitoring_operator", "river_chief");

/** Rules for one alarm. */
export const alarmPolicy = definePolicy<Pick<AlarmRow, "acknowledged" | "active">>()({
  read: (a) => canReadAlarms(a),
  acknowledge: (a, x) => canRespondToAlarms(a) && !x.acknowledged,
});

/** Rules for one alarm rule. */
export const alarmRulePolicy = definePolicy<Pick<AlarmRuleRow, "id">>()({
  read: (a) => canReadAlarms(a),
  update: (a) => canManageAlarmRules(a),
});

/** Whether the actor may write a river's emergency plan (the campaign office). */
export const canEditPlans = (a: Actor) => has(a, "office_admin");
/** Whether the actor may activate a plan (those who respond to alarms). */
export const canActivatePlans = (a: Actor) => canRespondToAlarms(a);

/** Rules for one incident. */
export const incidentPolicy = definePolicy<{ status: "open" | "closed" }>()({
  read: () => true,
  log: (a, i) => canRespondToAlarms(a) && i.status === "open",
  close: (a, i) => has(a, "office_admin", "river_chief") && i.status === "open",
});
