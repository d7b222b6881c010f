import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E, type E2E } from "./harness";
import { leafParts, parseMime, startTestMailbox, type TestMailbox } from "../server/notify/testMailbox";

/**
 * Monthly reports in real Chromium against a real server with the demo district and a real SMTP server on
 * loopback: the worker generated last month's reports at start; the office adds a recipient, mails the water
 * report (the mail arrives with both files), generates a new version on demand and downloads it; an operator sees
 * only the water report; a user's e-mail is set in the user form. Screenshots are saved and looked at.
 */
describe("reports e2e", () => {
  let e: E2E;
  let mailbox: TestMailbox;
  beforeAll(async () => {
    mailbox = await startTestMailbox();
    e = await startE2E({ SMTP_URL: mailbox.url, MAIL_FROM: "清流平台 <qingliu@example.gov.cn>" });
  }, 120_000);
  afterAll(async () => {
    await e?.close();
    await mailbox?.close();
  });

  /** Last month in Beijing, YYYY-MM. */
  const lastMonth = () => {
    const now = new Date(Date.now() + 8 * 3_600_000);
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return d.toISOString().slice(0, 7);
  };

  it("archives, mails, generates and downloads the monthly reports", async () => {
    const page = await e.newPage();
    await e.signIn(page, "admin");
    await page.getByTestId("menu-reports").click();
    await page.waitForURL(`${e.server.url}/reports`);
    const period = lastMonth();
    // The worker generates last month's two reports at start: wait until the list shows them.
    const water = page.getByTestId(`report-docx-water_quality-${period}-1`);
    await expect.poll(async () => {
      if (await water.count()) return true;
      await page.reload();
      await page.getByTestId("reports-table").waitFor();
      return false;
    }, { timeout: 60_000, interval: 1_000 }).toBe(true);
    await expect.poll(() => page.getByTestId(`report-docx-campaign_progress-${period}-1`).count()).toBe(1);

    // A recipient of both reports.
    await page.getByTestId("reports-tabs").getByText("收件人").click();
    await page.waitForURL(`${e.server.url}/reports/recipients`);
    await page.getByTestId("recipient-name").fill("区水利局 王科长");
    await page.getByTestId("recipient-email").fill("wang@water.example.gov.cn");
    await page.getByTestId("recipient-submit").click();
    await page.getByTestId("recipients-table").getByText("wang@water.example.gov.cn").waitFor();
    await e.shot(page, "production-recipients");

    // Mail last month's water report: it arrives with the Word and Excel files.
    await page.getByTestId("reports-tabs").getByText("报告归档").click();
    await page.getByTestId(`report-mail-water_quality-${period}-1`).click();
    await page.getByText("已发送给 1 位收件人").waitFor();
    await expect.poll(() => mailbox.messages.length).toBe(1);
    const mail = parseMime(mailbox.messages[0].raw);
    expect(mail.headers.subject).toMatch(/^\d{4}年\d{1,2}月地表水环境质量月报$/);
    expect(leafParts(mail).map((p) => p.headers["content-type"]?.split(";")[0])).toEqual([
      "text/plain",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);

    // Generate last month's campaign report again: version 2, downloadable.
    await page.getByTestId("report-generate").click();
    await page.getByTestId("report-generate-kind").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "攻坚任务进展月报" }).click();
    await page.getByTestId("report-generate-submit").click();
    const v2 = page.getByTestId(`report-xlsx-campaign_progress-${period}-2`);
    await v2.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), v2.click()]);
    expect(download.suggestedFilename()).toMatch(/水污染防治攻坚任务进展情况\.xlsx$/);
    await page.getByTestId("reports-history").click();
    await page.getByTestId(`report-xlsx-campaign_progress-${period}-1`).waitFor();
    await e.shot(page, "production-reports");
  });

  it("shows an operator only the water report, without the office's actions", async () => {
    const page = await e.newPage();
    await e.signIn(page, "operator");
    await page.getByTestId("menu-reports").click();
    await page.getByTestId("reports-table").waitFor();
    await expect.poll(() => page.locator("[data-testid^=report-docx-water_quality-]").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid^=report-docx-campaign_progress-]").count()).toBe(0);
    expect(await page.getByTestId("report-generate").count()).toBe(0);
    expect(await page.getByTestId("reports-tabs").count()).toBe(0);
  });

  it("sets a user's e-mail in the user form", async () => {
    const page = await e.newPage();
    await e.signIn(page, "admin");
    await page.goto(`${e.server.url}/admin/users`);
    await page.getByTestId("user-edit-eco.staff").click();
    await page.getByTestId("user-form-email").fill("不是邮箱");
    await page.getByTestId("user-form-submit").click();
    await page.getByText("邮箱地址格式不正确").waitFor();
    await page.getByTestId("user-form-email").fill("Eco.Staff@Example.gov.cn");
    await e.shot(page, "production-user-email");
    await page.getByTestId("user-form-submit").click();
    await page.getByText("已保存").waitFor();
    const me = await page.evaluate(async () => (await (await fetch("/api/users?q=eco.staff")).json()).data[0].email);
    expect(me).toBe("eco.staff@example.gov.cn");
  });
});
