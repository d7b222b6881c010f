import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { insertPlan, insertTask } from "../../repositories/plan.repository";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { RoundLatenessTask } from "../../jobs/roundLatenessTask";
import { LadderTask } from "../../jobs/ladderTask";
import type { NotificationChannel, OutboundMessage } from "../../notify/channel";
import { readZipEntry } from "../../documents/zip";
import { PNG_1X1 } from "./testFixtures";

/** Shanghai 10:00 on a day, as an instant. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe.each(ENGINES)("supervision from round to issued notice on %s", (engine) => {
  let s: TestServer;
  let eco: { id: string };
  let housing: { id: string };
  let agri: { id: string };
  let t1: string;
  let t2: string;
  let planId: string;
  const sent: OutboundMessage[] = [];
  const capture: NotificationChannel = { name: "sms", send: async (m) => void sent.push(m) };
  const files = new FileStore(SHARED_TEMP_FILES_DIR);
  /** Moves the clock and signs in again (sessions expire as the days pass). */
  const on = async (day: string, username: string) => {
    vi.setSystemTime(at(day));
    return TestClient.signIn(s.app, username);
  };

  beforeAll(async () => {
    s = await createTestServer(engine);
    eco = await buildUnit(s.db, { name: "中站生态环境分局", kind: "branch" });
    housing = await buildUnit(s.db, { name: "区住房和城乡建设局" });
    agri = await buildUnit(s.db, { name: "区农业农村局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "eco.staff", roles: ["unit_staff"], unitIds: [eco.id] });
    await buildUser(s.db, { username: "housing.head", roles: ["unit_head"], unitIds: [housing.id] });
    await buildUser(s.db, { username: "agri.staff", roles: ["unit_staff"], unitIds: [agri.id] });
    const plan = await insertPlan(s.db, {
      title: "中站区 2022 年水污染防治攻坚战实施方案", docNumber: "中环攻坚办〔2022〕13号", issuer: "中站区污染防治攻坚战领导小组办公室",
      issuedOn: "2022-05-18", year: 2022, sourceText: "…", sourceSha256: randomBytes(32).toString("hex"), importedBy: null,
    });
    planId = plan.id;
    t1 = await insertTask(s.db, {
      planId, sort: 0, number: "1", section: "（一）深入打好城市黑臭水体治理攻坚战", title: "深入推进城市建成区黑臭水体整治", text: "…", clauses: [],
      units: [
        { role: "co_lead", unitId: housing.id, collective: null },
        { role: "co_lead", unitId: eco.id, collective: null },
        { role: "participant", unitId: agri.id, collective: null },
        { role: "implementer", unitId: null, collective: "各办事处" },
      ],
      deadlines: [{ dueOn: "2022-12-31", text: "年底前完成整治" }],
    });
    t2 = await insertTask(s.db, {
      planId, sort: 1, number: "2", section: null, title: "持续提升城镇污水收集处理能力", text: "…", clauses: [],
      units: [{ role: "lead", unitId: housing.id, collective: null }, { role: "participant", unitId: eco.id, collective: null }],
      deadlines: [],
    });
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await s.close();
  });

  it("opens a round, takes a submission, records lateness, reminds, proposes, and issues a numbered notice", async () => {
    // 1 June: the office opens a round. Lead and co-lead units report; participants and collectives do not.
    const admin = await on("2022-06-01", "admin");
    const opened = await admin.post("/api/rounds", { planId, title: "2022年6月上旬调度", dueOn: "2022-06-10" });
    expect(opened.status).toBe(200);
    const roundId = opened.body.data.id;
    expect(opened.body.data.counts).toMatchObject({ required: 3, pending: 3 });
    const roundOpen = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "round.open").where("entity_id", "=", roundId).executeTakeFirstOrThrow();
    expect(roundOpen.data).toMatchObject({ requirements: 3, units: 2 });

    // "My tasks": eco co-leads task 1 and participates in task 2.
    const ecoStaff = await on("2022-06-05", "eco.staff");
    const mine = await ecoStaff.get("/api/tasks?mine=1");
    expect(mine.status).toBe(200);
    expect(mine.body.byRole).toMatchObject({ co_lead: [t1], participant: [t2], lead: [] });
    expect(mine.body.data.find((t: { id: string }) => t.id === t1).openRequirements).toHaveLength(1);

    // 5 June: eco submits on time, with a PNG; a text file disguised as .pdf is refused by its bytes.
    const bad = await ecoStaff.post(`/api/rounds/${roundId}/submissions`, {
      taskId: t1, text: "排查完成", attachments: [{ fileName: "伪装.pdf", contentBase64: Buffer.from("just text").toString("base64") }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues[0].path).toBe("attachments.0");
    const sub = await ecoStaff.post(`/api/rounds/${roundId}/submissions`, {
      taskId: t1, text: "已完成建成区黑臭水体排查，公布清单。", figures: [{ name: "排查水体", value: 4, unit: "条" }],
      attachments: [{ fileName: "现场照片.png", contentBase64: PNG_1X1.toString("base64") }],
    });
    expect(sub.status).toBe(200);
    expect(sub.body.data).toMatchObject({ unitId: eco.id, status: "onTime" });
    const attachment = sub.body.data.submissions[0].attachments[0];
    expect(attachment).toMatchObject({ fileName: "现场照片.png", contentType: "image/png", size: PNG_1X1.length });
    const download = await ecoStaff.get(attachment.url);
    expect(download.status).toBe(200);
    expect(download.headers["content-type"]).toBe("image/png");
    // A participant unit has nothing to answer; another unit's head cannot read eco's attachment.
    const agriStaff = await on("2022-06-05", "agri.staff");
    expect((await agriStaff.post(`/api/rounds/${roundId}/submissions`, { taskId: t1, text: "参与" })).status).toBe(403);
    expect((await agriStaff.get(attachment.url)).status).toBe(403);

    // 12 June: the lateness task records housing's two missing answers, once.
    const lateness = new RoundLatenessTask();
    expect(await lateness.run({ db: s.db, now: at("2022-06-12") })).toMatchObject({ created: 2, changed: 0 });
    expect(await lateness.run({ db: s.db, now: at("2022-06-12") })).toMatchObject({ created: 0, changed: 0 });
    const adminJune12 = await on("2022-06-12", "admin");
    const late = await adminJune12.get(`/api/supervision/lateness?roundId=${roundId}`);
    expect(late.body.data.map((l: any) => [l.unitName, l.taskNumber, l.kind, l.days])).toEqual([
      ["区住房和城乡建设局", "1", "missing", 2],
      ["区住房和城乡建设局", "2", "missing", 2],
    ]);

    // The ladder task issues 提醒 by itself (with an unnumbered 提醒函) and notifies the unit; twice is once.
    const ladder = new LadderTask({ files, channels: [capture] });
    expect(await ladder.run({ db: s.db, now: at("2022-06-12") })).toMatchObject({ opened: 2, applied: 2, proposed: 0 });
    expect(await ladder.run({ db: s.db, now: at("2022-06-12") })).toMatchObject({ opened: 0, applied: 0, proposed: 0 });
    expect(sent.filter((m) => m.kind === "ladder.reminder").map((m) => m.username)).toEqual(["housing.head", "housing.head"]);
    const head = await on("2022-06-12", "housing.head");
    const inbox = await head.get("/api/inbox");
    expect(inbox.body.unread).toBe(3);
    expect(inbox.body.data.map((n: { kind: string }) => n.kind).sort()).toEqual(["ladder.reminder", "ladder.reminder", "round.opened"]);

    // A second round is missed as well: 23 June, two rounds missed → a 督办通知 is proposed for each of housing's
    // tasks; eco missed this one and gets its first 提醒.
    const second = await adminJune12.post("/api/rounds", { planId, title: "2022年6月下旬调度", dueOn: "2022-06-20" });
    expect(second.status).toBe(200);
    await lateness.run({ db: s.db, now: at("2022-06-23") });
    expect(await ladder.run({ db: s.db, now: at("2022-06-23") })).toMatchObject({ opened: 1, applied: 1, proposed: 2 });
    const admin23 = await on("2022-06-23", "admin");
    const ladders = await admin23.get("/api/supervision/ladders?open=1");
    const l1 = ladders.body.data.find((l: any) => l.taskId === t1);
    expect(l1).toMatchObject({ unitName: "区住房和城乡建设局", currentStep: "reminder", currentStepLabel: "提醒" });
    expect(l1.proposals).toHaveLength(1);
    expect(l1.proposals[0]).toMatchObject({ step: "notice", label: "督办通知" });
    expect(ladders.body.policies[l1.id]).toEqual({ read: true, confirm: true, recordMinutes: true });
    expect((await admin23.get("/api/inbox?unread=1")).body.data.filter((n: any) => n.kind === "ladder.proposal")).toHaveLength(2);

    // Only the office confirms; the unit's head may not.
    const head23 = await on("2022-06-23", "housing.head");
    expect((await head23.post(`/api/supervision/proposals/${l1.proposals[0].id}/confirm`, {})).status).toBe(403);
    const confirmed = await admin23.post(`/api/supervision/proposals/${l1.proposals[0].id}/confirm`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.data.ladder.currentStep).toBe("notice");
    const doc = confirmed.body.data.document;
    expect(doc).toMatchObject({ kind: "notice", docNumber: "中环攻坚督〔2022〕1号", unitName: "区住房和城乡建设局", taskNumber: "1" });
    expect(doc.facts.missedRounds.map((r: { title: string }) => r.title)).toEqual(["2022年6月上旬调度", "2022年6月下旬调度"]);
    expect((await admin23.post(`/api/supervision/proposals/${l1.proposals[0].id}/confirm`, {})).status).toBe(409);

    // The step and its document were written in the confirming request's transaction, each audited.
    const entries = await s.db.selectFrom("audit_events").selectAll().where("action", "in", ["ladder.step", "document.issue"]).where("entity_id", "in", [l1.id, doc.id]).orderBy("seq").execute();
    const byConfirm = entries.filter((e) => (e.data as { docNumber?: string }).docNumber === "中环攻坚督〔2022〕1号");
    expect(byConfirm.map((e) => e.action)).toEqual(["document.issue", "ladder.step"]);
    expect(new Set(byConfirm.map((e) => e.correlation_id)).size).toBe(1);
    expect(byConfirm[1].actor_name).toBe("用户admin");

    // The .docx downloads and parses back with the unit, the number and the named fonts.
    const file = await admin23.request("GET", doc.url);
    expect(file.status).toBe(200);
    expect(file.headers["content-disposition"]).toContain(encodeURIComponent("中环攻坚督〔2022〕1号.docx"));
    const bytes = (await s.app.inject({ method: "GET", url: doc.url, headers: { cookie: admin23.cookie! } })).rawPayload;
    const xml = readZipEntry(bytes, "word/document.xml")!.toString("utf8");
    expect(xml).toContain("区住房和城乡建设局");
    expect(xml).toContain("中环攻坚督〔2022〕1号");
    expect(xml).toContain("2022年6月上旬调度");
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');

    // Unit roles see only their own documents; the 提醒函 carry no number.
    const ecoDocs = await (await on("2022-06-23", "eco.staff")).get("/api/supervision/documents");
    expect(ecoDocs.body.data.map((d: any) => [d.unitName, d.kindLabel])).toEqual([["中站生态环境分局", "提醒函"]]);
    const headDocs = await head23.get("/api/supervision/documents");
    expect(headDocs.body.data.map((d: any) => [d.kindLabel, d.docNumber])).toEqual(
      expect.arrayContaining([["督办通知", "中环攻坚督〔2022〕1号"], ["提醒函", null], ["提醒函", null]]),
    );
    expect((await (await on("2022-06-23", "eco.staff")).get(doc.url)).status).toBe(403);

    // The ranking puts the unit that answered ahead; the public exposure list answers without a session and is empty.
    const ranking = await admin23.get(`/api/supervision/ranking?planId=${planId}`);
    expect(ranking.body.data.map((r: any) => [r.unitName, r.rank])).toEqual([["中站生态环境分局", 1], ["区住房和城乡建设局", 2]]);
    const pub = await new TestClient(s.app).get("/api/public/exposures");
    expect(pub.status).toBe(200);
    expect(pub.body.data).toEqual([]);

    // Reading the inbox.
    const read = await head23.post("/api/inbox/read", {});
    expect(read.body.data.unread).toBe(0);
  });
});
