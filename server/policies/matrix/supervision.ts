/**
 * @module Authorization matrix rows of one area — Supervision (issue 3): settings, checks run now, indicators, the
 * plan dashboard and milestone reports — routes added after the first slice. See ./area.ts for the format.
 * Fixture: a plan whose task the test unit leads, with a pool of milestones (each authorized report takes a fresh
 * one: a milestone is reported once) and one report with an attachment.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { CommandContext } from "../../context";
import { defineMatrixArea } from "./area";
import { insertPlan, insertTask } from "../../repositories/plan.repository";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { milestoneReporter } from "../../commands/milestoneReporter";
import { roundOpener } from "../../commands/roundOpener";
import { officeEscalator } from "../../commands/officeEscalator";
import { findDeadline } from "../../repositories/milestone.repository";
import { listIndicators } from "../../repositories/indicator.repository";
import { DEFAULT_SUPERVISION_SETTINGS } from "../../../domain/supervision/settings";
import { toIsoDate } from "../../../domain/supervision/days";
import { PNG_1X1 } from "../../routes/supervision/testFixtures";

/** Ids of the fixture. */
interface Fixture {
  taskId: string;
  /** Milestones nobody reported yet, handed out one per report request. */
  freeDeadlines: string[];
  reportId: string;
  attachmentSha256: string;
  indicatorId: string;
  /** An open round (only the office may close it: one authorized request). */
  openRounds: string[];
  /** An open ladder (only the office may close it). */
  openLadders: string[];
}

const system = <T>(db: Kysely<DB>, fn: (ctx: CommandContext) => Promise<T>) =>
  db.transaction().execute((trx) => fn({ trx, actor: null, ip: null, correlationId: "matrix" }));

