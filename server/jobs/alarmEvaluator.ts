/**
 * @module Evaluates alarm rules at points (domain/alarms): after new readings, the rules that apply to the points
 * touched, once per new data time in order — as of that time, so a condition's persistence is measured on the data
 * even when a batch of values arrives at once; on time, the rules with no-data conditions at all their points. Data
 * older than what a rule already evaluated at a point (back-filled history) or older than a day does not move its
 * state. A latest value that is marked (not N/T), failed QC (flag 4) or was rejected in review cannot be judged. A
 * series that never sent data counts as silent since the point or the rule was created.
 * Each evaluation goes through `alarmStateRecorder`.
 */
import type { DB, PointRow, ReadingPeriod } from "../db/schema";
import type { Kysely } from "kysely";
import type { AlarmRow, AlarmRuleRow } from "../db/tables/quality";
import type { CommandContext } from "../context";
import { evaluateRule, factorsOf, hasNoData, type PointLimits, type Snapshot } from "../../domain/alarms/conditions";
import { nextState, type Transition } from "../../domain/alarms/state";
import { alarmStateRecorder } from "../commands/alarmStateRecorder";
import {
  lastDataTime, latestForFactors, listRules, openAlarms, ruleLogicOf, rulePoints, ruleStates, saveRuleState, type StoredRuleState,
} from "../repositories/alarm.repository";
import { listLimits } from "../repositories/point.repository";

/** Counts of the transitions applied. */
export type TransitionCounts = Partial<Record<Transition, number>>;

/** Data older than this before `now` does not drive alarms. */
export const ALARM_HORIZON_MS = 24 * 3_600_000;

/** New data times per point, period and factor (epoch ms). */
export type NewTimes = Map<string, { period: ReadingPeriod; factor: string; t: number }[]>;

/** Whether a rule applies to a point. */
export const ruleApplies = (rule: Pick<AlarmRuleRow, "point_id" | "point_kind">, p: Pick<PointRow, "id" | "kind">) =>
  rule.point_id ? rule.point_id === p.id : rule.point_kind ? rule.point_kind === p.kind : true;

async function limitsOf(db: Kysely<DB>, p: PointRow): Promise<PointLimits> {
  const permit: Record<string, { upper: number | null; lower: number | null }> = {};
  for (const l of await listLimits(db, p.id)) permit[l.factor] = { upper: l.upper_limit, lower: l.lower_limit };
  return { body: p.water_body_type === "lake" || p.water_body_type === "reservoir" ? "lake" : "river", targetClass: p.target_class, permit };
}

/** The values a rule is judged on, as of data time `asOf` (null: the newest), at wall time `now`. */
async function snapshotOf(db: Kysely<DB>, rule: AlarmRuleRow, p: PointRow, asOf: number | null, now: number): Promise<Snapshot> {
  const logic = ruleLogicOf(rule);
  const at = asOf === null ? undefined : new Date(asOf);
  const latest: Record<string, { t: number; value: number | null }> = {};
  const lastDataAt: Record<string, number | null> = {};
  for (const l of await latestForFactors(db, p.id, rule.period, factorsOf(logic), at)) {
    const usable = l.value !== null && (l.flag === null || l.flag === "N" || l.flag === "T") && l.qcFlag !== 4 && !l.rejected;
    latest[l.factor] = { t: l.t.getTime(), value: usable ? l.value : null };
    lastDataAt[l.factor] = l.t.getTime();
  }
  if (logic.conditions.some((c) => c.kind === "no_data" && c.factor === null)) {
    lastDataAt["*"] = (await lastDataTime(db, p.id, rule.period, at))?.getTime() ?? null;
  }
  // A series that never sent anything counts as silent since the point or the rule came to be — a new outlet or a
  // new rule does not fire at once, but a device that never connects does after the rule's minutes.
  const since = Math.max(new Date(p.created_at).getTime(), new Date(rule.created_at).getTime());
  const never = new Set<string>();
  for (const c of logic.conditions) {
    if (c.kind !== "no_data" || (lastDataAt[c.factor ?? "*"] ?? null) !== null) continue;
    lastDataAt[c.factor ?? "*"] = since;
    never.add(c.factor ?? "*");
  }
  return { latest, lastDataAt, never, now: asOf ?? now };
}

