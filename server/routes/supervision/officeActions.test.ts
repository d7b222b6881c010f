import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { insertPlan, insertTask } from "../../repositories/plan.repository";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { RoundLatenessTask } from "../../jobs/roundLatenessTask";
import { LadderTask } from "../../jobs/ladderTask";

/** Shanghai 10:00 on a day, as an instant. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe.each(ENGINES)("the office closes rounds, ranks with a tie-break and escalates on judgement, on %s", (engine) => {
  let s: TestServer;
  const u: Record<string, string> = {};
  const t: Record<string, string> = {};
  let planId: string;
  const files = new FileStore(SHARED_TEMP_FILES_DIR);
  const on = async (day: string, username: string) => {
    vi.setSystemTime(at(day));
    return TestClient.signIn(s.app, username);
  };
  const auditOf = (action: string, entityId: string) =>
    s.db.selectFrom("audit_events").selectAll().where("action", "=", action).where("entity_id", "=", entityId).orderBy("seq").execute();

  beforeAll(async () => {
    s = await createTestServer(engine);
    // A, B, C answer the round on task 1; D and E only have task 3; F has a task not yet due.
    for (const [k, name] of [["A", "区财政局"], ["B", "区公安局"], ["C", "府城办事处"], ["D", "丹河办事处"], ["E", "冯封办事处"], ["F", "区交通运输局"]])
      u[k] = (await buildUnit(s.db, { name })).id;
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    for (const k of ["A", "B", "F"]) await buildUser(s.db, { username: `staff${k}`, roles: ["unit_staff"], unitIds: [u[k]] });
    const plan = await insertPlan(s.db, {
      title: "中站区2022年水污染防治攻坚战实施方案", docNumber: "中环攻坚办〔2022〕13号", issuer: null, issuedOn: "2022-05-18", year: 2022,
      sourceText: "…", sourceSha256: randomBytes(32).toString("hex"), importedBy: null,
    });
    planId = plan.id;
    const task = (sort: number, units: string[], dueOn: string) => insertTask(s.db, {
      planId, sort, number: String(sort + 1), section: null, title: `任务${sort + 1}`, text: "…", clauses: [],
      units: units.map((k) => ({ role: "lead" as const, unitId: u[k], collective: null })), deadlines: [{ dueOn, text: dueOn }],
    });
    t[1] = await task(0, ["A", "B", "C"], "2022-03-31");
    t[2] = await task(1, ["C"], "2022-02-28");
    t[3] = await task(2, ["D", "E"], "2022-03-31");
    t[4] = await task(3, ["F"], "2022-12-31");
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await s.close();
  });

  let roundId: string;

  it("closes a round: no more submissions (round.closed), lateness frozen at the close, audited", async () => {
    const admin = await on("2022-06-01", "admin");
    const opened = await admin.post("/api/rounds", { planId, title: "2022年6月上旬调度", dueOn: "2022-06-10", taskIds: [t[1]] });
    expect(opened.status).toBe(200);
    roundId = opened.body.data.id;
    // The unit's notification points at the round.
    const inboxA = await (await on("2022-06-02", "staffA")).get("/api/inbox");
    expect(inboxA.body.data.map((n: any) => n.data.url)).toEqual([`/supervision/rounds/${roundId}`]);
    expect((await (await on("2022-06-05", "staffA")).post(`/api/rounds/${roundId}/submissions`, { taskId: t[1], text: "已完成排查" })).status).toBe(200);

    // A unit cannot close it; the office can, five days after the due date.
    expect((await (await on("2022-06-15", "staffB")).post(`/api/rounds/${roundId}/close`, {})).status).toBe(403);
    const admin15 = await on("2022-06-15", "admin");
    const closed = await admin15.post(`/api/rounds/${roundId}/close`, { note: "按期汇总" });
    expect(closed.status).toBe(200);
    expect(closed.body.data).toMatchObject({ status: "closed", counts: { required: 3, onTime: 1, missing: 2 } });
    const [entry] = await auditOf("round.close", roundId);
    expect(entry.data).toMatchObject({ required: 3, answered: 1, unanswered: 2, note: "按期汇总" });

    // B is refused with a stable id; its requirement no longer offers submit; closing twice is refused too.
    const staffB = await on("2022-06-16", "staffB");
    const late = await staffB.post(`/api/rounds/${roundId}/submissions`, { taskId: t[1], text: "补报" });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe("round.closed");
    expect(late.body.message).toContain("2022年6月上旬调度");
    const view = await staffB.get(`/api/rounds/${roundId}`);
    const reqB = view.body.data.requirements.find((q: any) => q.unitId === u.B);
    expect(view.body.policies[reqB.id].submit).toBe(false);
    expect(view.body.canClose).toBe(false);
    expect((await (await on("2022-06-16", "admin")).post(`/api/rounds/${roundId}/close`, {})).body.error).toBe("round.closed");
    expect((await s.db.selectFrom("submissions").select("id").execute()).length).toBe(1);

    // The lateness recorded at the close (15 June: 5 days) does not grow afterwards.
    await new RoundLatenessTask().run({ db: s.db, now: at("2022-06-30") });
    const recs = await s.db.selectFrom("lateness_records").select(["unit_id", "kind", "days"]).where("round_id", "=", roundId).orderBy("unit_id").execute();
    expect(recs.map((r) => [r.unit_id, r.kind, r.days]).sort()).toEqual([[u.B, "missing", 5], [u.C, "missing", 5]].sort());
  });

  it("ranks units that all score 0 by overdue days, rungs and on-time answers, ties sharing a rank", async () => {
    const admin = await on("2022-06-30", "admin");
    const r = await admin.get(`/api/supervision/ranking?planId=${planId}`);
    // F: nothing due yet → 100. A: 1 of 2 on time → 50 − 30 = 20. Everyone else 0: D and E (task 3 only) are equal
    // on every criterion and listed by name (丹 dān before 冯 féng); B has the round's 5 days more; C a second
    // overdue task as well.
    expect(r.body.data.map((x: any) => [x.unitName, x.rank, x.tied, x.decidedBy])).toEqual([
      ["区交通运输局", 1, false, null],
      ["区财政局", 2, false, "score"],
      ["丹河办事处", 3, true, "score"],
      ["冯封办事处", 3, true, null],
      ["区公安局", 5, false, "overdueDays"],
      ["府城办事处", 6, false, "overdueDays"],
    ]);
    expect(r.body.data.map((x: any) => x.score)).toEqual([100, 20, 0, 0, 0, 0]);
  });

  it("escalates on the office's judgement with a mandatory reason, keeps that ladder open, and closes it on the office's word", async () => {
    const admin = await on("2022-06-30", "admin");
    const short = await admin.post("/api/supervision/escalations", { taskId: t[4], unitId: u.F, reason: "工作不力" });
    expect(short.status).toBe(400);
    expect(short.body.error).toBe("ladder.reason_required");
    const wrongUnit = await admin.post("/api/supervision/escalations", { taskId: t[4], unitId: u.A, reason: "调度中发现该单位工作推进缓慢，需提醒" });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.data.issues[0].path).toBe("unitId");
    expect((await (await on("2022-06-30", "staffF")).post("/api/supervision/escalations", { taskId: t[4], unitId: u.F, reason: "调度中发现该单位工作推进缓慢，需提醒" })).status).toBe(403);

    // F is not behind (its deadline is 31 December): no trigger fired, yet the office issues the 提醒 now.
    const reason = "现场核查发现水平衡测试尚未启动，与报送进度不符";
    const issued = await admin.post("/api/supervision/escalations", { taskId: t[4], unitId: u.F, reason });
    expect(issued.status).toBe(200);
    expect(issued.body.data).toMatchObject({ step: "reminder", ladder: { currentStep: "reminder" }, document: { kind: "reminder", unitName: "区交通运输局" } });
    const ladderId = issued.body.data.ladder.id;
    const [esc] = await auditOf("ladder.escalate", ladderId);
    expect(esc.data).toMatchObject({ step: "reminder", mode: "issue", reason });
    expect(esc.actor_name).toBe("用户admin");
    const [step] = await auditOf("ladder.step", ladderId);
    expect((step.data as { reasons: string[] }).reasons).toEqual([`攻坚战办研判：${reason}`]);

    // The hourly run does not close it for being caught up.
    await new LadderTask({ files, channels: [] }).run({ db: s.db, now: at("2022-07-01") });
    const open = await (await on("2022-07-01", "admin")).get("/api/supervision/ladders?open=1");
    expect(open.body.data.map((l: any) => l.id)).toContain(ladderId);

    // A 督办通知 proposed on judgement waits for confirmation; the unit's inbox links to its 提醒函.
    const admin1 = await on("2022-07-01", "admin");
    const proposed = await admin1.post("/api/supervision/escalations", { taskId: t[4], unitId: u.F, mode: "propose", reason: "提醒后仍未启动测试，建议发督办通知" });
    expect(proposed.status).toBe(200);
    expect(proposed.body.data.proposalId).toEqual(expect.any(String));
    expect(proposed.body.data.ladder.currentStep).toBe("reminder");
    expect((await admin1.post("/api/supervision/escalations", { taskId: t[4], unitId: u.F, mode: "propose", reason: "提醒后仍未启动测试，建议发督办通知" })).status).toBe(409);
    const inboxF = await (await on("2022-07-01", "staffF")).get("/api/inbox");
    expect(inboxF.body.data.map((n: any) => n.data.url)).toContain(`/api/supervision/documents/${issued.body.data.document.id}/docx`);

    // Three days after the 提醒 the office issues the 督办通知 itself: the pending proposal of it lapses.
    const admin3 = await on("2022-07-03", "admin");
    const notice = await admin3.post("/api/supervision/escalations", { taskId: t[4], unitId: u.F, step: "notice", reason: "提醒后仍未启动测试，现发督办通知" });
    expect(notice.status).toBe(200);
    expect(notice.body.data.ladder).toMatchObject({ currentStep: "notice", proposals: [] });
    expect(notice.body.data.document).toMatchObject({ kind: "notice", docNumber: "中环攻坚督〔2022〕1号" });
    // A 提醒 needs nobody's confirmation, so it cannot be proposed.
    const fresh = await admin3.post("/api/supervision/escalations", { taskId: t[3], unitId: u.D, mode: "propose", step: "reminder", reason: "调度发现台账资料缺失，需提醒整改" });
    expect(fresh.status).toBe(400);
    expect(fresh.body.data.issues[0].path).toBe("mode");

    // The office closes it, with a reason; a second close is refused.
    const admin2 = await on("2022-07-04", "admin");
    expect((await admin2.post(`/api/supervision/ladders/${ladderId}/resolve`, { reason: "" })).status).toBe(400);
    const resolved = await admin2.post(`/api/supervision/ladders/${ladderId}/resolve`, { reason: "已启动水平衡测试" });
    expect(resolved.status).toBe(200);
    const closes = await auditOf("ladder.close", ladderId);
    expect(closes.map((e) => e.data)).toEqual([expect.objectContaining({ byOffice: true, reason: "已启动水平衡测试", steps: 2 })]);
    expect((await admin2.post(`/api/supervision/ladders/${ladderId}/resolve`, { reason: "再次" })).status).toBe(409);
  });
});