/** The area's rows, fixtures and requests. */
export const supervisionMatrix = defineMatrixArea<Fixture>({
  name: "supervision",
  table: `
GET /api/settings/supervision                 D A A A D A A
PUT /api/settings/supervision                 D A D D D D D
GET /api/supervision/checks                   D A A A D A A
POST /api/supervision/checks                  D A D D D D D
GET /api/indicators                           D A A A D A A
POST /api/indicators                          D A D D D D D
PATCH /api/indicators/:id                     D A D D D D D
POST /api/indicators/:id/values               D A D D D D D
GET /api/plans/:id/dashboard                  D A A A D A A
POST /api/tasks/:id/milestones                D D S S D D D
POST /api/milestones/:id/revoke               D A D D D D D
GET /api/milestones/:id/attachments/:sha256   D A S S D A A
POST /api/rounds/:id/close                    D A D D D D D
POST /api/supervision/escalations             D A D D D D D
POST /api/supervision/ladders/:id/resolve     D A D D D D D
`,
  async fixture(base) {
    const files = new FileStore(SHARED_TEMP_FILES_DIR);
    const plan = await insertPlan(base.db, {
      title: "矩阵测试方案", docNumber: null, issuer: null, issuedOn: null, year: 2099, sourceText: "矩阵", sourceSha256: randomBytes(32).toString("hex"), importedBy: null,
    });
    const taskId = await insertTask(base.db, {
      planId: plan.id, sort: 0, number: "1", section: null, title: "开展排污口排查", text: "…", clauses: [],
      units: [{ role: "lead", unitId: base.unitId, collective: null }, { role: "participant", unitId: base.otherUnitId, collective: null }],
      deadlines: Array.from({ length: 10 }, (_, i) => ({ dueOn: `2099-0${1 + (i % 9)}-1${i % 9}`, text: `节点${i + 1}` })),
    });
    const deadlines = await base.db.selectFrom("task_deadlines").select("id").where("task_id", "=", taskId).orderBy("text").execute();
    const [reported, ...free] = deadlines.map((d) => d.id);
    const report = await system(base.db, async (ctx) => milestoneReporter(ctx, {
      deadline: (await findDeadline(ctx.trx, reported))!, unitId: base.unitId, completedOn: toIsoDate(Date.now()), note: "已完成排查",
      attachments: [{ fileName: "排查记录.png", bytes: PNG_1X1 }], at: new Date(), today: toIsoDate(Date.now()), files,
    }));
    const attachment = await base.db.selectFrom("milestone_report_attachments").select("sha256").where("report_id", "=", report.id).executeTakeFirstOrThrow();
    const [indicator] = await listIndicators(base.db, base.planId);
    if (!indicator) throw new Error("supervision matrix fixture: the base plan has no indicator");
    const openRounds: string[] = [];
    for (const title of ["矩阵调度甲"])
      openRounds.push((await system(base.db, (ctx) => roundOpener(ctx, { planId: plan.id, kind: "progress", title, dueOn: "2099-01-10", taskIds: [taskId], at: new Date() }))).round.id);
    const openLadders: string[] = [];
    // Opened on the office's judgement, so that no run of the ladder closes it before the request does.
    openLadders.push((await system(base.db, (ctx) => officeEscalator(ctx, {
      taskId, unitId: base.otherUnitId, reason: "矩阵测试：报送内容与现场核查不符", mode: "issue", at: new Date(), files,
    }))).ladderId);
    return { taskId, freeDeadlines: free, reportId: report.id, attachmentSha256: attachment.sha256, indicatorId: indicator.id, openRounds, openLadders };
  },
  requests: {
    "GET /api/settings/supervision": () => ({ url: "/api/settings/supervision" }),
    "PUT /api/settings/supervision": () => ({ url: "/api/settings/supervision", body: { reminders: DEFAULT_SUPERVISION_SETTINGS.reminders } }),
    "GET /api/supervision/checks": () => ({ url: "/api/supervision/checks" }),
    "POST /api/supervision/checks": () => ({ url: "/api/supervision/checks", body: {} }),
    "GET /api/indicators": (_f, base) => ({ url: `/api/indicators?planId=${base.planId}` }),
    "POST /api/indicators": (_f, base, n) => ({
      url: "/api/indicators",
      body: { planId: base.planId, code: `m${n}`, name: `测试指标${n}`, unit: "%", comparison: "at_least", target: 90, targetYear: 2022, baselineYear: null, formula: "填报", amberMargin: 5 },
    }),
    "PATCH /api/indicators/:id": (f, _b, n) => ({ url: `/api/indicators/${f.indicatorId}`, body: { amberMargin: n % 5 } }),
    "POST /api/indicators/:id/values": (f) => ({ url: `/api/indicators/${f.indicatorId}/values`, body: { period: "2022", value: 100, sourceDocument: "《2022年焦作市生态环境状况公报》" } }),
    "GET /api/plans/:id/dashboard": (_f, base) => ({ url: `/api/plans/${base.planId}/dashboard` }),
    "POST /api/tasks/:id/milestones": (f) => ({
      url: `/api/tasks/${f.taskId}/milestones`,
      // A fresh milestone each time: one already reported would answer 409, not tell allowed from denied.
      body: { deadlineId: f.freeDeadlines.shift() ?? f.freeDeadlines[0], completedOn: toIsoDate(Date.now()), note: "完成" },
    }),
    "POST /api/milestones/:id/revoke": (f) => ({ url: `/api/milestones/${f.reportId}/revoke`, body: { reason: "证明材料不全" } }),
    "GET /api/milestones/:id/attachments/:sha256": (f) => ({ url: `/api/milestones/${f.reportId}/attachments/${f.attachmentSha256}` }),
    "POST /api/rounds/:id/close": (f) => ({ url: `/api/rounds/${f.openRounds[0]}/close`, body: { note: "矩阵" } }),
    "POST /api/supervision/escalations": (f, base) => ({
      url: "/api/supervision/escalations", body: { taskId: f.taskId, unitId: base.unitId, mode: "issue", reason: "矩阵测试：报送内容与现场核查不符" },
    }),
    "POST /api/supervision/ladders/:id/resolve": (f) => ({ url: `/api/supervision/ladders/${f.openLadders[0]}/resolve`, body: { reason: "已整改到位" } }),
  },
});
