import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { ENGINES } from "../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../test/testServer";
import { buildUser } from "../test/factories";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../repositories/file.repository";
import { listReports, mailingsOf } from "../repositories/report.repository";
import { reportGenerator } from "../commands/reportGenerator";
import { configureMail, mailerFor, type Mailer } from "../notify/mail";
import { headerParam, leafParts, parseMime, startTestMailbox, type TestMailbox } from "../notify/testMailbox";
import { MonthlyReportTask } from "./monthlyReportTask";

/**
 * The monthly report task (issue 7 §4): on the 1st it generates last month's reports, archives them and mails them
 * with both files attached — once; an interim version made during the month does not count; a refused address is
 * tried again, a delivered one never twice. Against a real SMTP server on loopback.
 */
// One mailbox for the file: the process's mailer (configureMail) is set once and must stay reachable.
let mailbox: TestMailbox;
beforeAll(async () => {
  mailbox = await startTestMailbox();
});
afterAll(() => mailbox?.close());

describe.each(ENGINES)("monthly report task on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let mailer: Mailer;
  const files = new FileStore(SHARED_TEMP_FILES_DIR);
  const firstOfMay = new Date("2024-05-01T01:00:00+08:00");
  beforeAll(async () => {
    s = await createTestServer(engine);
    mailbox.messages.length = 0;
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    admin = await TestClient.signIn(s.app, "admin");
    mailer = mailerFor({ smtpUrl: mailbox.url, from: "清流 <qingliu@example.gov.cn>" });
  });
  afterAll(async () => {
    mailer?.close();
    await s?.close();
  });

  it("generates April on May 1st (past an interim version), mails each recipient their reports once, retries a refusal", async () => {
    for (const body of [
      { email: "Water@Example.gov.cn", name: "水利局", kinds: ["water_quality"] },
      { email: "office@example.gov.cn", name: "攻坚办", kinds: ["water_quality", "campaign_progress"] },
      { email: "reject.me@example.gov.cn", name: "失效邮箱", kinds: ["campaign_progress"] },
    ]) expect((await admin.post("/api/reports/recipients", body)).status).toBe(200);
    expect((await admin.post("/api/reports/recipients", { email: "water@example.gov.cn", name: "重复", kinds: ["water_quality"] })).status).toBe(409);
    // Someone looked at April on the 20th: an interim version.
    const interim = await s.db.transaction().execute((trx) => reportGenerator({ trx, actor: null, ip: null, correlationId: "t" },
      { kind: "water_quality", period: "2024-04", trigger: "manual", now: new Date("2024-04-20T10:00:00+08:00"), files }));
    expect(interim.summary.interim).toBe(true);

    const task = new MonthlyReportTask({ files, mailer });
    const first = await task.run({ db: s.db, now: firstOfMay });
    expect(first).toMatchObject({
      period: "2024-04", generated: ["water_quality", "campaign_progress"],
      mailed: { water_quality: { sent: 2, failed: 0, skipped: 0 }, campaign_progress: { sent: 1, failed: 1, skipped: 0 } },
    });
    const reports = await listReports(s.db, { kinds: ["water_quality", "campaign_progress"] });
    expect(reports.map((r) => [r.kind, r.version, r.trigger, r.summary.interim])).toEqual([
      ["campaign_progress", 1, "schedule", false], ["water_quality", 2, "schedule", false], ["water_quality", 1, "manual", true],
    ]);
    expect(mailbox.messages.map((m) => m.to[0]).sort()).toEqual(["office@example.gov.cn", "office@example.gov.cn", "water@example.gov.cn"]);

    // The water mail: subject, greeting, and both files byte for byte as archived.
    const water = reports.find((r) => r.kind === "water_quality" && r.version === 2)!;
    const mail = parseMime(mailbox.messages.find((m) => m.to[0] === "water@example.gov.cn")!.raw);
    expect(mail.headers.subject).toBe("2024年4月地表水环境质量月报");
    const [text, docx, xlsx] = leafParts(mail);
    expect(text.body.toString("utf8")).toContain("水利局：");
    expect(headerParam(docx.headers["content-disposition"], "filename")).toBe("2024年4月地表水环境质量月报.docx");
    expect(docx.body.equals(files.get(water.docxSha256)!)).toBe(true);
    expect(xlsx.body.equals(files.get(water.xlsxSha256)!)).toBe(true);
    expect((await mammoth.extractRawText({ buffer: docx.body })).value).toContain("2024年4月，全区纳入评价的监测断面（点位）0个，本月均无有效监测数据。");

    const campaign = reports.find((r) => r.kind === "campaign_progress")!;
    const refused = (await mailingsOf(s.db, [campaign.id])).find((m) => m.email === "reject.me@example.gov.cn")!;
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/550/);

    // An hour later: nothing new is generated or delivered twice; only the refused address is tried again.
    const second = await task.run({ db: s.db, now: new Date(firstOfMay.getTime() + 3_600_000) });
    expect(second).toMatchObject({ generated: [], mailed: { water_quality: { sent: 0, failed: 0, skipped: 2 }, campaign_progress: { sent: 0, failed: 1, skipped: 1 } } });
    expect(mailbox.messages).toHaveLength(3);
    const audit = await s.db.selectFrom("audit_events").select("action").where("action", "in", ["report.generate", "report.mail"]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["report.generate", "report.generate", "report.generate", "report.mail", "report.mail", "report.mail"]);
  });

  it("mails a report made by hand through the API when SMTP is configured", async () => {
    configureMail({ smtpUrl: mailbox.url, from: "清流 <qingliu@example.gov.cn>" }, s.db);
    const made = await admin.post("/api/reports", { kind: "water_quality", period: "2024-03" });
    const before = mailbox.messages.length;
    const r = await admin.post(`/api/reports/${made.body.data.id}/mail`, {});
    expect(r.body.data).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(mailbox.messages.length).toBe(before + 2);
    expect((await admin.post(`/api/reports/${made.body.data.id}/mail`, {})).body.data).toEqual({ sent: 0, failed: 0, skipped: 2 });
    const list = await admin.get("/api/reports?period=2024-03");
    expect(list.body.data[0].mailings).toEqual({ sent: 2, failed: [] });
    expect(list.body.can.mail).toBe(true);
  });
});
