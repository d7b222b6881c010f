/**
 * @module Raises a 返黑返臭 (seed plan 三(一)1 "建立防止返黑返臭的长效机制"; domain/blackOdorous/relapse.ts): the body
 * goes back to 治理中 (a system transition, so it is listed as under treatment again), a follow-up task is raised
 * for the office to track (one per round), and the 主责部门's people, the body's 河湖长 (when the chief has an
 * account) and the office are notified in the inbox. The Quality area's alarms are per monitoring point and rule,
 * so a relapse (a whole water body) is tracked by the task rather than an alarm.
 */
import type { CommandContext } from "../context";
import type { RelapseFinding } from "../../domain/blackOdorous/relapse";
import { GRADE_LABELS } from "../../domain/blackOdorous/thresholds";
import { addDays } from "../../domain/supervision/days";
import type { BlackOdorousBodyRow } from "../db/tables/registries";
import { notifyOffice, notifyUnits } from "../notify/notifier";
import { updateBody } from "../repositories/blackOdorous.repository";
import { findChief } from "../repositories/river.repository";
import { insertNotifications } from "../repositories/notification.repository";
import { insertRegistryTask } from "../repositories/registryTask.repository";
import { registryTransitioner } from "./registryTransitioner";

/** Days the responsible unit has to act on a relapse (the task's due date). */
export const RELAPSE_TASK_DAYS = 30;

/** What to raise. */
export interface RelapseProps {
  body: BlackOdorousBodyRow;
  finding: RelapseFinding;
  roundId: string;
  today: string;
}

/** Raises the relapse; returns the body, the task and how many were notified. */
export async function relapseRaiser(ctx: CommandContext, p: RelapseProps) {
  const { body, finding } = p;
  const updated = await updateBody(ctx.trx, body.id, { status: "underTreatment", status_since: finding.date });
  await registryTransitioner(ctx, {
    registry: "black_odorous_body", recordId: body.id, action: "relapse", from: body.status, to: "underTreatment", note: finding.zh, unitId: body.unit_id,
    data: { roundId: p.roundId, grade: finding.grade, pointIds: finding.pointIds },
  });
  const chief = body.chief_id ? await findChief(ctx.trx, body.chief_id) : undefined;
  const title = `返黑返臭：${body.name}`;
  const text = `${finding.zh}。黑臭监测点：${finding.pointIds.join("、")}。请主责部门 ${RELAPSE_TASK_DAYS} 日内查明原因、落实整治并报送进展。`;
  const task = await insertRegistryTask(ctx.trx, {
    registry: "black_odorous_body", recordId: body.id, kind: "relapse", title, body: text, unitId: body.unit_id, chiefId: chief?.id ?? null,
    dueOn: addDays(p.today, RELAPSE_TASK_DAYS), data: { roundId: p.roundId, grade: finding.grade, date: finding.date, previousStatus: finding.previousStatus },
    dedupeKey: `relapse:${p.roundId}`,
  });
  const content = { kind: "registry.relapse", title, body: text, data: { bodyId: body.id, roundId: p.roundId, taskId: task?.id ?? null, grade: finding.grade }, dedupeKey: `relapse:${p.roundId}` };
  const sent = [
    ...(await notifyUnits(ctx.trx, [body.unit_id], content)),
    ...(await notifyOffice(ctx.trx, content)),
    ...(chief?.user_id
      ? await insertNotifications(ctx.trx, [{ userId: chief.user_id, unitId: chief.unit_id, ...content, body: `${text}（您是该水体的河湖长：${chief.position}）` }])
      : []),
  ];
  return { body: updated, task, notified: sent.length, grade: GRADE_LABELS[finding.grade].zh };
}
