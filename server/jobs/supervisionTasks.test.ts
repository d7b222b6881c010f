import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { ENGINES, createTestDatabase } from "../test/testDatabase";
import { buildUnit, buildUser } from "../test/factories";
import { insertPlan, insertTask } from "../repositories/plan.repository";
import { FileStore } from "../repositories/file.repository";
import { listRequirements } from "../repositories/round.repository";
import { roundOpener } from "../commands/roundOpener";
import { submissionReporter } from "../commands/submissionReporter";
import type { CommandContext } from "../context";
import type { NotificationChannel, OutboundMessage } from "../notify/channel";
import { DeadlineReminderTask } from "./deadlineReminderTask";
import { LadderTask } from "./ladderTask";
import { RoundLatenessTask } from "./roundLatenessTask";
import { scheduledTasks } from "../services/worker";

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe.each(ENGINES)("supervision jobs on %s", (engine) => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  let dir: string;
  let files: FileStore;
  let unit: { id: string };
  let taskId: string;
  let planId: string;
  const sent: OutboundMessage[] = [];
  const capture: NotificationChannel = { name: "sms", send: async (m) => void sent.push(m) };
  const failing: NotificationChannel = { name: "email", send: async () => { throw new Error("smtp down"); } };
  const system = <T>(fn: (ctx: CommandContext) => Promise<T>) =>
    d.db.transaction().execute((trx) => fn({ trx, actor: null, ip: null, correlationId: "test" }));

  beforeAll(async () => {
    d = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), "qingliu-jobs-"));
    files = new FileStore(dir);
    unit = await buildUnit(d.db, { name: "区城市管理局" });
    await buildUser(d.db, { username: "cg.head", roles: ["unit_head"], unitIds: [unit.id] });
    await buildUser(d.db, { username: "cg.operator", roles: ["monitoring_operator"], unitIds: [unit.id] });
    const plan = await insertPlan(d.db, {
      title: "方案", docNumber: null, issuer: null, issuedOn: null, year: 2022, sourceText: "x", sourceSha256: randomBytes(32).toString("hex"), importedBy: null,
    });
    planId = plan.id;
    taskId = await insertTask(d.db, {
      planId, sort: 0, number: "3", section: null, title: "加快城镇污水处理厂污泥安全处置", text: "…", clauses: [],
      units: [{ role: "lead", unitId: unit.id, collective: null }], deadlines: [{ dueOn: "2022-10-31", text: "2022年10月底前完成" }],
    });
  });
  afterAll(async () => {
    await d.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the worker runs the three supervision tasks", () => {
    expect(scheduledTasks().map((t) => t.name)).toEqual(expect.arrayContaining(["round-lateness", "supervision-ladder", "deadline-reminders"]));
  });

  it("reminds unit heads and staff 7, 3 and 1 days before a deadline, once each, even when a channel fails", async () => {
    const task = new DeadlineReminderTask({ channels: [capture, failing] });
    const days = { "2022-10-24": 7, "2022-10-25": null, "2022-10-28": 3, "2022-10-30": 1, "2022-10-31": null } as const;
    for (const [day, before] of Object.entries(days)) {
      const r = await task.run({ db: d.db, now: at(day) });
      expect(r).toMatchObject({ reminders: before ? 1 : 0, notifications: before ? 1 : 0, failed: before ? 1 : 0 });
    }
    expect(await task.run({ db: d.db, now: at("2022-10-24") })).toMatchObject({ reminders: 1, notifications: 0 });
    const rows = await d.db.selectFrom("notifications").innerJoin("users", "users.id", "notifications.user_id").select(["users.username", "notifications.title"])
      .where("kind", "=", "deadline.reminder").orderBy("notifications.created_at").execute();
    // Monitoring operators of the unit do not work on tasks.
    expect(rows.map((r) => [r.username, r.title])).toEqual([
      ["cg.head", "任务还有 7 天到期"], ["cg.head", "任务还有 3 天到期"], ["cg.head", "任务还有 1 天到期"],
    ]);
    expect(sent.filter((m) => m.kind === "deadline.reminder")).toHaveLength(3);
  });

  it("turns a missing answer into a late one and closes the ladder once the unit caught up", async () => {
    const { round } = await system((ctx) => roundOpener(ctx, { planId, kind: "progress", title: "7月调度", dueOn: "2022-07-10", at: at("2022-07-01") }));
    const lateness = new RoundLatenessTask();
    const ladder = new LadderTask({ files, channels: [capture] });
    expect(await lateness.run({ db: d.db, now: at("2022-07-13") })).toMatchObject({ created: 1 });
    expect(await ladder.run({ db: d.db, now: at("2022-07-13") })).toMatchObject({ opened: 1, applied: 1 });
    expect(await lateness.run({ db: d.db, now: at("2022-07-14") })).toMatchObject({ created: 0, changed: 1 });
    const [req] = await listRequirements(d.db, { roundIds: [round.id] });
    await system((ctx) => submissionReporter(ctx, {
      requirement: { id: req.id, round_id: req.roundId, task_id: req.taskId, unit_id: req.unitId }, roundStatus: "open",
      text: "补报", figures: [], attachments: [], at: at("2022-07-15"), files,
    }));
    expect(await lateness.run({ db: d.db, now: at("2022-07-16") })).toMatchObject({ changed: 1 });
    const rec = await d.db.selectFrom("lateness_records").selectAll().where("requirement_id", "=", req.id).executeTakeFirstOrThrow();
    expect(rec).toMatchObject({ kind: "late", days: 5, submitted_on: "2022-07-15" });
    expect(await ladder.run({ db: d.db, now: at("2022-07-16") })).toMatchObject({ closed: 1 });
    const stored = await d.db.selectFrom("ladders").selectAll().where("task_id", "=", taskId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].closed_at).not.toBeNull();
    const audit = await d.db.selectFrom("audit_events").select("action").where("action", "like", "ladder.%").orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["ladder.open", "ladder.step", "ladder.close"]);
  });

  it("asks each unit once for its annual 实施方案", async () => {
    const r = await system((ctx) => roundOpener(ctx, { planId, kind: "annual_plan", title: "2022年度实施方案", dueOn: "2022-05-30", at: at("2022-05-18") }));
    expect(r).toMatchObject({ requirements: 1, units: 1 });
    const [req] = await listRequirements(d.db, { roundIds: [r.round.id] });
    expect(req).toMatchObject({ taskId: null, unitName: "区城市管理局", roundKind: "annual_plan" });
  });
});
