import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { insertPlan, insertTask } from "../../repositories/plan.repository";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { roundOpener } from "../../commands/roundOpener";
import { RoundLatenessTask } from "../../jobs/roundLatenessTask";
import { LadderTask } from "../../jobs/ladderTask";
import { DeadlineReminderTask } from "../../jobs/deadlineReminderTask";
import { DEFAULT_SUPERVISION_SETTINGS } from "../../../domain/supervision/settings";
import type { NotificationChannel, OutboundMessage } from "../../notify/channel";

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe.each(ENGINES)("supervision settings on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let planId: string;
  const sent: OutboundMessage[] = [];
  const capture: NotificationChannel = { name: "sms", send: async (m) => void sent.push(m) };

  beforeAll(async () => {
    s = await createTestServer(engine);
    const eco = await buildUnit(s.db, { name: "中站生态环境分局", kind: "branch" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "eco.staff", roles: ["unit_staff"], unitIds: [eco.id] });
    planId = (await insertPlan(s.db, {
      title: "方案", docNumber: null, issuer: null, issuedOn: null, year: 2022, sourceText: "x", sourceSha256: randomBytes(32).toString("hex"), importedBy: null,
    })).id;
    await insertTask(s.db, {
      planId, sort: 0, number: "6", section: null, title: "深入开展入河排污口排查整治", text: "…", clauses: [],
      units: [{ role: "lead", unitId: eco.id, collective: null }], deadlines: [{ dueOn: "2022-09-30", text: "9月底前完成排查" }],
    });
    admin = await TestClient.signIn(s.app, "admin");
  });
  afterAll(() => s.close());

  it("shows the defaults until the office changes them; units read but may not change", async () => {
    const staff = await TestClient.signIn(s.app, "eco.staff");
    const r = await staff.get("/api/settings/supervision");
    expect(r.body.data).toMatchObject({ settings: DEFAULT_SUPERVISION_SETTINGS, updated: {}, problems: [], canEdit: false });
    expect((await staff.request("PUT", "/api/settings/supervision", { reminders: { offsets: [5], rounds: true } })).status).toBe(403);
  });

  it("refuses settings that break the rules, with the path of each problem", async () => {
    const ladder = structuredClone(DEFAULT_SUPERVISION_SETTINGS.ladder);
    ladder.steps.notice.automatic = true;
    ladder.steps.letter.triggers = {};
    const bad = await admin.request("PUT", "/api/settings/supervision", { ladder, reminders: { offsets: [3, 3], rounds: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(["ladder.steps.letter.triggers", "ladder.steps.notice.automatic", "reminders.offsets"]);
    const shape = await admin.request("PUT", "/api/settings/supervision", { reminders: { offsets: [0], rounds: true } });
    expect(shape.body.data.issues[0].path).toBe("reminders.offsets.0");
    expect(await s.db.selectFrom("supervision_settings").selectAll().execute()).toEqual([]);
  });

  it("the jobs follow the stored thresholds and reminder days", async () => {
    // 督办通知 after a single missed round, the same day as the 提醒; reminders 5 days ahead only.
    const ladder = structuredClone(DEFAULT_SUPERVISION_SETTINGS.ladder);
    ladder.steps.notice = { ...ladder.steps.notice, triggers: { missedRounds: 1 }, minDaysSincePrevious: 0 };
    const saved = await admin.request("PUT", "/api/settings/supervision", { ladder, reminders: { offsets: [5], rounds: true } });
    expect(saved.status).toBe(200);
    expect(saved.body.data.changed).toEqual(["ladder", "reminders"]);
    expect(saved.body.data.settings.ladder.steps.notice.triggers).toEqual({ missedRounds: 1 });
    const audit = await s.db.selectFrom("audit_events").select(["action", "entity_id"]).where("action", "=", "settings.update").orderBy("seq").execute();
    expect(audit.map((a) => a.entity_id)).toEqual(["ladder", "reminders"]);
    // Saving the same again changes nothing and writes no audit entry.
    expect((await admin.request("PUT", "/api/settings/supervision", { reminders: { offsets: [5], rounds: true } })).body.data.changed).toEqual([]);

    await s.db.transaction().execute((trx) =>
      roundOpener({ trx, actor: null, ip: null, correlationId: "t" }, { planId, kind: "progress", title: "6月调度", dueOn: "2022-06-10", at: at("2022-06-01") }));
    const reminders = new DeadlineReminderTask({ channels: [capture] });
    // 2022-06-05 is 5 days before the round's due date; 06-07 (3 days) no longer reminds.
    expect(await reminders.run({ db: s.db, now: at("2022-06-05") })).toMatchObject({ reminders: 0, roundReminders: 1, notifications: 1 });
    expect(await reminders.run({ db: s.db, now: at("2022-06-07") })).toMatchObject({ roundReminders: 0 });
    // 2022-09-25 is 5 days before the task deadline.
    expect(await reminders.run({ db: s.db, now: at("2022-09-25") })).toMatchObject({ reminders: 1 });
    expect(sent.map((m) => m.title)).toEqual(["6月调度还有 5 天截止", "任务还有 5 天到期"]);

    await new RoundLatenessTask().run({ db: s.db, now: at("2022-06-11") });
    const r = await new LadderTask({ files: new FileStore(SHARED_TEMP_FILES_DIR), channels: [capture] }).run({ db: s.db, now: at("2022-06-11") });
    expect(r).toMatchObject({ opened: 1, applied: 1, proposed: 1 });
    const proposals = await s.db.selectFrom("ladder_proposals").select(["step", "status"]).execute();
    expect(proposals).toEqual([{ step: "notice", status: "pending" }]);
  });
});