/**
 * Evaluates `rules` at `points` where they apply: at each new data time of the rule's series (`times`), or once
 * at `now` on the newest values when `times` is null (the time checks). Returns the transitions applied.
 */
export async function evaluatePairs(ctx: CommandContext, rules: AlarmRuleRow[], points: PointRow[], now: Date, times: NewTimes | null): Promise<TransitionCounts> {
  const counts: TransitionCounts = {};
  if (!rules.length || !points.length) return counts;
  const ruleIds = rules.map((r) => r.id), pointIds = points.map((p) => p.id);
  const [states, open] = await Promise.all([ruleStates(ctx.trx, ruleIds, pointIds), openAlarms(ctx.trx, ruleIds, pointIds)]);
  const limits = new Map<string, PointLimits>();
  for (const p of points) {
    for (const rule of rules) {
      if (!ruleApplies(rule, p)) continue;
      const key = `${rule.id}|${p.id}`;
      let state: StoredRuleState = states.get(key) ?? { pendingSince: null, evaluatedDataAt: null };
      let alarm: AlarmRow | null = open.get(key) ?? null;
      let at: (number | null)[] = [null];
      if (times) {
        const factors = new Set(factorsOf(ruleLogicOf(rule)));
        const all = factors.size === 0 || ruleLogicOf(rule).conditions.some((c) => c.kind === "no_data" && c.factor === null);
        const floor = Math.max(state.evaluatedDataAt ?? -Infinity, now.getTime() - ALARM_HORIZON_MS);
        at = [...new Set((times.get(p.id) ?? []).filter((x) => x.period === rule.period && (all || factors.has(x.factor)) && x.t > floor).map((x) => x.t))].sort((a, b) => a - b);
      }
      if (!limits.has(p.id) && at.length) limits.set(p.id, await limitsOf(ctx.trx, p));
      for (const asOf of at) {
        const outcome = evaluateRule(ruleLogicOf(rule), limits.get(p.id)!, await snapshotOf(ctx.trx, rule, p, asOf, now.getTime()));
        const next = nextState({ met: outcome.met, at: outcome.dataTime ?? asOf ?? now.getTime() }, state, alarm, rule.persistence_minutes * 60_000);
        const evaluatedDataAt = asOf === null ? state.evaluatedDataAt : asOf;
        const unchanged = (next.transition === "none" || next.transition === "pending") && next.pendingSince === state.pendingSince;
        const stateChanged = next.pendingSince !== state.pendingSince || evaluatedDataAt !== state.evaluatedDataAt || !states.has(key);
        state = { pendingSince: next.pendingSince, evaluatedDataAt };
        // Written only when it changes: the time checks evaluate every rule every few seconds.
        if (stateChanged) {
          await saveRuleState(ctx.trx, rule.id, p.id, state);
          states.set(key, state);
        }
        if (unchanged) continue;
        counts[next.transition] = (counts[next.transition] ?? 0) + 1;
        alarm = await alarmStateRecorder(ctx, { rule, point: p, alarm, next, outcome, now });
      }
    }
  }
  return counts;
}

/** Evaluates the enabled rules at the points of new readings, at each new data time. */
export async function evaluatePoints(ctx: CommandContext, points: PointRow[], times: NewTimes, now: Date): Promise<TransitionCounts> {
  return evaluatePairs(ctx, await listRules(ctx.trx, { enabled: true }), points, now, times);
}

/** Evaluates the enabled rules with no-data conditions at all their points, at `now`. */
export async function evaluateNoData(ctx: CommandContext, now: Date): Promise<TransitionCounts> {
  const counts: TransitionCounts = {};
  for (const rule of (await listRules(ctx.trx, { enabled: true })).filter((r) => hasNoData(ruleLogicOf(r)))) {
    const c = await evaluatePairs(ctx, [rule], await rulePoints(ctx.trx, rule), now, null);
    for (const [k, v] of Object.entries(c)) counts[k as Transition] = (counts[k as Transition] ?? 0) + v;
  }
  return counts;
}
