import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../test/testServer";
import { buildUnit, buildUser } from "../test/factories";
import { loadConfig } from "../env";
import { userEmail } from "../repositories/user.repository";
import { SmtpChannel, deliver } from "./channel";
import { configureMail, mailerFor } from "./mail";
import { defaultChannels } from "./channels";
import { headerParam, leafParts, parseMime, startTestMailbox, type TestMailbox } from "./testMailbox";

/**
 * SMTP wiring (issue 7): SMTP_URL/MAIL_FROM, users' e-mail in the user API, the SMTP notification channel and the
 * mailer with attachments — against a real SMTP server on loopback that requires a login.
 */
describe("SMTP configuration", () => {
  it("reads SMTP_URL and MAIL_FROM, and refuses a URL that is not smtp:// or smtps://", () => {
    expect(loadConfig({ SMTP_URL: "smtps://u:p@mail.example.gov.cn:465", MAIL_FROM: "清流 <ql@example.gov.cn>" }).mail)
      .toEqual({ smtpUrl: "smtps://u:p@mail.example.gov.cn:465", from: "清流 <ql@example.gov.cn>" });
    expect(loadConfig({}).mail).toBeUndefined();
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.gov.cn" })).toThrow(/SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
  });
});

describe.each(ENGINES)("users' e-mail and the SMTP channel on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let mailbox: TestMailbox;
  let unitId: string;
  beforeAll(async () => {
    [s, mailbox] = await Promise.all([createTestServer(engine), startTestMailbox()]);
    unitId = (await buildUnit(s.db, { name: "区水利局" })).id;
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    admin = await TestClient.signIn(s.app, "admin");
  });
  afterAll(async () => {
    await s?.close();
    await mailbox?.close();
  });

  it("stores a user's e-mail (lower-case) through the API, refuses a malformed one, and clears it", async () => {
    const r = await admin.post("/api/users", {
      username: "water.staff", displayName: "李工", password: "Start-password-42", roles: ["unit_staff"], unitIds: [unitId], email: "Li.Gong@Water.example.gov.cn",
    });
    expect(r.status).toBe(200);
    expect(r.body.data.email).toBe("li.gong@water.example.gov.cn");
    const bad = await admin.patch(`/api/users/${r.body.data.id}`, { email: "不是邮箱" });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues).toEqual([expect.objectContaining({ path: "email", message: "邮箱地址格式不正确" })]);
    expect(await userEmail(s.db, r.body.data.id)).toBe("li.gong@water.example.gov.cn");
    const cleared = await admin.patch(`/api/users/${r.body.data.id}`, { email: "" });
    expect(cleared.body.data.email).toBeNull();
    const entry = await s.db.selectFrom("audit_events").select("data").where("action", "=", "user.update").where("entity_id", "=", r.body.data.id).executeTakeFirstOrThrow();
    expect(entry.data).toMatchObject({ before: { email: "li.gong@water.example.gov.cn" }, after: { email: null } });
  });

  it("mails a notification to a user's address, skips users without one, and reports a refused login", async () => {
    const withMail = await buildUser(s.db, { username: "head.water", roles: ["unit_head"], unitIds: [unitId] });
    await s.db.updateTable("users").set({ email: "head@water.example.gov.cn" }).where("id", "=", withMail.id).execute();
    const without = await buildUser(s.db, { username: "staff.nomail", roles: ["unit_staff"], unitIds: [unitId] });
    const mailer = mailerFor({ smtpUrl: mailbox.url, from: "清流平台 <qingliu@example.gov.cn>" });
    const channel = new SmtpChannel(mailer.transport, mailer.from, (id) => userEmail(s.db, id));
    const before = mailbox.messages.length;
    const r = await deliver([channel], [
      { userId: withMail.id, username: "head.water", kind: "deadline.reminder", title: "任务还有 3 天到期", body: "第3项任务“入河排污口排查”的完成时限为2022年5月31日，请抓紧推进。" },
      { userId: without.id, username: "staff.nomail", kind: "deadline.reminder", title: "任务还有 3 天到期", body: "同上" },
    ]);
    expect(r).toEqual({ sent: 2, failed: 0 });
    const got = mailbox.messages.slice(before);
    expect(got.map((m) => m.to)).toEqual([["head@water.example.gov.cn"]]);
    expect(got[0].from).toBe("qingliu@example.gov.cn");
    const mail = parseMime(got[0].raw);
    expect(mail.headers.subject).toBe("任务还有 3 天到期");
    expect(leafParts(mail)[0].body.toString("utf8").trim()).toBe("第3项任务“入河排污口排查”的完成时限为2022年5月31日，请抓紧推进。");

    const wrong = mailerFor({ smtpUrl: mailbox.url.replace("mail-secret-1", "wrong"), from: "qingliu@example.gov.cn" });
    const refused = await deliver([new SmtpChannel(wrong.transport, wrong.from, (id) => userEmail(s.db, id))], [
      { userId: withMail.id, username: "head.water", kind: "x", title: "t", body: "b" },
    ]);
    expect(refused).toEqual({ sent: 0, failed: 1 });
    mailer.close();
    wrong.close();
    expect(mailbox.messages.length).toBe(before + 1);
  });

  it("sends attachments byte for byte under their Chinese file names", async () => {
    const mailer = mailerFor({ smtpUrl: mailbox.url, from: "qingliu@example.gov.cn" });
    const docx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 250, 251, 252, 253, 254, 255]);
    await mailer.send({ to: "office@example.gov.cn", subject: "2024年5月水质月报", text: "附件为本月报告。", attachments: [{ filename: "2024年5月水质月报.docx", content: docx }] });
    const mail = parseMime(mailbox.messages.at(-1)!.raw);
    const [text, file] = leafParts(mail);
    expect(text.body.toString("utf8").trim()).toBe("附件为本月报告。");
    expect(headerParam(file.headers["content-disposition"], "filename") ?? headerParam(file.headers["content-type"], "name")).toBe("2024年5月水质月报.docx");
    expect(file.body.equals(docx)).toBe(true);
    mailer.close();
  });
});

describe("mail configured for the process", () => {
  let s: TestServer;
  let mailbox: TestMailbox;
  beforeAll(async () => {
    [s, mailbox] = await Promise.all([createTestServer("pglite"), startTestMailbox()]);
  });
  afterAll(async () => {
    await s?.close();
    await mailbox?.close();
  });

  it("gives every job that notifies an e-mail channel beside SMS", async () => {
    configureMail({ smtpUrl: mailbox.url, from: "qingliu@example.gov.cn" }, s.db);
    const unit = await buildUnit(s.db, { name: "区住建局" });
    const user = await buildUser(s.db, { username: "mail.staff", roles: ["unit_staff"], unitIds: [unit.id] });
    await s.db.updateTable("users").set({ email: "staff@example.gov.cn" }).where("id", "=", user.id).execute();
    const channels = defaultChannels();
    expect(channels.map((c) => c.name)).toEqual(["sms", "email"]);
    expect(await deliver(channels, [{ userId: user.id, username: user.username, kind: "ladder.notice", title: "督办通知", body: "请于5日内报送整改情况。" }]))
      .toEqual({ sent: 2, failed: 0 });
    expect(mailbox.messages.map((m) => m.to)).toEqual([["staff@example.gov.cn"]]);
    expect(parseMime(mailbox.messages[0].raw).headers.subject).toBe("督办通知");
  });
});
