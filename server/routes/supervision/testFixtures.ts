/**
 * @module Supervision test data on a real database (used by the authorization matrix and the route tests): a plan
 * with two tasks of one unit (lead) and another (co-lead), two rounds the unit missed, an open round with an
 * attachment, an automatic 提醒 and a pending 督办通知 proposal on task 1, and on task 2 a ladder that went up to a
 * scheduled 约谈 (with a 曝光 on the way). Dates are relative to `now` so the fixture works on any day.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { CommandContext } from "../../context";
import { insertPlan, insertTask } from "../../repositories/plan.repository";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { insertInterview, insertLadder, insertStep } from "../../repositories/ladder.repository";
import { roundOpener } from "../../commands/roundOpener";
import { submissionReporter } from "../../commands/submissionReporter";
import { latenessRecorder } from "../../commands/latenessRecorder";
import { ladderEscalator } from "../../commands/ladderEscalator";
import { listRequirements } from "../../repositories/round.repository";
import { addDays, toIsoDate } from "../../../domain/supervision/days";

/** A 1×1 PNG. */
export const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** Ids of the fixture. */
export interface SupervisionFixture {
  planId: string;
  task1Id: string;
  task2Id: string;
  openRoundId: string;
  submissionId: string;
  attachmentSha256: string;
  proposalId: string;
  interviewId: string;
  documentId: string;
}

const DAY = 86_400_000;

function system<T>(db: Kysely<DB>, fn: (ctx: CommandContext) => Promise<T>) {
  return db.transaction().execute((trx) => fn({ trx, actor: null, ip: null, correlationId: "fixture" }));
}

/** Builds the fixture for `unitId` (lead) and `otherUnitId` (co-lead) as of `now`. */
export async function buildSupervisionFixture(
  db: Kysely<DB>, v: { unitId: string; otherUnitId: string; now?: Date; files?: FileStore },
): Promise<SupervisionFixture> {
  const now = v.now ?? new Date();
  const files = v.files ?? new FileStore(SHARED_TEMP_FILES_DIR);
  const today = toIsoDate(now.getTime());
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const plan = await insertPlan(db, {
    title: "测试区水污染防治攻坚战实施方案", docNumber: "中环攻坚办〔2022〕13号", issuer: "测试区攻坚办", issuedOn: null, year: Number(today.slice(0, 4)),
    sourceText: "测试", sourceSha256: randomBytes(32).toString("hex"), importedBy: null,
  });
  const units = [
    { role: "lead" as const, unitId: v.unitId, collective: null },
    { role: "co_lead" as const, unitId: v.otherUnitId, collective: null },
  ];
  const far = [{ dueOn: addDays(today, 200), text: "年底前完成" }];
  const task1Id = await insertTask(db, { planId: plan.id, sort: 0, number: "1", section: null, title: "城市黑臭水体整治", text: "…", clauses: [], units, deadlines: far });
  const task2Id = await insertTask(db, { planId: plan.id, sort: 1, number: "2", section: null, title: "污水收集处理", text: "…", clauses: [], units, deadlines: far });

  // Task 2's ladder went up to a 约谈 long ago (built directly: reaching it through rounds would take months).
  const ladder = await insertLadder(db, { taskId: task2Id, unitId: v.unitId, openedAt: ago(70) });
  const steps = [["reminder", 60], ["notice", 55], ["letter", 45], ["exposure", 35], ["interview", 20]] as const;
  for (const [seq, [step, days]] of steps.entries())
    await insertStep(db, { ladderId: ladder.id, seq, step, at: ago(days), confirmedBy: null, documentId: null, reasons: [] });
  const interview = await insertInterview(db, { ladderId: ladder.id, scheduledFor: toIsoDate(ago(10).getTime()), place: "区政府三楼会议室", documentId: null });

  for (const [title, due] of [["第一次调度", 20], ["第二次调度", 10]] as const)
    await system(db, (ctx) => roundOpener(ctx, { planId: plan.id, kind: "progress", title, dueOn: toIsoDate(ago(due).getTime()), at: ago(due + 7) }));
  const open = await system(db, (ctx) => roundOpener(ctx, { planId: plan.id, kind: "progress", title: "第三次调度", dueOn: addDays(today, 30), at: now }));
  const [req] = (await listRequirements(db, { roundIds: [open.round.id], unitIds: [v.unitId] })).filter((q) => q.taskId === task1Id);
  const sub = await system(db, (ctx) => submissionReporter(ctx, {
    requirement: { id: req.id, round_id: req.roundId, task_id: req.taskId, unit_id: req.unitId }, roundStatus: "open",
    text: "已完成排查", figures: [{ name: "排查河段", value: 3, unit: "条" }], attachments: [{ fileName: "现场.png", bytes: PNG_1X1 }], at: now, files,
  }));

  // 提醒 five days ago (automatic), then today the 督办通知 proposal (two rounds missed, three days after 提醒).
  await system(db, (ctx) => latenessRecorder(ctx, { now: ago(5) }));
  const first = await system(db, (ctx) => ladderEscalator(ctx, { now: ago(5), files }));
  await system(db, (ctx) => latenessRecorder(ctx, { now }));
  const second = await system(db, (ctx) => ladderEscalator(ctx, { now, files }));
  const ladder1 = await db.selectFrom("ladders").select("id").where("task_id", "=", task1Id).where("unit_id", "=", v.unitId).executeTakeFirstOrThrow();
  const reminder = first.applied.find((a) => a.ladderId === ladder1.id && a.step === "reminder");
  const proposal = second.proposed.find((p) => p.ladderId === ladder1.id && p.step === "notice");
  if (!proposal || !reminder?.documentId) throw new Error(`supervision fixture: ladder did not escalate as expected: ${JSON.stringify({ first, second })}`);
  return {
    planId: plan.id, task1Id, task2Id, openRoundId: open.round.id, submissionId: sub.submission.id, attachmentSha256: sub.attachments[0].sha256,
    proposalId: proposal.proposalId, interviewId: interview.id, documentId: reminder.documentId,
  };
}
